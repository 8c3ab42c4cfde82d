//! A `unawait serve` started for a test, and raw HTTP/1.1 requests to it
//! written by hand (so that tests can send what no well-behaved client
//! would: foreign Host and Origin headers, oversized bodies).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

/// A running server, stopped when dropped.
pub struct Served {
    child: Child,
    pub port: u16,
    pub token: String,
    /// The URL it printed.
    pub url: String,
    /// The file holding its standard error.
    stderr: std::path::PathBuf,
}

impl Served {
    /// Starts `unawait serve --port 0 ARGS` and reads the URL it prints.
    pub fn start(args: &[&str]) -> Served {
        Served::start_with(args, |_| {})
    }

    /// [`Served::start`], with `setup` adjusting the command first
    /// (working directory, environment).
    pub fn start_with(args: &[&str], setup: impl FnOnce(&mut Command)) -> Served {
        // Standard error goes to a file: what the server wrote there before
        // printing its URL is then in the file when the URL is read.
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stderr = std::env::temp_dir().join(format!(
            "unawait-serve-stderr-{}-{n}.txt",
            std::process::id()
        ));
        let mut command = Command::new(BIN);
        setup(&mut command);
        let mut child = command
            .args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).expect("a file for standard error"))
            .spawn()
            .expect("unawait serve starts");
        let mut first = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        stdout
            .read_line(&mut first)
            .expect("the server prints its URL");
        // Keep reading, so that the server never writes to a closed pipe.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let url = first
            .trim()
            .strip_prefix("unawait serve: ")
            .unwrap_or_else(|| panic!("no URL in {first:?}"))
            .to_string();
        let (address, token) = url
            .strip_prefix("http://")
            .and_then(|rest| rest.split_once("/?token="))
            .unwrap_or_else(|| panic!("unexpected URL {url}"));
        let port = address
            .rsplit(':')
            .next()
            .and_then(|port| port.parse().ok())
            .expect("a port");
        Served {
            child,
            port,
            token: token.to_string(),
            url,
            stderr,
        }
    }

    /// What it has printed to standard error (warnings, interpreters).
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// The `Host` header a browser sends for the printed URL.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `request` to 127.0.0.1.
    pub fn send(&self, request: &[u8]) -> Reply {
        send_to(&format!("127.0.0.1:{}", self.port), request)
    }

    /// A GET with the given headers, as `(name, value)` pairs.
    pub fn get(&self, target: &str, headers: &[(&str, &str)]) -> Reply {
        self.send(&request("GET", target, headers, b""))
    }

    /// A POST of `body` as the page sends it (token header, own Host and
    /// Origin), with `extra` headers overriding those.
    pub fn post(&self, path: &str, body: &str, extra: &[(&str, &str)]) -> Reply {
        let host = self.host();
        let origin = format!("http://{host}");
        let mut headers: Vec<(&str, &str)> = vec![
            ("Host", &host),
            ("Origin", &origin),
            ("X-Unawait-Token", &self.token),
            ("Content-Type", "application/json"),
        ];
        for (name, value) in extra {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            if !value.is_empty() {
                headers.push((name, value));
            }
        }
        self.send(&request("POST", path, &headers, body.as_bytes()))
    }

    /// A POST whose answer must be JSON with status 200.
    pub fn post_json(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let reply = self.post(path, &body.to_string(), &[]);
        assert_eq!(reply.status, 200, "{}", reply.body);
        serde_json::from_str(&reply.body).expect("JSON")
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.stderr);
    }
}

/// An HTTP/1.1 request with `Connection: close` and, for a body, its length.
pub fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut text = format!("{method} {target} HTTP/1.1\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() {
        text.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    text.push_str("Connection: close\r\n\r\n");
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// An answer: status, headers (names lowercased) and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` to `address` and reads one response: its head, then its
/// body, by Content-Length or chunks (not to the end of the stream: a
/// server may keep reading a body it refused).
pub fn send_to(address: &str, request: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    // A safety net against a hung test, not a measurement.
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    // The server may answer (and stop reading) before the whole request is
    // written; the answer is what counts.
    let _ = stream.write_all(request);
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).expect("a status line");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("a header line");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        // Large answers come in chunks: a hex size line, the bytes, CRLF.
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).expect("a chunk size");
            let size = usize::from_str_radix(size.trim(), 16).expect("a hex chunk size");
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).expect("a chunk");
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        let length = header("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        body.resize(length, 0);
        reader.read_exact(&mut body).expect("the body");
    }
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

/// Waits until `condition` holds; fails after two minutes, a safety net
/// against a hung test rather than a measurement.
pub fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while !condition() {
        assert!(
            std::time::Instant::now() < deadline,
            "gave up waiting: {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
