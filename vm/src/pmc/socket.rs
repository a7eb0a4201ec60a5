//! Socket and Sockaddr: Parrot's `src/pmc/socket.pmc` and `sockaddr.pmc`, with the
//! `socket.pasm` constants the runtime also reads.
//!
//! Socket methods (PDD 22) are requests to the runtime's reactor. Every method that can
//! block has the two forms of DESIGN §2: without a trailing Sub it parks only the calling
//! task; with one it returns a Request at once. `accept` with a callback is a stream: the
//! callback runs once per connection.

use super::{split_callback, Ask, Elem, Heap, Io, PVal, PmcData, PmcRef, Reply, Slots, HANDLE_WEIGHT};
use crate::error::{types, Exc};
use crate::host::{IoOp, NetOp};
use crate::request::ops;
use crate::string::Str;

/// Names connects in flight (see `NetOp::Abort`).
static CONNECTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Parrot's protocol families (`socket.pasm`).
pub mod family {
    /// `PIO_PF_LOCAL`
    pub const LOCAL: i64 = 0;
    /// `PIO_PF_UNIX`
    pub const UNIX: i64 = 1;
    /// `PIO_PF_INET`
    pub const INET: i64 = 2;
    /// `PIO_PF_INET6`
    pub const INET6: i64 = 3;
}

/// Parrot's socket types.
pub mod sock_type {
    /// `PIO_SOCK_STREAM`
    pub const STREAM: i64 = 1;
    /// `PIO_SOCK_DGRAM`
    pub const DGRAM: i64 = 2;
}

/// Socket options a program can set before `bind` or `connect` (bits).
pub mod opt {
    /// `SO_REUSEADDR`
    pub const REUSEADDR: u32 = 1;
    /// `SO_REUSEPORT`
    pub const REUSEPORT: u32 = 2;
    /// `TCP_NODELAY`
    pub const NODELAY: u32 = 4;
}

/// A Socket PMC: the runtime's socket id plus what Parrot keeps on the PMC.
#[derive(Clone, Debug)]
pub struct SocketData {
    /// The runtime's id (`u32::MAX` before `connect`/`bind`).
    pub id: u32,
    /// `PIO_PF_*`.
    pub family: i64,
    /// `PIO_SOCK_*`.
    pub stype: i64,
    /// `PIO_PROTO_*`.
    pub proto: i64,
    /// Set by `close`.
    pub closed: bool,
    /// Set when a read found the end of the stream.
    pub eof: bool,
    /// `opt` bits.
    pub opts: u32,
    /// Seconds a blocking call may take (0: no limit).
    pub timeout: f64,
    /// TLS is on.
    pub tls: bool,
    /// Names the connect in flight (0: none), so `close` can cancel it.
    pub connecting: u64,
}

impl Default for SocketData {
    fn default() -> Self {
        SocketData {
            id: u32::MAX,
            family: family::INET,
            stype: sock_type::STREAM,
            proto: 6,
            closed: false,
            eof: false,
            opts: 0,
            timeout: 0.0,
            tls: false,
            connecting: 0,
        }
    }
}

/// A Sockaddr PMC: an address as text (`127.0.0.1:80`, `[::1]:80`, a Unix path).
#[derive(Clone, Debug, Default)]
pub struct SockaddrData {
    /// The address.
    pub text: Str,
    /// `PIO_PF_*`.
    pub family: i64,
}

fn arg_err(msg: impl Into<String>) -> Exc {
    Exc::new(types::EXCEPTION_INVALID_OPERATION, msg.into())
}

impl Heap {
    /// The address a method argument names: a string, a Sockaddr, or the first of an array of
    /// Sockaddrs that matches `family` (Parrot's `connect` takes either).
    fn addr_arg(&self, e: Option<&Elem>, want: i64) -> Result<Str, Exc> {
        match e {
            Some(Elem::S(s)) => Ok(s.clone()),
            Some(Elem::P(p)) => self.addr_of(*p, want),
            Some(_) => Err(arg_err("expected an address")),
            None => Err(arg_err("no address given")),
        }
    }

