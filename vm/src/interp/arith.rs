//! Conversions and arithmetic: `set`, `null`, `add`..`fdiv`, `pow`, `neg`, `abs`, `inc`,
//! `dec`, bitwise and logical ops, `time`.
//!
//! Integer and number semantics live here once, in `#[inline(always)]` functions (`int_add`,
//! `num_div`, ...) that `run_loop`'s hot arms, the lean loop (`tier/lean.rs`) and the handlers
//! below all call. Most handlers read their operands through [`Vm::val`] and write through
//! [`Vm::store`], so one rule covers every operand kind (spec/conversions).

use super::flow::{by_value, Flow};
use super::{ia, Frame, Vm};
use crate::error::{types, Exc};
use crate::interrupt::Meter;
use crate::num;
use crate::op::{IArg, IReg, NReg, Operand, PReg, SReg};
use crate::pmc::{Elem, PVal, PmcData};
use crate::string::Str;
use num_bigint::BigInt;
use num_integer::Integer as _;
use num_traits::{ToPrimitive, Zero};

/// An operand's value.
#[derive(Clone, Debug)]
pub(super) enum Val {
    I(i64),
    N(f64),
    S(Str),
    P(PVal),
}

impl Val {
    pub(super) fn into_elem(self) -> Elem {
        match self {
            Val::I(i) => Elem::I(i),
            Val::N(n) => Elem::N(n),
            Val::S(s) => Elem::S(s),
            Val::P(p) => Elem::P(p),
        }
    }
}

/// A number as Parrot's arithmetic sees it.
#[derive(Clone, Debug)]
pub(super) enum NumV {
    I(i64),
    B(BigInt),
    F(f64),
}

impl NumV {
    pub(super) fn f(&self) -> f64 {
        match self {
            NumV::I(i) => *i as f64,
            NumV::B(b) => b.to_f64().unwrap_or(f64::NAN),
            NumV::F(f) => *f,
        }
    }
    pub(super) fn big(&self) -> Option<BigInt> {
        match self {
            NumV::I(i) => Some(BigInt::from(*i)),
            NumV::B(b) => Some(b.clone()),
            NumV::F(_) => None,
        }
    }
    /// The PMC that holds this value: Integer, BigInt or Float.
    pub(super) fn into_pmc(self) -> PmcData {
        match self {
            NumV::I(i) => PmcData::Integer(i),
            NumV::B(b) => PmcData::BigInt(Box::new(b)),
            NumV::F(x) => PmcData::Float(x),
        }
    }
}

/// The most bits a BigInt may have: Kea's limit (Parrot's GMP has none but memory). It keeps
/// every BigInt op short (a multiplication at the limit, or printing such a number, takes well
/// under a second), so that none escapes `--max-time` (`interrupt.rs`); a result past it raises
/// [`big_too_large`].
pub const MAX_BIGINT_BITS: u64 = 1 << 20;

/// "BigInt too large": a result past [`MAX_BIGINT_BITS`].
#[cold]
pub(crate) fn big_too_large() -> Exc {
    Exc::new(types::EXCEPTION_ERR_OVERFLOW, format!("BigInt too large: more than {MAX_BIGINT_BITS} bits"))
}

/// BigInt arithmetic with the same rules as integers (truncating `div`, floored `mod`). Its
/// result stays within [`MAX_BIGINT_BITS`], and it charges fuel for its word operations and
/// looks at the interrupt flag first (`interrupt.rs`).
fn big_arith(op: Arith, a: BigInt, b: BigInt, meter: &Meter) -> Result<BigInt, Exc> {
    let (x, y) = (a.bits().div_ceil(64), b.bits().div_ceil(64));
    let (big, small) = (x.max(y), x.min(y).max(1));
    let words = match op {
        Arith::Add | Arith::Sub => big,
        Arith::Mul if a.bits() + b.bits() > MAX_BIGINT_BITS + 1 => return Err(big_too_large()),
        // Schoolbook below 32 words, Karatsuba above (num-bigint).
        Arith::Mul if small < 32 => big * small,
        Arith::Mul => big.saturating_mul((small as f64).powf(0.585) as u64),
        Arith::Div | Arith::Fdiv | Arith::Mod => x.saturating_sub(y).saturating_add(1).saturating_mul(small),
    };
    meter.charge(words / 4);
    meter.check()?;
    let zero = BigInt::zero();
    let r = match op {
        Arith::Add => a + b,
        Arith::Sub => a - b,
        Arith::Mul => a * b,
        Arith::Div | Arith::Fdiv | Arith::Mod if b == zero => {
            if op == Arith::Mod {
                return Ok(a);
            }
            return Err(Exc::div_by_zero());
        }
        Arith::Div => a / b,
        Arith::Fdiv => a.div_floor(&b),
        Arith::Mod => a.mod_floor(&b),
    };
    if r.bits() > MAX_BIGINT_BITS {
        return Err(big_too_large());
    }
    Ok(r)
}

