//! The PASM parser and emitter: statements to ops, one line at a time.
//!
//! Each line is `[label:]... [op operand, ...]` or a directive. Errors are collected (a bad
//! line is skipped, the next one is read), so one run reports every error in a file. Labels
//! are local to their sub; forward references are patched when the sub ends.

use crate::error::{AsmError, AsmErrorKind as K};
use crate::lexer::{self, Tok, T};
use crate::strings;
use kea_vm::code::{flags, Arg, ArgValue, Code, KeyPart, SourceFile, Span, SubInfo};
use kea_vm::op::{self, IArg, IReg, Kind, Label, NArg, NReg, Op, OpInfo, Operand, PReg, SArg, SReg, StrId};
use kea_vm::string::{Encoding, Str};
use std::collections::HashMap;
use std::rc::Rc;

mod pir;

/// Registers per kind that PASM may name (`I0`..`I255`).
pub const MAX_REGS: u32 = 256;
/// How deep macros and includes may nest.
pub const MAX_NESTING: usize = 64;
/// Errors reported before giving up.
pub const MAX_ERRORS: usize = 50;

/// Finds an included file: `(name, including file)` to `(display name, text)`.
pub type Resolver<'a> = &'a dyn Fn(&str, &str) -> Result<(String, String), String>;

struct Stream {
    file: u32,
    text: Rc<str>,
    toks: Vec<Tok>,
    pos: usize,
    /// Tokens from a macro expansion report the invocation's span.
    span_override: Option<Span>,
    heredocs: Rc<HashMap<u32, String>>,
    depth: usize,
}

#[derive(Clone)]
struct Macro {
    params: Vec<String>,
    body: String,
}

#[derive(Clone)]
struct ConstVal {
    kind: T,
    text: String,
    span: Span,
}

struct Fixup {
    pc: usize,
    name: String,
    span: Span,
}

struct SubBuild {
    info: SubInfo,
    labels: HashMap<String, u32>,
    fixups: Vec<Fixup>,
    /// PIR names (`$I0`, `.local`s and `.param`s) to (kind, virtual register).
    names: HashMap<String, (char, u16)>,
    /// Virtual registers handed out so far, per kind (I, N, S, P).
    virtuals: [u16; 4],
    /// `.param`s waiting to become one `get_params` before the sub's first op.
    params: Vec<(Arg0, u32, Span)>,
    /// Opened by `.sub` (ends at `.end`) rather than `.pcc_sub`.
    pir: bool,
}

/// Virtual registers are numbered from here until the sub ends, then renumbered to follow
/// the sub's explicit registers, so `I0` and `$I0` never collide.
const VIRTUAL_BASE: u16 = 0x4000;

fn kind_index(k: char) -> usize {
    match k {
        'I' => 0,
        'N' => 1,
        'S' => 2,
        _ => 3,
    }
}

impl SubBuild {
    fn new(info: SubInfo, pir: bool) -> SubBuild {
        SubBuild {
            info,
            labels: HashMap::new(),
            fixups: Vec::new(),
            names: HashMap::new(),
            virtuals: [0; 4],
            params: Vec::new(),
            pir,
        }
    }
}

/// One operand as written.
#[derive(Clone, Debug)]
enum Arg0 {
    Reg(char, u16),
    Int(i64),
    Num(f64),
    Str(Str),
    Label(String),
    Key(Vec<KeyPart>),
}

impl Arg0 {
    fn describe(&self) -> &'static str {
        match self {
            Arg0::Reg('I', _) => "I",
            Arg0::Reg('N', _) => "N",
            Arg0::Reg('S', _) => "S",
            Arg0::Reg(..) => "P",
            Arg0::Int(_) => "IC",
            Arg0::Num(_) => "NC",
            Arg0::Str(_) => "SC",
            Arg0::Label(_) => "LABEL",
            Arg0::Key(_) => "KEY",
        }
    }
}

/// The assembler's state for one unit.
pub struct Asm<'a> {
    resolve: Resolver<'a>,
    pub(crate) files: Vec<SourceFile>,
    pub(crate) errors: Vec<AsmError>,
    code: Code,
    strs: HashMap<(Vec<u8>, Encoding), u32>,
    macros: HashMap<String, Macro>,
    consts: HashMap<String, ConstVal>,
    sub: Option<SubBuild>,
    streams: Vec<Stream>,
    /// PIR `.const` values by name.
    pir_consts: HashMap<String, Arg0>,
    /// The current `.namespace`.
    namespace: Vec<String>,
}

fn is_reg(s: &str) -> Option<(char, &str)> {
    let mut cs = s.chars();
    let k = cs.next()?;
    let rest = cs.as_str();
    if matches!(k, 'I' | 'N' | 'S' | 'P') && !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
        Some((k, rest))
    } else {
        None
    }
}

