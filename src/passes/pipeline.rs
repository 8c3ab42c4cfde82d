//! Runs the selected passes of [`PIPELINE`] over a source, each on the
//! previous one's output, and keeps the origin of every line on the way.
//!
//! Everything about a pass the runner needs, the pass says through
//! [`Pass`]: whether to run at all ([`Pass::should_run`]), whether to run
//! again on its own output ([`Pass::repeats`]), which passes' constructs it
//! cannot take ([`Pass::requires`], found with [`Pass::first_site`] without
//! rendering), and how an error names what it rewrites
//! ([`Pass::construct`]). Adding a pass touches [`PIPELINE`] only.

use std::collections::BTreeSet;

use super::{Context, PIPELINE, Pass};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::explain::Construct;
use crate::line_index::{LineIndex, line_count};
use crate::line_map::{self, Origin};
use crate::runtime::{DEFAULT_PREFIX, Section};
use crate::syntax::{self, ExceptionType, Module, TextRange, TextSize, offset};
use crate::text::Text;

/// Which passes of [`PIPELINE`] run, and after which one the pipeline stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    runs: [bool; PIPELINE.len()],
    stop_after: Option<usize>,
}

impl Selection {
    /// The passes named in `passes` (all when `None`), up to `stop_after`;
    /// fails naming an unknown pass.
    pub fn new(passes: Option<&[String]>, stop_after: Option<&str>) -> Result<Self, String> {
        let index_of = |name: &str| {
            PIPELINE
                .iter()
                .position(|pass| pass.name() == name)
                .ok_or_else(|| {
                    let names: Vec<&str> = PIPELINE.iter().map(|pass| pass.name()).collect();
                    format!(
                        "no pass is named {name:?} (the passes are {})",
                        names.join(", ")
                    )
                })
        };
        let stop_after = stop_after.map(index_of).transpose()?;
        let mut runs = [passes.is_none(); PIPELINE.len()];
        for name in passes.unwrap_or_default() {
            runs[index_of(name)?] = true;
        }
        Ok(Selection { runs, stop_after })
    }
}

/// What the passes made of a source.
pub struct Rewritten {
    pub code: String,
    /// For each line of `code`, the 0-based source line it comes from.
    pub origins: Vec<Option<Origin>>,
    /// The constructs rewritten, at their 0-based source lines, in order.
    pub constructs: Vec<(u32, Construct)>,
    /// The runtime sections `code` calls into; empty when nothing changed.
    pub sections: BTreeSet<Section>,
    /// The prefix of every name the output introduces.
    pub prefix: String,
}

/// Runs the passes `selection` picks over `source`, parsed as `module`.
pub fn run_pipeline(
    source: &str,
    module: Module,
    selection: &Selection,
) -> Result<Rewritten, Diagnostics> {
    let mut run = Run::new(source);
    let mut parsed = Some(module);
    for (index, pass) in PIPELINE.iter().enumerate() {
        if selection.runs[index] && pass.should_run(&run.current) {
            parsed = run.pass(*pass, selection, parsed)?;
        }
        if selection.stop_after == Some(index) {
            break;
        }
    }
    let mut constructs = run.constructs;
    constructs.sort();
    constructs.dedup();
    Ok(Rewritten {
        code: run.current,
        origins: run.origins,
        constructs,
        sections: run.cx.sections,
        prefix: run.cx.prefix,
    })
}

/// The pipeline's state between passes.
struct Run<'s> {
    source: &'s str,
    source_lines: LineIndex,
    /// The latest pass's output.
    current: String,
    /// The origin of each line of `current` in `source`.
    origins: Vec<Option<Origin>>,
    constructs: Vec<(u32, Construct)>,
    cx: Context,
    /// The pass that wrote `current`, if one did.
    written_by: Option<&'static dyn Pass>,
}

impl<'s> Run<'s> {
    fn new(source: &'s str) -> Self {
        let origins = (0..line_count(source))
            .map(|line| {
                Some(Origin {
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    generated: false,
                })
            })
            .collect();
        Run {
            source,
            source_lines: LineIndex::new(source),
            current: source.to_string(),
            origins,
            constructs: Vec::new(),
            cx: Context::new(choose_prefix(source), !source.contains(line_map::MARK)),
            written_by: None,
        }
    }

    /// Runs `pass` (again, while it [`Pass::repeats`] and finds sites) on
    /// `current`, parsed as `parsed` when that is known. Returns the parse of
    /// `current` when the pass left it as it was.
    fn pass(
        &mut self,
        pass: &'static dyn Pass,
        selection: &Selection,
        mut parsed: Option<Module>,
    ) -> Result<Option<Module>, Diagnostics> {
        loop {
            let module = match parsed.take() {
                Some(module) => module,
                None => self.parse_current()?,
            };
            let (next, found) = {
                let text = Text::new(&self.current, &module);
                self.check_requirements(pass, selection, &module, &text)?;
                let rewritten = pass.run(&module, &text, &mut self.cx);
                let found = self.constructs_found(&text);
                let next = rewritten.map(|code| {
                    if self.cx.marks {
                        line_map::strip(&code, text.lines())
                    } else {
                        let origins = line_map::diff_origins(&self.current, &code);
                        (code, origins)
                    }
                });
                (next, found)
            };
            self.constructs.extend(found);
            let Some((code, origins)) = next else {
                return Ok(Some(module));
            };
            self.origins = line_map::compose(&self.origins, &origins);
            self.current = code;
            self.written_by = Some(pass);
            if !pass.repeats() {
                return Ok(None);
            }
        }
    }

