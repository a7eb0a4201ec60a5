//! The code object: ops, constant pools, keys, argument lists, subs and the debug table.
//!
//! ## Why the debug table sits beside the ops
//! `spans[pc]` gives the source range of `ops[pc]`. Keeping it out of [`Op`] keeps ops at 16
//! bytes (`op/tests.rs`) and the hot loop free of debug data; errors look it up by pc only
//! when they are reported.
//!
//! ## What is not here
//! A code object holds what the assembler makes and nothing the interpreter derives from it:
//! argument signatures, call plans, definite assignment and the lean loop's ops are made at
//! load time by `interp/prepare.rs` (its `Prepared`, which a frame points at).

use crate::op::{IArg, IReg, NReg, Op, Operand, PReg, SArg, SReg, StrId};
use crate::string::Str;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Index into [`Code::files`].
    pub file: u32,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// A source file the code was assembled from (for line numbers and code frames).
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as given.
    pub name: String,
    /// The text.
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// A source file.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile { name: name.into(), text, line_starts }
    }
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map_or(end - start, |s| s.chars().count());
        (line as u32, col as u32 + 1)
    }
}

/// One step of a key operand: `P0[1]`, `P0[S1]`, `P0["a"; I2]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyPart {
    /// An integer index (register or constant).
    Int(IArg),
    /// A string key (register or constant).
    Str(SArg),
    /// A PMC register used as a key (its string or integer value, by its type).
    Pmc(PReg),
}

/// One value in a PDD 3 argument list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ArgValue {
    /// I register
    I(IReg),
    /// N register
    N(NReg),
    /// S register
    S(SReg),
    /// P register
    P(PReg),
    /// integer constant
    Ic(i64),
    /// number constant
    Nc(f64),
    /// string constant
    Sc(StrId),
}

/// PDD 3 flag bits.
pub mod flags {
    /// The value is a constant.
    pub const CONSTANT: u32 = 0x10;
    /// FLAT when passing, SLURPY when receiving.
    pub const FLAT_SLURPY: u32 = 0x20;
    /// An optional parameter.
    pub const OPTIONAL: u32 = 0x80;
    /// The "was the previous optional given" flag.
    pub const OPT_FLAG: u32 = 0x100;
    /// A named argument or parameter.
    pub const NAMED: u32 = 0x200;
}

/// One entry of an argument list: its flags and its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arg {
    /// PDD 3 flags as written (type bits are derived from the value).
    pub flags: u32,
    /// The register or constant.
    pub value: ArgValue,
}

/// What the assembler records about a sub.
#[derive(Clone, Debug, Default)]
pub struct SubInfo {
    /// The name (`(main)` for a file without `.pcc_sub`).
    pub name: String,
    /// First op.
    pub start: u32,
    /// One past the last op.
    pub end: u32,
    /// Registers used, per kind (I, N, S, P).
    pub regs: [u16; 4],
    /// `:main`
    pub main: bool,
    /// Other flags as written (`:load`, `:init`, `:anon`, ...).
    pub flags: Vec<String>,
    /// The namespace it was defined in (`.namespace ['A'; 'B']`), outermost first.
    pub namespace: Vec<String>,
}

/// The name of the sub a file without `.pcc_sub` runs as.
pub const IMPLICIT_MAIN: &str = "(main)";

/// An assembled unit: everything needed to run and to report on it.
#[derive(Clone, Debug, Default)]
pub struct Code {
    /// The instructions.
    pub ops: Vec<Op>,
    /// `spans[pc]` is the source of `ops[pc]`.
    pub spans: Vec<Span>,
    /// String constants.
    pub strs: Vec<Str>,
    /// Integer constants used by register-or-constant operands.
    pub ints: Vec<i64>,
    /// Number constants used by register-or-constant operands.
    pub nums: Vec<f64>,
    /// Keys.
    pub keys: Vec<Vec<KeyPart>>,
    /// PDD 3 argument lists.
    pub args: Vec<Vec<Arg>>,
    /// Subs, in source order.
    pub subs: Vec<SubInfo>,
    /// Label names by pc (for disassembly).
    pub labels: BTreeMap<u32, Vec<String>>,
    /// Source files (`.include`d ones after the first).
    pub files: Vec<SourceFile>,
}

