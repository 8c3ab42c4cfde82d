//! Diffs of a file before and after desugaring, for people to read.

use similar::{ChangeTag, TextDiff};

/// ANSI colours of a unified diff, as `git diff` uses them.
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A unified diff of `old` (named `old_name` in the header) against `new`,
/// with three lines of context; empty when the two are equal. With `color`,
/// headers, hunk ranges, removals and additions carry ANSI colours.
///
/// ```
/// let diff = unawait::views::diff::unified("a\nb\n", "a\nc\n", "x.py", "x.py (desugared)", false);
/// assert!(diff.starts_with("--- x.py\n+++ x.py (desugared)\n@@ -1,2 +1,2 @@\n"));
/// assert!(diff.contains("\n-b\n+c\n"));
/// ```
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str, color: bool) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let mut out = String::new();
    let paint = |out: &mut String, style: &str, text: &str| {
        if color {
            out.push_str(style);
            out.push_str(text);
            out.push_str(RESET);
        } else {
            out.push_str(text);
        }
    };
    paint(&mut out, BOLD, &format!("--- {old_name}"));
    out.push('\n');
    paint(&mut out, BOLD, &format!("+++ {new_name}"));
    out.push('\n');
    for hunk in diff.unified_diff().iter_hunks() {
        paint(&mut out, CYAN, &hunk.header().to_string());
        out.push('\n');
        for change in hunk.iter_changes() {
            let (sign, style) = match change.tag() {
                ChangeTag::Delete => ('-', RED),
                ChangeTag::Insert => ('+', GREEN),
                ChangeTag::Equal => (' ', ""),
            };
            let line = change.as_str().unwrap_or_default();
            let text = line.strip_suffix('\n').unwrap_or(line);
            let text = text.strip_suffix('\r').unwrap_or(text);
            let mut body = String::with_capacity(text.len() + 1);
            body.push(sign);
            body.push_str(text);
            if style.is_empty() {
                out.push_str(&body);
            } else {
                paint(&mut out, style, &body);
            }
            out.push('\n');
            if change.missing_newline() {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// The width side-by-side output fits: `COLUMNS` when set to a number,
/// else the width of the terminal on standard output, else 80.
pub fn terminal_width() -> usize {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|value| value.trim().parse::<usize>().ok())
        .filter(|&columns| columns > 0)
    {
        return columns;
    }
    // SAFETY: TIOCGWINSZ writes a `winsize` into the struct we pass, and
    // fails harmlessly when standard output is not a terminal.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_col > 0 {
        usize::from(size.ws_col)
    } else {
        80
    }
}

/// Columns a tab advances to: CPython's tokenizer uses tab stops of 8.
const TAB_STOP: usize = 8;
const DIM: &str = "\x1b[2m";

/// `old` and `new` in two columns fitted to `width`: line numbers, `-`
/// and `+` marking removed and added lines, three lines of context around
/// each change and a `⋯` row between the groups. Tabs are expanded to
/// stops of 8; a line wider than its column wraps onto rows of its own
/// (marked `↪`). Empty when the texts are equal.
///
/// ```
/// let shown = unawait::views::diff::side_by_side("a\nb\n", "a\nc\n", "x.py", "y.py", 40, false);
/// assert!(shown.lines().any(|row| row.contains("-b") && row.contains("+c")));
/// ```
pub fn side_by_side(
    old: &str,
    new: &str,
    old_name: &str,
    new_name: &str,
    width: usize,
    color: bool,
) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let old_lines: Vec<&str> = diff.iter_old_slices().collect();
    let new_lines: Vec<&str> = diff.iter_new_slices().collect();
    let number_width = old_lines
        .len()
        .max(new_lines.len())
        .max(1)
        .to_string()
        .len();
    // Each side: number, space, sign, text; three characters between sides.
    let column = (width.saturating_sub(3) / 2)
        .saturating_sub(number_width + 2)
        .max(8);
    let layout = Layout {
        number_width,
        column,
        color,
    };
    let mut out = String::new();
    let header = |name: &str| fit(name, number_width + 2 + column);
    let title = format!("{}   {}", header(old_name), header(new_name));
    paint_into(&mut out, color, BOLD, title.trim_end());
    out.push('\n');
    for (group_index, group) in diff.grouped_ops(3).iter().enumerate() {
        if group_index > 0 {
            let gap = format!("{:>number_width$}", "⋯");
            paint_into(&mut out, color, CYAN, &gap);
            out.push('\n');
        }
        for op in group {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let left: Vec<(usize, &str)> = old_range.clone().map(|i| (i, old_lines[i])).collect();
            let right: Vec<(usize, &str)> = new_range.clone().map(|i| (i, new_lines[i])).collect();
            let changed = tag != similar::DiffTag::Equal;
            for row in 0..left.len().max(right.len()) {
                layout.push_row(
                    &mut out,
                    left.get(row).copied(),
                    right.get(row).copied(),
                    changed,
                );
            }
        }
    }
    out
}

struct Layout {
    number_width: usize,
    column: usize,
    color: bool,
}

