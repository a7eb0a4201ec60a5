//! The debug ops of Parrot's `debug_ops` library (`src/dynoplibs/debug.ops`): `debug_init
//! debug_load debug_break debug_print backtrace`, and the small command loop `debug_break`
//! enters.
//!
//! Every word they print goes to stderr as a write request, like `printerr`, so it lands in
//! program order with what the program prints itself; the commands `debug_break` reads come
//! from stdin as readline requests. The VM does no IO of its own here either.
//!
//! ## Why a state machine in the op
//! Parrot's `debug_break` runs its command loop in C, blocking in `readline`. Kea's task
//! cannot block inside an op, so the loop is the op itself: it stays at its own pc while
//! the debugger is stopped, and each time it runs it does the next step (write the prompt,
//! read a line, run it and write its answer). The line read comes back in the task's return
//! scratch (`To::Rets`), which no program register shares.

use super::flow::{top, Flow};
use super::state::DebugStep as Step;
use super::{Frame, Task, Vm};
use crate::error::{types, Exc};
use crate::num;
use crate::pmc::{PVal, PmcData};
use crate::request::ask::Target;
use crate::request::{ops, To};
use crate::string::Str;

/// `debug_init`: from now on the other debug ops work (Parrot_debugger_init, src/debug.c).
pub(super) fn debug_init(vm: &mut Vm, _: &mut Frame) -> Flow {
    vm.flags.pdb.on = true;
    Flow::Next
}

/// `debug_load S`: names the source file of the program being debugged.
pub(super) fn debug_load_sc(vm: &mut Vm, f: &mut Frame, file: crate::op::StrId) -> Flow {
    if !vm.flags.pdb.on {
        return Flow::Raise(no_debugger());
    }
    vm.flags.pdb.file = Some(f.code.str(file).clone());
    Flow::Next
}

/// Parrot's `Parrot_debugger_load` and `Parrot_debugger_break` without `debug_init`.
fn no_debugger() -> Exc {
    Exc::new(types::EXCEPTION_PARROT_USAGE_ERROR, "No debugger")
}

/// `debug_print`: every register of the running sub, I, N, S and P, on stderr (Parrot's
/// `PDB_print` for each kind); nothing once the program broke into the debugger.
pub(super) fn debug_print(vm: &mut Vm, f: &mut Frame) -> Flow {
    if !vm.flags.pdb.on {
        return Flow::Raise(Exc::new(
            types::EXCEPTION_INVALID_OPERATION,
            "Initialize debugger with debug_init before using debug_print",
        ));
    }
    if vm.flags.pdb.broke {
        return Flow::Next;
    }
    let mut out = String::new();
    for kind in ['I', 'N', 'S', 'P'] {
        out.push_str(&vm.registers(f, kind, None));
        out.push('\n');
    }
    super::io::write(vm, 2, Str::from(out))
}

/// `backtrace`: the call chain on stderr, in the format of an uncaught exception's report.
pub(super) fn backtrace(vm: &mut Vm, t: &mut Task) -> Flow {
    let text = vm.backtrace(t).to_string();
    super::io::write(vm, 2, Str::from(text))
}

/// `debug_break`: stops in the debugger's command loop, once (Parrot_debugger_break).
pub(super) fn debug_break(vm: &mut Vm, t: &mut Task) -> Flow {
    let pdb = &mut vm.flags.pdb;
    if !pdb.on {
        return Flow::Raise(no_debugger());
    }
    if pdb.broke && pdb.step == Step::Idle {
        return Flow::Next;
    }
    pdb.broke = true;
    match pdb.step {
        Step::Idle | Step::Prompt => {
            // Parrot's PDB_get_command: a newline, then readline_interactive's prompt, both
            // on stderr (without GNU readline, as Parrot is built for the suite).
            pdb.step = Step::Read;
            stay(super::io::write(vm, 2, Str::from("\n(pdb) ")))
        }
        Step::Read => {
            pdb.step = Step::Run;
            let h = vm.std_handle(0);
            let handle = match vm.target(Some(h), true) {
                Ok(Target::Host(id)) => id,
                _ => return stay(Flow::Raise(Exc::new(types::EXCEPTION_PIO_ERROR, "debugger: stdin is not readable"))),
            };
            let op = ops::readline(Str::from("\n")).on(handle);
            t.rets.clear();
            stay(Flow::Leave(vm.submit(op, Some(h), To::Rets)))
        }
        Step::Run => {
            let line = match t.rets.pop() {
                Some(e) => vm.heap.elem_str(&e).map(|s| s.to_text()).unwrap_or_default(),
                None => String::new(),
            };
            t.rets.clear();
            vm.pdb_command(t, &line)
        }
    }
}

/// Makes a step of the command loop come back to the same op: a write or read it submits
/// leaves the pc where it is.
fn stay(flow: Flow) -> Flow {
    match flow {
        Flow::Leave(step) => Flow::Stop(step),
        other => other,
    }
}

impl Vm {
    /// Runs one debugger command (Parrot's `PDB_run_command`): `print` a register or a kind,
    /// `backtrace` (or `stack`), `help`, and `continue` or `quit`, which leave the loop and
    /// let the program go on, as they do from `debug_break` in Parrot. End of input leaves it
    /// too.
    fn pdb_command(&mut self, t: &mut Task, line: &str) -> Flow {
        let eof = line.is_empty();
        let line = line.trim();
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        let out = match command(word) {
            _ if eof => None,
            Some("continue" | "quit") => None,
            Some("print") => Some(self.print_command(top(t), rest)),
            Some("backtrace") => Some(self.backtrace(t).to_string()),
            Some("help") => Some(HELP.to_string()),
            Some(other) => Some(format!("Kea's debugger has no '{other}' command.  Try \"help\".\n")),
            None if word.is_empty() => Some(String::new()),
            None => Some(format!("Undefined command: \"{line}\".  Try \"help\".")),
        };
        let Some(out) = out else {
            self.flags.pdb.step = Step::Idle;
            return Flow::Next;
        };
        self.flags.pdb.step = Step::Prompt;
        if out.is_empty() {
            return Flow::Stop(crate::host::Step::Yielded);
        }
        stay(super::io::write(self, 2, Str::from(out)))
    }

