//! Shared pieces of the bench/net tools: argument parsing, the loopback-only
//! address check, the file-descriptor limit, a one-line JSON writer, and the
//! client connection state machine used by `loadgen` and `idle`.
//!
//! ## Why one request in flight per connection
//!
//! `loadgen` is a closed loop: each connection sends one message, waits for
//! all of its echo, then sends the next. Throughput then measures how fast the
//! server turns requests around, and latency is not inflated by queues the
//! client itself built up (an open-loop or pipelined client measures
//! something else).
//!
//! ## Why connections are opened through a window
//!
//! A connection counts as established only when the server has *echoed* on it,
//! not when `connect` returns: the kernel completes the handshake before the
//! server calls `accept`, so a slow acceptor's listen queue (128 for a mio
//! listener) overflows and the kernel drops SYNs, which costs a 1 s retransmit
//! per drop. Keeping at most `window` connections unconfirmed keeps that queue
//! short, so opening 1,000 or 10,000 connections takes milliseconds to
//! seconds, and a connection that never gets its echo is reported as failed.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use mio::net::TcpStream;

/// Command-line arguments as `--name value` options plus positionals.
pub struct Args {
    /// Options seen so far, in order, without the leading `--`.
    options: Vec<(String, Option<String>)>,
    /// Arguments that are not options or option values.
    pub positional: Vec<String>,
}

impl Args {
    /// Splits `std::env::args()`. `flags` names the options that take no value.
    pub fn parse(flags: &[&str]) -> Args {
        let mut options = Vec::new();
        let mut positional = Vec::new();
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            if let Some(name) = arg.strip_prefix("--") {
                if let Some((n, v)) = name.split_once('=') {
                    options.push((n.to_string(), Some(v.to_string())));
                } else if flags.contains(&name) {
                    options.push((name.to_string(), None));
                } else {
                    options.push((name.to_string(), it.next()));
                }
            } else {
                positional.push(arg);
            }
        }
        Args { options, positional }
    }

    /// Whether the flag `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    /// The value of `--name`, parsed, or `default`; exits with status 2 on a bad value.
    pub fn get<T: std::str::FromStr>(&self, name: &str, default: T) -> T {
        match self.options.iter().rev().find(|(n, _)| n == name) {
            None => default,
            Some((_, Some(v))) => v.parse().unwrap_or_else(|_| usage_error(&format!("bad value '{v}' for --{name}"))),
            Some((_, None)) => usage_error(&format!("--{name} needs a value")),
        }
    }

    /// Exits with status 2 if an option is not one of `known`.
    pub fn check_known(&self, known: &[&str]) {
        for (n, _) in &self.options {
            if n == "help" {
                usage_error("");
            }
            if !known.contains(&n.as_str()) {
                usage_error(&format!("unknown option --{n}"));
            }
        }
    }
}

/// Prints `msg` (if any) and the program's usage line from `USAGE`, then exits with status 2.
pub fn usage_error(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("error: {msg}");
    }
    eprintln!("{}", USAGE.get().copied().unwrap_or(""));
    std::process::exit(2)
}

/// The running binary's usage text, set once by `set_usage`.
static USAGE: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Sets the text `usage_error` prints.
pub fn set_usage(text: &'static str) {
    let _ = USAGE.set(text);
}

/// Resolves `HOST:PORT` and insists on a loopback address: these tools are
/// load generators and must never point at another machine.
pub fn loopback_addr(target: &str) -> SocketAddr {
    let addr = target
        .to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .unwrap_or_else(|| usage_error(&format!("cannot resolve '{target}', expected HOST:PORT")));
    if !addr.ip().is_loopback() {
        usage_error(&format!("'{target}' is not a loopback address; only 127.0.0.1 or ::1 are allowed"));
    }
    addr
}

