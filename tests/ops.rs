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
    let code = std::rc::Rc::new(kea_vm::interp::Prepared::new(code));
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
        let code = std::rc::Rc::new(prepared("f.pasm", src));
        let mut vm = kea_vm::interp::Vm::default();
        let mut task = kea_vm::interp::Task::new(code);
        let mut slices = 0;
        loop {
            slices += 1;
            match vm.run(&mut task, batch) {
                kea_vm::interp::Step::Yielded => {}
                kea_vm::interp::Step::Submit { req, .. } => {
                    vm.complete(req, kea_vm::interp::IoResult::Done);
                }
                kea_vm::interp::Step::Finished => break,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(task.ops, 2005, "batch {batch}");
        assert!(batch > 2005 || slices as u64 >= 2005 / batch.max(2) / 2, "batch {batch}: {slices} slices");
    }
}

/// `src` assembled and lowered for the interpreter (`interp/prepare.rs`).
fn prepared(name: &str, src: &str) -> kea_vm::interp::Prepared {
    kea_vm::interp::Prepared::new(kea_asm::assemble_str(name, src).expect("assembles"))
}

/// A recursive sub that exits with fib(n): every call but the first goes through a call
/// settled at load time (`Prepared::plan`).
const FIB: &str = ".sub main :main\n    $I0 = fib(12)\n    exit $I0\n.end\n.sub fib\n    .param int n\n    \
                   if n < 2 goto base\n    $I0 = n - 1\n    $I1 = fib($I0)\n    $I2 = n - 2\n    \
                   $I3 = fib($I2)\n    $I4 = $I1 + $I3\n    .return ($I4)\nbase:\n    .return (n)\n.end\n";

/// Runs `code` to its end in slices of `batch`, traced (every op on its own, nothing fused)
/// or not; returns how it ended and how many ops ran.
fn run_to_end(code: &std::rc::Rc<kea_vm::interp::Prepared>, batch: u64, traced: bool) -> (String, u64) {
    run_with(code, batch, traced, kea_vm::interp::Config::default())
}

/// [`run_to_end`] with a VM made from `config`.
fn run_with(
    code: &std::rc::Rc<kea_vm::interp::Prepared>,
    batch: u64,
    traced: bool,
    config: kea_vm::interp::Config,
) -> (String, u64) {
    let mut vm = kea_vm::interp::Vm::new(config);
    if traced {
        vm.trace = Some(Box::new(|_: &str| {}));
    }
    let mut task = kea_vm::interp::Task::new(code.clone());
    loop {
        match vm.run(&mut task, batch) {
            kea_vm::interp::Step::Yielded => {}
            kea_vm::interp::Step::Submit { req, .. } => {
                vm.complete(req, kea_vm::interp::IoResult::Done);
            }
            other => return (format!("{other:?}"), task.ops),
        }
    }
}

#[test]
fn planned_calls_match_op_by_op_calls() {
    let code = std::rc::Rc::new(prepared("fib.pir", FIB));
    let (end, ops) = run_to_end(&code, 1 << 40, true);
    assert_eq!(end, "Exit(144)");
    for batch in [1u64, 2, 5, 1000, 1 << 40] {
        assert_eq!(run_to_end(&code, batch, false), (end.clone(), ops), "batch {batch}");
    }
}

