//! # kea-runtime: the `kea` command
//!
//! Drives [`kea_vm`]: reads and assembles a file ([`kea_asm`]), runs its main task in slices
//! of `--batch` instructions ([`sched`]), performs the IO the task asks for ([`reactor`], with
//! one [`backend`] per kind of IO), renders errors ([`diag`]), and hosts the REPL ([`repl`]).
//!
//! Exit codes (DESIGN §5): 0 success, 1 runtime error or uncaught exception, 2 assembly or
//! usage error, `exit N` gives N's low 8 bits, as the OS reports it (`exit -1` is 255). Output that could not be written and that no request
//! reported (stdout to a full disk, a file's buffer at exit) is named on stderr and turns a
//! 0 into 1.

pub mod backend;
pub mod diag;
mod os_error;
mod platform;
pub mod reactor;
pub mod repl;
pub mod sched;
pub mod sink;

use kea_vm::code::Code;
use kea_vm::interp::{Config, Task, Vm};
pub use os_error::os_error_text;
pub use reactor::Reactor;
pub use sched::Ended;
use sched::{Class, Runtime};
pub use sink::{CaptureSink, Sink, StdSink};
use std::collections::BTreeMap;
use std::io::Write;
use std::rc::Rc;

/// How a run is configured.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Instructions per slice.
    pub batch: u64,
    /// Stop after this many instructions.
    pub max_ops: Option<u64>,
    /// Print each op to stderr.
    pub trace: bool,
    /// Print counters to stderr at the end.
    pub stats: bool,
    /// Deepest call stack.
    pub max_depth: usize,
    /// The program's argument vector: the file, then the arguments after it.
    pub argv: Vec<String>,
    /// `--trace-io`: each request's life on stderr.
    pub trace_io: bool,
    /// File worker threads.
    pub io_threads: usize,
    /// Stop with an error after this much wall time (`--max-time`): a program that waits
    /// forever (a server, a forever timer) cannot hang a test run.
    pub max_time: Option<std::time::Duration>,
    /// The time zone `localtime` uses, as a `TZ` value (`UTC0`, `Europe/Paris`); `None`:
    /// the process's `TZ`, else the system's zone.
    pub tz: Option<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            batch: DEFAULT_BATCH,
            max_ops: None,
            trace: false,
            stats: false,
            max_depth: Config::default().max_depth,
            argv: Vec::new(),
            trace_io: false,
            io_threads: 4,
            max_time: None,
            tz: None,
        }
    }
}

/// Instructions per slice by default: about 20 µs of work, which bounds how late a timer or
/// callback runs behind a busy task, while the tick between slices costs under 1% of
/// `bench/mops_intval` (see bench/README.md for the measurement).
pub const DEFAULT_BATCH: u64 = 10_000;

/// Exit code for assembly and usage errors.
pub const EXIT_ASM: i32 = 2;

/// Counters for `--stats`.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Instructions executed.
    pub ops: u64,
    /// Slices run.
    pub slices: u64,
    /// Scheduler ticks.
    pub ticks: u64,
    /// IO requests performed.
    pub io: u64,
    /// IO requests by kind.
    pub requests: BTreeMap<&'static str, u64>,
    /// Callbacks and handlers run.
    pub callbacks: u64,
    /// Request PMCs made, and how many of them completed (done, failed or cancelled). At
    /// exit the two are equal: every request completes exactly once.
    pub requests_made: u64,
    /// See `requests_made`.
    pub requests_completed: u64,
    /// PMCs alive at the end.
    pub pmcs: usize,
    /// Garbage collections run.
    pub gc_runs: u64,
    /// The most PMCs alive at once.
    pub peak_pmcs: usize,
}

/// A runtime (VM, reactor and scheduler) set up as `opts` says.
pub fn runtime<S: Sink>(reactor: Reactor<S>, opts: &RunOptions) -> Runtime<S> {
    let mut vm = Vm::new(Config { max_depth: opts.max_depth, ..Config::default() });
    vm.clock = wall_clock;
    vm.os = backend::os::facts(opts.tz.clone());
    if opts.trace {
        vm.trace = Some(Box::new(|line: &str| {
            let _ = writeln!(std::io::stderr(), "{line}");
        }));
    }
    let mut reactor = reactor;
    reactor.trace = opts.trace_io;
    reactor.pool_size = opts.io_threads.max(1);
    Runtime::new(vm, reactor, opts)
}

