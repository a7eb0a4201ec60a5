//! The REPL: `kea` with no file.
//!
//! Each input is assembled on its own (`kea_asm::assemble_str("<repl>", ...)`) and its
//! statements run in **one persistent main frame**, so registers keep their values from one
//! input to the next. One [`Vm`] lives for the whole session, so globals, the heap and every
//! sub defined so far stay alive.
//!
//! ## What an input is
//! A line is one input, except that a line starting with `.pcc_sub` starts a block that runs
//! to the next empty line, `.macro` one that runs to its `.endm` line, and PIR `.sub` one that
//! runs to its `.end` line (continuation prompt `...> `). Text that already holds several
//! lines (a bracketed paste, a block recalled from history) is one input as it is. A line
//! starting with `:` is a command (`:help` lists them).
//!
//! ## How definitions are kept
//! * **Subs** are not re-assembled: every input's code object is handed to [`Vm::load`],
//!   which registers its subs as globals by name. `find_name` looks in the running code object
//!   first and then in the globals, so a sub defined by an earlier input is callable by name
//!   from any later one, and defining a sub again replaces it. Subs flagged `:init` or `:load`
//!   run once, when their input is loaded.
//! * **Macros** exist only at assembly time, so every successful input's `.macro ... .endm`
//!   blocks, `.macro_const` lines and `.include` lines of constant-only files (those that
//!   assemble to no ops) are appended to a *prelude* that is put before each later input.
//!   The prelude assembles to no ops, so the input's statements still form the implicit unit
//!   `(main)`; error locations and backtraces are mapped back so that `<repl>:LINE` counts lines
//!   of what was typed (the prelude is shown as `<repl prelude>`).
//! * What runs is the input's implicit unit: the statements before its first `.pcc_sub` (or
//!   `.sub`). An input that only defines subs or macros runs nothing.
//!
//! ## How the main frame survives
//! The main task has [`Task::keep_outer`] set: when an input's unit finishes (`end`, or a
//! return out of it) the VM keeps the outermost frame, and [`Task::continue_with`] points that
//! frame at the next input. If an input fails instead (an uncaught error, a tail call out of
//! the unit), the main frame is restored as it was before the input: a failed input leaves the
//! registers as they were. The copy is kept in a second task that is passed to the garbage
//! collector as a root, so the PMCs it holds stay alive.
//!
//! ## Not kept
//! `.namespace` and PIR `.const` do not carry over from one input to the next.
//!
//! ## Waiting for input
//! The scheduler runs while the REPL waits at its prompt: timers, callbacks, IO completions
//! and tasks started by earlier inputs go on running (DESIGN §5), so a timer started at the
//! prompt fires while the user types. What they print appears *above* the prompt: the line
//! being typed is cleared, the output printed, and the prompt with the typed text drawn again
//! below it (rustyline's external printer). While an input runs, no prompt is shown and
//! output goes straight to stdout and stderr, as in `kea run`.
//!
//! * Output written while the prompt is shown is collected by [`ReplSink`] and handed on when
//!   the scheduler is about to sleep, so the pieces of one line (`print "n = "`, `say n`)
//!   arrive together. A line without its newline yet is shown as a line of its own.
//! * `exit N` in a task that runs at the prompt ends the REPL with status N at once, and the
//!   terminal is given back as it was before the line editor took it.
//! * Ctrl-D leaves the REPL even with timers armed or tasks asleep: they are dropped.
//! * A program read of stdin that runs at the prompt competes with the line editor for the
//!   terminal; which of the two gets a typed line is not defined. (A read made by an input
//!   itself runs while no prompt is shown, so it gets the terminal alone.)
//!
//! ## Why the line editor has its own thread
//! `Editor::readline` blocks until a line is typed, and the scheduler must not. So the editor
//! lives on a thread of its own (`LineEditor`); the main thread asks it for a line and,
//! while the answer is outstanding, runs the scheduler in slices of [`IDLE_SLICE`]
//! ([`Session::idle`]), or simply waits for the answer when nothing is left that could run
//! ([`Session::has_work`]: nothing can start by itself then).
//! The VM never leaves the main thread. A typed line is noticed at once: the editor thread
//! sets a flag and wakes the scheduler's poll through the reactor's `mio::Waker`
//! ([`Session::waker`]), and the scheduler stops after the tick it is in
//! ([`Session::idle_until`]). A task that never yields still holds the main thread for its
//! slice of `--batch` instructions, no longer.
//!
//! ## Why a printer only while something runs
//! With an external printer alive, rustyline 15 waits for input with `select` on the terminal
//! and forgets the keys it has already read into its buffer: when one read brings several
//! keys (text typed ahead while an input ran, a paste without bracketed paste), `readline`
//! handles the first and then waits for the next key press before it handles the rest
//! (rustyline issue 976, fixed in rustyline 19). So a prompt gets a printer only when tasks,
//! timers or IO can run while it is shown; the other prompts, which are most of them, read
//! the terminal exactly as before.
//!
//! ## Why output goes through a printer thread
//! rustyline's external printer hands a message to `readline` over a channel with room for
//! one message, and `print` blocks while that room is taken. If `readline` returned (the user
//! pressed Enter) just before taking a message, the next `print` would wait until the next
//! `readline`, which only the main thread can ask for: a deadlock if the main thread were the
//! one printing. So a printer thread owns the external printer and the main thread only
//! queues text for it; before an input runs, the main thread waits (bounded) until the queue
//! is empty, so output keeps its order.
//!
//! ## Why `stty` at an exit from the prompt
//! rustyline gives the terminal back (cooked mode, bracketed paste off) when `readline`
//! returns, and offers no way to make a `readline` on another thread return. When a task
//! ends the program while the prompt is shown, the REPL puts back the terminal settings it
//! saved with `stty -g` at start (the crate has no termios binding of its own, and no
//! `unsafe`), then exits while the editor thread is still in `readline`.
//!
//! [`Vm`]: kea_vm::interp::Vm
//! [`Vm::load`]: kea_vm::interp::Vm::load

