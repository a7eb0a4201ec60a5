//! The lexer (on `logos`), plus the line-level pre-pass that blanks out POD blocks and lifts
//! heredoc bodies out of the token stream. Both keep byte offsets unchanged, so every span
//! still points into the original text.

use logos::Logos;
use std::collections::HashMap;

/// A token kind.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\r\x0c]+")]
pub enum T {
    /// End of a statement.
    #[token("\n")]
    Newline,
    /// `# ...` to end of line.
    #[regex(r"#[^\n]*", logos::skip)]
    Comment,
    /// `name:` (a label definition).
    #[regex(r"[A-Za-z_@][A-Za-z0-9_@]*:")]
    Label,
    /// `:flag` (a sub flag).
    #[regex(r":[A-Za-z_][A-Za-z0-9_]*")]
    Flag,
    /// An identifier: an op name, a register, a label reference.
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Ident,
    /// `.directive`, `.MACRO` or `.CONST`.
    #[regex(r"\.[A-Za-z_][A-Za-z0-9_]*")]
    Dot,
    /// `.$name`: a macro's local label, renamed when the macro expands.
    #[regex(r"\.\$[A-Za-z_][A-Za-z0-9_]*")]
    MacroLabel,
    /// An integer literal.
    #[regex(r"-?[0-9]+")]
    #[regex(r"-?0[xX][0-9a-fA-F_]+")]
    #[regex(r"-?0[oO][0-7_]+")]
    #[regex(r"-?0[bB][01_]+")]
    Int,
    /// A float literal (needs a `.` or an exponent).
    #[regex(r"-?[0-9]+\.[0-9]*([eE][-+]?[0-9]+)?")]
    #[regex(r"-?\.[0-9]+([eE][-+]?[0-9]+)?")]
    #[regex(r"-?[0-9]+[eE][-+]?[0-9]+")]
    Float,
    /// `"..."` with escapes.
    #[regex(r#""([^"\\\n]|\\[^\n])*""#)]
    DqString,
    /// `'...'`, no escapes.
    #[regex(r"'[^'\n]*'")]
    SqString,
    /// `enc:"..."`.
    #[regex(r#"[A-Za-z][A-Za-z0-9_-]*:"([^"\\\n]|\\[^\n])*""#)]
    EncString,
    /// A string that runs to the end of the line.
    #[regex(r#""([^"\\\n]|\\[^\n])*"#, priority = 0)]
    #[regex(r"'[^'\n]*", priority = 0)]
    Unterminated,
    /// `<<"EOS"` or `<<'EOS'`: the terminator is the literal's raw text, any characters
    /// (IMCC's `"<<"{STRINGCONSTANT}` in `compilers/imcc/imcc.l`).
    #[regex(r#"<<"([^"\\\n]|\\[^\n])+""#)]
    #[regex(r"<<'[^'\n]+'")]
    Heredoc,
    /// `,`
    #[token(",")]
    Comma,
    /// `[`
    #[token("[")]
    LBracket,
    /// `]`
    #[token("]")]
    RBracket,
    /// `;`
    #[token(";")]
    Semi,
    /// `(`
    #[token("(")]
    LParen,
    /// `)`
    #[token(")")]
    RParen,
    /// `=`
    #[token("=")]
    Assign,
    /// `=>`, a named argument: `'name' => value`.
    #[token("=>")]
    Arrow,
    /// A PIR virtual register: `$I0`, `$N1`, `$S2`, `$P3`.
    #[regex(r"\$[INSP][0-9]+")]
    VReg,
    /// A PIR operator: arithmetic, comparison, logic, concatenation.
    #[token("+")]
    #[token("-")]
    #[token("*")]
    #[token("/")]
    #[token("%")]
    #[token("**")]
    #[token(".")]
    #[token("<<")]
    #[token(">>")]
    #[token(">>>")]
    #[token("&")]
    #[token("|")]
    #[token("~")]
    #[token("&&")]
    #[token("||")]
    #[token("~~")]
    #[token("==")]
    #[token("!=")]
    #[token("<")]
    #[token("<=")]
    #[token(">")]
    #[token(">=")]
    #[token("!")]
    Oper,
    /// A PIR compound assignment: `+=`, `.=`, ...
    #[token("+=")]
    #[token("-=")]
    #[token("*=")]
    #[token("/=")]
    #[token("%=")]
    #[token("**=")]
    #[token(".=")]
    #[token("<<=")]
    #[token(">>=")]
    #[token(">>>=")]
    #[token("&=")]
    #[token("|=")]
    #[token("~=")]
    OpAssign,
}

/// A token: its kind and byte range.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// The kind, or `None` for text no rule matches.
    pub kind: Option<T>,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// What the pre-pass found.
#[derive(Default)]
pub struct Prepared {
    /// The text with POD blocks and heredoc bodies blanked (same length).
    pub text: String,
    /// Heredoc bodies by the byte offset of their `<<` token.
    pub heredocs: HashMap<u32, String>,
    /// Heredocs whose terminator never came: offset of the `<<` token.
    pub unterminated_heredocs: Vec<u32>,
    /// A second heredoc opened on a line that already has one: offset of its `<<` token.
    pub nested_heredocs: Vec<u32>,
}

