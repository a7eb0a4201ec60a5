# end stops the program; nothing after it runs, and the exit status is 0.
    say "before end"
    end
    say "after end"
