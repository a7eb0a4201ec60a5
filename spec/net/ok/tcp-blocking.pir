# Blocking form: bind 127.0.0.1 port 0 (a stream socket listens once bound), read the port
# the OS picked with local_address, accept in a task, connect, send and recv. Each call parks
# only its own task. A Socket is true while it is connected (or bound) and not closed. Prints
# are placed so that each follows the message that caused it: the output is the same however
# the two tasks interleave.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, local, server, client
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'(addr)
    local = listener.'local_address'()
    $S0 = local.'host'()
    say $S0
    $I0 = local.'port'()
    if $I0 > 0 goto port_ok
    say "no port!"
port_ok:
    say "port ok"
    server = get_global 'serve'
    $P0 = new 'Task'
    $P0.'code'(server)
    $P0.'data'(listener)
    schedule $P0
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $I3 = truth(client)
    print "before connect: true "
    say $I3
    $I1 = client.'connect'(local)
    print "connect returned "
    say $I1
    $I3 = truth(client)
    print "after connect: true "
    say $I3
    $P1 = client.'remote_address'()
    $S1 = $P1.'host'()
    print "client remote host "
    say $S1
    $I2 = client.'send'("ping\n")
    print "client sent "
    say $I2
    $S2 = client.'recv'()
    print "client got "
    print $S2
    $I3 = client.'is_closed'()
    print "is_closed before close "
    say $I3
    client.'close'()
    $I3 = client.'is_closed'()
    $I4 = truth(client)
    print "after close: is_closed "
    print $I3
    print ", true "
    say $I4
    wait $P0
    listener.'close'()
    say "done"
.end

.sub serve
    .param pmc listener
    .local pmc conn
    conn = listener.'accept'()
    $S1 = conn.'recv'()
    $S0 = typeof conn
    print "server accepted a "
    say $S0
    print "server got "
    print $S1
    conn.'send'("pong\n")
    $S2 = conn.'recv'()
    $I0 = conn.'eof'()
    print "server got '' with eof "
    say $I0
    conn.'close'()
.end

.sub truth
    .param pmc p
    if p goto yes
    .return (0)
yes:
    .return (1)
.end
