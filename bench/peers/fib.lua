-- Recursive fib(30) through a function call per node; prints 832040.
-- Runs under lua5.4 and luajit.
local function fib(n)
  if n < 2 then
    return n
  end
  local a = fib(n - 1)
  local b = fib(n - 2)
  return a + b
end
print(fib(30))
