//! `loadgen`: closed-loop TCP echo load on loopback.
//!
//! Opens `--conns` connections to HOST:PORT (through a window, see the crate
//! doc), then each connection repeatedly sends a `--size`-byte message and
//! waits for all of its echo. After `--warmup` seconds it counts, for
//! `--duration` seconds, the echoes completed and their round-trip times,
//! and prints one JSON line:
//!
//! ```text
//! {"target":"127.0.0.1:4000","conns":100,"connected":100,"connect_failed":0,"errors":0,
//!  "size":64,"threads":1,"warmup_s":0.5,"duration_s":3,"requests":..,"rps":..,
//!  "p50_us":..,"p90_us":..,"p99_us":..,"max_us":..,"connect_s":..,"error":null}
//! ```
//!
//! It always exits by itself, after at most connect timeout + warm-up +
//! duration. Exit status 1 if any connection failed to connect, failed during
//! the run, or nothing completed; 2 on a usage error.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use kea_netbench::{loopback_addr, percentile, require_fds, set_usage, Args, Conn, Errors, Json, Phase};
use mio::{Events, Interest, Poll, Token};

const USAGE: &str = "usage: loadgen [--conns N=100] [--size BYTES=64] [--warmup S=0.5] [--duration S=3] \
[--threads T=1] [--window W=64] [--connect-timeout S=10] HOST:PORT";

/// What every worker shares with the main thread.
struct Shared {
    /// Workers whose connections are all confirmed or given up on.
    ready: AtomicUsize,
    /// The measured interval `(start, end)`, set by the main thread once every worker is ready.
    window: OnceLock<(Instant, Instant)>,
}

/// What one worker measured.
struct Report {
    /// Connections confirmed by an echo when the worker became ready.
    connected: usize,
    /// Echoes completed inside the measured interval.
    completed: u64,
    /// Their round-trip times in nanoseconds.
    latencies: Vec<u64>,
    /// Connections that never got their first echo.
    connect_failed: Errors,
    /// Confirmed connections that failed later.
    run_errors: Errors,
}

/// A worker's settings.
struct Plan {
    addr: std::net::SocketAddr,
    conns: usize,
    window: usize,
    size: usize,
    connect_timeout: Duration,
}

fn main() {
    set_usage(USAGE);
    let args = Args::parse(&[]);
    args.check_known(&["conns", "size", "warmup", "duration", "threads", "window", "connect-timeout"]);
    let [target] = args.positional.as_slice() else { kea_netbench::usage_error("expected one HOST:PORT") };
    let addr = loopback_addr(target);
    let conns: usize = args.get("conns", 100);
    let size: usize = args.get("size", 64);
    let warmup: f64 = args.get("warmup", 0.5);
    let duration: f64 = args.get("duration", 3.0);
    let threads: usize = args.get::<usize>("threads", 1).clamp(1, conns.max(1));
    let window: usize = args.get("window", 64);
    let connect_timeout: f64 = args.get("connect-timeout", 10.0);
    if conns == 0
        || size == 0
        || window == 0
        || !duration.is_finite()
        || duration <= 0.0
        || !warmup.is_finite()
        || warmup < 0.0
    {
        kea_netbench::usage_error("--conns, --size, --window and --duration must be positive");
    }
    require_fds(conns as u64 + 64);

    let shared = Arc::new(Shared { ready: AtomicUsize::new(0), window: OnceLock::new() });
    let t0 = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|i| {
            let plan = Plan {
                addr,
                conns: conns / threads + usize::from(i < conns % threads),
                window: (window / threads).max(1),
                size,
                connect_timeout: Duration::from_secs_f64(connect_timeout),
            };
            let shared = Arc::clone(&shared);
            thread::spawn(move || worker(plan, &shared))
        })
        .collect();

    // Start the clock only when every connection is up, so 1,000 connections
    // are measured at 1,000 and not while they are still being opened.
    while shared.ready.load(Ordering::Acquire) < threads {
        thread::sleep(Duration::from_millis(1));
    }
    let connect_s = t0.elapsed().as_secs_f64();
    let start = Instant::now() + Duration::from_secs_f64(warmup);
    let _ = shared.window.set((start, start + Duration::from_secs_f64(duration)));

    let mut total = Report {
        connected: 0,
        completed: 0,
        latencies: Vec::new(),
        connect_failed: Errors::default(),
        run_errors: Errors::default(),
    };
    for w in workers {
        let r = w.join().expect("a loadgen worker panicked");
        total.connected += r.connected;
        total.completed += r.completed;
        total.latencies.extend(r.latencies);
        total.connect_failed.merge(r.connect_failed);
        total.run_errors.merge(r.run_errors);
    }
    total.latencies.sort_unstable();
    let us = |ns: u64| ns as f64 / 1000.0;
    let lat = &total.latencies;
    let error = match (total.connect_failed.summary(), total.run_errors.summary()) {
        (None, None) => None,
        (a, b) => Some([a, b].into_iter().flatten().collect::<Vec<_>>().join("; ")),
    };
    let line = Json::default()
        .str("target", Some(&addr.to_string()))
        .num("conns", conns as f64)
        .num("connected", total.connected as f64)
        .num("connect_failed", total.connect_failed.count as f64)
        .num("errors", total.run_errors.count as f64)
        .num("size", size as f64)
        .num("threads", threads as f64)
        .num("warmup_s", warmup)
        .num("duration_s", duration)
        .num("requests", total.completed as f64)
        .num("rps", total.completed as f64 / duration)
        .num("p50_us", us(percentile(lat, 50.0)))
        .num("p90_us", us(percentile(lat, 90.0)))
        .num("p99_us", us(percentile(lat, 99.0)))
        .num("max_us", us(lat.last().copied().unwrap_or(0)))
        .num("connect_s", (connect_s * 1000.0).round() / 1000.0)
        .str("error", error.as_deref())
        .finish();
    println!("{line}");
    if let Some(e) = &error {
        eprintln!(
            "loadgen: {} of {conns} connections failed to connect, {} failed during the run: {e}",
            total.connect_failed.count, total.run_errors.count
        );
    }
    if total.completed == 0 {
        eprintln!("loadgen: no request completed in the measured interval");
    }
    if error.is_some() || total.completed == 0 {
        std::process::exit(1);
    }
}

