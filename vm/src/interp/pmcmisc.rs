//! More PMC ops: `deref setref copy morph vivify fetch register unregister get_id get_repr
//! splice`, the experimental `flatten_array_into flatten_hash_into slurp_array_from`, and
//! `get_global`/`set_global` in a namespace named by a key. Each follows the vtable entry
//! Parrot's op calls (src/ops/set.ops, pmc.ops, experimental.ops, var.ops) for the PMC
//! types Kea has; a type without that entry throws Parrot's "not implemented in class".

use super::flow::Flow;
use super::{ia, sa, Frame, Vm};
use crate::error::{types, Exc};
use crate::num;
use crate::op::{IArg, IReg, KeyId, PReg, SArg, SReg};
use crate::pmc::{elements_of, Elem, KeyVal, PVal, PmcData, PmcRef};
use crate::string::Str;

/// The class an op names: a key constant (`['Integer']`) or a PMC (a Class, or a string).
#[derive(Clone, Copy)]
enum ClassArg {
    /// `[ 'Name' ]`
    Key(KeyId),
    /// A Class PMC or a PMC whose string is the name.
    Pmc(PReg),
}

/// A key operand of `vivify`/`fetch`: a PMC, an integer or a string.
#[derive(Clone, Copy)]
enum KeyArg {
    P(PReg),
    I(IArg),
    S(SArg),
}

impl Vm {
    /// The class name `c` stands for (a key's parts are namespaces: `['A';'B']` is `A::B`).
    fn class_name_of(&self, f: &Frame, c: ClassArg) -> Result<Str, Exc> {
        match c {
            ClassArg::Key(k) => {
                let parts: Vec<String> = self
                    .key_vals(f, k)?
                    .into_iter()
                    .map(|v| match v {
                        KeyVal::Str(s) => s.to_text(),
                        KeyVal::Int(i) => i.to_string(),
                    })
                    .collect();
                Ok(Str::from(parts.join("::")))
            }
            ClassArg::Pmc(r) => match f.p[r.0 as usize].map(|p| self.heap.get(p)) {
                Some(PmcData::Class(c)) => Ok(c.name.clone()),
                Some(_) => self.heap.get_string(f.p[r.0 as usize]),
                None => Err(Exc::null_access("get_class")),
            },
        }
    }

    /// A key operand as one key step (an Integer PMC is an index, any other PMC its string).
    fn key_of(&self, f: &Frame, k: KeyArg) -> Result<KeyVal, Exc> {
        Ok(match k {
            KeyArg::I(a) => KeyVal::Int(ia(f, a)),
            KeyArg::S(a) => KeyVal::Str(sa(f, a)),
            KeyArg::P(r) => {
                let p = f.p[r.0 as usize];
                match p.map(|r| self.heap.get(r)) {
                    Some(PmcData::Integer(i)) => KeyVal::Int(*i),
                    _ => KeyVal::Str(self.heap.get_string(p)?),
                }
            }
        })
    }

    /// `fetch` (`store` false) and `vivify`: `obj[key]`, or a new PMC of the class when that
    /// is null, which `vivify` also stores there (src/ops/experimental.ops).
    fn fetch(&mut self, f: &mut Frame, dst: PReg, obj: PReg, key: KeyArg, class: ClassArg, store: bool) -> Flow {
        let run = |vm: &mut Vm, f: &mut Frame| -> Result<(), Exc> {
            let o = f.p[obj.0 as usize];
            if o.is_none() {
                return Err(Exc::null_access("get_pmc_keyed"));
            }
            let k = vm.key_of(f, key)?;
            let v = match vm.heap.get_keyed(o, &k)? {
                Elem::P(p) => p,
                e => vm.heap.boxed(e),
            };
            let v = match v {
                Some(v) => v,
                None => {
                    let name = vm.class_name_of(f, class)?;
                    let made = vm.instantiate(&name)?;
                    if store {
                        vm.heap.set_keyed(o, &k, Elem::P(Some(made)))?;
                    }
                    made
                }
            };
            f.p[dst.0 as usize] = Some(v);
            Ok(())
        };
        run(self, f).into()
    }
}

