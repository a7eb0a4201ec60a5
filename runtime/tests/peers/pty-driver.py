import os, pty, re, select, signal, struct, sys, time, fcntl, termios
TIMEOUT = 10.0
exe, steps = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))
    os.execv(exe, [exe])
raw = bytearray()
answered = 0
eof = False
ansi = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r")
def clean():
    return ansi.sub(b"", bytes(raw)).decode("utf-8", "replace")
def pump(deadline):
    global answered, eof
    if eof:
        return False
    r, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
    if not r:
        return False
    try:
        data = os.read(fd, 4096)
    except OSError:
        data = b""
    if not data:
        eof = True
        return False
    raw.extend(data)
    while True:
        i = raw.find(b"\x1b[6n", answered)
        if i < 0:
            break
        answered = i + 4
        os.write(fd, b"\x1b[1;1R")
    return True
def fail(what):
    print("TIMEOUT " + what)
    print("---")
    print(clean())
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    sys.exit(0)
mark = 0
for step in steps:
    kind, _, arg = step.partition(":")
    if kind == "send":
        os.write(fd, arg.encode())
    elif kind == "type":
        for i in range(len(arg)):
            os.write(fd, arg[i].encode())
            deadline = time.time() + TIMEOUT
            while clean().find(arg[:i + 1], mark) < 0:
                if time.time() >= deadline or eof:
                    fail("waiting for the echo of " + repr(arg[:i + 1]))
                pump(deadline)
        mark = clean().find(arg, mark) + len(arg)
    elif kind == "cooked":
        # Wait until the line editor has given the terminal back (canonical mode again).
        deadline = time.time() + TIMEOUT
        while not termios.tcgetattr(fd)[3] & termios.ICANON:
            if time.time() >= deadline:
                fail("waiting for the terminal to leave raw mode")
            pump(min(deadline, time.time() + 0.02))
    elif kind == "expect":
        deadline = time.time() + TIMEOUT
        while True:
            text = clean()
            i = text.find(arg, mark)
            if i >= 0:
                mark = i + len(arg)
                break
            if time.time() >= deadline or eof:
                fail("waiting for " + repr(arg))
            pump(deadline)
deadline = time.time() + TIMEOUT
while not eof and time.time() < deadline:
    pump(deadline)
status = None
while time.time() < deadline:
    p, st = os.waitpid(pid, os.WNOHANG)
    if p == pid:
        status = os.waitstatus_to_exitcode(st)
        break
    time.sleep(0.02)
if status is None:
    fail("waiting for the program to exit")
print("STATUS %d" % status)
print("---")
print(clean())
