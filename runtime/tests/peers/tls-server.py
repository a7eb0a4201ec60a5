import socket, ssl, sys
cert, key, mode = sys.argv[1:4]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(30)
print(ls.getsockname()[1], flush=True)
raw, _ = ls.accept()
raw.settimeout(30)
s = ctx.wrap_socket(raw, server_side=True)
req = b""
while b"\r\n\r\n" not in req:
    part = s.recv(4096)
    if not part:
        break
    req += part
line = req.split(b"\r\n")[0].decode()
if mode == "clean":
    body = ("python saw: %s\n" % line).encode()
    s.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
    s.unwrap().close()
else:
    s.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\npartial body")
    s.shutdown(socket.SHUT_RDWR)  # the TCP connection ends; no close_notify is sent
    s.close()
print("served", flush=True)
