//! Odd input through the command line: each is a clear error (path:line:col,
//! the line, a caret; exit 1; no output file) or correct output; never a
//! panic or a crash.

mod common;

use std::path::Path;
use std::process::Command;

use common::Scratch;

/// Runs `unawait FILE -o OUT`; returns exit code, stderr and the output
/// file's bytes if one was written.
fn desugar_to_file(
    dir: &Scratch,
    name: &str,
    input: &[u8],
) -> (Option<i32>, String, Option<Vec<u8>>) {
    let file = dir.write(name, input);
    let out = dir.0.join(format!("out_{name}"));
    let output = Command::new(env!("CARGO_BIN_EXE_unawait"))
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("unawait runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    for crash in [
        "panicked",
        "internal error",
        "overflowed its stack",
        "RUST_BACKTRACE",
    ] {
        assert!(!stderr.contains(crash), "{name}: {stderr}");
    }
    assert!(output.status.code().is_some(), "{name} ended by a signal");
    let leftovers: Vec<_> = std::fs::read_dir(&dir.0)
        .expect("scratch")
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{name}: temporary files left: {leftovers:?}"
    );
    (output.status.code(), stderr, std::fs::read(&out).ok())
}

/// Asserts a rejected input: exit 1, `expected` (path:line:col: message) first,
/// then the source line and a caret, and no output file.
fn assert_rejected(dir: &Scratch, name: &str, input: &[u8], expected: &str) {
    let (code, stderr, written) = desugar_to_file(dir, name, input);
    assert_eq!(code, Some(1), "{name}: {stderr}");
    let path = dir.0.join(name);
    let first = stderr.lines().next().unwrap_or_default();
    assert_eq!(first, format!("{}:{expected}", path.display()), "{name}");
    let caret = stderr.lines().nth(2).unwrap_or_default();
    assert!(
        caret.trim_start().starts_with('^'),
        "{name}: no caret in {stderr}"
    );
    assert!(written.is_none(), "{name}: an output file was written");
}

/// Asserts an accepted input: exit 0, no async syntax left, and the output
/// parses.
fn assert_desugared(dir: &Scratch, name: &str, input: &[u8]) -> Vec<u8> {
    let (code, stderr, written) = desugar_to_file(dir, name, input);
    assert_eq!(code, Some(0), "{name}: {stderr}");
    let written = written.expect("an output file");
    let (text, _) = unawait::desugar_bytes(&written, &unawait::Options::default())
        .unwrap_or_else(|_| panic!("{name}: the output does not desugar again"));
    assert_eq!(text, written, "{name}: the output still changes");
    written
}

#[test]
fn broken_encodings_are_errors() {
    let dir = Scratch::new("robust-encoding");
    assert_rejected(
        &dir,
        "bad_utf8.py",
        b"async def f():\n    return '\xff'\n",
        "2:1: SyntaxError: Non-UTF-8 code starting with '\\xff' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
    );
    assert_rejected(
        &dir,
        "bom_and_cookie.py",
        b"\xef\xbb\xbf# coding: latin-1\nasync def f(): pass\n",
        "1:1: SyntaxError: encoding problem: iso-8859-1 with BOM",
    );
    assert_rejected(
        &dir,
        "null.py",
        b"async def f():\n    await x\x00\n",
        "2:12: SyntaxError: source code cannot contain null bytes",
    );
}

#[test]
fn odd_but_valid_files_are_desugared() {
    let dir = Scratch::new("robust-valid");
    assert_eq!(assert_desugared(&dir, "empty.py", b""), b"");
    let bom = assert_desugared(&dir, "bom.py", b"\xef\xbb\xbfasync def f():\n    await x\n");
    assert!(bom.starts_with(b"\xef\xbb\xbf") && !bom[3..].starts_with(b"\xef\xbb\xbf"));
    let mixed = assert_desugared(
        &dir,
        "mixed_endings.py",
        b"async def f():\r\n    await x\n    return 1\r\n",
    );
    assert!(String::from_utf8_lossy(&mixed).contains("yield from"));
    assert_desugared(
        &dir,
        "tabs.py",
        b"async def f():\n\tif x:\n\t\tawait y\n\treturn 1\n",
    );
    assert_desugared(
        &dir,
        "form_feed.py",
        b"async def f():\n\x0c    await x\n\x0c\nx = 1\n",
    );
    assert_desugared(
        &dir,
        "latin1.py",
        b"# coding: latin-1\nasync def f():\n    return '\xe9'\n",
    );
}

