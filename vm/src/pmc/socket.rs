//! Socket and Sockaddr: Parrot's `src/pmc/socket.pmc` and `sockaddr.pmc`, with the
//! `socket.pasm` constants the runtime also reads.

use crate::string::Str;

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
