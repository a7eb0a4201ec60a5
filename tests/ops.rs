//! The op reference (`kea ops`) is rendered from the op table and kept as a snapshot, so any
//! change to an op's name, number, signature or doc shows up in review.

#[test]
fn op_reference() {
    insta::assert_snapshot!("op_reference", kea_runtime::ops_reference());
}

#[test]
fn trace_shows_each_op_and_its_registers() {
    let code = kea_asm::assemble_str("t.pasm", "set I0, 2\nadd I1, I0, 3\nend\n").expect("assembles");
    let lines = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let sink = lines.clone();
    let mut vm = kea_vm::interp::Vm::default();
    vm.trace = Some(Box::new(move |l: &str| sink.borrow_mut().push(l.to_string())));
    let code = std::rc::Rc::new(code);
    let mut task = kea_vm::interp::Task::new(code);
    assert!(matches!(vm.run(&mut task, 100), kea_vm::interp::Step::Finished));
    let got = lines.borrow().join("\n");
    assert!(got.contains("0000 set I0, 2"), "{got}");
    assert!(got.contains("0001 add I1, I0, 3") && got.contains("I0=2"), "{got}");
    assert_eq!(task.ops, 3);
}

#[test]
fn fuel_is_exact_and_slices_resume() {
    // 3 setup ops + 1000 iterations of 2 ops + say + end = 2005 ops, whatever the slice size.
    let src = "set I3, 1\nset I4, 1000\nset I5, 0\nL: sub I4, I4, I3\nif I4, L\nsay I4\nend\n";
    for batch in [1u64, 2, 3, 7, 1000, 1 << 40] {
        let code = std::rc::Rc::new(kea_asm::assemble_str("f.pasm", src).expect("assembles"));
        let mut vm = kea_vm::interp::Vm::default();
        let mut task = kea_vm::interp::Task::new(code);
        let mut slices = 0;
        loop {
            slices += 1;
            match vm.run(&mut task, batch) {
                kea_vm::interp::Step::Yielded => {}
                kea_vm::interp::Step::Io(_) => vm.complete_io(&mut task, kea_vm::interp::IoResult::Done).expect("ok"),
                kea_vm::interp::Step::Finished => break,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(task.ops, 2005, "batch {batch}");
        assert!(batch > 2005 || slices as u64 >= 2005 / batch.max(2) / 2, "batch {batch}: {slices} slices");
    }
}

/// A recursive sub that exits with fib(n): every call but the first goes through a call
/// settled at load time (`Code::plan`).
const FIB: &str = ".sub main :main\n    $I0 = fib(12)\n    exit $I0\n.end\n.sub fib\n    .param int n\n    \
                   if n < 2 goto base\n    $I0 = n - 1\n    $I1 = fib($I0)\n    $I2 = n - 2\n    \
                   $I3 = fib($I2)\n    $I4 = $I1 + $I3\n    .return ($I4)\nbase:\n    .return (n)\n.end\n";

/// Runs `code` to its end in slices of `batch`, traced (every op on its own, nothing fused)
/// or not; returns how it ended and how many ops ran.
fn run_to_end(code: &std::rc::Rc<kea_vm::code::Code>, batch: u64, traced: bool) -> (String, u64) {
    let mut vm = kea_vm::interp::Vm::default();
    if traced {
        vm.trace = Some(Box::new(|_: &str| {}));
    }
    let mut task = kea_vm::interp::Task::new(code.clone());
    loop {
        match vm.run(&mut task, batch) {
            kea_vm::interp::Step::Yielded => {}
            kea_vm::interp::Step::Io(_) => vm.complete_io(&mut task, kea_vm::interp::IoResult::Done).expect("ok"),
            other => return (format!("{other:?}"), task.ops),
        }
    }
}

#[test]
fn planned_calls_match_op_by_op_calls() {
    let code = std::rc::Rc::new(kea_asm::assemble_str("fib.pir", FIB).expect("assembles"));
    let (end, ops) = run_to_end(&code, 1 << 40, true);
    assert_eq!(end, "Exit(144)");
    for batch in [1u64, 2, 5, 1000, 1 << 40] {
        assert_eq!(run_to_end(&code, batch, false), (end.clone(), ops), "batch {batch}");
    }
}

#[test]
fn only_settled_calls_are_planned() {
    let src = ".sub main :main\n    $I0 = f(1)\n    $I1 = f('x')\n    $S0 = 'f'\n    $I2 = $S0(1)\n    \
               $I3 = g(1)\n    $I4 = nosuch(1)\n.end\n.sub f\n    .param int n\n    .return (n)\n.end\n\
               .sub g\n    .param string s\n    .return (1)\n.end\n";
    let code = kea_asm::assemble_str("plan.pir", src).expect("assembles");
    let planned: Vec<String> = (0..code.ops.len())
        .filter_map(|pc| {
            code.plan(pc).map(|p| format!("{} -> {}", code.fmt_op(&code.ops[pc]), code.subs[p.callee as usize].name))
        })
        .collect();
    // f(1) only: f('x') passes a string to an int parameter (a conversion), `$S0(1)` names
    // the sub at run time, g(1) passes an int to a string parameter, and nosuch is no sub.
    assert_eq!(planned, vec!["find_sub_not_null P0, \"f\" -> f".to_string()]);
}
