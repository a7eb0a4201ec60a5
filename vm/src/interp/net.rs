//! Socket and Sockaddr PMCs: Parrot's Socket methods (PDD 22, `src/pmc/socket.pmc`) as
//! requests to the runtime's reactor. Every method that can block has the two forms of
//! DESIGN §2: without a trailing Sub it parks only the calling task; with one it returns a
//! Request at once. `accept` with a callback is a stream: the callback runs once per
//! connection.

use super::io::{IoOp, IoRequest, IoResult};
use super::sched::Reply;
use super::{IoDst, Step, Vm};
use crate::error::{types, Exc};
use crate::pmc::socket::{family, opt, sock_type, SockaddrData, SocketData};
use crate::pmc::{Elem, PVal, PmcData, PmcRef, HANDLE_WEIGHT};
use crate::string::Str;

/// Names connects in flight (see `NetOp::Abort`).
static CONNECTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One socket operation for the runtime.
#[derive(Clone, Debug)]
pub enum NetOp {
    /// Resolve `host`/`port` into addresses (on the resolver pool).
    Resolve {
        /// Host name or address.
        host: Str,
        /// Port.
        port: i64,
        /// Wanted family (`INET`, `INET6`, or 0 for any).
        family: i64,
        /// All results (`getaddrinfo`) or the first (`sockaddr`).
        all: bool,
    },
    /// Connect a new socket to `addr`.
    Connect {
        /// `PIO_PF_*`.
        family: i64,
        /// `PIO_SOCK_*`.
        stype: i64,
        /// The address.
        addr: Str,
        /// Option bits.
        opts: u32,
        /// Seconds before it gives up (0: never).
        timeout: f64,
        /// Names this connect for `Abort`.
        token: u64,
    },
    /// Cancel the connect named `token` (its socket was closed before it completed).
    Abort {
        /// The connect's token.
        token: u64,
    },
    /// Bind a new socket to `addr` (a stream socket also listens).
    Bind {
        /// `PIO_PF_*`.
        family: i64,
        /// `PIO_SOCK_*`.
        stype: i64,
        /// The address.
        addr: Str,
        /// Option bits.
        opts: u32,
    },
    /// Set the listen backlog.
    Listen {
        /// The socket.
        handle: u32,
        /// The backlog.
        backlog: i64,
    },
    /// Take the next connection.
    Accept {
        /// The listening socket.
        handle: u32,
        /// One callback per connection (async accept).
        stream: bool,
        /// Seconds before it gives up (0: never; a stream never does).
        timeout: f64,
    },
    /// Receive what is available.
    Recv {
        /// The socket.
        handle: u32,
        /// Seconds before it gives up (0: never).
        timeout: f64,
    },
    /// Send bytes; the result is the count.
    Send {
        /// The socket.
        handle: u32,
        /// The bytes.
        data: Str,
    },
    /// Send a datagram to `addr`.
    SendTo {
        /// The socket.
        handle: u32,
        /// The bytes.
        data: Str,
        /// The address.
        addr: Str,
    },
    /// Receive a datagram and its sender.
    RecvFrom {
        /// The socket.
        handle: u32,
        /// Seconds before it gives up (0: never).
        timeout: f64,
    },
    /// Wait until readable (1), writable (2) or either, for at most `secs`.
    Poll {
        /// The socket.
        handle: u32,
        /// Bits wanted.
        which: i64,
        /// Seconds.
        secs: f64,
    },
    /// Half-close: 0 reads, 1 writes, 2 both.
    Shutdown {
        /// The socket.
        handle: u32,
        /// What to shut.
        how: i64,
    },
    /// The local (or remote) address.
    Address {
        /// The socket.
        handle: u32,
        /// The peer's.
        remote: bool,
    },
    /// Bytes queued for sending and not yet taken by the OS.
    Queued {
        /// The socket.
        handle: u32,
    },
    /// Start TLS on a connected socket (client or server), with options.
    Tls {
        /// The socket.
        handle: u32,
        /// Server side.
        server: bool,
        /// Options as key/value text: `server`, `host`, `ca`, `cert`, `key`, `client_ca`,
        /// `alpn`, `timeout` (the runtime's `tls.rs` says what each means).
        opts: Vec<(String, String)>,
    },
    /// The application protocol TLS agreed on (ALPN), or "" when none was.
    Alpn {
        /// The socket.
        handle: u32,
    },
}

