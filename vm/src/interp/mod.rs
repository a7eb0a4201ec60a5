//! The stackless interpreter loop: [`Vm::run`] executes at most `fuel` instructions of one
//! [`Task`] and returns a [`Step`]. PASM calls push heap frames instead of recursing in Rust,
//! so a task can be parked at any safe point, and IO ops never do IO: they return
//! [`Step::Submit`] and the host answers with [`Vm::complete`] (`host.rs` states the contract).
//!
//! ## Dispatch
//! The hot ops run in `run_loop`'s own `match`; every other op goes to its handler,
//! `interp/<family>.rs::<full_name>`, through `dispatch::slow`, which is generated from the
//! op table, and comes back as a `Flow` (`dispatch.rs`).
//!
//! ## Fuel
//! Fuel is counted in exactly one place, the `jump!` macro (`fuel.rs`) that every control
//! transfer goes through, in this loop and in the lean loop: it adds the length of the
//! straight-line run that just ended, so the count is exact without a counter in the loop
//! head. A task that runs straight-line code cannot overrun its slice by more than the length
//! of its sub.

mod arith;
mod bits;
mod call;
mod cmp;
mod control;
mod dispatch;
mod exception;
mod flow;
mod frames;
mod fuel;
mod gc;
pub mod introspect;
mod io;
mod lean;
mod math;
mod pmcops;
pub mod prepare;
mod string;
mod task;

use self::flow::Flow;
use self::fuel::Charge;
use crate::error::{severity, types, Exc};
use crate::num;
use crate::op::{IArg, NArg, Op, SArg};
use crate::pmc::{Elem, Heap, PVal, PmcData, PmcRef};
use crate::string::Str;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::rc::Rc;

pub use crate::host::{Completed, IoOp, IoResult, NetOp, RequestId, SchedCall, Step};
pub use frames::Frames;
pub(crate) use io::Target;
pub use prepare::Prepared;

/// One call frame: the sub's registers and where it is.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The code object the sub lives in.
    pub code: Rc<Prepared>,
    /// Index into `code.subs`.
    pub sub: u32,
    /// The next op to run (for a caller: the op after its call).
    pub pc: u32,
    /// I registers.
    pub i: Vec<i64>,
    /// N registers.
    pub n: Vec<f64>,
    /// S registers.
    pub s: Vec<Str>,
    /// P registers.
    pub p: Vec<PVal>,
}

impl Frame {
    fn new(code: Rc<Prepared>, sub: u32) -> Frame {
        let info = &code.subs[sub as usize];
        let [ni, nn, ns, np] = info.regs.map(usize::from);
        let pc = info.start;
        Frame { code, sub, pc, i: vec![0; ni], n: vec![0.0; nn], s: vec![Str::null(); ns], p: vec![None; np] }
    }

    /// Points a returned frame at a new call, reusing its register vectors (no allocation
    /// once warm); every register starts empty.
    #[inline]
    fn reset(&mut self, code: &Rc<Prepared>, sub: u32) {
        if self.sub == sub && Rc::ptr_eq(&self.code, code) {
            // The slot last held the same sub (recursion, a loop of calls): the register
            // vectors already have its sizes (or more, after `ensure_regs`).
            self.pc = code.subs.get(sub as usize).map_or(0, |s| s.start);
            // Only the registers the sub may read before writing them (`prepare/unset.rs`).
            let [ni, nn] =
                code.per_sub.get(sub as usize).map_or([self.i.len(), self.n.len()], |s| s.unset.map(usize::from));
            zero(self.i.get_mut(..ni).unwrap_or(&mut []), 0);
            zero(self.n.get_mut(..nn).unwrap_or(&mut []), 0.0);
            if !self.s.is_empty() {
                self.s.fill(Str::null());
            }
            zero(&mut self.p, None);
            return;
        }
        self.reset_other(code, sub);
    }