use crate::host::{Host, Sink, StdSink};
use crate::sched::{Class, Ended, Runtime};
use crate::{diag, RunOptions};
use kea_vm::code::{Code, Disassembly, SourceFile, Span, IMPLICIT_MAIN};
use kea_vm::interp::{Frame, Task};
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config as LineConfig, Context, Editor, ExternalPrinter, Helper};
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The prompt.
pub const PROMPT: &str = "kea> ";
/// The prompt for the lines of a block.
pub const CONTINUATION: &str = "...> ";
/// The file name inputs are assembled as.
pub const INPUT_NAME: &str = "<repl>";
/// The file name of the macro prelude in diagnostics.
pub const PRELUDE_NAME: &str = "<repl prelude>";

/// How long the scheduler runs at a time while the REPL waits for a line: the longest the
/// output of a task that never sleeps waits before it is shown above the prompt. A typed line
/// does not wait for the slice to end: the editor thread wakes the scheduler's poll.
pub const IDLE_SLICE: Duration = Duration::from_millis(15);

/// How long the main thread waits for the printer thread to show what it was handed before
/// an input runs. Only a printer stuck behind a `readline` that already returned takes that
/// long (see "Why output goes through a printer thread"); its text then shows at the next
/// prompt.
const PRINTER_WAIT: Duration = Duration::from_millis(250);

/// Write this much at the prompt without a flush and whole lines are handed on at once.
const PENDING_LIMIT: usize = 64 * 1024;

/// The commands, with what they do.
pub const COMMANDS: &[(&str, &str)] = &[
    (":help", "list the commands"),
    (":regs", "show the registers of the main frame that are not at their default value"),
    (":dis", "disassemble the last input"),
    (":ops", "print the op reference"),
    (":quit", "leave the REPL (Ctrl-D does too)"),
];

/// Directives offered by completion.
const DIRECTIVES: &[&str] =
    &[".pcc_sub", ".macro", ".endm", ".macro_const", ".include", ".namespace", ".sub", ".end", ".param", ".local"];

/// A multi-line block being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// `.pcc_sub`: ends at an empty line.
    PccSub,
    /// `.macro`: ends with its `.endm` line.
    Macro,
    /// PIR `.sub`: ends with its `.end` line.
    PirSub,
}

fn first_word(line: &str) -> &str {
    line.split_whitespace().next().unwrap_or("")
}

/// The block a line starts, if any.
pub fn block_start(line: &str) -> Option<Block> {
    match first_word(line) {
        ".pcc_sub" => Some(Block::PccSub),
        ".macro" => Some(Block::Macro),
        ".sub" => Some(Block::PirSub),
        _ => None,
    }
}

impl Block {
    /// Whether `line` (a continuation line) ends the block. The empty line that ends a
    /// `.pcc_sub` block is not part of it; `.endm` and `.end` are.
    pub fn ends_at(self, line: &str) -> bool {
        match self {
            Block::PccSub => line.trim().is_empty(),
            Block::Macro => first_word(line) == ".endm",
            Block::PirSub => first_word(line) == ".end",
        }
    }
}

/// What the user's input means.
#[derive(Debug, PartialEq, Eq)]
pub enum Input<'a> {
    /// Nothing (an empty line).
    Empty,
    /// A `:command` (the word, without arguments).
    Command(&'a str),
    /// Assembly text.
    Code(&'a str),
}

/// Classifies one submitted input.
pub fn classify(text: &str) -> Input<'_> {
    let t = text.trim();
    if t.is_empty() {
        Input::Empty
    } else if t.starts_with(':') && !t.contains('\n') {
        Input::Command(first_word(t))
    } else {
        Input::Code(text)
    }
}

