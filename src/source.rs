//! Reading Python source bytes the way CPython does (PEP 263), and writing the
//! result back in the same encoding, BOM and line-ending style.

use encoding_rs::Encoding;

/// How a file's bytes map to text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    /// ISO-8859-1: every byte is the code point of the same value. Kept apart
    /// because the WHATWG tables behind `encoding_rs` read "latin-1" as
    /// windows-1252, which is not what Python means.
    Latin1,
    Ascii,
    Other(&'static Encoding),
}

/// Decoded source text and what is needed to encode a result the same way.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub text: String,
    pub codec: Codec,
    pub bom: bool,
}

/// A decoding failure, worded as CPython words it, at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub line: usize,
    pub message: String,
}

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes `bytes` following PEP 263: a UTF-8 BOM, else a coding cookie on
/// line 1 or 2 (line 2 only when line 1 is blank or a comment), else UTF-8.
pub fn decode(bytes: &[u8]) -> Result<SourceText, DecodeError> {
    let (bom, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let cookie = find_cookie(body);
    let codec = match &cookie {
        None => Codec::Utf8,
        Some((line, name)) => {
            let codec = codec_for(name).ok_or_else(|| DecodeError {
                line: *line,
                message: format!("unknown encoding: {name}"),
            })?;
            if bom && codec != Codec::Utf8 {
                return Err(DecodeError {
                    line: *line,
                    message: format!("encoding problem: {} with BOM", normal_name(name)),
                });
            }
            codec
        }
    };
    let text = match codec {
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(text) => text.to_string(),
            Err(error) => return Err(non_utf8_error(body, error.valid_up_to(), &cookie)),
        },
        Codec::Latin1 => body.iter().map(|&b| char::from(b)).collect(),
        Codec::Ascii => match body.iter().position(|b| !b.is_ascii()) {
            None => String::from_utf8_lossy(body).into_owned(),
            Some(at) => {
                return Err(DecodeError {
                    line: line_of(body, at),
                    message: format!(
                        "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)",
                        body[at]
                    ),
                });
            }
        },
        Codec::Other(encoding) => {
            match encoding.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => text.into_owned(),
                None => {
                    return Err(DecodeError {
                        line: 1,
                        message: format!(
                            "(unicode error) '{}' codec can't decode the source",
                            encoding.name().to_lowercase()
                        ),
                    });
                }
            }
        }
    };
    Ok(SourceText { text, codec, bom })
}

/// Encodes `text` as the original file was encoded. Fails only when the
/// text holds a character the file's encoding cannot represent.
pub fn encode(text: &str, like: &SourceText) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if like.bom {
        out.extend_from_slice(UTF8_BOM);
    }
    match like.codec {
        Codec::Utf8 => out.extend_from_slice(text.as_bytes()),
        Codec::Latin1 | Codec::Ascii => {
            let limit = if like.codec == Codec::Ascii {
                0x80
            } else {
                0x100
            };
            for c in text.chars() {
                let code = u32::from(c);
                if code >= limit {
                    return Err(format!(
                        "character {c:?} cannot be encoded in the file's encoding"
                    ));
                }
                out.push(code as u8);
            }
        }
        Codec::Other(encoding) => {
            let (bytes, _, had_errors) = encoding.encode(text);
            if had_errors {
                return Err(format!(
                    "the output cannot be encoded as {}",
                    encoding.name()
                ));
            }
            out.extend_from_slice(&bytes);
        }
    }
    Ok(out)
}

