//! Disk full and file too big (RELIABILITY b12), through the real binary where the process
//! matters (stdout, signals, a real small filesystem) and through the IO host where the
//! timing must be exact (a failure whose request was cancelled). Every wait is bounded.
//!
//! The rules under test (spec/aio.rst, "Errors"): a write that fails reports ENOSPC or EFBIG
//! with the OS text; a buffered write's failure surfaces at the flush or close that writes
//! the buffer out; output whose failure no request can report is named on stderr and fails
//! the run; and a file size limit gives EFBIG, never a death by SIGXFSZ.
//!
//! Unix only: it needs signals, /dev/full and file size limits.
#![cfg(unix)]

use kea_runtime::reactor::{CancelOutcome, Waiter};
use kea_runtime::{CaptureSink, Reactor, Sink};
use kea_vm::interp::{IoOp, IoResult, RequestId};
use kea_vm::string::Str;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ENOSPC: &str = "No space left on device(28)";
const EFBIG: &str = "File too large(27)";

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-io-faults-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_program(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write program");
    p.to_string_lossy().into_owned()
}

/// Runs `cmd` with stdout going to `stdout`, killing it after 20 s: a hang is a failure.
fn run_bounded(mut cmd: Command, stdout: Stdio) -> Output {
    let mut child = cmd.stdin(Stdio::null()).stdout(stdout).stderr(Stdio::piped()).spawn().expect("kea starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("kea hung: {:?}", child.wait_with_output().map(|o| String::from_utf8_lossy(&o.stderr).into_owned()));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn kea(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kea"));
    c.args(args);
    c
}

/// `prlimit` from util-linux: the file size limit is set on the child only.
fn kea_with_fsize(limit: u64, args: &[&str]) -> Command {
    let mut c = Command::new("prlimit");
    c.arg(format!("--fsize={limit}")).arg("--").arg(env!("CARGO_BIN_EXE_kea")).args(args);
    c
}

fn dev_full() -> Stdio {
    Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full opens"))
}

fn stderr_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SAY_HELLO: &str = ".sub main :main\n    say \"hello\"\n.end\n";

/// More than stdout's 8 KiB buffer: a sync `print` itself meets the error.
const SAY_A_LOT: &str = include_str!("programs/say-a-lot.pir");

