//! Network faults through the real binary (RELIABILITY.md §2 (b), the sockets issue): each
//! fault must end in a catchable exception or a failed request carrying the OS error text,
//! never in a panic, a hung task or an fd left behind. Peers are python3 scripts (standard
//! library only, in `peers/`) on loopback. Every wait is bounded (at most 10 s), and timing only ever
//! gets generous bounds: the checks are on what happened, not on how fast.
//!
//! The programs under test (in `programs/`) print markers and, where the test inspects the process
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
//! A failure here points at `runtime/src/backend/net/` (the socket backend) first, then at
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

const REFUSED: &str = include_str!("programs/refused.pir");

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
const RESET_PEER: &str = include_str!("peers/reset.py");

const RESET: &str = include_str!("programs/reset.pir");

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
const RESET_ONE_PEER: &str = include_str!("peers/reset-one.py");

/// A recv meets the reset; then every later operation, blocking and async, reports the stored
/// error under its own name. Each line is `<operation>: <message>`.
const STICKY: &str = include_str!("programs/sticky.pir");

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
const HALF_CLOSE_PEER: &str = include_str!("peers/half-close.py");

const HALF_CLOSE: &str = include_str!("programs/half-close.pir");

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
const FULL_BACKLOG_PEER: &str = include_str!("peers/full-backlog.py");

const TIMEOUTS: &str = include_str!("programs/timeouts.pir");

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
const SLOW_READER_PEER: &str = include_str!("peers/slow-reader.py");

const BACKPRESSURE: &str = include_str!("programs/backpressure.pir");

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
const MANY_PEER: &str = include_str!("peers/many-clients.py");

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
const FD_SERVER: &str = include_str!("programs/fd-server.pir");

/// argv: port. Ten connections of each kind, all at once: echo then close; echo then reset
/// (the server is blocked in recv); connect and close at once; ask for `big`, read a little,
/// then reset (the server is parked in send); send, shut the write side, read to the end.
const FD_CLIENTS: &str = include_str!("peers/fd-clients.py");

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
const EMFILE_SERVER: &str = include_str!("programs/emfile-server.pir");

/// argv: port, n. Opens n connections (the kernel completes them all: the backlog is 128),
/// then counts how many get their greeting.
const EMFILE_CLIENTS: &str = include_str!("peers/emfile-clients.py");

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

const DROPPED_SOCKETS: &str = include_str!("programs/dropped-sockets.pir");

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

const CLOSE_WHILE_CONNECTING: &str = include_str!("programs/close-while-connecting.pir");

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

const QUEUE_CAP: &str = include_str!("programs/queue-cap.pir");

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
const NO_SUCH_NAME: &str = include_str!("programs/no-such-name.pir");

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
