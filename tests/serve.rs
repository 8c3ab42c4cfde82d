//! `unawait serve` over raw HTTP: each refusal the security model promises
//! (token, Host, Origin, body size, concurrent runs, loopback only), and
//! what the page's two requests answer.

mod common;
mod serve_support;

use serde_json::json;
use serve_support::{Served, request, send_to, wait_for};

fn python() -> String {
    common::interpreters()[0].path.display().to_string()
}

fn served() -> Served {
    Served::start(&["--python", &python()])
}

#[test]
fn every_request_needs_the_token() {
    let server = served();
    let host = server.host();
    let page = server.get(&format!("/?token={}", server.token), &[("Host", &host)]);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<textarea id=\"editor\""));
    // The page may load nothing from elsewhere, nor be framed.
    let policy = page.header("content-security-policy").expect("a CSP");
    assert!(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));

    for target in ["/", "/?token=", "/?token=0000", "/favicon.ico"] {
        let refused = server.get(target, &[("Host", &host)]);
        assert_eq!(refused.status, 403, "{target}");
        assert!(refused.body.contains("missing or wrong token"), "{target}");
    }
    let wrong = format!("{}0", &server.token[1..]);
    let refused = server.get(&format!("/?token={wrong}"), &[("Host", &host)]);
    assert_eq!(refused.status, 403);
    // Nor does an API request get anything done without it.
    let refused = server.post(
        "/api/desugar",
        r#"{"code": "async def f(): pass"}"#,
        &[("X-Unawait-Token", "")],
    );
    assert_eq!(refused.status, 403);
    assert!(!refused.body.contains("\"ok\""));
}

#[test]
fn a_foreign_host_header_is_refused() {
    let server = served();
    let target = format!("/?token={}", server.token);
    // DNS rebinding: another site's name resolving to this machine.
    for host in [
        format!("evil.example:{}", server.port),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{}", server.port + 1),
        format!("localhost.evil.example:{}", server.port),
    ] {
        let refused = server.get(&target, &[("Host", &host)]);
        assert_eq!(refused.status, 403, "{host}");
        assert!(refused.body.contains("Host header"), "{host}");
    }
    let refused = server.get(&target, &[]);
    assert_eq!(refused.status, 403, "no Host at all");
    for host in [
        format!("localhost:{}", server.port),
        format!("[::1]:{}", server.port),
    ] {
        assert_eq!(
            server.get(&target, &[("Host", &host)]).status,
            200,
            "{host}"
        );
    }
}

#[test]
fn cross_origin_requests_are_refused() {
    let server = served();
    let body = r#"{"code": "async def f():\n    await g()\n"}"#;
    for origin in [
        "http://evil.example".to_string(),
        "null".to_string(),
        format!("https://127.0.0.1:{}", server.port),
        format!("http://127.0.0.1:{}.evil.example", server.port),
    ] {
        let refused = server.post("/api/desugar", body, &[("Origin", &origin)]);
        assert_eq!(refused.status, 403, "{origin}");
        assert!(refused.body.contains("cross-origin"), "{origin}");
    }
    // The page's own requests, and clients that send no Origin, pass.
    assert_eq!(server.post("/api/desugar", body, &[]).status, 200);
    assert_eq!(
        server.post("/api/desugar", body, &[("Origin", "")]).status,
        200
    );
}

