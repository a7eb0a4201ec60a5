import socket, struct, sys, time
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(8)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
a, b, c = [ls.accept()[0] for _ in range(3)]
a.settimeout(10)
buf = b""
while not buf.endswith(b"go\n"):
    part = a.recv(100)
    if not part:
        break
    buf += part
# Not needed for the outcome (an RST that comes first gives the same error), only so that
# kea is most likely already blocked when it arrives.
time.sleep(0.3)
for s in (c, b, a):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
print("reset", flush=True)
