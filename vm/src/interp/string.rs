//! String ops: `concat length bytelength substr replace index rindex ord chr chopn repeat
//! upcase downcase titlecase foldcase escape compose sprintf split join`, encodings
//! (`encoding encodingname find_encoding trans_encoding stringinfo`), character classes
//! (`is_cclass find_cclass find_not_cclass find_codepoint`), and `assign`/`clone` of S
//! registers. Case mapping and classes follow `string.rs` and `string/cclass.rs`.

use super::arith::Val;
use super::flow::{by_value, Flow};
use super::{ia, sa, Frame, Vm, MAX_STRING};
use crate::error::{types, Exc};
use crate::interrupt::Meter;
use crate::op::{IArg, IReg, Operand, PReg, SArg, SReg};
use crate::pmc::{PVal, PmcData};
use crate::string::{cclass, Encoding, Str};

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

/// Which case mapping (Parrot's `ENCODING_UPCASE` ... modes).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Case {
    Up,
    Down,
    Title,
    Fold,
}

impl Case {
    fn verb(self) -> &'static str {
        match self {
            Case::Up => "upcase",
            Case::Down => "downcase",
            Case::Title => "titlecase",
            Case::Fold => "foldcase",
        }
    }
    /// A one-byte character: ASCII letters always; in ISO-8859-1 also the accented letters, by
    /// Parrot's `latin1_upcase` rules (`0xe0..=0xfe` but `÷` up, `0xc0..=0xde` but `×` down;
    /// Kea leaves `ÿ`, whose capital is not in ISO-8859-1, alone).
    fn byte(self, b: u8, first: bool, latin1: bool) -> u8 {
        let up = self == Case::Up || (self == Case::Title && first);
        if up {
            if latin1 && (0xe0..=0xfe).contains(&b) && b != 0xf7 {
                b & !0x20
            } else {
                b.to_ascii_uppercase()
            }
        } else if latin1 && (0xc0..=0xde).contains(&b) && b != 0xd7 {
            b | 0x20
        } else {
            b.to_ascii_lowercase()
        }
    }
    fn char(self, c: char, first: bool, out: &mut String) {
        match self {
            Case::Up => out.extend(c.to_uppercase()),
            Case::Title if first => out.extend(c.to_uppercase()),
            Case::Down | Case::Title | Case::Fold => out.extend(c.to_lowercase()),
        }
    }
}

/// `upcase`, `downcase`, `titlecase`, `foldcase` of a string, as Parrot maps it: one-byte
/// encodings byte by byte (the result keeps the encoding); a Unicode string of ASCII
/// characters the same way; any other Unicode string through Unicode's case mapping, the
/// result in ucs2, or utf16 if it leaves the BMP (Parrot's `unicode_convert_case`).
pub(super) fn case_convert(s: &Str, case: Case) -> Result<Str, Exc> {
    if s.is_null() {
        return Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, format!("Can't {} NULL string", case.verb())));
    }
    let enc = s.encoding();
    if !enc.is_unicode() || s.as_bytes().is_ascii() {
        let latin1 = enc == Encoding::Latin1;
        let bytes: Vec<u8> = s.as_bytes().iter().enumerate().map(|(i, &b)| case.byte(b, i == 0, latin1)).collect();
        return Ok(Str::from_vec(bytes, enc));
    }
    let mut out = String::with_capacity(s.as_bytes().len());
    for (i, c) in s.to_text().chars().enumerate() {
        case.char(c, i == 0, &mut out);
    }
    let enc = if out.chars().all(|c| (c as u32) <= 0xffff) { Encoding::Ucs2 } else { Encoding::Utf16 };
    Ok(Str::from_vec(out.into_bytes(), enc))
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
by_value! { concat_op(true): concat_p_p(dst, rhs) }
by_value! { case_op(Case::Up): upcase_s(dst), upcase_s_s(dst, src) }
by_value! { case_op(Case::Down): downcase_s(dst), downcase_s_s(dst, src) }
by_value! { case_op(Case::Title): titlecase_s(dst), titlecase_s_s(dst, src) }
by_value! { case_op(Case::Fold): foldcase_s_s(dst, src) }
by_value! { sprintf_op(()): sprintf_s_s_p(dst, format, args), sprintf_p_p_p(dst, format, args) }

