//! The README's walkthrough shows what `unawait` really prints.

use unawait::{Options, RuntimeMode, desugar};

#[test]
fn readme_walkthrough_matches_the_tool() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let example = std::fs::read_to_string(root.join("examples/countdown.py")).expect("example");
    let shown = readme
        .split("```python\n")
        .find(|block| block.starts_with("@_unawait_coroutine\ndef countdown"))
        .and_then(|block| block.split("```").next())
        .expect("the README shows the desugared countdown");
    let options = Options {
        runtime: RuntimeMode::Import,
        ..Options::default()
    };
    let output = desugar(&example, &options)
        .expect("the example desugars")
        .code;
    assert!(
        output.contains(shown),
        "README block differs from the output:\n{output}"
    );
}

#[test]
fn readme_explain_excerpt_is_what_the_tool_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = readme();
    let shown = readme
        .split("```text\n")
        .find(|block| block.starts_with("examples/countdown.py:"))
        .and_then(|block| block.split("```").next())
        .expect("the README shows `unawait explain` output");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_unawait"))
        .args(["explain", "examples/countdown.py"])
        .current_dir(root)
        .output()
        .expect("unawait runs");
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        printed.ends_with(shown),
        "README block differs from the output:\n{printed}"
    );
    assert!(root.join("docs/explain-countdown.png").is_file());
    assert!(readme.contains("](docs/explain-countdown.png)"));
}

fn readme() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("README.md")).expect("README.md")
}

/// The README's exit status table says what `unawait --help` says.
#[test]
fn readme_exit_status_table_matches_the_help() {
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_unawait"))
        .arg("--help")
        .output()
        .expect("unawait runs");
    let help = String::from_utf8(help.stdout).expect("UTF-8 help");
    let from_help: Vec<(String, String)> = help
        .split("\nExit status:\n")
        .nth(1)
        .expect("the help has an exit status list")
        .lines()
        .map_while(|line| {
            let (code, meaning) = line.trim().split_once("  ")?;
            Some((code.to_string(), meaning.trim().to_string()))
        })
        .collect();
    let readme = readme();
    let table = readme
        .split("### Exit status\n")
        .nth(1)
        .expect("the README has an exit status section");
    let from_readme: Vec<(String, String)> = table
        .lines()
        .skip_while(|line| !line.starts_with("| 0 |"))
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            (cells[0].trim().to_string(), cells[1].trim().to_string())
        })
        .collect();
    assert_eq!(from_readme.len(), 3, "{from_readme:?}");
    assert_eq!(from_readme, from_help);
}

/// Every `[tool.unawait]` key the code accepts has a row in the README's
/// settings table, and no other key does.
#[test]
fn readme_settings_table_lists_every_key() {
    let readme = readme();
    let section = readme
        .split("### Settings in pyproject.toml\n")
        .nth(1)
        .expect("the README has a settings section");
    let keys: Vec<&str> = section
        .lines()
        .skip_while(|line| !line.starts_with("| key |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| line.split('`').nth(1).expect("a key in backquotes"))
        .collect();
    assert_eq!(keys, unawait::config::KEYS);
}
