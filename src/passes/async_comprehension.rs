//! Async comprehensions and asynchronous generator expressions → nested
//! `async def` functions (PEP 530), the way CPython compiles a
//! comprehension into a function of its own.
//!
//! In:
//! ```python
//! result = [x * 2 async for x in source() if await ok(x)]
//! ```
//! Out:
//! ```python
//! @_unawait_comprehension("listcomp")
//! async def _unawait_listcomp_1(_unawait_source):
//!     _unawait_result = []
//!     async for x in _unawait_source:
//!         if await ok(x):
//!             _unawait_result.append(x * 2)
//!     return _unawait_result
//! result = (await _unawait_listcomp_1(_unawait_inlined(_unawait_aiter(source()))))
//! ```
//! `_unawait_comprehension` names the function `<listcomp>` as CPython
//! names a comprehension's code, and on 3.12+, where CPython inlines the
//! comprehension, keeps its frame out of `cr_await` chains.
//! A generator expression becomes an async generator function that
//! `yield`s each element, and its call is not awaited. As in CPython, the
//! first iterable is evaluated, and `__aiter__` (or `iter`) called on it, in
//! the enclosing scope where the comprehension stands; `_unawait_inlined`
//! (list, set and dict comprehensions) and `_unawait_iterated` (generator
//! expressions, inside the function) let the loop use that iterator without
//! calling `__aiter__` or `__iter__` again. `_unawait_inlined` also lets go
//! of it on 3.12+, where the comprehension is inlined and its iterator dies
//! with the loop. The rest runs in the function's own scope, so loop
//! variables do not leak;
//! names bound by `:=` are declared `nonlocal` (or `global`) so that they
//! bind in the enclosing scope, as PEP 572 specifies. A dict comprehension
//! evaluates the key before the value on 3.8+ and after it before 3.8; where
//! the order is observable the output branches on the interpreter.
//!
//! An element unpacked with `*` or `**` (PEP 798, 3.15) is added the way
//! CPython 3.15 compiles it; in the function body above, the `append` line
//! becomes, for `[*row async for row in rows()]`,
//! `{**d async for d in maps()}` and `(*row async for row in rows())`:
//! ```python
//!             _unawait_result.extend([*row])
//!             _unawait_result.update({**d})
//!             for _unawait_unpacked in row:
//!                 yield _unawait_unpacked
//! ```
//! (a set's is `_unawait_result.update(s)`).
//!
//! A synchronous comprehension that holds an asynchronous generator
//! expression becomes a plain `def` the same way (its call not awaited), so
//! that the generator expression's function, defined inside it, sees its
//! loop variables through a closure, as in CPython.
//!
//! The function is defined just before the statement holding the
//! comprehension (before the class statement, for one in a class body,
//! whose scope comprehensions do not see). The output still holds async
//! syntax, which the passes after this one remove; comprehensions nested in
//! a rewritten one are rewritten in the next round, inside its function.

use std::fmt::Write as _;

use super::{Context, Pass, RenderSite, Renderer};
use crate::explain::Construct;
use crate::runtime::Section;
use crate::syntax::ast::statement_visitor::{self, StatementVisitor};
use crate::syntax::ast::visitor::{self, Visitor};
use crate::syntax::ast::{self, Expr, Stmt};
use crate::syntax::{
    Module, Ranged, Reach, TextRange, TextSize, any_expr, comprehension_generators,
    is_async_comprehension, offset, size, walk_comprehension_scope,
};
use crate::text::Text;

pub struct AsyncComprehension;

impl Pass for AsyncComprehension {
    fn name(&self) -> &'static str {
        "async_comprehension"
    }

    fn description(&self) -> &'static str {
        "async comprehensions and generator expressions → nested async def functions"
    }

    fn construct(&self) -> &'static str {
        "asynchronous comprehension"
    }

    fn should_run(&self, source: &str) -> bool {
        source.contains("async") || source.contains("await")
    }

    fn first_site(&self, module: &Module, text: &Text) -> Option<(TextSize, Construct)> {
        let first = Collector::of(module, text)
            .sites
            .iter()
            .filter(|(_, site)| matches!(site, Site::Call { .. }))
            .map(|(range, _)| range.start())
            .min()?;
        Some((first, Construct::AsyncComprehension))
    }

    fn run(&self, module: &Module, text: &Text, cx: &mut Context) -> Option<String> {
        rewrite_outermost(module, text, cx)
    }

    /// Comprehensions nested in a rewritten one now stand in its function.
    fn repeats(&self) -> bool {
        true
    }
}

