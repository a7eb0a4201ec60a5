//! The vtable entry points: what every op that reads, writes or indexes a PMC calls. Each
//! is a method on the [`Heap`] that matches on the PMC's data: the core types (the scalars,
//! the containers and their iterator, Sub, the exception types) here, any other type through
//! the slots its class-table line names (`Slots`, in the type's own file), then the default.
//! The helpers of one type family live in that family's file.

use super::array::{elements_of, empty_elem, grow, index_of, non_empty, resize, resize_fixed, size_arg};
use super::{wrong, Elem, Heap, KeyVal, PVal, PmcData, PmcRef};
use crate::error::{types, Exc};
use crate::num;
use crate::string::Str;

impl Heap {
    /// `get_integer`.
    pub fn get_integer(&self, p: PVal) -> Result<i64, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_integer"))?;
        Ok(match self.get(r) {
            PmcData::Integer(i) => *i,
            PmcData::BigInt(b) => match num_traits::ToPrimitive::to_i64(&**b) {
                Some(v) => v,
                None => return Err(Exc::new(types::EXCEPTION_ERR_OVERFLOW, "bigint_get_long: number too big")),
            },
            PmcData::Float(f) => num::num_to_int(*f),
            PmcData::String(s) => num::parse_int(s.as_bytes()),
            PmcData::Boolean(b) => i64::from(*b),
            PmcData::Undef => 0,
            PmcData::Exception(e) => e.kind,
            d @ (PmcData::ResizablePMCArray(_)
            | PmcData::FixedPMCArray(_)
            | PmcData::ResizableIntegerArray(_)
            | PmcData::FixedIntegerArray(_)
            | PmcData::ResizableStringArray(_)
            | PmcData::ResizableFloatArray(_)
            | PmcData::Hash(_)) => elements_of(d) as i64,
            d => match d.slots().get_integer.and_then(|f| f(d)) {
                Some(i) => i,
                None => return Err(wrong(d.class_name(), "get_integer")),
            },
        })
    }

    /// `get_number`.
    pub fn get_number(&self, p: PVal) -> Result<f64, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_number"))?;
        Ok(match self.get(r) {
            PmcData::Float(f) => *f,
            PmcData::Integer(i) => *i as f64,
            PmcData::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::NAN),
            PmcData::String(s) => num::parse_num(s.as_bytes()),
            PmcData::Boolean(b) => f64::from(u8::from(*b)),
            PmcData::Undef => 0.0,
            _ => self.get_integer(p)? as f64,
        })
    }

    /// `get_string`.
    pub fn get_string(&self, p: PVal) -> Result<Str, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_string"))?;
        Ok(match self.get(r) {
            PmcData::String(s) => s.clone(),
            PmcData::Integer(i) => Str::from(i.to_string()),
            PmcData::BigInt(b) => Str::from(b.to_string()),
            PmcData::Float(f) => Str::from(num::fmt_str(*f)),
            PmcData::Boolean(b) => Str::from(if *b { "1" } else { "0" }),
            PmcData::Undef => Str::empty(),
            PmcData::Exception(e) => e.message.clone(),
            PmcData::Sub(code, i) => Str::from(code.subs[*i as usize].name.as_str()),
            PmcData::FixedIntegerArray(v) | PmcData::ResizableIntegerArray(v) => {
                let parts: Vec<String> = v.iter().map(i64::to_string).collect();
                Str::from(format!("[ {} ]", parts.join(", ")))
            }
            PmcData::ResizableStringArray(v) => {
                let parts: Vec<String> = v.iter().map(|s| format!("\"{}\"", s.to_text())).collect();
                Str::from(format!("[ {} ]", parts.join(", ")))
            }
            PmcData::ResizableFloatArray(v) => {
                let parts: Vec<String> = v.iter().map(|x| num::fmt_str(*x)).collect();
                Str::from(format!("[ {} ]", parts.join(", ")))
            }
            d => match d.slots().get_string.and_then(|f| f(d)) {
                Some(s) => s,
                None => Str::from(elements_of(d).to_string()),
            },
        })
    }

    /// `get_bool`.
    pub fn get_bool(&self, p: PVal) -> Result<bool, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_bool"))?;
        Ok(match self.get(r) {
            PmcData::Integer(i) => *i != 0,
            PmcData::BigInt(b) => **b != num_bigint::BigInt::from(0),
            PmcData::Float(f) => *f != 0.0,
            PmcData::String(s) => s.truthy(),
            PmcData::Boolean(b) => *b,
            PmcData::Undef => false,
            PmcData::Exception(_) | PmcData::Sub(..) | PmcData::ExceptionHandler(_) | PmcData::Continuation(_) => true,
            PmcData::Iterator(it) => match self.get(it.target) {
                PmcData::Hash(h) => h.next_from(it.pos).is_some(),
                _ => it.pos < self.iter_len(it.target),
            },
            d => match d.slots().get_bool.and_then(|f| f(d)) {
                Some(b) => b,
                None => elements_of(d) != 0,
            },
        })
    }

    pub(super) fn iter_len(&self, target: PmcRef) -> usize {
        elements_of(self.get(target))
    }

    /// `elements`.
    pub fn elements(&self, p: PVal) -> Result<i64, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("elements"))?;
        match self.get(r) {
            d @ (PmcData::Integer(_)
            | PmcData::BigInt(_)
            | PmcData::Float(_)
            | PmcData::Boolean(_)
            | PmcData::Undef) => Err(wrong(d.class_name(), "elements")),
            PmcData::String(s) => Ok(s.char_len() as i64),
            PmcData::Iterator(it) => Ok(match self.get(it.target) {
                PmcData::Hash(h) => h.count_from(it.pos),
                _ => self.iter_len(it.target).saturating_sub(it.pos),
            } as i64),
            d => Ok(elements_of(d) as i64),
        }
    }

    /// `set_integer_native`: a scalar PMC takes the value (and may change type, as in Parrot's
    /// String `set_integer_native`, which keeps String); a fixed array takes its size.
    pub fn set_integer(&mut self, p: PVal, v: i64) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_integer_native"))?;
        let (d, meter) = self.get_mut_metered(r);
        match d {
            PmcData::Integer(i) => *i = v,
            PmcData::BigInt(b) => **b = num_bigint::BigInt::from(v),
            PmcData::Float(_) | PmcData::Undef => *d = PmcData::Integer(v),
            PmcData::Boolean(b) => *b = v != 0,
            PmcData::String(s) => *s = Str::from(v.to_string()),
            PmcData::FixedPMCArray(a) => resize_fixed(a, v, None, meter)?,
            PmcData::FixedIntegerArray(a) => resize_fixed(a, v, 0, meter)?,
            PmcData::ResizablePMCArray(a) => resize(a, size_arg(v)?, None, meter)?,
            PmcData::ResizableIntegerArray(a) => resize(a, size_arg(v)?, 0, meter)?,
            PmcData::ResizableStringArray(a) => resize(a, size_arg(v)?, Str::null(), meter)?,
            PmcData::ResizableFloatArray(a) => resize(a, size_arg(v)?, 0.0, meter)?,
            PmcData::ByteBuffer(b) => resize(b, size_arg(v)?, 0, meter)?,
            PmcData::Exception(e) => e.kind = v,
            d => return Err(wrong(d.class_name(), "set_integer_native")),
        }
        Ok(())
    }

    /// `set_number_native`.
    pub fn set_number(&mut self, p: PVal, v: f64) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_number_native"))?;
        let d = self.get_mut(r);
        match d {
            PmcData::Float(f) => *f = v,
            PmcData::Integer(_) | PmcData::Undef | PmcData::BigInt(_) => *d = PmcData::Float(v),
            PmcData::Boolean(b) => *b = v != 0.0,
            PmcData::String(s) => *s = Str::from(num::fmt_str(v)),
            d => return Err(wrong(d.class_name(), "set_number_native")),
        }
        Ok(())
    }

    /// `set_string_native`.
    pub fn set_string(&mut self, p: PVal, v: Str) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_string_native"))?;
        let d = self.get_mut(r);
        match d {
            PmcData::String(s) => *s = v,
            // Parrot's ByteBuffer takes the string's bytes as they are encoded.
            PmcData::ByteBuffer(b) => *b = v.encoded().into_owned(),
            PmcData::BigInt(b) => {
                // A BigInt parses the string and stays a BigInt (leading digits; none is 0).
                let t = v.to_text();
                let t = t.trim_start();
                let end = t
                    .char_indices()
                    .take_while(|&(i, c)| c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+')))
                    .count();
                // Past Kea's BigInt limit (`interp/arith.rs`): 1 bit is over 0.30103 digits.
                if end as f64 * std::f64::consts::LOG2_10 > crate::interp::MAX_BIGINT_BITS as f64 + 4.0 {
                    return Err(crate::interp::big_too_large());
                }
                **b = t[..end].parse().unwrap_or_default();
            }
            PmcData::Integer(_) | PmcData::Float(_) | PmcData::Undef => *d = PmcData::String(v),
            PmcData::Boolean(b) => *b = v.truthy(),
            PmcData::Exception(e) => e.message = v,
            d => return Err(wrong(d.class_name(), "set_string_native")),
        }
        Ok(())
    }

    /// A new PMC holding an element value (Parrot's boxing).
    pub fn boxed(&mut self, e: Elem) -> PVal {
        match e {
            Elem::I(i) => Some(self.alloc(PmcData::Integer(i))),
            Elem::N(n) => Some(self.alloc(PmcData::Float(n))),
            Elem::S(s) => Some(self.alloc(PmcData::String(s))),
            Elem::P(p) => p,
        }
    }

    /// An element as an integer.
    pub fn elem_int(&self, e: &Elem) -> Result<i64, Exc> {
        match e {
            Elem::I(i) => Ok(*i),
            Elem::N(n) => Ok(num::num_to_int(*n)),
            Elem::S(s) => Ok(num::parse_int(s.as_bytes())),
            Elem::P(p) => self.get_integer(*p),
        }
    }
    /// An element as a number.
    pub fn elem_num(&self, e: &Elem) -> Result<f64, Exc> {
        match e {
            Elem::I(i) => Ok(*i as f64),
            Elem::N(n) => Ok(*n),
            Elem::S(s) => Ok(num::parse_num(s.as_bytes())),
            Elem::P(p) => self.get_number(*p),
        }
    }
    /// An element as a string.
    pub fn elem_str(&self, e: &Elem) -> Result<Str, Exc> {
        match e {
            Elem::I(i) => Ok(Str::from(i.to_string())),
            Elem::N(n) => Ok(Str::from(num::fmt_str(*n))),
            Elem::S(s) => Ok(s.clone()),
            Elem::P(p) => self.get_string(*p),
        }
    }

    /// `get_*_keyed` for one key step.
    pub fn get_keyed(&self, p: PVal, key: &KeyVal) -> Result<Elem, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("get_pmc_keyed"))?;
        let d = self.get(r);
        match (d, key) {
            (PmcData::Hash(h), k) => {
                let k = match k {
                    KeyVal::Str(s) => s.clone(),
                    KeyVal::Int(i) => Str::from(i.to_string()),
                };
                Ok(Elem::P(h.get(&k).copied().flatten()))
            }
            (PmcData::Exception(e), KeyVal::Str(s)) => Ok(match s.as_bytes() {
                b"message" => Elem::S(e.message.clone()),
                b"severity" => Elem::I(e.severity),
                b"type" => Elem::I(e.kind),
                b"exit_code" => Elem::I(e.exit_code),
                b"payload" => Elem::P(e.payload),
                b"resume" => Elem::P(e.resume),
                _ => Elem::P(None),
            }),
            // A type that answers its keys itself (its class-table line's `slots`).
            (d, k) if d.slots().get_keyed.is_some() => d.slots().get_keyed.map_or(Ok(Elem::P(None)), |f| f(self, d, k)),
            (_, KeyVal::Str(s)) => self.get_keyed(p, &KeyVal::Int(num::parse_int(s.as_bytes()))),
            (d, KeyVal::Int(i)) => {
                let len = elements_of(d);
                let fixed = matches!(d, PmcData::FixedPMCArray(_) | PmcData::FixedIntegerArray(_));
                let idx = match index_of(*i, len) {
                    Some(ix) => ix,
                    None if fixed => return Err(Exc::out_of_bounds()),
                    // Before the start of a resizable array is an error; past its end reads as
                    // empty (Parrot's ResizablePMCArray).
                    None if *i < 0 => return Err(Exc::new(types::EXCEPTION_OUT_OF_BOUNDS, "get: index out of bounds")),
                    None => return Ok(empty_elem(d)),
                };
                Ok(match d {
                    PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a) => Elem::P(a[idx]),
                    PmcData::ResizableIntegerArray(a) | PmcData::FixedIntegerArray(a) => Elem::I(a[idx]),
                    PmcData::ResizableStringArray(a) => Elem::S(a[idx].clone()),
                    PmcData::ResizableFloatArray(a) => Elem::N(a[idx]),
                    PmcData::String(s) => Elem::S(s.substring(idx, 1)),
                    d => return Err(wrong(d.class_name(), "get_pmc_keyed_int")),
                })
            }
        }
    }

    /// `set_*_keyed` for one key step.
    pub fn set_keyed(&mut self, p: PVal, key: &KeyVal, v: Elem) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_pmc_keyed"))?;
        if let PmcData::Hash(_) = self.get(r) {
            let k = match key {
                KeyVal::Str(s) => s.clone(),
                KeyVal::Int(i) => Str::from(i.to_string()),
            };
            let v = self.boxed(v);
            if let PmcData::Hash(h) = self.get_mut(r) {
                h.insert(k, v);
            }
            return Ok(());
        }
        if let Some(f) = self.get(r).slots().set_keyed {
            return f(self, r, key, v);
        }
        let i = match key {
            KeyVal::Int(i) => *i,
            KeyVal::Str(s) => {
                if let PmcData::Exception(_) = self.get(r) {
                    return self.set_exception_field(r, s, v);
                }
                num::parse_int(s.as_bytes())
            }
        };
        // Convert the value first: boxing allocates, which needs the heap mutably.
        let class = self.class_name(r);
        let converted = match self.get(r) {
            PmcData::ResizablePMCArray(_) | PmcData::FixedPMCArray(_) => Elem::P(self.boxed(v)),
            PmcData::ResizableIntegerArray(_) | PmcData::FixedIntegerArray(_) => Elem::I(self.elem_int(&v)?),
            PmcData::ResizableStringArray(_) => Elem::S(self.elem_str(&v)?),
            PmcData::ResizableFloatArray(_) => Elem::N(self.elem_num(&v)?),
            _ => return Err(wrong(class, "set_pmc_keyed_int")),
        };
        let (d, meter) = self.get_mut_metered(r);
        let len = elements_of(d);
        let fixed = matches!(d, PmcData::FixedPMCArray(_) | PmcData::FixedIntegerArray(_));
        let idx = match index_of(i, len) {
            Some(ix) => ix,
            None if fixed || i < 0 => return Err(Exc::out_of_bounds()),
            None => {
                let new_len = usize::try_from(i).map_err(|_| Exc::out_of_bounds())? + 1;
                grow(d, new_len, meter)?;
                i as usize
            }
        };
        match (d, converted) {
            (PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a), Elem::P(v)) => a[idx] = v,
            (PmcData::ResizableIntegerArray(a) | PmcData::FixedIntegerArray(a), Elem::I(v)) => a[idx] = v,
            (PmcData::ResizableStringArray(a), Elem::S(v)) => a[idx] = v,
            (PmcData::ResizableFloatArray(a), Elem::N(v)) => a[idx] = v,
            _ => {}
        }
        Ok(())
    }

    /// `exists_keyed`.
    pub fn exists_keyed(&self, p: PVal, key: &KeyVal) -> Result<bool, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("exists_keyed"))?;
        Ok(match (self.get(r), key) {
            (PmcData::Hash(h), KeyVal::Str(s)) => h.contains_key(s),
            (PmcData::Hash(h), KeyVal::Int(i)) => h.contains_key(&Str::from(i.to_string())),
            (PmcData::ResizablePMCArray(a) | PmcData::FixedPMCArray(a), KeyVal::Int(i)) => {
                index_of(*i, a.len()).is_some_and(|ix| a[ix].is_some())
            }
            (d, KeyVal::Int(i)) => index_of(*i, elements_of(d)).is_some(),
            (d, _) => return Err(wrong(d.class_name(), "exists_keyed")),
        })
    }

    /// `defined` of a PMC.
    pub fn defined(&self, p: PVal) -> bool {
        match p {
            None => false,
            Some(r) => !matches!(self.get(r), PmcData::Undef),
        }
    }

    /// `defined_keyed`.
    pub fn defined_keyed(&self, p: PVal, key: &KeyVal) -> Result<bool, Exc> {
        if !self.exists_keyed(p, key)? {
            return Ok(false);
        }
        Ok(match self.get_keyed(p, key)? {
            Elem::P(v) => self.defined(v),
            _ => true,
        })
    }

    /// `delete_keyed`.
    pub fn delete_keyed(&mut self, p: PVal, key: &KeyVal) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("delete_keyed"))?;
        let d = self.get_mut(r);
        match (d, key) {
            (PmcData::Hash(h), k) => {
                let k = match k {
                    KeyVal::Str(s) => s.clone(),
                    KeyVal::Int(i) => Str::from(i.to_string()),
                };
                h.remove(&k);
            }
            (d, KeyVal::Int(i)) => {
                let len = elements_of(d);
                let Some(ix) = index_of(*i, len) else { return Ok(()) };
                match d {
                    PmcData::ResizablePMCArray(a) => {
                        a.remove(ix);
                    }
                    PmcData::ResizableIntegerArray(a) => {
                        a.remove(ix);
                    }
                    PmcData::ResizableStringArray(a) => {
                        a.remove(ix);
                    }
                    PmcData::ResizableFloatArray(a) => {
                        a.remove(ix);
                    }
                    d => return Err(wrong(d.class_name(), "delete_keyed_int")),
                }
            }
            (d, _) => return Err(wrong(d.class_name(), "delete_keyed")),
        }
        Ok(())
    }

    /// `push_*` (`front` = `unshift_*`).
    pub fn push(&mut self, p: PVal, v: Elem, front: bool) -> Result<(), Exc> {
        let what = if front { "unshift" } else { "push" };
        let r = p.ok_or_else(|| Exc::null_access(what))?;
        let class = self.class_name(r);
        let v = match self.get(r) {
            PmcData::ResizablePMCArray(_) => Elem::P(self.boxed(v)),
            PmcData::ResizableIntegerArray(_) => Elem::I(self.elem_int(&v)?),
            PmcData::ResizableStringArray(_) => Elem::S(self.elem_str(&v)?),
            PmcData::ResizableFloatArray(_) => Elem::N(self.elem_num(&v)?),
            _ => return Err(wrong(class, what)),
        };
        fn put<T>(a: &mut Vec<T>, v: T, front: bool) {
            if front {
                a.insert(0, v)
            } else {
                a.push(v)
            }
        }
        match (self.get_mut(r), v) {
            (PmcData::ResizablePMCArray(a), Elem::P(v)) => put(a, v, front),
            (PmcData::ResizableIntegerArray(a), Elem::I(v)) => put(a, v, front),
            (PmcData::ResizableStringArray(a), Elem::S(v)) => put(a, v, front),
            (PmcData::ResizableFloatArray(a), Elem::N(v)) => put(a, v, front),
            _ => {}
        }
        Ok(())
    }

    /// `pop_*` (`front` = `shift_*`); an iterator's `shift` gives its next item.
    pub fn pop(&mut self, p: PVal, front: bool) -> Result<Elem, Exc> {
        let what = if front { "shift" } else { "pop" };
        let r = p.ok_or_else(|| Exc::null_access(what))?;
        if let PmcData::Iterator(it) = self.get(r) {
            let it = it.clone();
            return self.iter_next(r, it);
        }
        let class = self.class_name(r);
        fn remove<T>(a: &mut Vec<T>, front: bool) -> Option<T> {
            if front {
                (!a.is_empty()).then(|| a.remove(0))
            } else {
                a.pop()
            }
        }
        Ok(match self.get_mut(r) {
            PmcData::ResizablePMCArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::P(remove(a, front).flatten())
            }
            PmcData::ResizableIntegerArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::I(remove(a, front).unwrap_or(0))
            }
            PmcData::ResizableStringArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::S(remove(a, front).unwrap_or_else(Str::null))
            }
            PmcData::ResizableFloatArray(a) => {
                non_empty(a.len(), front, class)?;
                Elem::N(remove(a, front).unwrap_or(0.0))
            }
            d => return Err(wrong(d.class_name(), what)),
        })
    }

    /// `clone`.
    pub fn clone_pmc(&mut self, p: PVal) -> Result<PVal, Exc> {
        let r = p.ok_or_else(|| Exc::null_access("clone"))?;
        let d = self.get(r).clone();
        Ok(Some(self.alloc(d)))
    }
}
