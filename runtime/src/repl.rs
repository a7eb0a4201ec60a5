//! The REPL (placeholder until it lands).

use crate::RunOptions;

/// Runs the REPL; returns the exit code.
pub fn run(_opts: &RunOptions) -> i32 {
    eprintln!("kea: the REPL is not built yet; give a file: kea run FILE");
    2
}
