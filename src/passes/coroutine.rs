//! `async def` → a generator-based coroutine, `await` → a checked
//! `yield from` (PEP 492, "Coroutine objects" and "Await Expression").
//!
//! In:
//! ```python
//! async def fetch(url):
//!     """Doc."""
//!     data = await session.get(url)
//!     return data
//! ```
//! Out:
//! ```python
//! @_unawait_coroutine
//! def fetch(url):
//!     """Doc."""
//!     try:
//!         data = yield from _unawait_await(session.get(url))
//!         return data
//!     except _unawait_StopIteration as _unawait_exc:
//!         raise _unawait_RuntimeError("coroutine raised StopIteration") from _unawait_exc
//! ```
//! `_unawait_coroutine` flags the generator function the way
//! `types.coroutine` does and makes calls return a coroutine object;
//! `_unawait_await(x)` is what `await` does before suspending: it accepts
//! coroutines and objects whose type has `__await__`, and raises CPython's
//! TypeError for anything else. The `try` reproduces the check CPython makes
//! when a StopIteration escapes a coroutine's body, with its wording. A body
//! with no `await` gets `if False: yield`, so that it is still a generator
//! whose call binds arguments at once and runs nothing.
//!
//! An `await` of a call of a name may run the callee's body directly:
//!
//! In:
//! ```python
//! async def total(rows):
//!     n = await count(rows, 2)
//!     return n
//! ```
//! Out:
//! ```python
//! @_unawait_coroutine
//! def total(rows):
//!     try:
//!         n = yield from (count._unawait_body(rows, 2) if _unawait_type(count) is _unawait_CoroutineFunction else _unawait_await(count(rows, 2)))
//!         return n
//!     except _unawait_StopIteration as _unawait_exc:
//!         raise _unawait_RuntimeError("coroutine raised StopIteration") from _unawait_exc
//! ```
//! When `count` is one of unawait's coroutine functions, the `await` would
//! take over the body's generator from the coroutine object the call makes
//! at once, so nothing can see that object: the body is called instead,
//! which saves most of the cost of a call (PEP 492's `abinary` benchmark
//! runs about 5× faster). Anything else is awaited as written. Only one
//! branch runs, so the arguments are evaluated once; the text is written
//! twice, so only a call on one line whose arguments hold no `await` or
//! `yield` takes this form.
//!
//! `await` becomes `(yield from ...)`, without parentheses where a bare
//! `yield from` is allowed (expression statements, assignment values). In
//! an f-string's `{expr=}` field the original text is kept as literal text.
//! An `async for` step, `await _unawait_anext(it)`, becomes `yield from
//! _unawait_anext(it)`: that helper already returns what `yield from`
//! delegates to, checked. In an async generator, `yield v` becomes `yield
//! _unawait_AsyncYield, v`, the pair telling the consumer's values from what
//! the awaits yield to the event loop.

use std::fmt::Write as _;

use super::{Block, Context, Pass, RenderSite, Renderer, statement_range};
use crate::explain::Construct;
use crate::runtime::{DEFAULT_PREFIX, Section};
use crate::syntax::ast::visitor::{self, Visitor};
use crate::syntax::ast::{self, ConversionFlag, Expr, InterpolatedStringElement, Stmt};
use crate::syntax::{Module, Ranged, Reach, TextRange, TextSize, any_expr, offset, size};
use crate::text::Text;

pub struct Coroutine;

