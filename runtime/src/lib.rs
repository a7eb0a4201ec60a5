//! # kea-runtime: the `kea` command
//!
//! Drives [`kea_vm`]: reads and assembles a file ([`kea_asm`]), runs its main task in slices
//! of `--batch` instructions, performs the IO the task asks for ([`host`]), renders errors
//! ([`diag`]), and hosts the REPL ([`repl`]).
//!
//! Exit codes (DESIGN §5): 0 success, 1 runtime error or uncaught exception, 2 assembly or
//! usage error, `exit N` gives N.

pub mod diag;
pub mod host;
pub mod repl;

use host::{Host, Sink};
use kea_vm::code::Code;
use kea_vm::interp::{Config, Step, Task, Vm};
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
        }
    }
}

/// Instructions per slice by default. With one task there is nothing to switch to; the slice
/// only bounds how long the host waits to look at limits and, later, the reactor.
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
    /// IO requests performed.
    pub io: u64,
    /// PMCs alive at the end.
    pub pmcs: usize,
    /// Garbage collections run.
    pub gc_runs: u64,
    /// The most PMCs alive at once.
    pub peak_pmcs: usize,
}

/// Runs assembled code to the end; returns the exit code. Subs marked `:init` run first, in
/// source order, as Parrot runs them before `:main`.
pub fn run_code<S: Sink>(code: Code, host: &mut Host<S>, opts: &RunOptions) -> (i32, Stats) {
    let code = Rc::new(code);
    let mut vm = Vm::new(Config { max_depth: opts.max_depth });
    if opts.trace {
        vm.trace = Some(Box::new(|line: &str| {
            let _ = writeln!(std::io::stderr(), "{line}");
        }));
    }
    vm.load(&code);
    let mut stats = Stats::default();
    let main = code.main_sub();
    let mut status = 0;
    for (i, sub) in code.subs.iter().enumerate() {
        if Some(i) != main && sub.flags.iter().any(|f| f == ":init") {
            let mut task = Task::for_sub(code.clone(), i as u32);
            let ended = drive(&mut vm, &mut task, host, opts, &[], stats.ops, &mut stats);
            stats.ops += task.ops;
            match ended {
                Ended::Finished => {}
                Ended::Exit(n) => {
                    status = n;
                    break;
                }
                Ended::Failed => {
                    status = 1;
                    break;
                }
            }
        }
    }
    if status == 0 {
        let argv: Vec<kea_vm::string::Str> = opts.argv.iter().map(|a| kea_vm::string::Str::from(a.as_str())).collect();
        let mut task = Task::main(&mut vm, code, &argv);
        status = match drive(&mut vm, &mut task, host, opts, &[], stats.ops, &mut stats) {
            Ended::Finished => 0,
            Ended::Exit(n) => n,
            Ended::Failed => 1,
        };
        stats.ops += task.ops;
    }
    host.flush_all();
    stats.pmcs = vm.heap.len();
    stats.gc_runs = vm.heap.gc_runs;
    stats.peak_pmcs = vm.heap.peak;
    if opts.stats {
        let s = format!(
            "kea stats: ops {} slices {} io-requests {} gc-runs {} live-pmcs {} peak-pmcs {}\n",
            stats.ops, stats.slices, stats.io, stats.gc_runs, stats.pmcs, stats.peak_pmcs
        );
        let _ = host.sink.write(2, s.as_bytes());
    }
    (status, stats)
}

/// How a task's run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It finished (with its outermost frame still there if it keeps it).
    Finished,
    /// The program called `exit N`.
    Exit(i32),
    /// An uncaught error or an instruction limit; the report is already on stderr.
    Failed,
}

/// Runs one task until it ends, performing its IO. `roots` are other live tasks (for the
/// collector); `ops_before` counts instructions already spent toward `--max-ops`. Used by
/// `kea run` and by the REPL, so both behave the same.
pub fn drive<S: Sink>(
    vm: &mut Vm,
    task: &mut Task,
    host: &mut Host<S>,
    opts: &RunOptions,
    roots: &[&Task],
    ops_before: u64,
    stats: &mut Stats,
) -> Ended {
    let start = task.ops;
    loop {
        let ran = ops_before + (task.ops - start);
        let fuel = match opts.max_ops {
            Some(max) if ran >= max => {
                host.flush_all();
                let _ = host
                    .sink
                    .write(2, format!("instruction limit exceeded after {ran} ops (--max-ops {max})\n").as_bytes());
                return Ended::Failed;
            }
            Some(max) => opts.batch.min(max - ran),
            None => opts.batch,
        };
        stats.slices += 1;
        if vm.heap.wants_gc() {
            let mut all: Vec<&Task> = Vec::with_capacity(roots.len() + 1);
            all.push(task);
            all.extend_from_slice(roots);
            vm.collect(&all);
        }
        let step = match vm.run(task, fuel) {
            Step::Io(req) => {
                stats.io += 1;
                let res = host.perform(req);
                match vm.complete_io(task, res) {
                    Ok(()) => continue,
                    Err(step) => step,
                }
            }
            step => step,
        };
        match step {
            Step::Yielded | Step::Io(_) => {}
            Step::Finished => return Ended::Finished,
            Step::Exit(n) => return Ended::Exit(n),
            Step::Trapped(t) => {
                host.flush_all();
                let _ = host.sink.write(2, t.to_string().as_bytes());
                return Ended::Failed;
            }
        }
    }
}

/// Reads a source file as UTF-8, with the OS error or the offset of the first bad byte.
pub fn read_source(path: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("{path}: error: cannot read file: {}", host::os_error_text(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("{path}: error: file is not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
    })
}

/// Everything `kea run` does for a source text, with output captured (for tests).
pub fn run_source_captured(name: &str, text: &str, stdin: &[u8], opts: &RunOptions) -> (i32, Vec<u8>, Vec<u8>) {
    match kea_asm::assemble_str(name, text) {
        Err(f) => (EXIT_ASM, Vec::new(), diag::render_failure(&f, false).into_bytes()),
        Ok(code) => {
            let mut host = Host::new(host::CaptureSink::default(), Box::new(std::io::Cursor::new(stdin.to_vec())));
            let (status, _) = run_code(code, &mut host, opts);
            (status, host.sink.out, host.sink.err)
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
