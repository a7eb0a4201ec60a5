import socket, sys, threading
port = int(sys.argv[1])
n, k = 50, 5
barrier = threading.Barrier(n)
results = [None] * n
def client(i):
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    s.settimeout(20)
    barrier.wait(timeout=20)
    got = []
    for j in range(k):
        msg = ("client %d message %d " % (i, j) + "x" * (i * 37 + j)).encode() + b"\n"
        s.sendall(msg)
        buf = b""
        while len(buf) < len(msg):
            part = s.recv(65536)
            if not part:
                break
            buf += part
        got.append("%d.%d %s" % (i, j, "ok" if buf == msg else "BAD %r" % buf[:40]))
    s.shutdown(socket.SHUT_WR)
    got.append("%d eof %s" % (i, "ok" if s.recv(10) == b"" else "BAD"))
    s.close()
    results[i] = got
threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
for t in threads: t.start()
for t in threads: t.join(60)
for r in results:
    print("\n".join(r) if r else "MISSING")
