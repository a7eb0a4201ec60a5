//! PMC ops: `new typeof isa does can elements push pop shift unshift exists defined delete
//! iter clone assign box`, keyed `set`, classes and attributes, and the globals (`find_name
//! get_global set_global`).

use super::arith::Val;
use super::flow::{by_value, Flow};
use super::{sa, Frame, SchedCall, Step, Vm};
use crate::error::{types, Exc};
use crate::op::{IArg, IReg, KeyId, NArg, Operand, PReg, SArg, SReg};
use crate::pmc::{ClassData, Elem, IterData, KeyVal, ObjectData, PVal, PmcData, TimerChange};
use crate::string::Str;

by_value! { keyed_set_op(()):
    set_p_k_i(obj, key, src), set_p_k_ic(obj, key, src), set_p_k_n(obj, key, src), set_p_k_nc(obj, key, src),
    set_p_k_s(obj, key, src), set_p_k_sc(obj, key, src), set_p_k_p(obj, key, src),
}
by_value! { keyed_get_op(()): set_i_p_k(dst, obj, key), set_n_p_k(dst, obj, key), set_s_p_k(dst, obj, key), set_p_p_k(dst, obj, key) }
by_value! { set_op(()):
    assign_p_i(dst, src), assign_p_ic(dst, src), assign_p_n(dst, src), assign_p_nc(dst, src), assign_p_s(dst, src),
    assign_p_sc(dst, src),
}
by_value! { push_op("push"): push_p_i(obj, src), push_p_n(obj, src), push_p_s(obj, src), push_p_p(obj, src) }
by_value! { push_op("unshift"): unshift_p_i(obj, src), unshift_p_n(obj, src), unshift_p_s(obj, src), unshift_p_p(obj, src) }
by_value! { pop_op("pop"): pop_i_p(dst, obj), pop_n_p(dst, obj), pop_s_p(dst, obj), pop_p_p(dst, obj) }
by_value! { pop_op("shift"): shift_i_p(dst, obj), shift_n_p(dst, obj), shift_s_p(dst, obj), shift_p_p(dst, obj) }

/// `new P, S`
pub(super) fn new_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, class: SArg) -> Flow {
    vm.new_pmc(f, dst, class, None).into()
}

/// `new P, S, P`: an Integer-like class takes the initial value's integer.
pub(super) fn new_p_s_p(vm: &mut Vm, f: &mut Frame, dst: PReg, class: SArg, init: PReg) -> Flow {
    vm.new_pmc(f, dst, class, Some(init)).into()
}

/// `new P, S, I`: a new PMC initialised from an integer, as `init_int` (an array's size, an
/// Integer's value); an object of a `newclass` class ignores it. `src/ops/experimental.ops`.
pub(super) fn new_p_s_i(vm: &mut Vm, f: &mut Frame, dst: PReg, class: SArg, init: IArg) -> Flow {
    let n = super::ia(f, init);
    vm.new_pmc_int(f, dst, class, Some(n)).into()
}

/// `typeof S, P`
pub(super) fn typeof_s_p(vm: &mut Vm, f: &mut Frame, dst: SReg, obj: PReg) -> Flow {
    match f.p[obj.0 as usize] {
        Some(p) => {
            f.s[dst.0 as usize] = vm.class_of(p);
            Flow::Next
        }
        None => Flow::Raise(Exc::null_access("name")),
    }
}

/// `isa I, P, S`
pub(super) fn isa_i_p_s(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg, class: SArg) -> Flow {
    let want = sa(f, class);
    let p = f.p[obj.0 as usize];
    f.i[dst.0 as usize] = i64::from(p.is_some_and(|p| isa(&vm.class_of(p).to_text(), &want.to_text())));
    Flow::Next
}

/// `does I, P, S`: as `isa`.
pub(super) fn does_i_p_s(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg, role: SArg) -> Flow {
    isa_i_p_s(vm, f, dst, obj, role)
}

/// `can I, P, S`: method lookup comes with classes; no built-in PMC answers `can` yet.
pub(super) fn can_i_p_s(_: &mut Vm, f: &mut Frame, dst: IReg, _: PReg, _: SArg) -> Flow {
    f.i[dst.0 as usize] = 0;
    Flow::Next
}

