//! The Python helpers desugared code calls, and how they reach the output.
//!
//! The helpers live in `unawait_runtime.py`, split into sections. Inline mode
//! copies the sections a file uses to the top of that file; import mode
//! imports them from the module `unawait runtime` prints.

use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The helper module's source, exactly as `unawait runtime` prints it.
pub const SOURCE: &str = include_str!("unawait_runtime.py");

/// The module name `--runtime=import` output imports from.
pub const MODULE_NAME: &str = "unawait_runtime";

/// The file name of the module: `unawait runtime --write DIR` writes
/// `DIR/unawait_runtime.py`.
pub const FILE_NAME: &str = "unawait_runtime.py";

/// The version stamped into the module as `__version__`; output of
/// `--runtime=import` refuses a module with another one.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version and a digest of [`SOURCE`], which caches of desugared code
/// are tagged with: two builds of one version whose helpers differ (a
/// development build, say) must not share cached code, which calls them.
pub fn build_tag() -> String {
    format!("{VERSION}-{SOURCE_DIGEST:016x}")
}

/// FNV-1a of [`SOURCE`], computed as the crate compiles.
const SOURCE_DIGEST: u64 = {
    let bytes = SOURCE.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut at = 0;
    while at < bytes.len() {
        hash = (hash ^ bytes[at] as u64).wrapping_mul(0x0100_0000_01b3);
        at += 1;
    }
    hash
};

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

/// A group of helpers that is copied or imported as a whole. Declared in
/// the order `SOURCE` has them, which is the order output copies them in: a
/// later section may reassign names an earlier one defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Coroutine,
    AsyncWith,
    AsyncFor,
    AsyncGenerator,
    AsyncComprehension,
}

impl Section {
    /// Every section, in the order `SOURCE` has them.
    const ALL: [Section; 5] = [
        Section::Coroutine,
        Section::AsyncWith,
        Section::AsyncFor,
        Section::AsyncGenerator,
        Section::AsyncComprehension,
    ];

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
            Section::Coroutine => &[
                "coroutine",
                "await",
                "StopIteration",
                "StopAsyncIteration",
                "RuntimeError",
                "type",
                "CoroutineFunction",
            ],
            Section::AsyncWith => &["async_with", "exc_info", "BaseException"],
            Section::AsyncFor => &["aiter", "anext"],
            Section::AsyncGenerator => &["async_generator", "AsyncYield"],
            Section::AsyncComprehension => &[
                "comprehension",
                "iterated",
                "inlined",
                "folded",
                "KEY_FIRST",
                "get_iter",
                "set",
            ],
        }
    }

    /// The sections whose helpers this one calls, as its marker line lists
    /// them: `# -- section: NAME (needs: A, B)`.
    fn needs(self) -> impl Iterator<Item = Section> {
        let (marker, _) = section_source(self);
        let list = marker
            .split_once("(needs: ")
            .and_then(|(_, rest)| rest.strip_suffix(')'))
            .unwrap_or("");
        list.split(", ")
            .filter(|name| !name.is_empty())
            .map(|name| {
                *Section::ALL
                    .iter()
                    .find(|section| section.name() == name)
                    .expect("a section needs only sections that exist")
            })
    }
}

/// The marker line of a section of [`SOURCE`] (without its newline) and the
/// section's text after it. The sections are found once: searching the whole
/// runtime for each section's marker on every desugared file cost about
/// half of desugaring a small module.
fn section_source(section: Section) -> (&'static str, &'static str) {
    static SECTIONS: OnceLock<[(&str, &str); Section::ALL.len()]> = OnceLock::new();
    let sections = SECTIONS.get_or_init(|| Section::ALL.map(find_section));
    let index = Section::ALL
        .iter()
        .position(|listed| *listed == section)
        .expect("ALL lists every section");
    sections[index]
}

