a, b, c = [accept() for _ in range(3)]
read_until(a, b"go\n")
# Only so that kea is most likely already blocked when the RST arrives; an RST that comes
# first gives the same error.
time.sleep(0.3)
for s in (c, b, a):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
print("reset", flush=True)