/// Rewrites the async comprehensions not nested in another one.
fn rewrite_outermost(module: &Module, text: &Text, cx: &mut Context) -> Option<String> {
    let collector = Collector::of(module, text);
    if collector.sites.is_empty() {
        return None;
    }
    cx.sections.insert(Section::AsyncComprehension);
    let count = collector.sites.len() / 2;
    let mut renderer = Renderer::new(text, cx, collector.sites);
    let output = renderer.render_file();
    cx.comprehensions += count;
    Some(output)
}

/// Where the function for a comprehension is defined.
#[derive(Clone, Copy)]
struct Anchor {
    /// Offset of the statement the definition precedes.
    at: usize,
    /// Whether that statement is the body of a function on its header's
    /// line (`async def f(): return [...]`): the body must then move to a
    /// line of its own.
    in_same_line_function_body: bool,
    /// A comprehension at module level, where `:=` binds globals.
    module_level: bool,
}

/// The function a comprehension becomes.
#[derive(Clone)]
struct Definition<'a> {
    comprehension: &'a Expr,
    /// An `async def`; else a plain `def`, for a synchronous comprehension
    /// holding an asynchronous one.
    is_async: bool,
    anchor: Anchor,
    number: usize,
    /// Lambda parameters it takes as arguments.
    captured: Vec<String>,
    /// Names bound by `:=`, each with whether it is a global there.
    walrus: Vec<(String, bool)>,
}

enum Site<'a> {
    /// The function definition, written before its anchor statement.
    Definition(Definition<'a>),
    /// The comprehension itself, replaced by a call of the function.
    Call {
        comprehension: &'a Expr,
        is_async: bool,
        number: usize,
        captured: Vec<String>,
    },
}

struct Collector<'a, 't> {
    text: &'t Text<'a>,
    sites: Vec<(TextRange, Site<'a>)>,
    /// Anchor for expressions of the statement being visited.
    anchor: Vec<Anchor>,
    /// Parameters of the lambdas enclosing the expression being visited.
    lambda_parameters: Vec<String>,
    /// Names declared `global` in the function being visited.
    globals: Vec<String>,
}

impl<'a, 't> Collector<'a, 't> {
    /// The outermost async comprehensions of `module`.
    fn of(module: &'a Module, text: &'t Text<'a>) -> Self {
        let mut collector = Collector {
            text,
            sites: Vec::new(),
            anchor: Vec::new(),
            lambda_parameters: Vec::new(),
            globals: Vec::new(),
        };
        collector.visit_block(&module.body, false, true);
        collector
    }

    /// The statements of a block, each anchored where its line starts.
    fn visit_block(&mut self, body: &'a [Stmt], is_function_body: bool, module_level: bool) {
        let first = body.first().map_or(0, |stmt| offset(stmt.start()));
        // A body after the colon of its `def` line (which decorators and
        // parameters may precede by several lines).
        let same_line = is_function_body && !self.text.starts_line(first);
        for stmt in body {
            let at = offset(stmt.start());
            let anchor = if same_line {
                // The whole body moves to lines of its own.
                Anchor {
                    at: first,
                    in_same_line_function_body: true,
                    module_level,
                }
            } else if self.text.starts_line(at) {
                Anchor {
                    at,
                    in_same_line_function_body: false,
                    module_level,
                }
            } else {
                // After `;` or a compound header on the same line: the
                // definition goes before the first statement of the line.
                let first = self.text.line_start(at) + self.text.indentation(at).len();
                Anchor {
                    at: first,
                    in_same_line_function_body: false,
                    module_level,
                }
            };
            self.visit_statement(stmt, anchor, false);
        }
    }

