//! `mio-echo PORT`: the limit peer, a minimal single-threaded mio echo server.
//!
//! Listens on 127.0.0.1:PORT (PORT 0 picks a free port, printed on stderr)
//! and writes back every byte it reads. It is what a hand-written Rust event
//! loop costs, so DESIGN §6 asks Kea's echo server to be within 30% of it.
//!
//! Per connection it keeps only the socket and the bytes read but not yet
//! written; one 64 KiB read buffer is shared by all connections. While a
//! connection has unwritten bytes it is not read from (backpressure), and
//! reading resumes once they are flushed. Edge-triggered, like mio itself: each
//! event drains its connection until `WouldBlock`.

use std::io::{self, Read, Write};
use std::net::SocketAddr;

use kea_netbench::{raise_fd_limit, set_usage, usage_error, Args};
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};

const USAGE: &str = "usage: mio-echo PORT";
const LISTENER: Token = Token(usize::MAX);

/// One accepted connection.
struct Conn {
    /// The socket, registered under its slot index.
    stream: TcpStream,
    /// Bytes read but not yet written back, oldest first.
    pending: Vec<u8>,
}

fn main() {
    set_usage(USAGE);
    let args = Args::parse(&[]);
    args.check_known(&[]);
    let [port] = args.positional.as_slice() else { usage_error("expected PORT") };
    let port: u16 = port.parse().unwrap_or_else(|_| usage_error(&format!("bad port '{port}'")));
    raise_fd_limit();

    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut listener = TcpListener::bind(addr).unwrap_or_else(|e| {
        eprintln!("mio-echo: cannot listen on {addr}: {e}");
        std::process::exit(1)
    });
    eprintln!("mio-echo: listening on {}", listener.local_addr().unwrap());
    let mut poll = Poll::new().expect("cannot create a mio Poll");
    poll.registry().register(&mut listener, LISTENER, Interest::READABLE).unwrap();

    let mut events = Events::with_capacity(1024);
    let mut conns: Vec<Option<Conn>> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if let Err(e) = poll.poll(&mut events, None) {
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            panic!("mio poll failed: {e}");
        }
        for ev in events.iter() {
            if ev.token() == LISTENER {
                accept_all(&listener, &poll, &mut conns, &mut free);
                continue;
            }
            let i = ev.token().0;
            let Some(c) = conns[i].as_mut() else { continue };
            if !serve(c, &mut buf) {
                let _ = poll.registry().deregister(&mut c.stream);
                conns[i] = None;
                free.push(i);
            }
        }
    }
}

/// Accepts until `WouldBlock`, giving each connection a free slot.
fn accept_all(listener: &TcpListener, poll: &Poll, conns: &mut Vec<Option<Conn>>, free: &mut Vec<usize>) {
    loop {
        match listener.accept() {
            Ok((mut stream, _)) => {
                let _ = stream.set_nodelay(true);
                let i = free.pop().unwrap_or_else(|| {
                    conns.push(None);
                    conns.len() - 1
                });
                if poll.registry().register(&mut stream, Token(i), Interest::READABLE | Interest::WRITABLE).is_ok() {
                    conns[i] = Some(Conn { stream, pending: Vec::new() });
                } else {
                    free.push(i);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // Out of descriptors or a connection reset before accept: report and
            // go back to the loop; the listener stays registered.
            Err(e) => {
                eprintln!("mio-echo: accept: {e}");
                return;
            }
        }
    }
}

/// Flushes pending bytes, then echoes until the socket would block.
/// Returns false when the connection is finished.
fn serve(c: &mut Conn, buf: &mut [u8]) -> bool {
    loop {
        while !c.pending.is_empty() {
            match c.stream.write(&c.pending) {
                Ok(n) => {
                    c.pending.drain(..n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return true,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
        match c.stream.read(buf) {
            Ok(0) => return false,
            Ok(n) => match c.stream.write(&buf[..n]) {
                Ok(m) => c.pending.extend_from_slice(&buf[m..n]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock || e.kind() == io::ErrorKind::Interrupted => {
                    c.pending.extend_from_slice(&buf[..n])
                }
                Err(_) => return false,
            },
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return true,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}
