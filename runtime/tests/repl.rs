//! The REPL. The `pty_*` tests run the built `kea` with no arguments under a pseudo-terminal
//! and type at it as a user would (a small python3 script using the standard `pty` module,
//! `peers/pty-driver.py`, drives it; every wait is bounded). The others drive [`Session`] directly with captured
//! output, and test the pure parts (blocks, completion, prelude extraction).

use kea_runtime::repl::{self, Block, Input, Outcome, ReplSink, Session};
use kea_runtime::RunOptions;
use kea_runtime::{CaptureSink, Reactor, Sink};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The pty driver. argv: the program, then steps: `send:TEXT` writes TEXT to the terminal,
/// `expect:TEXT` waits (at most `TIMEOUT` seconds) until TEXT appears in the output after the
/// previous match (escape sequences and carriage returns removed), `type:TEXT` writes TEXT a
/// key at a time, each once the line so far is shown after the previous match (as a person
/// types: the line editor has read the key before the next one comes), `cooked:` waits until
/// the terminal is back in canonical mode (the line editor returned). At the end it waits for
/// the program to exit. It answers rustyline's cursor-position queries, as a terminal does.
/// Prints `STATUS n` or `TIMEOUT ...`, a `---` line, then the cleaned transcript.
const DRIVER: &str = include_str!("peers/pty-driver.py");

/// A temp history file for one test.
fn history_file(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kea-repl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(format!("{test}.history"));
    let _ = std::fs::remove_file(&p);
    p
}

/// Runs `kea` under a pty with these steps; returns the exit status and the transcript.
fn pty(test: &str, steps: &[String]) -> (i32, String) {
    let hist = history_file(test);
    pty_with_history(&hist, steps)
}

fn pty_with_history(hist: &PathBuf, steps: &[String]) -> (i32, String) {
    let out = Command::new("python3")
        .arg("-c")
        .arg(DRIVER)
        .arg(env!("CARGO_BIN_EXE_kea"))
        .args(steps)
        .env("KEA_HISTORY", hist)
        .env("TERM", "xterm")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let (head, transcript) = stdout.split_once("\n---\n").unwrap_or((&stdout, ""));
    let Some(status) = head.strip_prefix("STATUS ") else {
        panic!("pty driver: {head}\nstderr: {}\ntranscript:\n{transcript}", String::from_utf8_lossy(&out.stderr));
    };
    (status.trim().parse().expect("status"), transcript.to_string())
}

fn send(s: &str) -> String {
    format!("send:{s}")
}
/// Types `s` a key at a time. Needed while tasks run behind the prompt: rustyline 15 then
/// stalls on keys that arrive together (see the `repl` module docs).
fn type_keys(s: &str) -> String {
    format!("type:{s}")
}
fn expect(s: &str) -> String {
    format!("expect:{s}")
}
/// Waits for the first prompt.
fn start() -> Vec<String> {
    vec![expect(repl::PROMPT)]
}
/// Types a line and waits for the next prompt.
fn line(steps: &mut Vec<String>, text: &str) {
    steps.push(send(&format!("{text}\r")));
    steps.push(expect(&format!("\n{}", repl::PROMPT)));
}
/// Types a line and waits for its output, then for the next prompt.
fn line_out(steps: &mut Vec<String>, text: &str, out: &str) {
    steps.push(send(&format!("{text}\r")));
    steps.push(expect(out));
    steps.push(expect(repl::PROMPT));
}

#[test]
fn pty_registers_persist_and_quit_exits_0() {
    let hist = history_file("persist");
    let mut s = start();
    line(&mut s, "set I0, 41");
    line(&mut s, "inc I0");
    line_out(&mut s, "say I0", "\n42\n");
    line(&mut s, "set S1, \"kea\"");
    s.push(send(":regs\r"));
    s.push(expect("I0 = 42\n"));
    s.push(expect("S1 = \"kea\"\n"));
    s.push(expect(repl::PROMPT));
    s.push(send(":quit\r"));
    let (status, t) = pty_with_history(&hist, &s);
    assert_eq!(status, 0, "{t}");
    let h = std::fs::read_to_string(&hist).expect("history file written");
    assert!(h.contains("set I0, 41") && h.contains("say I0") && h.contains(":regs"), "history:\n{h}");
}