/// Which arithmetic op.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Fdiv,
}

/// `a + b` on integers: wraps.
#[inline(always)]
pub(super) fn int_add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// `a - b` on integers: wraps.
#[inline(always)]
pub(super) fn int_sub(a: i64, b: i64) -> i64 {
    a.wrapping_sub(b)
}

/// `a * b` on integers: wraps.
#[inline(always)]
pub(super) fn int_mul(a: i64, b: i64) -> i64 {
    a.wrapping_mul(b)
}

/// `a / b` on integers: truncates; by zero throws.
#[inline(always)]
pub(super) fn int_div(a: i64, b: i64) -> Result<i64, Exc> {
    if b == 0 {
        return Err(Exc::div_by_zero());
    }
    Ok(a.wrapping_div(b))
}

/// `a // b` on integers: floors; by zero throws.
#[inline(always)]
pub(super) fn int_fdiv(a: i64, b: i64) -> Result<i64, Exc> {
    if b == 0 {
        return Err(Exc::div_by_zero());
    }
    let q = a.wrapping_div(b);
    Ok(if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) { q.wrapping_sub(1) } else { q })
}

/// `a mod b` on integers: floors (takes the sign of `b`); by zero gives `a`.
#[inline(always)]
pub(super) fn int_mod(a: i64, b: i64) -> i64 {
    if b == 0 {
        return a;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r.wrapping_add(b)
    } else {
        r
    }
}

/// `a + b` on numbers.
#[inline(always)]
pub(super) fn num_add(a: f64, b: f64) -> f64 {
    a + b
}

/// `a - b` on numbers.
#[inline(always)]
pub(super) fn num_sub(a: f64, b: f64) -> f64 {
    a - b
}

/// `a * b` on numbers.
#[inline(always)]
pub(super) fn num_mul(a: f64, b: f64) -> f64 {
    a * b
}

/// `a / b` on numbers: by zero throws, as Parrot does (not IEEE).
#[inline(always)]
pub(super) fn num_div(a: f64, b: f64) -> Result<f64, Exc> {
    if b == 0.0 {
        return Err(Exc::div_by_zero());
    }
    Ok(a / b)
}

/// `a // b` on numbers: the floor of the quotient; by zero throws.
#[inline(always)]
pub(super) fn num_fdiv(a: f64, b: f64) -> Result<f64, Exc> {
    if b == 0.0 {
        return Err(Exc::div_by_zero());
    }
    Ok((a / b).floor())
}

/// `a mod b` on numbers: floors; by zero gives `a`.
#[inline(always)]
pub(super) fn num_mod(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return a;
    }
    a - b * (a / b).floor()
}

/// Integer arithmetic on I registers (PDD-NOTES §3.5).
pub(super) fn int_arith(op: Arith, a: i64, b: i64) -> Result<i64, Exc> {
    Ok(match op {
        Arith::Add => int_add(a, b),
        Arith::Sub => int_sub(a, b),
        Arith::Mul => int_mul(a, b),
        Arith::Div => int_div(a, b)?,
        Arith::Fdiv => int_fdiv(a, b)?,
        Arith::Mod => int_mod(a, b),
    })
}

/// Number arithmetic on N registers.
pub(super) fn num_arith(op: Arith, a: f64, b: f64) -> Result<f64, Exc> {
    Ok(match op {
        Arith::Add => num_add(a, b),
        Arith::Sub => num_sub(a, b),
        Arith::Mul => num_mul(a, b),
        Arith::Div => num_div(a, b)?,
        Arith::Fdiv => num_fdiv(a, b)?,
        Arith::Mod => num_mod(a, b),
    })
}

by_value! { set_op(()):
    set_i_i(dst, src), set_i_ic(dst, src), set_i_n(dst, src), set_i_nc(dst, src), set_i_s(dst, src),
    set_i_sc(dst, src), set_i_p(dst, src), set_n_i(dst, src), set_n_ic(dst, src), set_n_n(dst, src),
    set_n_nc(dst, src), set_n_s(dst, src), set_n_sc(dst, src), set_n_p(dst, src), set_s_i(dst, src),
    set_s_ic(dst, src), set_s_n(dst, src), set_s_nc(dst, src), set_s_s(dst, src), set_s_sc(dst, src),
    set_s_p(dst, src), set_p_p(dst, src), set_p_i(dst, src), set_p_ic(dst, src), set_p_n(dst, src),
    set_p_nc(dst, src), set_p_s(dst, src), set_p_sc(dst, src),
}