/// Completion at `pos` in `line`: where the completed word starts and the candidates.
/// `:` words complete commands, `.` words directives, and the first word of a statement
/// (after an optional label) op mnemonics.
pub fn complete(line: &str, pos: usize) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let before = &line[..pos];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    let head = before[..start].trim();
    let pick = |all: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        all.filter(|c| c.starts_with(word)).map(str::to_string).collect()
    };
    let out = if word.starts_with(':') {
        if head.is_empty() {
            pick(&mut COMMANDS.iter().map(|c| c.0))
        } else {
            Vec::new()
        }
    } else if word.starts_with('.') {
        if head.is_empty() || head.ends_with(':') {
            pick(&mut DIRECTIVES.iter().copied())
        } else {
            Vec::new()
        }
    } else if head.is_empty() || (head.ends_with(':') && !head.contains(char::is_whitespace)) {
        pick(&mut kea_vm::op::mnemonics().into_iter())
    } else {
        Vec::new()
    };
    (start, out)
}

/// The parts of a successful input that must be assembled again before later inputs:
/// `.macro ... .endm` blocks, `.macro_const` lines and `.include` lines (each with its
/// newline). Whether an `.include` is kept is decided by [`Session`].
pub fn assembly_time_definitions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        match first_word(line) {
            ".macro" => {
                let mut block = format!("{line}\n");
                for l in lines.by_ref() {
                    block.push_str(l);
                    block.push('\n');
                    if first_word(l) == ".endm" {
                        break;
                    }
                }
                out.push(block);
            }
            ".macro_const" | ".include" => out.push(format!("{line}\n")),
            _ => {}
        }
    }
    out
}

/// What a submitted input did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Go on reading.
    Continue,
    /// Leave the REPL with this status (`:quit`, `exit N`).
    Quit(i32),
}

/// How a run of the main unit ended.
enum RunEnd {
    /// Reached the end of the unit; the frame is intact.
    Done,
    /// Ended in a way that dropped the frame (`end` in a sub, an uncaught error...).
    Lost,
    /// `exit N`.
    Exit(i32),
}

/// A REPL session without the line editor: the VM, the persistent main task and the host.
/// The terminal front end ([`run`]) feeds it inputs; tests can too, with a capturing sink.
pub struct Session<S: Sink> {
    /// The VM, IO host and scheduler; tasks, timers and callbacks started by one input live
    /// on through the next.
    pub rt: Runtime<S>,
    task: Task,
    prelude: String,
    last: Option<Code>,
    color: bool,
}

impl<S: Sink> Session<S> {
    /// A new session. `color` renders assembly errors for a terminal.
    pub fn new(host: Host<S>, opts: &RunOptions, color: bool) -> Session<S> {
        let mut rt = crate::runtime(host, opts);
        rt.keep_going = true;
        Session { rt, task: Task::default(), prelude: String::new(), last: None, color }
    }

    /// Handles one input: a command or assembly text.
    pub fn submit(&mut self, text: &str) -> Outcome {
        let out = match classify(text) {
            Input::Empty => Outcome::Continue,
            Input::Command(c) => self.command(c),
            Input::Code(t) => self.eval(t),
        };
        self.rt.host.flush_all();
        out
    }

    fn out(&mut self, text: &str) {
        let _ = self.rt.host.sink.write(1, text.as_bytes());
    }

    fn err(&mut self, text: &str) {
        let _ = self.rt.host.sink.write(2, text.as_bytes());
    }

    /// Runs a `:command`.
    pub fn command(&mut self, cmd: &str) -> Outcome {
        match cmd {
            ":help" | ":h" | ":?" => {
                let mut s =
                    String::from("Type PASM statements; they run at once, in one frame whose registers persist.\n");
                s.push_str("A .pcc_sub block ends at an empty line, a .macro at .endm, a .sub at .end.\n");
                for (c, what) in COMMANDS {
                    s.push_str(&format!("  {c:<8} {what}\n"));
                }
                self.out(&s);
            }
            ":regs" | ":r" => {
                let s = self.registers();
                self.out(if s.is_empty() { "(all registers at their defaults)\n" } else { &s });
            }
            ":dis" | ":d" => match &self.last {
                Some(code) => {
                    let s = Disassembly(code).to_string();
                    self.out(if s.is_empty() { "(no ops)\n" } else { &s });
                }
                None => self.out("(nothing assembled yet)\n"),
            },
            ":ops" => self.out(&crate::ops_reference()),
            ":quit" | ":q" | ":exit" => return Outcome::Quit(0),
            other => self.err(&format!("unknown command '{other}' (:help lists the commands)\n")),
        }
        Outcome::Continue
    }

    /// The registers of the main frame that are not at their default value, one a line:
    /// `I0 = 42`, `N1 = 1.5`, `S0 = "hi"`, `P2 = ResizablePMCArray`.
    pub fn registers(&self) -> String {
        let Some(f) = self.task.frames.first() else { return String::new() };
        let mut s = String::new();
        for (i, v) in f.i.iter().enumerate().filter(|(_, v)| **v != 0) {
            s.push_str(&format!("I{i} = {v}\n"));
        }
        for (i, v) in f.n.iter().enumerate().filter(|(_, v)| **v != 0.0) {
            s.push_str(&format!("N{i} = {}\n", kea_vm::num::fmt_print(*v)));
        }
        for (i, v) in f.s.iter().enumerate().filter(|(_, v)| !v.is_null()) {
            s.push_str(&format!("S{i} = {}\n", kea_vm::code::quote(v)));
        }
        for (i, v) in f.p.iter().enumerate() {
            if let Some(r) = v {
                s.push_str(&format!("P{i} = {}\n", self.rt.vm.heap.class_name(*r)));
            }
        }
        s
    }