#[test]
fn pty_assembly_error_then_keeps_working() {
    let mut s = start();
    line(&mut s, "set I0, 5");
    s.push(send("frobnicate I0\r"));
    s.push(expect("<repl>:1:1: error: unknown op 'frobnicate'"));
    s.push(expect("1 error found"));
    s.push(expect(repl::PROMPT));
    line_out(&mut s, "say I0", "\n5\n");
    s.push(send(":quit\r"));
    let (status, t) = pty("asm_error", &s);
    assert_eq!(status, 0, "{t}");
}

#[test]
fn pty_runtime_error_then_keeps_working() {
    let mut s = start();
    line(&mut s, "set I0, 7");
    line(&mut s, "set I1, 0");
    s.push(send("div I2, I0, I1\r"));
    s.push(expect("Divide by zero"));
    s.push(expect(repl::PROMPT));
    line_out(&mut s, "say I0", "\n7\n");
    s.push(send("\x04"));
    let (status, t) = pty("runtime_error", &s);
    assert_eq!(status, 0, "{t}");
}

#[test]
fn pty_multi_line_sub_then_call() {
    let mut s = start();
    s.push(send(".pcc_sub triple:\r"));
    for l in ["get_params \"0\", I0", "mul I0, I0, 3", "set_returns \"0\", I0", "returncc"] {
        s.push(expect(repl::CONTINUATION));
        s.push(send(&format!("    {l}\r")));
    }
    s.push(expect(repl::CONTINUATION));
    line(&mut s, "");
    line(&mut s, "set_args \"0\", 14");
    line(&mut s, "find_name P0, \"triple\"");
    line(&mut s, "invokecc P0");
    line(&mut s, "get_results \"0\", I3");
    line_out(&mut s, "say I3", "\n42\n");
    s.push(send(":quit\r"));
    let (status, t) = pty("sub", &s);
    assert_eq!(status, 0, "{t}");
}

#[test]
fn pty_ctrl_d_exits_0_and_ctrl_c_clears_the_line() {
    let mut s = start();
    s.push(send("say \"never\""));
    s.push(send("\x03"));
    s.push(expect(repl::PROMPT));
    line_out(&mut s, "say \"after\"", "\nafter\n");
    s.push(send("\x04"));
    let (status, t) = pty("ctrl_d", &s);
    assert_eq!(status, 0, "{t}");
    assert!(!t.contains("\nnever"), "{t}");
}

#[test]
fn pty_program_reads_the_terminal() {
    let mut s = start();
    line(&mut s, "getstdin P5");
    s.push(send("readline S0, P5\r"));
    // Type the program's line once the line editor has let go of the terminal.
    s.push("cooked:".to_string());
    s.push(send("typed text\r"));
    s.push(expect(repl::PROMPT));
    line_out(&mut s, "print S0", "\ntyped text\n");
    s.push(send(":quit\r"));
    let (status, t) = pty("stdin", &s);
    assert_eq!(status, 0, "{t}");
}

#[test]
fn pty_exit_n_leaves_with_n() {
    let mut s = start();
    s.push(send("exit 3\r"));
    let (status, t) = pty("exit", &s);
    assert_eq!(status, 3, "{t}");
}

#[test]
fn pty_help_and_completion() {
    let mut s = start();
    s.push(send(":help\r"));
    for (c, _) in repl::COMMANDS {
        s.push(expect(c));
    }
    s.push(expect(repl::PROMPT));
    // `:qu` + Tab completes to `:quit`.
    s.push(send(":qu\t"));
    s.push(expect(":quit"));
    s.push(send("\r"));
    let (status, t) = pty("help", &s);
    assert_eq!(status, 0, "{t}");
}

