// Recursive fib(30) through a function call per node; prints 832040.
function fib(n) {
  if (n < 2) {
    return n;
  }
  const a = fib(n - 1);
  const b = fib(n - 2);
  return a + b;
}
console.log(fib(30));
