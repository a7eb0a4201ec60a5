//! Sockets on mio, with TLS on rustls inside the reactor.
//!
//! Every socket is a non-blocking mio source registered once for reading and writing
//! (edge-triggered). Readiness is a hint: on an event the socket is drained until
//! `WouldBlock`, and an operation that arrives while data is buffered is served at once.
//!
//! - **Reads** fill the socket's read buffer (TLS: ciphertext goes through rustls first and
//!   only plaintext lands there); waiting `recv`/`read`/`readline` ops are served in order.
//! - **Writes** go to the socket's write queue and are written as far as the OS takes them;
//!   partial writes continue on the next writable event, never lost. A sync `send` completes
//!   at once while the queue is under the high-water mark and parks its task past it
//!   (backpressure); an async send completes when its bytes have been handed to the OS.
//! - **Accept** takes every pending connection on a readable event; an async `accept` is a
//!   stream that delivers one per connection.
//! - **Errors** (a reset peer, a refused connection) fail the waiting operations with the OS
//!   error text; the error sticks, so every later read, write or TLS operation on the socket
//!   fails with the same OS error until the program closes it. A failed `connect` leaves no
//!   socket behind; a Socket the collector frees while still open is closed by the runtime.
//! - **Datagrams** (UDP, and Unix datagram sockets on `mio::net::UnixDatagram`) keep their
//!   boundaries: received ones wait whole in `dgrams` (at most `DGRAMS_AHEAD`, then reading
//!   pauses until the program takes some), and each `send`/`sendto` is one entry of `dq`,
//!   done when the OS has taken it. A peer whose queue is full (EAGAIN) holds the sender's
//!   entry back, and it is tried again on a writable event or after `DGRAM_RETRY`, whichever
//!   comes first. A Unix datagram address is its path; an unnamed socket's is "" (see
//!   `unix_path`), and a bound socket's file stays after `close`, as the OS leaves it.
//! - **TLS** handshakes, key updates and `close_notify` are handled here, driven by the same
//!   readiness events; the program sees plaintext only. Configurations and the options of
//!   `tls` live in `tls.rs`. The write queue holds plaintext; `flush` feeds it to rustls (at
//!   most 64 KiB of records at a time) and writes records until the OS stops taking them, so
//!   backpressure and the queue cap work as for plain TCP. A side that refuses a handshake
//!   sends its alert before it fails.
//!
//! ## Why a failed `sendto` does not stick
//!
//! A `send` on a connected datagram socket that fails (the peer's socket is gone:
//! `Connection refused(111)`) concerns the one peer the socket has, so it sticks like a
//! stream's reset. A `sendto` names its own address: a path nobody is bound to says nothing
//! about the socket, which goes on sending to other addresses, so its error fails that call
//! alone.
//!
//! ## Why a sticky error keeps the OS text without an operation name
//!
//! Whichever step meets the error (a read in `fill`, a write in `flush`) is often not the
//! operation the program is waiting on: a reset seen by the reader fails a later `send` too.
//! So the socket keeps only the OS text ([`Sticky::Os`]), and each operation that reports it
//! names itself in front: `recv failed: Connection reset by peer(104)` for the recv that
//! met it, `send failed: Connection reset by peer(104)` for the send after it. TLS failures
//! ([`Sticky::Tls`]) already name their layer (`TLS error: ...`) and are reported as they are.

use crate::host::os_error_text;
use crate::io::{Completion, Waiter};
use kea_vm::interp::net::NetOp;
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::pmc::socket::{family, opt, sock_type};
use kea_vm::pmc::Elem;
use kea_vm::string::{Encoding, Str};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

/// Bytes queued for sending past which a sync `send` parks its task.
pub const HIGH_WATER: usize = 256 * 1024;
/// Most bytes queued for sending on one socket (async sends past it fail with ENOBUFS).
pub const QUEUE_CAP: usize = 64 << 20;
/// How long a TLS handshake may take when the socket has no `timeout` of its own.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(60);
/// Most bytes buffered from a socket before reading pauses until the program takes some.
const READ_CAP: usize = 4 << 20;
/// Connections accepted ahead of an `accept` call.
const ACCEPT_AHEAD: usize = 64;
/// After an accept fails for want of fds (EMFILE), the pause before the listener tries again.
const ACCEPT_RETRY: Duration = Duration::from_millis(250);
/// Datagrams received ahead of `recv`/`recvfrom` calls; past it reading pauses, and the
/// senders of a Unix datagram socket feel it (their `sendto` waits).
const DGRAMS_AHEAD: usize = 256;
/// The largest datagram taken whole: UDP's limit is 64 KiB; a Unix datagram is bounded by the
/// sender's `SO_SNDBUF` (208 KiB by default on Linux), and the tail of a longer one is lost.
const DGRAM_MAX: usize = 256 * 1024;
/// After a datagram send meets a full peer (EAGAIN), the pause before it is tried again. An
/// unconnected Unix datagram socket gets no writable event when the peer's queue drains
/// (Linux ties that event to the socket's own buffer), so waiting for one could be forever.
const DGRAM_RETRY: Duration = Duration::from_millis(5);

enum Io {
    Stream(mio::net::TcpStream),
    Listener(mio::net::TcpListener),
    Udp(mio::net::UdpSocket),
    UnixStream(mio::net::UnixStream),
    UnixListener(mio::net::UnixListener),
    UnixDgram(mio::net::UnixDatagram),
}

impl Io {
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match self {
            Io::Stream(s) => s,
            Io::Listener(s) => s,
            Io::Udp(s) => s,
            Io::UnixStream(s) => s,
            Io::UnixListener(s) => s,
            Io::UnixDgram(s) => s,
        }
    }
    /// Does it carry datagrams (each `send` one datagram, each `recv` one whole)?
    fn is_dgram(&self) -> bool {
        matches!(self, Io::Udp(_) | Io::UnixDgram(_))
    }
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Io::Stream(s) => s.read(buf),
            Io::UnixStream(s) => s.read(buf),
            Io::Udp(s) => s.recv(buf),
            Io::UnixDgram(s) => s.recv(buf),
            _ => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a connected socket")),
        }
    }
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Io::Stream(s) => s.write(buf),
            Io::UnixStream(s) => s.write(buf),
            Io::Udp(s) => s.send(buf),
            Io::UnixDgram(s) => s.send(buf),
            _ => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a connected socket")),
        }
    }
    fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        match self {
            Io::Stream(s) => s.shutdown(how),
            Io::UnixStream(s) => s.shutdown(how),
            _ => Ok(()),
        }
    }
}

