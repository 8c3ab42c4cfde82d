//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use unawait::verify::{Interpreter, discover_interpreters};

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The interpreters found once per test binary; fails if there is none,
/// because a suite that ran nothing must not pass.
pub fn interpreters() -> &'static [Interpreter] {
    static FOUND: OnceLock<Vec<Interpreter>> = OnceLock::new();
    let found = FOUND.get_or_init(discover_interpreters);
    assert!(
        !found.is_empty(),
        "no CPython 3.6+ interpreter found (set UNAWAIT_PYTHONS)"
    );
    found
}

pub fn describe(interpreters: &[Interpreter]) -> String {
    interpreters
        .iter()
        .map(|i| format!("{} ({})", i.full_version, i.path.display()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every golden input, sorted: `golden/<construct>/<case>.py`.
pub fn golden_cases() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    let root = repo_root().join("golden");
    for construct in std::fs::read_dir(&root).expect("golden/ exists").flatten() {
        if construct.path().is_dir() {
            for case in std::fs::read_dir(construct.path())
                .expect("readable")
                .flatten()
            {
                if case.path().extension().is_some_and(|ext| ext == "py") {
                    cases.push(case.path());
                }
            }
        }
    }
    cases.sort();
    cases
}

/// `construct/case` for a golden path.
pub fn case_name(path: &Path) -> String {
    let construct = path
        .parent()
        .and_then(Path::file_name)
        .unwrap_or_default()
        .to_string_lossy();
    let case = path.file_stem().unwrap_or_default().to_string_lossy();
    format!("{construct}/{case}")
}

/// A fresh scratch directory, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(label: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("unawait-{label}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        Scratch(dir)
    }

    pub fn write(&self, relative: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(&path, contents).expect("write");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Checks `paths` with `interpreter`'s own compiler and `ast`; returns the
/// failure lines.
pub fn check_outputs(interpreter: &Interpreter, paths: &[PathBuf]) -> Vec<String> {
    let results =
        unawait::verify::check_compiled(interpreter, paths).expect("the interpreter runs");
    paths
        .iter()
        .zip(results)
        .filter_map(|(path, problem)| {
            problem.map(|why| format!("{}: {}: {why}", interpreter.full_version, path.display()))
        })
        .collect()
}

/// Runs headless Chromium with a fresh profile in `profile`, as this
/// machine allows it (no sandbox, no network chatter), plus `args`.
pub fn chromium(profile: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs (apt-get install chromium)")
}

/// Checks that Chromium (whose run gave `output`) wrote a screenshot of a
/// rendered page at `shot`.
pub fn assert_screenshot(shot: &Path, output: &std::process::Output) {
    let png = std::fs::read(shot).unwrap_or_else(|error| {
        panic!(
            "no screenshot ({error}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(png.starts_with(b"\x89PNG"));
    // A blank page compresses to a few kilobytes; the rendered code does not.
    assert!(
        png.len() > 50_000,
        "screenshot of {} bytes looks blank",
        png.len()
    );
    println!("screenshot: {}", shot.display());
}

/// The module tree of `code`, parsed by the parser the library uses (taken
/// directly: the library keeps its parser adapter private); the error as
/// the parser words it.
#[allow(dead_code)]
pub fn parse(code: &str) -> Result<ruff_python_ast::ModModule, String> {
    ruff_python_parser::parse_module(code)
        .map(|parsed| parsed.into_syntax())
        .map_err(|error| error.to_string())
}
