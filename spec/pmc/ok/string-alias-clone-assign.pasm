# For String PMCs: set aliases, clone copies, assign copies the value into an existing PMC.
    new P0, 'String'
    set P0, "one"
    set P1, P0
    clone P2, P0
    new P3, 'String'
    assign P3, P0
    set P0, "two"
    say P1
    say P2
    say P3
    issame I0, P0, P1
    say I0
    issame I0, P0, P2
    say I0
    end
