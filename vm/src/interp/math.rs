//! Math ops: `sqrt`, `floor`, `ceil`, `is_inf_or_nan` (Parrot's src/ops/math.ops), the
//! transcendental ops and `pow` (src/dynoplibs/trans.ops), `cmod`, `rand`, `srand`
//! (src/dynoplibs/math.ops) and `covers`, `exsec`, `hav`, `vers`, `gcd`, `lcm`, `fact`
//! (src/dynoplibs/obscure.ops). Every dynop library is always loaded in Kea.
//!
//! Operands are read as values ([`Vm::val`]) and converted by the one rule of
//! spec/conversions, so an I register where Parrot's op wants an N (`sin N0, I1`) is read as a
//! number: IMCC accepts those forms by loading the I into a temporary N first (`try_find_op` in
//! compilers/imcc/parser_util.c), which gives the same value.
//!
//! ## Why the random numbers are Parrot's
//! `rand` and `srand` use the `rand48` generator Parrot uses (src/utils.c): after `srand 42`,
//! `rand` gives the numbers Parrot gives, so a seeded program prints what it prints on Parrot.

use super::arith::Val;
use super::flow::{by_value, Flow};
use super::{Frame, Vm};
use crate::error::{types, Exc};
use crate::num;
use crate::op::{NReg, Operand};
use crate::pmc::{PmcData, PmcRef};

by_value! { num_fn(f64::sqrt): sqrt_n_n(dst, src), sqrt_n_i(dst, src) }
by_value! { num_fn(f64::floor): floor_n_n(dst, src), floor_n_i(dst, src) }
by_value! { num_fn(f64::ceil): ceil_n_n(dst, src), ceil_n_i(dst, src) }
by_value! { num_fn(f64::acos): acos_n_n(dst, src), acos_n_i(dst, src) }
by_value! { num_fn(|x| (1.0 / x).atan()): acot_n_n(dst, src), acot_n_i(dst, src) }
by_value! { num_fn(|x| (1.0 / x).acos()): asec_n_n(dst, src), asec_n_i(dst, src) }
by_value! { num_fn(f64::asin): asin_n_n(dst, src), asin_n_i(dst, src) }
by_value! { num_fn(f64::atan): atan_n_n(dst, src), atan_n_i(dst, src) }
by_value! { num_fn(f64::cos): cos_n_n(dst, src), cos_n_i(dst, src) }
by_value! { num_fn(f64::cosh): cosh_n_n(dst, src), cosh_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 / x.tan()): cot_n_n(dst, src), cot_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 / x.tanh()): coth_n_n(dst, src), coth_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 / x.sin()): csc_n_n(dst, src), csc_n_i(dst, src) }
by_value! { num_fn(f64::exp): exp_n_n(dst, src), exp_n_i(dst, src) }
by_value! { num_fn(f64::ln): ln_n_n(dst, src), ln_n_i(dst, src) }
by_value! { num_fn(f64::log10): log10_n_n(dst, src), log10_n_i(dst, src) }
// Parrot divides by log(2.0) rather than calling log2, and the last bit can differ.
by_value! { num_fn(|x| x.ln() / 2.0f64.ln()): log2_n_n(dst, src), log2_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 / x.cos()): sec_n_n(dst, src), sec_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 / x.cosh()): sech_n_n(dst, src), sech_n_i(dst, src) }
by_value! { num_fn(f64::sin): sin_n_n(dst, src), sin_n_i(dst, src) }
by_value! { num_fn(f64::sinh): sinh_n_n(dst, src), sinh_n_i(dst, src) }
by_value! { num_fn(f64::tan): tan_n_n(dst, src), tan_n_i(dst, src) }
by_value! { num_fn(f64::tanh): tanh_n_n(dst, src), tanh_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 - x.sin()): covers_n_n(dst, src), covers_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 / x.cos() - 1.0): exsec_n_n(dst, src), exsec_n_i(dst, src) }
by_value! { num_fn(|x| 0.5 * (1.0 - x.cos())): hav_n_n(dst, src), hav_n_i(dst, src) }
by_value! { num_fn(|x| 1.0 - x.cos()): vers_n_n(dst, src), vers_n_i(dst, src) }
by_value! { num_fn(|x| x * rand_unit()): rand_n_n(dst, max), rand_n_i(dst, max) }

