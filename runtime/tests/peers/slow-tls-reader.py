n = int(sys.argv[3])
s = accept()
# Python turns an end without close_notify into b"" unless told not to: a TCP FIN and (on
# Linux, through OpenSSL 3) a reset both raise SSLEOFError, which `recv` would swallow into a
# clean-looking end. Here b"" means close_notify and nothing else.
s.suppress_ragged_eofs = False
print("handshake", flush=True)
time.sleep(1.5)
want = b"".join(b"%d\n" % i for i in range(200000)) * n
got = bytearray()
while True:
    try:
        part = s.recv(1 << 20)
    except ssl.SSLEOFError as e:
        end = "truncated (%s)" % e
        break
    except OSError as e:
        end = "failed (%s)" % e
        break
    if not part:
        end = "close_notify"
        break
    got += part
print("peer end: %s" % end, flush=True)
if got == want:
    print("peer got %d bytes in order" % len(got), flush=True)
else:
    bad = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
    print("peer got %d bytes, first difference at %d" % (len(got), bad), flush=True)
