# Multi-level keys reach into nested containers: P0["list";1].
    new P0, 'Hash'
    new P1, 'ResizablePMCArray'
    push P1, "a"
    push P1, "b"
    set P0["list"], P1
    set S0, P0["list";1]
    say S0
    end