    /// A statement whose comprehensions' functions go before `anchor`; in a
    /// class body (`in_class_body`) that anchor is the class statement's for
    /// every statement, nested blocks included.
    fn visit_statement(&mut self, stmt: &'a Stmt, anchor: Anchor, in_class_body: bool) {
        self.anchor.push(anchor);
        match stmt {
            Stmt::FunctionDef(def) => crate::syntax::walk_function_header(self, def),
            Stmt::ClassDef(class) => crate::syntax::walk_class_header(self, class),
            // Nested blocks get anchors of their own.
            _ => HeaderExpressions { collector: self }.visit_stmt(stmt),
        }
        self.anchor.pop();
        match stmt {
            Stmt::FunctionDef(def) => {
                let globals = std::mem::replace(&mut self.globals, declared_globals(&def.body));
                self.visit_block(&def.body, true, false);
                self.globals = globals;
            }
            // Comprehensions in a class body do not see its names: their
            // functions are defined before the class statement.
            Stmt::ClassDef(class) => self.visit_class_body(&class.body, anchor),
            _ if in_class_body => for_each_block(stmt, |body| self.visit_class_body(body, anchor)),
            _ => for_each_block(stmt, |body| {
                self.visit_block(body, false, anchor.module_level)
            }),
        }
    }

    fn visit_class_body(&mut self, body: &'a [Stmt], anchor: Anchor) {
        for stmt in body {
            self.visit_statement(stmt, anchor, true);
        }
    }
}

/// Calls `each` with every block nested directly in `stmt` (bodies, `else`,
/// handlers, cases), for statements other than function and class
/// definitions.
fn for_each_block<'a>(stmt: &'a Stmt, each: impl FnMut(&'a [Stmt])) {
    struct Blocks<F>(F);
    impl<'a, F: FnMut(&'a [Stmt])> StatementVisitor<'a> for Blocks<F> {
        fn visit_body(&mut self, body: &'a [Stmt]) {
            (self.0)(body);
        }
    }
    statement_visitor::walk_stmt(&mut Blocks(each), stmt);
}

/// Visits the expressions a statement holds outside its nested blocks.
struct HeaderExpressions<'c, 'a, 't> {
    collector: &'c mut Collector<'a, 't>,
}

impl<'a> Visitor<'a> for HeaderExpressions<'_, 'a, '_> {
    fn visit_body(&mut self, _body: &'a [Stmt]) {}

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.collector.visit_expr(expr);
    }
}

impl<'a> Visitor<'a> for Collector<'a, '_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_)
                if is_async_comprehension(expr) || holds_async_comprehension(expr) =>
            {
                let is_async = is_async_comprehension(expr);
                let anchor = *self
                    .anchor
                    .last()
                    .expect("expressions are visited under a statement");
                let number = self.sites.len() / 2 + 1;
                // The function is defined outside any enclosing lambda: it
                // takes the lambda parameters it uses as arguments (a lambda
                // cannot rebind them, so their values are what it would see).
                let captured: Vec<String> = names_used(expr)
                    .into_iter()
                    .filter(|name| self.lambda_parameters.contains(name))
                    .collect();
                let walrus = walrus_targets(expr)
                    .into_iter()
                    .map(|name| {
                        let global = anchor.module_level || self.globals.contains(&name);
                        (name, global)
                    })
                    .collect();
                let definition = Site::Definition(Definition {
                    comprehension: expr,
                    is_async,
                    anchor,
                    number,
                    captured: captured.clone(),
                    walrus,
                });
                self.sites
                    .push((TextRange::empty(size(anchor.at)), definition));
                self.sites.push((
                    expr.range(),
                    Site::Call {
                        comprehension: expr,
                        is_async,
                        number,
                        captured,
                    },
                ));
                // Its first iterable is evaluated here; the rest is rewritten
                // in a later round, inside the new function.
                if let Some(first) = comprehension_generators(expr).first() {
                    self.visit_expr(&first.iter);
                }
            }
            Expr::Lambda(lambda) => {
                let Some(parameters) = &lambda.parameters else {
                    return self.visit_expr(&lambda.body);
                };
                self.visit_parameters(parameters);
                let depth = self.lambda_parameters.len();
                self.lambda_parameters
                    .extend(parameters.iter().map(|p| p.name().to_string()));
                self.visit_expr(&lambda.body);
                self.lambda_parameters.truncate(depth);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Whether a synchronous comprehension holds an asynchronous one (a
/// generator expression) anywhere in its own scope, nested lambdas and
/// comprehensions included: that one's function, defined inside this one's,
/// then sees this one's variables as CPython's closure would.
fn holds_async_comprehension(expr: &Expr) -> bool {
    any_expr(expr, Reach::ComprehensionScope, |inner| {
        !comprehension_generators(inner).is_empty() && is_async_comprehension(inner)
    })
}

/// Names a function body declares `global` (in its own scope).
fn declared_globals(body: &[Stmt]) -> Vec<String> {
    struct Globals(Vec<String>);
    impl<'a> StatementVisitor<'a> for Globals {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Global(global) => self
                    .0
                    .extend(global.names.iter().map(|name| name.to_string())),
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => statement_visitor::walk_stmt(self, stmt),
            }
        }
    }
    let mut globals = Globals(Vec::new());
    globals.visit_body(body);
    globals.0
}

