//! String ops: `concat length bytelength substr replace index ord chr repeat upcase downcase
//! titlecase sprintf split join`.

use super::arith::Val;
use super::{Frame, Vm, MAX_STRING};
use crate::error::{types, Exc};
use crate::op::{Op, Operand};
use crate::pmc::{PVal, PmcData};
use crate::string::{Encoding, Str};

fn too_long() -> Exc {
    Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("string too long (limit {MAX_STRING} bytes)"))
}

/// The character range `[offset, offset + count)` of a string of `len` characters, Parrot's
/// way: a negative offset counts from the end; an offset outside the string throws; the count
/// is clamped to the end; a negative count throws.
fn char_range(len: usize, offset: i64, count: Option<i64>) -> Result<(usize, usize), Exc> {
    let len_i = len as i64;
    // A count of zero or less is the empty string, whatever the offset (as in Parrot).
    if count.is_some_and(|c| c <= 0) {
        return Ok((0, 0));
    }
    let start = if offset < 0 { offset.saturating_add(len_i) } else { offset };
    if start < 0 || start > len_i {
        return Err(Exc::new(types::EXCEPTION_SUBSTR_OUT_OF_STRING, "Cannot take substr outside string"));
    }
    let count = count.map_or(len_i - start, |c| c.min(len_i - start));
    Ok((start as usize, count as usize))
}

/// `replace`'s range: an offset may equal the length (appending); a negative count replaces
/// to the end, as Parrot's unsigned cast makes it.
fn replace_range(len: usize, offset: i64, count: i64) -> Result<(usize, usize), Exc> {
    let len_i = len as i64;
    let start = if offset < 0 { offset.saturating_add(len_i) } else { offset };
    if start < 0 || start > len_i {
        return Err(Exc::new(
            types::EXCEPTION_SUBSTR_OUT_OF_STRING,
            "Can only replace inside string or index after end of string",
        ));
    }
    let count = if count < 0 { len_i - start } else { count.min(len_i - start) };
    Ok((start as usize, count as usize))
}

fn case_map(s: &Str, f: impl Fn(char) -> String) -> Str {
    if s.encoding() == Encoding::Utf8 {
        Str::from_bytes(s.to_text().chars().map(&f).collect::<String>().as_bytes(), Encoding::Utf8)
    } else {
        // One byte a character: only ASCII letters change.
        let bytes: Vec<u8> = s
            .as_bytes()
            .iter()
            .map(|&b| if b.is_ascii() { f(b as char).bytes().next().unwrap_or(b) } else { b })
            .collect();
        Str::from_vec(bytes, if s.is_null() { Encoding::Ascii } else { s.encoding() })
    }
}

fn titlecase(s: &Str) -> Str {
    let mut first = true;
    let chars: Vec<u32> = s
        .chars()
        .into_iter()
        .map(|c| {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            let out =
                if first { ch.to_uppercase().next().unwrap_or(ch) } else { ch.to_lowercase().next().unwrap_or(ch) };
            first = false;
            if s.encoding() != Encoding::Utf8 && !ch.is_ascii() {
                c
            } else {
                out as u32
            }
        })
        .collect();
    Str::from_chars(&chars, s.encoding())
}

