//! The one place that knows which Python parser `unawait` uses.
//!
//! Only this directory names the parser crates (`tests/code_health.rs`
//! checks it): everything else parses through [`parse`] and reads the tree
//! through the re-exported [`ast`], positions as [`TextRange`]. Moving to
//! another `ruff_python_parser` release (its API is not stable) changes the
//! parsing, error and token code here; the passes change only where the
//! nodes they read change shape. The parser is pinned at `=0.0.10`: it
//! accepts every file of CPython 3.7–3.14's standard library (template
//! strings, `except A, B:`, PEP 798 unpacking in comprehensions and lazy
//! imports included) and all of 3.15's but one: `test/test_patma.py`, for
//! 3.15's unary `+` in literal patterns (`case +0:`), which a file without
//! async syntax passes through with (see [`ParseFailure::unreadable`]). It
//! builds on the toolchain we target.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{Mode, ParseOptions};

use crate::config::TargetVersion;

pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

/// The byte offset of a [`TextSize`].
pub fn offset(size: TextSize) -> usize {
    usize::from(size)
}

/// The [`TextSize`] of a byte offset (sources the parser accepts are under
/// 4 GiB).
pub fn size(at: usize) -> TextSize {
    TextSize::new(u32::try_from(at).unwrap_or(u32::MAX))
}

/// The exception CPython raises for input it rejects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionType {
    SyntaxError,
    /// A subclass of `SyntaxError`.
    IndentationError,
    /// A subclass of `IndentationError`.
    TabError,
    /// Expressions nested deeper than the parser's stack (3.12+ words it as
    /// "Parser stack overflowed"; before, a bare `MemoryError`).
    MemoryError,
}

impl ExceptionType {
    /// The exception's name, as a traceback prints it.
    pub fn name(self) -> &'static str {
        match self {
            Self::SyntaxError => "SyntaxError",
            Self::IndentationError => "IndentationError",
            Self::TabError => "TabError",
            Self::MemoryError => "MemoryError",
        }
    }
}

impl std::fmt::Display for ExceptionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A parsed module together with what the printer needs besides the tree.
pub struct Module {
    pub body: ast::Suite,
    /// What follows, up to [`Module::has_async_syntax`], [`parse_for`]
    /// reads from the tokens only when the text holds the word `async` or
    /// `await`; otherwise the fields are empty (see there).
    ///
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
mod scopes;

pub use scopes::{
    Reach, any_expr, comprehension_generators, is_async_comprehension, walk_class_header,
    walk_comprehension_scope, walk_function_header,
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
    parse_module(source, None, true)
}

/// Parses `source` as [`parse`] does and, given a target version, also notes
/// the syntax that version does not have in [`Module::newer_syntax`].
///
/// For the front end, which drops a module without async syntax unread:
/// a text without the word `async` or `await` (most files) has none, and
/// its module comes without the printer's facts from the tokens (the
/// fields of [`Module`] before `has_async_syntax` are empty), sparing a
/// second walk over its tokens.
pub fn parse_for(source: &str, target: Option<TargetVersion>) -> Result<Module, ParseFailure> {
    parse_module(source, target, false)
}

/// [`parse_for`]; with `all_facts`, the printer's facts are read from the
/// tokens of every text.
fn parse_module(
    source: &str,
    target: Option<TargetVersion>,
    all_facts: bool,
) -> Result<Module, ParseFailure> {
    // CPython refuses these before tokenizing.
    if let Some(at) = source.find('\0') {
        return Err(ParseFailure {
            range: TextRange::empty(size(at)),
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
    let may_nest_too_deep = nesting.may_nest_too_deep;
    if let Some(failure) = first_failure(source, &parsed, nesting, target) {
        if may_nest_too_deep {
            let mut module = parsed
                .into_syntax()
                .module()
                .expect("parsed in module mode");
            depth::dismantle(&mut module.body);
        }
        return Err(failure);
    }
    let tokens = if all_facts || may_hold_async_syntax(source) {
        TokenFacts::of(source, parsed.tokens())
    } else {
        TokenFacts::default()
    };
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
        body: module.body,
        string_ranges: tokens.string_ranges,
        comment_ranges: tokens.comment_ranges,
        first_indent: tokens.first_indent,
        first_quote: tokens.first_quote,
        has_async_syntax: tokens.has_async_syntax,
        newer_syntax,
    })
}

/// The first error CPython would report for `parsed`: the tokenizer's
/// (nesting limits, inconsistent tabs) when it comes first, else the
/// parser's in CPython's wording, else expressions nested too deep for
/// CPython's parser. Syntax newer than the parser knows is named as
/// unreadable instead, unless the target predates it.
fn first_failure(
    source: &str,
    parsed: &ruff_python_parser::Parsed<ast::Mod>,
    nesting: errors::Nesting,
    target: Option<TargetVersion>,
) -> Option<ParseFailure> {
    let tokenizer_failure = nesting
        .failure
        .or_else(|| errors::tab_failure(source, parsed.tokens()));
    let failure = match parsed.errors().first() {
        Some(error) => {
            let mut failure = errors::cpython_failure(source, parsed.tokens(), error, target);
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
    failure.or_else(|| {
        if !nesting.may_nest_too_deep {
            return None;
        }
        let module = parsed.syntax().as_module().expect("parsed in module mode");
        let at = depth::first_too_deep(&module.body)?;
        Some(depth::too_complex(at, "expressions"))
    })
}

/// Whether `source` holds the word `async` or `await`, without which it has
/// no async syntax.
fn may_hold_async_syntax(source: &str) -> bool {
    memchr::memmem::find(source.as_bytes(), b"async").is_some()
        || memchr::memmem::find(source.as_bytes(), b"await").is_some()
}

/// What the printer needs from the tokens besides the tree (see
/// [`Module`]).
#[derive(Default)]
struct TokenFacts {
    string_ranges: Vec<TextRange>,
    comment_ranges: Vec<TextRange>,
    first_indent: Option<String>,
    first_quote: Option<char>,
    has_async_syntax: bool,
}

impl TokenFacts {
    fn of(source: &str, tokens: &ruff_python_ast::token::Tokens) -> Self {
        let mut facts = TokenFacts::default();
        // Start of the outermost open f-/t-string, and how deep the nesting is.
        let mut interpolated: Option<(TextSize, u32)> = None;
        for token in tokens.iter() {
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
                            facts.string_ranges.push(TextRange::new(start, range.end()));
                            None
                        }
                        Some((start, depth)) => Some((start, depth - 1)),
                        None => None,
                    };
                }
                TokenKind::String if interpolated.is_none() => {
                    if facts.first_quote.is_none() {
                        facts.first_quote = source[range].chars().find(|c| matches!(c, '\'' | '"'));
                    }
                    facts.string_ranges.push(range);
                }
                TokenKind::Indent if facts.first_indent.is_none() => {
                    // CPython counts columns from zero after a form feed.
                    let indent = &source[range];
                    facts.first_indent =
                        Some(indent[indent.rfind('\x0c').map_or(0, |i| i + 1)..].to_string());
                }
                TokenKind::Comment if interpolated.is_none() => facts.comment_ranges.push(range),
                TokenKind::Async | TokenKind::Await => facts.has_async_syntax = true,
                _ => {}
            }
        }
        facts
    }
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
            line += crate::line_index::count_line_breaks(&source[counted..start]);
            counted = start;
            lines.push(line);
            at_start = false;
        }
    }
    lines
}
