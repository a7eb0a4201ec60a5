import socket, time
block = b"".join(b"%d\n" % i for i in range(200000))
want = block * 53
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
s, _ = ls.accept()
s.settimeout(10)
time.sleep(1.0)
got = bytearray()
while True:
    part = s.recv(1 << 20)
    if not part:
        break
    got += part
if got == want:
    print("peer got %d bytes in order" % len(got), flush=True)
else:
    bad = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
    print("peer got %d bytes, first difference at %d" % (len(got), bad), flush=True)