    /// `print R`: one register (`I0`), or every register of a kind (`I`), as Parrot's
    /// `GDB_P` shows them.
    fn print_command(&self, f: &Frame, what: &str) -> String {
        let mut chars = what.chars();
        let kind = chars.next().map(|c| c.to_ascii_uppercase());
        let Some(kind @ ('I' | 'N' | 'S' | 'P')) = kind else { return "Need a register.\n".to_string() };
        let rest = chars.as_str();
        if rest.is_empty() {
            return format!("{}\n", self.registers(f, kind, None));
        }
        match rest.parse::<usize>() {
            Ok(n) => format!("{}\n", self.registers(f, kind, Some(n))),
            Err(_) => "no such register\n".to_string(),
        }
    }

    /// Register `n` of `kind`, or each register of `kind` on a line of its own (`\n  I0 = 1`).
    fn registers(&self, f: &Frame, kind: char, n: Option<usize>) -> String {
        let count = match kind {
            'I' => f.i.len(),
            'N' => f.n.len(),
            'S' => f.s.len(),
            _ => f.p.len(),
        };
        let one = |i: usize| match kind {
            'I' => f.i[i].to_string(),
            'N' => num::fmt_str(f.n[i]),
            'S' => f.s[i].to_text(),
            _ => self.pmc_dump(f.p[i]),
        };
        match n {
            Some(i) if i < count => one(i),
            Some(_) => "no such register".to_string(),
            None => (0..count).map(|i| format!("\n  {kind}{i} = {}", one(i))).collect(),
        }
    }

    /// A PMC as Parrot's tracer shows it (`trace_pmc_dump`, src/runcore/trace.c); the
    /// "address" is the PMC's handle number.
    fn pmc_dump(&self, p: PVal) -> String {
        let Some(r) = p else { return "PMCNULL".to_string() };
        let at = r.to_u32();
        let d = self.heap.get(r);
        let name = d.class_name();
        match d {
            PmcData::String(s) => {
                let mut e: String = s.to_text().escape_default().collect();
                if e.chars().count() > 20 {
                    e = e.chars().take(20).collect::<String>() + "...";
                }
                format!("String=PMC({at:#x} Str:\"{e}\")")
            }
            PmcData::Integer(i) => format!("Integer=PMC({at:#x}: {i})"),
            PmcData::Boolean(b) => format!("Boolean=PMC({at:#x}: {})", i64::from(*b)),
            PmcData::BigInt(b) => format!("BigInt=PMC({at:#x}: {b})"),
            PmcData::Sub(code, i) => {
                let (sub, start) = code.subs.get(*i as usize).map_or(("", 0), |s| (s.name.as_str(), s.start));
                format!("Sub({sub} pc:{start})=PMC({at:#x})")
            }
            _ if name.ends_with("Array") => {
                let n = self.heap.elements(p).unwrap_or(0);
                format!("{name}({n})=PMC({at:#x})")
            }
            _ => format!("{name}=PMC({at:#x})"),
        }
    }
}

/// The command a word names, as Parrot's `get_cmd` finds it: the full name, a one-letter
/// short name, or an unambiguous prefix of Parrot's command names. `None`: no such command.
fn command(word: &str) -> Option<&'static str> {
    if word.is_empty() {
        return None;
    }
    // Parrot's list (`DebCmdList`, src/debug.c); `stack` is `backtrace` by another name.
    const NAMES: [(&str, char); 26] = [
        ("assign", 'a'),
        ("blist", '\0'),
        ("break", '\0'),
        ("continue", '\0'),
        ("delete", 'd'),
        ("disable", '\0'),
        ("disassemble", '\0'),
        ("e", '\0'),
        ("echo", '\0'),
        ("enable", '\0'),
        ("eval", '\0'),
        ("f", '\0'),
        ("gcdebug", '\0'),
        ("help", '\0'),
        ("info", '\0'),
        ("L", '\0'),
        ("list", 'l'),
        ("load", '\0'),
        ("next", '\0'),
        ("print", '\0'),
        ("quit", '\0'),
        ("run", '\0'),
        ("script", '\0'),
        ("stack", 's'),
        ("trace", '\0'),
        ("watch", '\0'),
    ];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some((name, _)) = NAMES.iter().find(|(_, short)| *short == c) {
            return Some(canonical(name));
        }
    }
    if let Some((name, _)) = NAMES.iter().find(|(n, _)| *n == word) {
        return Some(canonical(name));
    }
    let mut hits = NAMES.iter().filter(|(n, _)| n.starts_with(word));
    match (hits.next(), hits.next()) {
        (Some((name, _)), None) => Some(canonical(name)),
        _ => None,
    }
}

/// Parrot's names for one command folded to one.
fn canonical(name: &'static str) -> &'static str {
    match name {
        "stack" => "backtrace",
        "e" => "eval",
        "f" => "script",
        "L" => "blist",
        other => other,
    }
}

/// What `help` prints: the commands Kea's debugger has.
const HELP: &str = "List of commands:
   print         print a register (I0) or every register of a kind (I)
   stack         print the call chain
   continue      leave the debugger and go on
   quit          leave the debugger and go on
   help          this list
";
