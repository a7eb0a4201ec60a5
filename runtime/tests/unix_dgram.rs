//! Unix-domain datagram sockets (`PIO_PF_UNIX`/`PIO_PF_LOCAL` with `PIO_SOCK_DGRAM`) through
//! the real binary: two Kea sockets in one program, a python3 peer (`AF_UNIX, SOCK_DGRAM`,
//! standard library only), errors in both forms, the socket file, fds, a full peer, and a
//! differential test of the blocking and the callback forms. Every wait is bounded (at most
//! 10 s); checks are on what happened, never on how fast. Each test works in its own
//! directory under the system temp dir, named with the test's pid, and removes it at the end.
//!
//! | behaviour | test |
//! |---|---|
//! | blocking and async `sendto`/`recvfrom` between tasks; two sends are two whole receives | `tasks_exchange_whole_datagrams_in_both_forms` |
//! | a python3 peer: named and unnamed senders both ways | `a_python_peer_exchanges_datagrams_with_kea` |
//! | `recv`/`recvfrom` time out, per call and by `timeout`, in both forms | `recv_and_recvfrom_time_out_and_the_socket_stays_usable` |
//! | `sendto` a missing path fails in both forms and does not stick | `sendto_a_missing_path_fails_in_both_forms` |
//! | a connected peer gone: the error sticks under each operation's name | `a_vanished_connected_peer_is_a_sticky_error` |
//! | binding an existing path; the file stays after `close` | `binding_an_existing_path_fails_and_close_leaves_the_file` |
//! | fds back to the baseline after good and failed sockets | `fds_return_to_the_baseline` |
//! | a peer that does not read: `sendto` waits, other tasks run, nothing is lost | `a_full_peer_parks_the_sender_and_every_datagram_arrives_in_order` |
//! | blocking and callback forms give identical output | `blocking_and_callback_forms_agree` |
//! | UDP's `recv` on a connected socket: one whole datagram per call | `udp_recv_takes_whole_datagrams` |
//! | `read`/`readline` on a datagram socket (Unix or UDP) fail at once, in both forms | `stream_reads_on_a_datagram_socket_fail_at_once` |
//!
//! A failure here points at `runtime/src/backend/net/` (the socket backend) first, then at
//! `vm/src/interp/net.rs` (how a result becomes a value or an exception).

mod common;
use common::{fd_count, Proc, BOUND};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A fresh, empty directory for one test.
fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-udg-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_program(dir: &Path, text: &str) -> String {
    let p = dir.join("prog.pir");
    std::fs::write(&p, text).expect("write program");
    p.to_string_lossy().into_owned()
}

/// Runs `kea run PROG DIR` to the end: exit code and output (stderr lines prefixed `E: `).
fn run(dir: &Path, text: &str) -> (i32, String) {
    let prog = write_program(dir, text);
    Proc::kea(&prog, &[dir.to_str().expect("utf-8 temp path")]).finish()
}

// 1. Two Kea sockets, tasks and callbacks --------------------------------------------------

/// argv[1]: a directory. b's task receives (blocking) while main sends: datagrams of 0, 1,
/// 100 000 bytes and two small ones, each received whole; then the same with callbacks.
const TASKS: &str = include_str!("programs/dgram-tasks.pir");

