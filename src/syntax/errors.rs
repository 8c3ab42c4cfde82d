//! CPython's wording for the syntax errors the parser reports.
//!
//! CPython checks brackets while tokenizing, before it parses, so an
//! unclosed or mismatched bracket is reported first, at the bracket. Other
//! errors map by kind to CPython 3.11's messages (or the target version's,
//! where they changed); where CPython has no more
//! specific message, it says "invalid syntax", and so does this.

use super::ExceptionType;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::ParseFailure;
use super::size;
use crate::config::TargetVersion;
use crate::line_index::{count_line_breaks, line_end, line_start};

/// `error` as CPython `version` words it (3.11 without a target; of the
/// messages here only the one for a parameter without a default changed,
/// in 3.12).
pub(super) fn cpython_failure(
    source: &str,
    tokens: &Tokens,
    error: &ParseError,
    version: Option<TargetVersion>,
) -> ParseFailure {
    // CPython reads tokens as it parses: a bracket problem wins unless the
    // parser failed before the tokenizer got to it (an unclosed bracket is
    // noticed only at the end of the file).
    if let Some((failure, noticed_at)) = bracket_failure(tokens, TextSize::of(source))
        && error.location.start() >= noticed_at
    {
        return failure;
    }
    indentation_failure(source, error)
        .or_else(|| lexical_failure(source, error))
        .unwrap_or_else(|| grammar_failure(error, version))
}

