//! Scheduler ops and the methods of the built-in IO and scheduler PMCs.
//!
//! The VM decides what it can alone (is the request already complete? is the mailbox empty
//! of this Task PMC?) and hands the rest to the runtime's scheduler as a [`SchedCall`] in
//! [`Step::Sched`]. The runtime answers through [`Vm::complete_io`] when the call has a
//! result (`receive`, `cancel`, `current_task`).

use super::io::{IoOp, IoRequest, IoStep};
use super::{Frame, IoDst, Step, Vm};
use crate::error::{types, Exc};
use crate::op::Op;
use crate::pmc::{Elem, PVal, PmcData, PmcRef};
use crate::pmc::{ReqState, TaskData, TaskStatus, TimerChange};
use crate::string::Str;

/// What a task asks of the scheduler.
#[derive(Debug, Clone)]
pub enum SchedCall {
    /// Start this Task PMC (a new green thread, or an event to dispatch). `local`: run it
    /// before every other task (`schedule_local`).
    Schedule {
        /// The Task PMC.
        task: PmcRef,
        /// Ahead of the others.
        local: bool,
    },
    /// Park the caller until this pending Request or running Task completes.
    Wait(PmcRef),
    /// Yield the rest of the slice.
    Pass,
    /// Park the caller for this many seconds.
    Sleep(f64),
    /// End the calling task.
    Terminate,
    /// Take the next message from the caller's mailbox (the result goes to the op's
    /// register through [`Vm::complete_io`]); park while it is empty.
    Receive,
    /// A message was put in this Task PMC's mailbox.
    Sent(PmcRef),
    /// A Timer PMC was started or stopped.
    Timer(PmcRef, TimerChange),
    /// Register an EventHandler PMC.
    AddHandler(PmcRef),
    /// End the task of this Task PMC.
    Kill(PmcRef),
    /// Cancel this request; the result (what happened, as a string) goes to the caller.
    Cancel(PmcRef),
    /// This request is already complete (the VM did it): run its callback.
    Completed(PmcRef),
    /// The caller's own Task PMC, as the result.
    CurrentTask,
    /// Turn preemption of the caller off (`false`) or back on.
    Preemption(bool),
    /// A safe point: let due work run (`check_events`).
    CheckEvents,
}

