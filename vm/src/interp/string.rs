//! String ops: `concat length bytelength substr replace index ord chr repeat upcase downcase
//! titlecase sprintf split join`, and `assign`/`clone` of S registers.

use super::arith::Val;
use super::flow::{by_value, Flow};
use super::{ia, sa, Frame, Vm, MAX_STRING};
use crate::error::{types, Exc};
use crate::op::{IArg, IReg, Operand, PReg, SArg, SReg};
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

/// `assign S, S`: strings are values, so this is `set`.
pub(super) fn assign_s_s(_: &mut Vm, f: &mut Frame, dst: SReg, src: SReg) -> Flow {
    f.s[dst.0 as usize] = f.s[src.0 as usize].clone();
    Flow::Next
}

/// `clone S, S`: strings are immutable, so this is `set`.
pub(super) fn clone_s_s(vm: &mut Vm, f: &mut Frame, dst: SReg, src: SReg) -> Flow {
    assign_s_s(vm, f, dst, src)
}

/// Appends `r` to `S(dst)` in place.
fn append(f: &mut Frame, dst: SReg, r: &Str) -> Flow {
    let cur = &mut f.s[dst.0 as usize];
    if cur.as_bytes().len() + r.as_bytes().len() > MAX_STRING {
        return Flow::Raise(too_long());
    }
    cur.append(r);
    Flow::Next
}

/// `concat S, S`
pub(super) fn concat_s_s(_: &mut Vm, f: &mut Frame, dst: SReg, rhs: SReg) -> Flow {
    let r = f.s[rhs.0 as usize].clone();
    append(f, dst, &r)
}

/// `concat S, S, S`. `concat S0, S0, x` (what `$S0 .= x` becomes) appends in place when S0
/// holds the only reference (bench/strings: linear instead of quadratic).
pub(super) fn concat_s_s_s(vm: &mut Vm, f: &mut Frame, dst: SReg, lhs: SArg, rhs: SArg) -> Flow {
    if Ok(dst.0) == lhs.split() {
        let r = sa(f, rhs);
        return append(f, dst, &r);
    }
    vm.concat_op(f, false, &[dst.into(), lhs.into(), rhs.into()]).into()
}

by_value! { concat_op(true): concat_p_s(dst, rhs) }
by_value! { concat_op(false): concat_p_p_s(dst, lhs, rhs), concat_p_p_p(dst, lhs, rhs) }
by_value! { case_op(upcase): upcase_s(dst), upcase_s_s(dst, src) }
by_value! { case_op(downcase): downcase_s(dst), downcase_s_s(dst, src) }
by_value! { case_op(titlecase): titlecase_s(dst), titlecase_s_s(dst, src) }
by_value! { sprintf_op(()): sprintf_s_s_p(dst, format, args), sprintf_p_p_p(dst, format, args) }

/// `length I, S`: in characters.
pub(super) fn length_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg) -> Flow {
    f.i[dst.0 as usize] = sa(f, src).char_len() as i64;
    Flow::Next
}

/// `bytelength I, S`
pub(super) fn bytelength_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg) -> Flow {
    f.i[dst.0 as usize] = sa(f, src).as_bytes().len() as i64;
    Flow::Next
}

/// `substr S, S, I`: to the end.
pub(super) fn substr_s_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg, offset: IArg) -> Flow {
    let s = sa(f, src);
    char_range(s.char_len(), ia(f, offset), None).map(|(a, n)| f.s[dst.0 as usize] = s.substring(a, n)).into()
}

/// `substr S, S, I, I`
pub(super) fn substr_s_s_i_i(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg, offset: IArg, count: IArg) -> Flow {
    let s = sa(f, src);
    char_range(s.char_len(), ia(f, offset), Some(ia(f, count)))
        .map(|(a, n)| f.s[dst.0 as usize] = s.substring(a, n))
        .into()
}

