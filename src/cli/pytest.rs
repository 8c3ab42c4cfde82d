//! `unawait verify --pytest`: a project's pytest suite run as written and
//! desugared (through the pytest plugin) on each interpreter, and the
//! outcome of every test compared.
//!
//! Each run is `python -c BOOTSTRAP` in the project directory (so, as
//! `python -m pytest` there): BOOTSTRAP loads the import hook, the plugin
//! and an outcome recorder from the sources compiled into this binary, so
//! the interpreter needs only pytest, not unawait.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use serde_json::{Value, json};
use unawait::parallel_map;
use unawait::verify::Interpreter;

use crate::cli::run::{bootstrap_prelude, hook_command};
use crate::{Format, VerifyArgs};

const PLUGIN_SOURCE: &str = include_str!("../../python/unawait/pytest_plugin.py");
const OUTCOMES_SOURCE: &str = include_str!("../../python/unawait/_outcomes.py");

/// Seconds a pytest run may take unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT: u64 = 600;

/// One test's outcome in one run.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    outcome: String,
    reason: String,
}

/// What one pytest run did.
struct Suite {
    tests: BTreeMap<String, Outcome>,
    /// The modules desugared (none as written).
    desugared: Vec<String>,
}

/// The comparison on one interpreter.
struct Comparison {
    compared: usize,
    /// The modules the desugared run desugared.
    desugared: Vec<String>,
    /// Test id, as written, desugared (`None`: not run that way).
    differences: Vec<(String, Option<Outcome>, Option<Outcome>)>,
}

/// Runs the suites and prints the differences; `Ok(true)` when every suite
/// ran and no test's outcome differs.
pub fn run(args: &VerifyArgs, interpreters: &[Interpreter]) -> Result<bool> {
    let dir = match args.paths.as_slice() {
        [] => PathBuf::from("."),
        [dir] => dir.clone(),
        _ => bail!("verify --pytest takes one project directory"),
    };
    if !dir.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    let packages = top_level_packages(&dir)?;
    let timeout = Duration::from_secs(args.timeout.unwrap_or(DEFAULT_TIMEOUT));
    let jobs: Vec<(usize, bool)> = (0..interpreters.len())
        .flat_map(|i| [(i, false), (i, true)])
        .collect();
    let runs = parallel_map(&jobs, |&(interpreter, desugared)| {
        run_suite(
            &interpreters[interpreter],
            &dir,
            desugared.then_some(packages.as_slice()),
            &args.pytest_args,
            timeout,
        )
    });
    // A suite that could not run is reported and counts as a failure (exit
    // status 1, as a tool error is for `verify`); the others still compare.
    let mut runs = runs.into_iter();
    let mut comparisons = Vec::new();
    let mut errors = Vec::new();
    for python in interpreters {
        let on = python.path.display();
        let (written, desugared) = (runs.next(), runs.next());
        match (written, desugared) {
            (Some(Ok(written)), Some(Ok(desugared))) => {
                let mut comparison = compare(&written.tests, &desugared.tests);
                comparison.desugared = desugared.desugared;
                comparisons.push((python, comparison));
            }
            (written, desugared) => {
                for (how, run) in [("as written", written), ("desugared", desugared)] {
                    if let Some(Err(error)) = run {
                        errors.push(format!("pytest {how} on {on}: {error:#}"));
                    }
                }
            }
        }
    }
    for error in &errors {
        eprintln!("unawait: {error}");
    }
    let compared: usize = comparisons.iter().map(|(_, c)| c.compared).sum();
    let differ: usize = comparisons.iter().map(|(_, c)| c.differences.len()).sum();
    match args.format {
        Format::Text => print_text(&packages, &comparisons, compared, differ),
        Format::Json => {
            let document = json_report(&packages, &comparisons, compared, differ, &errors);
            println!("{document:#}");
        }
    }
    Ok(differ == 0 && errors.is_empty())
}

/// The differing tests, the packages desugared, a line per interpreter and
/// the total, as text.
fn print_text(
    packages: &[String],
    comparisons: &[(&Interpreter, Comparison)],
    compared: usize,
    differ: usize,
) {
    for (python, comparison) in comparisons {
        for (test, written, desugared) in &comparison.differences {
            println!(
                "{test} (python {}): {} as written, {} desugared{}",
                python.full_version,
                label(written.as_ref()),
                label(desugared.as_ref()),
                desugared
                    .as_ref()
                    .filter(|d| !d.reason.is_empty())
                    .map(|d| format!(": {}", d.reason))
                    .unwrap_or_default()
            );
        }
    }
    println!(
        "desugared packages: {}",
        if packages.is_empty() {
            "none (test modules and conftest files only)".to_string()
        } else {
            packages.join(", ")
        }
    );
    for (python, comparison) in comparisons {
        println!(
            "python {}: {} tests, {} modules desugared",
            python.full_version,
            comparison.compared,
            comparison.desugared.len()
        );
    }
    println!("{compared} tests compared, {differ} differ");
}

