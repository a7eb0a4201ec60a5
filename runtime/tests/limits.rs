//! Reliability findings (issue 14), run through the `kea` binary as a hostile user would, one
//! test or more per finding, each named after what must hold. Every run has a bounded wait,
//! so a regression shows as a failure, never a hung test.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far more than any of these runs needs; only a hang reaches it.
const LIMIT: Duration = Duration::from_secs(120);

/// Runs `kea ARGS` to its end within [`LIMIT`]: (exit code, stdout, stderr).
fn kea(args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kea"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kea starts");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let end = Instant::now() + LIMIT;
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kea {args:?} did not end within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = String::from_utf8_lossy(&t_out.join().expect("stdout reader")).into_owned();
    let err = String::from_utf8_lossy(&t_err.join().expect("stderr reader")).into_owned();
    assert!(!err.contains("internal error") && !err.contains("panicked"), "kea {args:?} panicked:\n{err}");
    (status.code().unwrap_or(-1), out, err)
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kea-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write temp file");
    p.to_string_lossy().into_owned()
}

/// Finding 1: a precision of 65,536 or more for a float conversion, written out or through
/// `%.*`, panicked in Rust's formatter and lost the output printed before. Parrot caps the
/// precision at 3,072 and a piece at 4,095 bytes (`spf_render.c`), and so does Kea.
#[test]
fn sprintf_with_a_huge_precision_prints_what_parrot_prints() {
    let f = temp_file(
        "sprintf-prec.pasm",
        r#"    say "before"
    new P0, 'ResizablePMCArray'
    push P0, 1.5
    sprintf S0, "%.65536f", P0
    length I0, S0
    say I0
    new P1, 'ResizablePMCArray'
    push P1, 100000
    push P1, -2.5
    sprintf S0, "%.*e", P1
    length I0, S0
    say I0
    sprintf S0, "%.70000G", P0
    say S0
    sprintf S0, "%99999.3f", P0
    length I0, S0
    say I0
    new P2, 'ResizablePMCArray'
    push P2, 7
    sprintf S0, "%.1048576d", P2
    length I0, S0
    say I0
"#,
    );
    let (code, out, err) = kea(&["run", &f]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "before\n3074\n3079\n1.5\n4095\n3072\n");
}

/// Finding 2: an op whose work grew with its operand ran past `--max-time`: BigInt squaring
/// in a loop now meets Kea's BigInt limit, a clear and catchable error.
#[test]
fn bigint_squaring_in_a_loop_ends_with_a_clear_error() {
    let f =
        temp_file("bigint.pasm", "    new P0, 'Integer'\n    set P0, 3\nLOOP:\n    mul P0, P0, P0\n    branch LOOP\n");
    let (code, out, err) = kea(&["run", "--max-time", "60", &f]);
    assert_eq!(code, 1, "{out}");
    assert!(err.starts_with("BigInt too large: more than 1048576 bits\n"), "{err}");
}

/// Finding 2: limits were checked only where the scheduler looks; a task that disabled
/// preemption never came back to it, and `--max-time` never ended the run. The VM now looks
/// at the interrupt flag the deadline thread raises.
#[test]
fn max_time_ends_a_task_that_never_yields() {
    let f = temp_file("spin.pasm", "    disable_preemption\nLOOP:\n    branch LOOP\n");
    let (code, out, err) = kea(&["run", "--max-time", "0.5", &f]);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", "time limit exceeded after 0.5 s (--max-time)\n"));
}

/// Finding 2: one op that builds a gigabyte (a `repeat`, an array resize, a padded
/// `sprintf`) in a loop ends at the deadline too.
#[test]
fn max_time_ends_a_loop_of_long_ops() {
    for (name, body) in [
        ("repeat.pasm", "LOOP:\n    repeat S0, \"abcdefgh\", 100000000\n    branch LOOP\n"),
        ("resize.pasm", "    new P0, 'ResizableIntegerArray'\nLOOP:\n    set P0, 100000000\n    set P0, 0\n    branch LOOP\n"),
        (
            "pad.pasm",
            "    new P0, 'ResizablePMCArray'\n    push P0, 500000000\n    push P0, \"x\"\nLOOP:\n    sprintf S0, \"%*s\", P0\n    branch LOOP\n",
        ),
    ] {
        let f = temp_file(name, body);
        let (code, _, err) = kea(&["run", "--max-time", "0.5", &f]);
        assert_eq!((code, err.as_str()), (1, "time limit exceeded after 0.5 s (--max-time)\n"), "{name}");
    }
}

