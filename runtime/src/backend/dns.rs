//! The DNS backend: name lookups on a pool of their own (a slow resolver must never starve
//! file IO), for `getaddrinfo`/`sockaddr` and for socket ops whose address names a host.
//!
//! A socket op that names a host (`connect` to `localhost:80`) is taken here first: the name
//! is resolved on the pool, then the op, with the address in its place, is handed back to the
//! reactor and goes on to the socket backend, so the reactor thread never waits for a
//! resolver. An IP literal needs no lookup and is answered at once.

use super::pool::{Job, Pool};
use crate::os_error::os_error_text;
use crate::reactor::{Backend, CancelOutcome, Cx, Waiter};
use kea_vm::host::NetOp;
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::pmc::socket::family;
use kea_vm::string::Str;
use rustc_hash::FxHashMap as HashMap;
use std::net::{SocketAddr, ToSocketAddrs};

/// Resolver threads.
const THREADS: usize = 2;

/// A lookup's answer.
enum Answer {
    /// For `getaddrinfo` (`all`) or `sockaddr`.
    Addrs { waiter: Waiter, result: Result<Vec<(String, i64)>, String>, all: bool },
    /// A host name in a socket op's address was resolved: the op can go on.
    Lookup { token: u64, result: Result<Vec<(String, i64)>, String> },
}

/// The DNS backend.
pub struct Dns {
    pool: Pool<Answer>,
    /// Socket ops waiting for their host name to be resolved, by the token their lookup job
    /// answers with. `cancel` removes an entry; an answer for a missing token is dropped (a
    /// cancelled connect must not open a socket nobody holds).
    lookups: HashMap<u64, (IoOp, Waiter)>,
    next_lookup: u64,
}

impl Default for Dns {
    fn default() -> Self {
        Dns { pool: Pool::new("dns", None), lookups: HashMap::default(), next_lookup: 0 }
    }
}

impl Backend for Dns {
    fn takes(&self, op: &IoOp) -> bool {
        matches!(op, IoOp::Net(NetOp::Resolve { .. })) || lookup_of(op).is_some()
    }

    fn submit(&mut self, cx: &mut Cx<'_>, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        if let IoOp::Net(NetOp::Resolve { host, port, family, all }) = op {
            let h = host.to_text();
            match literal(&h, port, family) {
                Some(r) => cx.done(waiter, addrs(r, all)),
                None => {
                    let job: Job<Answer> =
                        Box::new(move || Answer::Addrs { waiter, result: resolve(&h, port, family), all });
                    self.pool.run(THREADS, cx.waker, job);
                }
            }
        } else if let Some((host, port, fam)) = lookup_of(&op) {
            // Resolve the name on the pool first; the op goes on from `drain`.
            self.next_lookup += 1;
            let token = self.next_lookup;
            self.lookups.insert(token, (op, waiter));
            let job: Job<Answer> = Box::new(move || Answer::Lookup { token, result: resolve(&host, port as i64, fam) });
            self.pool.run(THREADS, cx.waker, job);
        }
        cx.now(waiter)
    }

    fn drain(&mut self, cx: &mut Cx<'_>) {
        while let Some(a) = self.pool.next() {
            match a {
                Answer::Lookup { token, result } => {
                    let Some((op, waiter)) = self.lookups.remove(&token) else { continue };
                    match result.map(|v| v.into_iter().next()) {
                        Ok(Some((addr, _))) => cx.hand_on(with_addr(op, Str::from(addr)), waiter),
                        Ok(None) => cx.done(waiter, IoResult::Failed("getaddrinfo failed: no address".into())),
                        Err(e) => cx.done(waiter, IoResult::Failed(e)),
                    }
                }
                Answer::Addrs { waiter, result, all } => cx.done(waiter, addrs(result, all)),
            }
        }
    }

    /// A socket op still waiting for its host name has not started and never will: drop it,
    /// and `drain` discards the resolver's late answer.
    fn cancel(&mut self, _cx: &mut Cx<'_>, waiter: Waiter) -> Option<CancelOutcome> {
        let token = self.lookups.iter().find(|(_, (_, x))| *x == waiter).map(|(t, _)| *t)?;
        self.lookups.remove(&token);
        Some(CancelOutcome::NotStarted)
    }

    fn busy(&self) -> bool {
        self.pool.in_flight() > 0
    }

    fn finish(&mut self, _cx: &mut Cx<'_>) -> bool {
        self.pool.in_flight() > 0
    }
}

/// The host and port of an address text that names a host rather than an IP
/// (`localhost:80`), which must be resolved (on the resolver pool) first.
fn needs_lookup(text: &str) -> Option<(String, u16)> {
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

pub(super) fn fam_of(a: &SocketAddr) -> i64 {
    if a.is_ipv6() {
        family::INET6
    } else {
        family::INET
    }
}

/// Resolves a host name (on the resolver pool): `(address text, family)` pairs.
fn resolve(host: &str, port: i64, want: i64) -> Result<Vec<(String, i64)>, String> {
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
fn literal(host: &str, port: i64, want: i64) -> Option<Result<Vec<(String, i64)>, String>> {
    let ip: std::net::IpAddr = host.trim_start_matches('[').trim_end_matches(']').parse().ok()?;
    Some(resolve(&ip.to_string(), port, want))
}

/// The host name a socket op's address needs resolved, if any.
fn lookup_of(op: &IoOp) -> Option<(String, u16, i64)> {
    let inet = |f: i64| if f == family::INET || f == family::INET6 { f } else { 0 };
    match op {
        IoOp::Net(NetOp::Connect { addr, family: f, .. } | NetOp::Bind { addr, family: f, .. }) => {
            needs_lookup(&addr.to_text()).map(|(h, p)| (h, p, inet(*f)))
        }
        IoOp::Net(NetOp::SendTo { addr, .. }) => needs_lookup(&addr.to_text()).map(|(h, p)| (h, p, 0)),
        _ => None,
    }
}

/// The op with its address replaced by a resolved one.
fn with_addr(op: IoOp, a: Str) -> IoOp {
    match op {
        IoOp::Net(NetOp::Connect { family, stype, opts, timeout, token, .. }) => {
            IoOp::Net(NetOp::Connect { family, stype, addr: a, opts, timeout, token })
        }
        IoOp::Net(NetOp::Bind { family, stype, opts, .. }) => IoOp::Net(NetOp::Bind { family, stype, addr: a, opts }),
        IoOp::Net(NetOp::SendTo { handle, data, .. }) => IoOp::Net(NetOp::SendTo { handle, data, addr: a }),
        other => other,
    }
}

fn addrs(r: Result<Vec<(String, i64)>, String>, all: bool) -> IoResult {
    match r {
        Ok(v) => IoResult::Addrs { addrs: v.into_iter().map(|(a, f)| (Str::from(a), f)).collect(), all },
        Err(e) => IoResult::Failed(e),
    }
}