impl NetOp {
    /// The socket it works on.
    pub fn handle(&self) -> Option<u32> {
        match self {
            NetOp::Listen { handle, .. }
            | NetOp::Accept { handle, .. }
            | NetOp::Recv { handle, .. }
            | NetOp::Send { handle, .. }
            | NetOp::SendTo { handle, .. }
            | NetOp::RecvFrom { handle, .. }
            | NetOp::Poll { handle, .. }
            | NetOp::Shutdown { handle, .. }
            | NetOp::Address { handle, .. }
            | NetOp::Queued { handle }
            | NetOp::Alpn { handle }
            | NetOp::Tls { handle, .. } => Some(*handle),
            NetOp::Resolve { .. } | NetOp::Connect { .. } | NetOp::Bind { .. } | NetOp::Abort { .. } => None,
        }
    }
    /// A short name for traces and statistics.
    pub fn kind(&self) -> &'static str {
        match self {
            NetOp::Resolve { .. } => "resolve",
            NetOp::Connect { .. } => "connect",
            NetOp::Abort { .. } => "abort",
            NetOp::Bind { .. } => "bind",
            NetOp::Listen { .. } => "listen",
            NetOp::Accept { .. } => "accept",
            NetOp::Recv { .. } => "recv",
            NetOp::Send { .. } => "send",
            NetOp::SendTo { .. } => "sendto",
            NetOp::RecvFrom { .. } => "recvfrom",
            NetOp::Poll { .. } => "poll",
            NetOp::Shutdown { .. } => "shutdown",
            NetOp::Address { .. } => "address",
            NetOp::Queued { .. } => "queued",
            NetOp::Tls { .. } => "tls",
            NetOp::Alpn { .. } => "alpn",
        }
    }
}

fn arg_err(msg: impl Into<String>) -> Exc {
    Exc::new(types::EXCEPTION_INVALID_OPERATION, msg.into())
}

