//! Native methods, carried out: the class table (`pmc/mod.rs`) picks the invocant's
//! methods by its data variant, the method works on the heap and says what it needs of the
//! VM in its [`Reply`], and [`Vm::native_method`] does that. An IO operation goes through
//! the request side (`request/ask.rs`) exactly as the op of the same name does.

use super::Vm;
use crate::error::Exc;
use crate::host::{SchedCall, Step, TimerChange};
use crate::pmc::{Ask, Elem, Io, Native, PmcRef, Reply};
use crate::request::ask::Sync;
use crate::request::{Kind, To};
use crate::string::Str;

impl Vm {
    /// The methods built-in PMCs answer without a sub (`Request`, `Task`, `FileHandle`,
    /// `Socket` ...). `args` are the values of the call's `set_args`, invocant first; the
    /// result goes to `rets` for `get_results`. `None`: not a native method.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(crate) fn native_method(
        &mut self,
        args: &[Elem],
        rets: &mut Vec<Elem>,
        name: &Str,
    ) -> Option<Result<Native, Exc>> {
        let Some(Elem::P(Some(obj))) = args.first().cloned() else { return None };
        let method = self.heap.get(obj).methods()?;
        let reply = method(&mut self.heap, obj, name, &args[1..])?;
        Some(reply.and_then(|r| self.carry_out(r, rets)))
    }

    /// Does what a method's reply asks.
    fn carry_out(&mut self, reply: Reply, rets: &mut Vec<Elem>) -> Result<Native, Exc> {
        let value = |rets: &mut Vec<Elem>, v: Option<Elem>| {
            rets.clear();
            rets.extend(v);
            Native::Done
        };
        Ok(match reply {
            Reply::Value(v) => value(rets, v),
            Reply::Throw(e) => Native::Throw(e),
            Reply::Sched(call) => Native::Step(Step::Sched(call)),
            Reply::Cancel(r) => {
                let req = self.new_request_entry(Kind::Plain, None, To::Rets);
                Native::Step(Step::Sched(SchedCall::Cancel(r, req)))
            }
            Reply::StdHandle(fd) => value(rets, Some(Elem::P(self.std_pmc(fd)))),
            Reply::Io(io) => self.method_io(io, rets)?,
        })
    }

    /// An IO method: the sync form leaves the loop until the answer, which becomes the
    /// return value (a StringHandle's at once); the async form returns its Request.
    fn method_io(&mut self, io: Io, rets: &mut Vec<Elem>) -> Result<Native, Exc> {
        let Io { ask, on, cb, name } = io;
        let h = Some(on);
        let sync = match (ask, cb) {
            (Ask::Failed(e), None) => return Err(e),
            (Ask::Failed(e), Some(_)) => return Ok(returns_request(self.ask_failed(cb, h, name, e)?, rets)),
            (Ask::Addressed(op), None) => Sync::Submit(self.submit(op, h, To::Rets)),
            (Ask::Addressed(op), Some(_)) => return Ok(returns_request(self.ask_async_host(cb, h, name, op)?, rets)),
            (Ask::Handle(crate::host::IoOp::Close { .. }), None) => self.close_sync(h, To::Rets)?,
            (Ask::Handle(crate::host::IoOp::Close { .. }), Some(_)) => {
                return Ok(returns_request(self.close_async(cb, h)?, rets))
            }
            (Ask::Handle(op), None) => self.ask_sync(h, h, To::Rets, |id| op.on(id))?,
            (Ask::Handle(op), Some(_)) => {
                return Ok(returns_request(self.ask_async(cb, h, name, true, |id| op.on(id))?, rets))
            }
        };
        Ok(match sync {
            Sync::Submit(step) => Native::Step(step),
            Sync::Now(Elem::P(None)) => {
                rets.clear();
                Native::Done
            }
            Sync::Now(v) => {
                rets.clear();
                rets.push(v);
                Native::Done
            }
        })
    }

    /// Starts a Timer PMC (what invoking one does).
    pub(crate) fn timer_invoke(&mut self, p: PmcRef) -> Option<Step> {
        self.heap.timer_invoke(p)
    }

    /// A keyed set on a Timer, which may start or stop it.
    pub(crate) fn timer_set(&mut self, p: PmcRef, key: i64, v: Elem) -> Result<TimerChange, Exc> {
        self.heap.timer_set(p, key, v)
    }
}

/// An async method's result: its Request, with the step that submits it.
fn returns_request((r, step): (PmcRef, Step), rets: &mut Vec<Elem>) -> Native {
    rets.clear();
    rets.push(Elem::P(Some(r)));
    Native::Step(step)
}