/// Reads and writes TLS records over the socket for rustls.
struct SockIo<'a>(&'a mut Io);
impl Read for SockIo<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}
impl Write for SockIo<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    // rustls hands over its queued records as one slice each: without this, every
    // `write_tls` would write only the first (std's default `write_vectored`).
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        match self.0 {
            Io::Stream(s) => s.write_vectored(bufs),
            Io::UnixStream(s) => s.write_vectored(bufs),
            _ => self.0.write(bufs.iter().find(|b| !b.is_empty()).map_or(&[][..], |b| b)),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes what rustls has queued after it failed (its alert saying why), as far as the
/// socket takes it without blocking; the connection is failing, so errors are not kept.
fn send_alert(t: &mut rustls::Connection, io: &mut Io) {
    while t.wants_write() {
        match t.write_tls(&mut SockIo(io)) {
            Ok(n) if n > 0 => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            _ => return,
        }
    }
}

/// A read-type operation waiting for data.
enum Reader {
    Recv,
    Read(usize),
    ReadLine(Vec<u8>),
    RecvFrom,
    Poll(i64),
}

impl Reader {
    /// The method's name, as its error messages say it.
    fn name(&self) -> &'static str {
        match self {
            Reader::Recv => "recv",
            Reader::Read(_) => "read",
            Reader::ReadLine(_) => "readline",
            Reader::RecvFrom => "recvfrom",
            Reader::Poll(_) => "poll",
        }
    }
}

/// A socket's sticky error: every later read, write or TLS operation fails with it.
#[derive(Clone, Debug)]
enum Sticky {
    /// An OS error as [`os_error_text`] gives it (`Connection reset by peer(104)`), without
    /// the operation that met it: each operation that reports it puts its own name in front.
    Os(String),
    /// A TLS failure whose text names its layer (`TLS error: ...`): reported as it is.
    Tls(String),
}

impl Sticky {
    fn os(e: &io::Error) -> Sticky {
        Sticky::Os(os_error_text(e))
    }

    /// The message operation `op` (`recv`, `send`, `TLS handshake`, ...) fails with.
    fn message(&self, op: &str) -> String {
        match self {
            Sticky::Os(text) => format!("{op} failed: {text}"),
            Sticky::Tls(text) => text.clone(),
        }
    }
}

/// Where a queued datagram goes.
enum Dest {
    /// The connected peer (`send`).
    Peer,
    /// An IP address (`sendto` on UDP).
    Ip(SocketAddr),
    /// A path (`sendto` on a Unix datagram socket).
    Path(String),
}

/// A datagram waiting to be handed to the OS, and who waits for it.
struct Outgoing {
    data: Vec<u8>,
    to: Dest,
    waiter: Waiter,
}

impl Outgoing {
    /// The method's name, as its error messages say it.
    fn name(&self) -> &'static str {
        match self.to {
            Dest::Peer => "send",
            _ => "sendto",
        }
    }
}

struct Sock {
    io: Io,
    family: i64,
    rbuf: Vec<u8>,
    rpos: usize,
    /// The peer closed its side (cleanly).
    eof: bool,
    /// A sticky error: every later read, write or TLS operation fails with it.
    err: Option<Sticky>,
    /// More may be readable (an event came and reading stopped at the cap).
    readable: bool,
    /// An event said the peer closed its side (EPOLLRDHUP): read until the end.
    peer_closed: bool,
    writable: bool,
    wq: Vec<u8>,
    wpos: usize,
    /// Bytes handed to the OS (or to rustls) since the socket opened.
    sent: u64,
    /// Bytes ever queued.
    queued: u64,
    /// Async (or backpressured) sends: their waiter, the queue total that ends their bytes,
    /// and their byte count (the result, as a sync send returns it).
    writers: VecDeque<(Waiter, u64, usize)>,
    readers: VecDeque<(Reader, Waiter, Option<Instant>)>,
    acceptors: VecDeque<(Waiter, bool, Option<Instant>)>,
    ahead: VecDeque<Result<(Io, SocketAddr), String>>,
    connecting: Option<(Waiter, Option<Instant>)>,
    handshaking: Option<Waiter>,
    /// The program's name for the connect in flight (`NetOp::Abort`).
    token: u64,
    /// When the handshake gives up.
    handshake_deadline: Option<Instant>,
    /// Close (or shut writes) once the queue is empty.
    closing: Option<Waiter>,
    shut_wr: bool,
    /// Datagrams received and not yet taken, with their sender's address text.
    dgrams: VecDeque<(Vec<u8>, String)>,
    /// Datagrams to send, in order: each send is one datagram, so they never share the byte
    /// queue `wq` (which would join two sends into one). Its bytes count in `QUEUE_CAP`.
    dq: VecDeque<Outgoing>,
    /// Bytes in `dq`.
    dq_bytes: usize,
    tls: Option<Box<rustls::Connection>>,
    nodelay: bool,
    /// A listener whose accept failed (EMFILE): when to try again. Edge-triggered readiness
    /// gives no new event for connections already queued, so without this they would wait
    /// for the next one to arrive.
    retry: Option<Instant>,
}

impl Sock {
    fn new(io: Io, family: i64) -> Sock {
        Sock {
            io,
            family,
            rbuf: Vec::new(),
            rpos: 0,
            eof: false,
            err: None,
            readable: true,
            peer_closed: false,
            writable: true,
            wq: Vec::new(),
            wpos: 0,
            sent: 0,
            queued: 0,
            writers: VecDeque::new(),
            readers: VecDeque::new(),
            acceptors: VecDeque::new(),
            ahead: VecDeque::new(),
            connecting: None,
            handshaking: None,
            token: 0,
            handshake_deadline: None,
            closing: None,
            shut_wr: false,
            dgrams: VecDeque::new(),
            dq: VecDeque::new(),
            dq_bytes: 0,
            tls: None,
            nodelay: false,
            retry: None,
        }
    }
    fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }
    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.unread().len());
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        out
    }
    fn unsent(&self) -> usize {
        self.wq.len() - self.wpos
    }
    /// Has the program anything waiting on this socket?
    fn waited_on(&self) -> bool {
        !self.readers.is_empty()
            || !self.acceptors.is_empty()
            || self.connecting.is_some()
            || self.handshaking.is_some()
            || !self.writers.is_empty()
            || !self.dq.is_empty()
            || self.closing.is_some()
    }
}

/// The sockets of one host.
#[derive(Default)]
pub struct Net {
    socks: HashMap<u32, Sock>,
    /// Operations with a timeout were submitted since `expire` last found none: until then
    /// neither `next_deadline` nor `expire` need to look at every socket.
    timed: bool,
    /// One read buffer for every socket, zeroed once (a fresh 64 KiB array per read cost 16%
    /// of an echo server's time in memset).
    scratch: Vec<u8>,
}

fn os(what: &str, e: &io::Error) -> String {
    format!("{what} failed: {}", os_error_text(e))
}

