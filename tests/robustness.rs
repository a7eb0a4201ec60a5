//! Bad input never panics: thousands of generated programs (token soup from the PASM
//! alphabet, and mutations of real examples) go through the assembler and, when they
//! assemble, through the VM under an instruction limit. A panic anywhere fails the test with
//! the program that caused it.

use kea_runtime::RunOptions;

/// A small deterministic generator (xorshift), so a failure reproduces from its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const OPS: &[&str] = &[
    "set",
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "fdiv",
    "pow",
    "neg",
    "abs",
    "inc",
    "dec",
    "concat",
    "substr",
    "index",
    "ord",
    "chr",
    "repeat",
    "upcase",
    "sprintf",
    "split",
    "join",
    "new",
    "push",
    "pop",
    "shift",
    "unshift",
    "elements",
    "exists",
    "delete",
    "iter",
    "clone",
    "assign",
    "typeof",
    "if",
    "unless",
    "eq",
    "lt",
    "ge",
    "branch",
    "jump",
    "local_branch",
    "local_return",
    "push_eh",
    "pop_eh",
    "throw",
    "die",
    "print",
    "say",
    "printerr",
    "set_args",
    "get_params",
    "get_results",
    "set_returns",
    "invokecc",
    "returncc",
    "find_name",
    "null",
    "isnull",
    "cmp",
    "shl",
    "lsr",
    "band",
    "not",
    "exit",
    "end",
    "count_eh",
    "length",
    "replace",
    "readline",
    "read",
    "getstdin",
];
const ARGS: &[&str] = &[
    "I0",
    "I1",
    "I2",
    "N0",
    "N1",
    "S0",
    "S1",
    "P0",
    "P1",
    "P2",
    "0",
    "1",
    "-1",
    "7",
    "9223372036854775807",
    "-0.0",
    "1e308",
    "0.5",
    "\"\"",
    "\"abc\"",
    "\"0\"",
    "'x'",
    "\"%d %s\"",
    "L",
    "M",
    "P0[0]",
    "P0[\"k\"]",
    "P1[I0]",
    "'Integer'",
    "'ResizablePMCArray'",
    "'Hash'",
    "'Float'",
    "'String'",
    "\"0,0\"",
    "\"0x20\"",
    "\"0x80,0x100\"",
    "-5",
    "100000",
    "P0[-1]",
    "S0",
    "utf8:\"\\u00e9\"",
];

fn program(rng: &mut Rng) -> String {
    let mut s = String::new();
    let lines = 1 + rng.next() % 12;
    for i in 0..lines {
        if rng.next().is_multiple_of(5) {
            s.push_str(if i % 2 == 0 { "L: " } else { "M: " });
        }
        s.push_str(rng.pick(OPS));
        let n = rng.next() % 4;
        for j in 0..n {
            s.push_str(if j == 0 { " " } else { ", " });
            s.push_str(rng.pick(ARGS));
        }
        s.push('\n');
    }
    s
}

fn run(src: &str) {
    // A mutated server or a forever timer waits without running ops: bound the wall time too.
    let opts = RunOptions {
        max_ops: Some(20_000),
        max_depth: 200,
        batch: 97,
        max_time: Some(std::time::Duration::from_secs(2)),
        ..RunOptions::default()
    };
    let result = std::panic::catch_unwind(|| kea_runtime::run_source_captured("fuzz.pasm", src, b"in\nput\n", &opts));
    match result {
        Ok((_, _, err)) => assert!(!String::from_utf8_lossy(&err).contains("panicked"), "panic report for:\n{src}"),
        Err(_) => panic!("kea panicked on:\n{src}"),
    }
}

#[test]
fn token_soup_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..4000 {
        let p = program(&mut rng);
        run(&p);
    }
}

const PIR: &[&str] = &[
    ".sub",
    "main",
    ":main",
    ".end",
    ".param",
    "int",
    "pmc",
    ".local",
    "string",
    "x",
    "$I0",
    "$P0",
    "$S1",
    "=",
    "+",
    "-",
    ".",
    "+=",
    "(",
    ")",
    ",",
    "goto",
    "if",
    "unless",
    "null",
    "L:",
    "L",
    ".return",
    ".tailcall",
    "f",
    "'f'",
    "1",
    "\"s\"",
    "<",
    "==",
    "new",
    "'Hash'",
    "[",
    "]",
    ":flat",
    ":named('n')",
    ":optional",
    ".const",
    ".namespace",
    "['A']",
    ":method",
    "self",
    "'m'",
    ".m",
];

#[test]
fn pir_token_soup_never_panics() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..4000 {
        let mut src = String::new();
        for _ in 0..(1 + rng.next() % 8) {
            for k in 0..(1 + rng.next() % 7) {
                if k > 0 {
                    src.push(' ');
                }
                src.push_str(rng.pick(PIR));
            }
            src.push('\n');
        }
        run(&src);
    }
}

#[test]
fn byte_mutations_of_examples_never_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut rng = Rng(42);
    for entry in std::fs::read_dir(dir).expect("examples/") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        for _ in 0..150 {
            let mut bytes = text.clone().into_bytes();
            for _ in 0..(1 + rng.next() % 4) {
                if bytes.is_empty() {
                    break;
                }
                let at = (rng.next() % bytes.len() as u64) as usize;
                match rng.next() % 3 {
                    0 => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, b" \n\"[],;:.0aIP#\\"[(rng.next() % 15) as usize]),
                    _ => bytes[at] = bytes[at].wrapping_add(1),
                }
            }
            if let Ok(src) = String::from_utf8(bytes) {
                run(&src);
            }
        }
    }
}

#[test]
fn hostile_sources_are_rejected_cleanly() {
    let cases: &[&str] = &[
        "",
        "# only a comment\n",
        "\u{feff}say 1\n",
        "say 1\r\nsay 2\r\n",
        "say \"\0\"\n",
        "set I256, 1\n",
        "set I99999999999999999999, 1\n",
        "set I0, 99999999999999999999\n",
        "set N0, 1e999\n",
        ".macro m()\n.m()\n.endm\n.m()\n",
        ".include 'fuzz.pasm'\n",
        "set S0, \"unterminated\n",
        "set S0, <<\"EOS\"\nno terminator\n",
        ".pcc_sub\n",
        "L:\nL:\n",
        "set_args \"0,0\", I0\n",
        "get_params \"0\", 5\n",
        "=pod\nnever closed\n",
    ];
    for src in cases {
        run(src);
    }
    // A macro that expands itself must stop at the nesting limit, not overflow the stack.
    let (code, _, err) =
        kea_runtime::run_source_captured("m.pasm", ".macro m()\n.m()\n.endm\n.m()\n", b"", &RunOptions::default());
    assert_eq!(code, 2);
    assert!(String::from_utf8_lossy(&err).contains("nested too deep"), "{}", String::from_utf8_lossy(&err));
}