    /// Whether anything started by earlier inputs (tasks, callbacks, armed timers, IO under
    /// way) could still run by itself.
    pub fn has_work(&self) -> bool {
        self.rt.has_work()
    }

    /// Runs the scheduler for at most `dur` while no input runs (the REPL waiting at its
    /// prompt): timers fire, callbacks and tasks run, with the main frame kept alive as a
    /// root. Returns early when nothing is left. `Quit(n)` when one of them ran `exit N`; the
    /// output written just before the exit is then left in the sink, not flushed.
    pub fn idle(&mut self, dur: Duration) -> Outcome {
        self.idle_until(dur, &|| false)
    }

    /// [`Session::idle`], returning as soon as `stop` says so (asked after every tick; make it
    /// true from another thread, then wake the poll with [`Session::waker`]).
    pub fn idle_until(&mut self, dur: Duration, stop: &dyn Fn() -> bool) -> Outcome {
        self.rt.run_for_until(dur, &[&self.task], stop);
        match self.rt.exit_status() {
            Some(n) => Outcome::Quit(n),
            None => {
                let _ = self.rt.host.sink.flush();
                Outcome::Continue
            }
        }
    }

    /// Wakes the scheduler's poll from another thread.
    pub fn waker(&self) -> Arc<mio::Waker> {
        self.rt.host.waker()
    }

    /// The code of the last input that assembled, as assembled.
    pub fn last_code(&self) -> Option<&Code> {
        self.last.as_ref()
    }

    /// Assembles an input after the prelude and maps its locations back to the input.
    fn assemble(&self, text: &str) -> Result<Code, kea_asm::AsmFailure> {
        let mut full = String::with_capacity(self.prelude.len() + text.len() + 1);
        full.push_str(&self.prelude);
        full.push_str(text);
        if !text.ends_with('\n') {
            full.push('\n');
        }
        let plen = self.prelude.len() as u32;
        match kea_asm::assemble_str(INPUT_NAME, &full) {
            Ok(mut code) => {
                if plen > 0 {
                    let pfile = code.files.len() as u32;
                    for s in &mut code.spans {
                        *s = remap(*s, plen, pfile);
                    }
                    split_file(&mut code.files, &full, plen as usize);
                }
                Ok(code)
            }
            Err(mut f) => {
                if plen > 0 {
                    let pfile = f.files.len() as u32;
                    for e in &mut f.errors {
                        e.span = remap(e.span, plen, pfile);
                    }
                    split_file(&mut f.files, &full, plen as usize);
                }
                Err(f)
            }
        }
    }

    /// Assembles and runs one input.
    pub fn eval(&mut self, text: &str) -> Outcome {
        let code = match self.assemble(text) {
            Ok(c) => c,
            Err(f) => {
                let r = diag::render_failure(&f, self.color);
                self.err(&r);
                return Outcome::Continue;
            }
        };
        for def in assembly_time_definitions(text) {
            if first_word(&def) == ".include" {
                // Only constant files: one with subs or ops would put them before each input.
                match kea_asm::assemble_str(INPUT_NAME, &def) {
                    Ok(c) if c.ops.is_empty() => {}
                    _ => continue,
                }
            }
            self.prelude.push_str(&def);
        }
        self.last = Some(code.clone());

        let units: Vec<usize> = (0..code.subs.len())
            .filter(|&i| code.subs[i].name == IMPLICIT_MAIN && code.subs[i].start < code.subs[i].end)
            .collect();
        let inits: Vec<usize> =
            (0..code.subs.len()).filter(|&i| code.subs[i].flags.iter().any(|f| f == ":init" || f == ":load")).collect();
        let code = Rc::new(code);
        self.rt.vm.load(&code);

        for i in inits {
            let t = Task::for_sub(code.clone(), i as u32);
            let roots = [&self.task];
            if let (RunEnd::Exit(n), _) = drive(&mut self.rt, t, &roots) {
                return Outcome::Quit(n);
            }
        }

        for u in units {
            // The rollback point: the main frame as it was before this unit.
            let mut backup = Task::default();
            if let Some(f) = self.task.frames.first() {
                backup.frames.push(copy_frame(f));
            }
            self.task.continue_with(code.clone(), u as u32);
            self.task.keep_outer = true;
            let (end, back) = drive(&mut self.rt, std::mem::take(&mut self.task), &[&backup]);
            self.task = back.unwrap_or_default();
            match end {
                RunEnd::Done => {}
                RunEnd::Lost | RunEnd::Exit(_) => {
                    self.task.frames.clear();
                    if let Some(f) = backup.frames.pop() {
                        self.task.frames.push(f);
                    }
                    if let RunEnd::Exit(n) = end {
                        return Outcome::Quit(n);
                    }
                    break;
                }
            }
        }
        Outcome::Continue
    }
}

