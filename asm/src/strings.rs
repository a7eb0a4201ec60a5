//! String literal decoding: Parrot's escapes and encoding prefixes (PDD-NOTES §3.2).

use kea_vm::string::{Encoding, Str};

/// Why a literal could not be decoded: message and byte offset inside the literal.
pub struct LitError {
    pub message: String,
    pub offset: usize,
    pub help: Option<String>,
}

fn hex(s: &[char]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u32, |acc, c| Some(acc.checked_mul(16)? + c.to_digit(16)?))
}

/// Decodes the body of a double-quoted literal (without quotes) into code points.
pub fn unescape(body: &str) -> Result<Vec<u32>, LitError> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let err = |at: usize, m: String| LitError { message: m, offset: at, help: None };
    while i < chars.len() {
        let (at, c) = chars[i];
        i += 1;
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        let Some(&(_, e)) = chars.get(i) else { return Err(err(at, "backslash at the end of a string".into())) };
        i += 1;
        let take = |i: &mut usize, max: usize, ok: fn(char) -> bool| {
            let mut v = Vec::new();
            while v.len() < max && *i < chars.len() && ok(chars[*i].1) {
                v.push(chars[*i].1);
                *i += 1;
            }
            v
        };
        let cp = match e {
            'n' => 10,
            't' => 9,
            'r' => 13,
            'a' => 7,
            'b' => 8,
            'v' => 11,
            'f' => 12,
            'e' => 27,
            '\\' => 92,
            '"' => 34,
            '\'' => 39,
            'x' => {
                if chars.get(i).map(|c| c.1) == Some('{') {
                    i += 1;
                    let digits = take(&mut i, 9, |c| c.is_ascii_hexdigit());
                    if chars.get(i).map(|c| c.1) != Some('}') || digits.is_empty() || digits.len() > 8 {
                        return Err(err(at, "bad \\x{...} escape: expected 1 to 8 hex digits and '}'".into()));
                    }
                    i += 1;
                    hex(&digits).ok_or_else(|| err(at, "bad \\x{...} escape".into()))?
                } else {
                    let digits = take(&mut i, 2, |c| c.is_ascii_hexdigit());
                    hex(&digits).ok_or_else(|| err(at, "bad \\x escape: expected 1 or 2 hex digits".into()))?
                }
            }
            'u' | 'U' => {
                let n = if e == 'u' { 4 } else { 8 };
                let digits = take(&mut i, n, |c| c.is_ascii_hexdigit());
                if digits.len() != n {
                    return Err(err(at, format!("bad \\{e} escape: expected {n} hex digits")));
                }
                hex(&digits).ok_or_else(|| err(at, "bad unicode escape".into()))?
            }
            'c' => {
                let Some(&(_, x)) = chars.get(i) else {
                    return Err(err(at, "bad \\c escape: expected a character".into()));
                };
                i += 1;
                (x.to_ascii_uppercase() as u32) ^ 0x40
            }
            '0'..='7' => {
                let mut digits = vec![e];
                digits.extend(take(&mut i, 2, |c| ('0'..='7').contains(&c)));
                digits.iter().fold(0u32, |acc, c| acc * 8 + c.to_digit(8).unwrap_or(0))
            }
            other => return Err(err(at, format!("unknown escape sequence '\\{other}'"))),
        };
        if char::from_u32(cp).is_none() {
            return Err(err(at, format!("escape gives {cp:#x}, which is not a character")));
        }
        out.push(cp);
    }
    Ok(out)
}

/// Builds a string constant from code points in the literal's encoding.
pub fn encode(cps: &[u32], enc: Encoding) -> Result<Str, LitError> {
    match enc {
        Encoding::Utf8 => {
            let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
            Ok(Str::from_bytes(s.as_bytes(), Encoding::Utf8))
        }
        Encoding::Ascii | Encoding::Null => {
            if cps.iter().any(|&c| c > 0x7f) {
                return Err(LitError {
                    message: "non-ASCII character in an ASCII string literal".into(),
                    offset: 0,
                    help: Some("write the literal as utf8:\"...\" (or binary:\"...\" for bytes)".into()),
                });
            }
            Ok(Str::from_bytes(&cps.iter().map(|&c| c as u8).collect::<Vec<_>>(), Encoding::Ascii))
        }
        Encoding::Latin1 | Encoding::Binary => {
            if let Some(c) = cps.iter().find(|&&c| c > 0xff) {
                return Err(LitError {
                    message: format!("character {c:#x} does not fit in one byte of a {} string", enc.name()),
                    offset: 0,
                    help: None,
                });
            }
            Ok(Str::from_bytes(&cps.iter().map(|&c| c as u8).collect::<Vec<_>>(), enc))
        }
    }
}
