a, b, c = [accept() for _ in range(3)]
read_until(c, b"go\n")
time.sleep(0.3)
for s in (a, b):
    s.sendall(b"partial\n")
    s.shutdown(socket.SHUT_RDWR)
    s.close()
c.sendall(b"complete\n")
c.unwrap().close()
print("cut", flush=True)
