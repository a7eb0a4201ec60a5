//! The socket examples (`examples/*-server.pasm`, `examples/https-get.pasm`) against real
//! peers on loopback: python3 clients and servers, `curl`, `openssl s_client` and
//! `openssl s_server`. Each server starts on port 0 and the test reads the port from its first
//! line, `listening on 127.0.0.1:PORT`. Every wait is bounded, and a missing tool fails the
//! test with the Debian package to install; it never skips.

mod common;
use common::need;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const STARTUP: Duration = Duration::from_secs(20);
const CLIENT: Duration = Duration::from_secs(60);

fn example(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name);
    p.canonicalize().expect("the example exists").to_string_lossy().into_owned()
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-net-examples-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A fresh self-signed certificate for `localhost` and 127.0.0.1: (cert path, key path).
fn cert(dir: &Path) -> (String, String) {
    let ck = rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()]).expect("rcgen");
    let (c, k) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&c, ck.cert.pem()).expect("write cert");
    std::fs::write(&k, ck.key_pair.serialize_pem()).expect("write key");
    (c.to_string_lossy().into_owned(), k.to_string_lossy().into_owned())
}

/// Collects a child's stdout and stderr, line by line, into one channel.
fn collect(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().expect("piped stdout");
    let err = child.stderr.take().expect("piped stderr");
    for r in [Box::new(out) as Box<dyn Read + Send>, Box::new(err)] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(r).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

/// Waits for a line containing `what`; returns everything read up to and including it.
fn expect_line(rx: &mpsc::Receiver<String>, what: &str, limit: Duration, seen: &mut Vec<String>) -> String {
    let end = Instant::now() + limit;
    loop {
        let left = end.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                seen.push(line.clone());
                if line.contains(what) {
                    return line;
                }
            }
            Err(_) => panic!("no line with {what:?} within {limit:?}; saw:\n{}", seen.join("\n")),
        }
    }
}

/// A running example server, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    rx: mpsc::Receiver<String>,
}

impl Server {
    fn start(name: &str, args: &[&str]) -> Server {
        Server::start_with(&[], name, args)
    }

