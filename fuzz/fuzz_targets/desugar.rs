//! Any bytes through `desugar_bytes`, and any text through `desugar`: no
//! panic; an error renders; an unchanged result is the input; a changed one
//! parses and holds no async syntax.

#![no_main]

use libfuzzer_sys::fuzz_target;
use unawait::Options;

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    match unawait::desugar_bytes(data, &options) {
        Ok((output, changed)) => {
            if !changed {
                assert_eq!(output, data, "unchanged output is the input");
            }
        }
        Err((text, diagnostics)) => {
            diagnostics.render("fuzz.py", &text);
        }
    }
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match unawait::desugar(source, &options) {
        Ok(output) if output.changed => {
            if let Err(error) = ruff_python_parser::parse_module(&output.code) {
                panic!(
                    "the output does not parse: {error}\n--- output ---\n{}",
                    output.code
                );
            }
            // Desugaring the output again finds no async syntax to rewrite.
            let again = unawait::desugar(&output.code, &options);
            assert!(
                matches!(again, Ok(ref output) if !output.changed),
                "async syntax left in the output:\n{}",
                output.code
            );
        }
        Ok(output) => assert_eq!(output.code, source, "unchanged output is the input"),
        Err(diagnostics) => {
            diagnostics.render("fuzz.py", source);
        }
    }
});
