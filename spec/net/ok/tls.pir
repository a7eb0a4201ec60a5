# TLS on a connected socket: `tls(opts)` runs the handshake (the reactor does the TLS work;
# recv and send see plaintext only). A server gives `server`, `cert` and `key` (PEM files);
# a client gives the `host` it expects (verified, and sent as SNI) and may name a `ca` file to
# trust instead of the system roots. The blocking form parks the task until the handshake is
# done; the async form returns a Request. Closing sends close_notify, so the peer sees a
# clean end of stream.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, opts, args, task, r
    .local string cert, key
    (cert, key) = write_pems("tls")
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    local = listener.'local_address'()
    args = new 'ResizablePMCArray'
    push args, listener
    push args, cert
    push args, key
    $P1 = get_global 'tls_server'
    task = new 'Task'
    task.'code'($P1)
    task.'data'(args)
    schedule task
    task = new 'Task'
    task.'code'($P1)
    task.'data'(args)
    schedule task

    # Blocking client.
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    opts = new 'Hash'
    opts["host"] = "localhost"
    opts["ca"] = cert
    client.'tls'(opts)
    say "blocking: handshake done, certificate verified for localhost"
    client.'send'("hello over TLS\n")
    $S0 = client.'readline'()
    print "blocking: got "
    print $S0
    client.'close'()

    # Async client: tls with a trailing callback.
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    $P2 = get_global 'on_handshake'
    r = client.'tls'(opts, $P2)
    wait r
    $P3 = get_global 'on_sent'
    r = client.'send'("second\n", $P3)
    wait r
    $P4 = get_global 'on_line'
    r = client.'readline'($P4)
    wait r
    client.'close'()
    listener.'close'()
.end

.sub on_handshake
    .param pmc r
    $S0 = r.'state'()
    print "async: handshake callback, request "
    say $S0
.end

.sub on_sent
    .param pmc r
    $I0 = r.'return'()
    print "async: sent "
    say $I0
.end

.sub on_line
    .param pmc r
    $S0 = r.'return'()
    print "async: got "
    print $S0
.end

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