by_value! { arith_op(Arith::Add):
    add_i_i(dst, rhs), add_i_ic(dst, rhs), add_n_n(dst, rhs), add_n_nc(dst, rhs), add_i_i_i(dst, lhs, rhs),
    add_i_i_ic(dst, lhs, rhs), add_i_ic_i(dst, lhs, rhs), add_n_n_n(dst, lhs, rhs), add_n_n_nc(dst, lhs, rhs),
    add_n_nc_n(dst, lhs, rhs), add_p_p_p(dst, lhs, rhs), add_p_p_i(dst, lhs, rhs), add_p_p_ic(dst, lhs, rhs),
    add_p_p_n(dst, lhs, rhs), add_p_p_nc(dst, lhs, rhs), add_p_p(dst, rhs), add_p_i(dst, rhs),
    add_p_ic(dst, rhs), add_p_n(dst, rhs), add_p_nc(dst, rhs), add_n_i(dst, rhs), add_n_i_n(dst, lhs, rhs),
    add_n_n_i(dst, lhs, rhs), add_n_i_i(dst, lhs, rhs),
}

by_value! { arith_op(Arith::Sub):
    sub_i_i(dst, rhs), sub_i_ic(dst, rhs), sub_n_n(dst, rhs), sub_n_nc(dst, rhs), sub_i_i_i(dst, lhs, rhs),
    sub_i_i_ic(dst, lhs, rhs), sub_i_ic_i(dst, lhs, rhs), sub_n_n_n(dst, lhs, rhs), sub_n_n_nc(dst, lhs, rhs),
    sub_n_nc_n(dst, lhs, rhs), sub_p_p_p(dst, lhs, rhs), sub_p_p_i(dst, lhs, rhs), sub_p_p_ic(dst, lhs, rhs),
    sub_p_p_n(dst, lhs, rhs), sub_p_p_nc(dst, lhs, rhs), sub_p_p(dst, rhs), sub_p_i(dst, rhs),
    sub_p_ic(dst, rhs), sub_p_n(dst, rhs), sub_p_nc(dst, rhs), sub_n_i(dst, rhs), sub_n_i_n(dst, lhs, rhs),
    sub_n_n_i(dst, lhs, rhs), sub_n_i_i(dst, lhs, rhs),
}

by_value! { arith_op(Arith::Mul):
    mul_i_i(dst, rhs), mul_i_ic(dst, rhs), mul_n_n(dst, rhs), mul_n_nc(dst, rhs), mul_i_i_i(dst, lhs, rhs),
    mul_i_i_ic(dst, lhs, rhs), mul_i_ic_i(dst, lhs, rhs), mul_n_n_n(dst, lhs, rhs), mul_n_n_nc(dst, lhs, rhs),
    mul_n_nc_n(dst, lhs, rhs), mul_p_p_p(dst, lhs, rhs), mul_p_p_i(dst, lhs, rhs), mul_p_p_ic(dst, lhs, rhs),
    mul_p_p_n(dst, lhs, rhs), mul_p_p_nc(dst, lhs, rhs), mul_p_p(dst, rhs), mul_p_i(dst, rhs),
    mul_p_ic(dst, rhs), mul_p_n(dst, rhs), mul_p_nc(dst, rhs), mul_n_i(dst, rhs), mul_n_i_n(dst, lhs, rhs),
    mul_n_n_i(dst, lhs, rhs), mul_n_i_i(dst, lhs, rhs),
}

by_value! { arith_op(Arith::Div):
    div_i_i(dst, rhs), div_i_ic(dst, rhs), div_n_n(dst, rhs), div_n_nc(dst, rhs), div_i_i_i(dst, lhs, rhs),
    div_i_i_ic(dst, lhs, rhs), div_i_ic_i(dst, lhs, rhs), div_n_n_n(dst, lhs, rhs), div_n_n_nc(dst, lhs, rhs),
    div_n_nc_n(dst, lhs, rhs), div_p_p_p(dst, lhs, rhs), div_p_p_i(dst, lhs, rhs), div_p_p_ic(dst, lhs, rhs),
    div_p_p_n(dst, lhs, rhs), div_p_p_nc(dst, lhs, rhs), div_p_p(dst, rhs), div_p_i(dst, rhs),
    div_p_ic(dst, rhs), div_p_n(dst, rhs), div_p_nc(dst, rhs), div_n_i(dst, rhs), div_n_i_n(dst, lhs, rhs),
    div_n_n_i(dst, lhs, rhs), div_n_i_i(dst, lhs, rhs),
}

