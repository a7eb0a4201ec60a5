# Error handling: catch the exceptions ops throw, inspect them, and throw your own.
.pcc_sub :main main:
    # 1. Integer division by zero throws; the handler gets the exception object.
    push_eh DIV_CAUGHT
    set I0, 10
    set I1, 0
    div I2, I0, I1
    say "not reached"
DIV_CAUGHT:
    get_results "0", P0
    pop_eh
    set S0, P0["message"]
    set I3, P0["type"]
    print "caught: "
    print S0
    print " (type "
    print I3
    say ")"

    # 2. mod by zero does not throw: it returns the dividend, as in Parrot.
    mod I4, I0, I1
    print "10 mod 0 = "
    say I4

    # 3. An exception thrown in a sub is caught by the caller's handler.
    push_eh SUB_CAUGHT
    set_args "0", -5
    find_name P1, "checked_sqrt"
    invokecc P1
    say "not reached either"
SUB_CAUGHT:
    get_results "0", P2
    pop_eh
    print "caught from sub: "
    say P2

    # 4. Opening a missing file fails with the OS error text.
    push_eh OPEN_CAUGHT
    open P3, "/nonexistent/kea-example.txt", "r"
OPEN_CAUGHT:
    get_results "0", P4
    pop_eh
    print "caught: "
    say P4

    # 5. An uncaught error ends the program with exit status 1 and a backtrace on stderr.
    say "now an uncaught one:"
    substr S5, "short", 10, 1
    say "never printed"
    end

.pcc_sub checked_sqrt:
    get_params "0", N0
    ge N0, 0.0, OK
    new P5, 'Exception'
    set P5, "cannot take the square root of a negative number"
    throw P5
OK:
    pow N1, N0, 0.5
    set_returns "0", N1
    returncc
