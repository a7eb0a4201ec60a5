//! Network faults through the real binary (RELIABILITY.md §2 (b), the sockets issue): each
//! fault must end in a catchable exception or a failed request carrying the OS error text,
//! never in a panic, a hung task or an fd left behind. Peers are python3 scripts (standard
//! library only) on loopback. Every wait is bounded (at most 10 s), and timing only ever
//! gets generous bounds: the checks are on what happened, not on how fast.
//!
//! The programs under test print markers and, where the test inspects the process
//! (`/proc/PID/fd`, `/proc/PID/stat`, `/proc/PID/status`), wait for a line on stdin so the
//! count is taken while nothing moves.
//!
//! | fault | test | RELIABILITY.md |
//! |---|---|---|
//! | connection refused, sync and async | `connection_refused_*` | b9 |
//! | peer reset (`SO_LINGER 0`) under a blocked recv, an async recv, a queued send | `a_reset_peer_*` | b1 |
//! | the reset sticks: later operations fail with it, each under its own name | `a_sticky_reset_*` | b1 |
//! | peer half-close: EOF, then our writes and FIN still go out | `a_half_closed_peer_*` | b2 |
//! | EMFILE on accept | `emfile_on_accept_*` | b7 |
//! | connect that never completes (full backlog), idle recv: timeouts | `connect_and_recv_timeouts_*` | b9 |
//! | partial writes, backpressure, 64 MiB in order | `a_send_past_the_high_water_mark_*` | b3, b5 |
//! | 200 tasks blocked in recv on one thread | `two_hundred_tasks_*` | e1 (small) |
//! | fd count back to baseline after good and failed connections | `fds_return_to_the_baseline_*` | I4 |
//! | a name that does not resolve, every form; a lookup cancelled while pending | `a_name_that_does_not_resolve_*` | b10 |
//!
//! A failure here points at `runtime/src/net.rs` (the reactor) first, then at
//! `vm/src/interp/net.rs` (how a result becomes a value or an exception).

mod common;
use common::{assert_queue_seen_while_parked, fd_count, peer_port, Proc};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-net-faults-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_program(tag: &str, text: &str) -> String {
    let p = temp_dir(tag).join(format!("{tag}.pir"));
    std::fs::write(&p, text).expect("write program");
    p.to_string_lossy().into_owned()
}

/// User plus system CPU time of a process, in clock ticks (`/proc/PID/stat` fields 14, 15).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // The command name (field 2) may hold spaces; count fields after its closing ')'.
    let rest = &stat[stat.rfind(')').expect("a ')' in stat") + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    f[11].parse::<u64>().expect("utime") + f[12].parse::<u64>().expect("stime")
}

/// A port on 127.0.0.1 that nobody listens on (bound, read, released).
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

// 1. Connection refused ---------------------------------------------------------------------

const REFUSED: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, a, r, cb, stdin
    $S0 = argv[1]
    $I0 = $S0
    stdin = getstdin
    say "baseline"
    $S9 = readline stdin
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    a = s.'sockaddr'("127.0.0.1", $I0)
    push_eh sync_failed
    s.'connect'(a)
    pop_eh
    say "sync: connected"
    goto async
sync_failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "sync: "
    say $S1
async:
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    cb = get_global 'on_connect'
    r = s.'connect'(a, cb)
    wait r
    $I1 = r
    print "async state: "
    say $I1
    $P1 = r.'error'()
    $S2 = $P1
    print "async: "
    say $S2
    # The socket whose connect failed is still usable for another connect.
    push_eh again_failed
    s.'connect'(a)
    pop_eh
    say "again: connected"
    goto done
again_failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "again: "
    say $S1
done:
    say "done"
    $S9 = readline stdin
.end

.sub on_connect
    .param pmc r
    $I0 = r
    print "callback, state "
    say $I0
.end
"#;

