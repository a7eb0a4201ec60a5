import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
s.sendall(b"POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nGET / HTTP/"
          b"GET /hello HTTP/1.1\r\nHost: x\r\nconnection: CLOSE\r\n\r\n")
data = b""
while True:
    part = s.recv(65536)
    if not part:
        break
    data += part
sys.stdout.write(data.decode())
