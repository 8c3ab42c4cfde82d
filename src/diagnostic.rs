//! Errors reported against the input: where, what, and the line with a caret.

use std::fmt;

use crate::line_index::{LineIndex, line_end, next_line_start};
pub use crate::syntax::ExceptionType;
use crate::syntax::{TextRange, size};

/// What kind of problem a diagnostic reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Input CPython itself rejects; the message is CPython's wording.
    SyntaxError,
    /// Valid Python that `unawait` cannot rewrite (yet).
    Unsupported,
}

/// One problem in the input, located by byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub range: TextRange,
    pub message: String,
    /// CPython's exception type for a syntax error (unsupported input is
    /// reported as a `SyntaxError` too, where an exception is wanted).
    pub exception: ExceptionType,
}

impl Diagnostic {
    pub fn syntax_error(range: TextRange, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::SyntaxError,
            range,
            message: message.into(),
            exception: ExceptionType::SyntaxError,
        }
    }

    pub fn unsupported(range: TextRange, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Unsupported,
            range,
            message: message.into(),
            exception: ExceptionType::SyntaxError,
        }
    }

    /// Where the diagnostic is in `source`: 1-based lines, and 1-based
    /// columns counting characters, as CPython's `SyntaxError.offset` and
    /// `end_offset` do (the end is exclusive).
    pub fn location(&self, source: &str) -> Location {
        self.located(source, &LineIndex::new(source))
    }

    /// [`Diagnostic::location`] with the source's `lines` indexed.
    fn located(&self, source: &str, lines: &LineIndex) -> Location {
        let (start, end) = self.clamped_range(source);
        let line_and_column = |at: usize| {
            let (index, line_start) = lines.line_and_start(source, at);
            (index + 1, source[line_start..at].chars().count() + 1)
        };
        let (line, column) = line_and_column(start);
        let (end_line, end_column) = line_and_column(end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    fn clamped_range(&self, source: &str) -> (usize, usize) {
        let start = usize::from(self.range.start()).min(source.len());
        let end = usize::from(self.range.end()).clamp(start, source.len());
        (start, end)
    }

    /// What the first line calls the problem: the exception type of a
    /// syntax error, `error` for unsupported input.
    pub fn kind(&self) -> &'static str {
        match self.severity {
            Severity::SyntaxError => self.exception.name(),
            Severity::Unsupported => "error",
        }
    }

    /// Renders `path:line:col: Kind: message`, the source line, and a caret
    /// under the offending range (on its first line). Columns are 1-based and
    /// count characters, as CPython's `SyntaxError.offset` does.
    pub fn render(&self, path: &str, source: &str) -> String {
        self.render_in(path, source, &LineIndex::new(source))
    }

    /// [`Diagnostic::render`] with the source's `lines` indexed.
    fn render_in(&self, path: &str, source: &str, lines: &LineIndex) -> String {
        let (start, end) = self.clamped_range(source);
        let Location { line, column, .. } = self.located(source, lines);
        let line_start = lines.line_start(source, start);
        let line_end = line_end(source, start);
        let source_line = &source[line_start..line_end];
        let underline = source[start..end.min(line_end)].chars().count().max(1);
        let pad: String = source[line_start..start]
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        format!(
            "{path}:{line}:{column}: {kind}: {message}\n    {source_line}\n    {pad}{carets}\n",
            kind = self.kind(),
            message = self.message,
            carets = "^".repeat(underline),
        )
    }
}

/// A diagnostic's place in its source, 1-based (see [`Diagnostic::location`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Everything that went wrong with one input; `desugar` fails with this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn single(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }

    /// A diagnostic at a 1-based line, for problems found before parsing.
    pub fn at_line(source: &str, line: usize, severity: Severity, message: String) -> Self {
        let mut offset = 0;
        for _ in 1..line {
            match next_line_start(source, offset) {
                Some(next) => offset = next,
                None => break,
            }
        }
        let at = size(offset);
        Self::single(Diagnostic {
            severity,
            range: TextRange::empty(at),
            message,
            exception: ExceptionType::SyntaxError,
        })
    }

    pub fn render(&self, path: &str, source: &str) -> String {
        let lines = LineIndex::new(source);
        self.0
            .iter()
            .map(|d| d.render_in(path, source, &lines))
            .collect()
    }

    /// Each diagnostic with its [`Location`] in `source` (whose lines are
    /// indexed once: locating each of many diagnostics by counting the line
    /// breaks before it would take time that grows with the square of the
    /// file).
    pub fn located(&self, source: &str) -> Vec<(&Diagnostic, Location)> {
        let lines = LineIndex::new(source);
        self.0
            .iter()
            .map(|d| (d, d.located(source, &lines)))
            .collect()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{}", diagnostic.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::TextSize;

    #[test]
    fn renders_location_line_and_caret() {
        let source = "async def f():\n    pass\nawait g()\n";
        let range = TextRange::new(TextSize::new(24), TextSize::new(33));
        let rendered =
            Diagnostic::syntax_error(range, "'await' outside function").render("m.py", source);
        assert_eq!(
            rendered,
            "m.py:3:1: SyntaxError: 'await' outside function\n    await g()\n    ^^^^^^^^^\n"
        );
    }

    #[test]
    fn columns_count_characters_and_keep_tabs() {
        let source = "def f():\n\tx = 'é'; await y\n";
        let start = source.find("await").unwrap() as u32;
        let range = TextRange::new(TextSize::new(start), TextSize::new(start + 7));
        let rendered = Diagnostic::syntax_error(range, "m").render("m.py", source);
        assert!(
            rendered.starts_with("m.py:2:11: SyntaxError: m\n"),
            "{rendered}"
        );
        assert!(
            rendered.ends_with("\n    \t         ^^^^^^^\n"),
            "{rendered}"
        );
    }
}
