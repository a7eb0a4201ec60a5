//! The terminal front end of the REPL: the line editor on its own thread, the printer
//! thread, the sink that shows output above the prompt, and [`run`]. See the module doc of
//! [`crate::repl`] for why each thread exists.

use super::{block_start, complete, Block, Outcome, Session, CONTINUATION, IDLE_SLICE, PROMPT};
use crate::reactor::Reactor;
use crate::sink::{Sink, StdSink};
use crate::RunOptions;
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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How long the main thread waits for the printer thread to show what it was handed before
/// an input runs. Only a printer stuck behind a `readline` that already returned takes that
/// long (see "Why output goes through a printer thread"); its text then shows at the next
/// prompt.
const PRINTER_WAIT: Duration = Duration::from_millis(250);

/// Write this much at the prompt without a flush and whole lines are handed on at once.
const PENDING_LIMIT: usize = 64 * 1024;

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
        session.rt.reactor.sink.set_prompt(running);
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
        session.rt.reactor.sink.set_prompt(false);
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
    let reactor = Reactor::new(sink, Box::new(StdinLines { buf: Vec::new(), pos: 0 }));
    let mut session = Session::new(reactor, opts, io::stderr().is_terminal());
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
    session.rt.reactor.flush_all();
    ed.finish();
    status
}

/// Ends the REPL after a task that ran at the prompt called `exit N`: the editor thread is
/// still in `readline`, so the terminal is put back here and that thread is left to end with
/// the process. The history is already saved (after each input).
fn leave_at_prompt(mut session: Session<ReplSink>, terminal: Option<&SavedTerminal>, status: i32) -> i32 {
    if let Some(t) = terminal {
        session.rt.reactor.sink.sync_printer();
        // Handed on is not yet shown: `readline` draws a message when it next wakes, and
        // rustyline cannot say when it has. A moment covers that; only this exit pays for it.
        thread::sleep(Duration::from_millis(50));
        t.restore();
    }
    // What the exiting task printed last was not handed to the editor (see `Session::idle`):
    // it goes out directly, below the prompt line.
    session.rt.reactor.sink.set_prompt(false);
    session.rt.reactor.flush_all();
    status
}

fn save_history(ed: &mut Editor<ReplHelper, DefaultHistory>, path: Option<&PathBuf>) {
    if let Some(p) = path {
        let _ = ed.save_history(p);
    }
}