/// Where `section`'s marker and text are in [`SOURCE`].
fn find_section(section: Section) -> (&'static str, &'static str) {
    let marker = format!("{SECTION_MARKER}{}", section.name());
    let start = SOURCE.find(&marker).expect("every section has a marker");
    let line_end = SOURCE[start..]
        .find('\n')
        .map_or(SOURCE.len(), |i| start + i);
    let body = (line_end + 1).min(SOURCE.len());
    let end = [SECTION_MARKER, MODULE_ONLY_MARKER]
        .iter()
        .filter_map(|next| SOURCE[body..].find(next))
        .min()
        .map_or(SOURCE.len(), |i| body + i);
    (&SOURCE[start..line_end], &SOURCE[body..end])
}

/// Starts each section's marker line.
const SECTION_MARKER: &str = "# -- section: ";

/// Starts the module's tail, after every section: code the imported module
/// runs that inline output never copies (it hands hot paths to the
/// extension when the unawait package is installed).
const MODULE_ONLY_MARKER: &str = "# -- module only";

/// `used` plus every section those need, directly or not, in source order
/// (the order of [`Section`]).
fn closure(used: &BTreeSet<Section>) -> BTreeSet<Section> {
    let mut all = used.clone();
    let mut pending: Vec<Section> = used.iter().copied().collect();
    while let Some(section) = pending.pop() {
        for needed in section.needs() {
            if all.insert(needed) {
                pending.push(needed);
            }
        }
    }
    all
}

