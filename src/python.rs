//! The Python extension `unawait._unawait` (built only by python/Cargo.toml,
//! whose crate root is this command line): the desugarer for
//! `unawait.desugar` and the import hook, and the command line itself for
//! the wheel's `unawait` console script. The Python side
//! (python/unawait/) turns failures into `SyntaxError` subclasses.

use std::ffi::OsString;
use std::process::ExitCode;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use unawait::{Options, RuntimeMode};

use crate::cli::hook;

mod accelerator;
mod line_table;
mod prefetch;

/// `desugar(source, runtime, passes, stop_after, explain, target_version)`:
/// `(True, code, changed, line_map, bodies)` (`bodies`: see
/// [`unawait::Output::bodies`]), or `(False, kind, msg, lineno, offset,
/// end_lineno, end_offset, text)` for input that cannot be desugared.
/// Invalid options raise `ValueError`.
#[pyfunction]
fn desugar<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    runtime: &str,
    passes: Option<Vec<String>>,
    stop_after: Option<String>,
    explain: bool,
    target_version: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let options = Options {
        runtime: match runtime {
            "inline" => RuntimeMode::Inline,
            "import" => RuntimeMode::Import,
            other => {
                return Err(PyValueError::new_err(format!(
                    "runtime must be \"inline\" or \"import\", not {other:?}"
                )));
            }
        },
        passes,
        stop_after,
        explain,
        target_version: target_version
            .map(str::parse)
            .transpose()
            .map_err(PyValueError::new_err)?,
    };
    // Pass names are checked before any parsing: an empty module fails
    // only for options naming no pass.
    if (options.passes.is_some() || options.stop_after.is_some())
        && let Err(diagnostics) = unawait::desugar("", &options)
    {
        return Err(PyValueError::new_err(
            diagnostics.to_string().trim_end().to_string(),
        ));
    }
    // A str is already decoded (a coding cookie in it says nothing, as for
    // `compile(str)`); bytes are decoded as CPython decodes a file.
    let work: Box<dyn FnOnce() -> Result<hook::Desugared, hook::Failure> + Send> =
        if let Ok(text) = source.downcast::<PyString>() {
            let text: String = text.extract()?;
            Box::new(move || desugar_text(&text, &options))
        } else if let Ok(bytes) = source.downcast::<PyBytes>() {
            let bytes = bytes.as_bytes().to_vec();
            Box::new(move || hook::desugar(&bytes, &options))
        } else {
            return Err(PyTypeError::new_err(format!(
                "source must be str or bytes, not {}",
                source.get_type().name()?
            )));
        };
    // A bug in the desugarer must not surface as PyO3's PanicException,
    // which is no `Exception` and would get past callers' handlers.
    let result = py
        .allow_threads(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)))
        .map_err(|_| {
            PyRuntimeError::new_err(
                "unawait: internal error (a panic, reported above); please report this",
            )
        })?;
    result_tuple(py, result)
}

/// What [`desugar`] returns for `result`.
fn result_tuple(
    py: Python<'_>,
    result: Result<hook::Desugared, hook::Failure>,
) -> PyResult<Bound<'_, PyTuple>> {
    match result {
        Ok(desugared) => (
            true,
            desugared.code,
            desugared.changed,
            desugared.line_map,
            desugared.bodies,
        )
            .into_pyobject(py),
        Err(failure) => (
            false,
            failure.kind,
            failure.message,
            failure.line,
            failure.offset,
            failure.end_line,
            failure.end_offset,
            failure.text,
        )
            .into_pyobject(py),
    }
}

/// Runs the command line with `argv` (its first item the program name) and
/// exits the process with its status, as the native binary would.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<OsString>) -> PyResult<()> {
    // `unawait run` defaults to this interpreter, and its hook runs
    // `python -m unawait` where the native binary would run itself.
    let python: String = py.import("sys")?.getattr("executable")?.extract()?;
    let _ = crate::cli::run::EMBEDDING.set(crate::cli::run::Embedding {
        python: python.clone().into(),
        command: vec![python, "-m".to_string(), "unawait".to_string()],
    });
    let status = py.allow_threads(|| crate::command_line(argv));
    // `ExitCode` hides its number; every status the command line returns
    // is one of `ExitCode::from(u8)`.
    let code = (0..=u8::MAX)
        .find(|&code| ExitCode::from(code) == status)
        .map_or(2, i32::from);
    std::process::exit(code)
}

/// [`hook::desugar`] for text already decoded.
fn desugar_text(source: &str, options: &Options) -> Result<hook::Desugared, hook::Failure> {
    match unawait::desugar(source, options) {
        Ok(output) => Ok(hook::Desugared {
            changed: output.changed,
            code: output.code,
            line_map: output.line_map,
            bodies: output.bodies,
        }),
        Err(diagnostics) => Err(hook::failure(source, &diagnostics.0[0])),
    }
}

/// `LineMap(line_map, format, nop, bodies=())`: a module's line map
/// (`desugar`'s), to give the code objects compiled from its desugared text
/// the source's lines. `format` names the running CPython's line table:
/// "lnotab" (3.6 to 3.9), "linetable" (3.10) or "locations" (3.11 on);
/// `nop` is its NOP opcode (None: leave NOPs where they are). `bodies` are
/// `desugar`'s: the code objects they name get the flag the runtime's
/// decorator would give them (see `line_table::with_source_lines`).
#[pyclass(frozen, module = "unawait._unawait")]
struct LineMap {
    lines: line_table::Lines,
    format: line_table::Format,
    nop: Option<u8>,
    bodies: std::collections::HashSet<(i64, String)>,
}

#[pymethods]
impl LineMap {
    #[new]
    #[pyo3(signature = (line_map, format, nop, bodies = Vec::new()))]
    fn new(
        line_map: Vec<Option<u32>>,
        format: &str,
        nop: Option<u8>,
        bodies: Vec<(i64, String)>,
    ) -> PyResult<LineMap> {
        let format = match format {
            "lnotab" => line_table::Format::Lnotab,
            "linetable" => line_table::Format::Linetable,
            "locations" => line_table::Format::Locations,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown line table format {other:?}"
                )));
            }
        };
        Ok(LineMap {
            lines: line_table::Lines::new(&line_map),
            format,
            nop,
            bodies: bodies.into_iter().collect(),
        })
    }

    /// The source line of desugared line `line`.
    fn line(&self, line: i64) -> i64 {
        self.lines.line(line)
    }
}

#[pymodule]
fn _unawait(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<LineMap>()?;
    module.add_class::<prefetch::Prefetch>()?;
    module.add("__version__", unawait::runtime::VERSION)?;
    module.add("RUNTIME_SOURCE", unawait::runtime::SOURCE)?;
    module.add("BUILD", unawait::runtime::build_tag())?;
    module.add_function(wrap_pyfunction!(desugar, module)?)?;
    module.add_function(wrap_pyfunction!(main, module)?)?;
    module.add_function(wrap_pyfunction!(line_table::with_source_lines, module)?)?;
    module.add_function(wrap_pyfunction!(accelerator::accelerate, module)?)?;
    Ok(())
}
