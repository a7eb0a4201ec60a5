# Handlers belong to the frame that installed them: a called sub counts none, and its
# pop_eh has nothing to pop, so it throws, and the caller's handler catches that.
.sub main :main
    push_eh caught
    $I0 = count_eh
    say $I0
    inner()
    say "not reached"
caught:
    get_results "0", $P0
    pop_eh
    $S0 = $P0
    say $S0
.end

.sub inner
    $I0 = count_eh
    say $I0
    pop_eh
.end