    /// Parses the latest pass's output; failing, the error stands at the
    /// source line the failing code comes from.
    fn parse_current(&self) -> Result<Module, Diagnostics> {
        syntax::parse(&self.current).map_err(|failure| {
            let at = offset(failure.range.start());
            let line = LineIndex::new(&self.current).line(at);
            output_failure(
                self.source,
                self.origin_line(line),
                self.written_by,
                &failure,
            )
        })
    }

    /// The 0-based source line that line `line` of `current` comes from.
    fn origin_line(&self, line: u32) -> Option<u32> {
        self.origins
            .get(line as usize)
            .copied()
            .flatten()
            .map(|origin| origin.line)
    }

    /// Fails when a pass `pass` requires has not been selected and its
    /// constructs are in `module`: `pass` would leave them where they are a
    /// syntax error.
    fn check_requirements(
        &self,
        pass: &dyn Pass,
        selection: &Selection,
        module: &Module,
        text: &Text,
    ) -> Result<(), Diagnostics> {
        for (index, earlier) in PIPELINE.iter().enumerate() {
            if selection.runs[index]
                || !pass.requires().contains(&earlier.name())
                || !earlier.should_run(text.src)
            {
                continue;
            }
            if let Some((at, construct)) = earlier.first_site(module, text) {
                let line = self.origin_line(text.lines().line(offset(at))).unwrap_or(0);
                return Err(Diagnostics::at_line(
                    self.source,
                    line as usize + 1,
                    Severity::Unsupported,
                    format!(
                        "this {} needs the {skipped} pass: the {} pass would leave it in a generator function, where it is a syntax error; add {skipped} to the selected passes",
                        construct.syntax(),
                        pass.name(),
                        skipped = earlier.name(),
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The constructs the pass that just ran on `text` reported, at their
    /// source lines: each line once per kind of construct, and only where
    /// the user wrote it.
    fn constructs_found(&self, text: &Text) -> Vec<(u32, Construct)> {
        let found: BTreeSet<(u32, Construct)> = self
            .cx
            .constructs
            .take()
            .into_iter()
            .filter_map(|(at, construct)| {
                let line = text.lines().line(offset(at));
                let origin = (*self.origins.get(line as usize)?)?;
                (!origin.generated).then_some((origin.line, construct))
            })
            .collect();
        // Each line is read once per kind of construct, however many
        // constructs of that kind it holds.
        found
            .into_iter()
            .filter(|&(line, construct)| self.written_by_user(line, construct))
            .collect()
    }

    /// Whether a construct found on a line copied from source line `line`
    /// is the user's, rather than written by an earlier pass into a line that
    /// starts with copied text (`n = await _unawait_anext(...)` from an
    /// `async for n in ...` line): the user's line holds its keyword.
    fn written_by_user(&self, line: u32, construct: Construct) -> bool {
        let Some(keyword) = construct.keyword() else {
            return true;
        };
        let start = self
            .source_lines
            .start_of(line as usize)
            .unwrap_or(self.source.len());
        let end = crate::line_index::line_end(self.source, start);
        self.source[start..end].contains(keyword)
    }
}

/// A prefix no identifier of `source` uses: `_unawait`, else `_unawait1`, …
/// Checking the whole text (strings and comments too) keeps this cheap and
/// conservative.
fn choose_prefix(source: &str) -> String {
    let mut prefix = DEFAULT_PREFIX.to_string();
    let mut counter = 0;
    while source.contains(&format!("{prefix}_")) {
        counter += 1;
        prefix = format!("{DEFAULT_PREFIX}{counter}");
    }
    prefix
}

/// A pass produced code that does not parse: the rewritten blocks (each
/// `async with` and `async for` adds two levels) went past CPython's nesting
/// limits, rewritten expressions (each `await` adds one level) past
/// [`syntax::MAX_NESTING`], or a bug in pass `written_by`. The error stands
/// at the 0-based source line `line` the failing code comes from, and names
/// the construct that pass rewrites there, so that even a bug points at the
/// input that shows it.
fn output_failure(
    source: &str,
    line: Option<u32>,
    written_by: Option<&dyn Pass>,
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
        format!(
            "cannot desugar this {}: its desugared form is not valid Python ({}: {message}); please report this",
            written_by.map_or("async construct", |pass| pass.construct()),
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
        let comprehension = PIPELINE
            .iter()
            .find(|pass| pass.name() == "async_comprehension")
            .copied();
        let diagnostics = output_failure(source, Some(1), comprehension, &failure);
        assert_eq!(
            diagnostics.render("m.py", source),
            "m.py:2:1: error: cannot desugar this asynchronous comprehension: its desugared form is not valid Python (SyntaxError: invalid syntax); please report this\n        return [x async for x in g()]\n    ^\n"
        );
    }

    #[test]
    fn selection_names_unknown_passes_and_keeps_pipeline_order() {
        let chosen = ["coroutine".to_string(), "async_for".to_string()];
        let selection = Selection::new(Some(&chosen), None).unwrap();
        assert_eq!(selection.runs, [false, true, false, true]);
        assert_eq!(
            Selection::new(None, Some("awaits")).unwrap_err(),
            "no pass is named \"awaits\" (the passes are async_comprehension, async_for, async_with, coroutine)"
        );
    }

    #[test]
    fn prefix_avoids_every_name_in_the_source() {
        assert_eq!(choose_prefix("x = 1\n"), "_unawait");
        assert_eq!(choose_prefix("_unawait_x = _unawait1_y\n"), "_unawait2");
    }
}
