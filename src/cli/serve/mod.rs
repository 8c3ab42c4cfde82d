//! `unawait serve`: a live playground on a local web server. One page
//! (editor left, desugared output right) asks the server to desugar as you
//! type and to run both programs on real CPython.
//!
//! The server runs code sent to it, so it trusts nothing about a request:
//! it listens on loopback only (unless `--host`), and every request must
//! carry the random token printed with the URL, name this server in its
//! `Host` header (no DNS rebinding) and, when a browser says where it comes
//! from, come from the page itself (`Origin`: no cross-site requests).
//! Bodies are size-limited; runs go through the `unawait verify` executor
//! (fresh temporary directories, timeout, process-group kill, output cap),
//! at most `--max-runs` at once.
//!
//! HTTP is tiny_http's: a blocking, thread-per-request model suits a tool
//! serving one person, and it parses requests so that this code never does.

mod api;
mod page;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result};
use tiny_http::{Header, Method, Request, Response, Server};
use unawait::verify::Interpreter;

/// Largest request body accepted: far more than any program typed or pasted
/// into the editor (a 1,000-line file is some 40 KB).
pub const BODY_LIMIT: usize = 1 << 20;

/// Threads answering requests on each address: a run holds one for as long
/// as the programs take, so that desugaring stays responsive meanwhile.
const WORKERS: usize = 4;

#[derive(clap::Args)]
#[command(
    after_help = "Prints the page's URL, with its token, and serves until interrupted.\n\
                  Exit status: 2 when the server cannot start."
)]
pub struct ServeArgs {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8492, value_name = "N")]
    port: u16,

    /// Address to listen on instead of 127.0.0.1 and ::1. Anyone who can
    /// reach it and has the token can run code as you: a warning says so.
    #[arg(long, value_name = "H")]
    host: Option<String>,

    /// An interpreter "Run" offers; repeat for several (default: python3).
    #[arg(long = "python", value_name = "EXE")]
    pythons: Vec<PathBuf>,

    /// Offer every CPython 3.6+ found (as `verify --all-pythons`).
    #[arg(long, conflicts_with = "pythons")]
    all_pythons: bool,

    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,

    /// Seconds each program run may take; a run still going is killed with
    /// every process it started.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,

    /// Runs (each: both programs on every chosen interpreter) going at
    /// once; more are refused until one finishes.
    #[arg(long, default_value_t = 2, value_name = "N")]
    max_runs: usize,
}

/// What every request handler shares.
pub struct State {
    token: String,
    /// `Host` header values that name this server.
    hosts: Vec<String>,
    pub interpreters: Vec<Interpreter>,
    pub timeout: Duration,
    max_runs: usize,
    runs: AtomicUsize,
    page: String,
}

impl State {
    /// A slot for one run, or `None` when `max_runs` are going.
    pub fn start_run(&self) -> Option<RunSlot<'_>> {
        self.runs
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |going| {
                (going < self.max_runs).then_some(going + 1)
            })
            .ok()
            .map(|_| RunSlot(&self.runs))
    }
}

/// A run in progress; dropping it frees its slot.
pub struct RunSlot<'a>(&'a AtomicUsize);

impl Drop for RunSlot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

