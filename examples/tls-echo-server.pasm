# TLS echo server, one task per connection.
#
#   kea run examples/tls-echo-server.pasm PORT CERT.pem KEY.pem [N]
#
# prints `listening on 127.0.0.1:PORT`, then for each connection starts a task that runs the
# TLS handshake (`tls` with `server`, `cert` and `key`) and echoes the plaintext back. The
# reactor does the TLS work: handshakes, TLS 1.3 key updates and `close_notify` never show up
# here, and `recv` and `send` see plaintext only. A peer that drops the connection without
# `close_notify` is reported (as truncated), not taken for a clean end.
#
# Run with no arguments, it tests itself with a built-in certificate for `localhost`: one
# client verifies it and talks, another expects a different name and refuses it.
.include 'socket.pasm'

.pcc_sub :main main:
    get_params "0", P0
    elements I0, P0
    set I1, 0                       # the port
    set I2, 2                       # connections to serve (0: forever)
    lt I0, 2, SELFTEST
    lt I0, 4, USAGE
    set I1, P0[1]
    set S1, P0[2]                   # certificate chain (PEM)
    set S2, P0[3]                   # private key (PEM)
    set I2, 0
    lt I0, 5, LISTEN
    set I2, P0[4]
    branch LISTEN
USAGE:
    printerr "usage: kea run examples/tls-echo-server.pasm PORT CERT.pem KEY.pem [N]\n"
    exit 2
SELFTEST:
    find_name P9, "write_pems"
    invokecc P9
    get_results "0,0", S1, S2
LISTEN:
    new P7, 'Hash'
    set P7["server"], 1
    set P7["cert"], S1
    set P7["key"], S2
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P2 = P1."sockaddr"("127.0.0.1", I1)
    P1."bind"(P2)
    P3 = P1."local_address"()
    I3 = P3."port"()
    new P4, 'ResizablePMCArray'
    push P4, P1
    push P4, I2
    push P4, P7
    set I4, 0                       # the self-test makes one fail on purpose: quiet
    lt I0, 2, QUIET
    set I4, 1                       # else report failed connections on stderr
QUIET:
    push P4, I4
    new P5, 'Task'
    find_name P6, "acceptor"
    P5."code"(P6)
    P5."data"(P4)
    schedule P5
    lt I0, 2, TEST
    print "listening on "
    say P3
    wait P5
    end
TEST:
    say "TLS echo server on a port the OS picked, with the built-in certificate"
    set_args "0,0", I3, S1
    find_name P6, "self_test"
    invokecc P6
    wait P5
    say "server: served 2 connections and stopped"
    end

# acceptor([listener, limit, tls options, report]): a task per connection; after `limit`
# connections (0: never) it closes the listener and waits for the last ones.
.pcc_sub acceptor:
    get_params "0", P0
    set P1, P0[0]
    set I0, P0[1]
    set P7, P0[2]
    set I3, P0[3]
    set I1, 0
    new P2, 'ResizablePMCArray'     # the connection tasks not known to be finished
    set I5, 64                      # prune the list when it reaches this size
    find_name P3, "serve"
NEXT:
    P4 = P1."accept"()
    inc I1
    new P6, 'ResizablePMCArray'
    push P6, P4
    push P6, P7
    push P6, I3
    new P5, 'Task'
    P5."code"(P3)
    P5."data"(P6)
    schedule P5
    push P2, P5
    # Finished connections leave the list, so that a server that runs forever does not
    # grow it: pruned each time it doubles, each task is looked at a few times at most.
    elements I2, P2
    lt I2, I5, KEPT
    set_args "0", P2
    find_name P8, "unfinished"
    invokecc P8
    get_results "0", P2
    elements I5, P2
    mul I5, I5, 2
    add I5, I5, 64
KEPT:
    ne I1, I0, NEXT
    P1."close"()
JOIN:
    elements I2, P2
    le I2, 0, DONE
    shift P5, P2
    wait P5
    branch JOIN
DONE:
    returncc

# serve([conn, tls options, report]): the handshake (in this task, so a slow client holds up no one),
# then echo until the client closes.
.pcc_sub serve:
    get_params "0", P2
    set P0, P2[0]
    set P1, P2[1]
    set I0, P2[2]
    push_eh FAILED
    P0."tls"(P1)
LOOP:
    S0 = P0."recv"()
    eq S0, "", EOF
    P0."send"(S0)
    branch LOOP
EOF:
    pop_eh
    P0."close"()
    returncc
FAILED:
    get_results "0", P3
    pop_eh
    unless I0, QUIET
    set S1, P3
    printerr "server: connection failed: "
    printerr S1
    printerr "\n"
QUIET:
    P0."close"()
    returncc

