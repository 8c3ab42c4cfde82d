//! Desugars CPython's own standard library: every file the interpreter
//! accepts must come through without a crash; files without async syntax
//! byte for byte; files with it must compile on that interpreter with no
//! async syntax left.

mod common;

use std::path::{Path, PathBuf};

use common::{Scratch, check_outputs, interpreters};
use unawait::parallel_map;
use unawait::verify::{Interpreter, check_compiled};
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
    assert!(
        output.status.success(),
        "{} cannot say where its standard library is",
        python.full_version
    );
    PathBuf::from(String::from_utf8_lossy(&output.stdout).trim())
}

/// Every `.py` file under `dir`, leaving out `site-packages`.
fn python_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("a readable directory")
        .flatten()
    {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && entry.file_name() != "site-packages" {
            python_files(&path, found);
        } else if kind.is_file() && path.extension().is_some_and(|ext| ext == "py") {
            found.push(path);
        }
    }
}

fn check_version(python: &Interpreter) -> Vec<String> {
    let scratch = Scratch::new(&format!("stdlib-{}", python.full_version));
    let mut sources = Vec::new();
    python_files(&standard_library(python), &mut sources);
    sources.sort();
    // The interpreter's own compiler sorts them: rejected, holding async
    // syntax, or plain.
    let verdicts = check_compiled(python, &sources).expect("the interpreter runs");
    let mut rejected = 0;
    let mut files: Vec<(bool, PathBuf)> = Vec::new();
    for (path, verdict) in sources.into_iter().zip(verdicts) {
        match verdict {
            None => files.push((false, path)),
            Some(reason) if reason.starts_with("async syntax left") => files.push((true, path)),
            Some(reason) if reason.starts_with("SyntaxError") => rejected += 1,
            Some(reason) => panic!("{}: {reason}", path.display()),
        }
    }
    assert!(
        files.iter().any(|(has_async, _)| *has_async),
        "no file of the {} standard library ({}) has async syntax to desugar",
        python.full_version,
        python.path.display()
    );

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
    let (mut identical, mut desugared, mut failures) = (0, Vec::new(), Vec::new());
    for outcome in outcomes {
        match outcome {
            Outcome::Identical => identical += 1,
            Outcome::Desugared(path) => desugared.push(path),
            Outcome::Failed(message) => failures.push(message),
        }
    }
    failures.extend(check_outputs(python, &desugared));
    println!(
        "stdlib {}: {} files accepted by CPython ({rejected} rejected, skipped): {} byte-identical, {} desugared \
         (compiled by {} with no async syntax left), {} failed",
        python.full_version,
        files.len(),
        identical,
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
        .filter(|python| python.version >= (3, 11))
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
