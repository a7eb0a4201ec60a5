//! `idle`: holds many idle connections open, to measure a server's memory per connection.
//!
//! Opens `--count` connections to HOST:PORT through a window (see the crate
//! doc). With `--ping` (the default) each sends one byte and waits for its
//! echo, which proves the server has accepted and served it; `--no-ping` is
//! for servers that do not echo, and then "confirmed" only means connected.
//! When done it prints one JSON line and flushes it,
//!
//! ```text
//! {"event":"holding","requested":10000,"confirmed":10000,"failed":0,"connect_s":0.9,"error":null}
//! ```
//!
//! so a harness can read the server's memory now. It holds the connections
//! for `--hold` seconds, checks that each is still open, prints
//!
//! ```text
//! {"event":"done","requested":10000,"held":10000,"dropped":0,"error":null}
//! ```
//!
//! and exits: 0 if every requested connection was held, 1 otherwise, 2 on a usage error.

use std::io::Write as _;
use std::time::{Duration, Instant};

use kea_netbench::{loopback_addr, require_fds, set_usage, usage_error, Args, Conn, Errors, Json, Phase};
use mio::{Events, Interest, Poll, Token};

const USAGE: &str = "usage: idle [--count K=10000] [--hold S=5] [--window W=64] [--no-ping] \
[--connect-timeout S=30] HOST:PORT";

fn main() {
    set_usage(USAGE);
    let args = Args::parse(&["no-ping", "ping"]);
    args.check_known(&["count", "hold", "window", "no-ping", "ping", "connect-timeout"]);
    let [target] = args.positional.as_slice() else { usage_error("expected one HOST:PORT") };
    let addr = loopback_addr(target);
    let count: usize = args.get("count", 10_000);
    let hold: f64 = args.get("hold", 5.0);
    let window: usize = args.get("window", 64);
    let ping = !args.flag("no-ping");
    let connect_timeout: f64 = args.get("connect-timeout", 30.0);
    if count == 0 || window == 0 || !hold.is_finite() || hold < 0.0 {
        usage_error("--count and --window must be positive, --hold not negative");
    }
    require_fds(count as u64 + 64);

    let t0 = Instant::now();
    let deadline = t0 + Duration::from_secs_f64(connect_timeout);
    let mut poll = Poll::new().expect("cannot create a mio Poll");
    let mut events = Events::with_capacity(1024);
    let msg = [b'.'];
    let mut scratch = [0u8; 1];
    let mut conns: Vec<Option<Conn>> = Vec::with_capacity(count);
    let mut failed = Errors::default();
    let (mut attempted, mut unconfirmed) = (0, 0);

    while attempted < count || unconfirmed > 0 {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        while attempted < count && unconfirmed < window {
            attempted += 1;
            match Conn::connect(addr) {
                Ok(mut c) => {
                    let token = Token(conns.len());
                    match poll.registry().register(&mut c.stream, token, Interest::READABLE | Interest::WRITABLE) {
                        Ok(()) => {
                            conns.push(Some(c));
                            unconfirmed += 1;
                        }
                        Err(e) => failed.add("register", &e),
                    }
                }
                Err(e) => failed.add("connect", &e),
            }
        }
        if let Err(e) = poll.poll(&mut events, Some((deadline - now).min(Duration::from_millis(100)))) {
            if e.kind() != std::io::ErrorKind::Interrupted {
                panic!("mio poll failed: {e}");
            }
        }
        for ev in events.iter() {
            let i = ev.token().0;
            let Some(c) = conns[i].as_mut() else { continue };
            let result = match c.phase {
                Phase::Connecting => match c.finish_connect() {
                    Ok(false) => continue,
                    Ok(true) if !ping => {
                        c.phase = Phase::Confirmed;
                        Ok(())
                    }
                    Ok(true) => {
                        c.phase = Phase::Confirming;
                        c.start(Instant::now());
                        c.drive(&msg, &mut scratch, &mut |_, _| false)
                    }
                    Err(e) => Err(e),
                },
                Phase::Confirming => c.drive(&msg, &mut scratch, &mut |_, _| false),
                // Confirmed connections are idle; a stray event is checked at the end.
                Phase::Confirmed | Phase::Dead => continue,
            };
            match result {
                Err(e) => {
                    failed.add(if c.phase == Phase::Connecting { "connect" } else { "first echo" }, &e);
                    let _ = poll.registry().deregister(&mut c.stream);
                    conns[i] = None;
                    unconfirmed -= 1;
                }
                Ok(()) if c.phase == Phase::Confirmed => unconfirmed -= 1,
                Ok(()) => {}
            }
        }
    }
    // Whatever is still unconfirmed at the deadline has failed.
    for slot in conns.iter_mut() {
        if slot.as_ref().is_some_and(|c| c.phase != Phase::Confirmed) {
            let mut c = slot.take().unwrap();
            let _ = poll.registry().deregister(&mut c.stream);
            failed.add(
                "connect",
                &std::io::Error::new(std::io::ErrorKind::TimedOut, "not confirmed within the connect timeout"),
            );
        }
    }
    failed.count += (count - attempted) as u64;
    let confirmed = conns.iter().flatten().count();
    let line = Json::default()
        .str("event", Some("holding"))
        .num("requested", count as f64)
        .num("confirmed", confirmed as f64)
        .num("failed", failed.count as f64)
        .str("ping", Some(if ping { "yes" } else { "no" }))
        .num("connect_s", (t0.elapsed().as_secs_f64() * 1000.0).round() / 1000.0)
        .str("error", failed.summary().as_deref())
        .finish();
    println!("{line}");
    let _ = std::io::stdout().flush();

    std::thread::sleep(Duration::from_secs_f64(hold));

    let mut dropped = Errors::default();
    for c in conns.iter_mut().flatten() {
        if let Err(e) = c.check_idle() {
            dropped.add("while held", &e);
        }
    }
    let held = confirmed - dropped.count as usize;
    let line = Json::default()
        .str("event", Some("done"))
        .num("requested", count as f64)
        .num("held", held as f64)
        .num("dropped", dropped.count as f64)
        .str("error", dropped.summary().as_deref())
        .finish();
    println!("{line}");
    if let Some(e) = failed.summary() {
        eprintln!("idle: {} of {count} connections failed: {e}", failed.count);
    }
    if let Some(e) = dropped.summary() {
        eprintln!("idle: {} held connections were dropped: {e}", dropped.count);
    }
    if held < count {
        std::process::exit(1);
    }
}