/// Lean subs (`interp/tier/lean.rs`) of every shape the lean loop handles: two-value lists with
/// an N register (the general copy), a register read before it is written on one path (it
/// must read 0 in every call, even when the frame before it in that slot wrote it), the
/// same for an N register and for more I registers than a near call empties (the calls
/// done in the callee's own window), a call out to a sub that is not lean, and deep
/// recursion. Exits with a checksum of all of it.
const LEAN: &str = ".sub main :main\n    $I9 = 0\n    $I8 = 0\nloop:\n    $I5 = acc(0)\n    $I9 += $I5\n    \
                    $I0 = acc($I8)\n    $I9 += $I0\n    $I6 = twice($I8)\n    $I9 += $I6\n    ($I1, $N1) = pair($I8, 1.5)\n    $I9 += $I1\n    $N2 = $N1 * 10.0\n    \
                    $I2 = $N2\n    $I9 += $I2\n    $I3 = outer($I8)\n    $I9 += $I3\n    $N5 = fcall($I8)\n    $I2 = $N5\n    $I9 += $I2\n    \
                    $I7 = wcall($I8)\n    $I9 += $I7\n    inc $I8\n    \
                    if $I8 < 6 goto loop\n    $I4 = down(300)\n    $I9 += $I4\n    exit $I9\n.end\n\
                    .sub acc\n    .param int n\n    if n goto skip\n    $I1 = 5\nskip:\n    $I2 = $I1 + n\n    \
                    .return ($I2)\n.end\n\
                    .sub twice\n    .param int n\n    $I0 = acc(0)\n    $I1 = acc(n)\n    $I2 = $I0 + $I1\n    \
                    .return ($I2)\n.end\n\
                    .sub pair\n    .param int a\n    .param num x\n    $I0 = a * 3\n    $N0 = x + x\n    \
                    .return ($I0, $N0)\n.end\n\
                    .sub outer\n    .param int n\n    $I0 = acc(n)\n    $I1 = notlean(n)\n    $I2 = $I0 + $I1\n    \
                    .return ($I2)\n.end\n\
                    .sub notlean\n    .param int n\n    $S0 = 'abc'\n    $I0 = length $S0\n    $I0 += n\n    \
                    .return ($I0)\n.end\n\
                    .sub fsum\n    .param int n\n    if n goto skip\n    $N1 = 2.5\nskip:\n    $N2 = $N1 + $N1\n    \
                    .return ($N2)\n.end\n\
                    .sub fcall\n    .param int n\n    $N1 = fsum(0)\n    $N0 = fsum(n)\n    $N2 = $N0 + $N1\n    \
                    .return ($N2)\n.end\n\
                    .sub wide\n    .param int n\n    if n goto skip\n    $I1 = 1\n    $I2 = 2\n    $I3 = 3\n    $I4 = 4\n    \
                    $I5 = 5\n    $I6 = 6\n    $I7 = 7\n    $I8 = 8\n    $I9 = 9\n    $I10 = 10\nskip:\n    $I11 = n + $I1\n    \
                    $I11 += $I2\n    $I11 += $I3\n    $I11 += $I4\n    $I11 += $I5\n    $I11 += $I6\n    $I11 += $I7\n    \
                    $I11 += $I8\n    $I11 += $I9\n    $I11 += $I10\n    .return ($I11)\n.end\n\
                    .sub wcall\n    .param int n\n    $I0 = wide(0)\n    $I1 = wide(n)\n    $I2 = $I0 + $I1\n    \
                    .return ($I2)\n.end\n\
                    .sub down\n    .param int n\n    if n > 0 goto more\n    .return (0)\nmore:\n    $I0 = n - 1\n    \
                    $I1 = down($I0)\n    $I1 += 1\n    .return ($I1)\n.end\n";

#[test]
fn lean_loop_matches_main_loop() {
    let code = std::rc::Rc::new(prepared("lean.pir", LEAN));
    let lean = |name: &str| code.per_sub[code.find_sub(name.as_bytes()).expect("sub")].lean;
    assert!(lean("acc") && lean("twice") && lean("pair") && lean("outer") && lean("down"));
    assert!(lean("fsum") && lean("fcall") && lean("wide") && lean("wcall"));
    assert!(!lean("main") && !lean("notlean"));
    // acc(n): 5 for 0, else n (never 5 + n: the register starts empty, also right after
    // acc(0) ran in the same frame slot), so 20 over the loop; acc(0) 6 times: 30; twice:
    // 6 * 5 + 20; pair: 3 * (0 + .. + 5) and 10 * 3.0 six times; outer: acc(n) + 3 + n;
    // down(300): 300. fcall(n): fsum(n) + fsum(0), fsum reading an N register that only
    // fsum(0) sets: 10 + 5 * 5. wcall(n): wide(0) + wide(n), wide reading ten I registers
    // that only wide(0) sets: 110 + (56 + .. + 60).
    let want = 20 + 30 + 50 + 45 + 180 + (20 + 18 + 15) + 300 + 35 + 400;
    let (end, ops) = run_to_end(&code, 1 << 40, true);
    assert_eq!(end, format!("Exit({want})"));
    let off = kea_vm::interp::Config { lean: false, ..Default::default() };
    for batch in [1u64, 2, 3, 5, 7, 1000, 1 << 40] {
        assert_eq!(run_to_end(&code, batch, false), (end.clone(), ops), "lean, batch {batch}");
        assert_eq!(run_with(&code, batch, false, off), (end.clone(), ops), "main loop, batch {batch}");
    }
}

