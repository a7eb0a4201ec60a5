//! Socket operations as requests to the runtime's reactor ([`NetOp`]), and how their results
//! come back to the Socket PMC they were made for (`net_result`, `stream_item`). The Socket
//! and Sockaddr PMCs and their methods live in `pmc/socket.rs`.

use super::io::IoResult;
use super::Vm;
use crate::pmc::socket::{family, sock_type};
use crate::pmc::{Elem, PmcData, PmcRef, HANDLE_WEIGHT};
use crate::string::Str;

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

impl Vm {
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
