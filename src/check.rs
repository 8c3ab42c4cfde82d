//! Rejects what CPython rejects at compile time about async code, with
//! CPython's wording.
//!
//! Scoping follows CPython's symbol table: decorators, default values,
//! annotations and class bases belong to the enclosing scope; the first
//! iterable of a comprehension too; everything else of a comprehension is
//! its own scope. Since 3.12, type parameters' bounds and defaults, a type
//! alias's value, and the annotations and bases of a generic definition
//! are each an annotation scope of their own, where `await` is rejected.
//! Wording follows CPython 3.8+ (3.6 still treated `await` as a name outside
//! `async def`; 3.7 only differs in columns; 3.12 calls a TypeVar
//! constraint a bound).
//!
//! Annotations are where versions disagree, so the checker follows the
//! version it is given (the target version; 3.11 without one):
//!
//! | version | annotations | `await` in one |
//! |---|---|---|
//! | ≤ 3.13 | evaluated where they stand, but a plain name's in a function body is never compiled | as in that scope (accepted in an `async def`) |
//! | 3.7–3.9, `from __future__ import annotations` | kept as text, never compiled | accepted |
//! | 3.10–3.11, same | kept as text; the symbol table rejects `await` directly in one | "'await expression' can not be used within an annotation" |
//! | 3.12–3.13, same | same | "await expression cannot be used within an annotation" |
//! | ≥ 3.14 (PEP 649/749) | each an annotation scope of its own, evaluated on demand | "await expression cannot be used within an annotation"; an async comprehension there is "outside of an asynchronous function" |

use crate::config::TargetVersion;
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::visitor::{self, Visitor};
use crate::syntax::ast::{self, Expr, Stmt, TypeParam};
use crate::syntax::{
    Ranged, TextRange, comprehension_generators, is_async_comprehension, walk_class_header,
    walk_comprehension_scope, walk_function_header,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Class,
    Function {
        is_async: bool,
    },
    Lambda,
    /// A comprehension's own scope, which CPython's messages call `what`:
    /// "list comprehension", ..., "generator expression".
    Comprehension {
        what: &'static str,
    },
    /// An annotation scope (3.12+), which CPython's messages call `what`:
    /// "a TypeVar bound", "the definition of a generic", "an annotation"
    /// (3.14+), ...
    Annotation {
        what: &'static str,
    },
    /// An annotation kept as text (`from __future__ import annotations`,
    /// 3.10–3.13): only an `await` directly in it is an error, worded
    /// `message`; lambdas and comprehensions in it are never compiled.
    Stringified {
        message: &'static str,
    },
}

/// Why an annotation under `from __future__ import annotations` is never
/// compiled.
const STRINGIFIED: &str = "an annotation that `from __future__ import annotations` keeps as text";

/// How the version checked against treats annotations (see the module
/// documentation's table).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Annotations {
    /// Evaluated in the scope around them (3.13 and older), except a plain
    /// name's in a function body, which is never compiled.
    Evaluated,
    /// Never compiled: `from __future__ import annotations` before 3.10.
    Unchecked,
    /// `from __future__ import annotations`, 3.10–3.13.
    Stringified { message: &'static str },
    /// 3.14+: each annotation is an annotation scope (PEP 649/749).
    Deferred,
}

impl Annotations {
    fn of(version: TargetVersion, future_annotations: bool) -> Annotations {
        let at_least = |minor| version >= TargetVersion { major: 3, minor };
        if at_least(14) {
            Annotations::Deferred
        } else if !future_annotations {
            Annotations::Evaluated
        } else if at_least(12) {
            Annotations::Stringified {
                message: "await expression cannot be used within an annotation",
            }
        } else if at_least(10) {
            Annotations::Stringified {
                message: "'await expression' can not be used within an annotation",
            }
        } else {
            Annotations::Unchecked
        }
    }
}

/// The version whose wording and rules apply without a target version.
pub const DEFAULT_VERSION: TargetVersion = TargetVersion {
    major: 3,
    minor: 11,
};

/// What CPython's messages call the annotation scope of a generic
/// definition's annotations and bases.
const GENERIC_DEFINITION: &str = "the definition of a generic";

