//! The socket backend: sockets on mio, with TLS on rustls inside the reactor.
//!
//! Files: this one holds the backend (ops, events, timeouts, connect and bind); `sock.rs` a
//! socket's state and its stream reads and writes (TLS included); `dgram.rs` datagrams;
//! `accept.rs` listeners; `tls.rs` the rustls configurations.
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
//! - **Datagrams** (UDP, and Unix datagram sockets on mio's `UnixDatagram`, see `platform::uds`) keep their
//!   boundaries: received ones wait whole in `dgrams` (at most `DGRAMS_AHEAD`, then reading
//!   pauses until the program takes some), and each `send`/`sendto` is one entry of `dq`,
//!   done when the OS has taken it. A peer whose queue is full (EAGAIN) holds the sender's
//!   entry back, and it is tried again on a writable event or after `DGRAM_RETRY`, whichever
//!   comes first. A Unix datagram address is its path; an unnamed socket's is "" (see
//!   `unix_path`), and a bound socket's file stays after `close`, as the OS leaves it.
//! - **TLS** handshakes, key updates and `close_notify` are handled here, driven by the same
//!   readiness events; the program sees plaintext only. Configurations and the options of
//!   `tls` live in `net/tls.rs`. The write queue holds plaintext; `flush` feeds it to rustls (at
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

mod accept;
mod dgram;
mod sock;
pub mod tls;

use super::dns::fam_of;
use crate::os_error::os_error_text;
use crate::platform::uds;
use crate::reactor::{token, Backend, CancelOutcome, Cx, HandleId, Waiter};
use dgram::{not_a_stream, send_dgrams};
use kea_vm::host::NetOp;
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::pmc::socket::{family, opt, sock_type};
use kea_vm::pmc::Elem;
use kea_vm::string::Str;
use rustc_hash::FxHashMap as HashMap;
use sock::{fill, flush, send_alert, serve_readers, unix_path, Dest, Io, Outgoing, Reader, Sock, Sticky};
use std::collections::VecDeque;
use std::io;
use std::net::{Shutdown, SocketAddr};
use std::time::{Duration, Instant};

/// Bytes queued for sending past which a sync `send` parks its task.
pub(super) const HIGH_WATER: usize = 256 * 1024;
/// Most bytes queued for sending on one socket (async sends past it fail with ENOBUFS).
const QUEUE_CAP: usize = 64 << 20;
/// How long a TLS handshake may take when the socket has no `timeout` of its own.
pub(super) const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(60);
/// Most bytes buffered from a socket before reading pauses until the program takes some.
pub(super) const READ_CAP: usize = 4 << 20;
/// Connections accepted ahead of an `accept` call.
pub(super) const ACCEPT_AHEAD: usize = 64;
/// After an accept fails for want of fds (EMFILE), the pause before the listener tries again.
pub(super) const ACCEPT_RETRY: Duration = Duration::from_millis(250);
/// Datagrams received ahead of `recv`/`recvfrom` calls; past it reading pauses, and the
/// senders of a Unix datagram socket feel it (their `sendto` waits).
pub(super) const DGRAMS_AHEAD: usize = 256;
/// The largest datagram taken whole: UDP's limit is 64 KiB; a Unix datagram is bounded by the
/// sender's `SO_SNDBUF` (208 KiB by default on Linux), and the tail of a longer one is lost.
pub(super) const DGRAM_MAX: usize = 256 * 1024;
/// After a datagram send meets a full peer (EAGAIN), the pause before it is tried again. An
/// unconnected Unix datagram socket gets no writable event when the peer's queue drains
/// (Linux ties that event to the socket's own buffer), so waiting for one could be forever.
pub(super) const DGRAM_RETRY: Duration = Duration::from_millis(5);

/// The socket backend.
#[derive(Default)]
pub struct Net {
    socks: HashMap<HandleId, Sock>,
    /// Operations with a timeout were submitted since `expire` last found none: until then
    /// neither `next_deadline` nor `expire` need to look at every socket.
    timed: bool,
    /// One read buffer for every socket, zeroed once (a fresh 64 KiB array per read cost 16%
    /// of an echo server's time in memset).
    scratch: Vec<u8>,
}

pub(super) fn os(what: &str, e: &io::Error) -> String {
    format!("{what} failed: {}", os_error_text(e))
}