impl Vm {
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
        match p.map(|r| self.heap.get(r)) {
            Some(PmcData::Sockaddr(a)) => Ok(a.text.clone()),
            Some(PmcData::ResizablePMCArray(v)) | Some(PmcData::FixedPMCArray(v)) => {
                let mut first = None;
                for e in v.iter().flatten() {
                    if let PmcData::Sockaddr(a) = self.heap.get(*e) {
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
    pub(super) fn new_sockaddr(&mut self, text: Str, family: i64) -> PmcRef {
        self.heap.alloc(PmcData::Sockaddr(Box::new(SockaddrData { text, family })))
    }

    /// A new, connected Socket PMC for a runtime socket id (from `accept`).
    pub(super) fn new_socket(&mut self, id: u32, family: i64, stype: i64) -> PmcRef {
        // An open socket holds kernel buffers: count it toward the next collection, so
        // sockets dropped without `close` are found and closed before descriptors run out.
        self.heap.note_bytes(HANDLE_WEIGHT);
        self.heap.alloc(PmcData::Socket(Box::new(SocketData { id, family, stype, ..SocketData::default() })))
    }

    /// Socket methods.
    pub(super) fn socket_method(
        &mut self,
        s: PmcRef,
        name: &Str,
        args: &[Elem],
        io_dst: &mut Option<IoDst>,
    ) -> Option<Result<Reply, Exc>> {
        let (args, cb) = self.split_callback(args);
        let PmcData::Socket(sd) = self.heap.get(s) else { return None };
        let sd = (**sd).clone();
        let int = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_int(e)).transpose();
        let num = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_num(e)).transpose();
        let string = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_str(e)).transpose();
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
                    Err(e) => return Some(self.net_failed(s, cb, $what, e)),
                }
            };
        }
        let op = match name.as_bytes() {
            b"socket" => {
                let (f, t, p) = (tri!(int(self, 0)), tri!(int(self, 1)), tri!(int(self, 2)));
                if let PmcData::Socket(d) = self.heap.get_mut(s) {
                    d.family = f.unwrap_or(family::INET);
                    d.stype = t.unwrap_or(sock_type::STREAM);
                    d.proto = p.unwrap_or(0);
                }
                return val(Elem::P(Some(s)));
            }
            b"setsockopt" => {
                let name = tri!(string(self, 0)).unwrap_or_default();
                let on = tri!(int(self, 1)).unwrap_or(1) != 0;
                let bit = match name.as_bytes() {
                    b"SO_REUSEADDR" => opt::REUSEADDR,
                    b"SO_REUSEPORT" => opt::REUSEPORT,
                    b"TCP_NODELAY" => opt::NODELAY,
                    _ => return Some(Err(arg_err(format!("setsockopt: unknown option '{name}'")))),
                };
                if let PmcData::Socket(d) = self.heap.get_mut(s) {
                    if on {
                        d.opts |= bit;
                    } else {
                        d.opts &= !bit;
                    }
                }
                return Some(Ok(Reply::Value(None)));
            }
            b"timeout" => match tri!(num(self, 0)) {
                Some(t) => {
                    if let PmcData::Socket(d) = self.heap.get_mut(s) {
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
                let host = tri!(string(self, 0)).unwrap_or_default();
                let port = tri!(int(self, 1)).unwrap_or(0);
                let fam = if all { tri!(int(self, 3)).unwrap_or(0) } else { tri!(int(self, 2)).unwrap_or(sd.family) };
                // PF_LOCAL is PF_UNIX by its other name: a path, nothing to resolve.
                if sd.family == family::UNIX || sd.family == family::LOCAL || fam == family::UNIX {
                    let f = if sd.family == family::LOCAL { family::LOCAL } else { family::UNIX };
                    let a = self.new_sockaddr(host, f);
                    return val(Elem::P(Some(a)));
                }
                NetOp::Resolve { host, port, family: fam, all }
            }
            b"connect" => {
                let addr = tri!(self.addr_arg(args.first(), sd.family));
                if sd.closed {
                    let e = Exc::new(types::EXCEPTION_PIO_ERROR, "Can't connect closed socket");
                    return Some(self.net_failed(s, cb, "connect", e));
                }
                let token = CONNECTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if let PmcData::Socket(d) = self.heap.get_mut(s) {
                    d.connecting = token;
                }
                let timeout = tri!(num(self, 1)).unwrap_or(sd.timeout);
                NetOp::Connect { family: sd.family, stype: sd.stype, addr, opts: sd.opts, timeout, token }
            }
            b"bind" => {
                let addr = tri!(self.addr_arg(args.first(), sd.family));
                NetOp::Bind { family: sd.family, stype: sd.stype, addr, opts: sd.opts }
            }
            b"listen" => NetOp::Listen { handle: open!("listen"), backlog: tri!(int(self, 0)).unwrap_or(128) },
            // A number argument is this call's timeout; the socket's `timeout` is the default.
            b"accept" => NetOp::Accept {
                handle: open!("accept"),
                stream: cb.is_some(),
                timeout: tri!(num(self, 0)).unwrap_or(sd.timeout),
            },
            b"recv" => NetOp::Recv { handle: open!("recv"), timeout: tri!(num(self, 0)).unwrap_or(sd.timeout) },
            b"read" => {
                let n = tri!(int(self, 0)).unwrap_or(65536).max(0) as usize;
                let op = IoOp::Read { handle: open!("read"), count: n };
                return Some(self.net_submit(s, cb, "read", op, io_dst));
            }
            b"readline" => {
                let sep = tri!(string(self, 0)).unwrap_or_else(|| Str::from("\n"));
                let op = IoOp::ReadLine { handle: open!("readline"), sep };
                return Some(self.net_submit(s, cb, "readline", op, io_dst));
            }
            b"send" | b"puts" => {
                let data = match args.first() {
                    Some(e) => tri!(self.heap.elem_str(e)),
                    None => return Some(Err(arg_err("send: nothing to send"))),
                };
                NetOp::Send { handle: open!("send"), data }
            }
            b"sendto" => {
                let data = match args.first() {
                    Some(e) => tri!(self.heap.elem_str(e)),
                    None => return Some(Err(arg_err("sendto: nothing to send"))),
                };
                let addr = tri!(self.addr_arg(args.get(1), sd.family));
                NetOp::SendTo { handle: open!("sendto"), data, addr }
            }
            b"recvfrom" => {
                NetOp::RecvFrom { handle: open!("recvfrom"), timeout: tri!(num(self, 0)).unwrap_or(sd.timeout) }
            }
            b"poll" => {
                let which = tri!(int(self, 0)).unwrap_or(1);
                let secs = tri!(num(self, 1)).unwrap_or(0.0) + tri!(num(self, 2)).unwrap_or(0.0) / 1e6;
                NetOp::Poll { handle: open!("poll"), which, secs }
            }
            b"shutdown" => NetOp::Shutdown { handle: open!("shutdown"), how: tri!(int(self, 0)).unwrap_or(1) },
            b"local_address" | b"remote_address" => {
                NetOp::Address { handle: open!("address"), remote: name.as_bytes() == b"remote_address" }
            }
            b"queued" => NetOp::Queued { handle: open!("queued") },
            b"alpn" => NetOp::Alpn { handle: open!("alpn") },
            b"tls" | b"starttls" => {
                let mut opts = Vec::new();
                match args.first() {
                    Some(Elem::P(Some(h))) => {
                        if let PmcData::Hash(map) = self.heap.get(*h) {
                            for (k, v) in map.iter() {
                                let v = tri!(self.heap.get_string(*v));
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
                    if let PmcData::Socket(d) = self.heap.get_mut(s) {
                        d.closed = true;
                    }
                    // A connect in flight is cancelled (ECANCELED), its socket closed.
                    if !sd.closed && sd.connecting != 0 {
                        let op = IoOp::Net(NetOp::Abort { token: sd.connecting });
                        return Some(Ok(Reply::Step(Step::Io(IoRequest { op, request: None }))));
                    }
                    return Some(Ok(Reply::Value(None)));
                }
                if let PmcData::Socket(d) = self.heap.get_mut(s) {
                    d.closed = true;
                }
                return Some(self.net_submit(s, cb, "close", IoOp::Close { handle: sd.id }, io_dst));
            }
            _ => return None,
        };
        let kind = op.kind();
        Some(self.net_submit(s, cb, kind, IoOp::Net(op), io_dst))
    }

    /// A call the socket cannot take: thrown in the blocking form; in the async form a request
    /// that has already failed, as a FileHandle's (spec/net/ok/errors-async.pir).
    fn net_failed(&mut self, s: PmcRef, cb: PVal, name: &'static str, e: Exc) -> Result<Reply, Exc> {
        if cb.is_none() {
            return Err(e);
        }
        let r = self.new_request(name, cb, Some(s))?;
        self.finish_request(r, IoResult::Failed(e.message));
        Ok(Reply::Async(r, Step::Sched(super::sched::SchedCall::Completed(r))))
    }

    /// Submits a socket op: parks the caller (no callback) or returns a Request.
    fn net_submit(
        &mut self,
        s: PmcRef,
        cb: PVal,
        name: &'static str,
        op: IoOp,
        io_dst: &mut Option<IoDst>,
    ) -> Result<Reply, Exc> {
        match cb {
            None => {
                *io_dst = Some(IoDst::Rets(Some(s)));
                Ok(Reply::Step(Step::Io(IoRequest { op, request: None })))
            }
            Some(_) => {
                let r = self.new_request(name, cb, Some(s))?;
                Ok(Reply::Async(r, Step::Io(IoRequest { op, request: Some(r) })))
            }
        }
    }

    /// Turns a socket result into the value a method returns, updating the Socket PMC the
    /// method was called on (`connect` and `bind` give it its runtime id).
    pub(super) fn net_result(&mut self, s: Option<PmcRef>, r: IoResult) -> IoResult {
        match r {
            IoResult::Sock { id, accepted: false } => {
                self.heap.note_bytes(HANDLE_WEIGHT);
                // Closed while it was connecting: the new socket goes, the connect is
                // cancelled.
                if let Some(PmcData::Socket(d)) = s.map(|s| self.heap.get(s)) {
                    if d.closed {
                        self.heap.orphans.push(id);
                        return IoResult::Failed("connect failed: Operation canceled(125)".into());
                    }
                }
                if let Some(PmcData::Socket(d)) = s.map(|s| self.heap.get_mut(s)) {
                    d.connecting = 0;
                    d.id = id;
                    d.closed = false;
                    d.eof = false;
                }
                IoResult::Value(Elem::I(0))
            }
            IoResult::Sock { id, accepted: true } => {
                let (family, stype) = match s.map(|s| self.heap.get(s)) {
                    Some(PmcData::Socket(d)) => (d.family, d.stype),
                    _ => (family::INET, sock_type::STREAM),
                };
                IoResult::Value(Elem::P(Some(self.new_socket(id, family, stype))))
            }
            IoResult::Addrs { addrs, all } => {
                let mut v = Vec::new();
                for (text, fam) in addrs {
                    v.push(Some(self.new_sockaddr(text, fam)));
                }
                if all {
                    IoResult::Value(Elem::P(Some(self.heap.alloc(PmcData::ResizablePMCArray(v)))))
                } else {
                    IoResult::Value(Elem::P(v.first().copied().flatten()))
                }
            }
            IoResult::Datagram { data, from } => {
                let fam = match s.map(|s| self.heap.get(s)) {
                    Some(PmcData::Socket(d)) => d.family,
                    _ => family::INET,
                };
                let a = self.new_sockaddr(from, fam);
                let d = self.heap.alloc(PmcData::String(data));
                IoResult::Value(Elem::P(Some(self.heap.alloc(PmcData::ResizablePMCArray(vec![Some(d), Some(a)])))))
            }
            IoResult::Data { data, eof } => {
                if let Some(PmcData::Socket(d)) = s.map(|s| self.heap.get_mut(s)) {
                    d.eof = eof;
                }
                IoResult::Data { data, eof }
            }
            IoResult::Tls => {
                if let Some(PmcData::Socket(d)) = s.map(|s| self.heap.get_mut(s)) {
                    d.tls = true;
                }
                IoResult::Done
            }
            other => other,
        }
    }

    /// One item of a stream request (each connection of an async `accept`): the request
    /// stays pending and its `return()` is the newest item. Gives the callback and what it
    /// is called with: a finished copy of the request whose `return()` is this item, so
    /// items that arrive together each reach their own callback.
    pub fn stream_item(&mut self, req: PmcRef, result: IoResult) -> Option<(PmcRef, PmcRef)> {
        let handle = match self.heap.get(req) {
            PmcData::Request(q) if q.state == crate::pmc::ReqState::Pending => q.handle,
            _ => return None,
        };
        let v = match self.net_result(handle, result) {
            IoResult::Value(Elem::P(p)) => p,
            IoResult::Failed(msg) => return self.finish_request(req, IoResult::Failed(msg)).map(|cb| (cb, req)),
            _ => None,
        };
        let item = match self.heap.get_mut(req) {
            PmcData::Request(q) => {
                q.result = v;
                q.bytes += 1;
                let mut item = q.clone();
                item.state = crate::pmc::ReqState::Done;
                item
            }
            _ => return None,
        };
        let cb = item.callback?;
        Some((cb, self.heap.alloc(PmcData::Request(item))))
    }
}