pub fn run(args: &ServeArgs) -> Result<()> {
    let interpreters = crate::cli::verify::interpreters(&args.pythons, args.all_pythons)?;
    let token = random_token()?;
    let mut servers = Vec::new();
    let port;
    match &args.host {
        None => {
            let first = bind(&format!("127.0.0.1:{}", args.port))?;
            port = first.server_addr().to_ip().map_or(args.port, |a| a.port());
            servers.push(first);
            // IPv6 loopback on the same port, where the machine has it.
            if let Ok(second) = bind(&format!("[::1]:{port}")) {
                servers.push(second);
            }
        }
        Some(host) => {
            eprintln!(
                "unawait serve: warning: listening on {host}, not loopback only: anyone who can \
                 reach it and learns the token can run programs as you"
            );
            let address = if host.contains(':') && !host.starts_with('[') {
                format!("[{host}]:{}", args.port)
            } else {
                format!("{host}:{}", args.port)
            };
            let server = bind(&address)?;
            port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
            servers.push(server);
        }
    }
    let mut hosts: Vec<String> = ["127.0.0.1", "[::1]", "localhost"]
        .iter()
        .map(|name| format!("{name}:{port}"))
        .collect();
    if let Some(host) = &args.host {
        let name = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        hosts.push(format!("{name}:{port}"));
    }
    let url_host = match &args.host {
        Some(_) => hosts.last().cloned().unwrap_or_default(),
        None => hosts[0].clone(),
    };
    let url = format!("http://{url_host}/?token={token}");
    let page = page::render(&interpreters);
    let state = State {
        token,
        hosts,
        interpreters,
        timeout: Duration::from_secs(args.timeout),
        max_runs: args.max_runs,
        runs: AtomicUsize::new(0),
        page,
    };
    for interpreter in &state.interpreters {
        eprintln!(
            "unawait serve: runs on python {} ({})",
            interpreter.full_version,
            interpreter.path.display()
        );
    }
    // Standard output holds the URL alone, for scripts and tests to read
    // from a pipe (flushed: it must not wait in a buffer).
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "unawait serve: {url}")
        .and_then(|()| stdout.flush())
        .context("writing standard output")?;
    drop(stdout);
    if args.open {
        open_browser(&url);
    }
    std::thread::scope(|scope| {
        for server in &servers {
            for _ in 0..WORKERS {
                // Large stacks, so desugaring needs no thread of its own.
                let work = || {
                    while let Ok(request) = server.recv() {
                        // A bug met by one request must not take a worker
                        // with it; tiny_http answers 500 for a request
                        // dropped unanswered.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            handle(&state, request)
                        }));
                    }
                };
                if unawait::spawn_with_large_stack(scope, work).is_err() {
                    scope.spawn(work);
                }
            }
        }
    });
    Ok(())
}

fn bind(address: &str) -> Result<Server> {
    let listener =
        std::net::TcpListener::bind(address).with_context(|| format!("listening on {address}"))?;
    no_delay(&listener);
    Server::from_listener(listener, None)
        .map_err(|error| anyhow::anyhow!("listening on {address}: {error}"))
}

/// Sets TCP_NODELAY on the listening socket; Linux passes it on to each
/// connection accepted. tiny_http writes an answer's head and body
/// separately, and Nagle's algorithm would hold the body's last segment
/// until the client acknowledges the head, which clients delay by up to
/// 40 ms: as long as the rest of a re-render. Without it (an error here)
/// everything still works, only slower.
fn no_delay(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    let on: libc::c_int = 1;
    // SAFETY: setsockopt(2) on a socket this listener owns, reading a
    // c_int that lives across the call; it keeps no pointer.
    unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}

/// 32 random bytes from the kernel, as hex.
fn random_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut bytes))
        .context("reading /dev/urandom for the token")?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn open_browser(url: &str) {
    let browser = std::env::var("BROWSER").unwrap_or_else(|_| "xdg-open".to_string());
    let started = std::process::Command::new(&browser)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(error) = started {
        eprintln!("unawait serve: could not start {browser} ({error}); open the URL yourself");
    }
}

/// Why a request was turned away, and the status saying so.
#[derive(Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub message: &'static str,
}

const fn refuse(status: u16, message: &'static str) -> Refusal {
    Refusal { status, message }
}

fn header<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|header| header.field.equiv(name))
        .map(|header| header.value.as_str())
}

/// The checks every request passes before anything else is looked at.
fn admit(state: &State, request: &Request) -> Result<(), Refusal> {
    // A page on another site that made its name resolve to 127.0.0.1 (DNS
    // rebinding) reaches this port under its own name.
    match header(request, "Host") {
        Some(host) if state.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) => {}
        _ => {
            return Err(refuse(
                403,
                "refused: the Host header does not name this server",
            ));
        }
    }
    // Browsers say where a script's request comes from; only this page's
    // own requests may act (no cross-site request forgery). Clients that
    // are not browsers send no Origin and rely on the token alone.
    if let Some(origin) = header(request, "Origin") {
        let own = origin
            .strip_prefix("http://")
            .is_some_and(|host| state.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)));
        if !own {
            return Err(refuse(403, "refused: cross-origin request"));
        }
    }
    let given = header(request, "X-Unawait-Token").or_else(|| query_token(request.url()));
    if !given.is_some_and(|given| same_secret(given.as_bytes(), state.token.as_bytes())) {
        return Err(refuse(
            403,
            "refused: missing or wrong token (use the URL unawait serve printed)",
        ));
    }
    Ok(())
}

