# An HTTPS client: fetches one page and prints the response.
#
#   kea run examples/https-get.pasm HOST PORT PATH [CA.pem]
#
# resolves HOST, connects, runs the TLS handshake (the certificate is verified against the
# system's roots, or against CA.pem, for the name HOST, which is also sent as SNI), sends a
# GET with `Connection: close` and prints the status line, the headers and the body. With a
# Content-Length it reads exactly that many bytes; without one it reads until the server
# ends the TLS stream with `close_notify`. A connection cut without `close_notify` is an
# error (the response may be truncated), and so is a certificate that does not verify: both
# print `https-get: ...` on stderr and exit 1.
#
# Run with no arguments, it tests itself: a server task with a built-in certificate for
# `localhost` answers one request, and the client fetches https://localhost:PORT/kea from it.
.include 'socket.pasm'

.pcc_sub :main main:
    get_params "0", P0
    elements I0, P0
    lt I0, 2, SELFTEST
    lt I0, 4, USAGE
    set S0, P0[1]                   # host
    set I1, P0[2]                   # port
    set S2, P0[3]                   # path
    set S3, ""                      # CA file ("": the system's roots)
    lt I0, 5, GET
    set S3, P0[4]
GET:
    set_args "0,0,0,0", S0, I1, S2, S3
    find_name P1, "get"
    invokecc P1
    end
USAGE:
    printerr "usage: kea run examples/https-get.pasm HOST PORT PATH [CA.pem]\n"
    exit 2
SELFTEST:
    find_name P9, "write_pems"
    invokecc P9
    get_results "0,0", S3, S4
    new P7, 'Hash'
    set P7["server"], 1
    set P7["cert"], S3
    set P7["key"], S4
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P2 = P1."sockaddr"("127.0.0.1", 0)
    P1."bind"(P2)
    P3 = P1."local_address"()
    I1 = P3."port"()
    new P4, 'ResizablePMCArray'
    push P4, P1
    push P4, P7
    new P5, 'Task'
    find_name P6, "server"
    P5."code"(P6)
    P5."data"(P4)
    schedule P5
    say "self-test: GET https://localhost:PORT/kea from a server task in this process"
    set_args "0,0,0,0", "localhost", I1, "/kea", S3
    find_name P1, "get"
    invokecc P1
    wait P5
    end

# get(host, port, path, ca): the client.
.pcc_sub get:
    get_params "0,0,0,0", S0, I0, S1, S2
    push_eh FAILED
    new P0, 'Socket'
    P0."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P1 = P0."getaddrinfo"(S0, I0, .PIO_PROTO_TCP, .PIO_PF_INET, 0)
    P0."connect"(P1)
    new P2, 'Hash'
    set P2["host"], S0
    eq S2, "", HANDSHAKE
    set P2["ca"], S2
HANDSHAKE:
    P0."tls"(P2)
    concat S3, "GET ", S1
    concat S3, S3, " HTTP/1.1\r\nHost: "
    concat S3, S3, S0
    concat S3, S3, "\r\nUser-Agent: kea-https-get\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    P0."send"(S3)
    set I1, -1                      # Content-Length (-1: none given)
HEADER:
    S4 = P0."readline"()
    eq S4, "", BODY                 # ended before the blank line
    length I3, S4
    lt I3, 2, SHOW
    sub I3, I3, 2
    substr S8, S4, I3, 2
    ne S8, "\r\n", SHOW
    substr S8, S4, 0, I3            # shown without the "\r"
    concat S8, S8, "\n"
    print S8
    branch SHOWN
SHOW:
    print S4
SHOWN:
    eq S4, "\r\n", BODY
    eq S4, "\n", BODY
    downcase S5, S4
    index I2, S5, "content-length:"
    ne I2, 0, HEADER
    length I3, S4
    sub I3, I3, 15
    substr S6, S4, 15, I3
    set I1, S6
    branch HEADER
BODY:
    lt I1, 0, TOEOF
LENGTH:
    le I1, 0, DONE
    S4 = P0."read"(I1)
    eq S4, "", DONE
    print S4
    bytelength I2, S4
    sub I1, I1, I2
    branch LENGTH
TOEOF:
    S4 = P0."recv"()
    eq S4, "", DONE
    print S4
    branch TOEOF
DONE:
    pop_eh
    P0."close"()
    returncc
FAILED:
    get_results "0", P3
    pop_eh
    set S7, P3
    printerr "https-get: "
    printerr S7
    printerr "\n"
    exit 1

# server([listener, tls options]): the self-test's HTTPS server; answers one request.
.pcc_sub server:
    get_params "0", P0
    set P1, P0[0]
    set P2, P0[1]
    P3 = P1."accept"()
    P1."close"()
    P3."tls"(P2)
    S0 = P3."readline"()
    index I1, S0, "\r"
    substr S0, S0, 0, I1
    print "server got: "
    say S0
SKIP:
    S1 = P3."readline"()
    eq S1, "", ANSWER
    ne S1, "\r\n", SKIP
ANSWER:
    set S2, "Hello over HTTPS from Kea.\n"
    bytelength I0, S2
    set S3, I0
    concat S4, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ", S3
    concat S4, S4, "\r\nConnection: close\r\n\r\n"
    concat S4, S4, S2
    P3."send"(S4)
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
