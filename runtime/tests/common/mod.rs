//! What the binary-driving network tests share (`net_examples.rs`, `net_faults.rs`,
//! `tls_faults.rs`, `unix_dgram.rs`): a child process read line by line with bounded waits, the checks that a
//! peer tool is installed, and `/proc` counters.
//!
//! Each test file uses only part of it, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest any single wait in these tests may take.
pub const BOUND: Duration = Duration::from_secs(10);

/// Fails (never skips) when a tool a test drives is missing.
pub fn need(tool: &str, version_arg: &str, package: &str) {
    let ok = Command::new(tool)
        .arg(version_arg)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "this test needs `{tool}`: install the Debian package `{package}` (apt-get install {package})");
}

/// [`need`] for python3, the usual peer.
pub fn need_python() {
    need("python3", "--version", "python3");
}

/// A child process (kea or a peer) whose stdout and stderr arrive line by line on one channel
/// (stderr lines prefixed `E: `); killed when dropped.
pub struct Proc {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: mpsc::Receiver<String>,
    /// Every line so far.
    seen: Vec<String>,
    /// Lines before this index were matched already: `line` waits for markers in order.
    next: usize,
}

impl Proc {
    pub fn spawn(cmd: &mut Command) -> Proc {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().expect("piped stdout");
        let err = child.stderr.take().expect("piped stderr");
        for (prefix, r) in [("", Box::new(out) as Box<dyn Read + Send>), ("E: ", Box::new(err))] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(r).lines().map_while(Result::ok) {
                    if tx.send(format!("{prefix}{line}")).is_err() {
                        return;
                    }
                }
            });
        }
        let stdin = child.stdin.take();
        Proc { child, stdin, rx, seen: Vec::new(), next: 0 }
    }

    /// `kea run PROG ARGS...`.
    pub fn kea(prog: &str, args: &[&str]) -> Proc {
        Proc::spawn(Command::new(env!("CARGO_BIN_EXE_kea")).arg("run").arg(prog).args(args))
    }

    /// `kea run PROG ARGS...` with at most `nofile` open files (`ulimit -n`, then `exec`, so
    /// the pid is kea's).
    pub fn kea_limited(nofile: u32, prog: &str, args: &[&str]) -> Proc {
        let script = format!("ulimit -n {nofile} && exec \"$0\" run \"$@\"");
        Proc::spawn(Command::new("sh").arg("-c").arg(script).arg(env!("CARGO_BIN_EXE_kea")).arg(prog).args(args))
    }

    /// `python3 -c SCRIPT ARGS...`.
    pub fn python(script: &str, args: &[&str]) -> Proc {
        need_python();
        Proc::spawn(Command::new("python3").arg("-c").arg(script).args(args))
    }

    /// `openssl ARGS...`.
    pub fn openssl(args: &[&str]) -> Proc {
        need("openssl", "version", "openssl");
        Proc::spawn(Command::new("openssl").args(args))
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits (bounded) for the next line, after the last one matched, containing `what`.
    pub fn line(&mut self, what: &str) -> String {
        let end = Instant::now() + BOUND;
        loop {
            if let Some(i) = self.seen[self.next..].iter().position(|l| l.contains(what)) {
                self.next += i + 1;
                return self.seen[self.next - 1].clone();
            }
            match self.rx.recv_timeout(end.saturating_duration_since(Instant::now())) {
                Ok(l) => self.seen.push(l),
                Err(_) => panic!("no line with {what:?} within {BOUND:?}; saw:\n{}", self.transcript()),
            }
        }
    }

    /// Every line so far.
    pub fn transcript(&self) -> String {
        self.seen.join("\n")
    }

    /// Writes `line` and a newline to the child's stdin.
    pub fn say(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(format!("{line}\n").as_bytes()).expect("write to the child");
        stdin.flush().expect("flush");
    }

    /// Waits (bounded) for the process to exit: its exit code and everything it printed.
    pub fn finish(mut self) -> (i32, String) {
        drop(self.stdin.take());
        let end = Instant::now() + BOUND;
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                break st;
            }
            assert!(Instant::now() < end, "pid {} did not exit within {BOUND:?}:\n{}", self.pid(), self.transcript());
            std::thread::sleep(Duration::from_millis(20));
        };
        // The readers see end of file once the process is gone.
        while let Ok(l) = self.rx.recv_timeout(Duration::from_secs(2)) {
            self.seen.push(l);
        }
        let out = self.seen.join("\n");
        assert!(!out.contains("panicked") && !out.contains("internal error"), "a panic:\n{out}");
        (status.code().unwrap_or(-1), out)
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Entries in `/proc/PID/fd`.
pub fn fd_count(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).expect("/proc/PID/fd").count()
}

/// The first line a peer prints: the port it listens on.
pub fn peer_port(peer: &mut Proc) -> String {
    let l = peer.line("port ");
    l["port ".len()..].trim().to_string()
}

/// Checks a backpressure transcript: between the `send start` and `send done` lines a ticker
/// task printed `tick Q` (the socket's `queued()`) at least 5 times, at least once above the
/// 256 KiB high-water mark (else the send would have returned), never above `total`.
pub fn assert_queue_seen_while_parked(out: &str, total: u64) {
    let lines: Vec<&str> = out.lines().collect();
    let start = lines.iter().position(|l| l.starts_with("send start")).expect("start");
    let done = lines.iter().position(|l| l.starts_with("send done")).expect("done");
    let queued: Vec<u64> = lines[start..done]
        .iter()
        .filter_map(|l| l.strip_prefix("tick "))
        .map(|q| q.parse().expect("a queue size"))
        .collect();
    assert!(queued.len() >= 5, "the ticker stopped while the send was parked:\n{out}");
    let high_water = 256 * 1024;
    assert!(queued.iter().any(|&q| q > high_water), "queued() never grew past the high-water mark: {queued:?}");
    assert!(queued.iter().all(|&q| q <= total), "{queued:?}");
}