fn blank(line: &str) -> String {
    line.chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' }.to_string().repeat(if c == '\n' { 1 } else { c.len_utf8() }))
        .collect()
}

/// Blanks POD blocks (`=word` at the start of a line up to `=cut`) and lifts heredoc bodies.
pub fn prepare(src: &str) -> Prepared {
    let mut out = String::with_capacity(src.len());
    let mut heredocs = HashMap::new();
    let mut unterminated = Vec::new();
    let mut nested = Vec::new();
    let mut in_pod = false;
    // Heredocs opened on the current line, waiting for their bodies: (offset, terminator, raw).
    let mut pending: Vec<(u32, String, bool)> = Vec::new();
    let mut body: Option<(u32, String, bool, String)> = None;
    let mut offset = 0usize;
    for line in src.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if let Some((at, term, raw, mut text)) = body.take() {
            if bare == term {
                heredocs.insert(at, if raw { text } else { text.clone() });
                let _ = raw;
                out.push_str(&blank(line));
            } else {
                text.push_str(bare);
                text.push('\n');
                body = Some((at, term, raw, text));
                out.push_str(&blank(line));
            }
            if body.is_none() && !pending.is_empty() {
                let (a, t, r) = pending.remove(0);
                body = Some((a, t, r, String::new()));
            }
            offset += line.len();
            continue;
        }
        if in_pod {
            if bare.starts_with("=cut") {
                in_pod = false;
            }
            out.push_str(&blank(line));
            offset += line.len();
            continue;
        }
        if bare.starts_with('=') && bare[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            in_pod = !bare.starts_with("=cut");
            out.push_str(&blank(line));
            offset += line.len();
            continue;
        }
        // Find heredoc openers on this line (outside quotes and comments).
        let bytes = bare.as_bytes();
        let mut i = 0;
        let mut quote: Option<u8> = None;
        while i < bytes.len() {
            let c = bytes[i];
            match quote {
                Some(q) => {
                    if c == b'\\' && q == b'"' {
                        i += 1;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => {
                    if c == b'#' {
                        break;
                    }
                    if c == b'"' || c == b'\'' {
                        quote = Some(c);
                    } else if c == b'<' && bytes.get(i + 1) == Some(&b'<') {
                        if let Some(&q) = bytes.get(i + 2) {
                            if q == b'"' || q == b'\'' {
                                let rest = &bare.as_bytes()[i + 3..];
                                // The closing quote; a double-quoted terminator may hold `\"`.
                                let mut k = 0;
                                while k < rest.len() && rest[k] != q {
                                    k += if q == b'"' && rest[k] == b'\\' { 2 } else { 1 };
                                }
                                if k > 0 && k < rest.len() {
                                    let term = bare[i + 3..i + 3 + k].to_string();
                                    let at = (offset + i) as u32;
                                    if !pending.is_empty() {
                                        nested.push(at);
                                    }
                                    pending.push((at, term, q == b'\''));
                                    i += 3 + k;
                                }
                            }
                        }
                    }
                }
            }
            i += 1;
        }
        out.push_str(line);
        offset += line.len();
        if !pending.is_empty() {
            let (a, t, r) = pending.remove(0);
            body = Some((a, t, r, String::new()));
        }
    }
    if let Some((at, ..)) = body {
        unterminated.push(at);
    }
    for (at, ..) in pending {
        unterminated.push(at);
    }
    Prepared { text: out, heredocs, unterminated_heredocs: unterminated, nested_heredocs: nested }
}

/// Lexes prepared text into tokens (a final `Newline` is always added).
pub fn lex(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut lx = T::lexer(text);
    while let Some(r) = lx.next() {
        let sp = lx.span();
        toks.push(Tok { kind: r.ok(), start: sp.start as u32, end: sp.end as u32 });
    }
    let n = text.len() as u32;
    toks.push(Tok { kind: Some(T::Newline), start: n, end: n });
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Option<T>> {
        lex(&prepare(s).text).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn numbers_and_strings() {
        use T::*;
        assert_eq!(
            kinds("add I0, 0x1F, -2.5e3 'a' \"b\\n\" utf8:\"c\""),
            vec![
                Some(Ident),
                Some(Ident),
                Some(Comma),
                Some(Int),
                Some(Comma),
                Some(Float),
                Some(SqString),
                Some(DqString),
                Some(EncString),
                Some(Newline)
            ]
        );
    }

    #[test]
    fn pod_is_blanked_and_offsets_kept() {
        let src = "say 1\n=pod\nsay 2\n=cut\nsay 3\n";
        let p = prepare(src);
        assert_eq!(p.text.len(), src.len());
        assert!(!p.text.contains("say 2"));
        assert!(p.text.contains("say 3"));
    }

    #[test]
    fn heredoc_bodies_are_lifted() {
        let src = "set S0, <<\"EOS\"\nline one\nline two\nEOS\nsay S0\n";
        let p = prepare(src);
        assert_eq!(p.heredocs.values().next().map(String::as_str), Some("line one\nline two\n"));
        assert!(p.text.contains("say S0"));
        assert!(!p.text.contains("line one"));
    }
}
