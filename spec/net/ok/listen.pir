# `bind` on a stream socket already listens (backlog 128); `listen(backlog)` sets the backlog
# again and returns 0. Its async form returns a Request like any other method.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, r
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    $I0 = listener.'listen'(5)
    print "listen returned "
    say $I0
    $P1 = get_global 'on_listen'
    r = listener.'listen'(16, $P1)
    wait r
    $I1 = r.'return'()
    print "async listen returned "
    say $I1
    listener.'close'()
.end

.sub on_listen
    .param pmc r
    $S0 = r.'state'()
    print "listen callback: "
    say $S0
.end
