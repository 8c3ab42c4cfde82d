//! The learning view over the golden cases: the line map, `--explain`
//! comments and partial pipelines (`--passes`).

mod common;

use std::time::Duration;

use common::{case_name, golden_cases, interpreters};
use unawait::parallel_map;
use unawait::verify::{Verdict, round_trip};
use unawait::{Options, RuntimeMode, desugar};

fn source_of(path: &std::path::Path) -> String {
    unawait::decode(&std::fs::read(path).expect("readable")).expect("golden cases decode")
}

fn options(explain: bool, passes: Option<&[&str]>) -> Options {
    Options {
        runtime: RuntimeMode::Import,
        explain,
        passes: passes.map(|names| names.iter().map(|name| name.to_string()).collect()),
        ..Options::default()
    }
}

/// Lines as the line map counts them (`\n`, `\r\n`, lone `\r`).
fn lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        lines.push(&rest[..end]);
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            usize::from(end < rest.len())
        };
        rest = &rest[end + skip..];
    }
    lines
}

/// Whether `line` (of the input) holds something a pass rewrites, so that
/// its output may read differently.
fn rewritten(line: &str) -> bool {
    ["async", "await", "yield", ";"]
        .iter()
        .any(|word| line.contains(word))
}

/// Input line `index` (0-based) and the lines that continue it until its
/// brackets close (or backslashes continue it): where a construct starting
/// on that line can reach.
fn bracketed_extent(lines: &[&str], index: usize) -> String {
    let mut depth = 0i32;
    let mut text = String::new();
    for line in &lines[index..] {
        text.push_str(line);
        text.push('\n');
        for c in line.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 && !line.ends_with('\\') {
            break;
        }
    }
    text
}

#[test]
fn the_line_map_points_each_output_line_at_its_input_line() {
    let mut mapped_lines = 0;
    for case in golden_cases() {
        let source = source_of(&case);
        let output = desugar(&source, &options(false, None)).expect("golden cases desugar");
        let input_lines = lines(&source);
        let output_lines = lines(&output.code);
        let name = case_name(&case);
        assert_eq!(
            output.line_map.len(),
            output_lines.len(),
            "{name}: one entry per output line"
        );
        // Lines of statements holding a construct some pass rewrites.
        let mut in_construct = vec![false; input_lines.len()];
        for index in 0..input_lines.len() {
            let extent = bracketed_extent(&input_lines, index);
            if rewritten(&extent) {
                let count = extent.lines().count();
                in_construct[index..index + count].fill(true);
            }
        }
        let mut reached = vec![false; input_lines.len()];
        for (index, (line, origin)) in output_lines.iter().zip(&output.line_map).enumerate() {
            let Some(origin) = origin else {
                // Only the runtime's version check and import, and the
                // blank line after them, come from no input line.
                assert!(
                    line.is_empty()
                        || line.starts_with("from unawait_runtime import")
                        || line.starts_with("__import__(\"unawait_runtime\")._unawait_require("),
                    "{name}: output line {} maps to nothing: {line:?}",
                    index + 1
                );
                continue;
            };
            mapped_lines += 1;
            let input = input_lines
                .get(*origin as usize - 1)
                .unwrap_or_else(|| panic!("{name}: line {origin} is past the input's end"));
            // A line that is not the input line (re-indented) was written
            // for a construct on that line.
            if line.trim() != input.trim() {
                assert!(
                    in_construct[*origin as usize - 1] || line.contains("_unawait"),
                    "{name}: output line {} {line:?} maps to input line {origin} {input:?}",
                    index + 1
                );
            }
            if line.trim() == input.trim() {
                reached[*origin as usize - 1] = true;
            }
        }
        // Every line no pass rewrites is copied, and the map finds it.
        for (index, input) in input_lines.iter().enumerate() {
            if !input.trim().is_empty()
                && !in_construct[index]
                && !input.trim_start().starts_with('#')
            {
                assert!(
                    reached[index],
                    "{name}: no output line is input line {} {input:?}",
                    index + 1
                );
            }
        }
    }
    assert!(mapped_lines > 1000, "the cases exercise the map");
}

#[test]
fn constructs_point_at_lines_holding_them() {
    for case in golden_cases() {
        let source = source_of(&case);
        let output = desugar(&source, &options(false, None)).expect("golden cases desugar");
        let input_lines = lines(&source);
        for (line, construct) in &output.constructs {
            let text = bracketed_extent(&input_lines, *line as usize - 1);
            let keyword = match construct.syntax() {
                "await" | "await of a call by name" => "await",
                "async for" => "for",
                "async with" => "with",
                // `async for` in it, or `await` (PEP 530).
                "async comprehension" => "a",
                "yield in an async generator" => "yield",
                _ => "def",
            };
            let holds = if keyword == "a" {
                text.contains("async") || text.contains("await")
            } else {
                text.contains(keyword)
            };
            assert!(
                holds,
                "{}: {} on line {line}: {text:?}",
                case_name(&case),
                construct.syntax()
            );
        }
    }
}

