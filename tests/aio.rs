//! Differential tests: every stdio and file operation in its blocking form and in its async
//! form (`op ..., callback` + `wait`, the result from `return()`, errors from `throw()`) must
//! give the same output, the same results and the same errors (DESIGN §2, "sync ops").
//! Each program runs with several slice sizes, so the comparison holds wherever the scheduler
//! switches tasks; and every run checks that each request completed exactly once.

use kea_tests::{run_text, CaseOptions};

/// One operation: a setup shared by both forms, then the sync and the async text. Both
/// forms leave their result in the same registers; errors are caught and printed.
struct Case {
    name: &'static str,
    stdin: &'static str,
    setup: &'static str,
    sync: &'static str,
    asynch: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "print to a file",
        stdin: "",
        setup: r#"fh = open FILE, "w""#,
        sync: r#"print fh, "abc\n""#,
        asynch: r#"r = print fh, "abc\n", nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "write to a file",
        stdin: "",
        setup: r#"fh = open FILE, "w""#,
        sync: r#"write fh, "raw bytes""#,
        asynch: r#"r = write fh, "raw bytes", nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "read n bytes",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    print fh, "0123456789"
    close fh
    fh = open FILE, "r""#,
        sync: r#"$S0 = read fh, 4
    say $S0
    $S0 = read fh, 100
    say $S0
    $S0 = read fh, 100
    say $S0"#,
        asynch: r#"r = read fh, 4, nocb
    wait r
    $S0 = r.'return'()
    say $S0
    r = read fh, 100, nocb
    wait r
    $S0 = r.'return'()
    say $S0
    r = read fh, 100, nocb
    wait r
    $S0 = r.'return'()
    say $S0"#,
    },
    Case {
        name: "big reads (read-ahead) with a seek between",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    $S9 = repeat "0123456789abcdefghi", 100000
    print fh, $S9
    print fh, $S9
    print fh, "tail"
    close fh
    fh = open FILE, "r""#,
        sync: r#"$I9 = 0
again:
    $S0 = read fh, 1048576
    $I0 = length $S0
    $S1 = substr $S0, 0, 12
    print $I0
    print " "
    say $S1
    inc $I9
    if $I9 == 2 goto rewind
    if $I0 > 0 goto again
    goto out
rewind:
    seek fh, 7, 0
    goto again
out:
    $I0 = tell fh
    say $I0"#,
        asynch: r#"$I9 = 0
again:
    r = read fh, 1048576, nocb
    wait r
    $S0 = r.'return'()
    $I0 = length $S0
    $S1 = substr $S0, 0, 12
    print $I0
    print " "
    say $S1
    inc $I9
    if $I9 == 2 goto rewind
    if $I0 > 0 goto again
    goto out
rewind:
    r = seek fh, 7, 0, nocb
    wait r
    goto again
out:
    r = tell fh, nocb
    wait r
    $I0 = r.'return'()
    say $I0"#,
    },
    Case {
        name: "readline to the end",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    print fh, "one\ntwo\nthree"
    close fh
    fh = open FILE, "r""#,
        sync: r#"$I9 = 0
again:
    $S0 = readline fh
    print "["
    print $S0
    say "]"
    inc $I9
    if $I9 < 4 goto again
    $I0 = fh.'eof'()
    say $I0"#,
        asynch: r#"$I9 = 0
again:
    r = readline fh, nocb
    wait r
    $S0 = r.'return'()
    print "["
    print $S0
    say "]"
    inc $I9
    if $I9 < 4 goto again
    $I0 = fh.'eof'()
    say $I0"#,
    },
    Case {
        name: "seek and tell",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    print fh, "abcdefghij"
    close fh
    fh = open FILE, "r""#,
        sync: r#"seek fh, 3, 0
    $I0 = tell fh
    say $I0
    $S0 = read fh, 2
    say $S0
    seek fh, -2, 2
    $S0 = read fh, 5
    say $S0"#,
        asynch: r#"r = seek fh, 3, 0, nocb
    wait r
    r = tell fh, nocb
    wait r
    $I0 = r.'return'()
    say $I0
    r = read fh, 2, nocb
    wait r
    $S0 = r.'return'()
    say $S0
    r = seek fh, -2, 2, nocb
    wait r
    r = read fh, 5, nocb
    wait r
    $S0 = r.'return'()
    say $S0"#,
    },
    Case {
        name: "open a missing file",
        stdin: "",
        setup: "",
        sync: r#"fh = open "/nonexistent/kea-diff/missing", "r""#,
        asynch: r#"r = open "/nonexistent/kea-diff/missing", "r", nocb
    wait r
    r.'throw'()
    fh = r.'return'()"#,
    },
    Case {
        name: "open a directory for reading",
        stdin: "",
        setup: "",
        sync: r#"fh = open "/tmp", "r""#,
        asynch: r#"r = open "/tmp", "r", nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "write to a read-only handle",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    close fh
    fh = open FILE, "r""#,
        sync: r#"print fh, "nope""#,
        asynch: r#"r = print fh, "nope", nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "read a closed handle",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    close fh"#,
        sync: r#"$S0 = read fh, 3"#,
        asynch: r#"r = read fh, 3, nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "read from a write-only handle",
        stdin: "",
        setup: r#"fh = open FILE, "w""#,
        sync: r#"$S0 = readline fh"#,
        asynch: r#"r = readline fh, nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "close then append",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    print fh, "first\n""#,
        sync: r#"close fh
    fh = open FILE, "a"
    print fh, "second\n"
    close fh"#,
        asynch: r#"r = close fh, nocb
    wait r
    r = open FILE, "a", nocb
    wait r
    fh = r.'return'()
    r = print fh, "second\n", nocb
    wait r
    r = close fh, nocb
    wait r"#,
    },
    Case {
        name: "close a full device (the buffered write fails there)",
        stdin: "",
        setup: r#"fh = open "/dev/full", "w"
    print fh, "buffered\n""#,
        sync: r#"close fh"#,
        asynch: r#"r = close fh, nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "a write too big for the buffer to a full device",
        stdin: "",
        setup: r#"fh = open "/dev/full", "w"
    $S0 = repeat "x", 100000"#,
        sync: r#"write fh, $S0"#,
        asynch: r#"r = write fh, $S0, nocb
    wait r
    r.'throw'()"#,
    },
    Case {
        name: "stat a file",
        stdin: "",
        setup: r#"fh = open FILE, "w"
    print fh, "12345"
    close fh"#,
        sync: r#"$I0 = stat FILE, 1
    say $I0
    $I0 = stat "/nonexistent/kea-diff", 0
    say $I0"#,
        asynch: r#"r = stat FILE, 1, nocb
    wait r
    $I0 = r.'return'()
    say $I0
    r = stat "/nonexistent/kea-diff", 0, nocb
    wait r
    $I0 = r.'return'()
    say $I0"#,
    },
    Case {
        name: "read stdin",
        stdin: "first line\nsecond line\n",
        setup: "fh = getstdin",
        sync: r#"$S0 = read fh, 5
    say $S0
    $S0 = readline fh
    print $S0
    $S0 = readline fh
    print $S0
    $S0 = readline fh
    say $S0
    $I0 = fh.'eof'()
    say $I0"#,
        asynch: r#"r = read fh, 5, nocb
    wait r
    $S0 = r.'return'()
    say $S0
    r = readline fh, nocb
    wait r
    $S0 = r.'return'()
    print $S0
    r = readline fh, nocb
    wait r
    $S0 = r.'return'()
    print $S0
    r = readline fh, nocb
    wait r
    $S0 = r.'return'()
    say $S0
    $I0 = fh.'eof'()
    say $I0"#,
    },
    Case {
        name: "stdout",
        stdin: "",
        setup: "fh = getstdout",
        sync: r#"print "a"
    say 1
    print fh, "b\n"
    say 2.5"#,
        asynch: r#"r = print "a", nocb
    r = say 1, nocb
    r = print fh, "b\n", nocb
    r = say 2.5, nocb
    wait r"#,
    },
    Case {
        name: "StringHandle",
        stdin: "",
        setup: r#"fh = new 'StringHandle'
    fh.'open'('x', 'w')"#,
        sync: r#"print fh, "in memory\nline 2\n"
    fh.'close'()
    fh.'open'('x', 'r')
    $S0 = readline fh
    print $S0
    $S0 = read fh, 3
    say $S0"#,
        asynch: r#"r = print fh, "in memory\nline 2\n", nocb
    wait r
    fh.'close'()
    fh.'open'('x', 'r')
    r = readline fh, nocb
    $S0 = r.'return'()
    print $S0
    r = read fh, 3, nocb
    $S0 = r.'return'()
    say $S0"#,
    },
];

