//! Datagrams (UDP, and Unix datagram sockets): each send is one entry of the socket's
//! datagram queue, handed to the OS whole and in order.

use super::os;
use super::sock::{Dest, Io, Sock, Sticky};
use crate::reactor::Cx;
use kea_vm::interp::IoResult;
use kea_vm::pmc::Elem;
use std::io;

/// A stream read on a datagram socket: a byte stream has no place for datagram boundaries,
/// so it fails at once rather than wait for a stream that never comes.
pub(super) fn not_a_stream(what: &str) -> IoResult {
    IoResult::Failed(format!("{what} failed: not a stream socket (a datagram socket reads with recv or recvfrom)"))
}

/// Hands the queued datagrams to the OS, in order, until one would block; true if one did
/// (the peer's queue is full). A failed `send` sets the sticky error, since it concerns the
/// one peer the socket has; a failed `sendto` fails alone, since it concerns its own address
/// and the socket is as good as before (`sendto` a path nobody is bound to, then to one that
/// is).
pub(super) fn send_dgrams(s: &mut Sock, cx: &mut Cx<'_>) -> bool {
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
        cx.done(o.waiter, result);
    }
    false
}
