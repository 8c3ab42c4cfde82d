//! Reading the original source by range and writing code that fits it.
//!
//! [`Text`] plays the roles ruff splits into a `Locator` (slices, lines) and a
//! `Stylist` (the file's newline, indentation unit and quote). Its central
//! operation is [`Text::push_reindented`]: copy original text while adding
//! indentation to each line, except lines that begin inside a string literal,
//! whose contents must never change.

use std::cell::OnceCell;

use crate::line_index::{LineIndex, line_end, line_ending, next_line_start};
use crate::syntax::{Module, TextRange, offset, size};

pub struct Text<'a> {
    pub src: &'a str,
    strings: &'a [TextRange],
    comments: &'a [TextRange],
    /// The file's newline sequence, used for every line `unawait` writes.
    pub newline: &'static str,
    /// One level of indentation as the file writes it.
    pub indent_unit: &'a str,
    /// The quote character for string literals `unawait` writes.
    pub quote: char,
    /// The text's lines, indexed on first use.
    lines: OnceCell<LineIndex>,
}

impl<'a> Text<'a> {
    pub fn new(src: &'a str, module: &'a Module) -> Self {
        Self {
            src,
            strings: &module.string_ranges,
            comments: &module.comment_ranges,
            newline: line_ending(src),
            indent_unit: module
                .first_indent
                .as_deref()
                .filter(|unit| !unit.is_empty())
                .unwrap_or("    "),
            quote: module.first_quote.unwrap_or('"'),
            lines: OnceCell::new(),
        }
    }