/// Syntax of CPython 3.14 and 3.15 (template strings, `except A, B:`,
/// PEP 798 unpacking in comprehensions, lazy imports) desugars; a file
/// without async syntax comes back byte for byte.
#[test]
fn newest_syntax_is_desugared_or_passed_through() {
    let dir = Scratch::new("robust-newest");
    let plain = b"lazy import json\nlazy from os import path as p\ntry:\n    pass\nexcept ValueError, TypeError:\n    pass\nt = t\"{x!r:>{w}}\"\nflat = [*x for x in xs]\nmerged = {**d for d in ds}\n";
    assert_eq!(assert_desugared(&dir, "plain_new.py", plain), plain);
    let cases: &[(&str, &str)] = &[
        (
            "list.py",
            "async def f():\n    return [*x async for x in g()]\n",
        ),
        (
            "set.py",
            "async def f():\n    return {*s async for s in g()}\n",
        ),
        (
            "dict.py",
            "async def f():\n    return {**d async for d in g()}\n",
        ),
        (
            "genexp.py",
            "async def f():\n    return (*x async for x in g())\n",
        ),
        ("genexp_outside.py", "gen = (*x async for x in g())\n"),
        (
            "awaited.py",
            "async def f():\n    return [*await h(x) for x in xs], {**(await h(d) or {}) async for d in g()}\n",
        ),
        (
            "nested.py",
            "async def f():\n    return [*[*y async for y in x] async for x in g() if await ok(x)]\n",
        ),
        (
            "multiline.py",
            "async def f():\n    return {\n        **d  # a comment\n        async for d in g()\n    }\n",
        ),
        (
            "sync_in_async.py",
            "async def f():\n    return [(*x for x in y) async for y in g()], [*x for x in (a async for a in g())]\n",
        ),
        (
            "genexp_in_sync.py",
            "def f():\n    return (*(n, (a async for a in g(n))) for n in range(2))\n",
        ),
        (
            "lazy.py",
            "lazy import json\nasync def f():\n    return json.dumps([*x async for x in g()])\n",
        ),
        (
            "tstring.py",
            "async def f():\n    return t\"{await x} {[*y async for y in g()]!r}\"\n",
        ),
        (
            "except_comma.py",
            "async def f():\n    try:\n        await x\n    except ValueError, TypeError:\n        return [*e async for e in g()]\n",
        ),
    ];
    // A literal pattern with a unary `+` (3.15) the parser cannot read: a
    // file without async syntax passes through, one with it is an error
    // that names the construct.
    let plus = b"match x:\n    case +0:\n        pass\n";
    assert_eq!(assert_desugared(&dir, "plus_pattern.py", plus), plus);
    assert_rejected(
        &dir,
        "plus_pattern_async.py",
        b"async def f():\n    match await x:\n        case +0:\n            pass\n",
        "3:14: error: unawait's parser cannot read a `+` in a literal pattern (`case +0:`), new in Python 3.15; only files without async syntax pass through with it",
    );
    let mut outputs = Vec::new();
    for (name, source) in cases {
        let output = assert_desugared(&dir, name, source.as_bytes());
        if name.starts_with("lazy") {
            let line: &[u8] = b"\nlazy import json\n";
            assert!(output.windows(line.len()).any(|w| w == line), "{name}");
        }
        outputs.push(dir.write(&format!("compiled_{name}"), &output));
    }
    // The output is Python the newest interpreter compiles, when one that
    // reads this syntax (3.15+) is at hand.
    let newest = unawait::verify::discover_interpreters()
        .into_iter()
        .filter(|python| python.version >= (3, 15))
        .max_by_key(|python| python.version);
    if let Some(python) = newest {
        let failures = common::check_outputs(&python, &outputs);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[test]
fn huge_and_deep_files_are_handled() {
    let dir = Scratch::new("robust-huge");
    // A 1 MB line.
    let long_line = format!(
        "async def f():\n    return [await x, '{}', await y]\n",
        "y".repeat(1 << 20)
    );
    assert_desugared(&dir, "long_line.py", long_line.as_bytes());
    // 100,000 lines.
    let many: String = (0..33_334)
        .map(|i| format!("async def f{i}():\n    async with a as b:\n        await c\n"))
        .collect();
    assert_desugared(&dir, "many_lines.py", many.as_bytes());
    assert_rejected(
        &dir,
        "deep_parens.py",
        format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000)).as_bytes(),
        "1:205: SyntaxError: too many nested parentheses",
    );
    let blocks: String = (0..10_000)
        .map(|level| format!("{}async def f():\n", " ".repeat(level)))
        .collect::<String>()
        + &" ".repeat(10_000)
        + "await x\n";
    assert_rejected(
        &dir,
        "deep_blocks.py",
        blocks.as_bytes(),
        "101:1: IndentationError: too many levels of indentation",
    );
}

