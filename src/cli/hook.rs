//! What the import hook (python/unawait/_hook.py) needs from the desugarer:
//! a file's desugared text and line map, or the error to raise as CPython's
//! `SyntaxError`. The Python extension (src/python.rs) calls this in-process;
//! an interpreter without the extension runs the hidden `unawait
//! hook-desugar` subcommand instead, which prints the same as JSON.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use unawait::diagnostic::{Diagnostic, ExceptionType, Severity};
use unawait::{Options, RuntimeMode};

/// A desugared module, as its hook compiles it.
pub struct Desugared {
    pub code: String,
    /// Whether anything was rewritten (when not, the hook compiles the file
    /// as CPython would).
    pub changed: bool,
    /// Per line of `code`, the 1-based source line it comes from.
    pub line_map: Vec<Option<u32>>,
    /// The functions the runtime's decorators make coroutine functions of
    /// ([`unawait::Output::bodies`]).
    pub bodies: Vec<(u32, String)>,
}

/// What `SyntaxError` the hook raises: its class name (`SyntaxError`,
/// `IndentationError`, `TabError`, or `Unsupported` for valid Python
/// unawait cannot rewrite), message and place, as CPython fills them.
pub struct Failure {
    pub kind: &'static str,
    pub message: String,
    pub line: usize,
    pub offset: usize,
    pub end_line: usize,
    pub end_offset: usize,
    /// The source line the error is on, with its line break.
    pub text: Option<String>,
}

/// Desugars a file's bytes (decoded per PEP 263) with `options`.
pub fn desugar(bytes: &[u8], options: &Options) -> Result<Desugared, Failure> {
    match unawait::desugar_file(bytes, options) {
        Ok(file) => Ok(Desugared {
            changed: file.desugared.changed,
            code: file.desugared.code,
            line_map: file.desugared.line_map,
            bodies: file.desugared.bodies,
        }),
        Err((text, diagnostics)) => Err(failure(&text, &diagnostics.0[0])),
    }
}

/// The first diagnostic as the exception CPython raises for it.
pub fn failure(source: &str, diagnostic: &Diagnostic) -> Failure {
    let location = diagnostic.location(source);
    let kind = match diagnostic.severity {
        Severity::Unsupported => "Unsupported",
        // Too deep nesting is a MemoryError before 3.12 and a SyntaxError
        // after; an import error must be a SyntaxError either way.
        Severity::SyntaxError if diagnostic.exception == ExceptionType::MemoryError => {
            "SyntaxError"
        }
        Severity::SyntaxError => diagnostic.exception.name(),
    };
    Failure {
        kind,
        message: diagnostic.message.clone(),
        line: location.line,
        offset: location.column,
        end_line: location.end_line,
        end_offset: location.end_column,
        text: source
            .split_inclusive('\n')
            .nth(location.line.saturating_sub(1))
            .map(str::to_string),
    }
}

/// The hidden `unawait hook-desugar FILE`: FILE desugared for the import
/// hook (runtime imported), as one JSON object on standard output:
/// `{"code": ..., "changed": ..., "line_map": [...], "bodies": [...]}` or
/// `{"error": {...}}`.
#[derive(clap::Args)]
pub struct HookArgs {
    file: PathBuf,
}

pub fn run(args: &HookArgs) -> ExitCode {
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("unawait: cannot read {}: {error}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let options = Options {
        runtime: RuntimeMode::Import,
        ..Options::default()
    };
    let document = match desugar(&bytes, &options) {
        Ok(desugared) => json!({
            "code": desugared.code,
            "changed": desugared.changed,
            "line_map": desugared.line_map,
            "bodies": desugared.bodies}),
        Err(failure) => json!({"error": {
            "kind": failure.kind,
            "msg": failure.message,
            "lineno": failure.line,
            "offset": failure.offset,
            "end_lineno": failure.end_line,
            "end_offset": failure.end_offset,
            "text": failure.text,
        }}),
    };
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{document}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
