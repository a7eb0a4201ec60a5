import socket, struct, sys, threading
port = int(sys.argv[1])
results = []
def conn():
    return socket.create_connection(("127.0.0.1", port), timeout=10)
def reset(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
def echo(s, msg):
    s.sendall(msg)
    buf = b""
    while len(buf) < len(msg):
        part = s.recv(4096)
        if not part:
            break
        buf += part
    return buf == msg
def plain(i):
    s = conn(); ok = echo(s, b"plain %d\n" % i); s.close(); results.append(("plain", ok))
def reset_idle(i):
    s = conn(); ok = echo(s, b"reset %d\n" % i); reset(s); results.append(("reset_idle", ok))
def silent(i):
    s = conn(); s.close(); results.append(("silent", True))
def reset_big(i):
    s = conn(); s.sendall(b"big\n")
    got = 0
    while got < 65536:
        part = s.recv(65536)
        if not part:
            break
        got += len(part)
    reset(s); results.append(("reset_big", got >= 65536))
def half(i):
    s = conn(); s.sendall(b"half %d\n" % i); s.shutdown(socket.SHUT_WR)
    buf = b""
    while True:
        part = s.recv(4096)
        if not part:
            break
        buf += part
    s.close(); results.append(("half", buf == b"half %d\n" % i))
threads = [threading.Thread(target=f, args=(i,)) for f in (plain, reset_idle, silent, reset_big, half) for i in range(10)]
for t in threads: t.start()
for t in threads: t.join(10)
print("results", len(results), "bad", sorted(k for k, ok in results if not ok), flush=True)