/// Parses an address text: `ip:port` or `[v6]:port`. A `name:port` text never gets here: its
/// name was resolved on the resolver pool before the op was submitted (`needs_lookup`), so the
/// reactor thread never waits for a resolver.
pub(super) fn parse_addr(text: &str) -> Result<SocketAddr, String> {
    text.parse::<SocketAddr>().map_err(|_| format!("'{text}' is not an address (host:port)"))
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
    crate::platform::socket_setup(&s, opts & opt::REUSEADDR != 0, opts & opt::REUSEPORT != 0)?;
    if opts & opt::NODELAY != 0 && stype != sock_type::DGRAM {
        s.set_nodelay(true)?;
    }
    Ok(s)
}

impl Net {
    /// Makes `sock` a handle: a new id, registered for reading and writing under its token.
    fn register(&mut self, cx: &mut Cx<'_>, mut sock: Sock) -> Result<HandleId, String> {
        let id = cx.open();
        let interest = mio::Interest::READABLE | mio::Interest::WRITABLE;
        if let Err(e) = cx.registry.register(sock.io.source(), token(id), interest) {
            cx.close(id);
            return Err(os("register", &e));
        }
        self.socks.insert(id, sock);
        Ok(id)
    }

    /// Closes handle `id`: out of the poll and the source table; the socket comes back.
    fn remove(&mut self, cx: &mut Cx<'_>, id: HandleId) -> Option<Sock> {
        let mut s = self.socks.remove(&id)?;
        let _ = cx.registry.deregister(s.io.source());
        cx.close(id);
        Some(s)
    }