/// The same as one JSON document.
fn json_report(
    packages: &[String],
    comparisons: &[(&Interpreter, Comparison)],
    compared: usize,
    differ: usize,
    errors: &[String],
) -> Value {
    json!({
        "packages": packages,
        "interpreters": comparisons.iter().map(|(python, comparison)| json!({
            "python": python.path,
            "version": python.full_version,
            "compared": comparison.compared,
            "desugared_modules": comparison.desugared,
            "differences": comparison.differences.iter().map(|(test, written, desugared)| json!({
                "test": test,
                "written": written.as_ref().map(|o| &o.outcome),
                "desugared": desugared.as_ref().map(|o| &o.outcome),
                "reason": desugared.as_ref().map(|o| &o.reason),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "compared": compared,
        "differ": differ,
        "errors": errors,
    })
}

fn label(outcome: Option<&Outcome>) -> &str {
    outcome.map_or("not run", |o| o.outcome.as_str())
}

fn compare(
    written: &BTreeMap<String, Outcome>,
    desugared: &BTreeMap<String, Outcome>,
) -> Comparison {
    let mut tests: Vec<&String> = written.keys().chain(desugared.keys()).collect();
    tests.sort();
    tests.dedup();
    let differences = tests
        .iter()
        .filter_map(|&test| {
            let (a, b) = (written.get(test), desugared.get(test));
            let same = matches!((a, b), (Some(a), Some(b)) if a.outcome == b.outcome);
            (!same).then(|| (test.clone(), a.cloned(), b.cloned()))
        })
        .collect();
    Comparison {
        compared: tests.len(),
        desugared: Vec::new(),
        differences,
    }
}

/// The packages `verify --pytest` desugars: the directories of `dir` (and
/// of `dir/src`) holding an `__init__.py`, and its modules other than
/// tests, conftest and setup files.
fn top_level_packages(dir: &Path) -> Result<Vec<String>> {
    let mut packages = Vec::new();
    for base in [dir.to_path_buf(), dir.join("src")] {
        let Ok(entries) = fs::read_dir(&base) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .with_context(|| format!("listing {}", base.display()))?
                .path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let module = if path.is_dir() && path.join("__init__.py").is_file() {
                name
            } else if let Some(stem) = name.strip_suffix(".py") {
                stem
            } else {
                continue;
            };
            let is_test = module.starts_with("test_")
                || module.ends_with("_test")
                || matches!(module, "conftest" | "setup" | "tests" | "test");
            if module.chars().all(|c| c.is_alphanumeric() || c == '_') && !is_test {
                packages.push(module.to_string());
            }
        }
    }
    packages.sort();
    packages.dedup();
    Ok(packages)
}

/// Runs the suite in `dir`, desugared when `packages` is given.
fn run_suite(
    python: &Interpreter,
    dir: &Path,
    packages: Option<&[String]>,
    pytest_args: &[String],
    timeout: Duration,
) -> Result<Suite> {
    let scratch = Scratch::new()?;
    let results = scratch.0.join("outcomes.json");
    let mut arguments = vec![
        // Runs must not see each other: no cache of last failures.
        "-p".to_string(),
        "no:cacheprovider".to_string(),
        // The plugin comes from this binary, not from an installed unawait.
        "-p".to_string(),
        "no:unawait".to_string(),
    ];
    if let Some(packages) = packages {
        arguments.push(format!("--unawait-packages={}", packages.join(",")));
    }
    arguments.extend(pytest_args.iter().cloned());
    let config = json!({
        "version": unawait::runtime::VERSION,
        "build": unawait::runtime::build_tag(),
        "command": hook_command()?,
        "results": results,
        "arguments": arguments,
    });
    let stdout = scratch.0.join("stdout");
    let stderr = scratch.0.join("stderr");
    let mut child = Command::new(&python.path)
        .arg("-c")
        .arg(bootstrap())
        .arg(config.to_string())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout)?)
        .stderr(fs::File::create(&stderr)?)
        // A group of its own, so that a timeout ends every process it started.
        .process_group(0)
        .spawn()
        .with_context(|| format!("starting {}", python.path.display()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > timeout {
            kill_group(child.id());
            child.wait()?;
            bail!("pytest still running after {} s", timeout.as_secs());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // pytest's statuses: 0 all passed, 1 some failed, 5 none collected;
    // others (interrupted, internal or usage error) leave nothing to compare.
    if !matches!(status.code(), Some(0 | 1 | 5)) || !results.is_file() {
        let output = fs::read_to_string(&stdout).unwrap_or_default()
            + &fs::read_to_string(&stderr).unwrap_or_default();
        let tail: Vec<&str> = output.lines().rev().take(15).collect();
        bail!(
            "pytest ended with {} in {}:\n{}",
            status.code().map_or_else(
                || format!("signal {:?}", status.signal()),
                |c| format!("status {c}")
            ),
            dir.display(),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
    }
    let document: Value = serde_json::from_str(&fs::read_to_string(&results)?)
        .context("reading the recorded outcomes")?;
    let tests = document["tests"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(test, value)| {
            let field = |name: &str| value[name].as_str().unwrap_or_default().to_string();
            (
                test.clone(),
                Outcome {
                    outcome: field("outcome"),
                    reason: field("reason"),
                },
            )
        })
        .collect();
    let desugared = document["desugared"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|name| name.as_str().map(str::to_string))
        .collect();
    Ok(Suite { tests, desugared })
}

/// The `-c` program: the hook, the plugin and the recorder loaded from
/// their sources, then `pytest.main` (sys.argv is `-c CONFIG`).
fn bootstrap() -> String {
    format!(
        "{}\
plugin = load('_unawait_pytest_plugin', {plugin})
outcomes = load('_unawait_outcomes', {outcomes}).Outcomes(config['results'])
import pytest
sys.exit(pytest.main(config['arguments'], plugins=[plugin, outcomes]))
",
        bootstrap_prelude(),
        plugin = Value::from(PLUGIN_SOURCE),
        outcomes = Value::from(OUTCOMES_SOURCE),
    )
}

fn kill_group(leader: u32) {
    if let Ok(group) = libc::pid_t::try_from(leader) {
        // SAFETY: kill(2) with a negative pid signals that process group; it
        // touches no memory of ours.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
}

/// A temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Self> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "unawait-pytest-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Self(path))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