/// Maps a span of prelude + input to the input (file 0) or the prelude (file `pfile`).
fn remap(s: Span, plen: u32, pfile: u32) -> Span {
    if s.file != 0 {
        s
    } else if s.start >= plen {
        Span { file: 0, start: s.start - plen, end: s.end.saturating_sub(plen) }
    } else {
        Span { file: pfile, start: s.start, end: s.end.min(plen) }
    }
}

/// Replaces file 0 (prelude + input) by the input, and adds the prelude at the end.
fn split_file(files: &mut Vec<SourceFile>, full: &str, plen: usize) {
    if files.is_empty() {
        return;
    }
    files[0] = SourceFile::new(INPUT_NAME, &full[plen..]);
    files.push(SourceFile::new(PRELUDE_NAME, &full[..plen]));
}

fn copy_frame(f: &Frame) -> Frame {
    Frame { code: f.code.clone(), sub: f.sub, pc: f.pc, i: f.i.clone(), n: f.n.clone(), s: f.s.clone(), p: f.p.clone() }
}

/// Runs `task` with the runtime's own scheduler (as `kea run` does) until it ends; other
/// tasks, callbacks and timers run meanwhile and live on. `Done` when it finished with its
/// outermost frame kept (`Task::keep_outer`), `Lost` when the frame is gone. The task comes
/// back.
fn drive<S: Sink>(rt: &mut Runtime<S>, task: Task, roots: &[&Task]) -> (RunEnd, Option<Task>) {
    let id = rt.spawn(task, None, Class::Task, 0);
    let end = rt.run_until(Some(id), roots);
    let back = rt.take(id);
    let kept = back.as_ref().is_some_and(|t| !t.frames.is_empty());
    let end = match end {
        Ended::Exit(n) => RunEnd::Exit(n),
        Ended::Finished if kept => RunEnd::Done,
        Ended::Finished | Ended::Failed => RunEnd::Lost,
    };
    (end, back)
}

/// A message for the printer thread.
enum ToPrinter {
    /// Show this text above the prompt.
    Text(String),
    /// Use this external printer from now on; `None` drops the one held, so that the next
    /// `readline` runs without one (see "Why a printer only while something runs").
    Set(Option<Box<dyn ExternalPrinter + Send>>),
    /// Say so on this channel once everything before it was dealt with.
    Sync(Sender<()>),
}

/// Starts the printer thread (see "Why output goes through a printer thread"), holding
/// `printer` to begin with. It ends when every sender of the returned queue is dropped.
fn spawn_printer(printer: Option<Box<dyn ExternalPrinter + Send>>) -> Option<Sender<ToPrinter>> {
    let (tx, rx) = channel::<ToPrinter>();
    let spawned = thread::Builder::new().name("kea-repl-printer".into()).spawn(move || {
        let mut printer = printer;
        // A message taken from the queue while joining texts, to be dealt with next.
        let mut held = None;
        while let Some(msg) = held.take().or_else(|| rx.recv().ok()) {
            match msg {
                ToPrinter::Text(mut text) => {
                    // Text queued meanwhile joins it: one redraw of the prompt for all of it,
                    // so a fast timer cannot outrun the terminal.
                    for next in rx.try_iter() {
                        match next {
                            ToPrinter::Text(t) => text.push_str(&t),
                            other => {
                                held = Some(other);
                                break;
                            }
                        }
                    }
                    let shown = printer.as_mut().is_some_and(|p| p.print(text.clone()).is_ok());
                    if !shown {
                        // No prompt to keep clear (or a terminal that fails): straight out.
                        let mut out = io::stdout().lock();
                        let _ = out.write_all(text.as_bytes());
                        let _ = out.flush();
                    }
                }
                ToPrinter::Set(p) => printer = p,
                ToPrinter::Sync(done) => {
                    let _ = done.send(());
                }
            }
        }
    });
    spawned.ok().map(|_| tx)
}

/// Waits (bounded by [`PRINTER_WAIT`]) until the printer thread has dealt with everything
/// queued before this call.
fn sync_printer(queue: &Sender<ToPrinter>) {
    let (tx, rx) = channel();
    if queue.send(ToPrinter::Sync(tx)).is_ok() {
        let _ = rx.recv_timeout(PRINTER_WAIT);
    }
}

/// Program output in the REPL. While an input runs it is the `direct` sink ([`StdSink`] in
/// the terminal REPL). While a prompt is shown with tasks running behind it
/// ([`ReplSink::set_prompt`]), it collects output, stdout and stderr alike and in order, and
/// on each flush hands it to the line editor's external printer, which shows it above the
/// prompt. Without a printer (stdin or stdout is not a terminal) everything goes to the
/// direct sink.
pub struct ReplSink<D: Sink = StdSink> {
    /// Where output goes while no prompt is shown.
    direct: D,
    /// The printer thread's queue; `None` when there is no printer thread.
    printer: Option<Sender<ToPrinter>>,
    /// Whether a prompt is shown and output must go above it.
    prompt: bool,
    /// Output written while the prompt is shown, not yet handed on.
    pending: Vec<u8>,
}

