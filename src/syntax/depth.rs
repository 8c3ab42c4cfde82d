//! How deep expressions nest, measured without recursion, and taking apart
//! trees too deep for the recursive walks that would follow.
//!
//! Checking, rewriting and even dropping a syntax tree recurse once per
//! level of nesting, and chains such as `- - - x`, `a.b.c…`, `a + b + …` or
//! `a if b else c if d else …` nest without brackets, so a line nests as
//! deep as it is long. CPython refuses such files: its parser stops about
//! 6,000 levels down (MemoryError "Parser stack overflowed - Python source
//! too complex to parse") and its compiler about 3,000 (10,000 for operator
//! chains in 3.13; RecursionError). Here expressions may nest
//! [`MAX_NESTING`] deep; deeper input is refused with CPython's parser
//! error instead of overflowing the stack.

use super::ExceptionType;
use std::cell::RefCell;

use super::ast::visitor::transformer::{self, Transformer};
use super::ast::visitor::{self, Visitor};
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{Mode, lexer};

use super::ast::{self, Expr, Stmt};
use super::{ParseFailure, Ranged, TextRange, TextSize};

/// How many expressions may nest inside each other: over five times what
/// any CPython compiles, and within what the recursive walks over the tree
/// fit in [`crate::STACK_SIZE`] in a debug build (the deepest one takes
/// about 3.7 KiB a level there, 185 MiB at this depth).
pub const MAX_NESTING: usize = 50_000;

/// CPython's error when its parser runs out of stack (the message is 3.12's;
/// before, a bare MemoryError), saying here which `what` nests too deep.
pub(super) fn too_complex(at: TextSize, what: &str) -> ParseFailure {
    ParseFailure {
        range: TextRange::empty(at),
        kind: ExceptionType::MemoryError,
        message: format!(
            "Parser stack overflowed - Python source too complex to parse ({what} nested more than {MAX_NESTING} deep)"
        ),
        unreadable: None,
    }
}

/// The start of the first expression, in source order, nested more than
/// [`MAX_NESTING`] deep in `body` (the outermost expression of a statement
/// is at depth 1). Statements may nest only as deep as their indentation
/// allows, so only expressions are walked without recursion.
pub(super) fn first_too_deep(body: &[Stmt]) -> Option<TextSize> {
    let mut children = Children(Vec::new());
    children.visit_body(body);
    let mut pending: Vec<(&Expr, usize)> = children.0.drain(..).rev().map(|e| (e, 1)).collect();
    while let Some((expr, depth)) = pending.pop() {
        if depth > MAX_NESTING {
            return Some(expr.start());
        }
        visitor::walk_expr(&mut children, expr);
        pending.extend(children.0.drain(..).rev().map(|child| (child, depth + 1)));
    }
    None
}

/// The start of the `lambda` whose parameter list opens more than
/// [`MAX_NESTING`] deep inside the defaults of others (`lambda a=lambda
/// a=…`), if one does; `None` also when the file is too short or has too
/// few `lambda`s for that.
///
/// The parser grows its stack onto the heap as it descends into brackets,
/// operands and blocks, but not into a lambda's default values: there it
/// recurses on the thread's own stack, so this is checked before parsing,
/// from the tokens alone.
pub(super) fn lambda_defaults_too_deep(source: &str) -> Option<TextSize> {
    // Each level takes `lambda a=` at least.
    if source.len() <= MAX_NESTING * "lambda a=".len()
        || source.matches("lambda").count() <= MAX_NESTING
    {
        return None;
    }
    let mut lexer = lexer::lex(source, Mode::Module);
    let mut brackets = 0usize;
    // For each open parameter list, the bracket depth it opened at.
    let mut open: Vec<usize> = Vec::new();
    let mut lambdas = 0usize;
    loop {
        match lexer.next_token() {
            TokenKind::EndOfFile => return None,
            TokenKind::Lambda => {
                lambdas += 1;
                open.push(brackets);
                if open.len() > MAX_NESTING {
                    return Some(nth_lambda_keyword(source, lambdas));
                }
            }
            TokenKind::Colon if open.last() == Some(&brackets) => {
                open.pop();
            }
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => brackets += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                brackets = brackets.saturating_sub(1);
                // Parameter lists a bracket closes without their colon.
                while open.last().is_some_and(|&at| at > brackets) {
                    open.pop();
                }
            }
            TokenKind::Newline => {
                brackets = 0;
                open.clear();
            }
            _ => {}
        }
    }
}

