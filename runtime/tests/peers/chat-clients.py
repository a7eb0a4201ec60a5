import socket, sys
port = int(sys.argv[1])
def conn():
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    return s, s.makefile("rb")
a, af = conn(); print(af.readline().decode(), end="")
b, bf = conn(); print(bf.readline().decode(), end=""); print(af.readline().decode(), end="")
a.sendall(b"one\ntwo\n")
print(bf.readline().decode(), end=""); print(bf.readline().decode(), end="")
b.sendall(b"three\n")
print(af.readline().decode(), end="")
b.close(); bf.close()
print(af.readline().decode(), end="")
