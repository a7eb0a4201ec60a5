import socket, ssl, struct, sys, time
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(8)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
def accept():
    raw = ls.accept()[0]
    raw.settimeout(10)
    return ctx.wrap_socket(raw, server_side=True)
def read_until(s, end):
    buf = b""
    while not buf.endswith(end):
        part = s.recv(100)
        if not part:
            break
        buf += part
    return buf
