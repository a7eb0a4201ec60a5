# A TLS stream must end with the peer's close_notify. When the connection ends without one,
# the data may have been cut short, so the read that meets the end throws "TLS error: the
# peer closed the connection without close_notify (truncated)" instead of returning "".
# The server here ends its side with shutdown(1), which ends the TCP stream and sends no
# close_notify (close would send one).
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, opts, args, task
    .local string cert, key
    (cert, key) = write_pems("truncated")
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    local = listener.'local_address'()
    args = new 'ResizablePMCArray'
    push args, listener
    push args, cert
    push args, key
    $P1 = get_global 'cut_server'
    task = new 'Task'
    task.'code'($P1)
    task.'data'(args)
    schedule task
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    opts = new 'Hash'
    opts["host"] = "localhost"
    opts["ca"] = cert
    client.'tls'(opts)
    $S0 = client.'readline'()
    print "got: "
    print $S0
    $S0 = client.'recv'()
    say "not reached"
.end

# cut_server(args): sends one line over TLS, then cuts the stream without close_notify.
.sub cut_server
    .param pmc args
    .local pmc listener, conn, opts
    listener = args[0]
    opts = new 'Hash'
    opts["server"] = 1
    $S0 = args[1]
    opts["cert"] = $S0
    $S0 = args[2]
    opts["key"] = $S0
    conn = listener.'accept'()
    conn.'tls'(opts)
    conn.'send'("the only line\n")
    conn.'shutdown'(1)
.end

# write_pems(tag): writes the test certificate (self-signed for localhost and 127.0.0.1,
# valid 2000-2100, the one examples/tls-echo-server.pasm carries) and its key to new files
# under /tmp; returns their paths. The key is public: tests only.
.sub write_pems
    .param string tag
    .local string cert, key, stamp
    time $N0
    $N0 *= 1000000.0
    $I0 = $N0
    stamp = $I0
    cert = "/tmp/kea-spec-net-" . tag
    cert .= "-"
    cert .= stamp
    key = cert . "-key.pem"
    cert .= "-cert.pem"
    $S0 = <<"PEM"
-----BEGIN CERTIFICATE-----
MIIBiTCCAS+gAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv
c3QwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAKvS17cAIaV+3/Z
4a3FrYVTP4ggf+PoQq6o4q3mAhig+KrIdduCybk95YQ0JLW8rdYL8VNgRFdb41D+
6H14EcCjcDBuMBoGA1UdEQQTMBGCCWxvY2FsaG9zdIcEfwAAATAMBgNVHRMBAf8E
AjAAMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAdBgNVHQ4E
FgQU/rnkOUhwaCGXa9QxsVMJ3/XMOP4wCgYIKoZIzj0EAwIDSAAwRQIhAO4vo6qs
vZsvHhlkXvWy8gLUKo9b5VD/XIoJ1vVrNT6GAiApsHJyweN2nydhc/aDHm5IjX5B
0BKkrKrUE5FsIQzf5A==
-----END CERTIFICATE-----
PEM
    $P0 = open cert, "w"
    print $P0, $S0
    close $P0
    $S0 = <<"PEM"
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5MrhWMGjri8qdSFw
H8N87iwbOX5uXKhI/2sgNWtaooqhRANCAAQCr0te3ACGlft/2eGtxa2FUz+IIH/j
6EKuqOKt5gIYoPiqyHXbgsm5PeWENCS1vK3WC/FTYERXW+NQ/uh9eBHA
-----END PRIVATE KEY-----
PEM
    $P0 = open key, "w"
    print $P0, $S0
    close $P0
    .return (cert, key)
.end

# tls_server(args): [listener, cert, key]; accepts one connection, runs the server side of
# the handshake and echoes lines until the peer ends the stream. A failed handshake or read
# is the client's business here: the server stops quietly.
.sub tls_server
    .param pmc args
    .local pmc listener, conn, opts
    listener = args[0]
    opts = new 'Hash'
    opts["server"] = 1
    $S0 = args[1]
    opts["cert"] = $S0
    $S0 = args[2]
    opts["key"] = $S0
    conn = listener.'accept'()
    push_eh failed
    conn.'tls'(opts)
loop:
    $S0 = conn.'recv'()
    if $S0 == "" goto eof
    conn.'send'($S0)
    goto loop
eof:
    pop_eh
    conn.'close'()
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    conn.'close'()
.end
