//! `async with` → explicit `__aenter__`/`__aexit__` calls in try blocks
//! (PEP 492, "Asynchronous Context Managers and `async with`").
//!
//! In:
//! ```python
//! async with EXPR as TARGET:
//!     BODY
//! ```
//! Out:
//! ```python
//! _unawait_aenter, _unawait_aexit = _unawait_async_with(EXPR)
//! TARGET = await _unawait_aenter()
//! _unawait_ok = True
//! try:
//!     BODY
//! except _unawait_BaseException:
//!     _unawait_ok = False
//!     if not await _unawait_aexit(*_unawait_exc_info()):
//!         raise
//! finally:
//!     if _unawait_ok:
//!         await _unawait_aexit(None, None, None)
//! ```
//! PEP 492's sketch awaits `__aexit__(None, None, None)` in an `else:`
//! clause, which `return`, `break` and `continue` skip; CPython awaits it on
//! those exits too, after evaluating a `return` value, hence the `finally`.
//! `_unawait_async_with` looks both methods up on the type before calling
//! either, in the running interpreter's order and with its errors. A target
//! other than a plain name is assigned inside the `try` from
//! `_unawait_value`, since CPython passes a failing assignment to
//! `__aexit__`. Several items nest, the first outermost.

use std::fmt::Write as _;

use super::{Block, Context, HeaderTrivia, Pass, RenderSite, Renderer, statement_sites};
use crate::explain::Construct;
use crate::runtime::Section;
use crate::syntax::ast::{self, Expr, Stmt};
use crate::syntax::{Module, Ranged, TextRange, TextSize, offset};
use crate::text::Text;

pub struct AsyncWith;

impl Pass for AsyncWith {
    fn name(&self) -> &'static str {
        "async_with"
    }

    fn description(&self) -> &'static str {
        "async with → __aenter__/__aexit__ awaited in try/except/finally"
    }

    fn construct(&self) -> &'static str {
        "'async with' statement"
    }

    fn should_run(&self, source: &str) -> bool {
        source.contains("async")
    }

    fn first_site(&self, module: &Module, text: &Text) -> Option<(TextSize, Construct)> {
        let first = sites(module, text).first()?.0.start();
        Some((first, Construct::AsyncWith))
    }

    fn run(&self, module: &Module, text: &Text, cx: &mut Context) -> Option<String> {
        let sites = sites(module, text);
        if sites.is_empty() {
            return None;
        }
        cx.sections.insert(Section::AsyncWith);
        Some(Renderer::new(text, cx, sites).render_file())
    }
}

/// The `async with` statements anywhere in `module`.
fn sites<'a>(module: &'a Module, text: &Text) -> Vec<(TextRange, &'a ast::StmtWith)> {
    statement_sites(text, &module.body, |stmt| match stmt {
        Stmt::With(with) if with.is_async => Some((with, &with.body[..])),
        _ => None,
    })
}

impl<'a> RenderSite for Renderer<'a, '_, '_, &'a ast::StmtWith> {
    fn construct(&self, _index: usize) -> Option<Construct> {
        Some(Construct::AsyncWith)
    }

    fn render_site(&mut self, out: &mut String, index: usize, extra: &str) {
        let with = self.sites[index];
        let start = offset(with.range.start());
        let indent = format!("{extra}{}", self.text.indentation(start));
        let body = Block::of(self.text, &with.body).expect("a with statement has a body");
        let copied: Vec<TextRange> = with.items.iter().map(Ranged::range).collect();
        let trivia = HeaderTrivia::of(self.text, start, &copied, &body);
        trivia.push_comments(out, self.text, &indent);
        let statement = Statement {
            with,
            unit: self.text.block_unit(start, offset(with.body[0].start())),
            body,
            trivia,
        };
        self.render_items(out, &statement, 0, &indent, extra);
    }
}

/// What every item of one `async with` statement needs.
struct Statement<'a> {
    with: &'a ast::StmtWith,
    unit: String,
    body: Block,
    trivia: HeaderTrivia,
}

impl<'a> Renderer<'a, '_, '_, &'a ast::StmtWith> {
    /// Renders item `item` of `with` and, nested inside it, the remaining
    /// items and the body. The first line is written without indentation:
    /// the caller already wrote it.
    fn render_items(
        &mut self,
        out: &mut String,
        statement: &Statement,
        item: usize,
        indent: &str,
        extra: &str,
    ) {
        let (with, unit) = (statement.with, statement.unit.as_str());
        let nl = self.text.newline;
        let cx = self.cx;
        self.depth += 1;
        let aenter = cx.temporary("aenter", self.depth);
        let aexit = cx.temporary("aexit", self.depth);
        let ok = cx.temporary("ok", self.depth);
        let value = cx.temporary("value", self.depth);
        let inner = format!("{indent}{unit}");
        let with_item = &with.items[item];

        let manager = self.render_argument(&with_item.context_expr, extra);
        let _ = write!(
            out,
            "{aenter}, {aexit} = {}({manager}){nl}",
            cx.name("async_with")
        );
        let target = with_item.optional_vars.as_deref().map(|target| {
            let mut text = String::new();
            self.render(&mut text, target.range(), extra);
            (text, matches!(target, Expr::Name(_)))
        });
        match &target {
            Some((name, true)) => {
                let _ = write!(out, "{indent}{name} = await {aenter}(){nl}");
            }
            Some((_, false)) => {
                let _ = write!(out, "{indent}{value} = await {aenter}(){nl}");
            }
            None => {
                let _ = write!(out, "{indent}await {aenter}(){nl}");
            }
        }
        let _ = write!(out, "{indent}{ok} = True{nl}{indent}try:{nl}");
        if let Some((target, false)) = &target {
            let _ = write!(out, "{inner}{target} = {value}{nl}");
        }
        if item + 1 < with.items.len() {
            // The next item's `try:` is one level deeper than this one's, so
            // everything it encloses gains a unit of indentation.
            out.push_str(&inner);
            self.render_items(out, statement, item + 1, &inner, &format!("{extra}{unit}"));
        } else {
            // The body sits under this item's `try:` exactly as deep as it
            // sat under the `async with` header.
            self.render_body(out, &statement.body, &statement.trivia, &inner, extra);
        }
        let exc_info = cx.name("exc_info");
        // The runtime's binding of `BaseException`: the program may rebind
        // the name, CPython's `async with` never looks it up.
        let base_exception = cx.name("BaseException");
        let _ = write!(
            out,
            "{nl}{indent}except {base_exception}:{nl}{inner}{ok} = False{nl}\
             {inner}if not await {aexit}(*{exc_info}()):{nl}{inner}{unit}raise{nl}\
             {indent}finally:{nl}{inner}if {ok}:{nl}{inner}{unit}await {aexit}(None, None, None)"
        );
        self.depth -= 1;
    }
}