impl Vm {
    pub(super) fn exec_string(&mut self, f: &mut Frame, op: Op) -> Option<Result<(), Exc>> {
        let o = op.operands();
        let r = match op {
            Op::concat_s_s { dst, rhs } => {
                let r = f.s[rhs.0 as usize].clone();
                let cur = &mut f.s[dst.0 as usize];
                if cur.as_bytes().len() + r.as_bytes().len() > MAX_STRING {
                    return Some(Err(too_long()));
                }
                cur.append(&r);
                Ok(())
            }
            Op::concat_p_s { .. } => {
                let (a, b) = (self.val(f, o[0]), self.val(f, o[1]));
                self.concat_into(f, o[0], &a, &b, true)
            }
            // `concat S0, S0, x` (what `$S0 .= x` becomes): append in place when S0 holds the
            // only reference (bench/strings: linear instead of quadratic).
            Op::concat_s_s_s { dst, lhs, rhs } if Ok(dst.0) == lhs.split() => {
                let r = super::sa(f, rhs);
                let cur = &mut f.s[dst.0 as usize];
                if cur.as_bytes().len() + r.as_bytes().len() > MAX_STRING {
                    return Some(Err(too_long()));
                }
                cur.append(&r);
                Ok(())
            }
            Op::concat_s_s_s { .. } | Op::concat_p_p_s { .. } | Op::concat_p_p_p { .. } => {
                let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
                self.concat_into(f, o[0], &a, &b, false)
            }
            Op::length_i_s { dst, src } => {
                f.i[dst.0 as usize] = super::sa(f, src).char_len() as i64;
                Ok(())
            }
            Op::bytelength_i_s { dst, src } => {
                f.i[dst.0 as usize] = super::sa(f, src).as_bytes().len() as i64;
                Ok(())
            }
            Op::substr_s_s_i { dst, src, offset } => {
                let s = super::sa(f, src);
                char_range(s.char_len(), super::ia(f, offset), None)
                    .map(|(a, n)| f.s[dst.0 as usize] = s.substring(a, n))
            }
            Op::substr_s_s_i_i { dst, src, offset, count } => {
                let s = super::sa(f, src);
                char_range(s.char_len(), super::ia(f, offset), Some(super::ia(f, count)))
                    .map(|(a, n)| f.s[dst.0 as usize] = s.substring(a, n))
            }
            Op::replace_s_s_i_i_s { dst, src, offset, count, with } => {
                let s = super::sa(f, src);
                let w = super::sa(f, with);
                replace_range(s.char_len(), super::ia(f, offset), super::ia(f, count)).and_then(|(a, n)| {
                    let len = s.char_len();
                    let out = s.substring(0, a).concat(&w).concat(&s.substring(a + n, len));
                    if out.as_bytes().len() > MAX_STRING {
                        return Err(too_long());
                    }
                    f.s[dst.0 as usize] = out;
                    Ok(())
                })
            }
            Op::index_i_s_s { dst, haystack, needle } => {
                let (h, n) = (super::sa(f, haystack), super::sa(f, needle));
                f.i[dst.0 as usize] = index_of(&h, &n, 0);
                Ok(())
            }
            Op::index_i_s_s_i { dst, haystack, needle, start } => {
                let (h, n) = (super::sa(f, haystack), super::sa(f, needle));
                f.i[dst.0 as usize] = index_of(&h, &n, super::ia(f, start));
                Ok(())
            }
            Op::ord_i_s { dst, src } => ord(&super::sa(f, src), 0).map(|c| f.i[dst.0 as usize] = c),
            Op::ord_i_s_i { dst, src, pos } => {
                ord(&super::sa(f, src), super::ia(f, pos)).map(|c| f.i[dst.0 as usize] = c)
            }
            Op::chr_s_i { dst, code } => chr(super::ia(f, code)).map(|s| f.s[dst.0 as usize] = s),
            Op::repeat_s_s_i { dst, src, count } => {
                let (s, n) = (super::sa(f, src), super::ia(f, count));
                repeat(&s, n).map(|s| f.s[dst.0 as usize] = s)
            }
            Op::upcase_s { .. }
            | Op::upcase_s_s { .. }
            | Op::downcase_s { .. }
            | Op::downcase_s_s { .. }
            | Op::titlecase_s { .. }
            | Op::titlecase_s_s { .. } => {
                let src = self.val(f, o[o.len() - 1]);
                let Val::S(s) = src else { return None };
                let out = match op.info().mnemonic {
                    "upcase" => case_map(&s, |c| c.to_uppercase().collect()),
                    "downcase" => case_map(&s, |c| c.to_lowercase().collect()),
                    _ => titlecase(&s),
                };
                self.store(f, o[0], Val::S(out))
            }
            Op::sprintf_s_s_p { .. } | Op::sprintf_p_p_p { .. } => {
                let fmt = self.val(f, o[1]);
                let args = f.p[match o[2] {
                    Operand::P(r) => r.0 as usize,
                    _ => return None,
                }];
                (|| {
                    let fmt = self.to_s(&fmt)?;
                    let out = crate::sprintf::sprintf(&self.heap, &fmt, args)?;
                    match o[0] {
                        Operand::P(r) => {
                            let p = self.heap.alloc(PmcData::String(out));
                            f.p[r.0 as usize] = Some(p);
                            Ok(())
                        }
                        d => self.store(f, d, Val::S(out)),
                    }
                })()
            }
            Op::split_p_s_s { dst, sep, src } => {
                let (sep, s) = (super::sa(f, sep), super::sa(f, src));
                let parts = split(&sep, &s);
                let p = self.heap.alloc(PmcData::ResizableStringArray(parts));
                f.p[dst.0 as usize] = Some(p);
                Ok(())
            }
            Op::join_s_s_p { dst, sep, parts } => {
                let sep = super::sa(f, sep);
                self.join(&sep, f.p[parts.0 as usize]).map(|s| f.s[dst.0 as usize] = s)
            }
            _ => return None,
        };
        Some(r)
    }