by_value! { arith_op(Arith::Mod):
    mod_i_i(dst, rhs), mod_i_ic(dst, rhs), mod_n_n(dst, rhs), mod_n_nc(dst, rhs), mod_i_i_i(dst, lhs, rhs),
    mod_i_i_ic(dst, lhs, rhs), mod_i_ic_i(dst, lhs, rhs), mod_n_n_n(dst, lhs, rhs), mod_n_n_nc(dst, lhs, rhs),
    mod_n_nc_n(dst, lhs, rhs), mod_p_p_p(dst, lhs, rhs), mod_p_p_i(dst, lhs, rhs), mod_p_p_ic(dst, lhs, rhs),
    mod_p_p_n(dst, lhs, rhs), mod_p_p_nc(dst, lhs, rhs), mod_p_p(dst, rhs), mod_p_i(dst, rhs),
    mod_p_ic(dst, rhs), mod_p_n(dst, rhs), mod_p_nc(dst, rhs), mod_n_i(dst, rhs), mod_n_i_n(dst, lhs, rhs),
    mod_n_n_i(dst, lhs, rhs), mod_n_i_i(dst, lhs, rhs),
}

by_value! { arith_op(Arith::Fdiv):
    fdiv_i_i(dst, rhs), fdiv_i_ic(dst, rhs), fdiv_n_n(dst, rhs), fdiv_n_nc(dst, rhs), fdiv_i_i_i(dst, lhs, rhs),
    fdiv_i_i_ic(dst, lhs, rhs), fdiv_i_ic_i(dst, lhs, rhs), fdiv_n_n_n(dst, lhs, rhs),
    fdiv_n_n_nc(dst, lhs, rhs), fdiv_n_nc_n(dst, lhs, rhs), fdiv_p_p_p(dst, lhs, rhs),
    fdiv_p_p_i(dst, lhs, rhs), fdiv_p_p_ic(dst, lhs, rhs), fdiv_p_p_n(dst, lhs, rhs),
    fdiv_p_p_nc(dst, lhs, rhs), fdiv_p_p(dst, rhs), fdiv_p_i(dst, rhs), fdiv_p_ic(dst, rhs), fdiv_p_n(dst, rhs),
    fdiv_p_nc(dst, rhs), fdiv_n_i(dst, rhs), fdiv_n_i_n(dst, lhs, rhs), fdiv_n_n_i(dst, lhs, rhs),
    fdiv_n_i_i(dst, lhs, rhs),
}

by_value! { bits_op(|a, b| a & b):
    band_i_i(dst, rhs), band_i_i_i(dst, lhs, rhs), band_i_i_ic(dst, lhs, rhs), band_i_ic_i(dst, lhs, rhs),
}

by_value! { bits_op(|a, b| a | b):
    bor_i_i(dst, rhs), bor_i_i_i(dst, lhs, rhs), bor_i_i_ic(dst, lhs, rhs), bor_i_ic_i(dst, lhs, rhs),
}

by_value! { bits_op(|a, b| a ^ b):
    bxor_i_i(dst, rhs), bxor_i_i_i(dst, lhs, rhs), bxor_i_i_ic(dst, lhs, rhs), bxor_i_ic_i(dst, lhs, rhs),
}

by_value! { bits_op(shl):
    shl_i_i(dst, rhs), shl_i_i_i(dst, lhs, rhs), shl_i_i_ic(dst, lhs, rhs), shl_i_ic_i(dst, lhs, rhs),
}

by_value! { bits_op(shr):
    shr_i_i(dst, rhs), shr_i_i_i(dst, lhs, rhs), shr_i_i_ic(dst, lhs, rhs), shr_i_ic_i(dst, lhs, rhs),
}

by_value! { bits_op(lsr):
    lsr_i_i(dst, rhs), lsr_i_i_i(dst, lhs, rhs), lsr_i_i_ic(dst, lhs, rhs), lsr_i_ic_i(dst, lhs, rhs),
}

by_value! { pow_op(()):
    pow_n_n_n(dst, lhs, rhs), pow_n_n_nc(dst, lhs, rhs), pow_n_nc_n(dst, lhs, rhs), pow_n_n_i(dst, lhs, rhs),
    pow_n_n_ic(dst, lhs, rhs),
}

/// `null I`
pub(super) fn null_i(_: &mut Vm, f: &mut Frame, dst: IReg) -> Flow {
    f.i[dst.0 as usize] = 0;
    Flow::Next
}

/// `null N`
pub(super) fn null_n(_: &mut Vm, f: &mut Frame, dst: NReg) -> Flow {
    f.n[dst.0 as usize] = 0.0;
    Flow::Next
}

/// `null S`
pub(super) fn null_s(_: &mut Vm, f: &mut Frame, dst: SReg) -> Flow {
    f.s[dst.0 as usize] = Str::null();
    Flow::Next
}

/// `null P`
pub(super) fn null_p(_: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = None;
    Flow::Next
}

/// `pow I, I, I`: see [`int_pow`].
pub(super) fn pow_i_i_i(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: IReg, rhs: IArg) -> Flow {
    let (b, e) = (f.i[lhs.0 as usize], ia(f, rhs));
    f.i[dst.0 as usize] = int_pow(b, e);
    Flow::Next
}

