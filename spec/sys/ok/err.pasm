# err: the last OS error a request failed with (0 before any) and its text; err S, I is the
# OS's text for any number.
    err I0
    say I0
    err S0, 2
    say S0
    push_eh failed
    open P0, "spec/sys/no such file"
    pop_eh
    end
failed:
    pop_eh
    err I0
    say I0
    err S0
    say S0
    end