    fn concat_into(&mut self, f: &mut Frame, dst: Operand, a: &Val, b: &Val, in_place: bool) -> Result<(), Exc> {
        if let (Operand::P(_), Val::P(None)) = (dst, a) {
            return Err(Exc::null_access("concatenate"));
        }
        let (x, y) = (self.to_s(a)?, self.to_s(b)?);
        if x.as_bytes().len() + y.as_bytes().len() > MAX_STRING {
            return Err(too_long());
        }
        let s = x.concat(&y);
        match dst {
            Operand::P(r) if in_place => self.heap.set_string(f.p[r.0 as usize], s),
            Operand::P(r) => {
                let p = self.heap.alloc(PmcData::String(s));
                f.p[r.0 as usize] = Some(p);
                Ok(())
            }
            d => self.store(f, d, Val::S(s)),
        }
    }

    fn join(&self, sep: &Str, parts: PVal) -> Result<Str, Exc> {
        let n = self.heap.elements(parts)?;
        let mut out: Vec<u8> = Vec::new();
        let mut enc = Encoding::Ascii;
        for i in 0..n {
            if i > 0 {
                out.extend_from_slice(sep.as_bytes());
                enc = Str::join_encoding(enc, sep.encoding());
            }
            let e = self.heap.get_keyed(parts, &crate::pmc::KeyVal::Int(i))?;
            let s = self.heap.elem_str(&e)?;
            out.extend_from_slice(s.as_bytes());
            enc = Str::join_encoding(enc, s.encoding());
            if out.len() > MAX_STRING {
                return Err(too_long());
            }
        }
        Ok(Str::from_vec(out, enc))
    }
}

fn index_of(h: &Str, n: &Str, start: i64) -> i64 {
    if n.is_empty() || h.is_empty() || start < 0 {
        return -1;
    }
    h.find(n, start as usize).map_or(-1, |i| i as i64)
}

fn ord(s: &Str, pos: i64) -> Result<i64, Exc> {
    let chars = s.chars();
    let err = |m: &str| Err(Exc::new(types::EXCEPTION_ORD_OUT_OF_STRING, m));
    if chars.is_empty() {
        return err("Cannot get character of empty string");
    }
    let len = chars.len() as i64;
    let i = if pos < 0 { pos + len } else { pos };
    if i < 0 {
        return err("Cannot get character before beginning of string");
    }
    if i >= len {
        return err("Cannot get character past end of string");
    }
    Ok(i64::from(chars[i as usize]))
}

/// `chr`: ASCII below 0x80, a one-byte ISO-8859-1 string up to 0xFF, UTF-8 above, as Parrot.
fn chr(c: i64) -> Result<Str, Exc> {
    let Some(ch) = u32::try_from(c).ok().and_then(char::from_u32) else {
        return Err(Exc::new(types::EXCEPTION_INVALID_CHARACTER, "Invalid character for UTF-8 encoding"));
    };
    Ok(match ch as u32 {
        0..=0x7f => Str::from_bytes(&[ch as u8], Encoding::Ascii),
        0x80..=0xff => Str::from_bytes(&[ch as u8], Encoding::Latin1),
        _ => Str::from_bytes(ch.to_string().as_bytes(), Encoding::Utf8),
    })
}

fn repeat(s: &Str, n: i64) -> Result<Str, Exc> {
    if n < 0 {
        return Err(Exc::new(types::EXCEPTION_NEG_REPEAT, "Cannot repeat with negative arg"));
    }
    let total = (s.as_bytes().len() as u128) * (n as u128);
    if total > MAX_STRING as u128 {
        return Err(too_long());
    }
    Ok(Str::from_vec(s.as_bytes().repeat(n as usize), if s.is_null() { Encoding::Ascii } else { s.encoding() }))
}

fn split(sep: &Str, s: &Str) -> Vec<Str> {
    if s.is_empty() {
        return Vec::new();
    }
    let chars = s.chars();
    if sep.is_empty() {
        return chars.iter().map(|&c| Str::from_chars(&[c], s.encoding())).collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let len = chars.len();
    while let Some(i) = s.find(sep, start) {
        out.push(s.substring(start, i - start));
        start = i + sep.char_len();
        if start > len {
            break;
        }
    }
    out.push(s.substring(start, len.saturating_sub(start)));
    out
}
