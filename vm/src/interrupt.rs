//! The VM interrupt check: one flag the host sets from any thread, looked at by the VM at its
//! safe points and inside long ops, so that no op escapes `--max-time`, a memory limit, Ctrl-C
//! or a pending signal, and the VM still reads no clock of its own.
//!
//! ## Who sets it
//! The host keeps a clone of [`Interrupt`] (it is `Send + Sync`: an `Arc` of one atomic word)
//! and calls [`Interrupt::raise`] with a [`Reason`]:
//! - the runtime's deadline thread raises [`Reason::DEADLINE`] when `--max-time` runs out
//!   (`runtime/src/sched/watchdog.rs`);
//! - a memory limit raises [`Reason::MEMORY`];
//! - the REPL raises [`Reason::USER`] on Ctrl-C while an input runs;
//! - a signal handler raises [`Reason::SIGNAL`] for a pending signal.
//!
//! The flag stays raised until the host clears it ([`Interrupt::clear`]): an interruption
//! that some code swallowed is still seen at the next safe point.
//!
//! ## Where the VM looks
//! - **Safe points**: [`Vm::run`](crate::interp::Vm::run) looks once on entry, that is between
//!   slices, where the host already counts fuel; with any reason raised it returns
//!   [`Step::Interrupted`](crate::host::Step::Interrupted) before running an op. The hot
//!   loop itself never looks (a slice is at most `--batch` ops).
//! - **Inside long ops** (sprintf padding, `repeat`, BigInt arithmetic and conversions, array
//!   resizes): every [`Meter::CHUNK`] bytes or so of work the op calls [`Meter::work`], which
//!   charges fuel for it and, when a reason that stops work is raised ([`Reason::STOP`]:
//!   deadline, memory, user), fails the op with [`Exc::interrupted`]. That error is not a
//!   Parrot exception: no handler sees it, the op has written nothing, and the task stops with
//!   `Step::Interrupted` with its pc still at the op, so a host that clears the flag and runs
//!   the task again runs the op again from the start. A pending signal alone does not stop a
//!   long op: it is taken at the next safe point.
//!
//! ## Fuel in proportion
//! An op whose cost grows with its operands charges fuel for it through [`Meter::work`]
//! (one op per [`Meter::BYTES_PER_OP`] bytes, or per word of BigInt work): the charge is added
//! to the task's op count when [`Vm::run`](crate::interp::Vm::run) returns, so `--max-ops` and
//! the scheduler's slices count it, and a handler that ran up a large charge ends the slice
//! after its op (`interp/fuel.rs`).

use crate::error::{types, Exc};
use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// Why the host interrupts the VM: one bit each, so several can be pending at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason(pub u32);

impl Reason {
    /// The wall-time limit (`--max-time`) has passed.
    pub const DEADLINE: Reason = Reason(1);
    /// The memory limit was reached.
    pub const MEMORY: Reason = Reason(2);
    /// The user asked to stop (Ctrl-C in the REPL).
    pub const USER: Reason = Reason(4);
    /// A signal is pending; the host delivers it at the next safe point.
    pub const SIGNAL: Reason = Reason(8);
    /// The reasons that stop a long op in the middle.
    pub const STOP: Reason = Reason(1 | 2 | 4);

    /// Does `self` include any reason in `other`?
    pub fn has(self, other: Reason) -> bool {
        self.0 & other.0 != 0
    }
}

/// The flag: cheap to clone, shared between the VM and whoever interrupts it.
#[derive(Debug, Clone, Default)]
pub struct Interrupt(Arc<AtomicU32>);

impl Interrupt {
    /// A flag with nothing raised.
    pub fn new() -> Interrupt {
        Interrupt::default()
    }

    /// Raises `r` (from any thread).
    pub fn raise(&self, r: Reason) {
        self.0.fetch_or(r.0, Ordering::Release);
    }

    /// Clears `r`.
    pub fn clear(&self, r: Reason) {
        self.0.fetch_and(!r.0, Ordering::Release);
    }

    /// The reasons raised now (`Reason(0)`: none).
    #[inline]
    pub fn pending(&self) -> Reason {
        Reason(self.0.load(Ordering::Relaxed))
    }

    /// Is a reason raised that stops long work?
    #[inline]
    pub fn stopping(&self) -> bool {
        self.pending().has(Reason::STOP)
    }
}

/// What long work inside one op reports to: the interrupt flag and the fuel it owes.
#[derive(Debug, Default)]
pub struct Meter {
    /// The VM's interrupt flag (the host holds clones of it).
    pub interrupt: Interrupt,
    /// Ops charged by long work since [`Vm::run`](crate::interp::Vm::run) last collected.
    owed: Cell<u64>,
}

impl Meter {
    /// Long work looks at the flag about this often (in bytes, or BigInt words times 8).
    pub const CHUNK: usize = 1 << 20;
    /// One op of fuel is charged per this many bytes of work (a plain op costs about as much
    /// as copying 64 bytes).
    pub const BYTES_PER_OP: u64 = 64;

    /// Charges `bytes` of work and fails with [`Exc::interrupted`] if the host asked to stop.
    #[inline]
    pub fn work(&self, bytes: usize) -> Result<(), Exc> {
        self.charge(bytes as u64 / Self::BYTES_PER_OP);
        self.check()
    }

    /// Fails with [`Exc::interrupted`] if the host asked to stop.
    #[inline]
    pub fn check(&self) -> Result<(), Exc> {
        if self.interrupt.stopping() {
            return Err(Exc::interrupted());
        }
        Ok(())
    }

    /// Charges `ops` of fuel.
    #[inline]
    pub fn charge(&self, ops: u64) {
        self.owed.set(self.owed.get().saturating_add(ops));
    }

    /// The fuel charged so far and not yet collected.
    pub fn owed(&self) -> u64 {
        self.owed.get()
    }

    /// Takes the fuel charged so far.
    pub fn take_owed(&self) -> u64 {
        self.owed.replace(0)
    }
}

impl Exc {
    /// An op stopped because the host raised the interrupt flag: not a Parrot exception (no
    /// handler sees it); the task stops with `Step::Interrupted` at the op.
    #[cold]
    pub fn interrupted() -> Exc {
        Exc::new(types::KEA_INTERRUPTED, "interrupted")
    }

    /// Is this [`Exc::interrupted`]?
    pub fn is_interrupt(&self) -> bool {
        self.kind == types::KEA_INTERRUPTED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raise_and_clear_from_another_thread() {
        let flag = Interrupt::new();
        let other = flag.clone();
        std::thread::spawn(move || other.raise(Reason::DEADLINE)).join().unwrap();
        assert!(flag.pending().has(Reason::DEADLINE));
        assert!(flag.stopping());
        flag.clear(Reason::DEADLINE);
        assert_eq!(flag.pending(), Reason(0));
    }

    #[test]
    fn a_signal_does_not_stop_long_work() {
        let m = Meter::default();
        m.interrupt.raise(Reason::SIGNAL);
        assert!(m.work(Meter::CHUNK).is_ok());
        m.interrupt.raise(Reason::USER);
        assert!(m.work(Meter::CHUNK).unwrap_err().is_interrupt());
        assert_eq!(m.take_owed(), 2 * Meter::CHUNK as u64 / Meter::BYTES_PER_OP);
        assert_eq!(m.owed(), 0);
    }
}
