//! `unawait verify --pytest` with the cargo-built binary. The interpreters
//! need pytest, which the machines running `cargo test` need not have: these
//! tests are ignored there and run by `.ci/run` (scripts/test_python_package.sh)
//! with UNAWAIT_PYTEST_PYTHONS naming virtual environments that have it.

mod common;

use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

/// The interpreters with pytest; failing, not passing, when none is named.
fn pythons() -> Vec<String> {
    let list = std::env::var("UNAWAIT_PYTEST_PYTHONS")
        .expect("UNAWAIT_PYTEST_PYTHONS names interpreters that have pytest");
    let pythons: Vec<String> = list
        .split(':')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    assert!(!pythons.is_empty(), "UNAWAIT_PYTEST_PYTHONS is empty");
    pythons
}

fn verify(dir: &std::path::Path, extra: &[&str]) -> Output {
    let mut command = Command::new(BIN);
    command.args(["verify", "--pytest"]).arg(dir);
    for python in pythons() {
        command.args(["--python", &python]);
    }
    command.args(extra).output().expect("unawait runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
#[ignore = "needs interpreters with pytest (UNAWAIT_PYTEST_PYTHONS); run by .ci/run"]
fn the_example_projects_suite_behaves_the_same_desugared() {
    let output = verify(&common::repo_root().join("examples/project"), &[]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    let count = pythons().len();
    assert!(
        stdout.ends_with(&format!("{} tests compared, 0 differ\n", 6 * count)),
        "{stdout}"
    );
    assert!(stdout.contains("desugared packages: ticker\n"), "{stdout}");
    // Desugared really happened: the package, the test module, the conftest.
    assert_eq!(
        stdout.matches(": 6 tests, 3 modules desugared\n").count(),
        count,
        "{stdout}"
    );
}

#[test]
#[ignore = "needs interpreters with pytest (UNAWAIT_PYTEST_PYTHONS); run by .ci/run"]
fn a_test_that_sees_the_desugaring_is_reported_with_both_outcomes() {
    let scratch = common::Scratch::new("verify-pytest");
    scratch.write("lib/__init__.py", b"async def f():\n    return 1\n");
    scratch.write(
        "tests/test_lib.py",
        b"import pytest\nimport lib\n\n\ndef test_same():\n    assert lib.f.__name__ == 'f'\n\n\n\
def test_sees_it():\n    assert 'yield' not in repr(lib.f.__code__.co_names) and not any(\n        n.endswith('coroutine') for n in vars(lib)), 'desugared'\n\n\n\
@pytest.mark.xfail(reason='not desugared', strict=True)\ndef test_xfail_flips():\n    assert any(n.endswith('coroutine') for n in vars(lib))\n",
    );
    let output = verify(&scratch.0, &[]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        text(&output.stderr)
    );
    let count = pythons().len();
    assert!(
        stdout.ends_with(&format!(
            "{} tests compared, {} differ\n",
            3 * count,
            2 * count
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("tests/test_lib.py::test_sees_it (python ")
            && stdout.contains("): passed as written, failed desugared: AssertionError: desugared"),
        "{stdout}"
    );
    assert!(
        stdout.contains("tests/test_lib.py::test_xfail_flips (python ")
            && stdout.contains("): xfailed as written, failed desugared"),
        "{stdout}"
    );

    let json = verify(&scratch.0, &["--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let document: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(document["differ"], 2 * count);
    assert_eq!(document["packages"], serde_json::json!(["lib"]));
    let first = &document["interpreters"][0]["differences"][0];
    assert_eq!(first["test"], "tests/test_lib.py::test_sees_it");
    assert_eq!(first["written"], "passed");
    assert_eq!(first["desugared"], "failed");
}

#[test]
#[ignore = "needs interpreters with pytest (UNAWAIT_PYTEST_PYTHONS); run by .ci/run"]
fn pytest_arguments_go_after_a_double_dash() {
    let output = verify(
        &common::repo_root().join("examples/project"),
        &["--", "-k", "first_even"],
    );
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(
        stdout.ends_with(&format!("{} tests compared, 0 differ\n", pythons().len())),
        "{stdout}"
    );
}

#[test]
#[ignore = "needs interpreters with pytest (UNAWAIT_PYTEST_PYTHONS); run by .ci/run"]
fn the_readme_example_prints_what_is_shown() {
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).expect("README");
    let marker = "$ cd ../.. && unawait verify --pytest examples/project\n";
    let shown = readme
        .split_once(marker)
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("the README shows verify --pytest");
    let output = Command::new(BIN)
        .args(["verify", "--pytest", "examples/project", "--python"])
        .arg(&pythons()[0])
        .current_dir(common::repo_root())
        .output()
        .expect("unawait runs");
    assert_eq!(output.status.code(), Some(0));
    // The interpreter's version is this machine's.
    let version = |text: &str| {
        text.lines()
            .map(|line| match line.strip_prefix("python ") {
                Some(rest) => format!("python X{}", &rest[rest.find(':').unwrap_or(0)..]),
                None => line.to_string(),
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(version(&text(&output.stdout)), version(shown));
}

#[test]
fn a_suite_that_cannot_run_is_a_tool_error() {
    // python3 without pytest, or pytest refusing an unknown option: either
    // way there are no outcomes to compare, which must not pass.
    let scratch = common::Scratch::new("verify-no-pytest");
    scratch.write("tests/test_a.py", b"def test_a():\n    pass\n");
    let output = Command::new(BIN)
        .args(["verify", "--pytest"])
        .arg(&scratch.0)
        .args(["--", "--no-such-pytest-option"])
        .output()
        .expect("unawait runs");
    // Status 1, as `verify` gives for a tool error; the JSON says why.
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    assert!(
        text(&output.stderr).contains("unawait: pytest as written on python3: pytest ended with"),
        "{}",
        text(&output.stderr)
    );
}