/// `elements I, P`
pub(super) fn elements_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg) -> Flow {
    vm.heap.elements(f.p[obj.0 as usize]).map(|n| f.i[dst.0 as usize] = n).into()
}

/// `exists I, P[k]`
pub(super) fn exists_i_p_k(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg, key: KeyId) -> Flow {
    vm.key_vals(f, key)
        .and_then(|k| vm.key_walk(f.p[obj.0 as usize], k))
        .and_then(|(o, k)| vm.heap.exists_keyed(o, &k))
        .map(|b| f.i[dst.0 as usize] = i64::from(b))
        .into()
}

/// `defined I, P`
pub(super) fn defined_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg) -> Flow {
    f.i[dst.0 as usize] = i64::from(vm.heap.defined(f.p[obj.0 as usize]));
    Flow::Next
}

/// `defined I, P[k]`
pub(super) fn defined_i_p_k(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg, key: KeyId) -> Flow {
    vm.key_vals(f, key)
        .and_then(|k| vm.key_walk(f.p[obj.0 as usize], k))
        .and_then(|(o, k)| vm.heap.defined_keyed(o, &k))
        .map(|b| f.i[dst.0 as usize] = i64::from(b))
        .into()
}

/// `delete P[k]`
pub(super) fn delete_p_k(vm: &mut Vm, f: &mut Frame, obj: PReg, key: KeyId) -> Flow {
    vm.key_vals(f, key)
        .and_then(|k| vm.key_walk(f.p[obj.0 as usize], k))
        .and_then(|(o, k)| vm.heap.delete_keyed(o, &k))
        .into()
}

/// `iter P, P`
pub(super) fn iter_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, obj: PReg) -> Flow {
    match f.p[obj.0 as usize] {
        Some(target) => {
            let p = vm.heap.alloc(PmcData::Iterator(IterData { target, pos: 0 }));
            f.p[dst.0 as usize] = Some(p);
            Flow::Next
        }
        None => Flow::Raise(Exc::null_access("get_iter")),
    }
}

/// `clone P, P`
pub(super) fn clone_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    vm.heap.clone_pmc(f.p[src.0 as usize]).map(|p| f.p[dst.0 as usize] = p).into()
}

/// `assign P, P`: the value of one PMC into another.
pub(super) fn assign_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    let (d, s) = (f.p[dst.0 as usize], f.p[src.0 as usize]);
    vm.assign_pmc(d, s).into()
}

/// `find_name P, S`
pub(super) fn find_name_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, name: SArg) -> Flow {
    let n = sa(f, name);
    f.p[dst.0 as usize] = vm.find_name(f, &n);
    Flow::Next
}

/// `get_global P, S`: as `find_name`.
pub(super) fn get_global_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, name: SArg) -> Flow {
    find_name_p_s(vm, f, dst, name)
}

/// `set_global S, P`
pub(super) fn set_global_s_p(vm: &mut Vm, f: &mut Frame, name: SArg, src: PReg) -> Flow {
    let n = sa(f, name);
    vm.globals.insert(n, f.p[src.0 as usize]);
    Flow::Next
}

/// `newclass P, S`
pub(super) fn newclass_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, name: SArg) -> Flow {
    let n = sa(f, name);
    if vm.classes.contains_key(&n) || PmcData::new_of(&n.to_text()).is_some() {
        return Flow::Raise(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("Class '{n}' already registered!")));
    }
    let c = vm.heap.alloc(PmcData::Class(Box::new(ClassData { name: n.clone(), attrs: Vec::new() })));
    vm.classes.insert(n, c);
    f.p[dst.0 as usize] = Some(c);
    Flow::Next
}

/// `addattribute P, S`
pub(super) fn addattribute_p_s(vm: &mut Vm, f: &mut Frame, class: PReg, name: SArg) -> Flow {
    let n = sa(f, name);
    match f.p[class.0 as usize].map(|r| vm.heap.get_mut(r)) {
        Some(PmcData::Class(c)) => {
            if !c.attrs.contains(&n) {
                c.attrs.push(n);
            }
            Flow::Next
        }
        Some(d) => Flow::Raise(Exc::unsupported("add_attribute", d.class_name())),
        None => Flow::Raise(Exc::null_access("add_attribute")),
    }
}