    fn addr_of(&self, p: PVal, want: i64) -> Result<Str, Exc> {
        match p.map(|r| self.get(r)) {
            Some(PmcData::Sockaddr(a)) => Ok(a.text.clone()),
            Some(PmcData::ResizablePMCArray(v)) | Some(PmcData::FixedPMCArray(v)) => {
                let mut first = None;
                for e in v.iter().flatten() {
                    if let PmcData::Sockaddr(a) = self.get(*e) {
                        if a.family == want {
                            return Ok(a.text.clone());
                        }
                        first.get_or_insert(a.text.clone());
                    }
                }
                first.ok_or_else(|| arg_err("no address to use"))
            }
            Some(PmcData::String(s)) => Ok(s.clone()),
            Some(d) => Err(arg_err(format!("expected a Sockaddr, got {}", d.class_name()))),
            None => Err(Exc::null_access("sockaddr")),
        }
    }

    /// A new Sockaddr PMC.
    pub(crate) fn new_sockaddr(&mut self, text: Str, family: i64) -> PmcRef {
        self.alloc(PmcData::Sockaddr(Box::new(SockaddrData { text, family })))
    }

    /// A new, connected Socket PMC for a runtime socket id (from `accept`).
    pub(crate) fn new_socket(&mut self, id: u32, family: i64, stype: i64) -> PmcRef {
        // An open socket holds kernel buffers: count it toward the next collection, so
        // sockets dropped without `close` are found and closed before descriptors run out.
        self.note_bytes(HANDLE_WEIGHT);
        self.alloc(PmcData::Socket(Box::new(SocketData { id, family, stype, ..SocketData::default() })))
    }
}

