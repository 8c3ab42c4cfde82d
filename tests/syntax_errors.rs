//! Syntax errors are reported with CPython's exception type, wording and
//! position: compared here with what CPython 3.11 itself says.

mod common;

use std::ops::RangeInclusive;
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

/// (exception type, message, line, 1-based column) as `python` reports them.
fn cpython(python: &Interpreter, source: &str) -> (String, String, usize, usize) {
    let program = "import sys\ntry:\n    compile(sys.stdin.buffer.read(), 'case.py', 'exec')\nexcept SyntaxError as e:\n    print(type(e).__name__); print(e.msg); print(e.lineno); print(e.offset)\n";
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

/// Asserts that unawait's first diagnostic for each case is what `python`
/// reports.
fn assert_reported_as_by(python: &Interpreter, cases: &[&str]) {
    let mut mismatches = Vec::new();
    for source in cases {
        let (kind, message, line, column) = cpython(python, source);
        let expected = format!("case.py:{line}:{column}: {kind}: {message}");
        let diagnostics =
            unawait::desugar(source, &unawait::Options::default()).expect_err("invalid input");
        let rendered = diagnostics.render("case.py", source);
        let first = rendered.lines().next().unwrap_or_default();
        if first != expected {
            mismatches.push(format!(
                "{source:?}\n  CPython {}: {expected}\n  unawait: {first}",
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

#[test]
fn syntax_errors_use_cpython_type_wording_and_position() {
    assert_reported_as_by(newest_interpreter((3, 11)..=(3, 11)), CASES);
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
    assert_reported_as_by(
        newest_interpreter((3, 13)..=(3, u32::MAX)),
        ANNOTATION_SCOPE_CASES,
    );
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
    assert_reported_as_by(newest_interpreter((3, 11)..=(3, 11)), &cases);
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
