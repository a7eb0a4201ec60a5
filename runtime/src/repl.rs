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

use crate::host::{Host, Sink, StdSink};
use crate::sched::{Class_, Ended, Runtime};
use crate::{diag, RunOptions};
use kea_vm::code::{Code, Disassembly, SourceFile, Span, IMPLICIT_MAIN};
use kea_vm::interp::{Frame, Task};
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config as LineConfig, Context, Editor, Helper};
use std::io::{self, BufRead, IsTerminal, Read};
use std::path::PathBuf;
use std::rc::Rc;

/// The prompt.
pub const PROMPT: &str = "kea> ";
/// The prompt for the lines of a block.
pub const CONTINUATION: &str = "...> ";
/// The file name inputs are assembled as.
pub const INPUT_NAME: &str = "<repl>";
/// The file name of the macro prelude in diagnostics.
pub const PRELUDE_NAME: &str = "<repl prelude>";

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
    let id = rt.spawn(task, None, Class_::Task, 0);
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

/// Runs the REPL; returns the exit code.
pub fn run(opts: &RunOptions) -> i32 {
    let config = LineConfig::builder()
        .auto_add_history(false)
        .max_history_size(1000)
        .map(|b| b.completion_type(CompletionType::List).build())
        .unwrap_or_default();
    let mut ed: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("kea: cannot start the line editor: {e}");
            return 1;
        }
    };
    ed.set_helper(Some(ReplHelper));
    let history = history_path();
    if let Some(h) = &history {
        let _ = ed.load_history(h);
    }
    let host = Host::new(StdSink::default(), Box::new(StdinLines { buf: Vec::new(), pos: 0 }));
    let mut session = Session::new(host, opts, io::stderr().is_terminal());
    let status = loop {
        let line = match ed.readline(PROMPT) {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break 0,
            Err(e) => {
                eprintln!("kea: cannot read input: {e}");
                break 1;
            }
        };
        let mut text = line;
        if let Some(block) = block_start(&text).filter(|_| !text.contains('\n')) {
            let mut complete = false;
            loop {
                match ed.readline(CONTINUATION) {
                    Ok(l) => {
                        let ends = block.ends_at(&l);
                        if block != Block::PccSub || !ends {
                            text.push('\n');
                            text.push_str(&l);
                        }
                        if ends {
                            complete = true;
                            break;
                        }
                    }
                    // Ctrl-C abandons the block, Ctrl-D leaves the REPL.
                    Err(ReadlineError::Interrupted) => break,
                    Err(_) => {
                        save_history(&mut ed, history.as_ref());
                        return 0;
                    }
                }
            }
            if !complete {
                continue;
            }
        }
        if !text.trim().is_empty() {
            let _ = ed.add_history_entry(text.as_str());
            save_history(&mut ed, history.as_ref());
        }
        if let Outcome::Quit(n) = session.submit(&text) {
            break n;
        }
    };
    session.rt.host.flush_all();
    save_history(&mut ed, history.as_ref());
    status
}

fn save_history(ed: &mut Editor<ReplHelper, DefaultHistory>, path: Option<&PathBuf>) {
    if let Some(p) = path {
        let _ = ed.save_history(p);
    }
}
