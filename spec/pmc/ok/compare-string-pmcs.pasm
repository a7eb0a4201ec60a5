# Two String PMCs compare as strings; iseq/islt give 1 or 0.
    new P0, 'String'
    set P0, "abc"
    new P1, 'String'
    set P1, "abd"
    islt I0, P0, P1
    say I0
    iseq I0, P0, P1
    say I0
    set P1, "abc"
    iseq I0, P0, P1
    say I0
    cmp I1, P0, P1
    say I1
    end