#[test]
fn only_registers_read_before_written_are_emptied() {
    let code = prepared("lean.pir", LEAN);
    let unset = |name: &str| Some(code.per_sub[code.find_sub(name.as_bytes()).expect("sub")].unset);
    // acc reads I1 on the path that skips `$I1 = 5`; down and pair write before they read.
    assert_eq!(unset("acc"), Some([2, 0]));
    assert_eq!(unset("down"), Some([0, 0]));
    assert_eq!(unset("pair"), Some([0, 0]));
    // A loop that reads N0 before its first write, and a computed jump (every register).
    let src = ".pcc_sub f:\nset I0, 3\nL: add N0, N0, 1.5\ndec I0\nif I0, L\nend\n\
               .pcc_sub g:\nset I2, 7\njump I2\nadd I1, I2, 1\nend\n";
    let code = prepared("u.pasm", src);
    assert_eq!(code.per_sub[0].unset, [0, 1]);
    let g = &code.subs[1];
    assert_eq!(code.per_sub[1].unset, [g.regs[0], g.regs[1]]);
    assert!(g.regs[0] >= 3, "{:?}", g.regs);
}

#[test]
fn lean_loop_keeps_the_depth_limit() {
    let code = std::rc::Rc::new(prepared("lean.pir", LEAN));
    let small = |lean| kea_vm::interp::Config { max_depth: 50, lean };
    let (end, ops) = run_with(&code, 1 << 40, true, small(false));
    assert!(end.contains("maximum recursion depth exceeded"), "{end}");
    for batch in [1u64, 3, 1 << 40] {
        assert_eq!(run_with(&code, batch, false, small(true)), (end.clone(), ops), "batch {batch}");
    }
}

#[test]
fn only_settled_calls_are_planned() {
    let src = ".sub main :main\n    $I0 = f(1)\n    $I1 = f('x')\n    $S0 = 'f'\n    $I2 = $S0(1)\n    \
               $I3 = g(1)\n    $I4 = nosuch(1)\n.end\n.sub f\n    .param int n\n    .return (n)\n.end\n\
               .sub g\n    .param string s\n    .return (1)\n.end\n";
    let code = prepared("plan.pir", src);
    let planned: Vec<String> = (0..code.ops.len())
        .filter_map(|pc| {
            code.plan(pc).map(|p| format!("{} -> {}", code.fmt_op(&code.ops[pc]), code.subs[p.callee as usize].name))
        })
        .collect();
    // f(1) only: f('x') passes a string to an int parameter (a conversion), `$S0(1)` names
    // the sub at run time, g(1) passes an int to a string parameter, and nosuch is no sub.
    assert_eq!(planned, vec!["find_sub_not_null P0, \"f\" -> f".to_string()]);
}

/// Every op reaches a handler projected from the op table: `assign` and `clone` of S
/// registers had none when ops were dispatched by mnemonic ("op assign_s_s is not implemented").
#[test]
fn string_assign_and_clone_have_handlers() {
    let src = "set S0, \"abc\"\nassign S1, S0\nclone S2, S0\nlength I0, S1\nlength I1, S2\nadd I0, I0, I1\nexit I0\n";
    let code = std::rc::Rc::new(prepared("s.pasm", src));
    assert_eq!(run_to_end(&code, 1 << 40, false).0, "Exit(6)");
}

/// Traced, every op goes to its handler; untraced, the hot ops run in `run_loop`'s own match.
/// Both must agree, op count included.
#[test]
fn hot_arms_match_their_handlers() {
    // Each compare-and-branch goes to the next line, so both of its ways run.
    let src = "set I0, 0\nset I1, 7\nset N0, 1.5\nset N1, 0.25\nset I9, 40\n\
               L: add I0, I0, I1\nadd I0, 3\nadd I2, I0, 5\nsub I2, I2, I1\nsub I2, 1\nsub I0, I2\n\
               mul I3, I2, I1\nmul I3, I3, 3\ninc I0\ndec I3\nadd I0, I3\nset I4, I3\nmod I0, I0, 97\n\
               add N2, N0, N1\nsub N2, N2, N1\nmul N0, N2, N0\nset N3, N0\nset N1, 0.5\n\
               eq I4, I3, A\nA: ne I0, I4, B\nB: lt I0, I1, C\nC: le I0, I1, D\nD: gt I1, I0, E\n\
               E: ge I1, I0, F\nF: lt I9, 20, G\nG: le I9, 20, H\nH: unless I9, M\nM: if N0, N\n\
               N: branch P\nP: dec I9\nif I9, L\nset I5, N0\nmod I5, I5, 1000\nadd I0, I0, I5\n\
               mod I0, I0, 200\nexit I0\n";
    let code = std::rc::Rc::new(prepared("hot.pasm", src));
    let (end, ops) = run_to_end(&code, 1 << 40, true);
    assert!(end.starts_with("Exit(") && ops > 500, "{end} after {ops} ops");
    for batch in [1u64, 3, 1 << 40] {
        assert_eq!(run_to_end(&code, batch, false), (end.clone(), ops), "batch {batch}");
    }
}