/// Raises the soft RLIMIT_NOFILE to the hard limit and returns the new soft
/// limit. Warns (and returns the old one) if that fails.
pub fn raise_fd_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("warning: cannot raise the open-file limit: {e}");
            rlimit::getrlimit(rlimit::Resource::NOFILE).map(|(soft, _)| soft).unwrap_or(1024)
        }
    }
}

/// Exits with status 2 if `needed` descriptors exceed the open-file limit.
pub fn require_fds(needed: u64) {
    let limit = raise_fd_limit();
    if needed > limit {
        usage_error(&format!(
            "{needed} descriptors needed but the open-file limit is {limit}; raise it with `ulimit -n` (the hard limit too, as root)"
        ));
    }
}

/// A JSON object written on one line, field by field.
#[derive(Default)]
pub struct Json {
    /// The text so far, without the closing brace.
    text: String,
}

impl Json {
    /// Adds `"key": value` with `value` already written as JSON.
    fn raw(mut self, key: &str, value: &str) -> Json {
        self.text.push(if self.text.is_empty() { '{' } else { ',' });
        let _ = write!(self.text, "\"{key}\":{value}");
        self
    }

    /// Adds a number field; non-finite numbers become `null`.
    pub fn num(self, key: &str, value: f64) -> Json {
        if value.is_finite() {
            // At most three decimals, trailing zeros dropped: 310157, 59.1, 0.012.
            let v = format!("{value:.3}");
            let v = v.trim_end_matches('0').trim_end_matches('.');
            self.raw(key, if v.is_empty() || v == "-" { "0" } else { v })
        } else {
            self.raw(key, "null")
        }
    }

    /// Adds a string field, or `null` for `None`.
    pub fn str(self, key: &str, value: Option<&str>) -> Json {
        match value {
            None => self.raw(key, "null"),
            Some(s) => {
                let mut q = String::from("\"");
                for c in s.chars() {
                    match c {
                        '"' => q.push_str("\\\""),
                        '\\' => q.push_str("\\\\"),
                        c if (c as u32) < 0x20 => {
                            let _ = write!(q, "\\u{:04x}", c as u32);
                        }
                        c => q.push(c),
                    }
                }
                q.push('"');
                self.raw(key, &q)
            }
        }
    }

    /// The finished line.
    pub fn finish(mut self) -> String {
        self.text.push('}');
        self.text
    }
}

/// Where a client connection is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    /// Non-blocking `connect` issued, handshake not yet seen.
    Connecting,
    /// Connected, first message sent, its echo not yet complete.
    Confirming,
    /// The server has echoed at least once.
    Confirmed,
    /// Failed or closed; its error has been counted.
    Dead,
}

/// One client connection: a message in flight and how far it has got.
pub struct Conn {
    /// The socket, registered with the owner's `Poll` under the connection's index.
    pub stream: TcpStream,
    /// Where the connection is in its life.
    pub phase: Phase,
    /// Whether a request is in flight (`sent` and `recvd` are meaningful).
    busy: bool,
    /// Bytes of the current message written so far.
    sent: usize,
    /// Bytes of its echo read so far.
    recvd: usize,
    /// When the current request's first byte was handed to the kernel.
    started: Instant,
}

impl Conn {
    /// Starts a non-blocking connect to `addr`.
    pub fn connect(addr: SocketAddr) -> io::Result<Conn> {
        let stream = TcpStream::connect(addr)?;
        Ok(Conn { stream, phase: Phase::Connecting, busy: false, sent: 0, recvd: 0, started: Instant::now() })
    }

