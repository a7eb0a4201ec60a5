# Datagram sockets (PIO_SOCK_DGRAM): `bind` gives a socket an address (it does not listen);
# `sendto(data, addr)` sends one datagram and returns its size; `recvfrom()` returns an array
# of the datagram (a String) and the sender's Sockaddr. `connect` on a datagram socket fixes
# the peer at once, after which `send` and `recv` work on datagrams. All have async forms.
.include 'socket.pasm'

.sub main :main
    .local pmc a, b, a_addr, b_addr, got, from, cb, r
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_DGRAM, .PIO_PROTO_UDP)
    $P0 = a.'sockaddr'("127.0.0.1", 0)
    a.'bind'($P0)
    a_addr = a.'local_address'()
    b = new 'Socket'
    b.'socket'(.PIO_PF_INET, .PIO_SOCK_DGRAM, .PIO_PROTO_UDP)
    b.'bind'($P0)
    b_addr = b.'local_address'()

    $I0 = a.'sendto'("one datagram", b_addr)
    print "sendto returned "
    say $I0
    got = b.'recvfrom'()
    $S0 = got[0]
    from = got[1]
    $S1 = typeof from
    $S2 = from.'host'()
    print "recvfrom: '"
    print $S0
    print "' from a "
    print $S1
    print " at "
    say $S2
    $I1 = from.'port'()
    $I2 = a_addr.'port'()
    if $I1 != $I2 goto async
    say "the sender's port is a's port"
async:
    cb = get_global 'on_recvfrom'
    r = a.'recvfrom'(cb)
    $P1 = get_global 'on_sendto'
    $P2 = b.'sendto'("reply", from, $P1)
    wait $P2
    wait r

    # A connected datagram socket.
    .local pmc c
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_DGRAM, .PIO_PROTO_UDP)
    c.'connect'(b_addr)
    c.'send'("via connect")
    got = b.'recvfrom'()
    $S0 = got[0]
    print "b got '"
    print $S0
    say "'"
    a.'close'()
    b.'close'()
    c.'close'()
.end

.sub on_sendto
    .param pmc r
    $I0 = r.'return'()
    print "async sendto returned "
    say $I0
.end

.sub on_recvfrom
    .param pmc r
    .local pmc got
    got = r.'return'()
    $S0 = got[0]
    print "async recvfrom: '"
    print $S0
    say "'"
.end
