//! `unawait` desugars Python's async syntax into the generator-based code
//! PEP 492 describes, keeping every other byte of the file as it was.
//!
//! ```
//! let source = "async def answer():\n    return await compute()\n";
//! let output = unawait::desugar(source, &unawait::Options::default()).unwrap();
//! assert!(output.code.contains("return (yield from _unawait_await(compute()))"));
//! assert!(!output.code.contains("async def"));
//! ```

// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod explain;
pub mod html;
pub mod line_map;
pub mod passes;
pub mod runtime;
pub mod source;
pub mod syntax;
pub mod text;
pub mod verify;

use diagnostic::{Diagnostic, Diagnostics, ExceptionType, Severity};
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
    /// Run only these passes (in pipeline order, whatever order they are
    /// given in); `None` runs them all.
    pub passes: Option<Vec<String>>,
    /// Write a `# unawait: ...` comment before each rewritten construct,
    /// saying what it became and where the rule comes from.
    pub explain: bool,
    /// The oldest Python the output must run on; input using syntax newer
    /// than that (`match` for `py39`, say) is rejected. `None` checks nothing.
    pub target_version: Option<config::TargetVersion>,
}

/// The desugared source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub code: String,
    /// Whether anything was rewritten; when not, `code` is the input.
    pub changed: bool,
    /// For each line of `code`, the 1-based input line it comes from; `None`
    /// for lines from no input line (runtime helpers, `--explain` comments).
    pub line_map: Vec<Option<u32>>,
    /// The constructs rewritten, each with its 1-based input line, in
    /// input order.
    pub constructs: Vec<(u32, explain::Construct)>,
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
    if ON_LARGE_STACK.get() {
        return desugar_here(source, options);
    }
    std::thread::scope(|scope| {
        match spawn_with_large_stack(scope, || desugar_here(source, options)) {
            Ok(worker) => worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread to be had (resource limits): try on this one.
            Err(_) => desugar_here(source, options),
        }
    })
}

thread_local! {
    /// Whether this thread's stack is [`STACK_SIZE`] (see
    /// [`spawn_with_large_stack`]).
    static ON_LARGE_STACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts `work` on a thread of `scope` with a [`STACK_SIZE`] stack.
/// [`desugar`] called on such a thread works on it directly; elsewhere it
/// starts one per call. The command line runs all its work on these.
pub fn spawn_with_large_stack<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn_scoped(scope, move || {
            ON_LARGE_STACK.set(true);
            work()
        })
}