impl Pass for Coroutine {
    fn name(&self) -> &'static str {
        "coroutine"
    }

    fn description(&self) -> &'static str {
        "async def → @coroutine generator function; await → yield from, checked"
    }

    fn construct(&self) -> &'static str {
        "'async def' function"
    }

    fn should_run(&self, source: &str) -> bool {
        source.contains("async") || source.contains("await")
    }

    fn first_site(&self, module: &Module, text: &Text) -> Option<(TextSize, Construct)> {
        Collector::of(module, text)
            .sites
            .iter()
            .filter_map(|(range, site)| Some((range.start(), site.construct()?)))
            .min()
    }

    fn run(&self, module: &Module, text: &Text, cx: &mut Context) -> Option<String> {
        let collector = Collector::of(module, text);
        if collector.sites.is_empty() {
            return None;
        }
        cx.sections.insert(Section::Coroutine);
        if collector.sites.iter().any(|(_, site)| {
            matches!(
                site,
                Site::AsyncDef {
                    kind: Kind::AsyncGenerator,
                    ..
                }
            )
        }) {
            cx.sections.insert(Section::AsyncGenerator);
        }
        let mut renderer = Renderer::new(text, cx, collector.sites);
        Some(renderer.render_file())
    }

    /// It turns `async def` into generator functions, where the other
    /// passes' constructs are syntax errors.
    fn requires(&self) -> &'static [&'static str] {
        &["async_comprehension", "async_for", "async_with"]
    }
}

enum Site<'a> {
    /// What the body's awaits and yields make it (a `yield`: an async
    /// generator, PEP 525).
    AsyncDef {
        def: &'a ast::StmtFunctionDef,
        kind: Kind,
    },
    /// `yield` in an async generator: the value goes to the consumer.
    Yield(&'a ast::ExprYield),
    /// `await` where a bare `yield from` is valid (`bare`) or not.
    Await {
        node: &'a ast::ExprAwait,
        bare: bool,
    },
    /// An f-string `{expr=}` field whose expression awaits.
    DebugField(&'a ast::InterpolatedElement),
}

struct Collector<'a, 't> {
    text: &'t Text<'a>,
    sites: Vec<(TextRange, Site<'a>)>,
    /// Per enclosing function scope: the index of its `AsyncDef` site.
    functions: Vec<Option<usize>>,
    /// The start of the `await` that is the value of the statement being
    /// visited, where `yield from` needs no parentheses.
    bare: Option<TextSize>,
}

impl<'a, 't> Collector<'a, 't> {
    /// The `async def` statements, `await` expressions and async
    /// generators' `yield`s of `module`.
    fn of(module: &'a Module, text: &'t Text<'a>) -> Self {
        let mut collector = Collector {
            text,
            sites: Vec::new(),
            functions: Vec::new(),
            bare: None,
        };
        collector.visit_body(&module.body);
        collector
    }
}

impl<'a> Visitor<'a> for Collector<'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                crate::syntax::walk_function_header(self, def);
                let site = def.is_async.then(|| {
                    let range = statement_range(self.text, def.range, &def.body);
                    self.sites.push((
                        range,
                        Site::AsyncDef {
                            def,
                            kind: Kind::CoroutineWithoutAwait,
                        },
                    ));
                    self.sites.len() - 1
                });
                self.functions.push(site);
                self.visit_body(&def.body);
                self.functions.pop();
            }
            Stmt::Expr(ast::StmtExpr { value, .. })
            | Stmt::Assign(ast::StmtAssign { value, .. })
            | Stmt::AugAssign(ast::StmtAugAssign { value, .. }) => {
                self.bare = value.is_await_expr().then(|| value.start());
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Await(node) => {
                let bare = self.bare == Some(node.range.start());
                self.sites.push((node.range, Site::Await { node, bare }));
                if let Some(Some(index)) = self.functions.last()
                    && let (_, Site::AsyncDef { kind, .. }) = &mut self.sites[*index]
                    && *kind == Kind::CoroutineWithoutAwait
                {
                    *kind = Kind::Coroutine;
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Yield(node) => {
                if let Some(Some(index)) = self.functions.last()
                    && let (_, Site::AsyncDef { kind, .. }) = &mut self.sites[*index]
                {
                    *kind = Kind::AsyncGenerator;
                    self.sites.push((node.range, Site::Yield(node)));
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.visit_parameters(parameters);
                }
                self.functions.push(None);
                self.visit_expr(&lambda.body);
                self.functions.pop();
            }
            _ => visitor::walk_expr(self, expr),
        }
    }

    fn visit_interpolated_string_element(&mut self, element: &'a InterpolatedStringElement) {
        if let InterpolatedStringElement::Interpolation(field) = element
            && field.debug_text.is_some()
            && contains_await(&field.expression)
        {
            self.sites.push((field.range, Site::DebugField(field)));
        }
        visitor::walk_interpolated_string_element(self, element);
    }
}

fn contains_await(expr: &Expr) -> bool {
    any_expr(expr, Reach::Everything, Expr::is_await_expr)
}

impl<'a> RenderSite for Renderer<'a, '_, '_, Site<'a>> {
    fn render_site(&mut self, out: &mut String, index: usize, extra: &str) {
        match self.sites[index] {
            Site::AsyncDef { def, kind } => {
                self.render_async_def(out, def, kind, self.ranges[index], extra)
            }
            Site::Yield(node) => self.render_yield(out, node, extra),
            Site::Await { node, bare } => self.render_await(out, node, bare, extra),
            Site::DebugField(field) => self.render_debug_field(out, field, extra),
        }
    }

    /// What an `async def` becomes stems from its `async def` line, not
    /// from the first decorator, where its site starts.
    fn origin(&self, index: usize) -> Option<TextSize> {
        match self.sites[index] {
            Site::AsyncDef { def, .. } => {
                let after_decorators = def
                    .decorator_list
                    .last()
                    .map_or(def.range.start(), |d| d.end());
                Some(size(self.text.skip_trivia(offset(after_decorators))))
            }
            _ => None,
        }
    }

    fn construct(&self, index: usize) -> Option<Construct> {
        match self.sites[index] {
            Site::Await { node, .. } if self.direct_call(node).is_some() => {
                Some(Construct::AwaitCall)
            }
            _ => self.sites[index].construct(),
        }
    }
}