/// `length I, S`: in characters.
pub(super) fn length_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg) -> Flow {
    f.i[dst.0 as usize] = sa(f, src).char_len() as i64;
    Flow::Next
}

/// `bytelength I, S`
pub(super) fn bytelength_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg) -> Flow {
    f.i[dst.0 as usize] = sa(f, src).byte_length() as i64;
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
pub(super) fn repeat_s_s_i(vm: &mut Vm, f: &mut Frame, dst: SReg, src: SArg, count: IArg) -> Flow {
    let (s, n) = (sa(f, src), ia(f, count));
    vm.paid(repeat(&s, n, &vm.heap.meter).map(|s| f.s[dst.0 as usize] = s).into())
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

impl Vm {
    /// `upcase`, `downcase`, `titlecase`, `foldcase`: `[dst]` in place or `[dst, src]`.
    fn case_op(&mut self, f: &mut Frame, case: Case, o: &[Operand]) -> Result<(), Exc> {
        let Val::S(s) = self.val(f, o[o.len() - 1]) else { return Ok(()) };
        self.store(f, o[0], Val::S(case_convert(&s, case)?))
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
        let mut out = Str::empty();
        for i in 0..n {
            if i > 0 {
                out.append(sep);
            }
            let e = self.heap.get_keyed(parts, &crate::pmc::KeyVal::Int(i))?;
            out.append(&self.heap.elem_str(&e)?);
            if out.as_bytes().len() > MAX_STRING {
                return Err(too_long());
            }
        }
        Ok(out)
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
    let valid = |c: u32| c < 0x100 || !crate::string::invalid_code_point(c);
    let Some(ch) = u32::try_from(c).ok().filter(|&c| valid(c)).and_then(char::from_u32) else {
        return Err(Exc::new(types::EXCEPTION_INVALID_CHARACTER, "Invalid character for UTF-8 encoding"));
    };
    Ok(match ch as u32 {
        0..=0x7f => Str::from_bytes(&[ch as u8], Encoding::Ascii),
        0x80..=0xff => Str::from_bytes(&[ch as u8], Encoding::Latin1),
        _ => Str::from_bytes(ch.to_string().as_bytes(), Encoding::Utf8),
    })
}

/// `s` repeated `n` times, written in chunks that charge fuel and look at the interrupt flag
/// (`interrupt.rs`), so a gigabyte result cannot outlast `--max-time`.
fn repeat(s: &Str, n: i64, meter: &Meter) -> Result<Str, Exc> {
    if n < 0 {
        return Err(Exc::new(types::EXCEPTION_NEG_REPEAT, "Cannot repeat with negative arg"));
    }
    let b = s.as_bytes();
    let total = (b.len() as u128) * (n as u128);
    if total > MAX_STRING as u128 {
        return Err(too_long());
    }
    let total = total as usize;
    let mut out = Vec::with_capacity(total);
    if !b.is_empty() && n > 0 {
        let per = (Meter::CHUNK / b.len()).clamp(1, n as usize);
        let unit = b.repeat(per);
        let mut left = n as usize;
        while left > 0 {
            let k = left.min(per);
            meter.work(k * b.len())?;
            out.extend_from_slice(&unit[..k * b.len()]);
            left -= k;
        }
    }
    Ok(Str::from_vec(out, if s.is_null() { Encoding::Ascii } else { s.encoding() }))
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

/// `rindex`'s search, as Parrot's `Parrot_str_find_reverse_index`: -1 for an empty haystack
/// or needle, or a start outside `1..=length`.
fn rindex_of(h: &Str, n: &Str, start: i64) -> i64 {
    let len = h.char_len() as i64;
    if start <= 0 || len == 0 || start > len || n.is_empty() {
        return -1;
    }
    h.rfind(n, start as usize).map_or(-1, |i| i as i64)
}

/// `rindex I, S, S`
pub(super) fn rindex_i_s_s(_: &mut Vm, f: &mut Frame, dst: IReg, haystack: SArg, needle: SArg) -> Flow {
    let (h, n) = (sa(f, haystack), sa(f, needle));
    f.i[dst.0 as usize] = rindex_of(&h, &n, h.char_len() as i64);
    Flow::Next
}

/// `rindex I, S, S, I`
pub(super) fn rindex_i_s_s_i(_: &mut Vm, f: &mut Frame, dst: IReg, haystack: SArg, needle: SArg, start: IArg) -> Flow {
    let (h, n) = (sa(f, haystack), sa(f, needle));
    f.i[dst.0 as usize] = rindex_of(&h, &n, ia(f, start));
    Flow::Next
}

/// `chopn S, S, I`: Parrot's `Parrot_str_chopn`, a `substr` from 0 of `length - n`
/// characters (or of `-n` when `n` is negative).
pub(super) fn chopn_s_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg, count: IArg) -> Flow {
    let (s, n) = (sa(f, src), ia(f, count));
    let len = s.char_len() as i64;
    let keep = if n >= 0 { len.saturating_sub(n) } else { n.saturating_neg() };
    f.s[dst.0 as usize] = if keep <= 0 { Str::empty() } else { s.substring(0, keep.min(len) as usize) };
    Flow::Next
}

/// `escape S, S`: Parrot's `Parrot_str_escape`, an ASCII string.
pub(super) fn escape_s_s(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg) -> Flow {
    let s = sa(f, src);
    f.s[dst.0 as usize] = if s.is_null() { Str::null() } else { escape(&s) };
    Flow::Next
}

fn escape(s: &Str) -> Str {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.as_bytes().len() * 2);
    for c in s.chars() {
        let named = match c {
            0x5c => Some('\\'),
            0x07 => Some('a'),
            0x08 => Some('b'),
            0x0a => Some('n'),
            0x0d => Some('r'),
            0x09 => Some('t'),
            0x0c => Some('f'),
            0x22 => Some('"'),
            0x1b => Some('e'),
            _ => None,
        };
        match named {
            Some(e) => {
                out.push('\\');
                out.push(e);
            }
            None if (0x20..0x7f).contains(&c) => out.push(c as u8 as char),
            None if (0x100..0x10000).contains(&c) => {
                let _ = write!(out, "\\u{c:04x}");
            }
            None => {
                let _ = write!(out, "\\x{{{c:x}}}");
            }
        }
    }
    Str::from_vec(out.into_bytes(), Encoding::Ascii)
}

/// `compose S, S`: one-byte strings are already composed; a Unicode string is when no
/// character could combine with another (all below U+0300, where combining marks begin).
/// Kea has no composition tables: anything else throws what Parrot built without ICU
/// throws for every Unicode string.
pub(super) fn compose_s_s(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg) -> Flow {
    let s = sa(f, src);
    if s.encoding().is_unicode() && s.chars().iter().any(|&c| c >= 0x300) {
        return Flow::Raise(Exc::new(types::EXCEPTION_LIBRARY_ERROR, "no ICU lib loaded"));
    }
    f.s[dst.0 as usize] = if s.is_empty() && !s.is_null() { Str::empty() } else { s };
    Flow::Next
}

/// `encoding I, S`
pub(super) fn encoding_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg) -> Flow {
    f.i[dst.0 as usize] = sa(f, src).encoding().number();
    Flow::Next
}

/// `encodingname S, I`: the null string for a number no encoding has.
pub(super) fn encodingname_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, num: IArg) -> Flow {
    f.s[dst.0 as usize] = Encoding::from_number(ia(f, num)).map_or_else(Str::null, |e| Str::from(e.name()));
    Flow::Next
}

