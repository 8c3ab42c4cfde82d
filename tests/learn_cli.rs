//! `unawait diff`, `unawait explain`, `--explain`, `--passes` and
//! `--line-map` from the command line.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

fn unawait(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("unawait runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

const PROGRAM: &str = "import asyncio\n\n\nasync def main():\n    async with asyncio.Lock():\n        await asyncio.sleep(0)\n    print(\"done\")\n\n\nasyncio.run(main())\n";

fn scratch(label: &str) -> common::Scratch {
    let scratch = common::Scratch::new(&format!("learn-{label}"));
    scratch.write("app.py", PROGRAM.as_bytes());
    scratch
}

#[test]
fn diff_shows_a_plain_unified_diff_and_exits_zero() {
    let dir = scratch("diff");
    let run = unawait(&dir.0, &["diff", "app.py", "--runtime=import"], &[]);
    assert_eq!(run.status.code(), Some(0));
    let shown = text(&run.stdout);
    assert!(
        shown.starts_with("--- app.py\n+++ app.py (desugared)\n@@ "),
        "{shown}"
    );
    assert!(
        shown.contains("\n-    async with asyncio.Lock():\n"),
        "{shown}"
    );
    assert!(shown.contains("\n+@_unawait_coroutine\n"), "{shown}");
    assert!(!shown.contains('\x1b'), "piped output is not coloured");
    let colored = unawait(
        &dir.0,
        &["diff", "--color=always", "app.py"],
        &[("NO_COLOR", "1")],
    );
    assert!(text(&colored.stdout).contains("\x1b[32m+@_unawait_coroutine\x1b[0m"));
}

#[test]
fn side_by_side_fits_columns() {
    let dir = scratch("side");
    for columns in ["60", "100"] {
        let run = unawait(&dir.0, &["diff", "-y", "app.py"], &[("COLUMNS", columns)]);
        assert_eq!(run.status.code(), Some(0));
        let shown = text(&run.stdout);
        let width: usize = columns.parse().unwrap();
        assert!(
            shown.lines().all(|row| row.chars().count() <= width),
            "{shown}"
        );
        assert!(
            shown
                .lines()
                .any(|row| row.contains("-    async with") && row.contains(" │ ")),
            "{shown}"
        );
    }
}

#[test]
fn diff_of_bad_input_exits_one_and_usage_errors_two() {
    let dir = scratch("bad");
    dir.write("bad.py", b"async def f(:\n");
    let run = unawait(&dir.0, &["diff", "bad.py"], &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(run.stdout.is_empty());
    assert!(
        text(&run.stderr).starts_with("bad.py:1:"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(
        unawait(&dir.0, &["diff", "app.py", "--color=sometimes"], &[])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn explain_flag_comments_each_construct() {
    let dir = scratch("explain");
    let plain = text(&unawait(&dir.0, &["app.py"], &[]).stdout);
    let explained = text(&unawait(&dir.0, &["--explain", "app.py"], &[]).stdout);
    assert!(!plain.contains("# unawait:"));
    assert!(explained.contains(
        "\n        # unawait: async with -> __aenter__ and __aexit__ looked up on the type and awaited around a try (PEP 492, \"Asynchronous Context Managers and 'async with'\")\n        _unawait_aenter, _unawait_aexit = "
    ), "{explained}");
    assert!(explained.contains("\n# unawait: async def -> a generator function flagged as a coroutine (PEP 492, \"Coroutine objects\")\n@_unawait_coroutine\ndef main():\n"), "{explained}");
    assert!(
        explained.contains("# unawait: await -> yield from"),
        "{explained}"
    );
}

#[test]
fn explain_lists_constructs_with_their_lines() {
    let dir = scratch("explain-text");
    let run = unawait(&dir.0, &["explain", "app.py"], &[]);
    assert_eq!(run.status.code(), Some(0));
    let shown = text(&run.stdout);
    let lines: Vec<&str> = shown.lines().filter(|l| l.starts_with("app.py:")).collect();
    assert_eq!(lines.len(), 3, "{shown}");
    assert!(lines[0].starts_with("app.py:4: async def -> "), "{shown}");
    assert!(lines[1].starts_with("app.py:5: async with -> "), "{shown}");
    assert!(lines[2].starts_with("app.py:6: await -> "), "{shown}");
}

#[test]
fn html_is_self_contained_and_escaped() {
    let dir = scratch("html");
    dir.write(
        "tricky.py",
        b"async def f():\n    return await g(\"</script><script>alert(1)</script> & <b>\")\n",
    );
    let run = unawait(&dir.0, &["explain", "tricky.py", "--html", "out.html"], &[]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(run.stdout.is_empty());
    let page = text(&std::fs::read(dir.0.join("out.html")).unwrap());
    assert_eq!(
        page.matches("<script").count(),
        2,
        "only the page's own scripts"
    );
    assert!(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"));
    for attribute in ["src=", "href=", "url(", "@import"] {
        assert!(!page.contains(attribute), "{attribute} in the page");
    }
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(
        page.contains("data-c=\"2\""),
        "the await line is a construct"
    );
    // Refuses to write over its input.
    let run = unawait(
        &dir.0,
        &["explain", "tricky.py", "--html", "tricky.py"],
        &[],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&std::fs::read(dir.0.join("tricky.py")).unwrap()).starts_with("async def"));
}

#[test]
fn passes_run_a_part_of_the_pipeline() {
    let dir = scratch("passes");
    let run = unawait(
        &dir.0,
        &["--passes", "async_with", "--runtime=import", "app.py"],
        &[],
    );
    assert_eq!(run.status.code(), Some(0));
    let shown = text(&run.stdout);
    assert!(
        shown.contains("\nasync def main():\n") && !shown.contains("async with"),
        "{shown}"
    );
    assert!(shown.contains("await _unawait_aenter()"), "{shown}");

    dir.write(
        "loop.py",
        b"async def f(xs):\n    async for x in xs:\n        print(x)\n",
    );
    let run = unawait(&dir.0, &["--passes", "coroutine", "loop.py"], &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(run.stdout.is_empty());
    assert_eq!(
        text(&run.stderr).lines().next().unwrap(),
        "loop.py:2:1: error: this async for needs the async_for pass: the coroutine pass would leave it in a generator function, where it is a syntax error; add async_for to the selected passes"
    );
    let run = unawait(&dir.0, &["--passes", "async_for,coroutine", "loop.py"], &[]);
    assert_eq!(run.status.code(), Some(0));

    let run = unawait(&dir.0, &["--passes", "async_with,corutine", "app.py"], &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("invalid value 'corutine'"));
    let run = unawait(
        &dir.0,
        &[
            "--passes",
            "async_with",
            "--stop-after",
            "coroutine",
            "app.py",
        ],
        &[],
    );
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn line_map_names_the_input_line_of_each_output_line() {
    let dir = scratch("line-map");
    let run = unawait(
        &dir.0,
        &[
            "--runtime=import",
            "app.py",
            "-o",
            "out.py",
            "--line-map",
            "map.json",
        ],
        &[],
    );
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let map: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.0.join("map.json")).unwrap()).unwrap();
    let output = text(&std::fs::read(dir.0.join("out.py")).unwrap());
    let lines = map["lines"].as_array().unwrap();
    assert_eq!(lines.len(), output.lines().count());
    assert_eq!(map["input"], "app.py");
    assert_eq!(map["output"], "out.py");
    let input: Vec<&str> = PROGRAM.lines().collect();
    for (line, origin) in output.lines().zip(lines) {
        match origin.as_u64() {
            // Blank lines, and the runtime's version check and import.
            None => assert!(
                line.is_empty()
                    || line.starts_with("from unawait_runtime")
                    || line.starts_with("__import__(\"unawait_runtime\")")
            ),
            Some(origin) => {
                let source = input[origin as usize - 1];
                if line.contains("_unawait_aenter, _unawait_aexit") {
                    assert_eq!(source, "    async with asyncio.Lock():");
                }
                if line.contains("print(\"done\")") {
                    assert_eq!(source, line.trim_start().replace("print", "    print"));
                }
            }
        }
    }
    // Refuses to write the map over the input.
    let run = unawait(&dir.0, &["app.py", "--line-map", "app.py"], &[]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(text(&std::fs::read(dir.0.join("app.py")).unwrap()), PROGRAM);
}

/// A program whose output depends on line numbers differs when desugared;
/// `verify` then shows where the desugared run failed, at input lines.
#[test]
fn verify_points_tracebacks_at_input_lines() {
    let dir = common::Scratch::new("learn-verify");
    dir.write(
        "lines.py",
        b"import sys\n\n\nasync def f():\n    print(sys._getframe().f_lineno)\n    raise ValueError('boom')\n\n\nf().send(None)\n",
    );
    let python = &common::interpreters()[0];
    let run = unawait(
        &dir.0,
        &[
            "verify",
            "lines.py",
            "--python",
            &python.path.display().to_string(),
        ],
        &[],
    );
    assert_eq!(run.status.code(), Some(1));
    let report = text(&run.stdout);
    assert!(report.contains("desugared traceback:"), "{report}");
    let frame = report
        .lines()
        .find(|line| line.contains("in f"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        frame
            .trim_start()
            .starts_with("File \"lines.py\", line 6 (desugared line "),
        "{report}"
    );
    assert!(report.contains("ValueError: boom"), "{report}");
}