impl Site<'_> {
    /// The construct the site rewrites; `None` for an f-string's `{expr=}`
    /// text, part of an `await`.
    fn construct(&self) -> Option<Construct> {
        match self {
            Site::AsyncDef {
                kind: Kind::AsyncGenerator,
                ..
            } => Some(Construct::AsyncGenerator),
            Site::AsyncDef { .. } => Some(Construct::AsyncDef),
            Site::Yield(_) => Some(Construct::AsyncGeneratorYield),
            Site::Await { .. } => Some(Construct::Await),
            Site::DebugField(_) => None,
        }
    }
}

impl<'a> Renderer<'a, '_, '_, Site<'a>> {
    /// `yield v` in an async generator → `yield _unawait_AsyncYield, v`: the
    /// pair marks `v` as the consumer's, apart from what awaits yield.
    fn render_yield(&mut self, out: &mut String, node: &ast::ExprYield, extra: &str) {
        let _ = write!(out, "yield {}, ", self.cx.name("AsyncYield"));
        if let Some(value) = &node.value {
            // The operand's text with any parentheses around it; `yield a, b`
            // yields a tuple, which must stay one item of the pair.
            let operand = self
                .text
                .skip_trivia(offset(node.range.start()) + "yield".len());
            let tuple = matches!(&**value, Expr::Tuple(tuple) if !tuple.parenthesized);
            out.push_str(if tuple { "(" } else { "" });
            self.render(out, TextRange::new(size(operand), node.range.end()), extra);
            out.push_str(if tuple { ")" } else { "" });
        } else {
            out.push_str("None");
        }
    }

    fn render_await(&mut self, out: &mut String, node: &ast::ExprAwait, bare: bool, extra: &str) {
        let open = if bare { "" } else { "(" };
        let close = if bare { ")" } else { "))" };
        if let Some((callee, arguments)) = self.direct_call(node) {
            // `await f(x)` →
            //   yield from (f._unawait_body(x) if _unawait_type(f) is _unawait_CoroutineFunction
            //               else _unawait_await(f(x)))
            // When `f` is one of unawait's coroutine functions, its body's
            // generator is what the `await` would take over from the
            // coroutine object the call makes, so the call makes the
            // generator alone. Anything else is awaited as written. Only one
            // branch runs: the arguments are evaluated once, and reading a
            // name twice does nothing a program can see.
            // Written straight into `out`, the helpers' names too: every
            // await of a call comes here.
            let p = &self.cx.prefix;
            let _ = write!(
                out,
                "{open}yield from ({callee}.{p}_body{arguments} \
                 if {p}_type({callee}) is {p}_CoroutineFunction \
                 else {p}_await({callee}{arguments}){close}"
            );
            return;
        }
        let operand = self
            .text
            .skip_trivia(offset(node.range.start()) + "await".len());
        if self.awaits_next_item(node) {
            // `await _unawait_anext(it)` (an `async for` step) →
            //   yield from _unawait_anext(it)
            // The helper already returns what `yield from` delegates to,
            // checked as `_unawait_await` would check it.
            let _ = write!(out, "{open}yield from ");
            self.render(out, TextRange::new(size(operand), node.range.end()), extra);
            out.push_str(&close[1..]);
            return;
        }
        let _ = write!(out, "{open}yield from {}_await(", self.cx.prefix);
        self.render(out, TextRange::new(size(operand), node.range.end()), extra);
        out.push_str(close);
    }

    /// Whether `node` awaits the runtime's `anext` helper, as the `async
    /// for` pass writes each step.
    fn awaits_next_item(&self, node: &ast::ExprAwait) -> bool {
        matches!(&*node.value, Expr::Call(call)
            if matches!(&*call.func, Expr::Name(name) if self.cx.names_helper(&name.id, "anext")))
    }

    /// The callee's name and the argument list's text of an `await` that
    /// may call a coroutine function's body directly (see `render_await`):
    /// a call of a name that is not one of the runtime's helpers, on one
    /// line (its text is written twice), whose arguments hold nothing this
    /// pass rewrites. Names carry the runtime's attribute only under the
    /// default prefix: the imported runtime keeps its own names.
    fn direct_call(&self, node: &ast::ExprAwait) -> Option<(&'a str, &'a str)> {
        let Expr::Call(call) = &*node.value else {
            return None;
        };
        let Expr::Name(callee) = &*call.func else {
            return None;
        };
        let source = &self.text.src[offset(node.range.start())..offset(node.range.end())];
        let rewritten_inside =
            |expr: &Expr| expr.is_await_expr() || expr.is_yield_expr() || expr.is_yield_from_expr();
        let direct = self.cx.prefix == DEFAULT_PREFIX
            && !self.cx.names_helper(&callee.id, "")
            && !source.contains(['\n', '\r'])
            && !call
                .arguments
                .args
                .iter()
                .chain(call.arguments.keywords.iter().map(|keyword| &keyword.value))
                .any(|argument| any_expr(argument, Reach::Everything, rewritten_inside));
        let arguments = &self.text.src
            [offset(call.arguments.range.start())..offset(call.arguments.range.end())];
        let name = &self.text.src[offset(callee.range.start())..offset(callee.range.end())];
        direct.then_some((name, arguments))
    }

    /// `{EXPR=}` prints EXPR's source text: keep that text as literal text
    /// of the f-string and format the value in a field of its own.
    fn render_debug_field(
        &mut self,
        out: &mut String,
        field: &ast::InterpolatedElement,
        extra: &str,
    ) {
        let debug = field
            .debug_text
            .as_ref()
            .expect("debug fields have debug text");
        // The printed text runs from `{` through `=` and any spaces after it.
        let printed = debug.as_str();
        let expression_start = offset(field.range.start()) + 1;
        let printed_end = expression_start + printed.len();
        let equals = expression_start + printed.rfind('=').expect("debug text ends with `=`");
        out.push_str(&printed.replace('{', "{{").replace('}', "}}"));
        out.push('{');
        self.render(
            out,
            TextRange::new(size(expression_start), size(equals)),
            extra,
        );
        if field.conversion == ConversionFlag::None && field.format_spec.is_none() {
            out.push_str("!r");
        }
        self.render(
            out,
            TextRange::new(size(printed_end), field.range.end()),
            extra,
        );
    }

    fn render_async_def(
        &mut self,
        out: &mut String,
        def: &ast::StmtFunctionDef,
        kind: Kind,
        site: TextRange,
        extra: &str,
    ) {
        let text = self.text;
        let nl = text.newline;
        let search_from = def
            .decorator_list
            .last()
            .map_or(def.range.start(), |d| d.end());
        let async_at = text.skip_trivia(offset(search_from));
        let def_at = text.skip_trivia(async_at + "async".len());
        let indent = format!("{extra}{}", text.indentation(async_at));

        self.render(
            out,
            TextRange::new(def.range.start(), size(async_at)),
            extra,
        );
        let decorator = match kind {
            Kind::AsyncGenerator => "async_generator",
            Kind::Coroutine | Kind::CoroutineWithoutAwait => "coroutine",
        };
        let _ = write!(out, "@{}{nl}{indent}", self.cx.name(decorator));

        let first = offset(def.body[0].start());
        let unit = text.block_unit(def_at, first);
        let same_line_body =
            !text.starts_line(first) || text.line_start(first) == text.line_start(def_at);
        let body_indent = if same_line_body {
            format!("{indent}{unit}")
        } else {
            format!("{extra}{}", text.indentation(first))
        };
        let make_generator = if kind == Kind::CoroutineWithoutAwait {
            format!("{nl}{body_indent}if False: yield")
        } else {
            String::new()
        };

        // A body on the header line moves to lines of its own: the new
        // statements need them.
        let mut cursor = size(def_at);
        if same_line_body {
            self.render(out, TextRange::new(cursor, size(first)), extra);
            crate::line_map::trim_trailing_blanks(out);
            let _ = write!(out, "{nl}{body_indent}");
            cursor = size(first);
        }
        let rest = &def.body[usize::from(is_docstring(&def.body[0]))..];
        let Some(block) = Block::of(text, rest).filter(|_| !rest.iter().all(cannot_raise)) else {
            // Nothing to guard; the body only needs to become a generator.
            self.render(out, TextRange::new(cursor, site.end()), extra);
            out.push_str(&make_generator);
            return;
        };
        self.render(out, TextRange::new(cursor, block.range.start()), extra);
        if block.own_lines {
            let _ = write!(out, "{body_indent}try:{nl}");
        } else if cursor == block.range.start() {
            let _ = write!(out, "try:{nl}{body_indent}{unit}");
        } else {
            // After a docstring on the same line (`"doc"; stmt`).
            crate::line_map::trim_trailing_blanks(out);
            let _ = write!(out, "{nl}{body_indent}try:{nl}{body_indent}{unit}");
        }
        self.render(out, block.range, &format!("{extra}{unit}"));
        let exc = self.cx.name("exc");
        let what = match kind {
            Kind::AsyncGenerator => "async generator",
            Kind::Coroutine | Kind::CoroutineWithoutAwait => "coroutine",
        };
        let mut escapes = vec!["StopIteration"];
        if kind == Kind::AsyncGenerator {
            escapes.push("StopAsyncIteration");
        }
        // The exceptions through the runtime's bindings: the program may
        // rebind the names, CPython's conversion never looks them up.
        let runtime_error = self.cx.name("RuntimeError");
        for exception in escapes {
            let message = text.quoted(&format!("{what} raised {exception}"));
            let caught = self.cx.name(exception);
            let _ = write!(
                out,
                "{nl}{body_indent}except {caught} as {exc}:{nl}\
                 {body_indent}{unit}raise {runtime_error}({message}) from {exc}"
            );
        }
        out.push_str(&make_generator);
    }
}

/// What an `async def` becomes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Coroutine,
    /// A coroutine whose body never awaits, so nothing makes it a generator.
    CoroutineWithoutAwait,
    AsyncGenerator,
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Expr(ast::StmtExpr { value, .. }) if value.is_string_literal_expr())
}

/// Statements that run no code but their own, so cannot raise
/// StopIteration (or StopAsyncIteration): a body of only these needs no
/// guard. `return self` and `return False` are whole bodies of many
/// `__aenter__`s and `__aexit__`s; a name's lookup can fail, but only with
/// NameError.
fn cannot_raise(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Pass(_) => true,
        Stmt::Expr(ast::StmtExpr { value, .. }) => {
            value.is_ellipsis_literal_expr() || value.is_string_literal_expr()
        }
        Stmt::Return(ast::StmtReturn { value, .. }) => value
            .as_deref()
            .is_none_or(|value| value.is_literal_expr() || value.is_name_expr()),
        _ => false,
    }
}
