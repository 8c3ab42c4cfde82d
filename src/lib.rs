//! `unawait` desugars Python's async syntax into the generator-based code
//! PEP 492 describes, keeping every other byte of the file as it was.
//!
//! ```
//! let source = "async def answer():\n    return await compute()\n";
//! let output = unawait::desugar(source, &unawait::Options::default()).unwrap();
//! assert!(output.code.contains("return (yield from _unawait_await(compute()))"));
//! assert!(!output.code.contains("async def"));
//! ```

pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod passes;
pub mod runtime;
pub mod source;
pub mod syntax;
pub mod text;
pub mod verify;

use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use runtime::RuntimeMode;
use syntax::{Module, TextRange, TextSize};

/// How to desugar.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Copy the runtime helpers into the output, or import them.
    pub runtime: RuntimeMode,
    /// Run the pipeline only up to and including this pass (see
    /// [`passes::PIPELINE`]); the output then still holds the async syntax
    /// later passes remove.
    pub stop_after: Option<String>,
}

/// The desugared source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub code: String,
    /// Whether anything was rewritten; when not, `code` is the input.
    pub changed: bool,
}

/// Stack for the thread [`desugar`] works on. Parsing and rewriting recurse
/// over the syntax tree; CPython's tokenizer bounds brackets and blocks, but
/// not chains like `- - - x` or `a.b.c…`, which a 1 MB line can nest a
/// million deep. The memory is reserved, not used, until input needs it.
pub const STACK_SIZE: usize = 512 << 20;

/// Desugars every async construct in `source`.
///
/// Fails with CPython's SyntaxError wording for input CPython rejects, and
/// with an "unsupported" diagnostic for constructs not handled yet. The work
/// runs on a thread of its own with a [`STACK_SIZE`] stack, so deeply nested
/// input cannot overflow the caller's stack.
pub fn desugar(source: &str, options: &Options) -> Result<Output, Diagnostics> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("unawait-desugar".to_string())
            .stack_size(STACK_SIZE)
            .spawn_scoped(scope, || desugar_here(source, options))
            .map_or_else(
                // No thread to be had (resource limits): try on this one.
                |_| desugar_here(source, options),
                |worker| {
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                },
            )
    })
}

fn desugar_here(source: &str, options: &Options) -> Result<Output, Diagnostics> {
    if let Some(name) = &options.stop_after
        && !passes::PIPELINE.iter().any(|pass| pass.name() == name)
    {
        return Err(Diagnostics::single(Diagnostic::unsupported(
            TextRange::default(),
            format!("no pass is named {name:?}"),
        )));
    }
    let module = syntax::parse(source).map_err(|failure| {
        Diagnostics::single(Diagnostic {
            exception: failure.kind,
            ..Diagnostic::syntax_error(failure.range, failure.message)
        })
    })?;
    let unchanged = || {
        Ok(Output {
            code: source.to_string(),
            changed: false,
        })
    };
    // Everything the checker and the passes act on holds an `async` or
    // `await` keyword; most files have neither and need no further walk.
    if !module.has_async_syntax {
        return unchanged();
    }
    let problems = check::check(&module.body);
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }

    let prologue_at = prologue_offset(source, &module);
    let mut cx = passes::Context {
        prefix: choose_prefix(source),
        sections: Default::default(),
        comprehensions: 0,
    };
    let mut current = source.to_string();
    let mut parsed = Some(module);
    for pass in passes::PIPELINE {
        if !pass.should_run(&current) {
            continue;
        }
        loop {
            let module = match parsed.take() {
                Some(module) => module,
                None => syntax::parse(&current)
                    .map_err(|failure| output_failure(pass.name(), &failure))?,
            };
            let text = text::Text::new(&current, &module);
            match pass.run(&module, &text, &mut cx) {
                Some(next) => current = next,
                None => {
                    parsed = Some(module);
                    break;
                }
            }
            if !pass.repeats() {
                break;
            }
        }
        if options.stop_after.as_deref() == Some(pass.name()) {
            break;
        }
    }
    if cx.sections.is_empty() {
        return unchanged();
    }
    let newline = source::line_ending(source);
    let prologue = runtime::prologue(&cx.sections, options.runtime, &cx.prefix, newline);
    let mut code = String::with_capacity(current.len() + prologue.len() + 2);
    code.push_str(&current[..prologue_at]);
    if prologue_at > 0 && !current[..prologue_at].ends_with(['\n', '\r']) {
        code.push_str(newline);
    }
    code.push_str(&prologue);
    code.push_str(&current[prologue_at..]);
    Ok(Output {
        code,
        changed: true,
    })
}