    /// [`Frame::reset`] for a different sub than the slot's last one.
    #[inline(never)]
    fn reset_other(&mut self, code: &Rc<Prepared>, sub: u32) {
        let info = &code.subs[sub as usize];
        let [ni, nn, ns, np] = info.regs.map(usize::from);
        self.pc = info.start;
        self.sub = sub;
        refill(&mut self.i, ni, 0);
        refill(&mut self.n, nn, 0.0);
        if ns > 0 || !self.s.is_empty() {
            // Str::null() reads a thread-local; most subs have no S registers (bench/fib).
            self.s.clear();
            self.s.resize(ns, Str::null());
        }
        refill(&mut self.p, np, None);
        if !Rc::ptr_eq(&self.code, code) {
            self.code = code.clone();
        }
    }
    /// Grows the register file to what `sub` needs (the REPL runs new units in one frame).
    pub fn ensure_regs(&mut self, regs: [u16; 4]) {
        let [ni, nn, ns, np] = regs.map(usize::from);
        if self.i.len() < ni {
            self.i.resize(ni, 0);
        }
        if self.n.len() < nn {
            self.n.resize(nn, 0.0);
        }
        if self.s.len() < ns {
            self.s.resize(ns, Str::null());
        }
        if self.p.len() < np {
            self.p.resize(np, None);
        }
    }
}

/// Sets every element of `v` to `x` with plain stores: register files are a few words long,
/// and a call to `memset` costs more than that (bench/fib).
#[inline(always)]
fn zero<T: Copy>(v: &mut [T], x: T) {
    // Opaque, so that the compiler cannot turn the loop back into a `memset` call.
    let x = std::hint::black_box(x);
    let mut it = v.chunks_exact_mut(2);
    for c in &mut it {
        c[0] = x;
        c[1] = x;
    }
    for y in it.into_remainder() {
        *y = x;
    }
}

/// Sets `v` to `n` copies of `x`, reusing its buffer.
#[inline]
fn refill<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
    if v.len() == n {
        v.fill(x);
    } else {
        v.clear();
        v.resize(n, x);
    }
}

/// An installed exception handler.
#[derive(Debug, Clone, Copy)]
pub struct Handler {
    /// The frame count when it was installed: it belongs to frame `depth - 1`.
    depth: usize,
    /// Where it resumes.
    target: u32,
    /// Set while it handles an exception, so a throw inside the handler goes outward.
    active: bool,
    /// The ExceptionHandler PMC it was installed from (`push_eh P`), for its type filter.
    pmc: Option<PmcRef>,
}

impl Handler {
    /// The ExceptionHandler PMC it was installed from, if any (a GC root).
    pub fn pmc(&self) -> Option<PmcRef> {
        self.pmc
    }
}

/// A green thread: a stack of frames plus its exception handlers and call scratch space.
#[derive(Debug, Default)]
pub struct Task {
    /// Call frames, outermost first.
    pub frames: Frames,
    handlers: Vec<Handler>,
    /// Values passed by the last `set_args`.
    args: Vec<Elem>,
    /// Values passed by the last `set_returns`.
    rets: Vec<Elem>,
    /// Named arguments of the last `set_args` (PDD 3 `:named`).
    named: Vec<(Str, Elem)>,
    /// Named values of the last `set_returns`.
    rets_named: Vec<(Str, Elem)>,
    /// The exception a handler is about to receive, and the handler's pc.
    exception: Option<(PmcRef, u32)>,
    /// The request whose answer the task waits for: delivered when it runs next.
    waiting: Option<RequestId>,
    /// Instructions executed so far.
    pub ops: u64,
    /// Keep the outermost frame when the task finishes (`end`, or a return out of it), so its
    /// registers can run more code later: the REPL's persistent main frame.
    pub keep_outer: bool,
}