/// The code that makes the helpers in `used` available to `code`, written
/// with `prefix` and `newline`, ending with a blank line. Imported, only the
/// helpers `code` names are: each costs a lookup as the module runs.
pub fn prologue(
    used: &BTreeSet<Section>,
    mode: RuntimeMode,
    prefix: &str,
    newline: &str,
    code: &str,
) -> String {
    let sections = closure(used);
    let text = match mode {
        RuntimeMode::Inline => {
            let mut text = String::from(
                "# --- unawait runtime: helpers for the desugared async code below ---\n",
            );
            for section in &sections {
                text.push_str(section_source(*section).1.trim_end());
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
            let named = names_with_prefix(code, prefix);
            let names: Vec<String> = sections
                .iter()
                .flat_map(|section| section.entry_points())
                .filter(|name| named.binary_search(name).is_ok())
                .map(|name| {
                    let canonical = format!("{DEFAULT_PREFIX}_{name}");
                    if prefix == DEFAULT_PREFIX {
                        canonical
                    } else {
                        format!("{canonical} as {prefix}_{name}")
                    }
                })
                .collect();
            // The version check comes first, so a stale module is reported as
            // such even when it lacks a helper the import names.
            let mut text =
                format!("__import__(\"{MODULE_NAME}\")._unawait_require(\"{VERSION}\")\n");
            if !names.is_empty() {
                text.push_str(&format!("from {MODULE_NAME} import {}\n", names.join(", ")));
            }
            text.push('\n');
            text
        }
    };
    if newline == "\n" {
        text
    } else {
        text.replace('\n', newline)
    }
}

/// The identifiers of `code` that start with `{prefix}_`, without it,
/// sorted (for `binary_search`), each once: one scan, where a search per
/// helper took a twelfth of desugaring a small module (`memmem` and a
/// sorted `Vec` are a little cheaper than `match_indices` and a
/// `BTreeSet`).
fn names_with_prefix<'c>(code: &'c str, prefix: &str) -> Vec<&'c str> {
    let is_identifier = |c: char| c.is_alphanumeric() || c == '_';
    let start = format!("{prefix}_");
    let mut names: Vec<&str> = memchr::memmem::find_iter(code.as_bytes(), start.as_bytes())
        .filter(|&at| !code[..at].chars().next_back().is_some_and(is_identifier))
        .map(|at| {
            let rest = &code[at + start.len()..];
            &rest[..rest.find(|c: char| !is_identifier(c)).unwrap_or(rest.len())]
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_point_is_defined_in_its_section_or_one_it_needs() {
        for section in Section::ALL {
            let text: String = closure(&BTreeSet::from([section]))
                .into_iter()
                .map(|needed| section_source(needed).1)
                .collect();
            for name in section.entry_points() {
                let name = format!("{DEFAULT_PREFIX}_{name}");
                let definitions = [
                    format!("def {name}("),
                    format!("class {name}:"),
                    format!("class {name}("),
                    format!("{name} = "),
                ];
                assert!(
                    text.lines().any(|line| definitions
                        .iter()
                        .any(|d| line.trim_start().starts_with(d.as_str()))),
                    "{name} is not defined in section {}",
                    section.name()
                );
            }
        }
    }

    #[test]
    fn the_module_only_tail_follows_every_section_and_is_never_copied() {
        let tail = SOURCE
            .find(MODULE_ONLY_MARKER)
            .expect("the runtime has a tail");
        for section in Section::ALL {
            let (marker, text) = section_source(section);
            assert!(SOURCE.find(marker).is_some_and(|at| at < tail), "{marker}");
            assert!(!text.contains("accelerate"), "{}", section.name());
        }
        let every = closure(&Section::ALL.into_iter().collect());
        let inline = prologue(&every, RuntimeMode::Inline, DEFAULT_PREFIX, "\n", "");
        assert!(!inline.contains(MODULE_ONLY_MARKER) && !inline.contains("unawait._unawait"));
    }

    #[test]
    fn sections_are_declared_in_source_order() {
        let starts: Vec<usize> = Section::ALL
            .iter()
            .map(|section| section_source(*section).0.as_ptr() as usize)
            .collect();
        assert!(starts.is_sorted());
        assert!(Section::ALL.is_sorted());
    }

    #[test]
    fn closure_adds_what_the_markers_say_each_section_needs() {
        let used = BTreeSet::from([Section::AsyncComprehension]);
        assert_eq!(
            closure(&used),
            BTreeSet::from([
                Section::Coroutine,
                Section::AsyncFor,
                Section::AsyncComprehension
            ])
        );
        for section in Section::ALL {
            let needs: Vec<Section> = section.needs().collect();
            assert_eq!(needs.is_empty(), section == Section::Coroutine);
        }
    }

    #[test]
    fn inline_prologue_has_only_needed_sections_and_renames() {
        let used = BTreeSet::from([Section::AsyncFor]);
        let text = prologue(&used, RuntimeMode::Inline, "_unawait2", "\r\n", "");
        assert!(text.contains("def _unawait2_anext("));
        assert!(text.contains("def _unawait2_await("));
        assert!(!text.contains("_unawait2_async_with"));
        assert!(!text.contains("_unawait_"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn import_prologue_aliases_renamed_helpers() {
        let used = BTreeSet::from([Section::Coroutine]);
        let code = "@_unawait1_coroutine\ndef f():\n    yield from _unawait1_await(g())\n";
        assert_eq!(
            prologue(&used, RuntimeMode::Import, "_unawait1", "\n", code),
            format!(
                "__import__(\"unawait_runtime\")._unawait_require(\"{VERSION}\")\n\
                 from unawait_runtime import _unawait_coroutine as _unawait1_coroutine, \
                 _unawait_await as _unawait1_await\n\n"
            )
        );
    }

    #[test]
    fn import_prologue_names_only_helpers_the_code_names() {
        let used = BTreeSet::from([Section::AsyncFor]);
        // `_unawait_anext_x` and `x_unawait_aiter` are other identifiers.
        let code = "_unawait_anext_x = x_unawait_aiter = 1\nyield from _unawait_anext(i)\n";
        let text = prologue(&used, RuntimeMode::Import, "_unawait", "\n", code);
        assert!(
            text.ends_with("from unawait_runtime import _unawait_anext\n\n"),
            "{text}"
        );
        let none = prologue(&used, RuntimeMode::Import, "_unawait", "\n", "pass\n");
        assert!(!none.contains("from unawait_runtime import"), "{none}");
    }

    #[test]
    fn the_module_is_stamped_with_the_crate_version() {
        assert!(
            SOURCE.contains(&format!("\n__version__ = \"{VERSION}\"\n")),
            "update __version__ in unawait_runtime.py to {VERSION}"
        );
        // The stamp and the check live before the first section, so inline
        // output never copies them.
        let first_section = SOURCE.find("\n# -- section: ").expect("sections");
        assert!(SOURCE.find("def _unawait_require(").unwrap() < first_section);
    }
}
