//! Interpreter ops: `getinterp interpinfo errorson errorsoff warningson warningsoff trace
//! set_runcore debug bounds profile gc_debug` (the ParrotInterpreter PMC is `pmc/interp.rs`).

use super::flow::{top, Flow};
use super::{ia, sa, Frame, Task, Vm};
use crate::error::{types, Exc};
use crate::op::{IArg, IReg, PReg, SArg, SReg};
use crate::pmc::{Elem, PmcData};
use crate::string::Str;

/// Parrot's run cores by name, with their `interpcores.pasm` numbers. Kea has one loop, which
/// `interpinfo` reports as Parrot's default, "fast"; `set_runcore` takes any of these names
/// and keeps running it.
const RUNCORES: [(&str, i64); 8] = [
    ("slow", 0),
    ("bounds", 0),
    ("fast", 1),
    ("exec", 32),
    ("gcdebug", 64),
    ("debugger", 128),
    ("profiling", 352),
    ("subprof", 512),
];

pub use crate::pmc::interp::interp_info;

impl Vm {
    /// The interpreter's global `i` (`iglobals.pasm`) as a ParrotInterpreter's
    /// `get_pmc_keyed_int` gives it: the program's argument vector (2) and the interpreter
    /// (6); null for the others, which Kea does not keep.
    pub(super) fn iglobal(&mut self, i: i64) -> crate::pmc::PVal {
        match i {
            2 => self.argv,
            6 => Some(self.heap.alloc(PmcData::ParrotInterpreter)),
            _ => None,
        }
    }
}

/// `interp["name"]`: what a ParrotInterpreter gives for a string key about the running sub
/// (Parrot's `get_pmc_keyed`, src/pmc/parrotinterpreter.pmc). `lexpad` is null for a sub
/// without lexicals, as Parrot gives; Kea has no lexical pads yet (the objects issue), so a
/// sub marked `:lex` or `:outer`, which would have one, throws rather than answer wrongly.
pub(super) fn interp_keyed(f: &Frame, key: &Str) -> Result<Elem, Exc> {
    match key.as_bytes() {
        b"lexpad" => {
            let lexical =
                f.code.subs[f.sub as usize].flags.iter().any(|x| x.starts_with(":lex") || x.starts_with(":outer"));
            if lexical {
                return Err(Exc::new(types::EXCEPTION_UNIMPLEMENTED, "lexical pads are not supported yet"));
            }
            Ok(Elem::P(None))
        }
        _ => Err(Exc::new(
            types::EXCEPTION_UNIMPLEMENTED,
            format!("Kea's ParrotInterpreter has no '{key}' key (only \"lexpad\" and interpinfo numbers)"),
        )),
    }
}

/// `runinterp P, L`: runs the code at `L` of this sub in the interpreter P, with registers
/// of its own, until its `end`; then this sub goes on after the op (src/ops/core.ops). Kea
/// runs it in a new frame of the same sub, on the same task.
pub(super) fn runinterp_p_ic(vm: &mut Vm, t: &mut Task, interp: PReg, target: crate::op::Label) -> Flow {
    let f = top(t);
    match f.p[interp.0 as usize].map(|r| vm.heap.get(r)) {
        Some(PmcData::ParrotInterpreter) => {}
        Some(d) => return Flow::Raise(Exc::unsupported("get_pointer", d.class_name())),
        None => return Flow::Raise(Exc::null_access("get_pointer")),
    }
    if t.frames.len() >= vm.config.max_depth {
        return Flow::Raise(Exc::new(types::EXCEPTION_INTERNAL_PANIC, "maximum recursion depth exceeded"));
    }
    let f = top(t);
    let (code, sub) = (f.code.clone(), f.sub);
    f.pc += 1;
    t.frames.call(&code, sub);
    top(t).pc = target.0;
    t.interps.push(t.frames.len());
    Flow::Reload
}

/// `getinterp P`
pub(super) fn getinterp_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    let p = vm.heap.alloc(PmcData::ParrotInterpreter);
    f.p[dst.0 as usize] = Some(p);
    Flow::Next
}

/// `interpinfo I, I`
pub(super) fn interpinfo_i_i(vm: &mut Vm, f: &mut Frame, dst: IReg, what: IArg) -> Flow {
    interp_info(&vm.heap, ia(f, what)).map(|v| f.i[dst.0 as usize] = v).into()
}

