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
