# The smallest program: say adds a newline, print does not.
    print "Hello"
    say ", world"
    end
