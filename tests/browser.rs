//! The HTML view in a real browser: Debian's headless Chromium loads the
//! page, runs its `#selftest` (hover and click on every construct, from
//! both sides) and the test reads the results from the dumped DOM; then it
//! saves a screenshot (`target/browser/explain-countdown.png`, the
//! README's picture is a copy).

mod common;

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

#[test]
#[ignore = "needs Debian's chromium (apt-get install chromium); .ci/run installs it and runs it"]
fn the_page_links_every_construct_to_its_counterpart_in_a_browser() {
    let scratch = common::Scratch::new("browser");
    let page = scratch.0.join("countdown.html");
    // Named relative to the repository, as the page (and the README's
    // screenshot of it) shows the path it was given.
    let status = Command::new(BIN)
        .current_dir(common::repo_root())
        .args(["explain", "--runtime=import", "--html"])
        .arg(&page)
        .arg("examples/countdown.py")
        .status()
        .expect("unawait runs");
    assert!(status.success());

    let url = format!("file://{}", page.display());
    let dump = common::chromium(
        &scratch.0.join("profile-dom"),
        &["--dump-dom", &format!("{url}#selftest")],
    );
    let dom = String::from_utf8_lossy(&dump.stdout);
    let report = dom
        .split("<pre id=\"selftest\"")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("no self-test report in the DOM:\n{dom}"));
    println!("self-test:{report}");
    assert!(report.starts_with(" data-result=\"pass\">"), "{report}");
    // Seven constructs, each tried from the input and the output side.
    assert_eq!(report.matches(" ok").count(), 14, "{report}");
    assert!(!report.contains("FAIL"));
    // The structure: two numbered sides, highlighted tokens.
    assert_eq!(
        dom.matches("<td class=\"in").count(),
        dom.matches("<td class=\"out").count()
    );
    assert!(dom.contains("<span class=\"ak\">async</span>"));

    let shot_dir = common::repo_root().join("target/browser");
    std::fs::create_dir_all(&shot_dir).expect("target/browser");
    let shot = shot_dir.join("explain-countdown.png");
    let _ = std::fs::remove_file(&shot);
    let output = common::chromium(
        &scratch.0.join("profile-shot"),
        &[
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=3000",
            "--window-size=1280,1500",
            &format!("--screenshot={}", shot.display()),
            &format!("{url}#line-34"),
        ],
    );
    common::assert_screenshot(&shot, &output);
}
