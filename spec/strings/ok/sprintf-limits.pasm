# sprintf renders %d %i %u and the float conversions as Parrot does, through C's snprintf
# into a 4,096-byte buffer: the precision is capped at 3,072, the width at 4,096, and a piece
# keeps at most 4,095 bytes. A precision from `*` is read as unsigned: a negative one is
# capped too, or does not cut a string.
    new P0, 'ResizablePMCArray'
    push P0, 1.5
    sprintf S0, "%.65536f", P0
    length I0, S0
    say I0
    substr S1, S0, 0, 8
    say S1
    sprintf S0, "%.70000e", P0
    length I0, S0
    say I0
    substr S1, S0, -6, 6
    say S1
    sprintf S0, "%99999.1f", P0
    length I0, S0
    say I0
    new P1, 'ResizablePMCArray'
    push P1, -1
    push P1, 42
    sprintf S0, "%.*d", P1
    length I0, S0
    say I0
    new P2, 'ResizablePMCArray'
    push P2, -1
    push P2, "whole"
    sprintf S0, "[%.*s]", P2
    say S0
    new P3, 'ResizablePMCArray'
    push P3, 0
    push P3, 0
    sprintf S0, "[%.0d][%3.0d]", P3
    say S0
    end
