//! The `kea` command line.

use clap::{Args, Parser, Subcommand};
use kea_runtime::{diag, read_source, run_code, RunOptions, DEFAULT_BATCH, EXIT_ASM};
use kea_runtime::{Reactor, StdSink};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc keeps freed memory for reuse instead of handing it back to the OS at once: a
/// program that reads 1 MiB chunks in a loop reuses the same pages rather than faulting in
/// fresh ones for every read (bench/aio, file read throughput).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Kea: a register VM for Parrot assembly, with Parrot's asynchronous IO design made real.
#[derive(Parser)]
#[command(name = "kea", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program (the same as `kea FILE`).
    Run(RunArgs),
    /// Assemble a program and report every error; run nothing.
    Check {
        /// The .pasm file.
        file: String,
    },
    /// Print the disassembly: every op with its full name and source line.
    Dis {
        /// The .pasm file.
        file: String,
    },
    /// Print the op reference: every op's full name, signature and description.
    Ops,
}

#[derive(Args, Clone)]
struct RunArgs {
    /// The .pasm file to run; without one, `kea` starts the REPL.
    file: Option<String>,
    /// Arguments passed to the program.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
    /// Print each executed op and its registers to stderr.
    #[arg(long)]
    trace: bool,
    /// Stop with an error after this many instructions.
    #[arg(long, value_name = "N")]
    max_ops: Option<u64>,
    /// Instructions per scheduler slice.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_BATCH, value_parser = clap::value_parser!(u64).range(1..))]
    batch: u64,
    /// Print counters (ops, slices, IO requests, PMCs) to stderr at exit.
    #[arg(long)]
    stats: bool,
    /// The deepest call stack allowed.
    #[arg(long, value_name = "N", default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..=u64::from(u32::MAX)))]
    max_depth: u64,
    /// Print each IO request's life (submitted, completed, bytes, task, µs timestamps) to stderr.
    #[arg(long)]
    trace_io: bool,
    /// Stop with an error after this many seconds of wall time.
    #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
    max_time: Option<std::time::Duration>,
    /// Worker threads for file IO.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=256))]
    io_threads: u64,
}

impl RunArgs {
    fn options(&self, argv: Vec<String>) -> RunOptions {
        RunOptions {
            batch: self.batch,
            max_ops: self.max_ops,
            trace: self.trace,
            stats: self.stats,
            max_depth: self.max_depth as usize,
            argv,
            trace_io: self.trace_io,
            io_threads: self.io_threads as usize,
            max_time: self.max_time,
            tz: None,
        }
    }
}

/// The longest `--max-time`: about 31 years, far from where a deadline would overflow.
const MAX_SECONDS: f64 = 1e9;

/// `--max-time SECS`: a number of seconds from 0 to [`MAX_SECONDS`], fractions allowed.
fn parse_seconds(s: &str) -> Result<std::time::Duration, String> {
    let t: f64 = s.trim().parse().map_err(|_| format!("expected a number of seconds, found '{s}'"))?;
    if !(0.0..=MAX_SECONDS).contains(&t) {
        return Err(format!("{s} seconds is out of range (0 to {MAX_SECONDS:e})"));
    }
    Ok(std::time::Duration::from_secs_f64(t))
}

/// The process status for `n`, as the OS reports an `exit(n)`: its low 8 bits (`exit -1` is
/// 255, `exit 256` is 0), which is what Parrot's `exit` op gives (`frontend/parrot/main.c`
/// passes the program's status to `exit`).
fn code(n: i32) -> ExitCode {
    ExitCode::from((n & 0xff) as u8)
}

fn assemble_file(path: &str) -> Result<kea_vm::code::Code, ExitCode> {
    let text = read_source(path).map_err(|e| {
        eprintln!("{e}");
        code(EXIT_ASM)
    })?;
    kea_asm::assemble_str(path, &text).map_err(|f| {
        eprint!("{}", diag::render_failure(&f, std::io::stderr().is_terminal()));
        code(EXIT_ASM)
    })
}

fn run(a: RunArgs) -> ExitCode {
    let Some(file) = a.file.clone() else {
        return code(kea_runtime::repl::run(&a.options(Vec::new())));
    };
    let prog = match assemble_file(&file) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let mut argv = vec![file.clone()];
    argv.extend(a.args.iter().cloned());
    let opts = a.options(argv);
    let reactor = Reactor::new(StdSink::default(), Box::new(std::io::stdin()));
    let (status, _, _) = run_code(prog, reactor, &opts);
    code(status)
}

/// Exit status when Kea itself fails: a panic is a bug, reported as one (RELIABILITY I1).
const EXIT_INTERNAL: i32 = 70;

/// Writes a command's whole output to stdout. Not `print!`, which panics when stdout fails
/// (`kea dis x.pasm > /dev/full`): a failure is reported as one, exit 1.
fn write_stdout(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kea: error: cannot write to stdout: {}", kea_runtime::os_error_text(&e));
            code(1)
        }
    }
}

/// A write past `RLIMIT_FSIZE` must fail with EFBIG (`File too large(27)`, which a program
/// can catch) instead of killing Kea: the kernel sends SIGXFSZ first, and that signal's
/// default action ends the process. Files opened by Kea are the program's files, so their
/// errors belong to the program.
/// Windows has no signals of this kind: a write past a quota fails with an error there.
#[cfg(unix)]
#[allow(unsafe_code)]
fn ignore_sigxfsz() {
    // SAFETY: `signal(SIGXFSZ, SIG_IGN)` installs no handler, so no code of ours ever runs in
    // signal context; it changes only the process's disposition for one signal, which no
    // other code in Kea or its dependencies sets or relies on; and it runs first thing in
    // `main`, before any thread is spawned. Its only failure (SIG_ERR for a bad signal
    // number) cannot happen for SIGXFSZ and would leave the default in place.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    ignore_sigxfsz();
    std::panic::set_hook(Box::new(|info| {
        eprintln!("kea: internal error (a bug in Kea, please report it): {info}");
        std::process::exit(EXIT_INTERNAL);
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return code(if e.use_stderr() { EXIT_ASM } else { 0 });
        }
    };
    match cli.command {
        None => run(cli.run),
        Some(Command::Run(a)) => {
            if a.file.is_none() {
                eprintln!("kea run: error: no file given (usage: kea run FILE [ARGS])");
                return code(EXIT_ASM);
            }
            run(a)
        }
        Some(Command::Check { file }) => match assemble_file(&file) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => e,
        },
        Some(Command::Dis { file }) => match assemble_file(&file) {
            Ok(c) => write_stdout(&kea_vm::code::Disassembly(&c).to_string()),
            Err(e) => e,
        },
        Some(Command::Ops) => write_stdout(&kea_runtime::ops_reference()),
    }
}
