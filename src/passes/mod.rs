//! The desugaring pipeline: one pass per construct, each a rewrite of the
//! previous pass's output text.
//!
//! Each pass parses its input, finds the nodes it rewrites ("sites"),
//! and prints a new text in which everything but those sites is copied from
//! the input. `async for` and `async with` expand into code that still uses
//! `await`, so the output of every prefix of the pipeline is valid async
//! Python; the last pass turns `async def` and `await` into generators.

mod async_comprehension;
mod async_for;
mod async_with;
mod coroutine;
mod pipeline;

pub use pipeline::{Rewritten, Selection, run_pipeline};

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::syntax::ast::statement_visitor::{self, StatementVisitor};

use crate::explain::Construct;
use crate::line_index::next_line_start;
use crate::line_map;
use crate::runtime::Section;
use crate::syntax::ast::{Expr, Stmt};
use crate::syntax::{Module, Ranged, TextRange, TextSize, offset, size};
use crate::text::Text;

/// What every pass of one run shares.
pub struct Context {
    /// Prefix of every name the output introduces; no identifier in the
    /// input starts with `{prefix}_`.
    pub prefix: String,
    /// Runtime sections the output calls into.
    pub sections: BTreeSet<Section>,
    /// Comprehensions rewritten so far, to number their functions.
    pub comprehensions: usize,
    /// Whether renderers leave line-origin marks in their output (see
    /// [`crate::line_map`]).
    pub marks: bool,
    /// The constructs the current pass rewrote, at their offsets in its
    /// input, for `--explain`.
    pub constructs: RefCell<Vec<(TextSize, Construct)>>,
}

impl Context {
    pub fn new(prefix: String, marks: bool) -> Self {
        Context {
            prefix,
            sections: BTreeSet::new(),
            comprehensions: 0,
            marks,
            constructs: RefCell::default(),
        }
    }

    /// A name the output introduces, e.g. `_unawait_aexit`.
    pub fn name(&self, suffix: &str) -> String {
        format!("{}_{suffix}", self.prefix)
    }

    /// Whether `identifier` is `self.name(suffix)` (any name the output
    /// introduces, for an empty `suffix`), without making that name.
    pub fn names_helper(&self, identifier: &str, suffix: &str) -> bool {
        identifier
            .strip_prefix(self.prefix.as_str())
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|rest| suffix.is_empty() || rest == suffix)
    }

    /// A temporary for a construct nested `depth` deep in its own kind:
    /// `_unawait_iter`, then `_unawait_iter_2` inside it, and so on.
    pub fn temporary(&self, suffix: &str, depth: usize) -> String {
        if depth <= 1 {
            self.name(suffix)
        } else {
            format!("{}_{suffix}_{depth}", self.prefix)
        }
    }
}

/// One step of the pipeline.
pub trait Pass: Sync {
    /// The name `--stop-after`-style options and docs use.
    fn name(&self) -> &'static str;
    /// One line on what the pass does.
    fn description(&self) -> &'static str;
    /// What the pass rewrites, as an error message names it
    /// ("'async for' statement").
    fn construct(&self) -> &'static str;
    /// A cheap textual check: `false` means there is certainly nothing to do.
    fn should_run(&self, source: &str) -> bool;
    /// The first construct the pass would rewrite in `module`, found without
    /// rendering anything.
    fn first_site(&self, module: &Module, text: &Text) -> Option<(TextSize, Construct)>;
    /// Rewrites every site in `module`; `None` when there was none.
    fn run(&self, module: &Module, text: &Text, cx: &mut Context) -> Option<String>;
    /// Whether the pipeline runs the pass again on its own output until it
    /// finds nothing (its rewrites can bring sites of its kind to light).
    fn repeats(&self) -> bool {
        false
    }
    /// The passes whose constructs must be gone before this one runs: its
    /// output cannot hold them.
    fn requires(&self) -> &'static [&'static str] {
        &[]
    }
}

/// The passes, in the order they run.
pub const PIPELINE: [&dyn Pass; 4] = [
    &async_comprehension::AsyncComprehension,
    &async_for::AsyncFor,
    &async_with::AsyncWith,
    &coroutine::Coroutine,
];

/// Prints a text in which the sites a pass found are replaced by what the
/// pass renders for them, and everything else is copied.
///
/// `extra` (in [`Renderer::render`]) is indentation added by enclosing
/// rewrites (a body moved under a new `try:`); it is applied to every copied
/// line, and each site applies it to the lines it writes.
pub(crate) struct Renderer<'a, 't, 'c, S> {
    pub text: &'t Text<'a>,
    pub cx: &'c Context,
    /// Where each site stands, sorted by start; nested sites follow their
    /// parent.
    pub ranges: Vec<TextRange>,
    pub sites: Vec<S>,
    /// How many sites of the pass enclose the one being rendered (numbers
    /// the temporaries of nested constructs).
    pub depth: usize,
    /// Starts of the sites being rendered, innermost last.
    open: Vec<TextSize>,
}

