//! Conversions, comparisons and arithmetic: `set`, `assign`, `null`, `eq`..`ge`, `is*`, `cmp`,
//! `add`..`fdiv`, `pow`, `neg`, `abs`, `inc`, `dec`, bitwise and logical ops, `time`.
//!
//! Integer and number semantics live here once, in `#[inline(always)]` functions (`int_add`,
//! `num_div`, ...) that the hot register forms in the loop (`interp/mod.rs`), the lean loop
//! (`lean.rs`) and everything here call. Everything here reads its operands through
//! [`Vm::val`] and writes through [`Vm::store`], so one rule covers every operand kind
//! (spec/conversions).

use super::{Frame, Vm};
use crate::error::{types, Exc};
use crate::num;
use crate::op::{Op, Operand};
use crate::pmc::{Elem, PVal, PmcData};
use crate::string::Str;
use num_bigint::BigInt;
use num_integer::Integer as _;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;
use std::sync::OnceLock;

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
    fn f(&self) -> f64 {
        match self {
            NumV::I(i) => *i as f64,
            NumV::B(b) => b.to_f64().unwrap_or(f64::NAN),
            NumV::F(f) => *f,
        }
    }
    fn big(&self) -> Option<BigInt> {
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

/// BigInt arithmetic with the same rules as integers (truncating `div`, floored `mod`).
fn big_arith(op: Arith, a: BigInt, b: BigInt) -> Result<BigInt, Exc> {
    let zero = BigInt::zero();
    Ok(match op {
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
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn test(self, o: Option<Ordering>) -> bool {
        match self {
            Cmp::Eq => o == Some(Ordering::Equal),
            Cmp::Ne => o != Some(Ordering::Equal),
            Cmp::Lt => o == Some(Ordering::Less),
            Cmp::Le => matches!(o, Some(Ordering::Less | Ordering::Equal)),
            Cmp::Gt => o == Some(Ordering::Greater),
            Cmp::Ge => matches!(o, Some(Ordering::Greater | Ordering::Equal)),
        }
    }
    fn from_mnemonic(m: &str) -> Option<Cmp> {
        Some(match m {
            "eq" | "iseq" => Cmp::Eq,
            "ne" | "isne" => Cmp::Ne,
            "lt" | "islt" => Cmp::Lt,
            "le" | "isle" => Cmp::Le,
            "gt" | "isgt" => Cmp::Gt,
            "ge" | "isge" => Cmp::Ge,
            _ => return None,
        })
    }
}

/// A table indexed by op number (numbers may leave gaps; a gap gets `gap`).
fn by_opcode<T: Clone>(f: impl Fn(&crate::op::OpInfo) -> T, gap: T) -> Vec<T> {
    let n = crate::op::OPS.last().map_or(0, |i| i.opcode as usize + 1);
    let mut v = vec![gap; n];
    for i in crate::op::OPS {
        v[i.opcode as usize] = f(i);
    }
    v
}

/// For each opcode: is it a two-value branch (`eq`..`ge`) or test (`iseq`..`isge`), and which.
fn cmp_table() -> &'static [Option<Cmp>] {
    static T: OnceLock<Vec<Option<Cmp>>> = OnceLock::new();
    T.get_or_init(|| by_opcode(|i| Cmp::from_mnemonic(i.mnemonic), None))
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Fdiv,
}

impl Arith {
    fn from_mnemonic(m: &str) -> Option<Arith> {
        Some(match m {
            "add" => Arith::Add,
            "sub" => Arith::Sub,
            "mul" => Arith::Mul,
            "div" => Arith::Div,
            "mod" => Arith::Mod,
            "fdiv" => Arith::Fdiv,
            _ => return None,
        })
    }
}

/// Which handler family runs an op that is not in the loop's own match.
#[derive(Clone, Copy)]
enum Family {
    Arith,
    Bits(fn(i64, i64) -> i64),
    String,
    Pmc,
    /// Calls, IO and exceptions: handled by the loop itself, with the whole task.
    Task,
}

fn family_table() -> &'static [Family] {
    static T: OnceLock<Vec<Family>> = OnceLock::new();
    T.get_or_init(|| {
        by_opcode(
            |i| match i.mnemonic {
                "band" => Family::Bits(|a, b| a & b),
                "bor" => Family::Bits(|a, b| a | b),
                "bxor" => Family::Bits(|a, b| a ^ b),
                "shl" => Family::Bits(shl),
                "shr" => Family::Bits(|a, b| if b < 0 { shl(a, b.saturating_neg()) } else { a >> b.min(63) }),
                "lsr" => Family::Bits(|a, b| {
                    if b < 0 {
                        shl(a, b.saturating_neg())
                    } else if b >= 64 {
                        0
                    } else {
                        ((a as u64) >> b) as i64
                    }
                }),
                "concat" | "length" | "bytelength" | "substr" | "replace" | "index" | "ord" | "chr" | "repeat"
                | "upcase" | "downcase" | "titlecase" | "sprintf" | "split" | "join" => Family::String,
                "new" | "typeof" | "isa" | "does" | "can" | "elements" | "push" | "pop" | "shift" | "unshift"
                | "exists" | "defined" | "delete" | "iter" | "clone" | "assign" | "find_name" | "get_global"
                | "set_global" | "find_sub_not_null" | "newclass" | "addattribute" | "setattribute"
                | "getattribute" | "find_method" => Family::Pmc,
                "set_args" | "get_params" | "set_returns" | "get_results" | "invokecc" | "tailcall" | "returncc"
                | "callmethodcc" | "print" | "say" | "printerr" | "getstdin" | "getstdout" | "getstderr" | "open"
                | "close" | "read" | "readline" | "sleep" | "push_eh" | "set_addr" | "pop_eh" | "count_eh"
                | "throw" | "rethrow" | "die" => Family::Task,
                // Keyed `set` lives with the PMC ops; every other `set` is a conversion.
                "set" if i.operands.iter().any(|o| o.kind == crate::op::Kind::K) => Family::Pmc,
                _ => Family::Arith,
            },
            Family::Task,
        )
    })
}

fn arith_table() -> &'static [Option<Arith>] {
    static T: OnceLock<Vec<Option<Arith>>> = OnceLock::new();
    T.get_or_init(|| by_opcode(|i| Arith::from_mnemonic(i.mnemonic), None))
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
                    None => NumV::B(big_arith(op, BigInt::from(p), BigInt::from(q))?),
                }
            }
            (NumV::F(_), _) | (_, NumV::F(_)) => NumV::F(num_arith(op, x.f(), y.f())?),
            _ => match (x.big(), y.big()) {
                (Some(p), Some(q)) => NumV::B(big_arith(op, p, q)?),
                _ => NumV::F(num_arith(op, x.f(), y.f())?),
            },
        })
    }

    /// Compares two values the way the two-value branches do.
    pub(super) fn compare(&self, a: &Val, b: &Val) -> Result<Option<Ordering>, Exc> {
        Ok(match (a, b) {
            (Val::I(x), Val::I(y)) => Some(x.cmp(y)),
            (Val::N(x), Val::N(y)) => x.partial_cmp(y),
            (Val::I(x), Val::N(y)) => (*x as f64).partial_cmp(y),
            (Val::N(x), Val::I(y)) => x.partial_cmp(&(*y as f64)),
            (Val::S(x), Val::S(y)) => Some(x.cmp(y)),
            (Val::P(p), Val::S(s)) => Some(self.heap.get_string(*p)?.cmp(s)),
            (Val::S(s), Val::P(p)) => Some(s.cmp(&self.heap.get_string(*p)?)),
            (Val::P(p), Val::P(q)) => {
                let is_str = |p: &PVal| p.map(|r| matches!(self.heap.get(r), PmcData::String(_))).unwrap_or(false);
                if is_str(p) && is_str(q) {
                    Some(self.heap.get_string(*p)?.cmp(&self.heap.get_string(*q)?))
                } else {
                    self.num_compare(a, b)?
                }
            }
            _ => self.num_compare(a, b)?,
        })
    }

    fn num_compare(&self, a: &Val, b: &Val) -> Result<Option<Ordering>, Exc> {
        Ok(match (self.numv(a)?, self.numv(b)?) {
            (NumV::I(x), NumV::I(y)) => Some(x.cmp(&y)),
            (x @ (NumV::I(_) | NumV::B(_)), y @ (NumV::I(_) | NumV::B(_))) => x.big().partial_cmp(&y.big()),
            (x, y) => x.f().partial_cmp(&y.f()),
        })
    }

    /// A two-value conditional branch: whether it is taken, and where to.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn cond_branch(&self, f: &Frame, op: Op) -> Option<(Result<bool, Exc>, u32)> {
        let c = cmp_table()[op.opcode() as usize]?;
        let o = op.operands();
        let Operand::L(target) = *o.get(2)? else { return None };
        let (a, b) = (self.val(f, o[0]), self.val(f, o[1]));
        Some((self.compare(&a, &b).map(|ord| c.test(ord)), target.0))
    }

    /// The families of ops that need only the frame and the heap: one table lookup picks
    /// the family, so an op pays for one operand decode (bench/fib).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn exec_family(&mut self, f: &mut Frame, op: Op) -> Option<Result<(), Exc>> {
        match family_table()[op.opcode() as usize] {
            Family::Arith => self.exec_arith(f, op),
            Family::Bits(fun) => Some(self.exec_bits(f, fun, &op.operands())),
            Family::String => self.exec_string(f, op),
            Family::Pmc => self.exec_pmc(f, op),
            Family::Task => None,
        }
    }

    fn exec_arith(&mut self, f: &mut Frame, op: Op) -> Option<Result<(), Exc>> {
        let o = op.operands();
        let code = op.opcode() as usize;
        if let Some(c) = cmp_table()[code] {
            // iseq..isge: dst, lhs, rhs
            let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
            return Some(self.compare(&a, &b).and_then(|ord| self.store(f, o[0], Val::I(i64::from(c.test(ord))))));
        }
        if let Some(a) = arith_table()[code] {
            return Some(self.arith_op(f, a, &o));
        }
        let r = match op {
            Op::set_i_i { .. }
            | Op::set_i_ic { .. }
            | Op::set_i_n { .. }
            | Op::set_i_nc { .. }
            | Op::set_i_s { .. }
            | Op::set_i_sc { .. }
            | Op::set_i_p { .. }
            | Op::set_n_i { .. }
            | Op::set_n_ic { .. }
            | Op::set_n_n { .. }
            | Op::set_n_nc { .. }
            | Op::set_n_s { .. }
            | Op::set_n_sc { .. }
            | Op::set_n_p { .. }
            | Op::set_s_i { .. }
            | Op::set_s_ic { .. }
            | Op::set_s_n { .. }
            | Op::set_s_nc { .. }
            | Op::set_s_s { .. }
            | Op::set_s_sc { .. }
            | Op::set_s_p { .. }
            | Op::set_p_p { .. }
            | Op::set_p_i { .. }
            | Op::set_p_ic { .. }
            | Op::set_p_n { .. }
            | Op::set_p_nc { .. }
            | Op::set_p_s { .. }
            | Op::set_p_sc { .. }
            | Op::assign_s_s { .. }
            | Op::clone_s_s { .. } => {
                let v = self.val(f, o[1]);
                self.store(f, o[0], v)
            }
            Op::null_i { dst } => {
                f.i[dst.0 as usize] = 0;
                Ok(())
            }
            Op::null_n { dst } => {
                f.n[dst.0 as usize] = 0.0;
                Ok(())
            }
            Op::null_s { dst } => {
                f.s[dst.0 as usize] = Str::null();
                Ok(())
            }
            Op::null_p { dst } => {
                f.p[dst.0 as usize] = None;
                Ok(())
            }
            Op::cmp_i_i_i { .. }
            | Op::cmp_i_i_ic { .. }
            | Op::cmp_i_ic_i { .. }
            | Op::cmp_i_n_n { .. }
            | Op::cmp_i_n_nc { .. }
            | Op::cmp_i_nc_n { .. }
            | Op::cmp_i_s_s { .. }
            | Op::cmp_i_s_sc { .. }
            | Op::cmp_i_sc_s { .. }
            | Op::cmp_i_p_p { .. } => {
                let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
                self.compare(&a, &b).and_then(|ord| {
                    let v = match ord {
                        Some(Ordering::Less) => -1,
                        Some(Ordering::Greater) => 1,
                        _ => 0,
                    };
                    self.store(f, o[0], Val::I(v))
                })
            }
            Op::issame_i_p_p { dst, lhs, rhs } => {
                f.i[dst.0 as usize] = i64::from(f.p[lhs.0 as usize] == f.p[rhs.0 as usize]);
                Ok(())
            }
            Op::isnull_i_p { dst, src } => {
                f.i[dst.0 as usize] = i64::from(f.p[src.0 as usize].is_none());
                Ok(())
            }
            Op::isnull_i_s { dst, src } => {
                f.i[dst.0 as usize] = i64::from(f.s[src.0 as usize].is_null());
                Ok(())
            }
            Op::pow_n_n_n { .. }
            | Op::pow_n_n_nc { .. }
            | Op::pow_n_nc_n { .. }
            | Op::pow_n_n_i { .. }
            | Op::pow_n_n_ic { .. } => {
                let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
                match (self.to_n(&a), &b) {
                    (Ok(x), Val::I(e)) => {
                        self.store(f, o[0], Val::N(x.powi((*e).clamp(i32::MIN.into(), i32::MAX.into()) as i32)))
                    }
                    (Ok(x), _) => self.to_n(&b).and_then(|y| self.store(f, o[0], Val::N(x.powf(y)))),
                    (Err(e), _) => Err(e),
                }
            }
            Op::pow_i_i_i { dst, lhs, rhs } => {
                let (b, e) = (f.i[lhs.0 as usize], super::ia(f, rhs));
                f.i[dst.0 as usize] = int_pow(b, e);
                Ok(())
            }
            Op::neg_i { dst } => {
                f.i[dst.0 as usize] = f.i[dst.0 as usize].wrapping_neg();
                Ok(())
            }
            Op::neg_i_i { dst, src } => {
                f.i[dst.0 as usize] = f.i[src.0 as usize].wrapping_neg();
                Ok(())
            }
            Op::neg_n { dst } => {
                f.n[dst.0 as usize] = -f.n[dst.0 as usize];
                Ok(())
            }
            Op::neg_n_n { dst, src } => {
                f.n[dst.0 as usize] = -f.n[src.0 as usize];
                Ok(())
            }
            Op::abs_i { dst } => {
                f.i[dst.0 as usize] = f.i[dst.0 as usize].wrapping_abs();
                Ok(())
            }
            Op::abs_i_i { dst, src } => {
                f.i[dst.0 as usize] = f.i[src.0 as usize].wrapping_abs();
                Ok(())
            }
            Op::abs_n { dst } => {
                f.n[dst.0 as usize] = f.n[dst.0 as usize].abs();
                Ok(())
            }
            Op::abs_n_n { dst, src } => {
                f.n[dst.0 as usize] = f.n[src.0 as usize].abs();
                Ok(())
            }
            Op::neg_p { dst } | Op::abs_p { dst } | Op::neg_p_p { dst, .. } | Op::abs_p_p { dst, .. } => {
                let src = match op {
                    Op::neg_p_p { src, .. } | Op::abs_p_p { src, .. } => src,
                    _ => dst,
                };
                let is_neg = matches!(op, Op::neg_p { .. } | Op::neg_p_p { .. });
                let in_place = matches!(op, Op::neg_p { .. } | Op::abs_p { .. });
                self.unary_pmc(f, dst.0, src.0, is_neg, in_place)
            }
            Op::inc_n { dst } => {
                f.n[dst.0 as usize] += 1.0;
                Ok(())
            }
            Op::dec_n { dst } => {
                f.n[dst.0 as usize] -= 1.0;
                Ok(())
            }
            Op::inc_p { dst } | Op::dec_p { dst } => {
                let p = f.p[dst.0 as usize];
                let what = if matches!(op, Op::inc_p { .. }) { "increment" } else { "decrement" };
                if p.is_none() {
                    return Some(Err(Exc::null_access(what)));
                }
                let delta = Val::I(1);
                let a = if what == "increment" { Arith::Add } else { Arith::Sub };
                self.pmc_arith(a, &Val::P(p), &delta).and_then(|v| self.set_numv(p, v))
            }
            Op::bnot_i { dst } => {
                f.i[dst.0 as usize] = !f.i[dst.0 as usize];
                Ok(())
            }
            Op::bnot_i_i { dst, src } => {
                f.i[dst.0 as usize] = !f.i[src.0 as usize];
                Ok(())
            }
            Op::not_i { dst } => {
                f.i[dst.0 as usize] = i64::from(f.i[dst.0 as usize] == 0);
                Ok(())
            }
            Op::not_i_i { dst, src } => {
                f.i[dst.0 as usize] = i64::from(super::ia(f, src) == 0);
                Ok(())
            }
            Op::and_i_i_i { dst, lhs, rhs } => {
                let a = super::ia(f, lhs);
                f.i[dst.0 as usize] = if a == 0 { a } else { super::ia(f, rhs) };
                Ok(())
            }
            Op::or_i_i_i { dst, lhs, rhs } => {
                let a = super::ia(f, lhs);
                f.i[dst.0 as usize] = if a != 0 { a } else { super::ia(f, rhs) };
                Ok(())
            }
            Op::xor_i_i_i { dst, lhs, rhs } => {
                let (a, b) = (super::ia(f, lhs), super::ia(f, rhs));
                f.i[dst.0 as usize] = match (a != 0, b != 0) {
                    (true, false) => a,
                    (false, true) => b,
                    _ => 0,
                };
                Ok(())
            }
            Op::time_i { dst } => {
                f.i[dst.0 as usize] = now().as_secs() as i64;
                Ok(())
            }
            Op::time_n { dst } => {
                f.n[dst.0 as usize] = now().as_secs_f64();
                Ok(())
            }
            _ => return None,
        };
        Some(r)
    }

    fn exec_bits(&mut self, f: &mut Frame, fun: fn(i64, i64) -> i64, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) =
            if o.len() == 2 { (self.val(f, o[0]), self.val(f, o[1])) } else { (self.val(f, o[1]), self.val(f, o[2])) };
        let v = fun(self.to_i(&a)?, self.to_i(&b)?);
        self.store(f, o[0], Val::I(v))
    }

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

fn shl(a: i64, b: i64) -> i64 {
    if b < 0 {
        a >> b.saturating_neg().min(63)
    } else if b >= 64 {
        0
    } else {
        a.wrapping_shl(b as u32)
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

fn now() -> std::time::Duration {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default()
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
