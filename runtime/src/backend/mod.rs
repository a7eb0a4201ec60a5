//! The backends: each kind of IO in one module behind [`Backend`] (the contract is the
//! module doc of `reactor/backend.rs`).
//!
//! | module | handles | reaches the OS through |
//! |---|---|---|
//! | [`stdio`] | 0, 1, 2 | the [`Sink`] (stdout, stderr) and a helper thread (stdin) |
//! | [`file`] | files opened by `open`/`fdopen` | a bounded worker pool |
//! | [`dns`] | none (resolves names for `getaddrinfo` and for socket ops) | its own worker pool |
//! | [`net`] | sockets (TCP, UDP, Unix), TLS on them | mio readiness |
//!
//! Beside them, [`os`] is no backend: it answers the VM's [`kea_vm::host::OsFacts`] (the
//! time zone, `sysinfo`, `strerror`), which never block.
//!
//! They are picked in one place, [`all`], whose order is the routing order for ops that
//! name no handle (see [`Backend::takes`]).

pub mod dns;
pub mod file;
pub mod net;
pub mod os;
mod pool;
pub mod stdio;

use crate::reactor::{Backend, Reactor};
use crate::sink::Sink;
use std::io::Read;

/// The index of [`stdio`] in [`all`]: it owns handles 0, 1 and 2.
const STDIO: usize = 0;

impl<S: Sink> Reactor<S> {
    /// A reactor with every backend, writing program output to `sink` and reading stdin
    /// from `stdin`. It is made here, where the backends are picked: the reactor itself
    /// knows only the [`Backend`] trait.
    pub fn new(sink: S, stdin: Box<dyn Read + Send>) -> Reactor<S> {
        Reactor::with_backends(sink, all(stdin), STDIO)
    }
}

/// Every backend, in routing order. DNS comes before sockets: a socket op whose address
/// names a host is resolved first and then handed on.
fn all(stdin: Box<dyn Read + Send>) -> Vec<Box<dyn Backend>> {
    vec![
        Box::new(stdio::Stdio::new(stdin)),
        Box::new(file::Files::default()),
        Box::new(dns::Dns::default()),
        Box::new(net::Net::default()),
    ]
}

/// A read-line op's separator: `\n` unless the program set one.
pub(crate) fn sep_bytes(sep: &kea_vm::string::Str) -> &[u8] {
    if sep.as_bytes().is_empty() {
        b"\n"
    } else {
        sep.as_bytes()
    }
}

/// Where `needle` first occurs in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() == 1 {
        return hay.iter().position(|b| *b == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}
