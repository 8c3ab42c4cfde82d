//! Which scope evaluates what, as CPython's symbol table decides: the
//! walks the checker and the passes share.

use super::ast::visitor::{self, Visitor};
use super::ast::{self, Expr};

/// Visits what a function definition evaluates in the scope around it:
/// decorators, type parameters, default values and annotations (not the
/// body, which is the function's own scope).
pub fn walk_function_header<'a, V: Visitor<'a> + ?Sized>(
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
pub fn walk_class_header<'a, V: Visitor<'a> + ?Sized>(
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
pub fn comprehension_generators(expr: &Expr) -> &[ast::Comprehension] {
    match expr {
        Expr::ListComp(c) => &c.generators,
        Expr::SetComp(c) => &c.generators,
        Expr::DictComp(c) => &c.generators,
        Expr::Generator(c) => &c.generators,
        _ => &[],
    }
}

/// Visits the expressions a comprehension evaluates in its own scope: every
/// iterable but the first (which the enclosing scope evaluates), the
/// conditions and the element; not the targets.
pub fn walk_comprehension_scope<'a, V: Visitor<'a> + ?Sized>(expr: &'a Expr, visitor: &mut V) {
    for (index, generator) in comprehension_generators(expr).iter().enumerate() {
        if index > 0 {
            visitor.visit_expr(&generator.iter);
        }
        for condition in &generator.ifs {
            visitor.visit_expr(condition);
        }
    }
    match expr {
        Expr::ListComp(c) => visitor.visit_expr(&c.elt),
        Expr::SetComp(c) => visitor.visit_expr(&c.elt),
        Expr::Generator(c) => visitor.visit_expr(&c.elt),
        Expr::DictComp(c) => {
            if let Some(key) = &c.key {
                visitor.visit_expr(key);
            }
            visitor.visit_expr(&c.value);
        }
        _ => {}
    }
}

/// Which expressions [`any_expr`] searches.
#[derive(Clone, Copy)]
pub enum Reach {
    /// The expression and everything inside it, lambdas and comprehensions
    /// included.
    Everything,
    /// What a comprehension evaluates in its own scope (see
    /// [`walk_comprehension_scope`]), and everything inside that.
    ComprehensionScope,
}

/// Whether `found` holds for an expression within `reach` of `expr`; the
/// search stops at the first one, and does not look inside it.
pub fn any_expr(expr: &Expr, reach: Reach, found: impl Fn(&Expr) -> bool) -> bool {
    struct Search<F> {
        found: F,
        done: bool,
    }
    impl<'a, F: Fn(&Expr) -> bool> Visitor<'a> for Search<F> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.done {
                return;
            }
            if (self.found)(expr) {
                self.done = true;
            } else {
                visitor::walk_expr(self, expr);
            }
        }
    }
    let mut search = Search { found, done: false };
    match reach {
        Reach::Everything => search.visit_expr(expr),
        Reach::ComprehensionScope => walk_comprehension_scope(expr, &mut search),
    }
    search.done
}

/// Whether a comprehension runs as a coroutine: it has an `async for`
/// clause, or its own scope awaits or holds an asynchronous comprehension
/// that is not a generator expression (CPython 3.11+; before, that inner
/// comprehension was an error of its own). A generator expression so
/// marked is an asynchronous generator expression.
pub fn is_async_comprehension(expr: &Expr) -> bool {
    if comprehension_generators(expr).iter().any(|g| g.is_async) {
        return true;
    }
    let mut finder = OwnScopeAsync(false);
    walk_comprehension_scope(expr, &mut finder);
    finder.0
}

/// Finds what makes the scope it walks a coroutine.
struct OwnScopeAsync(bool);

impl<'a> Visitor<'a> for OwnScopeAsync {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.0 {
            return;
        }
        match expr {
            Expr::Await(_) => self.0 = true,
            // The body is a scope of its own; defaults are evaluated here.
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                // Its first iterable is evaluated here.
                if let Some(first) = comprehension_generators(expr).first() {
                    self.visit_expr(&first.iter);
                }
                if !expr.is_generator_expr() && is_async_comprehension(expr) {
                    self.0 = true;
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
