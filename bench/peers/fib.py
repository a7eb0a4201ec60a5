# Recursive fib(30) through a function call per node; prints 832040.


def fib(n):
    if n < 2:
        return n
    a = fib(n - 1)
    b = fib(n - 2)
    return a + b


print(fib(30))
