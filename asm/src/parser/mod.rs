//! The assembler: PASM and PIR statements to ops, one line at a time.
//!
//! Each line is `[label:]... [op operand, ...]` or a directive. Errors are collected (a bad
//! line is skipped, the next one is read), so one run reports every error in a file. Labels
//! are local to their sub; forward references are patched when the sub ends.
//!
//! One [`Asm`] carries the state of a unit; its methods are split by stage, each file one
//! step of a statement's way to an op:
//!
//! | file | stage |
//! |---|---|
//! | `mod.rs` | the state ([`Asm`], subs under construction, input streams, [`Line`]), errors, the statement loop, labels |
//! | `directive.rs` | `.pcc_sub`, `.macro_const`, `.include`, `.namespace` |
//! | `macros.rs` | `.macro` and its expansion (IMCC's argument and local-label rules) |
//! | `consts.rs` | `.const`, `.globalconst`, `.const 'Sub'` and other PMC constants |
//! | `calls.rs` | PIR calls and returns, short and long forms |
//! | `operand.rs` | one written operand ([`Arg0`]): registers, literals, strings, `.macro_const`s, keys |
//! | `select.rs` | which variant of a mnemonic fits the operands; folding of constant-only forms |
//! | `emit.rs` | constant pools, pushing the op, argument-list ops, fixups and the end of a sub |
//! | `pir.rs` | the PIR layer, lowered to the same `select_emit` |
//!
//! ## Why one state split over files, not one type per stage
//!
//! A PIR statement may declare a register (`operand`), fold into two ops (`select`) and
//! add a constant (`emit`) while labels and errors pile up on the same sub: the stages share
//! nearly all state. Passing it between types would add plumbing and no boundary, so the
//! stages are `impl Asm` blocks in sibling files, each file private to the parser except for
//! the few `pub(super)` methods another stage calls.

use crate::error::{AsmError, AsmErrorKind as K};
use crate::lexer::{self, Tok, T};
use kea_vm::code::{Code, SourceFile, Span, SubInfo};
use kea_vm::string::Encoding;
use std::collections::HashMap;
use std::rc::Rc;

mod calls;
mod consts;
mod directive;
mod emit;
mod macros;
mod operand;
mod pir;
mod select;

use directive::ConstVal;
use emit::Fixup;
use macros::Macro;
use operand::Arg0;

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
    /// The macro this stream expands.
    macro_name: Option<Rc<str>>,
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
    /// `:subid('x')`, the name `.const 'Sub'` finds it by (else its name).
    subid: Option<String>,
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
            subid: None,
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
    /// `.const 'Sub'` lookups to point at their subs when the file ends.
    sub_consts: Vec<consts::SubConst>,
    /// Each finished sub's `:subid`, by its index in `code.subs`.
    subids: Vec<Option<String>>,
    /// A `.begin_call` or `.begin_return` being read.
    long_call: Option<calls::LongCall>,
    /// Macro expansions so far (numbers their local labels).
    macro_serial: u32,
    /// Bytes of text macro expansions and includes added so far (`macros.rs`, `MAX_EXPANSION`).
    expanded: usize,
    /// The expansion limit was passed (reported once).
    expansion_over: bool,
    /// The macro whose expansion the current statement comes from, named in errors.
    in_macro: Option<Rc<str>>,
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
            sub_consts: Vec::new(),
            subids: Vec::new(),
            long_call: None,
            macro_serial: 0,
            expanded: 0,
            expansion_over: false,
            in_macro: None,
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
        let help = match (&self.in_macro, help) {
            (Some(m), Some(h)) => Some(format!("{h} (in macro '.{m}')")),
            (Some(m), None) => Some(format!("in macro '.{m}'")),
            (None, h) => h,
        };
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
        for at in &prepared.nested_heredocs {
            let span = Span { file, start: *at, end: *at + 2 };
            self.err_help(
                K::Syntax,
                span,
                "nested heredoc not supported: one heredoc per line",
                Some("put the heredoc in a register first".into()),
            );
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
            macro_name: None,
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
        self.in_macro = None;
        self.finish_sub();
        if self.code.subs.is_empty() {
            self.code.subs.push(SubInfo { name: "(main)".into(), ..Default::default() });
        }
        self.resolve_sub_consts();
        self.code.files = std::mem::take(&mut self.files);
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
                macro_name: s.macro_name.clone(),
            });
        }
    }

    fn statement(&mut self, mut line: Line) {
        self.in_macro = line.macro_name.clone();
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
    macro_name: Option<Rc<str>>,
}

impl Line {
    fn text(&self, t: &Tok) -> &str {
        self.text.get(t.start as usize..t.end as usize).unwrap_or("")
    }
    fn span(&self, t: &Tok) -> Span {
        self.span_override.unwrap_or(Span { file: self.file, start: t.start, end: t.end })
    }
}
