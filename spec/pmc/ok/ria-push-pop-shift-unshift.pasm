# ResizableIntegerArray push/pop at the end, unshift/shift at the front; strings convert on the way in.
    new P0, 'ResizableIntegerArray'
    push P0, 2
    push P0, "3"
    unshift P0, 1
    say P0
    pop I0, P0
    say I0
    shift I1, P0
    say I1
    say P0
    end