impl<D: Sink> ReplSink<D> {
    /// A sink that writes to `direct`, and above the prompt through `printer` when there is
    /// one (a printer thread is started for it).
    pub fn new(direct: D, printer: Option<Box<dyn ExternalPrinter + Send>>) -> ReplSink<D> {
        ReplSink::on_queue(direct, printer.and_then(|p| spawn_printer(Some(p))))
    }

    /// A sink whose printer thread is already running (the line editor sets its printer).
    fn on_queue(direct: D, printer: Option<Sender<ToPrinter>>) -> ReplSink<D> {
        ReplSink { direct, printer, prompt: false, pending: Vec::new() }
    }

    /// The sink used while no prompt is shown.
    pub fn direct_mut(&mut self) -> &mut D {
        &mut self.direct
    }

    /// Whether output currently goes above a prompt.
    fn above_prompt(&self) -> bool {
        self.prompt && self.printer.is_some()
    }

    /// Says whether a prompt is shown that output must go above. Showing one flushes the
    /// direct sink first; taking it away waits (bounded) until the printer thread has handed
    /// on what it was given, and then writes what was not handed on yet (output written
    /// just before an `exit`) directly.
    pub fn set_prompt(&mut self, shown: bool) {
        if shown == self.prompt {
            return;
        }
        if shown {
            let _ = self.direct.flush();
        } else {
            self.sync_printer();
        }
        self.prompt = shown;
        if !shown && !self.pending.is_empty() {
            let text = std::mem::take(&mut self.pending);
            let _ = self.direct.write(1, &text);
        }
    }

    /// Waits (bounded) until the printer thread has handed on everything it was given.
    fn sync_printer(&self) {
        if let Some(q) = &self.printer {
            sync_printer(q);
        }
    }

    /// Hands the first `n` pending bytes to the printer thread (to the direct sink if that
    /// thread is gone).
    fn hand_on(&mut self, n: usize) -> io::Result<()> {
        let rest = self.pending.split_off(n);
        let bytes = std::mem::replace(&mut self.pending, rest);
        if bytes.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match &self.printer {
            Some(p) if p.send(ToPrinter::Text(text)).is_ok() => Ok(()),
            _ => {
                self.printer = None;
                self.direct.write(1, &bytes)?;
                self.direct.flush()
            }
        }
    }
}

impl<D: Sink> Sink for ReplSink<D> {
    fn write(&mut self, fd: u32, bytes: &[u8]) -> io::Result<()> {
        if !self.above_prompt() {
            return self.direct.write(fd, bytes);
        }
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= PENDING_LIMIT {
            if let Some(i) = self.pending.iter().rposition(|&b| b == b'\n') {
                return self.hand_on(i + 1);
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.above_prompt() {
            self.hand_on(self.pending.len())
        } else {
            self.direct.flush()
        }
    }
}

/// The program's stdin while the REPL runs: reads a line at a time through the process's
/// shared stdin buffer, so it never holds input the line editor should get (a piped session).
struct StdinLines {
    buf: Vec<u8>,
    pos: usize,
}

impl Read for StdinLines {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for StdinLines {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            io::stdin().lock().read_until(b'\n', &mut self.buf)?;
        }
        Ok(&self.buf[self.pos..])
    }
    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

/// The line editor's helper: completion of commands, directives and mnemonics.
struct ReplHelper;

impl Completer for ReplHelper {
    type Candidate = String;
    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(complete(line, pos))
    }
}
impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// Where history is kept: `$KEA_HISTORY`, else `$HOME/.kea_history`.
pub fn history_path() -> Option<PathBuf> {
    match std::env::var_os("KEA_HISTORY") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".kea_history")),
    }
}

/// A request to the line editor thread.
enum Ask {
    /// Read a line with this prompt; `printer`: with an external printer, because tasks
    /// will run while it is shown.
    Line {
        prompt: &'static str,
        printer: bool,
        /// Wakes the main thread's scheduler once the line is sent, when it runs meanwhile.
        wake: Option<Arc<mio::Waker>>,
    },
    /// Add this input to the history and save the history.
    Keep(String),
}

/// What the line editor read.
enum Typed {
    /// A line (or a pasted block).
    Line(String),
    /// Ctrl-C.
    Interrupted,
    /// Ctrl-D, or the end of piped input.
    Eof,
    /// The editor failed; the text says why.
    Failed(String),
    /// Not from the editor: a task that ran while waiting called `exit N`.
    Exit(i32),
}

