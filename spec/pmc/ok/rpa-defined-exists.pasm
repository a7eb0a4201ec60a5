# On a ResizablePMCArray, a gap left by auto-extension neither exists nor is defined.
    new P0, 'ResizablePMCArray'
    set P0[2], "x"
    exists I0, P0[0]
    say I0
    defined I0, P0[0]
    say I0
    exists I0, P0[2]
    say I0
    defined I0, P0[2]
    say I0
    exists I0, P0[7]
    say I0
    end
