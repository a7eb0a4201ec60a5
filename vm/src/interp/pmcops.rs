//! PMC ops: `new typeof isa does can elements push pop shift unshift exists defined delete
//! iter clone assign`, keyed `set`, and the globals (`find_name get_global set_global`).

use super::arith::Val;
use super::{Frame, Vm};
use crate::error::{types, Exc};
use crate::op::{Op, Operand, PReg, SArg};
use crate::pmc::{ClassData, Elem, IterData, ObjectData, PmcData};
use crate::string::Str;

impl Vm {
    pub(super) fn exec_pmc(&mut self, f: &mut Frame, op: Op) -> Option<Result<(), Exc>> {
        let o = op.operands();
        let r = match op {
            Op::new_p_s { dst, class } | Op::new_p_s_p { dst, class, .. } => {
                let name = super::sa(f, class);
                match PmcData::new_of(&name.to_text()) {
                    Some(d) => {
                        let init = match op {
                            Op::new_p_s_p { init, .. } => f.p[init.0 as usize],
                            _ => None,
                        };
                        let p = self.heap.alloc(d);
                        f.p[dst.0 as usize] = Some(p);
                        match init {
                            Some(_) => self.heap.get_integer(init).and_then(|n| self.heap.set_integer(Some(p), n)),
                            None => Ok(()),
                        }
                    }
                    None => match self.classes.get(&name).copied() {
                        Some(class) => {
                            let attrs = match self.heap.get(class) {
                                PmcData::Class(c) => c.attrs.clone(),
                                _ => Vec::new(),
                            };
                            let mut map = crate::pmc::PHash::new();
                            for a in attrs {
                                map.insert(a, None);
                            }
                            let obj = ObjectData { class, class_name: name.clone(), attrs: map };
                            let p = self.heap.alloc(PmcData::Object(Box::new(obj)));
                            f.p[dst.0 as usize] = Some(p);
                            Ok(())
                        }
                        None => Err(Exc::new(types::EXCEPTION_NO_CLASS, format!("Class '{name}' not found"))),
                    },
                }
            }
            Op::typeof_s_p { dst, obj } => match f.p[obj.0 as usize] {
                Some(p) => {
                    f.s[dst.0 as usize] = self.class_of(p);
                    Ok(())
                }
                None => Err(Exc::null_access("name")),
            },
            Op::isa_i_p_s { dst, obj, class } | Op::does_i_p_s { dst, obj, role: class } => {
                let want = super::sa(f, class);
                let p = f.p[obj.0 as usize];
                f.i[dst.0 as usize] = i64::from(p.is_some_and(|p| isa(&self.class_of(p).to_text(), &want.to_text())));
                Ok(())
            }
            Op::can_i_p_s { dst, obj, .. } => {
                // Method lookup comes with classes; no built-in PMC answers `can` yet.
                f.i[dst.0 as usize] = 0;
                let _ = obj;
                Ok(())
            }
            Op::elements_i_p { dst, obj } => self.heap.elements(f.p[obj.0 as usize]).map(|n| f.i[dst.0 as usize] = n),
            Op::push_p_i { obj, .. }
            | Op::push_p_n { obj, .. }
            | Op::push_p_s { obj, .. }
            | Op::push_p_p { obj, .. }
            | Op::unshift_p_i { obj, .. }
            | Op::unshift_p_n { obj, .. }
            | Op::unshift_p_s { obj, .. }
            | Op::unshift_p_p { obj, .. } => {
                let v = self.val(f, o[1]).into_elem();
                let front = op.info().mnemonic == "unshift";
                if f.p[obj.0 as usize].is_none() {
                    return Some(Err(Exc::null_access(&format!("{}_{}", op.info().mnemonic, vtable_type(&o[1])))));
                }
                self.heap.push(f.p[obj.0 as usize], v, front)
            }
            Op::pop_i_p { obj, .. }
            | Op::pop_n_p { obj, .. }
            | Op::pop_s_p { obj, .. }
            | Op::pop_p_p { obj, .. }
            | Op::shift_i_p { obj, .. }
            | Op::shift_n_p { obj, .. }
            | Op::shift_s_p { obj, .. }
            | Op::shift_p_p { obj, .. } => {
                let front = op.info().mnemonic == "shift";
                if f.p[obj.0 as usize].is_none() {
                    return Some(Err(Exc::null_access(&format!("{}_{}", op.info().mnemonic, vtable_type(&o[0])))));
                }
                self.heap.pop(f.p[obj.0 as usize], front).and_then(|e| self.store_elem(f, o[0], e))
            }
            Op::exists_i_p_k { dst, obj, key } => self
                .key_vals(f, key)
                .and_then(|k| self.key_walk(f.p[obj.0 as usize], k))
                .and_then(|(o, k)| self.heap.exists_keyed(o, &k))
                .map(|b| f.i[dst.0 as usize] = i64::from(b)),
            Op::defined_i_p { dst, obj } => {
                f.i[dst.0 as usize] = i64::from(self.heap.defined(f.p[obj.0 as usize]));
                Ok(())
            }
            Op::defined_i_p_k { dst, obj, key } => self
                .key_vals(f, key)
                .and_then(|k| self.key_walk(f.p[obj.0 as usize], k))
                .and_then(|(o, k)| self.heap.defined_keyed(o, &k))
                .map(|b| f.i[dst.0 as usize] = i64::from(b)),
            Op::delete_p_k { obj, key } => self
                .key_vals(f, key)
                .and_then(|k| self.key_walk(f.p[obj.0 as usize], k))
                .and_then(|(o, k)| self.heap.delete_keyed(o, &k)),
            Op::iter_p_p { dst, obj } => match f.p[obj.0 as usize] {
                Some(target) => {
                    let p = self.heap.alloc(PmcData::Iterator(IterData { target, pos: 0 }));
                    f.p[dst.0 as usize] = Some(p);
                    Ok(())
                }
                None => Err(Exc::null_access("get_iter")),
            },
            Op::clone_p_p { dst, src } => self.heap.clone_pmc(f.p[src.0 as usize]).map(|p| f.p[dst.0 as usize] = p),
            Op::assign_p_p { dst, src } => {
                let (d, s) = (f.p[dst.0 as usize], f.p[src.0 as usize]);
                self.assign_pmc(d, s)
            }
            Op::assign_p_i { .. }
            | Op::assign_p_ic { .. }
            | Op::assign_p_n { .. }
            | Op::assign_p_nc { .. }
            | Op::assign_p_s { .. }
            | Op::assign_p_sc { .. } => {
                let v = self.val(f, o[1]);
                self.store(f, o[0], v)
            }
            Op::set_p_k_i { obj, key, .. }
            | Op::set_p_k_ic { obj, key, .. }
            | Op::set_p_k_n { obj, key, .. }
            | Op::set_p_k_nc { obj, key, .. }
            | Op::set_p_k_s { obj, key, .. }
            | Op::set_p_k_sc { obj, key, .. }
            | Op::set_p_k_p { obj, key, .. } => {
                let v = self.val(f, o[2]).into_elem();
                let target = f.p[obj.0 as usize];
                if target.is_none() {
                    return Some(Err(Exc::null_access(&format!(
                        "set_{}_keyed{}",
                        vtable_type(&o[2]),
                        key_suffix(f, key)
                    ))));
                }
                self.keyed_set(f, target, key, v)
            }
            Op::set_i_p_k { obj, key, .. }
            | Op::set_n_p_k { obj, key, .. }
            | Op::set_s_p_k { obj, key, .. }
            | Op::set_p_p_k { obj, key, .. } => {
                let target = f.p[obj.0 as usize];
                if target.is_none() {
                    return Some(Err(Exc::null_access(&format!(
                        "get_{}_keyed{}",
                        vtable_type(&o[0]),
                        key_suffix(f, key)
                    ))));
                }
                self.keyed_get(f, target, key).and_then(|e| self.store_elem(f, o[0], e))
            }
            Op::find_name_p_s { dst, name } | Op::get_global_p_s { dst, name } => {
                let n = super::sa(f, name);
                f.p[dst.0 as usize] = self.find_name(f, &n);
                Ok(())
            }
            Op::find_sub_not_null_p_s { .. } => return None,
            Op::newclass_p_s { dst, name } => {
                let n = super::sa(f, name);
                if self.classes.contains_key(&n) || PmcData::new_of(&n.to_text()).is_some() {
                    return Some(Err(Exc::new(
                        types::EXCEPTION_INVALID_OPERATION,
                        format!("Class '{n}' already registered!"),
                    )));
                }
                let c = self.heap.alloc(PmcData::Class(Box::new(ClassData { name: n.clone(), attrs: Vec::new() })));
                self.classes.insert(n, c);
                f.p[dst.0 as usize] = Some(c);
                Ok(())
            }
            Op::addattribute_p_s { class, name } => {
                let n = super::sa(f, name);
                match f.p[class.0 as usize].map(|r| self.heap.get_mut(r)) {
                    Some(PmcData::Class(c)) => {
                        if !c.attrs.contains(&n) {
                            c.attrs.push(n);
                        }
                        Ok(())
                    }
                    Some(d) => Err(Exc::unsupported("add_attribute", d.class_name())),
                    None => Err(Exc::null_access("add_attribute")),
                }
            }
            Op::setattribute_p_s_p { obj, name, src } => {
                let (n, v) = (super::sa(f, name), f.p[src.0 as usize]);
                match f.p[obj.0 as usize].map(|r| self.heap.get_mut(r)) {
                    Some(PmcData::Object(o)) => {
                        if !o.attrs.contains_key(&n) {
                            return Some(Err(no_attribute(&n, &o.class_name)));
                        }
                        o.attrs.insert(n, v);
                        Ok(())
                    }
                    Some(d) => Err(Exc::unsupported("set_attr_str", d.class_name())),
                    None => Err(Exc::null_access("set_attr_str")),
                }
            }
            Op::getattribute_p_p_s { dst, obj, name } => {
                let n = super::sa(f, name);
                match f.p[obj.0 as usize].map(|r| self.heap.get(r)) {
                    Some(PmcData::Object(o)) => match o.attrs.get(&n) {
                        Some(v) => {
                            f.p[dst.0 as usize] = *v;
                            Ok(())
                        }
                        None => Err(no_attribute(&n, &o.class_name)),
                    },
                    Some(d) => Err(Exc::unsupported("get_attr_str", d.class_name())),
                    None => Err(Exc::null_access("get_attr_str")),
                }
            }
            Op::find_method_p_p_s { dst, obj, name } => {
                let n = super::sa(f, name);
                let o = f.p[obj.0 as usize];
                f.p[dst.0 as usize] = self.find_method(o, &n).ok();
                Ok(())
            }
            Op::set_global_s_p { name, src } => {
                let n = super::sa(f, name);
                self.globals.insert(n, f.p[src.0 as usize]);
                Ok(())
            }
            _ => return None,
        };
        Some(r)
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
        match self.find_name_at(f, &n, at) {
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
