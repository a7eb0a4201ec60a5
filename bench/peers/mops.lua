-- mops_intval loop shape: 100 million iterations of a subtract and a test.
-- Runs under lua5.4 and luajit. Prints the final counter (0).
local i3 = 1
local i4 = 100000000
repeat
  i4 = i4 - i3
until i4 == 0
print(i4)