/// Returns every problem found, CPython's syntax errors first, as CPython
/// `version` reports them.
pub fn check(body: &[Stmt], version: TargetVersion) -> Vec<Diagnostic> {
    let mut checker = Checker {
        scopes: vec![Scope::Module],
        async_functions: Vec::new(),
        diagnostics: Vec::new(),
        annotations: Annotations::of(version, has_future_annotations(body)),
        unevaluated: None,
    };
    checker.visit_body(body);
    let mut diagnostics = checker.diagnostics;
    diagnostics.sort_by_key(|d| {
        (
            d.severity != crate::diagnostic::Severity::SyntaxError,
            d.range.start(),
        )
    });
    diagnostics
}

/// What the checker learns about an `async def` body while walking it.
#[derive(Default)]
struct AsyncFunction {
    is_generator: bool,
    returns_with_value: Vec<TextRange>,
}

/// Whether the module starts (after its docstring) with `from __future__
/// import annotations` among its future imports, which must come first.
fn has_future_annotations(body: &[Stmt]) -> bool {
    body.iter()
        .enumerate()
        .take_while(|(index, stmt)| match stmt {
            Stmt::ImportFrom(import) => import.module.as_deref() == Some("__future__"),
            Stmt::Expr(expr) => *index == 0 && expr.value.is_string_literal_expr(),
            _ => false,
        })
        .any(|(_, stmt)| match stmt {
            Stmt::ImportFrom(import) => import.names.iter().any(|n| &n.name == "annotations"),
            _ => false,
        })
}

struct Checker {
    scopes: Vec<Scope>,
    /// One entry per enclosing `async def`.
    async_functions: Vec<AsyncFunction>,
    diagnostics: Vec<Diagnostic>,
    annotations: Annotations,
    /// Inside an annotation CPython never compiles, and so never checks:
    /// `Some(why)` says why it is never compiled.
    unevaluated: Option<&'static str>,
}

impl Checker {
    fn scope(&self) -> Scope {
        *self
            .scopes
            .last()
            .expect("the module scope is never popped")
    }

    /// The nearest scope that is not a comprehension.
    fn enclosing(&self) -> Scope {
        self.scopes
            .iter()
            .rev()
            .copied()
            .find(|scope| !matches!(scope, Scope::Comprehension { .. }))
            .unwrap_or(Scope::Module)
    }

    fn in_async_function(&self) -> bool {
        self.enclosing() == Scope::Function { is_async: true }
    }

    fn error(&mut self, range: TextRange, message: &str) {
        self.diagnostics
            .push(Diagnostic::syntax_error(range, message));
    }

    fn in_annotation_scope(&mut self, what: &'static str, visit: impl FnOnce(&mut Self)) {
        self.with_scope(Scope::Annotation { what }, visit);
    }

    fn unevaluated(&mut self, why: &'static str, visit: impl FnOnce(&mut Self)) {
        let outer = self.unevaluated.replace(why);
        visit(self);
        self.unevaluated = outer;
    }

    fn with_scope(&mut self, scope: Scope, visit: impl FnOnce(&mut Self)) {
        self.scopes.push(scope);
        visit(self);
        self.scopes.pop();
    }

    fn visit_function_body(&mut self, is_async: bool, body: &[Stmt]) {
        if is_async {
            self.async_functions.push(AsyncFunction::default());
        }
        self.with_scope(Scope::Function { is_async }, |checker| {
            checker.visit_body(body)
        });
        if is_async
            && let Some(function) = self.async_functions.pop()
            && function.is_generator
        {
            for range in function.returns_with_value {
                self.error(range, "'return' with value in async generator");
            }
        }
    }

    fn current_async_function(&mut self) -> Option<&mut AsyncFunction> {
        if matches!(self.scope(), Scope::Function { is_async: true }) {
            self.async_functions.last_mut()
        } else {
            None
        }
    }

