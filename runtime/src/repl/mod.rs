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

mod input;
mod terminal;

pub use input::{assembly_time_definitions, block_start, classify, complete, Block, Input, COMMANDS};
pub use terminal::{history_path, run, ReplSink};

use crate::reactor::Reactor;
use crate::sched::{Class, Ended, Runtime};
use crate::sink::Sink;
use crate::{diag, RunOptions};
use input::first_word;
use kea_vm::code::{Code, Disassembly, SourceFile, Span, IMPLICIT_MAIN};
use kea_vm::interp::{Frame, Task};
use std::rc::Rc;
use std::sync::Arc;
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

/// A REPL session without the line editor: the VM, the persistent main task and the reactor.
/// The terminal front end ([`run`]) feeds it inputs; tests can too, with a capturing sink.
pub struct Session<S: Sink> {
    /// The VM, reactor and scheduler; tasks, timers and callbacks started by one input live
    /// on through the next.
    pub rt: Runtime<S>,
    task: Task,
    prelude: String,
    last: Option<Code>,
    color: bool,
}

impl<S: Sink> Session<S> {
    /// A new session. `color` renders assembly errors for a terminal.
    pub fn new(reactor: Reactor<S>, opts: &RunOptions, color: bool) -> Session<S> {
        let mut rt = crate::runtime(reactor, opts);
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
        self.rt.reactor.flush_all();
        out
    }

    fn out(&mut self, text: &str) {
        let _ = self.rt.reactor.sink.write(1, text.as_bytes());
    }

    fn err(&mut self, text: &str) {
        let _ = self.rt.reactor.sink.write(2, text.as_bytes());
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
                let _ = self.rt.reactor.sink.flush();
                Outcome::Continue
            }
        }
    }

    /// Wakes the scheduler's poll from another thread.
    pub fn waker(&self) -> Arc<mio::Waker> {
        self.rt.reactor.waker()
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
        let code = Rc::new(kea_vm::interp::Prepared::new(code));
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
    Frame {
        code: f.code.clone(),
        sub: f.sub,
        pc: f.pc,
        i: f.i.clone(),
        n: f.n.clone(),
        s: f.s.clone(),
        p: f.p.clone(),
        result_info: f.result_info,
    }
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
