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
/// let diff = unawait::diff::unified("a\nb\n", "a\nc\n", "x.py", "x.py (desugared)", false);
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

#[cfg(test)]
mod tests {
    use super::unified;

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