/// `find_encoding I, S`
pub(super) fn find_encoding_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, name: SArg) -> Flow {
    let name = sa(f, name);
    match Encoding::from_name(&name.to_text()) {
        Some(e) => {
            f.i[dst.0 as usize] = e.number();
            Flow::Next
        }
        None => Flow::Raise(Exc::new(types::EXCEPTION_INVALID_ENCODING, format!("encoding '{name}' not found"))),
    }
}

/// `trans_encoding S, S, I`
pub(super) fn trans_encoding_s_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, src: SArg, enc: IArg) -> Flow {
    let (s, n) = (sa(f, src), ia(f, enc));
    let Some(to) = Encoding::from_number(n) else {
        return Flow::Raise(Exc::new(types::EXCEPTION_INVALID_ENCODING, format!("encoding #{n} not found")));
    };
    s.transcode(to).map(|t| f.s[dst.0 as usize] = t).into()
}

/// `is_cclass I, I, S, I`: 0 past either end of the string.
pub(super) fn is_cclass_i_i_s_i(_: &mut Vm, f: &mut Frame, dst: IReg, flags: IArg, src: SArg, pos: IArg) -> Flow {
    let (flags, s, pos) = (ia(f, flags), sa(f, src), ia(f, pos));
    let chars = s.chars();
    let hit = usize::try_from(pos).ok().and_then(|p| chars.get(p)).is_some_and(|&c| cclass::is(flags, c));
    f.i[dst.0 as usize] = i64::from(hit);
    Flow::Next
}

