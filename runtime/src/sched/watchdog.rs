//! The deadline thread: `--max-time` as the VM's interrupt flag (`kea_vm::interrupt`).
//!
//! The scheduler checks the deadline between ticks, but one long op (a huge `repeat`, an
//! array resize) runs inside a slice where the scheduler cannot look. A thread of our own
//! sleeps until the deadline and raises [`Reason::DEADLINE`]; the VM sees it between slices
//! and inside long ops and stops with `Step::Interrupted`, and the scheduler then ends the
//! run with its time-limit report. The VM reads no clock: the thread does.

use kea_vm::interrupt::{Interrupt, Reason};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::Duration;

/// While alive, raises [`Reason::DEADLINE`] on its flag once `after` has passed; dropped
/// before then, its thread ends at once without raising anything.
pub(crate) struct Watchdog {
    _stop: Sender<()>,
}

impl Watchdog {
    /// Starts the thread; `None` if the OS refused one (the scheduler's own check between
    /// ticks still ends the run, only later inside a long op).
    pub(crate) fn start(flag: Interrupt, after: Duration) -> Option<Watchdog> {
        let (stop, wait) = channel::<()>();
        std::thread::Builder::new()
            .name("kea-deadline".into())
            .spawn(move || {
                if let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(after) {
                    flag.raise(Reason::DEADLINE);
                }
            })
            .ok()?;
        Some(Watchdog { _stop: stop })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raises_at_the_deadline_and_not_after_a_drop() {
        let flag = Interrupt::new();
        let dog = Watchdog::start(flag.clone(), Duration::from_millis(1));
        while !flag.pending().has(Reason::DEADLINE) {
            std::thread::sleep(Duration::from_millis(1));
        }
        drop(dog);
        let quiet = Interrupt::new();
        drop(Watchdog::start(quiet.clone(), Duration::from_secs(60)));
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(quiet.pending(), Reason(0));
    }
}
