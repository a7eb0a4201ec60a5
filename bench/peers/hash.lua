-- Insert 200,000 string keys "k0".."k199999" (built by concatenating "k"
-- and the integer) with value i into a table used as a hash, then build
-- each key again, look it up and sum the values; prints 19999900000.
-- Runs under lua5.4 and luajit.
local h = {}
local i = 0
repeat
  local k = "k" .. i
  h[k] = i
  i = i + 1
until i >= 200000
i = 0
local sum = 0
repeat
  local k = "k" .. i
  sum = sum + h[k]
  i = i + 1
until i >= 200000
print(sum)
