# repeat with the count in a PMC, pin and unpin (no-ops: strings never move), and finalize in
# a handler (nothing to unwind in Kea's one run loop).
    new P0, 'String'
    set P0, "ab"
    new P1, 'Integer'
    set P1, 2
    repeat P2, P0, P1
    say P2
    repeat P0, P1
    say P0
    set S0, "pinned"
    pin S0
    unpin S0
    say S0
    push_eh handler
    die "boom"
handler:
    get_results "0", P3
    finalize P3
    pop_eh
    say "finalized"
    end
