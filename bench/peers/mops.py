# mops_intval loop shape: 100 million iterations of a subtract and a test.
# Prints the final counter (0).


def main():
    i3 = 1
    i4 = 100000000
    while True:
        i4 = i4 - i3
        if not i4:
            break
    print(i4)


main()