#[test]
fn connection_refused_fails_sync_and_async_with_the_same_os_text() {
    let prog = write_program("refused", REFUSED);
    let port = closed_port().to_string();
    let mut kea = Proc::kea(&prog, &[&port]);
    kea.line("baseline");
    let base = fd_count(kea.pid());
    kea.say("go");
    let sync = kea.line("sync: ");
    let want = "connect failed: Connection refused(111)";
    assert_eq!(sync, format!("sync: {want}"));
    assert_eq!(kea.line("callback, state"), "callback, state -1", "the async request failed");
    assert_eq!(kea.line("async: "), format!("async: {want}"), "sync and async agree");
    assert_eq!(kea.line("again: "), format!("again: {want}"));
    kea.line("done");
    assert_eq!(fd_count(kea.pid()), base, "a failed connect left an fd behind");
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

// 2. A reset peer ---------------------------------------------------------------------------

/// Accepts three connections (a, b, c), waits for `go` on a, then resets all three:
/// `SO_LINGER {on, 0}` and close sends RST instead of FIN.
const RESET_PEER: &str = r#"
import socket, struct, sys, time
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(8)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
a, b, c = [ls.accept()[0] for _ in range(3)]
a.settimeout(10)
buf = b""
while not buf.endswith(b"go\n"):
    part = a.recv(100)
    if not part:
        break
    buf += part
# Not needed for the outcome (an RST that comes first gives the same error), only so that
# kea is most likely already blocked when it arrives.
time.sleep(0.3)
for s in (c, b, a):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
print("reset", flush=True)
"#;

const RESET: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, b, c, addr, t, rb, rc, stdin
    $S0 = argv[1]
    $I0 = $S0
    stdin = getstdin
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = a.'sockaddr'("127.0.0.1", $I0)
    a.'connect'(addr)
    b = new 'Socket'
    b.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    b.'connect'(addr)
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    c.'connect'(addr)
    say "connected"
    # c: 16 MiB the peer never reads, as one async send: it stays queued.
    $S1 = repeat "x", 16777216
    $P9 = get_global 'quiet'
    rc = c.'send'($S1, $P9)
    $I2 = c.'queued'()
    $I3 = $I2 > 0
    print "c queued > 0: "
    say $I3
    # b: an async recv; a: a task blocked in a sync recv.
    rb = b.'recv'($P9)
    t = new 'Task'
    $P8 = get_global 'blocked_recv'
    t.'code'($P8)
    t.'data'(a)
    schedule t
    a.'send'("go\n")
    wait t
    wait rb
    $I1 = rb
    print "b async recv state: "
    say $I1
    $P1 = rb.'error'()
    $S2 = $P1
    print "b async recv: "
    say $S2
    wait rc
    $I1 = rc
    print "c async send state: "
    say $I1
    $P1 = rc.'error'()
    $S2 = $P1
    print "c async send: "
    say $S2
    a.'close'()
    b.'close'()
    c.'close'()
    say "closed"
    $S9 = readline stdin
.end

.sub blocked_recv
    .param pmc a
    push_eh failed
    $S0 = a.'recv'()
    pop_eh
    print "a sync recv returned: "
    say $S0
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "a sync recv: "
    say $S1
    push_eh send_failed
    a.'send'("after the reset\n")
    pop_eh
    say "a send after reset: sent"
    .return ()
send_failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "a send after reset: "
    say $S1
.end

.sub quiet
    .param pmc r
.end
"#;

#[test]
fn a_reset_peer_fails_blocked_recv_async_recv_and_queued_send() {
    let mut peer = Proc::python(RESET_PEER, &[]);
    let port = peer_port(&mut peer);
    let prog = write_program("reset", RESET);
    let mut kea = Proc::kea(&prog, &[&port]);
    kea.line("connected");
    assert_eq!(kea.line("c queued > 0: "), "c queued > 0: 1", "16 MiB cannot all be in the OS at once");
    peer.line("reset");
    let reset = "Connection reset by peer(104)";
    let a = kea.line("a sync recv: ");
    assert_eq!(a, format!("a sync recv: recv failed: {reset}"));
    let after = kea.line("a send after reset: ");
    assert_eq!(after, format!("a send after reset: send failed: {reset}"), "the reset sticks, named for the send");
    assert_eq!(kea.line("b async recv state: "), "b async recv state: -1");
    assert_eq!(kea.line("b async recv: "), format!("b async recv: recv failed: {reset}"));
    assert_eq!(kea.line("c async send state: "), "c async send state: -1", "the queued send fails");
    let c = kea.line("c async send: ");
    assert!(
        c == format!("c async send: send failed: {reset}") || c == "c async send: send failed: Broken pipe(32)",
        "{c}"
    );
    kea.line("closed");
    // Every socket is gone once closed, the failed ones included.
    let fds = std::fs::read_dir(format!("/proc/{}/fd", kea.pid())).expect("fd dir");
    let sockets = fds
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter(|l| l.to_string_lossy().starts_with("socket:"))
        .count();
    assert_eq!(sockets, 0, "sockets left open after close:\n{}", kea.transcript());
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

/// Accepts one connection, waits for `go`, then resets it (`SO_LINGER {on, 0}`).
const RESET_ONE_PEER: &str = r#"
import socket, struct
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
a = ls.accept()[0]
a.settimeout(10)
buf = b""
while not buf.endswith(b"go\n"):
    part = a.recv(100)
    if not part:
        break
    buf += part
a.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
a.close()
print("reset", flush=True)
"#;

/// A recv meets the reset; then every later operation, blocking and async, reports the stored
/// error under its own name. Each line is `<operation>: <message>`.
const STICKY: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, r, cb, eh
    $S0 = argv[1]
    $I0 = $S0
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = a.'sockaddr'("127.0.0.1", $I0)
    a.'connect'($P0)
    a.'send'("go\n")
    push_eh recv_failed
    $S1 = a.'recv'()
    pop_eh
    print "recv returned: "
    say $S1
    goto blocking
recv_failed:
    .get_results ($P0)
    pop_eh
    print "recv: "
    say $P0
blocking:
    push_eh send_failed
    a.'send'("after the reset\n")
    pop_eh
    say "send: sent"
    goto read
send_failed:
    .get_results ($P0)
    pop_eh
    print "send: "
    say $P0
read:
    push_eh read_failed
    $S1 = a.'read'(10)
    pop_eh
    say "read: returned"
    goto readline
read_failed:
    .get_results ($P0)
    pop_eh
    print "read: "
    say $P0
readline:
    push_eh readline_failed
    $S1 = a.'readline'()
    pop_eh
    say "readline: returned"
    goto again
readline_failed:
    .get_results ($P0)
    pop_eh
    print "readline: "
    say $P0
again:
    push_eh recv_again_failed
    $S1 = a.'recv'()
    pop_eh
    say "recv again: returned"
    goto tls
recv_again_failed:
    .get_results ($P0)
    pop_eh
    print "recv again: "
    say $P0
tls:
    push_eh tls_failed
    a.'tls'("localhost")
    pop_eh
    say "tls: done"
    goto async
tls_failed:
    .get_results ($P0)
    pop_eh
    print "tls: "
    say $P0
async:
    cb = get_global 'report'
    r = a.'send'("async\n", cb)
    wait r
    r = a.'recv'(cb)
    wait r
    r = a.'read'(10, cb)
    wait r
    r = a.'readline'(cb)
    wait r
    a.'close'()
    say "closed"
.end

.sub report
    .param pmc r
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async "
    print $S0
    print ": "
    say $P0
.end
"#;

#[test]
fn a_sticky_reset_is_reported_under_the_name_of_each_later_operation() {
    let mut peer = Proc::python(RESET_ONE_PEER, &[]);
    let port = peer_port(&mut peer);
    let prog = write_program("sticky", STICKY);
    let mut kea = Proc::kea(&prog, &[&port]);
    peer.line("reset");
    let reset = "Connection reset by peer(104)";
    // The operation that met the reset, then the later ones: each names itself, and the OS
    // text is the one the recv met.
    for op in ["recv", "send", "read", "readline", "recv again"] {
        let name = op.trim_end_matches(" again");
        assert_eq!(kea.line(&format!("{op}: ")), format!("{op}: {name} failed: {reset}"), "blocking {op}");
    }
    assert_eq!(kea.line("tls: "), format!("tls: TLS handshake failed: {reset}"));
    for op in ["send", "recv", "read", "readline"] {
        assert_eq!(kea.line("async "), format!("async failed: {op} failed: {reset}"), "async {op}");
    }
    kea.line("closed");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

// 3. A half-closed peer ---------------------------------------------------------------------

/// Sends a line, shuts its write side, then reads until kea's end of stream and says what it
/// got.
const HALF_CLOSE_PEER: &str = r#"
import socket
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
s, _ = ls.accept()
s.settimeout(10)
s.sendall(b"from peer\n")
s.shutdown(socket.SHUT_WR)
data = b""
while True:
    part = s.recv(1 << 20)
    if not part:
        break
    data += part
want = b"after eof\n" + b"0123456789abcdef" * 65536
print("peer got %d bytes, %s" % (len(data), "as sent" if data == want else "NOT as sent"), flush=True)
"#;

const HALF_CLOSE: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc c
    .local string got
    $S0 = argv[1]
    $I0 = $S0
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = c.'sockaddr'("127.0.0.1", $I0)
    c.'connect'($P0)
    got = ""
more:
    $S1 = c.'recv'()
    if $S1 == "" goto eof
    got .= $S1
    goto more
eof:
    print "got: "
    print got
    $I1 = c.'eof'()
    print "eof: "
    say $I1
    # The end of the stream stays the end: no hang, no error.
    $S1 = c.'recv'()
    $I1 = length $S1
    print "recv again: "
    say $I1
    # Our side is still open: a line and 1 MiB (more than the high-water mark, so this send
    # parks until the OS has taken most of it), then our own FIN after the queue is out.
    c.'send'("after eof\n")
    $S2 = repeat "0123456789abcdef", 65536
    c.'send'($S2)
    c.'shutdown'(1)
    c.'close'()
    say "closed"
.end
"#;

#[test]
fn a_half_closed_peer_gives_eof_and_still_receives() {
    let mut peer = Proc::python(HALF_CLOSE_PEER, &[]);
    let port = peer_port(&mut peer);
    let prog = write_program("half-close", HALF_CLOSE);
    let mut kea = Proc::kea(&prog, &[&port]);
    assert_eq!(kea.line("got: "), "got: from peer");
    assert_eq!(kea.line("eof: "), "eof: 1");
    assert_eq!(kea.line("recv again: "), "recv again: 0");
    kea.line("closed");
    assert_eq!(peer.line("peer got "), format!("peer got {} bytes, as sent", 10 + (1 << 20)));
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

// 5. Timeouts: a connect that never completes, an idle recv ----------------------------------

/// A listener with backlog 1 that never accepts: once its queue is full, the kernel drops
/// further SYNs, so a connect stays pending for as long as the client waits.
const FULL_BACKLOG_PEER: &str = r#"
import socket, time
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
print("port", ls.getsockname()[1], flush=True)
time.sleep(30)
"#;

const TIMEOUTS: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, addr, held, r, cb
    .local num t0
    $S0 = argv[1]
    $I0 = $S0
    held = new 'ResizablePMCArray'
    $I5 = 0
next:
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = s.'sockaddr'("127.0.0.1", $I0)
    s.'timeout'(0.2)
    t0 = time
    push_eh connect_failed
    s.'connect'(addr)
    pop_eh
    push held, s
    inc $I5
    if $I5 < 20 goto next
    say "all 20 connected"
    goto idle
connect_failed:
    .get_results ($P0)
    pop_eh
    elapsed(t0)
    $S1 = $P0
    print "connect "
    print $I5
    print ": "
    say $S1
    # The same with a request: it fails, it does not hang.
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    s.'timeout'(0.2)
    cb = get_global 'quiet'
    t0 = time
    r = s.'connect'(addr, cb)
    wait r
    elapsed(t0)
    $I1 = r
    print "async connect state: "
    say $I1
    $P1 = r.'error'()
    $S1 = $P1
    print "async connect: "
    say $S1
idle:
    # A connection the peer never writes to: recv gives up after its timeout.
    s = held[0]
    s.'timeout'(0.2)
    t0 = time
    push_eh recv_failed
    $S1 = s.'recv'()
    pop_eh
    say "recv returned"
    goto async_recv
recv_failed:
    .get_results ($P0)
    pop_eh
    elapsed(t0)
    $S1 = $P0
    print "recv: "
    say $S1
async_recv:
    t0 = time
    r = s.'recv'(cb)
    wait r
    elapsed(t0)
    $I1 = r
    print "async recv state: "
    say $I1
    $P1 = r.'error'()
    $S1 = $P1
    print "async recv: "
    say $S1
    # After a timeout the connection is still usable.
    s.'send'("still here\n")
    say "sent after timeout"
    $I1 = elements held
    $I2 = 0
close_all:
    s = held[$I2]
    s.'close'()
    inc $I2
    if $I2 < $I1 goto close_all
    say "done"
.end

.sub elapsed
    .param num t0
    $N0 = time
    $N0 -= t0
    $N0 *= 1000
    $I0 = $N0
    print "elapsed ms: "
    say $I0
.end

.sub quiet
    .param pmc r
.end
"#;

/// The next `elapsed ms:` line, as a number.
fn elapsed_ms(kea: &mut Proc) -> u64 {
    let l = kea.line("elapsed ms: ");
    l["elapsed ms: ".len()..].trim().parse().expect("a number of ms")
}

#[test]
fn connect_and_recv_timeouts_fail_with_timed_out() {
    let mut peer = Proc::python(FULL_BACKLOG_PEER, &[]);
    let port = peer_port(&mut peer);
    let prog = write_program("timeouts", TIMEOUTS);
    let mut kea = Proc::kea(&prog, &[&port]);
    let timed_out = "Connection timed out(110)";
    // Never early; late only within a generous bound.
    let in_bounds = |ms: u64| (190..3000).contains(&ms);
    let ms = elapsed_ms(&mut kea);
    let l = kea.line("connect ");
    assert!(in_bounds(ms), "the connect gave up after {ms} ms, not 200: {l}");
    assert!(l.ends_with(&format!(": connect failed: {timed_out}")), "{l}");
    let ms = elapsed_ms(&mut kea);
    assert!(in_bounds(ms), "the async connect gave up after {ms} ms");
    assert_eq!(kea.line("async connect state: "), "async connect state: -1");
    assert_eq!(kea.line("async connect: "), format!("async connect: connect failed: {timed_out}"));
    let ms = elapsed_ms(&mut kea);
    assert!(in_bounds(ms), "the recv gave up after {ms} ms");
    assert_eq!(kea.line("recv: "), format!("recv: recv failed: {timed_out}"));
    let ms = elapsed_ms(&mut kea);
    assert!(in_bounds(ms), "the async recv gave up after {ms} ms");
    assert_eq!(kea.line("async recv state: "), "async recv state: -1");
    assert_eq!(kea.line("async recv: "), format!("async recv: recv failed: {timed_out}"));
    kea.line("sent after timeout");
    kea.line("done");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("all 20 connected"), "the backlog never filled:\n{out}");
}

// 6. Partial writes and backpressure ---------------------------------------------------------

/// Accepts one connection, reads nothing for a second (so kea's queue must grow), then reads
/// everything and compares it with what kea generates: the numbers 0..199999 one a line,
/// that block 53 times (68,311,170 bytes, more than 64 MiB).
const SLOW_READER_PEER: &str = r#"
import socket, time
block = b"".join(b"%d\n" % i for i in range(200000))
want = block * 53
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(1)
ls.settimeout(10)
print("port", ls.getsockname()[1], flush=True)
s, _ = ls.accept()
s.settimeout(10)
time.sleep(1.0)
got = bytearray()
while True:
    part = s.recv(1 << 20)
    if not part:
        break
    got += part
if got == want:
    print("peer got %d bytes in order" % len(got), flush=True)
else:
    bad = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
    print("peer got %d bytes, first difference at %d" % (len(got), bad), flush=True)
"#;

const BACKPRESSURE: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc c, parts, t, flag
    .local string big
    $S0 = argv[1]
    $I0 = $S0
    parts = new 'ResizableStringArray'
    $I1 = 0
gen:
    $S1 = $I1
    $S1 .= "\n"
    push parts, $S1
    inc $I1
    if $I1 < 200000 goto gen
    $S1 = join "", parts
    big = repeat $S1, 53
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = c.'sockaddr'("127.0.0.1", $I0)
    c.'connect'($P0)
    flag = new 'Integer'
    flag = 1
    set_global 'sending', flag
    t = new 'Task'
    $P1 = get_global 'ticker'
    t.'code'($P1)
    t.'data'(c)
    schedule t
    $I2 = length big
    print "send start "
    say $I2
    $I3 = c.'send'(big)
    print "send done "
    say $I3
    flag = 0
    wait t
    c.'close'()
    say "closed"
.end

# Prints a tick with the socket's queue every 10 ms while main's send is parked.
.sub ticker
    .param pmc c
    .local pmc flag
    flag = get_global 'sending'
again:
    sleep 0.01
    $I0 = flag
    if $I0 == 0 goto done
    $I1 = c.'queued'()
    print "tick "
    say $I1
    goto again
done:
.end
"#;

#[test]
fn a_send_past_the_high_water_mark_parks_only_its_task_and_every_byte_arrives() {
    let mut peer = Proc::python(SLOW_READER_PEER, &[]);
    let port = peer_port(&mut peer);
    let prog = write_program("backpressure", BACKPRESSURE);
    let mut kea = Proc::kea(&prog, &[&port]);
    let total = 68_311_170;
    assert_eq!(kea.line("send start "), format!("send start {total}"));
    assert_eq!(kea.line("send done "), format!("send done {total}"));
    kea.line("closed");
    assert_eq!(peer.line("peer got "), format!("peer got {total} bytes in order"));
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    // While the send was parked (the peer read nothing for a second), the ticker ran and saw
    // the queue: more than the high-water mark is queued, or the send would have returned.
    assert_queue_seen_while_parked(&out, total);
}

// 7. Many tasks blocked in recv, one thread ----------------------------------------------------

/// argv: port, kea's pid. 200 connections; each sends a line and reads it back, so every
/// server task is then blocked in `recv` on its own connection; the peer counts kea's
/// threads and fds at that moment, then each connection says goodbye and closes.
const MANY_PEER: &str = r#"
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
"#;

fn two_numbers(line: &str) -> (usize, usize) {
    let w: Vec<&str> = line.split_whitespace().collect();
    (w[2].parse().expect("threads"), w[4].parse().expect("fds"))
}

#[test]
fn two_hundred_tasks_blocked_in_recv_share_one_thread() {
    let echo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/echo-server.pasm");
    // The example echoes each connection in its own task and exits after 200 connections.
    let mut kea = Proc::kea(&echo.to_string_lossy(), &["0", "200"]);
    let l = kea.line("listening on 127.0.0.1:");
    let port = l.rsplit(':').next().expect("a port").trim().to_string();
    let pid = kea.pid().to_string();
    let mut peer = Proc::python(MANY_PEER, &[&port, &pid]);
    let (threads_before, fds_before) = two_numbers(&peer.line("before threads"));
    let (threads_during, fds_during) = two_numbers(&peer.line("during threads"));
    assert_eq!(peer.line("bad "), "bad []", "some connections were not echoed");
    assert_eq!(threads_during, threads_before, "threads grew with the connections");
    assert!(threads_before <= 16, "{threads_before} threads for an idle server");
    // The example closes its listener once it has accepted its 200th connection.
    assert!(
        fds_during >= fds_before - 1 + 200,
        "the 200 connections were not all open at once: {fds_before} fds before, {fds_during} during"
    );
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("connection failed"), "{out}");
}

// 8. No fd left behind ---------------------------------------------------------------------

/// A server that serves N connections, one task each, then waits. Each connection's first
/// chunk picks what happens: `big...` makes the server send 1 MiB chunks until the send
/// fails; anything else is echoed until the peer closes. Failures are printed and the
/// connection closed. Before serving it also makes a refused connect (argv[2] is a closed
/// port), sync and async. It stops at three markers (`baseline`, `served`, `closed`) and waits
/// for a line on stdin so the test can count its fds.
const FD_SERVER: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc l, stdin, tasks, t, serve, c, r, cb
    .local int n, i
    $S0 = argv[1]
    n = $S0
    $S0 = argv[2]
    $I9 = $S0
    stdin = getstdin
    l = new 'Socket'
    l.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = l.'sockaddr'("127.0.0.1", 0)
    l.'bind'($P0)
    l.'listen'(64)
    $P1 = l.'local_address'()
    print "listening on "
    say $P1
    say "baseline"
    $S9 = readline stdin
    # A refused connect, both ways.
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P2 = c.'sockaddr'("127.0.0.1", $I9)
    push_eh refused
    c.'connect'($P2)
    pop_eh
    goto async_refused
refused:
    .get_results ($P3)
    pop_eh
async_refused:
    cb = get_global 'quiet'
    r = c.'connect'($P2, cb)
    wait r
    $I0 = r
    print "refused connects done, state "
    say $I0
    tasks = new 'ResizablePMCArray'
    serve = get_global 'serve'
    i = 0
accept:
    c = l.'accept'()
    t = new 'Task'
    t.'code'(serve)
    t.'data'(c)
    schedule t
    push tasks, t
    inc i
    if i < n goto accept
    i = 0
join:
    t = tasks[i]
    wait t
    inc i
    if i < n goto join
    print "served "
    say n
    $S9 = readline stdin
    l.'close'()
    say "closed"
    $S9 = readline stdin
.end

.sub serve
    .param pmc c
    push_eh failed
    $S0 = c.'recv'()
    if $S0 == "" goto eof
    $I0 = index $S0, "big"
    if $I0 == 0 goto big
echo:
    c.'send'($S0)
    $S0 = c.'recv'()
    if $S0 == "" goto eof
    goto echo
big:
    $S1 = repeat "z", 1048576
big_again:
    c.'send'($S1)
    goto big_again
eof:
    pop_eh
    c.'close'()
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    $S2 = $P0
    print "connection failed: "
    say $S2
    c.'close'()
.end

.sub quiet
    .param pmc r
.end
"#;

/// argv: port. Ten connections of each kind, all at once: echo then close; echo then reset
/// (the server is blocked in recv); connect and close at once; ask for `big`, read a little,
/// then reset (the server is parked in send); send, shut the write side, read to the end.
const FD_CLIENTS: &str = r#"
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
"#;

#[test]
fn fds_return_to_the_baseline_after_good_and_failed_connections() {
    let prog = write_program("fds", FD_SERVER);
    let refused = closed_port().to_string();
    let mut kea = Proc::kea(&prog, &["50", &refused]);
    let l = kea.line("listening on 127.0.0.1:");
    let port = l.rsplit(':').next().expect("a port").trim().to_string();
    kea.line("baseline");
    let base = fd_count(kea.pid());
    kea.say("go");
    assert_eq!(kea.line("refused connects done"), "refused connects done, state -1");
    let mut clients = Proc::python(FD_CLIENTS, &[&port]);
    assert_eq!(clients.line("results "), "results 50 bad []");
    kea.line("served 50");
    let (code, _) = clients.finish();
    assert_eq!(code, 0);
    assert_eq!(fd_count(kea.pid()), base, "fds left behind after 50 connections:\n{}", kea.transcript());
    kea.say("close");
    kea.line("closed");
    assert_eq!(fd_count(kea.pid()), base - 1, "closing the listener frees its fd");
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    // The two kinds of reset each failed exactly their own ten connections, with the OS text.
    let failed: Vec<&str> = out.lines().filter(|l| l.starts_with("connection failed: ")).collect();
    assert_eq!(failed.len(), 20, "{out}");
    assert!(
        failed.iter().all(|l| l.contains("Connection reset by peer(104)") || l.contains("Broken pipe(32)")),
        "{out}"
    );
}

// 4. EMFILE on accept ------------------------------------------------------------------------

/// argv: how many connections to serve. Accepts and holds connections (greeting each with
/// `hi`). When an accept fails, it reports the error and, the first time, waits for a line
/// on stdin while still holding every fd (the test watches its CPU meanwhile); then it
/// closes what it holds and goes on accepting.
const EMFILE_SERVER: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc l, held, c, stdin
    .local int n, total, failures
    $S0 = argv[1]
    total = $S0
    stdin = getstdin
    l = new 'Socket'
    l.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = l.'sockaddr'("127.0.0.1", 0)
    l.'bind'($P0)
    l.'listen'(128)
    $P1 = l.'local_address'()
    print "listening on "
    say $P1
    held = new 'ResizablePMCArray'
    n = 0
    failures = 0
next:
    push_eh failed
    c = l.'accept'()
    pop_eh
    inc n
    push held, c
    c.'send'("hi\n")
    print "accepted "
    say n
    if n < total goto next
    say "served all"
    goto free
failed:
    .get_results ($P2)
    pop_eh
    inc failures
    $S1 = $P2
    print "accept error: "
    say $S1
    if failures > 1 goto free
    say "saturated"
    $S9 = readline stdin
free:
    $I0 = elements held
    $I1 = 0
free_one:
    if $I1 >= $I0 goto freed
    c = held[$I1]
    c.'close'()
    inc $I1
    goto free_one
freed:
    held = new 'ResizablePMCArray'
    print "freed "
    say $I0
    if n < total goto next
    say "done"
.end
"#;

/// argv: port, n. Opens n connections (the kernel completes them all: the backlog is 128),
/// then counts how many get their greeting.
const EMFILE_CLIENTS: &str = r#"
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
"#;

/// Decided behaviour: when accept hits EMFILE, the listener stops taking connections (no
/// busy loop: the connections stay queued in the kernel), a waiting `accept` fails once with
/// the OS text, and the listener tries again every 250 ms, so the queued connections are
/// served once fds are free, with no new connection needed to wake it.
#[test]
fn emfile_on_accept_fails_once_does_not_spin_and_resumes_when_fds_free_up() {
    let prog = write_program("emfile", EMFILE_SERVER);
    let mut kea = Proc::kea_limited(48, &prog, &["60"]);
    let l = kea.line("listening on 127.0.0.1:");
    let port = l.rsplit(':').next().expect("a port").trim().to_string();
    let mut clients = Proc::python(EMFILE_CLIENTS, &[&port, "60"]);
    clients.line("connected 60");
    assert_eq!(kea.line("accept error: "), "accept error: accept failed: Too many open files(24)");
    kea.line("saturated");
    // Saturated: 60 connections are queued and kea can take no more. Its CPU over a second
    // must stay far from a busy loop (clock ticks are 1/100 s: a spinning core gives ~100).
    let pid = kea.pid();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_ticks(pid) - before;
    assert!(used <= 20, "kea used {used}/100 of a core while out of fds: a busy loop");
    let freed_at = Instant::now();
    kea.say("free them");
    kea.line("served all");
    let resumed = freed_at.elapsed();
    assert!(resumed < Duration::from_secs(5), "accepting resumed only after {resumed:?}");
    assert_eq!(clients.line("greeted "), "greeted 60", "a queued connection was lost");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("accept error: ").count(), 1, "the error is reported once, not per retry:\n{out}");
}

const DROPPED_SOCKETS: &str = r#"
.include 'socket.pasm'
.sub main :main
    .local pmc listener, addr, client, server
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'(addr)
    listener.'listen'(64)
    addr = listener.'local_address'()
    $I0 = 0
loop:
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(addr)
    server = listener.'accept'()
    server.'send'("x")
    $S0 = client.'recv'()
    inc $I0
    if $I0 < 2000 goto loop
    say "2000 connections, none closed by the program"
.end
"#;

/// Sockets the program drops without `close` are closed when the collector frees them:
/// 4,000 sockets under a 256-descriptor limit never run out.
#[test]
fn dropped_sockets_are_closed_by_the_collector() {
    let prog = write_program("dropped", DROPPED_SOCKETS);
    let kea = env!("CARGO_BIN_EXE_kea");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -n 256 && exec '{kea}' run --max-time 60 '{prog}'"))
        .output()
        .expect("kea runs");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2000 connections, none closed by the program\n");
    assert_eq!(out.status.code(), Some(0));
}

const CLOSE_WHILE_CONNECTING: &str = r#"
.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, addr, held, pending, cb
    $S0 = argv[1]
    $I0 = $S0
    held = new 'ResizablePMCArray'
    cb = get_global 'quiet'
    # Fill the peer's backlog: connects complete until one stays pending.
    $I5 = 0
next:
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = s.'sockaddr'("127.0.0.1", $I0)
    pending = s.'connect'(addr, cb)
    sleep 0.2
    $I1 = pending
    if $I1 == 0 goto stuck
    push held, s
    inc $I5
    if $I5 < 20 goto next
    say "the backlog never filled"
    exit 1
stuck:
    say "a connect is pending"
    s.'close'()
    wait pending
    $I1 = pending
    print "state after close: "
    say $I1
    $P0 = pending.'error'()
    say $P0
    # The same with a blocking connect parked in another task.
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P1 = new 'Task'
    $P2 = get_global 'connector'
    $P1.'code'($P2)
    $P3 = new 'ResizablePMCArray'
    push $P3, s
    push $P3, addr
    $P1.'data'($P3)
    schedule $P1
    sleep 0.2
    s.'close'()
    wait $P1
    # Shutting the write side twice is an error, not a no-op.
    s = held[0]
    s.'shutdown'(1)
    push_eh twice
    s.'shutdown'(1)
    say "second shutdown succeeded"
twice:
    .get_results ($P4)
    pop_eh
    say $P4
.end

.sub connector
    .param pmc args
    $P0 = args[0]
    $P1 = args[1]
    push_eh failed
    $P0.'connect'($P1)
    say "connected?"
    .return ()
failed:
    .get_results ($P2)
    pop_eh
    print "blocking connect: "
    say $P2
.end

.sub quiet
    .param pmc r
.end
"#;

/// Closing a socket whose connect is still under way cancels the connect (ECANCELED) for
/// both forms, and a second write shutdown is an error (RELIABILITY b9, b2).
#[test]
fn close_while_connecting_cancels_and_shutdown_twice_fails() {
    let mut peer = Proc::python(FULL_BACKLOG_PEER, &[]);
    let port = peer_port(&mut peer);
    let prog = write_program("closeconnect", CLOSE_WHILE_CONNECTING);
    let mut kea = Proc::kea(&prog, &[&port]);
    kea.line("a connect is pending");
    assert_eq!(kea.line("state after close: "), "state after close: -1");
    kea.line("connect failed: Operation canceled(125)");
    assert_eq!(kea.line("blocking connect: "), "blocking connect: connect failed: Operation canceled(125)");
    kea.line("shutdown failed: Transport endpoint is not connected(107)");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
}

const QUEUE_CAP: &str = r#"
.include 'socket.pasm'
.sub main :main
    .local pmc listener, addr, client, server, cb, r1, r2
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'(addr)
    listener.'listen'(4)
    addr = listener.'local_address'()
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(addr)
    server = listener.'accept'()
    # Nobody reads: 40 MiB queue; 40 MiB more would pass the 64 MiB cap.
    $S0 = repeat "x", 41943040
    cb = get_global 'quiet'
    r1 = client.'send'($S0, cb)
    r2 = client.'send'($S0, cb)
    wait r2
    $I0 = r2
    print "second send: "
    say $I0
    $P0 = r2.'error'()
    say $P0
    $I1 = client.'queued'()
    if $I1 > 0 goto queued
    say "nothing queued?"
queued:
    say "the first send is still queued"
    exit 0
.end

.sub quiet
    .param pmc r
.end
"#;

/// A write queue has a cap: an async send past it fails with ENOBUFS instead of growing
/// memory without bound (RELIABILITY b5).
#[test]
fn the_write_queue_is_capped() {
    let prog = write_program("queuecap", QUEUE_CAP);
    let out = Command::new(env!("CARGO_BIN_EXE_kea")).args(["run", "--max-time", "60", &prog]).output().expect("kea");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "second send: -1\nsend failed: No buffer space available(105)\nthe first send is still queued\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

// 9. A name that does not resolve -----------------------------------------------------------

/// Every form that resolves a name, on `nonexistent.invalid` (RFC 6761: `.invalid` never
/// resolves). A ticker task counts in the global `ticks` and passes, so `<form> ticks: N`
/// says how often it ran while the caller waited for the resolver pool. Then a lookup is
/// cancelled while pending, in both kinds: a name lookup (`getaddrinfo`) and a connect whose
/// name (`localhost`, resolved in a few ms) is still being looked up; the listener that
/// connect would reach then waits a second for a connection that must never come.
const NO_SUCH_NAME: &str = r#"
.include 'socket.pasm'
.sub main :main
    .local pmc s, r, cb, never, t, ticks, stop, stdin, listener
    .local int before
    stdin = getstdin
    say "baseline"
    $S9 = readline stdin
    ticks = box 0
    set_global 'ticks', ticks
    stop = box 0
    set_global 'stop', stop
    $P0 = box 0
    set_global 'callbacks', $P0
    t = new 'Task'
    $P1 = get_global 'ticker'
    t.'code'($P1)
    schedule t
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)

    before = ticks
    push_eh sockaddr_failed
    $P0 = s.'sockaddr'("nonexistent.invalid", 80)
    pop_eh
    say "sockaddr: resolved"
    goto getaddrinfo
sockaddr_failed:
    .get_results ($P0)
    pop_eh
    $I0 = ticks
    $I0 -= before
    print "sockaddr ticks: "
    say $I0
    print "sockaddr: "
    say $P0
getaddrinfo:
    before = ticks
    push_eh getaddrinfo_failed
    $P0 = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0)
    pop_eh
    say "getaddrinfo: resolved"
    goto connect