by_value! { num_fn2(f64::atan2):
    atan_n_n_n(dst, lhs, rhs), atan_n_i_n(dst, lhs, rhs), atan_n_n_i(dst, lhs, rhs), atan_n_i_i(dst, lhs, rhs),
}
// `pow N, I, N|I`: IMCC turns each I into an N, so these are `pow N, N, N` (C's pow).
by_value! { num_fn2(f64::powf): pow_n_i_n(dst, lhs, rhs), pow_n_i_i(dst, lhs, rhs) }
by_value! { num_fn2(|a, b| a + (b - a) * rand_unit()): rand_n_n_n(dst, min, max) }
by_value! { cmod_num(()):
    cmod_n_n_n(dst, lhs, rhs), cmod_n_i_n(dst, lhs, rhs), cmod_n_n_i(dst, lhs, rhs), cmod_n_i_i(dst, lhs, rhs),
}
by_value! { cmod_pmc(()): cmod_p_p_i(dst, lhs, rhs), cmod_p_p_p(dst, lhs, rhs), cmod_p_p_n(dst, lhs, rhs) }
by_value! { pow_op(()): pow_n_nc_i(dst, lhs, rhs) }
by_value! { pow_pmc(()): pow_p_p_p(dst, lhs, rhs), pow_p_p_i(dst, lhs, rhs), pow_p_p_n(dst, lhs, rhs) }
by_value! { round_to_int(f64::floor): floor_i_n(dst, src) }
by_value! { round_to_int(f64::ceil): ceil_i_n(dst, src) }
by_value! { int_fn2(cmod): cmod_i_i_i(dst, lhs, rhs) }
by_value! { int_fn2(|a, b| Ok(gcd(a, b))): gcd_i_i_i(dst, lhs, rhs) }
by_value! { int_fn2(|a, b| Ok(lcm(a, b))): lcm_i_i_i(dst, lhs, rhs) }
by_value! { int_fn2(|a, b| Ok(rand_range(a, b))): rand_i_i_i(dst, min, max) }
by_value! { int_fn2(|_, b| Ok(rand_range(0, b))): rand_i_i(dst, max) }
by_value! { int_fn2(|_, b| Ok(fact(b))): fact_i_i(dst, src) }
by_value! { fact_num(()): fact_n_i(dst, src) }
by_value! { is_inf_or_nan(()): is_inf_or_nan_i_n(dst, src) }
by_value! { srand(()): srand_n(seed), srand_i(seed) }

/// `floor N`: in place.
pub(super) fn floor_n(_: &mut Vm, f: &mut Frame, dst: NReg) -> Flow {
    f.n[dst.0 as usize] = f.n[dst.0 as usize].floor();
    Flow::Next
}

/// `ceil N`: in place.
pub(super) fn ceil_n(_: &mut Vm, f: &mut Frame, dst: NReg) -> Flow {
    f.n[dst.0 as usize] = f.n[dst.0 as usize].ceil();
    Flow::Next
}

/// `rand N`: in [0, 1).
pub(super) fn rand_n(_: &mut Vm, f: &mut Frame, dst: NReg) -> Flow {
    f.n[dst.0 as usize] = rand_unit();
    Flow::Next
}

/// `rand I`: in [-2^31, 2^31), Parrot's `mrand48`.
pub(super) fn rand_i(_: &mut Vm, f: &mut Frame, dst: crate::op::IReg) -> Flow {
    f.i[dst.0 as usize] = RAND.with(|r| {
        let x = r.get().next();
        r.set(x);
        i64::from((x.0 >> 16) as u32 as i32)
    });
    Flow::Next
}

impl Vm {
    /// `N(dst) := fun(num(src))`: `[dst, src]`.
    fn num_fn(&mut self, f: &mut Frame, fun: fn(f64) -> f64, o: &[Operand]) -> Result<(), Exc> {
        let x = self.to_n(&self.val(f, o[1]))?;
        self.store(f, o[0], Val::N(fun(x)))
    }

    /// `N(dst) := fun(num(lhs), num(rhs))`: `[dst, lhs, rhs]`.
    fn num_fn2(&mut self, f: &mut Frame, fun: fn(f64, f64) -> f64, o: &[Operand]) -> Result<(), Exc> {
        let a = self.to_n(&self.val(f, o[1]))?;
        let b = self.to_n(&self.val(f, o[2]))?;
        self.store(f, o[0], Val::N(fun(a, b)))
    }

