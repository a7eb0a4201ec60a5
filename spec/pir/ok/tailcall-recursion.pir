# .tailcall reuses the frame: a million-deep loop runs in constant stack.
.sub main :main
    $I0 = countdown(1000000, 0)
    say $I0
.end

.sub countdown
    .param int n
    .param int acc
    if n == 0 goto done
    $I0 = n - 1
    $I1 = acc + 1
    .tailcall countdown($I0, $I1)
done:
    .return (acc)
.end
