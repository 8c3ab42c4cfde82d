//! Syntax errors are reported with CPython's exception type, wording and
//! position: compared here with what CPython 3.11 itself says (no target
//! version) and what the newest interpreter found says (its own target
//! version); async errors with every interpreter from 3.10 on.

mod common;

use std::ops::RangeInclusive;
use std::process::Command;

use unawait::config::TargetVersion;
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
    // An async comprehension needs an async def or (3.11+) a comprehension
    // directly around it, which is then asynchronous in turn.
    "l = [[z async for z in w] for y in v]\n",
    "s = {y: [await z for z in w] for y in v}\n",
    "l = [y for y in v if [z async for z in w]]\n",
    "g = (x for x in [z async for z in w])\n",
    "g = (lambda: [z async for z in w] for y in v)\n",
    // Lines ended by a lone carriage return.
    "x = 1\ry = 'abc\r",
    "x = 1\r\rs = \"\"\"abc\r\rmore\r",
    "x = 1\rif x:\rpass\r",
];

/// Async-related errors whose wording or acceptance changed between
/// versions: annotations above all (evaluated in place until 3.13, kept as
/// text under `from __future__ import annotations`, an annotation scope of
/// their own from 3.14), and those that stayed the same, to show they did.
const ASYNC_CASES: &[&str] = &[
    "await x\n",
    "def f():\n    await x\n",
    "async def f():\n    class C:\n        await x\n",
    "async def f():\n    lambda: await x\n",
    "def f():\n    [x async for x in y]\n",
    "[await x for y in z]\n",
    "async def f():\n    lambda: [x async for x in y]\n",
    "def f():\n    async with a: pass\n",
    "def f():\n    async for x in y: pass\n",
    "async def f():\n    yield from x\n",
    "async def f():\n    yield 1\n    return 2\n",
    "def f():\n    (await x for y in z)\n",
    "async def f():\n    def g(a: await x): pass\n",
    "async def f():\n    def g() -> await x: pass\n",
    "async def f():\n    def g(*args: await x, **kw: await y): pass\n",
    "async def f():\n    async def g(a: await x): pass\n",
    "async def f(a: await x): pass\n",
    "async def f():\n    x: await y = 1\n",
    "async def f():\n    x: int = await y\n",
    "async def f():\n    x.a: await y = 1\n",
    "async def f():\n    x[0]: await y\n",
    "async def f():\n    class C:\n        x: await y\n",
    "async def f():\n    def g():\n        x: await y\n",
    "class C:\n    x: (await y)\n",
    "x: await y\n",
    "async def f():\n    x: (lambda: await y)\n",
    "async def f():\n    def g(a: (lambda: await x)): pass\n",
    "async def f():\n    def g(a: [x async for x in y]): pass\n",
    "async def f():\n    def g(a: [await x for x in y]): pass\n",
    "async def f():\n    def g(a: (await x for x in y)): pass\n",
    "async def f():\n    x: [y async for y in z]\n",
    "def g():\n    x: [y async for y in z]\n",
    "class C:\n    x: [y async for y in z]\n",
    "from __future__ import annotations\nasync def f():\n    def g(a: await x): pass\n",
    "from __future__ import annotations\nasync def f():\n    def g(a: (lambda: await x)): pass\n",
    "from __future__ import annotations\nasync def f():\n    def g(a: [x async for x in y]): pass\n",
    "from __future__ import annotations\nasync def f():\n    x: await y\n",
    "from __future__ import annotations\nasync def f():\n    x.a: List[await y] = 1\n",
    "from __future__ import annotations\nclass C:\n    x: [y async for y in z]\n",
    "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nx: await y\n",
    "def f(a=1, b):\n    await x\n",
    "async def f():\n    [(yield x) async for x in y]\n",
    "async def f():\n    {x: (yield) async for x in y}\n",
    "async def f():\n    ((yield from x) async for x in y)\n",
    "async def f():\n    [x for x in y for z in (yield)]\n",
    "async def f():\n    [x async for x in (yield)]\n",
    "async def f():\n    [lambda: (yield) async for x in y]\n",
];

/// Syntax the parser cannot read that newer CPython accepts: with a
/// target version older than the syntax, that version's error; from it on,
/// a file without async syntax passes through (without a target version
/// too, since nothing is then checked against a version).
const NEWER_SYNTAX_CASES: &[&str] = &[
    "match x:\n    case +0:\n        pass\n",
    "match x:\n    case [1, +2j] | {'k': +1.5}:\n        pass\n",
];