/// CPython's IndentationErrors, where its tokenizer or parser finds them.
fn indentation_failure(source: &str, error: &ParseError) -> Option<ParseFailure> {
    let line_of = |at: TextSize| 1 + count_line_breaks(&source[..usize::from(at)]);
    Some(match &error.error {
        ParseErrorType::UnexpectedIndentation => {
            // CPython points at the last character of the indentation.
            let line_start = line_start(source, usize::from(error.location.start()));
            let indent = source[line_start..].len()
                - source[line_start..]
                    .trim_start_matches([' ', '\t', '\x0c'])
                    .len();
            ParseFailure {
                range: TextRange::empty(size(line_start + indent.saturating_sub(1))),
                kind: ExceptionType::IndentationError,
                message: "unexpected indent".to_string(),
                unreadable: None,
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            // CPython points just past the end of the line.
            let end = line_end(source, usize::from(error.location.start()));
            ParseFailure {
                range: TextRange::empty(size(end)),
                kind: ExceptionType::IndentationError,
                message: "unindent does not match any outer indentation level".to_string(),
                unreadable: None,
            }
        }
        ParseErrorType::OtherError(message)
            if message.starts_with("Expected an indented block after") =>
        {
            // "after `if` statement" → "after 'if' statement on line N"
            let header = source[..usize::from(error.location.start())].trim_end();
            let header_line = line_of(TextSize::of(header));
            ParseFailure {
                range: error.location,
                kind: ExceptionType::IndentationError,
                message: format!(
                    "{} on line {header_line}",
                    lowercase_first(&message.replace('`', "'"))
                ),
                unreadable: None,
            }
        }
        _ => return None,
    })
}

/// Errors CPython's tokenizer reports: unterminated strings, stray
/// characters, a bad line continuation, the end of the file.
fn lexical_failure(source: &str, error: &ParseError) -> Option<ParseFailure> {
    let syntax = |message: String| ParseFailure {
        range: error.location,
        kind: ExceptionType::SyntaxError,
        message,
        unreadable: None,
    };
    let line_of = |at: TextSize| 1 + count_line_breaks(&source[..usize::from(at)]);
    Some(match &error.error {
        ParseErrorType::Lexical(
            LexicalErrorType::UnclosedStringError | LexicalErrorType::StringError,
        )
        | ParseErrorType::FStringError(
            ruff_python_parser::InterpolatedStringErrorType::UnterminatedString
            | ruff_python_parser::InterpolatedStringErrorType::UnterminatedTripleQuotedString,
        ) => {
            let text = source[usize::from(error.location.start())..]
                .trim_start_matches(|c: char| c.is_ascii_alphabetic());
            if text.starts_with("\"\"\"") || text.starts_with("\'\'\'") {
                syntax(format!(
                    "unterminated triple-quoted string literal (detected at line {})",
                    1 + count_line_breaks(source.trim_end_matches(['\n', '\r']))
                ))
            } else {
                syntax(format!(
                    "unterminated string literal (detected at line {})",
                    line_of(error.location.start())
                ))
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => ParseFailure {
            // CPython points at the character after the backslash.
            range: TextRange::empty(error.location.start() + TextSize::new(1)),
            kind: ExceptionType::SyntaxError,
            message: "unexpected character after line continuation character".to_string(),
            unreadable: None,
        },
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {
            syntax("unexpected EOF while parsing".to_string())
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if tok.is_ascii() {
                syntax("invalid syntax".to_string())
            } else if tok.is_alphanumeric()
                || tok.is_ascii_punctuation()
                || (!tok.is_control() && !tok.is_whitespace())
            {
                syntax(format!(
                    "invalid character '{tok}' (U+{:04X})",
                    u32::from(*tok)
                ))
            } else {
                syntax(format!(
                    "invalid non-printable character U+{:04X}",
                    u32::from(*tok)
                ))
            }
        }
        _ => return None,
    })
}

/// The parser's errors in CPython's words; "invalid syntax" where CPython
/// says nothing more specific.
fn grammar_failure(error: &ParseError, version: Option<TargetVersion>) -> ParseFailure {
    let syntax = |message: String| ParseFailure {
        range: error.location,
        kind: ExceptionType::SyntaxError,
        message,
        unreadable: None,
    };
    match &error.error {
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } => syntax("expected ':'".to_string()),
        ParseErrorType::InvalidAssignmentTarget => {
            syntax("cannot assign to expression".to_string())
        }
        ParseErrorType::InvalidDeleteTarget => syntax("cannot delete expression".to_string()),
        ParseErrorType::PositionalAfterKeywordArgument => ParseFailure {
            // CPython points just past the argument.
            range: TextRange::empty(error.location.end()),
            kind: ExceptionType::SyntaxError,
            message: "positional argument follows keyword argument".to_string(),
            unreadable: None,
        },
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            if version.is_some_and(|v| {
                v >= TargetVersion {
                    major: 3,
                    minor: 12,
                }
            }) {
                syntax("parameter without a default follows parameter with a default".to_string())
            } else {
                syntax("non-default argument follows default argument".to_string())
            }
        }
        _ => syntax("invalid syntax".to_string()),
    }
}

/// Brackets CPython's tokenizer lets nest (`MAXLEVEL`).
pub const MAX_NESTED_BRACKETS: usize = 200;
/// Indentation levels CPython's tokenizer allows, less one (`MAXINDENT`).
pub const MAX_INDENT_LEVELS: usize = 100;

/// What [`nesting`] finds in the tokens.
pub(super) struct Nesting {
    /// The first place where the tokens nest deeper than CPython's
    /// tokenizer allows, with its error: the 201st open bracket ("too many
    /// nested parentheses"), or the start of the line indented a 100th
    /// level (IndentationError "too many levels of indentation"), as
    /// CPython 3.11 reports them. Such files parse here but are no Python
    /// to CPython.
    pub failure: Option<ParseFailure>,
    /// Whether an expression may nest deeper than [`super::MAX_NESTING`]:
    /// each level of an expression takes a token of its own, so one can
    /// only where a logical line has more tokens than that (or past a
    /// failure, where the tokens were not counted).
    pub may_nest_too_deep: bool,
}

/// Reads the tokens' nesting: see [`Nesting`].
pub(super) fn nesting(source: &str, tokens: &Tokens) -> Nesting {
    let mut brackets = 0isize;
    let mut indents = 0isize;
    let mut line_tokens = 0usize;
    let mut longest_line = 0usize;
    // This runs over every token of every file: the counts change by a
    // table lookup rather than a branch per kind of token, which the
    // processor would mispredict all along the way.
    for token in tokens.iter() {
        let step = NESTING_STEPS[token.kind() as usize];
        brackets = (brackets + isize::from(step.brackets)).max(0);
        indents = (indents + isize::from(step.indents)).max(0);
        line_tokens += 1;
        longest_line = if step.ends_line {
            longest_line.max(line_tokens)
        } else {
            longest_line
        };
        line_tokens = if step.ends_line { 0 } else { line_tokens };
        // Each limit is first passed at the token that raises its count.
        if brackets > MAX_NESTED_BRACKETS as isize || indents >= MAX_INDENT_LEVELS as isize {
            return Nesting {
                failure: Some(too_deep(source, token, step.brackets > 0)),
                may_nest_too_deep: true,
            };
        }
    }
    Nesting {
        failure: None,
        may_nest_too_deep: longest_line.max(line_tokens) > super::MAX_NESTING,
    }
}

/// How a token of one kind changes what [`nesting`] counts.
#[derive(Clone, Copy)]
struct NestingStep {
    brackets: i8,
    indents: i8,
    ends_line: bool,
}

/// [`NestingStep`] by `TokenKind` discriminant.
const NESTING_STEPS: [NestingStep; 256] = {
    let none = NestingStep {
        brackets: 0,
        indents: 0,
        ends_line: false,
    };
    let mut steps = [none; 256];
    let opens = [TokenKind::Lpar, TokenKind::Lsqb, TokenKind::Lbrace];
    let closes = [TokenKind::Rpar, TokenKind::Rsqb, TokenKind::Rbrace];
    let mut i = 0;
    while i < opens.len() {
        steps[opens[i] as usize].brackets = 1;
        steps[closes[i] as usize].brackets = -1;
        i += 1;
    }
    steps[TokenKind::Indent as usize].indents = 1;
    steps[TokenKind::Dedent as usize].indents = -1;
    steps[TokenKind::Newline as usize].ends_line = true;
    steps
};

/// CPython's error at `token`, the one that opens a bracket too many (when
/// `brackets`) or indents a level too many.
#[cold]
fn too_deep(source: &str, token: &ruff_python_ast::token::Token, brackets: bool) -> ParseFailure {
    if brackets {
        ParseFailure {
            range: token.range(),
            kind: ExceptionType::SyntaxError,
            message: "too many nested parentheses".to_string(),
            unreadable: None,
        }
    } else {
        ParseFailure {
            range: TextRange::empty(size(line_start(source, usize::from(token.start())))),
            kind: ExceptionType::IndentationError,
            message: "too many levels of indentation".to_string(),
            unreadable: None,
        }
    }
}

/// The first logical line whose indentation compares differently with
/// tabs as 8 columns and as 1 (CPython's TabError, reported at the start of
/// that line): the tokenizer's `indstack` and `altindstack`.
pub(super) fn tab_failure(source: &str, tokens: &Tokens) -> Option<ParseFailure> {
    // Without a tab, both ways of counting columns agree everywhere.
    if !source.contains('\t') {
        return None;
    }
    let mut levels: Vec<(usize, usize)> = vec![(0, 0)];
    let mut at_line_start = true;
    for token in tokens.iter() {
        match token.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::NonLogicalNewline
            | TokenKind::Comment => continue,
            _ if !at_line_start => continue,
            _ => at_line_start = false,
        }
        let line_start = line_start(source, usize::from(token.start()));
        let (mut col, mut alt) = (0, 0);
        for c in source[line_start..].chars() {
            match c {
                ' ' => (col, alt) = (col + 1, alt + 1),
                '\t' => (col, alt) = ((col / 8 + 1) * 8, alt + 1),
                '\x0c' => (col, alt) = (0, 0),
                _ => break,
            }
        }
        let &(top, top_alt) = levels.last().expect("level 0 is never popped");
        let consistent = if col == top {
            alt == top_alt
        } else if col > top {
            levels.push((col, alt));
            alt > top_alt
        } else {
            while levels.len() > 1 && col < levels.last().expect("not empty").0 {
                levels.pop();
            }
            // A column matching no level is the parser's IndentationError.
            let &(top, top_alt) = levels.last().expect("level 0 is never popped");
            col != top || alt == top_alt
        };
        if !consistent {
            return Some(ParseFailure {
                range: TextRange::empty(size(line_start)),
                kind: ExceptionType::TabError,
                message: "inconsistent use of tabs and spaces in indentation".to_string(),
                unreadable: None,
            });
        }
    }
    None
}

