# A server with `client_ca` refuses a client that presents no certificate. In TLS 1.3 the
# server checks the client's certificate after the client's handshake is over, so the
# client's `tls` succeeds; the server's `tls` fails with "peer sent no certificates" and
# sends a certificate_required alert, which the client's next read throws:
# "TLS error: received fatal alert: CertificateRequired".
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, opts, server_opts, task
    .local string cert, key
    (cert, key) = write_pems("client-cert-missing")
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    local = listener.'local_address'()
    server_opts = new 'Hash'
    server_opts["server"] = 1
    server_opts["cert"] = cert
    server_opts["key"] = key
    server_opts["client_ca"] = cert
    task = start_server(listener, "tls_server", server_opts)

    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    opts = new 'Hash'
    opts["host"] = "localhost"
    opts["ca"] = cert
    client.'tls'(opts)
    say "client: handshake done, without a certificate"
    # The server has refused by the time its task ends; its alert is on the way.
    wait task
    $S0 = client.'recv'()
    say "not reached"
.end

# tls_server([listener, opts]): one connection; says how its handshake ended.
.sub tls_server
    .param pmc args
    .local pmc listener, conn, opts
    listener = args[0]
    opts = args[1]
    conn = listener.'accept'()
    push_eh failed
    conn.'tls'(opts)
    pop_eh
    say "server: handshake done"
    conn.'close'()
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    print "server: "
    say $P0
    conn.'close'()
.end

# write_pems(tag): writes a test certificate and its key to new files under /tmp; returns
# their paths. The certificate is self-signed for localhost and 127.0.0.1, valid 2000-2100,
# and carries both purposes (server and client authentication), so it serves as the server's
# certificate, the client's, and as the CA that signed both. The key is public: tests only.
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
MIIBkzCCATmgAwIBAgIBAjAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv
c3QwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBWZeqMETumC8o0q
/A49RAqp+YEYjsBTTD55NvH360Zpgo/3jZHEcnGgLEFD28J99nYoeXtVCbEVXmkO
9OWyq1CjejB4MBoGA1UdEQQTMBGCCWxvY2FsaG9zdIcEfwAAATAMBgNVHRMBAf8E
AjAAMA4GA1UdDwEB/wQEAwIHgDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUH
AwIwHQYDVR0OBBYEFLFZslYuTj1gjO1BGJU+b8JRNJ5FMAoGCCqGSM49BAMCA0gA
MEUCIAUP76fBAKw60MszgbbVM+4wy4oqpzaLjlafogNS/ACFAiEA8GXrHa2pYyRh
nyp5ohc1TqTdaMexAl9rsBcqlS7jjdg=
-----END CERTIFICATE-----
PEM
    $P0 = open cert, "w"
    print $P0, $S0
    close $P0
    $S0 = <<"PEM"
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnDhOQIpc7MCCOc14
WqK8upzpk7iAmrGl1e+YxmmWXd6hRANCAAQVmXqjBE7pgvKNKvwOPUQKqfmBGI7A
U0w+eTbx9+tGaYKP942RxHJxoCxBQ9vCffZ2KHl7VQmxFV5pDvTlsqtQ
-----END PRIVATE KEY-----
PEM
    $P0 = open key, "w"
    print $P0, $S0
    close $P0
    .return (cert, key)
.end

# start_server(listener, code, opts): runs `code` in a new Task with [listener, opts].
.sub start_server
    .param pmc listener
    .param string name
    .param pmc opts
    .local pmc task, args
    args = new 'ResizablePMCArray'
    push args, listener
    push args, opts
    $P0 = get_global name
    task = new 'Task'
    task.'code'($P0)
    task.'data'(args)
    schedule task
    .return (task)
.end
