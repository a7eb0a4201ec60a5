# if_null / unless_null test whether a P register is null.
    null P0
    if_null P0, A
    say "wrong"
A:  new P0, 'Integer'
    unless_null P0, B
    say "wrong"
B:  isnull I0, P0
    say I0
    end
