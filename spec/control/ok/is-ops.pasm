# iseq isne islt isle isgt isge give 1 or 0 in an I register.
    set I1, 3
    set I2, 5
    iseq I0, I1, I2
    print I0
    isne I0, I1, I2
    print I0
    islt I0, I1, I2
    print I0
    isle I0, I1, 3
    print I0
    isgt I0, I1, I2
    print I0
    isge I0, I2, I1
    print I0
    set N0, 1.5
    iseq I0, N0, 1.5
    print I0
    set S1, "a"
    iseq I0, S1, "a"
    say I0
    end