/// Desugars a file's bytes: decodes them as CPython would, and encodes the
/// result the same way (encoding, BOM, line endings). Unchanged input comes
/// back byte for byte.
pub fn desugar_bytes(
    bytes: &[u8],
    options: &Options,
) -> Result<(Vec<u8>, bool), (String, Diagnostics)> {
    let source = source::decode(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let diagnostics =
            Diagnostics::at_line(&text, error.line, Severity::SyntaxError, error.message);
        (text, diagnostics)
    })?;
    let output = desugar(&source.text, options).map_err(|d| (source.text.clone(), d))?;
    if !output.changed {
        return Ok((bytes.to_vec(), false));
    }
    let encoded = source::encode(&output.code, &source).map_err(|message| {
        let diagnostics =
            Diagnostics::single(Diagnostic::unsupported(TextRange::default(), message));
        (source.text.clone(), diagnostics)
    })?;
    Ok((encoded, true))
}

/// A prefix no identifier of `source` uses: `_unawait`, else `_unawait1`, …
/// Checking the whole text (strings and comments too) keeps this cheap and
/// conservative.
fn choose_prefix(source: &str) -> String {
    let mut prefix = runtime::DEFAULT_PREFIX.to_string();
    let mut counter = 0;
    while source.contains(&format!("{prefix}_")) {
        counter += 1;
        prefix = format!("{}{counter}", runtime::DEFAULT_PREFIX);
    }
    prefix
}

/// Where the runtime prologue goes: after the module docstring and
/// `from __future__` imports, before the first other statement's line.
/// No async construct precedes it, so the offset holds in every pass.
fn prologue_offset(source: &str, module: &Module) -> usize {
    let leading = module
        .body
        .iter()
        .enumerate()
        .take_while(|(index, stmt)| match stmt {
            syntax::ast::Stmt::ImportFrom(import) => import.module.as_deref() == Some("__future__"),
            syntax::ast::Stmt::Expr(expr) => *index == 0 && expr.value.is_string_literal_expr(),
            _ => false,
        })
        .count();
    match module.body.get(leading) {
        Some(stmt) => {
            let at = usize::from(syntax::Ranged::start(stmt));
            let line_start = text::line_start(source, at);
            // A statement sharing its line with a future import stays after it.
            if leading > 0
                && usize::from(syntax::Ranged::end(&module.body[leading - 1])) > line_start
            {
                text::next_line_start(source, at).unwrap_or(source.len())
            } else {
                line_start
            }
        }
        None => source.len(),
    }
}

/// A pass produced code that does not parse: the rewritten blocks (each
/// `async with` and `async for` adds two levels) went past CPython's nesting
/// limits, or a bug.
fn output_failure(pass: &str, failure: &syntax::ParseFailure) -> Diagnostics {
    let message = &failure.message;
    let text = if message.starts_with("too many") {
        format!(
            "the desugared code would nest too deeply for CPython ({message}): each `async with` and `async for` adds two blocks; move some of the code into a function"
        )
    } else {
        format!(
            "internal error: the {pass} pass received code it cannot parse ({message}); please report this"
        )
    };
    Diagnostics::single(Diagnostic::unsupported(
        TextRange::empty(TextSize::new(0)),
        text,
    ))
}