    /// [`Server::start`] with options for `kea run` (`--stats`).
    fn start_with(flags: &[&str], name: &str, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kea"))
            .arg("run")
            .args(flags)
            .arg(example(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("kea starts");
        let rx = collect(&mut child);
        let line = expect_line(&rx, "listening on 127.0.0.1:", STARTUP, &mut Vec::new());
        let port = line.rsplit(':').next().and_then(|p| p.trim().parse().ok()).expect("a port in the first line");
        Server { child, port, rx }
    }

    /// Waits for the server to exit by itself; its exit code and what it printed after
    /// the first line.
    fn wait(mut self, limit: Duration) -> (i32, String) {
        let end = Instant::now() + limit;
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                std::thread::sleep(Duration::from_millis(50));
                let rest: Vec<String> = self.rx.try_iter().collect();
                return (st.code().unwrap_or(-1), rest.join("\n"));
            }
            assert!(Instant::now() < end, "{:?} did not exit within {limit:?}", self.child.id());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a command to completion within `limit`: (exit code, stdout, stderr).
fn run(cmd: &mut Command, stdin: &[u8], limit: Duration) -> (i32, String, String) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut input = child.stdin.take().expect("piped stdin");
    let data = stdin.to_vec();
    std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let end = Instant::now() + limit;
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = String::from_utf8_lossy(&t_out.join().expect("stdout reader")).into_owned();
    let err = String::from_utf8_lossy(&t_err.join().expect("stderr reader")).into_owned();
    (status.code().unwrap_or(-1), out, err)
}

fn python(script: &str, args: &[String]) -> (i32, String, String) {
    need("python3", "--version", "python3");
    run(Command::new("python3").arg("-c").arg(script).args(args), b"", CLIENT)
}

/// 50 clients connect, wait until all are connected (so the server holds them all at once),
/// then each sends 5 messages in separate writes and reads each echo back. Prints one line
/// per message, in a fixed order.
const ECHO_CLIENTS: &str = include_str!("peers/echo-clients.py");

#[test]
fn echo_servers_hold_many_clients_and_give_identical_transcripts() {
    let mut transcripts = Vec::new();
    for name in ["echo-server.pasm", "echo-server-callbacks.pasm"] {
        let server = Server::start(name, &["0"]);
        let (code, out, err) = python(ECHO_CLIENTS, &[server.port.to_string()]);
        assert_eq!(code, 0, "{name}: client failed: {err}");
        assert!(!out.contains("BAD") && !out.contains("MISSING"), "{name}:\n{out}");
        assert_eq!(out.lines().count(), 50 * 6, "{name}:\n{out}");
        transcripts.push(out);
    }
    assert_eq!(transcripts[0], transcripts[1], "the task and the callback servers differ");
}

#[test]
fn echo_self_tests_print_the_same_transcript() {
    let mut outs = Vec::new();
    for name in ["echo-server.pasm", "echo-server-callbacks.pasm"] {
        let (code, out, err) = run(Command::new(env!("CARGO_BIN_EXE_kea")).arg("run").arg(example(name)), b"", CLIENT);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("client 2 got them back: identical"), "{name}:\n{out}");
        // The first line names the style; the rest must agree byte for byte.
        outs.push(out.split_once('\n').map(|(_, rest)| rest.to_string()).unwrap_or_default());
    }
    assert_eq!(outs[0], outs[1]);
}

#[test]
fn echo_servers_stop_after_n_connections() {
    const TWO: &str = include_str!("peers/echo-two-clients.py");
    for name in ["echo-server.pasm", "echo-server-callbacks.pasm"] {
        let server = Server::start(name, &["0", "2"]);
        let (code, out, err) = python(TWO, &[server.port.to_string()]);
        assert_eq!((code, out.trim()), (0, "done"), "{name}: {err}");
        let (code, rest) = server.wait(STARTUP);
        assert_eq!(code, 0, "{name}: {rest}");
    }
}

#[test]
fn http_server_keeps_connections_alive_for_curl() {
    need("curl", "--version", "curl");
    let server = Server::start("http-server.pasm", &["0"]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let (code, out, err) = run(
        Command::new("curl").args(["-sv", "--max-time", "20", &format!("{base}/"), &format!("{base}/hello")]),
        b"",
        CLIENT,
    );
    assert_eq!(code, 0, "curl failed: {err}");
    assert!(out.contains("<h1>Hello from Kea</h1>") && out.contains("request 1 on this connection"), "{out}");
    assert!(out.contains("hello, world (request 2 on this connection)"), "{out}");
    assert!(err.contains("Re-using existing connection"), "curl did not reuse the connection:\n{err}");
    // `Connection: close` is honoured: the server says so and closes; a 404 for the unknown.
    let (code, out, err) = run(
        Command::new("curl").args(["-sv", "--max-time", "20", "-H", "Connection: close", &format!("{base}/nope")]),
        b"",
        CLIENT,
    );
    assert_eq!(code, 0, "curl failed: {err}");
    assert_eq!(out, "no page at /nope\n");
    assert!(err.contains("< HTTP/1.1 404 Not Found") && err.contains("< Connection: close"), "{err}");
    // HEAD: headers with the page's length, no body.
    let (code, out, err) =
        run(Command::new("curl").args(["-sI", "--max-time", "20", &format!("{base}/")]), b"", CLIENT);
    assert_eq!(code, 0, "curl failed: {err}");
    assert!(out.starts_with("HTTP/1.1 200 OK\r\n") && out.contains("Content-Length: 95\r\n"), "{out}");
}

#[test]
fn http_server_skips_request_bodies_and_answers_pipelined_requests() {
    const PIPELINED: &str = include_str!("peers/http-pipelined.py");
    let server = Server::start("http-server.pasm", &["0"]);
    let (code, out, err) = python(PIPELINED, &[server.port.to_string()]);
    assert_eq!(code, 0, "{err}");
    let want = "HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain; charset=utf-8\r\n\
                Content-Length: 18\r\nConnection: keep-alive\r\n\r\nonly GET and HEAD\n\
                HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 44\r\n\
                Connection: close\r\n\r\nhello, world (request 2 on this connection)\n";
    assert_eq!(out, want);
}

#[test]
fn tls_echo_server_with_openssl_s_client_and_key_updates() {
    need("openssl", "version", "openssl");
    let dir = temp_dir("tls-echo");
    let (c, k) = cert(&dir);
    let server = Server::start("tls-echo-server.pasm", &["0", &c, &k]);
    let mut child = Command::new("openssl")
        .args(["s_client", "-connect", &format!("127.0.0.1:{}", server.port), "-CAfile", &c])
        .args(["-servername", "localhost", "-verify_hostname", "localhost", "-verify_return_error", "-tls1_3"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("openssl starts");
    let rx = collect(&mut child);
    let mut input = child.stdin.take().expect("stdin");
    let mut seen = Vec::new();
    let mut say = |line: &str| input.write_all(format!("{line}\n").as_bytes()).expect("write to s_client");
    say("ping-before-update");
    expect_line(&rx, "ping-before-update", CLIENT, &mut seen);
    // "k" sends a KeyUpdate; "K" sends one that asks the server to update its keys too.
    say("k");
    expect_line(&rx, "KEYUPDATE", CLIENT, &mut seen);
    say("ping-after-update");
    expect_line(&rx, "ping-after-update", CLIENT, &mut seen);
    say("K");
    expect_line(&rx, "KEYUPDATE", CLIENT, &mut seen);
    say("ping-after-mutual-update");
    expect_line(&rx, "ping-after-mutual-update", CLIENT, &mut seen);
    drop(input);
    let end = Instant::now() + CLIENT;
    while child.try_wait().expect("try_wait").is_none() {
        assert!(Instant::now() < end, "s_client did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
    let all = seen.join("\n");
    assert!(all.contains("Verify return code: 0 (ok)") && all.contains("TLSv1.3"), "{all}");
    let _ = std::fs::remove_dir_all(dir);
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

#[test]
fn https_get_against_openssl_s_server() {
    need("openssl", "version", "openssl");
    let dir = temp_dir("s-server");
    let (c, k) = cert(&dir);
    let port = free_port();
    let mut server = Command::new("openssl")
        .args(["s_server", "-accept", &format!("127.0.0.1:{port}"), "-cert", &c, "-key", &k, "-www"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("openssl starts");
    let rx = collect(&mut server);
    expect_line(&rx, "ACCEPT", STARTUP, &mut Vec::new());
    let (code, out, err) = run(
        Command::new(env!("CARGO_BIN_EXE_kea")).arg("run").arg(example("https-get.pasm")).args([
            "localhost",
            &port.to_string(),
            "/",
            &c,
        ]),
        b"",
        CLIENT,
    );
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(code, 0, "https-get failed: {err}\n{out}");
    assert!(out.starts_with("HTTP/1.0 200 ok\n"), "{out}");
    assert!(out.contains("TLSv1.3"), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

/// A one-shot HTTPS server on Python's socket and ssl modules; argv: cert key mode, where
/// mode `clean` answers with Content-Length and `close_notify`, and `cut` answers without a
/// length and drops the TCP connection without `close_notify`. Prints its port first.
const PY_TLS_SERVER: &str = include_str!("peers/tls-server.py");

fn https_get_against_python(mode: &str) -> (i32, String, String) {
    need("python3", "--version", "python3");
    let dir = temp_dir(&format!("py-{mode}"));
    let (c, k) = cert(&dir);
    let mut py = Command::new("python3")
        .args(["-c", PY_TLS_SERVER, &c, &k, mode])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let rx = collect(&mut py);
    let mut seen = Vec::new();
    let port = expect_line(&rx, "", STARTUP, &mut seen);
    let r = run(
        Command::new(env!("CARGO_BIN_EXE_kea")).arg("run").arg(example("https-get.pasm")).args([
            "localhost",
            port.trim(),
            "/from-kea",
            &c,
        ]),
        b"",
        CLIENT,
    );
    expect_line(&rx, "served", CLIENT, &mut seen);
    let _ = py.kill();
    let _ = py.wait();
    let _ = std::fs::remove_dir_all(dir);
    r
}

#[test]
fn https_get_against_a_python_tls_server() {
    let (code, out, err) = https_get_against_python("clean");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "HTTP/1.1 200 OK\nContent-Length: 35\nConnection: close\n\npython saw: GET /from-kea HTTP/1.1\n");
}

#[test]
fn https_get_reports_a_connection_cut_without_close_notify() {
    let (code, out, err) = https_get_against_python("cut");
    assert_eq!(code, 1, "{out}");
    assert!(out.ends_with("partial body"), "{out}");
    assert!(err.starts_with("https-get: ") && err.contains("truncated"), "{err}");
}

#[test]
fn chat_server_relays_lines_to_the_other_clients() {
    const CHAT: &str = include_str!("peers/chat-clients.py");
    let server = Server::start("chat-server.pasm", &["0"]);
    let (code, out, err) = python(CHAT, &[server.port.to_string()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "welcome, you are user1\nwelcome, you are user2\n* user2 joined\nuser1: one\nuser1: two\n\
         user2: three\n* user2 left\n"
    );
}

/// Connects, gets one echo back, and closes, `n` times in a row; with `reset`, each close
/// is an RST (`SO_LINGER` 0) while the server waits in `recv`.
const CHURN: &str = r#"
import socket, struct, sys
port, n, reset = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "reset"
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    s.sendall(b"x\n")
    got = b""
    while not got.endswith(b"\n"):
        part = s.recv(10)
        if not part:
            break
        got += part
    if reset:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
print("done")
"#;

/// Finished connection tasks leave the example servers' lists: under churn the heap's
/// peak stays flat instead of growing by the tasks of every connection ever served.
#[test]
fn example_servers_drop_finished_connections() {
    const N: usize = 2000;
    for name in ["echo-server.pasm", "http-server.pasm"] {
        let server = Server::start_with(&["--stats"], name, &["0", &N.to_string()]);
        let (code, out, err) = python(CHURN, &[server.port.to_string(), N.to_string(), "close".into()]);
        assert_eq!((code, out.trim()), (0, "done"), "{name}: {err}");
        let (code, rest) = server.wait(CLIENT);
        assert_eq!(code, 0, "{name}: {rest}");
        let peak: usize = rest
            .split("peak-pmcs ")
            .nth(1)
            .and_then(|t| t.split_whitespace().next())
            .and_then(|t| t.parse().ok())
            .unwrap_or_else(|| panic!("{name}: no --stats line in:\n{rest}"));
        // Kept, each connection's Task and data would hold at least 2 PMCs to the end.
        assert!(peak < N, "{name}: {peak} PMCs alive at the peak after {N} connections");
    }
}

/// A storm of resets writes a few stderr lines, not one per connection.
#[test]
fn example_servers_rate_limit_their_failure_log() {
    const N: usize = 300;
    for name in ["echo-server.pasm", "echo-server-callbacks.pasm"] {
        let server = Server::start(name, &["0", &N.to_string()]);
        let (code, out, err) = python(CHURN, &[server.port.to_string(), N.to_string(), "reset".into()]);
        assert_eq!((code, out.trim()), (0, "done"), "{name}: {err}");
        let (code, rest) = server.wait(CLIENT);
        assert_eq!(code, 0, "{name}: {rest}");
        let lines = rest.lines().filter(|l| l.starts_with("connection failed: ")).count();
        assert!((1..=N / 10).contains(&lines), "{name}: {lines} lines for {N} resets:\n{rest}");
    }
}
