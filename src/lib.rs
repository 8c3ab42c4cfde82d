//! `unawait` desugars Python's async syntax into the generator-based code
//! PEP 492 describes, keeping every other byte of the file as it was.
//!
//! ```
//! let source = "async def answer(db):\n    return await db.compute()\n";
//! let output = unawait::desugar(source, &unawait::Options::default()).unwrap();
//! assert!(output.code.contains("return (yield from _unawait_await(db.compute()))"));
//! assert!(!output.code.contains("async def"));
//! ```
//!
//! The library is [`desugar`] (text), [`desugar_bytes`] and
//! [`desugar_file`] (a file's bytes, decoded and encoded as CPython reads
//! them, also [`decode`] alone), their [`Options`] and [`Output`], the
//! errors in [`diagnostic`], the `[tool.unawait]` settings in [`config`],
//! the runtime's source in [`runtime`], the round-trip executor in
//! [`verify`], and the learning views in [`views`]. The parser adapter, the
//! passes and the printer are private: their shape changes with the parser.
//!
//! ```
//! use unawait::diagnostic::{Diagnostic, Diagnostics, ExceptionType, Location, Severity};
//! use unawait::{Construct, FileOutput, Options, Output, Pass, RuntimeMode};
//!
//! let options = Options { runtime: RuntimeMode::Import, ..Options::default() };
//! let file: FileOutput = unawait::desugar_file(b"async def f():\n    await g()\n", &options).unwrap();
//! let output: &Output = &file.desugared;
//! assert_eq!(output.constructs, [(1, Construct::AsyncDef), (2, Construct::AwaitCall)]);
//! let passes: Vec<Pass> = unawait::passes().collect();
//! assert_eq!(passes.len(), 4);
//!
//! let error: Diagnostics = unawait::desugar("def f(:\n", &options).unwrap_err();
//! let first: &Diagnostic = &error.0[0];
//! assert_eq!((first.severity, first.exception), (Severity::SyntaxError, ExceptionType::SyntaxError));
//! let at: Location = first.location("def f(:\n");
//! assert_eq!((at.line, at.column), (1, 7));
//! ```

// The Rust examples of the library's guide run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../docs/library.md")]
struct LibraryGuideExamples;

/// The internals stay out of the public API; each of these fails to
/// compile.
///
/// ```compile_fail
/// use unawait::syntax;
/// ```
/// ```compile_fail
/// use unawait::passes::PIPELINE;
/// ```
/// ```compile_fail
/// use unawait::text;
/// ```
/// ```compile_fail
/// use unawait::line_map;
/// ```
/// ```compile_fail
/// use unawait::line_index;
/// ```
/// ```compile_fail
/// use unawait::source;
/// ```
/// ```compile_fail
/// use unawait::check;
/// ```
/// ```compile_fail
/// use unawait::explain;
/// ```
#[cfg(doctest)]
struct PrivateInternals;

mod check;
pub mod config;
pub mod diagnostic;
mod explain;
mod line_index;
mod line_map;
mod passes;
pub mod runtime;
mod source;
mod syntax;
mod text;
pub mod verify;
pub mod views;

use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use explain::Construct;
use line_index::{count_line_breaks, line_count, line_ending};
pub use runtime::RuntimeMode;
pub use syntax::MAX_NESTING;
use syntax::{Module, TextRange};

/// How to desugar.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Copy the runtime helpers into the output, or import them.
    pub runtime: RuntimeMode,
    /// Run the pipeline only up to and including this pass (see
    /// [`passes()`]); the output then still holds the async syntax
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
    pub constructs: Vec<(u32, Construct)>,
    /// The generator functions of `code` that the runtime's decorator
    /// makes a coroutine or async generator function of, as the code
    /// objects compiled from `code` for them read: the 1-based line of the
    /// function's first decorator (`co_firstlineno`) and its name
    /// (`co_name`). The import hook flags those code objects as
    /// `types.coroutine` would, once, before they are cached. See
    /// [`decorated_bodies`].
    pub bodies: Vec<(u32, String)>,
}