/// The line editor on its own thread (see "Why the line editor has its own thread").
struct LineEditor {
    /// Requests to the thread.
    asks: Sender<Ask>,
    /// Its answers to [`Ask::Line`].
    typed: Receiver<Typed>,
    /// Set by the thread when it has sent an answer, before it wakes the scheduler.
    answered: Arc<AtomicBool>,
    /// Whether the terminal allows an external printer, so tasks can run at the prompt
    /// with their output above it.
    printing: bool,
    /// The thread, joined by [`LineEditor::finish`].
    thread: JoinHandle<()>,
}

/// What the editor thread says once it has its editor: the printer thread's queue, when
/// the terminal allows an external printer.
type Started = Result<Option<Sender<ToPrinter>>, String>;

impl LineEditor {
    /// Starts the thread, which builds the editor and loads the history. Also returns the
    /// queue of the printer thread, for the sink.
    fn start(history: Option<PathBuf>) -> Result<(LineEditor, Option<Sender<ToPrinter>>), String> {
        let (asks, ask_rx) = channel();
        let (typed_tx, typed) = channel();
        let (started_tx, started) = channel::<Started>();
        let answered = Arc::new(AtomicBool::new(false));
        let said = answered.clone();
        let thread = thread::Builder::new()
            .name("kea-repl-editor".into())
            .spawn(move || editor_thread(history, started_tx, ask_rx, typed_tx, said))
            .map_err(|e| e.to_string())?;
        let queue = started.recv().map_err(|_| "the line editor stopped".to_string())??;
        Ok((LineEditor { asks, typed, answered, printing: queue.is_some(), thread }, queue))
    }

    /// Adds an input to the history (the thread saves it at once).
    fn keep(&self, text: &str) {
        let _ = self.asks.send(Ask::Keep(text.to_string()));
    }

    /// Asks for a line with `prompt` and waits for it. If tasks, timers or IO started by
    /// earlier inputs can still run, the scheduler runs meanwhile and their output goes
    /// above the prompt; if not, nothing can happen before the line comes, so this just
    /// waits.
    fn read<D: Sink>(&self, session: &mut Session<ReplSink<D>>, prompt: &'static str) -> Typed {
        let running = self.printing && session.has_work();
        self.answered.store(false, Ordering::Release);
        let wake = Some(session.waker());
        if self.asks.send(Ask::Line { prompt, printer: running, wake }).is_err() {
            return Typed::Failed("the line editor stopped".into());
        }
        session.rt.host.sink.set_prompt(running);
        let stopped = || Typed::Failed("the line editor stopped".into());
        let typed = loop {
            match self.typed.try_recv() {
                Ok(t) => break t,
                Err(TryRecvError::Disconnected) => break stopped(),
                Err(TryRecvError::Empty) => {}
            }
            if !session.has_work() {
                break self.typed.recv().unwrap_or_else(|_| stopped());
            }
            let answered = || self.answered.load(Ordering::Acquire);
            if let Outcome::Quit(n) = session.idle_until(IDLE_SLICE, &answered) {
                // The prompt is still shown; `run` gives the terminal back.
                return Typed::Exit(n);
            }
        };
        session.rt.host.sink.set_prompt(false);
        typed
    }

    /// Stops the thread (it saves the history) and waits for it. Only when no `readline`
    /// is under way.
    fn finish(self) {
        drop(self.asks);
        let _ = self.thread.join();
    }
}

/// The editor thread: builds the editor, starts the printer thread if the terminal allows
/// an external printer, then answers requests until the main thread drops its sender.
fn editor_thread(
    history: Option<PathBuf>,
    started: Sender<Started>,
    asks: Receiver<Ask>,
    typed: Sender<Typed>,
    answered: Arc<AtomicBool>,
) {
    let config = LineConfig::builder()
        .auto_add_history(false)
        .max_history_size(1000)
        .map(|b| b.completion_type(CompletionType::List).build())
        .unwrap_or_default();
    let mut ed: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            let _ = started.send(Err(e.to_string()));
            return;
        }
    };
    ed.set_helper(Some(ReplHelper));
    if let Some(h) = &history {
        let _ = ed.load_history(h);
    }
    // Fails when stdin or stdout is not a terminal: output then always goes straight out.
    // The trial printer is dropped at once; rustyline forgets it at the next `readline`.
    let queue = ed.create_external_printer().ok().and_then(|_| spawn_printer(None));
    if started.send(Ok(queue.clone())).is_err() {
        return;
    }
    // Whether the printer thread holds a printer.
    let mut holding = false;
    for ask in asks {
        match ask {
            Ask::Line { prompt, printer, wake } => {
                if let Some(q) = queue.as_ref().filter(|_| printer != holding) {
                    let p = if printer { ed.create_external_printer().ok() } else { None };
                    holding = p.is_some();
                    let _ = q.send(ToPrinter::Set(p.map(|p| Box::new(p) as Box<dyn ExternalPrinter + Send>)));
                    // A dropped printer must be gone before `readline` starts, and text
                    // queued before a new one must be out before the prompt is drawn.
                    sync_printer(q);
                }
                let t = match ed.readline(prompt) {
                    Ok(l) => Typed::Line(l),
                    Err(ReadlineError::Interrupted) => Typed::Interrupted,
                    Err(ReadlineError::Eof) => Typed::Eof,
                    Err(e) => Typed::Failed(e.to_string()),
                };
                // The main thread may be running tasks in the scheduler: tell it now, not at
                // the end of its slice. The flag goes up before the answer is sent: set after,
                // it could land once the main thread has taken the answer and asked for the
                // next line, and stop the scheduler for that whole prompt.
                answered.store(true, Ordering::Release);
                if typed.send(t).is_err() {
                    break;
                }
                if let Some(w) = wake {
                    let _ = w.wake();
                }
            }
            Ask::Keep(text) => {
                let _ = ed.add_history_entry(text.as_str());
                save_history(&mut ed, history.as_ref());
            }
        }
    }
    save_history(&mut ed, history.as_ref());
}