# self_test(port, ca): a client that trusts the built-in certificate and checks the name
# `localhost`, then one that expects `example.com` and must refuse the same certificate.
.pcc_sub self_test:
    get_params "0,0", I0, S9
    set S0, I0
    concat S0, "127.0.0.1:", S0
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P1."connect"(S0)
    new P2, 'Hash'
    set P2["host"], "localhost"
    set P2["ca"], S9
    P1."tls"(P2)
    say "client 1: handshake done, certificate verified for localhost"
    P1."send"("hello over TLS\n")
    S1 = P1."readline"()
    print "client 1 got: "
    print S1
    repeat S2, "abcdefghij", 10000
    P1."send"(S2)
    set S3, ""
MORE:
    S1 = P1."read"(65536)
    concat S3, S3, S1
    length I2, S3
    lt I2, 100000, MORE
    print "client 1 sent 100000 bytes and got them back: "
    eq S3, S2, SAME
    say "different!"
    branch CLOSE
SAME:
    say "identical"
CLOSE:
    P1."close"()                    # sends close_notify first
    say "client 1: closed"
    new P3, 'Socket'
    P3."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P3."connect"(S0)
    set P2["host"], "example.com"
    push_eh REFUSED
    P3."tls"(P2)
    pop_eh
    say "client 2: accepted a certificate for the wrong name!"
    P3."close"()
    returncc
REFUSED:
    get_results "0", P4
    pop_eh
    set S4, P4
    say "client 2 (expects example.com) refused it:"
    say S4
    P3."close"()
    returncc

# write_pems(): writes the built-in test certificate and key to two new files under /tmp and
# returns their paths. The certificate is self-signed for `localhost` and 127.0.0.1, valid
# from 2000 to 2100, and its key is public (it is printed right here): use it for tests only.
.pcc_sub write_pems:
    time N0
    mul N0, N0, 1000000.0
    set I0, N0
    set S0, I0
    concat S1, "/tmp/kea-example-tls-", S0
    concat S2, S1, "-key.pem"
    concat S1, S1, "-cert.pem"
    set S3, "-----BEGIN CERTIFICATE-----\n"
    concat S3, S3, "MIIBiTCCAS+gAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv\n"
    concat S3, S3, "c3QwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM\n"
    concat S3, S3, "CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAKvS17cAIaV+3/Z\n"
    concat S3, S3, "4a3FrYVTP4ggf+PoQq6o4q3mAhig+KrIdduCybk95YQ0JLW8rdYL8VNgRFdb41D+\n"
    concat S3, S3, "6H14EcCjcDBuMBoGA1UdEQQTMBGCCWxvY2FsaG9zdIcEfwAAATAMBgNVHRMBAf8E\n"
    concat S3, S3, "AjAAMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAdBgNVHQ4E\n"
    concat S3, S3, "FgQU/rnkOUhwaCGXa9QxsVMJ3/XMOP4wCgYIKoZIzj0EAwIDSAAwRQIhAO4vo6qs\n"
    concat S3, S3, "vZsvHhlkXvWy8gLUKo9b5VD/XIoJ1vVrNT6GAiApsHJyweN2nydhc/aDHm5IjX5B\n"
    concat S3, S3, "0BKkrKrUE5FsIQzf5A==\n"
    concat S3, S3, "-----END CERTIFICATE-----\n"
    open P0, S1, "w"
    P0."print"(S3)
    close P0
    set S3, "-----BEGIN PRIVATE KEY-----\n"
    concat S3, S3, "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5MrhWMGjri8qdSFw\n"
    concat S3, S3, "H8N87iwbOX5uXKhI/2sgNWtaooqhRANCAAQCr0te3ACGlft/2eGtxa2FUz+IIH/j\n"
    concat S3, S3, "6EKuqOKt5gIYoPiqyHXbgsm5PeWENCS1vK3WC/FTYERXW+NQ/uh9eBHA\n"
    concat S3, S3, "-----END PRIVATE KEY-----\n"
    open P0, S2, "w"
    P0."print"(S3)
    close P0
    set_returns "0,0", S1, S2
    returncc

# unfinished(tasks): the tasks of the list that have not completed, in order.
.pcc_sub unfinished:
    get_params "0", P0
    new P1, 'ResizablePMCArray'
    elements I0, P0
    set I1, 0
UNFINISHED_NEXT:
    ge I1, I0, UNFINISHED_DONE
    set P2, P0[I1]
    inc I1
    S0 = P2."status"()
    eq S0, "completed", UNFINISHED_NEXT
    push P1, P2
    branch UNFINISHED_NEXT
UNFINISHED_DONE:
    set_returns "0", P1
    returncc