#[test]
fn oversized_bodies_are_refused() {
    let server = served();
    let host = server.host();
    let limit = 1 << 20;
    // Declared too large: refused before a byte of it is read.
    let head = format!(
        "POST /api/desugar HTTP/1.1\r\nHost: {host}\r\nX-Unawait-Token: {}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        server.token,
        limit + 1
    );
    let refused = server.send(head.as_bytes());
    assert_eq!(refused.status, 413);
    assert!(refused.body.contains("over 1 MiB"));
    // Chunked, so the size shows only while reading.
    let mut chunked = format!(
        "POST /api/desugar HTTP/1.1\r\nHost: {host}\r\nX-Unawait-Token: {}\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.token
    )
    .into_bytes();
    let piece = vec![b'#'; 64 << 10];
    for _ in 0..(limit / piece.len() + 1) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(&piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let refused = server.send(&chunked);
    assert_eq!(refused.status, 413);
    // Just under the limit is read (and is no JSON the page sends).
    let body = "#".repeat(limit);
    let reply = server.post("/api/desugar", &body, &[]);
    assert_eq!(reply.status, 400);
    assert!(reply.body.contains("not the JSON"));
}

#[test]
fn wrong_methods_paths_and_bodies_are_refused() {
    let server = served();
    let host = server.host();
    let token = format!("?token={}", server.token);
    let get_run = server.get(&format!("/api/run{token}"), &[("Host", &host)]);
    assert_eq!(get_run.status, 405);
    let elsewhere = server.get(&format!("/etc/passwd{token}"), &[("Host", &host)]);
    assert_eq!(elsewhere.status, 404);
    for (body, expected) in [
        (r#"{"code": 1}"#, "not the JSON"),
        (r#"{"code": "", "stop_after": "nope"}"#, "no such pass"),
        (r#"{"code": "", "runtime": "system"}"#, "inline or import"),
    ] {
        let reply = server.post("/api/desugar", body, &[]);
        assert_eq!(reply.status, 400, "{body}");
        assert!(reply.body.contains(expected), "{body}: {}", reply.body);
    }
    for (pythons, expected) in [
        ("[]", "choose an interpreter"),
        ("[7]", "no such interpreter"),
    ] {
        let body = format!(r#"{{"code": "print(1)", "pythons": {pythons}}}"#);
        let reply = server.post("/api/run", &body, &[]);
        assert_eq!(reply.status, 400, "{body}");
        assert!(reply.body.contains(expected), "{body}: {}", reply.body);
    }
}

/// The socket the server listens on, from the kernel's table: its local
/// addresses for `port` in state LISTEN.
fn listening_addresses(table: &str, port: u16) -> Vec<String> {
    let suffix = format!(":{port:04X}");
    std::fs::read_to_string(table)
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (local, state) = (fields.get(1)?, fields.get(3)?);
            (local.ends_with(&suffix) && *state == "0A")
                .then(|| local.trim_end_matches(&suffix).to_string())
        })
        .collect()
}

#[test]
fn it_listens_on_loopback_only_unless_told() {
    let server = served();
    // 127.0.0.1, and ::1 where the machine has IPv6.
    assert_eq!(
        listening_addresses("/proc/net/tcp", server.port),
        ["0100007F"]
    );
    let six = listening_addresses("/proc/net/tcp6", server.port);
    assert!(
        six.is_empty() || six == ["00000000000000000000000001000000"],
        "{six:?}"
    );
    if !six.is_empty() {
        let page = send_to(
            &format!("[::1]:{}", server.port),
            &request(
                "GET",
                &format!("/?token={}", server.token),
                &[("Host", &format!("[::1]:{}", server.port))],
                b"",
            ),
        );
        assert_eq!(page.status, 200);
    }
    assert!(!server.stderr().contains("warning"), "{}", server.stderr());

    let exposed = Served::start(&["--python", &python(), "--host", "0.0.0.0"]);
    assert_eq!(
        listening_addresses("/proc/net/tcp", exposed.port),
        ["00000000"]
    );
    // The warning comes before the URL is printed.
    assert!(
        exposed.stderr().contains("warning: listening on 0.0.0.0"),
        "{}",
        exposed.stderr()
    );
    // It still wants the token, and a Host header naming it.
    let target = format!("/?token={}", exposed.token);
    let host = format!("0.0.0.0:{}", exposed.port);
    assert_eq!(exposed.get(&target, &[("Host", &host)]).status, 200);
    assert_eq!(exposed.get("/", &[("Host", &host)]).status, 403);
    let rebound = format!("evil.example:{}", exposed.port);
    assert_eq!(exposed.get(&target, &[("Host", &rebound)]).status, 403);
}

#[test]
fn desugaring_answers_rows_notes_and_located_syntax_errors() {
    let server = served();
    let answer = server.post_json(
        "/api/desugar",
        &json!({ "code": "async def f():\n    await g()\n", "runtime": "import" }),
    );
    assert_eq!(answer["ok"], true);
    assert_eq!(answer["constructs"], 2);
    assert_eq!(answer["notes"]["2"][0]["syntax"], "await of a call by name");
    let rows = answer["rows"].as_str().expect("rows");
    assert!(rows.contains("<span class=\"k\">from</span> unawait_runtime"));
    assert!(rows.contains("data-c=\"2\" data-from=\"2\""));
    assert!(
        answer["input"][0]
            .as_str()
            .unwrap()
            .contains("<span class=\"ak\">async</span>")
    );

    // --stop-after: the first pass leaves `async def` alone.
    let partial = server.post_json(
        "/api/desugar",
        &json!({ "code": "async def f():\n    await g()\n", "stop_after": "async_comprehension" }),
    );
    assert_eq!(partial["changed"], false);
    // --explain: a comment before each construct.
    let explained = server.post_json(
        "/api/desugar",
        &json!({ "code": "async def f():\n    await g()\n", "explain": true }),
    );
    assert!(
        explained["rows"]
            .as_str()
            .unwrap()
            .contains("# unawait: await of a call by name -&gt;")
    );

    // CPython's wording, at CPython's line and column.
    let broken = server.post_json("/api/desugar", &json!({ "code": "x = 1\ny = (1,\n" }));
    assert_eq!(broken["ok"], false);
    let error = &broken["errors"][0];
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(5))
    );
    assert_eq!(error["kind"], "SyntaxError");
    assert_eq!(error["message"], "'(' was never closed");
    assert!(
        error["rendered"]
            .as_str()
            .unwrap()
            .starts_with("program.py:2:5: SyntaxError")
    );
}

#[test]
fn a_run_shows_both_programs_and_the_verdict() {
    let server = served();
    let code = "import sys\n\n\nasync def f():\n    print('out')\n    print('err', file=sys.stderr)\n    raise ValueError('boom')\n\n\nf().send(None)\n";
    let answer = server.post_json("/api/run", &json!({ "code": code, "pythons": [0] }));
    let result = &answer["results"][0];
    assert_eq!(result["verdict"], "equivalent", "{result}");
    for side in ["original", "desugared"] {
        assert_eq!(result[side]["status"], "exit status 1");
        assert_eq!(result[side]["stdout"], "out\n");
        let stderr = result[side]["stderr"].as_str().unwrap();
        assert!(stderr.starts_with("err\nTraceback"), "{stderr}");
        assert!(stderr.ends_with("ValueError: boom\n"), "{stderr}");
    }

    // Stopped before the coroutine pass, the output keeps `async def`: the
    // runs differ, and the desugared traceback points at input lines.
    let answer = server.post_json(
        "/api/run",
        &json!({ "code": code, "pythons": [0], "stop_after": "async_with" }),
    );
    let result = &answer["results"][0];
    assert_eq!(result["verdict"], "differs", "{result}");
    let differences = result["differences"].as_array().unwrap();
    let what: Vec<&str> = differences
        .iter()
        .map(|d| d["what"].as_str().unwrap())
        .collect();
    assert_eq!(what, ["async syntax", "desugared traceback"]);
    let traceback = differences[1]["detail"].as_str().unwrap();
    assert!(
        traceback.contains("File \"program.py\", line 7 (desugared line 7), in f"),
        "{traceback}"
    );

    // Input that does not parse is not run.
    let answer = server.post_json("/api/run", &json!({ "code": "await x\n", "pythons": [0] }));
    assert_eq!(answer["ok"], false);
    assert!(answer.get("results").is_none());
}

#[test]
fn runs_beyond_max_runs_are_refused_until_one_finishes() {
    let scratch = common::Scratch::new("serve-runs");
    let started = scratch.0.join("started");
    let go = scratch.0.join("go");
    let server = Served::start(&["--python", &python(), "--max-runs", "1"]);
    // A program that says it is running, then waits to be let go.
    let code = format!(
        "import os, time\nopen({started:?}, 'w').close()\nwhile not os.path.exists({go:?}):\n    time.sleep(0.01)\nprint('let go')\n",
        started = started.display().to_string(),
        go = go.display().to_string(),
    );
    let body = json!({ "code": code, "pythons": [0] }).to_string();
    std::thread::scope(|scope| {
        let first = scope.spawn(|| server.post("/api/run", &body, &[]));
        wait_for("the first run to start", || started.exists());
        // The first run holds the only slot until `go` exists.
        let refused = server.post("/api/run", &body, &[]);
        assert_eq!(refused.status, 503);
        assert!(refused.body.contains("--max-runs"));
        // Desugaring is never refused for it.
        let desugared = server.post("/api/desugar", &body, &[]);
        assert_eq!(desugared.status, 200);
        std::fs::write(&go, b"").expect("let the run go");
        let first = first.join().expect("the first request");
        assert_eq!(first.status, 200, "{}", first.body);
        let answer: serde_json::Value = serde_json::from_str(&first.body).unwrap();
        assert_eq!(answer["results"][0]["verdict"], "equivalent");
        assert_eq!(answer["results"][0]["original"]["stdout"], "let go\n");
    });
    // The slot is free again.
    let again = server.post("/api/run", &body, &[]);
    assert_eq!(again.status, 200);
}

#[test]
fn a_run_that_never_ends_is_killed_at_the_timeout() {
    let server = Served::start(&["--python", &python(), "--timeout", "1"]);
    let code = "import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\nprint('started', flush=True)\nwhile True:\n    time.sleep(1)\n";
    let answer = server.post_json("/api/run", &json!({ "code": code, "pythons": [0] }));
    let result = &answer["results"][0];
    assert_eq!(result["verdict"], "timeout");
    assert_eq!(result["original"]["status"], "killed at the timeout");
    assert_eq!(result["original"]["stdout"], "started\n");
}

#[test]
fn runs_leave_nothing_behind() {
    let scratch = common::Scratch::new("serve-cwd");
    let cwd = scratch.0.join("cwd");
    let temp = scratch.0.join("tmp");
    std::fs::create_dir_all(&cwd).unwrap();
    std::fs::create_dir_all(&temp).unwrap();
    let server = Served::start_with(&["--python", &python()], |command| {
        command.current_dir(&cwd).env("TMPDIR", &temp);
    });
    // A program that writes where it runs, with the runtime imported from
    // a file beside it (which Python caches beside it too).
    let code = "import os\nopen('written.txt', 'w').write('x')\nprint(sorted(os.listdir('.')))\n\n\nasync def f():\n    pass\n";
    let answer = server.post_json(
        "/api/run",
        &json!({ "code": code, "pythons": [0], "runtime": "import" }),
    );
    let result = &answer["results"][0];
    assert_eq!(
        result["original"]["stdout"],
        "['program.py', 'written.txt']\n"
    );
    assert_eq!(
        result["desugared"]["stdout"],
        "['__pycache__', 'program.py', 'unawait_runtime.py', 'written.txt']\n"
    );
    // Each run had a fresh directory under TMPDIR, removed afterwards;
    // nothing was written where the server was started.
    let left = |dir: &std::path::Path| std::fs::read_dir(dir).unwrap().count();
    assert_eq!(left(&temp), 0);
    assert_eq!(left(&cwd), 0);
}

#[test]
fn open_starts_the_browser_on_the_url() {
    let scratch = common::Scratch::new("serve-open");
    let opened = scratch.0.join("opened");
    let browser = scratch.write(
        "browser.sh",
        format!("#!/bin/sh\necho \"$1\" > {}\n", opened.display()).as_bytes(),
    );
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let server = Served::start_with(&["--python", &python(), "--open"], |command| {
        command.env("BROWSER", &browser);
    });
    // The browser is started after the URL is printed; wait for it to run.
    wait_for("the browser to be started", || {
        std::fs::read_to_string(&opened).is_ok_and(|text| text.ends_with('\n'))
    });
    assert_eq!(std::fs::read_to_string(&opened).unwrap().trim(), server.url);
}