/// Runs assembled code to the end; returns the exit code and the counters. Subs marked
/// `:init` run first, in source order, as Parrot runs them before `:main`; then the main task
/// runs with every task, callback and timer it starts, until the program-end rule holds.
pub fn run_code<S: Sink>(code: Code, reactor: Reactor<S>, opts: &RunOptions) -> (i32, Stats, Reactor<S>) {
    let code = Rc::new(kea_vm::interp::Prepared::new(code));
    let mut rt = runtime(reactor, opts);
    rt.vm.load(&code);
    let main = code.main_sub();
    let mut ended = Ended::Finished;
    for (i, sub) in code.subs.iter().enumerate() {
        if Some(i) != main && sub.flags.iter().any(|f| f == ":init") {
            let id = rt.spawn(Task::for_sub(code.clone(), i as u32), None, Class::Task, 0);
            ended = rt.run_until(Some(id), &[]);
            if ended != Ended::Finished {
                break;
            }
        }
    }
    if ended == Ended::Finished {
        let argv: Vec<kea_vm::string::Str> = opts.argv.iter().map(|a| kea_vm::string::Str::from(a.as_str())).collect();
        let task = Task::main(&mut rt.vm, code, &argv);
        rt.spawn(task, None, Class::Task, 0);
        ended = rt.run(&[]);
    }
    let status = match ended {
        Ended::Finished => 0,
        // As the OS reports `exit(n)`: the low 8 bits (Parrot's `exit`, see `main.rs`).
        Ended::Exit(n) => n & 0xff,
        Ended::Failed => 1,
    };
    rt.shutdown();
    let mut stats = rt.stats.clone();
    stats.pmcs = rt.vm.heap.len();
    stats.gc_runs = rt.vm.heap.gc_runs;
    stats.peak_pmcs = rt.vm.heap.peak;
    stats.requests_made = rt.vm.requests_made();
    stats.requests_completed = rt.vm.requests_completed;
    let mut reactor = rt.reactor;
    if opts.stats {
        let kinds: Vec<String> = stats.requests.iter().map(|(k, n)| format!("{k}={n}")).collect();
        let s = format!(
            "kea stats: ops {} slices {} ticks {} io-requests {} [{}] callbacks {} gc-runs {} live-pmcs {} peak-pmcs {}\n",
            stats.ops,
            stats.slices,
            stats.ticks,
            stats.io,
            kinds.join(" "),
            stats.callbacks,
            stats.gc_runs,
            stats.pmcs,
            stats.peak_pmcs
        );
        let _ = reactor.sink.write(2, s.as_bytes());
    }
    // Output that could not be written, with no request left to report it to, fails the run.
    let status = if reactor.report_lost() && status == 0 { 1 } else { status };
    (status, stats, reactor)
}

/// Reads a source file as UTF-8 (raw latin-1 bytes where Parrot takes them, see
/// [`kea_asm::decode_source`]), with the OS error or the offset of the first bad byte.
pub fn read_source(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: error: cannot read file: {}", os_error_text(&e)))?;
    kea_asm::decode_source(&bytes).map_err(|e| format!("{path}: error: {e}"))
}

/// Everything `kea run` does for a source text, with output captured (for tests).
pub fn run_source_captured(name: &str, text: &str, stdin: &[u8], opts: &RunOptions) -> (i32, Vec<u8>, Vec<u8>) {
    let (status, out, err, _) = run_source_stats(name, text, stdin, opts);
    (status, out, err)
}

/// [`run_source_captured`] with the counters (`None` if it did not assemble).
pub fn run_source_stats(
    name: &str,
    text: &str,
    stdin: &[u8],
    opts: &RunOptions,
) -> (i32, Vec<u8>, Vec<u8>, Option<Stats>) {
    match kea_asm::assemble_str(name, text) {
        Err(f) => (EXIT_ASM, Vec::new(), diag::render_failure(&f, false).into_bytes(), None),
        Ok(code) => {
            let reactor = Reactor::new(CaptureSink::default(), Box::new(std::io::Cursor::new(stdin.to_vec())));
            let (status, stats, reactor) = run_code(code, reactor, opts);
            (status, reactor.sink.out, reactor.sink.err, Some(stats))
        }
    }
}

/// The op reference `kea ops` prints, rendered from the op table.
pub fn ops_reference() -> String {
    let mut out = String::from("# Kea op reference (generated from vm/src/op/table.rs)\n\n");
    for info in kea_vm::op::OPS {
        out.push_str(&format!(
            "{:04x}  {:<24} {:<44} {}\n",
            info.opcode as u16,
            info.name,
            info.signature(),
            info.doc.trim()
        ));
    }
    out
}

/// The wall clock the VM's `time` ops read (the VM reads no OS clock itself).
fn wall_clock() -> std::time::Duration {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default()
}
