//! Parrot's `sprintf`: a C-style format filled from the elements of an array PMC.
//!
//! ## Bounded work
//! Parrot renders `%d %i %u` and the float conversions with C's `snprintf` into a buffer of
//! `PARROT_SPRINTF_BUFFER_SIZE` (4,096) bytes, after capping the width at that size and the
//! precision at `PARROT_SPRINTF_MAX_PREC` (3,072): `gen_sprintf_call` in
//! `src/string/spf_render.c`, the sizes in `src/string/spf_private.h`. So do we
//! ([`C_BUFFER`], [`C_MAX_PREC`]): such a piece is at most 4,095 bytes whatever the format
//! asks. Other conversions pad through `Parrot_str_repeat` with no cap of their own; here
//! padding is written in chunks that charge fuel and look at the interrupt flag
//! (`interrupt.rs`), and a result past [`MAX_STRING`] raises "string too long".

use crate::error::{types, Exc};
use crate::interp::MAX_STRING;
use crate::interrupt::Meter;
use crate::num;
use crate::pmc::{Elem, Heap, KeyVal, PVal};
use crate::string::{Encoding, Str};

/// `PARROT_SPRINTF_BUFFER_SIZE`: the C buffer a `%d` or float piece is rendered into; the
/// piece keeps at most one byte less (`snprintf` ends it with a NUL).
const C_BUFFER: usize = 4096;
/// `PARROT_SPRINTF_MAX_PREC` (`3 * PARROT_SPRINTF_BUFFER_SIZE / 4`).
const C_MAX_PREC: usize = 3 * C_BUFFER / 4;

struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: usize,
    prec: Option<usize>,
}

impl Spec {
    /// The spec as `gen_sprintf_call` hands it to C: width and precision capped.
    fn for_c(&self) -> Spec {
        let width = if self.width > C_BUFFER - 1 { C_BUFFER } else { self.width };
        Spec { width, prec: self.prec.map(|p| p.min(C_MAX_PREC)), ..*self }
    }
}

/// What `snprintf` keeps of a piece: the first 4,095 bytes (the pieces are ASCII).
fn c_buffer(mut s: String) -> String {
    s.truncate(C_BUFFER - 1);
    s
}

/// Appends `n` copies of `c` (ASCII) in chunks, charging for them and looking at the flag.
fn fill(out: &mut String, c: char, n: usize, meter: &Meter) -> Result<(), Exc> {
    if out.len().saturating_add(n) > MAX_STRING {
        return Err(too_long());
    }
    let mut left = n;
    while left > 0 {
        let k = left.min(Meter::CHUNK);
        meter.work(k)?;
        out.extend(std::iter::repeat_n(c, k));
        left -= k;
    }
    Ok(())
}

#[cold]
fn too_long() -> Exc {
    Exc::new(types::EXCEPTION_INVALID_OPERATION, "string too long")
}

/// `s` padded to the spec's width, as `handle_flags` does: spaces (or zeros after the sign
/// of a number) on the left, or spaces on the right.
fn pad(s: String, spec: &Spec, numeric: bool, meter: &Meter) -> Result<String, Exc> {
    let len = s.chars().count();
    if len >= spec.width {
        return Ok(s);
    }
    let n = spec.width - len;
    let mut out = String::new();
    if spec.left {
        out.push_str(&s);
        fill(&mut out, ' ', n, meter)?;
    } else if spec.zero && numeric {
        let digits = match s.strip_prefix(['-', '+', ' ']) {
            Some(rest) => {
                out.push_str(&s[..1]);
                rest
            }
            None => &s,
        };
        fill(&mut out, '0', n, meter)?;
        out.push_str(digits);
    } else {
        fill(&mut out, ' ', n, meter)?;
        out.push_str(&s);
    }
    Ok(out)
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
    let meter = &heap.meter;
    let chars: Vec<char> = fmt.to_text().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut utf8 = fmt.encoding().is_unicode();
    let mut literal = 0usize;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            literal += 1;
            if literal.is_multiple_of(Meter::CHUNK) {
                meter.work(Meter::CHUNK)?;
            }
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
            // Past MAX_STRING any width fails in `fill`: cap it there, not lower.
            spec.width = w.unsigned_abs().min(MAX_STRING as u64 + 1) as usize;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            spec.width = (spec.width * 10 + chars[i] as usize - '0' as usize).min(MAX_STRING + 1);
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = 0usize;
            if i < chars.len() && chars[i] == '*' {
                i += 1;
                // Parrot reads it as unsigned: a negative one is huge (then capped, or no
                // limit on a string).
                p = heap.elem_int(&take('*')?)? as u64 as usize;
            }
            while i < chars.len() && chars[i].is_ascii_digit() {
                p = p.saturating_mul(10).saturating_add(chars[i] as usize - '0' as usize);
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
                let c = spec.for_c();
                let mut digits = v.unsigned_abs().to_string();
                match c.prec {
                    // C prints no digits for a zero with a precision of zero.
                    Some(0) if v == 0 => digits.clear(),
                    Some(p) if digits.len() < p => digits.insert_str(0, &"0".repeat(p - digits.len())),
                    _ => {}
                }
                let s = if v < 0 { format!("-{digits}") } else { digits };
                c_buffer(pad(sign(s, &c, v < 0), &c, c.prec.is_none(), meter)?)
            }
            'u' => {
                let c = spec.for_c();
                c_buffer(pad(heap.elem_int(&take(conv)?)?.to_string(), &c, true, meter)?)
            }
            'B' => {
                let v = heap.elem_int(&take(conv)?)?;
                let body = if v < 0 { format!("-{:b}", v.unsigned_abs()) } else { format!("{v:b}") };
                let prefix = if spec.alt { "0B" } else { "" };
                pad(format!("{prefix}{body}"), &spec, true, meter)?
            }
            'p' => {
                let v = heap.elem_int(&take(conv)?)? as u64;
                let prefix = if spec.alt { "0x" } else { "" };
                pad(format!("{prefix}{v:x}"), &spec, true, meter)?
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
                pad(format!("{prefix}{body}"), &spec, true, meter)?
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
                pad(ch.to_string(), &spec, false, meter)?
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
                pad(t, &spec, false, meter)?
            }
            'f' | 'e' | 'E' | 'g' | 'G' => {
                let v = heap.elem_num(&take(conv)?)?;
                let c = spec.for_c();
                let p = c.prec.unwrap_or(6);
                let upper = conv.is_ascii_uppercase();
                if !v.is_finite() {
                    // Parrot's own spelling, right-aligned; precision and flags ignored.
                    let t = num::fmt_str(v);
                    let plain = Spec { left: false, plus: false, space: false, zero: false, alt: false, ..c };
                    out.push_str(&c_buffer(pad(t, &plain, false, meter)?));
                    continue;
                }
                let s = match conv {
                    'f' => num::fmt_f(v, p),
                    'e' | 'E' => num::fmt_e(v, p, upper),
                    _ => num::fmt_g(v, p, upper, c.alt),
                };
                c_buffer(pad(sign(s, &c, v.is_sign_negative()), &c, true, meter)?)
            }
            other => {
                let seq: String = chars[start..i].iter().collect();
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_CHARACTER,
                    format!("'{other}' is not valid in sprintf format sequence '{seq}'"),
                ));
            }
        };
        if out.len() + piece.len() > MAX_STRING {
            return Err(too_long());
        }
        meter.work(piece.len())?;
        out.push_str(&piece);
    }
    Ok(if utf8 { Str::from_vec(out.into_bytes(), Encoding::Utf8) } else { Str::from_text(&out) })
}
