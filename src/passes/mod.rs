//! The desugaring pipeline: one pass per construct, each a rewrite of the
//! previous pass's output text.
//!
//! Each pass parses its input, finds the nodes it rewrites ("sites"),
//! and prints a new text in which everything but those sites is copied from
//! the input. `async for` and `async with` expand into code that still uses
//! `await`, so the output of every prefix of the pipeline is valid async
//! Python; the last pass turns `async def` and `await` into generators.

mod async_for;
mod async_with;
mod coroutine;

use std::collections::BTreeSet;

use crate::runtime::Section;
use crate::syntax::{Module, TextRange};
use crate::text::{Text, offset};

/// What every pass of one run shares.
pub struct Context {
    /// Prefix of every name the output introduces; no identifier in the
    /// input starts with `{prefix}_`.
    pub prefix: String,
    /// Runtime sections the output calls into.
    pub sections: BTreeSet<Section>,
}

impl Context {
    /// A name the output introduces, e.g. `_unawait_aexit`.
    pub fn name(&self, suffix: &str) -> String {
        format!("{}_{suffix}", self.prefix)
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
    /// A cheap textual check: `false` means there is certainly nothing to do.
    fn should_run(&self, source: &str) -> bool;
    /// Rewrites every site in `module`; `None` when there was none.
    fn run(&self, module: &Module, text: &Text, cx: &mut Context) -> Option<String>;
}

/// The passes, in the order they run.
pub const PIPELINE: [&dyn Pass; 3] = [
    &async_for::AsyncFor,
    &async_with::AsyncWith,
    &coroutine::Coroutine,
];

/// Prints a text in which the sites a pass found are replaced by what the
/// pass renders for them, and everything else is copied.
///
/// `extra` is indentation added by enclosing rewrites (a body moved under a
/// new `try:`); it is applied to every copied line, and each site applies it
/// to the lines it writes.
pub(crate) trait SiteRenderer<'a> {
    fn text(&self) -> &Text<'a>;
    /// Site ranges, sorted by start; nested sites follow their parent.
    fn site_ranges(&self) -> &[TextRange];
    fn render_site(&mut self, out: &mut String, index: usize, extra: &str);

    fn render(&mut self, out: &mut String, range: TextRange, extra: &str) {
        let mut index = self
            .site_ranges()
            .partition_point(|site| site.start() < range.start());
        let mut copied = range.start();
        while let Some(&site) = self.site_ranges().get(index) {
            if site.start() >= range.end() {
                break;
            }
            if site.start() >= copied && site.end() <= range.end() {
                self.text()
                    .push_reindented(out, TextRange::new(copied, site.start()), extra);
                let at = offset(site.start());
                if at == self.text().line_start(at) {
                    out.push_str(extra);
                }
                self.render_site(out, index, extra);
                copied = site.end();
            }
            index += 1;
        }
        self.text()
            .push_reindented(out, TextRange::new(copied, range.end()), extra);
    }

    /// Renders the whole file.
    fn render_file(&mut self) -> String {
        let src = self.text().src;
        let mut out = String::with_capacity(src.len() + src.len() / 4);
        self.render(
            &mut out,
            TextRange::up_to(crate::syntax::TextSize::of(src)),
            "",
        );
        out
    }
}

/// Sorts sites so that a parent precedes the sites nested in it.
pub(crate) fn sort_sites<T>(sites: &mut [(TextRange, T)]) {
    sites.sort_by_key(|(range, _)| (range.start(), std::cmp::Reverse(range.end())));
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
        let first = statements.first()?.range().start();
        let last = statements.last()?.range().end();
        let own_lines = text.starts_line(offset(first));
        let start = if own_lines {
            text.line_start(offset(first))
        } else {
            offset(first)
        };
        let end = text.statement_tail(offset(last));
        Some(Block {
            range: TextRange::new(size(start), size(end)),
            own_lines,
        })
    }
}

pub(crate) fn size(at: usize) -> crate::syntax::TextSize {
    crate::syntax::TextSize::new(u32::try_from(at).expect("sources are under 4 GiB"))
}
