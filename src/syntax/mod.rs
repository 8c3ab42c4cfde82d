//! The one place that knows which Python parser `unawait` uses.
//!
//! Everything else imports the syntax tree through [`ast`] and parses through
//! [`parse`], so moving to another `ruff_python_parser` release (its API is not
//! stable) touches this file only. The parser is pinned at `=0.0.10`: it
//! accepts every file of CPython 3.7–3.14's standard library (template
//! strings, `except A, B:`, PEP 798 unpacking in comprehensions and lazy
//! imports included) and all of 3.15's but one: `test/test_patma.py`, for
//! 3.15's unary `+` in literal patterns (`case +0:`), which a file without
//! async syntax passes through with (see [`ParseFailure::unreadable`]). It
//! builds on the toolchain we target.

use crate::diagnostic::ExceptionType;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{Mode, ParseOptions};

use crate::config::TargetVersion;

pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

/// A parsed module together with what the printer needs besides the tree.
pub struct Module {
    pub body: Vec<ast::Stmt>,
    /// Byte ranges of string literals (plain, bytes, f- and t-strings), in
    /// source order and never overlapping: line starts inside them must not be
    /// re-indented.
    pub string_ranges: Vec<TextRange>,
    /// Byte ranges of comments, in source order.
    pub comment_ranges: Vec<TextRange>,
    /// The whitespace of the first indented block, if the file has one.
    pub first_indent: Option<String>,
    /// The quote character of the first plain string literal, if any.
    pub first_quote: Option<char>,
    /// Whether an `async` or `await` keyword occurs: without one there is
    /// nothing to check or rewrite.
    pub has_async_syntax: bool,
    /// Syntax newer than the target version [`parse_for`] was given, with
    /// the parser's explanation (first in source order); always empty
    /// without a target.
    pub newer_syntax: Vec<(TextRange, String)>,
}

mod depth;
pub use depth::MAX_NESTING;
mod errors;
pub use errors::{MAX_INDENT_LEVELS, MAX_NESTED_BRACKETS};
mod scopes;

pub use scopes::{
    comprehension_generators, is_async_comprehension, walk_class_header, walk_comprehension_scope,
    walk_function_header,
};

/// A parse failure: where, which of CPython's exception types it is, and
/// CPython's wording for it.
#[derive(Debug, Clone)]
pub struct ParseFailure {
    pub range: TextRange,
    /// `SyntaxError`, `IndentationError`, `TabError`, or `MemoryError` for
    /// expressions nested deeper than [`MAX_NESTING`] (CPython's parser
    /// gives up long before).
    pub kind: ExceptionType,
    pub message: String,
    /// Syntax CPython accepts (on the target version, or on the newest
    /// without one) that the pinned parser cannot read, rather than an
    /// error: `message` then names the construct.
    pub unreadable: Option<Unreadable>,
}

/// What [`ParseFailure::unreadable`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable {
    /// Whether the file holds an `async` or `await` keyword; one without
    /// has nothing to desugar and can pass through unread.
    pub has_async_syntax: bool,
}

/// Parses `source` as a module, or returns the first syntax error.
pub fn parse(source: &str) -> Result<Module, ParseFailure> {
    parse_for(source, None)
}