    /// `I(dst) := fun(int(lhs), int(rhs))`: `[dst, lhs, rhs]`, or `[dst, src]` with `lhs` 0.
    fn int_fn2(&mut self, f: &mut Frame, fun: fn(i64, i64) -> Result<i64, Exc>, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) = match o {
            [_, src] => (0, self.to_i(&self.val(f, *src))?),
            _ => (self.to_i(&self.val(f, o[1]))?, self.to_i(&self.val(f, o[2]))?),
        };
        self.store(f, o[0], Val::I(fun(a, b)?))
    }

    /// `floor I, N` / `ceil I, N`: an integer cannot hold Inf or NaN, so those throw
    /// `Invalid number` (EXCEPTION_LOSSY_CONVERSION, src/ops/math.ops).
    fn round_to_int(&mut self, f: &mut Frame, fun: fn(f64) -> f64, o: &[Operand]) -> Result<(), Exc> {
        let x = fun(self.to_n(&self.val(f, o[1]))?);
        if !x.is_finite() {
            return Err(Exc::new(types::EXCEPTION_LOSSY_CONVERSION, "Invalid number"));
        }
        self.store(f, o[0], Val::I(num::num_to_int(x)))
    }

    /// `is_inf_or_nan I, N`: `[dst, src]`.
    fn is_inf_or_nan(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let x = self.to_n(&self.val(f, o[1]))?;
        self.store(f, o[0], Val::I(i64::from(!x.is_finite())))
    }

    /// `fact N, I`: the product as a number (Inf past 170!).
    fn fact_num(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let mut i = self.to_i(&self.val(f, o[1]))?;
        let mut q = 1.0f64;
        // Once Inf, the product stays Inf: stop there rather than count down from i.
        while i > 0 && q.is_finite() {
            q *= i as f64;
            i -= 1;
        }
        self.store(f, o[0], Val::N(q))
    }

    /// `srand N|I`: Parrot's `srand48` of the integer value.
    fn srand(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let seed = self.to_i(&self.val(f, o[0]))?;
        RAND.with(|r| r.set(Rand48::seeded(seed)));
        Ok(())
    }

    /// `cmod N, N, N` and its mixed forms: C's `fmod`; by zero throws.
    fn cmod_num(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let a = self.to_n(&self.val(f, o[1]))?;
        let b = self.to_n(&self.val(f, o[2]))?;
        if b == 0.0 {
            return Err(Exc::div_by_zero());
        }
        self.store(f, o[0], Val::N(a % b))
    }

    /// `cmod P, P, I|P|N`: a new PMC of P(lhs)'s type holding the truncating remainder of the
    /// integer values; with an N divisor, `int(fmod(..))`, or a String when that is Inf or NaN
    /// (src/dynoplibs/math.ops). The divisor is checked for zero first, as in Parrot.
    fn cmod_pmc(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let Operand::P(dst) = o[0] else { return Ok(()) };
        let rhs = self.val(f, o[2]);
        let lhs = self.val(f, o[1]);
        let r = if let Operand::Nx(_) = o[2] {
            let b = self.to_n(&rhs)?;
            if b == 0.0 {
                return Err(Exc::div_by_zero());
            }
            let r = self.to_n(&lhs)? % b;
            if !r.is_finite() {
                self.heap.alloc(PmcData::String(crate::string::Str::from(num::fmt_str(r))))
            } else {
                self.like(&lhs, num::num_to_int(r))?
            }
        } else {
            let b = self.to_i(&rhs)?;
            if b == 0 {
                return Err(Exc::div_by_zero());
            }
            let a = self.to_i(&lhs)?;
            self.like(&lhs, a.wrapping_rem(b))?
        };
        f.p[dst.0 as usize] = Some(r);
        Ok(())
    }

    /// A new PMC of the type of `like` (a P value) initialised to `v` (Parrot's
    /// `Parrot_pmc_new_init_int(VTABLE_type(like), v)`); an Integer if the type cannot be made.
    fn like(&mut self, like: &Val, v: i64) -> Result<PmcRef, Exc> {
        let class = match like {
            Val::P(Some(r)) => self.heap.class_name(*r),
            _ => "Integer",
        };
        let r = self.heap.alloc(PmcData::new_of(class).unwrap_or(PmcData::Integer(0)));
        self.heap.set_integer(Some(r), v)?;
        Ok(r)
    }

    /// `pow P, P, P|I|N`: `num(lhs) ** num(rhs)` in a new PMC of P(dst)'s type (a Float when
    /// P(dst) is null), set through its `set_number_native` (src/dynoplibs/trans.ops).
    fn pow_pmc(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let Operand::P(dst) = o[0] else { return Ok(()) };
        let a = self.to_n(&self.val(f, o[1]))?;
        let b = self.to_n(&self.val(f, o[2]))?;
        let c = a.powf(b);
        let r: PmcRef = match f.p[dst.0 as usize] {
            None => self.heap.alloc(PmcData::Float(c)),
            Some(old) => {
                let data = PmcData::new_of(self.heap.class_name(old)).unwrap_or(PmcData::Float(0.0));
                let r = self.heap.alloc(data);
                self.heap.set_number(Some(r), c)?;
                r
            }
        };
        f.p[dst.0 as usize] = Some(r);
        Ok(())
    }
}

