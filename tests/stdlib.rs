//! Desugars CPython's own standard library: every file the interpreter
//! accepts must come through without a crash; files without async syntax
//! byte for byte; files with it must compile on that interpreter with no
//! async syntax left.

mod common;

use std::path::PathBuf;

use common::{Scratch, check_outputs, interpreters, parallel_map, repo_root};
use unawait::verify::Interpreter;
use unawait::{Options, desugar_bytes};

enum Outcome {
    Identical,
    Desugared(PathBuf),
    Failed(String),
}

fn standard_library(python: &Interpreter) -> PathBuf {
    let output = std::process::Command::new(&python.path)
        .args([
            "-E",
            "-s",
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("the interpreter runs");
    PathBuf::from(String::from_utf8_lossy(&output.stdout).trim())
}

fn check_version(python: &Interpreter) -> Vec<String> {
    let scratch = Scratch::new(&format!("stdlib-{}", python.full_version));
    let list = scratch.0.join("files.txt");
    let status = std::process::Command::new(&python.path)
        .args(["-E", "-s"])
        .arg(repo_root().join("tests/python/scan_sources.py"))
        .arg(standard_library(python))
        .arg(&list)
        .status()
        .expect("the interpreter runs");
    assert!(
        status.success(),
        "scanning the {} standard library failed",
        python.full_version
    );
    let listing = std::fs::read_to_string(&list).expect("scan output");
    let files: Vec<(bool, PathBuf)> = listing
        .lines()
        .filter_map(|line| line.split_once(' '))
        .filter(|(kind, _)| *kind != "rejected")
        .map(|(kind, path)| (kind == "async", PathBuf::from(path)))
        .collect();
    let rejected = listing
        .lines()
        .filter(|line| line.starts_with("rejected "))
        .count();

    let outcomes = parallel_map(&files, |(has_async, path)| {
        let bytes = std::fs::read(path).expect("readable");
        match desugar_bytes(&bytes, &Options::default()) {
            Ok((output, false)) if !has_async && output == bytes => Outcome::Identical,
            Ok((_, false)) => {
                Outcome::Failed(format!("{}: async syntax left unchanged", path.display()))
            }
            Ok((output, true)) if *has_async => {
                let name = path
                    .to_string_lossy()
                    .trim_start_matches('/')
                    .replace('/', "__");
                Outcome::Desugared(scratch.write(&name, &output))
            }
            Ok((_, true)) => Outcome::Failed(format!(
                "{}: changed a file without async syntax",
                path.display()
            )),
            Err((text, diagnostics)) => {
                Outcome::Failed(diagnostics.render(&path.display().to_string(), &text))
            }
        }
    });
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let desugared: Vec<PathBuf> = outcomes
        .iter()
        .filter_map(|o| {
            if let Outcome::Desugared(p) = o {
                Some(p.clone())
            } else {
                None
            }
        })
        .collect();
    let mut failures: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            if let Outcome::Failed(m) = o {
                Some(m.clone())
            } else {
                None
            }
        })
        .collect();
    failures.extend(check_outputs(python, &desugared));
    println!(
        "stdlib {}: {} files accepted by CPython ({rejected} rejected, skipped): {} byte-identical, {} desugared \
         (compiled by {} with no async syntax left), {} failed",
        python.full_version,
        files.len(),
        count(|o| matches!(o, Outcome::Identical)),
        desugared.len(),
        python.full_version,
        failures.len(),
    );
    failures
}

#[test]
fn standard_libraries_desugar() {
    let versions: Vec<&Interpreter> = interpreters()
        .iter()
        .filter(|python| [(3, 11), (3, 12), (3, 13)].contains(&python.version))
        .collect();
    assert!(
        versions.iter().any(|python| python.version == (3, 11)),
        "the stdlib test needs CPython 3.11 (found {})",
        common::describe(interpreters())
    );
    let failures: Vec<String> = versions.into_iter().flat_map(check_version).collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