/// The terminal's settings from before the line editor took it (`stty -g`), to put back
/// when the REPL ends while a `readline` holds the terminal in raw mode.
struct SavedTerminal(Option<String>);

impl SavedTerminal {
    /// Saves the settings of the terminal on stdin.
    fn save() -> SavedTerminal {
        let out = Command::new("stty").arg("-g").stdin(Stdio::inherit()).stderr(Stdio::null()).output();
        SavedTerminal(
            out.ok()
                .filter(|o| o.status.success())
                .and_then(|o| String::from_utf8(o.stdout).ok())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        )
    }

    /// Puts the settings back and turns bracketed paste off, as `readline` would on return,
    /// then leaves the line being typed.
    fn restore(&self) {
        if let Some(modes) = &self.0 {
            let _ = Command::new("stty").arg(modes).stdin(Stdio::inherit()).stderr(Stdio::null()).status();
        }
        let mut out = io::stdout().lock();
        let _ = out.write_all(b"\x1b[?2004l\n");
        let _ = out.flush();
    }
}

/// Runs the REPL; returns the exit code.
pub fn run(opts: &RunOptions) -> i32 {
    let history = history_path();
    let (ed, queue) = match LineEditor::start(history) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("kea: cannot start the line editor: {e}");
            return 1;
        }
    };
    // Only a terminal session has a printer, and only there can tasks run at the prompt
    // and end the program while `readline` holds the terminal in raw mode.
    let terminal = queue.as_ref().map(|_| SavedTerminal::save());
    let sink = ReplSink::on_queue(StdSink::default(), queue);
    let host = Host::new(sink, Box::new(StdinLines { buf: Vec::new(), pos: 0 }));
    let mut session = Session::new(host, opts, io::stderr().is_terminal());
    let status = 'repl: loop {
        let mut text = match ed.read(&mut session, PROMPT) {
            Typed::Line(l) => l,
            Typed::Interrupted => continue,
            Typed::Eof => break 0,
            Typed::Exit(n) => return leave_at_prompt(session, terminal.as_ref(), n),
            Typed::Failed(e) => {
                eprintln!("kea: cannot read input: {e}");
                break 1;
            }
        };
        if let Some(block) = block_start(&text).filter(|_| !text.contains('\n')) {
            loop {
                match ed.read(&mut session, CONTINUATION) {
                    Typed::Line(l) => {
                        let ends = block.ends_at(&l);
                        if block != Block::PccSub || !ends {
                            text.push('\n');
                            text.push_str(&l);
                        }
                        if ends {
                            break;
                        }
                    }
                    // Ctrl-C abandons the block, Ctrl-D leaves the REPL.
                    Typed::Interrupted => continue 'repl,
                    Typed::Exit(n) => return leave_at_prompt(session, terminal.as_ref(), n),
                    Typed::Eof | Typed::Failed(_) => break 'repl 0,
                }
            }
        }
        if !text.trim().is_empty() {
            ed.keep(&text);
        }
        if let Outcome::Quit(n) = session.submit(&text) {
            break n;
        }
    };
    session.rt.host.flush_all();
    ed.finish();
    status
}

/// Ends the REPL after a task that ran at the prompt called `exit N`: the editor thread is
/// still in `readline`, so the terminal is put back here and that thread is left to end with
/// the process. The history is already saved (after each input).
fn leave_at_prompt(mut session: Session<ReplSink>, terminal: Option<&SavedTerminal>, status: i32) -> i32 {
    if let Some(t) = terminal {
        session.rt.host.sink.sync_printer();
        // Handed on is not yet shown: `readline` draws a message when it next wakes, and
        // rustyline cannot say when it has. A moment covers that; only this exit pays for it.
        thread::sleep(Duration::from_millis(50));
        t.restore();
    }
    // What the exiting task printed last was not handed to the editor (see `Session::idle`):
    // it goes out directly, below the prompt line.
    session.rt.host.sink.set_prompt(false);
    session.rt.host.flush_all();
    status
}

fn save_history(ed: &mut Editor<ReplHelper, DefaultHistory>, path: Option<&PathBuf>) {
    if let Some(p) = path {
        let _ = ed.save_history(p);
    }
}
