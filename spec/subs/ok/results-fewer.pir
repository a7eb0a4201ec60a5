# Taking fewer results than returned, or ignoring them, is allowed (get_results does not check).
.sub main :main
    $I0 = three()
    say $I0
    three()
    say "ignored"
.end

.sub three
    .return (1, 2, 3)
.end
