# count_eh counts the handlers installed in the current context.
    count_eh I0
    say I0
    push_eh H1
    push_eh H2
    count_eh I0
    say I0
    pop_eh
    count_eh I0
    say I0
    pop_eh
    count_eh I0
    say I0
    end
H1: end
H2: end
