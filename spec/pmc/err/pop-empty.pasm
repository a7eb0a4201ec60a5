# pop on an empty array throws with Parrot's wording, naming the class.
    new P0, 'ResizableIntegerArray'
    push P0, 1
    pop I0, P0
    say I0
    pop I0, P0
    say "not reached"
    end