/// `interpinfo P, I`: the current sub, its return continuation (`cont.rs`); Kea has no lexpad
/// (null) and no context or task object to give.
pub(super) fn interpinfo_p_i(vm: &mut Vm, t: &mut Task, dst: PReg, what: IArg) -> Flow {
    let f = top(t);
    let v = match ia(f, what) {
        22 => {
            let (code, sub) = (f.code.clone(), f.sub);
            Some(vm.sub_pmc(&code, sub))
        }
        23 => Some(vm.current_cont(t)),
        24 => None,
        w => {
            return Flow::Raise(Exc::new(
                types::EXCEPTION_UNIMPLEMENTED,
                format!("illegal argument in Parrot_interp_info_p ({w}: Kea has no such object)"),
            ))
        }
    };
    top(t).p[dst.0 as usize] = v;
    Flow::Next
}

/// `interpinfo S, I`: the executable's names, the run core, the collector, the OS and CPU
/// Kea was built for.
pub(super) fn interpinfo_s_i(_: &mut Vm, f: &mut Frame, dst: SReg, what: IArg) -> Flow {
    let s = match ia(f, what) {
        26 | 27 => "kea",
        28 => "",
        15 => "fast",
        29 => "kea-mark-sweep",
        30 => std::env::consts::OS,
        33 | 34 => std::env::consts::ARCH,
        w => {
            return Flow::Raise(Exc::new(
                types::EXCEPTION_UNIMPLEMENTED,
                format!("illegal argument in Parrot_interp_info_s ({w})"),
            ))
        }
    };
    f.s[dst.0 as usize] = Str::from(s);
    Flow::Next
}

/// `errorson I`
pub(super) fn errorson_i(vm: &mut Vm, f: &mut Frame, flags: IArg) -> Flow {
    vm.flags.errors |= ia(f, flags);
    Flow::Next
}

/// `errorsoff I`
pub(super) fn errorsoff_i(vm: &mut Vm, f: &mut Frame, flags: IArg) -> Flow {
    vm.flags.errors &= !ia(f, flags);
    Flow::Next
}

/// `warningson I`
pub(super) fn warningson_i(vm: &mut Vm, f: &mut Frame, flags: IArg) -> Flow {
    vm.flags.warnings |= ia(f, flags);
    Flow::Next
}

/// `warningsoff I`
pub(super) fn warningsoff_i(vm: &mut Vm, f: &mut Frame, flags: IArg) -> Flow {
    vm.flags.warnings &= !ia(f, flags);
    Flow::Next
}

/// `trace I`: the flags are kept; Kea's tracing is the `--trace` option.
pub(super) fn trace_i(vm: &mut Vm, f: &mut Frame, flags: IArg) -> Flow {
    vm.flags.trace = ia(f, flags);
    Flow::Next
}

/// `set_runcore S`: an unknown name throws, as Parrot's `Parrot_runcore_switch` does.
pub(super) fn set_runcore_s(_: &mut Vm, f: &mut Frame, name: SArg) -> Flow {
    let name = sa(f, name);
    match RUNCORES.iter().find(|(n, _)| n.as_bytes() == name.as_bytes()) {
        Some(_) => Flow::Next,
        None => Flow::Raise(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("Invalid runcore {name} requested"))),
    }
}

/// `debug I`
pub(super) fn debug_i(vm: &mut Vm, f: &mut Frame, flags: IArg) -> Flow {
    vm.flags.debug = ia(f, flags);
    Flow::Next
}

/// `bounds I`: Kea checks every jump and register index whatever this says.
pub(super) fn bounds_i(vm: &mut Vm, f: &mut Frame, on: IArg) -> Flow {
    vm.flags.bounds = ia(f, on) != 0;
    Flow::Next
}

/// `profile I`
pub(super) fn profile_i(vm: &mut Vm, f: &mut Frame, on: IArg) -> Flow {
    vm.flags.profile = ia(f, on) != 0;
    Flow::Next
}

/// `gc_debug I`
pub(super) fn gc_debug_i(vm: &mut Vm, f: &mut Frame, on: IArg) -> Flow {
    vm.flags.gc_debug = ia(f, on) != 0;
    Flow::Next
}
