import socket, struct
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
a = ls.accept()[0]
a.settimeout(10)
buf = b""
while not buf.endswith(b"go\n"):
    part = a.recv(100)
    if not part:
        break
    buf += part
a.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
a.close()
print("reset", flush=True)