/// Types a block: its first line, then each line once the continuation prompt shows.
fn block(steps: &mut Vec<String>, first: &str, body: &[&str], last: &str) {
    steps.push(send(&format!("{first}\r")));
    for l in body.iter().chain([&last]) {
        steps.push(expect(repl::CONTINUATION));
        steps.push(send(&format!("{l}\r")));
    }
    steps.push(expect(&format!("\n{}", repl::PROMPT)));
}

#[test]
fn pty_timer_started_at_the_prompt_prints_above_it() {
    let mut s = start();
    line(&mut s, ".include 'timer.pasm'");
    block(&mut s, ".pcc_sub tick:", &["say \"tick\"", "returncc"], "");
    line(&mut s, "new P1, 'Timer'");
    line(&mut s, "find_name P2, 'tick'");
    line(&mut s, "set P1[.PARROT_TIMER_NSEC], 0.2");
    line(&mut s, "set P1[.PARROT_TIMER_HANDLER], P2");
    line(&mut s, "set P1[.PARROT_TIMER_REPEAT], -1");
    line(&mut s, "set P1[.PARROT_TIMER_RUNNING], 1");
    // Half a line typed; the timer fires while the REPL waits for the rest.
    s.push(type_keys("say 12"));
    s.push(expect("tick\n"));
    // Above the prompt: after the output, the prompt and the half line are drawn again.
    s.push(expect(&format!("{}say 12", repl::PROMPT)));
    // The line was not disturbed: finishing it runs it.
    s.push(type_keys("3"));
    s.push(send("\r"));
    s.push(expect("\n123\n"));
    s.push(expect(repl::PROMPT));
    // The prompt still works, and Ctrl-D leaves with the timer still armed.
    s.push(send("\x04"));
    let (status, t) = pty("timer", &s);
    assert_eq!(status, 0, "{t}");
}

#[test]
fn pty_exit_in_a_timer_at_the_prompt_gives_the_terminal_back() {
    let mut s = start();
    line(&mut s, ".include 'timer.pasm'");
    block(
        &mut s,
        ".sub tock",
        &[
            "$P0 = get_global 'n'",
            "inc $P0",
            "if $P0 < 2 goto first",
            "say \"bye\"",
            "exit 3",
            "first:",
            "say \"tock\"",
        ],
        ".end",
    );
    line(&mut s, "P3 = box 0");
    line(&mut s, "set_global 'n', P3");
    line(&mut s, "P0 = new 'Timer'");
    line(&mut s, "P1 = find_name 'tock'");
    line(&mut s, "P0[.PARROT_TIMER_NSEC] = 0.2");
    line(&mut s, "P0[.PARROT_TIMER_HANDLER] = P1");
    line(&mut s, "P0[.PARROT_TIMER_REPEAT] = -1");
    // The first firing prints (before or after the next prompt is drawn); the second comes
    // while the REPL waits at its prompt, and ends the program.
    s.push(send("P0[.PARROT_TIMER_RUNNING] = 1\r"));
    s.push(expect("tock\n"));
    s.push(expect("bye\n"));
    s.push("cooked:".to_string());
    let (status, t) = pty("exit_at_prompt", &s);
    assert_eq!(status, 3, "{t}");
}

// ---- without a terminal ----

fn session() -> Session<CaptureSink> {
    let host = Reactor::new(CaptureSink::default(), Box::new(std::io::Cursor::new(b"typed line\n".to_vec())));
    Session::new(host, &RunOptions::default(), false)
}

fn take(s: &mut Session<CaptureSink>) -> (String, String) {
    let out = String::from_utf8_lossy(&std::mem::take(&mut s.rt.reactor.sink.out)).into_owned();
    let err = String::from_utf8_lossy(&std::mem::take(&mut s.rt.reactor.sink.err)).into_owned();
    (out, err)
}

