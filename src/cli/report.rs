//! What a run tells its user: per-file results, in text or as one JSON
//! document.

use std::io::{self, IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};
use unawait::diagnostic::{Diagnostics, Severity};

/// What happened to one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Rewritten and written (`--in-place`, `--out-dir`, `-o`, or printed).
    Desugared,
    /// Would be rewritten (`--check`, `--diff`).
    WouldDesugar,
    /// No async syntax: nothing to rewrite (copied as it is by `--out-dir`).
    Unchanged,
    /// Not Python: copied as it is (`--out-dir`).
    Copied,
    /// Excluded, though named on the command line (`--force-exclude`).
    Excluded,
    /// The input could not be desugared: see its diagnostics.
    Invalid,
    /// Reading or writing failed.
    Failed,
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Desugared => "desugared",
            Status::WouldDesugar => "would-desugar",
            Status::Unchanged => "unchanged",
            Status::Copied => "copied",
            Status::Excluded => "excluded",
            Status::Invalid => "invalid",
            Status::Failed => "failed",
        }
    }
}

/// The result for one input.
pub struct FileReport {
    /// The input's name in messages.
    pub path: String,
    pub status: Status,
    /// Where the result was written, when it was written to a file.
    pub output: Option<PathBuf>,
    /// The diagnostics of an invalid input, with the text they refer to.
    pub diagnostics: Option<(String, Diagnostics)>,
    /// `--diff`: the unified diff.
    pub diff: Option<String>,
    /// Printing one file with `--format json`: the desugared code.
    pub code: Option<String>,
    /// Why reading or writing failed.
    pub error: Option<String>,
    /// Why the input was excluded (the pattern).
    pub excluded_by: Option<String>,
}

impl FileReport {
    pub fn new(path: String, status: Status) -> FileReport {
        FileReport {
            path,
            status,
            output: None,
            diagnostics: None,
            diff: None,
            code: None,
            error: None,
            excluded_by: None,
        }
    }

    pub fn failed(path: String, error: &anyhow::Error) -> FileReport {
        FileReport {
            error: Some(format!("{error:#}")),
            ..FileReport::new(path, Status::Failed)
        }
    }

    fn diagnostics_json(&self) -> Vec<Value> {
        let Some((text, diagnostics)) = &self.diagnostics else {
            return Vec::new();
        };
        diagnostics
            .located(text)
            .into_iter()
            .map(|(diagnostic, location)| {
                json!({
                    "path": self.path,
                    "line": location.line,
                    "column": location.column,
                    "end_line": location.end_line,
                    "end_column": location.end_column,
                    "severity": match diagnostic.severity {
                        Severity::SyntaxError => "syntax-error",
                        Severity::Unsupported => "unsupported",
                    },
                    "exception": match diagnostic.severity {
                        Severity::SyntaxError => Some(diagnostic.exception.name()),
                        Severity::Unsupported => None,
                    },
                    "message": diagnostic.message,
                })
            })
            .collect()
    }

    fn to_json(&self) -> Value {
        let mut file = json!({
            "path": self.path,
            "status": self.status.name(),
            "diagnostics": self.diagnostics_json(),
        });
        let fields = [
            (
                "output",
                self.output.as_ref().map(|p| p.display().to_string()),
            ),
            ("diff", self.diff.clone()),
            ("code", self.code.clone()),
            ("error", self.error.clone()),
            ("excluded_by", self.excluded_by.clone()),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                file[key] = Value::String(value);
            }
        }
        file
    }
}