impl Code {
    /// The sub that contains `pc`.
    pub fn sub_at(&self, pc: u32) -> Option<usize> {
        self.subs.iter().position(|s| s.start <= pc && pc < s.end)
    }
    /// The sub to start: the last one marked `:main`, else the first.
    pub fn main_sub(&self) -> Option<usize> {
        self.subs.iter().rposition(|s| s.main).or(if self.subs.is_empty() { None } else { Some(0) })
    }
    /// A sub by name.
    pub fn find_sub(&self, name: &[u8]) -> Option<usize> {
        self.subs.iter().position(|s| s.name.as_bytes() == name)
    }
    /// A sub by name as seen from namespace `ns`: that namespace first, then the root one.
    /// An `:anon` sub is in no namespace, so no name finds it (`Parrot_ns_store_sub` in
    /// Parrot's `src/namespace.c` does not store it).
    pub fn find_sub_in(&self, ns: &[String], name: &[u8]) -> Option<usize> {
        let named = |s: &&SubInfo| s.name.as_bytes() == name && !s.flags.iter().any(|f| f == ":anon");
        self.subs
            .iter()
            .position(|s| named(&s) && s.namespace == ns)
            .or_else(|| self.subs.iter().position(|s| named(&s) && s.namespace.is_empty()))
    }
    /// File name and 1-based line of an op.
    pub fn location(&self, pc: u32) -> (String, u32) {
        let Some(span) = self.spans.get(pc as usize) else { return ("?".into(), 0) };
        let Some(file) = self.files.get(span.file as usize) else { return ("?".into(), 0) };
        (file.name.clone(), file.line_col(span.start).0)
    }
    /// A string constant.
    pub fn str(&self, id: StrId) -> &Str {
        &self.strs[id.0 as usize]
    }

    fn fmt_operand(&self, out: &mut String, o: Operand) {
        let _ = match o {
            Operand::I(r) => write!(out, "I{}", r.0),
            Operand::N(r) => write!(out, "N{}", r.0),
            Operand::S(r) => write!(out, "S{}", r.0),
            Operand::P(r) => write!(out, "P{}", r.0),
            Operand::Ic(v) => write!(out, "{v}"),
            Operand::Nc(v) => write!(out, "{}", fmt_num_const(v)),
            Operand::Sc(id) => write!(out, "{}", quote(self.str(id))),
            Operand::Ix(a) => match a.split() {
                Ok(r) => write!(out, "I{r}"),
                Err(c) => write!(out, "{}", self.ints[c as usize]),
            },
            Operand::Nx(a) => match a.split() {
                Ok(r) => write!(out, "N{r}"),
                Err(c) => write!(out, "{}", fmt_num_const(self.nums[c as usize])),
            },
            Operand::Sx(a) => match a.split() {
                Ok(r) => write!(out, "S{r}"),
                Err(c) => write!(out, "{}", quote(&self.strs[c as usize])),
            },
            Operand::L(l) => match self.labels.get(&l.0).and_then(|v| v.first()) {
                Some(name) => write!(out, "{name}"),
                None => write!(out, "@{}", l.0),
            },
            Operand::K(k) => {
                out.push('[');
                for (i, part) in self.keys[k.0 as usize].iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    match *part {
                        KeyPart::Int(a) => self.fmt_operand(out, Operand::Ix(a)),
                        KeyPart::Str(a) => self.fmt_operand(out, Operand::Sx(a)),
                        KeyPart::Pmc(r) => self.fmt_operand(out, Operand::P(r)),
                    }
                }
                out.push(']');
                Ok(())
            }
            Operand::V(a) => {
                let list = &self.args[a.0 as usize];
                let fl: Vec<String> = list.iter().map(|a| fmt_flags(a.flags)).collect();
                let _ = write!(out, "\"{}\"", fl.join(","));
                for a in list {
                    out.push_str(", ");
                    self.fmt_operand(out, arg_operand(a.value));
                }
                Ok(())
            }
        };
    }

    /// One op in assembler syntax: `add I0, I1, 5`.
    pub fn fmt_op(&self, op: &Op) -> String {
        let mut s = String::from(op.info().mnemonic);
        let ops = op.operands();
        // A keyed operand (named `key` in the table) is written after the PMC it indexes:
        // `set I0, P1[2]`. A key constant that names something (`fetch P0, P1, 1, ['Integer']`)
        // is an operand of its own.
        let mut first = true;
        for (i, o) in ops.into_iter().enumerate() {
            let indexes = op.info().operands.get(i).is_some_and(|info| info.name == "key");
            if let (Operand::K(_), true) = (o, indexes) {
                self.fmt_operand(&mut s, o);
                continue;
            }
            s.push_str(if first { " " } else { ", " });
            first = false;
            self.fmt_operand(&mut s, o);
        }
        s
    }
}

