//! Each pass's module documentation shows what it makes of a construct as
//! `In:` and `Out:` code blocks; run through that pass alone, each `In`
//! gives its `Out`, so the documentation cannot drift from the code.

use unawait::{Options, RuntimeMode, desugar};

const DOCUMENTED: [(&str, &str); 4] = [
    (
        "async_comprehension",
        include_str!("../src/passes/async_comprehension.rs"),
    ),
    ("async_for", include_str!("../src/passes/async_for.rs")),
    ("async_with", include_str!("../src/passes/async_with.rs")),
    ("coroutine", include_str!("../src/passes/coroutine.rs")),
];

/// The `In:`/`Out:` pairs of a module's documentation.
fn examples(module_source: &str) -> Vec<(String, String)> {
    let doc: Vec<&str> = module_source
        .lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    let block_after = |label: usize| -> Option<String> {
        if doc.get(label + 1) != Some(&"```python") {
            return None;
        }
        let lines: Vec<&str> = doc[label + 2..]
            .iter()
            .take_while(|line| **line != "```")
            .copied()
            .collect();
        Some(lines.join("\n") + "\n")
    };
    let mut pairs = Vec::new();
    for (at, line) in doc.iter().enumerate() {
        if *line == "In:" {
            let input = block_after(at).expect("a python block after In:");
            let lines = input.lines().count();
            let out = at + lines + 3;
            assert_eq!(doc.get(out), Some(&"Out:"), "Out: after {input}");
            pairs.push((input, block_after(out).expect("a python block after Out:")));
        }
    }
    pairs
}

/// `input` through pass `pass` alone, without the runtime's import.
/// Statements that need an enclosing coroutine go in `async def f():`,
/// which the result is taken back out of.
fn through(pass: &str, input: &str) -> String {
    let at_module_level = ["async def ", "def ", "class ", "@"]
        .iter()
        .any(|start| input.starts_with(start));
    let source = if at_module_level {
        input.to_string()
    } else {
        let body: String = input.lines().map(|line| format!("    {line}\n")).collect();
        format!("async def f():\n{body}")
    };
    let options = Options {
        runtime: RuntimeMode::Import,
        passes: Some(vec![pass.to_string()]),
        ..Options::default()
    };
    let output = desugar(&source, &options).expect("the example desugars");
    let code: Vec<&str> = output
        .code
        .lines()
        .skip_while(|line| {
            line.starts_with("__import__(") || line.starts_with("from unawait_runtime import")
        })
        .skip_while(|line| line.is_empty())
        .collect();
    if at_module_level {
        return code.join("\n") + "\n";
    }
    assert_eq!(code.first(), Some(&"async def f():"), "{}", output.code);
    code[1..]
        .iter()
        .map(|line| format!("{}\n", line.strip_prefix("    ").unwrap_or(line)))
        .collect()
}

#[test]
fn every_pass_documents_its_output_and_the_code_produces_it() {
    for (pass, module_source) in DOCUMENTED {
        let pairs = examples(module_source);
        assert!(!pairs.is_empty(), "{pass} documents no In/Out example");
        for (input, documented) in pairs {
            assert_eq!(through(pass, &input), documented, "{pass}, In:\n{input}");
        }
    }
}