/// Socket methods. Each IO one is a request to the runtime's reactor on the Socket's own
/// handle ([`Ask::Addressed`]).
pub(super) fn methods(heap: &mut Heap, s: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
    let (args, cb) = split_callback(heap, args);
    let PmcData::Socket(sd) = heap.get(s) else { return None };
    let sd = (**sd).clone();
    let int = |heap: &Heap, i: usize| args.get(i).map(|e| heap.elem_int(e)).transpose();
    let num = |heap: &Heap, i: usize| args.get(i).map(|e| heap.elem_num(e)).transpose();
    let string = |heap: &Heap, i: usize| args.get(i).map(|e| heap.elem_str(e)).transpose();
    let val = |e: Elem| Some(Ok(Reply::Value(Some(e))));
    let open = || -> Result<u32, Exc> {
        if sd.closed {
            Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation on a closed socket"))
        } else if sd.id == u32::MAX {
            Err(Exc::new(types::EXCEPTION_PIO_ERROR, "the socket is not connected or bound"))
        } else {
            Ok(sd.id)
        }
    };
    macro_rules! tri {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            }
        };
    }
    // The socket cannot take the call (closed, never connected): the blocking form
    // throws, the async form fails its request.
    macro_rules! open {
        ($what:literal) => {
            match open() {
                Ok(id) => id,
                Err(e) => return failed(s, cb, $what, e),
            }
        };
    }
    let op = match name.as_bytes() {
        b"socket" => {
            let (f, t, p) = (tri!(int(heap, 0)), tri!(int(heap, 1)), tri!(int(heap, 2)));
            if let PmcData::Socket(d) = heap.get_mut(s) {
                d.family = f.unwrap_or(family::INET);
                d.stype = t.unwrap_or(sock_type::STREAM);
                d.proto = p.unwrap_or(0);
            }
            return val(Elem::P(Some(s)));
        }
        b"setsockopt" => {
            let name = tri!(string(heap, 0)).unwrap_or_default();
            let on = tri!(int(heap, 1)).unwrap_or(1) != 0;
            let bit = match name.as_bytes() {
                b"SO_REUSEADDR" => opt::REUSEADDR,
                b"SO_REUSEPORT" => opt::REUSEPORT,
                b"TCP_NODELAY" => opt::NODELAY,
                _ => return Some(Err(arg_err(format!("setsockopt: unknown option '{name}'")))),
            };
            if let PmcData::Socket(d) = heap.get_mut(s) {
                if on {
                    d.opts |= bit;
                } else {
                    d.opts &= !bit;
                }
            }
            return Some(Ok(Reply::Value(None)));
        }
        b"timeout" => match tri!(num(heap, 0)) {
            Some(t) => {
                if let PmcData::Socket(d) = heap.get_mut(s) {
                    d.timeout = t.max(0.0);
                }
                return Some(Ok(Reply::Value(None)));
            }
            None => return val(Elem::N(sd.timeout)),
        },
        b"is_closed" => return val(Elem::I(sd.closed as i64)),
        b"eof" => return val(Elem::I(sd.eof as i64)),
        b"sockaddr" | b"getaddrinfo" => {
            let all = name.as_bytes() == b"getaddrinfo";
            let host = tri!(string(heap, 0)).unwrap_or_default();
            let port = tri!(int(heap, 1)).unwrap_or(0);
            let fam = if all { tri!(int(heap, 3)).unwrap_or(0) } else { tri!(int(heap, 2)).unwrap_or(sd.family) };
            // PF_LOCAL is PF_UNIX by its other name: a path, nothing to resolve.
            if sd.family == family::UNIX || sd.family == family::LOCAL || fam == family::UNIX {
                let f = if sd.family == family::LOCAL { family::LOCAL } else { family::UNIX };
                let a = heap.new_sockaddr(host, f);
                return val(Elem::P(Some(a)));
            }
            NetOp::Resolve { host, port, family: fam, all }
        }
        b"connect" => {
            let addr = tri!(heap.addr_arg(args.first(), sd.family));
            if sd.closed {
                let e = Exc::new(types::EXCEPTION_PIO_ERROR, "Can't connect closed socket");
                return failed(s, cb, "connect", e);
            }
            let token = CONNECTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let PmcData::Socket(d) = heap.get_mut(s) {
                d.connecting = token;
            }
            let timeout = tri!(num(heap, 1)).unwrap_or(sd.timeout);
            NetOp::Connect { family: sd.family, stype: sd.stype, addr, opts: sd.opts, timeout, token }
        }
        b"bind" => {
            let addr = tri!(heap.addr_arg(args.first(), sd.family));
            NetOp::Bind { family: sd.family, stype: sd.stype, addr, opts: sd.opts }
        }
        b"listen" => NetOp::Listen { handle: open!("listen"), backlog: tri!(int(heap, 0)).unwrap_or(128) },
        // A number argument is this call's timeout; the socket's `timeout` is the default.
        b"accept" => NetOp::Accept {
            handle: open!("accept"),
            stream: cb.is_some(),
            timeout: tri!(num(heap, 0)).unwrap_or(sd.timeout),
        },
        b"recv" => NetOp::Recv { handle: open!("recv"), timeout: tri!(num(heap, 0)).unwrap_or(sd.timeout) },
        b"read" => {
            let n = tri!(int(heap, 0)).unwrap_or(65536).max(0);
            let id = open!("read");
            return Some(Ok(addressed(s, cb, "read", tri!(ops::read(n)).on(id))));
        }
        b"readline" => {
            let sep = tri!(string(heap, 0)).unwrap_or_else(|| Str::from("\n"));
            let op = ops::readline(sep).on(open!("readline"));
            return Some(Ok(addressed(s, cb, "readline", op)));
        }
        b"send" | b"puts" => {
            let data = match args.first() {
                Some(e) => tri!(heap.elem_str(e)),
                None => return Some(Err(arg_err("send: nothing to send"))),
            };
            NetOp::Send { handle: open!("send"), data }
        }
        b"sendto" => {
            let data = match args.first() {
                Some(e) => tri!(heap.elem_str(e)),
                None => return Some(Err(arg_err("sendto: nothing to send"))),
            };
            let addr = tri!(heap.addr_arg(args.get(1), sd.family));
            NetOp::SendTo { handle: open!("sendto"), data, addr }
        }
        b"recvfrom" => NetOp::RecvFrom { handle: open!("recvfrom"), timeout: tri!(num(heap, 0)).unwrap_or(sd.timeout) },
        b"poll" => {
            let which = tri!(int(heap, 0)).unwrap_or(1);
            let secs = tri!(num(heap, 1)).unwrap_or(0.0) + tri!(num(heap, 2)).unwrap_or(0.0) / 1e6;
            NetOp::Poll { handle: open!("poll"), which, secs }
        }
        b"shutdown" => NetOp::Shutdown { handle: open!("shutdown"), how: tri!(int(heap, 0)).unwrap_or(1) },
        b"local_address" | b"remote_address" => {
            NetOp::Address { handle: open!("address"), remote: name.as_bytes() == b"remote_address" }
        }
        b"queued" => NetOp::Queued { handle: open!("queued") },
        b"alpn" => NetOp::Alpn { handle: open!("alpn") },
        b"tls" | b"starttls" => {
            let mut opts = Vec::new();
            match args.first() {
                Some(Elem::P(Some(h))) => {
                    if let PmcData::Hash(map) = heap.get(*h) {
                        for (k, v) in map.iter() {
                            let v = tri!(heap.get_string(*v));
                            opts.push((k.to_text(), v.to_text()));
                        }
                    }
                }
                Some(Elem::S(host)) => opts.push(("host".to_string(), host.to_text())),
                _ => {}
            }
            if sd.timeout > 0.0 && !opts.iter().any(|(k, _)| k == "timeout") {
                opts.push(("timeout".to_string(), sd.timeout.to_string()));
            }
            let server = opts.iter().any(|(k, v)| k == "server" && v != "0");
            NetOp::Tls { handle: open!("tls"), server, opts }
        }
        b"close" => {
            if sd.closed || sd.id == u32::MAX {
                if let PmcData::Socket(d) = heap.get_mut(s) {
                    d.closed = true;
                }
                // A connect in flight is cancelled (ECANCELED), its socket closed.
                if !sd.closed && sd.connecting != 0 {
                    let op = IoOp::Net(NetOp::Abort { token: sd.connecting });
                    return Some(Ok(addressed(s, None, "close", op)));
                }
                return Some(Ok(Reply::Value(None)));
            }
            if let PmcData::Socket(d) = heap.get_mut(s) {
                d.closed = true;
            }
            return Some(Ok(addressed(s, cb, "close", ops::close().on(sd.id))));
        }
        _ => return None,
    };
    let kind = op.kind();
    Some(Ok(addressed(s, cb, kind, IoOp::Net(op))))
}

