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
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
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
