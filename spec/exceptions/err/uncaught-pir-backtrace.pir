# An uncaught error from an op inside a PIR sub reports the message and a backtrace through main.
.sub main :main
    say "start"
    helper(0)
.end

.sub helper
    .param int d
    $I0 = 10 / d
    say $I0
.end
