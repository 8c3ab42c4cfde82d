//! `unawait serve` in a real browser: Debian's headless Chromium opens the
//! page with `#selftest`, which does what a person would (types a program
//! into the editor, checks the output pane and the inline syntax error,
//! presses Tab, moves the pass slider, clicks a construct, toggles the
//! runtime and the aligned view, makes a link, presses Run and reads the
//! verdicts) and writes what it saw into the page; the test reads that from
//! the dumped DOM. Then it saves a screenshot of where the self-test ends
//! (`target/browser/serve.png`; `docs/serve.png` is a copy).

mod common;
mod serve_support;

use std::path::Path;
use std::process::Command;

use serve_support::Served;

fn chromium(profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            // Virtual time runs the page's timers at once, and waits for
            // its requests to the server (runs take real seconds).
            "--virtual-time-budget=120000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs (apt-get install chromium)")
}

#[test]
#[ignore = "needs Debian's chromium (apt-get install chromium); .ci/run installs it and runs it"]
fn the_playground_works_in_a_browser() {
    let scratch = common::Scratch::new("serve-browser");
    let python = common::interpreters()[0].path.display().to_string();
    let server = Served::start(&["--python", &python]);
    let url = format!("{}#selftest", server.url);

    let dump = chromium(&scratch.0.join("profile-dom"), &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dump.stdout);
    let report = dom
        .split("<pre id=\"selftest\"")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| {
            panic!(
                "no self-test report in the DOM:\n{dom}\n{}",
                String::from_utf8_lossy(&dump.stderr)
            )
        });
    println!("self-test:{report}");
    assert!(report.starts_with(" data-result=\"pass\">"), "{report}");
    assert!(!report.contains("FAIL"));
    for step in [
        "typing updates the output: ok",
        "syntax errors show inline with CPython’s wording: ok (20:1 'await' outside function)",
        "tab indents four spaces: ok",
        "the slider stops after the first pass: ok",
        "clicking a construct explains it: ok (async for",
        "the aligned view puts input lines beside their output: ok",
        "the link holds the code and options: ok",
        "Run gives a verdict on each interpreter: ok (equivalent)",
        "a partial pipeline differs, with the reason: ok (differs)",
        "the example runs equivalent: ok",
    ] {
        assert!(report.contains(step), "missing {step:?} in\n{report}");
    }
    assert_eq!(report.matches(": ok").count(), 17, "{report}");

    let shot_dir = common::repo_root().join("target/browser");
    std::fs::create_dir_all(&shot_dir).expect("target/browser");
    let shot = shot_dir.join("serve.png");
    let _ = std::fs::remove_file(&shot);
    let output = chromium(
        &scratch.0.join("profile-shot"),
        &[
            "--run-all-compositor-stages-before-draw",
            "--window-size=1400,1000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|error| {
        panic!(
            "no screenshot ({error}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(png.starts_with(b"\x89PNG"));
    // A blank page compresses to a few kilobytes; the rendered code does not.
    assert!(
        png.len() > 50_000,
        "screenshot of {} bytes looks blank",
        png.len()
    );
    println!("screenshot: {}", shot.display());
}
