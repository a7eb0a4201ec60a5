//! Parrot's bit dynop library (src/dynoplibs/bit.ops): the bitwise string ops `bands bors
//! bxors bnots`, the integer bitwise ops on PMCs (`band P, P, I` ...) and `rot`. The integer
//! register forms are core ops (`arith.rs`).
//!
//! ## Strings as bytes
//! A bitwise string op works on bytes and gives a `binary` string (Parrot's
//! `Parrot_str_bitwise_and` and friends in src/string/api.c): `and` is as long as the shorter
//! string, `or` and `xor` as the longer, and a null string counts as empty. When both strings
//! are of a multi-byte encoding but not the same one, they are first brought down to one byte
//! per character; where that cannot be done, the op throws, as Parrot throws for the pairs it
//! cannot convert.

use super::arith::{lsr, shl, shr, Val};
use super::flow::{by_value, Flow};
use super::{Frame, Vm};
use crate::error::{types, Exc};
use crate::op::{IArg, IReg, Operand, PReg};
use crate::pmc::PmcData;
use crate::string::{Encoding, Str};

by_value! { str_bits(Bits::And):
    bands_p_s(dst, rhs), bands_p_p(dst, rhs), bands_s_s_s(dst, lhs, rhs), bands_p_p_s(dst, lhs, rhs),
    bands_p_p_p(dst, lhs, rhs),
}
by_value! { str_bits(Bits::Or):
    bors_p_s(dst, rhs), bors_p_p(dst, rhs), bors_s_s_s(dst, lhs, rhs), bors_p_p_s(dst, lhs, rhs),
    bors_p_p_p(dst, lhs, rhs),
}
by_value! { str_bits(Bits::Xor):
    bxors_p_s(dst, rhs), bxors_p_p(dst, rhs), bxors_s_s_s(dst, lhs, rhs), bxors_p_p_s(dst, lhs, rhs),
    bxors_p_p_p(dst, lhs, rhs),
}
by_value! { str_not(()): bnots_s_s(dst, src), bnots_p(dst), bnots_p_p(dst, src) }
by_value! { int_bits(|a, b| a & b): band_p_i(dst, rhs), band_p_p(dst, rhs), band_p_p_i(dst, lhs, rhs), band_p_p_p(dst, lhs, rhs) }
by_value! { int_bits(|a, b| a | b): bor_p_i(dst, rhs), bor_p_p(dst, rhs), bor_p_p_i(dst, lhs, rhs), bor_p_p_p(dst, lhs, rhs) }
by_value! { int_bits(|a, b| a ^ b): bxor_p_i(dst, rhs), bxor_p_p(dst, rhs), bxor_p_p_i(dst, lhs, rhs), bxor_p_p_p(dst, lhs, rhs) }
by_value! { int_bits(shl): shl_p_i(dst, rhs), shl_p_p(dst, rhs), shl_p_p_i(dst, lhs, rhs), shl_p_p_p(dst, lhs, rhs) }
by_value! { int_bits(shr): shr_p_i(dst, rhs), shr_p_p(dst, rhs), shr_p_p_i(dst, lhs, rhs), shr_p_p_p(dst, lhs, rhs) }
by_value! { int_bits(lsr): lsr_p_i(dst, rhs), lsr_p_p(dst, rhs), lsr_p_p_i(dst, lhs, rhs), lsr_p_p_p(dst, lhs, rhs) }

/// Which bitwise string op.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Bits {
    And,
    Or,
    Xor,
}

impl Bits {
    fn name(self) -> &'static str {
        match self {
            Bits::And => "bitwise_and",
            Bits::Or => "bitwise_or",
            Bits::Xor => "bitwise_xor",
        }
    }
}

/// `bnot P`: the integer value inverted, in place.
pub(super) fn bnot_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    let p = f.p[dst.0 as usize];
    (|| vm.heap.set_integer(p, !vm.heap.get_integer(p)?))().into()
}

