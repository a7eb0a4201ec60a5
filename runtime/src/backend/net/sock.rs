//! A socket's state ([`Sock`]) and its stream IO: reading into the read buffer (through
//! rustls when TLS is on), writing the queue out, and serving the waiting reads in order.

use super::{DGRAMS_AHEAD, HIGH_WATER, READ_CAP};
use crate::os_error::os_error_text;
use crate::platform::uds;
use crate::reactor::{Cx, Waiter};
use kea_vm::interp::IoResult;
use kea_vm::pmc::Elem;
use kea_vm::string::{Encoding, Str};
use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::time::Instant;

pub(super) enum Io {
    Stream(mio::net::TcpStream),
    Listener(mio::net::TcpListener),
    Udp(mio::net::UdpSocket),
    UnixStream(uds::UnixStream),
    UnixListener(uds::UnixListener),
    UnixDgram(uds::UnixDatagram),
}

impl Io {
    pub(super) fn source(&mut self) -> &mut dyn mio::event::Source {
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
    pub(super) fn is_dgram(&self) -> bool {
        matches!(self, Io::Udp(_) | Io::UnixDgram(_))
    }
    pub(super) fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Io::Stream(s) => s.read(buf),
            Io::UnixStream(s) => s.read(buf),
            Io::Udp(s) => s.recv(buf),
            Io::UnixDgram(s) => s.recv(buf),
            _ => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a connected socket")),
        }
    }
    pub(super) fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Io::Stream(s) => s.write(buf),
            Io::UnixStream(s) => s.write(buf),
            Io::Udp(s) => s.send(buf),
            Io::UnixDgram(s) => s.send(buf),
            _ => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a connected socket")),
        }
    }
    pub(super) fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        match self {
            Io::Stream(s) => s.shutdown(how),
            Io::UnixStream(s) => s.shutdown(how),
            _ => Ok(()),
        }
    }
}

/// Reads and writes TLS records over the socket for rustls.
pub(super) struct SockIo<'a>(&'a mut Io);
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
pub(super) fn send_alert(t: &mut rustls::Connection, io: &mut Io) {
    while t.wants_write() {
        match t.write_tls(&mut SockIo(io)) {
            Ok(n) if n > 0 => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            _ => return,
        }
    }
}

/// A read-type operation waiting for data.
pub(super) enum Reader {
    Recv,
    Read(usize),
    ReadLine(Vec<u8>),
    RecvFrom,
    Poll(i64),
}

impl Reader {
    /// The method's name, as its error messages say it.
    pub(super) fn name(&self) -> &'static str {
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
pub(super) enum Sticky {
    /// An OS error as [`os_error_text`] gives it (`Connection reset by peer(104)`), without
    /// the operation that met it: each operation that reports it puts its own name in front.
    Os(String),
    /// A TLS failure whose text names its layer (`TLS error: ...`): reported as it is.
    Tls(String),
}

impl Sticky {
    pub(super) fn os(e: &io::Error) -> Sticky {
        Sticky::Os(os_error_text(e))
    }

