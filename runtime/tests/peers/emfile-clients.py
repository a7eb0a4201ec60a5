import socket, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
socks = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(n)]
print("connected", n, flush=True)
greeted = 0
for s in socks:
    try:
        if s.recv(3) == b"hi\n":
            greeted += 1
    except OSError as e:
        print("error", e, flush=True)
print("greeted", greeted, flush=True)
