//! The interpreter's state: [`Vm`] (the heap, the globals and the tables every task shares),
//! [`Task`] (a green thread: its frames, handlers and call scratch), [`Config`] and
//! [`Flags`]. The op families (`interp/<family>.rs`), the loops (`tier/`), the request side
//! (`request/`) and the native methods all work on these types; this file imports none of
//! them, so every arrow into it runs one way.

use super::frames::{Frame, Frames, Handler, Stack};
use super::prepare::Prepared;
use crate::host::RequestId;
use crate::pmc::{Elem, Heap, PVal, PmcData, PmcRef};
use crate::string::Str;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::rc::Rc;

/// A green thread: a stack of frames plus its exception handlers and call scratch space.
#[derive(Debug, Default)]
pub struct Task {
    /// Call frames, outermost first.
    pub frames: Frames,
    pub(super) handlers: Vec<Handler>,
    /// Values passed by the last `set_args`.
    pub(super) args: Vec<Elem>,
    /// Values passed by the last `set_returns`.
    pub(super) rets: Vec<Elem>,
    /// Named arguments of the last `set_args` (PDD 3 `:named`).
    pub(super) named: Vec<(Str, Elem)>,
    /// Named values of the last `set_returns`.
    pub(super) rets_named: Vec<(Str, Elem)>,
    /// The exception a handler is about to receive, and the handler's pc.
    pub(super) exception: Option<(PmcRef, u32)>,
    /// The request whose answer the task waits for: delivered when it runs next.
    pub(super) waiting: Option<RequestId>,
    /// The frames `runinterp` started (by frame count), innermost last: an `end` in one
    /// ends only that frame, and the sub that ran `runinterp` goes on.
    pub(super) interps: Vec<usize>,
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
        vm.argv = Some(arr);
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
        self.interps.clear();
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
    /// Run lean subs in the lean loop (`tier/lean.rs`). Off, everything runs in the main loop
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
    pub(crate) globals: HashMap<Str, PVal>,
    /// One Sub PMC per sub, so `find_name` returns the same object every time. FxHash: this
    /// lookup is on every call path that uses `find_name` (bench/fib).
    pub(crate) sub_pmcs: FxHashMap<(usize, u32), PmcRef>,
    /// The FileHandle PMCs of stdin, stdout and stderr, made on first use, or what
    /// `setstdin`, `setstdout`, `setstderr` put in their place.
    pub(crate) std_handles: [PVal; 3],
    /// Which of them a `set*` op replaced: `print` and `printerr` then write through the
    /// PMC instead of straight to host handle 1 or 2.
    pub(crate) std_replaced: [bool; 3],
    /// Classes made by `newclass`, by name.
    pub(crate) classes: HashMap<Str, PmcRef>,
    /// The main task's argument vector (`IGLOBALS_ARGV_LIST`).
    pub(crate) argv: PVal,
    /// PMCs `register` keeps alive, with how many `register`s each has not yet undone.
    pub(crate) registered: HashMap<PmcRef, u32>,
    /// Limits.
    pub config: Config,
    /// Receives one line per op when tracing.
    pub trace: Option<TraceFn>,
    /// The wall clock (time since the Unix epoch) for `time I` and `time N`: the host's,
    /// since the VM reads no OS clock (`host.rs`). A VM without a host reads 0.
    pub clock: fn() -> std::time::Duration,
    /// The host's answers about the OS: the time zone, `sysinfo`, `strerror` (`host.rs`).
    pub os: crate::host::OsFacts,
    /// The number of the last OS error a request failed with (`err I`), as C's `errno`.
    pub(crate) errno: i64,
    /// The last request id given out (so also how many requests were made).
    pub(crate) next_request: u64,
    /// Requests that left `Pending` (each exactly once): with `next_request`, the proof
    /// that every request completes exactly once.
    pub requests_completed: u64,
    /// Every request on its way, sync and async (`request/mod.rs`).
    pub(crate) requests: crate::request::Requests,
    /// Tells this VM's entries in a code object's caches from another VM's (never 0).
    pub(crate) id: u32,
    /// The lean loop's register stack, kept warm between runs (`tier/lean.rs`).
    pub(crate) lean: Stack,
    /// The switches the interpreter ops set (`errorson`, `trace`, `set_runcore` ...).
    pub flags: Flags,
}

/// The next [`Vm::id`].
static NEXT_VM_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

impl Default for Vm {
    fn default() -> Self {
        Vm::new(Config::default())
    }
}

/// The interpreter's switches, as Parrot's ops set them.
#[derive(Clone, Debug)]
pub struct Flags {
    /// `errorson`/`errorsoff` categories (`errors.pasm`); Parrot starts with the parameter
    /// count check on (2).
    pub errors: i64,
    /// `warningson`/`warningsoff` categories (`warnings.pasm`).
    pub warnings: i64,
    /// `trace` flags.
    pub trace: i64,
    /// `debug` flags.
    pub debug: i64,
    /// `bounds`, `profile`, `gc_debug`: on or off.
    pub bounds: bool,
    /// See `bounds`.
    pub profile: bool,
    /// See `bounds`.
    pub gc_debug: bool,
    /// The debugger of the debug ops (`debug_init`).
    pub pdb: Debugger,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            errors: 2,
            warnings: 0,
            trace: 0,
            debug: 0,
            bounds: false,
            profile: false,
            gc_debug: false,
            pdb: Default::default(),
        }
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
            std_replaced: [false; 3],
            classes: HashMap::new(),
            argv: None,
            registered: HashMap::new(),
            config,
            trace: None,
            clock: || std::time::Duration::ZERO,
            os: crate::host::OsFacts::default(),
            errno: 0,
            next_request: 0,
            requests_completed: 0,
            requests: crate::request::Requests::default(),
            id: NEXT_VM_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed).max(1),
            lean: Stack::default(),
            flags: Flags::default(),
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
    /// handles, the `register`ed PMCs and the requests on their way) and `extra` roots: what the host holds (armed
    /// timers, Task PMCs, event handlers). Returns the host handles of open FileHandles and
    /// Sockets it freed: the host must close them.
    pub fn collect(&mut self, tasks: &[&Task], extra: impl IntoIterator<Item = PmcRef>) -> Vec<u32> {
        let mut roots: Vec<PmcRef> = extra.into_iter().collect();
        roots.extend(self.requests.roots());
        roots.extend(self.globals.values().flatten());
        roots.extend(self.sub_pmcs.values());
        roots.extend(self.std_handles.iter().flatten());
        roots.extend(self.classes.values());
        roots.extend(self.registered.keys());
        roots.extend(self.argv);
        for t in tasks {
            for f in &t.frames {
                roots.extend(f.p.iter().flatten());
                roots.extend(f.result_info);
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
}

/// The debugger's state (Parrot's `PDB_t` as far as Kea has one).
#[derive(Clone, Debug, Default)]
pub struct Debugger {
    /// `debug_init` ran (Parrot's `interp->pdb`).
    pub on: bool,
    /// The file `debug_load` named (Parrot reads it for `list`; Kea's debugger has no
    /// `list`, so it is only kept).
    pub file: Option<Str>,
    /// The program broke into the debugger once (Parrot's `PDB_BREAK`): later `debug_break`
    /// and `debug_print` ops do nothing.
    pub broke: bool,
    /// Where the command loop of a `debug_break` is.
    pub step: DebugStep,
}

/// The next thing the command loop of `debug_break` does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DebugStep {
    /// Not in the loop.
    #[default]
    Idle,
    /// Write the prompt.
    Prompt,
    /// Read a command from stdin.
    Read,
    /// Run the command that came back.
    Run,
}
