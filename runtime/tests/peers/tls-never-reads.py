s = accept()
print("handshake", flush=True)
sys.stdin.readline()
