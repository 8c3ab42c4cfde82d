//! What each rewrite means, and where the rule comes from: the comments
//! `--explain` writes into the output, and the notes of the HTML view.

/// A construct a pass rewrites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Construct {
    AsyncComprehension,
    AsyncFor,
    AsyncWith,
    AsyncDef,
    AsyncGenerator,
    /// `yield` inside an async generator.
    AsyncGeneratorYield,
    Await,
    /// `await f(...)` of a name, which may run `f`'s body directly.
    AwaitCall,
}

impl Construct {
    /// The syntax, as a reader would name it.
    pub fn syntax(self) -> &'static str {
        match self {
            Construct::AsyncComprehension => "async comprehension",
            Construct::AsyncFor => "async for",
            Construct::AsyncWith => "async with",
            Construct::AsyncDef => "async def",
            Construct::AsyncGenerator => "async def with yield",
            Construct::AsyncGeneratorYield => "yield in an async generator",
            Construct::Await => "await",
            Construct::AwaitCall => "await of a call by name",
        }
    }

    /// The keyword a line holding the construct as the user wrote it holds
    /// (`None` for constructs not marked by one keyword on their line).
    pub fn keyword(self) -> Option<&'static str> {
        match self {
            Construct::Await | Construct::AwaitCall => Some("await"),
            Construct::AsyncFor => Some("for"),
            Construct::AsyncWith => Some("with"),
            _ => None,
        }
    }

    /// What it becomes, in a few words.
    pub fn becomes(self) -> &'static str {
        match self {
            Construct::AsyncComprehension => {
                "a nested async def, called (and awaited) where the comprehension stood"
            }
            Construct::AsyncFor => {
                "__aiter__ once, then __anext__ awaited each step until StopAsyncIteration"
            }
            Construct::AsyncWith => {
                "__aenter__ and __aexit__ looked up on the type and awaited around a try"
            }
            Construct::AsyncDef => "a generator function flagged as a coroutine",
            Construct::AsyncGenerator => {
                "a generator wrapped to behave as an async generator (asend, athrow, aclose)"
            }
            Construct::AsyncGeneratorYield => {
                "yield of a wrapped value, told apart from what the awaits yield"
            }
            Construct::Await => "yield from, after checking that the operand is awaitable",
            Construct::AwaitCall => {
                "yield from the callee's body when it is one of unawait's coroutine functions \
                 (no coroutine object is made, and nothing could see it), else as any await"
            }
        }
    }

    /// Where the rule is specified.
    pub fn source(self) -> &'static str {
        match self {
            Construct::AsyncComprehension => "PEP 530, \"Asynchronous Comprehensions\"",
            Construct::AsyncFor => "PEP 492, \"Asynchronous Iterators and 'async for'\"",
            Construct::AsyncWith => "PEP 492, \"Asynchronous Context Managers and 'async with'\"",
            Construct::AsyncDef => "PEP 492, \"Coroutine objects\"",
            Construct::AsyncGenerator | Construct::AsyncGeneratorYield => {
                "PEP 525, \"Asynchronous Generators\""
            }
            Construct::Await | Construct::AwaitCall => "PEP 492, \"Await Expression\"",
        }
    }

    /// One line of explanation. ASCII only, so that it can be written in
    /// whatever encoding the file declares.
    pub fn explanation(self) -> String {
        format!(
            "{} -> {} ({})",
            self.syntax(),
            self.becomes(),
            self.source()
        )
    }
}

/// Inserts a comment line (`# unawait: ...`) for each construct before the
/// output line that rewrites it; `constructs` are `(original line,
/// construct)` pairs and `map` the 0-based original line of each output
/// line. Returns the new code and its map (comment lines map to nothing).
///
/// A comment goes before the first line of the construct's output that
/// starts a logical line (so never inside a string, brackets or a backslash
/// continuation), indented like it; constructs sharing that place share one
/// comment block, each explanation once.
pub(crate) fn insert_comments(
    code: &str,
    map: &[Option<u32>],
    constructs: &[(u32, Construct)],
) -> (String, Vec<Option<u32>>) {
    let logical = crate::syntax::logical_line_starts(code);
    // The output lines of each original line, in order, gathered once
    // rather than searched for each construct.
    let mut output_lines: std::collections::HashMap<u32, Vec<usize>> = Default::default();
    for (index, origin) in map.iter().enumerate() {
        if let Some(line) = origin {
            output_lines.entry(*line).or_default().push(index);
        }
    }
    let mut at_line: std::collections::BTreeMap<usize, Vec<Construct>> = Default::default();
    for &(line, construct) in constructs {
        let Some(candidates) = output_lines.get(&line) else {
            continue;
        };
        let first = candidates[0];
        let place = candidates
            .iter()
            .copied()
            .find(|index| logical.binary_search(index).is_ok())
            .or_else(|| {
                let before = logical.partition_point(|&start| start <= first);
                before.checked_sub(1).map(|i| logical[i])
            });
        if let Some(place) = place {
            let entry = at_line.entry(place).or_default();
            if !entry.contains(&construct) {
                entry.push(construct);
            }
        }
    }
    if at_line.is_empty() {
        return (code.to_string(), map.to_vec());
    }
    let newline = crate::line_index::line_ending(code);
    let mut out = String::with_capacity(code.len() + at_line.len() * 100);
    let mut new_map = Vec::with_capacity(map.len() + at_line.len());
    let mut rest = code;
    for (index, origin) in map.iter().enumerate() {
        let end = crate::line_index::next_line_start(rest, 0).unwrap_or(rest.len());
        let line = &rest[..end];
        if let Some(constructs) = at_line.get(&index) {
            let indentation =
                &line[..line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len()];
            for construct in constructs {
                out.push_str(indentation);
                out.push_str("# unawait: ");
                out.push_str(&construct.explanation());
                out.push_str(newline);
                new_map.push(None);
            }
        }
        out.push_str(line);
        new_map.push(*origin);
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, new_map)
}
