# .const 'FixedIntegerArray' builds the array from "(a, b, ...)": base 10, or 2, 16 and 8
# after 0b, 0x and 0; .const int/num/string convert between int and num; .globalconst is seen
# by every sub.
.sub main :main
    .const 'FixedIntegerArray' a = '(0, 1, 0b10, 010, 0x10)'
    $I0 = elements a
    say $I0
    $I1 = a[3]
    say $I1
    $I1 = a[4]
    say $I1
    .const int i = 2.5
    say i
    .globalconst num N = 3
    other()
.end

.sub other
    say N
.end