/// `bnot P, P`: a new PMC of P(src)'s type holding the inverted integer value.
pub(super) fn bnot_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    let p = f.p[src.0 as usize];
    let r = (|| {
        let v = !vm.heap.get_integer(p)?;
        let class = p.map_or("Integer", |r| vm.heap.class_name(r));
        let r = vm.heap.alloc(PmcData::new_of(class).unwrap_or(PmcData::Integer(0)));
        vm.heap.set_integer(Some(r), v)?;
        Ok(r)
    })();
    match r {
        Ok(r) => {
            f.p[dst.0 as usize] = Some(r);
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `rot I, I, I, IC`: the low `width` bits of I(src) rotated left by I(by), right when it is
/// negative (src/dynoplibs/bit.ops). Parrot builds its mask with a 32-bit shift, which C
/// leaves undefined past 32 bits; Kea rotates the full width asked for, 1 to 64, and throws
/// for any other width.
pub(super) fn rot_i_i_i_ic(_: &mut Vm, f: &mut Frame, dst: IReg, src: IArg, by: IArg, width: i64) -> Flow {
    if !(1..=64).contains(&width) {
        let msg = format!("rot width {width} is out of range 1..64");
        return Flow::Raise(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, msg));
    }
    let (r, mut s) = (super::ia(f, src) as u64, super::ia(f, by));
    let m = if width == 64 { u64::MAX } else { (1u64 << width) - 1 };
    if s < 0 {
        s += width;
    }
    // Shifts of 64 bits or more (or below 0) give 0, where C leaves them undefined.
    let shift_l = |x: u64, n: i64| if (0..64).contains(&n) { x << n } else { 0 };
    let shift_r = |x: u64, n: i64| if (0..64).contains(&n) { x >> n } else { 0 };
    let d = (shift_l(r, s) & m) | (shift_r(r, width - s) & m);
    f.i[dst.0 as usize] = d as i64;
    Flow::Next
}

impl Vm {
    /// `bands`/`bors`/`bxors` of any kinds: `[dst, rhs]` in place or `[dst, lhs, rhs]`.
    fn str_bits(&mut self, f: &mut Frame, op: Bits, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) = if o.len() == 2 { (o[0], o[1]) } else { (o[1], o[2]) };
        let a = self.to_s(&self.val(f, a))?;
        let b = self.to_s(&self.val(f, b))?;
        let v = bitwise(&a, &b, op)?;
        self.store(f, o[0], Val::S(v))
    }

    /// `bnots`: `[dst]` in place or `[dst, src]`. Every byte of the first `length` is
    /// inverted (a multi-byte string is handled as bytes, as Parrot does).
    fn str_not(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let s = self.to_s(&self.val(f, *o.last().unwrap_or(&o[0])))?;
        let bytes = s.encoded();
        let len = if s.is_null() { 0 } else { s.char_len() };
        let mut out = vec![0u8; bytes.len()];
        for (d, b) in out.iter_mut().zip(bytes.iter()).take(len) {
            *d = !b;
        }
        self.store(f, o[0], Val::S(Str::from_vec(out, Encoding::Binary)))
    }

    /// An integer bitwise op on PMCs: `[dst, rhs]` in place or `[dst, lhs, rhs]`; the result
    /// goes into the PMC in P(dst) (its `set_integer_native`).
    fn int_bits(&mut self, f: &mut Frame, fun: fn(i64, i64) -> i64, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) = if o.len() == 2 { (o[0], o[1]) } else { (o[1], o[2]) };
        let a = self.to_i(&self.val(f, a))?;
        let b = self.to_i(&self.val(f, b))?;
        self.store(f, o[0], Val::I(fun(a, b)))
    }
}

/// Whether Parrot stores this encoding in more than one byte per character.
fn wide(e: Encoding) -> bool {
    matches!(e, Encoding::Utf8 | Encoding::Utf16 | Encoding::Ucs2 | Encoding::Ucs4)
}

/// The string in one byte per character, if every character fits.
fn fixed8(s: &Str) -> Option<Str> {
    let chars = s.chars();
    let bytes: Option<Vec<u8>> = chars.iter().map(|&c| u8::try_from(c).ok()).collect();
    bytes.map(|b| Str::from_vec(b, Encoding::Latin1))
}

/// Parrot's bitwise string operation on two strings (src/string/api.c): the result is binary.
fn bitwise(a: &Str, b: &Str, op: Bits) -> Result<Str, Exc> {
    let empty = || Str::from_vec(Vec::new(), Encoding::Binary);
    if op == Bits::And && (a.is_null() || b.is_null()) {
        return Ok(empty());
    }
    let (mut a, mut b) = (a.clone(), b.clone());
    if wide(a.encoding()) && wide(b.encoding()) && a.encoding() != b.encoding() {
        match (fixed8(&a), fixed8(&b)) {
            (Some(x), Some(y)) => (a, b) = (x, y),
            _ => {
                let msg = format!("string {} ({}/{}) unsupported", op.name(), a.encoding().name(), b.encoding().name());
                return Err(Exc::new(types::EXCEPTION_INVALID_ENCODING, msg));
            }
        }
    }
    // The bytes as Parrot holds them (UTF-16, UCS-2 and UCS-4 in their own units).
    let (x, y) = (a.encoded(), b.encoded());
    let (x, y) = (&x[..], &y[..]);
    // Parrot counts characters (`strlen`) but indexes bytes.
    let (len_a, len_b) = (a.char_len().min(x.len()), b.char_len().min(y.len()));
    let out: Vec<u8> = if op == Bits::And {
        x.iter().zip(y).take(len_a.min(len_b)).map(|(p, q)| p & q).collect()
    } else {
        (0..x.len().max(y.len()))
            .map(|i| match (i < len_a, i < len_b) {
                (true, true) if op == Bits::Or => x[i] | y[i],
                (true, true) => x[i] ^ y[i],
                (true, false) => x[i],
                (false, true) => y[i],
                // Bytes past a multi-byte string's character count: Parrot leaves them
                // unwritten; Kea gives 0.
                (false, false) => 0,
            })
            .collect()
    };
    Ok(Str::from_vec(out, Encoding::Binary))
}
