# Unknown sub flags are errors, not silently ignored.
.sub main :mian
    say "never runs"
.end
