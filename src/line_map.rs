//! Where each output line comes from.
//!
//! Each pass prints a new text from the previous one. While it prints, the
//! renderer leaves marks in the text: "what follows is copied from input
//! offset N" and "what follows is written for the site starting at input
//! offset N". [`strip`] removes the marks and reads from them, for every
//! line of the pass's output, the input line it stems from; the pipeline
//! composes those per-pass maps into one from output to original lines.
//!
//! The marks are Unicode noncharacters, which no Python program needs; a
//! source that holds one anyway is rendered without marks, and its map is
//! read from a line diff instead (see [`diff_origins`]).

use std::fmt::Write as _;

use crate::line_index::{LineIndex, line_count};
use crate::syntax::TextSize;

/// Opens a mark: a kind letter and a decimal offset follow, then [`END`].
pub(crate) const MARK: char = '\u{FDD0}';
/// [`MARK`] as text.
const MARK_UTF8: &str = "\u{FDD0}";
const END: char = '\u{FDD1}';
const COPY: char = 'c';
const SITE: char = 's';

/// Where one output line stems from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    /// 0-based line of the input.
    pub line: u32,
    /// Whether a rewrite wrote the line (rather than copying it).
    pub generated: bool,
}

/// Marks that the text following in `out` is copied from input offset `at`.
pub(crate) fn mark_copy(out: &mut String, at: TextSize) {
    mark(out, COPY, at);
}

/// Marks that the text following in `out` is written for the site starting
/// at input offset `at`.
pub(crate) fn mark_site(out: &mut String, at: TextSize) {
    mark(out, SITE, at);
}

/// A mark of `kind` for input offset `at`: the characters pushed, only the
/// offset formatted (renderers leave a mark for every copy).
fn mark(out: &mut String, kind: char, at: TextSize) {
    out.push(MARK);
    out.push(kind);
    let _ = write!(out, "{}", u32::from(at));
    out.push(END);
}

/// Removes trailing spaces and tabs from `out`, also where marks stand
/// among them (the marks stay).
pub(crate) fn trim_trailing_blanks(out: &mut String) {
    let mut marks = String::new();
    loop {
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
        let Some(start) = out.ends_with(END).then(|| out.rfind(MARK)).flatten() else {
            break;
        };
        marks.insert_str(0, &out[start..]);
        out.truncate(start);
    }
    out.push_str(&marks);
}

/// Removes the marks from a pass's `marked` output, and returns the clean
/// text with the origin (a line of `input`, the pass's input) of each of
/// its lines: the origin of the line's first non-blank character, or of its
/// start when it is blank.
///
/// One pass over the text: past a line's first non-blank character only
/// line breaks and marks matter, and `memchr3` finds those (a mark starts
/// with the byte 0xEF, as other characters from U+F000 do, which are
/// skipped); what lies between marks is copied as it is.
pub(crate) fn strip(marked: &str, input: &LineIndex) -> (String, Vec<Option<Origin>>) {
    const MARK_BYTES: &[u8] = MARK_UTF8.as_bytes();
    let bytes = marked.as_bytes();
    let mut clean = String::with_capacity(marked.len());
    let mut origins = Vec::new();
    // The mark in force: its kind, the input line it names, and the line
    // breaks copied since.
    let mut generated = false;
    let mut base = 0u32;
    let mut breaks = 0u32;
    let mut line_pending = true;
    let mut after_cr = false;
    // Where the text not yet copied into `clean` starts.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Blanks do nothing but end a `\r\n`: skipped in one go, up to the
        // line's first non-blank character, or past it to the next line
        // break or mark.
        let skip = if line_pending {
            bytes[i..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
                .count()
        } else {
            match memchr::memchr3(b'\n', b'\r', MARK_BYTES[0], &bytes[i..]) {
                Some(skip) => skip,
                None => break,
            }
        };
        if skip > 0 {
            after_cr = false;
            i += skip;
            if i == bytes.len() {
                break;
            }
        }
        if bytes[i] == MARK_BYTES[0] && bytes[i..].starts_with(MARK_BYTES) {
            clean.push_str(&marked[copied..i]);
            let mark = &marked[i + MARK_BYTES.len()..];
            let end = mark.find(END).expect("every mark is closed");
            let (kind, at) = mark[..end].split_at(1);
            let at: usize = at.parse().expect("a mark holds an offset");
            generated = kind.starts_with(SITE);
            base = input.line(at);
            breaks = 0;
            i += MARK_BYTES.len() + end + END.len_utf8();
            copied = i;
            continue;
        }
        let b = bytes[i];
        i += 1;
        let origin = Origin {
            line: base + if generated { 0 } else { breaks },
            generated,
        };
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => {
                if line_pending {
                    origins.push(Some(origin));
                }
                line_pending = true;
                breaks += 1;
            }
            b' ' | b'\t' | b'\x0c' => {}
            _ => {
                if line_pending {
                    origins.push(Some(origin));
                    line_pending = false;
                }
            }
        }
        after_cr = b == b'\r';
    }
    clean.push_str(&marked[copied..]);
    if line_pending && !clean.is_empty() && !clean.ends_with(['\n', '\r']) {
        origins.push(Some(Origin {
            line: base + if generated { 0 } else { breaks },
            generated,
        }));
    }
    (clean, origins)
}

