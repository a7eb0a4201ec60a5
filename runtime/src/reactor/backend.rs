//! What a backend must provide: the contract between the [`Reactor`](super::Reactor) and the
//! modules under `backend/` that reach the OS (stdio, files, DNS, sockets; a process backend
//! would be one more).
//!
//! ## The contract
//! - **Ownership.** A backend owns the handles it opens: it asks for each with
//!   [`Cx::open`] and gives it back with [`Cx::close`]. The handle id is the key of the
//!   reactor's source table and, for a source registered with mio, its [`mio::Token`]
//!   ([`token`]). Every later op on that handle, and every readiness event for that token,
//!   comes to the owner and to nobody else.
//! - **Ops that name no handle of their own** (open, connect, resolve) go to the first
//!   backend, in the reactor's list, whose [`Backend::takes`] says yes. A backend may hand an
//!   op on with [`Cx::hand_on`] (DNS, once a host name is resolved); it is routed afresh.
//! - **Completions.** `submit` returns a result known at once (the reactor hands it back to
//!   the scheduler for a waiting task, or queues it for an async op); everything later goes to
//!   [`Cx::done`], in the order the backend finishes it. Requests on one handle complete in
//!   submission order (DESIGN §2): a backend keeps one queue per handle.
//! - **Never block.** Work that can block (a file read, `getaddrinfo`, reading stdin) runs
//!   on the backend's own threads; they post results on the backend's channel and wake the
//!   poll with [`Cx::waker`]; [`Backend::drain`] takes them in. Everything else is
//!   non-blocking: a readiness event is a hint, so drain until `WouldBlock`.
//! - **Time.** A backend with timeouts says when the next one is due
//!   ([`Backend::next_deadline`]); the poll wakes by then and [`Backend::expire`] fails what
//!   is late.
//! - **Accounting.** [`Backend::busy`] is true while anything is under way that will end by
//!   itself (the program is not finished, and the poll may wait for it). Output that fails
//!   with nobody to tell goes to [`Cx::lost`].
//!
//! A backend is one module implementing [`Backend`], plus one line in the list in
//! `backend/mod.rs`.

use super::lost::Lost;
use super::{CancelOutcome, Completion, HandleId, Sources, Waiter};
use crate::sink::Sink;
use kea_vm::host::RequestId;
use kea_vm::interp::{IoOp, IoResult};
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

/// One kind of IO, as the reactor drives it. See the module doc for the contract.
pub trait Backend {
    /// Claims an op that names no handle this backend owns (open, connect, resolve): true
    /// when this backend starts it. Ops on a handle go to its owner without asking.
    fn takes(&self, _op: &IoOp) -> bool {
        false
    }

    /// Starts `op` for `waiter`. A result known at once is returned; a later one goes to
    /// [`Cx::done`].
    fn submit(&mut self, cx: &mut Cx<'_>, op: IoOp, waiter: Waiter) -> Option<IoResult>;

    /// A readiness event for a handle this backend registered with mio.
    fn event(&mut self, _cx: &mut Cx<'_>, _handle: HandleId, _event: &mio::event::Event) {}

    /// Takes in what the backend's threads finished, without waiting. Called at every
    /// reactor step, before and after the poll.
    fn drain(&mut self, _cx: &mut Cx<'_>) {}

    /// The earliest timeout of a waiting operation.
    fn next_deadline(&self) -> Option<Instant> {
        None
    }

    /// Fails the operations whose time is up at `now`.
    fn expire(&mut self, _cx: &mut Cx<'_>, _now: Instant) {}

    /// Cancels the operation of `waiter` if this backend holds it: `None` if it does not.
    fn cancel(&mut self, cx: &mut Cx<'_>, waiter: Waiter) -> Option<CancelOutcome>;

    /// Is anything under way that will complete by itself?
    fn busy(&self) -> bool;

    /// Writes out every buffer, blocking; failures go to [`Cx::lost`].
    fn flush(&mut self, _cx: &mut Cx<'_>) {}

    /// At exit: starts what is still queued and says whether work is out that the exit
    /// should wait for (a write on its way to a file; not a read of stdin, which may never
    /// end).
    fn finish(&mut self, _cx: &mut Cx<'_>) -> bool {
        false
    }
}

/// What a backend gets from the reactor on each call.
pub struct Cx<'a> {
    /// The poll's registry: sources are registered under [`token`] of their handle.
    pub registry: &'a mio::Registry,
    /// Wakes the poll from the backend's threads.
    pub waker: &'a Arc<mio::Waker>,
    /// Program output (stdout and stderr).
    pub sink: &'a mut dyn Sink,
    /// Output lost with nobody told, and failed writes watched until they are delivered.
    pub lost: &'a mut Lost,
    /// Requests cancelled while in flight: their outcome will be dropped.
    pub cancelled: &'a [RequestId],
    /// File worker threads (`--io-threads`).
    pub threads: usize,
    pub(super) ready: &'a mut VecDeque<Completion>,
    pub(super) sources: &'a mut Sources,
    pub(super) forward: &'a mut Vec<(IoOp, Waiter)>,
    /// The index of the backend being called, which owns what it opens.
    pub(super) me: usize,
}

impl Cx<'_> {
    /// `waiter`'s operation finished with `result`.
    pub fn done(&mut self, waiter: Waiter, result: IoResult) {
        self.ready.push_back(Completion { waiter, result });
    }

    /// A sync op that finished during its own `submit` need not park its task: its result,
    /// taken back from the completions, if it was the last one.
    pub fn now(&mut self, waiter: Waiter) -> Option<IoResult> {
        if waiter.wait && self.ready.back().is_some_and(|c| c.waiter == waiter) {
            return self.ready.pop_back().map(|c| c.result);
        }
        None
    }

    /// A new handle, owned by the calling backend.
    pub fn open(&mut self) -> HandleId {
        self.sources.insert(self.me)
    }

    /// Gives handle `id` back: later ops on it find it closed.
    pub fn close(&mut self, id: HandleId) {
        self.sources.remove(id);
    }

    /// Hands `op` back to the reactor, to be routed afresh (after this call returns).
    pub fn hand_on(&mut self, op: IoOp, waiter: Waiter) {
        self.forward.push((op, waiter));
    }
}

/// The mio token of handle `id`: the handle id itself.
pub fn token(id: HandleId) -> mio::Token {
    mio::Token(id as usize)
}