    /// Starts a socket operation. Completions (now or later) go to `cx`.
    fn start(&mut self, cx: &mut Cx<'_>, op: IoOp, w: Waiter) {
        let deadline = |t: f64| (t > 0.0).then(|| Instant::now() + Duration::from_secs_f64(t.min(1e9)));
        if matches!(&op, IoOp::Net(NetOp::Connect { timeout, .. }) | IoOp::Net(NetOp::Recv { timeout, .. }) | IoOp::Net(NetOp::RecvFrom { timeout, .. }) if *timeout > 0.0)
            || matches!(&op, IoOp::Net(NetOp::Poll { .. }))
        {
            self.timed = true;
        }
        let done = |cx: &mut Cx<'_>, result: IoResult| cx.done(w, result);
        match op {
            IoOp::Net(NetOp::Abort { token }) => {
                let hit =
                    self.socks.iter().find(|(_, s)| s.connecting.is_some() && s.token == token).map(|(id, _)| *id);
                if let Some(mut s) = hit.and_then(|id| self.remove(cx, id)) {
                    if let Some((cw, _)) = s.connecting.take() {
                        let result = IoResult::Failed("connect failed: Operation canceled(125)".into());
                        cx.done(cw, result);
                    }
                }
                done(cx, IoResult::Done);
            }
            IoOp::Net(NetOp::Connect { family: fam, stype, addr, opts, timeout, token }) => {
                match self.connect(fam, stype, &addr.to_text(), opts) {
                    Ok(mut sock) => {
                        sock.token = token;
                        sock.connecting = Some((w, deadline(timeout)));
                        let id = match self.register(cx, sock) {
                            Ok(id) => id,
                            Err(e) => return done(cx, IoResult::Failed(e)),
                        };
                        // A datagram socket is "connected" at once.
                        if stype == sock_type::DGRAM {
                            self.finish_connect(cx, id);
                        }
                    }
                    Err(e) => done(cx, IoResult::Failed(e)),
                }
            }
            IoOp::Net(NetOp::Bind { family: fam, stype, addr, opts }) => {
                match self.bind(fam, stype, &addr.to_text(), opts) {
                    Ok(sock) => match self.register(cx, sock) {
                        Ok(id) => done(cx, IoResult::Sock { id }),
                        Err(e) => done(cx, IoResult::Failed(e)),
                    },
                    Err(e) => done(cx, IoResult::Failed(e)),
                }
            }
            IoOp::Net(NetOp::Tls { handle, server, opts }) => {
                let Some(s) = self.socks.get_mut(&handle) else {
                    return done(cx, IoResult::Failed("tls: the socket is closed".into()));
                };
                match tls::start(server, &opts) {
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
                        self.pump(cx, handle);
                    }
                    Err(e) => done(cx, IoResult::Failed(e)),
                }
            }
            IoOp::Net(op) => {
                let Some(id) = op.handle() else { return };
                let Some(s) = self.socks.get_mut(&id) else {
                    return done(cx, IoResult::Failed(format!("{}: the socket is closed", op.kind())));
                };
                match op {
                    NetOp::Listen { backlog, .. } => {
                        let r = match &s.io {
                            Io::Listener(l) => socket2::SockRef::from(l).listen(backlog.clamp(1, 65535) as i32),
                            Io::UnixListener(l) => socket2::SockRef::from(l).listen(backlog.clamp(1, 65535) as i32),
                            _ => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a bound stream socket")),
                        };
                        done(
                            cx,
                            r.map_or_else(|e| IoResult::Failed(os("listen", &e)), |_| IoResult::Value(Elem::I(0))),
                        );
                    }
                    NetOp::Accept { stream, timeout, .. } => {
                        if !matches!(s.io, Io::Listener(_) | Io::UnixListener(_)) {
                            return done(cx, IoResult::Failed("accept failed: the socket is not listening".into()));
                        }
                        let d = if stream { None } else { deadline(timeout) };
                        s.acceptors.push_back((w, stream, d));
                        if d.is_some() {
                            self.timed = true;
                        }
                        self.pump(cx, id);
                    }
                    NetOp::Recv { timeout, .. } => {
                        s.readers.push_back((Reader::Recv, w, deadline(timeout)));
                        self.pump(cx, id);
                    }
                    NetOp::RecvFrom { timeout, .. } => {
                        s.readers.push_back((Reader::RecvFrom, w, deadline(timeout)));
                        self.pump(cx, id);
                    }
                    NetOp::Poll { which, secs, .. } => {
                        s.readers.push_back((Reader::Poll(which), w, deadline(secs.max(0.0)).or(Some(Instant::now()))));
                        self.pump(cx, id);
                    }
                    NetOp::Send { data, .. } => {
                        if let Some(e) = &s.err {
                            return done(cx, IoResult::Failed(e.message("send")));
                        }
                        if s.shut_wr || s.closing.is_some() {
                            return done(cx, IoResult::Failed("send failed: Broken pipe(32)".into()));
                        }
                        let n = data.as_bytes().len();
                        // The queue is capped: past it an async send fails rather than let
                        // a slow reader grow memory without bound (a sync send parks at
                        // the high-water mark long before).
                        let waiting = s.unsent() + s.dq_bytes;
                        if waiting + n > QUEUE_CAP && waiting > 0 {
                            return done(cx, IoResult::Failed("send failed: No buffer space available(105)".into()));
                        }
                        if s.io.is_dgram() {
                            // One datagram, done when the OS has taken it.
                            s.dq.push_back(Outgoing { data: data.as_bytes().to_vec(), to: Dest::Peer, waiter: w });
                            s.dq_bytes += n;
                            return self.pump(cx, id);
                        }
                        s.wq.extend_from_slice(data.as_bytes());
                        s.queued += n as u64;
                        let end = s.queued;
                        // Sync sends under the high-water mark are done once queued.
                        if w.wait && s.unsent() <= HIGH_WATER {
                            done(cx, IoResult::Value(Elem::I(n as i64)));
                        } else {
                            s.writers.push_back((w, end, n));
                        }
                        self.pump(cx, id);
                    }
                    NetOp::SendTo { data, addr, .. } => {
                        let to = match &s.io {
                            Io::Udp(_) => parse_addr(&addr.to_text()).map(Dest::Ip),
                            Io::UnixDgram(_) => Ok(Dest::Path(addr.to_text())),
                            _ => Err("sendto failed: not a datagram socket".to_string()),
                        };
                        let to = match to {
                            Ok(to) => to,
                            Err(e) => return done(cx, IoResult::Failed(e)),
                        };
                        let n = data.as_bytes().len();
                        if s.dq_bytes + n > QUEUE_CAP && s.dq_bytes > 0 {
                            return done(cx, IoResult::Failed("sendto failed: No buffer space available(105)".into()));
                        }
                        // Queued behind earlier datagrams, so they leave in order; done
                        // (in either form) when the OS has taken it.
                        s.dq.push_back(Outgoing { data: data.as_bytes().to_vec(), to, waiter: w });
                        s.dq_bytes += n;
                        self.pump(cx, id);
                    }
                    NetOp::Shutdown { how, .. } => {
                        // A second write shutdown is an error, as in libuv (`shutdown_twice`).
                        if (how == 1 || how == 2) && s.shut_wr {
                            return done(
                                cx,
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
                        self.pump(cx, id);
                        done(cx, IoResult::Value(Elem::I(0)));
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
                            cx,
                            match a {
                                Ok(t) => IoResult::Addrs { addrs: vec![(Str::from(t), fam)], all: false },
                                Err(e) => IoResult::Failed(os("address", &e)),
                            },
                        );
                    }
                    NetOp::Queued { .. } => done(cx, IoResult::Value(Elem::I((s.unsent() + s.dq_bytes) as i64))),
                    NetOp::Alpn { .. } => {
                        let p = s.tls.as_deref().map(tls::alpn).unwrap_or_default();
                        done(cx, IoResult::Value(Elem::S(Str::from(p))))
                    }
                    NetOp::Resolve { .. }
                    | NetOp::Connect { .. }
                    | NetOp::Bind { .. }
                    | NetOp::Tls { .. }
                    | NetOp::Abort { .. } => {}
                }
            }
            IoOp::Read { handle, .. } if self.socks.get(&handle).is_some_and(|s| s.io.is_dgram()) => {
                cx.done(w, not_a_stream("read"));
            }
            IoOp::ReadLine { handle, .. } if self.socks.get(&handle).is_some_and(|s| s.io.is_dgram()) => {
                cx.done(w, not_a_stream("readline"));
            }
            IoOp::Read { handle, count } => {
                if let Some(s) = self.socks.get_mut(&handle) {
                    s.readers.push_back((Reader::Read(count), w, None));
                    self.pump(cx, handle);
                }
            }
            IoOp::ReadLine { handle, sep } => {
                if let Some(s) = self.socks.get_mut(&handle) {
                    let sep = if sep.as_bytes().is_empty() { b"\n".to_vec() } else { sep.as_bytes().to_vec() };
                    s.readers.push_back((Reader::ReadLine(sep), w, None));
                    self.pump(cx, handle);
                }
            }
            IoOp::Write { handle, data } => {
                let op = IoOp::Net(NetOp::Send { handle, data });
                self.start(cx, op, w);
            }
            IoOp::Close { handle } => {
                if let Some(Io::Listener(_) | Io::UnixListener(_)) = self.socks.get(&handle).map(|s| &s.io) {
                    // A listener has nothing to flush (`pump` never reaches the close step for
                    // it): close it now; its accepts, streams included, end as cancelled.
                    let mut s = self.remove(cx, handle).expect("present");
                    for (aw, _, _) in s.acceptors.drain(..) {
                        cx.done(aw, IoResult::Cancelled);
                    }
                    return done(cx, IoResult::Done);
                }
                if let Some(s) = self.socks.get_mut(&handle) {
                    // TLS: `flush` sends close_notify once the queue is in rustls.
                    s.closing = Some(w);
                    self.pump(cx, handle);
                } else {
                    done(cx, IoResult::Done);
                }
            }
            other => done(cx, IoResult::Failed(format!("{} is not supported on a socket", other.kind()))),
        }
    }

