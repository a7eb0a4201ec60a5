#!/usr/bin/env python3
"""Runs every spec case on the Linux build and on the Windows build (under Wine) and fails on
any difference the spec does not declare.

Each case runs as `kea run --batch N [--max-ops N] [--max-depth N] CASE` from the repository
root, with the stdin its `# kea:` header gives (tests/util/mod.rs, `case_options`), and its
stdout, stderr and exit status are compared byte for byte. A case ends in one of four ways:

  same               the two runs agree exactly
  declared-different the case has a `# platforms: unix` line (it says why), or the runs differ
                     only in an OS error text that spec/io.rst, "Platforms", declares (the
                     platform's own text for the same error: OS_TEXTS below)
  wine               a difference caused by Wine, not by Windows: WINE below names the case
                     and the reason; it is never written into the spec as Windows behaviour
  failing            any other difference, or a Windows run that hit an internal error

Usage: consistency.py LINUX_KEA WINDOWS_KEA_EXE [--only FILE] [--jobs N] [--verbose]
(`tests/windows/run` builds both and calls this.) Exit 0 when nothing is failing.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# OS error texts: the same error in each platform's own words (spec/platforms.rst, "OS error
# texts"; Parrot's Parrot_platform_strerror: strerror on Unix, FormatMessage on Windows). Each
# row: the Linux text, the Windows text, and Wine's text for the same Windows code where
# Wine's message table words it differently from Windows (Wine's words, never the spec's).
OS_TEXTS = [
    ("No such file or directory(2)", "The system cannot find the file specified.(2)", None),
    ("No such file or directory(2)", "The system cannot find the path specified.(3)", "Path not found.(3)"),
    ("Connection refused(111)", "No connection could be made because the target machine actively refused it.(10061)",
     "Connection refused.(10061)"),
    ("Address already in use(98)",
     "Only one usage of each socket address (protocol/network address/port) is normally permitted.(10048)",
     # Wine's message table has no text for WSAEADDRINUSE: Rust's fallback text shows.
     "OS Error 10048 (FormatMessageW() returned error 317)(10048)"),
]

# Differences caused by Wine, not by Windows: case -> reason. Each must name what Wine does
# differently from Windows.
WINE = {
}


def case_files(only):
    if only:
        names = [l.split("#")[0].strip() for l in Path(only).read_text().splitlines()]
        return [ROOT / n for n in names if n]
    return sorted(p for p in (ROOT / "spec").rglob("*") if p.suffix in (".pasm", ".pir") and p.parent.name in ("ok", "err"))


def header(text):
    """The `# kea:` header as `kea run` flags plus stdin bytes."""
    flags, stdin = {"batch": "7"}, ""
    first = text.split("\n", 1)[0]
    if first.startswith("# kea:"):
        for item in filter(None, (i.strip() for i in first[len("# kea:"):].split(";"))):
            k, v = (s.strip() for s in item.split("=", 1))
            if k == "stdin":
                stdin = v.replace("\\n", "\n")
            else:
                flags[k] = v
    args = []
    for k, v in flags.items():
        args += ["--" + k.replace("_", "-"), v]
    return args, stdin.encode()


def platforms(text):
    """The platforms a case is for (`# platforms: unix. Why: ...`), and the text its error
    output must contain on Windows (`# on windows: ...`), if it says."""
    m = re.search(r"^# platforms: (\w+)", text, re.M)
    w = re.search(r"^# on windows: (.+)$", text, re.M)
    return (m.group(1) if m else None), (w.group(1).encode() if w else None)


def run(cmd, args, stdin):
    try:
        p = subprocess.run(cmd + ["run"] + args, input=stdin, capture_output=True, cwd=ROOT, timeout=120)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""


def os_normalised(text):
    for linux, *windows in OS_TEXTS:
        for w in filter(None, windows):
            text = text.replace(w.encode(), linux.encode())
    return text


def judge(case, linux_cmd, windows_cmd):
    rel = str(case.relative_to(ROOT))
    text = case.read_text()
    args, stdin = header(text)
    args.append(rel)
    lin = run(linux_cmd, args, stdin)
    win = run(windows_cmd, args, stdin)
    if b"internal error" in win[2] or win[0] == "timeout":
        return rel, "failing", f"windows run: exit {win[0]}, stderr {win[2][-300:]!r}"
    only, on_windows = platforms(text)
    if only == "unix":
        if on_windows is not None and (win[0] == 0 or on_windows not in win[2]):
            return rel, "failing", f"# on windows: {on_windows!r} is not in the Windows run's errors:\n{win[2]!r}"
        return rel, "declared-different", "# platforms: unix"
    if lin == win:
        return rel, "same", ""
    if (lin[0], os_normalised(lin[1]), os_normalised(lin[2])) == (win[0], os_normalised(win[1]), os_normalised(win[2])):
        return rel, "declared-different", "OS error text"
    if rel in WINE:
        return rel, "wine", WINE[rel]
    return rel, "failing", diff(lin, win)


def diff(lin, win):
    out = []
    for name, a, b in (("exit", lin[0], win[0]), ("stdout", lin[1], win[1]), ("stderr", lin[2], win[2])):
        if a != b:
            out.append(f"  {name}: linux {a!r:.400}\n  {' ' * len(name)}  windows {b!r:.400}")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("linux")
    ap.add_argument("windows")
    ap.add_argument("--only", help="a file of case paths, one a line (# starts a comment)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    linux_cmd = [a.linux]
    windows_cmd = ["wine", a.windows]
    os.environ.setdefault("WINEDEBUG", "-all")
    cases = case_files(a.only)
    counts = {"same": 0, "declared-different": 0, "wine": 0, "failing": 0}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for rel, verdict, why in pool.map(lambda c: judge(c, linux_cmd, windows_cmd), cases):
            counts[verdict] += 1
            if verdict == "failing" or (a.verbose and verdict != "same"):
                print(f"{verdict}: {rel}" + (f"\n{why}" if verdict == "failing" else f" ({why})"), flush=True)
    print(f"{len(cases)} cases: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 1 if counts["failing"] else 0


if __name__ == "__main__":
    sys.exit(main())