/// A call the socket cannot take: thrown in the blocking form; in the async form a request
/// that has already failed, as a FileHandle's (spec/net/ok/errors-async.pir).
fn failed(s: PmcRef, cb: PVal, name: &'static str, e: Exc) -> Option<Result<Reply, Exc>> {
    Some(Ok(Reply::Io(Io { ask: Ask::Failed(e), on: s, cb, name })))
}

/// A socket op: parks the caller (no callback) or returns a Request.
fn addressed(s: PmcRef, cb: PVal, name: &'static str, op: IoOp) -> Reply {
    Reply::Io(Io { ask: Ask::Addressed(op), on: s, cb, name })
}

/// Sockaddr methods: `family`, `address`, `host`, `port`.
pub(super) fn sockaddr_methods(heap: &mut Heap, a: PmcRef, name: &Str, _args: &[Elem]) -> Option<Result<Reply, Exc>> {
    let PmcData::Sockaddr(d) = heap.get(a) else { return None };
    let v = match name.as_bytes() {
        b"family" => Elem::I(d.family),
        b"address" => Elem::S(d.text.clone()),
        b"host" | b"port" => {
            let t = d.text.to_text();
            let (host, port) = match t.rsplit_once(':') {
                Some((h, p)) if d.family != family::UNIX => {
                    (h.trim_start_matches('[').trim_end_matches(']').to_string(), p.parse::<i64>().unwrap_or(0))
                }
                _ => (t.clone(), 0),
            };
            if name.as_bytes() == b"host" {
                Elem::S(Str::from(host))
            } else {
                Elem::I(port)
            }
        }
        _ => return None,
    };
    Some(Ok(Reply::Value(Some(v))))
}

/// Socket's own vtable slots: true while open and connected or bound.
pub(super) const SOCKET: Slots = Slots {
    get_string: Some(|_| Some(Str::from("Socket"))),
    get_bool: Some(|d| match d {
        PmcData::Socket(s) => Some(!s.closed && s.id != u32::MAX),
        _ => None,
    }),
    host_handle: Some(|d| match d {
        PmcData::Socket(s) if !s.closed && s.id != u32::MAX => Some(s.id),
        _ => None,
    }),
    ..Slots::NONE
};

/// Sockaddr's own vtable slots: its address as a string, always true.
pub(super) const SOCKADDR: Slots = Slots {
    get_string: Some(|d| match d {
        PmcData::Sockaddr(a) => Some(a.text.clone()),
        _ => None,
    }),
    get_bool: Some(|_| Some(true)),
    ..Slots::NONE
};
