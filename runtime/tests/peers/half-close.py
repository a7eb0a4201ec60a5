import socket
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
s, _ = ls.accept()
s.settimeout(10)
s.sendall(b"from peer\n")
s.shutdown(socket.SHUT_WR)
data = b""
while True:
    part = s.recv(1 << 20)
    if not part:
        break
    data += part
want = b"after eof\n" + b"0123456789abcdef" * 65536
print("peer got %d bytes, %s" % (len(data), "as sent" if data == want else "NOT as sent"), flush=True)