/// Names a comprehension reads outside its first iterable.
fn names_used(expr: &Expr) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'a> Visitor<'a> for Names {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(name) = expr
                && !self.0.iter().any(|n| n == name.id.as_str())
            {
                self.0.push(name.id.to_string());
            }
            visitor::walk_expr(self, expr);
        }
    }
    let mut names = Names(Vec::new());
    walk_comprehension_scope(expr, &mut names);
    names.0
}

/// Names bound by `:=` in a comprehension's own scope (nested
/// comprehensions included, lambdas not): they bind in the enclosing scope.
fn walrus_targets(expr: &Expr) -> Vec<String> {
    struct Targets(Vec<String>);
    impl<'a> Visitor<'a> for Targets {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Named(named) => {
                    if let Expr::Name(name) = &*named.target
                        && !self.0.iter().any(|n| n == name.id.as_str())
                    {
                        self.0.push(name.id.to_string());
                    }
                    visitor::walk_expr(self, expr);
                }
                Expr::Lambda(_) => {}
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let mut targets = Targets(Vec::new());
    visitor::walk_expr(&mut targets, expr);
    targets.0
}

impl<'a> RenderSite for Renderer<'a, '_, '_, Site<'a>> {
    fn render_site(&mut self, out: &mut String, index: usize, extra: &str) {
        match self.sites[index] {
            Site::Definition(ref definition) => {
                let definition = definition.clone();
                self.render_definition(out, &definition, extra);
            }
            Site::Call {
                comprehension,
                is_async,
                number,
                ref captured,
            } => {
                let captured = captured.clone();
                let awaited = is_async && !comprehension.is_generator_expr();
                self.render_call(out, comprehension, awaited, number, &captured, extra);
            }
        }
    }

    /// A function definition stems from its comprehension's line, not from
    /// the statement it is written before.
    fn origin(&self, index: usize) -> Option<crate::syntax::TextSize> {
        match &self.sites[index] {
            Site::Definition(definition) => Some(definition.comprehension.start()),
            Site::Call { .. } => None,
        }
    }

    fn construct(&self, index: usize) -> Option<Construct> {
        match self.sites[index] {
            Site::Definition(_) => None,
            Site::Call { .. } => Some(Construct::AsyncComprehension),
        }
    }
}

