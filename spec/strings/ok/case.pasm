# upcase downcase titlecase; titlecase upcases the first character and downcases the rest.
    upcase S0, "Mixed Case 123!"
    say S0
    downcase S0, "Mixed Case 123!"
    say S0
    titlecase S0, "hello wORLD"
    say S0
    end
