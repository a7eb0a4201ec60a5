//! The collector: a program that allocates forever runs in flat memory, cycles are freed,
//! and everything reachable survives intact.

use kea_runtime::{run_code, RunOptions, Stats};
use kea_runtime::{CaptureSink, Reactor};

fn run(src: &str) -> (i32, String, Stats) {
    let code = kea_asm::assemble_str("gc.pasm", src).expect("assembles");
    let host = Reactor::new(CaptureSink::default(), Box::new(std::io::empty()));
    let (status, stats, host) = run_code(code, host, &RunOptions::default());
    (status, String::from_utf8_lossy(&host.sink.out).into_owned(), stats)
}

#[test]
fn allocation_loop_runs_in_bounded_live_objects() {
    // Two million iterations, three PMCs each: six million allocations.
    let src = r#"
    set I0, 2000000
    new P1, 'ResizablePMCArray'
L:  new P0, 'Integer'
    set P0, I0
    add P2, P0, 1
    push P1, P2
    shift P3, P1
    dec I0
    if I0, L
    say P3
    end
"#;
    let (status, out, stats) = run(src);
    assert_eq!((status, out.as_str()), (0, "2\n"));
    assert!(stats.gc_runs >= 10, "{stats:?}");
    assert!(stats.peak_pmcs < 300_000, "live objects must stay bounded: {stats:?}");
}

#[test]
fn cycles_are_collected() {
    // Each iteration makes two arrays that hold each other, then drops both.
    let src = r#"
    set I0, 300000
L:  new P0, 'ResizablePMCArray'
    new P1, 'ResizablePMCArray'
    push P0, P1
    push P1, P0
    dec I0
    if I0, L
    say "done"
    end
"#;
    let (status, out, stats) = run(src);
    assert_eq!((status, out.as_str()), (0, "done\n"));
    assert!(stats.peak_pmcs < 300_000, "{stats:?}");
}

#[test]
fn reachable_data_survives_collections() {
    // A hash of 100k entries is built while garbage churns, then every entry is checked.
    let src = r#"
    new P5, 'Hash'
    set I0, 0
FILL:
    set S0, I0
    new P0, 'Integer'
    set P0, I0
    set P5[S0], P0
    new P9, 'Float'
    inc I0
    lt I0, 100000, FILL
    set I0, 0
    set I2, 0
CHECK:
    set S0, I0
    set I1, P5[S0]
    add I2, I2, I1
    inc I0
    lt I0, 100000, CHECK
    say I2
    end
"#;
    let (status, out, stats) = run(src);
    assert_eq!((status, out.as_str()), (0, "4999950000\n"));
    assert!(stats.gc_runs >= 1, "{stats:?}");
}