    /// On an event while `Connecting`: `Ok(true)` once connected (TCP_NODELAY
    /// is then set), `Ok(false)` if the event was spurious, `Err` if the connect failed.
    pub fn finish_connect(&mut self) -> io::Result<bool> {
        if let Some(e) = self.stream.take_error()? {
            return Err(e);
        }
        match self.stream.peer_addr() {
            Ok(_) => {
                self.stream.set_nodelay(true)?;
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::NotConnected => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Begins a new request; `drive` then sends it.
    pub fn start(&mut self, now: Instant) {
        self.busy = true;
        self.sent = 0;
        self.recvd = 0;
        self.started = now;
    }

    /// Pushes the current request forward until the socket would block.
    /// For each complete echo calls `done(latency, now)`, which returns
    /// whether to start another request at once. The echo is compared with
    /// `msg`; a short close, an extra byte or a wrong byte is an error.
    pub fn drive(
        &mut self,
        msg: &[u8],
        scratch: &mut [u8],
        done: &mut impl FnMut(Duration, Instant) -> bool,
    ) -> io::Result<()> {
        while self.busy {
            if self.sent < msg.len() {
                match self.stream.write(&msg[self.sent..]) {
                    Ok(n) => {
                        self.sent += n;
                        // The echo cannot be there yet, so skip the read that
                        // would say WouldBlock and wait for the readable event.
                        // Linux epoll reports every arrival even in
                        // edge-triggered mode, so nothing is missed; this saves
                        // a quarter of loadgen's syscalls.
                        if self.sent == msg.len() {
                            return Ok(());
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
                continue;
            }
            let want = msg.len() - self.recvd;
            // Read at most what is owed: anything more would be the server
            // sending bytes nobody asked for, caught on the next read.
            let room = want.min(scratch.len()).max(1);
            match self.stream.read(&mut scratch[..room]) {
                Ok(0) => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "server closed the connection")),
                Ok(n) => {
                    if scratch[..n] != msg[self.recvd..self.recvd + n] {
                        return Err(io::Error::new(io::ErrorKind::InvalidData, "echo differs from the message sent"));
                    }
                    self.recvd += n;
                    if self.recvd == msg.len() {
                        let now = Instant::now();
                        self.busy = false;
                        if self.phase == Phase::Confirming {
                            self.phase = Phase::Confirmed;
                        }
                        if done(now - self.started, now) {
                            self.start(now);
                        }
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Checks a connection that should be idle: `Ok(())` if it is open with
    /// nothing to read, `Err` if the server closed it or sent something.
    pub fn check_idle(&mut self) -> io::Result<()> {
        let mut b = [0u8; 1];
        match self.stream.read(&mut b) {
            Ok(0) => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "server closed the connection")),
            Ok(_) => Err(io::Error::new(io::ErrorKind::InvalidData, "unexpected bytes on an idle connection")),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// The `p`-th percentile (0..=100) of sorted samples, nearest-rank; 0 if empty.
pub fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Counts errors by message, keeping the first few distinct ones for the report.
#[derive(Default)]
pub struct Errors {
    /// How many errors in all.
    pub count: u64,
    /// Up to four distinct messages, with how often each occurred.
    pub kinds: Vec<(String, u64)>,
}

impl Errors {
    /// Records one error.
    pub fn add(&mut self, what: &str, e: &io::Error) {
        self.count += 1;
        let msg = format!("{what}: {e}");
        if let Some(k) = self.kinds.iter_mut().find(|(m, _)| *m == msg) {
            k.1 += 1;
        } else if self.kinds.len() < 4 {
            self.kinds.push((msg, 1));
        }
    }

    /// Adds another thread's errors.
    pub fn merge(&mut self, other: Errors) {
        self.count += other.count;
        for (m, n) in other.kinds {
            if let Some(k) = self.kinds.iter_mut().find(|(k, _)| *k == m) {
                k.1 += n;
            } else if self.kinds.len() < 4 {
                self.kinds.push((m, n));
            }
        }
    }

    /// `"msg (xN); msg (xM)"`, or `None` when there were none.
    pub fn summary(&self) -> Option<String> {
        if self.count == 0 {
            return None;
        }
        Some(self.kinds.iter().map(|(m, n)| format!("{m} (x{n})")).collect::<Vec<_>>().join("; "))
    }
}