    /// An asynchronous comprehension ([`is_async_comprehension`]) other
    /// than a generator expression needs an `async def` around it, or
    /// (3.11+) a comprehension directly around it, which is then
    /// asynchronous in turn. The error stands at the outermost
    /// comprehension, as 3.11+ report it (3.7–3.10 at the innermost).
    fn visit_comprehension_expr(&mut self, expr: &Expr) {
        let generators = comprehension_generators(expr);
        let is_generator = matches!(expr, Expr::Generator(_));
        if !is_generator
            && !self.in_async_function()
            && !matches!(self.scope(), Scope::Comprehension { .. })
            && is_async_comprehension(expr)
        {
            self.error(
                expr.range(),
                "asynchronous comprehension outside of an asynchronous function",
            );
        }
        let Some(first) = generators.first() else {
            return;
        };
        let what = match expr {
            Expr::ListComp(_) => "list comprehension",
            Expr::SetComp(_) => "set comprehension",
            Expr::DictComp(_) => "dict comprehension",
            _ => "generator expression",
        };
        self.visit_expr(&first.iter);
        self.with_scope(Scope::Comprehension { what }, |checker| {
            for generator in generators {
                checker.visit_expr(&generator.target);
            }
            walk_comprehension_scope(expr, checker);
        });
    }
}

impl Checker {
    /// A function definition: with type parameters, its annotations are in
    /// an annotation scope of their own while decorators and defaults stay
    /// in the enclosing scope.
    fn visit_function_def(&mut self, def: &ast::StmtFunctionDef) {
        match &def.type_params {
            None => walk_function_header(self, def),
            // Decorators and defaults stay in the enclosing scope.
            Some(type_params) => {
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                for parameter in def.parameters.iter_non_variadic_params() {
                    if let Some(default) = &parameter.default {
                        self.visit_expr(default);
                    }
                }
                self.visit_type_params(type_params);
                self.in_annotation_scope(GENERIC_DEFINITION, |checker| {
                    for parameter in def.parameters.iter() {
                        if let Some(annotation) = parameter.annotation() {
                            checker.visit_annotation(annotation);
                        }
                    }
                    if let Some(returns) = &def.returns {
                        checker.visit_annotation(returns);
                    }
                });
            }
        }
        self.visit_function_body(def.is_async, &def.body);
    }

    /// A class definition: with type parameters, its bases are in an
    /// annotation scope of their own.
    fn visit_class_def(&mut self, class: &ast::StmtClassDef) {
        match &class.type_params {
            None => walk_class_header(self, class),
            Some(type_params) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                self.visit_type_params(type_params);
                if let Some(arguments) = &class.arguments {
                    self.in_annotation_scope(GENERIC_DEFINITION, |checker| {
                        checker.visit_arguments(arguments);
                    });
                }
            }
        }
        self.with_scope(Scope::Class, |checker| checker.visit_body(&class.body));
    }
}

