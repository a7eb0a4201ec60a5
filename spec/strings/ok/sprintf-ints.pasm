# sprintf %d %i %u %x %X %o %b %c with width, `-`, `0`, `+` and space flags.
    new P0, 'ResizablePMCArray'
    push P0, 42
    push P0, -42
    push P0, 42
    push P0, 255
    push P0, 255
    push P0, 8
    push P0, 5
    push P0, 65
    sprintf S0, "[%d] [%5i] [%-5d] [%x] [%X] [%o] [%b] [%c]", P0
    say S0
    new P1, 'ResizablePMCArray'
    push P1, 42
    push P1, 42
    push P1, 42
    push P1, 7
    sprintf S0, "[%+d] [% d] [%05d] [%#x]", P1
    say S0
    end