fn arg_operand(v: ArgValue) -> Operand {
    match v {
        ArgValue::I(r) => Operand::I(r),
        ArgValue::N(r) => Operand::N(r),
        ArgValue::S(r) => Operand::S(r),
        ArgValue::P(r) => Operand::P(r),
        ArgValue::Ic(v) => Operand::Ic(v),
        ArgValue::Nc(v) => Operand::Nc(v),
        ArgValue::Sc(v) => Operand::Sc(v),
    }
}

fn fmt_flags(f: u32) -> String {
    if f < 10 {
        f.to_string()
    } else {
        format!("{f:#x}")
    }
}

/// A number constant as the assembler reads it back exactly.
pub fn fmt_num_const(v: f64) -> String {
    if v.is_finite() {
        let s = format!("{v:?}");
        if s.contains('.') || s.contains('e') || s.contains("inf") || s.contains("NaN") {
            s
        } else {
            format!("{s}.0")
        }
    } else if v.is_nan() {
        "NaN".into()
    } else if v > 0.0 {
        "Inf".into()
    } else {
        "-Inf".into()
    }
}

/// A string constant as a double-quoted literal that reads back to the same bytes.
pub fn quote(s: &Str) -> String {
    let mut out = String::new();
    let enc = s.encoding();
    if !matches!(enc, crate::string::Encoding::Ascii | crate::string::Encoding::Null) {
        out.push_str(enc.name());
        out.push(':');
    }
    out.push('"');
    let text = if enc.is_unicode() { s.to_text() } else { String::new() };
    if enc.is_unicode() {
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                    let _ = write!(out, "\\x{{{:x}}}", c as u32);
                }
                c if !c.is_ascii() => {
                    let _ = write!(out, "\\x{{{:x}}}", c as u32);
                }
                c => out.push(c),
            }
        }
    } else {
        for &b in s.as_bytes() {
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\t' => out.push_str("\\t"),
                b'\r' => out.push_str("\\r"),
                0x20..=0x7e => out.push(b as char),
                _ => {
                    let _ = write!(out, "\\x{{{b:x}}}");
                }
            }
        }
    }
    out.push('"');
    out
}

/// The disassembly: valid assembler text, one op a line, with its pc, full name and source line
/// in a trailing comment (so a listing assembles back to the same ops).
pub struct Disassembly<'a>(pub &'a Code);

impl fmt::Display for Disassembly<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.0;
        let mut ns: Vec<String> = Vec::new();
        for (pc, op) in code.ops.iter().enumerate() {
            let pc32 = pc as u32;
            // The implicit unit of a file without `.pcc_sub` has no directive to print.
            if let Some(sub) = code.subs.iter().find(|s| s.start == pc32 && s.name != IMPLICIT_MAIN) {
                if sub.namespace != ns {
                    let parts: Vec<String> = sub.namespace.iter().map(|p| format!("'{p}'")).collect();
                    writeln!(f, ".namespace [{}]", parts.join("; "))?;
                    ns = sub.namespace.clone();
                }
                let mut flags = String::new();
                if sub.main {
                    flags.push_str(" :main");
                }
                for fl in &sub.flags {
                    flags.push(' ');
                    flags.push_str(fl);
                }
                writeln!(f, ".pcc_sub{flags} {}:", sub.name)?;
            }
            if let Some(names) = code.labels.get(&pc32) {
                for n in names {
                    writeln!(f, "{n}:")?;
                }
            }
            let (_, line) = code.location(pc32);
            let text = code.fmt_op(op);
            writeln!(f, "    {text:<40} # {pc:04} {} (line {line})", op.info().name)?;
        }
        Ok(())
    }
}
