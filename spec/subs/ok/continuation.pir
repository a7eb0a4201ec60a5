# A Continuation made by `new` and given an address by set_label goes back to the sub that
# gave it the address, at that label, dropping the frames above: the values passed to it are
# what a get_results there receives. It can be invoked again, from a call or a tailcall.
.sub 'main' :main
    .local pmc cont
    .local string got
    .local int round
    round = 0
    cont = new 'Continuation'
    set_label cont, back
    $I0 = get_addr cont
    $I1 = $I0 >= 0
    say $I1
    'deep'(cont, 3)
    say "not reached"
back:
    .get_results (got)
    say got
    inc round
    if round == 2 goto tail
    'deep'(cont, 1)
tail:
    set_label cont, after_tail
    'escape'(cont)
    say "not reached either"
after_tail:
    say "back from a tailcall"
.end

# Recurses n levels, then invokes the continuation from the deepest one.
.sub 'deep'
    .param pmc cont
    .param int n
    if n == 0 goto out
    dec n
    'deep'(cont, n)
    say "no return here"
out:
    cont("out of the deepest call")
.end

.sub 'escape'
    .param pmc cont
    .tailcall cont()
.end