/// What a pass writes for one of its sites.
pub(crate) trait RenderSite {
    fn render_site(&mut self, out: &mut String, index: usize, extra: &str);
    /// The construct a site rewrites, as `--explain` names it; `None` for
    /// sites that are part of another one.
    fn construct(&self, index: usize) -> Option<Construct>;
    /// The input offset whose line the text written for a site comes from,
    /// when not the site's start (code written away from its construct).
    fn origin(&self, _index: usize) -> Option<TextSize> {
        None
    }
}

impl<'a, 't, 'c, S> Renderer<'a, 't, 'c, S>
where
    Self: RenderSite,
{
    pub fn new(text: &'t Text<'a>, cx: &'c Context, mut sites: Vec<(TextRange, S)>) -> Self {
        sort_sites(&mut sites);
        let (ranges, sites) = sites.into_iter().unzip();
        Renderer {
            text,
            cx,
            ranges,
            sites,
            depth: 0,
            open: Vec::new(),
        }
    }

    pub fn render(&mut self, out: &mut String, range: TextRange, extra: &str) {
        let mut index = self
            .ranges
            .partition_point(|site| site.start() < range.start());
        let mut copied = range.start();
        while let Some(&site) = self.ranges.get(index) {
            if site.start() >= range.end() {
                break;
            }
            if site.start() >= copied && site.end() <= range.end() {
                self.copy(out, TextRange::new(copied, site.start()), extra);
                if self.text.takes_extra_indentation(offset(site.start())) {
                    out.push_str(extra);
                }
                let origin = self.origin(index).unwrap_or(site.start());
                if self.cx.marks {
                    line_map::mark_site(out, origin);
                }
                if let Some(construct) = self.construct(index) {
                    self.cx.constructs.borrow_mut().push((origin, construct));
                }
                self.open.push(origin);
                self.render_site(out, index, extra);
                self.open.pop();
                copied = site.end();
            }
            index += 1;
        }
        self.copy(out, TextRange::new(copied, range.end()), extra);
        // What the enclosing site writes next is its own again.
        if self.cx.marks
            && let Some(&site) = self.open.last()
        {
            line_map::mark_site(out, site);
        }
    }

    /// Copies `range` of the input, `extra` deeper.
    fn copy(&self, out: &mut String, range: TextRange, extra: &str) {
        if range.is_empty() {
            return;
        }
        if self.cx.marks {
            line_map::mark_copy(out, range.start());
        }
        self.text.push_reindented(out, range, extra);
    }

    /// An expression's text as an argument of a call the rewrite writes:
    /// an unparenthesized tuple gets parentheses.
    pub fn render_argument(&mut self, expr: &Expr, extra: &str) -> String {
        let mut text = String::new();
        self.render(&mut text, expr.range(), extra);
        if matches!(expr, Expr::Tuple(tuple) if !tuple.parenthesized) {
            text = format!("({text})");
        }
        text
    }

    /// A compound statement's body moved under a rewritten header, `indent`
    /// deep; the comment and blank lines that opened it come first.
    pub fn render_body(
        &mut self,
        out: &mut String,
        body: &Block,
        trivia: &HeaderTrivia,
        indent: &str,
        extra: &str,
    ) {
        if let Some(prefix) = trivia.body_prefix {
            self.render(out, prefix, extra);
        }
        if !body.own_lines {
            out.push_str(indent);
        }
        self.render(out, body.range, extra);
    }

    /// Renders the whole file.
    pub fn render_file(&mut self) -> String {
        let src = self.text.src;
        let mut out = String::with_capacity(src.len() + src.len() / 4);
        self.render(
            &mut out,
            TextRange::up_to(crate::syntax::TextSize::of(src)),
            "",
        );
        out
    }
}

/// Sorts sites so that a parent precedes the sites nested in it, and an
/// insertion (an empty range) precedes a site starting where it is.
fn sort_sites<T>(sites: &mut [(TextRange, T)]) {
    sites.sort_by_key(|(range, _)| {
        (
            range.start(),
            !range.is_empty(),
            std::cmp::Reverse(range.end()),
        )
    });
}

/// The compound statements `select` picks anywhere in `body`, as sites: each
/// covers its statement through the end of its last block (`select`
/// returns that block), trailing comments included.
pub(crate) fn statement_sites<'a, T>(
    text: &Text,
    body: &'a [Stmt],
    select: impl Fn(&'a Stmt) -> Option<(&'a T, &'a [Stmt])>,
) -> Vec<(TextRange, &'a T)> {
    struct Collector<'t, 'x, 'a, T, F> {
        text: &'t Text<'x>,
        select: F,
        sites: Vec<(TextRange, &'a T)>,
    }
    impl<'a, T, F: Fn(&'a Stmt) -> Option<(&'a T, &'a [Stmt])>> StatementVisitor<'a>
        for Collector<'_, '_, 'a, T, F>
    {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Some((node, last_block)) = (self.select)(stmt) {
                let range = statement_range(self.text, stmt.range(), last_block);
                self.sites.push((range, node));
            }
            statement_visitor::walk_stmt(self, stmt);
        }
    }
    let mut collector = Collector {
        text,
        select,
        sites: Vec::new(),
    };
    collector.visit_body(body);
    collector.sites
}