/// Runs one share of the connections until the measured interval ends.
fn worker(plan: Plan, shared: &Shared) -> Report {
    let mut poll = Poll::new().expect("cannot create a mio Poll");
    let mut events = Events::with_capacity(1024);
    let msg: Vec<u8> = (0..plan.size).map(|i| b'a' + (i % 26) as u8).collect();
    let mut scratch = vec![0u8; plan.size.min(64 * 1024)];
    let mut conns: Vec<Option<Conn>> = Vec::with_capacity(plan.conns);
    let mut attempted = 0;
    let mut unconfirmed = 0;
    let mut ready = false;
    let connect_deadline = Instant::now() + plan.connect_timeout;
    let mut report = Report {
        connected: 0,
        completed: 0,
        latencies: Vec::with_capacity(1 << 20),
        connect_failed: Errors::default(),
        run_errors: Errors::default(),
    };

    loop {
        let now = Instant::now();
        // Open connections while the window has room.
        while !ready && attempted < plan.conns && unconfirmed < plan.window {
            attempted += 1;
            match Conn::connect(plan.addr) {
                Ok(mut c) => {
                    let token = Token(conns.len());
                    match poll.registry().register(&mut c.stream, token, Interest::READABLE | Interest::WRITABLE) {
                        Ok(()) => {
                            conns.push(Some(c));
                            unconfirmed += 1;
                        }
                        Err(e) => report.connect_failed.add("register", &e),
                    }
                }
                Err(e) => report.connect_failed.add("connect", &e),
            }
        }
        // Ready when every connection is confirmed or the connect time is up.
        if !ready && ((attempted == plan.conns && unconfirmed == 0) || now >= connect_deadline) {
            for slot in conns.iter_mut() {
                if slot.as_ref().is_some_and(|c| c.phase != Phase::Confirmed) {
                    let mut c = slot.take().unwrap();
                    let _ = poll.registry().deregister(&mut c.stream);
                    let e = std::io::Error::new(std::io::ErrorKind::TimedOut, "no echo within the connect timeout");
                    report.connect_failed.add("connect", &e);
                }
            }
            report.connect_failed.count += (plan.conns - attempted) as u64;
            unconfirmed = 0;
            report.connected = conns.iter().flatten().count();
            ready = true;
            shared.ready.fetch_add(1, Ordering::Release);
        }
        let window = shared.window.get().copied();
        if let Some((_, end)) = window {
            if now >= end {
                break;
            }
        }

        let timeout = match window {
            Some((_, end)) => (end - now).min(Duration::from_millis(10)),
            None => Duration::from_millis(10),
        };
        if let Err(e) = poll.poll(&mut events, Some(timeout)) {
            if e.kind() != std::io::ErrorKind::Interrupted {
                panic!("mio poll failed: {e}");
            }
        }
        let now = Instant::now();
        for ev in events.iter() {
            let i = ev.token().0;
            let Some(c) = conns[i].as_mut() else { continue };
            if c.phase == Phase::Connecting {
                match c.finish_connect() {
                    Ok(false) => continue,
                    Ok(true) => {
                        c.phase = Phase::Confirming;
                        c.start(now);
                    }
                    Err(e) => {
                        report.connect_failed.add("connect", &e);
                        unconfirmed -= 1;
                        let _ = poll.registry().deregister(&mut c.stream);
                        conns[i] = None;
                        continue;
                    }
                }
            }
            let was_confirming = c.phase == Phase::Confirming;
            let (completed, latencies) = (&mut report.completed, &mut report.latencies);
            let result = c.drive(&msg, &mut scratch, &mut |lat, t| match window {
                None => true,
                Some((start, end)) => {
                    if t >= start && t < end {
                        *completed += 1;
                        latencies.push(lat.as_nanos() as u64);
                    }
                    t < end
                }
            });
            let still_confirming = c.phase == Phase::Confirming;
            if was_confirming && (!still_confirming || result.is_err()) {
                unconfirmed -= 1;
            }
            if let Err(e) = result {
                if still_confirming {
                    report.connect_failed.add("first echo", &e);
                } else {
                    report.run_errors.add("during the run", &e);
                }
                let _ = poll.registry().deregister(&mut c.stream);
                conns[i] = None;
            }
        }
    }
    report
}
