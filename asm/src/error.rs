//! Assembly errors: a kind, a span, and optional help. Line and column are computed only when
//! the error is rendered (by `kea-runtime`), from the span.

use kea_vm::code::{SourceFile, Span};
use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AsmErrorKind {
    /// Text no token matches.
    BadToken,
    /// A statement that does not parse.
    Syntax,
    /// No op with that name.
    UnknownOp,
    /// The op exists but not with these operand kinds.
    BadOperands,
    /// A label used but never defined.
    UnknownLabel,
    /// A label defined twice in one sub.
    DuplicateLabel,
    /// An escape sequence that does not exist.
    BadEscape,
    /// A string with no closing quote.
    Unterminated,
    /// An integer literal outside the I range.
    IntOutOfRange,
    /// A register index past the limit.
    RegisterOutOfRange,
    /// A directive Kea does not know.
    UnknownDirective,
    /// A macro problem (unknown, wrong arity, nested too deep).
    Macro,
    /// An `.include` that cannot be read or nests too deep.
    Include,
    /// The verifier rejected the result (an assembler bug if it ever shows).
    Verify,
    /// Too many errors to go on.
    TooMany,
}

/// One assembly error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsmError {
    /// What kind of error.
    pub kind: AsmErrorKind,
    /// Where.
    pub span: Span,
    /// The message: lowercase, names the culprit.
    pub message: String,
    /// An optional hint.
    pub help: Option<String>,
}

/// Assembly failed: every error, plus the files their spans point into.
#[derive(Debug, Clone)]
pub struct AsmFailure {
    /// Every error found, in source order.
    pub errors: Vec<AsmError>,
    /// The source files.
    pub files: Vec<SourceFile>,
}

impl AsmFailure {
    /// `file:line:col` of an error.
    pub fn location(&self, e: &AsmError) -> (String, u32, u32) {
        match self.files.get(e.span.file as usize) {
            Some(f) => {
                let (l, c) = f.line_col(e.span.start);
                (f.name.clone(), l, c)
            }
            None => ("?".into(), 0, 0),
        }
    }
}

impl fmt::Display for AsmFailure {
    /// The short form, one line per error (the CLI renders code frames instead).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            let (file, line, col) = self.location(e);
            writeln!(f, "{file}:{line}:{col}: error: {}", e.message)?;
        }
        Ok(())
    }
}
