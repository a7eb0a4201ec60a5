-- Repeated append to a growing string: 200,000 times s = s .. "ab", then
-- print the length (400000). Lua strings are immutable, so every append
-- copies (quadratic), like Kea. Runs under lua5.4 and luajit.
local s = ""
local i = 0
repeat
  s = s .. "ab"
  i = i + 1
until i >= 200000
print(#s)
