.include 'socket.pasm'
.sub main :main
    .local pmc a, b, c, r, cb
    cb = get_global 'nothing'
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'("{d}/a.sock")
    b = new 'Socket'
    b.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    b.'bind'("{d}/b.sock")
    c = new 'Socket'
    c.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    push_eh failed
    {body}
    pop_eh
    goto after
failed:
    .get_results ($P9)
    pop_eh
    print "error: "
    say $P9
after:
    say "end"
.end
.sub nothing
    .param pmc r
.end
