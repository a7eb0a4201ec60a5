//! The spec harness: every `spec/<area>/{ok,err}/*.pasm` is assembled, checked for the
//! assembler's invariants, run with a small slice (so slicing is exercised everywhere), and
//! snapshotted as disassembly + output + diagnostics + exit code.
//!
//! To run one area: `INSTA_GLOB_FILTER='arith/**' cargo test --test spec`.

use kea_tests::{case_options, check_invariants, run_text, snapshot_text, suffix};
use std::path::Path;

#[test]
fn spec_cases() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let base = base.canonicalize().expect("spec/ exists");
    // Cases name files relative to the repository root, as a user at the root would; the
    // one test in this binary owns the working directory.
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