impl Task {
    /// A task that starts at the main sub of `code` (or its first op if it has no subs).
    pub fn new(code: Rc<Prepared>) -> Task {
        let mut t = Task::default();
        if let Some(main) = code.main_sub() {
            t.frames.push(Frame::new(code, main as u32));
        }
        t
    }
    /// A task that runs one sub of `code` (for `:init` subs).
    pub fn for_sub(code: Rc<Prepared>, sub: u32) -> Task {
        let mut t = Task::default();
        t.frames.push(Frame::new(code, sub));
        t
    }

    /// A task for the program's main sub, which receives `argv` as Parrot passes it: one
    /// ResizableStringArray argument (`argv[0]` is the program file), taken by a
    /// `get_params "0", P0` if the sub has one.
    pub fn main(vm: &mut Vm, code: Rc<Prepared>, argv: &[Str]) -> Task {
        let mut t = Task::new(code);
        let arr = vm.heap.alloc(PmcData::ResizableStringArray(argv.to_vec()));
        t.args.push(Elem::P(Some(arr)));
        t
    }

    /// A task that calls the Sub PMC `sub` with `args` (a callback, a scheduled task, an
    /// event handler); `None` if `sub` is not a Sub.
    pub fn calling(vm: &Vm, sub: PmcRef, args: &[PVal]) -> Option<Task> {
        let PmcData::Sub(code, i) = vm.heap.get(sub) else { return None };
        let mut t = Task::for_sub(code.clone(), *i);
        t.args.extend(args.iter().map(|p| Elem::P(*p)));
        Some(t)
    }

    /// Makes an ended task call the Sub PMC `sub` with `args`, reusing its frames and scratch
    /// space (the scheduler keeps ended callback tasks for the next callbacks); false if `sub`
    /// is not a Sub.
    pub fn recall(&mut self, vm: &Vm, sub: PmcRef, args: &[PVal]) -> bool {
        let PmcData::Sub(code, i) = vm.heap.get(sub) else { return false };
        let (code, i) = (code.clone(), *i);
        self.handlers.clear();
        self.args.clear();
        self.rets.clear();
        self.named.clear();
        self.rets_named.clear();
        self.exception = None;
        self.waiting = None;
        self.keep_outer = false;
        self.frames.truncate(0);
        self.frames.call(&code, i);
        self.args.extend(args.iter().map(|p| Elem::P(*p)));
        true
    }

    /// A native method's return value (a null PMC: none).
    pub(crate) fn set_rets(&mut self, v: Elem) {
        self.rets.clear();
        self.rets_named.clear();
        if !matches!(v, Elem::P(None)) {
            self.rets.push(v);
        }
    }

    /// The sub running in the outermost frame, for reports (`main`, `worker`).
    pub fn name(&self) -> String {
        match self.frames.first() {
            Some(f) => f.code.subs[f.sub as usize].name.clone(),
            None => "(ended)".to_string(),
        }
    }

    /// Points the outermost frame at `sub` of a new code object, keeping its registers (REPL).
    pub fn continue_with(&mut self, code: Rc<Prepared>, sub: u32) {
        let info = &code.subs[sub as usize];
        let (regs, start) = (info.regs, info.start);
        self.handlers.clear();
        self.exception = None;
        self.frames.truncate(1);
        match self.frames.first_mut() {
            Some(f) => {
                f.ensure_regs(regs);
                f.code = code;
                f.sub = sub;
                f.pc = start;
            }
            None => self.frames.push(Frame::new(code, sub)),
        }
    }
}

/// Limits and switches for a VM.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// The deepest call stack allowed before "maximum recursion depth exceeded".
    pub max_depth: usize,
    /// Run lean subs in the lean loop (`lean.rs`). Off, everything runs in the main loop
    /// with the same results; the tests compare the two.
    pub lean: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { max_depth: 100_000, lean: true }
    }
}

/// A line of `--trace` output.
pub type TraceFn = Box<dyn FnMut(&str)>;

