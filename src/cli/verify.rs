//! `unawait verify`: desugar files and run them both ways on CPython.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, bail};
use serde_json::json;
use unawait::Options;
use unawait::verify::{Interpreter, Verdict, discover_interpreters, round_trip_mapped};

use crate::{Format, VerifyArgs, cli};

/// Runs the checks and prints the verdicts; `Ok(true)` when every run was
/// equivalent.
pub fn run(args: &VerifyArgs) -> Result<bool> {
    let interpreters = interpreters(&args.pythons, args.all_pythons)?;
    if args.pytest {
        return cli::pytest::run(args, &interpreters);
    }
    let files = cli::python_files(&args.paths)?;
    let prepared: Vec<Prepared> = files.iter().map(|file| prepare(file)).collect();
    let jobs: Vec<(usize, usize)> = (0..prepared.len())
        .flat_map(|f| (0..interpreters.len()).map(move |i| (f, i)))
        .collect();
    let timeout = Duration::from_secs(args.timeout.unwrap_or(30));
    let verdicts = unawait::parallel_map(&jobs, |&(file, interpreter)| match &prepared[file] {
        Prepared::Ready {
            original,
            desugared,
            name,
            line_map,
        } => round_trip_mapped(
            &interpreters[interpreter],
            name,
            original,
            desugared,
            &[],
            timeout,
            Some(line_map),
        ),
        Prepared::Failed(message) => Verdict::ToolError(message.clone()),
    });
    let results: Vec<(&Path, &Interpreter, &Verdict)> = jobs
        .iter()
        .zip(&verdicts)
        .map(|(&(file, interpreter), verdict)| {
            (files[file].as_path(), &interpreters[interpreter], verdict)
        })
        .collect();
    match args.format {
        Format::Text => print_text(&results),
        Format::Json => print_json(&results),
    }
    Ok(verdicts
        .iter()
        .all(|verdict| *verdict == Verdict::Equivalent))
}

/// The interpreters `--python` (default: python3) or `--all-pythons`
/// choose; `unawait serve` takes the same flags.
pub fn interpreters(pythons: &[PathBuf], all_pythons: bool) -> Result<Vec<Interpreter>> {
    if all_pythons {
        let found = discover_interpreters();
        if found.is_empty() {
            bail!("no CPython 3.6+ interpreter found");
        }
        return Ok(found);
    }
    let requested = if pythons.is_empty() {
        vec![PathBuf::from("python3")]
    } else {
        pythons.to_vec()
    };
    requested
        .iter()
        .map(|path| match Interpreter::probe(path) {
            Some(interpreter) if interpreter.version >= (3, 6) => Ok(interpreter),
            Some(interpreter) => bail!(
                "{} is Python {}; unawait needs 3.6 or later",
                path.display(),
                interpreter.full_version
            ),
            None => bail!("{} is not a Python 3 interpreter that runs", path.display()),
        })
        .collect()
}

enum Prepared {
    Ready {
        name: String,
        original: Vec<u8>,
        desugared: Vec<u8>,
        /// For each desugared line, the input line it comes from.
        line_map: Vec<Option<u32>>,
    },
    Failed(String),
}

fn prepare(file: &Path) -> Prepared {
    let original = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => return Prepared::Failed(format!("reading {}: {error}", file.display())),
    };
    let name = file.file_name().map_or_else(
        || "program.py".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match unawait::desugar_file(&original, &Options::default()) {
        Ok(output) => Prepared::Ready {
            name,
            original,
            desugared: output.bytes,
            line_map: output.desugared.line_map,
        },
        Err((text, diagnostics)) => {
            Prepared::Failed(diagnostics.render(&file.display().to_string(), &text))
        }
    }
}

fn print_text(results: &[(&Path, &Interpreter, &Verdict)]) {
    for (file, interpreter, verdict) in results {
        println!(
            "{:<11} {}  (python {})",
            verdict.label(),
            file.display(),
            interpreter.full_version
        );
        match verdict {
            Verdict::Differs(differences) => {
                for difference in differences {
                    println!("    {}:", difference.what);
                    for line in difference.detail.lines() {
                        println!("      {line}");
                    }
                }
            }
            Verdict::ToolError(message) => {
                for line in message.lines() {
                    println!("    {line}");
                }
            }
            Verdict::Equivalent | Verdict::Timeout => {}
        }
    }
    let count = |label: &str| {
        results
            .iter()
            .filter(|(_, _, v)| v.label() == label)
            .count()
    };
    println!(
        "{} equivalent, {} differ, {} timed out, {} tool errors",
        count("equivalent"),
        count("differs"),
        count("timeout"),
        count("tool error")
    );
}

fn print_json(results: &[(&Path, &Interpreter, &Verdict)]) {
    let items: Vec<serde_json::Value> = results
        .iter()
        .map(|(file, interpreter, verdict)| {
            let differences: Vec<serde_json::Value> = match verdict {
                Verdict::Differs(differences) => differences
                    .iter()
                    .map(|d| json!({ "what": d.what, "detail": d.detail }))
                    .collect(),
                _ => Vec::new(),
            };
            let error = match verdict {
                Verdict::ToolError(message) => Some(message.clone()),
                _ => None,
            };
            json!({
                "file": file.display().to_string(),
                "python": interpreter.path.display().to_string(),
                "version": interpreter.full_version,
                "verdict": verdict.label(),
                "differences": differences,
                "error": error,
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&json!({ "results": items })).expect("JSON values serialize")
    );
}