impl Vm {
    /// The scheduler ops. `Ok(Some(step))` leaves the run loop with the pc after the op;
    /// `None` means `op` is not one of them.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn exec_sched(&mut self, f: &mut Frame, io_dst: &mut Option<IoDst>, pc: usize) -> Option<IoStep> {
        let op = *f.code.ops.get(pc)?;
        let sched = |c| Ok(Some(Step::Sched(c)));
        Some(match op {
            Op::schedule_p { task } | Op::schedule_local_p { task } => {
                let local = matches!(op, Op::schedule_local_p { .. });
                match self.as_task(f.p[task.0 as usize]) {
                    Ok(t) => sched(SchedCall::Schedule { task: t, local }),
                    Err(e) => Err(e),
                }
            }
            Op::wait_p { what } => match f.p[what.0 as usize].map(|r| (r, self.heap.get(r))) {
                Some((_, PmcData::Request(q))) if q.state != ReqState::Pending => Ok(None),
                Some((_, PmcData::Task(t))) if t.status == TaskStatus::Done => Ok(None),
                Some((_, PmcData::Task(t))) if t.status == TaskStatus::Created => {
                    Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "wait: the task was never scheduled"))
                }
                Some((r, PmcData::Request(_) | PmcData::Task(_))) => sched(SchedCall::Wait(r)),
                Some((_, d)) => Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("wait: {} is neither a Task nor a Request", d.class_name()),
                )),
                None => Err(Exc::null_access("wait")),
            },
            Op::pass {} => sched(SchedCall::Pass),
            Op::terminate {} => sched(SchedCall::Terminate),
            Op::receive_p { dst } => {
                *io_dst = Some(IoDst::P(dst.0));
                sched(SchedCall::Receive)
            }
            Op::current_task_p { dst } => {
                *io_dst = Some(IoDst::P(dst.0));
                sched(SchedCall::CurrentTask)
            }
            Op::addhandler_p { handler } => match f.p[handler.0 as usize].map(|r| (r, self.heap.get(r))) {
                Some((r, PmcData::EventHandler(h))) => {
                    if h.code.is_none() {
                        Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "addhandler: the handler has no code"))
                    } else {
                        sched(SchedCall::AddHandler(r))
                    }
                }
                Some((_, d)) => Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("addhandler: {} is not an EventHandler", d.class_name()),
                )),
                None => Err(Exc::null_access("addhandler")),
            },
            Op::box_p_i { dst, src } => {
                f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::Integer(super::ia(f, src))));
                Ok(None)
            }
            Op::box_p_n { dst, src } => {
                f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::Float(super::na(f, src))));
                Ok(None)
            }
            Op::box_p_s { dst, src } => {
                f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::String(super::sa(f, src))));
                Ok(None)
            }
            Op::check_events {} => sched(SchedCall::CheckEvents),
            Op::disable_preemption {} => sched(SchedCall::Preemption(false)),
            Op::enable_preemption {} => sched(SchedCall::Preemption(true)),
            Op::sleep_i { secs } => {
                let s = super::ia(f, secs);
                if s < 0 {
                    Err(Exc::new(types::EXCEPTION_NEG_SLEEP, "Cannot go back in time"))
                } else {
                    sched(SchedCall::Sleep(s as f64))
                }
            }
            Op::sleep_n { secs } => {
                let s = super::na(f, secs);
                if s < 0.0 || s.is_nan() {
                    Err(Exc::new(types::EXCEPTION_NEG_SLEEP, "Cannot go back in time"))
                } else {
                    sched(SchedCall::Sleep(s))
                }
            }
            _ => return None,
        })
    }

    /// A Task PMC for `schedule`: a Task as it is, a Sub wrapped in a new Task.
    fn as_task(&mut self, p: PVal) -> Result<PmcRef, Exc> {
        match p.map(|r| (r, self.heap.get(r))) {
            Some((r, PmcData::Task(t))) => {
                if t.status != TaskStatus::Created {
                    return Err(Exc::new(
                        types::EXCEPTION_INVALID_OPERATION,
                        "schedule: the task is already scheduled",
                    ));
                }
                if !t.is_event() && !matches!(t.code.map(|c| self.heap.get(c)), Some(PmcData::Sub(..))) {
                    return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "schedule: the task has no code to run"));
                }
                Ok(r)
            }
            Some((r, PmcData::Sub(..))) => {
                Ok(self.heap.alloc(PmcData::Task(Box::new(TaskData { code: Some(r), ..TaskData::default() }))))
            }
            Some((_, d)) => Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("schedule: {} is neither a Task nor a Sub", d.class_name()),
            )),
            None => Err(Exc::null_access("schedule")),
        }
    }

    /// Starts a Timer PMC (what invoking one does).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn timer_invoke(&mut self, p: PmcRef) -> Option<Step> {
        match self.heap.get(p) {
            PmcData::Timer(_) => Some(Step::Sched(SchedCall::Timer(p, TimerChange::Start))),
            _ => None,
        }
    }

    /// A keyed set on a Timer, which may start or stop it.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn timer_set(&mut self, p: PmcRef, key: i64, v: Elem) -> Result<TimerChange, Exc> {
        let (int, num) = (self.heap.elem_int(&v).unwrap_or(0), self.heap.elem_num(&v).unwrap_or(0.0));
        let pmc = match v {
            Elem::P(p) => p,
            _ => None,
        };
        match self.heap.get_mut(p) {
            PmcData::Timer(t) => t.set_key(key, int, num, pmc),
            d => Err(Exc::unsupported("set_keyed", d.class_name())),
        }
    }

    /// The methods built-in PMCs answer without a sub (`Request`, `Task`, `FileHandle`,
    /// `StringHandle`). `args` are the values of the call's `set_args`, invocant first; the
    /// result goes to `rets` for `get_results`. `None`: not a native method.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn native_method(
        &mut self,
        args: &[Elem],
        rets: &mut Vec<Elem>,
        io_dst: &mut Option<IoDst>,
        name: &Str,
    ) -> Option<Result<Native, Exc>> {
        let Some(Elem::P(Some(obj))) = args.first().cloned() else { return None };
        let class = self.heap.class_name(obj);
        let rest = &args[1..];
        let r = match class {
            "Request" => self.request_method(obj, name, rest, io_dst),
            "Task" => self.task_method(obj, name, rest),
            "FileHandle" | "StringHandle" => self.handle_method(obj, name, rest, io_dst),
            "Socket" => self.socket_method(obj, name, rest, io_dst),
            "Sockaddr" => self.sockaddr_method(obj, name),
            _ => return None,
        }?;
        Some(r.map(|reply| match reply {
            Reply::Value(v) => {
                rets.clear();
                rets.extend(v);
                Native::Done
            }
            Reply::Step(s) => Native::Step(s),
            Reply::Async(req, s) => {
                rets.clear();
                rets.push(Elem::P(Some(req)));
                Native::Step(s)
            }
            Reply::Throw(e) => Native::Throw(e),
        }))
    }

    fn request_method(
        &mut self,
        r: PmcRef,
        name: &Str,
        args: &[Elem],
        io_dst: &mut Option<IoDst>,
    ) -> Option<Result<Reply, Exc>> {
        let PmcData::Request(q) = self.heap.get(r) else { return None };
        let val = |e: Elem| Ok(Reply::Value(Some(e)));
        Some(match name.as_bytes() {
            b"return" => val(Elem::P(q.result)),
            b"error" => val(Elem::P(q.error)),
            b"done" => val(Elem::I((q.state != ReqState::Pending) as i64)),
            b"state" => val(Elem::S(Str::from(q.state.name()))),
            b"bytes" => val(Elem::I(q.bytes as i64)),
            b"handle" => val(Elem::P(q.handle)),
            b"throw" => match q.error {
                Some(e) => Ok(Reply::Throw(e)),
                None => Ok(Reply::Value(None)),
            },
            b"error_callback" => match args.first() {
                Some(Elem::P(cb)) => match cb.map(|c| self.heap.get(c)) {
                    None | Some(PmcData::Sub(..)) => {
                        let cb = *cb;
                        if let PmcData::Request(q) = self.heap.get_mut(r) {
                            q.error_callback = cb;
                        }
                        Ok(Reply::Value(None))
                    }
                    Some(d) => Err(Exc::new(
                        types::EXCEPTION_INVALID_OPERATION,
                        format!("error_callback: expected a Sub, got {}", d.class_name()),
                    )),
                },
                _ => val(Elem::P(q.error_callback)),
            },
            b"cancel" => {
                if q.state != ReqState::Pending {
                    val(Elem::S(Str::from("already complete")))
                } else {
                    *io_dst = Some(IoDst::Rets(None));
                    Ok(Reply::Step(Step::Sched(SchedCall::Cancel(r))))
                }
            }
            b"wait" => {
                if q.state != ReqState::Pending {
                    Ok(Reply::Value(None))
                } else {
                    Ok(Reply::Step(Step::Sched(SchedCall::Wait(r))))
                }
            }
            _ => return None,
        })
    }

    fn sockaddr_method(&mut self, a: PmcRef, name: &Str) -> Option<Result<Reply, Exc>> {
        let PmcData::Sockaddr(d) = self.heap.get(a) else { return None };
        let v = match name.as_bytes() {
            b"family" => Elem::I(d.family),
            b"address" => Elem::S(d.text.clone()),
            b"host" | b"port" => {
                let t = d.text.to_text();
                let (host, port) = match t.rsplit_once(':') {
                    Some((h, p)) if d.family != crate::pmc::socket::family::UNIX => {
                        (h.trim_start_matches('[').trim_end_matches(']').to_string(), p.parse::<i64>().unwrap_or(0))
                    }
                    _ => (t.clone(), 0),
                };
                if name.as_bytes() == b"host" {
                    Elem::S(Str::from(host))
                } else {
                    Elem::I(port)
                }
            }
            _ => return None,
        };
        Some(Ok(Reply::Value(Some(v))))
    }

    fn task_method(&mut self, r: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
        let arg = args.first().cloned();
        let pmc_arg = match &arg {
            Some(Elem::P(p)) => Some(*p),
            Some(e) => Some(self.heap.boxed(e.clone())),
            None => None,
        };
        let PmcData::Task(t) = self.heap.get_mut(r) else { return None };
        let val = |e: Elem| Ok(Reply::Value(Some(e)));
        Some(match name.as_bytes() {
            b"send" => match pmc_arg {
                Some(msg) => {
                    t.mailbox.push_back(msg);
                    Ok(Reply::Step(Step::Sched(SchedCall::Sent(r))))
                }
                None => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "send: no message given")),
            },
            b"code" => match pmc_arg {
                Some(c) => {
                    t.code = c;
                    Ok(Reply::Value(None))
                }
                None => val(Elem::P(t.code)),
            },
            b"data" => match pmc_arg {
                Some(d) => {
                    t.data = d;
                    Ok(Reply::Value(None))
                }
                None => val(Elem::P(t.data)),
            },
            b"id" => val(Elem::I(t.id as i64)),
            b"status" => val(Elem::S(Str::from(t.status.name()))),
            b"kill" => Ok(Reply::Step(Step::Sched(SchedCall::Kill(r)))),
            _ => return None,
        })
    }

    /// A method's arguments without a trailing Sub, and that Sub: the callback that makes a
    /// handle method async (DESIGN §2).
    pub(super) fn split_callback(&self, args: &[Elem]) -> (Vec<Elem>, PVal) {
        match args.split_last() {
            Some((Elem::P(Some(c)), rest)) if matches!(self.heap.get(*c), PmcData::Sub(..)) => {
                (rest.to_vec(), Some(*c))
            }
            _ => (args.to_vec(), None),
        }
    }

    /// FileHandle and StringHandle methods. A trailing Sub argument makes the async form:
    /// the method returns the Request.
    fn handle_method(
        &mut self,
        h: PmcRef,
        name: &Str,
        args: &[Elem],
        io_dst: &mut Option<IoDst>,
    ) -> Option<Result<Reply, Exc>> {
        let (args, cb) = self.split_callback(args);
        let is_async = cb.is_some();
        let int = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_int(e)).transpose();
        let string = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_str(e)).transpose();
        let op: Result<IoOp, Exc> = match name.as_bytes() {
            b"read" => match int(self, 0) {
                Ok(Some(n)) if n >= 0 => Ok(IoOp::Read { handle: 0, count: n as usize }),
                Ok(Some(n)) => Err(Exc::new(
                    types::EXCEPTION_INVALID_ARGUMENT,
                    format!("Cannot read a negative number of bytes ({n})"),
                )),
                Ok(None) => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "read: how many bytes?")),
                Err(e) => Err(e),
            },
            b"readline" => match string(self, 0) {
                Ok(Some(sep)) => Ok(IoOp::ReadLine { handle: 0, sep }),
                Ok(None) => Ok(IoOp::ReadLine { handle: 0, sep: self.record_sep_of(h) }),
                Err(e) => Err(e),
            },
            b"readall" => Ok(IoOp::ReadAll { handle: 0 }),
            b"print" | b"puts" | b"write" => match args.first() {
                Some(e) => match e {
                    Elem::P(p) if p.is_none() => {
                        Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, format!("Null PMC in {name}")))
                    }
                    e => self.heap.elem_str(e).map(|data| IoOp::Write { handle: 0, data }),
                },
                None => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("{name}: nothing to write"))),
            },
            b"close" => Ok(IoOp::Close { handle: 0 }),
            b"flush" => Ok(IoOp::Flush { handle: 0 }),
            b"tell" => Ok(IoOp::Tell { handle: 0 }),
            b"peek" => Ok(IoOp::Peek { handle: 0 }),
            b"isatty" => Ok(IoOp::IsATty { handle: 0 }),
            // Parrot's order: whence first, then the offset.
            b"seek" => match (int(self, 0), int(self, 1)) {
                (Ok(Some(whence)), Ok(Some(offset))) => Ok(IoOp::Seek { handle: 0, offset, whence }),
                (Err(e), _) | (_, Err(e)) => Err(e),
                _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "seek: expected (whence, offset)")),
            },
            b"open" => return Some(self.handle_open(h, &args, cb, io_dst)),
            _ => return self.handle_info(h, name, &args).map(|r| r.map(Reply::Value)),
        };
        let op = match op {
            Ok(op) => op,
            Err(e) => return Some(Err(e)),
        };
        let closing = matches!(op, IoOp::Close { .. });
        if closing && !is_async {
            let open = match self.heap.get(h) {
                PmcData::FileHandle(fh) => !fh.closed,
                PmcData::StringHandle(sh) => !sh.closed,
                _ => false,
            };
            if !open {
                return Some(Ok(Reply::Value(None)));
            }
        }
        let r = if is_async {
            self.async_method(cb, h, name_static(name), move |id| set_handle(op, id))
        } else {
            match self.target(Some(h), true) {
                Err(e) => Err(e),
                Ok(super::io::Target::Host(id)) => {
                    *io_dst = Some(IoDst::Rets(Some(h)));
                    Ok(Reply::Step(Step::Io(IoRequest { op: set_handle(op, id), request: None })))
                }
                Ok(super::io::Target::Mem(m)) => match self.mem_io(m, set_handle(op, u32::MAX)) {
                    Ok(res) => Ok(Reply::Value(self.result_elem(res))),
                    Err(e) => Err(e),
                },
            }
        };
        if closing {
            self.mark_closed(Some(h));
        }
        Some(r)
    }

    /// The value a method returns for an immediate result.
    fn result_elem(&mut self, r: super::io::IoResult) -> Option<Elem> {
        use super::io::IoResult as R;
        match r {
            R::Data { data, .. } => Some(Elem::S(data)),
            R::Value(v) => Some(v),
            _ => None,
        }
    }

    fn record_sep_of(&self, h: PmcRef) -> Str {
        match self.heap.get(h) {
            PmcData::FileHandle(fh) => fh.sep.clone(),
            _ => Str::from("\n"),
        }
    }

    /// `open([path[, mode]])` on a FileHandle made by `new`: it reuses its stored path and
    /// mode when none are given (Parrot), and throws if the handle is already open.
    fn handle_open(&mut self, h: PmcRef, args: &[Elem], cb: PVal, io_dst: &mut Option<IoDst>) -> Result<Reply, Exc> {
        let s = |i: usize| args.get(i).map(|e| self.heap.elem_str(e)).transpose();
        let (path, mode) = (s(0)?, s(1)?);
        match self.heap.get_mut(h) {
            PmcData::StringHandle(sh) => {
                sh.closed = false;
                sh.pos = 0;
                if let Some(m) = mode {
                    if m.as_bytes().contains(&b'w') {
                        sh.data.clear();
                    }
                    sh.mode = m;
                }
                Ok(Reply::Value(Some(Elem::P(Some(h)))))
            }
            PmcData::FileHandle(fh) => {
                if !fh.closed {
                    return Err(Exc::new(types::EXCEPTION_PIO_ERROR, "Cannot reopen already open FileHandle"));
                }
                let path = path.unwrap_or_else(|| fh.path.clone());
                let mode =
                    mode.unwrap_or_else(
                        || if fh.mode.as_bytes().is_empty() { Str::from("r") } else { fh.mode.clone() },
                    );
                if path.as_bytes().is_empty() {
                    return Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, "Invalid open: no path"));
                }
                let op = IoOp::Open { path, mode };
                if cb.is_some() {
                    return self.async_method(cb, h, "open", move |_| op);
                }
                *io_dst = Some(IoDst::Rets(Some(h)));
                Ok(Reply::Step(Step::Io(IoRequest { op, request: None })))
            }
            _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "open: not a handle")),
        }
    }

    /// Starts an async method call: the request is the method's result.
    fn async_method(
        &mut self,
        cb: PVal,
        h: PmcRef,
        name: &'static str,
        op: impl FnOnce(u32) -> IoOp,
    ) -> Result<Reply, Exc> {
        let target = self.target(Some(h), !matches!(name, "open"));
        let r = self.new_request(name, cb, Some(h))?;
        let step = match target {
            Err(e) => {
                self.finish_request(r, super::io::IoResult::Failed(e.message));
                Step::Sched(SchedCall::Completed(r))
            }
            Ok(super::io::Target::Host(id)) => Step::Io(IoRequest { op: op(id), request: Some(r) }),
            Ok(super::io::Target::Mem(m)) => {
                let res = match self.mem_io(m, op(u32::MAX)) {
                    Ok(res) => res,
                    Err(e) => super::io::IoResult::Failed(e.message),
                };
                self.finish_request(r, res);
                Step::Sched(SchedCall::Completed(r))
            }
        };
        Ok(Reply::Async(r, step))
    }

    /// Handle methods that only read or set what the PMC keeps.
    fn handle_info(&mut self, h: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Option<Elem>, Exc>> {
        let arg = args.first().map(|e| self.heap.elem_str(e));
        let arg = match arg.transpose() {
            Ok(a) => a,
            Err(e) => return Some(Err(e)),
        };
        let d = self.heap.get_mut(h);
        let some = |e: Elem| Some(Ok(Some(e)));
        match (d, name.as_bytes()) {
            (PmcData::FileHandle(fh), b"eof") => some(Elem::I(fh.eof as i64)),
            (PmcData::StringHandle(sh), b"eof") => some(Elem::I((sh.pos >= sh.data.len()) as i64)),
            (PmcData::FileHandle(fh), b"is_closed") => some(Elem::I(fh.closed as i64)),
            (PmcData::StringHandle(sh), b"is_closed") => some(Elem::I(sh.closed as i64)),
            (PmcData::FileHandle(fh), b"mode") => some(Elem::S(fh.mode.clone())),
            (PmcData::StringHandle(sh), b"mode") => some(Elem::S(sh.mode.clone())),
            (PmcData::FileHandle(fh), b"get_fd") => some(Elem::I(if fh.id <= 2 { fh.id as i64 } else { -1 })),
            (PmcData::StringHandle(_), b"get_fd") => some(Elem::I(-1)),
            (PmcData::FileHandle(fh), b"record_separator") => match arg {
                Some(s) => {
                    fh.sep = s;
                    Some(Ok(None))
                }
                None => some(Elem::S(fh.sep.clone())),
            },
            (PmcData::FileHandle(fh), b"encoding") => match arg {
                Some(s) => {
                    fh.utf8 = matches!(s.as_bytes(), b"utf8" | b"utf-8" | b"UTF-8");
                    Some(Ok(None))
                }
                None => some(Elem::S(Str::from(if fh.utf8 { "utf8" } else { "binary" }))),
            },
            (PmcData::StringHandle(sh), b"encoding") => match arg {
                Some(s) => {
                    sh.utf8 = matches!(s.as_bytes(), b"utf8" | b"utf-8" | b"UTF-8");
                    Some(Ok(None))
                }
                None => some(Elem::S(Str::from(if sh.utf8 { "utf8" } else { "binary" }))),
            },
            (PmcData::FileHandle(fh), b"buffer_type") => match arg {
                Some(s) => match s.as_bytes() {
                    b"unbuffered" | b"line-buffered" | b"full-buffered" => {
                        fh.buffer = s;
                        Some(Ok(None))
                    }
                    _ => Some(Err(Exc::new(types::EXCEPTION_PIO_ERROR, "Unknown buffering type"))),
                },
                None => some(Elem::S(fh.buffer.clone())),
            },
            (PmcData::StringHandle(_), b"buffer_type") => some(Elem::S(Str::from("unbuffered"))),
            (PmcData::FileHandle(fh), b"buffer_size") => match args.first() {
                Some(_) => {
                    fh.buffer = Str::from("full-buffered");
                    Some(Ok(None))
                }
                None => some(Elem::I(8192)),
            },
            (PmcData::StringHandle(_), b"buffer_size") => some(Elem::I(0)),
            _ => None,
        }
    }
}