/// The window `[offset, offset + count)` of `find_cclass` and `find_not_cclass`, cut at the
/// end of the string; a negative offset or count throws (Parrot reads them unsigned).
fn cclass_window(op: &str, len: usize, offset: i64, count: i64) -> Result<(usize, usize), Exc> {
    if offset < 0 || count < 0 {
        return Err(Exc::new(
            types::EXCEPTION_OUT_OF_BOUNDS,
            format!("{op}: negative offset or count ({offset}, {count})"),
        ));
    }
    let end = offset.saturating_add(count).min(len as i64) as usize;
    Ok((offset as usize, end))
}

/// `find_cclass I, I, S, I, I`: the first position in the window holding a character of the
/// classes, or the window's end (-1 for the null string).
pub(super) fn find_cclass_i_i_s_i_i(
    _: &mut Vm,
    f: &mut Frame,
    dst: IReg,
    flags: IArg,
    src: SArg,
    offset: IArg,
    count: IArg,
) -> Flow {
    let (flags, s) = (ia(f, flags), sa(f, src));
    if s.is_null() {
        f.i[dst.0 as usize] = -1;
        return Flow::Next;
    }
    let chars = s.chars();
    cclass_window("find_cclass", chars.len(), ia(f, offset), ia(f, count))
        .map(|(from, end)| {
            let hit = (from..end).find(|&i| cclass::is(flags, chars[i])).unwrap_or(end);
            f.i[dst.0 as usize] = hit as i64;
        })
        .into()
}

/// `find_not_cclass I, I, S, I, I`: the first position in the window holding a character of
/// none of the classes, or the window's end; an offset past the end gives `offset + count`.
pub(super) fn find_not_cclass_i_i_s_i_i(
    _: &mut Vm,
    f: &mut Frame,
    dst: IReg,
    flags: IArg,
    src: SArg,
    offset: IArg,
    count: IArg,
) -> Flow {
    let (flags, s, off, n) = (ia(f, flags), sa(f, src), ia(f, offset), ia(f, count));
    if s.is_null() {
        f.i[dst.0 as usize] = -1;
        return Flow::Next;
    }
    let chars = s.chars();
    if off > chars.len() as i64 && n >= 0 {
        f.i[dst.0 as usize] = off.saturating_add(n);
        return Flow::Next;
    }
    cclass_window("find_not_cclass", chars.len(), off, n)
        .map(|(from, end)| {
            let miss = (from..end).find(|&i| !cclass::is(flags, chars[i])).unwrap_or(end);
            f.i[dst.0 as usize] = miss as i64;
        })
        .into()
}