impl Output {
    /// The output for a source left as it is: the same text, each line from
    /// itself.
    pub fn unchanged(source: &str) -> Output {
        Output {
            code: source.to_string(),
            changed: false,
            line_map: (1..=line_count(source))
                .map(|line| u32::try_from(line).ok())
                .collect(),
            constructs: Vec::new(),
            bodies: Vec::new(),
        }
    }
}

/// A pass of the pipeline [`desugar`] runs, in order (see
/// [`Options::passes`] and [`Options::stop_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    /// The name `--passes` and `--stop-after` take.
    pub name: &'static str,
    /// One line on what it rewrites.
    pub description: &'static str,
}

/// The passes, in the order they run.
///
/// ```
/// let names: Vec<&str> = unawait::passes().map(|pass| pass.name).collect();
/// assert_eq!(names, ["async_comprehension", "async_for", "async_with", "coroutine"]);
/// ```
pub fn passes() -> impl Iterator<Item = Pass> {
    passes::PIPELINE.iter().map(|pass| Pass {
        name: pass.name(),
        description: pass.description(),
    })
}

/// Stack for the thread [`desugar`] works on. Parsing and rewriting recurse
/// over the syntax tree; CPython's tokenizer bounds brackets and blocks, but
/// not chains like `- - - x` or `a.b.c…`, which a 1 MB line can nest a
/// million deep. The memory is reserved, not used, until input needs it.
pub const STACK_SIZE: usize = 512 << 20;

/// The most stack [`desugar`] may take per byte of input, whatever the input.
/// Input nests at most one level per byte (`----x`), and the stack a level
/// takes hardly depends on what nests: measured end to end (the smallest
/// thread stack `desugar` then completes on, found by bisection, at two
/// depths, the difference over the bytes between) for chains of unary
/// operators, `not`, attributes, calls, subscripts, binary operators,
/// powers, conditionals and lambdas, unary chains over several lines in
/// brackets, around an `await`, in an `async with` or `async for` header,
/// in (nested) async comprehensions, defaults, decorators and f-strings,
/// at module level and in async functions, and unfinished: at most 3.7 KiB
/// a byte in a debug build (unary operators), 113 bytes in a release build
/// (a unary chain in an async comprehension), with the imported runtime on
/// x86-64 Linux. Bracketed nesting stops at CPython's 200 levels, blocks at
/// 100. Over twice the debug build's worst, so that no build of any input
/// overflows; on an 8 MiB main thread that keeps input up to about 1 KB on
/// the caller's stack.
const STACK_PER_BYTE: usize = 8 << 10;

/// Stack [`desugar`] keeps free besides [`STACK_PER_BYTE`]: an empty module
/// takes 18 KiB.
const STACK_BASE: usize = 256 << 10;

/// Desugars every async construct in `source`.
///
/// Fails with CPython's SyntaxError wording for input CPython rejects, and
/// with an "unsupported" diagnostic for constructs not handled yet. The work
/// runs on a [`STACK_SIZE`] stack, so deeply nested input cannot overflow
/// the caller's stack: the caller's own thread switched to a stack of its
/// own, not a new thread, which a busy machine may take longer to schedule
/// than a small file takes to desugar (the import hook desugars one module
/// at a time). Input small enough that the caller's stack has room for
/// however deep it can nest (see [`STACK_PER_BYTE`]) is desugared right
/// there: mapping, faulting in and unmapping a fresh stack cost a small
/// module a tenth of its time.
pub fn desugar(source: &str, options: &Options) -> Result<Output, Diagnostics> {
    if ON_LARGE_STACK.get() {
        return desugar_here(source, options);
    }
    let needed = source
        .len()
        .saturating_mul(STACK_PER_BYTE)
        .saturating_add(STACK_BASE);
    if stacker::remaining_stack().is_some_and(|remaining| remaining >= needed) {
        return desugar_here(source, options);
    }
    let mut started = false;
    let grown = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stacker::grow(STACK_SIZE, || {
            started = true;
            desugar_here(source, options)
        })
    }));
    match grown {
        Ok(result) => result,
        Err(panic) if started => std::panic::resume_unwind(panic),
        // No memory to be had for the stack (resource limits): try on this one.
        Err(_) => desugar_here(source, options),
    }
}

