//! `unawait serve` in a real browser: Debian's headless Chromium opens the
//! page with `#selftest`, which does what a person would (types a program
//! into the editor, checks the output pane and the inline syntax error,
//! presses Tab, moves the pass slider, clicks a construct, toggles the
//! runtime and the aligned view, makes a link, presses Run and reads the
//! verdicts) and writes what it saw into the page; the test reads that from
//! the dumped DOM. Then it saves a screenshot of where the self-test ends
//! (`target/browser/serve.png`; `docs/serve.png` is a copy). A second test
//! opens a shared link (code and options after `#`) and checks the view it
//! reproduces.

mod common;
mod serve_support;

use serve_support::Served;

/// Virtual time runs the page's timers at once, and waits for its requests
/// to the server (runs take real seconds).
const VIRTUAL_TIME: &str = "--virtual-time-budget=120000";

#[test]
#[ignore = "needs Debian's chromium (apt-get install chromium); .ci/run installs it and runs it"]
fn the_playground_works_in_a_browser() {
    let scratch = common::Scratch::new("serve-browser");
    let python = common::interpreters()[0].path.display().to_string();
    let server = Served::start(&["--python", &python]);
    let url = format!("{}#selftest", server.url);

    let dump = common::chromium(
        &scratch.0.join("profile-dom"),
        &[VIRTUAL_TIME, "--dump-dom", &url],
    );
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
    let output = common::chromium(
        &scratch.0.join("profile-shot"),
        &[
            VIRTUAL_TIME,
            "--run-all-compositor-stages-before-draw",
            "--window-size=1400,1000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
    );
    common::assert_screenshot(&shot, &output);
}

/// `bytes` as raw deflate (RFC 1951) in stored blocks: valid input for the
/// page's DecompressionStream("deflate-raw"), written out here so that the
/// test needs no compression library.
fn stored_deflate(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let blocks: Vec<&[u8]> = bytes.chunks(0xffff).collect();
    for (index, block) in blocks.iter().enumerate() {
        out.push(u8::from(index + 1 == blocks.len()));
        let length = block.len() as u16;
        out.extend_from_slice(&length.to_le_bytes());
        out.extend_from_slice(&(!length).to_le_bytes());
        out.extend_from_slice(block);
    }
    out
}

/// Base64 with the URL alphabet and no padding.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

#[test]
#[ignore = "needs Debian's chromium (apt-get install chromium); .ci/run installs it and runs it"]
fn a_link_reproduces_the_view() {
    let scratch = common::Scratch::new("serve-link");
    let python = common::interpreters()[0].path.display().to_string();
    let server = Served::start(&["--python", &python]);
    let code = "async def shared_link():\n    async for item in source():\n        await item\n";
    let url = format!(
        "{}#code={}&stop=async_for&explain=1",
        server.url,
        base64url(&stored_deflate(code.as_bytes()))
    );
    let dump = common::chromium(
        &scratch.0.join("profile"),
        &[VIRTUAL_TIME, "--dump-dom", &url],
    );
    let dom = String::from_utf8_lossy(&dump.stdout);
    // The editor's layer shows the code from the link, the slider the pass.
    assert!(
        dom.contains("<span class=\"d\">shared_link</span>"),
        "{dom}"
    );
    assert!(
        dom.contains("<span id=\"pass-name\" title=\"async for"),
        "{dom}"
    );
    assert!(dom.contains(">up to async_for (2/4)<"), "{dom}");
    // The output: `async for` rewritten and explained, `async def` kept
    // (the coroutine pass comes later).
    let rows = dom
        .split("<tbody id=\"rows\">")
        .nth(1)
        .expect("the output rows");
    assert!(rows.contains("# unawait: async for -&gt;"), "{rows}");
    assert!(rows.contains("_unawait_anext"), "{rows}");
    assert!(
        rows.contains("<span class=\"ak\">async</span> <span class=\"k\">def</span>"),
        "{rows}"
    );
}

#[test]
fn the_test_encoders_are_right() {
    assert_eq!(base64url(b"hello?"), "aGVsbG8_");
    assert_eq!(base64url(b"ab"), "YWI");
    assert_eq!(base64url(b"\xfb\xff"), "-_8");
    assert_eq!(stored_deflate(b"ab"), [1, 2, 0, 0xfd, 0xff, b'a', b'b']);
}
