//! Invariants of the runtime's Python source (`src/runtime/unawait_runtime.py`)
//! that no single program shows.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::interpreters;

/// Runs `script` on the newest interpreter with the runtime's source on
/// standard input; returns what it printed.
fn analyse(script: &str) -> String {
    let python = interpreters().last().expect("an interpreter");
    let mut child = Command::new(&python.path)
        .args(["-E", "-s", "-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the interpreter runs");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(unawait::runtime::SOURCE.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("the interpreter finishes");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Inline, the helpers share the program's module globals: a name a helper
/// looks up when it runs must be one of the runtime's own, never a builtin a
/// program may rebind (`type = ...`, `BaseException = ValueError`). Only
/// `_unawait_require` is exempt: it runs in the imported runtime module.
#[test]
fn helpers_look_up_no_builtin_when_they_run() {
    let found = analyse(
        r#"
import builtins, symtable, sys
source = sys.stdin.read()
table = symtable.symtable(source, "unawait_runtime.py", "exec")
module = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
def walk(scope):
    for child in scope.get_children():
        if child.get_type() == "function" and child.get_name() != "_unawait_require":
            for symbol in child.get_symbols():
                name = symbol.get_name()
                if (symbol.is_global() and not symbol.is_assigned() and hasattr(builtins, name)
                        and name not in module and not name.startswith("__")):
                    print("%s (line %d) looks up %s" % (child.get_name(), child.get_lineno(), name))
        walk(child)
walk(table)
"#,
    );
    assert!(found.is_empty(), "{found}");
}

/// Every difference between CPython versions is a named flag of the table
/// at the top of the coroutine section: the version is read there once, and
/// every flag is used.
#[test]
fn versions_are_read_once_into_named_flags() {
    let source = unawait::runtime::SOURCE;
    assert_eq!(
        source.matches("version_info").count(),
        1,
        "one read of sys.version_info"
    );
    let report = analyse(
        r#"
import re, sys
source = sys.stdin.read()
flags = re.findall(r"^(_unawait_[A-Z_]+) = .*_unawait_VERSION", source, re.M)
print(len(flags))
for flag in flags:
    if len(re.findall(r"\b%s\b" % flag, source)) < 2:
        print("unused:", flag)
"#,
    );
    let mut lines = report.lines();
    let count: usize = lines.next().expect("a count").parse().expect("a number");
    assert!(count >= 20, "{count} flags");
    let unused: Vec<&str> = lines.collect();
    assert!(unused.is_empty(), "{unused:?}");
}
