//! End-to-end tests of the `unawait` command line: every test runs the built
//! binary on files in a scratch directory of its own and checks exit status,
//! standard output, standard error and the files written.
//!
//! The tests use only the binary (no library calls), so they check what a
//! user sees.

mod common;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The line that closes the runtime helpers `--runtime=inline` copies in.
const RUNTIME_END: &str = "# --- end of unawait runtime ---";

/// A small program whose coroutines await each other: desugared, it must
/// print the same as it does natively.
const PROGRAM: &str = "\
import asyncio


class Resource:
    async def __aenter__(self):
        print(\"enter\")
        return self

    async def __aexit__(self, *exc_info):
        print(\"exit\", exc_info[0])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def main():
    total = 0
    async with Resource():
        async for i in Countdown(3):
            total += await double(i)
            print(\"step\", i, total)
    print(\"done\", total)


asyncio.run(main())
";

/// A scratch directory ([`common::Scratch`]) the binary runs in, so paths in
/// its messages are the relative ones a test passes.
struct Scratch {
    dir: common::Scratch,
    root: PathBuf,
}

impl Scratch {
    fn new(label: &str) -> Self {
        let dir = common::Scratch::new(&format!("cli-{label}"));
        let root = dir.0.clone();
        Scratch { dir, root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Writes `contents` to `relative`, creating parent directories.
    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        self.dir.write(relative, contents.as_ref());
    }

    fn read(&self, relative: &str) -> Vec<u8> {
        fs::read(self.path(relative)).unwrap_or_else(|e| panic!("reading {relative}: {e}"))
    }

    fn exists(&self, relative: &str) -> bool {
        self.path(relative).exists()
    }

    /// Runs `unawait ARGS` in this directory with an empty standard input.
    fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, b"")
    }

    /// Runs `unawait ARGS` in this directory, piping `stdin` into it.
    fn run_with_stdin(&self, args: &[&str], stdin: &[u8]) -> Run {
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(&self.root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the unawait binary starts");
        // Written from a thread so a large input cannot deadlock against a
        // full output pipe.
        let mut pipe = child.stdin.take().expect("stdin is piped");
        let input = stdin.to_vec();
        let writer = std::thread::spawn(move || pipe.write_all(&input));
        let output = child.wait_with_output().expect("unawait runs");
        writer
            .join()
            .expect("the stdin writer does not panic")
            .expect("unawait reads its standard input");
        Run {
            args: args.iter().map(|arg| arg.to_string()).collect(),
            code: output.status.code(),
            stdout: output.stdout,
            stderr: String::from_utf8(output.stderr).expect("diagnostics are UTF-8"),
        }
    }

    /// Writes `source` to `relative`, desugars it and returns the output,
    /// checking that the run succeeded quietly.
    fn desugar(&self, relative: &str, source: impl AsRef<[u8]>, extra: &[&str]) -> Vec<u8> {
        self.write(relative, source);
        let mut args = extra.to_vec();
        args.push(relative);
        self.run(&args).success().stdout
    }

    /// Every file under `relative`, as sorted `/`-separated relative paths.
    fn files_under(&self, relative: &str) -> Vec<String> {
        fn walk(dir: &Path, prefix: &str, found: &mut Vec<String>) {
            for entry in fs::read_dir(dir).expect("a readable directory") {
                let entry = entry.expect("a directory entry");
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if entry.file_type().expect("a file type").is_dir() {
                    walk(&entry.path(), &format!("{name}/"), found);
                } else {
                    found.push(name);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.path(relative), "", &mut found);
        found.sort();
        found
    }
}

/// What one run of the binary did.
struct Run {
    args: Vec<String>,
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout_text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("the output is UTF-8")
    }

    /// Asserts the exit status, showing the run when it differs.
    fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code,
            Some(expected),
            "unawait {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args,
            String::from_utf8_lossy(&self.stdout),
            self.stderr
        );
        self
    }

    /// Asserts exit status 0 and an empty standard error.
    fn success(self) -> Self {
        let run = self.code(0);
        assert_eq!(run.stderr, "", "unawait {:?} wrote to stderr", run.args);
        run
    }

    /// Asserts that the run failed with `code` without printing anything on
    /// standard output, and explained itself on standard error.
    fn failure(self, code: i32) -> Self {
        let run = self.code(code);
        assert_eq!(
            run.stdout_text(),
            "",
            "unawait {:?} failed but wrote to stdout",
            run.args
        );
        assert!(
            !run.stderr.is_empty(),
            "unawait {:?} failed silently",
            run.args
        );
        run
    }
}

/// The part of an output that came from the input: everything after the
/// inlined runtime, or all of it when there is none.
fn program_part(output: &str) -> &str {
    output
        .split_once(RUNTIME_END)
        .map_or(output, |(_, program)| program)
}

/// Whether `text` holds `word` as a whole identifier (so `await` is found
/// in `x = await y` but not in `_unawait_await(`).
fn has_keyword(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(is_ident)
            && !text[at + word.len()..].chars().next().is_some_and(is_ident)
    })
}

/// Asserts that `output` has no async syntax left in the code it carries
/// over from its input (the inlined helpers mention `await` in docstrings).
fn assert_fully_desugared(output: &str) {
    let program = program_part(output);
    let code = without_string_literals(program);
    for keyword in ["async", "await"] {
        assert!(
            !has_keyword(&code, keyword),
            "`{keyword}` left in the output:\n{program}"
        );
    }
}

/// `text` with the contents of one-line string literals blanked out (the
/// output's messages say "async generator raised ...").
fn without_string_literals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quote = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q || c == '\n' => {
                quote = None;
                out.push(c);
            }
            Some(_) => out.push(' '),
            None => {
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// Asserts that every line break of `output` is `\r\n`.
fn assert_crlf_only(output: &[u8]) {
    for (at, &byte) in output.iter().enumerate() {
        match byte {
            b'\n' => assert!(
                at > 0 && output[at - 1] == b'\r',
                "bare \\n at byte {at}: {:?}",
                String::from_utf8_lossy(&output[at.saturating_sub(60)..at + 1])
            ),
            b'\r' => assert_eq!(output.get(at + 1), Some(&b'\n'), "bare \\r at byte {at}"),
            _ => {}
        }
    }
    assert!(
        output.ends_with(b"\r\n"),
        "the output ends with a line break"
    );
}

/// Runs `unawait bad.py` and `unawait bad.py -o out.py` on `source` and
/// asserts that both fail with exit status 1, print nothing on standard
/// output, print exactly `expected_stderr`, and that `out.py` is not created.
fn assert_rejected(source: impl AsRef<[u8]>, expected_stderr: &str) {
    let scratch = Scratch::new("rejected");
    scratch.write("bad.py", source.as_ref());
    let printed = scratch.run(&["bad.py"]).failure(1);
    assert_eq!(printed.stderr, expected_stderr);
    let written = scratch.run(&["bad.py", "-o", "out.py"]).failure(1);
    assert_eq!(written.stderr, expected_stderr);
    assert!(!scratch.exists("out.py"), "out.py written for a bad input");
    assert_eq!(scratch.read("bad.py"), source.as_ref(), "the input changed");
}

/// Asserts that the first diagnostic on `stderr` is `first_line` followed by
/// the source line `source_line` and a caret line, each shown indented by
/// four spaces.
fn assert_first_diagnostic(stderr: &str, first_line: &str, source_line: &str, carets: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines.len() >= 3, "a diagnostic has three lines:\n{stderr}");
    assert_eq!(lines[0], first_line, "{stderr}");
    assert_eq!(lines[1], format!("    {source_line}"), "{stderr}");
    assert_eq!(lines[2], format!("    {carets}"), "{stderr}");
}

/// Runs `file` with `python3` in `dir` and returns its standard output,
/// asserting that it succeeded.
fn run_python(dir: &Path, file: &str) -> String {
    let output = Command::new("python3")
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("python3 is installed (needed to run the desugared program)");
    assert!(
        output.status.success(),
        "python3 {file} in {} failed:\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the program prints UTF-8")
}

const ASYNC_SOURCE: &str = "\
import asyncio

async def inner():
    return 41

async def main():
    x = await inner()
    print(x + 1)
";

// --- desugaring one file -------------------------------------------------

#[test]
fn file_argument_prints_desugared_code_to_stdout() {
    let scratch = Scratch::new("stdout");
    let output = scratch.desugar("app.py", ASYNC_SOURCE, &[]);
    let output = String::from_utf8(output).expect("UTF-8 output");
    assert_fully_desugared(&output);
    assert!(
        output.contains(
            "yield from (inner._unawait_body() if _unawait_type(inner) is _unawait_CoroutineFunction \
             else _unawait_await(inner()))"
        ),
        "{output}"
    );
    // The default runtime mode copies the helpers in.
    assert!(output.contains("def _unawait_await("), "{output}");
    assert!(output.contains(RUNTIME_END), "{output}");
    assert!(program_part(&output).contains("print(x + 1)"), "{output}");
}

#[test]
fn file_without_async_syntax_is_copied_byte_for_byte() {
    let inputs: [(&str, &[u8]); 7] = [
        ("lf.py", b"import os\n\ndef f(x):\n    return x + 1\n"),
        (
            "crlf.py",
            b"def f(x):\r\n    return x\r\n\r\nprint(f(1))\r\n",
        ),
        ("bom.py", b"\xef\xbb\xbfx = '\xc3\xa9'\r\nprint(x)\r\n"),
        (
            "tabs.py",
            b"def f():\n\tif True:\n\t\treturn 1  \t# trailing\n",
        ),
        (
            "latin1.py",
            b"# -*- coding: latin-1 -*-\ns = 'caf\xe9 \x80 \xff'\nprint(s)\n",
        ),
        (
            // The words appear, so the passes look at the file, but there is
            // no async syntax for them to rewrite.
            "mentions.py",
            b"# we never await here\r\ns = \"async def f(): await g()\"\r\nasync_ = await_ = 1",
        ),
        ("mixed_endings.py", b"a = 1\r\nb = 2\rc = 3\n\n\n"),
    ];
    let scratch = Scratch::new("identical");
    for (name, source) in inputs {
        let output = scratch.desugar(name, source, &[]);
        assert!(
            output == source,
            "{name} changed:\n{:?}\n{:?}",
            String::from_utf8_lossy(source),
            String::from_utf8_lossy(&output)
        );
    }
}

#[test]
fn crlf_and_bom_of_an_async_file_are_kept() {
    let source = "import asyncio\r\n\r\nasync def main():\r\n\tasync with lock:\r\n\t\tasync for x in xs:\r\n\t\t\tprint(await x)\r\n";
    let scratch = Scratch::new("crlf");
    for runtime in ["--runtime=inline", "--runtime=import"] {
        let plain = scratch.desugar("plain.py", source, &[runtime]);
        assert!(!plain.starts_with(BOM), "a BOM appeared ({runtime})");
        assert_crlf_only(&plain);
        assert_fully_desugared(&String::from_utf8(plain).expect("UTF-8"));

        let with_bom = scratch.desugar("bom.py", [BOM, source.as_bytes()].concat(), &[runtime]);
        assert!(with_bom.starts_with(BOM), "the BOM was lost ({runtime})");
        assert!(!with_bom[3..].starts_with(BOM), "the BOM was doubled");
        assert_crlf_only(&with_bom);

        // The helpers go after a statement sharing the future import's line.
        let future = scratch.desugar(
            "future.py",
            format!("from __future__ import annotations; import os\r\n{source}"),
            &[runtime],
        );
        assert!(future.starts_with(b"from __future__ import annotations; import os\r\n"));
        assert_crlf_only(&future);
    }
}

#[test]
fn latin1_async_file_is_written_back_in_latin1() {
    let source: &[u8] =
        b"# -*- coding: latin-1 -*-\nasync def greet():\n    return 'caf\xe9 \xb5' + await name()\n";
    let scratch = Scratch::new("latin1");
    let output = scratch.desugar("latin1.py", source, &["--runtime=import"]);
    assert!(output.starts_with(b"# -*- coding: latin-1 -*-\n"));
    let find = |needle: &[u8]| output.windows(needle.len()).any(|w| w == needle);
    assert!(
        find(b"'caf\xe9 \xb5'"),
        "{}",
        String::from_utf8_lossy(&output)
    );
    assert!(!find("é".as_bytes()), "the output was re-encoded as UTF-8");
    assert!(find(b"else _unawait_await(name())"));
}

#[test]
fn dash_reads_standard_input() {
    let scratch = Scratch::new("stdin");
    let piped = scratch
        .run_with_stdin(&["-"], ASYNC_SOURCE.as_bytes())
        .success();
    scratch.write("app.py", ASYNC_SOURCE);
    let from_file = scratch.run(&["app.py"]).success();
    assert_eq!(piped.stdout, from_file.stdout);
    assert!(piped.stdout_text().contains("else _unawait_await(inner())"));

    let failed = scratch
        .run_with_stdin(&["-"], b"x = 1\nawait x\n")
        .failure(1);
    assert_eq!(
        failed.stderr,
        "<stdin>:2:1: SyntaxError: 'await' outside function\n    await x\n    ^^^^^^^\n"
    );
}

#[test]
fn output_flag_writes_the_file_and_prints_nothing() {
    let scratch = Scratch::new("output");
    let expected = scratch.desugar("app.py", ASYNC_SOURCE, &[]);
    scratch.run(&["app.py", "-o", "app_sync.py"]).success();
    assert_eq!(scratch.read("app_sync.py"), expected);

    // The long form, into a directory that does not exist yet, over an
    // existing file, and from standard input.
    scratch.write("build/deep/app.py", "stale");
    let run = scratch
        .run_with_stdin(
            &["-", "--output", "build/deep/app.py"],
            ASYNC_SOURCE.as_bytes(),
        )
        .success();
    assert_eq!(run.stdout_text(), "");
    assert_eq!(scratch.read("build/deep/app.py"), expected);
    assert_eq!(
        scratch.files_under("build"),
        ["deep/app.py"],
        "a temporary file was left behind"
    );
}

#[test]
fn output_flag_refuses_to_overwrite_the_input() {
    let scratch = Scratch::new("overwrite");
    scratch.write("app.py", ASYNC_SOURCE);
    scratch.write("sub/keep.txt", "");
    for output in ["app.py", "./app.py", "sub/../app.py"] {
        let run = scratch.run(&["app.py", "-o", output]).failure(2);
        assert!(
            run.stderr.contains("refusing to overwrite the input"),
            "{}",
            run.stderr
        );
        assert_eq!(scratch.read("app.py"), ASYNC_SOURCE.as_bytes());
    }
    assert_eq!(scratch.files_under("."), ["app.py", "sub/keep.txt"]);
}

// --- whole trees ---------------------------------------------------------

#[test]
fn out_dir_mirrors_a_tree() {
    let scratch = Scratch::new("tree");
    let plain: [(&str, &[u8]); 6] = [
        ("src/plain.py", b"x = 1\r\nprint(x)\r\n"),
        ("src/pkg/__init__.py", b""),
        ("src/pkg/sub/__init__.py", b"from . import worker\n"),
        ("src/pkg/data.json", b"{\"async def\": \"await x\"}\n"),
        ("src/pkg/sub/blob.bin", b"\x00\xff\xfe\r\n\x80"),
        // A .txt is data even when it looks like broken Python.
        ("src/pkg/notes.txt", b"await x\n"),
    ];
    for (path, contents) in plain {
        scratch.write(path, contents);
    }
    let app = "async def main():\n    await run()\n";
    let worker = "class W:\n    async def go(self):\n        async with self.lock:\n            return await self.job()\n";
    scratch.write("src/app.py", app);
    scratch.write("src/pkg/sub/worker.py", worker);
    // Skipped: neither copied nor desugared (these would not even parse).
    scratch.write("src/.git/HEAD", "ref: refs/heads/main\n");
    scratch.write("src/.git/hooks/hook.py", "await x\n");
    scratch.write("src/__pycache__/app.cpython-311.pyc", b"\x00\x01");
    scratch.write("src/pkg/__pycache__/broken.py", "def f(:\n");

    scratch.run(&["--out-dir", "out", "src"]).success();
    assert_eq!(
        scratch.files_under("out"),
        [
            "app.py",
            "pkg/__init__.py",
            "pkg/data.json",
            "pkg/notes.txt",
            "pkg/sub/__init__.py",
            "pkg/sub/blob.bin",
            "pkg/sub/worker.py",
            "plain.py",
        ]
    );
    for (path, contents) in plain {
        let copy = path.replacen("src/", "out/", 1);
        assert_eq!(scratch.read(&copy), contents, "{copy} differs from {path}");
    }
    for (input, output) in [
        ("src/app.py", "out/app.py"),
        ("src/pkg/sub/worker.py", "out/pkg/sub/worker.py"),
    ] {
        let desugared = scratch.read(output);
        assert_eq!(
            desugared,
            scratch.run(&[input]).success().stdout,
            "{output}"
        );
        assert_fully_desugared(&String::from_utf8(desugared).expect("UTF-8"));
    }
    assert_eq!(
        scratch.read("src/app.py"),
        app.as_bytes(),
        "an input changed"
    );

    // Running again over the existing output gives the same tree.
    let tree = |scratch: &Scratch| -> Vec<(String, Vec<u8>)> {
        let files = scratch.files_under("out");
        files
            .into_iter()
            .map(|file| {
                let contents = scratch.read(&format!("out/{file}"));
                (file, contents)
            })
            .collect()
    };
    let first = tree(&scratch);
    scratch.run(&["--out-dir", "out", "src"]).success();
    assert_eq!(tree(&scratch), first);
}

#[test]
fn out_dir_takes_files_and_directories() {
    let scratch = Scratch::new("tree-inputs");
    scratch.write("one.py", ASYNC_SOURCE);
    scratch.write("lib/two.py", "x = 2\n");
    scratch.write("lib/inner/three.py", ASYNC_SOURCE);
    scratch
        .run(&["--out-dir", "out", "one.py", "lib"])
        .success();
    assert_eq!(
        scratch.files_under("out"),
        ["inner/three.py", "one.py", "two.py"]
    );
    assert_eq!(scratch.read("out/two.py"), b"x = 2\n");
    assert_eq!(
        scratch.read("out/one.py"),
        scratch.read("out/inner/three.py")
    );
}

#[test]
fn out_dir_writes_good_files_and_reports_bad_ones() {
    let scratch = Scratch::new("tree-errors");
    scratch.write("src/bad.py", "x = 1\nawait x\n");
    scratch.write("src/good.py", ASYNC_SOURCE);
    let run = scratch.run(&["--out-dir", "out", "src"]).failure(1);
    let bad = Path::new("src").join("bad.py");
    assert_eq!(
        run.stderr,
        format!(
            "{}:2:1: SyntaxError: 'await' outside function\n    await x\n    ^^^^^^^\n",
            bad.display()
        )
    );
    assert_eq!(scratch.files_under("out"), ["good.py"]);
    assert_eq!(
        scratch.read("out/good.py"),
        scratch.run(&["src/good.py"]).success().stdout
    );
}

/// Two inputs that map to the same output path (here `a/m.py` and `b/m.py`,
/// both to `out/m.py`) are a usage error reported before anything is written.
#[test]
fn out_dir_refuses_inputs_that_collide() {
    let scratch = Scratch::new("tree-collision");
    scratch.write("a/m.py", "x = 'a'\n");
    scratch.write("b/m.py", "x = 'b'\n");
    let run = scratch.run(&["--out-dir", "out", "a", "b"]).failure(2);
    assert!(
        run.stderr.contains("would both be written to out/m.py"),
        "{}",
        run.stderr
    );
    assert!(!scratch.root.join("out").exists(), "nothing may be written");
}

/// Links to directories are not followed: they could loop or leave the tree.
#[test]
fn out_dir_skips_links_to_directories() {
    let scratch = Scratch::new("tree-symlink");
    scratch.write("s/a.py", "x = 1\n");
    std::os::unix::fs::symlink(".", scratch.root.join("s/loop")).expect("symlink");
    scratch.run(&["--out-dir", "out", "s"]).success();
    assert_eq!(scratch.read("out/a.py"), b"x = 1\n");
    assert!(!scratch.root.join("out/loop").exists());
}

// --- diagnostics ---------------------------------------------------------

#[test]
fn await_at_module_level_is_rejected() {
    assert_rejected(
        "import x\nawait x.ready()\n",
        "bad.py:2:1: SyntaxError: 'await' outside function\n    await x.ready()\n    ^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn await_in_a_plain_def_is_rejected() {
    assert_rejected(
        "def f():\n    y = await x\n",
        "bad.py:2:9: SyntaxError: 'await' outside async function\n        y = await x\n            ^^^^^^^\n",
    );
}

#[test]
fn async_with_in_a_plain_def_is_rejected() {
    assert_rejected(
        "def f():\n    async with lock:\n        pass\n",
        "bad.py:2:5: SyntaxError: 'async with' outside async function\n        async with lock:\n        ^^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn async_for_in_a_plain_def_is_rejected() {
    assert_rejected(
        "def f():\n    async for i in xs:\n        pass\n",
        "bad.py:2:5: SyntaxError: 'async for' outside async function\n        async for i in xs:\n        ^^^^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn yield_from_in_async_def_is_rejected() {
    assert_rejected(
        "async def f():\n    x = yield from g()\n",
        "bad.py:2:9: SyntaxError: 'yield from' inside async function\n        x = yield from g()\n            ^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn return_with_value_in_async_generator_is_rejected() {
    assert_rejected(
        "async def f():\n    yield 1\n    return 1\n",
        "bad.py:3:5: SyntaxError: 'return' with value in async generator\n        return 1\n        ^^^^^^^^\n",
    );
}

#[test]
fn async_comprehension_at_module_level_is_rejected() {
    assert_rejected(
        "ys = [x async for x in y]\n",
        "bad.py:1:6: SyntaxError: asynchronous comprehension outside of an asynchronous function\n    ys = [x async for x in y]\n         ^^^^^^^^^^^^^^^^^^^^\n",
    );
}

/// An async generator and an async comprehension, desugared, print what the
/// original prints.
#[test]
fn async_generators_and_comprehensions_run_like_the_original() {
    let scratch = Scratch::new("async-gen");
    let program = "import asyncio\n\nasync def ticks(n):\n    try:\n        for i in range(n):\n            await asyncio.sleep(0)\n            yield i\n    finally:\n        print('ticks done')\n\nasync def main():\n    print([i * 2 async for i in ticks(3)])\n    async for i in ticks(5):\n        if i == 1:\n            break\n    print('after break')\n\nasyncio.run(main())\n";
    scratch.write("prog.py", program);
    let output = scratch.desugar("prog.py", program, &[]);
    assert_fully_desugared(std::str::from_utf8(&output).expect("UTF-8"));
    scratch.write("desugared/prog.py", output);
    let expected = run_python(&scratch.root, "prog.py");
    // The generator left at `break` is closed later, by asyncio's finalizer hook.
    assert_eq!(expected, "ticks done\n[0, 2, 4]\nafter break\nticks done\n");
    assert_eq!(run_python(&scratch.path("desugared"), "prog.py"), expected);
}

#[test]
fn error_columns_count_characters_and_ignore_the_bom() {
    // Two-byte characters before the construct count once; tabs are kept
    // in the caret line so it lines up.
    assert_rejected(
        "def f():\n\ts = 'é→'; await x\n",
        "bad.py:2:12: SyntaxError: 'await' outside async function\n    \ts = 'é→'; await x\n    \t          ^^^^^^^\n",
    );
    assert_rejected(
        [BOM, b"x = 1; await y\r\n"].concat(),
        "bad.py:1:8: SyntaxError: 'await' outside function\n    x = 1; await y\n           ^^^^^^^\n",
    );
}

#[test]
fn plain_syntax_error_is_reported_with_a_caret() {
    let scratch = Scratch::new("syntax");
    scratch.write("bad.py", "def f(:\n    pass\n");
    let run = scratch.run(&["bad.py", "-o", "out.py"]).failure(1);
    assert!(
        run.stderr.starts_with("bad.py:1:7: SyntaxError: "),
        "{}",
        run.stderr
    );
    let first = run.stderr.lines().next().expect("a first line");
    assert_first_diagnostic(&run.stderr, first, "def f(:", "      ^");
    assert!(!scratch.exists("out.py"));
}

#[test]
fn invalid_utf8_without_a_cookie_is_rejected() {
    let scratch = Scratch::new("non-utf8");
    // Lines end with `\n`, or with a lone `\r` (one line each for CPython).
    for source in [&b"x = 1\ny = 'caf\xe9'\n"[..], b"x = 1\ry = 'caf\xe9'\r"] {
        scratch.write("bad.py", source);
        let run = scratch.run(&["bad.py"]).failure(1);
        let first = run.stderr.lines().next().expect("a first line");
        let message = first
            .strip_prefix("bad.py:2:1: SyntaxError: ")
            .unwrap_or_else(|| panic!("unexpected location: {first}"));
        assert!(
            message.starts_with("Non-UTF-8 code starting with '\\xe9' on line 2"),
            "{message}"
        );
        assert_eq!(
            run.stderr.lines().nth(1),
            Some("    y = 'caf\u{fffd}'"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().nth(2), Some("    ^"), "{}", run.stderr);
    }
}

#[test]
fn unknown_coding_cookie_is_rejected() {
    assert_rejected(
        "#!/usr/bin/env python\n# coding: klingon-8\nx = 1\n",
        "bad.py:2:1: SyntaxError: unknown encoding: klingon-8\n    # coding: klingon-8\n    ^\n",
    );
}

// --- usage errors --------------------------------------------------------

/// Asserts that `unawait ARGS` is a usage error (exit status 2) whose
/// message mentions `explanation`, and that it wrote no file.
fn assert_usage_error(args: &[&str], explanation: &str) {
    let scratch = Scratch::new("usage");
    scratch.write("a.py", ASYNC_SOURCE);
    scratch.write("b.py", ASYNC_SOURCE);
    let run = scratch.run(args).failure(2);
    assert!(run.stderr.contains(explanation), "{}", run.stderr);
    assert_eq!(scratch.files_under("."), ["a.py", "b.py"]);
}

#[test]
fn no_arguments_is_a_usage_error() {
    assert_usage_error(&[], "expected one input file");
}

#[test]
fn two_files_without_out_dir_is_a_usage_error() {
    assert_usage_error(
        &["a.py", "b.py"],
        "for several, use --out-dir, --in-place, --check or --diff",
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    assert_usage_error(&["--frobnicate", "a.py"], "--frobnicate");
}

#[test]
fn output_with_out_dir_is_a_usage_error() {
    assert_usage_error(
        &["a.py", "-o", "x.py", "--out-dir", "out"],
        "cannot be used with",
    );
}

// --- subcommands and options ---------------------------------------------

#[test]
fn runtime_subcommand_prints_the_runtime_module() {
    let scratch = Scratch::new("runtime");
    let run = scratch.run(&["runtime"]).success();
    let runtime = run.stdout_text();
    assert!(runtime.contains("def _unawait_await("), "{runtime}");
    assert_eq!(
        runtime,
        include_str!("../src/runtime/unawait_runtime.py"),
        "`unawait runtime` prints the module verbatim"
    );
}

#[test]
fn import_runtime_output_runs_like_the_original() {
    let scratch = Scratch::new("run-import");
    let runtime = scratch.run(&["runtime"]).success().stdout;
    scratch.write("desugared/unawait_runtime.py", runtime);
    let output = scratch.desugar("original/prog.py", PROGRAM, &["--runtime=import"]);
    let text = String::from_utf8(output.clone()).expect("UTF-8");
    assert!(text.contains("from unawait_runtime import "), "{text}");
    assert!(
        !text.contains("def _unawait_await("),
        "helpers were inlined"
    );
    assert_fully_desugared(&text);
    scratch.write("desugared/prog.py", output);

    let expected = run_python(&scratch.path("original"), "prog.py");
    assert!(expected.contains("done 6"), "{expected}");
    assert_eq!(run_python(&scratch.path("desugared"), "prog.py"), expected);
}

#[test]
fn import_runtime_keeps_the_code_of_each_module() {
    // Two modules define the same coroutine function on the same line: their
    // code objects compare equal (equality ignores the file name), yet each
    // function keeps its own.
    let scratch = Scratch::new("two-modules");
    let runtime = scratch.run(&["runtime"]).success().stdout;
    scratch.write("desugared/unawait_runtime.py", runtime);
    let module = "async def f():\n    return __name__\n";
    for name in ["a.py", "b.py"] {
        let output = scratch.desugar(&format!("original/{name}"), module, &["--runtime=import"]);
        scratch.write(&format!("desugared/{name}"), output);
    }
    let main = "import a, b\n\
                print(a.f.__code__.co_filename.endswith('a.py'), b.f.__code__.co_filename.endswith('b.py'))\n\
                print(a.f.__code__ is b.f.__code__)\n\
                c = b.f()\n\
                print(c.cr_code is b.f.__code__)\n\
                c.close()\n";
    scratch.write("original/main.py", main);
    scratch.write("desugared/main.py", main);
    let expected = run_python(&scratch.path("original"), "main.py");
    assert_eq!(expected, "True True\nFalse\nTrue\n");
    assert_eq!(run_python(&scratch.path("desugared"), "main.py"), expected);
}

#[test]
fn inline_runtime_output_runs_like_the_original() {
    // `verify` desugars with the inlined runtime, runs both programs and
    // compares exit status, output and errors, and checks the output's
    // syntax with the interpreter's own `ast`.
    let scratch = Scratch::new("run-inline");
    scratch.write("prog.py", PROGRAM);
    let run = scratch
        .run(&["verify", "--python", "python3", "prog.py"])
        .success();
    assert!(
        run.stdout_text().starts_with("equivalent  prog.py"),
        "{}",
        run.stdout_text()
    );
}

#[test]
fn passes_subcommand_lists_the_pipeline_in_order() {
    let run = Scratch::new("passes").run(&["passes"]).success();
    let names: Vec<&str> = run
        .stdout_text()
        .lines()
        .map(|line| line.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        [
            "async_comprehension",
            "async_for",
            "async_with",
            "coroutine"
        ]
    );
    assert!(
        run.stdout_text().lines().all(|line| line
            .split_once(' ')
            .is_some_and(|(_, description)| !description.trim().is_empty())),
        "every pass has a description:\n{}",
        run.stdout_text()
    );
}

#[test]
fn stop_after_async_with_leaves_await_alone() {
    let scratch = Scratch::new("stop-after");
    let source = "async def f(lock, xs):\n    async with lock:\n        async for x in xs:\n            await x\n";
    let output = scratch.desugar("f.py", source, &["--stop-after", "async_with"]);
    let output = String::from_utf8(output).expect("UTF-8");
    let program = program_part(&output);
    assert!(has_keyword(program, "await"), "{program}");
    assert!(program.contains("async def f(lock, xs):"), "{program}");
    assert!(!program.contains("async with"), "{program}");
    assert!(!program.contains("async for"), "{program}");
    assert!(!program.contains("yield from"), "{program}");
}

/// A misspelled pass is a usage error for every input, whether or not it
/// holds async syntax, and the message lists the passes.
#[test]
fn stop_after_unknown_pass_is_a_usage_error() {
    let scratch = Scratch::new("stop-after-unknown");
    scratch.write("app.py", ASYNC_SOURCE);
    scratch.write("plain.py", "x = 1\n");
    for input in ["app.py", "plain.py"] {
        let run = scratch.run(&["--stop-after", "nonsense", input]).failure(2);
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains("'nonsense'"), "{}", run.stderr);
        assert!(
            run.stderr
                .contains("async_comprehension, async_for, async_with, coroutine"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn help_documents_out_dir_runtime_and_exit_status() {
    let run = Scratch::new("help").run(&["--help"]).success();
    let help = run.stdout_text();
    for needle in [
        "--out-dir <DIR>",
        "--runtime <RUNTIME>",
        "--stop-after <PASS>",
        "--in-place",
        "--check",
        "--diff",
        "--format <FORMAT>",
        "--config <FILE>",
        "\nExit status:\n  0  success",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
}

#[test]
fn desugaring_is_idempotent() {
    let scratch = Scratch::new("idempotent");
    let inputs: [(&str, Vec<u8>); 3] = [
        ("app.py", ASYNC_SOURCE.into()),
        ("prog.py", PROGRAM.into()),
        (
            "crlf.py",
            [
                BOM,
                b"async def f():\r\n    async with a:\r\n        await b\r\n",
            ]
            .concat(),
        ),
    ];
    for runtime in ["--runtime=inline", "--runtime=import"] {
        for (name, source) in &inputs {
            let once = scratch.desugar(name, source, &[runtime]);
            let twice = scratch.desugar(&format!("again_{name}"), &once, &[runtime]);
            assert!(once == twice, "{name} ({runtime}) changed on a second run");
        }
    }
}