thread_local! {
    /// Whether this thread's stack is [`STACK_SIZE`] (see
    /// [`spawn_with_large_stack`]).
    static ON_LARGE_STACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts `work` on a thread of `scope` with a [`STACK_SIZE`] stack.
/// [`desugar`] called on such a thread works on it directly; elsewhere it
/// switches to such a stack for input the caller's stack may be too small
/// for. The command line runs all its work on these.
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

/// Runs `work` on every job, on as many threads as there are cores (or as
/// `UNAWAIT_THREADS` says), each with a [`STACK_SIZE`] stack so that jobs
/// that desugar need no thread of their own; returns the results in job
/// order.
pub fn parallel_map<J: Sync, R: Send>(jobs: &[J], work: impl Fn(&J) -> R + Sync) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new((0..jobs.len()).map(|_| None).collect::<Vec<Option<R>>>());
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let threads = std::env::var("UNAWAIT_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cores);
    let threads = threads.clamp(1, jobs.len().max(1));
    let worker = || {
        loop {
            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let result = work(job);
            results
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)[index] = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            // Large stacks, so that jobs that desugar need no thread of
            // their own (see `desugar`).
            if spawn_with_large_stack(scope, worker).is_err() {
                scope.spawn(worker);
            }
        }
    });
    results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .map(|result| result.expect("every job ran"))
        .collect()
}

/// [`desugar`] on the current thread: parse and check, run the passes,
/// put the runtime in, comment if asked.
fn desugar_here(source: &str, options: &Options) -> Result<Output, Diagnostics> {
    let selection =
        passes::Selection::new(options.passes.as_deref(), options.stop_after.as_deref()).map_err(
            |message| Diagnostics::single(Diagnostic::unsupported(TextRange::default(), message)),
        )?;
    let Some(module) = parse_and_check(source, options)? else {
        return Ok(Output::unchanged(source));
    };
    let prologue_at = prologue_offset(source, &module);
    let rewritten = passes::run_pipeline(source, module, &selection)?;
    if rewritten.sections.is_empty() {
        return Ok(Output::unchanged(source));
    }
    let (code, map) = with_prologue(
        &rewritten,
        prologue_at,
        options.runtime,
        line_ending(source),
    );
    let (code, map) = if options.explain {
        explain::insert_comments(&code, &map, &rewritten.constructs)
    } else {
        (code, map)
    };
    let bodies = decorated_bodies(&code, &rewritten.prefix);
    Ok(Output {
        code,
        changed: true,
        line_map: map.into_iter().map(|line| line.map(|l| l + 1)).collect(),
        constructs: rewritten
            .constructs
            .into_iter()
            .map(|(line, construct)| (line + 1, construct))
            .collect(),
        bodies,
    })
}

/// [`Output::bodies`] of `code`, whose names start with `prefix`: each
/// function right below a line `@{prefix}_coroutine` or
/// `@{prefix}_async_generator`. No text of the input holds `{prefix}_`,
/// so every such line is one the passes wrote. The first decorator is the
/// first of the lines starting with `@` at the function's indentation
/// right above it; where a decorator spans lines that finds none of its
/// lines, and no code object has that line and name: the function is
/// then flagged by the decorator when it runs, as without the hook.
///
/// One `memmem` over the output, lines counted only up to each decorator
/// found: this runs for every file desugared.
fn decorated_bodies(code: &str, prefix: &str) -> Vec<(u32, String)> {
    let marker = format!("@{prefix}_");
    let mut bodies = Vec::new();
    let (mut counted_to, mut line) = (0, 0);
    for at in memchr::memmem::find_iter(code.as_bytes(), marker.as_bytes()) {
        let start = line_index::line_start(code, at);
        let indent = &code[start..at];
        let decorator = &code[at + marker.len()..line_index::line_end(code, at)];
        if !indent.bytes().all(|byte| byte == b' ' || byte == b'\t')
            || !matches!(decorator, "coroutine" | "async_generator")
        {
            continue;
        }
        let Some(name) = line_index::next_line_start(code, at)
            .map(|below| &code[below..line_index::line_end(code, below)])
            .and_then(|below| below.strip_prefix(indent)?.strip_prefix("def "))
            .map(|rest| rest.split('(').next().unwrap_or_default().trim())
            .filter(|name| {
                !name.is_empty()
                    && name
                        .bytes()
                        .all(|byte| byte == b'_' || byte.is_ascii_alphanumeric())
            })
        else {
            continue;
        };
        let mut first = start;
        while let Some(above) = previous_line_start(code, first)
            && code[above..]
                .strip_prefix(indent)
                .is_some_and(|rest| rest.starts_with('@'))
        {
            first = above;
        }
        line += count_line_breaks(&code[counted_to..first]);
        counted_to = first;
        bodies.push((
            u32::try_from(line + 1).unwrap_or(u32::MAX),
            name.to_string(),
        ));
    }
    bodies
}