/// A native method's answer.
pub(super) enum Reply {
    /// The value it returns, if any.
    Value(Option<Elem>),
    /// Leave the loop with this step (the result comes back through `complete_io`).
    Step(Step),
    /// An async method: the request it returns, and the step that submits it.
    Async(PmcRef, Step),
    /// Throw this Exception PMC.
    Throw(PmcRef),
}

/// What the run loop does after a native method.
pub(super) enum Native {
    /// Go on with the next op.
    Done,
    /// Leave the loop with this step, the pc after the call saved.
    Step(Step),
    /// Throw this Exception PMC at the call.
    Throw(PmcRef),
}

fn set_handle(op: IoOp, id: u32) -> IoOp {
    match op {
        IoOp::Write { data, .. } => IoOp::Write { handle: id, data },
        IoOp::Read { count, .. } => IoOp::Read { handle: id, count },
        IoOp::ReadLine { sep, .. } => IoOp::ReadLine { handle: id, sep },
        IoOp::ReadAll { .. } => IoOp::ReadAll { handle: id },
        IoOp::Peek { .. } => IoOp::Peek { handle: id },
        IoOp::Close { .. } => IoOp::Close { handle: id },
        IoOp::Flush { .. } => IoOp::Flush { handle: id },
        IoOp::Seek { offset, whence, .. } => IoOp::Seek { handle: id, offset, whence },
        IoOp::Tell { .. } => IoOp::Tell { handle: id },
        IoOp::IsATty { .. } => IoOp::IsATty { handle: id },
        other => other,
    }
}

fn name_static(name: &Str) -> &'static str {
    match name.as_bytes() {
        b"read" => "read",
        b"readline" => "readline",
        b"readall" => "readall",
        b"print" => "print",
        b"puts" => "puts",
        b"write" => "write",
        b"close" => "close",
        b"flush" => "flush",
        b"seek" => "seek",
        b"tell" => "tell",
        b"peek" => "peek",
        _ => "method",
    }
}
