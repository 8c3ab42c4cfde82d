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
    for crash in ["panicked", "internal error", "overflow", "RUST_BACKTRACE"] {
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

#[test]
fn huge_and_deep_files_are_handled() {
    let dir = Scratch::new("robust-huge");
    // A 1 MB line, and a line of 2,000 awaits (time grows with the square
    // of the awaits in one statement: 32,000 take 5 s).
    let long_line = format!(
        "async def f():\n    return [await x, '{}', await y]\n",
        "y".repeat(1 << 20)
    );
    assert_desugared(&dir, "long_line.py", long_line.as_bytes());
    let awaits = format!(
        "async def f():\n    return [{}]\n",
        "await x, ".repeat(2_000)
    );
    assert_desugared(&dir, "many_awaits.py", awaits.as_bytes());
    // 100,000 lines.
    let many: String = (0..33_334)
        .map(|i| format!("async def f{i}():\n    async with a as b:\n        await c\n"))
        .collect();
    assert_desugared(&dir, "many_lines.py", many.as_bytes());
    // A 100,000-deep expression (CPython compiles about 3,000): no crash.
    let deep = format!(
        "async def f():\n    return {}await x\n",
        "-".repeat(100_000)
    );
    assert_desugared(&dir, "deep_unary.py", deep.as_bytes());
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
