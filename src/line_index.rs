//! Lines of a text, as CPython's tokenizer reads them: a line ends at `\n`,
//! `\r\n` or a lone `\r`.
//!
//! A leaf module: it imports nothing from the rest of the crate, so every
//! module that counts lines (the printer, the line map, diagnostics, the
//! decoder, the parser adapter) can use it without depending on the others.
//! [`LineIndex`] finds where each line starts once per text; the free
//! functions answer one question about one offset without a table.

/// Where each line of a text starts, found once (with `memchr`): a pass asks
/// for the line of every statement and site, and scanning back to the line
/// break each time is quadratic on a long line of many of them.
///
/// The index holds offsets only; the methods that must look at the text
/// take it again, so that holding an index borrows nothing.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex {
            starts: std::iter::once(0)
                .chain(line_break_ends(text.as_bytes()))
                .collect(),
        }
    }

    /// The 0-based line holding offset `at`; the `\n` of a `\r\n` belongs to
    /// the line the pair ends.
    pub fn line(&self, at: usize) -> u32 {
        let line = self
            .starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1);
        u32::try_from(line).unwrap_or(u32::MAX)
    }

    /// The 0-based line holding `at` in `text` (the indexed text) and where
    /// it starts, as [`line_start`] reads lines: right after the `\r` of a
    /// `\r\n` (at its `\n`), a line starts.
    pub fn line_and_start(&self, text: &str, at: usize) -> (usize, usize) {
        let index = self.line(at) as usize;
        if at > 0 && text.as_bytes()[at - 1] == b'\r' && self.starts[index] != at {
            (index + 1, at)
        } else {
            (index, self.starts[index])
        }
    }

    /// Where the line holding `at` in `text` starts (see
    /// [`LineIndex::line_and_start`]).
    pub fn line_start(&self, text: &str, at: usize) -> usize {
        self.line_and_start(text, at).1
    }

    /// Where 0-based line `line` starts, if the text has that line.
    pub fn start_of(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }
}

/// Offset of the start of the line holding `at`.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Offset of the line break ending the line holding `at` (or the end of
/// the text).
pub fn line_end(text: &str, at: usize) -> usize {
    text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i)
}

/// Offset of the line after the one holding `at`, past its whole line break
/// (`\r\n` is one); `None` on the last line.
pub fn next_line_start(text: &str, at: usize) -> Option<usize> {
    let end = line_end(text, at);
    match text.as_bytes().get(end)? {
        b'\r' if text.as_bytes().get(end + 1) == Some(&b'\n') => Some(end + 2),
        _ => Some(end + 1),
    }
}

/// How many line breaks `text` holds (`\r\n` counts once); the text may be
/// undecoded bytes.
pub fn count_line_breaks(text: &(impl AsRef<[u8]> + ?Sized)) -> usize {
    let bytes = text.as_ref();
    // Without a `\r` every break is a `\n`, and `memchr` counts those a
    // block at a time rather than stopping at each: this runs over every
    // file, and few have a `\r`.
    if memchr::memchr(b'\r', bytes).is_none() {
        return memchr::memchr_iter(b'\n', bytes).count();
    }
    line_break_ends(bytes).count()
}

/// How many lines `text` has, as an editor counts them: a final line break
/// ends the last line rather than starting an empty one.
pub fn line_count(text: &str) -> usize {
    let breaks = count_line_breaks(text);
    if text.is_empty() || text.ends_with(['\n', '\r']) {
        breaks
    } else {
        breaks + 1
    }
}

/// The offset just past each line break of `bytes` (`\r\n` is one break),
/// found with `memchr`: every file's line map needs them, so this runs over
/// every byte of every input.
pub fn line_break_ends(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes).filter_map(|at| {
        let ends_a_break = bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n');
        ends_a_break.then_some(at + 1)
    })
}

/// The newline sequence the text uses first, `\n` when it has none.
pub fn line_ending(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(at) if text[at..].starts_with("\r\n") => "\r\n",
        Some(at) if text[at..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\n\r\n\rd";
        assert_eq!(LineIndex::new(text).starts, [0, 3, 5, 7, 9, 10]);
        assert_eq!(count_line_breaks(text), 5);
        assert_eq!(line_count(text), 6);
        assert_eq!(line_count("a\r"), 1);
        assert_eq!(LineIndex::new("\r").starts, [0, 1]);
    }

    #[test]
    fn the_newline_of_a_crlf_starts_a_line_for_line_start_only() {
        let text = "a\r\nb";
        let index = LineIndex::new(text);
        // Offset 2 is the `\n` of the pair: in the first line by the table,
        // at a line start as `line_start` reads it.
        assert_eq!(index.line(2), 0);
        assert_eq!(index.line_and_start(text, 2), (1, 2));
        assert_eq!(line_start(text, 2), 2);
        assert_eq!(index.line_and_start(text, 3), (1, 3));
        assert_eq!(index.start_of(1), Some(3));
        assert_eq!(index.start_of(9), None);
    }

    #[test]
    fn next_line_start_steps_over_a_whole_crlf() {
        assert_eq!(next_line_start("ab\r\ncd", 0), Some(4));
        assert_eq!(next_line_start("ab\rcd", 1), Some(3));
        assert_eq!(next_line_start("ab", 0), None);
        assert_eq!(line_end("ab\ncd", 4), 5);
    }

    #[test]
    fn line_ending_is_the_first_one() {
        assert_eq!(line_ending("a\r\nb\n"), "\r\n");
        assert_eq!(line_ending("a\rb"), "\r");
        assert_eq!(line_ending("ab"), "\n");
    }
}