fn desugar_here(source: &str, options: &Options) -> Result<Output, Diagnostics> {
    let selected = selected_passes(options)?;
    let module = match syntax::parse_for(source, options.target_version) {
        Ok(module) => module,
        // Valid syntax the parser cannot read: a file without async syntax
        // has nothing to rewrite and passes through as it is.
        Err(syntax::ParseFailure {
            unreadable:
                Some(syntax::Unreadable {
                    has_async_syntax: false,
                }),
            ..
        }) => {
            return Ok(Output {
                code: source.to_string(),
                changed: false,
                line_map: line_map::identity(source),
                constructs: Vec::new(),
            });
        }
        Err(failure) if failure.unreadable.is_some() => {
            return Err(Diagnostics::single(Diagnostic::unsupported(
                failure.range,
                failure.message,
            )));
        }
        Err(failure) => {
            return Err(Diagnostics::single(Diagnostic {
                exception: failure.kind,
                ..Diagnostic::syntax_error(failure.range, failure.message)
            }));
        }
    };
    if !module.newer_syntax.is_empty() {
        let mut newer: Vec<Diagnostic> = module
            .newer_syntax
            .iter()
            .map(|(range, message)| Diagnostic::unsupported(*range, message.clone()))
            .collect();
        newer.sort_by_key(|diagnostic| diagnostic.range.start());
        return Err(Diagnostics(newer));
    }
    let unchanged = || {
        Ok(Output {
            code: source.to_string(),
            changed: false,
            line_map: line_map::identity(source),
            constructs: Vec::new(),
        })
    };
    // Everything the checker and the passes act on holds an `async` or
    // `await` keyword; most files have neither and need no further walk.
    if !module.has_async_syntax {
        return unchanged();
    }
    let problems = check::check(
        &module.body,
        options.target_version.unwrap_or(check::DEFAULT_VERSION),
    );
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }

    let prologue_at = prologue_offset(source, &module);
    let mut cx = passes::Context {
        prefix: choose_prefix(source),
        sections: Default::default(),
        comprehensions: 0,
        marks: !source.contains(line_map::MARK),
        constructs: Default::default(),
    };
    let mut current = source.to_string();
    // The origin of each line of `current` in `source`.
    let mut origins: Vec<Option<line_map::Origin>> = (0..line_map::line_count(source))
        .map(|line| {
            Some(line_map::Origin {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                generated: false,
            })
        })
        .collect();
    let mut constructs = Vec::new();
    let source_starts = line_map::line_starts(source);
    let mut parsed = Some(module);
    // The pass that wrote `current`, if one did.
    let mut written_by: Option<&'static str> = None;
    for (index, pass) in passes::PIPELINE.iter().enumerate() {
        if !selected[index] {
            continue;
        }
        if !pass.should_run(&current) {
            continue;
        }
        loop {
            let module = match parsed.take() {
                Some(module) => module,
                None => syntax::parse(&current).map_err(|failure| {
                    let line = line_map::line_of(
                        &line_map::line_starts(&current),
                        usize::from(failure.range.start()),
                    );
                    let origin = origins.get(line as usize).copied().flatten();
                    output_failure(source, origin.map(|o| o.line), written_by, &failure)
                })?,
            };
            let text = text::Text::new(&current, &module);
            if let Some(problem) = skipped_prerequisite(index, &selected, &module, &text, &cx) {
                let (at, skipped, construct) = problem;
                let line = line_map::line_of(&line_map::line_starts(&current), at);
                let line = origins
                    .get(line as usize)
                    .copied()
                    .flatten()
                    .map_or(0, |o| o.line);
                return Err(Diagnostics::at_line(
                    source,
                    line as usize + 1,
                    Severity::Unsupported,
                    format!(
                        "this {} needs the {skipped} pass: the {} pass would leave it in a generator function, where it is a syntax error; add {skipped} to the selected passes",
                        construct.syntax(),
                        pass.name()
                    ),
                ));
            }
            let rewritten = pass.run(&module, &text, &mut cx);
            let starts = line_map::line_starts(&current);
            // Each line is read once per kind of construct, however many
            // constructs of that kind it holds.
            let mut found = std::collections::BTreeSet::new();
            for (at, construct) in cx.constructs.take() {
                let line = line_map::line_of(&starts, usize::from(at));
                if let Some(Some(origin)) = origins.get(line as usize)
                    && !origin.generated
                {
                    found.insert((origin.line, construct));
                }
            }
            constructs.extend(found.into_iter().filter(|&(line, construct)| {
                written_by_user(source, &source_starts, line, construct)
            }));
            match rewritten {
                Some(next) => {
                    let (next, pass_origins) = if cx.marks {
                        line_map::strip(&next, &current)
                    } else {
                        let pass_origins = line_map::diff_origins(&current, &next);
                        (next, pass_origins)
                    };
                    origins = line_map::compose(&origins, &pass_origins);
                    current = next;
                    written_by = Some(pass.name());
                }
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
    let prologue_line = line_map::line_count(&code);
    code.push_str(&prologue);
    code.push_str(&current[prologue_at..]);
    let mut map: Vec<Option<u32>> = origins.iter().map(|o| o.map(|o| o.line)).collect();
    let prologue_lines = text::count_line_breaks(&prologue);
    map.splice(
        prologue_line.min(map.len())..prologue_line.min(map.len()),
        std::iter::repeat_n(None, prologue_lines),
    );
    constructs.sort();
    constructs.dedup();
    if options.explain {
        (code, map) = explain::insert_comments(&code, &map, &constructs);
    }
    Ok(Output {
        code,
        changed: true,
        line_map: map.into_iter().map(|line| line.map(|l| l + 1)).collect(),
        constructs: constructs
            .into_iter()
            .map(|(line, construct)| (line + 1, construct))
            .collect(),
    })
}

/// Whether a construct found on a line copied from `source` line `line`
/// is the user's, rather than written by an earlier pass into a line that
/// starts with copied text (`n = await _unawait_anext(...)` from an
/// `async for n in ...` line): the user's line holds its keyword.
fn written_by_user(
    source: &str,
    starts: &[usize],
    line: u32,
    construct: explain::Construct,
) -> bool {
    let keyword = match construct {
        explain::Construct::Await => "await",
        explain::Construct::AsyncFor => "for",
        explain::Construct::AsyncWith => "with",
        _ => return true,
    };
    let start = starts.get(line as usize).copied().unwrap_or(source.len());
    let end = text::line_end(source, start);
    source[start..end].contains(keyword)
}

/// Which passes of [`passes::PIPELINE`] `options` select.
fn selected_passes(options: &Options) -> Result<Vec<bool>, Diagnostics> {
    let names: Vec<&str> = passes::PIPELINE.iter().map(|pass| pass.name()).collect();
    let unknown = |name: &str| {
        Diagnostics::single(Diagnostic::unsupported(
            TextRange::default(),
            format!(
                "no pass is named {name:?} (the passes are {})",
                names.join(", ")
            ),
        ))
    };
    if let Some(name) = &options.stop_after
        && !names.contains(&name.as_str())
    {
        return Err(unknown(name));
    }
    match &options.passes {
        None => Ok(vec![true; names.len()]),
        Some(chosen) => {
            if let Some(name) = chosen.iter().find(|name| !names.contains(&name.as_str())) {
                return Err(unknown(name));
            }
            Ok(names
                .iter()
                .map(|name| chosen.iter().any(|c| c == name))
                .collect())
        }
    }
}

/// A construct that an earlier, unselected pass would have rewritten and
/// that the pass at `index` cannot take as it is: the `coroutine` pass turns
/// `async def` into plain generator functions, where `async for`, `async
/// with` and async comprehensions are syntax errors. Returns its offset,
/// the skipped pass and the construct.
fn skipped_prerequisite(
    index: usize,
    selected: &[bool],
    module: &Module,
    text: &text::Text,
    cx: &passes::Context,
) -> Option<(usize, &'static str, explain::Construct)> {
    if passes::PIPELINE[index].name() != "coroutine" {
        return None;
    }
    for (earlier, pass) in passes::PIPELINE[..index].iter().enumerate() {
        if selected[earlier] || !pass.should_run(text.src) {
            continue;
        }
        let mut scratch = passes::Context {
            prefix: cx.prefix.clone(),
            sections: Default::default(),
            comprehensions: 0,
            marks: false,
            constructs: Default::default(),
        };
        pass.run(module, text, &mut scratch);
        if let Some((at, construct)) = scratch.constructs.take().into_iter().min() {
            return Some((usize::from(at), pass.name(), construct));
        }
    }
    None
}

/// Desugars a file's bytes: decodes them as CPython would, and encodes the
/// result the same way (encoding, BOM, line endings). Unchanged input comes
/// back byte for byte.
///
/// ```
/// use unawait::{Options, desugar_bytes};
///
/// // A Latin-1 file stays Latin-1, with its coding line and CRLF endings.
/// let input = b"# -*- coding: latin-1 -*-\r\nasync def f():\r\n    return '\xe9'\r\n";
/// let (output, changed) = desugar_bytes(input, &Options::default()).unwrap();
/// assert!(changed);
/// assert!(output.starts_with(b"# -*- coding: latin-1 -*-\r\n"));
/// let line = b"return '\xe9'\r\n";
/// assert!(output.windows(line.len()).any(|window| window == line));
///
/// // A file without async syntax comes back as it was.
/// let plain = b"x = 1\n";
/// assert_eq!(desugar_bytes(plain, &Options::default()).unwrap(), (plain.to_vec(), false));
///
/// // Errors come with the decoded text, to render them against.
/// let (text, diagnostics) = desugar_bytes(b"await x\n", &Options::default()).unwrap_err();
/// assert_eq!(
///     diagnostics.render("m.py", &text),
///     "m.py:1:1: SyntaxError: 'await' outside function\n    await x\n    ^^^^^^^\n"
/// );
/// ```
pub fn desugar_bytes(
    bytes: &[u8],
    options: &Options,
) -> Result<(Vec<u8>, bool), (String, Diagnostics)> {
    desugar_file(bytes, options).map(|file| (file.bytes, file.desugared.changed))
}

/// A file desugared by [`desugar_file`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOutput {
    /// The input, decoded.
    pub original: String,
    /// The output encoded like the input: what to write (the input's bytes
    /// when nothing changed).
    pub bytes: Vec<u8>,
    /// The output as text, with its line map and constructs.
    pub desugared: Output,
}

/// [`desugar_bytes`], keeping the text before and after as well (to diff
/// them, say).
///
/// ```
/// let input = "async def f():\n    return await g()\n";
/// let file = unawait::desugar_file(input.as_bytes(), &Default::default()).unwrap();
/// assert!(file.desugared.changed);
/// assert_eq!(file.original, input);
/// assert!(file.desugared.code.contains("return (yield from _unawait_await(g()))"));
/// assert_eq!(file.bytes, file.desugared.code.as_bytes());
/// ```
pub fn desugar_file(bytes: &[u8], options: &Options) -> Result<FileOutput, (String, Diagnostics)> {
    let source = source::decode(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let diagnostics =
            Diagnostics::at_line(&text, error.line, Severity::SyntaxError, error.message);
        (text, diagnostics)
    })?;
    let output = desugar(&source.text, options).map_err(|d| (source.text.clone(), d))?;
    if !output.changed {
        return Ok(FileOutput {
            original: source.text,
            bytes: bytes.to_vec(),
            desugared: output,
        });
    }
    let encoded = source::encode(&output.code, &source).map_err(|message| {
        let diagnostics =
            Diagnostics::single(Diagnostic::unsupported(TextRange::default(), message));
        (source.text.clone(), diagnostics)
    })?;
    Ok(FileOutput {
        original: source.text,
        bytes: encoded,
        desugared: output,
    })
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
/// limits, rewritten expressions (each `await` adds one level) past
/// [`syntax::MAX_NESTING`], or a bug in pass `written_by`. The error stands
/// at the 0-based input line `line` the failing code comes from, and names
/// the construct that pass rewrites there, so that even a bug points at the
/// input that shows it.
fn output_failure(
    source: &str,
    line: Option<u32>,
    written_by: Option<&str>,
    failure: &syntax::ParseFailure,
) -> Diagnostics {
    let message = &failure.message;
    let text = if message.starts_with("too many") {
        format!(
            "the desugared code would nest too deeply for CPython ({message}): each `async with` and `async for` adds two blocks; move some of the code into a function"
        )
    } else if failure.kind == ExceptionType::MemoryError {
        format!("the desugared code would nest too deeply ({message})")
    } else {
        let construct = match written_by {
            Some("async_comprehension") => "asynchronous comprehension",
            Some("async_for") => "'async for' statement",
            Some("async_with") => "'async with' statement",
            Some("coroutine") => "'async def' function",
            _ => "async construct",
        };
        format!(
            "cannot desugar this {construct}: its desugared form is not valid Python ({}: {message}); please report this",
            failure.kind
        )
    };
    match line {
        Some(line) => Diagnostics::at_line(source, line as usize + 1, Severity::Unsupported, text),
        None => Diagnostics::single(Diagnostic::unsupported(
            TextRange::empty(TextSize::new(0)),
            text,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pass bug is reported at the input line it shows on, naming the
    /// construct; never as an "internal error" without a place.
    #[test]
    fn unparsable_output_names_the_construct_and_its_line() {
        let source = "async def f():\n    return [x async for x in g()]\n";
        let failure = syntax::ParseFailure {
            range: TextRange::empty(TextSize::new(0)),
            kind: ExceptionType::SyntaxError,
            message: "invalid syntax".to_string(),
            unreadable: None,
        };
        let diagnostics = output_failure(source, Some(1), Some("async_comprehension"), &failure);
        assert_eq!(
            diagnostics.render("m.py", source),
            "m.py:2:1: error: cannot desugar this asynchronous comprehension: its desugared form is not valid Python (SyntaxError: invalid syntax); please report this\n        return [x async for x in g()]\n    ^\n"
        );
    }
}