/// `setattribute P, S, P`
pub(super) fn setattribute_p_s_p(vm: &mut Vm, f: &mut Frame, obj: PReg, name: SArg, src: PReg) -> Flow {
    let (n, v) = (sa(f, name), f.p[src.0 as usize]);
    match f.p[obj.0 as usize].map(|r| vm.heap.get_mut(r)) {
        Some(PmcData::Object(o)) => {
            if !o.attrs.contains_key(&n) {
                return Flow::Raise(no_attribute(&n, &o.class_name));
            }
            o.attrs.insert(n, v);
            Flow::Next
        }
        Some(d) => Flow::Raise(Exc::unsupported("set_attr_str", d.class_name())),
        None => Flow::Raise(Exc::null_access("set_attr_str")),
    }
}

/// `getattribute P, P, S`
pub(super) fn getattribute_p_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, obj: PReg, name: SArg) -> Flow {
    let n = sa(f, name);
    match f.p[obj.0 as usize].map(|r| vm.heap.get(r)) {
        Some(PmcData::Object(o)) => match o.attrs.get(&n) {
            Some(v) => {
                f.p[dst.0 as usize] = *v;
                Flow::Next
            }
            None => Flow::Raise(no_attribute(&n, &o.class_name)),
        },
        Some(d) => Flow::Raise(Exc::unsupported("get_attr_str", d.class_name())),
        None => Flow::Raise(Exc::null_access("get_attr_str")),
    }
}

/// `find_method P, P, S`: null if there is none.
pub(super) fn find_method_p_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, obj: PReg, name: SArg) -> Flow {
    let n = sa(f, name);
    let o = f.p[obj.0 as usize];
    f.p[dst.0 as usize] = vm.find_method(o, &n).ok();
    Flow::Next
}

/// `box P, I`: a new Integer.
pub(super) fn box_p_i(vm: &mut Vm, f: &mut Frame, dst: PReg, src: IArg) -> Flow {
    f.p[dst.0 as usize] = Some(vm.heap.alloc(PmcData::Integer(super::ia(f, src))));
    Flow::Next
}

/// `box P, N`: a new Float.
pub(super) fn box_p_n(vm: &mut Vm, f: &mut Frame, dst: PReg, src: NArg) -> Flow {
    f.p[dst.0 as usize] = Some(vm.heap.alloc(PmcData::Float(super::na(f, src))));
    Flow::Next
}

/// `box P, S`: a new String.
pub(super) fn box_p_s(vm: &mut Vm, f: &mut Frame, dst: PReg, src: SArg) -> Flow {
    f.p[dst.0 as usize] = Some(vm.heap.alloc(PmcData::String(sa(f, src))));
    Flow::Next
}

impl Vm {
    /// `new`: a built-in PMC type, else an object of a class made by `newclass`.
    fn new_pmc(&mut self, f: &mut Frame, dst: PReg, class: SArg, init: Option<PReg>) -> Result<(), Exc> {
        let init = init.and_then(|r| f.p[r.0 as usize]);
        let n = match init {
            Some(_) => Some(self.heap.get_integer(init)?),
            None => None,
        };
        self.new_pmc_int(f, dst, class, n)
    }

    /// `new` with an integer to initialise a built-in PMC from (`set_integer`).
    fn new_pmc_int(&mut self, f: &mut Frame, dst: PReg, class: SArg, init: Option<i64>) -> Result<(), Exc> {
        let name = sa(f, class);
        let p = self.instantiate(&name)?;
        f.p[dst.0 as usize] = Some(p);
        match init {
            Some(n) if !matches!(self.heap.get(p), PmcData::Object(_)) => self.heap.set_integer(Some(p), n),
            _ => Ok(()),
        }
    }