/// Where the `n`-th `lambda` token (1-based) starts. The lexer gives no
/// offsets, so this counts the word `lambda` in the text; when strings or
/// comments hold that word too, the count cannot be trusted, and the start
/// of the file stands for the place.
fn nth_lambda_keyword(source: &str, n: usize) -> TextSize {
    let is_identifier = |c: char| c == '_' || c.is_alphanumeric();
    let words: Vec<usize> = source
        .match_indices("lambda")
        .map(|(at, _)| at)
        .filter(|&at| {
            !source[..at].ends_with(is_identifier)
                && !source[at + "lambda".len()..].starts_with(is_identifier)
        })
        .collect();
    let mut lexer = lexer::lex(source, Mode::Module);
    let tokens = std::iter::from_fn(|| Some(lexer.next_token()))
        .take_while(|kind| *kind != TokenKind::EndOfFile)
        .filter(|kind| *kind == TokenKind::Lambda)
        .count();
    match words.get(n - 1) {
        Some(&at) if words.len() == tokens => super::size(at),
        _ => TextSize::new(0),
    }
}

/// Collects the expressions a node holds directly, without descending into
/// them.
struct Children<'a>(Vec<&'a Expr>);

impl<'a> Visitor<'a> for Children<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.0.push(expr);
    }
}

/// Drops the expressions of `body` one at a time, leaving placeholders:
/// dropping a node drops what it holds first, a stack frame per level,
/// which a tree deeper than [`MAX_NESTING`] may not have room for.
pub(super) fn dismantle(body: &mut [Stmt]) {
    let detached = Detach(RefCell::new(Vec::new()));
    detached.visit_body(body);
    while let Some(mut expr) = detached.pop() {
        transformer::walk_expr(&detached, &mut expr);
    }
}

/// Moves the expressions a node holds directly out of it, leaving a `None`
/// literal in their place.
struct Detach(RefCell<Vec<Expr>>);

impl Detach {
    fn pop(&self) -> Option<Expr> {
        self.0.borrow_mut().pop()
    }
}

impl Transformer for Detach {
    fn visit_expr(&self, expr: &mut Expr) {
        let placeholder = Expr::NoneLiteral(ast::ExprNoneLiteral::default());
        self.0
            .borrow_mut()
            .push(std::mem::replace(expr, placeholder));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruff_python_parser::{Mode, ParseOptions, parse_unchecked};

    fn body(source: &str) -> Vec<Stmt> {
        let module = parse_unchecked(source, ParseOptions::from(Mode::Module))
            .into_syntax()
            .module()
            .expect("a module");
        module.body.into_iter().collect()
    }

    #[test]
    fn finds_the_first_expression_past_the_limit() {
        // `x = -…-a`: the statement's value is depth 1, the n-th `-` depth n.
        let at_limit = format!("x = {}a\n", "-".repeat(MAX_NESTING - 1));
        let mut tree = body(&at_limit);
        assert_eq!(first_too_deep(&tree), None);
        dismantle(&mut tree);
        let over = format!("y = 1\nx = {}a\n", "-".repeat(MAX_NESTING));
        let mut tree = body(&over);
        let expected = over.find('a').expect("the operand");
        assert_eq!(first_too_deep(&tree), Some(TextSize::new(expected as u32)));
        dismantle(&mut tree);
    }

    #[test]
    fn finds_lambdas_nested_in_defaults_past_the_limit() {
        let chain = |n: usize| format!("f = {}0{}\n", "lambda a=".repeat(n), ": a".repeat(n));
        assert_eq!(lambda_defaults_too_deep(&chain(MAX_NESTING)), None);
        let over = format!("# lambda\n{}", chain(MAX_NESTING + 1));
        // The comment's `lambda` makes the word count unreliable.
        assert_eq!(lambda_defaults_too_deep(&over), Some(TextSize::new(0)));
        let over = chain(MAX_NESTING + 1);
        let last = "f = ".len() + MAX_NESTING * "lambda a=".len();
        assert_eq!(
            lambda_defaults_too_deep(&over),
            Some(TextSize::new(last as u32))
        );
        // As many lambdas side by side, or each in its own body, are fine.
        let flat = format!("f = [{}]\n", "lambda a=0: a, ".repeat(MAX_NESTING + 1));
        assert_eq!(lambda_defaults_too_deep(&flat), None);
        let bodies = format!("f = {}0\n", "lambda a=0: ".repeat(MAX_NESTING + 1));
        assert_eq!(lambda_defaults_too_deep(&bodies), None);
    }

    #[test]
    fn dismantles_trees_deeper_than_the_stack_allows() {
        // Four times the limit, on the test thread's ordinary stack: dropping
        // this tree the usual way would overflow it.
        let source = format!(
            "def f(a=lambda: {}b): pass\n",
            "not ".repeat(4 * MAX_NESTING)
        );
        let mut tree = body(&source);
        assert!(first_too_deep(&tree).is_some());
        dismantle(&mut tree);
    }
}
