//! Listeners: taking connections as they come (a few ahead of the program's `accept`), and
//! handing each to the `accept` waiting for it.

use super::sock::{Io, Sock};
use super::{os, Net, ACCEPT_AHEAD, ACCEPT_RETRY};
use crate::reactor::{Cx, HandleId};
use kea_vm::interp::IoResult;
use std::io;
use std::net::SocketAddr;
use std::time::Instant;

impl Net {
    /// Takes connections and hands them to the waiting accepts, until the listener is drained
    /// or nobody waits. Taking stops `ACCEPT_AHEAD` connections ahead; once those are handed
    /// out it goes on: no new event would say the rest are there (mio on Windows reports a
    /// listener again only after an accept said `WouldBlock`, and epoll on Linux only when
    /// another connection arrives), so stopping there left connections in the backlog for
    /// ever (`spec/net/ok/accept-backlog.pir`).
    pub(super) fn pump_accept(&mut self, cx: &mut Cx<'_>, id: HandleId) {
        loop {
            self.accept_round(cx, id);
            let Some(s) = self.socks.get(&id) else { return };
            if !(s.readable && s.ahead.len() < ACCEPT_AHEAD && !s.acceptors.is_empty()) {
                return;
            }
        }
    }

    /// One round of [`Net::pump_accept`]: take up to `ACCEPT_AHEAD` connections, hand out
    /// what waiting accepts can take.
    fn accept_round(&mut self, cx: &mut Cx<'_>, id: HandleId) {
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
                    cx.done(w, IoResult::Failed(e));
                }
            }
        }
        let fam = s.family;
        let nodelay = s.nodelay;
        for (w, io) in fresh {
            let mut sock = Sock::new(io, fam);
            if let (true, Io::Stream(t)) = (nodelay, &sock.io) {
                let _ = t.set_nodelay(true);
            }
            sock.nodelay = nodelay;
            match self.register(cx, sock) {
                Ok(id) => cx.done(w, IoResult::Sock { id }),
                Err(e) => cx.done(w, IoResult::Failed(e)),
            }
        }
    }
}
