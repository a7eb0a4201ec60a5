//! Every `examples/*.pasm` runs as `kea run` runs it; stdout, stderr and the exit code are
//! snapshotted. A header `# kea: stdin=...` feeds stdin.

use kea_tests::{case_options, run_text, snapshot_text, suffix};
use std::path::Path;

#[test]
fn examples() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").canonicalize().expect("examples/ exists");
    insta::glob!("../examples", "*.{pasm,pir}", |path| {
        let text = std::fs::read_to_string(path).expect("example is UTF-8");
        let name = format!("examples/{}", suffix(&base, path));
        let opts = case_options(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut o = run_text(&name, &text, &opts);
        o.disassembly = None;
        assert!(!o.stderr.contains("panicked"), "{name}: {}", o.stderr);
        insta::with_settings!({
            snapshot_suffix => suffix(&base, path),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(snapshot_text(&o));
        });
    });
}