/// Output buffered until exit, when stdout turns out to be full: the run fails and says
/// why, rather than exit 0 with the output gone.
#[test]
fn stdout_to_a_full_device_fails_the_run() {
    let dir = temp_dir("stdout");
    let prog = write_program(&dir, "hello.pir", SAY_HELLO);
    let o = run_bounded(kea(&["run", &prog]), dev_full());
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    assert_eq!(stderr_of(&o), format!("kea: error: output lost: stdout: write failed: {ENOSPC}\n"));

    // A print that flushes meets the error itself: an uncaught exception, not a panic.
    let prog = write_program(&dir, "alot.pir", SAY_A_LOT);
    let o = run_bounded(kea(&["run", &prog]), dev_full());
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.starts_with(&format!("write failed: {ENOSPC}\ncurrent instr.: 'main'")), "{err}");
    assert!(!err.contains("internal error") && !err.contains("panicked"), "{err}");

    // stderr output flushes stdout first; that failure is no failure of the stderr write.
    let prog =
        write_program(&dir, "err.pir", ".sub main :main\n    say \"hello\"\n    printerr \"to stderr\\n\"\n.end\n");
    let o = run_bounded(kea(&["run", &prog]), dev_full());
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    assert_eq!(stderr_of(&o), format!("to stderr\nkea: error: output lost: stdout: write failed: {ENOSPC}\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The stdout error is an exception like any other: a program that catches it goes on, and
/// what it does next (here: report on stderr, exit 0) is its own choice.
#[test]
fn a_stdout_write_error_can_be_caught() {
    let dir = temp_dir("catch");
    let prog = write_program(&dir, "catch.pir", include_str!("programs/catch-stdout-error.pir"));
    let o = run_bounded(kea(&["run", &prog]), dev_full());
    assert_eq!(stderr_of(&o), format!("caught: write failed: {ENOSPC}\n"));
    assert_eq!(o.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `kea dis` and `kea ops` print through a checked write, not `print!` (which panics).
#[test]
fn dis_and_ops_to_a_full_device_fail_cleanly() {
    let dir = temp_dir("dis");
    let prog = write_program(&dir, "hello.pir", SAY_HELLO);
    for args in [vec!["dis", prog.as_str()], vec!["ops"]] {
        let o = run_bounded(kea(&args), dev_full());
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr_of(&o));
        assert_eq!(stderr_of(&o), format!("kea: error: cannot write to stdout: {ENOSPC}\n"), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Past `RLIMIT_FSIZE` a write fails with EFBIG in both forms; without SIGXFSZ ignored at
/// start-up the kernel's signal would kill Kea at the first write past the limit.
#[test]
fn a_file_size_limit_gives_efbig_not_sigxfsz() {
    let dir = temp_dir("fsize");
    let out = dir.join("big.out");
    let o = out.to_string_lossy();
    let prog = write_program(
        &dir,
        "big.pir",
        // `{o}` in the program is the output file.
        &include_str!("programs/efbig.pir").replace("{o}", &o),
    );
    let r = run_bounded(kea_with_fsize(100_000, &["run", &prog]), Stdio::piped());
    assert_eq!(r.status.signal(), None, "kea was killed by a signal (SIGXFSZ is 25): {}", stderr_of(&r));
    assert_eq!(r.status.code(), Some(0), "{}", stderr_of(&r));
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        format!("first 70000 bytes: written\nsync: write failed: {EFBIG}\nasync: write failed: {EFBIG}\n")
    );
    assert_eq!(std::fs::metadata(&out).expect("file written").len(), 100_000);

    // stdout redirected to a file under the same kind of limit.
    let prog = write_program(&dir, "alot.pir", SAY_A_LOT);
    let to = std::fs::File::create(dir.join("stdout.txt")).expect("create");
    let r = run_bounded(kea_with_fsize(1000, &["run", &prog]), Stdio::from(to));
    assert_eq!(r.status.signal(), None, "killed by a signal: {}", stderr_of(&r));
    assert_eq!(r.status.code(), Some(1));
    assert!(stderr_of(&r).starts_with(&format!("write failed: {EFBIG}\n")), "{}", stderr_of(&r));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 1 MiB tmpfs, unmounted when the test ends however it ends.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts one, or says why not (not root, no mount permission in this container).
    fn mount(dir: &Path) -> Result<Tmpfs, String> {
        let mnt = dir.join("mnt");
        std::fs::create_dir_all(&mnt).map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(&mnt)
            .output()
            .map_err(|e| format!("mount: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(Tmpfs(mnt))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A real filesystem running out of space: ENOSPC at the write that finds it full (sync
/// and async), at the close that flushes into it, and for stdout redirected onto it.
#[test]
fn a_full_tmpfs_gives_enospc() {
    let dir = temp_dir("tmpfs");
    let fs = match Tmpfs::mount(&dir) {
        Ok(fs) => fs,
        Err(why) => {
            println!("note: skipping the tmpfs part of b12 (the /dev/full tests still run): cannot mount: {why}");
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
    };
    // Writes 2 MiB in 100 KB pieces into a 1 MiB filesystem, in one form.
    let fill = |name: &str, form: &str| {
        let f = fs.0.join(name);
        let f = f.to_string_lossy();
        let write = match form {
            "sync" => "print fh, $S0".to_string(),
            _ => "r = print fh, $S0, nocb\n    wait r\n    r.'throw'()".to_string(),
        };
        write_program(
            &dir,
            &format!("{form}.pir"),
            // The program's `{f}` is the file, `{write}` one write in the form, `{form}` its name.
            &include_str!("programs/fill-disk.pir")
                .replace("{f}", &f)
                .replace("{write}", &write)
                .replace("{form}", form),
        )
    };
    for (name, form) in [("a.out", "sync"), ("b.out", "async")] {
        let r = run_bounded(kea(&["run", &fill(name, form)]), Stdio::piped());
        assert_eq!(r.status.code(), Some(0), "{form}: {}", stderr_of(&r));
        assert_eq!(String::from_utf8_lossy(&r.stdout), format!("{form}: write failed: {ENOSPC}\n"));
        let len = std::fs::metadata(fs.0.join(name)).expect("file").len();
        assert!(len > 0 && len <= 1 << 20, "{form}: {len} bytes");
        std::fs::remove_file(fs.0.join(name)).expect("free the space");
    }

    // Fill it to the last byte, then: a buffered write fails at close, stdout fails at exit.
    let _ = std::fs::write(fs.0.join("filler"), vec![0u8; 2 << 20]);
    let f = fs.0.join("small.out");
    let prog = write_program(
        &dir,
        "close.pir",
        // `{path}` in the program is the file on the full filesystem.
        &include_str!("programs/close-on-full-disk.pir").replace("{path}", &f.to_string_lossy()),
    );
    let r = run_bounded(kea(&["run", &prog]), Stdio::piped());
    assert_eq!(r.status.code(), Some(0), "{}", stderr_of(&r));
    assert_eq!(String::from_utf8_lossy(&r.stdout), format!("print: ok\nclose: close failed: {ENOSPC}\n"));

    let prog = write_program(&dir, "hello.pir", SAY_HELLO);
    let to = std::fs::File::create(fs.0.join("stdout.txt")).expect("create on the full tmpfs");
    let r = run_bounded(kea(&["run", &prog]), Stdio::from(to));
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(stderr_of(&r), format!("kea: error: output lost: stdout: write failed: {ENOSPC}\n"));
    drop(fs);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Handles dropped while open are closed by the collector, which no request waits for: a
/// failure of their last flush is reported at exit, and the run fails.
#[test]
fn output_lost_by_a_collected_handle_is_reported() {
    let dir = temp_dir("gc");
    let prog = write_program(&dir, "gc.pir", include_str!("programs/collected-handles.pir"));
    let r = run_bounded(kea(&["run", &prog]), Stdio::piped());
    let err = stderr_of(&r);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert_eq!(String::from_utf8_lossy(&r.stdout), "done\n");
    // 3,000 open handles make the collector run (and close some) long before the end.
    assert!(err.contains(&format!("kea: error: output lost: '/dev/full': close failed: {ENOSPC}\n")), "{err}");
    assert!(err.lines().all(|l| l.starts_with("kea: error: output lost: '/dev/full': ")), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn request(n: u32) -> Waiter {
    Waiter { req: RequestId(u64::from(n)), wait: false }
}

/// Polls until `waiter` completes (at most 10 s).
fn wait_for<S: Sink>(host: &mut Reactor<S>, waiter: Waiter) -> IoResult {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        assert!(Instant::now() < deadline, "no completion for {waiter:?}");
        if let Some(c) = host.poll(Some(Duration::from_millis(10))).into_iter().find(|c| c.waiter == waiter) {
            return c.result;
        }
    }
}

/// /dev/full opened for writing with a few bytes in its buffer: the host and the handle.
fn full_device_with_buffered_bytes() -> (Reactor<CaptureSink>, u32) {
    let mut host = Reactor::new(CaptureSink::default(), Box::new(std::io::empty()));
    let opener = Waiter { req: RequestId(1 << 40), wait: true };
    assert!(host.submit(IoOp::Open { path: Str::from("/dev/full"), mode: Str::from("w") }, opener).is_none());
    let IoResult::Opened { handle, .. } = wait_for(&mut host, opener) else { panic!("/dev/full did not open") };
    let wrote = host.submit(IoOp::Write { handle, data: Str::from("buffered") }, opener);
    assert!(matches!(wrote, Some(IoResult::Written(8))), "{wrote:?}");
    (host, handle)
}

/// Polls until nothing is under way (at most 10 s); returns what completed.
fn settle<S: Sink>(host: &mut Reactor<S>) -> Vec<Waiter> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    while host.busy() {
        assert!(Instant::now() < deadline, "the host never settled");
        seen.extend(host.poll(Some(Duration::from_millis(10))).into_iter().map(|c| c.waiter));
    }
    seen
}

/// An async close in flight when its request is cancelled: its failure has no request to
/// go to, so it is reported (at `exit`, which cancels everything pending, too).
#[test]
fn a_cancelled_close_that_fails_is_reported() {
    let (mut host, handle) = full_device_with_buffered_bytes();
    let r = request(1);
    assert!(host.submit(IoOp::Close { handle }, r).is_none());
    assert_eq!(host.cancel(r.req), CancelOutcome::InProgress);
    assert_eq!(settle(&mut host), Vec::<Waiter>::new(), "a cancelled request completed");
    assert!(host.report_lost());
    assert_eq!(
        String::from_utf8_lossy(&host.sink.err),
        format!("kea: error: output lost: '/dev/full': close failed: {ENOSPC}\n")
    );
}

/// The same failure delivered to its request is the program's to handle: not reported
/// twice, and the run is not failed for it.
#[test]
fn a_close_failure_that_reaches_its_request_is_not_reported_again() {
    let (mut host, handle) = full_device_with_buffered_bytes();
    let r = request(1);
    assert!(host.submit(IoOp::Close { handle }, r).is_none());
    let result = wait_for(&mut host, r);
    assert!(matches!(&result, IoResult::Failed(m) if *m == format!("close failed: {ENOSPC}")), "{result:?}");
    host.finish();
    assert!(!host.report_lost());
    assert!(host.sink.err.is_empty());
}

/// A handle still open at exit with bytes in its buffer: the exit flush fails and says so.
#[test]
fn a_buffer_that_cannot_be_written_at_exit_is_reported() {
    let (mut host, _) = full_device_with_buffered_bytes();
    host.finish();
    assert!(host.report_lost());
    assert_eq!(
        String::from_utf8_lossy(&host.sink.err),
        format!("kea: error: output lost: '/dev/full': write failed: {ENOSPC}\n")
    );
}

/// stdout on a full disk, seen by the host: stderr still works.
#[derive(Default)]
struct FullStdout {
    err: Vec<u8>,
}

impl Sink for FullStdout {
    fn write(&mut self, fd: u32, bytes: &[u8]) -> std::io::Result<()> {
        if fd == 2 {
            self.err.extend_from_slice(bytes);
            return Ok(());
        }
        Err(std::io::Error::from_raw_os_error(28))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An async stdout write that failed at once, then was cancelled before the scheduler took
/// the failure: reported, not dropped with the cancelled request.
#[test]
fn a_cancelled_stdout_write_that_failed_is_reported() {
    let mut host = Reactor::new(FullStdout::default(), Box::new(std::io::empty()));
    let r = request(7);
    assert!(host.submit(IoOp::Write { handle: 1, data: Str::from("lost") }, r).is_none());
    assert_eq!(host.cancel(r.req), CancelOutcome::InProgress);
    assert!(host.report_lost());
    assert_eq!(
        String::from_utf8_lossy(&host.sink.err),
        format!("kea: error: output lost: stdout: write failed: {ENOSPC}\n")
    );
}

/// The same failure still waiting for the scheduler when the host finishes (the program
/// ended first): it never reaches its request, so it is reported.
#[test]
fn a_failed_write_still_undelivered_at_finish_is_reported() {
    let mut host = Reactor::new(FullStdout::default(), Box::new(std::io::empty()));
    assert!(host.submit(IoOp::Write { handle: 1, data: Str::from("lost") }, request(7)).is_none());
    host.finish();
    assert!(host.report_lost());
    assert_eq!(
        String::from_utf8_lossy(&host.sink.err),
        format!("kea: error: output lost: stdout: write failed: {ENOSPC}\n")
    );
}

/// Delivered, it is the program's: nothing is reported.
#[test]
fn a_failed_stdout_write_delivered_to_its_request_is_not_reported() {
    let mut host = Reactor::new(FullStdout::default(), Box::new(std::io::empty()));
    let r = request(7);
    assert!(host.submit(IoOp::Write { handle: 1, data: Str::from("x") }, r).is_none());
    assert!(matches!(wait_for(&mut host, r), IoResult::Failed(m) if m == format!("write failed: {ENOSPC}")));
    host.finish();
    assert!(!host.report_lost());
    assert!(host.sink.err.is_empty());
}