/// The lines of a block body as one range: from the start of the first
/// statement's line (or the statement itself when it shares a line with its
/// header) to the end of the last statement with its trailing `;`/comment.
pub(crate) struct Block {
    pub range: TextRange,
    /// Whether the block starts on a line of its own.
    pub own_lines: bool,
}

impl Block {
    pub fn of<T: crate::syntax::Ranged>(text: &Text, statements: &[T]) -> Option<Block> {
        let first = offset(statements.first()?.range().start());
        let last = offset(statements.last()?.range().end());
        let own_lines = text.starts_line(first);
        let start = if own_lines {
            leading_comment_lines_start(text, text.line_start(first))
        } else {
            first
        };
        let mut end = text.statement_tail(last);
        if own_lines {
            end = trailing_comment_lines_end(text, end, text.indentation(first).len());
        }
        Some(Block {
            range: TextRange::new(size(start), size(end)),
            own_lines,
        })
    }
}

/// Extends a block ending at `end` over the comment lines that follow it
/// indented at least `depth` deep (blank lines between them included,
/// trailing blank lines not): they read as part of the block.
fn trailing_comment_lines_end(text: &Text, mut end: usize, depth: usize) -> usize {
    let mut at = end;
    loop {
        let Some(next) = next_line_start(text.src, at) else {
            return end;
        };
        let line_end = text.line_end(next);
        let line = &text.src[next..line_end];
        let content = line.trim_start_matches([' ', '\t', '\x0c']);
        if content.starts_with('#') && line.len() - content.len() >= depth {
            end = line_end;
        } else if !content.is_empty() {
            return end;
        }
        if line_end >= text.src.len() {
            return end;
        }
        at = line_end;
    }
}

/// Moves a block's start at `line_start` up over the comment lines directly
/// above it (no blank line between), which introduce its first statement.
fn leading_comment_lines_start(text: &Text, mut line_start: usize) -> usize {
    let depth = text.indentation(line_start).len();
    while line_start > 0 {
        let previous = text.line_start(line_start - 1);
        let line = &text.src[previous..line_start];
        let content = line.trim_start_matches([' ', '\t', '\x0c']);
        if !content.starts_with('#') || line.len() - content.len() < depth {
            break;
        }
        line_start = previous;
    }
    line_start
}

/// A compound statement's range as its site covers it: through the end of
/// its last block, trailing comments included.
pub(crate) fn statement_range<T: crate::syntax::Ranged>(
    text: &Text,
    statement: TextRange,
    last_block: &[T],
) -> TextRange {
    let end = Block::of(text, last_block).map_or(statement.end(), |block| block.range.end());
    TextRange::new(statement.start(), end)
}

/// What lies between a compound statement's start and its body that a
/// rewrite of the header would drop: comments inside the header or after
/// its colon, and comment or blank lines that open the body.
pub(crate) struct HeaderTrivia {
    /// Comments up to the end of the header's line (the one with the colon).
    pub comments: Vec<TextRange>,
    /// Whole lines between the header and the body's first statement.
    pub body_prefix: Option<TextRange>,
}

impl HeaderTrivia {
    /// `expressions` are the ranges the rewrite copies (their comments come
    /// along with them), the last one ending where the header's colon follows.
    pub fn of(text: &Text, start: usize, expressions: &[TextRange], body: &Block) -> HeaderTrivia {
        let expression_end = expressions
            .last()
            .map_or(start, |range| offset(range.end()));
        let bytes = text.src.as_bytes();
        let mut colon = expression_end;
        while colon < bytes.len() && bytes[colon] != b':' {
            colon = if bytes[colon] == b'#' {
                text.line_end(colon)
            } else {
                colon + 1
            };
        }
        let header_end = if body.own_lines {
            text.line_end(colon)
        } else {
            offset(body.range.start())
        };
        let comments = text
            .comments_in(TextRange::new(size(start), size(header_end)))
            .iter()
            .filter(|comment| {
                !expressions
                    .iter()
                    .any(|range| range.contains_range(**comment))
            })
            .copied()
            .collect();
        let prefix_start = text.src[header_end..]
            .strip_prefix("\r\n")
            .or_else(|| text.src[header_end..].strip_prefix(['\n', '\r']))
            .map_or(header_end, |rest| text.src.len() - rest.len());
        let body_prefix = (body.own_lines && prefix_start < offset(body.range.start()))
            .then(|| TextRange::new(size(prefix_start), body.range.start()));
        HeaderTrivia {
            comments,
            body_prefix,
        }
    }

    /// Writes the header comments as lines of their own, each followed by a
    /// newline and `indent`, where the rewritten header is about to start.
    pub fn push_comments(&self, out: &mut String, text: &Text, indent: &str) {
        for comment in &self.comments {
            out.push_str(text.slice(*comment));
            out.push_str(text.newline);
            out.push_str(indent);
        }
    }
}