macro_rules! fetch_ops {
    ($($name:ident($key:ident: $kty:ty => $karg:ident, $class:ident: $cty:ty => $carg:ident) $store:literal;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`")]
        pub(super) fn $name(vm: &mut Vm, f: &mut Frame, dst: PReg, obj: PReg, $key: $kty, $class: $cty) -> Flow {
            vm.fetch(f, dst, obj, KeyArg::$karg($key), ClassArg::$carg($class), $store)
        }
    )*};
}

fetch_ops! {
    vivify_p_p_p_k(key: PReg => P, class: KeyId => Key) true;
    vivify_p_p_i_k(key: IArg => I, class: KeyId => Key) true;
    vivify_p_p_s_k(key: SArg => S, class: KeyId => Key) true;
    vivify_p_p_p_p(key: PReg => P, class: PReg => Pmc) true;
    vivify_p_p_i_p(key: IArg => I, class: PReg => Pmc) true;
    vivify_p_p_s_p(key: SArg => S, class: PReg => Pmc) true;
    fetch_p_p_p_k(key: PReg => P, class: KeyId => Key) false;
    fetch_p_p_i_k(key: IArg => I, class: KeyId => Key) false;
    fetch_p_p_s_k(key: SArg => S, class: KeyId => Key) false;
    fetch_p_p_p_p(key: PReg => P, class: PReg => Pmc) false;
    fetch_p_p_i_p(key: IArg => I, class: PReg => Pmc) false;
    fetch_p_p_s_p(key: SArg => S, class: PReg => Pmc) false;
}

/// `deref P, P`: `get_pmc`, which of Kea's types only an iterator has (its aggregate).
pub(super) fn deref_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    let v = match f.p[src.0 as usize].map(|p| vm.heap.get(p)) {
        None => return Flow::Raise(Exc::null_access("get_pmc")),
        Some(PmcData::Iterator(it)) => Some(it.target),
        Some(d) => return Flow::Raise(Exc::unsupported("get_pmc", d.class_name())),
    };
    f.p[dst.0 as usize] = v;
    Flow::Next
}

/// `setref P, P`: `set_pmc` on P(dst) (src/pmc/*.pmc): an Integer, Float, String or BigInt
/// takes the value of P(src) as its own type; an Undef becomes a copy of P(src); a
/// ResizablePMCArray takes P(src)'s elements; a Sub another Sub's code.
pub(super) fn setref_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    let (d, s) = (f.p[dst.0 as usize], f.p[src.0 as usize]);
    vm.set_pmc(d, s).into()
}

impl Vm {
    fn set_pmc(&mut self, d: PVal, s: PVal) -> Result<(), Exc> {
        let dr = d.ok_or_else(|| Exc::null_access("set_pmc"))?;
        match self.heap.get(dr) {
            PmcData::Integer(_) => {
                let v = self.heap.get_integer(s)?;
                self.heap.set_integer(d, v)
            }
            PmcData::Float(_) => {
                let v = self.heap.get_number(s)?;
                self.heap.set_number(d, v)
            }
            PmcData::String(_) => {
                let v = self.heap.get_string(s)?;
                self.heap.set_string(d, v)
            }
            PmcData::BigInt(_) => {
                let v = match s.map(|r| self.heap.get(r)) {
                    Some(PmcData::BigInt(b)) => PmcData::BigInt(b.clone()),
                    _ => PmcData::BigInt(Box::new(self.heap.get_integer(s)?.into())),
                };
                *self.heap.get_mut(dr) = v;
                Ok(())
            }
            PmcData::Undef => {
                let sr = s.ok_or_else(|| Exc::null_access("set_pmc"))?;
                let v = self.heap.get(sr).clone();
                *self.heap.get_mut(dr) = v;
                Ok(())
            }
            PmcData::ResizablePMCArray(_) => {
                if s == d {
                    return Ok(());
                }
                let sr = s.ok_or_else(|| Exc::null_access("does"))?;
                let n = match self.heap.get(sr) {
                    sd @ (PmcData::ResizablePMCArray(_)
                    | PmcData::FixedPMCArray(_)
                    | PmcData::ResizableIntegerArray(_)
                    | PmcData::FixedIntegerArray(_)
                    | PmcData::ResizableStringArray(_)
                    | PmcData::ResizableFloatArray(_)) => elements_of(sd),
                    _ => return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "Can't set self from this type")),
                };
                let mut items = Vec::with_capacity(n);
                for i in 0..n {
                    let e = self.heap.get_keyed(s, &KeyVal::Int(i as i64))?;
                    items.push(self.heap.boxed(e));
                }
                *self.heap.get_mut(dr) = PmcData::ResizablePMCArray(items);
                Ok(())
            }
            PmcData::Sub(..) => match s.map(|r| self.heap.get(r)) {
                Some(sd @ PmcData::Sub(..)) => {
                    let v = sd.clone();
                    *self.heap.get_mut(dr) = v;
                    Ok(())
                }
                _ => Err(Exc::unsupported("assign_pmc", "Sub")),
            },
            // Parrot's EventHandler keeps the interpreter it is given; Kea has one.
            PmcData::EventHandler(_) => Ok(()),
            d => Err(Exc::unsupported("set_pmc", d.class_name())),
        }
    }
}

/// `copy P, P`: P(dst) becomes a clone of P(src), keeping its identity (src/ops/set.ops).
pub(super) fn copy_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    let Some(d) = f.p[dst.0 as usize] else {
        return Flow::Raise(Exc::new(types::EXCEPTION_NULL_REG_ACCESS, "Null PMC in copy"));
    };
    let Some(s) = f.p[src.0 as usize] else { return Flow::Raise(Exc::null_access("clone")) };
    let v = vm.heap.get(s).clone();
    *vm.heap.get_mut(d) = v;
    Flow::Next
}

/// `morph P, P`: P(obj) becomes a new, empty PMC of the class P(class) names (a Class PMC,
/// or a string), keeping its identity: Parrot's `Parrot_pmc_reuse` (src/pmc.c), which
/// cannot make an object of a user class.
pub(super) fn morph_p_p(vm: &mut Vm, f: &mut Frame, obj: PReg, class: PReg) -> Flow {
    let Some(o) = f.p[obj.0 as usize] else { return Flow::Raise(Exc::null_access("morph")) };
    let name = match vm.class_name_of(f, ClassArg::Pmc(class)) {
        Ok(n) => n,
        Err(e) => return Flow::Raise(e),
    };
    match PmcData::new_of(&name.to_text()) {
        Some(d) => {
            *vm.heap.get_mut(o) = d;
            Flow::Next
        }
        None if vm.classes.contains_key(&name) => Flow::Raise(Exc::new(
            types::EXCEPTION_INVALID_OPERATION,
            format!("Cannot morph a PMC of class '{}' into an object of class '{name}'", vm.heap.class_name(o)),
        )),
        None => Flow::Raise(Exc::new(types::EXCEPTION_NO_CLASS, format!("Class '{name}' not found"))),
    }
}

/// `register P`: P is a root of the collector until as many `unregister`s.
pub(super) fn register_p(vm: &mut Vm, f: &mut Frame, obj: PReg) -> Flow {
    let Some(p) = f.p[obj.0 as usize] else { return Flow::Raise(Exc::null_access("register")) };
    *vm.registered.entry(p).or_insert(0) += 1;
    Flow::Next
}

/// `unregister P`: undoes one `register` (an unregistered PMC: nothing to undo).
pub(super) fn unregister_p(vm: &mut Vm, f: &mut Frame, obj: PReg) -> Flow {
    let Some(p) = f.p[obj.0 as usize] else { return Flow::Raise(Exc::null_access("unregister")) };
    if let Some(n) = vm.registered.get_mut(&p) {
        *n -= 1;
        if *n == 0 {
            vm.registered.remove(&p);
        }
    }
    Flow::Next
}

/// `get_id I, P`: the PMC's handle, unique among the PMCs alive (0 for null).
pub(super) fn get_id_i_p(_: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg) -> Flow {
    f.i[dst.0 as usize] = f.p[obj.0 as usize].map_or(0, |p| i64::from(p.to_u32()));
    Flow::Next
}

/// `get_repr S, P`
pub(super) fn get_repr_s_p(vm: &mut Vm, f: &mut Frame, dst: SReg, obj: PReg) -> Flow {
    vm.repr(f.p[obj.0 as usize]).map(|s| f.s[dst.0 as usize] = Str::from(s)).into()
}

impl Vm {
    /// `get_repr` as each type writes it (src/pmc/*.pmc): an Integer its digits, a BigInt
    /// with `L`, a Float with `%.15g`, the arrays `[ a, b ]` (a FixedPMCArray `(a, b)`),
    /// a Hash `{key:value, 'k':v` (Parrot's has no closing brace).
    fn repr(&self, p: PVal) -> Result<String, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_repr"))?;
        let list = |items: Vec<String>, open: &str, close: &str| format!("{open}{}{close}", items.join(", "));
        Ok(match self.heap.get(r) {
            PmcData::Integer(i) => i.to_string(),
            PmcData::BigInt(b) => format!("{b}L"),
            PmcData::Float(x) => {
                let sign = if *x < 0.0 { "-" } else { "" };
                format!("{sign}{}", num::fmt_print(x.abs()))
            }
            PmcData::FixedIntegerArray(v) | PmcData::ResizableIntegerArray(v) => {
                list(v.iter().map(i64::to_string).collect(), "[ ", " ]")
            }
            PmcData::ResizableFloatArray(v) => list(v.iter().map(|x| num::fmt_str(*x)).collect(), "[ ", " ]"),
            PmcData::ResizableStringArray(v) => list(v.iter().map(|s| format!("\"{s}\"")).collect(), "[ ", " ]"),
            PmcData::ResizablePMCArray(v) => {
                list(v.iter().map(|e| self.repr(*e)).collect::<Result<_, _>>()?, "[ ", " ]")
            }
            PmcData::FixedPMCArray(v) => list(v.iter().map(|e| self.repr(*e)).collect::<Result<_, _>>()?, "(", ")"),
            PmcData::Hash(h) => {
                let mut items = Vec::new();
                for (k, v) in h.iter() {
                    let digits = k.as_bytes().iter().all(u8::is_ascii_digit);
                    let key = if digits { k.to_text() } else { format!("'{k}'") };
                    items.push(format!("{key}:{}", self.heap.get_string(*v)?));
                }
                list(items, "{", "")
            }
            d => return Err(Exc::unsupported("get_repr", d.class_name())),
        })
    }
}

/// `splice P, P, I, I`: Parrot's `splice` of the ResizablePMCArray, ResizableStringArray
/// and FixedPMCArray (which puts P(src) itself into each of the I(count) places).
pub(super) fn splice_p_p_i_i(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg, offset: IArg, count: IArg) -> Flow {
    let (d, s, off, n) = (f.p[dst.0 as usize], f.p[src.0 as usize], ia(f, offset), ia(f, count));
    vm.splice(d, s, off, n).into()
}

impl Vm {
    fn splice(&mut self, d: PVal, s: PVal, off: i64, count: i64) -> Result<(), Exc> {
        let dr = d.ok_or_else(|| Exc::null_access("splice"))?;
        let bounds = |m: &str| Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, m.to_string());
        let size = elements_of(self.heap.get(dr)) as i64;
        let off = if off < 0 { off + size } else { off };
        match self.heap.get(dr) {
            PmcData::FixedPMCArray(_) => {
                if count < 0 {
                    return Err(bounds("illegal argument"));
                }
                if off < 0 || count + off > size {
                    return Err(bounds("index out of bounds"));
                }
                if let PmcData::FixedPMCArray(a) = self.heap.get_mut(dr) {
                    for slot in &mut a[off as usize..(off + count) as usize] {
                        *slot = s;
                    }
                }
                Ok(())
            }
            PmcData::ResizablePMCArray(_) => {
                if count < 0 {
                    return Err(bounds("illegal argument"));
                }
                if off < 0 {
                    return Err(bounds("splice: index out of bounds"));
                }
                let items = self.elements_as_pmcs(s)?;
                self.splice_vec(dr, off.min(size) as usize, count as usize, items);
                Ok(())
            }
            PmcData::ResizableStringArray(_) => {
                if off < 0 {
                    return Err(bounds("index out of bounds"));
                }
                if count < 0 {
                    return Err(bounds("illegal argument"));
                }
                let items = match s.map(|r| self.heap.get(r)) {
                    Some(PmcData::ResizableStringArray(v)) => v.clone(),
                    Some(_) => {
                        return Err(Exc::new(
                            types::EXCEPTION_INVALID_OPERATION,
                            "ResizableStringArray: illegal type for splice!",
                        ))
                    }
                    None => return Err(Exc::null_access("splice")),
                };
                if let PmcData::ResizableStringArray(a) = self.heap.get_mut(dr) {
                    let at = (off as usize).min(a.len());
                    let end = at.saturating_add(count as usize).min(a.len());
                    a.splice(at..end, items);
                }
                Ok(())
            }
            other => Err(Exc::unsupported("splice", other.class_name())),
        }
    }

    /// The elements of aggregate `s` as PMCs (an integer array's are boxed), as `shift_pmc`
    /// on its iterator gives them.
    fn elements_as_pmcs(&mut self, s: PVal) -> Result<Vec<PVal>, Exc> {
        let n = self.heap.elements(s)?;
        let mut items = Vec::with_capacity(n.max(0) as usize);
        for i in 0..n {
            let e = self.heap.get_keyed(s, &KeyVal::Int(i))?;
            items.push(self.heap.boxed(e));
        }
        Ok(items)
    }

    /// Replaces `count` elements (fewer at the end) of ResizablePMCArray `r` at `at` with
    /// `items`.
    fn splice_vec(&mut self, r: PmcRef, at: usize, count: usize, items: Vec<PVal>) {
        if let PmcData::ResizablePMCArray(a) = self.heap.get_mut(r) {
            let end = at.saturating_add(count).min(a.len());
            a.splice(at..end, items);
        }
    }
}

/// `flatten_array_into P, P, I`, exactly as Parrot's experimental op does it
/// (src/ops/experimental.ops): it reads the elements from P(dst), not P(src), so it copies
/// P(dst)'s first `elements(P(src))` elements to index `start` on.
pub(super) fn flatten_array_into_p_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg, overwrite: IArg) -> Flow {
    let (d, s, overwrite) = (f.p[dst.0 as usize], f.p[src.0 as usize], ia(f, overwrite) != 0);
    let run = |vm: &mut Vm| -> Result<(), Exc> {
        let start = if overwrite { 0 } else { vm.heap.elements(d)? };
        let n = vm.heap.elements(s)?;
        for i in 0..n {
            let v = vm.heap.get_keyed(d, &KeyVal::Int(i))?;
            vm.heap.set_keyed(d, &KeyVal::Int(i + start), v)?;
        }
        Ok(())
    };
    run(vm).into()
}

/// `flatten_hash_into P, P, I`: every pair of the Hash P(src) into P(dst); without
/// I(overwrite), a key P(dst) already has keeps its value (`Parrot_hash_flatten_hash_into`).
pub(super) fn flatten_hash_into_p_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg, overwrite: IArg) -> Flow {
    let (d, s, overwrite) = (f.p[dst.0 as usize], f.p[src.0 as usize], ia(f, overwrite) != 0);
    let run = |vm: &mut Vm| -> Result<(), Exc> {
        let pairs: Vec<(Str, PVal)> = match s.map(|r| vm.heap.get(r)) {
            Some(PmcData::Hash(h)) => h.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            Some(other) => {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("flatten_hash_into: the source must be a Hash, not {}", other.class_name()),
                ))
            }
            None => return Err(Exc::null_access("get_pointer")),
        };
        if d.is_none() {
            return Err(Exc::null_access("set_pmc_keyed_str"));
        }
        for (k, v) in pairs {
            let key = KeyVal::Str(k);
            if overwrite || !vm.heap.exists_keyed(d, &key)? {
                vm.heap.set_keyed(d, &key, Elem::P(v))?;
            }
        }
        Ok(())
    };
    run(vm).into()
}

/// `slurp_array_from P, P, I`, exactly as Parrot's experimental op does it: P(dst) is a new,
/// empty ResizablePMCArray, and P(src)'s elements from I(start) on are pushed onto P(src)
/// itself.
pub(super) fn slurp_array_from_p_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg, start: IArg) -> Flow {
    let (s, start) = (f.p[src.0 as usize], ia(f, start));
    let run = |vm: &mut Vm| -> Result<PmcRef, Exc> {
        let n = vm.heap.elements(s)?;
        for i in start..n {
            let v = vm.heap.get_keyed(s, &KeyVal::Int(i))?;
            let v = vm.heap.boxed(v);
            vm.heap.push(s, Elem::P(v), false)?;
        }
        Ok(vm.heap.alloc(PmcData::ResizablePMCArray(Vec::new())))
    };
    match run(vm) {
        Ok(r) => {
            f.p[dst.0 as usize] = Some(r);
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}

impl Vm {
    /// The full name of global `name` in the namespace `key` names below the running sub's
    /// (`A::B::name`, as loading names a sub in a namespace).
    fn global_in(&self, f: &Frame, key: KeyId, name: &Str) -> Result<Str, Exc> {
        let mut parts: Vec<String> = f.code.subs[f.sub as usize].namespace.clone();
        for v in self.key_vals(f, key)? {
            parts.push(match v {
                KeyVal::Str(s) => s.to_text(),
                KeyVal::Int(i) => i.to_string(),
            });
        }
        parts.push(name.to_text());
        Ok(Str::from(parts.join("::")))
    }
}

/// `get_global P, KEY, S`: null if there is no such global.
pub(super) fn get_global_p_k_s(vm: &mut Vm, f: &mut Frame, dst: PReg, ns: KeyId, name: SArg) -> Flow {
    match vm.global_in(f, ns, &sa(f, name)) {
        Ok(full) => {
            f.p[dst.0 as usize] = vm.globals.get(&full).copied().flatten();
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `set_global KEY, S, P`
pub(super) fn set_global_k_s_p(vm: &mut Vm, f: &mut Frame, ns: KeyId, name: SArg, src: PReg) -> Flow {
    match vm.global_in(f, ns, &sa(f, name)) {
        Ok(full) => {
            vm.globals.insert(full, f.p[src.0 as usize]);
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}