/// Handlers of the form `R(dst) := expr(R(src))` on one register kind.
macro_rules! unary {
    ($($name:ident($reg:ident: $ty:ty, $dst:ident $(, $src:ident)?) => |$x:ident| $e:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`")]
        pub(super) fn $name(_: &mut Vm, f: &mut Frame, $dst: $ty $(, $src: $ty)?) -> Flow {
            #[allow(unused_variables)]
            let src = $dst;
            $(let src = $src;)?
            let $x = f.$reg[src.0 as usize];
            f.$reg[$dst.0 as usize] = $e;
            Flow::Next
        }
    )*};
}

unary! {
    neg_i(i: IReg, dst) => |x| x.wrapping_neg();
    neg_i_i(i: IReg, dst, src) => |x| x.wrapping_neg();
    neg_n(n: NReg, dst) => |x| -x;
    neg_n_n(n: NReg, dst, src) => |x| -x;
    abs_i(i: IReg, dst) => |x| x.wrapping_abs();
    abs_i_i(i: IReg, dst, src) => |x| x.wrapping_abs();
    abs_n(n: NReg, dst) => |x| x.abs();
    abs_n_n(n: NReg, dst, src) => |x| x.abs();
    inc_i(i: IReg, dst) => |x| int_add(x, 1);
    dec_i(i: IReg, dst) => |x| int_sub(x, 1);
    inc_n(n: NReg, dst) => |x| num_add(x, 1.0);
    dec_n(n: NReg, dst) => |x| num_sub(x, 1.0);
    bnot_i(i: IReg, dst) => |x| !x;
    bnot_i_i(i: IReg, dst, src) => |x| !x;
    not_i(i: IReg, dst) => |x| i64::from(x == 0);
}

/// `neg N, I`: IMCC reads the I register as a number (`try_find_op` in
/// compilers/imcc/parser_util.c), so this is `neg N, N` on its value.
pub(super) fn neg_n_i(_: &mut Vm, f: &mut Frame, dst: NReg, src: IReg) -> Flow {
    f.n[dst.0 as usize] = -(f.i[src.0 as usize] as f64);
    Flow::Next
}

/// `abs N, I`: `abs N, N` on the I register's value, as for `neg N, I`.
pub(super) fn abs_n_i(_: &mut Vm, f: &mut Frame, dst: NReg, src: IReg) -> Flow {
    f.n[dst.0 as usize] = (f.i[src.0 as usize] as f64).abs();
    Flow::Next
}

/// `neg P`: in place.
pub(super) fn neg_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    vm.unary_pmc(f, dst.0, dst.0, true, true).into()
}

/// `neg P, P`: a new PMC.
pub(super) fn neg_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    vm.unary_pmc(f, dst.0, src.0, true, false).into()
}

/// `abs P`: in place.
pub(super) fn abs_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    vm.unary_pmc(f, dst.0, dst.0, false, true).into()
}

/// `abs P, P`: a new PMC.
pub(super) fn abs_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    vm.unary_pmc(f, dst.0, src.0, false, false).into()
}

/// `inc P`: the PMC's value plus 1, in place.
pub(super) fn inc_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    vm.step_pmc(f.p[dst.0 as usize], Arith::Add, "increment").into()
}

/// `dec P`: the PMC's value minus 1, in place.
pub(super) fn dec_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    vm.step_pmc(f.p[dst.0 as usize], Arith::Sub, "decrement").into()
}

/// `not I, I`
pub(super) fn not_i_i(_: &mut Vm, f: &mut Frame, dst: IReg, src: IArg) -> Flow {
    f.i[dst.0 as usize] = i64::from(ia(f, src) == 0);
    Flow::Next
}

/// `and I, I, I`: `lhs` if it is false, else `rhs`.
pub(super) fn and_i_i_i(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: IArg, rhs: IArg) -> Flow {
    let a = ia(f, lhs);
    f.i[dst.0 as usize] = if a == 0 { a } else { ia(f, rhs) };
    Flow::Next
}

/// `or I, I, I`: `lhs` if it is true, else `rhs`.
pub(super) fn or_i_i_i(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: IArg, rhs: IArg) -> Flow {
    let a = ia(f, lhs);
    f.i[dst.0 as usize] = if a != 0 { a } else { ia(f, rhs) };
    Flow::Next
}

/// `xor I, I, I`: the one that is true, if only one is.
pub(super) fn xor_i_i_i(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: IArg, rhs: IArg) -> Flow {
    let (a, b) = (ia(f, lhs), ia(f, rhs));
    f.i[dst.0 as usize] = match (a != 0, b != 0) {
        (true, false) => a,
        (false, true) => b,
        _ => 0,
    };
    Flow::Next
}

/// `time I`: seconds since the epoch, by the host's clock.
pub(super) fn time_i(vm: &mut Vm, f: &mut Frame, dst: IReg) -> Flow {
    f.i[dst.0 as usize] = (vm.clock)().as_secs() as i64;
    Flow::Next
}

/// `time N`
pub(super) fn time_n(vm: &mut Vm, f: &mut Frame, dst: NReg) -> Flow {
    f.n[dst.0 as usize] = (vm.clock)().as_secs_f64();
    Flow::Next
}

impl Vm {
    /// The value of any operand.
    pub(super) fn val(&self, f: &Frame, o: Operand) -> Val {
        match o {
            Operand::I(r) => Val::I(f.i[r.0 as usize]),
            Operand::N(r) => Val::N(f.n[r.0 as usize]),
            Operand::S(r) => Val::S(f.s[r.0 as usize].clone()),
            Operand::P(r) => Val::P(f.p[r.0 as usize]),
            Operand::Ic(v) => Val::I(v),
            Operand::Nc(v) => Val::N(v),
            Operand::Sc(id) => Val::S(f.code.str(id).clone()),
            Operand::Ix(a) => Val::I(super::ia(f, a)),
            Operand::Nx(a) => Val::N(super::na(f, a)),
            Operand::Sx(a) => Val::S(super::sa(f, a)),
            Operand::L(l) => Val::I(i64::from(l.0)),
            Operand::K(_) | Operand::V(_) => Val::I(0),
        }
    }

    pub(super) fn to_i(&self, v: &Val) -> Result<i64, Exc> {
        Ok(match v {
            Val::I(i) => *i,
            Val::N(n) => num::num_to_int(*n),
            Val::S(s) => num::parse_int(s.as_bytes()),
            Val::P(p) => self.heap.get_integer(*p)?,
        })
    }
    pub(super) fn to_n(&self, v: &Val) -> Result<f64, Exc> {
        Ok(match v {
            Val::I(i) => *i as f64,
            Val::N(n) => *n,
            Val::S(s) => num::parse_num(s.as_bytes()),
            Val::P(p) => self.heap.get_number(*p)?,
        })
    }
    pub(super) fn to_s(&self, v: &Val) -> Result<Str, Exc> {
        Ok(match v {
            Val::I(i) => Str::from(i.to_string()),
            Val::N(n) => Str::from(num::fmt_str(*n)),
            Val::S(s) => s.clone(),
            Val::P(p) => self.heap.get_string(*p)?,
        })
    }

    /// Writes `v` to a register operand, converting to the register's kind; a non-PMC value
    /// stored to a P register is assigned into the PMC there (its `set_*_native`).
    pub(super) fn store(&mut self, f: &mut Frame, dst: Operand, v: Val) -> Result<(), Exc> {
        match dst {
            Operand::I(r) => f.i[r.0 as usize] = self.to_i(&v)?,
            Operand::N(r) => f.n[r.0 as usize] = self.to_n(&v)?,
            Operand::S(r) => f.s[r.0 as usize] = self.to_s(&v)?,
            Operand::P(r) => {
                let p = f.p[r.0 as usize];
                match v {
                    Val::P(src) => f.p[r.0 as usize] = src,
                    Val::I(i) => self.heap.set_integer(p, i)?,
                    Val::N(n) => self.heap.set_number(p, n)?,
                    Val::S(s) => self.heap.set_string(p, s)?,
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Parrot's numeric view of a value for PMC arithmetic.
    pub(super) fn numv(&self, v: &Val) -> Result<NumV, Exc> {
        Ok(match v {
            Val::I(i) => NumV::I(*i),
            Val::N(n) => NumV::F(*n),
            Val::S(s) => str_numv(s),
            Val::P(p) => {
                let r = p.ok_or_else(|| Exc::null_access("get_number"))?;
                match self.heap.get(r) {
                    PmcData::Integer(i) => NumV::I(*i),
                    PmcData::BigInt(b) => NumV::B((**b).clone()),
                    PmcData::Boolean(b) => NumV::I(i64::from(*b)),
                    PmcData::Float(f) => NumV::F(*f),
                    PmcData::String(s) => str_numv(s),
                    PmcData::Undef => NumV::I(0),
                    _ => NumV::F(self.heap.get_number(*p)?),
                }
            }
        })
    }

    /// Arithmetic between PMCs and values: integers stay integers and overflow into BigInt
    /// (as Parrot's Integer PMC does); anything with a number in it is a number.
    pub(super) fn pmc_arith(&self, op: Arith, a: &Val, b: &Val) -> Result<NumV, Exc> {
        let (x, y) = (self.numv(a)?, self.numv(b)?);
        // Parrot's PMCs throw where the registers do not, with their own words.
        if y.f() == 0.0 {
            match op {
                Arith::Div | Arith::Fdiv => {
                    return Err(Exc::new(types::EXCEPTION_DIV_BY_ZERO, "float division by zero"));
                }
                Arith::Mod => {
                    let m = if matches!(x, NumV::F(_)) || matches!(y, NumV::F(_)) { "float" } else { "int" };
                    return Err(Exc::new(types::EXCEPTION_DIV_BY_ZERO, format!("{m} modulus by zero")));
                }
                _ => {}
            }
        }
        // Parrot's Integer PMC divides by a plain number through Scalar (a Float result) and
        // by a Float PMC through its own MULTI (an Integer, truncated); Integer by Integer stays
        // integral (spec/pmc, "PMC arithmetic").
        if op == Arith::Div && matches!(x, NumV::I(_)) && matches!(a, Val::P(_)) {
            match b {
                Val::I(_) | Val::N(_) => return Ok(NumV::F(x.f() / y.f())),
                Val::P(_) if matches!(y, NumV::F(_)) => return Ok(NumV::I(num::num_to_int((x.f() / y.f()).trunc()))),
                _ => {}
            }
        }
        Ok(match (&x, &y) {
            (NumV::I(p), NumV::I(q)) => {
                let (p, q) = (*p, *q);
                let checked = match op {
                    Arith::Add => p.checked_add(q),
                    Arith::Sub => p.checked_sub(q),
                    Arith::Mul => p.checked_mul(q),
                    Arith::Div | Arith::Fdiv if q == -1 && p == i64::MIN => None,
                    _ => Some(int_arith(op, p, q)?),
                };
                match checked {
                    Some(v) => NumV::I(v),
                    None => NumV::B(big_arith(op, BigInt::from(p), BigInt::from(q), &self.heap.meter)?),
                }
            }
            (NumV::F(_), _) | (_, NumV::F(_)) => NumV::F(num_arith(op, x.f(), y.f())?),
            _ => match (x.big(), y.big()) {
                (Some(p), Some(q)) => NumV::B(big_arith(op, p, q, &self.heap.meter)?),
                _ => NumV::F(num_arith(op, x.f(), y.f())?),
            },
        })
    }

    /// `set` (and `assign` of a plain value) of any kind into any kind: `[dst, src]`.
    pub(super) fn set_op(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let v = self.val(f, o[1]);
        self.store(f, o[0], v)
    }

    /// `pow` into an N register: `[dst, lhs, rhs]`; an integer exponent multiplies by
    /// repeated squaring, as Parrot's `pow_n_n_i` does ([`pow_int`]).
    pub(super) fn pow_op(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
        let x = self.to_n(&a)?;
        let v = match b {
            Val::I(e) => pow_int(x, e),
            _ => x.powf(self.to_n(&b)?),
        };
        self.store(f, o[0], Val::N(v))
    }

    /// `inc P` / `dec P`: the PMC's value plus or minus 1, in place.
    fn step_pmc(&mut self, p: PVal, a: Arith, what: &str) -> Result<(), Exc> {
        if p.is_none() {
            return Err(Exc::null_access(what));
        }
        let v = self.pmc_arith(a, &Val::P(p), &Val::I(1))?;
        self.set_numv(p, v)
    }

    /// A bitwise op: `[dst, rhs]` in place or `[dst, lhs, rhs]`.
    fn bits_op(&mut self, f: &mut Frame, fun: fn(i64, i64) -> i64, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) =
            if o.len() == 2 { (self.val(f, o[0]), self.val(f, o[1])) } else { (self.val(f, o[1]), self.val(f, o[2])) };
        let v = fun(self.to_i(&a)?, self.to_i(&b)?);
        self.store(f, o[0], Val::I(v))
    }

    /// `add`..`fdiv` of any kinds: `[dst, rhs]` in place or `[dst, lhs, rhs]`.
    fn arith_op(&mut self, f: &mut Frame, a: Arith, o: &[Operand]) -> Result<(), Exc> {
        // Two operands: dst op= rhs. Three: dst = lhs op rhs.
        let (lhs, rhs) =
            if o.len() == 2 { (self.val(f, o[0]), self.val(f, o[1])) } else { (self.val(f, o[1]), self.val(f, o[2])) };
        match o[0] {
            Operand::I(_) => {
                let v = int_arith(a, self.to_i(&lhs)?, self.to_i(&rhs)?)?;
                self.store(f, o[0], Val::I(v))
            }
            Operand::N(_) => {
                let v = num_arith(a, self.to_n(&lhs)?, self.to_n(&rhs)?)?;
                self.store(f, o[0], Val::N(v))
            }
            Operand::P(r) => {
                if let Val::P(None) = lhs {
                    return Err(Exc::null_access(arith_vtable(a)));
                }
                let v = self.pmc_arith(a, &lhs, &rhs)?;
                if o.len() == 2 {
                    // In place: the PMC in dst takes the result.
                    self.set_numv(f.p[r.0 as usize], v)
                } else {
                    let p = self.heap.alloc(v.into_pmc());
                    f.p[r.0 as usize] = Some(p);
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    fn set_numv(&mut self, p: PVal, v: NumV) -> Result<(), Exc> {
        match v {
            NumV::I(i) => self.heap.set_integer(p, i),
            NumV::F(x) => self.heap.set_number(p, x),
            b @ NumV::B(_) => {
                let r = p.ok_or_else(|| Exc::null_access("set_pmc"))?;
                *self.heap.get_mut(r) = b.into_pmc();
                Ok(())
            }
        }
    }

    fn unary_pmc(&mut self, f: &mut Frame, dst: u16, src: u16, neg: bool, in_place: bool) -> Result<(), Exc> {
        let p = f.p[src as usize];
        let what = if neg { "neg" } else { "absolute" };
        if p.is_none() {
            return Err(Exc::null_access(what));
        }
        let v = match self.numv(&Val::P(p))? {
            NumV::I(i) if neg => i.checked_neg().map_or_else(|| NumV::B(-BigInt::from(i)), NumV::I),
            NumV::I(i) => i.checked_abs().map_or_else(|| NumV::B(BigInt::from(i).abs_big()), NumV::I),
            NumV::B(b) => NumV::B(if neg { -b } else { b.abs_big() }),
            NumV::F(x) => NumV::F(if neg { -x } else { x.abs() }),
        };
        if in_place {
            self.set_numv(p, v)
        } else {
            let r = self.heap.alloc(v.into_pmc());
            f.p[dst as usize] = Some(r);
            Ok(())
        }
    }
}

fn arith_vtable(a: Arith) -> &'static str {
    match a {
        Arith::Add => "add",
        Arith::Sub => "subtract",
        Arith::Mul => "multiply",
        Arith::Div => "divide",
        Arith::Mod => "modulus",
        Arith::Fdiv => "floor_divide",
    }
}

fn str_numv(s: &Str) -> NumV {
    let b = s.as_bytes();
    let t: &[u8] = {
        let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
        &b[n..]
    };
    let looks_float =
        t.iter().any(|&c| c == b'.' || c == b'e' || c == b'E' || c == b'n' || c == b'N' || c == b'i' || c == b'I');
    if looks_float {
        NumV::F(num::parse_num(b))
    } else {
        NumV::I(num::parse_int(b))
    }
}

/// `a << b`; a negative `b` shifts right (Parrot's `bit_shift_left`).
pub(super) fn shl(a: i64, b: i64) -> i64 {
    if b < 0 {
        a >> b.saturating_neg().min(63)
    } else if b >= 64 {
        0
    } else {
        a.wrapping_shl(b as u32)
    }
}

/// `a >> b`, arithmetic; a negative `b` shifts left.
pub(super) fn shr(a: i64, b: i64) -> i64 {
    if b < 0 {
        shl(a, b.saturating_neg())
    } else {
        a >> b.min(63)
    }
}

/// `a >> b`, logical; a negative `b` shifts left.
pub(super) fn lsr(a: i64, b: i64) -> i64 {
    if b < 0 {
        shl(a, b.saturating_neg())
    } else if b >= 64 {
        0
    } else {
        ((a as u64) >> b) as i64
    }
}

/// `b ** e` on integers: wraps on overflow; a negative exponent gives 0 (or ±1 for ±1).
fn int_pow(b: i64, e: i64) -> i64 {
    if e < 0 {
        return match b {
            1 => 1,
            -1 => {
                if e % 2 == 0 {
                    1
                } else {
                    -1
                }
            }
            _ => 0,
        };
    }
    let mut result: i64 = 1;
    let mut base = b;
    let mut e = e as u64;
    while e > 0 {
        if e & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        e >>= 1;
    }
    result
}

trait AbsBig {
    fn abs_big(self) -> BigInt;
}
impl AbsBig for BigInt {
    fn abs_big(self) -> BigInt {
        if self < BigInt::zero() {
            -self
        } else {
            self
        }
    }
}

/// `x ** e` by repeated squaring, as Parrot's `pow(out NUM, in NUM, in INT)`: a negative
/// exponent gives the reciprocal.
fn pow_int(x: f64, e: i64) -> f64 {
    let (mut base, mut res) = (x, 1.0);
    let mut k = e.unsigned_abs();
    while k != 0 {
        if k & 1 == 1 {
            res *= base;
        }
        base *= base;
        k >>= 1;
    }
    if e < 0 {
        1.0 / res
    } else {
        res
    }
}
