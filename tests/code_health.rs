//! The shape of the code, checked so it stays as it was left: no function
//! over 100 lines, no import cycle among the library's top-level modules,
//! `line_index` a leaf, and the parser crates used only behind the
//! `syntax` adapter.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_FUNCTION_LINES: usize = 100;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable directory")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The functions of `source` with their line counts, from the `fn` line to
/// the closing brace at the same indentation.
fn function_lengths(source: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let signature = ["pub(crate) ", "pub(super) ", "pub ", "const ", "async "]
            .iter()
            .fold(code, |rest, prefix| {
                rest.strip_prefix(prefix).unwrap_or(rest)
            });
        let Some(name) = signature.strip_prefix("fn ") else {
            continue;
        };
        let name: String = name
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // The body opens on the first line ending in `{`; a `;` first is a
        // declaration without one.
        let Some(open) = (start..lines.len()).find(|&i| {
            let end = lines[i].trim_end();
            end.ends_with('{') || end.ends_with(';')
        }) else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let closing = format!("{indent}}}");
        if let Some(end) = (open + 1..lines.len()).find(|&i| lines[i] == closing) {
            found.push((name, end - start + 1));
        }
    }
    found
}

#[test]
fn no_function_is_over_100_lines() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut long = Vec::new();
    let mut functions = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).expect("readable");
        for (name, length) in function_lengths(&source) {
            functions += 1;
            if length > MAX_FUNCTION_LINES {
                let shown = file.strip_prefix(root()).unwrap_or(file).display();
                long.push(format!("{shown}: {name} ({length} lines)"));
            }
        }
    }
    assert!(functions > 500, "the scan found only {functions} functions");
    assert!(
        long.is_empty(),
        "functions over 100 lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn function_lengths_count_from_fn_to_closing_brace() {
    let source = "fn a() {\n    x();\n}\n\n    pub(crate) fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\nfn c();\n";
    assert_eq!(
        function_lengths(source),
        [("a".to_string(), 3), ("b".to_string(), 5)]
    );
}

/// The library's top-level modules (files and directories under `src/`,
/// the command line's `main.rs` and `cli/` and the Python extension's `python.rs`
/// aside), each with the modules
/// its code names as `crate::module`; `lib` stands for the crate root's own
/// items.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/").flatten() {
        let path = entry.path();
        let stem = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if matches!(stem.as_str(), "main" | "cli" | "python") {
            continue;
        }
        let mut files = Vec::new();
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        } else {
            continue;
        }
        let name = if stem == "lib" {
            "lib".to_string()
        } else {
            stem
        };
        modules.entry(name).or_default().extend(files);
    }
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(name, files)| {
            let mut uses = BTreeSet::new();
            for file in files {
                let source = std::fs::read_to_string(file).expect("readable");
                for line in source.lines() {
                    // Doc links and comments are no dependency.
                    if line.trim_start().starts_with("//") {
                        continue;
                    }
                    // The root names its modules without `crate::`.
                    if name == "lib" {
                        uses.extend(
                            names
                                .iter()
                                .filter(|module| names_module(line, module))
                                .cloned(),
                        );
                    }
                    for (at, _) in line.match_indices("crate::") {
                        let item: String = line[at + "crate::".len()..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        let used = if names.contains(&item) {
                            item
                        } else {
                            "lib".to_string()
                        };
                        if &used != name {
                            uses.insert(used);
                        }
                    }
                }
            }
            (name.clone(), uses)
        })
        .collect()
}

/// Whether `line` starts a path with `module::` (not as the tail of a
/// longer path or name).
fn names_module(line: &str, module: &str) -> bool {
    line.match_indices(&format!("{module}::")).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

/// A cycle through `graph`, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_import_each_other_without_cycles() {
    let graph = module_graph();
    for module in ["lib", "line_index", "passes", "syntax", "text", "line_map"] {
        assert!(graph.contains_key(module), "no module {module}: {graph:?}");
    }
    assert!(graph["lib"].contains("passes"), "{graph:?}");
    assert_eq!(find_cycle(&graph), None, "{graph:#?}");
    assert_eq!(graph["line_index"], BTreeSet::new(), "line_index is a leaf");
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
        .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

/// Only `src/syntax/` names the parser crates: moving to another
/// `ruff_python_parser` release touches that directory alone.
#[test]
fn only_the_syntax_adapter_names_the_parser() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let outside: Vec<String> = files
        .iter()
        .filter(|file| !file.starts_with(root().join("src/syntax")))
        .filter(|file| {
            let source = std::fs::read_to_string(file).expect("readable");
            source.contains("ruff_python_parser") || source.contains("ruff_python_ast")
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
}
