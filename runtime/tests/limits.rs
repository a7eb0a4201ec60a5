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