#[test]
fn session_registers_persist_and_errors_roll_back() {
    let mut s = session();
    for t in ["set I0, 41", "inc I0", "say I0"] {
        assert_eq!(s.submit(t), Outcome::Continue);
    }
    assert_eq!(take(&mut s), ("42\n".into(), String::new()));
    // A failing input leaves the registers as they were before it.
    s.submit("set I0, 1\nset I1, 0\ndiv I2, I0, I1");
    let (_, err) = take(&mut s);
    assert!(err.starts_with("Divide by zero\n"), "{err}");
    assert!(err.contains("(<repl>:3)"), "{err}");
    s.submit("say I0");
    assert_eq!(take(&mut s).0, "42\n");
    // `end` stops the input; the frame survives it.
    s.submit("set I0, 9\nend\nset I0, 10");
    s.submit("say I0");
    assert_eq!(take(&mut s).0, "9\n");
    assert!(s.registers().contains("I0 = 9\n"));
}

#[test]
fn session_subs_macros_and_exit() {
    let mut s = session();
    s.submit(".pcc_sub twice:\n  get_params \"0\", S0\n  repeat S0, S0, 2\n  set_returns \"0\", S0\n  returncc\n");
    assert_eq!(take(&mut s), (String::new(), String::new()), "a definition runs nothing");
    s.submit(".macro_const GREETING \"ab\"\n.macro shout(x)\n  say .x\n.endm");
    s.submit("set_args \"0\", .GREETING\nfind_name P1, \"twice\"\ninvokecc P1\nget_results \"0\", S2");
    s.submit(".shout(S2)");
    assert_eq!(take(&mut s), ("abab\n".into(), String::new()));
    // Errors point at the typed input, not at the prelude of kept macros.
    s.submit("\nnope I0");
    let (_, err) = take(&mut s);
    assert!(err.starts_with("<repl>:2:1: error: unknown op 'nope'"), "{err}");
    // The program's stdin is the host's.
    s.submit("getstdin P5\nreadline S3, P5\nprint S3");
    assert_eq!(take(&mut s).0, "typed line\n");
    assert_eq!(s.submit("exit 4"), Outcome::Quit(4));
}

#[test]
fn session_pmcs_in_registers_survive_garbage_collection() {
    let mut s = session();
    s.submit("new P0, \"ResizablePMCArray\"");
    s.submit("push P0, 7");
    // Enough garbage to collect several times, in an input that fails at the end: the
    // rollback copy of the main frame is a root too.
    s.submit("new P0, \"Hash\"\nset I0, 0\nL: new P1, \"Integer\"\ninc I0\nlt I0, 200000, L\nset I5, 1\ndiv I5, I5, 0");
    assert!(take(&mut s).1.contains("Divide by zero"));
    s.submit("new P2, \"Float\"\nset I0, 0\nL: new P1, \"Integer\"\ninc I0\nlt I0, 200000, L");
    s.submit("set I2, P0[0]\nsay I2\ntypeof S0, P0\nsay S0");
    assert_eq!(take(&mut s), ("7\nResizablePMCArray\n".into(), String::new()));
}

#[test]
fn session_init_subs_run_when_defined() {
    let mut s = session();
    s.submit(".pcc_sub :init setup:\n  say \"setup ran\"\n  returncc");
    assert_eq!(take(&mut s).0, "setup ran\n");
    s.submit(".pcc_sub plain:\n  say \"not yet\"\n  returncc");
    assert_eq!(take(&mut s).0, "");
    s.submit("find_name P0, \"plain\"\ninvokecc P0");
    assert_eq!(take(&mut s).0, "not yet\n");
}

#[test]
fn session_commands() {
    let mut s = session();
    assert_eq!(s.submit(":regs"), Outcome::Continue);
    assert!(take(&mut s).0.contains("defaults"));
    s.submit("set N2, 1.5\nnew P1, \"Integer\"");
    s.submit(":regs");
    assert_eq!(take(&mut s).0, "N2 = 1.5\nP1 = Integer\n");
    s.submit(":dis");
    let dis = take(&mut s).0;
    assert!(dis.contains("set N2, 1.5") && dis.contains("returncc"), "{dis}");
    s.submit(":ops");
    assert!(take(&mut s).0.starts_with("# Kea op reference"));
    s.submit(":nope");
    assert!(take(&mut s).1.contains("unknown command ':nope'"));
    assert_eq!(s.submit(":quit"), Outcome::Quit(0));
}

