//! PDD 3 calls: `set_args get_params set_returns get_results invokecc tailcall returncc`.
//!
//! A call pushes a [`Frame`] on the task's heap-allocated stack; nothing here recurses in Rust,
//! so the call depth is limited only by [`super::Config::max_depth`].

use super::{Frame, Step, Task, Vm};
use crate::code::{flags, ArgValue};
use crate::error::{types, Exc};
use crate::op::ArgsId;
use crate::pmc::{Elem, KeyVal, PmcData};
use crate::string::Str;

/// The value an unpassed optional parameter gets.
fn empty_of(dst: ArgValue) -> Elem {
    match dst {
        ArgValue::I(_) => Elem::I(0),
        ArgValue::N(_) => Elem::N(0.0),
        ArgValue::S(_) => Elem::S(Str::null()),
        _ => Elem::P(None),
    }
}

/// Parrot's arity messages (src/call/args.c): too few says "(or more)".
fn arity(kind: &str, passed: usize, expected: usize) -> Exc {
    let more = if kind == "few" { " (or more)" } else { "" };
    Exc::new(
        types::EXCEPTION_INVALID_OPERATION,
        format!("too {kind} positional arguments: {passed} passed, {expected}{more} expected"),
    )
}

impl Vm {
    /// Evaluates an argument or return list into `out` (positional) and `named`, expanding
    /// `:flat` arrays and `:flat :named` hashes.
    pub(super) fn eval_args(
        &self,
        f: &Frame,
        id: ArgsId,
        out: &mut Vec<Elem>,
        named: &mut Vec<(Str, Elem)>,
    ) -> Result<(), Exc> {
        let list = &f.code.args[id.0 as usize];
        out.clear();
        named.clear();
        let mut name: Option<Str> = None;
        for a in list {
            let e = match a.value {
                ArgValue::I(r) => Elem::I(f.i[r.0 as usize]),
                ArgValue::N(r) => Elem::N(f.n[r.0 as usize]),
                ArgValue::S(r) => Elem::S(f.s[r.0 as usize].clone()),
                ArgValue::P(r) => Elem::P(f.p[r.0 as usize]),
                ArgValue::Ic(v) => Elem::I(v),
                ArgValue::Nc(v) => Elem::N(v),
                ArgValue::Sc(s) => Elem::S(f.code.str(s).clone()),
            };
            let flat = a.flags & flags::FLAT_SLURPY != 0;
            if a.flags & flags::NAMED != 0 {
                if flat {
                    // `:flat :named`: every pair of a hash becomes a named argument.
                    if let Elem::P(Some(h)) = e {
                        if let PmcData::Hash(map) = self.heap.get(h) {
                            named.extend(map.iter().map(|(k, v)| (k.clone(), Elem::P(*v))));
                            continue;
                        }
                    }
                    return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "a :flat :named argument must be a Hash"));
                }
                // The name; the value is the next entry.
                name = Some(self.heap.elem_str(&e)?);
                continue;
            }
            if let Some(n) = name.take() {
                named.push((n, e));
                continue;
            }
            if flat {
                if let Elem::P(p) = e {
                    let n = self.heap.elements(p)?;
                    for i in 0..n {
                        out.push(self.heap.get_keyed(p, &KeyVal::Int(i))?);
                    }
                    continue;
                }
            }
            out.push(e);
        }
        Ok(())
    }

    /// Binds passed values to parameter (or result) registers. Parameters check arity; results
    /// do not (PDD 3).
    pub(super) fn bind(
        &mut self,
        f: &mut Frame,
        id: ArgsId,
        vals: &mut Vec<Elem>,
        named: &mut Vec<(Str, Elem)>,
        strict: bool,
    ) -> Result<(), Exc> {
        // Plain positional lists (the common case) bind without any bookkeeping, and without
        // touching the code object's reference count (bench/fib).
        let n = f.code.args[id.0 as usize].len();
        if named.is_empty() && n == vals.len() && f.code.plain_args[id.0 as usize] {
            for (k, v) in vals.drain(..).enumerate() {
                let dst = f.code.args[id.0 as usize][k].value;
                self.bind_one(f, dst, v)?;
            }
            return Ok(());
        }
        let code = f.code.clone();
        let list = &code.args[id.0 as usize];
        let is_positional =
            |a: &&crate::code::Arg| a.flags & (flags::OPT_FLAG | flags::FLAT_SLURPY | flags::NAMED) == 0;
        let positional = list.iter().filter(is_positional).count();
        let required = list.iter().filter(|a| is_positional(a) && a.flags & flags::OPTIONAL == 0).count();
        let passed = vals.len();
        let mut vals = vals.drain(..);
        let mut given = false;
        let mut slurped = false;
        let mut named_slurped = false;
        let mut name: Option<Str> = None;
        for a in list {
            if a.flags & flags::NAMED != 0 && a.flags & flags::FLAT_SLURPY == 0 && name.is_none() {
                // The parameter's name; the target is the next entry.
                if let ArgValue::Sc(s) = a.value {
                    name = Some(code.str(s).clone());
                    continue;
                }
            }
            if a.flags & flags::OPT_FLAG != 0 {
                self.bind_one(f, a.value, Elem::I(i64::from(given)))?;
                continue;
            }
            if a.flags & flags::NAMED != 0 && a.flags & flags::FLAT_SLURPY != 0 {
                // `:slurpy :named`: every remaining named argument, as a Hash.
                let mut map = crate::hash::PHash::new();
                for (k, v) in named.drain(..) {
                    let v = self.heap.boxed(v);
                    map.insert(k, v);
                }
                let h = self.heap.alloc(PmcData::Hash(map));
                self.bind_one(f, a.value, Elem::P(Some(h)))?;
                named_slurped = true;
                continue;
            }
            if let Some(n) = name.take() {
                match named.iter().position(|(k, _)| *k == n) {
                    Some(i) => {
                        let (_, v) = named.remove(i);
                        given = true;
                        self.bind_one(f, a.value, v)?;
                    }
                    None if a.flags & flags::OPTIONAL != 0 || !strict => {
                        given = false;
                        self.bind_one(f, a.value, empty_of(a.value))?;
                    }
                    None => {
                        return Err(Exc::new(
                            types::EXCEPTION_INVALID_OPERATION,
                            format!("too few named arguments: no argument for required parameter '{n}'"),
                        ))
                    }
                }
                continue;
            }
            if a.flags & flags::FLAT_SLURPY != 0 {
                let rest: Vec<Elem> = vals.by_ref().collect();
                let mut items = Vec::with_capacity(rest.len());
                for e in rest {
                    items.push(self.heap.boxed(e));
                }
                let p = self.heap.alloc(PmcData::ResizablePMCArray(items));
                self.bind_one(f, a.value, Elem::P(Some(p)))?;
                slurped = true;
                continue;
            }
            match vals.next() {
                Some(v) => {
                    given = true;
                    self.bind_one(f, a.value, v)?;
                }
                None if a.flags & flags::OPTIONAL != 0 || !strict => {
                    // A parameter or result that got no value is emptied (0, 0.0, null), as
                    // Parrot does, never left with what the register held before.
                    given = false;
                    self.bind_one(f, a.value, empty_of(a.value))?;
                }
                None => return Err(arity("few", passed, required)),
            }
        }
        if strict && !slurped && vals.next().is_some() {
            return Err(arity("many", passed, positional));
        }
        drop(vals);
        if strict && !named_slurped {
            if let Some((k, _)) = named.first() {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("too many named arguments: '{k}' is not a parameter"),
                ));
            }
        }
        named.clear();
        Ok(())
    }

    fn bind_one(&mut self, f: &mut Frame, dst: ArgValue, v: Elem) -> Result<(), Exc> {
        match dst {
            ArgValue::I(r) => f.i[r.0 as usize] = self.heap.elem_int(&v)?,
            ArgValue::N(r) => f.n[r.0 as usize] = self.heap.elem_num(&v)?,
            ArgValue::S(r) => f.s[r.0 as usize] = self.heap.elem_str(&v)?,
            ArgValue::P(r) => f.p[r.0 as usize] = self.heap.boxed(v),
            // The verifier rejects constants as parameters.
            _ => {}
        }
        Ok(())
    }

    /// `invokecc` (or `tailcall`): pushes the callee's frame.
    pub(super) fn do_call(&mut self, task: &mut Task, sub: crate::pmc::PVal, tail: bool) -> Result<(), Step> {
        let target = match sub.map(|r| self.heap.get(r)) {
            Some(PmcData::Sub(code, i)) => Ok((code.clone(), *i)),
            Some(d) => Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("invoke() not implemented in class '{}'", d.class_name()),
            )),
            None => Err(Exc::null_access("invoke")),
        };
        let (code, idx) = match target {
            Ok(t) => t,
            Err(e) => return self.raise(task, e),
        };
        if tail {
            if let Some(old) = task.frames.pop() {
                task.pool.push(old);
            }
            let depth = task.frames.len();
            task.handlers.retain(|h| h.depth <= depth);
        }
        if task.frames.len() >= self.config.max_depth {
            let e = Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("maximum recursion depth exceeded (limit {})", self.config.max_depth),
            );
            return self.raise(task, e);
        }
        let frame = match task.pool.pop() {
            Some(old) => old.reuse(code, idx),
            None => Frame::new(code, idx),
        };
        task.frames.push(frame);
        Ok(())
    }

    /// `returncc`: pops the frame; the caller resumes at its saved pc.
    pub(super) fn do_return(&mut self, task: &mut Task) -> Result<(), Step> {
        if task.keep_outer && task.frames.len() == 1 {
            return Err(Step::Finished);
        }
        if let Some(old) = task.frames.pop() {
            // Keep a few frames' registers for the next calls; drop deeper ones.
            if task.pool.len() < 64 {
                task.pool.push(old);
            }
        }
        let depth = task.frames.len();
        task.handlers.retain(|h| h.depth <= depth);
        if task.frames.is_empty() {
            return Err(Step::Finished);
        }
        Ok(())
    }
}
