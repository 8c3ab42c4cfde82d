//! `unawait run` with the cargo-built binary: on every interpreter found,
//! none of which has unawait installed, the program runs as `python` runs
//! it (argv, `__main__`, `sys.path[0]`, standard streams, exit status,
//! signals) with its own modules desugared by the hook the binary carries.

mod common;

use std::io::Write as _;
use std::os::unix::process::ExitStatusExt as _;
use std::process::{Command, Output, Stdio};

use unawait::verify::Interpreter;

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

const MAIN: &str = r#"import asyncio, os, sys
import helper


async def main():
    return await helper.double(int(sys.argv[1]))


def desugared(module):
    return any(name.endswith("_coroutine") for name in vars(module))


print(sys.argv, __name__, __file__ == os.path.abspath(sys.argv[0]) or sys.version_info < (3, 9))
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(asyncio.new_event_loop().run_until_complete(main()), desugared(sys.modules[__name__]), desugared(helper))
print(sys.stdin.readline().strip())
if sys.argv[2:] == ["fail"]:
    asyncio.new_event_loop().run_until_complete(helper.fail())
if sys.argv[2:] == ["signal"]:
    import signal
    os.kill(os.getpid(), signal.SIGTERM)
sys.exit(3)
"#;

const HELPER: &str = "async def double(x):\n    return 2 * x\n\n\nasync def fail():\n    raise KeyError(\"line 6\")\n";

fn program() -> common::Scratch {
    let scratch = common::Scratch::new("run");
    scratch.write("app/main.py", MAIN.as_bytes());
    scratch.write("app/helper.py", HELPER.as_bytes());
    scratch
}

fn run(scratch: &common::Scratch, python: &Interpreter, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .arg("run")
        .arg("--python")
        .arg(&python.path)
        .args(args)
        .current_dir(&scratch.0)
        .env_remove("PYTHONPATH")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("unawait run starts");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stdin.as_bytes())
        .expect("stdin");
    child.wait_with_output().expect("unawait run ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_script_runs_as_python_runs_it_on_every_interpreter() {
    let scratch = program();
    for python in common::interpreters() {
        let output = run(
            &scratch,
            python,
            &["app/main.py", "21", "-x"],
            "from stdin\n",
        );
        let stdout = text(&output.stdout);
        assert_eq!(
            output.status.code(),
            Some(3),
            "{}: {}",
            python.full_version,
            text(&output.stderr)
        );
        assert_eq!(
            stdout, "['app/main.py', '21', '-x'] __main__ True\nTrue\n42 True True\nfrom stdin\n",
            "{}",
            python.full_version
        );
    }
}

#[test]
fn a_traceback_names_the_original_file_and_line() {
    let scratch = program();
    for python in common::interpreters() {
        let output = run(&scratch, python, &["app/main.py", "1", "fail"], "");
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{}", python.full_version);
        let helper = scratch.0.join("app/helper.py");
        assert!(
            stderr.contains(&format!("File \"{}\", line 6, in fail", helper.display())),
            "{}: {stderr}",
            python.full_version
        );
        assert!(stderr.contains("KeyError: 'line 6'"), "{stderr}");
        assert!(!stderr.contains("_unawait_run"), "{stderr}");
    }
}

#[test]
fn a_signal_ends_the_interpreter_itself() {
    let scratch = program();
    let python = &common::interpreters()[0];
    let output = run(&scratch, python, &["app/main.py", "1", "signal"], "");
    assert_eq!(output.status.signal(), Some(15), "{:?}", output);
}

#[test]
fn a_module_runs_as_python_dash_m_runs_it() {
    let scratch = common::Scratch::new("run-module");
    scratch.write("tool/__init__.py", b"");
    scratch.write(
        "tool/__main__.py",
        b"import sys\n\n\nasync def main():\n    return sys.argv[1:]\n\n\nnames = list(globals())\nprint(main().send(None) if False else sys.argv[1:], __name__, any(n.endswith('_coroutine') for n in names))\n",
    );
    for python in common::interpreters() {
        let output = run(&scratch, python, &["-m", "tool", "a", "--flag"], "");
        assert_eq!(
            text(&output.stdout),
            "['a', '--flag'] __main__ True\n",
            "{}: {}",
            python.full_version,
            text(&output.stderr)
        );
        assert_eq!(output.status.code(), Some(0));
    }
}

#[test]
fn named_packages_are_desugared_wherever_they_are() {
    let scratch = common::Scratch::new("run-packages");
    scratch.write("lib/shared/__init__.py", b"async def f():\n    return 1\n");
    scratch.write(
        "app/main.py",
        b"import sys\nsys.path.append(sys.argv[1])\nimport shared\nprint(any(n.endswith('_coroutine') for n in vars(shared)))\n",
    );
    let python = &common::interpreters()[0];
    let lib = scratch.0.join("lib");
    let lib = lib.to_str().expect("utf-8 path");
    let plain = run(&scratch, python, &["app/main.py", lib], "");
    assert_eq!(text(&plain.stdout), "False\n", "{}", text(&plain.stderr));
    let named = run(
        &scratch,
        python,
        &["--packages", "shared", "app/main.py", lib],
        "",
    );
    assert_eq!(text(&named.stdout), "True\n", "{}", text(&named.stderr));
}

#[test]
fn a_script_that_cannot_be_desugared_is_reported_as_cpython_reports_it() {
    let scratch = common::Scratch::new("run-bad");
    scratch.write("bad.py", b"print('never')\nawait f()\n");
    let python = &common::interpreters()[0];
    let output = run(&scratch, python, &["bad.py"], "");
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    assert!(stderr.contains("bad.py\", line 2"), "{stderr}");
    assert!(stderr.contains("'await' outside function"), "{stderr}");
}

#[test]
fn a_missing_interpreter_is_a_usage_error() {
    let output = Command::new(BIN)
        .args(["run", "--python", "/nonexistent/python", "x.py"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot run /nonexistent/python"));
}

/// The lines of the README's fenced block that starts with `start`, after
/// that first line.
fn readme_block(start: &str) -> String {
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).expect("README");
    readme
        .split("```")
        .skip(1)
        .step_by(2)
        .filter_map(|block| block.split_once('\n').map(|(_, body)| body))
        .find_map(|body| body.strip_prefix(start))
        .map(|rest| rest.trim_start_matches('\n').to_string())
        .unwrap_or_else(|| panic!("the README has no block starting with {start:?}"))
}

#[test]
fn the_readme_run_example_prints_what_is_shown() {
    let shown = readme_block("$ unawait run examples/countdown.py");
    let output = Command::new(BIN)
        .args(["run", "examples/countdown.py"])
        .current_dir(common::repo_root())
        .output()
        .expect("unawait run");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), shown);
}

#[test]
fn main_holds_what_python_puts_there() {
    let scratch = common::Scratch::new("run-globals");
    scratch.write(
        "show.py",
        b"print(list(globals()), __doc__, __package__, __spec__, type(__builtins__).__name__)\n",
    );
    for python in common::interpreters() {
        let direct = Command::new(&python.path)
            .arg("show.py")
            .current_dir(&scratch.0)
            .output()
            .expect("python runs");
        let desugared = run(&scratch, python, &["show.py"], "");
        assert_eq!(
            text(&desugared.stdout),
            text(&direct.stdout),
            "{}: {}",
            python.full_version,
            text(&desugared.stderr)
        );
    }
}
