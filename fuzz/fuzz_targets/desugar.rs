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
            let module = unawait::syntax::parse(&output.code).unwrap_or_else(|failure| {
                panic!(
                    "the output does not parse: {failure:?}\n--- output ---\n{}",
                    output.code
                )
            });
            assert!(
                !module.has_async_syntax,
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
