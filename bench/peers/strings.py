# Repeated append to a growing string: 200,000 times s = s + "ab", then
# print the length (400000). (CPython resizes s in place when nothing else
# refers to it, so this is linear there.)


def main():
    s = ""
    i = 0
    while True:
        s = s + "ab"
        i = i + 1
        if not (i < 200000):
            break
    print(len(s))


main()
