# printerr writes to stderr; an ok/ case may only print the empty string there.
    printerr ""
    say "stdout only"
    end
