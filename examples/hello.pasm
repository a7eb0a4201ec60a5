# The first program: print a greeting.
    say "Hello, world!"
    end