    fn connect(&mut self, fam: i64, stype: i64, addr: &str, opts: u32) -> Result<Sock, String> {
        if (fam == family::UNIX || fam == family::LOCAL) && stype == sock_type::DGRAM {
            // Unbound: the peer sees an unnamed sender.
            let s = uds::UnixDatagram::unbound().map_err(|e| os("connect", &e))?;
            s.connect(addr).map_err(|e| os("connect", &e))?;
            return Ok(Sock::new(Io::UnixDgram(s), fam));
        }
        if fam == family::UNIX || fam == family::LOCAL {
            let s = uds::UnixStream::connect(addr).map_err(|e| os("connect", &e))?;
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
                let u = uds::UnixDatagram::bind(addr).map_err(|e| os("bind", &e))?;
                return Ok(Sock::new(Io::UnixDgram(u), fam));
            }
            let l = uds::UnixListener::bind(addr).map_err(|e| os("bind", &e))?;
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

    fn finish_connect(&mut self, cx: &mut Cx<'_>, id: u32) {
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
                cx.done(w, IoResult::Sock { id });
            }
            Some(e) => {
                self.remove(cx, id);
                cx.done(w, IoResult::Failed(os("connect", &e)));
            }
        }
    }

    /// Moves data as far as it goes and completes what that satisfies.
    fn pump(&mut self, cx: &mut Cx<'_>, id: u32) {
        let Some(s) = self.socks.get_mut(&id) else { return };
        if s.connecting.is_some() {
            return;
        }
        match s.io {
            Io::Listener(_) | Io::UnixListener(_) => return self.pump_accept(cx, id),
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
                    cx.done(w, IoResult::Tls);
                }
                _ if s.err.is_some() => {
                    let e = s.err.as_ref().map(|e| e.message("TLS handshake")).unwrap_or_default();
                    s.handshaking = None;
                    cx.done(w, IoResult::Failed(e));
                }
                _ if s.eof => {
                    s.handshaking = None;
                    let e = "TLS handshake failed: the peer closed the connection".to_string();
                    cx.done(w, IoResult::Failed(e));
                }
                _ => {}
            }
        }
        // Writes: datagrams one by one (a retry is due if the peer was full), else the queue.
        if s.io.is_dgram() {
            if !s.dq.is_empty() && send_dgrams(s, cx) {
                s.retry = Some(Instant::now() + DGRAM_RETRY);
                self.timed = true;
            }
        } else if s.err.is_none() {
            flush(s);
        }
        serve_readers(s, cx);
        // Writers whose bytes are out.
        while let Some((w, end, n)) = s.writers.front().copied() {
            if let Some(e) = &s.err {
                let e = e.message("send");
                s.writers.pop_front();
                cx.done(w, IoResult::Failed(e));
                continue;
            }
            let under = w.wait && (s.queued - s.sent) as usize <= HIGH_WATER;
            if s.sent >= end || under {
                s.writers.pop_front();
                cx.done(w, IoResult::Value(Elem::I(n as i64)));
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
                let mut s = self.remove(cx, id).expect("present");
                for (_, rw, _) in s.readers.drain(..) {
                    cx.done(rw, IoResult::Cancelled);
                }
                for (ww, _, _) in s.writers.drain(..) {
                    cx.done(ww, IoResult::Cancelled);
                }
                // Datagrams the OS would not take yet are dropped, as the OS drops them.
                for o in s.dq.drain(..) {
                    cx.done(o.waiter, IoResult::Cancelled);
                }
                let _ = s.io.shutdown(Shutdown::Both);
                cx.done(w, IoResult::Done);
            }
        }
    }
}