/// `find_codepoint I, S`: what Parrot finds without ICU, the names of the control
/// characters (their Unicode 1.0 names in UnicodeData.txt), or -1.
pub(super) fn find_codepoint_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, name: SArg) -> Flow {
    let name = sa(f, name).to_text();
    f.i[dst.0 as usize] = CONTROL_NAMES.iter().find(|(n, _)| *n == name).map_or(-1, |&(_, c)| i64::from(c));
    Flow::Next
}

/// The control characters by name.
const CONTROL_NAMES: [(&str, u32); 61] = [
    ("NULL", 0x00),
    ("START OF HEADING", 0x01),
    ("START OF TEXT", 0x02),
    ("END OF TEXT", 0x03),
    ("END OF TRANSMISSION", 0x04),
    ("ENQUIRY", 0x05),
    ("ACKNOWLEDGE", 0x06),
    ("BELL", 0x07),
    ("BACKSPACE", 0x08),
    ("CHARACTER TABULATION", 0x09),
    ("LINE FEED (LF)", 0x0a),
    ("LINE TABULATION", 0x0b),
    ("FORM FEED (FF)", 0x0c),
    ("CARRIAGE RETURN (CR)", 0x0d),
    ("SHIFT OUT", 0x0e),
    ("SHIFT IN", 0x0f),
    ("DATA LINK ESCAPE", 0x10),
    ("DEVICE CONTROL ONE", 0x11),
    ("DEVICE CONTROL TWO", 0x12),
    ("DEVICE CONTROL THREE", 0x13),
    ("DEVICE CONTROL FOUR", 0x14),
    ("NEGATIVE ACKNOWLEDGE", 0x15),
    ("SYNCHRONOUS IDLE", 0x16),
    ("END OF TRANSMISSION BLOCK", 0x17),
    ("CANCEL", 0x18),
    ("END OF MEDIUM", 0x19),
    ("SUBSTITUTE", 0x1a),
    ("ESCAPE", 0x1b),
    ("INFORMATION SEPARATOR FOUR", 0x1c),
    ("INFORMATION SEPARATOR THREE", 0x1d),
    ("INFORMATION SEPARATOR TWO", 0x1e),
    ("INFORMATION SEPARATOR ONE", 0x1f),
    ("DELETE", 0x7f),
    ("BREAK PERMITTED HERE", 0x82),
    ("NO BREAK HERE", 0x83),
    ("NEXT LINE (NEL)", 0x85),
    ("START OF SELECTED AREA", 0x86),
    ("END OF SELECTED AREA", 0x87),
    ("CHARACTER TABULATION SET", 0x88),
    ("CHARACTER TABULATION WITH JUSTIFICATION", 0x89),
    ("LINE TABULATION SET", 0x8a),
    ("PARTIAL LINE FORWARD", 0x8b),
    ("PARTIAL LINE BACKWARD", 0x8c),
    ("REVERSE LINE FEED", 0x8d),
    ("SINGLE SHIFT TWO", 0x8e),
    ("SINGLE SHIFT THREE", 0x8f),
    ("DEVICE CONTROL STRING", 0x90),
    ("PRIVATE USE ONE", 0x91),
    ("PRIVATE USE TWO", 0x92),
    ("SET TRANSMIT STATE", 0x93),
    ("CANCEL CHARACTER", 0x94),
    ("MESSAGE WAITING", 0x95),
    ("START OF GUARDED AREA", 0x96),
    ("END OF GUARDED AREA", 0x97),
    ("START OF STRING", 0x98),
    ("SINGLE CHARACTER INTRODUCER", 0x9a),
    ("CONTROL SEQUENCE INTRODUCER", 0x9b),
    ("STRING TERMINATOR", 0x9c),
    ("OPERATING SYSTEM COMMAND", 0x9d),
    ("PRIVACY MESSAGE", 0x9e),
    ("APPLICATION PROGRAM COMMAND", 0x9f),
];

