//! The spec harness: every `spec/<area>/{ok,err}/*.pasm` is assembled, checked for the
//! assembler's invariants, run with a small slice (so slicing is exercised everywhere), and
//! snapshotted as disassembly + output + diagnostics + exit code.
//!
//! To run one area: `INSTA_GLOB_FILTER='arith/**' cargo test --test spec`.
//!
//! A second test, [`op_coverage`], assembles every case again and snapshots, for each op of
//! the table, the cases whose code holds it (`tests/snapshots/spec__op_coverage.snap`), so an
//! op with no case shows up in review.

use kea_tests::{case_options, check_invariants, run_text, snapshot_text, suffix};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[test]
fn spec_cases() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let base = base.canonicalize().expect("spec/ exists");
    // Cases name files relative to the repository root, as a user at the root would; this
    // test owns the working directory (`op_coverage` uses absolute paths only).
    std::env::set_current_dir(base.parent().expect("repo root")).expect("enter the repo root");
    insta::glob!("../spec", "**/*.{pasm,pir}", |path| {
        let text = std::fs::read_to_string(path).expect("case is UTF-8");
        let rel = path.strip_prefix(&base).expect("case under spec/");
        let name = rel.to_string_lossy().replace('\\', "/");
        let opts = case_options(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Err(e) = check_invariants(path.to_str().expect("utf-8 path"), &text) {
            panic!("{name}: {e}");
        }
        // Diagnostics name the file as the user would have typed it.
        let shown = format!("spec/{name}");
        let o = run_text(&shown, &text, &opts);
        let polarity = rel.components().nth(1).map(|c| c.as_os_str().to_string_lossy().into_owned());
        match polarity.as_deref() {
            Some("ok") => assert!(
                o.stderr.is_empty() && o.status == 0,
                "{name}: an ok/ case must run cleanly, got exit {} and:\n{}",
                o.status,
                o.stderr
            ),
            Some("err") => {
                assert!(!o.stderr.is_empty() && o.status != 0, "{name}: an err/ case must fail with a diagnostic")
            }
            other => panic!("{name}: cases live in spec/<area>/ok or spec/<area>/err, not {other:?}"),
        }
        assert!(!o.stderr.contains("panicked"), "{name}: {}", o.stderr);
        insta::with_settings!({
            snapshot_suffix => suffix(&base, path),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("spec", snapshot_text(&o));
        });
    });
}

/// Cases named in full per op before the rest are only counted: enough to find one, short
/// enough that a new case changes a common op's count, not a long line.
const NAMED_CASES: usize = 4;

/// Every op of the table with the spec cases that use it: a case uses an op when its
/// assembled code holds it (including what the assembler adds, such as the `returncc` that
/// closes a sub); a case that does not assemble uses none. Ops no case uses are listed first,
/// by mnemonic.
#[test]
fn op_coverage() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec").canonicalize().expect("spec/ exists");
    let mut cases = Vec::new();
    case_files(&base, &mut cases);
    cases.sort();
    let mut users: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for path in &cases {
        let text = std::fs::read_to_string(path).expect("case is UTF-8");
        let name = path.strip_prefix(&base).expect("case under spec/").to_string_lossy().replace('\\', "/");
        let Ok(code) = kea_asm::assemble_str(path.to_str().expect("utf-8 path"), &text) else { continue };
        let mut used: Vec<&str> = code.ops.iter().map(|op| op.info().name).collect();
        used.sort_unstable();
        used.dedup();
        for op in used {
            users.entry(op).or_default().push(name.clone());
        }
    }
    let ops = kea_vm::op::OPS;
    // The ops no case uses, one line per mnemonic.
    let mut unused: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for info in ops.iter().filter(|i| !users.contains_key(i.name)) {
        unused.entry(info.mnemonic).or_default().push(info.name);
    }
    let mut out = String::from("# Op coverage: the spec cases that use each op (tests/spec.rs, op_coverage)\n\n");
    out.push_str(&format!(
        "{} ops, {} cases; {} ops used by no case, by mnemonic:\n\n",
        ops.len(),
        cases.len(),
        unused.values().map(Vec::len).sum::<usize>()
    ));
    for (mnemonic, names) in &unused {
        out.push_str(&format!("  {mnemonic:<14} {}\n", names.join(" ")));
    }
    out.push_str("\nopcode  full name                mnemonic       cases  first cases, by path below spec/\n");
    for info in ops {
        let list = users.get(info.name).map(Vec::as_slice).unwrap_or_default();
        let mut named = list.iter().take(NAMED_CASES).cloned().collect::<Vec<_>>().join(" ");
        if list.len() > NAMED_CASES {
            named.push_str(&format!(" (+{} more)", list.len() - NAMED_CASES));
        }
        if list.is_empty() {
            named.push_str("--");
        }
        out.push_str(&format!(
            "{:04x}    {:<24} {:<14} {:>5}  {named}\n",
            info.opcode as u16,
            info.name,
            info.mnemonic,
            list.len()
        ));
    }
    insta::assert_snapshot!("op_coverage", out);
}

/// The `.pasm` and `.pir` files below `dir`, at any depth.
fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable spec folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            case_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "pasm" || e == "pir") {
            out.push(path);
        }
    }
}