/// A whole program around one form: errors are caught and printed, the file is read back.
fn program(file: &str, setup: &str, body: &str) -> String {
    let setup = setup.replace("FILE", &format!("\"{file}\""));
    let body = body.replace("FILE", &format!("\"{file}\""));
    format!(
        r#".sub main :main
    .local pmc fh, r, nocb
    null nocb
    push_eh failed
    {setup}
    {body}
    pop_eh
    goto after
failed:
    get_results "0", $P9
    pop_eh
    print "error: "
    say $P9
after:
    $I8 = stat "{file}", 0
    unless $I8 goto done
    $I8 = stat "{file}", 2
    if $I8 goto done
    $P8 = open "{file}", "r"
    $S8 = $P8.'readall'()
    print "file: ["
    print $S8
    say "]"
done:
.end
"#
    )
}

#[test]
fn sync_and_async_forms_agree() {
    let dir = std::env::temp_dir().join(format!("kea-aio-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, c) in CASES.iter().enumerate() {
        let file = dir.join(format!("case{i}.txt"));
        let file = file.to_str().expect("utf-8 temp path");
        for batch in [1u64, 7, 10_000] {
            let opts = CaseOptions { stdin: c.stdin.to_string(), batch: Some(batch), ..CaseOptions::default() };
            let _ = std::fs::remove_file(file);
            let sync = run_text("sync.pir", &program(file, c.setup, c.sync), &opts);
            let _ = std::fs::remove_file(file);
            let asy = run_text("async.pir", &program(file, c.setup, c.asynch), &opts);
            assert_eq!(sync.stderr, "", "{}: the sync form failed: {}", c.name, sync.stderr);
            assert_eq!(asy.stderr, "", "{}: the async form failed: {}", c.name, asy.stderr);
            assert_eq!(
                (sync.status, &sync.stdout),
                (asy.status, &asy.stdout),
                "{} (batch {batch}): the sync and async forms differ",
                c.name
            );
            assert!(!sync.stdout.is_empty(), "{}: the program printed nothing", c.name);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The comparison can fail: a case whose forms really differ is caught.
#[test]
fn a_real_difference_is_caught() {
    let opts = CaseOptions::default();
    let a = run_text("a.pir", &program("/tmp/kea-aio-diff-x", "", "say 1"), &opts);
    let b = run_text("b.pir", &program("/tmp/kea-aio-diff-x", "", "say 2"), &opts);
    assert_ne!(a.stdout, b.stdout);
}

/// The /dev/full cases above must fail, not merely agree: two forms that both lost the error
/// would pass the comparison.
#[test]
fn full_device_cases_fail_in_both_forms() {
    let full: Vec<&Case> = CASES.iter().filter(|c| c.setup.contains("/dev/full")).collect();
    assert_eq!(full.len(), 2);
    for c in full {
        for body in [c.sync, c.asynch] {
            let o =
                run_text("full.pir", &program("/nonexistent/kea-diff/none", c.setup, body), &CaseOptions::default());
            assert!(
                o.stdout.starts_with("error: ") && o.stdout.ends_with(" failed: No space left on device(28)\n"),
                "{}: {}",
                c.name,
                o.stdout
            );
        }
    }
}
