//! Poll errors: EINTR is retried with the time left; any other error fails the run with a
//! clear message instead of being dropped (which used to leave every task blocked on IO
//! waiting for ever, or spin).

use super::*;
#[cfg(unix)]
use crate::sink::CaptureSink;
#[cfg(unix)]
use crate::{run_code, RunOptions};
use std::cell::Cell;
#[cfg(unix)]
use std::os::fd::AsRawFd;

#[test]
fn an_interrupted_wait_is_retried_with_the_time_left() {
    let calls = Cell::new(Vec::new());
    let r = retry_interrupted(Some(Duration::from_millis(200)), |t| {
        let mut seen = calls.take();
        seen.push(t);
        let n = seen.len();
        calls.set(seen);
        if n < 3 {
            std::thread::sleep(Duration::from_millis(20));
            Err(io::Error::from(io::ErrorKind::Interrupted))
        } else {
            Ok(())
        }
    });
    assert!(r.is_ok());
    let seen = calls.take();
    assert_eq!(seen.len(), 3, "two interruptions, then the wait that returns");
    assert_eq!(seen[0], Some(Duration::from_millis(200)));
    assert!(seen[1].is_some_and(|t| t < Duration::from_millis(200)), "a retry waits only for what is left");
    assert!(seen[2] < seen[1]);
}

#[test]
fn a_wait_without_timeout_is_retried_without_timeout() {
    let mut n = 0;
    let r = retry_interrupted(None, |t| {
        assert_eq!(t, None);
        n += 1;
        if n == 1 {
            Err(io::Error::from(io::ErrorKind::Interrupted))
        } else {
            Ok(())
        }
    });
    assert!(r.is_ok());
    assert_eq!(n, 2);
}

#[test]
fn another_poll_error_is_returned_not_retried() {
    let mut n = 0;
    let r = retry_interrupted(Some(Duration::from_secs(1)), |_| {
        n += 1;
        Err(io::Error::from_raw_os_error(22))
    });
    assert_eq!(r.map_err(|e| e.raw_os_error()), Err(Some(22)));
    assert_eq!(n, 1);
}

/// Unix only: it swaps a descriptor under the poller.
///
/// A reactor whose epoll descriptor is no epoll descriptor any more (`/dev/null` in its
/// place), so every `epoll_wait` fails with EINVAL.
#[cfg(unix)]
fn broken_reactor() -> Reactor<CaptureSink> {
    let reactor = Reactor::new(CaptureSink::default(), Box::new(io::empty()));
    let null = std::fs::File::open("/dev/null").expect("/dev/null");
    nix::unistd::dup2(null.as_raw_fd(), reactor.poll.as_raw_fd()).expect("dup2");
    reactor
}

#[cfg(unix)]
#[test]
fn a_poll_error_is_kept_for_the_scheduler() {
    let mut reactor = broken_reactor();
    assert!(reactor.poll(Some(Duration::from_millis(5))).is_empty());
    let e = reactor.take_failure().expect("the poll error is kept");
    assert_eq!(e.raw_os_error(), Some(22));
    assert!(reactor.take_failure().is_none(), "taken once");
}

#[cfg(unix)]
#[test]
fn a_poll_error_fails_the_run_with_a_clear_message() {
    // The sleep makes the scheduler wait in the poll.
    let code = kea_asm::assemble_str("t.pasm", "sleep 0.01\nsay \"not reached\"\nend\n").expect("assembles");
    let (status, _, reactor) = run_code(code, broken_reactor(), &RunOptions::default());
    let err = String::from_utf8_lossy(&reactor.sink.err).into_owned();
    assert_eq!(status, 1);
    assert_eq!(err, "kea: error: the IO reactor cannot wait for events: Invalid argument(22)\n");
    assert!(reactor.sink.out.is_empty());
}