    /// The message operation `op` (`recv`, `send`, `TLS handshake`, ...) fails with.
    pub(super) fn message(&self, op: &str) -> String {
        match self {
            Sticky::Os(text) => format!("{op} failed: {text}"),
            Sticky::Tls(text) => text.clone(),
        }
    }
}

pub(super) struct Sock {
    pub(super) io: Io,
    pub(super) family: i64,
    pub(super) rbuf: Vec<u8>,
    pub(super) rpos: usize,
    /// The peer closed its side (cleanly).
    pub(super) eof: bool,
    /// A sticky error: every later read, write or TLS operation fails with it.
    pub(super) err: Option<Sticky>,
    /// More may be readable (an event came and reading stopped at the cap).
    pub(super) readable: bool,
    /// An event said the peer closed its side (EPOLLRDHUP): read until the end.
    pub(super) peer_closed: bool,
    pub(super) writable: bool,
    pub(super) wq: Vec<u8>,
    pub(super) wpos: usize,
    /// Bytes handed to the OS (or to rustls) since the socket opened.
    pub(super) sent: u64,
    /// Bytes ever queued.
    pub(super) queued: u64,
    /// Async (or backpressured) sends: their waiter, the queue total that ends their bytes,
    /// and their byte count (the result, as a sync send returns it).
    pub(super) writers: VecDeque<(Waiter, u64, usize)>,
    pub(super) readers: VecDeque<(Reader, Waiter, Option<Instant>)>,
    pub(super) acceptors: VecDeque<(Waiter, bool, Option<Instant>)>,
    pub(super) ahead: VecDeque<Result<(Io, SocketAddr), String>>,
    pub(super) connecting: Option<(Waiter, Option<Instant>)>,
    pub(super) handshaking: Option<Waiter>,
    /// The program's name for the connect in flight (`NetOp::Abort`).
    pub(super) token: u64,
    /// When the handshake gives up.
    pub(super) handshake_deadline: Option<Instant>,
    /// Close (or shut writes) once the queue is empty.
    pub(super) closing: Option<Waiter>,
    /// TLS: close_notify is queued in rustls (see `flush`).
    pub(super) close_notified: bool,
    pub(super) shut_wr: bool,
    /// Datagrams received and not yet taken, with their sender's address text.
    pub(super) dgrams: VecDeque<(Vec<u8>, String)>,
    /// Datagrams to send, in order: each send is one datagram, so they never share the byte
    /// queue `wq` (which would join two sends into one). Its bytes count in `QUEUE_CAP`.
    pub(super) dq: VecDeque<Outgoing>,
    /// Bytes in `dq`.
    pub(super) dq_bytes: usize,
    pub(super) tls: Option<Box<rustls::Connection>>,
    pub(super) nodelay: bool,
    /// A listener whose accept failed (EMFILE): when to try again. Edge-triggered readiness
    /// gives no new event for connections already queued, so without this they would wait
    /// for the next one to arrive.
    pub(super) retry: Option<Instant>,
}

impl Sock {
    pub(super) fn new(io: Io, family: i64) -> Sock {
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
            close_notified: false,
            shut_wr: false,
            dgrams: VecDeque::new(),
            dq: VecDeque::new(),
            dq_bytes: 0,
            tls: None,
            nodelay: false,
            retry: None,
        }
    }
    pub(super) fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }
    pub(super) fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.unread().len());
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        out
    }
    pub(super) fn unsent(&self) -> usize {
        self.wq.len() - self.wpos
    }
    /// Has the program anything waiting on this socket?
    pub(super) fn waited_on(&self) -> bool {
        !self.readers.is_empty()
            || !self.acceptors.is_empty()
            || self.connecting.is_some()
            || self.handshaking.is_some()
            || !self.writers.is_empty()
            || !self.dq.is_empty()
            || self.closing.is_some()
    }
}

pub(super) fn data(v: Vec<u8>, eof: bool) -> IoResult {
    IoResult::Data { data: Str::from_vec(v, Encoding::Binary), eof }
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// What a failed read of `s` means: false (stop reading) when the socket is drained
/// (`WouldBlock`) or broken (the error sticks); true (read again) when a signal interrupted it.
pub(super) fn read_again(s: &mut Sock, e: &io::Error) -> bool {
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
pub(super) fn fill(s: &mut Sock, chunk: &mut [u8]) {
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
pub(super) fn drain_plain(s: &mut Sock) {
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
pub(super) fn flush(s: &mut Sock) {
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
            // A close: close_notify goes after the last plaintext, never before it. Sent at
            // `close` itself, it overtook what was still queued (up to the high-water mark
            // after a sync send), and the peer took it for the end of the stream.
            if s.closing.is_some() && !s.close_notified && s.wpos == s.wq.len() {
                t.send_close_notify();
                s.close_notified = true;
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
pub(super) fn serve_readers(s: &mut Sock, cx: &mut Cx<'_>) {
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
        cx.done(w, result);
    }
}

/// Where a queued datagram goes.
pub(super) enum Dest {
    /// The connected peer (`send`).
    Peer,
    /// An IP address (`sendto` on UDP).
    Ip(SocketAddr),
    /// A path (`sendto` on a Unix datagram socket).
    Path(String),
}

/// A datagram waiting to be handed to the OS, and who waits for it.
pub(super) struct Outgoing {
    pub(super) data: Vec<u8>,
    pub(super) to: Dest,
    pub(super) waiter: Waiter,
}

impl Outgoing {
    /// The method's name, as its error messages say it.
    pub(super) fn name(&self) -> &'static str {
        match self.to {
            Dest::Peer => "send",
            _ => "sendto",
        }
    }
}

/// The path a Unix socket address names; "" for an unnamed socket (one that never bound a
/// path, such as a datagram socket that only connected) and for Linux's abstract names.
pub(super) fn unix_path(a: &uds::SocketAddr) -> String {
    a.as_pathname().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
}
