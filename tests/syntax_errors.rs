//! Syntax errors are reported with CPython's exception type, wording and
//! position: compared here with what CPython 3.11 itself says.

mod common;

use std::process::Command;

use unawait::verify::Interpreter;

/// Broken programs.
const CASES: &[&str] = &[
    "def f(:\n    pass\n",
    "print((1, 2]\n",
    "f(1, 2\n",
    "x = [1, 2)\n",
    "x = 1)\n",
    "if x\n    pass\n",
    "def f():\nreturn 1\n",
    "x = 1\n    y = 2\n",
    "if x:\n        a = 1\n    b = 2\n",
    "s = 'abc\n",
    "s = \"\"\"abc\n\nmore\n",
    "x = 1 \\ 2\n",
    "x = 1 € 2\n",
    "for x in y\n    pass\n",
    "while True\n    pass\n",
    "x = = 1\n",
    "f(a=1, 2)\n",
    "def f(a=1, b):\n    pass\n",
    "class C\n    pass\n",
    "async def f():\n    await\n",
];

/// (exception type, message, line, 1-based column) as `python` reports them.
fn cpython(python: &Interpreter, source: &str) -> (String, String, usize, usize) {
    let program = "import sys\ntry:\n    compile(sys.stdin.read(), 'case.py', 'exec')\nexcept SyntaxError as e:\n    print(type(e).__name__); print(e.msg); print(e.lineno); print(e.offset)\n";
    let mut child = Command::new(&python.path)
        .args(["-E", "-s", "-c", program])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(source.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("the interpreter finishes");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        4,
        "{} accepted {source:?}: {text}",
        python.full_version
    );
    (
        lines[0].to_string(),
        lines[1].to_string(),
        lines[2].parse().unwrap(),
        lines[3].parse().unwrap(),
    )
}

#[test]
fn syntax_errors_use_cpython_type_wording_and_position() {
    let python = common::interpreters()
        .iter()
        .find(|python| python.version == (3, 11))
        .unwrap_or_else(|| {
            panic!(
                "the syntax error test needs CPython 3.11 (found {})",
                common::describe(common::interpreters())
            )
        });
    let mut mismatches = Vec::new();
    for source in CASES {
        let (kind, message, line, column) = cpython(python, source);
        let expected = format!("case.py:{line}:{column}: {kind}: {message}");
        let diagnostics =
            unawait::desugar(source, &unawait::Options::default()).expect_err("invalid input");
        let rendered = diagnostics.render("case.py", source);
        let first = rendered.lines().next().unwrap_or_default();
        if first != expected {
            mismatches.push(format!(
                "{source:?}\n  CPython: {expected}\n  unawait: {first}"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        CASES.len(),
        mismatches.join("\n")
    );
}