impl Layout {
    /// One line of each side (either may be missing), wrapped onto as many
    /// rows as the longer needs.
    fn push_row(
        &self,
        out: &mut String,
        left: Option<(usize, &str)>,
        right: Option<(usize, &str)>,
        changed: bool,
    ) {
        let wrap = |line: Option<(usize, &str)>| -> Vec<String> {
            line.map_or_else(Vec::new, |(_, text)| {
                wrap(&expand_tabs(strip_newline(text)), self.column)
            })
        };
        let (left_rows, right_rows) = (wrap(left), wrap(right));
        for row in 0..left_rows.len().max(right_rows.len()).max(1) {
            let left_cell = self.cell(left, left_rows.get(row), row, changed, '-', RED);
            let right_cell = self.cell(right, right_rows.get(row), row, changed, '+', GREEN);
            let separator = if changed { " │ " } else { "   " };
            let mut line = String::new();
            line.push_str(&left_cell);
            paint_into(&mut line, self.color, DIM, separator);
            line.push_str(&right_cell);
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }

    /// One side of one row: number (first row only), sign and text, padded
    /// to the column.
    fn cell(
        &self,
        line: Option<(usize, &str)>,
        text: Option<&String>,
        row: usize,
        changed: bool,
        sign: char,
        style: &str,
    ) -> String {
        let width = self.number_width;
        let (Some((index, _)), Some(text)) = (line, text) else {
            return " ".repeat(width + 2 + self.column);
        };
        let number = if row == 0 {
            format!("{:>width$}", index + 1)
        } else {
            format!("{:>width$}", "↪")
        };
        let mut cell = String::new();
        paint_into(&mut cell, self.color, DIM, &number);
        cell.push(' ');
        let padding = " ".repeat(self.column - text.chars().count());
        if changed {
            paint_into(&mut cell, self.color, style, &format!("{sign}{text}"));
        } else {
            cell.push(' ');
            cell.push_str(text);
        }
        cell.push_str(&padding);
        cell
    }
}

fn paint_into(out: &mut String, color: bool, style: &str, text: &str) {
    if color && !text.is_empty() {
        out.push_str(style);
        out.push_str(text);
        out.push_str(RESET);
    } else {
        out.push_str(text);
    }
}

fn strip_newline(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// `line` with tabs replaced by spaces up to the next tab stop, and other
/// control characters (form feeds, a lone `\r`) shown as spaces, so that
/// columns line up.
fn expand_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let next = (column / TAB_STOP + 1) * TAB_STOP;
            out.extend(std::iter::repeat_n(' ', next - column));
            column = next;
        } else {
            out.push(if c.is_control() { ' ' } else { c });
            column += 1;
        }
    }
    out
}

/// `text` cut into pieces of at most `width` characters (one empty piece
/// for an empty text).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return vec![String::new()];
    }
    chars
        .chunks(width)
        .map(|chunk| chunk.iter().collect())
        .collect()
}

/// `text` shortened to `width` characters (ending in `…` when cut).
fn fit(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text}{}", " ".repeat(width - count))
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::{side_by_side, unified};

    #[test]
    fn side_by_side_pairs_changes_and_fits_the_width() {
        let old = "keep\nold line\n\tx\n";
        let new = "keep\nnew line\n\tx\nadded\n";
        let shown = side_by_side(old, new, "a.py", "b.py", 40, false);
        let rows: Vec<&str> = shown.lines().collect();
        assert_eq!(rows[0], "a.py                 b.py");
        assert_eq!(rows[1], "1  keep              1  keep");
        assert_eq!(rows[2], "2 -old line        │ 2 +new line");
        // Tabs expand to column 8, equal lines carry no markers.
        assert_eq!(rows[3], "3          x         3          x");
        assert_eq!(rows[4], "                   │ 4 +added");
        assert!(rows.iter().all(|row| row.chars().count() <= 40), "{shown}");
    }

    #[test]
    fn side_by_side_wraps_long_lines() {
        let long = "x".repeat(30);
        let shown = side_by_side("a\n", &format!("{long}\n"), "a", "b", 40, false);
        let rows: Vec<&str> = shown.lines().collect();
        assert_eq!(
            rows[1],
            format!("1 -a               │ 1 +{}", "x".repeat(15))
        );
        assert_eq!(
            rows[2],
            format!("                   │ ↪ +{}", "x".repeat(15))
        );
        assert_eq!(rows.len(), 3, "{shown}");
        assert!(rows.iter().all(|row| row.chars().count() <= 40), "{shown}");
    }

    #[test]
    fn side_by_side_colours_only_when_asked() {
        let shown = side_by_side("a\n", "b\n", "x", "y", 40, true);
        assert!(shown.contains("\x1b[31m-a\x1b[0m"), "{shown:?}");
        assert!(shown.contains("\x1b[32m+b\x1b[0m"), "{shown:?}");
        assert!(!side_by_side("a\n", "b\n", "x", "y", 40, false).contains('\x1b'));
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a\n", "a\n", "x", "y", true), "");
    }

    #[test]
    fn colours_mark_removals_and_additions() {
        let diff = unified("a\nb\n", "a\nc\n", "x", "y", true);
        assert!(diff.contains("\x1b[31m-b\x1b[0m\n"), "{diff:?}");
        assert!(diff.contains("\x1b[32m+c\x1b[0m\n"), "{diff:?}");
        assert!(
            diff.contains("\x1b[36m@@ -1,2 +1,2 @@\x1b[0m\n"),
            "{diff:?}"
        );
    }

    #[test]
    fn a_missing_final_newline_is_marked() {
        let diff = unified("a", "b", "x", "y", false);
        assert_eq!(
            diff,
            "--- x\n+++ y\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"
        );
    }
}
