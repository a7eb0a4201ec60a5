# Async file read throughput: read the file named by the first argument to its end with
# asynchronous `read`s of 1 MiB, waiting on each request, and print the byte count.
# bench/aio times it against `cat FILE > /dev/null`.
.sub main :main
    .param pmc argv
    .local string path, chunk
    .local pmc nocb, req, fh
    .local int total, n
    path = argv[1]
    null nocb
    req = open path, "r", nocb
    wait req
    fh = req.'return'()
    total = 0
loop:
    req = read fh, 1048576, nocb
    wait req
    chunk = req.'return'()
    n = length chunk
    unless n goto eof
    total += n
    goto loop
eof:
    close fh
    say total
.end
