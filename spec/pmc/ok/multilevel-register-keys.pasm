# Multi-level keys mix string and int parts, from constants or registers.
    new P0, 'Hash'
    new P1, 'ResizablePMCArray'
    push P1, "x"
    push P1, "y"
    set P0["list"], P1
    set S0, "list"
    set I0, 1
    set S1, P0[S0;I0]
    say S1
    set P0[S0;0], "changed"
    set S2, P1[0]
    say S2
    new P2, 'Hash'
    set P1[2], P2
    set P0["list";2;"deep"], 7
    set I1, P2["deep"]
    say I1
    end