impl<'a> Renderer<'a, '_, '_, Site<'a>> {
    fn function_name(&self, comprehension: &Expr, number: usize) -> String {
        let kind = match comprehension {
            Expr::ListComp(_) => "listcomp",
            Expr::SetComp(_) => "setcomp",
            Expr::DictComp(_) => "dictcomp",
            _ => "genexpr",
        };
        self.cx
            .name(&format!("{kind}_{}", self.cx.comprehensions + number))
    }

    /// Source text of an expression, parenthesized where the position it
    /// moves to (a statement, not the inside of brackets) needs it.
    fn operand(&mut self, expr: &Expr, extra: &str) -> String {
        let mut text = String::new();
        self.render(&mut text, expr.range(), extra);
        let bare_ok = !text.contains(['\n', '\r'])
            && !matches!(
                expr,
                Expr::Named(_)
                    | Expr::Lambda(_)
                    | Expr::Yield(_)
                    | Expr::YieldFrom(_)
                    | Expr::Starred(_)
            )
            && !matches!(expr, Expr::Tuple(tuple) if !tuple.parenthesized);
        if bare_ok { text } else { format!("({text})") }
    }

    /// Source text of an expression standing after `*` or `**` in a
    /// display: a primary as it is, anything else parenthesized (the
    /// parser's ranges leave out the parentheses the input had).
    fn atom(&mut self, expr: &Expr, extra: &str) -> String {
        let mut text = String::new();
        self.render(&mut text, expr.range(), extra);
        let primary = matches!(
            expr,
            Expr::Name(_)
                | Expr::Await(_)
                | Expr::Attribute(_)
                | Expr::Call(_)
                | Expr::Subscript(_)
                | Expr::List(_)
                | Expr::Dict(_)
                | Expr::Set(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
        ) || matches!(expr, Expr::Tuple(tuple) if tuple.parenthesized);
        if primary { text } else { format!("({text})") }
    }

    /// A clause's iterable. CPython 3.7-3.13 compile a list display there
    /// into a tuple and a constant set display into a frozenset, which shows
    /// in the TypeError of an `async for` clause over one; 3.14 keeps them.
    /// The display stays as written and `_unawait_folded` converts it on the
    /// versions that fold.
    fn iterable(&mut self, generator: &ast::Comprehension, extra: &str) -> String {
        let mut text = String::new();
        self.render(&mut text, generator.iter.range(), extra);
        if !generator.is_async {
            return text;
        }
        let folded = match &generator.iter {
            Expr::List(list) => !list.elts.iter().any(Expr::is_starred_expr),
            Expr::Set(set) => set.elts.iter().all(is_constant),
            _ => false,
        };
        if folded {
            format!("{}({text})", self.cx.name("folded"))
        } else {
            text
        }
    }

    fn render_call(
        &mut self,
        out: &mut String,
        comprehension: &Expr,
        awaited: bool,
        number: usize,
        captured: &[String],
        extra: &str,
    ) {
        let first = &comprehension_generators(comprehension)[0];
        // `_unawait_get_iter` is the runtime's binding of `iter` (CPython's
        // GET_ITER never looks the name up; the program may rebind it).
        let iterator = if first.is_async {
            self.cx.name("aiter")
        } else {
            self.cx.name("get_iter")
        };
        let iterable = self.iterable(first, extra);
        let mut source = format!("{iterator}({iterable})");
        if is_inlined_on_3_12(comprehension) {
            source = format!("{}({source})", self.cx.name("inlined"));
        }
        let arguments: String = captured.iter().map(|name| format!(", {name}")).collect();
        let call = format!(
            "{}({source}{arguments})",
            self.function_name(comprehension, number)
        );
        if awaited {
            let _ = write!(out, "(await {call})");
        } else {
            // A bare generator expression as the sole argument of a call
            // keeps the call's parentheses.
            out.push_str(&call);
        }
    }

    fn render_definition(&mut self, out: &mut String, definition: &Definition, extra: &str) {
        let indent = self.definition_indent(out, definition.anchor, extra);
        let body = format!("{indent}{}", self.text.indent_unit);
        let mut lines = self.definition_header(definition, &body);
        let depth = self.definition_loops(&mut lines, definition, &body, extra);
        self.definition_element(&mut lines, definition.comprehension, &depth, extra);
        if !matches!(definition.comprehension, Expr::Generator(_)) {
            lines.push(format!("{body}return {}", self.cx.name("result")));
        }
        // The first line continues where the anchor statement's indentation
        // was written; the others carry their own.
        for (index, line) in lines.iter().enumerate() {
            if index > 0 && !line.starts_with(&body) {
                out.push_str(&indent);
            }
            out.push_str(line);
            out.push_str(self.text.newline);
        }
        out.push_str(&indent);
    }

    /// The indentation of the definition: the anchor statement's, or one
    /// level deeper for a function body moved off its `def` line (`def f():
    /// return [...]`), whose new line starts here.
    fn definition_indent(&self, out: &mut String, anchor: Anchor, extra: &str) -> String {
        let text = self.text;
        if anchor.in_same_line_function_body {
            crate::line_map::trim_trailing_blanks(out);
            let indent = format!("{extra}{}{}", text.indentation(anchor.at), text.indent_unit);
            out.push_str(text.newline);
            out.push_str(&indent);
            indent
        } else {
            format!("{extra}{}", text.indentation(anchor.at))
        }
    }

    /// The lines up to the loops: the `:=` targets' declarations, the
    /// decorator, the `def` line, and the result's initial value.
    fn definition_header(&self, definition: &Definition, body: &str) -> Vec<String> {
        let Definition {
            comprehension,
            is_async,
            number,
            ref captured,
            ref walrus,
            ..
        } = *definition;
        let mut lines = Vec::new();
        let bound = |global: bool| -> Vec<&str> {
            walrus
                .iter()
                .filter(|(_, is_global)| *is_global == global)
                .map(|(name, _)| name.as_str())
                .collect()
        };
        let (locals, globals) = (bound(false), bound(true));
        if !locals.is_empty() {
            // `:=` bound these in the enclosing function; an assignment that
            // never runs keeps them its locals for `nonlocal` to reach.
            lines.push(format!("if False: {} = None", locals.join(" = ")));
        }
        if is_async {
            // Names it `<listcomp>` as CPython does, and on 3.12+ keeps an
            // inlined comprehension out of `cr_await` chains.
            let kind = match comprehension {
                Expr::ListComp(_) => "listcomp",
                Expr::SetComp(_) => "setcomp",
                Expr::DictComp(_) => "dictcomp",
                _ => "genexpr",
            };
            lines.push(format!(
                "@{}({})",
                self.cx.name("comprehension"),
                self.text.quoted(kind)
            ));
        }
        let parameters: String = captured.iter().map(|name| format!(", {name}")).collect();
        lines.push(format!(
            "{}def {}({}{parameters}):",
            if is_async { "async " } else { "" },
            self.function_name(comprehension, number),
            self.cx.name("source"),
        ));
        if !locals.is_empty() {
            lines.push(format!("{body}nonlocal {}", locals.join(", ")));
        }
        if !globals.is_empty() {
            lines.push(format!("{body}global {}", globals.join(", ")));
        }
        let result = self.cx.name("result");
        match comprehension {
            Expr::ListComp(_) => lines.push(format!("{body}{result} = []")),
            Expr::SetComp(_) => lines.push(format!("{body}{result} = {}()", self.cx.name("set"))),
            Expr::DictComp(_) => lines.push(format!("{body}{result} = {{}}")),
            _ => {}
        }
        lines
    }

    /// The `for`/`async for` and `if` lines of the comprehension's clauses;
    /// returns the indentation of the element's line inside them.
    fn definition_loops(
        &mut self,
        lines: &mut Vec<String>,
        definition: &Definition,
        body: &str,
        extra: &str,
    ) -> String {
        let comprehension = definition.comprehension;
        let source = self.cx.name("source");
        let unit = self.text.indent_unit;
        let mut depth = body.to_string();
        for (index, generator) in comprehension_generators(comprehension).iter().enumerate() {
            let target = self.operand(&generator.target, extra);
            let iterable = if index == 0 {
                if is_inlined_on_3_12(comprehension) {
                    source.clone()
                } else {
                    format!("{}({source})", self.cx.name("iterated"))
                }
            } else if matches!(generator.iter, Expr::List(_) | Expr::Set(_)) {
                self.iterable(generator, extra)
            } else {
                self.operand(&generator.iter, extra)
            };
            let keyword = if generator.is_async {
                "async for"
            } else {
                "for"
            };
            lines.push(format!("{depth}{keyword} {target} in {iterable}:"));
            depth.push_str(unit);
            for condition in &generator.ifs {
                lines.push(format!("{depth}if {}:", self.operand(condition, extra)));
                depth.push_str(unit);
            }
        }
        depth
    }

    /// The line (or lines) adding the element to the result, `depth` deep.
    fn definition_element(
        &mut self,
        lines: &mut Vec<String>,
        comprehension: &Expr,
        depth: &str,
        extra: &str,
    ) {
        let result = self.cx.name("result");
        let unit = self.text.indent_unit;
        match comprehension {
            // PEP 798 (3.15) unpacking: CPython extends the list as `[*x]`
            // does (LIST_EXTEND, whose TypeError says "Value after * must
            // be an iterable"), so the element is unpacked into a display.
            Expr::ListComp(c) => match &*c.elt {
                Expr::Starred(starred) => lines.push(format!(
                    "{depth}{result}.extend([*{}])",
                    self.atom(&starred.value, extra)
                )),
                elt => lines.push(format!(
                    "{depth}{result}.append({})",
                    self.operand(elt, extra)
                )),
            },
            // SET_UPDATE is `set.update`, down to its TypeError.
            Expr::SetComp(c) => match &*c.elt {
                Expr::Starred(starred) => lines.push(format!(
                    "{depth}{result}.update({})",
                    self.atom(&starred.value, extra)
                )),
                elt => lines.push(format!("{depth}{result}.add({})", self.operand(elt, extra))),
            },
            // CPython 3.15 compiles `*x` here as a loop that yields each
            // item, not as `yield from`: values sent in are not passed on.
            Expr::Generator(c) => match &*c.elt {
                Expr::Starred(starred) => {
                    let item = self.cx.name("unpacked");
                    let iterable = self.operand(&starred.value, extra);
                    lines.push(format!("{depth}for {item} in {iterable}:"));
                    lines.push(format!("{depth}{unit}yield {item}"));
                }
                elt => lines.push(format!("{depth}yield {}", self.operand(elt, extra))),
            },
            // `**d` (PEP 798): DICT_UPDATE takes mappings only ("'list'
            // object is not a mapping"), where `dict.update` would also take
            // key-value pairs; a `{**d}` display checks as CPython does.
            Expr::DictComp(c) if c.key.is_none() => lines.push(format!(
                "{depth}{result}.update({{**{}}})",
                self.atom(&c.value, extra)
            )),
            Expr::DictComp(c) => {
                let value = self.operand(&c.value, extra);
                let key = c
                    .key
                    .as_deref()
                    .map(|key| self.operand(key, extra))
                    .unwrap_or_default();
                let order_matters =
                    c.key.as_deref().is_some_and(|key| !is_simple(key)) && !is_simple(&c.value);
                if order_matters {
                    let key_name = self.cx.name("key");
                    lines.push(format!("{depth}if {}:", self.cx.name("KEY_FIRST")));
                    lines.push(format!("{depth}{unit}{key_name} = {key}"));
                    lines.push(format!("{depth}{unit}{result}[{key_name}] = {value}"));
                    lines.push(format!("{depth}else:"));
                    lines.push(format!("{depth}{unit}{result}[{key}] = {value}"));
                } else {
                    lines.push(format!("{depth}{result}[{key}] = {value}"));
                }
            }
            _ => {}
        }
    }
}

fn is_constant(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// An expression whose evaluation cannot be observed: the order in which it
/// and another are evaluated does not matter.
fn is_simple(expr: &Expr) -> bool {
    matches!(expr, Expr::Name(_)) || is_constant(expr)
}

/// List, set and dict comprehensions, which CPython 3.12+ compiles inline
/// (PEP 709); generator expressions stay functions of their own.
fn is_inlined_on_3_12(comprehension: &Expr) -> bool {
    !matches!(comprehension, Expr::Generator(_))
}
