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

/// Decodes the body of a double-quoted literal (without quotes) into code points, by the
/// rules of Parrot's `Parrot_str_unescape_string` (`src/string/api.c`): `\a \b \t \n \v \f
/// \r \e \\ \" \' \?`, `\cX`, `\x` with 1 or 2 hex digits or `\x{...}` with 1 to 8, `\u` with 4
/// and `\U` with 8 (fewer only at the end of the literal), `\ooo` with 1 to 3 octal digits; a
/// backslash before any other letter is an error, before anything else it is dropped (`\{`
/// is `{`).
pub fn unescape(body: &str) -> Result<Vec<u32>, LitError> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let illegal =
        |at: usize| LitError { message: format!("Illegal escape sequence in '{body}'"), offset: at, help: None };
    while i < chars.len() {
        let (at, c) = chars[i];
        i += 1;
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        let Some(&(_, e)) = chars.get(i) else {
            return Err(LitError { message: "backslash at the end of a string".into(), offset: at, help: None });
        };
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
            '\\' | '"' | '\'' | '?' => e as u32,
            'x' => {
                if chars.get(i).map(|c| c.1) == Some('{') {
                    i += 1;
                    let digits = take(&mut i, 8, |c| c.is_ascii_hexdigit());
                    if chars.get(i).map(|c| c.1) != Some('}') || digits.is_empty() {
                        return Err(LitError {
                            help: Some("\\x{...} takes 1 to 8 hex digits and a closing '}'".into()),
                            ..illegal(at)
                        });
                    }
                    i += 1;
                    hex(&digits).ok_or_else(|| illegal(at))?
                } else {
                    let digits = take(&mut i, 2, |c| c.is_ascii_hexdigit());
                    hex(&digits).ok_or_else(|| LitError {
                        help: Some("\\x takes 1 or 2 hex digits (or \\x{...})".into()),
                        ..illegal(at)
                    })?
                }
            }
            'u' | 'U' => {
                let n = if e == 'u' { 4 } else { 8 };
                let digits = take(&mut i, n, |c| c.is_ascii_hexdigit());
                // Fewer digits only where the literal ends, as Parrot reads them.
                if digits.len() != n && (i < chars.len() || digits.is_empty()) {
                    return Err(LitError { help: Some(format!("\\{e} takes {n} hex digits")), ..illegal(at) });
                }
                hex(&digits).ok_or_else(|| illegal(at))?
            }
            'c' => {
                let Some(&(_, x)) = chars.get(i) else { return Err(illegal(at)) };
                i += 1;
                (x.to_ascii_uppercase() as u32) ^ 0x40
            }
            '0'..='7' => {
                let mut digits = vec![e];
                digits.extend(take(&mut i, 2, |c| ('0'..='7').contains(&c)));
                digits.iter().fold(0u32, |acc, c| acc * 8 + c.to_digit(8).unwrap_or(0))
            }
            l if l.is_ascii_alphabetic() => {
                return Err(LitError {
                    message: format!("Illegal escape sequence \\{l} in '{body}'"),
                    offset: at,
                    help: None,
                })
            }
            // A backslash before any other character quotes it: `\{` is `{`.
            other => other as u32,
        };
        if char::from_u32(cp).is_none() {
            return Err(LitError {
                message: format!("Invalid character: the escape gives {cp:#x}, which is not a Unicode character"),
                offset: at,
                help: None,
            });
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
                    message: "Invalid character: non-ASCII character in an ascii string literal".into(),
                    offset: 0,
                    help: Some("write the literal as utf8:\"...\" (or binary:\"...\" for bytes)".into()),
                });
            }
            Ok(Str::from_bytes(&cps.iter().map(|&c| c as u8).collect::<Vec<_>>(), Encoding::Ascii))
        }
        // The VM checks the Unicode encodings' ranges (ucs2 stops at U+FFFF) and noncharacters.
        Encoding::Utf16 | Encoding::Ucs2 | Encoding::Ucs4 => {
            Str::from_code_points(cps, enc).map_err(|e| LitError { message: e.message, offset: 0, help: None })
        }
        Encoding::Latin1 | Encoding::Binary => {
            if let Some(c) = cps.iter().find(|&&c| c > 0xff) {
                return Err(LitError {
                    message: format!("Invalid character: {c:#x} does not fit in one byte of a {} string", enc.name()),
                    offset: 0,
                    help: None,
                });
            }
            Ok(Str::from_bytes(&cps.iter().map(|&c| c as u8).collect::<Vec<_>>(), enc))
        }
    }
}