fn query_token(url: &str) -> Option<&str> {
    let (_, query) = url.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
}

/// Compares in time that does not depend on where the first difference is,
/// so that the token cannot be guessed byte by byte.
fn same_secret(given: &[u8], secret: &[u8]) -> bool {
    given.len() == secret.len()
        && given
            .iter()
            .zip(secret)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The request body, if within [`BODY_LIMIT`].
fn read_body(request: &mut Request) -> Result<Vec<u8>, Refusal> {
    let too_large = refuse(413, "refused: request body over 1 MiB");
    if request
        .body_length()
        .is_some_and(|length| length > BODY_LIMIT)
    {
        return Err(too_large);
    }
    let mut body = Vec::new();
    // A chunked body says nothing of its length up front: read one byte
    // past the limit to know.
    request
        .as_reader()
        .take(BODY_LIMIT as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|_| refuse(400, "refused: the request body could not be read"))?;
    if body.len() > BODY_LIMIT {
        return Err(too_large);
    }
    Ok(body)
}

fn handle(state: &State, mut request: Request) {
    let response = match admit(state, &request) {
        Err(refusal) => text_response(refusal),
        Ok(()) => {
            let path = request.url().split('?').next().unwrap_or("").to_string();
            match (request.method(), path.as_str()) {
                (Method::Get, "/") => page_response(&state.page),
                (Method::Post, "/api/desugar" | "/api/run") => match read_body(&mut request) {
                    Err(refusal) => text_response(refusal),
                    Ok(body) => {
                        let answer = if path == "/api/run" {
                            api::run(state, &body)
                        } else {
                            api::desugar(&body)
                        };
                        match answer {
                            Ok(json) => json_response(&json),
                            Err(refusal) => text_response(refusal),
                        }
                    }
                },
                (_, "/" | "/api/desugar" | "/api/run") => {
                    text_response(refuse(405, "method not allowed"))
                }
                _ => text_response(refuse(404, "not found")),
            }
        }
    };
    // The client may have gone; there is no one left to tell.
    let _ = request.respond(response);
}

fn with_headers<R: Read>(mut response: Response<R>, content_type: &str) -> Response<R> {
    let headers = [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        // The URL holds the token; it goes nowhere else.
        ("Referrer-Policy", "no-referrer"),
        // The page loads nothing from anywhere, talks only to this server,
        // and may not be framed (no clickjacking of the Run button).
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
             connect-src 'self'; img-src data:; frame-ancestors 'none'; base-uri 'none'; \
             form-action 'none'",
        ),
    ];
    for (name, value) in headers {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    // Every answer is built whole, so its length is known: sent with a
    // Content-Length rather than in chunks, whose many small writes a
    // client's delayed acknowledgements can hold up by tens of milliseconds.
    response.with_chunked_threshold(usize::MAX)
}

fn page_response(page: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    with_headers(
        Response::from_string(page.to_string()),
        "text/html; charset=utf-8",
    )
}

fn json_response(json: &serde_json::Value) -> Response<std::io::Cursor<Vec<u8>>> {
    with_headers(
        Response::from_string(json.to_string()),
        "application/json; charset=utf-8",
    )
}

fn text_response(refusal: Refusal) -> Response<std::io::Cursor<Vec<u8>>> {
    with_headers(
        Response::from_string(format!("{}\n", refusal.message)).with_status_code(refusal.status),
        "text/plain; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abd", b"abc"));
        assert!(!same_secret(b"ab", b"abc"));
        assert!(!same_secret(b"", b"abc"));
    }

    #[test]
    fn the_token_comes_from_the_query() {
        assert_eq!(query_token("/?token=ab12"), Some("ab12"));
        assert_eq!(query_token("/api/run?x=1&token=cd"), Some("cd"));
        assert_eq!(query_token("/api/run"), None);
        assert_eq!(query_token("/?tokens=ab"), None);
    }

    #[test]
    fn tokens_are_random_hex() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