fn data(v: Vec<u8>, eof: bool) -> IoResult {
    IoResult::Data { data: Str::from_vec(v, Encoding::Binary), eof }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses an address text: `ip:port` or `[v6]:port`. A `name:port` text never gets here: its
/// name was resolved on the resolver pool before the op was submitted (`needs_lookup`), so the
/// reactor thread never waits for a resolver.
fn parse_addr(text: &str) -> Result<SocketAddr, String> {
    text.parse::<SocketAddr>().map_err(|_| format!("'{text}' is not an address (host:port)"))
}

/// The host and port of an address text that names a host rather than an IP
/// (`localhost:80`), which must be resolved (on the resolver pool) first.
pub fn needs_lookup(text: &str) -> Option<(String, u16)> {
    if text.parse::<SocketAddr>().is_ok() {
        return None;
    }
    let (host, port) = text.rsplit_once(':')?;
    let port: u16 = port.parse().ok()?;
    if host.is_empty() || host.contains(':') || host.contains('/') {
        return None;
    }
    Some((host.to_string(), port))
}

fn fam_of(a: &SocketAddr) -> i64 {
    if a.is_ipv6() {
        family::INET6
    } else {
        family::INET
    }
}

/// Resolves a host name (on the resolver pool): `(address text, family)` pairs.
pub fn resolve(host: &str, port: i64, want: i64) -> Result<Vec<(String, i64)>, String> {
    let port = u16::try_from(port).map_err(|_| format!("getaddrinfo failed: port {port} out of range"))?;
    let h = if host.is_empty() { "0.0.0.0" } else { host };
    let addrs = (h, port).to_socket_addrs().map_err(|e| format!("getaddrinfo failed: {h}: {}", os_error_text(&e)))?;
    let out: Vec<(String, i64)> = addrs
        .filter(|a| want == 0 || want == family::UNIX || fam_of(a) == want)
        .map(|a| (a.to_string(), fam_of(&a)))
        .collect();
    if out.is_empty() {
        return Err(format!("getaddrinfo failed: {h}: no address of the requested family"));
    }
    Ok(out)
}

/// Can `host` be resolved without a lookup (an IP literal)?
pub fn literal(host: &str, port: i64, want: i64) -> Option<Result<Vec<(String, i64)>, String>> {
    let ip: std::net::IpAddr = host.trim_start_matches('[').trim_end_matches(']').parse().ok()?;
    Some(resolve(&ip.to_string(), port, want))
}

fn new_socket(fam: i64, stype: i64, opts: u32) -> io::Result<socket2::Socket> {
    let domain = match fam {
        family::INET6 => socket2::Domain::IPV6,
        family::UNIX | family::LOCAL => socket2::Domain::UNIX,
        _ => socket2::Domain::IPV4,
    };
    let ty = if stype == sock_type::DGRAM { socket2::Type::DGRAM } else { socket2::Type::STREAM };
    let s = socket2::Socket::new(domain, ty, None)?;
    s.set_nonblocking(true)?;
    s.set_cloexec(true)?;
    if opts & opt::REUSEADDR != 0 {
        s.set_reuse_address(true)?;
    }
    if opts & opt::REUSEPORT != 0 {
        s.set_reuse_port(true)?;
    }
    if opts & opt::NODELAY != 0 && stype != sock_type::DGRAM {
        s.set_nodelay(true)?;
    }
    Ok(s)
}

impl Net {
    /// Is `id` one of our sockets?
    pub fn has(&self, id: u32) -> bool {
        self.socks.contains_key(&id)
    }

    /// Is any socket operation waiting (so the program is not finished)?
    pub fn busy(&self) -> bool {
        self.socks.values().any(Sock::waited_on)
    }

    /// The earliest timeout of a waiting operation.
    pub fn next_deadline(&self) -> Option<Instant> {
        if !self.timed {
            return None;
        }
        let mut best: Option<Instant> = None;
        let mut take = |d: Option<Instant>| {
            if let Some(d) = d {
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        };
        for s in self.socks.values() {
            for (_, _, d) in &s.readers {
                take(*d);
            }
            for (_, _, d) in &s.acceptors {
                take(*d);
            }
            if let Some((_, d)) = &s.connecting {
                take(*d);
            }
            if s.handshaking.is_some() {
                take(s.handshake_deadline);
            }
            take(s.retry);
        }
        best
    }

    fn register(&mut self, reg: &mio::Registry, id: u32, mut sock: Sock) -> Result<(), String> {
        let interest = mio::Interest::READABLE | mio::Interest::WRITABLE;
        reg.register(sock.io.source(), mio::Token(id as usize), interest).map_err(|e| os("register", &e))?;
        self.socks.insert(id, sock);
        Ok(())
    }

    fn remove(&mut self, reg: &mio::Registry, id: u32) -> Option<Sock> {
        let mut s = self.socks.remove(&id)?;
        let _ = reg.deregister(s.io.source());
        Some(s)
    }

    /// Starts a socket operation; `new_id` names a socket it creates. Completions (now or
    /// later) go to `out`.
    pub fn submit(
        &mut self,
        reg: &mio::Registry,
        op: IoOp,
        w: Waiter,
        new_id: &mut dyn FnMut() -> u32,
        out: &mut VecDeque<Completion>,
    ) {
        let deadline = |t: f64| (t > 0.0).then(|| Instant::now() + Duration::from_secs_f64(t.min(1e9)));
        if matches!(&op, IoOp::Net(NetOp::Connect { timeout, .. }) | IoOp::Net(NetOp::Recv { timeout, .. }) | IoOp::Net(NetOp::RecvFrom { timeout, .. }) if *timeout > 0.0)
            || matches!(&op, IoOp::Net(NetOp::Poll { .. }))
        {
            self.timed = true;
        }
        let done = |out: &mut VecDeque<Completion>, result| out.push_back(Completion { waiter: w, result });
        match op {
            IoOp::Net(NetOp::Abort { token }) => {
                let hit =
                    self.socks.iter().find(|(_, s)| s.connecting.is_some() && s.token == token).map(|(id, _)| *id);
                if let Some(mut s) = hit.and_then(|id| self.remove(reg, id)) {
                    if let Some((cw, _)) = s.connecting.take() {
                        let result = IoResult::Failed("connect failed: Operation canceled(125)".into());
                        out.push_back(Completion { waiter: cw, result });
                    }
                }
                done(out, IoResult::Done);
            }
            IoOp::Net(NetOp::Connect { family: fam, stype, addr, opts, timeout, token }) => {
                let id = new_id();
                match self.connect(fam, stype, &addr.to_text(), opts) {
                    Ok(mut sock) => {
                        sock.token = token;
                        sock.connecting = Some((w, deadline(timeout)));
                        if let Err(e) = self.register(reg, id, sock) {
                            done(out, IoResult::Failed(e));
                            return;
                        }
                        // A datagram socket is "connected" at once.
                        if stype == sock_type::DGRAM {
                            self.finish_connect(reg, id, out);
                        }
                    }
                    Err(e) => done(out, IoResult::Failed(e)),
                }
            }
            IoOp::Net(NetOp::Bind { family: fam, stype, addr, opts }) => {
                let id = new_id();
                match self.bind(fam, stype, &addr.to_text(), opts) {
                    Ok(sock) => match self.register(reg, id, sock) {
                        Ok(()) => done(out, IoResult::Sock { id, accepted: false }),
                        Err(e) => done(out, IoResult::Failed(e)),
                    },
                    Err(e) => done(out, IoResult::Failed(e)),
                }
            }
            IoOp::Net(NetOp::Tls { handle, server, opts }) => {
                let Some(s) = self.socks.get_mut(&handle) else {
                    return done(out, IoResult::Failed("tls: the socket is closed".into()));
                };
                match crate::tls::start(server, &opts) {
                    Ok(mut conn) => {
                        // Bytes the reactor read before TLS began (a ClientHello that came
                        // with the connection, or right behind a STARTTLS) are TLS records.
                        let early = s.take(usize::MAX);
                        let mut rest = &early[..];
                        while !rest.is_empty() {
                            match conn.read_tls(&mut rest) {
                                Ok(n) if n > 0 => {}
                                _ => break,
                            }
                            if let Err(e) = conn.process_new_packets() {
                                // Tell the peer why (a server refusing a ClientHello that
                                // came early sends its alert from here), then fail.
                                send_alert(&mut conn, &mut s.io);
                                s.err = Some(Sticky::Tls(format!("TLS error: {e}")));
                                break;
                            }
                        }
                        s.tls = Some(Box::new(conn));
                        s.handshaking = Some(w);
                        let t = opts.iter().find(|(k, _)| k == "timeout").and_then(|(_, v)| v.parse::<f64>().ok());
                        let limit = match t {
                            Some(t) if t > 0.0 => Duration::from_secs_f64(t.min(1e9)),
                            _ => HANDSHAKE_TIMEOUT,
                        };
                        s.handshake_deadline = Some(Instant::now() + limit);
                        self.timed = true;
                        self.pump(reg, handle, out);
                    }
                    Err(e) => done(out, IoResult::Failed(e)),
                }
            }
            IoOp::Net(op) => {
                let Some(id) = op.handle() else { return };
                let Some(s) = self.socks.get_mut(&id) else {
                    return done(out, IoResult::Failed(format!("{}: the socket is closed", op.kind())));
                };
                match op {
                    NetOp::Listen { backlog, .. } => {
                        let r = match &s.io {
                            Io::Listener(l) => socket2::SockRef::from(l).listen(backlog.clamp(1, 65535) as i32),
                            Io::UnixListener(l) => socket2::SockRef::from(l).listen(backlog.clamp(1, 65535) as i32),
                            _ => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a bound stream socket")),
                        };
                        done(
                            out,
                            r.map_or_else(|e| IoResult::Failed(os("listen", &e)), |_| IoResult::Value(Elem::I(0))),
                        );
                    }
                    NetOp::Accept { stream, timeout, .. } => {
                        if !matches!(s.io, Io::Listener(_) | Io::UnixListener(_)) {
                            return done(out, IoResult::Failed("accept failed: the socket is not listening".into()));
                        }
                        let d = if stream { None } else { deadline(timeout) };
                        s.acceptors.push_back((w, stream, d));
                        if d.is_some() {
                            self.timed = true;
                        }
                        self.pump(reg, id, out);
                    }
                    NetOp::Recv { timeout, .. } => {
                        s.readers.push_back((Reader::Recv, w, deadline(timeout)));
                        self.pump(reg, id, out);
                    }
                    NetOp::RecvFrom { timeout, .. } => {
                        s.readers.push_back((Reader::RecvFrom, w, deadline(timeout)));
                        self.pump(reg, id, out);
                    }
                    NetOp::Poll { which, secs, .. } => {
                        s.readers.push_back((Reader::Poll(which), w, deadline(secs.max(0.0)).or(Some(Instant::now()))));
                        self.pump(reg, id, out);
                    }
                    NetOp::Send { data, .. } => {
                        if let Some(e) = &s.err {
                            return done(out, IoResult::Failed(e.message("send")));
                        }
                        if s.shut_wr || s.closing.is_some() {
                            return done(out, IoResult::Failed("send failed: Broken pipe(32)".into()));
                        }
                        let n = data.as_bytes().len();
                        // The queue is capped: past it an async send fails rather than let
                        // a slow reader grow memory without bound (a sync send parks at
                        // the high-water mark long before).
                        let waiting = s.unsent() + s.dq_bytes;
                        if waiting + n > QUEUE_CAP && waiting > 0 {
                            return done(out, IoResult::Failed("send failed: No buffer space available(105)".into()));
                        }
                        if s.io.is_dgram() {
                            // One datagram, done when the OS has taken it.
                            s.dq.push_back(Outgoing { data: data.as_bytes().to_vec(), to: Dest::Peer, waiter: w });
                            s.dq_bytes += n;
                            return self.pump(reg, id, out);
                        }
                        s.wq.extend_from_slice(data.as_bytes());
                        s.queued += n as u64;
                        let end = s.queued;
                        // Sync sends under the high-water mark are done once queued.
                        if matches!(w, Waiter::Task(_)) && s.unsent() <= HIGH_WATER {
                            done(out, IoResult::Value(Elem::I(n as i64)));
                        } else {
                            s.writers.push_back((w, end, n));
                        }
                        self.pump(reg, id, out);
                    }
                    NetOp::SendTo { data, addr, .. } => {
                        let to = match &s.io {
                            Io::Udp(_) => parse_addr(&addr.to_text()).map(Dest::Ip),
                            Io::UnixDgram(_) => Ok(Dest::Path(addr.to_text())),
                            _ => Err("sendto failed: not a datagram socket".to_string()),
                        };
                        let to = match to {
                            Ok(to) => to,
                            Err(e) => return done(out, IoResult::Failed(e)),
                        };
                        let n = data.as_bytes().len();
                        if s.dq_bytes + n > QUEUE_CAP && s.dq_bytes > 0 {
                            return done(out, IoResult::Failed("sendto failed: No buffer space available(105)".into()));
                        }
                        // Queued behind earlier datagrams, so they leave in order; done
                        // (in either form) when the OS has taken it.
                        s.dq.push_back(Outgoing { data: data.as_bytes().to_vec(), to, waiter: w });
                        s.dq_bytes += n;
                        self.pump(reg, id, out);
                    }
                    NetOp::Shutdown { how, .. } => {
                        // A second write shutdown is an error, as in libuv (`shutdown_twice`).
                        if (how == 1 || how == 2) && s.shut_wr {
                            return done(
                                out,
                                IoResult::Failed("shutdown failed: Transport endpoint is not connected(107)".into()),
                            );
                        }
                        if how == 0 || how == 2 {
                            let _ = s.io.shutdown(Shutdown::Read);
                            s.eof = true;
                        }
                        if how == 1 || how == 2 {
                            s.shut_wr = true;
                        }
                        self.pump(reg, id, out);
                        done(out, IoResult::Value(Elem::I(0)));
                    }
                    NetOp::Address { remote, .. } => {
                        let a = match (&s.io, remote) {
                            (Io::Stream(t), true) => t.peer_addr().map(|a| a.to_string()),
                            (Io::Stream(t), false) => t.local_addr().map(|a| a.to_string()),
                            (Io::Listener(t), _) => t.local_addr().map(|a| a.to_string()),
                            (Io::Udp(u), false) => u.local_addr().map(|a| a.to_string()),
                            (Io::Udp(u), true) => u.peer_addr().map(|a| a.to_string()),
                            (Io::UnixStream(_) | Io::UnixListener(_), _) => Ok(String::new()),
                            (Io::UnixDgram(u), false) => u.local_addr().map(|a| unix_path(&a)),
                            (Io::UnixDgram(u), true) => u.peer_addr().map(|a| unix_path(&a)),
                        };
                        let fam = s.family;
                        done(
                            out,
                            match a {
                                Ok(t) => IoResult::Addrs { addrs: vec![(Str::from(t), fam)], all: false },
                                Err(e) => IoResult::Failed(os("address", &e)),
                            },
                        );
                    }
                    NetOp::Queued { .. } => done(out, IoResult::Value(Elem::I((s.unsent() + s.dq_bytes) as i64))),
                    NetOp::Alpn { .. } => {
                        let p = s.tls.as_deref().map(crate::tls::alpn).unwrap_or_default();
                        done(out, IoResult::Value(Elem::S(Str::from(p))))
                    }
                    NetOp::Resolve { .. }
                    | NetOp::Connect { .. }
                    | NetOp::Bind { .. }
                    | NetOp::Tls { .. }
                    | NetOp::Abort { .. } => {}
                }
            }
            IoOp::Read { handle, .. } if self.socks.get(&handle).is_some_and(|s| s.io.is_dgram()) => {
                out.push_back(Completion { waiter: w, result: not_a_stream("read") });
            }
            IoOp::ReadLine { handle, .. } if self.socks.get(&handle).is_some_and(|s| s.io.is_dgram()) => {
                out.push_back(Completion { waiter: w, result: not_a_stream("readline") });
            }
            IoOp::Read { handle, count } => {
                if let Some(s) = self.socks.get_mut(&handle) {
                    s.readers.push_back((Reader::Read(count), w, None));
                    self.pump(reg, handle, out);
                }
            }
            IoOp::ReadLine { handle, sep } => {
                if let Some(s) = self.socks.get_mut(&handle) {
                    let sep = if sep.as_bytes().is_empty() { b"\n".to_vec() } else { sep.as_bytes().to_vec() };
                    s.readers.push_back((Reader::ReadLine(sep), w, None));
                    self.pump(reg, handle, out);
                }
            }
            IoOp::Write { handle, data } => {
                let op = IoOp::Net(NetOp::Send { handle, data });
                self.submit(reg, op, w, new_id, out);
            }
            IoOp::Close { handle } => {
                if let Some(Io::Listener(_) | Io::UnixListener(_)) = self.socks.get(&handle).map(|s| &s.io) {
                    // A listener has nothing to flush (`pump` never reaches the close step for
                    // it): close it now; its accepts, streams included, end as cancelled.
                    let mut s = self.remove(reg, handle).expect("present");
                    for (aw, _, _) in s.acceptors.drain(..) {
                        out.push_back(Completion { waiter: aw, result: IoResult::Cancelled });
                    }
                    return done(out, IoResult::Done);
                }
                if let Some(s) = self.socks.get_mut(&handle) {
                    s.closing = Some(w);
                    if let Some(t) = s.tls.as_mut() {
                        t.send_close_notify();
                    }
                    self.pump(reg, handle, out);
                } else {
                    done(out, IoResult::Done);
                }
            }
            other => done(out, IoResult::Failed(format!("{} is not supported on a socket", other.kind()))),
        }
    }

    fn connect(&mut self, fam: i64, stype: i64, addr: &str, opts: u32) -> Result<Sock, String> {
        if (fam == family::UNIX || fam == family::LOCAL) && stype == sock_type::DGRAM {
            // Unbound: the peer sees an unnamed sender.
            let s = mio::net::UnixDatagram::unbound().map_err(|e| os("connect", &e))?;
            s.connect(addr).map_err(|e| os("connect", &e))?;
            return Ok(Sock::new(Io::UnixDgram(s), fam));
        }
        if fam == family::UNIX || fam == family::LOCAL {
            let s = mio::net::UnixStream::connect(addr).map_err(|e| os("connect", &e))?;
            return Ok(Sock::new(Io::UnixStream(s), fam));
        }
        let a = parse_addr(addr)?;
        let fam = fam_of(&a);
        let s = new_socket(fam, stype, opts).map_err(|e| os("connect", &e))?;
        match s.connect(&a.into()) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(115) || e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(os("connect", &e)),
        }
        let io = if stype == sock_type::DGRAM {
            Io::Udp(mio::net::UdpSocket::from_std(s.into()))
        } else {
            Io::Stream(mio::net::TcpStream::from_std(s.into()))
        };
        let mut sock = Sock::new(io, fam);
        sock.nodelay = opts & opt::NODELAY != 0;
        Ok(sock)
    }

    fn bind(&mut self, fam: i64, stype: i64, addr: &str, opts: u32) -> Result<Sock, String> {
        if fam == family::UNIX || fam == family::LOCAL {
            if stype == sock_type::DGRAM {
                // The socket file stays when the socket closes, as the OS leaves it.
                let u = mio::net::UnixDatagram::bind(addr).map_err(|e| os("bind", &e))?;
                return Ok(Sock::new(Io::UnixDgram(u), fam));
            }
            let l = mio::net::UnixListener::bind(addr).map_err(|e| os("bind", &e))?;
            return Ok(Sock::new(Io::UnixListener(l), fam));
        }
        let a = parse_addr(addr)?;
        let fam = fam_of(&a);
        // Servers expect SO_REUSEADDR (a restarted server rebinds its port at once).
        let opts = if stype == sock_type::DGRAM { opts } else { opts | opt::REUSEADDR };
        let s = new_socket(fam, stype, opts).map_err(|e| os("bind", &e))?;
        if fam == family::INET6 {
            let _ = s.set_only_v6(true);
        }
        s.bind(&a.into()).map_err(|e| os("bind", &e))?;
        let io = if stype == sock_type::DGRAM {
            Io::Udp(mio::net::UdpSocket::from_std(s.into()))
        } else {
            s.listen(128).map_err(|e| os("listen", &e))?;
            Io::Listener(mio::net::TcpListener::from_std(s.into()))
        };
        let mut sock = Sock::new(io, fam);
        sock.nodelay = opts & opt::NODELAY != 0;
        Ok(sock)
    }

    /// A readiness event for socket `id`.
    pub fn event(&mut self, reg: &mio::Registry, id: u32, ev: &mio::event::Event, out: &mut VecDeque<Completion>) {
        let Some(s) = self.socks.get_mut(&id) else { return };
        if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
            s.readable = true;
        }
        if ev.is_read_closed() || ev.is_error() {
            s.peer_closed = true;
        }
        if ev.is_writable() || ev.is_write_closed() || ev.is_error() {
            s.writable = true;
        }
        if s.connecting.is_some() && (ev.is_writable() || ev.is_error() || ev.is_write_closed()) {
            self.finish_connect(reg, id, out);
        }
        self.pump(reg, id, out);
    }

    fn finish_connect(&mut self, reg: &mio::Registry, id: u32, out: &mut VecDeque<Completion>) {
        let Some(s) = self.socks.get_mut(&id) else { return };
        let Some((w, _)) = s.connecting.take() else { return };
        let err = match &s.io {
            Io::Stream(t) => match t.take_error() {
                Ok(Some(e)) | Err(e) => Some(e),
                Ok(None) => match t.peer_addr() {
                    Ok(_) => None,
                    Err(e) if e.kind() == io::ErrorKind::NotConnected => {
                        // Not yet: wait for the next event.
                        s.connecting = Some((w, None));
                        return;
                    }
                    Err(e) => Some(e),
                },
            },
            _ => None,
        };
        match err {
            None => {
                if s.nodelay {
                    if let Io::Stream(t) = &s.io {
                        let _ = t.set_nodelay(true);
                    }
                }
                out.push_back(Completion { waiter: w, result: IoResult::Sock { id, accepted: false } });
            }
            Some(e) => {
                self.remove(reg, id);
                out.push_back(Completion { waiter: w, result: IoResult::Failed(os("connect", &e)) });
            }
        }
    }

    /// Moves data as far as it goes and completes what that satisfies.
    fn pump(&mut self, reg: &mio::Registry, id: u32, out: &mut VecDeque<Completion>) {
        let Some(s) = self.socks.get_mut(&id) else { return };
        if s.connecting.is_some() {
            return;
        }
        match s.io {
            Io::Listener(_) | Io::UnixListener(_) => return self.pump_accept(reg, id, out),
            _ => {}
        }
        // Reads.
        if s.readable && s.err.is_none() {
            let want = if matches!(s.io, Io::UnixDgram(_)) { DGRAM_MAX } else { 65536 };
            if self.scratch.len() < want {
                self.scratch.resize(want, 0);
            }
            fill(s, &mut self.scratch[..want]);
        }
        // TLS: the handshake, then anything rustls wants to send.
        if let Some(w) = s.handshaking {
            match s.tls.as_ref().map(|t| t.is_handshaking()) {
                Some(false) if s.err.is_none() => {
                    s.handshaking = None;
                    out.push_back(Completion { waiter: w, result: IoResult::Tls });
                }
                _ if s.err.is_some() => {
                    let e = s.err.as_ref().map(|e| e.message("TLS handshake")).unwrap_or_default();
                    s.handshaking = None;
                    out.push_back(Completion { waiter: w, result: IoResult::Failed(e) });
                }
                _ if s.eof => {
                    s.handshaking = None;
                    let e = "TLS handshake failed: the peer closed the connection".to_string();
                    out.push_back(Completion { waiter: w, result: IoResult::Failed(e) });
                }
                _ => {}
            }
        }
        // Writes: datagrams one by one (a retry is due if the peer was full), else the queue.
        if s.io.is_dgram() {
            if !s.dq.is_empty() && send_dgrams(s, out) {
                s.retry = Some(Instant::now() + DGRAM_RETRY);
                self.timed = true;
            }
        } else if s.err.is_none() {
            flush(s);
        }
        serve_readers(s, out);
        // Writers whose bytes are out.
        while let Some((w, end, n)) = s.writers.front().copied() {
            if let Some(e) = &s.err {
                let e = e.message("send");
                s.writers.pop_front();
                out.push_back(Completion { waiter: w, result: IoResult::Failed(e) });
                continue;
            }
            let under = matches!(w, Waiter::Task(_)) && (s.queued - s.sent) as usize <= HIGH_WATER;
            if s.sent >= end || under {
                s.writers.pop_front();
                out.push_back(Completion { waiter: w, result: IoResult::Value(Elem::I(n as i64)) });
            } else {
                break;
            }
        }
        // A write half-close once the queue is out.
        let drained = s.unsent() == 0 && s.tls.as_ref().is_none_or(|t| !t.wants_write());
        if s.shut_wr && drained {
            let _ = s.io.shutdown(Shutdown::Write);
        }
        if let Some(w) = s.closing {
            if drained || s.err.is_some() {
                let mut s = self.remove(reg, id).expect("present");
                for (_, rw, _) in s.readers.drain(..) {
                    out.push_back(Completion { waiter: rw, result: IoResult::Cancelled });
                }
                for (ww, _, _) in s.writers.drain(..) {
                    out.push_back(Completion { waiter: ww, result: IoResult::Cancelled });
                }
                // Datagrams the OS would not take yet are dropped, as the OS drops them.
                for o in s.dq.drain(..) {
                    out.push_back(Completion { waiter: o.waiter, result: IoResult::Cancelled });
                }
                let _ = s.io.shutdown(Shutdown::Both);
                out.push_back(Completion { waiter: w, result: IoResult::Done });
            }
        }
    }

    fn pump_accept(&mut self, reg: &mio::Registry, id: u32, out: &mut VecDeque<Completion>) {
        let Some(s) = self.socks.get_mut(&id) else { return };
        // Take connections while someone waits (and a few ahead).
        if s.readable && (s.ahead.len() < ACCEPT_AHEAD) {
            loop {
                let r = match &s.io {
                    Io::Listener(l) => l.accept().map(|(t, a)| (Io::Stream(t), a)),
                    Io::UnixListener(l) => {
                        l.accept().map(|(u, _)| (Io::UnixStream(u), SocketAddr::from(([0, 0, 0, 0], 0))))
                    }
                    _ => return,
                };
                match r {
                    Ok(c) => {
                        s.ahead.push_back(Ok(c));
                        if s.ahead.len() >= ACCEPT_AHEAD {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        s.readable = false;
                        break;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if matches!(e.kind(), io::ErrorKind::ConnectionAborted) => {}
                    Err(e) => {
                        // EMFILE and friends: stop (no spin) and try again after a pause, as
                        // asyncio does. Report it to a waiting accept, once: an error queued
                        // for nobody would be stale by the time someone asks.
                        s.readable = false;
                        s.retry = Some(Instant::now() + ACCEPT_RETRY);
                        self.timed = true;
                        if !s.acceptors.is_empty() && !matches!(s.ahead.back(), Some(Err(_))) {
                            s.ahead.push_back(Err(os("accept", &e)));
                        }
                        break;
                    }
                }
            }
        }
        let mut fresh = Vec::new();
        let s = self.socks.get_mut(&id).expect("present");
        while !s.acceptors.is_empty() {
            let Some(c) = s.ahead.pop_front() else { break };
            let (w, stream, _) = s.acceptors[0];
            if !stream {
                s.acceptors.pop_front();
            }
            match c {
                Ok((io, _)) => fresh.push((w, io)),
                Err(e) => {
                    if stream {
                        s.acceptors.pop_front();
                    }
                    out.push_back(Completion { waiter: w, result: IoResult::Failed(e) });
                }
            }
        }
        let fam = s.family;
        let nodelay = s.nodelay;
        for (w, io) in fresh {
            let nid = crate::io::next_socket_id();
            let mut sock = Sock::new(io, fam);
            if let (true, Io::Stream(t)) = (nodelay, &sock.io) {
                let _ = t.set_nodelay(true);
            }
            sock.nodelay = nodelay;
            match self.register(reg, nid, sock) {
                Ok(()) => out.push_back(Completion { waiter: w, result: IoResult::Sock { id: nid, accepted: true } }),
                Err(e) => out.push_back(Completion { waiter: w, result: IoResult::Failed(e) }),
            }
        }
    }

    /// Fails the operations whose time is up.
    pub fn expire(&mut self, reg: &mio::Registry, now: Instant, out: &mut VecDeque<Completion>) {
        if !self.timed {
            return;
        }
        let mut dead_connects = Vec::new();
        let mut retry_accepts = Vec::new();
        for (id, s) in self.socks.iter_mut() {
            if s.retry.is_some_and(|d| d <= now) {
                s.retry = None;
                s.readable = true;
                retry_accepts.push(*id);
            }
            let mut keep = VecDeque::new();
            for (r, w, d) in s.readers.drain(..) {
                match d {
                    Some(d) if d <= now => {
                        let result = match r {
                            Reader::Poll(_) => IoResult::Value(Elem::I(0)),
                            _ => IoResult::Failed(format!("{} failed: Connection timed out(110)", r.name())),
                        };
                        out.push_back(Completion { waiter: w, result });
                    }
                    _ => keep.push_back((r, w, d)),
                }
            }
            s.readers = keep;
            let mut keep = VecDeque::new();
            for (w, stream, d) in s.acceptors.drain(..) {
                match d {
                    Some(d) if d <= now => {
                        let result = IoResult::Failed("accept failed: Connection timed out(110)".into());
                        out.push_back(Completion { waiter: w, result });
                    }
                    _ => keep.push_back((w, stream, d)),
                }
            }
            s.acceptors = keep;
            if let Some((_, Some(d))) = s.connecting {
                if d <= now {
                    dead_connects.push(*id);
                }
            }
            if let (Some(w), Some(d)) = (s.handshaking, s.handshake_deadline) {
                if d <= now {
                    s.handshaking = None;
                    s.err = Some(Sticky::Tls("TLS handshake failed: timed out".into()));
                    out.push_back(Completion {
                        waiter: w,
                        result: IoResult::Failed("TLS handshake failed: timed out".into()),
                    });
                }
            }
        }
        for id in dead_connects {
            if let Some(mut s) = self.remove(reg, id) {
                if let Some((w, _)) = s.connecting.take() {
                    let result = IoResult::Failed("connect failed: Connection timed out(110)".into());
                    out.push_back(Completion { waiter: w, result });
                }
            }
        }
        for id in retry_accepts {
            self.pump(reg, id, out);
        }
        // Still anything with a timeout?
        self.timed = self.next_deadline().is_some();
    }

    /// Cancels a request waiting on any socket; true if it was found.
    pub fn cancel(&mut self, reg: &mio::Registry, w: Waiter) -> bool {
        let mut hit = None;
        for (id, s) in self.socks.iter_mut() {
            if let Some(i) = s.readers.iter().position(|(_, x, _)| *x == w) {
                s.readers.remove(i);
                return true;
            }
            if let Some(i) = s.acceptors.iter().position(|(x, _, _)| *x == w) {
                s.acceptors.remove(i);
                return true;
            }
            if let Some(i) = s.dq.iter().position(|o| o.waiter == w) {
                let o = s.dq.remove(i).expect("present");
                s.dq_bytes -= o.data.len();
                return true;
            }
            if s.connecting.as_ref().is_some_and(|(x, _)| *x == w) {
                hit = Some(*id);
                break;
            }
        }
        if let Some(id) = hit {
            self.remove(reg, id);
            return true;
        }
        false
    }
}

/// What a failed read of `s` means: false (stop reading) when the socket is drained
/// (`WouldBlock`) or broken (the error sticks); true (read again) when a signal interrupted it.
fn read_again(s: &mut Sock, e: &io::Error) -> bool {
    match e.kind() {
        io::ErrorKind::WouldBlock => {
            s.readable = false;
            false
        }
        io::ErrorKind::Interrupted => true,
        _ => {
            s.err = Some(Sticky::os(e));
            false
        }
    }
}

/// Reads what the socket has into its buffer (through rustls when TLS is on).
fn fill(s: &mut Sock, chunk: &mut [u8]) {
    if s.io.is_dgram() {
        // Whole datagrams, up to `DGRAMS_AHEAD` of them: past that `readable` stays set and
        // the next `recv`/`recvfrom` reads on.
        while s.dgrams.len() < DGRAMS_AHEAD {
            let r = match &s.io {
                Io::Udp(u) => u.recv_from(chunk).map(|(n, a)| (n, a.to_string())),
                Io::UnixDgram(u) => u.recv_from(chunk).map(|(n, a)| (n, unix_path(&a))),
                _ => return,
            };
            match r {
                Ok((n, a)) => s.dgrams.push_back((chunk[..n].to_vec(), a)),
                Err(e) => {
                    if !read_again(s, &e) {
                        return;
                    }
                }
            }
        }
        return;
    }
    while s.unread().len() < READ_CAP && !s.eof {
        if let Some(t) = s.tls.as_mut() {
            // Ciphertext in, plaintext out.
            match t.read_tls(&mut SockIo(&mut s.io)) {
                Ok(0) => {
                    // The transport ended: clean only if the peer sent close_notify.
                    if let Err(e) = t.process_new_packets() {
                        s.err = Some(Sticky::Tls(format!("TLS error: {e}")));
                        return;
                    }
                    drain_plain(s);
                    if !s.eof && s.err.is_none() {
                        if s.tls.as_ref().is_some_and(|t| t.is_handshaking()) {
                            s.eof = true;
                        } else {
                            s.err = Some(Sticky::Tls(
                                "TLS error: the peer closed the connection without close_notify (truncated)".into(),
                            ));
                        }
                    }
                    s.readable = false;
                    return;
                }
                Ok(_) => {
                    if let Err(e) = t.process_new_packets() {
                        // Tell the peer why, then fail.
                        send_alert(t, &mut s.io);
                        s.err = Some(Sticky::Tls(format!("TLS error: {e}")));
                        return;
                    }
                    drain_plain(s);
                }
                Err(e) => {
                    if !read_again(s, &e) {
                        return;
                    }
                }
            }
            continue;
        }
        match s.io.read(chunk) {
            Ok(0) => {
                s.eof = true;
                s.readable = false;
                return;
            }
            Ok(n) => {
                s.rbuf.extend_from_slice(&chunk[..n]);
                // A short read of a stream drained the socket: skip the read that would only
                // say EAGAIN (a third of an echo server's system calls). Safe with edge-
                // triggered epoll on Linux: data arriving after this read raises a new event.
                // Not once the peer has closed: its FIN raised no event of its own, so read
                // on to the end of the stream.
                if n < chunk.len() && !s.peer_closed && cfg!(target_os = "linux") {
                    s.readable = false;
                    return;
                }
            }
            Err(e) => {
                if !read_again(s, &e) {
                    return;
                }
            }
        }
    }
}

/// Moves decrypted plaintext from rustls into the read buffer.
fn drain_plain(s: &mut Sock) {
    let Some(t) = s.tls.as_mut() else { return };
    let mut chunk = [0u8; 16384];
    loop {
        match t.reader().read(&mut chunk) {
            Ok(0) => {
                s.eof = true;
                return;
            }
            Ok(n) => s.rbuf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
            // The transport ended without close_notify: `fill` says what that means (a
            // failed handshake or a truncated stream), in our words rather than rustls's.
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return,
            Err(e) => {
                s.err = Some(Sticky::Tls(format!("TLS error: {e}")));
                return;
            }
        }
    }
}

/// Writes the queue out as far as the OS takes it.
fn flush(s: &mut Sock) {
    if let Some(t) = s.tls.as_mut() {
        // Plaintext into rustls (which encrypts it), then records out, until the OS stops
        // taking them. rustls holds at most 64 KiB of records, so one pass rarely empties the
        // queue; stopping short of `WouldBlock` would leave the rest waiting for a writable
        // event that edge-triggered epoll never sends (the socket never filled).
        loop {
            if !t.is_handshaking() && s.wpos < s.wq.len() {
                match t.writer().write(&s.wq[s.wpos..]) {
                    Ok(n) => {
                        s.wpos += n;
                        s.sent += n as u64;
                    }
                    Err(e) => {
                        s.err = Some(Sticky::Tls(format!("TLS error: {e}")));
                        return;
                    }
                }
            }
            if !t.wants_write() {
                break;
            }
            let mut blocked = false;
            while t.wants_write() && !blocked {
                match t.write_tls(&mut SockIo(&mut s.io)) {
                    Ok(0) => blocked = true,
                    Ok(_) => {}
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => blocked = true,
                    Err(e) => {
                        s.err = Some(Sticky::os(&e));
                        return;
                    }
                }
            }
            if blocked {
                s.writable = false;
                break;
            }
            if s.wpos == s.wq.len() {
                break;
            }
        }
    } else {
        while s.wpos < s.wq.len() {
            match s.io.write(&s.wq[s.wpos..]) {
                Ok(0) => break,
                Ok(n) => {
                    s.wpos += n;
                    s.sent += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    s.writable = false;
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    s.err = Some(Sticky::os(&e));
                    return;
                }
            }
        }
    }
    if s.wpos == s.wq.len() {
        s.wq.clear();
        s.wpos = 0;
    } else if s.wpos > (1 << 20) {
        s.wq.drain(..s.wpos);
        s.wpos = 0;
    }
}

/// Serves the waiting read-type operations, in order, from what is buffered.
fn serve_readers(s: &mut Sock, out: &mut VecDeque<Completion>) {
    while let Some((r, w, _)) = s.readers.front() {
        let w = *w;
        let result = match r {
            Reader::Poll(which) => {
                let mut bits = 0;
                if which & 1 != 0 && (!s.unread().is_empty() || s.eof || s.err.is_some() || !s.dgrams.is_empty()) {
                    bits |= 1;
                }
                if which & 2 != 0 && s.unsent() < HIGH_WATER && s.dq.is_empty() {
                    bits |= 2;
                }
                if bits == 0 {
                    // Not ready: a later poll may be.
                    if s.readers.len() == 1 {
                        return;
                    }
                    // Others wait behind it: answer 0 now rather than block them.
                }
                IoResult::Value(Elem::I(bits))
            }
            // On a datagram socket `recv` takes one whole datagram (an empty one is "", with
            // no end of stream).
            Reader::Recv if s.io.is_dgram() => match s.dgrams.pop_front() {
                Some((d, _)) => data(d, false),
                None => match &s.err {
                    Some(e) => IoResult::Failed(e.message("recv")),
                    None => return,
                },
            },
            Reader::RecvFrom => match s.dgrams.pop_front() {
                Some((d, from)) => {
                    IoResult::Datagram { data: Str::from_vec(d, Encoding::Binary), from: Str::from(from) }
                }
                None => match &s.err {
                    Some(e) => IoResult::Failed(e.message("recvfrom")),
                    None => return,
                },
            },
            Reader::Recv | Reader::Read(_) | Reader::ReadLine(_) if !s.unread().is_empty() => {
                let n = match r {
                    Reader::Recv => s.unread().len().min(1 << 20),
                    Reader::Read(n) => (*n).min(s.unread().len()),
                    Reader::ReadLine(sep) => match find(s.unread(), sep) {
                        Some(i) => i + sep.len(),
                        None if s.eof || s.err.is_some() || s.unread().len() >= READ_CAP => s.unread().len(),
                        None => return,
                    },
                    _ => 0,
                };
                let d = s.take(n);
                data(d, false)
            }
            _ => match &s.err {
                Some(e) => IoResult::Failed(e.message(r.name())),
                None if s.eof => data(Vec::new(), true),
                None => return,
            },
        };
        s.readers.pop_front();
        out.push_back(Completion { waiter: w, result });
    }
}

/// A stream read on a datagram socket: a byte stream has no place for datagram boundaries,
/// so it fails at once rather than wait for a stream that never comes.
fn not_a_stream(what: &str) -> IoResult {
    IoResult::Failed(format!("{what} failed: not a stream socket (a datagram socket reads with recv or recvfrom)"))
}

/// Hands the queued datagrams to the OS, in order, until one would block; true if one did
/// (the peer's queue is full). A failed `send` sets the sticky error, since it concerns the
/// one peer the socket has; a failed `sendto` fails alone, since it concerns its own address
/// and the socket is as good as before (`sendto` a path nobody is bound to, then to one that
/// is).
fn send_dgrams(s: &mut Sock, out: &mut VecDeque<Completion>) -> bool {
    while let Some(o) = s.dq.front() {
        let r = match (&s.io, &o.to, &s.err) {
            (_, Dest::Peer, Some(e)) => Err(Err(e.message("send"))),
            (Io::Udp(u), Dest::Peer, None) => u.send(&o.data).map_err(Ok),
            (Io::UnixDgram(u), Dest::Peer, None) => u.send(&o.data).map_err(Ok),
            (Io::Udp(u), Dest::Ip(a), _) => u.send_to(&o.data, *a).map_err(Ok),
            (Io::UnixDgram(u), Dest::Path(p), _) => u.send_to(&o.data, p).map_err(Ok),
            _ => Err(Err(format!("{} failed: not a datagram socket", o.name()))),
        };
        let result = match r {
            Ok(n) => IoResult::Value(Elem::I(n as i64)),
            Err(Ok(e)) if e.kind() == io::ErrorKind::WouldBlock => {
                s.writable = false;
                return true;
            }
            Err(Ok(e)) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(Ok(e)) => {
                if matches!(o.to, Dest::Peer) {
                    s.err = Some(Sticky::os(&e));
                }
                IoResult::Failed(os(o.name(), &e))
            }
            Err(Err(text)) => IoResult::Failed(text),
        };
        let o = s.dq.pop_front().expect("present");
        s.dq_bytes -= o.data.len();
        out.push_back(Completion { waiter: o.waiter, result });
    }
    false
}

/// The path a Unix socket address names; "" for an unnamed socket (one that never bound a
/// path, such as a datagram socket that only connected) and for Linux's abstract names.
fn unix_path(a: &std::os::unix::net::SocketAddr) -> String {
    a.as_pathname().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}
