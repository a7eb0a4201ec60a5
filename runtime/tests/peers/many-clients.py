import os, socket, sys
port, pid = int(sys.argv[1]), sys.argv[2]
def threads():
    for l in open("/proc/%s/status" % pid):
        if l.startswith("Threads:"):
            return int(l.split()[1])
def fds():
    return len(os.listdir("/proc/%s/fd" % pid))
def echo(s, msg):
    s.sendall(msg)
    buf = b""
    while len(buf) < len(msg):
        part = s.recv(4096)
        if not part:
            break
        buf += part
    return buf == msg
print("before threads %d fds %d" % (threads(), fds()), flush=True)
n = 200
socks = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(n)]
bad = [i for i, s in enumerate(socks) if not echo(s, b"ping %d\n" % i)]
print("during threads %d fds %d" % (threads(), fds()), flush=True)
bad += [i for i, s in enumerate(socks) if not echo(s, b"bye %d\n" % i)]
for s in socks:
    s.close()
print("bad", bad, flush=True)
