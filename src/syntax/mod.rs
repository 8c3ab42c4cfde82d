//! The one place that knows which Python parser `unawait` uses.
//!
//! Everything else imports the syntax tree through [`ast`] and parses through
//! [`parse`], so moving to another `ruff_python_parser` release (its API is not
//! stable) touches this file only. The parser is pinned at `=0.0.10`: it
//! accepts every file of CPython 3.7–3.13's standard library and builds on the
//! toolchain we target.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{Mode, ParseOptions};

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
}

mod errors;

/// A parse failure: where, which of CPython's exception types it is, and
/// CPython's wording for it.
#[derive(Debug, Clone)]
pub struct ParseFailure {
    pub range: TextRange,
    /// `SyntaxError` or `IndentationError`.
    pub kind: &'static str,
    pub message: String,
}

/// Parses `source` as a module, or returns the first syntax error.
pub fn parse(source: &str) -> Result<Module, ParseFailure> {
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(Mode::Module));
    if let Some(error) = parsed.errors().first() {
        return Err(errors::cpython_failure(source, parsed.tokens(), error));
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
    })
}

/// Visits what a function definition evaluates in the scope around it:
/// decorators, type parameters, default values and annotations (not the
/// body, which is the function's own scope).
pub fn walk_function_header<'a, V: ast::visitor::Visitor<'a> + ?Sized>(
    visitor: &mut V,
    def: &'a ast::StmtFunctionDef,
) {
    for decorator in &def.decorator_list {
        visitor.visit_decorator(decorator);
    }
    if let Some(type_params) = &def.type_params {
        visitor.visit_type_params(type_params);
    }
    visitor.visit_parameters(&def.parameters);
    if let Some(returns) = &def.returns {
        visitor.visit_annotation(returns);
    }
}

/// Visits what a class definition evaluates in the scope around it:
/// decorators, type parameters, bases and keywords (not the body).
pub fn walk_class_header<'a, V: ast::visitor::Visitor<'a> + ?Sized>(
    visitor: &mut V,
    class: &'a ast::StmtClassDef,
) {
    for decorator in &class.decorator_list {
        visitor.visit_decorator(decorator);
    }
    if let Some(type_params) = &class.type_params {
        visitor.visit_type_params(type_params);
    }
    if let Some(arguments) = &class.arguments {
        visitor.visit_arguments(arguments);
    }
}

/// The `for` clauses of a comprehension or generator expression (none for
/// other expressions).
pub fn comprehension_generators(expr: &ast::Expr) -> &[ast::Comprehension] {
    match expr {
        ast::Expr::ListComp(c) => &c.generators,
        ast::Expr::SetComp(c) => &c.generators,
        ast::Expr::DictComp(c) => &c.generators,
        ast::Expr::Generator(c) => &c.generators,
        _ => &[],
    }
}

/// Visits the expressions a comprehension evaluates in its own scope: every
/// iterable but the first (which the enclosing scope evaluates), the
/// conditions and the element; not the targets.
pub fn walk_comprehension_scope<'a, V: ast::visitor::Visitor<'a> + ?Sized>(
    expr: &'a ast::Expr,
    visitor: &mut V,
) {
    for (index, generator) in comprehension_generators(expr).iter().enumerate() {
        if index > 0 {
            visitor.visit_expr(&generator.iter);
        }
        for condition in &generator.ifs {
            visitor.visit_expr(condition);
        }
    }
    match expr {
        ast::Expr::ListComp(c) => visitor.visit_expr(&c.elt),
        ast::Expr::SetComp(c) => visitor.visit_expr(&c.elt),
        ast::Expr::Generator(c) => visitor.visit_expr(&c.elt),
        ast::Expr::DictComp(c) => {
            if let Some(key) = &c.key {
                visitor.visit_expr(key);
            }
            visitor.visit_expr(&c.value);
        }
        _ => {}
    }
}
