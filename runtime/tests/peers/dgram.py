import os, socket, sys
d = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.settimeout(10)
s.bind(os.path.join(d, "py.sock"))
print("ready", flush=True)
data, addr = s.recvfrom(65536)
print("py got %r from %s" % (data.decode(), os.path.basename(addr)), flush=True)
s.sendto(b"pong 1", addr)
s.sendto(b"pong 2", addr)
u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
u.sendto(b"from nowhere", os.path.join(d, "kea.sock"))
data, addr = s.recvfrom(65536)
print("py got %r from %r" % (data.decode(), addr), flush=True)