/// (exception type, message, line, 1-based column) as `python` reports
/// them; `None` when it compiles `source`.
fn cpython(python: &Interpreter, source: &str) -> Option<(String, String, usize, usize)> {
    let program = "import sys\ntry:\n    compile(sys.stdin.buffer.read(), 'case.py', 'exec')\nexcept SyntaxError as e:\n    print(type(e).__name__); print(e.msg); print(e.lineno); print(e.offset)\nelse:\n    print('accepted')\n";
    let mut child = Command::new(&python.path)
        .args(["-E", "-s", "-c", program])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the interpreter runs");
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
    if lines == ["accepted"] {
        return None;
    }
    assert_eq!(
        lines.len(),
        4,
        "{} on {source:?}: {text}",
        python.full_version
    );
    Some((
        lines[0].to_string(),
        lines[1].to_string(),
        lines[2].parse().unwrap(),
        lines[3].parse().unwrap(),
    ))
}

/// The newest interpreter of `versions`; the test fails when there is none,
/// since it would check nothing.
fn newest_interpreter(versions: RangeInclusive<(u32, u32)>) -> &'static Interpreter {
    let found = common::interpreters();
    found
        .iter()
        .filter(|python| versions.contains(&python.version))
        .max_by_key(|python| python.version)
        .unwrap_or_else(|| {
            panic!(
                "this test needs CPython {versions:?} (found {})",
                common::describe(found)
            )
        })
}

/// `--target-version` for `python` (the newest unawait knows, for an
/// interpreter newer still: a difference then shows what to update).
fn target_of(python: &Interpreter) -> TargetVersion {
    let (major, minor) = python.version;
    let version = TargetVersion {
        major: major as u8,
        minor: minor as u8,
    };
    let newest: TargetVersion = "py315".parse().expect("a known version");
    version.min(newest)
}

