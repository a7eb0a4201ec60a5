# sprintf %s with width, `-` and precision; %% is a literal percent.
    new P0, 'ResizablePMCArray'
    push P0, "str"
    push P0, "ab"
    push P0, "truncate"
    push P0, 17
    sprintf S0, "[%5s] [%-5s] [%.3s] [%s] 100%%", P0
    say S0
    end
