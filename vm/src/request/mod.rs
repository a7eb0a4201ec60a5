//! The VM's request table: every IO op and every scheduler call that has an answer is one
//! entry here from the op that asks until the answer is delivered (DESIGN §2).
//!
//! An entry records what the answer needs and nothing the host sees: the [`Kind`] of the
//! op (which picks the result conversion in `complete.rs`), the PMC the op works on (a read
//! sets its eof flag, `connect` gives its Socket an id), and where the answer goes ([`To`]):
//! a register of the waiting task, a native method's return values, or the Request PMC of
//! the async form. The sync form is the async form plus wait: the same entry, with a
//! register as its destination instead of a Request PMC.
//!
//! ## Why a slab with generations
//! Requests come and go at the rate of `print`s; a slab reuses slots without allocating.
//! A slot's generation goes into the [`RequestId`], so an id is never given out twice and a
//! late answer (after a cancel) cannot complete the request that took its slot: the same
//! rule as the reactor's handle ids.

pub(crate) mod ask;
mod complete;
pub(crate) mod ops;

use crate::error::Exc;
use crate::host::{IoOp, RequestId};
use crate::pmc::value::{Elem, PVal, PmcRef};

/// Which conversion an answer takes (`complete.rs`), chosen from the op that asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing special: a value, or nothing.
    Plain,
    /// Bytes handed to the OS (a write, a send): the count is the request's `bytes`.
    Write,
    /// Bytes read from the handle: its eof flag, its encoding.
    Data,
    /// A new host handle for a FileHandle (`open`, `fdopen`).
    Open,
    /// A host socket for the Socket the op was called on (`connect`, `bind`).
    Connect,
    /// A new connection; `stream`: one answer per connection (an async `accept`).
    Accept {
        /// The request stays pending after each connection.
        stream: bool,
    },
    /// Addresses as Sockaddr PMCs (`sockaddr`, `getaddrinfo`, `local_address`).
    Resolve,
    /// A datagram and its sender (`recvfrom`).
    Datagram,
    /// TLS is on for the Socket.
    Tls,
}

impl Kind {
    /// The conversion `op`'s answer takes.
    pub(crate) fn of(op: &IoOp) -> Kind {
        use crate::host::NetOp as N;
        match op {
            IoOp::Write { .. } | IoOp::Net(N::Send { .. } | N::SendTo { .. }) => Kind::Write,
            IoOp::Read { .. }
            | IoOp::ReadLine { .. }
            | IoOp::ReadAll { .. }
            | IoOp::Peek { .. }
            | IoOp::Net(N::Recv { .. }) => Kind::Data,
            IoOp::Open { .. } | IoOp::FdOpen { .. } => Kind::Open,
            IoOp::Net(N::Connect { .. } | N::Bind { .. }) => Kind::Connect,
            IoOp::Net(N::Accept { stream, .. }) => Kind::Accept { stream: *stream },
            IoOp::Net(N::Resolve { .. } | N::Address { .. }) => Kind::Resolve,
            IoOp::Net(N::RecvFrom { .. }) => Kind::Datagram,
            IoOp::Net(N::Tls { .. }) => Kind::Tls,
            _ => Kind::Plain,
        }
    }
}

/// A register of the frame that made the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reg {
    /// No register: the op has no result (`print`, `seek`).
    None,
    /// An S register.
    S(u16),
    /// An I register.
    I(u16),
    /// A P register.
    P(u16),
}

/// Where an answer goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum To {
    /// A register of the waiting task's top frame (a sync op).
    Reg(Reg),
    /// The waiting task's return values (a sync native method).
    Rets,
    /// This Request PMC (the async form).
    Request(PmcRef),
}

/// One request on its way.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Which conversion its answer takes.
    pub kind: Kind,
    /// The PMC the op works on (FileHandle, Socket), if any.
    pub handle: PVal,
    /// Where the answer goes.
    pub to: To,
    /// The converted answer, kept until the waiting task runs (sync forms only).
    pub answer: Option<Result<Elem, Exc>>,
}

/// One slot of the table.
#[derive(Debug, Default)]
struct Slot {
    /// Bumped each time the slot is freed, so an old id no longer finds it.
    generation: u32,
    entry: Option<Entry>,
}

/// The table of requests on their way.
#[derive(Debug, Default)]
pub(crate) struct Requests {
    slots: Vec<Slot>,
    /// Free slots, most recently freed last.
    free: Vec<u32>,
}

impl Requests {
    /// Adds `entry`; its id.
    pub(crate) fn insert(&mut self, entry: Entry) -> RequestId {
        let index = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push(Slot::default());
                (self.slots.len() - 1) as u32
            }
        };
        let slot = &mut self.slots[index as usize];
        slot.entry = Some(entry);
        RequestId((u64::from(slot.generation) << 32) | u64::from(index))
    }

    fn slot(&mut self, id: RequestId) -> Option<&mut Slot> {
        let index = (id.0 & u64::from(u32::MAX)) as usize;
        let generation = (id.0 >> 32) as u32;
        self.slots.get_mut(index).filter(|s| s.generation == generation && s.entry.is_some())
    }

    /// The entry of `id`, if it is still on its way.
    pub(crate) fn get_mut(&mut self, id: RequestId) -> Option<&mut Entry> {
        self.slot(id).and_then(|s| s.entry.as_mut())
    }

    /// Takes `id`'s entry out; its id is dead from now on.
    pub(crate) fn remove(&mut self, id: RequestId) -> Option<Entry> {
        let slot = self.slot(id)?;
        let e = slot.entry.take();
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push((id.0 & u64::from(u32::MAX)) as u32);
        e
    }

    /// The PMCs the entries hold (GC roots: a Request PMC the program dropped still gets
    /// its answer and runs its callback).
    pub(crate) fn roots(&self) -> impl Iterator<Item = PmcRef> + '_ {
        self.slots.iter().filter_map(|s| s.entry.as_ref()).flat_map(|e| {
            let req = match e.to {
                To::Request(r) => Some(r),
                _ => None,
            };
            let answer = match &e.answer {
                Some(Ok(Elem::P(p))) => *p,
                _ => None,
            };
            req.into_iter().chain(e.handle).chain(answer)
        })
    }
}