/// `stringinfo I, S, I` (`stringinfo.pasm`): 1 and 2 an address of the string's buffer,
/// 3 and 5 its size in bytes in its encoding, 4 its flags (Kea has none: 0), 6 its length;
/// always 0 for the null string.
pub(super) fn stringinfo_i_s_i(_: &mut Vm, f: &mut Frame, dst: IReg, src: SArg, what: IArg) -> Flow {
    let (s, what) = (sa(f, src), ia(f, what));
    let v = if s.is_null() {
        0
    } else {
        match what {
            1 | 2 => s.as_bytes().as_ptr() as usize as i64,
            3 | 5 => s.byte_length() as i64,
            4 => 0,
            6 => s.char_len() as i64,
            _ => {
                return Flow::Raise(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("stringinfo: unknown info type: {what}"),
                ))
            }
        }
    };
    f.i[dst.0 as usize] = v;
    Flow::Next
}

/// `new S`: the empty string.
pub(super) fn new_s(_: &mut Vm, f: &mut Frame, dst: SReg) -> Flow {
    f.s[dst.0 as usize] = Str::empty();
    Flow::Next
}

/// `substr S, P, I, I`: of the PMC's string.
pub(super) fn substr_s_p_i_i(vm: &mut Vm, f: &mut Frame, dst: SReg, src: PReg, offset: IArg, count: IArg) -> Flow {
    let p = f.p[src.0 as usize];
    if p.is_none() {
        return Flow::Raise(Exc::null_access("substr"));
    }
    let s = match vm.heap.get_string(p) {
        Ok(s) => s,
        Err(e) => return Flow::Raise(e),
    };
    char_range(s.char_len(), ia(f, offset), Some(ia(f, count)))
        .map(|(a, n)| f.s[dst.0 as usize] = s.substring(a, n))
        .into()
}

/// `repeat P, P, I`: a new String.
pub(super) fn repeat_p_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg, count: IArg) -> Flow {
    let n = ia(f, count);
    let flow = vm.repeat_pmc(f, dst, f.p[src.0 as usize], n, false).into();
    vm.paid(flow)
}

/// `repeat P, P, P`: a new String, the count read from P(count).
pub(super) fn repeat_p_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg, count: PReg) -> Flow {
    match vm.heap.get_integer(f.p[count.0 as usize]) {
        Ok(n) => {
            let flow = vm.repeat_pmc(f, dst, f.p[src.0 as usize], n, false).into();
            vm.paid(flow)
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `repeat P, I`: in place.
pub(super) fn repeat_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, count: IArg) -> Flow {
    let n = ia(f, count);
    let flow = vm.repeat_pmc(f, dst, f.p[dst.0 as usize], n, true).into();
    vm.paid(flow)
}

/// `repeat P, P`: in place, the count read from P(count).
pub(super) fn repeat_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, count: PReg) -> Flow {
    match vm.heap.get_integer(f.p[count.0 as usize]) {
        Ok(n) => {
            let flow = vm.repeat_pmc(f, dst, f.p[dst.0 as usize], n, true).into();
            vm.paid(flow)
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `pin S`: Kea's strings never move, so there is nothing to do.
pub(super) fn pin_s(_: &mut Vm, _: &mut Frame, _: SReg) -> Flow {
    Flow::Next
}

/// `unpin S`: see `pin`.
pub(super) fn unpin_s(_: &mut Vm, _: &mut Frame, _: SReg) -> Flow {
    Flow::Next
}

impl Vm {
    /// `repeat` of a PMC's string: a new String in P(dst), or P(dst)'s own string replaced.
    fn repeat_pmc(&mut self, f: &mut Frame, dst: PReg, src: PVal, n: i64, in_place: bool) -> Result<(), Exc> {
        if src.is_none() {
            return Err(Exc::null_access("repeat"));
        }
        let s = repeat(&self.heap.get_string(src)?, n, &self.heap.meter)?;
        if in_place {
            return self.heap.set_string(src, s);
        }
        let p = self.heap.alloc(PmcData::String(s));
        f.p[dst.0 as usize] = Some(p);
        Ok(())
    }
}