/// Finding 3: 40 macros each expanding the next twice (2^40 expansions from 1.7 KB) never
/// finished `kea check`; the total expanded text is now bounded, with a located error.
#[test]
fn exponential_macro_expansion_is_a_located_error() {
    let mut src = String::from(".macro m0()\n    set I0, 1\n.endm\n");
    for i in 1..=40 {
        src.push_str(&format!(".macro m{i}()\n    .m{}()\n    .m{}()\n.endm\n", i - 1, i - 1));
    }
    src.push_str(".sub main :main\n    .m40()\n    say I0\n.end\n");
    let f = temp_file("expo.pir", &src);
    let (code, _, err) = kea(&["check", &f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("expo.pir:165:5: error: macro expansions and included files exceed 16 MiB"), "{err}");
}

/// Finding 3: `.include` counts toward the same total.
#[test]
fn includes_count_toward_the_expansion_limit() {
    // 1,000,000 bytes of comments: 16 of them fit in 16 MiB, the 17th does not.
    let big = temp_file("big.pasm", &format!("{}\n", "#".repeat(999)).repeat(1000));
    let mut src = String::new();
    for _ in 0..20 {
        src.push_str(&format!(".include '{big}'\n"));
    }
    src.push_str("    end\n");
    let f = temp_file("includes.pasm", &src);
    let (code, _, err) = kea(&["check", &f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("includes.pasm:17:1: error: macro expansions and included files exceed 16 MiB"), "{err}");
}

/// Finding 5: the program ends when main dies with an uncaught error, whatever timers and
/// tasks remain. The tick used to go on to the reactor after the error and wait there: until
/// the next timer (an hour here), or forever for a task parked on a silent socket.
#[test]
fn the_program_ends_when_main_dies_whatever_remains() {
    let f = temp_file(
        "main-dies.pir",
        r#".include 'timer.pasm'
.include 'socket.pasm'
.sub main :main
    $P0 = new 'Timer'
    $P1 = get_global 'tick'
    $P0[.PARROT_TIMER_HANDLER] = $P1
    $P0[.PARROT_TIMER_NSEC] = 3600
    $P0[.PARROT_TIMER_REPEAT] = -1
    $P0[.PARROT_TIMER_RUNNING] = 1
    $P2 = new 'Socket'
    $P2.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P2.'bind'("127.0.0.1:0")
    $P3 = $P2.'local_address'()
    $P4 = new 'Task'
    $P5 = get_global 'silent'
    $P4.'code'($P5)
    $P4.'data'($P2)
    schedule $P4
    $P6 = new 'Socket'
    $P6.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P6.'connect'($P3)
    say "main sleeps, then dies"
    sleep 0.05
    die "main dies"
.end
.sub tick
.end
.sub silent
    .param pmc listener
    $P0 = listener.'accept'()
    $S0 = $P0.'recv'()
.end
"#,
    );
    let (code, out, err) = kea(&["run", &f]);
    assert_eq!((code, out.as_str()), (1, "main sleeps, then dies\n"), "{err}");
    assert!(err.starts_with("main dies\ncurrent instr.: 'main'"), "{err}");
}

/// Finding 6: `exit N` gives the status the OS reports for Parrot's `exit(N)`, N's low 8 bits.
#[test]
fn exit_gives_the_low_eight_bits_of_its_status() {
    for (n, want) in [(-1i64, 255), (256, 0), (300, 44), (-256, 0), (4294967297, 1), (7, 7)] {
        let f = temp_file(&format!("exit{n}.pasm"), &format!("    say \"out\"\n    exit {n}\n"));
        let (code, out, err) = kea(&["run", &f]);
        assert_eq!((code, out.as_str(), err.as_str()), (want, "out\n", ""), "exit {n}");
    }
}

/// Finding 6: `--max-time 1e300` panicked; every numeric option now rejects what is out of
/// range with a usage error (exit 2) that names the option.
#[test]
fn numeric_options_reject_out_of_range_values() {
    let f = temp_file("ok.pasm", "    say \"ran\"\n");
    for (opt, bad) in [
        ("--max-time", "1e300"),
        ("--max-time", "-1"),
        ("--max-time", "nan"),
        ("--max-time", "inf"),
        ("--max-time", "soon"),
        ("--max-ops", "-5"),
        ("--max-ops", "1e3"),
        ("--batch", "0"),
        ("--max-depth", "0"),
        ("--max-depth", "99999999999"),
        ("--io-threads", "0"),
        ("--io-threads", "100000"),
    ] {
        let arg = format!("{opt}={bad}");
        let (code, out, err) = kea(&["run", &arg, &f]);
        assert_eq!((code, out.as_str()), (2, ""), "{arg}: {err}");
        assert!(err.contains(&format!("invalid value '{bad}' for '{opt}")), "{arg}: {err}");
    }
    let (code, out, _) = kea(&["run", "--max-time=1e9", "--max-ops=1000", "--max-depth=10", &f]);
    assert_eq!((code, out.as_str()), (0, "ran\n"));
}