#[test]
fn blocks_and_inputs() {
    assert_eq!(repl::block_start(".pcc_sub foo:"), Some(Block::PccSub));
    assert_eq!(repl::block_start("  .macro m(a)"), Some(Block::Macro));
    assert_eq!(repl::block_start(".macro_const X 1"), None);
    assert_eq!(repl::block_start(".sub main"), Some(Block::PirSub));
    assert_eq!(repl::block_start("say 1"), None);
    assert!(Block::PccSub.ends_at("   "));
    assert!(!Block::PccSub.ends_at("returncc"));
    assert!(Block::Macro.ends_at("  .endm"));
    assert!(!Block::Macro.ends_at(""));
    assert!(Block::PirSub.ends_at(".end"));
    assert_eq!(repl::classify("  "), Input::Empty);
    assert_eq!(repl::classify(":regs now"), Input::Command(":regs"));
    assert_eq!(repl::classify("say 1"), Input::Code("say 1"));
    let defs =
        repl::assembly_time_definitions("say 1\n.macro m()\n say 2\n\n.endm\n.macro_const A 1\n.include \"x\"\n");
    assert_eq!(defs, vec![".macro m()\n say 2\n\n.endm\n", ".macro_const A 1\n", ".include \"x\"\n"]);
}

#[test]
fn completion() {
    let (start, c) = repl::complete(":re", 3);
    assert_eq!((start, c), (0, vec![":regs".to_string()]));
    let (start, c) = repl::complete("  invok", 7);
    assert_eq!(start, 2);
    assert!(c.contains(&"invokecc".to_string()), "{c:?}");
    let (start, c) = repl::complete("L1: sa", 6);
    assert_eq!(start, 4);
    assert!(c.contains(&"say".to_string()), "{c:?}");
    assert!(repl::complete("say sa", 6).1.is_empty(), "operands are not ops");
    assert!(repl::complete(".pcc", 4).1.contains(&".pcc_sub".to_string()));
}

// ---- tasks running while the REPL waits ----

/// An external printer that keeps what it is given, one message an entry.
#[derive(Clone, Default)]
struct Printed(Arc<Mutex<Vec<String>>>);

impl rustyline::ExternalPrinter for Printed {
    fn print(&mut self, msg: String) -> rustyline::Result<()> {
        self.0.lock().expect("printer lock").push(msg);
        Ok(())
    }
}

impl Printed {
    fn all(&self) -> Vec<String> {
        self.0.lock().expect("printer lock").clone()
    }
}

fn prompt_session() -> (Session<ReplSink<CaptureSink>>, Printed) {
    let printed = Printed::default();
    let sink = ReplSink::new(CaptureSink::default(), Some(Box::new(printed.clone())));
    let host = Reactor::new(sink, Box::new(std::io::Cursor::new(Vec::new())));
    (Session::new(host, &RunOptions::default(), false), printed)
}

fn take_direct(s: &mut Session<ReplSink<CaptureSink>>) -> String {
    String::from_utf8_lossy(&std::mem::take(&mut s.rt.reactor.sink.direct_mut().out)).into_owned()
}

/// Runs the session as the REPL does while it waits at a prompt, until `done` holds (at
/// most 10 s); returns the last outcome.
fn wait_at_prompt(s: &mut Session<ReplSink<CaptureSink>>, mut done: impl FnMut() -> bool) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(10);
    s.rt.reactor.sink.set_prompt(true);
    let mut out = Outcome::Continue;
    while !done() && Instant::now() < deadline && out == Outcome::Continue {
        assert!(s.has_work(), "nothing left to run");
        out = s.idle(repl::IDLE_SLICE);
    }
    s.rt.reactor.sink.set_prompt(false);
    out
}

const TICKER: &str = ".include 'timer.pasm'\n.pcc_sub tick:\n  print \"ti\"\n  say \"ck\"\n  returncc\n";
const START: &str = "new P1, 'Timer'\nfind_name P2, 'tick'\nset P1[.PARROT_TIMER_NSEC], 0.05\n\
    set P1[.PARROT_TIMER_HANDLER], P2\nset P1[.PARROT_TIMER_REPEAT], -1\nset P1[.PARROT_TIMER_RUNNING], 1";

