# set_addr into an I register gives an address jump goes to; set_label and get_label set and
# read an ExceptionHandler's.
    set_addr I0, there
    jump I0
    say "skipped"
there:
    say "jumped"
    new P0, 'ExceptionHandler'
    get_label I1, P0
    say I1
    set_label P0, handler
    get_label I1, P0
    get_addr I2, P0
    eq I1, I2, same
    say "differ"
same:
    push_eh P0
    die "boom"
    say "not here"
handler:
    say "caught"
    end
