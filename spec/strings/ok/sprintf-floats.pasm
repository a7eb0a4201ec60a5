# sprintf %f %e %g %.Nf with precision and width.
    new P0, 'ResizablePMCArray'
    push P0, 3.14159
    push P0, 3.14159
    push P0, 1234.5
    push P0, 0.0001
    push P0, 2.5
    push P0, 1e20
    sprintf S0, "[%f] [%.2f] [%e] [%g] [%8.3f] [%g]", P0
    say S0
    end