/// The origins of `output`'s lines in `input` as a line diff shows them:
/// lines the diff keeps map to their counterpart, others to nothing. Used
/// only for sources holding a [`MARK`] character.
pub(crate) fn diff_origins(input: &str, output: &str) -> Vec<Option<Origin>> {
    let diff = similar::TextDiff::from_lines(input, output);
    let mut origins = vec![None; line_count(output)];
    for change in diff.iter_all_changes() {
        if let (Some(old), Some(new)) = (change.old_index(), change.new_index())
            && let Some(slot) = origins.get_mut(new)
        {
            *slot = Some(Origin {
                line: u32::try_from(old).unwrap_or(u32::MAX),
                generated: false,
            });
        }
    }
    origins
}

/// Composes a pass's origins (in terms of its input's lines) with the
/// origins of those input lines.
pub(crate) fn compose(earlier: &[Option<Origin>], pass: &[Option<Origin>]) -> Vec<Option<Origin>> {
    pass.iter()
        .map(|origin| {
            let origin = (*origin)?;
            let before = (*earlier.get(origin.line as usize)?)?;
            Some(Origin {
                line: before.line,
                generated: before.generated || origin.generated,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(parts: &[(&str, Option<(char, u32)>)]) -> String {
        let mut out = String::new();
        for (text, mark) in parts {
            match mark {
                Some((COPY, at)) => mark_copy(&mut out, TextSize::new(*at)),
                Some((_, at)) => mark_site(&mut out, TextSize::new(*at)),
                None => {}
            }
            out.push_str(text);
        }
        out
    }

    #[test]
    fn copied_lines_count_on_and_generated_lines_keep_their_site() {
        let input = "a\nwith x:\n    b\nc\n";
        let out = marked(&[
            ("", Some((COPY, 0))),
            ("a\n", None),
            ("", Some((SITE, 2))),
            ("enter()\ntry:\n", None),
            ("", Some((COPY, 11))),
            ("    b\n", None),
            ("", Some((SITE, 2))),
            ("finally:\n    exit()\n", None),
            ("", Some((COPY, 17))),
            ("c\n", None),
        ]);
        let (clean, origins) = strip(&out, &LineIndex::new(input));
        assert_eq!(clean, "a\nenter()\ntry:\n    b\nfinally:\n    exit()\nc\n");
        let lines: Vec<_> = origins
            .iter()
            .map(|o| o.map(|o| (o.line, o.generated)))
            .collect();
        assert_eq!(
            lines,
            [
                Some((0, false)),
                Some((1, true)),
                Some((1, true)),
                Some((2, false)),
                Some((1, true)),
                Some((1, true)),
                Some((3, false)),
            ]
        );
    }

    #[test]
    fn a_line_takes_the_origin_of_its_first_character() {
        // `    x = ` is copied from line 1, then a site writes the rest.
        let input = "\n    x = await y\n";
        let out = marked(&[
            ("", Some((COPY, 0))),
            ("\n    x = ", None),
            ("yield from f(", Some((SITE, 9))),
            ("y", Some((COPY, 15))),
            (")\n", Some((COPY, 16))),
        ]);
        let (clean, origins) = strip(&out, &LineIndex::new(input));
        assert_eq!(clean, "\n    x = yield from f(y)\n");
        assert_eq!(
            origins,
            [
                Some(Origin {
                    line: 0,
                    generated: false
                }),
                Some(Origin {
                    line: 1,
                    generated: false
                })
            ]
        );
    }

    #[test]
    fn crlf_is_one_break_and_a_last_line_without_break_counts() {
        let (clean, origins) = strip(
            &marked(&[("a\r\nb\r\nc", Some((COPY, 0)))]),
            &LineIndex::new("a\r\nb\r\nc"),
        );
        assert_eq!(clean, "a\r\nb\r\nc");
        let lines: Vec<_> = origins.iter().map(|o| o.unwrap().line).collect();
        assert_eq!(lines, [0, 1, 2]);
    }

    #[test]
    fn trimming_blanks_keeps_marks() {
        let mut out = String::from("def f():  ");
        mark_site(&mut out, TextSize::new(3));
        out.push(' ');
        trim_trailing_blanks(&mut out);
        let (clean, _) = strip(&out, &LineIndex::new("abcd"));
        assert_eq!(clean, "def f():");
        assert!(out.ends_with(END));
    }

    #[test]
    fn composing_follows_earlier_origins_and_keeps_generated() {
        let earlier = [
            Some(Origin {
                line: 4,
                generated: false,
            }),
            Some(Origin {
                line: 4,
                generated: true,
            }),
            None,
        ];
        let pass = [
            Some(Origin {
                line: 1,
                generated: false,
            }),
            Some(Origin {
                line: 0,
                generated: true,
            }),
            Some(Origin {
                line: 2,
                generated: false,
            }),
            Some(Origin {
                line: 9,
                generated: false,
            }),
        ];
        assert_eq!(
            compose(&earlier, &pass),
            [
                Some(Origin {
                    line: 4,
                    generated: true
                }),
                Some(Origin {
                    line: 4,
                    generated: true
                }),
                None,
                None
            ]
        );
    }
}
