//! `unawait verify`: verdicts, diffs, timeouts, JSON.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::Scratch;

fn verify(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unawait"))
        .arg("verify")
        .args(args)
        .args(files)
        .output()
        .expect("unawait runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn an_equivalent_program_passes() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/countdown.py");
    let output = verify(&["--python", "python3"], &[&example]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("equivalent  "), "{text}");
    assert!(
        text.ends_with("1 equivalent, 0 differ, 0 timed out, 0 tool errors\n"),
        "{text}"
    );
}

#[test]
fn a_difference_is_shown_as_a_diff() {
    let dir = Scratch::new("differs");
    // `type()` tells the desugared coroutine apart: a known difference.
    let file = dir.write("probe.py", b"import types\nasync def f():\n    return 1\nc = f()\nprint('kind', type(c) is types.CoroutineType)\nc.close()\n");
    let output = verify(&["--python", "python3"], &[&file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.starts_with("differs     "), "{text}");
    assert!(
        text.contains("    stdout:\n      --- original\n      +++ desugared\n"),
        "{text}"
    );
    assert!(
        text.contains("      -kind True\n      +kind False\n"),
        "{text}"
    );
}

#[test]
fn runs_share_one_hash_seed() {
    // String hashes (and so set order) differ between runs unless both run
    // with the same PYTHONHASHSEED.
    let dir = Scratch::new("hash-seed");
    let file = dir.write(
        "hashes.py",
        b"async def f():\n    return hash('unawait')\nc = f()\ntry:\n    c.send(None)\nexcept StopIteration as done:\n    print(done.value, {'alpha', 'beta', 'gamma', 'delta', 'epsilon'})\n",
    );
    let output = verify(&["--python", "python3"], &[&file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("equivalent  "), "{text}");
}

#[test]
fn a_hanging_program_times_out_and_leaves_no_process_behind() {
    let dir = Scratch::new("timeout");
    let marker = format!("{}.5", 7000 + std::process::id() % 1000);
    // The program says it started its child by creating `started`, so that
    // the check below cannot pass for a child that never ran.
    let started_file = dir.0.join("started");
    let file = dir.write(
        "hang.py",
        format!(
            "import subprocess\nsubprocess.Popen(['sleep', '{marker}'])\nopen({started:?}, 'w').close()\nasync def f():\n    pass\nwhile True:\n    pass\n",
            started = started_file.display().to_string()
        )
        .as_bytes(),
    );
    // If verify left the program's children running, their hold on its
    // output pipe would make verify itself hang: give it a deadline.
    let mut child = Command::new(env!("CARGO_BIN_EXE_unawait"))
        .args(["verify", "--python", "python3", "--timeout", "2"])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("unawait runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("unawait verify did not return after the program timed out");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.starts_with("timeout     "), "{text}");
    assert!(started_file.exists(), "the program never started its child");
    let survivors: Vec<String> = std::fs::read_dir("/proc")
        .expect("/proc")
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .map(|cmdline| String::from_utf8_lossy(&cmdline).replace('\0', " "))
        .filter(|cmdline| cmdline.contains(&marker) && cmdline.starts_with("sleep"))
        .collect();
    assert!(survivors.is_empty(), "processes left behind: {survivors:?}");
}

#[test]
fn json_reports_every_file_and_interpreter() {
    let dir = Scratch::new("json");
    let good = dir.write(
        "good.py",
        b"async def f():\n    return 2\ntry:\n    f().send(None)\nexcept StopIteration as done:\n    print('returned', done.value)\n",
    );
    let bad = dir.write("bad.py", b"def f():\n    await x\n");
    let output = verify(&["--python", "python3", "--format", "json"], &[&good, &bad]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let results = report["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    for (result, file) in results.iter().zip([&good, &bad]) {
        assert_eq!(result["file"], file.display().to_string());
        assert!(
            result["version"]
                .as_str()
                .is_some_and(|v| v.starts_with("3.")),
            "{result}"
        );
    }
    assert_eq!(results[0]["verdict"], "equivalent");
    assert_eq!(results[1]["verdict"], "tool error");
    let error = results[1]["error"].as_str().expect("an error message");
    assert!(
        error.contains("SyntaxError: 'await' outside async function"),
        "{error}"
    );
}

#[test]
fn an_unusable_interpreter_is_a_usage_error() {
    let dir = Scratch::new("usage");
    let file = dir.write("x.py", b"print(1)\n");
    let output = verify(&["--python", "/nonexistent/python"], &[&file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/python"));
}

// Programs that misbehave as processes: forking, flooding, dying by signal.

/// `unawait verify` on `file` with python3, failing the test if verify does
/// not return within a minute (instead of hanging the test run).
fn verify_with_deadline(file: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unawait"))
        .args(["verify", "--python", "python3", "--timeout", "20"])
        .arg(file)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("unawait runs");
    let stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut { stdout }, &mut text).map(|_| text)
    });
    let started = std::time::Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("unawait verify did not return");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let code = child.wait().expect("exit status").code();
    (code, reader.join().expect("reader").expect("UTF-8 output"))
}

/// A coroutine whose type tells the desugared program apart (a known
/// difference), so that a program can behave differently on purpose.
const DESUGARED_PROBE: &str = "import types\nasync def f():\n    pass\nc = f()\ndesugared = type(c) is not types.CoroutineType\nc.close()\n";

#[test]
fn a_child_holding_the_output_open_does_not_hang_verify() {
    let dir = Scratch::new("fork");
    // One child stays in the program's process group, one leaves it with
    // setsid() (verify cannot kill that one); both keep stdout open. The
    // program waits until the second has left, so that both runs see it.
    let file = dir.write(
        "fork.py",
        b"import os, sys, time\nasync def f():\n    return 'parent'\nif os.fork() == 0:\n    time.sleep(30)\n    os._exit(0)\nleft, tell = os.pipe()\nif os.fork() == 0:\n    os.setsid()\n    os.write(tell, b'x')\n    time.sleep(8)\n    os._exit(0)\nos.read(left, 1)\ntry:\n    f().send(None)\nexcept StopIteration as done:\n    print(done.value)\n",
    );
    let (code, text) = verify_with_deadline(&file);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.starts_with("equivalent  "), "{text}");
}

#[test]
fn a_flood_of_output_is_compared_by_its_start_and_length() {
    let dir = Scratch::new("flood");
    // 200 MB each run: more than verify keeps in memory.
    let same = dir.write(
        "same.py",
        b"import sys\nasync def f():\n    return b'x' * (1 << 20)\ntry:\n    f().send(None)\nexcept StopIteration as done:\n    for _ in range(200):\n        sys.stdout.buffer.write(done.value)\n",
    );
    let (code, text) = verify_with_deadline(&same);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.starts_with("equivalent  "), "{text}");
    // One byte more, past the part that is kept, still shows.
    let longer = dir.write(
        "longer.py",
        format!("{DESUGARED_PROBE}import sys\nfor _ in range(20):\n    sys.stdout.write('y' * (1 << 20))\nif desugared:\n    sys.stdout.write('y')\n").as_bytes(),
    );
    let (code, text) = verify_with_deadline(&longer);
    assert_eq!(code, Some(1), "{}", &text[..text.len().min(2000)]);
    assert!(
        text.contains(&format!(
            "-[output cut at {} bytes of 20971520]\n      +[output cut at {} bytes of 20971521]",
            unawait::verify::CAPTURE_LIMIT,
            unawait::verify::CAPTURE_LIMIT
        )),
        "{}",
        &text[text.len().saturating_sub(2000)..]
    );
    assert!(text.len() < 100_000, "the report holds the whole output");
}

#[test]
fn death_by_signal_is_compared_signal_for_signal() {
    let dir = Scratch::new("signal");
    let killed = dir.write(
        "killed.py",
        b"import os, signal\nasync def f():\n    return signal.SIGKILL\ntry:\n    f().send(None)\nexcept StopIteration as done:\n    print('dying', flush=True)\n    os.kill(os.getpid(), done.value)\n",
    );
    let (code, text) = verify_with_deadline(&killed);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.starts_with("equivalent  "), "{text}");
    let either = dir.write(
        "either.py",
        format!("{DESUGARED_PROBE}import os, signal\nos.kill(os.getpid(), signal.SIGSEGV if desugared else signal.SIGKILL)\n").as_bytes(),
    );
    let (code, text) = verify_with_deadline(&either);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("exit status:\n      death by signal 9 became death by signal 11"),
        "{text}"
    );
}