/// Parses `source` as [`parse`] does and, given a target version, also notes
/// the syntax that version does not have in [`Module::newer_syntax`].
pub fn parse_for(source: &str, target: Option<TargetVersion>) -> Result<Module, ParseFailure> {
    // CPython refuses these before tokenizing.
    if let Some(at) = source.find('\0') {
        return Err(ParseFailure {
            range: TextRange::empty(crate::text::size(at)),
            kind: ExceptionType::SyntaxError,
            message: "source code cannot contain null bytes".to_string(),
            unreadable: None,
        });
    }
    // Without a target nothing is checked against a version, so the parser
    // gets the newest: for older ones it also looks for syntax they lack,
    // and that search reads each f-string field's whole text, nested fields
    // included (time grows with the square of f-strings nested in fields).
    let version = target.map_or(ast::PythonVersion::latest(), |target| {
        (target.major, target.minor).into()
    });
    let options = ParseOptions::from(Mode::Module).with_target_version(version);
    if let Some(at) = depth::lambda_defaults_too_deep(source) {
        return Err(depth::too_complex(at, "lambda parameters"));
    }
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    // CPython's tokenizer stops at its nesting limits before it parses
    // anything further on.
    let nesting = errors::nesting(source, parsed.tokens());
    let tokenizer_failure = nesting
        .failure
        .or_else(|| errors::tab_failure(source, parsed.tokens()));
    let failure = match parsed.errors().first() {
        Some(error) => {
            let mut failure = errors::cpython_failure(source, parsed.tokens(), error, target);
            // Newer syntax than the parser knows: a failure only for a
            // target older than the syntax, otherwise named as unreadable.
            if let Some((construct, since)) = errors::newer_than_parser(parsed.tokens(), error)
                && target.is_none_or(|target| target >= since)
            {
                let has_async_syntax = parsed
                    .tokens()
                    .iter()
                    .any(|token| matches!(token.kind(), TokenKind::Async | TokenKind::Await));
                failure = ParseFailure {
                    range: error.location,
                    kind: ExceptionType::SyntaxError,
                    message: format!(
                        "unawait's parser cannot read {construct}, new in Python {}.{}; only files without async syntax pass through with it",
                        since.major, since.minor
                    ),
                    unreadable: Some(Unreadable { has_async_syntax }),
                };
            }
            Some(match tokenizer_failure {
                Some(too_deep) if too_deep.range.start() <= failure.range.start() => too_deep,
                _ => failure,
            })
        }
        None => tokenizer_failure,
    };
    let failure = failure.or_else(|| {
        if !nesting.may_nest_too_deep {
            return None;
        }
        let module = parsed.syntax().as_module().expect("parsed in module mode");
        let at = depth::first_too_deep(&module.body)?;
        Some(depth::too_complex(at, "expressions"))
    });
    if let Some(failure) = failure {
        if nesting.may_nest_too_deep {
            let mut module = parsed
                .into_syntax()
                .module()
                .expect("parsed in module mode");
            depth::dismantle(&mut module.body);
        }
        return Err(failure);
    }

    let mut string_ranges = Vec::new();
    let mut comment_ranges = Vec::new();
    // Start of the outermost open f-/t-string, and how deep the nesting is.
    let mut interpolated: Option<(TextSize, u32)> = None;
    let mut first_indent = None;
    let mut first_quote = None;
    let mut has_async_syntax = false;
    for token in parsed.tokens().iter() {
        let range = token.range();
        match token.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => {
                interpolated = match interpolated {
                    None => Some((range.start(), 1)),
                    Some((start, depth)) => Some((start, depth + 1)),
                };
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                interpolated = match interpolated {
                    Some((start, 1)) => {
                        string_ranges.push(TextRange::new(start, range.end()));
                        None
                    }
                    Some((start, depth)) => Some((start, depth - 1)),
                    None => None,
                };
            }
            TokenKind::String if interpolated.is_none() => {
                if first_quote.is_none() {
                    first_quote = source[range].chars().find(|c| matches!(c, '\'' | '"'));
                }
                string_ranges.push(range);
            }
            TokenKind::Indent if first_indent.is_none() => {
                // CPython counts columns from zero after a form feed.
                let indent = &source[range];
                first_indent =
                    Some(indent[indent.rfind('\x0c').map_or(0, |i| i + 1)..].to_string());
            }
            TokenKind::Comment if interpolated.is_none() => comment_ranges.push(range),
            TokenKind::Async | TokenKind::Await => has_async_syntax = true,
            _ => {}
        }
    }

    let newer_syntax = match target {
        Some(_) => parsed
            .unsupported_syntax_errors()
            .iter()
            .map(|error| (error.range, error.to_string()))
            .collect(),
        None => Vec::new(),
    };
    let module = parsed
        .into_syntax()
        .module()
        .expect("parsed in module mode");
    Ok(Module {
        body: module.body.into_iter().collect(),
        string_ranges,
        comment_ranges,
        first_indent,
        first_quote,
        has_async_syntax,
        newer_syntax,
    })
}

/// What a token is, for syntax highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// `async` and `await`, the keywords `unawait` rewrites.
    AsyncKeyword,
    Keyword,
    /// A name right after `def` or `class`.
    Definition,
    String,
    Number,
    Comment,
    Operator,
}

/// The tokens of `source` worth colouring, in source order (names and
/// whitespace are left out). Works on any text: an unparsable tail is
/// simply not coloured.
pub fn highlight(source: &str) -> Vec<(TextRange, TokenClass)> {
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(Mode::Module));
    let mut classes = Vec::new();
    let mut after_def = false;
    for token in parsed.tokens().iter() {
        let kind = token.kind();
        let class = match kind {
            TokenKind::Async | TokenKind::Await => Some(TokenClass::AsyncKeyword),
            TokenKind::Name if after_def => Some(TokenClass::Definition),
            TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::FStringMiddle
            | TokenKind::FStringEnd
            | TokenKind::TStringStart
            | TokenKind::TStringMiddle
            | TokenKind::TStringEnd => Some(TokenClass::String),
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => Some(TokenClass::Number),
            TokenKind::Comment => Some(TokenClass::Comment),
            _ if kind.is_non_soft_keyword() => Some(TokenClass::Keyword),
            _ if kind.is_operator() => Some(TokenClass::Operator),
            _ => None,
        };
        after_def = matches!(kind, TokenKind::Def | TokenKind::Class);
        if let Some(class) = class {
            classes.push((token.range(), class));
        }
    }
    classes
}

/// The 0-based lines of a valid `source` on which a logical line (a
/// statement, or a compound statement's header) starts: a comment line
/// inserted before one of them cannot land inside a string, a bracket or a
/// backslash continuation.
pub fn logical_line_starts(source: &str) -> Vec<usize> {
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(Mode::Module));
    let mut lines = Vec::new();
    let mut at_start = true;
    let mut line = 0;
    let mut counted = 0;
    for token in parsed.tokens().iter() {
        let kind = token.kind();
        if matches!(
            kind,
            TokenKind::Newline
                | TokenKind::NonLogicalNewline
                | TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::Comment
                | TokenKind::EndOfFile
        ) {
            at_start |= kind == TokenKind::Newline;
            continue;
        }
        if at_start {
            let start = usize::from(token.start());
            line += crate::text::count_line_breaks(&source[counted..start]);
            counted = start;
            lines.push(line);
            at_start = false;
        }
    }
    lines
}
