//! Interpreter ops: `getinterp interpinfo errorson errorsoff warningson warningsoff trace
//! set_runcore debug bounds profile gc_debug` (the ParrotInterpreter PMC is `pmc/interp.rs`).

use super::flow::{top, Flow};
use super::{ia, sa, Frame, Task, Vm};
use crate::error::{types, Exc};
use crate::op::{IArg, IReg, PReg, SArg, SReg};
use crate::pmc::PmcData;
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

/// `interpinfo P, I`: the current sub; Kea has no lexpad (null) and no context, continuation
/// or task object to give.
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