fn find_cookie(bytes: &[u8]) -> Option<(usize, String)> {
    let mut lines = bytes.split_inclusive(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = cookie_in_line(first) {
        return Some((1, name));
    }
    let first_is_comment_or_blank = {
        let trimmed = first
            .iter()
            .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'));
        matches!(trimmed.clone().next(), None | Some(b'#' | b'\r' | b'\n'))
    };
    if first_is_comment_or_blank && let Some(name) = lines.next().and_then(cookie_in_line) {
        return Some((2, name));
    }
    None
}

/// Matches `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn cookie_in_line(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut search = 0;
    while let Some(found) = find(&comment[search..], b"coding") {
        let after = search + found + b"coding".len();
        search = search + found + 1;
        if !matches!(comment.get(after), Some(b':' | b'=')) {
            continue;
        }
        let name: String = comment[after + 1..]
            .iter()
            .skip_while(|b| matches!(b, b' ' | b'\t'))
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            .map(|&b| char::from(b))
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Maps a Python codec name to a codec, normalizing as Python's codec
/// registry does (case, `_` versus `-`).
/// The name CPython's tokenizer reports for a cookie's encoding
/// (`get_normal_name`): Latin-1's aliases become `iso-8859-1`, UTF-8's
/// `utf-8`; other names stay as written.
fn normal_name(name: &str) -> &str {
    let normal: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let base = |prefix: &str| normal == prefix || normal.starts_with(&format!("{prefix}-"));
    if base("utf-8") {
        "utf-8"
    } else if base("latin-1") || base("iso-8859-1") || base("iso-latin-1") {
        "iso-8859-1"
    } else {
        name
    }
}

fn codec_for(name: &str) -> Option<Codec> {
    let normal = name.to_ascii_lowercase().replace('_', "-");
    let base = |prefix: &str| normal == prefix || normal.starts_with(&format!("{prefix}-"));
    if base("utf-8") || normal == "utf8" {
        return Some(Codec::Utf8);
    }
    if base("latin-1")
        || base("iso-8859-1")
        || base("iso-latin-1")
        || normal == "latin1"
        || normal == "l1"
        || normal == "iso8859-1"
    {
        return Some(Codec::Latin1);
    }
    if matches!(normal.as_str(), "ascii" | "us-ascii" | "646") {
        return Some(Codec::Ascii);
    }
    let encoding = Encoding::for_label(normal.as_bytes())?;
    // UTF-16 cannot hold Python source, and replacement is not an encoding.
    if encoding == encoding_rs::UTF_8 {
        return Some(Codec::Utf8);
    }
    if encoding == encoding_rs::UTF_16LE
        || encoding == encoding_rs::UTF_16BE
        || encoding == encoding_rs::REPLACEMENT
    {
        return None;
    }
    Some(Codec::Other(encoding))
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + crate::line_index::count_line_breaks(&bytes[..offset])
}

fn non_utf8_error(bytes: &[u8], at: usize, cookie: &Option<(usize, String)>) -> DecodeError {
    let line = line_of(bytes, at);
    let message = if cookie.is_some() {
        format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte",
            bytes[at]
        )
    } else {
        format!(
            "Non-UTF-8 code starting with '\\x{:02x}' on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            bytes[at]
        )
    };
    DecodeError { line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_round_trips() {
        let bytes = b"\xef\xbb\xbfx = '\xc3\xa9'\r\n";
        let source = decode(bytes).unwrap();
        assert!(source.bom);
        assert_eq!(source.text, "x = 'é'\r\n");
        assert_eq!(encode(&source.text, &source).unwrap(), bytes);
    }

    #[test]
    fn latin1_cookie_is_iso_8859_1_not_windows_1252() {
        let bytes = b"# -*- coding: latin-1 -*-\nx = '\x80\xe9'\n";
        let source = decode(bytes).unwrap();
        assert_eq!(source.codec, Codec::Latin1);
        assert!(source.text.contains("'\u{80}é'"));
        assert_eq!(encode(&source.text, &source).unwrap(), bytes);
    }

    #[test]
    fn cookie_on_second_line_only_after_a_comment_line() {
        let after_comment =
            decode(b"#!/usr/bin/env python\n# coding: cp1252\nx = '\x80'\n").unwrap();
        assert!(after_comment.text.contains('€'));
        let after_code = decode(b"x = 1\n# coding: cp1252\ny = '\x80'\n");
        assert!(
            after_code
                .unwrap_err()
                .message
                .starts_with("Non-UTF-8 code starting with '\\x80' on line 3")
        );
    }

    #[test]
    fn unknown_encoding_and_bad_bytes_are_errors() {
        assert_eq!(
            decode(b"# coding: no-such-codec\n").unwrap_err(),
            DecodeError {
                line: 1,
                message: "unknown encoding: no-such-codec".into()
            }
        );
        assert_eq!(decode(b"x = 1\ny = '\xff'\n").unwrap_err().line, 2);
        // A lone carriage return ends a line too, as CPython counts them.
        assert_eq!(decode(b"x = 1\ry = 2\r\nz = '\xff'\r").unwrap_err().line, 3);
    }
}