    /// A new PMC of the class `name`: a built-in PMC type, else an object of a class made by
    /// `newclass`.
    pub(super) fn instantiate(&mut self, name: &Str) -> Result<crate::pmc::PmcRef, Exc> {
        if let Some(d) = PmcData::new_of(&name.to_text()) {
            return Ok(self.heap.alloc(d));
        }
        let Some(class) = self.classes.get(name).copied() else {
            return Err(Exc::new(types::EXCEPTION_NO_CLASS, format!("Class '{name}' not found")));
        };
        let attrs = match self.heap.get(class) {
            PmcData::Class(c) => c.attrs.clone(),
            _ => Vec::new(),
        };
        let mut map = crate::pmc::PHash::new();
        for a in attrs {
            map.insert(a, None);
        }
        let obj = ObjectData { class, class_name: name.clone(), attrs: map };
        Ok(self.heap.alloc(PmcData::Object(Box::new(obj))))
    }

    /// `push`/`unshift` (`what`) of any value: `[obj, value]`.
    fn push_op(&mut self, f: &mut Frame, what: &str, o: &[Operand]) -> Result<(), Exc> {
        let v = self.val(f, o[1]).into_elem();
        let obj = self.val(f, o[0]);
        let Val::P(obj) = obj else { return Ok(()) };
        if obj.is_none() {
            return Err(Exc::null_access(&format!("{what}_{}", vtable_type(&o[1]))));
        }
        self.heap.push(obj, v, what == "unshift")
    }

    /// `pop`/`shift` (`what`) into any register: `[dst, obj]`.
    fn pop_op(&mut self, f: &mut Frame, what: &str, o: &[Operand]) -> Result<(), Exc> {
        let Val::P(obj) = self.val(f, o[1]) else { return Ok(()) };
        if obj.is_none() {
            return Err(Exc::null_access(&format!("{what}_{}", vtable_type(&o[0]))));
        }
        self.heap.pop(obj, what == "shift").and_then(|e| self.store_elem(f, o[0], e))
    }

    /// Keyed `set` of any value: `[obj, key, value]`. Setting a Timer's key may start or stop
    /// it: the loop is left for the scheduler after the op.
    fn keyed_set_op(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Flow {
        let (Operand::P(obj), Operand::K(key)) = (o[0], o[1]) else { return Flow::Next };
        let v = self.val(f, o[2]).into_elem();
        let target = f.p[obj.0 as usize];
        if target.is_none() {
            let what = format!("set_{}_keyed{}", vtable_type(&o[2]), key_suffix(f, key));
            return Flow::Raise(Exc::null_access(&what));
        }
        match self.keyed_set(f, target, key, v) {
            Ok(None) => Flow::Next,
            Ok(Some(call)) => Flow::Leave(Step::Sched(call)),
            Err(e) => Flow::Raise(e),
        }
    }

    /// Keyed `set` into any register: `[dst, obj, key]`.
    fn keyed_get_op(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let (Operand::P(obj), Operand::K(key)) = (o[1], o[2]) else { return Ok(()) };
        let target = f.p[obj.0 as usize];
        if target.is_none() {
            return Err(Exc::null_access(&format!("get_{}_keyed{}", vtable_type(&o[0]), key_suffix(f, key))));
        }
        // An interpreter's integer keys are its `interpinfo` facts, but into a P register
        // its globals (`iglobals.pasm`), as Parrot's ParrotInterpreter splits them.
        if let (Operand::P(_), Some(PmcData::ParrotInterpreter)) = (o[0], target.map(|t| self.heap.get(t))) {
            if let [KeyVal::Int(i)] = self.key_vals(f, key)?.as_slice() {
                let v = self.iglobal(*i);
                return self.store_elem(f, o[0], Elem::P(v));
            }
        }
        self.keyed_get(f, target, key).and_then(|e| self.store_elem(f, o[0], e))
    }

    pub(super) fn key_vals(&self, f: &Frame, key: KeyId) -> Result<Vec<KeyVal>, Exc> {
        let parts = &f.code.keys[key.0 as usize];
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            out.push(match *part {
                crate::code::KeyPart::Int(a) => KeyVal::Int(super::ia(f, a)),
                crate::code::KeyPart::Str(a) => KeyVal::Str(sa(f, a)),
                crate::code::KeyPart::Pmc(r) => {
                    let p = f.p[r.0 as usize];
                    match p.map(|r| self.heap.get(r)) {
                        Some(PmcData::Integer(i)) => KeyVal::Int(*i),
                        _ => KeyVal::Str(self.heap.get_string(p)?),
                    }
                }
            });
        }
        Ok(out)
    }