/// `cmod I, I, I`: C's `%` (the sign of the dividend); by zero throws.
fn cmod(a: i64, b: i64) -> Result<i64, Exc> {
    if b == 0 {
        return Err(Exc::div_by_zero());
    }
    Ok(a.wrapping_rem(b))
}

/// Binary GCD of the absolute values, as obscure.ops writes it (0 with 0 gives the other).
fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.wrapping_abs(), b.wrapping_abs());
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let mut p = 0u32;
    while (a | b) & 1 == 0 {
        a >>= 1;
        b >>= 1;
        p += 1;
    }
    while a > 0 {
        if a & 1 == 0 {
            a >>= 1;
        } else if b & 1 == 0 {
            b >>= 1;
        } else if a < b {
            b = b.wrapping_sub(a) >> 1;
        } else {
            a = a.wrapping_sub(b) >> 1;
        }
    }
    b.wrapping_shl(p)
}

/// `|a| / gcd * |b|`, wrapping; 0 if either is 0.
fn lcm(a: i64, b: i64) -> i64 {
    if a == 0 || b == 0 {
        return 0;
    }
    let g = gcd(a, b);
    a.wrapping_abs().checked_div(g).unwrap_or(0).wrapping_mul(b.wrapping_abs())
}

/// `n!`, wrapping as Parrot's unsigned product does; 1 for 0 and below.
fn fact(n: i64) -> i64 {
    let (mut i, mut q) = (n, 1u64);
    // 66 factors hold 64 twos, after which the wrapped product is 0 for good: stop there
    // rather than count down from a large n.
    while i > 0 && q != 0 {
        q = q.wrapping_mul(i as u64);
        i -= 1;
    }
    q as i64
}

/// The `rand48` generator: `x := (0x5DEECE66D * x + 0xB) mod 2^48` (src/utils.c, and the C
/// library's `drand48` family Parrot uses where it has one).
#[derive(Clone, Copy, Debug)]
struct Rand48(u64);

impl Rand48 {
    const MASK: u64 = (1 << 48) - 1;
    /// `srand48(seed)`: the low 32 bits of the seed above 0x330E.
    fn seeded(seed: i64) -> Rand48 {
        Rand48(((seed as u64 & 0xffff_ffff) << 16) | 0x330e)
    }
    fn next(self) -> Rand48 {
        Rand48(self.0.wrapping_mul(0x5_deec_e66d).wrapping_add(0xb) & Self::MASK)
    }
}

thread_local! {
    /// The generator's state. Parrot keeps one per process and seeds it from the system's
    /// entropy when an interpreter starts (src/interp/api.c); so does Kea, once per thread.
    static RAND: std::cell::Cell<Rand48> = std::cell::Cell::new(Rand48::seeded(entropy()));
}

/// A seed from the standard library's per-process random keys.
fn entropy() -> i64 {
    use std::hash::{BuildHasher, Hasher};
    std::collections::hash_map::RandomState::new().build_hasher().finish() as i64
}

/// `drand48()`: the next number in [0, 1).
fn rand_unit() -> f64 {
    RAND.with(|r| {
        let x = r.get().next();
        r.set(x);
        x.0 as f64 / (1u64 << 48) as f64
    })
}

/// Parrot's `Parrot_util_range_rand(from, to)`: `from + int((to - from + 1) * drand48())`.
fn rand_range(from: i64, to: i64) -> i64 {
    let spread = to.wrapping_sub(from).wrapping_add(1) as f64;
    from.wrapping_add(num::num_to_int(spread * rand_unit()))
}