fn parse_int_lit(t: &str) -> Option<i64> {
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t),
    };
    let body = body.replace('_', "");
    let (radix, digits) = match body.get(..2) {
        Some("0x" | "0X") => (16, &body[2..]),
        Some("0o" | "0O") => (8, &body[2..]),
        Some("0b" | "0B") => (2, &body[2..]),
        _ => (10, &body[..]),
    };
    let v = u64::from_str_radix(digits, radix).ok()?;
    if neg {
        if v <= i64::MAX as u64 + 1 {
            Some((v as i64).wrapping_neg())
        } else {
            None
        }
    } else if radix != 10 {
        // Hex, octal and binary literals may spell a full 64-bit pattern.
        Some(v as i64)
    } else {
        i64::try_from(v).ok()
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

impl<'a> Asm<'a> {
    /// A new assembler.
    pub fn new(resolve: Resolver<'a>) -> Asm<'a> {
        Asm {
            resolve,
            files: Vec::new(),
            errors: Vec::new(),
            code: Code::default(),
            strs: HashMap::new(),
            macros: HashMap::new(),
            consts: HashMap::new(),
            sub: None,
            streams: Vec::new(),
            pir_consts: HashMap::new(),
            namespace: Vec::new(),
        }
    }

    fn err(&mut self, kind: K, span: Span, message: impl Into<String>) {
        self.err_help(kind, span, message, None);
    }

    fn err_help(&mut self, kind: K, span: Span, message: impl Into<String>, help: Option<String>) {
        if self.errors.len() == MAX_ERRORS {
            self.errors.push(AsmError {
                kind: K::TooMany,
                span,
                message: format!("too many errors (stopped after {MAX_ERRORS})"),
                help: None,
            });
        }
        if self.errors.len() > MAX_ERRORS {
            return;
        }
        self.errors.push(AsmError { kind, span, message: message.into(), help });
    }

    fn push_file(&mut self, name: String, text: String, depth: usize) {
        let mut text = text;
        if text.starts_with('\u{feff}') {
            text.replace_range(..3, "   ");
        }
        let prepared = lexer::prepare(&text);
        let file = self.files.len() as u32;
        for at in &prepared.unterminated_heredocs {
            let span = Span { file, start: *at, end: *at + 2 };
            self.err(K::Unterminated, span, "heredoc has no terminator line");
        }
        let toks = lexer::lex(&prepared.text);
        let blanked: Rc<str> = Rc::from(prepared.text.as_str());
        // Code frames show the original text (POD and heredocs included); offsets are equal.
        self.files.push(SourceFile::new(name, text));
        let text = blanked;
        self.streams.push(Stream {
            file,
            text,
            toks,
            pos: 0,
            span_override: None,
            heredocs: Rc::new(prepared.heredocs),
            depth,
        });
    }

    /// Assembles a whole file.
    pub fn assemble(mut self, name: &str, text: &str) -> Result<Code, crate::AsmFailure> {
        self.push_file(name.to_string(), text.to_string(), 0);
        while let Some(line) = self.next_line() {
            if self.errors.len() > MAX_ERRORS {
                break;
            }
            self.statement(line);
        }
        self.finish_sub();
        if self.code.subs.is_empty() {
            self.code.subs.push(SubInfo { name: "(main)".into(), ..Default::default() });
        }
        self.code.files = std::mem::take(&mut self.files);
        self.code.index_args();
        if self.errors.is_empty() {
            for e in kea_vm::verify::verify(&self.code) {
                let span = self.code.spans.get(e.pc as usize).copied().unwrap_or_default();
                self.errors.push(AsmError { kind: K::Verify, span, message: e.message, help: None });
            }
        }
        if self.errors.is_empty() {
            Ok(self.code)
        } else {
            Err(crate::AsmFailure { errors: self.errors, files: self.code.files })
        }
    }

    /// The tokens of the next statement (without its newline), with their stream.
    fn next_line(&mut self) -> Option<Line> {
        loop {
            let s = self.streams.last_mut()?;
            if s.pos >= s.toks.len() {
                self.streams.pop();
                continue;
            }
            let mut toks = Vec::new();
            while s.pos < s.toks.len() {
                let t = s.toks[s.pos];
                s.pos += 1;
                if t.kind == Some(T::Newline) {
                    break;
                }
                toks.push(t);
            }
            if toks.is_empty() {
                continue;
            }
            let line_end = s.toks.get(s.pos.saturating_sub(1)).map_or(0, |t| t.end);
            return Some(Line {
                toks,
                file: s.file,
                text: s.text.clone(),
                span_override: s.span_override,
                heredocs: s.heredocs.clone(),
                depth: s.depth,
                end: line_end,
            });
        }
    }

    fn statement(&mut self, mut line: Line) {
        // Labels first.
        while let Some(t) = line.toks.first().copied() {
            if t.kind != Some(T::Label) {
                break;
            }
            line.toks.remove(0);
            let name = line.text(&t).trim_end_matches(':').to_string();
            let span = line.span(&t);
            self.define_label(name, span);
        }
        let Some(first) = line.toks.first().copied() else { return };
        if self.pir_statement(&line) {
            return;
        }
        match first.kind {
            Some(T::Dot) => self.directive(line),
            Some(T::Ident) => self.instruction(line),
            None => {
                let text = line.text(&first).to_string();
                let span = line.span(&first);
                if text.contains('\0') {
                    self.err(K::BadToken, span, "NUL byte in source");
                } else {
                    self.err(
                        K::BadToken,
                        span,
                        format!("unexpected character '{}'", text.chars().next().unwrap_or('?')),
                    );
                }
            }
            Some(T::Unterminated) => {
                let span = line.span(&first);
                self.err(K::Unterminated, span, "unterminated string literal");
            }
            Some(_) => {
                let span = line.span(&first);
                let text = line.text(&first).to_string();
                self.err(K::Syntax, span, format!("expected an op or a directive, found '{text}'"));
            }
        }
    }

    fn ensure_sub(&mut self) {
        if self.sub.is_none() {
            let start = self.code.ops.len() as u32;
            self.sub =
                Some(SubBuild::new(SubInfo { name: "(main)".into(), start, end: start, ..Default::default() }, false));
        }
    }

    fn define_label(&mut self, name: String, span: Span) {
        self.ensure_sub();
        // `.param`s bind once, at entry: a label after them must not jump back into the
        // binding.
        self.flush_params();
        let pc = self.code.ops.len() as u32;
        let sub = self.sub.as_mut().expect("ensured");
        if sub.labels.contains_key(&name) {
            let sname = sub.info.name.clone();
            self.err(K::DuplicateLabel, span, format!("label '{name}' is defined twice in sub '{sname}'"));
            return;
        }
        sub.labels.insert(name.clone(), pc);
        self.code.labels.entry(pc).or_default().push(name);
    }

    fn finish_sub(&mut self) {
        self.flush_params();
        let Some(mut sub) = self.sub.take() else { return };
        sub.info.end = self.code.ops.len() as u32;
        if sub.virtuals.iter().any(|&n| n > 0) {
            self.renumber_virtuals(&mut sub);
        }
        for fx in std::mem::take(&mut sub.fixups) {
            match sub.labels.get(&fx.name) {
                Some(&target) => {
                    let op = self.code.ops[fx.pc];
                    let mut ops: Vec<Operand> = op.operands().to_vec();
                    for o in ops.iter_mut() {
                        if let Operand::L(l) = o {
                            if l.0 == u32::MAX {
                                *o = Operand::L(Label(target));
                                break;
                            }
                        }
                    }
                    if let Some(new) = Op::build(op.opcode(), &ops) {
                        self.code.ops[fx.pc] = new;
                    }
                }
                None => {
                    let sname = sub.info.name.clone();
                    let known: Vec<&String> = sub.labels.keys().collect();
                    let help = known
                        .iter()
                        .filter(|k| edit_distance(k, &fx.name) <= 2)
                        .min_by_key(|k| edit_distance(k, &fx.name))
                        .map(|k| format!("did you mean '{k}'?"));
                    self.err_help(K::UnknownLabel, fx.span, format!("no label '{}' in sub '{sname}'", fx.name), help);
                }
            }
        }
        // A sub never runs into the next one (whose frame has other registers): one that does
        // not end in an unconditional transfer returns, as Parrot's PIR subs do. This also
        // gives a label at the very end of a sub an op to land on.
        let ends = match self.code.ops[sub.info.start as usize..sub.info.end as usize].last() {
            Some(op) => matches!(
                op,
                Op::returncc {}
                    | Op::end {}
                    | Op::branch_ic { .. }
                    | Op::jump_i { .. }
                    | Op::tailcall_p { .. }
                    | Op::local_return_p { .. }
                    | Op::exit_ic { .. }
            ),
            None => false,
        };
        if !ends || sub.labels.values().any(|&pc| pc == sub.info.end) {
            let span = self.code.spans.last().copied().unwrap_or_default();
            self.code.ops.push(Op::returncc {});
            self.code.spans.push(span);
            sub.info.end += 1;
        }
        self.code.subs.push(sub.info);
    }

    fn directive(&mut self, line: Line) {
        let first = line.toks[0];
        let name = line.text(&first).to_string();
        let span = line.span(&first);
        match name.as_str() {
            ".pcc_sub" => self.pcc_sub(&line),
            ".macro" => self.macro_def(line),
            ".endm" => self.err(K::Macro, span, "'.endm' without '.macro'"),
            ".macro_const" => {
                let (Some(n), Some(v)) = (line.toks.get(1), line.toks.get(2)) else {
                    return self.err(K::Syntax, span, "expected '.macro_const NAME value'");
                };
                let cname = line.text(n).to_string();
                match v.kind {
                    Some(k @ (T::Int | T::Float | T::DqString | T::SqString | T::EncString | T::Ident)) => {
                        let cv = ConstVal { kind: k, text: line.text(v).to_string(), span: line.span(v) };
                        self.consts.insert(cname, cv);
                    }
                    _ => self.err(
                        K::Syntax,
                        line.span(v),
                        "a .macro_const value must be a number, a string or a register",
                    ),
                }
            }
            ".include" => {
                let Some(t) = line.toks.get(1) else {
                    return self.err(K::Syntax, span, "expected '.include \"file\"'");
                };
                let Some(path) = self.string_const(&line, t) else { return };
                if line.depth + 1 > MAX_NESTING {
                    return self.err(K::Include, span, format!("includes nested too deep (limit {MAX_NESTING})"));
                }
                let from = self.files.get(line.file as usize).map(|f| f.name.clone()).unwrap_or_default();
                let path = path.to_text();
                if self.files.iter().filter(|f| f.name.ends_with(&path)).count() > MAX_NESTING {
                    return self.err(
                        K::Include,
                        span,
                        format!("'{path}' is included too many times (an include cycle?)"),
                    );
                }
                match (self.resolve)(&path, &from) {
                    Ok((name, text)) => self.push_file(name, text, line.depth + 1),
                    Err(e) => self.err(K::Include, line.span(t), format!("cannot include '{path}': {e}")),
                }
            }
            ".namespace" => {
                // `.namespace ['A'; 'B']` (or `.namespace []` for the root) sets the namespace of
                // the subs that follow.
                let mut ns = Vec::new();
                for t in &line.toks[1..] {
                    match t.kind {
                        Some(T::SqString | T::DqString) => {
                            let text = line.text(t);
                            ns.push(text[1..text.len() - 1].to_string());
                        }
                        Some(T::LBracket | T::RBracket | T::Semi) => {}
                        _ => return self.err(K::Syntax, line.span(t), "expected .namespace ['Name'; ...]"),
                    }
                }
                self.namespace = ns;
            }
            ".loadlib" | ".HLL" | ".line" | ".file" => {}
            _ => {
                let key = name.trim_start_matches('.').to_string();
                if let Some(m) = self.macros.get(&key).cloned() {
                    self.expand_macro(&line, &key, m);
                } else {
                    let help = if self.consts.contains_key(&key) {
                        Some(format!("'{name}' is a .macro_const: use it as an operand"))
                    } else {
                        None
                    };
                    self.err_help(K::UnknownDirective, span, format!("unknown directive or macro '{name}'"), help);
                }
            }
        }
    }

    fn pcc_sub(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let mut flags = Vec::new();
        let mut main = false;
        let mut name = None;
        for t in &line.toks[1..] {
            match t.kind {
                Some(T::Flag) => {
                    let f = line.text(t);
                    match f {
                        ":main" => main = true,
                        ":load" | ":init" | ":anon" | ":immediate" | ":postcomp" | ":method" => {
                            flags.push(f.to_string())
                        }
                        other => self.err(K::Syntax, line.span(t), format!("unknown sub flag '{other}'")),
                    }
                }
                Some(T::Label) => name = Some(line.text(t).trim_end_matches(':').to_string()),
                Some(T::Ident) if name.is_none() => name = Some(line.text(t).to_string()),
                _ => self.err(K::Syntax, line.span(t), format!("unexpected '{}' in .pcc_sub", line.text(t))),
            }
        }
        let Some(name) = name else { return self.err(K::Syntax, span, "expected a sub name: '.pcc_sub name:'") };
        self.finish_sub();
        let start = self.code.ops.len() as u32;
        if self.code.subs.iter().any(|s| s.name == name && s.namespace == self.namespace) {
            self.err(K::DuplicateLabel, span, format!("sub '{name}' is defined twice"));
        }
        let namespace = self.namespace.clone();
        self.sub = Some(SubBuild::new(
            SubInfo { name: name.clone(), start, end: start, main, flags, namespace, ..Default::default() },
            false,
        ));
        // The sub's name is also a label at its start.
        if let Some(s) = self.sub.as_mut() {
            s.labels.insert(name, start);
        }
    }

    fn macro_def(&mut self, line: Line) {
        let span = line.span(&line.toks[0]);
        let Some(nt) = line.toks.get(1) else { return self.err(K::Macro, span, "expected '.macro NAME(params)'") };
        let name = line.text(nt).to_string();
        let mut params = Vec::new();
        for t in &line.toks[2..] {
            match t.kind {
                Some(T::Ident) => params.push(line.text(t).to_string()),
                Some(T::LParen | T::RParen | T::Comma) => {}
                _ => self.err(K::Macro, line.span(t), format!("unexpected '{}' in macro parameters", line.text(t))),
            }
        }
        // The body is the raw text up to a line starting with `.endm`.
        let s = self.streams.last_mut().expect("a line came from this stream");
        let body_start = line.end as usize;
        let mut end = None;
        while s.pos < s.toks.len() {
            let t = s.toks[s.pos];
            s.pos += 1;
            if t.kind == Some(T::Dot) && &s.text[t.start as usize..t.end as usize] == ".endm" {
                end = Some(t.start as usize);
                while s.pos < s.toks.len() && s.toks[s.pos].kind != Some(T::Newline) {
                    s.pos += 1;
                }
                break;
            }
        }
        let Some(end) = end else { return self.err(K::Macro, span, format!("macro '{name}' has no '.endm'")) };
        let body = s.text.get(body_start.min(end)..end).unwrap_or("").to_string();
        self.macros.insert(name, Macro { params, body });
    }

    fn expand_macro(&mut self, line: &Line, name: &str, m: Macro) {
        let span = line.span(&line.toks[0]);
        if line.depth + 1 > MAX_NESTING {
            return self.err(K::Macro, span, format!("macros nested too deep (limit {MAX_NESTING})"));
        }
        // Arguments: comma-separated token runs inside the parentheses.
        let mut args: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut depth = 0;
        for t in &line.toks[1..] {
            match t.kind {
                Some(T::LParen) if depth == 0 => depth = 1,
                Some(T::RParen) if depth == 1 => {
                    depth = 0;
                    if !cur.trim().is_empty() {
                        args.push(std::mem::take(&mut cur));
                    }
                }
                Some(T::Comma) if depth == 1 => args.push(std::mem::take(&mut cur)),
                _ => {
                    cur.push_str(line.text(t));
                    cur.push(' ');
                }
            }
        }
        if args.len() != m.params.len() {
            return self.err(
                K::Macro,
                span,
                format!("macro '{name}' takes {} arguments, {} given", m.params.len(), args.len()),
            );
        }
        let mut body = m.body.clone();
        for (p, a) in m.params.iter().zip(&args) {
            body = replace_word(&body, &format!(".{p}"), a.trim());
        }
        let prepared = lexer::prepare(&body);
        let toks = lexer::lex(&prepared.text);
        self.streams.push(Stream {
            file: line.file,
            text: Rc::from(prepared.text.as_str()),
            toks,
            pos: 0,
            span_override: Some(span),
            heredocs: Rc::new(prepared.heredocs),
            depth: line.depth + 1,
        });
    }

    fn string_const(&mut self, line: &Line, t: &Tok) -> Option<Str> {
        let text = line.text(t).to_string();
        let span = line.span(t);
        let (enc, body, escapes) = match t.kind {
            Some(T::SqString) => (Encoding::Ascii, text[1..text.len() - 1].to_string(), false),
            Some(T::DqString) => (Encoding::Ascii, text[1..text.len() - 1].to_string(), true),
            Some(T::EncString) => {
                let (enc_name, rest) = text.split_once(':').unwrap_or(("", &text));
                let Some(enc) = Encoding::from_name(enc_name) else {
                    self.err(K::Syntax, span, format!("unknown string encoding '{enc_name}'"));
                    return None;
                };
                (enc, rest[1..rest.len() - 1].to_string(), true)
            }
            Some(T::Heredoc) => {
                let raw = text.as_bytes().get(2) == Some(&b'\'');
                let body = line.heredocs.get(&t.start).cloned().unwrap_or_default();
                (Encoding::Ascii, body, !raw)
            }
            Some(T::Unterminated) => {
                self.err(K::Unterminated, span, "unterminated string literal");
                return None;
            }
            _ => {
                self.err(K::Syntax, span, format!("expected a string, found '{text}'"));
                return None;
            }
        };
        let cps: Vec<u32> = if escapes {
            match strings::unescape(&body) {
                Ok(c) => c,
                Err(e) => {
                    let at = span.start + 1 + e.offset as u32;
                    let sp = if line.span_override.is_some() {
                        span
                    } else {
                        Span { file: span.file, start: at, end: (at + 2).min(span.end) }
                    };
                    self.err_help(K::BadEscape, sp, e.message, e.help);
                    return None;
                }
            }
        } else {
            body.chars().map(|c| c as u32).collect()
        };
        // Single-quoted and heredoc text in UTF-8 source stays UTF-8 rather than failing.
        let enc = if !escapes && cps.iter().any(|&c| c > 0x7f) { Encoding::Utf8 } else { enc };
        match strings::encode(&cps, enc) {
            Ok(s) => Some(s),
            Err(e) => {
                self.err_help(K::BadEscape, span, e.message, e.help);
                None
            }
        }
    }

    fn intern(&mut self, s: Str) -> u32 {
        let key = (s.as_bytes().to_vec(), s.encoding());
        if let Some(&i) = self.strs.get(&key) {
            return i;
        }
        let i = self.code.strs.len() as u32;
        self.code.strs.push(s);
        self.strs.insert(key, i);
        i
    }

    /// Parses one operand starting at `toks[*i]`.
    fn operand(&mut self, line: &Line, i: &mut usize) -> Option<(Arg0, Span)> {
        let t = *line.toks.get(*i)?;
        *i += 1;
        let span = line.span(&t);
        let text = line.text(&t).to_string();
        let arg = match t.kind {
            Some(T::VReg) => self.virtual_reg(&text[1..], span)?,
            Some(T::Ident) if self.sub.as_ref().is_some_and(|s| s.names.contains_key(&text)) => {
                let (k, r) = self.sub.as_ref().and_then(|s| s.names.get(&text)).copied().unwrap_or(('I', 0));
                Arg0::Reg(k, r)
            }
            Some(T::Ident) if self.pir_consts.contains_key(&text) => self.pir_consts[&text].clone(),
            Some(T::Ident) => match is_reg(&text) {
                Some((k, digits)) => match digits.parse::<u32>() {
                    Ok(n) if n < MAX_REGS => Arg0::Reg(k, n as u16),
                    _ => {
                        self.err(
                            K::RegisterOutOfRange,
                            span,
                            format!("register {text} is out of range (0 to {})", MAX_REGS - 1),
                        );
                        return None;
                    }
                },
                None => Arg0::Label(text),
            },
            Some(T::Int) => match parse_int_lit(&text) {
                Some(v) => Arg0::Int(v),
                None => {
                    self.err(
                        K::IntOutOfRange,
                        span,
                        format!("integer literal {text} is out of range for a 64-bit integer"),
                    );
                    return None;
                }
            },
            Some(T::Float) => match text.parse::<f64>() {
                Ok(v) if v.is_finite() => Arg0::Num(v),
                _ => {
                    self.err(K::IntOutOfRange, span, format!("number literal {text} is out of range"));
                    return None;
                }
            },
            Some(T::DqString | T::SqString | T::EncString | T::Heredoc | T::Unterminated) => {
                Arg0::Str(self.string_const(line, &t)?)
            }
            Some(T::Dot) => {
                let key = text.trim_start_matches('.');
                let Some(cv) = self.consts.get(key).cloned() else {
                    self.err(K::UnknownDirective, span, format!("unknown constant '{text}'"));
                    return None;
                };
                let tmp = Line::single(&cv, span);
                let mut j = 0;
                return self.operand(&tmp, &mut j).map(|(a, _)| (a, span));
            }
            Some(T::LBracket) => {
                // A key: `[part; part]`.
                let mut parts = Vec::new();
                loop {
                    let Some(t2) = line.toks.get(*i).copied() else {
                        self.err(K::Syntax, span, "unclosed '[' in key");
                        return None;
                    };
                    if t2.kind == Some(T::RBracket) {
                        *i += 1;
                        break;
                    }
                    if t2.kind == Some(T::Semi) {
                        *i += 1;
                        continue;
                    }
                    let (a, sp) = self.operand(line, i)?;
                    parts.push(match a {
                        Arg0::Int(v) => {
                            let c = self.int_const(v);
                            KeyPart::Int(IArg::constant(self.flex_ok(c, sp)?))
                        }
                        Arg0::Reg('I', r) => KeyPart::Int(IArg::reg(r)),
                        Arg0::Str(s) => {
                            let c = self.intern(s);
                            KeyPart::Str(SArg::constant(self.flex_ok(c, sp)?))
                        }
                        Arg0::Reg('S', r) => KeyPart::Str(SArg::reg(r)),
                        Arg0::Reg('P', r) => KeyPart::Pmc(PReg(r)),
                        other => {
                            self.err(
                                K::Syntax,
                                sp,
                                format!(
                                    "a key part must be an integer, a string, or an I, S or P register, found {}",
                                    other.describe()
                                ),
                            );
                            return None;
                        }
                    });
                }
                if parts.is_empty() {
                    self.err(K::Syntax, span, "empty key");
                    return None;
                }
                Arg0::Key(parts)
            }
            _ => {
                self.err(K::Syntax, span, format!("expected an operand, found '{text}'"));
                return None;
            }
        };
        Some((arg, span))
    }

    /// Fails (with an error) when a register-or-constant pool is full.
    fn flex_ok(&mut self, i: u32, span: Span) -> Option<u32> {
        if i < op::MAX_FLEX_CONSTS {
            Some(i)
        } else {
            self.err(
                K::IntOutOfRange,
                span,
                format!("too many distinct constants in one file (limit {})", op::MAX_FLEX_CONSTS),
            );
            None
        }
    }

    fn int_const(&mut self, v: i64) -> u32 {
        if let Some(i) = self.code.ints.iter().position(|&x| x == v) {
            return i as u32;
        }
        self.code.ints.push(v);
        (self.code.ints.len() - 1) as u32
    }

    fn num_const(&mut self, v: f64) -> u32 {
        if let Some(i) = self.code.nums.iter().position(|&x| x.to_bits() == v.to_bits()) {
            return i as u32;
        }
        self.code.nums.push(v);
        (self.code.nums.len() - 1) as u32
    }

    fn instruction(&mut self, line: Line) {
        self.ensure_sub();
        let first = line.toks[0];
        let mnemonic = line.text(&first).to_string();
        let op_span = line.span(&first);
        let mut args: Vec<(Arg0, Span)> = Vec::new();
        let mut i = 1;
        while i < line.toks.len() {
            let Some(a) = self.operand(&line, &mut i) else { return };
            args.push(a);
            match line.toks.get(i).map(|t| t.kind) {
                None => break,
                Some(Some(T::Comma)) => {
                    i += 1;
                    if i >= line.toks.len() {
                        let sp = line.span(&line.toks[i - 1]);
                        return self.err(K::Syntax, sp, "expected an operand after ','");
                    }
                }
                Some(Some(T::LBracket)) => {}
                Some(_) => {
                    let t = line.toks[i];
                    let sp = line.span(&t);
                    return self.err(
                        K::Syntax,
                        sp,
                        format!("expected ',' between operands, found '{}'", line.text(&t)),
                    );
                }
            }
        }
        let span = Span {
            file: op_span.file,
            start: op_span.start,
            end: args.last().map_or(op_span.end, |a| a.1.end.max(op_span.end)),
        };
        self.select_emit(&mnemonic, args, op_span, span);
    }

    /// Picks the variant of `mnemonic` that takes these operands and emits it, or reports
    /// what exists. PASM instructions and lowered PIR statements both come through here.
    fn select_emit(&mut self, mnemonic: &str, args: Vec<(Arg0, Span)>, op_span: Span, span: Span) {
        // Every op lands in a sub: statements outside any form the implicit unit.
        self.ensure_sub();
        self.flush_params();
        let mnemonic = mnemonic.to_string();
        let variants = op::variants(&mnemonic);
        if variants.is_empty() {
            let all = op::mnemonics();
            let help = all
                .iter()
                .filter(|m| edit_distance(m, &mnemonic) <= 2)
                .min_by_key(|m| edit_distance(m, &mnemonic))
                .map(|m| format!("did you mean '{m}'?"));
            return self.err_help(K::UnknownOp, op_span, format!("unknown op '{mnemonic}'"), help);
        }
        if matches!(mnemonic.as_str(), "set_args" | "get_params" | "set_returns" | "get_results") {
            return self.arg_list_op(&mnemonic, args, span);
        }
        // Exact kinds first; then integer constants may stand for number constants.
        for widen in [false, true] {
            for info in variants {
                if let Some(ops) = self.fit(info, &args, widen) {
                    return self.emit(info, ops, &args, span);
                }
            }
        }
        if self.lower_constant_sources(&mnemonic, &args, op_span, span) {
            return;
        }
        if let Some(folded) = self.fold_const_branch(&mnemonic, &args) {
            return match folded {
                Some(label) => {
                    let info = op::variants("branch")[0];
                    self.emit(info, vec![Operand::L(Label(u32::MAX))], &[label], span)
                }
                None => self.emit(op::variants("noop")[0], vec![], &[], span),
            };
        }
        let found: Vec<&str> = args.iter().map(|a| a.0.describe()).collect();
        let sigs: Vec<String> = variants.iter().map(|v| v.signature()).collect();
        let name_guess =
            format!("{mnemonic}{}", found.iter().map(|k| format!("_{}", k.to_lowercase())).collect::<String>());
        self.err_help(
            K::BadOperands,
            span,
            format!("no variant of '{mnemonic}' takes ({}): there is no op '{name_guess}'", found.join(", ")),
            Some(format!("'{mnemonic}' has: {}", sigs.join("; "))),
        );
    }

    /// `add I0, 1, 2` (only constants in): Parrot's assembler folds these; Kea loads the
    /// first constant into the target and applies the op there (`set I0, 1` + `add I0, I0, 2`),
    /// which gives the same value by the op's own rules. Only when the constant is of the
    /// target's kind, so no conversion can sneak in.
    fn lower_constant_sources(&mut self, m: &str, args: &[(Arg0, Span)], op_span: Span, span: Span) -> bool {
        let same_kind = |dst: &Arg0, c: &Arg0| {
            matches!(
                (dst, c),
                (Arg0::Reg('I', _), Arg0::Int(_))
                    | (Arg0::Reg('N', _), Arg0::Num(_) | Arg0::Int(_))
                    | (Arg0::Reg('S', _), Arg0::Str(_))
            )
        };
        let is_const = |a: &Arg0| matches!(a, Arg0::Int(_) | Arg0::Num(_) | Arg0::Str(_));
        let rest: Vec<(Arg0, Span)> = match args {
            [(d @ Arg0::Reg(..), ds), (c, _), (c2, cs)] if same_kind(d, c) && is_const(c2) => {
                vec![(d.clone(), *ds), (d.clone(), *ds), (c2.clone(), *cs)]
            }
            [(d @ Arg0::Reg(..), ds), (c, _)] if same_kind(d, c) && matches!(m, "neg" | "abs" | "bnot" | "not") => {
                vec![(d.clone(), *ds)]
            }
            _ => return false,
        };
        if !matches!(m, "set" | "assign") && !self.fits_any(m, &rest) {
            return false;
        }
        self.select_emit("set", vec![args[0].clone(), args[1].clone()], op_span, span);
        self.select_emit(m, rest, op_span, span);
        true
    }

    /// `lt 1, 2, L` with two constants: decided now (Parrot's assembler folds these too).
    fn fold_const_branch(&self, m: &str, args: &[(Arg0, Span)]) -> Option<Option<(Arg0, Span)>> {
        use std::cmp::Ordering;
        if args.len() != 3 || !matches!(args[2].0, Arg0::Label(_)) {
            return None;
        }
        let ord = match (&args[0].0, &args[1].0) {
            (Arg0::Int(a), Arg0::Int(b)) => Some(a.cmp(b)),
            (Arg0::Num(a), Arg0::Num(b)) => a.partial_cmp(b),
            (Arg0::Int(a), Arg0::Num(b)) => (*a as f64).partial_cmp(b),
            (Arg0::Num(a), Arg0::Int(b)) => a.partial_cmp(&(*b as f64)),
            (Arg0::Str(a), Arg0::Str(b)) => Some(a.cmp(b)),
            _ => return None,
        };
        let taken = match m {
            "eq" => ord == Some(Ordering::Equal),
            "ne" => ord != Some(Ordering::Equal),
            "lt" => ord == Some(Ordering::Less),
            "le" => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
            "gt" => ord == Some(Ordering::Greater),
            "ge" => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
            _ => return None,
        };
        Some(if taken { Some(args[2].clone()) } else { None })
    }

    /// The operands for `info` if the written ones fit its signature.
    fn fit(&mut self, info: &OpInfo, args: &[(Arg0, Span)], widen: bool) -> Option<Vec<Operand>> {
        let span = args.first().map(|a| a.1).unwrap_or_default();
        if info.operands.len() != args.len() {
            return None;
        }
        // Check first (no side effects), then build.
        if !info.operands.iter().zip(args).all(|(slot, (a, _))| kind_fits(slot.kind, a, widen)) {
            return None;
        }
        let mut out = Vec::with_capacity(args.len());
        for (slot, (a, _)) in info.operands.iter().zip(args) {
            out.push(match (slot.kind, a) {
                (Kind::I, Arg0::Reg(_, r)) => Operand::I(IReg(*r)),
                (Kind::N, Arg0::Reg(_, r)) => Operand::N(NReg(*r)),
                (Kind::S, Arg0::Reg(_, r)) => Operand::S(SReg(*r)),
                (Kind::P, Arg0::Reg(_, r)) => Operand::P(PReg(*r)),
                (Kind::Ix, Arg0::Reg(_, r)) => Operand::Ix(IArg::reg(*r)),
                (Kind::Nx, Arg0::Reg(_, r)) => Operand::Nx(NArg::reg(*r)),
                (Kind::Sx, Arg0::Reg(_, r)) => Operand::Sx(SArg::reg(*r)),
                (Kind::Ic, Arg0::Int(v)) => Operand::Ic(*v),
                (Kind::Ix, Arg0::Int(v)) => {
                    let i = self.int_const(*v);
                    Operand::Ix(IArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::Nc, Arg0::Num(v)) => Operand::Nc(*v),
                (Kind::Nc, Arg0::Int(v)) => Operand::Nc(*v as f64),
                (Kind::Nx, Arg0::Num(v)) => {
                    let i = self.num_const(*v);
                    Operand::Nx(NArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::Nx, Arg0::Int(v)) => {
                    let i = self.num_const(*v as f64);
                    Operand::Nx(NArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::Sc, Arg0::Str(s)) => Operand::Sc(StrId(self.intern(s.clone()))),
                (Kind::Sx, Arg0::Str(s)) => {
                    let i = self.intern(s.clone());
                    Operand::Sx(SArg::constant(self.flex_ok(i, span)?))
                }
                (Kind::L, Arg0::Label(_)) => Operand::L(Label(u32::MAX)),
                (Kind::K, Arg0::Key(parts)) => {
                    self.code.keys.push(parts.clone());
                    Operand::K(kea_vm::op::KeyId((self.code.keys.len() - 1) as u32))
                }
                _ => return None,
            });
        }
        Some(out)
    }

    fn emit(&mut self, info: &OpInfo, ops: Vec<Operand>, args: &[(Arg0, Span)], span: Span) {
        let Some(op) = Op::build(info.opcode, &ops) else {
            return self.err(K::BadOperands, span, format!("internal error: operands do not build '{}'", info.name));
        };
        let pc = self.code.ops.len();
        self.code.ops.push(op);
        self.code.spans.push(span);
        let sub = self.sub.as_mut().expect("instruction ensured a sub");
        for (o, (a, sp)) in ops.iter().zip(args) {
            if let (Operand::L(_), Arg0::Label(name)) = (o, a) {
                sub.fixups.push(Fixup { pc, name: name.clone(), span: *sp });
            }
        }
        for o in &ops {
            note_regs(&mut sub.info.regs, o, &self.code);
        }
    }

    fn arg_list_op(&mut self, m: &str, args: Vec<(Arg0, Span)>, span: Span) {
        self.ensure_sub();
        let Some((Arg0::Str(sig), sig_span)) = args.first().cloned() else {
            return self.err(K::BadOperands, span, format!("'{m}' needs a flags string first: {m} \"0, 0\", I0, I1"));
        };
        let sig_text = sig.to_text();
        let mut fl = Vec::new();
        if !sig_text.trim().is_empty() {
            for part in sig_text.split(',') {
                match parse_int_lit(part.trim()) {
                    Some(v) if (0..=0xffff).contains(&v) => fl.push(v as u32),
                    _ => {
                        return self.err(
                            K::BadOperands,
                            sig_span,
                            format!("bad flag '{}' in the flags string", part.trim()),
                        )
                    }
                }
            }
        }
        if fl.len() != args.len() - 1 {
            return self.err(
                K::BadOperands,
                sig_span,
                format!("the flags string has {} entries but {} values follow", fl.len(), args.len() - 1),
            );
        }
        let receiving = matches!(m, "get_params" | "get_results");
        let mut list = Vec::new();
        for ((a, sp), f) in args[1..].iter().zip(fl) {
            let value = match a {
                Arg0::Reg('I', r) => ArgValue::I(IReg(*r)),
                Arg0::Reg('N', r) => ArgValue::N(NReg(*r)),
                Arg0::Reg('S', r) => ArgValue::S(SReg(*r)),
                Arg0::Reg(_, r) => ArgValue::P(PReg(*r)),
                Arg0::Int(v) if !receiving => ArgValue::Ic(*v),
                Arg0::Num(v) if !receiving => ArgValue::Nc(*v),
                Arg0::Str(s) if !receiving || f & flags::NAMED != 0 => ArgValue::Sc(StrId(self.intern(s.clone()))),
                other => {
                    return self.err(
                        K::BadOperands,
                        *sp,
                        format!("'{m}' cannot take {} here (registers only)", other.describe()),
                    );
                }
            };
            if f & flags::OPT_FLAG != 0 && !matches!(value, ArgValue::I(_)) {
                return self.err(K::BadOperands, *sp, "an :opt_flag parameter must be an I register");
            }
            if receiving && f & flags::FLAT_SLURPY != 0 && !matches!(value, ArgValue::P(_)) {
                return self.err(K::BadOperands, *sp, "a :slurpy parameter must be a P register");
            }
            list.push(Arg { flags: f, value });
        }
        let sub = self.sub.as_mut().expect("instruction ensured a sub");
        for a in &list {
            let (k, r) = match a.value {
                ArgValue::I(r) => (0, r.0),
                ArgValue::N(r) => (1, r.0),
                ArgValue::S(r) => (2, r.0),
                ArgValue::P(r) => (3, r.0),
                _ => continue,
            };
            if r < VIRTUAL_BASE {
                sub.info.regs[k] = sub.info.regs[k].max(r + 1);
            }
        }
        self.code.args.push(list);
        let id = kea_vm::op::ArgsId((self.code.args.len() - 1) as u32);
        let op = match m {
            "set_args" => Op::set_args_pc { args: id },
            "get_params" => Op::get_params_pc { params: id },
            "set_returns" => Op::set_returns_pc { values: id },
            _ => Op::get_results_pc { results: id },
        };
        self.code.ops.push(op);
        self.code.spans.push(span);
    }
}

/// Can the written operand `a` stand where the table says `kind`? `widen` lets an integer
/// constant stand for a number constant (the second pass of variant selection).
fn kind_fits(kind: Kind, a: &Arg0, widen: bool) -> bool {
    matches!(
        (kind, a),
        (Kind::I | Kind::Ix, Arg0::Reg('I', _))
            | (Kind::N | Kind::Nx, Arg0::Reg('N', _))
            | (Kind::S | Kind::Sx, Arg0::Reg('S', _))
            | (Kind::P, Arg0::Reg('P', _))
            | (Kind::Ic | Kind::Ix, Arg0::Int(_))
            | (Kind::Nc | Kind::Nx, Arg0::Num(_))
            | (Kind::Sc | Kind::Sx, Arg0::Str(_))
            | (Kind::L, Arg0::Label(_))
            | (Kind::K, Arg0::Key(_))
    ) || (widen && matches!((kind, a), (Kind::Nc | Kind::Nx, Arg0::Int(_))))
}

fn note_regs(regs: &mut [u16; 4], o: &Operand, code: &Code) {
    // Virtual registers are counted when the sub ends and they are renumbered.
    let mut note = |k: usize, r: u16| {
        if r < VIRTUAL_BASE {
            regs[k] = regs[k].max(r + 1)
        }
    };
    match *o {
        Operand::I(r) => note(0, r.0),
        Operand::N(r) => note(1, r.0),
        Operand::S(r) => note(2, r.0),
        Operand::P(r) => note(3, r.0),
        Operand::Ix(a) => {
            if let Ok(r) = a.split() {
                note(0, r)
            }
        }
        Operand::Nx(a) => {
            if let Ok(r) = a.split() {
                note(1, r)
            }
        }
        Operand::Sx(a) => {
            if let Ok(r) = a.split() {
                note(2, r)
            }
        }
        Operand::K(k) => {
            for p in &code.keys[k.0 as usize] {
                match *p {
                    KeyPart::Int(a) => {
                        if let Ok(r) = a.split() {
                            note(0, r)
                        }
                    }
                    KeyPart::Str(a) => {
                        if let Ok(r) = a.split() {
                            note(2, r)
                        }
                    }
                    KeyPart::Pmc(r) => note(3, r.0),
                }
            }
        }
        _ => {}
    }
}

/// Replaces `.name` as a whole word.
fn replace_word(body: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find(word) {
        let after = rest[i + word.len()..].chars().next();
        out.push_str(&rest[..i]);
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push_str(word);
        } else {
            out.push_str(with);
        }
        rest = &rest[i + word.len()..];
    }
    out.push_str(rest);
    out
}

/// The tokens of one statement and where they came from.
pub(crate) struct Line {
    toks: Vec<Tok>,
    file: u32,
    text: Rc<str>,
    span_override: Option<Span>,
    heredocs: Rc<HashMap<u32, String>>,
    depth: usize,
    end: u32,
}

impl Line {
    fn text(&self, t: &Tok) -> &str {
        self.text.get(t.start as usize..t.end as usize).unwrap_or("")
    }
    fn span(&self, t: &Tok) -> Span {
        self.span_override.unwrap_or(Span { file: self.file, start: t.start, end: t.end })
    }
    fn single(cv: &ConstVal, span: Span) -> Line {
        let len = cv.text.len() as u32;
        Line {
            toks: vec![Tok { kind: Some(cv.kind), start: 0, end: len }],
            file: span.file,
            text: Rc::from(cv.text.as_str()),
            span_override: Some(if cv.span.end > 0 { span } else { cv.span }),
            heredocs: Rc::new(HashMap::new()),
            depth: 0,
            end: len,
        }
    }
}
