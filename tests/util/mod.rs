//! Helpers shared by Kea's integration tests: run a program exactly as `kea run` does, with
//! output captured, and render the text a snapshot holds.

use kea_runtime::RunOptions;
use std::path::Path;

/// What one run produced.
pub struct Outcome {
    /// Exit status.
    pub status: i32,
    /// stdout.
    pub stdout: String,
    /// stderr (diagnostics or the runtime error report).
    pub stderr: String,
    /// Disassembly, when it assembled.
    pub disassembly: Option<String>,
}

/// Per-case options from a first-line header `# kea: key=value; key=value`.
#[derive(Default)]
pub struct CaseOptions {
    /// Bytes fed to stdin.
    pub stdin: String,
    /// Instructions per slice.
    pub batch: Option<u64>,
    /// `--max-ops`.
    pub max_ops: Option<u64>,
    /// `--max-depth`.
    pub max_depth: Option<usize>,
    /// The time zone (`RunOptions::tz`), so `localtime` prints the same on every machine.
    pub tz: Option<String>,
}

/// Parses the header; unknown keys are errors so a typo cannot silently do nothing.
pub fn case_options(text: &str) -> Result<CaseOptions, String> {
    let mut o = CaseOptions::default();
    let Some(rest) = text.lines().next().and_then(|l| l.strip_prefix("# kea:")) else { return Ok(o) };
    for item in rest.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let (k, v) = item.split_once('=').ok_or_else(|| format!("bad header item '{item}'"))?;
        let v = v.trim();
        match k.trim() {
            "stdin" => o.stdin = v.replace("\\n", "\n"),
            "batch" => o.batch = Some(v.parse().map_err(|e| format!("batch: {e}"))?),
            "max_ops" => o.max_ops = Some(v.parse().map_err(|e| format!("max_ops: {e}"))?),
            "max_depth" => o.max_depth = Some(v.parse().map_err(|e| format!("max_depth: {e}"))?),
            "tz" => o.tz = Some(v.to_string()),
            other => return Err(format!("unknown header key '{other}'")),
        }
    }
    Ok(o)
}

/// Runs a source text as `kea run` would (the file's folder is its include path).
pub fn run_text(name: &str, text: &str, opts: &CaseOptions) -> Outcome {
    let run = RunOptions {
        batch: opts.batch.unwrap_or(7),
        max_ops: opts.max_ops,
        max_depth: opts.max_depth.unwrap_or(RunOptions::default().max_depth),
        // Cases that print local times name their zone; the others run in UTC.
        tz: Some(opts.tz.clone().unwrap_or_else(|| "UTC0".into())),
        ..RunOptions::default()
    };
    let disassembly = kea_asm::assemble_str(name, text).ok().map(|c| kea_vm::code::Disassembly(&c).to_string());
    let (status, out, err, stats) = kea_runtime::run_source_stats(name, text, opts.stdin.as_bytes(), &run);
    // Every request completes exactly once, whatever the program did (DESIGN §2).
    if let Some(st) = &stats {
        assert_eq!(
            st.requests_made, st.requests_completed,
            "{name}: {} requests made but {} completed",
            st.requests_made, st.requests_completed
        );
    }
    Outcome {
        status,
        stdout: String::from_utf8_lossy(&out).into_owned(),
        stderr: String::from_utf8_lossy(&err).into_owned(),
        disassembly,
    }
}

/// Checks the assembler's invariants on a program that assembled: the verifier passes, the
/// disassembly assembles back to the same disassembly, and every span lies inside its file.
pub fn check_invariants(name: &str, text: &str) -> Result<(), String> {
    let Ok(code) = kea_asm::assemble_str(name, text) else { return Ok(()) };
    let errs = kea_vm::verify::verify(&code);
    if !errs.is_empty() {
        return Err(format!("verifier: {errs:?}"));
    }
    for (pc, s) in code.spans.iter().enumerate() {
        let Some(f) = code.files.get(s.file as usize) else { return Err(format!("op {pc}: span in no file")) };
        if s.start > s.end || s.end as usize > f.text.len() {
            return Err(format!("op {pc}: span {s:?} outside {}", f.name));
        }
    }
    let dis = kea_vm::code::Disassembly(&code).to_string();
    let again = kea_asm::assemble_str(name, &dis).map_err(|f| format!("disassembly does not assemble:\n{f}\n{dis}"))?;
    let dis2 = kea_vm::code::Disassembly(&again).to_string();
    let strip =
        |s: &str| s.lines().map(|l| l.split("# ").next().unwrap_or("").trim_end().to_string()).collect::<Vec<_>>();
    if strip(&dis) != strip(&dis2) {
        return Err(format!("disassembly does not round-trip:\n{dis}\n---\n{dis2}"));
    }
    Ok(())
}

/// The snapshot text: disassembly, output, diagnostics and exit.
pub fn snapshot_text(o: &Outcome) -> String {
    let mut s = String::new();
    if let Some(d) = &o.disassembly {
        s.push_str("## Disassembly\n");
        s.push_str(d);
        s.push('\n');
    }
    s.push_str("## Output\n");
    s.push_str(&o.stdout);
    if !o.stdout.is_empty() && !o.stdout.ends_with('\n') {
        s.push_str("\n(no newline at end)\n");
    }
    s.push_str("\n## Diagnostics\n");
    s.push_str(&o.stderr);
    s.push_str(&format!("\n## Exit\n{}\n", o.status));
    s
}

/// The snapshot suffix for a case: its path below `base`, with `/` as `__`.
pub fn suffix(base: &Path, path: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).to_string_lossy().replace(['/', '\\'], "__")
}