#[test]
fn session_timer_output_goes_to_the_printer_while_waiting() {
    let (mut s, printed) = prompt_session();
    s.submit(TICKER);
    s.submit(START);
    take_direct(&mut s);
    let out = wait_at_prompt(&mut s, || !printed.all().is_empty());
    assert_eq!(out, Outcome::Continue);
    // One message a flush: the two writes of the handler arrive as one line.
    assert_eq!(printed.all()[0], "tick\n");
    assert!(!take_direct(&mut s).contains("tick"), "nothing went around the printer");
    // While an input runs, output goes straight out; the registers are intact.
    s.submit("typeof S0, P1\nsay S0\nset P1[.PARROT_TIMER_RUNNING], 0");
    let direct = take_direct(&mut s);
    assert!(direct.contains("Timer\n"), "{direct}");
}

#[test]
fn session_exit_in_a_task_while_waiting_quits() {
    let (mut s, printed) = prompt_session();
    s.submit(
        ".include 'timer.pasm'\n.pcc_sub bye:\n  get_global P0, 'n'\n  inc P0\n  lt P0, 2, FIRST\n  \
         say \"bye\"\n  exit 5\nFIRST:\n  returncc\n",
    );
    s.submit("box P3, 0\nset_global 'n', P3");
    s.submit(&START.replace("'tick'", "'bye'"));
    let out = wait_at_prompt(&mut s, || false);
    assert_eq!(out, Outcome::Quit(5));
    // What the exiting task printed last is not left with the line editor: it goes out
    // directly once the prompt is gone.
    assert!(printed.all().iter().all(|m| !m.contains("bye")), "{:?}", printed.all());
    assert_eq!(take_direct(&mut s), "bye\n");
}

#[test]
fn repl_sink_collects_lines_above_the_prompt() {
    let printed = Printed::default();
    let mut sink = ReplSink::new(CaptureSink::default(), Some(Box::new(printed.clone())));
    sink.write(1, b"before ").unwrap();
    sink.set_prompt(true);
    assert_eq!(sink.direct_mut().out, b"before ", "no prompt: straight out");
    sink.write(1, b"a").unwrap();
    sink.write(2, b"b\n").unwrap();
    sink.write(1, b"c").unwrap();
    sink.flush().unwrap();
    sink.write(1, b"d").unwrap();
    // Taking the prompt away waits for the printer and writes the rest directly.
    sink.set_prompt(false);
    assert_eq!(printed.all(), vec!["ab\nc".to_string()]);
    sink.write(1, b"e").unwrap();
    assert_eq!(sink.direct_mut().out, b"before de");
}

#[test]
fn session_idle_returns_when_woken_from_another_thread() {
    // A ticker keeps the scheduler busy for as long as it is let run; a thread standing in
    // for the line editor sets the flag and wakes the poll. `idle_until` must return then,
    // long before its 60 s slice ends.
    let (mut s, _printed) = prompt_session();
    s.submit(TICKER);
    s.submit(START);
    let flag = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (set, waker) = (flag.clone(), s.waker());
    let editor = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        set.store(true, std::sync::atomic::Ordering::Release);
        waker.wake().expect("wake");
    });
    s.rt.reactor.sink.set_prompt(true);
    let t0 = Instant::now();
    let out = s.idle_until(Duration::from_secs(60), &|| flag.load(std::sync::atomic::Ordering::Acquire));
    let took = t0.elapsed();
    s.rt.reactor.sink.set_prompt(false);
    editor.join().expect("editor thread");
    assert_eq!(out, Outcome::Continue);
    assert!(flag.load(std::sync::atomic::Ordering::Acquire));
    // Generous: the point is "woken", not "fast" (unwoken, this takes the whole minute).
    assert!(took < Duration::from_secs(30), "idle_until ran {took:?} after the wake");
}