/// What the run was asked to do, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Print one file's result (standard output or `-o`).
    Print,
    OutDir,
    InPlace,
    Check,
    Diff,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Print => "print",
            Mode::OutDir => "out-dir",
            Mode::InPlace => "in-place",
            Mode::Check => "check",
            Mode::Diff => "diff",
        }
    }

    /// Whether a file that would change makes the run fail.
    fn fails_on_change(self) -> bool {
        matches!(self, Mode::Check | Mode::Diff)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// The exit status for a run's results: 2 when reading or writing failed,
/// 1 when an input was invalid or (`--check`, `--diff`) would change, else 0.
pub fn exit_code(mode: Mode, files: &[FileReport]) -> u8 {
    if files.iter().any(|file| file.status == Status::Failed) {
        2
    } else if files.iter().any(|file| {
        file.status == Status::Invalid
            || (mode.fails_on_change() && file.status == Status::WouldDesugar)
    }) {
        1
    } else {
        0
    }
}

/// Prints the run's results: diagnostics and failures on standard error,
/// the file list (`--check`) or diffs (`--diff`) on standard output, a
/// summary on standard error; with `json`, one document on standard output
/// instead.
pub fn print(
    mode: Mode,
    files: &[FileReport],
    verbosity: Verbosity,
    json: bool,
    settings: &[PathBuf],
) -> io::Result<()> {
    let code = exit_code(mode, files);
    if json {
        let document = json!({
            "version": env!("CARGO_PKG_VERSION"),
            "mode": mode.name(),
            "settings": settings.iter().map(|path| path.display().to_string()).collect::<Vec<_>>(),
            "files": files.iter().map(FileReport::to_json).collect::<Vec<_>>(),
            "summary": summary_json(files),
            "exit_code": code,
        });
        let mut stdout = io::stdout().lock();
        serde_json::to_writer_pretty(&mut stdout, &document)?;
        return writeln!(stdout);
    }
    let mut stdout = io::stdout().lock();
    let mut stderr = io::stderr().lock();
    if verbosity == Verbosity::Verbose {
        for path in settings {
            writeln!(stderr, "settings: {}", path.display())?;
        }
    }
    for file in files {
        if let Some((text, diagnostics)) = &file.diagnostics {
            write!(stderr, "{}", diagnostics.render(&file.path, text))?;
        }
        if let Some(error) = &file.error {
            writeln!(stderr, "unawait: {error}")?;
        }
        if let Some(diff) = &file.diff {
            write!(stdout, "{diff}")?;
        }
        if mode == Mode::Check
            && file.status == Status::WouldDesugar
            && verbosity != Verbosity::Quiet
        {
            writeln!(stdout, "would desugar: {}", file.path)?;
        }
        if verbosity == Verbosity::Verbose {
            let detail = match (&file.output, &file.excluded_by) {
                (Some(output), _) => format!(" -> {}", output.display()),
                (None, Some(pattern)) => format!(" (by {pattern:?})"),
                (None, None) => String::new(),
            };
            writeln!(stderr, "{}: {}{detail}", file.path, file.status.name())?;
        }
    }
    // Writing a tree is a build step: silent when it works, like a compiler.
    let summary = match mode {
        Mode::Print => false,
        Mode::OutDir => verbosity == Verbosity::Verbose,
        _ => verbosity != Verbosity::Quiet,
    };
    if summary {
        writeln!(stderr, "{}", summary_text(mode, files))?;
    }
    Ok(())
}

fn count(files: &[FileReport], status: Status) -> usize {
    files.iter().filter(|file| file.status == status).count()
}

fn summary_json(files: &[FileReport]) -> Value {
    json!({
        "files": files.len(),
        "desugared": count(files, Status::Desugared),
        "would_desugar": count(files, Status::WouldDesugar),
        "unchanged": count(files, Status::Unchanged),
        "copied": count(files, Status::Copied),
        "excluded": count(files, Status::Excluded),
        "invalid": count(files, Status::Invalid),
        "failed": count(files, Status::Failed),
    })
}

fn files(n: usize) -> String {
    if n == 1 {
        "1 file".to_string()
    } else {
        format!("{n} files")
    }
}

/// One line: `2 files would be desugared, 3 files left unchanged, 1 file
/// with errors`.
fn summary_text(mode: Mode, reports: &[FileReport]) -> String {
    let changed = match mode {
        Mode::Check | Mode::Diff => "would be desugared",
        _ => "desugared",
    };
    let unchanged = match mode {
        Mode::OutDir => "copied unchanged",
        _ => "left unchanged",
    };
    let parts = [
        (
            count(reports, Status::Desugared) + count(reports, Status::WouldDesugar),
            changed,
        ),
        (
            count(reports, Status::Unchanged) + count(reports, Status::Copied),
            unchanged,
        ),
        (count(reports, Status::Excluded), "excluded"),
        (count(reports, Status::Invalid), "with errors"),
        (count(reports, Status::Failed), "failed"),
    ];
    let text: Vec<String> = parts
        .iter()
        .enumerate()
        .filter(|(index, (n, _))| *index < 2 || *n > 0)
        .map(|(_, (n, what))| format!("{} {what}", files(*n)))
        .collect();
    text.join(", ")
}

/// A progress line on standard error, only when it is a terminal.
pub struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    pub fn new(total: usize, wanted: bool) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: wanted && io::stderr().is_terminal() && total > 1,
        }
    }

    /// Counts one more file done (from any thread).
    pub fn step(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown {
            let width = 30;
            let filled = done * width / self.total.max(1);
            eprint!(
                "\r[{}{}] {done}/{} files",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    pub fn finish(&self) {
        if self.shown {
            eprint!("\r{}\r", " ".repeat(50));
        }
    }
}
