# Typed arrays print their contents; Resizable arrays are their Fixed parents; BigInt parses.
    new P0, 'ResizableStringArray'
    push P0, "a"
    push P0, "b c"
    say P0
    new P1, 'ResizableFloatArray'
    push P1, 1.5
    push P1, 2.0
    say P1
    new P2, 'ResizablePMCArray'
    isa I0, P2, 'FixedPMCArray'
    say I0
    new P3, 'BigInt'
    set P3, "123456789012345678901234567890"
    say P3
    typeof S0, P3
    say S0
    end
