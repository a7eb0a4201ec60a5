//! Output that could not be written with nobody told: kept, and named at exit.
//!
//! ## Why lost output fails the run
//! Some flushes have no request to report to: stdout before a sleep, a stdin read or stderr
//! output; a close of a handle the collector freed; a failed write whose request was
//! cancelled; every buffer at exit. Dropping those errors would let `kea prog > /dev/full`
//! exit 0 with its output gone, so the reactor keeps them and [`Lost::report`] names each on
//! stderr at the end, and the run's status becomes 1 (as C's `close_stdout` does). A failure
//! that reached its request is the program's to handle and is not reported again.

use super::{Completion, Waiter};
use crate::os_error::os_error_text;
use crate::sink::Sink;
use kea_vm::host::RequestId;

/// Lost output, and failed writes watched until they reach their request.
#[derive(Default)]
pub struct Lost {
    /// One message each, said by [`Lost::report`].
    lost: Vec<String>,
    /// Writes whose request failed but is not yet handed to the scheduler: if the request
    /// is cancelled instead (at `exit`), its failure moves to `lost`. Almost always empty.
    failed_writes: Vec<(Waiter, String)>,
    /// Set by [`Lost::finish`]: no completion reaches the program any more.
    finishing: bool,
}

impl Lost {
    /// Flushes stdout for the runtime's own reasons (before a sleep, a stdin read, at exit):
    /// a failure has no request to go to, so it is kept.
    pub fn flush_sink(&mut self, sink: &mut dyn Sink) {
        if let Err(e) = sink.flush() {
            self.note(format!("stdout: write failed: {}", os_error_text(&e)));
        }
    }

    /// Remembers output that was lost with nobody told, once per message.
    pub fn note(&mut self, m: String) {
        if !self.lost.contains(&m) {
            self.lost.push(m);
        }
    }

    /// Will nobody hear the outcome of an operation for `waiter`? The runtime's own closes
    /// (of handles the collector freed) have waiter [`Waiter::NOBODY`]; a cancelled request's outcome
    /// is dropped; after [`Lost::finish`], nothing is delivered.
    pub fn unheard(&self, waiter: Waiter, cancelled: &[RequestId]) -> bool {
        waiter.req == RequestId::NONE || self.finishing || cancelled.contains(&waiter.req)
    }

    /// A write that failed (message `m`) for `waiter`. Lost if nobody will hear of it;
    /// watched if it is on its way to a request, in case the request is cancelled first.
    pub fn failed_write(&mut self, waiter: Waiter, m: String, cancelled: &[RequestId]) {
        if self.unheard(waiter, cancelled) {
            self.note(m);
        } else if !waiter.wait {
            self.watch(waiter, m);
        }
    }

    /// Watches a failed write on its way to request `waiter`.
    pub fn watch(&mut self, waiter: Waiter, m: String) {
        self.failed_writes.push((waiter, m));
    }

    /// These completions reach the scheduler: their failures are the program's now.
    pub fn delivered(&mut self, out: &[Completion]) {
        if !self.failed_writes.is_empty() {
            self.failed_writes.retain(|(w, _)| !out.iter().any(|c| c.waiter == *w));
        }
    }

    /// `waiter`'s request was cancelled before its completion was delivered: a failed write
    /// it carried is lost.
    pub fn cancelled(&mut self, waiter: Waiter) {
        if let Some(j) = self.failed_writes.iter().position(|(x, _)| *x == waiter) {
            let (_, m) = self.failed_writes.swap_remove(j);
            self.note(m);
        }
    }

    /// The run is ending: failed writes not yet handed to the scheduler never will be.
    pub fn finish(&mut self) {
        self.finishing = true;
        for (_, m) in std::mem::take(&mut self.failed_writes) {
            self.note(m);
        }
    }

    /// Names each loss on stderr (`kea: error: output lost: ...`); true if there was any.
    pub fn report(&mut self, sink: &mut dyn Sink) -> bool {
        let lost = std::mem::take(&mut self.lost);
        for m in &lost {
            let _ = sink.write(2, format!("kea: error: output lost: {m}\n").as_bytes());
        }
        !lost.is_empty()
    }
}
