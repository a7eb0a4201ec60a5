//! The `kea` binary as a user runs it: subcommands, exit codes, error rendering.

use std::io::Write;
use std::process::{Command, Stdio};

fn kea(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kea"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kea starts");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("kea ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kea-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write temp file");
    p.to_string_lossy().into_owned()
}

#[test]
fn run_and_bare_file_are_the_same() {
    let f = temp_file("hello.pasm", "say \"hi\"\nend\n");
    assert_eq!(kea(&["run", &f], ""), (0, "hi\n".into(), String::new()));
    assert_eq!(kea(&[&f], ""), (0, "hi\n".into(), String::new()));
}

#[test]
fn exit_status_is_passed_through() {
    let f = temp_file("exit.pasm", "say \"bye\"\nexit 7\n");
    assert_eq!(kea(&["run", &f], ""), (7, "bye\n".into(), String::new()));
}

#[test]
fn assembly_errors_exit_2_with_every_error_located() {
    let f = temp_file("bad.pasm", "    frobnicate I0\n    add I0, S1, 2\n    branch NOWHERE\n");
    let (code, out, err) = kea(&["check", &f], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("bad.pasm:1:5: error: unknown op 'frobnicate'"), "{err}");
    assert!(err.contains("bad.pasm:2:5: error: The opcode 'add_i_s_ic' (add<3>) was not found"), "{err}");
    assert!(err.contains("bad.pasm:3:12: error: no label 'NOWHERE'"), "{err}");
    assert!(err.contains("3 errors found"), "{err}");
    assert!(err.contains("^"), "a caret marks the spot: {err}");
}

#[test]
fn runtime_error_exits_1_after_flushing_stdout() {
    let f = temp_file("div.pasm", "say \"before\"\nset I1, 0\ndiv I2, I1, I1\nsay \"after\"\n");
    let (code, out, err) = kea(&["run", &f], "");
    assert_eq!(code, 1);
    assert_eq!(out, "before\n");
    assert!(err.starts_with("Divide by zero\n"), "{err}");
    assert!(err.contains("div.pasm:3"), "{err}");
}

#[test]
fn max_ops_stops_a_runaway_loop() {
    let f = temp_file("loop.pasm", "L: branch L\n");
    let (code, _, err) = kea(&["run", "--max-ops", "5000", &f], "");
    assert_eq!(code, 1);
    assert!(err.contains("instruction limit exceeded"), "{err}");
}

#[test]
fn missing_file_and_bad_utf8_are_clear_errors() {
    let (code, _, err) = kea(&["run", "/nonexistent/x.pasm"], "");
    assert_eq!(code, 2);
    assert!(err.contains("No such file or directory"), "{err}");
    let dir = std::env::temp_dir().join(format!("kea-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let p = dir.join("latin1.pasm");
    std::fs::write(&p, b"say \"caf\xe9\"\n").expect("write");
    let (code, _, err) = kea(&["run", p.to_str().expect("path")], "");
    assert_eq!(code, 2);
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn dis_shows_full_names_and_lines() {
    let f = temp_file("dis.pasm", "set I0, 5\nadd I1, I0, 2\nsay I1\nend\n");
    let (code, out, _) = kea(&["dis", &f], "");
    assert_eq!(code, 0);
    assert!(out.contains("add I1, I0, 2"), "{out}");
    assert!(out.contains("add_i_i_ic (line 2)"), "{out}");
}

#[test]
fn ops_lists_the_table() {
    let (code, out, _) = kea(&["ops"], "");
    assert_eq!(code, 0);
    assert!(out.contains("add_i_i_ic"));
    assert!(out.lines().count() > 400);
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = kea(&["run"], "");
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = kea(&["--batch", "0", "x.pasm"], "");
    assert_eq!(code, 2);
    let (code, out, _) = kea(&["--version"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("kea "));
}

#[test]
fn stdin_is_read_by_read_ops() {
    let f = temp_file("cat.pasm", "getstdin P0\nL: readline S0, P0\nunless S0, E\nprint S0\nbranch L\nE: end\n");
    assert_eq!(kea(&["run", &f], "one\ntwo\n"), (0, "one\ntwo\n".into(), String::new()));
}

#[test]
fn deep_recursion_is_a_clear_error_not_a_crash() {
    let src = include_str!("programs/deep-recursion.pasm");
    let f = temp_file("deep.pasm", src);
    let (code, _, err) = kea(&["run", "--max-depth", "2000", &f], "");
    assert_eq!(code, 1);
    assert!(err.starts_with("maximum recursion depth exceeded"), "{err}");
}

#[test]
fn main_sub_receives_argv() {
    let src = include_str!("programs/argv.pir");
    let f = temp_file("argv.pir", src);
    assert_eq!(kea(&["run", &f, "one", "--two"], ""), (0, "3\none\n--two\n".into(), String::new()));
}