/// Asserts that unawait, given `target`, accepts what `python` accepts (or
/// declines it as unsupported, never as a SyntaxError) and reports the
/// first error of the rest as `python` does.
fn assert_reported_as_by(python: &Interpreter, target: Option<TargetVersion>, cases: &[&str]) {
    let options = unawait::Options {
        target_version: target,
        ..unawait::Options::default()
    };
    let mut mismatches = Vec::new();
    for source in cases {
        let expected = match cpython(python, source) {
            Some((kind, message, line, column)) => {
                format!("case.py:{line}:{column}: {kind}: {message}")
            }
            None => "accepted".to_string(),
        };
        let got = match unawait::desugar(source, &options) {
            Ok(_) => "accepted".to_string(),
            // Valid, but async syntax where CPython never evaluates it,
            // which unawait declines to rewrite: no SyntaxError claimed.
            Err(diagnostics)
                if diagnostics
                    .0
                    .iter()
                    .all(|d| d.severity == unawait::diagnostic::Severity::Unsupported) =>
            {
                "accepted".to_string()
            }
            Err(diagnostics) => {
                let rendered = diagnostics.render("case.py", source);
                rendered.lines().next().unwrap_or_default().to_string()
            }
        };
        if got != expected {
            mismatches.push(format!(
                "{source:?}\n  CPython {}: {expected}\n  unawait (target {target:?}): {got}",
                python.full_version
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches.join("\n")
    );
}

/// Without a target version, errors read as CPython 3.11's.
#[test]
fn syntax_errors_use_cpython_type_wording_and_position() {
    assert_reported_as_by(newest_interpreter((3, 11)..=(3, 11)), None, CASES);
}

/// With a target version, as that version's: the newest interpreter found.
#[test]
fn syntax_errors_follow_the_newest_target_version() {
    let newest = newest_interpreter((3, 11)..=(3, u32::MAX));
    assert_reported_as_by(newest, Some(target_of(newest)), CASES);
}

/// Async errors: 3.11's without a target; with one, as each interpreter
/// found from 3.10 on reports them (3.8 and 3.9 say line 0 for some, 3.7
/// counts columns from 0; 3.6 had no such errors, `await` being a name).
#[test]
fn async_errors_follow_the_target_version() {
    assert_reported_as_by(newest_interpreter((3, 11)..=(3, 11)), None, ASYNC_CASES);
    let newest = newest_interpreter((3, 11)..=(3, u32::MAX));
    let mut checked = Vec::new();
    for python in common::interpreters() {
        if python.version >= (3, 10) && !checked.contains(&python.version) {
            assert_reported_as_by(python, Some(target_of(python)), ASYNC_CASES);
            checked.push(python.version);
        }
    }
    assert!(checked.contains(&newest.version));
}

#[test]
fn syntax_newer_than_the_parser_follows_the_target_version() {
    for python in common::interpreters() {
        if python.version >= (3, 10) {
            assert_reported_as_by(python, Some(target_of(python)), NEWER_SYNTAX_CASES);
        }
    }
    for source in NEWER_SYNTAX_CASES {
        let output = unawait::desugar(source, &unawait::Options::default()).expect("accepted");
        assert_eq!(output.code, *source);
    }
}

/// `await` and async comprehensions where 3.12+ evaluate lazily, in an
/// annotation scope of their own (compared with the newest CPython, whose
/// wording for constraints and whose type parameter defaults 3.12 lacks).
const ANNOTATION_SCOPE_CASES: &[&str] = &[
    "async def f():\n    def g[T: (await x)](): pass\n",
    "async def f():\n    def g[T: (int, await x)](): pass\n",
    "async def f():\n    def g[T = (await x)](): pass\n",
    "def g[*Ts = (await x)](): pass\n",
    "async def f():\n    def g[**P = (await x)](): pass\n",
    "async def f():\n    def g[T](a: await x): pass\n",
    "async def f():\n    def g[T]() -> (await x): pass\n",
    "async def f():\n    class C[T](await x): pass\n",
    "async def f():\n    class C[T](metaclass=await x): pass\n",
    "async def f():\n    class C[T: [z async for z in w]]: pass\n",
    "async def f():\n    def g[T: (z for z in await x)](): pass\n",
    "async def f():\n    def g[T: (lambda: await x)](): pass\n",
    "async def f():\n    type A = await x\n",
    "type A[T: (await x)] = int\n",
];

#[test]
fn await_in_annotation_scopes_is_rejected_as_by_cpython() {
    let newest = newest_interpreter((3, 13)..=(3, u32::MAX));
    assert_reported_as_by(newest, Some(target_of(newest)), ANNOTATION_SCOPE_CASES);
}

/// CPython's tokenizer limits and its tab check: files the parser here
/// accepts but CPython does not (generated, they are too long to list).
fn tokenizer_limit_cases() -> Vec<String> {
    let nested_blocks = |levels: usize, body: &str| {
        let mut source: String = (0..levels)
            .map(|level| format!("{}if x:\n", " ".repeat(level)))
            .collect();
        source.push_str(&format!("{}{body}\n", " ".repeat(levels)));
        source
    };
    vec![
        format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201)),
        format!("y = 0\nx = [{}1{}]\n", "{".repeat(250), "}".repeat(250)),
        format!(
            "async def f():\n    return {}await x{}\n",
            "(".repeat(10_000),
            ")".repeat(10_000)
        ),
        nested_blocks(100, "pass"),
        nested_blocks(10_000, "await x"),
        "if x:\n\tpass\n        pass\n".to_string(),
        "if x:\n        pass\n\tpass\n".to_string(),
        "async def f():\n    if x:\n\tawait y\n".to_string(),
        "if x:\n  \tpass\n\t  pass\n".to_string(),
    ]
}

#[test]
fn tokenizer_limits_and_tabs_are_reported_as_by_cpython() {
    let cases = tokenizer_limit_cases();
    let cases: Vec<&str> = cases.iter().map(String::as_str).collect();
    assert_reported_as_by(newest_interpreter((3, 11)..=(3, 11)), None, &cases);
    let newest = newest_interpreter((3, 11)..=(3, u32::MAX));
    assert_reported_as_by(newest, Some(target_of(newest)), &cases);
}

#[test]
fn nesting_just_within_cpython_limits_is_accepted() {
    let brackets = format!(
        "async def f():\n    return {}await x{}\n",
        "(".repeat(199),
        ")".repeat(199)
    );
    let mut blocks: String = (0..98)
        .map(|level| format!("{}if x:\n", " ".repeat(level)))
        .collect();
    blocks.push_str(&format!("{}pass\n", " ".repeat(98)));
    for source in [brackets, blocks] {
        if let Err(diagnostics) = unawait::desugar(&source, &unawait::Options::default()) {
            panic!("{}", diagnostics.render("case.py", &source));
        }
    }
}
