n = int(sys.argv[3])
s = accept()
print("handshake", flush=True)
time.sleep(1.5)
want = b"".join(b"%d\n" % i for i in range(200000)) * n
got = bytearray()
while True:
    try:
        part = s.recv(1 << 20)
    except ssl.SSLEOFError:
        print("peer: truncated", flush=True)
        break
    if not part:
        break
    got += part
if got == want:
    print("peer got %d bytes in order" % len(got), flush=True)
else:
    bad = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
    print("peer got %d bytes, first difference at %d" % (len(got), bad), flush=True)