getaddrinfo_failed:
    .get_results ($P0)
    pop_eh
    $I0 = ticks
    $I0 -= before
    print "getaddrinfo ticks: "
    say $I0
    print "getaddrinfo: "
    say $P0
connect:
    before = ticks
    push_eh connect_failed
    s.'connect'("nonexistent.invalid:80")
    pop_eh
    say "connect: connected"
    goto bind
connect_failed:
    .get_results ($P0)
    pop_eh
    $I0 = ticks
    $I0 -= before
    print "connect ticks: "
    say $I0
    print "connect: "
    say $P0
bind:
    push_eh bind_failed
    s.'bind'("nonexistent.invalid:0")
    pop_eh
    say "bind: bound"
    goto async
bind_failed:
    .get_results ($P0)
    pop_eh
    print "bind: "
    say $P0

async:
    cb = get_global 'counted'
    before = ticks
    r = s.'sockaddr'("nonexistent.invalid", 80, .PIO_PF_INET, cb)
    wait r
    $I0 = ticks
    $I0 -= before
    print "async sockaddr ticks: "
    say $I0
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async sockaddr: "
    print $S0
    print ": "
    say $P0
    before = ticks
    r = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0, cb)
    wait r
    $I0 = ticks
    $I0 -= before
    print "async getaddrinfo ticks: "
    say $I0
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async getaddrinfo: "
    print $S0
    print ": "
    say $P0
    before = ticks
    r = s.'connect'("nonexistent.invalid:80", cb)
    wait r
    $I0 = ticks
    $I0 -= before
    print "async connect ticks: "
    say $I0
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async connect: "
    print $S0
    print ": "
    say $P0

    # Cancelled while the name is being looked up.
    .local pmc r1, r2, r3
    never = get_global 'never'
    r1 = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0, never)
    $S0 = r1.'cancel'()
    print "cancel getaddrinfo: "
    say $S0
    r2 = s.'connect'("nonexistent.invalid:80", never)
    $S0 = r2.'cancel'()
    print "cancel connect nonexistent: "
    say $S0
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    $P0 = listener.'local_address'()
    $I0 = $P0.'port'()
    $S1 = $I0
    $S1 = "localhost:" . $S1
    $P2 = new 'Socket'
    $P2.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    r3 = $P2.'connect'($S1, never)
    $S0 = r3.'cancel'()
    print "cancel connect localhost: "
    say $S0
    wait r1
    wait r2
    wait r3
    # Long after every lookup has answered: no connection may arrive.
    push_eh accept_failed
    $P3 = listener.'accept'(1.0)
    pop_eh
    say "accept: a connection came"
    $P3.'close'()
    goto after