impl Backend for Net {
    /// Every socket op (a name to resolve was taken by DNS first); an op on a handle that is
    /// no socket fails as on a closed socket.
    fn takes(&self, op: &IoOp) -> bool {
        matches!(op, IoOp::Net(_))
    }

    fn submit(&mut self, cx: &mut Cx<'_>, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        self.start(cx, op, waiter);
        cx.now(waiter)
    }

    /// A readiness event for socket `id`.
    fn event(&mut self, cx: &mut Cx<'_>, id: HandleId, ev: &mio::event::Event) {
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
            self.finish_connect(cx, id);
        }
        self.pump(cx, id);
    }

    /// The earliest timeout of a waiting operation.
    fn next_deadline(&self) -> Option<Instant> {
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

    /// Fails the operations whose time is up.
    fn expire(&mut self, cx: &mut Cx<'_>, now: Instant) {
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
                        cx.done(w, result);
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
                        cx.done(w, result);
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
                    cx.done(w, IoResult::Failed("TLS handshake failed: timed out".into()));
                }
            }
        }
        for id in dead_connects {
            if let Some(mut s) = self.remove(cx, id) {
                if let Some((w, _)) = s.connecting.take() {
                    let result = IoResult::Failed("connect failed: Connection timed out(110)".into());
                    cx.done(w, result);
                }
            }
        }
        for id in retry_accepts {
            self.pump(cx, id);
        }
        // Still anything with a timeout?
        self.timed = self.next_deadline().is_some();
    }

    /// Cancels a request waiting on any socket; true if it was found.
    fn cancel(&mut self, cx: &mut Cx<'_>, w: Waiter) -> Option<CancelOutcome> {
        let mut hit = None;
        for (id, s) in self.socks.iter_mut() {
            if let Some(i) = s.readers.iter().position(|(_, x, _)| *x == w) {
                s.readers.remove(i);
                return Some(CancelOutcome::NotStarted);
            }
            if let Some(i) = s.acceptors.iter().position(|(x, _, _)| *x == w) {
                s.acceptors.remove(i);
                return Some(CancelOutcome::NotStarted);
            }
            if let Some(i) = s.dq.iter().position(|o| o.waiter == w) {
                let o = s.dq.remove(i).expect("present");
                s.dq_bytes -= o.data.len();
                return Some(CancelOutcome::NotStarted);
            }
            if s.connecting.as_ref().is_some_and(|(x, _)| *x == w) {
                hit = Some(*id);
                break;
            }
        }
        if let Some(id) = hit {
            self.remove(cx, id);
            return Some(CancelOutcome::NotStarted);
        }
        None
    }

    /// Is any socket operation waiting (so the program is not finished)?
    fn busy(&self) -> bool {
        self.socks.values().any(Sock::waited_on)
    }
}