    /// Follows all but the last step of a key: `P0["a"; "b"]` gives `(P0["a"], "b")`.
    fn key_walk(&self, mut obj: PVal, mut keys: Vec<KeyVal>) -> Result<(PVal, KeyVal), Exc> {
        let last = keys.pop().ok_or_else(|| Exc::new(types::EXCEPTION_INVALID_OPERATION, "empty key"))?;
        for k in &keys {
            obj = match self.heap.get_keyed(obj, k)? {
                Elem::P(p) => p,
                _ => return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "key does not lead to a container")),
            };
        }
        Ok((obj, last))
    }

    fn keyed_get(&self, f: &Frame, obj: PVal, key: KeyId) -> Result<Elem, Exc> {
        let (o, k) = self.key_walk(obj, self.key_vals(f, key)?)?;
        // A ParrotInterpreter's string keys name things of the running sub (introspect.rs).
        if let (Some(PmcData::ParrotInterpreter), KeyVal::Str(s)) = (o.map(|r| self.heap.get(r)), &k) {
            return super::introspect::interp_keyed(f, s);
        }
        self.heap.get_keyed(o, &k)
    }

    /// A keyed set; a Timer's keys may start or stop it, which the scheduler must hear of.
    fn keyed_set(&mut self, f: &Frame, obj: PVal, key: KeyId, v: Elem) -> Result<Option<SchedCall>, Exc> {
        let (o, k) = self.key_walk(obj, self.key_vals(f, key)?)?;
        if let (Some(t), KeyVal::Int(i)) = (o, &k) {
            if let PmcData::Timer(_) = self.heap.get(t) {
                let change = self.timer_set(t, *i, v)?;
                return Ok((change != TimerChange::None).then_some(SchedCall::Timer(t, change)));
            }
        }
        self.heap.set_keyed(o, &k, v).map(|()| None)
    }

    /// The class name of a PMC as `typeof` gives it: a user object's class, else its type.
    pub(super) fn class_of(&self, p: crate::pmc::PmcRef) -> Str {
        match self.heap.get(p) {
            PmcData::Object(o) => o.class_name.clone(),
            d => Str::from(d.class_name()),
        }
    }

    /// A method: the sub `NAME` in the namespace named after the invocant's class.
    pub(super) fn find_method(&self, obj: crate::pmc::PVal, name: &Str) -> Result<crate::pmc::PmcRef, Exc> {
        let r = obj.ok_or_else(|| Exc::null_access(&format!("find_method('{name}')")))?;
        let class = self.class_of(r);
        let key = Str::from(format!("{class}::{name}"));
        match self.globals.get(&key).copied().flatten() {
            Some(m) => Ok(m),
            None => Err(Exc::new(
                types::EXCEPTION_METHOD_NOT_FOUND,
                format!("Method '{name}' not found for invocant of class '{class}'"),
            )),
        }
    }

    /// A global, or a sub of the running code object, by name.
    fn find_name(&mut self, f: &Frame, name: &Str) -> crate::pmc::PVal {
        self.find_name_at(f, name, None)
    }

    /// [`Vm::find_name`] for the op at `pc`, which names a constant: a sub of the running
    /// code object is found there forever, so it is remembered in the code's cache.
    fn find_name_at(&mut self, f: &Frame, name: &Str, pc: Option<usize>) -> crate::pmc::PVal {
        let ns = &f.code.subs[f.sub as usize].namespace;
        if let Some(i) = f.code.find_sub_in(ns, name.as_bytes()) {
            let code = f.code.clone();
            let r = self.sub_pmc(&code, i as u32);
            if let Some(pc) = pc {
                code.sub_cache.set(pc, (u64::from(self.id) << 32) | u64::from(r.to_u32()));
            }
            return Some(r);
        }
        self.globals.get(name).copied().flatten()
    }

    /// `find_sub_not_null P, NAME` at `pc`. A constant name that found a sub of this code
    /// object is answered from the code's cache: no name lookup per call (bench/fib).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn find_sub_not_null(&mut self, f: &mut Frame, pc: usize, dst: PReg, name: SArg) -> Result<(), Exc> {
        let hit = f.code.sub_cache.get(pc);
        if hit >> 32 == u64::from(self.id) {
            if let Some(r) = crate::pmc::PmcRef::from_u32(hit as u32) {
                f.p[dst.0 as usize] = Some(r);
                return Ok(());
            }
        }
        let n = super::sa(f, name);
        let at = name.split().is_err().then_some(pc);
        // The assembler also emits this op for `.const 'Sub'`, which Parrot resolves to the
        // sub's constant: an `:anon` sub of this code object, in no namespace, is found too.
        let found = self.find_name_at(f, &n, at).or_else(|| {
            let code = f.code.clone();
            let i = code.find_sub(n.as_bytes())?;
            Some(self.sub_pmc(&code, i as u32))
        });
        match found {
            Some(p) => {
                f.p[dst.0 as usize] = Some(p);
                Ok(())
            }
            None => Err(Exc::new(types::EXCEPTION_GLOBAL_NOT_FOUND, format!("Could not find sub {n}"))),
        }
    }

    /// Stores an element into a register operand, converting as `set` does.
    pub(super) fn store_elem(&mut self, f: &mut Frame, dst: Operand, e: Elem) -> Result<(), Exc> {
        let v = match e {
            Elem::I(i) => Val::I(i),
            Elem::N(n) => Val::N(n),
            Elem::S(s) => Val::S(s),
            Elem::P(p) => Val::P(p),
        };
        match (dst, &v) {
            // A P register receiving a plain value gets a new PMC (boxing), not an assignment.
            (Operand::P(r), Val::I(_) | Val::N(_) | Val::S(_)) => {
                f.p[r.0 as usize] = self.heap.boxed(v.into_elem());
                Ok(())
            }
            _ => self.store(f, dst, v),
        }
    }

    fn assign_pmc(&mut self, d: crate::pmc::PVal, s: crate::pmc::PVal) -> Result<(), Exc> {
        let dr = d.ok_or_else(|| Exc::null_access("assign_pmc"))?;
        let sr = s.ok_or_else(|| Exc::null_access("assign_pmc"))?;
        match self.heap.get(sr).clone() {
            PmcData::Integer(i) => self.heap.set_integer(d, i),
            PmcData::Float(x) => self.heap.set_number(d, x),
            PmcData::String(st) => self.heap.set_string(d, st),
            PmcData::Boolean(b) => self.heap.set_integer(d, i64::from(b)),
            other => {
                *self.heap.get_mut(dr) = other;
                Ok(())
            }
        }
    }
}