impl<'a> Visitor<'a> for Checker {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => self.visit_function_def(def),
            Stmt::ClassDef(class) => self.visit_class_def(class),
            Stmt::TypeAlias(alias) => {
                if let Some(type_params) = &alias.type_params {
                    self.visit_type_params(type_params);
                }
                self.in_annotation_scope("a type alias", |checker| {
                    checker.visit_expr(&alias.value);
                });
            }
            Stmt::With(with) if with.is_async && !self.in_async_function() => {
                self.error(stmt.range(), "'async with' outside async function");
                visitor::walk_stmt(self, stmt);
            }
            Stmt::For(for_) if for_.is_async && !self.in_async_function() => {
                self.error(stmt.range(), "'async for' outside async function");
                visitor::walk_stmt(self, stmt);
            }
            // Before 3.14 a plain name's annotation in a function body is
            // never compiled: nothing in it is an error. (In an `async def`
            // the rewritten annotation is never evaluated either.)
            Stmt::AnnAssign(assign)
                if assign.simple
                    && self.annotations == Annotations::Evaluated
                    && self.enclosing() == (Scope::Function { is_async: false }) =>
            {
                if let Some(value) = &assign.value {
                    self.visit_expr(value);
                }
                self.unevaluated(
                    "a plain name's annotation in a function body, which Python 3.13 and older never evaluate",
                    |checker| checker.visit_expr(&assign.annotation),
                );
                self.visit_expr(&assign.target);
            }
            // In an `async def` it is rewritten like the rest of the body,
            // harmlessly (never evaluated either way), and nothing in it is
            // an error: a lambda's `await` there, say.
            Stmt::AnnAssign(assign)
                if assign.simple
                    && self.annotations == Annotations::Evaluated
                    && self.enclosing() == (Scope::Function { is_async: true }) =>
            {
                if let Some(value) = &assign.value {
                    self.visit_expr(value);
                }
                let found = self.diagnostics.len();
                self.visit_expr(&assign.annotation);
                self.diagnostics.truncate(found);
                self.visit_expr(&assign.target);
            }
            Stmt::Return(ret) => {
                if ret.value.is_some()
                    && let Some(function) = self.current_async_function()
                {
                    function.returns_with_value.push(stmt.range());
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_type_param(&mut self, type_param: &'a TypeParam) {
        let (bound, default, default_what) = match type_param {
            TypeParam::TypeVar(var) => (
                var.bound.as_deref(),
                var.default.as_deref(),
                "a TypeVar default",
            ),
            TypeParam::TypeVarTuple(tuple) => {
                (None, tuple.default.as_deref(), "a TypeVarTuple default")
            }
            TypeParam::ParamSpec(spec) => (None, spec.default.as_deref(), "a ParamSpec default"),
        };
        if let Some(bound) = bound {
            // A tuple lists the constraints.
            let what = if bound.is_tuple_expr() {
                "a TypeVar constraint"
            } else {
                "a TypeVar bound"
            };
            self.in_annotation_scope(what, |checker| checker.visit_expr(bound));
        }
        if let Some(default) = default {
            self.in_annotation_scope(default_what, |checker| checker.visit_expr(default));
        }
    }

    fn visit_annotation(&mut self, expr: &'a Expr) {
        match self.annotations {
            Annotations::Evaluated => self.visit_expr(expr),
            Annotations::Unchecked => {
                self.unevaluated(STRINGIFIED, |checker| checker.visit_expr(expr));
            }
            Annotations::Stringified { message } => {
                self.with_scope(Scope::Stringified { message }, |checker| {
                    checker.visit_expr(expr)
                });
            }
            Annotations::Deferred => {
                self.in_annotation_scope("an annotation", |checker| checker.visit_expr(expr));
            }
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Some(why) = self.unevaluated {
            // CPython accepts anything here; the passes, though, would
            // rewrite async syntax into code that runs (a `yield` that
            // makes the function around a generator, say).
            let is_async = expr.is_await_expr()
                || (!comprehension_generators(expr).is_empty() && is_async_comprehension(expr));
            if is_async {
                self.diagnostics.push(Diagnostic::unsupported(
                    expr.range(),
                    format!("async syntax in {why}: unawait would rewrite it into code that runs; move it out of the annotation"),
                ));
            } else {
                visitor::walk_expr(self, expr);
            }
            return;
        }
        if let Scope::Stringified { message } = self.scope() {
            match expr {
                Expr::Await(_) => self.error(expr.range(), message),
                // Their own scopes, which the compiler never reaches.
                Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_) => {
                    return self.unevaluated(STRINGIFIED, |checker| checker.visit_expr(expr));
                }
                _ => {}
            }
            return visitor::walk_expr(self, expr);
        }
        match expr {
            Expr::Await(_) => {
                match self.scope() {
                    Scope::Module | Scope::Class => {
                        self.error(expr.range(), "'await' outside function")
                    }
                    Scope::Function { is_async: false } | Scope::Lambda => {
                        self.error(expr.range(), "'await' outside async function");
                    }
                    Scope::Annotation { what } => self.error(
                        expr.range(),
                        &format!("await expression cannot be used within {what}"),
                    ),
                    Scope::Function { is_async: true }
                    | Scope::Comprehension { .. }
                    | Scope::Stringified { .. } => {}
                }
                visitor::walk_expr(self, expr);
            }
            Expr::YieldFrom(_) if matches!(self.scope(), Scope::Function { is_async: true }) => {
                self.error(expr.range(), "'yield from' inside async function");
                visitor::walk_expr(self, expr);
            }
            // A comprehension is a function of its own; a `yield` would
            // make it a generator (3.8+ reject it; the passes would move it
            // into the function a comprehension becomes).
            Expr::Yield(_) | Expr::YieldFrom(_)
                if matches!(self.scope(), Scope::Comprehension { .. }) =>
            {
                if let Scope::Comprehension { what } = self.scope() {
                    self.error(expr.range(), &format!("'yield' inside {what}"));
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Yield(_) => {
                if let Some(function) = self.current_async_function() {
                    function.is_generator = true;
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
                self.with_scope(Scope::Lambda, |checker| checker.visit_expr(&lambda.body));
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.visit_comprehension_expr(expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn messages(source: &str) -> Vec<String> {
        messages_on(source, DEFAULT_VERSION)
    }

    fn messages_on(source: &str, version: TargetVersion) -> Vec<String> {
        let module = parse(source).unwrap();
        check(&module.body, version)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn await_placement() {
        assert_eq!(messages("await x\n"), ["'await' outside function"]);
        assert_eq!(
            messages("def f():\n    await x\n"),
            ["'await' outside async function"]
        );
        assert_eq!(
            messages("async def f():\n    class C:\n        await x\n"),
            ["'await' outside function"]
        );
        assert_eq!(
            messages("async def f():\n    lambda: await x\n"),
            ["'await' outside async function"]
        );
        assert!(
            messages("async def f():\n    def g(a=await x, *, b: await y) -> await z: pass\n")
                .is_empty()
        );
        assert!(messages("async def f():\n    class C(await base): pass\n").is_empty());
        assert!(messages("async def f():\n    [x for x in await y]\n").is_empty());
        assert_eq!(
            messages("def f():\n    [x for x in await y]\n"),
            ["'await' outside async function"]
        );
    }

    #[test]
    fn async_statements_outside_async_functions() {
        assert_eq!(
            messages(
                "async def f():\n    def g():\n        async with a: pass\n        async for x in y: pass\n"
            ),
            [
                "'async with' outside async function",
                "'async for' outside async function"
            ]
        );
    }

    #[test]
    fn generator_misuse() {
        assert_eq!(
            messages("async def f():\n    yield from x\n"),
            ["'yield from' inside async function"]
        );
        assert_eq!(
            messages("async def f():\n    yield 1\n    return 2\n"),
            ["'return' with value in async generator"]
        );
        assert!(
            messages("async def f():\n    def g():\n        yield 1\n        return 2\n")
                .is_empty()
        );
    }

    #[test]
    fn comprehensions() {
        assert_eq!(
            messages("def f():\n    [x async for x in y]\n"),
            ["asynchronous comprehension outside of an asynchronous function"]
        );
        assert_eq!(
            messages("[await x for y in z]\n"),
            ["asynchronous comprehension outside of an asynchronous function"]
        );
        assert!(messages("(x async for x in y)\n").is_empty());
        assert!(messages("async def f():\n    {k: await v for k, v in d}\n").is_empty());
        assert!(messages("f = lambda y: (x async for x in y)\n").is_empty());
        assert!(messages("async def f():\n    [lambda: 1 for x in y]\n").is_empty());
    }

    #[test]
    fn yield_in_comprehensions() {
        assert_eq!(
            messages("async def f():\n    [(yield x) async for x in y]\n"),
            ["'yield' inside list comprehension"]
        );
        assert_eq!(
            messages("async def f():\n    ((yield from x) async for x in y)\n"),
            ["'yield' inside generator expression"]
        );
        // The first iterable is evaluated outside; a lambda is its own scope.
        assert!(messages("async def f():\n    [x async for x in (yield)]\n").is_empty());
        assert!(messages("async def f():\n    [lambda: (yield) async for x in y]\n").is_empty());
    }

    #[test]
    fn annotations_follow_the_version() {
        let py = |minor| TargetVersion { major: 3, minor };
        let nested = "async def f():\n    def g(a: await x): pass\n";
        assert!(messages_on(nested, py(13)).is_empty());
        assert_eq!(
            messages_on(nested, py(14)),
            ["await expression cannot be used within an annotation"]
        );
        let future = format!("from __future__ import annotations\n{nested}");
        assert_eq!(
            messages_on(&future, py(11)),
            ["'await expression' can not be used within an annotation"]
        );
        assert_eq!(
            messages_on(&future, py(12)),
            ["await expression cannot be used within an annotation"]
        );
        // Never compiled before 3.10: accepted, but not rewritten.
        assert_eq!(messages_on(&future, py(9)).len(), 1);
        assert!(messages_on(&future, py(9))[0].starts_with("async syntax in an annotation"));
        let comprehension = "async def f():\n    x: [y async for y in z]\n";
        assert!(messages_on(comprehension, py(13)).is_empty());
        assert_eq!(
            messages_on(comprehension, py(14)),
            ["asynchronous comprehension outside of an asynchronous function"]
        );
    }
}
