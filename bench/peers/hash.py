# Insert 200,000 string keys "k0".."k199999" (built by concatenating "k"
# and the integer) with value i into a dict, then build each key again,
# look it up and sum the values; prints 19999900000.


def main():
    h = {}
    i = 0
    while True:
        k = "k" + str(i)
        h[k] = i
        i = i + 1
        if not (i < 200000):
            break
    i = 0
    total = 0
    while True:
        k = "k" + str(i)
        total = total + h[k]
        i = i + 1
        if not (i < 200000):
            break
    print(total)


main()