/// `replace S, S, I, I, S`
pub(super) fn replace_s_s_i_i_s(
    _: &mut Vm,
    f: &mut Frame,
    dst: SReg,
    src: SArg,
    offset: IArg,
    count: IArg,
    with: SArg,
) -> Flow {
    let s = sa(f, src);
    let w = sa(f, with);
    replace_range(s.char_len(), ia(f, offset), ia(f, count))
        .and_then(|(a, n)| {
            let len = s.char_len();
            let out = s.substring(0, a).concat(&w).concat(&s.substring(a + n, len));
            if out.as_bytes().len() > MAX_STRING {
                return Err(too_long());
            }
            f.s[dst.0 as usize] = out;
            Ok(())
        })
        .into()
}

/// `index I, S, S`
pub(super) fn index_i_s_s(_: &mut Vm, f: &mut Frame, dst: IReg, haystack: SArg, needle: SArg) -> Flow {
    let (h, n) = (sa(f, haystack), sa(f, needle));
    f.i[dst.0 as usize] = index_of(&h, &n, 0);
    Flow::Next
}

/// `index I, S, S, I`
pub(super) fn index_i_s_s_i(_: &mut Vm, f: &mut Frame, dst: IReg, haystack: SArg, needle: SArg, start: IArg) -> Flow {
    let (h, n) = (sa(f, haystack), sa(f, needle));
    f.i[dst.0 as usize] = index_of(&h, &n, ia(f, start));
    Flow::Next
}

/// `ord I, S`
pub(super) fn ord_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg) -> Flow {
    ord(&sa(f, src), 0).map(|c| f.i[dst.0 as usize] = c).into()
}

/// `ord I, S, I`
pub(super) fn ord_i_s_i(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg, pos: IArg) -> Flow {
    ord(&sa(f, src), ia(f, pos)).map(|c| f.i[dst.0 as usize] = c).into()
}

/// `chr S, I`
pub(super) fn chr_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, code: IArg) -> Flow {
    chr(ia(f, code)).map(|s| f.s[dst.0 as usize] = s).into()
}

/// `repeat S, S, I`
pub(super) fn repeat_s_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg, count: IArg) -> Flow {
    let (s, n) = (sa(f, src), ia(f, count));
    repeat(&s, n).map(|s| f.s[dst.0 as usize] = s).into()
}

/// `split P, S, S`: a ResizableStringArray.
pub(super) fn split_p_s_s(vm: &mut Vm, f: &mut Frame, dst: PReg, sep: SArg, src: SArg) -> Flow {
    let (sep, s) = (sa(f, sep), sa(f, src));
    let parts = split(&sep, &s);
    let p = vm.heap.alloc(PmcData::ResizableStringArray(parts));
    f.p[dst.0 as usize] = Some(p);
    Flow::Next
}

/// `join S, S, P`
pub(super) fn join_s_s_p(vm: &mut Vm, f: &mut Frame, dst: SReg, sep: SArg, parts: PReg) -> Flow {
    let sep = sa(f, sep);
    vm.join(&sep, f.p[parts.0 as usize]).map(|s| f.s[dst.0 as usize] = s).into()
}

fn upcase(s: &Str) -> Str {
    case_map(s, |c| c.to_uppercase().collect())
}

fn downcase(s: &Str) -> Str {
    case_map(s, |c| c.to_lowercase().collect())
}

impl Vm {
    /// `upcase`, `downcase`, `titlecase`: `[dst]` in place or `[dst, src]`.
    fn case_op(&mut self, f: &mut Frame, map: fn(&Str) -> Str, o: &[Operand]) -> Result<(), Exc> {
        let Val::S(s) = self.val(f, o[o.len() - 1]) else { return Ok(()) };
        self.store(f, o[0], Val::S(map(&s)))
    }

    /// `sprintf`: `[dst, format, args]`; a P destination gets a new String.
    fn sprintf_op(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let fmt = self.val(f, o[1]);
        let Val::P(args) = self.val(f, o[2]) else { return Ok(()) };
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
    }

    /// `concat` of any values: `[dst, rhs]` in place or `[dst, lhs, rhs]`.
    fn concat_op(&mut self, f: &mut Frame, in_place: bool, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) =
            if in_place { (self.val(f, o[0]), self.val(f, o[1])) } else { (self.val(f, o[1]), self.val(f, o[2])) };
        self.concat_into(f, o[0], &a, &b, in_place)
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