/// `--explain` output without its comment lines (whatever its line ends).
fn without_explanations(code: &str) -> String {
    let mut kept = String::new();
    let mut rest = code;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).map_or(rest.len(), |at| {
            at + if rest[at..].starts_with("\r\n") { 2 } else { 1 }
        });
        if !rest[..end].trim_start().starts_with("# unawait: ") {
            kept.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    kept
}

#[test]
fn explanations_are_comments_only() {
    let mut comments = 0;
    for case in golden_cases() {
        let source = source_of(&case);
        let plain = desugar(&source, &options(false, None)).expect("desugars");
        let explained = desugar(&source, &options(true, None)).expect("desugars");
        let name = case_name(&case);
        assert!(!plain.code.contains("# unawait: "), "{name}");
        assert_eq!(without_explanations(&explained.code), plain.code, "{name}");
        // Every construct is explained, and the output still parses.
        let count = explained.code.matches("# unawait: ").count();
        assert!(
            count >= 1 || plain.constructs.is_empty(),
            "{name}: no explanation"
        );
        comments += count;
        common::parse(&explained.code)
            .unwrap_or_else(|e| panic!("{name}: explained output does not parse: {e}"));
        assert_eq!(
            explained.line_map.len(),
            lines(&explained.code).len(),
            "{name}"
        );
        // Desugaring the output again changes nothing.
        let again = desugar(&explained.code, &options(true, None)).expect("output desugars");
        assert!(!again.changed, "{name}");
    }
    assert!(comments > 300, "{comments} explanations");
}

/// Explained output behaves as the input does, on the first interpreter
/// found (the full suite runs plain output on all of them).
#[test]
fn explained_cases_behave_the_same() {
    let python = &interpreters()[0];
    let beside = [("unawait_runtime.py", unawait::runtime::SOURCE.as_bytes())];
    let cases: Vec<_> = golden_cases()
        .into_iter()
        .filter(|case| unawait::verify::runs_on(&source_of(case), python.version))
        .collect();
    let failures: Vec<String> = parallel_map(&cases, |case| {
        let original = std::fs::read(case).expect("readable");
        let (desugared, _) = unawait::desugar_bytes(&original, &options(true, None)).ok()?;
        let name = case.file_name().expect("named").to_string_lossy();
        match round_trip(
            python,
            &name,
            &original,
            &desugared,
            &beside,
            Duration::from_secs(60),
        ) {
            Verdict::Equivalent => None,
            other => Some(format!("{}: {other:?}", case_name(case))),
        }
    })
    .into_iter()
    .flatten()
    .collect();
    println!(
        "explained output: {} cases on {}",
        cases.len(),
        python.full_version
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const PASSES: [&str; 4] = [
    "async_comprehension",
    "async_for",
    "async_with",
    "coroutine",
];

/// Every subset of the passes either desugars into valid Python that keeps
/// exactly the constructs of the passes left out, or, when `coroutine` runs
/// without a pass whose construct the file has, says which pass is missing.
#[test]
fn every_selection_of_passes_gives_valid_python_or_says_what_is_missing() {
    let mut refused = 0;
    let mut partial = 0;
    for case in golden_cases() {
        let source = source_of(&case);
        for mask in 1..16u32 {
            let chosen: Vec<&str> = (0..4)
                .filter(|bit| mask & (1 << bit) != 0)
                .map(|bit| PASSES[bit])
                .collect();
            let name = format!("{} with --passes {}", case_name(&case), chosen.join(","));
            match desugar(&source, &options(false, Some(&chosen))) {
                Ok(output) => {
                    common::parse(&output.code).unwrap_or_else(|e| {
                        panic!("{name}: output does not parse: {e}\n{}", output.code)
                    });
                    if !chosen.contains(&"async_for") && !chosen.contains(&"async_comprehension") {
                        assert!(
                            !output
                                .constructs
                                .iter()
                                .any(|(_, c)| c.syntax() == "async for"),
                            "{name}"
                        );
                    }
                    partial += 1;
                }
                Err(diagnostics) => {
                    let message = &diagnostics.0[0].message;
                    assert!(
                        chosen.contains(&"coroutine") && message.contains("needs the"),
                        "{name}: {message}"
                    );
                    let missing = PASSES
                        .iter()
                        .find(|pass| message.contains(&format!("needs the {pass} pass")))
                        .unwrap_or_else(|| panic!("{name}: {message}"));
                    assert!(!chosen.contains(missing), "{name}: {message}");
                    refused += 1;
                }
            }
        }
    }
    assert!(
        refused > 0 && partial > refused,
        "{refused} refused, {partial} ran"
    );
}

#[test]
fn unknown_pass_names_are_refused() {
    let error = desugar(
        "async def f(): pass\n",
        &options(false, Some(&["coroutines"])),
    )
    .expect_err("no such pass");
    assert_eq!(
        error.0[0].message,
        "no pass is named \"coroutines\" (the passes are async_comprehension, async_for, async_with, coroutine)"
    );
}
