//! The README's walkthrough shows what `unawait` really prints, and the
//! usage guide's tables say what the code accepts.

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

fn usage_guide() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("docs/usage.md")).expect("docs/usage.md")
}

/// The usage guide's exit status table says what `unawait --help` says.
#[test]
fn usage_exit_status_table_matches_the_help() {
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
    let usage = usage_guide();
    let table = usage
        .split("## Exit status\n")
        .nth(1)
        .expect("the usage guide has an exit status section");
    let from_guide: Vec<(String, String)> = table
        .lines()
        .skip_while(|line| !line.starts_with("| 0 |"))
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            (cells[0].trim().to_string(), cells[1].trim().to_string())
        })
        .collect();
    assert_eq!(from_guide.len(), 3, "{from_guide:?}");
    assert_eq!(from_guide, from_help);
}

/// Every `[tool.unawait]` key the code accepts has a row in the usage
/// guide's settings table, and no other key does.
#[test]
fn usage_settings_table_lists_every_key() {
    let usage = usage_guide();
    let section = usage
        .split("## Settings in pyproject.toml\n")
        .nth(1)
        .expect("the usage guide has a settings section");
    let keys: Vec<&str> = section
        .lines()
        .skip_while(|line| !line.starts_with("| key |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| line.split('`').nth(1).expect("a key in backquotes"))
        .collect();
    assert_eq!(keys, unawait::config::KEYS);
}

/// A heading's anchor as GitHub makes it: lower case, spaces as hyphens,
/// punctuation dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Every relative link of the README and the guides in `docs/` names a file
/// that exists (and, with `#anchor`, a heading in it).
#[test]
fn documentation_links_point_at_existing_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .flatten()
    {
        if entry.path().extension().is_some_and(|e| e == "md") {
            pages.push(entry.path());
        }
    }
    let mut links = 0;
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("readable");
        for (at, _) in text.match_indices("](") {
            let target = text[at + 2..].split(')').next().unwrap_or_default();
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            links += 1;
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let path = page.parent().expect("a directory").join(file);
            assert!(path.exists(), "{}: broken link {target}", page.display());
            if !anchor.is_empty() {
                let headings = std::fs::read_to_string(&path).expect("readable");
                assert!(
                    headings
                        .lines()
                        .filter_map(|line| line.trim_start_matches('#').strip_prefix(' '))
                        .any(|heading| slug(heading) == anchor),
                    "{}: no heading for {target}",
                    page.display()
                );
            }
        }
    }
    assert!(links >= 10, "only {links} links found");
}