#[test]
fn output_nesting_past_cpython_limits_is_an_error() {
    let dir = Scratch::new("robust-output-depth");
    // 97 levels are fine as written; `async with` adds two.
    let mut source: String = (0..97)
        .map(|level| format!("{}if x:\n", " ".repeat(level)))
        .collect();
    source.push_str(&format!("{}async def f():\n", " ".repeat(97)));
    source.push_str(&format!("{}async with a:\n", " ".repeat(98)));
    source.push_str(&format!("{}pass\n", " ".repeat(99)));
    let (code, stderr, written) = desugar_to_file(&dir, "deep_with.py", source.as_bytes());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("would nest too deeply for CPython"),
        "{stderr}"
    );
    assert!(written.is_none());
    assert!(Path::new(&dir.0.join("deep_with.py")).exists());
}

#[test]
fn many_awaits_in_one_statement_are_desugared() {
    let dir = Scratch::new("robust-wide");
    let n = 32_000;
    // Each shape, from what the i-th await reads: the input's `await gi()`
    // or the output's `(yield from _unawait_await(gi()))`.
    type Shape = fn(usize, &dyn Fn(usize) -> String) -> String;
    let joined = |n: usize, separator: &str, item: &dyn Fn(usize) -> String| {
        (0..n).map(item).collect::<Vec<_>>().join(separator)
    };
    let shapes: [(&str, Shape); 9] = [
        ("sum", |n, a| {
            (0..n)
                .map(|i| format!("({})", a(i)))
                .collect::<Vec<_>>()
                .join(" + ")
        }),
        ("list", |n, a| {
            format!("[{}]", (0..n).map(a).collect::<Vec<_>>().join(", "))
        }),
        ("call", |n, a| {
            format!("h({})", (0..n).map(a).collect::<Vec<_>>().join(", "))
        }),
        ("dict", |n, a| {
            let items: Vec<String> = (0..n).map(|i| format!("{i}: {}", a(i))).collect();
            format!("{{{}}}", items.join(", "))
        }),
        ("and", |n, a| {
            (0..n)
                .map(|i| format!("({})", a(i)))
                .collect::<Vec<_>>()
                .join(" and ")
        }),
        ("compare", |n, a| {
            (0..n)
                .map(|i| format!("({})", a(i)))
                .collect::<Vec<_>>()
                .join(" < ")
        }),
        ("fstring", |n, a| {
            format!(
                "f'{}'",
                (0..n).map(|i| format!("{{{}}}", a(i))).collect::<String>()
            )
        }),
        ("ifexp", |n, a| {
            (0..n)
                .map(|i| format!("1 if ({}) else ", a(i)))
                .collect::<String>()
                + "0"
        }),
        ("subscripts", |n, a| {
            format!(
                "a{}",
                (0..n).map(|i| format!("[{}]", a(i))).collect::<String>()
            )
        }),
    ];
    let written = |i: usize| format!("await g{i}()");
    // Each a call of a name: the form that may run a coroutine function's
    // body directly.
    let direct = |i: usize| {
        format!(
            "yield from (g{i}._unawait_body() if _unawait_type(g{i}) is _unawait_CoroutineFunction \
             else _unawait_await(g{i}()))"
        )
    };
    let desugared = |i: usize| format!("({})", direct(i));
    for (name, shape) in shapes {
        let source = format!("async def f():\n    x = {}\n", shape(n, &written));
        let output = assert_desugared(&dir, &format!("{name}.py"), source.as_bytes());
        // Everything around the awaits is copied as it was: `and` and
        // `if` still decide which operands run.
        let expected = format!("\n        x = {}\n", shape(n, &desugared));
        assert!(
            String::from_utf8_lossy(&output).contains(&expected),
            "{name}: the statement is not as expected"
        );
    }
    // As many statements on one line.
    let source = format!("async def f():\n    {}\n", joined(n, "; ", &written));
    let output = assert_desugared(&dir, "statements.py", source.as_bytes());
    let expected = format!("\n        {}\n", joined(n, "; ", &direct));
    assert!(String::from_utf8_lossy(&output).contains(&expected));
}

