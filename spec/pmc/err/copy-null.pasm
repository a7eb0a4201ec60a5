# copy into a null register throws Parrot's "Null PMC in copy".
    null P0
    new P1, "Integer"
    copy P0, P1
    end
