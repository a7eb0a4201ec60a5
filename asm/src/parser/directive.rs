//! Directives: `.pcc_sub`, `.macro` (recorded as text, expanded as a new input stream),
//! `.macro_const`, `.include` (through the [`Resolver`](super::Resolver)), `.namespace`.
//! PIR's own directives (`.sub`, `.param`, `.local`, ...) are in `pir.rs`.

use super::{Asm, Line, SubBuild, MAX_NESTING};
use crate::error::AsmErrorKind as K;
use crate::lexer::T;
use kea_vm::code::{Span, SubInfo};

#[derive(Clone)]
pub(super) struct ConstVal {
    pub(super) kind: T,
    pub(super) text: String,
    pub(super) span: Span,
}

impl Asm<'_> {
    pub(super) fn directive(&mut self, line: Line) {
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
                    Some(k @ (T::Int | T::Float | T::DqString | T::SqString | T::EncString | T::Ident | T::VReg)) => {
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
                    Ok((name, text)) => {
                        if self.count_expansion(K::Include, span, text.len()) {
                            self.push_file(name, text, line.depth + 1);
                        }
                    }
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
            ".label" => self.err_help(
                K::Macro,
                span,
                "Invalid LABEL outside of macro: '.label $name:' only stands in a .macro body",
                Some("write a plain label, 'name:'".into()),
            ),
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
                    self.err_help(K::UnknownDirective, span, format!("unknown macro or directive '{name}'"), help);
                }
            }
        }
    }

    fn pcc_sub(&mut self, line: &Line) {
        let span = line.span(&line.toks[0]);
        let mut flags = Vec::new();
        let mut main = false;
        let mut name = None;
        let mut i = 1;
        while i < line.toks.len() {
            let t = &line.toks[i];
            i += 1;
            match t.kind {
                Some(T::Flag) => {
                    let f = line.text(t);
                    match f {
                        ":main" => main = true,
                        ":load" | ":init" | ":anon" | ":immediate" | ":postcomp" | ":method" => {
                            flags.push(f.to_string())
                        }
                        // The flags PIR's `.sub` takes with an argument, which a disassembly
                        // lists without it.
                        ":outer" | ":subid" | ":multi" | ":nsentry" | ":vtable" | ":instanceof" | ":lex" => {
                            flags.push(f.to_string());
                            if line.toks.get(i).map(|t| t.kind) == Some(Some(T::LParen)) {
                                while i < line.toks.len() && line.toks[i].kind != Some(T::RParen) {
                                    i += 1;
                                }
                                i += 1;
                            }
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
        // The first `:main` is the one that runs (IMCC); a later one is an ordinary sub.
        let main = main && !self.code.subs.iter().any(|s| s.main);
        let start = self.code.ops.len() as u32;
        let shares = |f: &[String]| f.iter().any(|f| f == ":anon" || f == ":multi");
        if !shares(&flags)
            && self.code.subs.iter().any(|s| s.name == name && s.namespace == self.namespace && !shares(&s.flags))
        {
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
}
