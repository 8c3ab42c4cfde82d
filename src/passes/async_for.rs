//! `async for` → an explicit `__aiter__`/`__anext__` loop (PEP 492,
//! "Asynchronous Iterators and `async for`").
//!
//! In:
//! ```python
//! async for TARGET in ITER:
//!     BODY
//! ```
//! Out:
//! ```python
//! _unawait_iter = _unawait_aiter(ITER)
//! try:
//!     while True:
//!         try:
//!             TARGET = await _unawait_anext(_unawait_iter)
//!         except _unawait_StopAsyncIteration:
//!             break
//!         BODY
//! finally:
//!     del _unawait_iter
//! ```
//! With an `else:` clause, the loop needs a flag so that `else` runs only
//! when the iterator is exhausted, outside the `except` handler.
//!
//! In:
//! ```python
//! async for TARGET in ITER:
//!     BODY
//! else:
//!     ELSE
//! ```
//! Out:
//! ```python
//! _unawait_iter = _unawait_aiter(ITER)
//! try:
//!     _unawait_running = True
//!     while _unawait_running:
//!         try:
//!             TARGET = await _unawait_anext(_unawait_iter)
//!         except _unawait_StopAsyncIteration:
//!             _unawait_running = False
//!         else:
//!             BODY
//!     else:
//!         ELSE
//! finally:
//!     del _unawait_iter
//! ```
//! `_unawait_aiter` calls `type(ITER).__aiter__` once; `_unawait_anext`
//! looks `__anext__` up on the type at every step, as CPython does. Only
//! that `await` is guarded: a `StopAsyncIteration` raised by the body
//! propagates. A target other than a plain name is assigned after the
//! guarded `await`, from `_unawait_item`, because CPython stores the target
//! outside the handler (3.8+). However the loop ends — exhausted, `break`,
//! `return` or an exception — the iterator is released right then, as
//! CPython pops it off the stack: an async generator left unfinished is
//! finalized (its `finally` runs) before the code after the loop, or the
//! handler of the exception, does anything.

use std::fmt::Write as _;

use super::{Block, Context, HeaderTrivia, Pass, RenderSite, Renderer, statement_sites};
use crate::explain::Construct;
use crate::runtime::Section;
use crate::syntax::ast::{self, Expr, Stmt};
use crate::syntax::{Module, Ranged, TextRange, TextSize, offset};
use crate::text::Text;

pub struct AsyncFor;

impl Pass for AsyncFor {
    fn name(&self) -> &'static str {
        "async_for"
    }

    fn description(&self) -> &'static str {
        "async for → explicit __aiter__/__anext__ loop ending on StopAsyncIteration"
    }

    fn construct(&self) -> &'static str {
        "'async for' statement"
    }

    fn should_run(&self, source: &str) -> bool {
        source.contains("async")
    }

    fn first_site(&self, module: &Module, text: &Text) -> Option<(TextSize, Construct)> {
        let first = sites(module, text).first()?.0.start();
        Some((first, Construct::AsyncFor))
    }

    fn run(&self, module: &Module, text: &Text, cx: &mut Context) -> Option<String> {
        let sites = sites(module, text);
        if sites.is_empty() {
            return None;
        }
        cx.sections.insert(Section::AsyncFor);
        Some(Renderer::new(text, cx, sites).render_file())
    }
}

/// The `async for` statements anywhere in `module`.
fn sites<'a>(module: &'a Module, text: &Text) -> Vec<(TextRange, &'a ast::StmtFor)> {
    statement_sites(text, &module.body, |stmt| match stmt {
        Stmt::For(for_) if for_.is_async => Some((
            for_,
            if for_.orelse.is_empty() {
                &for_.body[..]
            } else {
                &for_.orelse[..]
            },
        )),
        _ => None,
    })
}

impl<'a> RenderSite for Renderer<'a, '_, '_, &'a ast::StmtFor> {
    fn construct(&self, _index: usize) -> Option<Construct> {
        Some(Construct::AsyncFor)
    }

    fn render_site(&mut self, out: &mut String, index: usize, extra: &str) {
        let for_ = self.sites[index];
        let text = self.text;
        let nl = text.newline;
        let start = offset(for_.range.start());
        let indent = format!("{extra}{}", text.indentation(start));
        let body = Block::of(text, &for_.body).expect("a for loop has a body");
        let unit = text.block_unit(start, offset(for_.body[0].start()));
        self.depth += 1;
        let iter = self.cx.temporary("iter", self.depth);
        let running = self.cx.temporary("running", self.depth);
        let item = self.cx.temporary("item", self.depth);
        let has_else = !for_.orelse.is_empty();

        let iterable = self.render_argument(&for_.iter, extra);
        let mut target = String::new();
        self.render(&mut target, for_.target.range(), extra);
        let name_target = matches!(&*for_.target, Expr::Name(_));
        let anext = format!("await {}({iter})", self.cx.name("anext"));

        let trivia = HeaderTrivia::of(
            text,
            start,
            &[for_.target.range(), for_.iter.range()],
            &body,
        );
        trivia.push_comments(out, text, &indent);
        // Levels: the statement, the loop inside `try:`, the loop's body.
        let i1 = format!("{indent}{unit}");
        let i2 = format!("{i1}{unit}");
        let i3 = format!("{i2}{unit}");
        let _ = write!(
            out,
            "{iter} = {}({iterable}){nl}{indent}try:{nl}",
            self.cx.name("aiter")
        );
        if has_else {
            let _ = write!(out, "{i1}{running} = True{nl}{i1}while {running}:{nl}");
        } else {
            let _ = write!(out, "{i1}while True:{nl}");
        }
        let stored = if name_target { &target } else { &item };
        let _ = write!(out, "{i2}try:{nl}{i3}{stored} = {anext}{nl}");
        // The runtime's binding of the exception: the program may rebind the
        // name, CPython's `async for` never looks it up.
        let _ = write!(
            out,
            "{i2}except {}:{nl}",
            self.cx.name("StopAsyncIteration")
        );
        let (body_indent, body_extra) = if has_else {
            let _ = write!(out, "{i3}{running} = False{nl}{i2}else:{nl}");
            (i3.clone(), format!("{extra}{unit}{unit}"))
        } else {
            let _ = write!(out, "{i3}break{nl}");
            (i2.clone(), format!("{extra}{unit}"))
        };
        if !name_target {
            let _ = write!(out, "{body_indent}{target} = {item}{nl}");
        }
        self.render_body(out, &body, &trivia, &body_indent, &body_extra);

        if let Some(orelse) = Block::of(text, &for_.orelse) {
            // The `else:` clause is copied as it stands, comments included.
            self.render(
                out,
                TextRange::new(body.range.end(), orelse.range.end()),
                &format!("{extra}{unit}"),
            );
        }
        let _ = write!(out, "{nl}{indent}finally:{nl}{i1}del {iter}");
        self.depth -= 1;
    }
}