/// The machine: the heap and the globals, shared by every task.
pub struct Vm {
    /// Every PMC.
    pub heap: Heap,
    /// `set_global` / `get_global`.
    globals: HashMap<Str, PVal>,
    /// One Sub PMC per sub, so `find_name` returns the same object every time. FxHash: this
    /// lookup is on every call path that uses `find_name` (bench/fib).
    sub_pmcs: FxHashMap<(usize, u32), PmcRef>,
    /// The FileHandle PMCs of stdin, stdout and stderr, made on first use.
    std_handles: [PVal; 3],
    /// Classes made by `newclass`, by name.
    classes: HashMap<Str, PmcRef>,
    /// Limits.
    pub config: Config,
    /// Receives one line per op when tracing.
    pub trace: Option<TraceFn>,
    /// The wall clock (time since the Unix epoch) for `time I` and `time N`: the host's,
    /// since the VM reads no OS clock (`host.rs`). A VM without a host reads 0.
    pub clock: fn() -> std::time::Duration,
    /// The last request id given out (so also how many requests were made).
    next_request: u64,
    /// Requests that left `Pending` (each exactly once): with `next_request`, the proof
    /// that every request completes exactly once.
    pub requests_completed: u64,
    /// Every request on its way, sync and async (`request/mod.rs`).
    pub(crate) requests: crate::request::Requests,
    /// Tells this VM's entries in a code object's caches from another VM's (never 0).
    id: u32,
    /// The lean loop's register stack, kept warm between runs (`lean.rs`).
    lean: lean::Stack,
    /// The switches the interpreter ops set (`errorson`, `trace`, `set_runcore` ...).
    pub flags: introspect::Flags,
}

/// The next [`Vm::id`].
static NEXT_VM_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

impl Default for Vm {
    fn default() -> Self {
        Vm::new(Config::default())
    }
}

/// Max bytes of one string; larger results raise an exception instead of exhausting memory.
pub const MAX_STRING: usize = 1 << 30;

macro_rules! ireg {
    ($f:ident, $r:expr) => {
        $f.i[$r.0 as usize]
    };
}
macro_rules! nreg {
    ($f:ident, $r:expr) => {
        $f.n[$r.0 as usize]
    };
}
macro_rules! sreg {
    ($f:ident, $r:expr) => {
        $f.s[$r.0 as usize]
    };
}
macro_rules! preg {
    ($f:ident, $r:expr) => {
        $f.p[$r.0 as usize]
    };
}

/// The value of a register-or-constant integer operand.
#[inline]
fn ia(f: &Frame, a: IArg) -> i64 {
    match a.split() {
        Ok(r) => f.i[r as usize],
        Err(c) => f.code.ints[c as usize],
    }
}
/// The value of a register-or-constant number operand.
#[inline]
fn na(f: &Frame, a: NArg) -> f64 {
    match a.split() {
        Ok(r) => f.n[r as usize],
        Err(c) => f.code.nums[c as usize],
    }
}
/// The value of a register-or-constant string operand.
#[inline]
fn sa(f: &Frame, a: SArg) -> Str {
    match a.split() {
        Ok(r) => f.s[r as usize].clone(),
        Err(c) => f.code.strs[c as usize].clone(),
    }
}

