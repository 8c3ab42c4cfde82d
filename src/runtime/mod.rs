//! The Python helpers desugared code calls, and how they reach the output.
//!
//! The helpers live in `unawait_runtime.py`, split into sections. Inline mode
//! copies the sections a file uses to the top of that file; import mode
//! imports them from the module `unawait runtime` prints.

use std::collections::BTreeSet;

/// The helper module's source, exactly as `unawait runtime` prints it.
pub const SOURCE: &str = include_str!("unawait_runtime.py");

/// The module name `--runtime=import` output imports from.
pub const MODULE_NAME: &str = "unawait_runtime";

/// The prefix every helper name carries in `SOURCE`.
pub const DEFAULT_PREFIX: &str = "_unawait";

/// Where the helpers come from in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RuntimeMode {
    /// Copy the helpers the file uses into it.
    #[default]
    Inline,
    /// `from unawait_runtime import ...`.
    Import,
}

/// A group of helpers that is copied or imported as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Coroutine,
    AsyncWith,
    AsyncFor,
    AsyncGenerator,
    AsyncComprehension,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::Coroutine => "coroutine",
            Section::AsyncWith => "async_with",
            Section::AsyncFor => "async_for",
            Section::AsyncGenerator => "async_generator",
            Section::AsyncComprehension => "async_comprehension",
        }
    }

    /// The helpers that desugared code names directly (without the prefix).
    fn entry_points(self) -> &'static [&'static str] {
        match self {
            Section::Coroutine => &["coroutine", "await", "exc_info"],
            Section::AsyncWith => &["async_with"],
            Section::AsyncFor => &["aiter", "anext"],
            Section::AsyncGenerator => &["async_generator", "AsyncYield"],
            Section::AsyncComprehension => &["aiterated", "KEY_FIRST"],
        }
    }

    /// Sections whose helpers this one calls.
    fn needs(self) -> &'static [Section] {
        match self {
            Section::Coroutine => &[],
            Section::AsyncWith | Section::AsyncFor | Section::AsyncGenerator => {
                &[Section::Coroutine]
            }
            Section::AsyncComprehension => &[Section::Coroutine, Section::AsyncFor],
        }
    }
}

/// The text of one section of [`SOURCE`], without its marker line.
fn section_text(section: Section) -> &'static str {
    let marker = format!("# -- section: {}", section.name());
    let start = SOURCE.find(&marker).expect("every section has a marker");
    let body = start
        + SOURCE[start..]
            .find('\n')
            .map_or(SOURCE.len() - start, |i| i + 1);
    let end = SOURCE[body..]
        .find("# -- section: ")
        .map_or(SOURCE.len(), |i| body + i);
    &SOURCE[body..end]
}

/// `used` plus every section those need, in source order.
fn closure(used: &BTreeSet<Section>) -> BTreeSet<Section> {
    let mut all = used.clone();
    for section in used {
        all.extend(section.needs());
    }
    all
}

/// The code that makes the helpers in `used` available, written with
/// `prefix` and `newline`, ending with a blank line.
pub fn prologue(
    used: &BTreeSet<Section>,
    mode: RuntimeMode,
    prefix: &str,
    newline: &str,
) -> String {
    let sections = closure(used);
    let text = match mode {
        RuntimeMode::Inline => {
            let mut text = String::from(
                "# --- unawait runtime: helpers for the desugared async code below ---\n",
            );
            for section in &sections {
                text.push_str(section_text(*section).trim_end());
                text.push_str("\n\n\n");
            }
            text.truncate(text.trim_end().len());
            text.push_str("\n# --- end of unawait runtime ---\n\n");
            if prefix == DEFAULT_PREFIX {
                text
            } else {
                text.replace(&format!("{DEFAULT_PREFIX}_"), &format!("{prefix}_"))
            }
        }
        RuntimeMode::Import => {
            let names: Vec<String> = sections
                .iter()
                .flat_map(|section| section.entry_points())
                .map(|name| {
                    let canonical = format!("{DEFAULT_PREFIX}_{name}");
                    if prefix == DEFAULT_PREFIX {
                        canonical
                    } else {
                        format!("{canonical} as {prefix}_{name}")
                    }
                })
                .collect();
            format!("from {MODULE_NAME} import {}\n\n", names.join(", "))
        }
    };
    if newline == "\n" {
        text
    } else {
        text.replace('\n', newline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_point_is_defined_in_its_section() {
        for section in [
            Section::Coroutine,
            Section::AsyncWith,
            Section::AsyncFor,
            Section::AsyncGenerator,
            Section::AsyncComprehension,
        ] {
            let text = section_text(section);
            for name in section.entry_points() {
                let name = format!("{DEFAULT_PREFIX}_{name}");
                assert!(
                    text.contains(&format!("def {name}("))
                        || text.contains(&format!("class {name}:"))
                        || text.contains(&format!("\n{name} = ")),
                    "{name} is not defined in section {}",
                    section.name()
                );
            }
        }
    }

    #[test]
    fn inline_prologue_has_only_needed_sections_and_renames() {
        let used = BTreeSet::from([Section::AsyncFor]);
        let text = prologue(&used, RuntimeMode::Inline, "_unawait2", "\r\n");
        assert!(text.contains("def _unawait2_anext("));
        assert!(text.contains("def _unawait2_await("));
        assert!(!text.contains("_unawait2_async_with"));
        assert!(!text.contains("_unawait_"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn import_prologue_aliases_renamed_helpers() {
        let used = BTreeSet::from([Section::Coroutine]);
        assert_eq!(
            prologue(&used, RuntimeMode::Import, "_unawait1", "\n"),
            "from unawait_runtime import _unawait_coroutine as _unawait1_coroutine, \
             _unawait_await as _unawait1_await, _unawait_exc_info as _unawait1_exc_info\n\n"
        );
    }
}
