# Address text must be host:port ("127.0.0.1:80", "[::1]:80", "localhost:80"); anything else
# is "'...' is not an address (host:port)", before any lookup.
.include 'socket.pasm'

.sub main :main
    .local pmc s
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    push_eh bad
    s.'bind'("127.0.0.1")
bad:
    .get_results ($P0)
    pop_eh
    print "bind: "
    say $P0
    s.'connect'("no-port-here")
    say "not reached"
.end