#[test]
fn nesting_past_the_limit_is_an_error() {
    let dir = Scratch::new("robust-deep");
    let limit = unawait::MAX_NESTING;
    let message = "MemoryError: Parser stack overflowed - Python source too complex to parse";
    // `x = -…-a`: the value is depth 1, `a` depth `levels`. (An await at
    // the bottom would be desugared one level deeper, past the limit for
    // the output to be desugared again.)
    let chain = |levels: usize| {
        format!(
            "async def f():\n    x = {}a\n    await g()\n",
            "-".repeat(levels - 1)
        )
    };
    let output = assert_desugared(&dir, "at_limit.py", chain(limit).as_bytes());
    let expected = format!(
        "x = {}a\n        yield from (g._unawait_body() if _unawait_type(g) is _unawait_CoroutineFunction \
         else _unawait_await(g()))\n",
        "-".repeat(limit - 1)
    );
    assert!(String::from_utf8_lossy(&output).contains(&expected));
    assert_rejected(
        &dir,
        "over_limit.py",
        chain(limit + 1).as_bytes(),
        &format!(
            "2:{}: {message} (expressions nested more than {limit} deep)",
            limit + 9
        ),
    );
    let deep = 4 * limit;
    // The parser recurses into lambda defaults on the thread's own stack:
    // refused before parsing.
    let lambdas = format!("x = {}0{}\n", "lambda a=".repeat(deep), ": a".repeat(deep));
    assert_rejected(
        &dir,
        "lambda_defaults.py",
        lambdas.as_bytes(),
        &format!(
            "1:{}: {message} (lambda parameters nested more than {limit} deep)",
            5 + limit * "lambda a=".len()
        ),
    );
}

/// Every kind of chain, four times the nesting limit (past what the stack
/// holds in a debug build), with or without async syntax: the error, never a
/// crash.
#[test]
fn every_kind_of_deep_chain_is_an_error_not_a_crash() {
    let dir = Scratch::new("robust-deep-shapes");
    let message = "MemoryError: Parser stack overflowed - Python source too complex to parse";
    let deep = 4 * unawait::MAX_NESTING;
    let body = |expression: String| format!("async def f():\n    x = {expression}\n");
    let shapes = [
        ("not", body(format!("{}(await g())", "not ".repeat(deep)))),
        (
            "sum",
            body(format!("{} + await g()", vec!["a"; deep].join(" + "))),
        ),
        (
            "attributes",
            body(format!("(await g()){}", ".b".repeat(deep))),
        ),
        ("calls", body(format!("(await g()){}", "()".repeat(deep)))),
        (
            "ifexp",
            body(format!("{}await g()", "a if b else ".repeat(deep))),
        ),
        ("power", body(format!("{}(await g())", "a**".repeat(deep)))),
        (
            "lambda",
            body(format!("(await g()), {}a", "lambda: ".repeat(deep))),
        ),
        (
            "with",
            format!(
                "async def f():\n    async with {}a:\n        pass\n",
                "-".repeat(deep)
            ),
        ),
        (
            "comprehension",
            body(format!("[y async for y in a if {}y]", "-".repeat(deep))),
        ),
        (
            "fstring",
            body(format!("f'{{{}(await g())}}'", "-".repeat(deep))),
        ),
        ("plain", format!("x = {}a\n", "~".repeat(deep))),
        ("plain_attributes", format!("x = a{}\n", ".b".repeat(deep))),
        (
            "syntax_error_after",
            format!("x = {}a\n)\n", "-".repeat(deep)),
        ),
    ];
    for (name, source) in shapes {
        let (code, stderr, written) =
            desugar_to_file(&dir, &format!("{name}.py"), source.as_bytes());
        assert_eq!(code, Some(1), "{name}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        let expected = if name == "syntax_error_after" {
            "SyntaxError: unmatched ')'"
        } else {
            message
        };
        assert!(first.contains(expected), "{name}: {first}");
        assert!(written.is_none(), "{name}");
    }
}

#[test]
fn many_errors_are_all_reported() {
    let dir = Scratch::new("robust-errors");
    let lines = 20_000;
    let (code, stderr, written) =
        desugar_to_file(&dir, "errors.py", "await x\n".repeat(lines).as_bytes());
    assert_eq!(code, Some(1));
    assert!(written.is_none());
    let reported: Vec<&str> = stderr
        .lines()
        .filter(|line| line.contains("SyntaxError"))
        .collect();
    assert_eq!(reported.len(), lines);
    assert!(reported[lines - 1].contains(&format!(
        "errors.py:{lines}:1: SyntaxError: 'await' outside function"
    )));
}
