import socket, sys
for i in range(2):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
    s.sendall(b"ping %d\n" % i)
    assert s.recv(100) == b"ping %d\n" % i
    s.close()
print("done")