/// The vtable type word Parrot uses for an operand: `integer`, `number`, `string`, `pmc`.
fn vtable_type(o: &Operand) -> &'static str {
    match o {
        Operand::I(_) | Operand::Ic(_) | Operand::Ix(_) => "integer",
        Operand::N(_) | Operand::Nc(_) | Operand::Nx(_) => "number",
        Operand::S(_) | Operand::Sc(_) | Operand::Sx(_) => "string",
        _ => "pmc",
    }
}

/// `_int` for a one-part integer key, `_str` for a one-part string key, nothing otherwise.
fn key_suffix(f: &Frame, key: crate::op::KeyId) -> &'static str {
    match f.code.keys[key.0 as usize].as_slice() {
        [crate::code::KeyPart::Int(_)] => "_int",
        [crate::code::KeyPart::Str(_)] => "_str",
        _ => "",
    }
}

fn no_attribute(name: &Str, class: &Str) -> Exc {
    Exc::new(types::EXCEPTION_ATTRIB_NOT_FOUND, format!("No such attribute '{name}' in class '{class}'"))
}

fn isa(class: &str, want: &str) -> bool {
    class == want
        || matches!(
            (class, want),
            ("Integer" | "Float" | "String" | "Boolean", "scalar")
                | (
                    "ResizablePMCArray"
                        | "FixedPMCArray"
                        | "ResizableIntegerArray"
                        | "FixedIntegerArray"
                        | "ResizableStringArray"
                        | "ResizableFloatArray",
                    "array"
                )
                | ("Hash", "hash")
                | ("Boolean", "Integer")
                | ("ResizablePMCArray", "FixedPMCArray")
                | ("ResizableIntegerArray", "FixedIntegerArray")
                | ("ResizableStringArray", "FixedStringArray")
                | ("ResizableFloatArray", "FixedFloatArray")
        )
}
