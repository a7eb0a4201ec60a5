//! The VM interrupt check (`vm/src/interrupt.rs`): the host's flag stops a task between
//! slices and inside a long op, no exception handler sees it, the task stays intact and
//! resumes at the op; and long ops charge fuel in proportion to their work.

use kea_vm::interp::{Prepared, Step, Task, Vm};
use kea_vm::interrupt::Reason;
use std::rc::Rc;

fn task(src: &str) -> Task {
    let code = kea_asm::assemble_str("i.pasm", src).expect("assembles");
    Task::new(Rc::new(Prepared::new(code)))
}

/// Runs to the end (the program does no IO); panics on anything else.
fn finish(vm: &mut Vm, t: &mut Task) {
    loop {
        match vm.run(t, 1000) {
            Step::Yielded => {}
            Step::Finished => return,
            other => panic!("unexpected step {other:?}"),
        }
    }
}

#[test]
fn a_raised_flag_stops_a_task_between_slices_and_it_resumes_when_cleared() {
    let mut vm = Vm::default();
    let mut t = task("    set I0, 0\nL:  inc I0\n    lt I0, 100000, L\n    end\n");
    let flag = vm.heap.meter.interrupt.clone();
    assert!(matches!(vm.run(&mut t, 10), Step::Yielded));
    let ops = t.ops;
    flag.raise(Reason::SIGNAL);
    assert!(matches!(vm.run(&mut t, 10), Step::Interrupted));
    assert_eq!(t.ops, ops, "nothing ran");
    flag.clear(Reason::SIGNAL);
    finish(&mut vm, &mut t);
    assert_eq!(t.frames.len(), 0);
}

/// The flag raised while the task runs, just before a long op (by the trace hook, which the
/// host owns): the op stops inside its work, the handler installed around it does not run,
/// and after the flag is cleared the op runs again from its start.
#[test]
fn a_long_op_stops_inside_its_work_and_no_handler_sees_it() {
    let mut vm = Vm::default();
    let flag = vm.heap.meter.interrupt.clone();
    let armed = std::cell::Cell::new(true);
    vm.trace = Some(Box::new(move |line: &str| {
        if line.contains("repeat") && armed.replace(false) {
            flag.raise(Reason::DEADLINE);
        }
    }));
    let src = "    push_eh H\n    set S1, \"ab\"\n    repeat S0, S1, 10000000\n    length I0, S0\n    end\n\
               H:  set I1, 1\n    end\n";
    let mut t = task(src);
    assert!(matches!(vm.run(&mut t, 1000), Step::Interrupted));
    let f = t.frames.last().expect("the task is intact");
    assert_eq!(f.code.fmt_op(&f.code.ops[f.pc as usize]), "repeat S0, S1, 10000000", "stopped at the op");
    assert!(f.s[0].is_null() || f.s[0].as_bytes().is_empty(), "the op wrote nothing");
    vm.heap.meter.interrupt.clear(Reason::DEADLINE);
    finish(&mut vm, &mut t);
}

#[test]
fn an_array_resize_stops_inside_and_leaves_the_array_as_it_was() {
    let mut vm = Vm::default();
    let flag = vm.heap.meter.interrupt.clone();
    vm.trace = Some(Box::new(move |line: &str| {
        if line.contains("set P0, 100000000") {
            flag.raise(Reason::USER);
        }
    }));
    let mut t = task("    new P0, 'ResizableIntegerArray'\n    push P0, 7\n    set P0, 100000000\n    end\n");
    assert!(matches!(vm.run(&mut t, 1000), Step::Interrupted));
    let p = t.frames.last().and_then(|f| f.p[0]);
    assert_eq!(vm.heap.elements(p).expect("an array"), 1);
}

#[test]
fn a_wide_sprintf_stops_inside_its_padding() {
    let mut vm = Vm::default();
    let flag = vm.heap.meter.interrupt.clone();
    vm.trace = Some(Box::new(move |line: &str| {
        if line.contains("sprintf") {
            flag.raise(Reason::MEMORY);
        }
    }));
    let src = "    new P0, 'ResizablePMCArray'\n    push P0, 500000000\n    push P0, \"x\"\n    sprintf S0, \"%*s\", P0\n    end\n";
    let mut t = task(src);
    assert!(matches!(vm.run(&mut t, 1000), Step::Interrupted));
}

/// An op whose work grows with its operands is charged for it: a 64 MiB `repeat` costs about
/// a million ops, and the slice ends after it.
#[test]
fn long_ops_charge_fuel_in_proportion() {
    let mut vm = Vm::default();
    let mut t = task("    repeat S0, \"x\", 67108864\n    length I0, S0\n    end\n");
    assert!(matches!(vm.run(&mut t, 1_000_000_000), Step::Yielded), "the slice ends after the op");
    assert!(t.ops >= (1 << 26) / 64, "charged {} ops", t.ops);
    finish(&mut vm, &mut t);
    let mut cheap = task("    repeat S0, \"x\", 64\n    length I0, S0\n    end\n");
    finish(&mut vm, &mut cheap);
    assert!(cheap.ops < 10, "charged {} ops", cheap.ops);
}