#[test]
fn tasks_exchange_whole_datagrams_in_both_forms() {
    let dir = temp_dir("tasks");
    let (code, out) = run(&dir, TASKS);
    assert_eq!(code, 0, "{out}");
    let want = "sent 0\nsent 1\nsent 100000\nsent 5\nsent 5\n\
                task got 0 bytes from 1\ntask got 1 bytes from 1\ntask got 100000 bytes from 1\n\
                task got 5 bytes from 1\ntask got 5 bytes from 1\n\
                async sendto returned 9\nasync sendto returned 9\n\
                async recvfrom: async one\nasync recvfrom: async two\ndone";
    // The task's lines interleave with main's sends as the scheduler runs them; each
    // side's own order is fixed.
    let mine = |o: &str, p: &str| o.lines().filter(|l| l.starts_with(p)).collect::<Vec<_>>().join("\n");
    for p in ["sent", "task got", "async", "done"] {
        assert_eq!(mine(&out, p), mine(want, p), "lines starting {p:?}:\n{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// 2. A python3 peer -------------------------------------------------------------------------

/// argv: a directory. Binds DIR/py.sock, says `ready`, then: receives one datagram and
/// reports its sender; answers it with two datagrams; then sends one from an unbound socket.
const PY_PEER: &str = include_str!("peers/dgram.py");

/// argv[1]: a directory. Talks to the python peer at DIR/py.sock from DIR/kea.sock; then
/// connects an unbound socket to it.
const KEA_PEER: &str = include_str!("programs/dgram-peer.pir");

#[test]
fn a_python_peer_exchanges_datagrams_with_kea() {
    let dir = temp_dir("python");
    let d = dir.to_str().expect("utf-8 temp path");
    let mut py = Proc::python(PY_PEER, &[d]);
    py.line("ready");
    let (code, out) = run(&dir, KEA_PEER);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "kea got 'pong 1' from 'DIR/py.sock' family 1\n\
         kea got 'pong 2' from 'DIR/py.sock' family 1\n\
         kea got 'from nowhere' from '' family 1"
    );
    assert_eq!(py.line("py got"), "py got 'ping' from kea.sock");
    // An unbound Kea socket is unnamed to its peer too (python shows it as None or '').
    let last = py.line("py got");
    assert!(last == "py got 'connected' from None" || last == "py got 'connected' from ''", "{last}");
    let (code, pyout) = py.finish();
    assert_eq!(code, 0, "{pyout}");
    let _ = std::fs::remove_dir_all(&dir);
}

// 3. Timeouts -------------------------------------------------------------------------------

const TIMEOUTS: &str = include_str!("programs/dgram-timeouts.pir");

#[test]
fn recv_and_recvfrom_time_out_and_the_socket_stays_usable() {
    let dir = temp_dir("timeout");
    let start = Instant::now();
    let (code, out) = run(&dir, TIMEOUTS);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "recvfrom failed: Connection timed out(110)\n\
         recv failed: Connection timed out(110)\n\
         async: recvfrom failed: Connection timed out(110)\n\
         still usable"
    );
    assert!(start.elapsed() < BOUND, "three 50 ms timeouts took {:?}", start.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}

// 4. sendto a missing path ------------------------------------------------------------------

const MISSING: &str = include_str!("programs/dgram-missing.pir");

#[test]
fn sendto_a_missing_path_fails_in_both_forms() {
    let dir = temp_dir("missing");
    let (code, out) = run(&dir, MISSING);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "sync: sendto failed: No such file or directory(2)\n\
         callback: failed\n\
         async: sendto failed: No such file or directory(2)\n\
         fine"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// 5. A connected peer that goes away: a sticky error ---------------------------------------

const STICKY: &str = include_str!("programs/dgram-sticky.pir");

#[test]
fn a_vanished_connected_peer_is_a_sticky_error() {
    let dir = temp_dir("sticky");
    let (code, out) = run(&dir, STICKY);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "one\n\
         send failed: Connection refused(111)\n\
         recv failed: Connection refused(111)\n\
         recvfrom failed: Connection refused(111)\n\
         send failed: Connection refused(111)\n\
         to b"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// 6. Binding an existing path; the file after close ----------------------------------------

const IN_USE: &str = include_str!("programs/dgram-in-use.pir");

#[test]
fn binding_an_existing_path_fails_and_close_leaves_the_file() {
    let dir = temp_dir("in-use");
    let (code, out) = run(&dir, IN_USE);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "while open: bind failed: Address already in use(98)\n\
         after close, async: bind failed: Address already in use(98)"
    );
    assert!(dir.join("a.sock").exists(), "the socket file stays after close, as the OS leaves it");
    let _ = std::fs::remove_dir_all(&dir);
}

// 7. fds ------------------------------------------------------------------------------------

/// argv[1]: a directory. Waits for a line on stdin at the baseline; then 50 rounds of: bind,
/// connect, send, recvfrom, a failed bind, a failed connect, a failed sendto, close; then
/// waits again.
const FDS: &str = include_str!("programs/dgram-fds.pir");

#[test]
fn fds_return_to_the_baseline() {
    let dir = temp_dir("fds");
    let prog = write_program(&dir, FDS);
    let mut kea = Proc::kea(&prog, &[dir.to_str().expect("utf-8 temp path")]);
    kea.line("baseline");
    let base = fd_count(kea.pid());
    kea.say("go");
    kea.line("rounds done");
    assert_eq!(fd_count(kea.pid()), base, "fds left behind:\n{}", kea.transcript());
    kea.say("end");
    let (code, out) = kea.finish();
    assert_eq!(code, 0, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

// 8. A peer that does not read --------------------------------------------------------------

/// argv[1]: a directory. A task sends 3000 numbered datagrams to b, which reads none until a
/// second task has ticked 20 times (about 20 ms): the kernel's queue for b (10 datagrams by
/// default, `net.unix.max_dgram_qlen`) fills long before, so the sender waits in `sendto`
/// while the ticker runs. Then b reads them all and checks the order.
const FULL: &str = include_str!("programs/dgram-full.pir");

#[test]
fn a_full_peer_parks_the_sender_and_every_datagram_arrives_in_order() {
    let dir = temp_dir("full");
    let (code, out) = run(&dir, FULL);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out, "after 20 ticks the sender is done: 0\nsent 3000\nreceived 3000, out of order or wrong: 0",
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// 9. Differential: the blocking and the callback forms -------------------------------------

/// One operation in its two forms, after a shared setup that binds `a` (DIR/a.sock) and `b`
/// (DIR/b.sock) and makes an unbound `c`. `BPATH` stands for b's path and `NONE` for a path
/// nobody is bound to. Both forms print the same things; errors are caught and printed.
struct Case {
    name: &'static str,
    /// Text the output must contain (so two forms that fail alike cannot pass unnoticed).
    want: &'static str,
    sync: &'static str,
    asynch: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "sendto then recvfrom",
        want: "5\nhello\n",
        sync: r#"$I0 = a.'sendto'("hello", BPATH)
    say $I0
    $P0 = b.'recvfrom'()
    $S0 = $P0[0]
    say $S0
    $P1 = $P0[1]
    $S1 = $P1
    $I1 = index $S1, "/a.sock"
    say $I1"#,
        asynch: r#"r = a.'sendto'("hello", BPATH, cb)
    wait r
    r.'throw'()
    $I0 = r.'return'()
    say $I0
    r = b.'recvfrom'(cb)
    wait r
    r.'throw'()
    $P0 = r.'return'()
    $S0 = $P0[0]
    say $S0
    $P1 = $P0[1]
    $S1 = $P1
    $I1 = index $S1, "/a.sock"
    say $I1"#,
    },
    Case {
        name: "two sends, two whole receives",
        want: "first\nsecond\n",
        sync: r#"a.'sendto'("first", BPATH)
    a.'sendto'("second", BPATH)
    $S0 = b.'recv'()
    say $S0
    $S0 = b.'recv'()
    say $S0"#,
        asynch: r#"r = a.'sendto'("first", BPATH, cb)
    wait r
    r = a.'sendto'("second", BPATH, cb)
    wait r
    r = b.'recv'(cb)
    wait r
    $S0 = r.'return'()
    say $S0
    r = b.'recv'(cb)
    wait r
    $S0 = r.'return'()
    say $S0"#,
    },
    Case {
        name: "connect, send, recv",
        want: "9\nconnected\n",
        sync: r#"c.'connect'(BPATH)
    $I0 = c.'send'("connected")
    say $I0
    $S0 = b.'recv'()
    say $S0"#,
        asynch: r#"r = c.'connect'(BPATH, cb)
    wait r
    r.'throw'()
    r = c.'send'("connected", cb)
    wait r
    $I0 = r.'return'()
    say $I0
    r = b.'recv'(cb)
    wait r
    $S0 = r.'return'()
    say $S0"#,
    },
    Case {
        name: "sendto a missing path",
        want: "error: sendto failed: No such file or directory(2)",
        sync: r#"a.'sendto'("lost", NONE)"#,
        asynch: r#"r = a.'sendto'("lost", NONE, cb)
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "recvfrom times out",
        want: "error: recvfrom failed: Connection timed out(110)",
        sync: r#"$P0 = a.'recvfrom'(0.05)"#,
        asynch: r#"r = a.'recvfrom'(0.05, cb)
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "bind an existing path",
        want: "error: bind failed: Address already in use(98)",
        sync: r#"c.'bind'(BPATH)"#,
        asynch: r#"r = c.'bind'(BPATH, cb)
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "connect to a missing path",
        want: "error: connect failed: No such file or directory(2)",
        sync: r#"c.'connect'(NONE)"#,
        asynch: r#"r = c.'connect'(NONE, cb)
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "addresses",
        want: "''\nend",
        sync: r#"$P0 = b.'local_address'()
    $S0 = $P0
    $I0 = index $S0, "/b.sock"
    say $I0
    c.'connect'(BPATH)
    $P0 = c.'remote_address'()
    $S0 = $P0
    $I0 = index $S0, "/b.sock"
    say $I0
    $P0 = c.'local_address'()
    print "'"
    print $P0
    say "'""#,
        asynch: r#"r = b.'local_address'(cb)
    wait r
    $P0 = r.'return'()
    $S0 = $P0
    $I0 = index $S0, "/b.sock"
    say $I0
    r = c.'connect'(BPATH, cb)
    wait r
    r = c.'remote_address'(cb)
    wait r
    $P0 = r.'return'()
    $S0 = $P0
    $I0 = index $S0, "/b.sock"
    say $I0
    r = c.'local_address'(cb)
    wait r
    $P0 = r.'return'()
    print "'"
    print $P0
    say "'""#,
    },
    Case {
        name: "close",
        want: "1\nerror: IO operation on a closed socket",
        sync: r#"a.'close'()
    $I0 = a.'is_closed'()
    say $I0
    a.'sendto'("x", BPATH)"#,
        asynch: r#"r = a.'close'(cb)
    wait r
    $I0 = a.'is_closed'()
    say $I0
    r = a.'sendto'("x", BPATH, cb)
    wait r
    r.'throw'()"#,
    },
];

fn diff_program(dir: &Path, body: &str) -> String {
    let d = dir.to_str().expect("utf-8 temp path");
    let body = body.replace("NONE", &format!("\"{d}/nobody.sock\"")).replace("BPATH", &format!("\"{d}/b.sock\""));
    // The frame's `{d}` is the directory, `{body}` the case's statements.
    include_str!("programs/dgram-diff-frame.pir").replace("{d}", d).replace("{body}", &body)
}

#[test]
fn blocking_and_callback_forms_agree() {
    for (i, c) in CASES.iter().enumerate() {
        let dir = temp_dir(&format!("diff{i}-s"));
        let sync = run(&dir, &diff_program(&dir, c.sync));
        // Of the same length, so positions in the paths agree.
        let dir2 = temp_dir(&format!("diff{i}-a"));
        let asy = run(&dir2, &diff_program(&dir2, c.asynch));
        let d1 = dir.to_str().expect("utf-8");
        let d2 = dir2.to_str().expect("utf-8");
        assert_eq!(sync.0, 0, "{}: {}", c.name, sync.1);
        assert_eq!(
            (sync.0, sync.1.replace(d1, "DIR")),
            (asy.0, asy.1.replace(d2, "DIR")),
            "{}: the blocking and callback forms differ",
            c.name
        );
        assert!(
            sync.1.ends_with("end") && sync.1.contains(c.want),
            "{}: expected {:?} in:\n{}",
            c.name,
            c.want,
            sync.1
        );
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&dir2);
    }
}

// 10. UDP's recv, which shares the datagram path ---------------------------------------------

const UDP_RECV: &str = include_str!("programs/udp-recv.pir");

/// A `recv` on a UDP socket used to wait on the byte buffer, which datagrams never reach.
#[test]
fn udp_recv_takes_whole_datagrams() {
    let dir = temp_dir("udp");
    let (code, out) = run(&dir, UDP_RECV);
    assert_eq!((code, out.as_str()), (0, "one\ntwo"));
    let _ = std::fs::remove_dir_all(&dir);
}

// 10. Stream reads on a datagram socket ----------------------------------------------------

/// `read` and `readline` on Unix and UDP datagram sockets, blocking and async: each fails at
/// once with a clear message instead of waiting for a stream that never comes.
const STREAM_READS: &str = include_str!("programs/dgram-stream-reads.pir");

#[test]
fn stream_reads_on_a_datagram_socket_fail_at_once() {
    let dir = temp_dir("streamread");
    let (code, out) = run(&dir, STREAM_READS);
    let line = |op: &str| format!("{op} failed: not a stream socket (a datagram socket reads with recv or recvfrom)");
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, [line("read"), line("readline"), line("readline"), line("read")].join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}