impl Vm {
    /// A VM with an empty heap.
    pub fn new(config: Config) -> Vm {
        Vm {
            heap: Heap::default(),
            globals: HashMap::new(),
            sub_pmcs: FxHashMap::default(),
            std_handles: [None; 3],
            classes: HashMap::new(),
            config,
            trace: None,
            clock: || std::time::Duration::ZERO,
            next_request: 0,
            requests_completed: 0,
            requests: crate::request::Requests::default(),
            id: NEXT_VM_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed).max(1),
            lean: lean::Stack::default(),
            flags: introspect::Flags::default(),
        }
    }

    /// The Sub PMC for `code.subs[index]` (one per sub).
    pub fn sub_pmc(&mut self, code: &Rc<Prepared>, index: u32) -> PmcRef {
        let key = (Rc::as_ptr(code) as usize, index);
        if let Some(&r) = self.sub_pmcs.get(&key) {
            return r;
        }
        let r = self.heap.alloc(PmcData::Sub(code.clone(), index));
        self.sub_pmcs.insert(key, r);
        r
    }

    /// How many requests were made.
    pub fn requests_made(&self) -> u64 {
        self.next_request
    }

    /// Registers every sub of a code object as a global by its name (what loading a file does);
    /// a sub in a namespace is also registered as `A::B::name`. An `:anon` sub is not (see
    /// [`crate::code::Code::find_sub_in`]).
    pub fn load(&mut self, code: &Rc<Prepared>) {
        for i in 0..code.subs.len() {
            if code.subs[i].flags.iter().any(|f| f == ":anon") {
                continue;
            }
            if !code.subs[i].namespace.is_empty() {
                let full = format!("{}::{}", code.subs[i].namespace.join("::"), code.subs[i].name);
                let r = self.sub_pmc(code, i as u32);
                self.globals.insert(Str::from(full), Some(r));
                continue;
            }
            let name = Str::from(code.subs[i].name.as_str());
            let r = self.sub_pmc(code, i as u32);
            self.globals.insert(name, Some(r));
        }
    }

    /// Collects garbage now, with every task that is alive (their registers, call scratch
    /// and caught exceptions are the roots, with the globals, the Sub PMCs, the standard
    /// handles and the requests on their way) and `extra` roots: what the host holds (armed
    /// timers, Task PMCs, event handlers). Returns the host handles of open FileHandles and
    /// Sockets it freed: the host must close them.
    pub fn collect(&mut self, tasks: &[&Task], extra: impl IntoIterator<Item = PmcRef>) -> Vec<u32> {
        let mut roots: Vec<PmcRef> = extra.into_iter().collect();
        roots.extend(self.requests.roots());
        roots.extend(self.globals.values().flatten());
        roots.extend(self.sub_pmcs.values());
        roots.extend(self.std_handles.iter().flatten());
        roots.extend(self.classes.values());
        for t in tasks {
            for f in &t.frames {
                roots.extend(f.p.iter().flatten());
            }
            let named = t.named.iter().chain(&t.rets_named).map(|(_, e)| e);
            for e in t.args.iter().chain(&t.rets).chain(named) {
                if let Elem::P(Some(p)) = e {
                    roots.push(*p);
                }
            }
            if let Some((e, _)) = t.exception {
                roots.push(e);
            }
            roots.extend(t.handlers.iter().filter_map(Handler::pmc));
        }
        let mut closed = Vec::new();
        self.heap.collect(roots, &mut closed);
        closed
    }

    /// Runs `task` for at most `fuel` instructions (more only to finish a straight-line run).
    /// A task that waited for a request gets its answer first.
    pub fn run(&mut self, task: &mut Task, fuel: u64) -> Step {
        if let Some(req) = task.waiting.take() {
            if let Err(step) = self.deliver_answer(task, req) {
                return step;
            }
        }
        let step =
            if self.trace.is_some() { self.run_loop::<true>(task, fuel) } else { self.run_loop::<false>(task, fuel) };
        task.waiting = step.waits_on();
        step
    }

    /// Raises `e` in `task` (for the request table).
    pub(crate) fn raise_in(&mut self, task: &mut Task, e: Exc) -> Result<(), Step> {
        self.raise(task, e)
    }

    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    fn trace_op(&mut self, f: &Frame, pc: usize) {
        let Some(op) = f.code.ops.get(pc) else { return };
        let mut line = format!("{pc:04} {}", f.code.fmt_op(op));
        let mut regs = Vec::new();
        // The registers it reads: one it only writes may still hold a value from an earlier
        // call in the same frame slot, which no op can read (`prepare/unset.rs`).
        let reads = op.operands().into_iter().zip(op.info().operands).filter(|(_, i)| i.dir != crate::op::Dir::Out);
        for (o, _) in reads {
            use crate::op::Operand as O;
            match o {
                O::I(r) => regs.push(format!("I{}={}", r.0, ireg!(f, r))),
                O::N(r) => regs.push(format!("N{}={}", r.0, num::fmt_print(nreg!(f, r)))),
                O::S(r) => regs.push(format!("S{}={:?}", r.0, sreg!(f, r))),
                O::P(r) => regs.push(format!(
                    "P{}={}",
                    r.0,
                    preg!(f, r).map_or("null".to_string(), |p| self.heap.class_name(p).to_string())
                )),
                O::Ix(a) => {
                    if let Ok(r) = a.split() {
                        regs.push(format!("I{r}={}", f.i[r as usize]))
                    }
                }
                O::Sx(a) => {
                    if let Ok(r) = a.split() {
                        regs.push(format!("S{r}={:?}", f.s[r as usize]))
                    }
                }
                _ => {}
            }
        }
        if !regs.is_empty() {
            line = format!("{line:<44} {}", regs.join(" "));
        }
        if let Some(t) = self.trace.as_mut() {
            t(&line);
        }
    }

    #[allow(clippy::cognitive_complexity)]
    fn run_loop<const TRACE: bool>(&mut self, task: &mut Task, fuel: u64) -> Step {
        let mut ch = Charge::default();
        'frame: loop {
            // A lean sub runs in the lean loop (`lean.rs`) until it meets something else.
            if !TRACE && self.config.lean {
                if let Some(f) = task.frames.last() {
                    if f.code.per_sub.get(f.sub as usize).is_some_and(|s| s.lean) {
                        match self.run_lean(task, fuel, &mut ch.executed) {
                            lean::Exit::Here => {}
                            lean::Exit::Yield => {
                                task.ops += ch.executed;
                                return Step::Yielded;
                            }
                        }
                    }
                }
            }
            // (Re)load the hot state: a call, return or throw changed the frame.
            let Some(mut f) = task.frames.last_mut() else {
                task.ops += ch.executed;
                return Step::Finished;
            };
            let code = f.code.clone();
            let ops: &[Op] = &code.ops;
            let mut pc = f.pc as usize;
            ch.start(pc);

            // Ends the straight-line run at `pc` and charges it.
            macro_rules! charge {
                () => {{
                    ch.through(pc);
                }};
            }
            // Every control transfer goes through here: charge, move, stop when out of fuel.
            macro_rules! jump {
                ($t:expr) => {{
                    fuel::jump!(ch, pc, $t, fuel, {
                        f.pc = pc as u32;
                        task.ops += ch.executed;
                        return Step::Yielded;
                    })
                }};
            }
            // An op failed: raise its exception in the task.
            macro_rules! raise {
                ($e:expr) => {{
                    let e = $e;
                    charge!();
                    f.pc = pc as u32;
                    if let Err(step) = self.raise(task, e) {
                        task.ops += ch.executed;
                        return step;
                    }
                    continue 'frame;
                }};
            }
            // After a call op ran (`Ok(more ops it ran)`) or ended the slice: reload the frame.
            macro_rules! called {
                ($r:expr) => {{
                    match $r {
                        Ok(more) => ch.add(more),
                        Err(step) => {
                            task.ops += ch.executed;
                            return step;
                        }
                    }
                    if ch.spent(fuel) {
                        task.ops += ch.executed;
                        return Step::Yielded;
                    }
                    continue 'frame;
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => raise!(e),
                    }
                };
            }
            // Every op the hot match below does not take: its handler, through the op table
            // (`dispatch.rs`), with the pc recorded first. Then what the handler's `Flow` says.
            macro_rules! slow {
                () => {{
                    f.pc = pc as u32;
                    let flow = match dispatch::slow(self, task, pc) {
                        Flow::Reload => {
                            charge!();
                            continue 'frame;
                        }
                        Flow::Stop(step) => {
                            charge!();
                            task.ops += ch.executed;
                            return step;
                        }
                        Flow::Call => {
                            charge!();
                            called!(self.call_op(task, !TRACE))
                        }
                        flow => flow,
                    };
                    // The handler had the task; the frame is the same one.
                    f = flow::top(task);
                    match flow {
                        Flow::Next => {}
                        Flow::Jump(t) => jump!(t),
                        Flow::Raise(e) => raise!(e),
                        Flow::Leave(step) => {
                            charge!();
                            f.pc = pc as u32 + 1;
                            task.ops += ch.executed;
                            return step;
                        }
                        Flow::Reload | Flow::Stop(_) | Flow::Call => {}
                    }
                }};
            }
            loop {
                let Some(&op) = ops.get(pc) else {
                    // Running off the end of a sub ends it like `returncc` with no values.
                    charge!();
                    f.pc = pc as u32;
                    task.rets.clear();
                    if let Err(step) = self.do_return(task) {
                        task.ops += ch.executed;
                        return step;
                    }
                    continue 'frame;
                };
                if TRACE {
                    // Traced, every op goes to its handler (so tests/ops.rs, traced against
                    // untraced, checks the hot arms below against the handlers).
                    self.trace_op(f, pc);
                    slow!();
                    pc += 1;
                    continue;
                }
                match op {
                    Op::noop {} => {}
                    Op::branch_ic { target } => jump!(target.0),
                    Op::if_i_ic { cond, target } => {
                        if ireg!(f, cond) != 0 {
                            jump!(target.0)
                        }
                    }
                    Op::unless_i_ic { cond, target } => {
                        if ireg!(f, cond) == 0 {
                            jump!(target.0)
                        }
                    }
                    Op::if_n_ic { cond, target } => {
                        if nreg!(f, cond) != 0.0 {
                            jump!(target.0)
                        }
                    }
                    Op::unless_n_ic { cond, target } => {
                        if nreg!(f, cond) == 0.0 {
                            jump!(target.0)
                        }
                    }
                    Op::if_s_ic { cond, target } => {
                        if sreg!(f, cond).truthy() {
                            jump!(target.0)
                        }
                    }
                    Op::unless_s_ic { cond, target } => {
                        if !sreg!(f, cond).truthy() {
                            jump!(target.0)
                        }
                    }
                    Op::if_p_ic { cond, target } => {
                        if tri!(self.heap.get_bool(preg!(f, cond))) {
                            jump!(target.0)
                        }
                    }
                    Op::unless_p_ic { cond, target } => {
                        if !tri!(self.heap.get_bool(preg!(f, cond))) {
                            jump!(target.0)
                        }
                    }
                    Op::if_null_p_ic { obj, target } => {
                        if preg!(f, obj).is_none() {
                            jump!(target.0)
                        }
                    }
                    Op::unless_null_p_ic { obj, target } => {
                        if preg!(f, obj).is_some() {
                            jump!(target.0)
                        }
                    }
                    Op::eq_addr_p_p_ic { lhs, rhs, target } => {
                        if preg!(f, lhs) == preg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ne_addr_p_p_ic { lhs, rhs, target } => {
                        if preg!(f, lhs) != preg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    // The hot arithmetic and comparisons stay in this match (bench/mops_intval),
                    // with the semantics of `arith.rs`.
                    Op::set_i_i { dst, src } => ireg!(f, dst) = ireg!(f, src),
                    Op::set_i_ic { dst, src } => ireg!(f, dst) = src,
                    Op::set_n_n { dst, src } => nreg!(f, dst) = nreg!(f, src),
                    Op::set_n_nc { dst, src } => nreg!(f, dst) = src,
                    Op::add_i_i_i { dst, lhs, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, lhs), ireg!(f, rhs)),
                    Op::add_i_i_ic { dst, lhs, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, lhs), rhs),
                    Op::add_i_ic { dst, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, dst), rhs),
                    Op::add_i_i { dst, rhs } => ireg!(f, dst) = arith::int_add(ireg!(f, dst), ireg!(f, rhs)),
                    Op::sub_i_i_i { dst, lhs, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, lhs), ireg!(f, rhs)),
                    Op::sub_i_i_ic { dst, lhs, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, lhs), rhs),
                    Op::sub_i_ic { dst, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, dst), rhs),
                    Op::sub_i_i { dst, rhs } => ireg!(f, dst) = arith::int_sub(ireg!(f, dst), ireg!(f, rhs)),
                    Op::mul_i_i_i { dst, lhs, rhs } => ireg!(f, dst) = arith::int_mul(ireg!(f, lhs), ireg!(f, rhs)),
                    Op::mul_i_i_ic { dst, lhs, rhs } => ireg!(f, dst) = arith::int_mul(ireg!(f, lhs), rhs),
                    Op::inc_i { dst } => ireg!(f, dst) = arith::int_add(ireg!(f, dst), 1),
                    Op::dec_i { dst } => ireg!(f, dst) = arith::int_sub(ireg!(f, dst), 1),
                    Op::add_n_n_n { dst, lhs, rhs } => nreg!(f, dst) = arith::num_add(nreg!(f, lhs), nreg!(f, rhs)),
                    Op::sub_n_n_n { dst, lhs, rhs } => nreg!(f, dst) = arith::num_sub(nreg!(f, lhs), nreg!(f, rhs)),
                    Op::mul_n_n_n { dst, lhs, rhs } => nreg!(f, dst) = arith::num_mul(nreg!(f, lhs), nreg!(f, rhs)),
                    Op::eq_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) == ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ne_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) != ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::lt_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) < ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::le_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) <= ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::gt_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) > ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ge_i_i_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) >= ireg!(f, rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::lt_i_ic_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) < rhs {
                            jump!(target.0)
                        }
                    }
                    Op::le_i_ic_ic { lhs, rhs, target } => {
                        if ireg!(f, lhs) <= rhs {
                            jump!(target.0)
                        }
                    }
                    // The two planned shapes (see `call.rs`), then the frame is reloaded.
                    Op::find_sub_not_null_p_s { dst, .. } => {
                        charge!();
                        f.pc = pc as u32;
                        if self.enter_planned(task, pc, dst) {
                            called!(Ok(3))
                        }
                        called!(self.call_op(task, true))
                    }
                    Op::set_returns_pc { values } => {
                        charge!();
                        f.pc = pc as u32;
                        if self.leave_planned(task, pc, values) {
                            called!(Ok(2))
                        }
                        called!(self.call_op(task, true))
                    }
                    // Calls and returns: one arm, one out-of-line handler, and the frame is
                    // reloaded after it (bench/fib; a big arm here slows bench/mops_intval).
                    // `find_sub_not_null` is with them so that it fuses with the call after it.
                    Op::set_args_pc { .. }
                    | Op::get_params_pc { .. }
                    | Op::get_results_pc { .. }
                    | Op::invokecc_p { .. }
                    | Op::tailcall_p { .. }
                    | Op::callmethodcc_p_s { .. }
                    | Op::returncc {} => {
                        charge!();
                        f.pc = pc as u32;
                        called!(self.call_op(task, true))
                    }
                    // Everything else, out of line: in this match they cost the hot ops a
                    // third (bench/mops_intval, 0.30 s vs 0.44 s).
                    _ => slow!(),
                }
                pc += 1;
            }
        }
    }
}

fn exit_exc(code: i64) -> Exc {
    Exc { kind: types::CONTROL_EXIT, severity: severity::EXCEPT_EXIT, message: format!("exit {code}"), exit_code: code }
}
