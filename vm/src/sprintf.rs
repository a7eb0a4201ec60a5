//! Parrot's `sprintf`: a C-style format filled from the elements of an array PMC.

use crate::error::{types, Exc};
use crate::num;
use crate::pmc::{Elem, Heap, KeyVal, PVal};
use crate::string::{Encoding, Str};

struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: usize,
    prec: Option<usize>,
}

fn pad(s: String, spec: &Spec, numeric: bool) -> String {
    let len = s.chars().count();
    if len >= spec.width {
        return s;
    }
    let fill = spec.width - len;
    if spec.left {
        format!("{s}{}", " ".repeat(fill))
    } else if spec.zero && numeric {
        let (sign, digits) = match s.strip_prefix(['-', '+', ' ']) {
            Some(rest) => (&s[..1], rest.to_string()),
            None => ("", s.clone()),
        };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}

fn sign(s: String, spec: &Spec, negative: bool) -> String {
    if negative {
        s
    } else if spec.plus {
        format!("+{s}")
    } else if spec.space {
        format!(" {s}")
    } else {
        s
    }
}

/// Formats `fmt` with the elements of the array `args`.
pub fn sprintf(heap: &Heap, fmt: &Str, args: PVal) -> Result<Str, Exc> {
    let n = heap.elements(args)?;
    let mut next = 0i64;
    // Past the end, a ResizablePMCArray gives a null PMC, so the conversion fails in the
    // vtable it calls ("Null PMC access in get_integer()"); a fixed array throws "index out of
    // bounds". That is Parrot's behaviour, so no check of our own.
    let _ = n;
    let mut take = |_what: char| -> Result<Elem, Exc> {
        let e = heap.get_keyed(args, &KeyVal::Int(next))?;
        next += 1;
        Ok(e)
    };
    let chars: Vec<char> = fmt.to_text().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut utf8 = fmt.encoding().is_unicode();
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let start = i - 1;
        let mut spec = Spec { left: false, plus: false, space: false, zero: false, alt: false, width: 0, prec: None };
        while i < chars.len() {
            match chars[i] {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '0' => spec.zero = true,
                '#' => spec.alt = true,
                _ => break,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            i += 1;
            let w = heap.elem_int(&take('*')?)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs().min(1 << 20) as usize;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            spec.width = (spec.width * 10 + chars[i] as usize - '0' as usize).min(1 << 20);
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = 0usize;
            if i < chars.len() && chars[i] == '*' {
                i += 1;
                p = heap.elem_int(&take('*')?)?.clamp(0, 1 << 20) as usize;
            }
            while i < chars.len() && chars[i].is_ascii_digit() {
                p = (p * 10 + chars[i] as usize - '0' as usize).min(1 << 20);
                i += 1;
            }
            spec.prec = Some(p);
        }
        // Size modifiers are accepted and ignored (Parrot's values are already 64-bit).
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L' | 'H' | 'v' | 'O' | 'P' | 'S') {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            if i == start + 1 {
                // A lone `%` at the end: Parrot reads past the end of the format.
                return Err(Exc::new(types::EXCEPTION_ORD_OUT_OF_STRING, "Cannot get character past end of string"));
            }
            // An unfinished sequence such as "%5" is dropped.
            break;
        };
        i += 1;
        let piece = match conv {
            '%' => "%".to_string(),
            'd' | 'i' => {
                let v = heap.elem_int(&take(conv)?)?;
                let mut digits = v.unsigned_abs().to_string();
                if let Some(p) = spec.prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let s = if v < 0 { format!("-{digits}") } else { digits };
                pad(sign(s, &spec, v < 0), &spec, spec.prec.is_none())
            }
            'u' => pad(heap.elem_int(&take(conv)?)?.to_string(), &spec, true),
            'B' => {
                let v = heap.elem_int(&take(conv)?)?;
                let body = if v < 0 { format!("-{:b}", v.unsigned_abs()) } else { format!("{v:b}") };
                let prefix = if spec.alt { "0B" } else { "" };
                pad(format!("{prefix}{body}"), &spec, true)
            }
            'p' => {
                let v = heap.elem_int(&take(conv)?)? as u64;
                let prefix = if spec.alt { "0x" } else { "" };
                pad(format!("{prefix}{v:x}"), &spec, true)
            }
            'o' | 'x' | 'X' | 'b' => {
                let v = heap.elem_int(&take(conv)?)? as u64;
                let body = match conv {
                    'o' => format!("{v:o}"),
                    'x' => format!("{v:x}"),
                    'X' => format!("{v:X}"),
                    _ => format!("{v:b}"),
                };
                let prefix = if spec.alt && v != 0 {
                    match conv {
                        'o' => "0",
                        'x' => "0x",
                        'X' => "0X",
                        'b' => "0b",
                        _ => "0B",
                    }
                } else {
                    ""
                };
                pad(format!("{prefix}{body}"), &spec, true)
            }
            'c' => {
                let e = take(conv)?;
                let ch = match &e {
                    Elem::S(s) => s.to_text().chars().next().unwrap_or('\0'),
                    _ => u32::try_from(heap.elem_int(&e)?).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'),
                };
                if !ch.is_ascii() {
                    utf8 = true;
                }
                pad(ch.to_string(), &spec, false)
            }
            's' => {
                let s = heap.elem_str(&take(conv)?)?;
                if s.encoding().is_unicode() {
                    utf8 = true;
                }
                let mut t = s.to_text();
                if let Some(p) = spec.prec {
                    t = t.chars().take(p).collect();
                }
                pad(t, &spec, false)
            }
            'f' | 'e' | 'E' | 'g' | 'G' => {
                let v = heap.elem_num(&take(conv)?)?;
                let p = spec.prec.unwrap_or(6);
                let upper = conv.is_ascii_uppercase();
                if !v.is_finite() {
                    // Parrot's own spelling, right-aligned; precision and flags ignored.
                    let t = num::fmt_str(v);
                    let plain = Spec { left: false, plus: false, space: false, zero: false, alt: false, ..spec };
                    out.push_str(&pad(t, &plain, false));
                    continue;
                }
                let s = {
                    match conv {
                        'f' | 'F' => format!("{v:.p$}"),
                        'e' | 'E' => num::fmt_e(v, p, upper),
                        _ => num::fmt_g(v, p, upper, spec.alt),
                    }
                };
                pad(sign(s, &spec, v.is_sign_negative() && !v.is_nan()), &spec, v.is_finite())
            }
            other => {
                let seq: String = chars[start..i].iter().collect();
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_CHARACTER,
                    format!("'{other}' is not valid in sprintf format sequence '{seq}'"),
                ));
            }
        };
        out.push_str(&piece);
        if out.len() > crate::string::MAX_STRING {
            return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "string too long"));
        }
    }
    Ok(if utf8 { Str::from_vec(out.into_bytes(), Encoding::Utf8) } else { Str::from_text(&out) })
}
