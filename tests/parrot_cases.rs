//! Programs recorded from the real Parrot VM (`tests/parrot/`, copied from the team's shared
//! cases; see its README). Kea must print the same stdout and exit with the same status; for
//! runtime errors the first stderr line (the message) must match; for Parrot's compile-time
//! errors (`error:imcc:`) Kea must reject the program (exit 2) and run nothing.
//!
//! Cases Kea does not support yet are listed in `PENDING` with the issue that brings them;
//! the test fails if a pending case starts passing, so the list cannot go stale.

use kea_tests::{run_text, CaseOptions};
use std::path::Path;

/// Cases that need a later issue: (name, why).
const PENDING: &[(&str, &str)] = &[];

fn check(dir: &Path, name: &str) -> Result<(), String> {
    let src = std::fs::read_to_string(dir.join(format!("{name}.pasm"))).map_err(|e| e.to_string())?;
    let want_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap_or_default();
    let want_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap_or_default();
    let want_code: i32 =
        std::fs::read_to_string(dir.join(format!("{name}.code"))).map_or(0, |s| s.trim().parse().unwrap_or(-1));
    // Parrot ran each case in its own empty directory; file cases write relative paths.
    let tmp = std::env::temp_dir().join(format!("kea-parrot-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let _guard = CwdGuard::enter(&tmp);
    let o = run_text(&format!("{name}.pasm"), &src, &CaseOptions::default());
    drop(_guard);
    let _ = std::fs::remove_dir_all(&tmp);
    if want_err.starts_with("error:imcc:") {
        if o.status != 2 || !o.stdout.is_empty() {
            return Err(format!("Parrot rejects this program; Kea gave exit {} and stdout {:?}", o.status, o.stdout));
        }
        return Ok(());
    }
    if o.stdout != want_out {
        return Err(format!("stdout differs:\n--- parrot\n{want_out}--- kea\n{}", o.stdout));
    }
    if o.status != want_code {
        return Err(format!("exit {} (parrot {want_code}); stderr:\n{}", o.status, o.stderr));
    }
    let first = |s: &str| s.lines().next().unwrap_or("").to_string();
    if first(&o.stderr) != first(&want_err) {
        return Err(format!("first stderr line differs: parrot {:?}, kea {:?}", first(&want_err), first(&o.stderr)));
    }
    Ok(())
}

/// Tests run on threads of one process, and the working directory is per process: the
/// lock keeps the file cases from stepping on each other.
struct CwdGuard {
    old: std::path::PathBuf,
    _lock: std::sync::MutexGuard<'static, ()>,
}
static CWD: std::sync::Mutex<()> = std::sync::Mutex::new(());
impl CwdGuard {
    fn enter(dir: &Path) -> CwdGuard {
        let lock = CWD.lock().unwrap_or_else(|p| p.into_inner());
        let old = std::env::current_dir().expect("cwd");
        std::env::set_current_dir(dir).expect("enter temp dir");
        CwdGuard { old, _lock: lock }
    }
}
impl Drop for CwdGuard {
    fn drop(&mut self) {
        let _ = std::env::set_current_dir(&self.old);
    }
}

#[test]
fn parrot_cases_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("parrot");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/parrot")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".pasm").map(String::from))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "expected the recorded cases, found {}", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let pending = PENDING.iter().find(|(n, _)| n == name);
        match (check(&dir, name), pending) {
            (Ok(()), None) | (Err(_), Some(_)) => {}
            (Err(e), None) => failures.push(format!("{name}: {e}")),
            (Ok(()), Some((_, why))) => failures.push(format!("{name} passes now: remove it from PENDING ({why})")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