    pub fn slice(&self, range: TextRange) -> &'a str {
        &self.src[range]
    }

    /// The text's lines.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.src))
    }

    /// Offset of the start of the line holding `at`, as
    /// [`crate::line_index::line_start`] finds it.
    pub fn line_start(&self, at: usize) -> usize {
        self.lines().line_start(self.src, at)
    }

    /// Offset of the newline ending the line holding `at` (or the end of file).
    pub fn line_end(&self, at: usize) -> usize {
        line_end(self.src, at)
    }

    /// The leading whitespace of the line holding `at`, from after the last
    /// form feed in it (CPython counts columns from zero after one).
    pub fn indentation(&self, at: usize) -> &'a str {
        let start = self.line_start(at);
        let line = &self.src[start..];
        let width = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
        let leading = &line[..width];
        leading.rfind('\x0c').map_or(leading, |i| &leading[i + 1..])
    }

    /// Whether only whitespace stands between the start of its line and `at`.
    /// Read backwards from `at` to the line break, without looking the line
    /// up: passes ask this for every statement.
    pub fn starts_line(&self, at: usize) -> bool {
        self.src.as_bytes()[..at]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))
            .is_none_or(|b| matches!(b, b'\n' | b'\r'))
    }

    /// Whether `at` lies strictly inside a string literal token.
    fn inside_string(&self, at: usize) -> bool {
        let at = size(at);
        let index = self.strings.partition_point(|r| r.start() < at);
        index > 0 && self.strings[index - 1].end() > at
    }

    /// Extends the end of a statement over a trailing `;` and a comment on the
    /// same line, so that moving a block moves what visually belongs to it.
    pub fn statement_tail(&self, end: usize) -> usize {
        let rest = &self.src[end..];
        let mut tail = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = tail.strip_prefix(';') {
            tail = after.trim_start_matches([' ', '\t']);
        }
        if tail.starts_with('#') {
            let comment_end = tail.find(['\n', '\r']).unwrap_or(tail.len());
            tail = &tail[comment_end..];
        }
        if tail.is_empty() || tail.starts_with(['\n', '\r']) {
            self.src.len() - tail.len()
        } else {
            end
        }
    }

    /// Appends `range` of the source to `out`, adding `extra` at the start of
    /// every line that begins inside `range` — except blank lines (to keep
    /// them free of trailing whitespace) and lines that begin inside a string
    /// literal. After a form feed in the leading whitespace, CPython counts
    /// columns from zero, so `extra` goes after the last form feed.
    pub fn push_reindented(&self, out: &mut String, range: TextRange, extra: &str) {
        let (start, end) = (offset(range.start()), offset(range.end()));
        if extra.is_empty() {
            out.push_str(&self.src[start..end]);
            return;
        }
        let mut copied = start;
        let mut at = start;
        while at < end {
            if self.takes_extra_indentation(at) {
                // Only the line's leading whitespace and what follows it
                // matter: reading the whole line would make copying many
                // small pieces of one long line quadratic.
                let rest = &self.src[at..];
                let after_blanks = rest.trim_start_matches([' ', '\t', '\x0c']);
                let leading = &rest[..rest.len() - after_blanks.len()];
                if !after_blanks.is_empty() && !after_blanks.starts_with(['\n', '\r']) {
                    let after_form_feed = leading.rfind('\x0c').map_or(0, |i| i + 1);
                    let insert_at = (at + after_form_feed).min(end);
                    out.push_str(&self.src[copied..insert_at]);
                    out.push_str(extra);
                    copied = insert_at;
                }
            }
            // The next line start within the range, not past it.
            at = match self.src[at..end].find(['\n', '\r']) {
                Some(break_at) => {
                    next_line_start(self.src, at + break_at).map_or(end, |next| next.min(end))
                }
                None => end,
            };
        }
        out.push_str(&self.src[copied..end]);
    }

    /// Whether a line starts at `at` that moving code deeper indents: every
    /// line but those starting inside a string literal, whose text is the
    /// string's value.
    pub fn takes_extra_indentation(&self, at: usize) -> bool {
        let line_start = at == 0 || matches!(self.src.as_bytes()[at - 1], b'\n' | b'\r');
        line_start && !self.inside_string(at)
    }

    /// The indentation one level deeper than a block header at `header`,
    /// read from the block's first statement at `body` when it has its own
    /// line, else the file's unit — unless that would mix tabs into a
    /// header indented with spaces or the reverse.
    pub fn block_unit(&self, header: usize, body: usize) -> String {
        let outer = self.indentation(header);
        if self.starts_line(body)
            && self.line_start(body) != self.line_start(header)
            && let Some(unit) = self.indentation(body).strip_prefix(outer)
            && !unit.is_empty()
        {
            return unit.to_string();
        }
        match outer.chars().next() {
            Some('\t') if !self.indent_unit.starts_with('\t') => "\t".to_string(),
            Some(' ') if !self.indent_unit.starts_with(' ') => "    ".to_string(),
            _ => self.indent_unit.to_string(),
        }
    }

    /// The first offset at or after `from` that is not whitespace, a line
    /// break, a backslash continuation or a comment.
    pub fn skip_trivia(&self, from: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            match bytes[at] {
                b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\' => at += 1,
                b'#' => at = self.line_end(at),
                _ => break,
            }
        }
        at
    }

    /// The comments lying within `range`.
    pub fn comments_in(&self, range: TextRange) -> &'a [TextRange] {
        let first = self.comments.partition_point(|c| c.start() < range.start());
        let last = self.comments.partition_point(|c| c.start() < range.end());
        &self.comments[first..last]
    }

    /// A string literal in the file's quote style.
    pub fn quoted(&self, value: &str) -> String {
        format!("{q}{value}{q}", q = self.quote)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{TextSize, parse};

    fn reindent(src: &str, extra: &str) -> String {
        let module = parse(src).unwrap();
        let text = Text::new(src, &module);
        let mut out = String::new();
        text.push_reindented(
            &mut out,
            TextRange::new(TextSize::new(0), TextSize::of(src)),
            extra,
        );
        out
    }

    #[test]
    fn reindent_skips_multiline_string_contents_and_blank_lines() {
        let src = "x = '''a\nb'''\n\ny = f\"\"\"{1}\nc\"\"\"\nz = 'p\\\nq'\n";
        assert_eq!(
            reindent(src, "  "),
            "  x = '''a\nb'''\n\n  y = f\"\"\"{1}\nc\"\"\"\n  z = 'p\\\nq'\n"
        );
    }

    #[test]
    fn reindent_puts_extra_after_form_feed_and_handles_crlf() {
        assert_eq!(
            reindent("if a:\r\n\x0c  b = 2\r\n", "\t"),
            "\tif a:\r\n\x0c\t  b = 2\r\n"
        );
    }

    #[test]
    fn statement_tail_takes_semicolon_and_comment() {
        let src = "x = 1;  # note\ny = 2; z = 3\n";
        let module = parse(src).unwrap();
        let text = Text::new(src, &module);
        assert_eq!(text.statement_tail(5), src.find("\ny").unwrap());
        assert_eq!(
            text.statement_tail(src.find("; z").unwrap()),
            src.find("; z").unwrap()
        );
    }
}
