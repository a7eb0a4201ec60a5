# A sub that runs off its end returns, never into the next sub.
.sub main :main
    noret()
    say "back in main"
.end

.sub noret
    say "in noret"
.end

.sub other
    say "never called"
.end