accept_failed:
    .get_results ($P0)
    pop_eh
    print "accept: "
    say $P0
after:
    listener.'close'()
    $S0 = r1.'state'()
    $S2 = r2.'state'()
    $S3 = r3.'state'()
    print "states after: "
    print $S0
    print " "
    print $S2
    print " "
    say $S3
    $P0 = get_global 'callbacks'
    print "callbacks: "
    say $P0
    stop = 1
    wait t
    say "done"
    $S9 = readline stdin
.end

.sub ticker
    .local pmc ticks, stop
    ticks = get_global 'ticks'
    stop = get_global 'stop'
    $I0 = 0
loop:
    if stop goto done
    inc ticks
    pass
    inc $I0
    if $I0 < 3000000 goto loop
done:
.end

.sub counted
    .param pmc r
    $P0 = get_global 'callbacks'
    inc $P0
.end

.sub never
    .param pmc r
    say "a cancelled request's callback ran"
.end
"#;

/// A name that cannot resolve fails every form that looks names up with a catchable
/// `getaddrinfo failed: nonexistent.invalid: ...` (blocking) or a failed request (async),
/// while other tasks run; a cancelled lookup completes once, as cancelled, and its late answer
/// is dropped (no connect starts); the program ends normally with no fd left behind.
#[test]
fn a_name_that_does_not_resolve_fails_catchably_and_other_tasks_run_meanwhile() {
    let prog = write_program("no-such-name", NO_SUCH_NAME);
    let mut kea = Proc::kea(&prog, &[]);
    kea.line("baseline");
    let base = fd_count(kea.pid());
    kea.say("go");
    // The OS text after the name varies (no resolver, NXDOMAIN, ...): only the start is fixed.
    let failed = |line: &str, form: &str| {
        let want = format!("{form}: getaddrinfo failed: nonexistent.invalid: ");
        assert!(line.starts_with(&want) && line.len() > want.len(), "{form}: {line}");
    };
    let ticked = |line: &str| {
        let n: u64 = line.rsplit(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        assert!(n > 0, "the ticker must run while the lookup is pending: {line}");
    };
    for form in ["sockaddr", "getaddrinfo", "connect"] {
        ticked(&kea.line(&format!("{form} ticks: ")));
        failed(&kea.line(&format!("{form}: ")), form);
    }
    failed(&kea.line("bind: "), "bind");
    for form in ["sockaddr", "getaddrinfo", "connect"] {
        ticked(&kea.line(&format!("async {form} ticks: ")));
        failed(&kea.line(&format!("async {form}: ")), &format!("async {form}: failed"));
    }
    // A pending name lookup is under way on a worker; a connect waiting for its name has not
    // started.
    assert_eq!(kea.line("cancel getaddrinfo: "), "cancel getaddrinfo: in progress");
    assert_eq!(kea.line("cancel connect nonexistent: "), "cancel connect nonexistent: not started");
    assert_eq!(kea.line("cancel connect localhost: "), "cancel connect localhost: not started");
    assert_eq!(kea.line("accept: "), "accept: accept failed: Connection timed out(110)", "{}", kea.transcript());
    assert_eq!(kea.line("states after: "), "states after: cancelled cancelled cancelled");
    assert_eq!(kea.line("callbacks: "), "callbacks: 3", "one per failed async lookup, none for cancelled ones");
    kea.line("done");
    assert_eq!(fd_count(kea.pid()), base, "an fd was left behind:\n{}", kea.transcript());
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("callback ran"), "{out}");
}
