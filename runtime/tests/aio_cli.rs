//! The scheduler and async IO as a user sees them through the real binary: a task blocked on
//! stdin blocks only itself, permission errors carry the OS text in both forms, and the
//! observability flags report what happened. Every wait is bounded.
//!
//! Unix only: it needs file modes and running as another user.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-aio-cli-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_program(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write program");
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kea")).args(args).stdin(Stdio::null()).output().expect("kea runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Waits (at most 10 s) for a line satisfying `want` from the child's stdout.
fn wait_for(lines: &mpsc::Receiver<String>, seen: &mut Vec<String>, want: impl Fn(&[String]) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !want(seen) {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(l) => seen.push(l),
            Err(_) => return false,
        }
    }
    true
}

const TICKER_READER: &str = include_str!("programs/ticker-reader.pir");

/// The Stackless promise: while main waits in a sync `readline` on a pipe that is written
/// slowly, the ticker task keeps running.
#[test]
fn a_task_blocked_on_stdin_blocks_only_itself() {
    let dir = temp_dir("ticker");
    let prog = write_program(&dir, "ticker.pir", TICKER_READER);
    let mut child = Command::new(env!("CARGO_BIN_EXE_kea"))
        .args(["run", &prog])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kea starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                return;
            }
        }
    });
    let mut seen = Vec::new();
    stdin.write_all(b"first\n").expect("write");
    stdin.flush().expect("flush");
    assert!(wait_for(&rx, &mut seen, |s| s.iter().any(|l| l == "got: first")), "no echo: {seen:?}");
    // Main is now blocked in readline; the ticker must go on.
    let at = seen.len();
    assert!(
        wait_for(&rx, &mut seen, |s| s[at..].iter().filter(|l| l.starts_with("tick ")).count() >= 3),
        "the ticker stopped while main waited for stdin: {seen:?}"
    );
    stdin.write_all(b"second\n").expect("write");
    drop(stdin);
    assert!(wait_for(&rx, &mut seen, |s| s.iter().any(|l| l == "eof")), "no eof: {seen:?}");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < deadline, "kea did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let second = seen.iter().position(|l| l == "got: second").expect("second line echoed");
    let first = seen.iter().position(|l| l == "got: first").expect("first line echoed");
    assert!(second > first + 3, "ticks come between the two lines: {seen:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A permission error, with a dropped privilege when the tests run as root: the sync form
/// throws and the async form fails its request, both with the OS error text.
#[test]
fn permission_denied_in_both_forms() {
    let dir = temp_dir("perm");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod dir");
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "hidden").expect("write");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod file");
    let s = secret.to_string_lossy();
    let prog = write_program(
        &dir,
        "perm.pir",
        // `{s}` in the program is the unreadable file.
        &include_str!("programs/permission-denied.pir").replace("{s}", &s),
    );
    std::fs::set_permissions(&prog, std::fs::Permissions::from_mode(0o644)).expect("chmod prog");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kea"));
    cmd.args(["run", &prog]).stdin(Stdio::null());
    let root = std::fs::read_to_string("/proc/self/status")
        .map(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false);
    if root {
        // root reads any file: run kea as `nobody` so the mode bits count.
        cmd.uid(65534).gid(65534);
    }
    let out = cmd.output().expect("kea runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!("Unable to open filehandle from path '{s}': Permission denied(13)");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout, format!("async: {expected}\nsync:  {expected}\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn trace_io_shows_each_requests_life() {
    let dir = temp_dir("trace");
    let prog = write_program(&dir, "t.pir", include_str!("programs/trace-io.pir"));
    let (status, out, err) = run(&["run", "--trace-io", &prog]);
    assert_eq!((status, out.as_str()), (0, "hi\n"));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].ends_with("request 1 write: submitted by task 1"), "{err}");
    assert!(lines[1].ends_with("request 1 write: done"), "{err}");
    assert!(lines[2].ends_with("request 2 open: submitted by task 1"), "{err}");
    assert!(lines[3].contains("request 2 open: failed: Unable to open filehandle"), "{err}");
    for l in &lines {
        assert!(l.starts_with("[io ") && l.contains("us] "), "timestamp missing: {l}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stats_count_ticks_requests_and_callbacks() {
    let dir = temp_dir("stats");
    let prog = write_program(&dir, "s.pir", include_str!("programs/stats.pir"));
    let (status, out, err) = run(&["run", "--stats", &prog]);
    assert_eq!((status, out.as_str()), (0, "a\nb\n"));
    assert!(err.starts_with("kea stats: ops "), "{err}");
    assert!(err.contains("io-requests 2 [write=2] callbacks 2 "), "{err}");
    assert!(err.contains(" ticks "), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--io-threads` is checked like every option.
#[test]
fn io_threads_must_be_positive() {
    let (status, _, err) = run(&["run", "--io-threads", "0", "x.pasm"]);
    assert_eq!(status, 2);
    assert!(err.contains("--io-threads"), "{err}");
}

/// A timer stopped right after it was started neither fires nor keeps the program alive
/// (the bound is generous: the timer's interval is 30 s).
#[test]
fn a_stopped_timer_does_not_keep_the_program_alive() {
    let dir = temp_dir("stopped");
    let prog = write_program(&dir, "t.pir", include_str!("programs/stopped-timer.pir"));
    let start = Instant::now();
    let (status, out, err) = run(&["run", &prog]);
    assert_eq!((status, out.as_str(), err.as_str()), (0, "stopped\n", ""));
    assert!(start.elapsed() < Duration::from_secs(20), "kea waited for a stopped timer");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--max-time` stops a program that waits forever (here: for a message nobody sends while a
/// forever timer keeps it alive) with a clear error.
#[test]
fn max_time_stops_a_program_that_waits_forever() {
    let dir = temp_dir("maxtime");
    let prog = write_program(&dir, "w.pir", include_str!("programs/wait-forever.pir"));
    let start = Instant::now();
    let (status, out, err) = run(&["run", "--max-time", "0.3", &prog]);
    assert_eq!((status, out.as_str()), (1, "waiting\n"));
    assert_eq!(err, "time limit exceeded after 0.3 s (--max-time)\n");
    assert!(start.elapsed() < Duration::from_secs(20));
    let _ = std::fs::remove_dir_all(&dir);
}
