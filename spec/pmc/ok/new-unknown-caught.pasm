# new of an unknown class is a catchable error; its message names the class.
    push_eh H
    new P0, 'NoSuchThing'
    say "not reached"
H:  get_results "0", P1
    pop_eh
    say P1
    end
