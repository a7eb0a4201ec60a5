//! Conformance: Parrot's own test programs, judged as Parrot's test harness judges them.
//!
//! The suite is data outside the project (`../shared/parrot-suite`, or the folder named by
//! `KEA_PARROT_SUITE`): 1,193 programs the real Parrot passes, with their expected output and the
//! runner `run.py` that judges them. This test builds the release `kea`, runs every case Parrot
//! passes (10 s each, the runner's limit) and then checks two lists kept here:
//!
//! - `parrot-suite/ratchet.txt`: every case Kea passes. A listed case that fails is a regression
//!   and fails this test. A case that passes but is not listed fails it too, so the list only
//!   grows: run with `KEA_SUITE_BLESS=1` to add the new passes (nothing is ever removed by it).
//! - `parrot-suite/deferred.txt`: failing cases that need a feature of the objects issue
//!   (`lexicals`, `namespaces`, `classes`, `coroutines`, `load_bytecode`, `properties`,
//!   `multi-dispatch`), one `case-id feature[,feature]` per line. A deferred case that passes must
//!   leave the list (the test says so).
//!
//! When the suite folder is absent the test says so on stderr and passes: the suite is not part of
//! the project and a checkout without it has nothing to judge.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const FEATURES: &[&str] =
    &["lexicals", "namespaces", "classes", "coroutines", "load_bytecode", "properties", "multi-dispatch"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

fn suite_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("KEA_PARROT_SUITE") {
        Some(d) => PathBuf::from(d),
        None => root().join("..").join("shared").join("parrot-suite"),
    };
    dir.join("run.py").is_file().then_some(dir)
}

/// Builds the release binary (a no-op when it is current) and returns its path.
fn release_kea() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let st = Command::new(cargo)
        .current_dir(root())
        .args(["build", "--release", "--quiet", "-p", "kea-runtime", "--bin", "kea"])
        .status()
        .expect("run cargo build --release");
    assert!(st.success(), "cargo build --release failed");
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"));
    target.join("release").join("kea")
}

/// Case ids of a list file: the first word of each line, `#` comments and blank lines skipped.
fn read_list(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (id, rest) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (id.to_string(), rest.trim().to_string())
        })
        .collect()
}

/// `t-op-basic/003` -> `t/op`; `t-compilers-imcc-syn-const/001` -> `t/compilers/imcc`.
fn area(id: &str) -> String {
    let parts: Vec<&str> = id.split('/').next().unwrap_or(id).split('-').collect();
    let n = if parts.get(1) == Some(&"compilers") { 3 } else { 2 };
    parts[..n.min(parts.len())].join("/")
}

#[test]
fn parrot_suite_ratchet() {
    let Some(suite) = suite_dir() else {
        eprintln!("parrot-suite not found (set KEA_PARROT_SUITE): nothing to judge");
        return;
    };
    let kea = release_kea();
    let here = root().join("tests").join("parrot-suite");
    let ratchet_path = here.join("ratchet.txt");
    let ratchet = read_list(&ratchet_path);
    let deferred = read_list(&here.join("deferred.txt"));
    for (id, feats) in &deferred {
        for f in feats.split(',') {
            assert!(FEATURES.contains(&f), "deferred.txt: {id} names '{f}', not one of {FEATURES:?}");
        }
    }

    let scratch = std::env::temp_dir().join(format!("kea-suite-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch dir");
    let passing_path = scratch.join("passing.txt");
    let report_path = scratch.join("report.txt");
    let library = suite.join("..").join("parrot-library");
    let out = Command::new("python3")
        .arg(suite.join("run.py"))
        .arg(format!("{} run", kea.display()))
        .arg(&suite)
        .arg("--only")
        .arg(suite.join("PASSING-ON-PARROT.txt"))
        .args(["--jobs", "2", "--timeout", "10"])
        .arg("--passing")
        .arg(&passing_path)
        .arg("--report")
        .arg(&report_path)
        .env("KEA_LIBRARY_PATH", &library)
        .output()
        .expect("run python3 run.py");
    let passing: BTreeSet<String> = read_list(&passing_path).into_keys().collect();
    assert!(
        !passing.is_empty() || !out.stdout.is_empty(),
        "run.py printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: BTreeSet<String> = read_list(&suite.join("PASSING-ON-PARROT.txt")).into_keys().collect();

    // The pass rate by area, printed for whoever runs with --nocapture.
    let mut by_area: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for id in &all {
        let e = by_area.entry(area(id)).or_default();
        e.1 += 1;
        if passing.contains(id) {
            e.0 += 1;
        } else if deferred.contains_key(id) {
            e.2 += 1;
        }
    }
    for (a, (p, t, d)) in &by_area {
        let judged = t - d;
        let pct = if judged == 0 { "-".to_string() } else { format!("{:.1}%", 100.0 * *p as f64 / judged as f64) };
        println!("{a:<20} {p:>4}/{t:<4} deferred {d:>3}  {pct:>6} of the rest");
    }
    println!("{} of {} pass", passing.len(), all.len());

    let report = std::fs::read_to_string(&report_path).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&scratch);
    let mut problems = Vec::new();
    let lost: Vec<&String> = ratchet.keys().filter(|id| !passing.contains(*id)).collect();
    if !lost.is_empty() {
        problems.push(format!(
            "{} case(s) of the ratchet fail now: {}\n\nrun.py's report:\n{report}",
            lost.len(),
            lost.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
        ));
    }
    let new: Vec<&String> = passing.iter().filter(|id| !ratchet.contains_key(*id)).collect();
    if !new.is_empty() {
        if std::env::var_os("KEA_SUITE_BLESS").is_some() {
            let mut ids: BTreeSet<&String> = ratchet.keys().collect();
            ids.extend(new.iter().copied());
            let mut text =
                String::from("# Parrot suite cases Kea passes (see tests/parrot_suite.rs); the list only grows.\n");
            for id in ids {
                text.push_str(id);
                text.push('\n');
            }
            std::fs::write(&ratchet_path, text).expect("write ratchet.txt");
            println!("added {} case(s) to ratchet.txt", new.len());
        } else {
            problems.push(format!(
                "{} case(s) pass but are not in tests/parrot-suite/ratchet.txt (rerun with KEA_SUITE_BLESS=1 to add them): {}",
                new.len(),
                new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
            ));
        }
    }
    let moved: Vec<&String> = deferred.keys().filter(|id| passing.contains(*id)).collect();
    if !moved.is_empty() {
        problems.push(format!(
            "deferred case(s) pass now: remove them from tests/parrot-suite/deferred.txt: {}",
            moved.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
        ));
    }
    let unknown: Vec<&String> = ratchet.keys().chain(deferred.keys()).filter(|id| !all.contains(*id)).collect();
    if !unknown.is_empty() {
        problems.push(format!(
            "ids that are not cases Parrot passes: {}",
            unknown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