/// The first bracket problem, as CPython's tokenizer reports it, and where
/// the tokenizer notices it: a closing bracket with no opener ("unmatched
/// ')'"), one that closes another kind ("closing parenthesis ']' does not
/// match opening parenthesis '('"), both at that bracket; or an opener never
/// closed ("'(' was never closed", reported at the opener, noticed at the
/// end of the file).
fn bracket_failure(tokens: &Tokens, end_of_file: TextSize) -> Option<(ParseFailure, TextSize)> {
    let mut open: Vec<(char, TextRange)> = Vec::new();
    for token in tokens.iter() {
        let bracket = match token.kind() {
            TokenKind::Lpar => Some(('(', true)),
            TokenKind::Lsqb => Some(('[', true)),
            TokenKind::Lbrace => Some(('{', true)),
            TokenKind::Rpar => Some((')', false)),
            TokenKind::Rsqb => Some((']', false)),
            TokenKind::Rbrace => Some(('}', false)),
            _ => None,
        };
        let Some((bracket, opening)) = bracket else {
            continue;
        };
        if opening {
            open.push((bracket, token.range()));
            continue;
        }
        let failure = |message: String| {
            let failure = ParseFailure {
                range: token.range(),
                kind: ExceptionType::SyntaxError,
                message,
                unreadable: None,
            };
            (failure, token.start())
        };
        match open.pop() {
            None => return Some(failure(format!("unmatched '{bracket}'"))),
            Some((opener, _)) if closing_of(opener) != bracket => {
                return Some(failure(format!(
                    "closing parenthesis '{bracket}' does not match opening parenthesis '{opener}'"
                )));
            }
            Some(_) => {}
        }
    }
    open.first().map(|&(opener, range)| {
        let failure = ParseFailure {
            range,
            kind: ExceptionType::SyntaxError,
            message: format!("'{opener}' was never closed"),
            unreadable: None,
        };
        (failure, end_of_file)
    })
}

fn closing_of(opener: char) -> char {
    match opener {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Syntax newer CPython accepts that the pinned parser fails on, when
/// `error` is where it failed: what to call it, and the version it is new
/// in. Measured on the standard libraries and test suites of 3.14 and
/// 3.15, this is the only such syntax there.
pub(super) fn newer_than_parser(
    tokens: &Tokens,
    error: &ParseError,
) -> Option<(&'static str, TargetVersion)> {
    let at = tokens
        .iter()
        .position(|token| token.start() >= error.location.start())?;
    // 3.15 takes a unary `+` in a literal pattern (`case +0:`): the error
    // stands at the `+`, on a line whose first token is `case`.
    if tokens[at].kind() != TokenKind::Plus {
        return None;
    }
    let line_first = tokens[..at]
        .iter()
        .rev()
        .take_while(|token| {
            !matches!(
                token.kind(),
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            )
        })
        .filter(|token| {
            !matches!(
                token.kind(),
                TokenKind::NonLogicalNewline | TokenKind::Comment
            )
        })
        .last()?;
    (line_first.kind() == TokenKind::Case).then_some((
        "a `+` in a literal pattern (`case +0:`)",
        TargetVersion {
            major: 3,
            minor: 15,
        },
    ))
}