/// Where the line before the one starting at `start` starts.
fn previous_line_start(code: &str, start: usize) -> Option<usize> {
    let end = start.checked_sub(1)?;
    // A `\r\n` ends the line above as one break.
    let end = if code.as_bytes()[end] == b'\n' && code[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    Some(line_index::line_start(code, end))
}

/// Parses `source` and makes CPython's compile-time checks; `None` when
/// there is nothing to rewrite (no async syntax, or valid syntax the parser
/// cannot read in a file without any).
fn parse_and_check(source: &str, options: &Options) -> Result<Option<Module>, Diagnostics> {
    let module = match syntax::parse_for(source, options.target_version) {
        Ok(module) => module,
        Err(syntax::ParseFailure {
            unreadable: Some(unreadable),
            range,
            message,
            ..
        }) => {
            return if unreadable.has_async_syntax {
                Err(Diagnostics::single(Diagnostic::unsupported(range, message)))
            } else {
                Ok(None)
            };
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
    // Everything the checker and the passes act on holds an `async` or
    // `await` keyword; most files have neither and need no further walk.
    if !module.has_async_syntax {
        return Ok(None);
    }
    let problems = check::check(
        &module.body,
        options.target_version.unwrap_or(check::DEFAULT_VERSION),
    );
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(Some(module))
}

/// The pipeline's output with the runtime prologue (the helpers, or their
/// import) at `prologue_at`, and the 0-based source line of each line.
fn with_prologue(
    rewritten: &passes::Rewritten,
    prologue_at: usize,
    runtime: RuntimeMode,
    newline: &str,
) -> (String, Vec<Option<u32>>) {
    let current = &rewritten.code;
    let prologue = runtime::prologue(
        &rewritten.sections,
        runtime,
        &rewritten.prefix,
        newline,
        current,
    );
    let mut code = String::with_capacity(current.len() + prologue.len() + 2);
    code.push_str(&current[..prologue_at]);
    if prologue_at > 0 && !current[..prologue_at].ends_with(['\n', '\r']) {
        code.push_str(newline);
    }
    let prologue_line = line_count(&code);
    code.push_str(&prologue);
    code.push_str(&current[prologue_at..]);
    let mut map: Vec<Option<u32>> = rewritten
        .origins
        .iter()
        .map(|origin| origin.map(|origin| origin.line))
        .collect();
    map.splice(
        prologue_line.min(map.len())..prologue_line.min(map.len()),
        std::iter::repeat_n(None, count_line_breaks(&prologue)),
    );
    (code, map)
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
/// let input = "async def f(db):\n    return await db.get()\n";
/// let file = unawait::desugar_file(input.as_bytes(), &Default::default()).unwrap();
/// assert!(file.desugared.changed);
/// assert_eq!(file.original, input);
/// assert!(file.desugared.code.contains("return (yield from _unawait_await(db.get()))"));
/// assert_eq!(file.bytes, file.desugared.code.as_bytes());
/// ```
pub fn desugar_file(bytes: &[u8], options: &Options) -> Result<FileOutput, (String, Diagnostics)> {
    let source = source::decode(bytes).map_err(|error| decode_failure(bytes, error))?;
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

/// Decodes Python source as CPython does (PEP 263 and PEP 3120): a UTF-8
/// BOM or a coding cookie in the first two lines names the encoding, UTF-8
/// otherwise. Errors come with the text as far as it could be read, to
/// render them against.
///
/// ```
/// let text = unawait::decode(b"# coding: latin-1\nname = '\xe9'\n").unwrap();
/// assert_eq!(text, "# coding: latin-1\nname = '\u{e9}'\n");
///
/// let (text, diagnostics) = unawait::decode(b"name = '\xe9'\n").unwrap_err();
/// assert!(diagnostics.render("m.py", &text).starts_with("m.py:1:1: SyntaxError: "));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, (String, Diagnostics)> {
    source::decode(bytes)
        .map(|source| source.text)
        .map_err(|error| decode_failure(bytes, error))
}

fn decode_failure(bytes: &[u8], error: source::DecodeError) -> (String, Diagnostics) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let diagnostics = Diagnostics::at_line(&text, error.line, Severity::SyntaxError, error.message);
    (text, diagnostics)
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
            let line_start = line_index::line_start(source, at);
            // A statement sharing its line with a future import stays after it.
            if leading > 0
                && usize::from(syntax::Ranged::end(&module.body[leading - 1])) > line_start
            {
                line_index::next_line_start(source, at).unwrap_or(source.len())
            } else {
                line_start
            }
        }
        None => source.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::LineIndex;

    fn bodies(source: &str) -> Vec<(u32, String)> {
        let options = Options {
            runtime: RuntimeMode::Import,
            ..Options::default()
        };
        desugar(source, &options).expect("desugars").bodies
    }

    /// Each function the runtime's decorator makes a coroutine or async
    /// generator function of, at its first decorator's line; nothing else;
    /// with each kind of line break.
    #[test]
    fn bodies_are_the_decorated_generators_at_their_first_decorator() {
        let source = "\
import functools


@functools.cache
async def cached():
    return [x async for x in source()]


class C:
    async def agen(self):
        yield 1


def gen():
    yield 2
";
        for newline in ["\n", "\r\n", "\r"] {
            let source = source.replace('\n', newline);
            let output = desugar(
                &source,
                &Options {
                    runtime: RuntimeMode::Import,
                    ..Options::default()
                },
            )
            .expect("desugars");
            let line_of = |text: &str| -> u32 {
                let at = output.code.find(text).expect(text);
                LineIndex::new(&output.code).line(at) + 1
            };
            let mut found = output.bodies.clone();
            found.sort();
            let mut expected = vec![
                (line_of("@functools.cache"), "cached".to_string()),
                (line_of("    @_unawait_async_generator"), "agen".to_string()),
                (
                    line_of("@_unawait_comprehension"),
                    "_unawait_listcomp_1".to_string(),
                ),
            ];
            expected.sort();
            assert_eq!(found, expected, "{newline:?}: {}", output.code);
        }
    }

    /// Input without `{prefix}_` text cannot fake one: the prefix moves on.
    #[test]
    fn text_that_looks_like_a_decorator_is_not_a_body() {
        let source = "\
s = '''
@_unawait_coroutine
def fake():
'''


async def real():
    pass
";
        assert_eq!(
            bodies(source)
                .into_iter()
                .map(|(_, name)| name)
                .collect::<Vec<_>>(),
            ["real"]
        );
    }

    /// A decorator over several lines hides the first line: the line given
    /// is the runtime decorator's own, which no code object starts at (the
    /// function's starts at `@decorate(`), so the hook flags nothing and
    /// the decorator flags the function as it runs.
    #[test]
    fn a_decorator_over_several_lines_gives_a_line_no_code_starts_at() {
        let source = "\
@decorate(
    1,
)
async def spread():
    pass
";
        let found = bodies(source);
        assert_eq!(found, [(7, "spread".to_string())]);
    }
}
