# A TLS handshake with a peer that never answers gives up after the socket's `timeout` (60 s
# when none is set) and `tls` throws "TLS handshake failed: timed out": a stalled peer never
# hangs a task (RELIABILITY c4).
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, opts, task
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    local = listener.'local_address'()
    task = new 'Task'
    $P1 = get_global 'silent_server'
    task.'code'($P1)
    task.'data'(listener)
    schedule task
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    client.'timeout'(0.05)
    opts = new 'Hash'
    opts['host'] = 'localhost'
    say "handshake with a peer that says nothing"
    client.'tls'(opts)
    say "not reached"
.end

# Accepts, then says nothing until the client gives up.
.sub silent_server
    .param pmc listener
    $P0 = listener.'accept'()
    $S0 = $P0.'recv'()
    $S0 = $P0.'recv'()
.end
