//! Running Python programs on real CPython interpreters and comparing what
//! they print: the round-trip executor behind `unawait verify`, and the
//! basis of the golden tests.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The checker run by [`check_compiled`]: compiles files with the
/// interpreter's own compiler and looks for async syntax with its `ast`.
const CHECK_OUTPUTS: &str = include_str!("check_outputs.py");

/// A CPython interpreter found on this machine.
#[derive(Debug, Clone)]
pub struct Interpreter {
    pub path: PathBuf,
    /// `(major, minor)`.
    pub version: (u32, u32),
    /// e.g. `3.11.7`.
    pub full_version: String,
}

impl Interpreter {
    /// Asks `path` for its version; `None` if it is no usable Python 3.
    pub fn probe(path: &Path) -> Option<Interpreter> {
        let output = Command::new(path)
            .args([
                "-E",
                "-s",
                "-c",
                "import sys; print('%d.%d.%d' % sys.version_info[:3])",
            ])
            .stdin(Stdio::null())
            .output()
            .ok()?;
        let full_version = String::from_utf8(output.stdout).ok()?.trim().to_string();
        let mut parts = full_version.split('.').map(|p| p.parse::<u32>());
        let version = (parts.next()?.ok()?, parts.next()?.ok()?);
        (output.status.success() && version.0 == 3).then(|| Interpreter {
            path: path.to_path_buf(),
            version,
            full_version,
        })
    }
}

/// The interpreters tests and `verify --all-pythons` run on: those listed in
/// `UNAWAIT_PYTHONS` (separated by `:` or `,`) if set; else `python3` and
/// every pyenv version (`$PYENV_ROOT/versions/*/bin/python`). Only CPython
/// 3.6 and later, one per version, oldest first.
pub fn discover_interpreters() -> Vec<Interpreter> {
    let candidates: Vec<PathBuf> = match std::env::var("UNAWAIT_PYTHONS") {
        Ok(list) if !list.trim().is_empty() => list
            .split([':', ','])
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect(),
        _ => {
            let mut paths = vec![PathBuf::from("python3")];
            let root = std::env::var_os("PYENV_ROOT")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pyenv")));
            if let Some(Ok(entries)) = root.map(|root| std::fs::read_dir(root.join("versions"))) {
                let mut versions: Vec<PathBuf> = entries
                    .flatten()
                    .map(|entry| entry.path().join("bin").join("python"))
                    .collect();
                versions.sort();
                paths.extend(versions);
            }
            paths
        }
    };
    let mut found: Vec<Interpreter> = candidates
        .iter()
        .filter_map(|path| Interpreter::probe(path))
        .filter(|interpreter| interpreter.version >= (3, 6))
        .collect();
    found.sort_by_key(|interpreter| interpreter.version);
    found.dedup_by(|a, b| a.full_version == b.full_version);
    found
}

/// The oldest `(major, minor)` a program's first lines accept with
/// `# min-python: 3.X`.
pub fn min_python(source: &str) -> Option<(u32, u32)> {
    python_bound(source, "# min-python:")
}

/// The newest `(major, minor)` a program's first lines accept with
/// `# max-python: 3.X`: newer versions reject the program (a compile-time
/// error), so running it there shows nothing about the desugaring.
pub fn max_python(source: &str) -> Option<(u32, u32)> {
    python_bound(source, "# max-python:")
}

/// Whether a program's `# min-python` / `# max-python` lines let it run on
/// CPython `version` (no line: every version from 3.6 on).
pub fn runs_on(source: &str, version: (u32, u32)) -> bool {
    let min = min_python(source).unwrap_or((3, 6));
    let max = max_python(source).unwrap_or((3, u32::MAX));
    (min..=max).contains(&version)
}

fn python_bound(source: &str, marker: &str) -> Option<(u32, u32)> {
    let line = source
        .lines()
        .take(2)
        .find_map(|line| line.trim().strip_prefix(marker))?;
    let (major, minor) = line.trim().split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// What one run of a program did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Exit code; `None` when killed by a signal or the timeout.
    pub status: Option<i32>,
    /// The signal that ended the program, if one did (not the timeout's).
    pub signal: Option<i32>,
    /// Standard output: its first [`CAPTURE_LIMIT`] bytes, then a line
    /// saying how many bytes there were in all.
    pub stdout: String,
    /// Standard error, captured the same way.
    pub stderr: String,
    pub timed_out: bool,
}

/// Bytes of each output stream kept for comparison. A program may print
/// gigabytes; the rest is read (so the program never blocks on a full pipe)
/// and counted, and the count is compared too.
pub const CAPTURE_LIMIT: usize = 8 << 20;

/// How long the output pipes may stay open after the program ended and its
/// process group was killed: a process that left the group (`setsid`) can
/// hold them open for as long as it lives.
const PIPE_GRACE: Duration = Duration::from_secs(2);

/// One output stream, filled by a reader thread.
#[derive(Default)]
struct Captured {
    kept: Vec<u8>,
    total: usize,
    closed: bool,
}

impl Captured {
    fn text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.kept).into_owned();
        if self.total > self.kept.len() {
            text.push_str(&format!(
                "\n[output cut at {} bytes of {}]\n",
                self.kept.len(),
                self.total
            ));
        }
        if !self.closed {
            text.push_str("\n[output still open after the program ended]\n");
        }
        text
    }
}

/// Reads `pipe` to its end on a thread of its own into a shared buffer.
fn capture(
    mut pipe: impl Read + Send + 'static,
) -> std::sync::Arc<(std::sync::Mutex<Captured>, std::sync::Condvar)> {
    let shared = std::sync::Arc::new((
        std::sync::Mutex::new(Captured::default()),
        std::sync::Condvar::new(),
    ));
    let writer = std::sync::Arc::clone(&shared);
    std::thread::spawn(move || {
        let mut chunk = vec![0; 64 << 10];
        loop {
            let read = match pipe.read(&mut chunk) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            let mut captured = writer
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let room = CAPTURE_LIMIT.saturating_sub(captured.kept.len()).min(read);
            captured.kept.extend_from_slice(&chunk[..room]);
            captured.total += read;
        }
        let mut captured = writer
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        captured.closed = true;
        writer.1.notify_all();
    });
    shared
}

/// The text captured so far, waiting until `deadline` for the pipe to close.
fn collect(
    shared: &std::sync::Arc<(std::sync::Mutex<Captured>, std::sync::Condvar)>,
    deadline: Instant,
) -> String {
    let (lock, closed) = &**shared;
    let mut captured = lock
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    while !captured.closed {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        captured = closed
            .wait_timeout(captured, left)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .0;
    }
    captured.text()
}

/// Runs `script` with `interpreter` in the script's directory, with no
/// standard input, ignoring `PYTHON*` variables and user site-packages, and a
/// fixed hash seed so that runs are comparable.
pub fn run_script(
    interpreter: &Interpreter,
    script: &Path,
    timeout: Duration,
) -> std::io::Result<Run> {
    let dir = script.parent().unwrap_or(Path::new("."));
    let mut command = Command::new(&interpreter.path);
    // Not `-E`: it would ignore the two variables set below as well.
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(name);
        }
    }
    let mut child = command
        .arg("-s")
        .arg(script.file_name().unwrap_or(script.as_os_str()))
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // A group of its own, so that a timeout ends every process it started.
        .process_group(0)
        .spawn()?;
    let stdout = capture(child.stdout.take().expect("stdout is piped"));
    let stderr = capture(child.stderr.take().expect("stderr is piped"));
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > timeout {
            timed_out = true;
            kill_group(child.id());
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Children that outlived the program would keep its pipes open.
    kill_group(child.id());
    let deadline = Instant::now() + PIPE_GRACE;
    Ok(Run {
        status: if timed_out { None } else { status.code() },
        signal: if timed_out { None } else { status.signal() },
        stdout: collect(&stdout, deadline),
        stderr: collect(&stderr, deadline),
        timed_out,
    })
}

fn kill_group(leader: u32) {
    if let Ok(group) = libc::pid_t::try_from(leader) {
        // SAFETY: kill(2) with a negative pid signals that process group; it
        // touches no memory of ours. An already ended group is no error here.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
}

/// Compiles each file with `interpreter` and checks with its `ast` that no
/// async syntax is left. Returns the problem found in each file, if any.
pub fn check_compiled(
    interpreter: &Interpreter,
    paths: &[PathBuf],
) -> std::io::Result<Vec<Option<String>>> {
    let output = Command::new(&interpreter.path)
        .args(["-E", "-s", "-c", CHECK_OUTPUTS])
        .args(paths)
        .stdin(Stdio::null())
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let results: Vec<Option<String>> = stdout
        .lines()
        .filter_map(|line| match line.strip_prefix("fail ") {
            Some(reason) => Some(Some(reason.to_string())),
            None => (line == "ok").then_some(None),
        })
        .collect();
    if results.len() != paths.len() {
        return Err(std::io::Error::other(format!(
            "{} checked {} of {} files: {}",
            interpreter.full_version,
            results.len(),
            paths.len(),
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(results)
}

/// The traceback frames and exception lines of `stderr`, with each frame in
/// `script` (the desugared program) pointed at the input line it comes
/// from: `File "NAME", line INPUT (desugared line N), in f`. Frames in
/// runtime helpers say so; other files' frames are kept as they are.
pub fn frames_at_input_lines(
    stderr: &str,
    script: &Path,
    file_name: &str,
    map: &[Option<u32>],
) -> String {
    let script = script.display().to_string();
    let mut out = String::new();
    for line in stderr.lines() {
        let frame = line
            .strip_prefix("  File \"")
            .and_then(|rest| rest.split_once("\", line "));
        match frame {
            // CPython before 3.9 names the script as it was given, relative.
            Some((path, rest)) if path == script || path == file_name => {
                let digits =
                    rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (number, tail) = rest.split_at(digits);
                let input = number
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| map.get(n.checked_sub(1)?).copied().flatten());
                match input {
                    Some(input) => out.push_str(&format!(
                        "  File \"{file_name}\", line {input} (desugared line {number}){tail}"
                    )),
                    None => out.push_str(&format!(
                        "  File \"{file_name}\", desugared line {number} (a runtime helper){tail}"
                    )),
                }
            }
            Some(_) => out.push_str(line),
            None if !line.starts_with([' ', '\t']) && !line.is_empty() => out.push_str(line),
            None => continue,
        }
        out.push('\n');
    }
    if out.contains("  File \"") {
        out
    } else {
        String::new()
    }
}

/// What running a file as written and desugared on one interpreter showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Equivalent,
    Differs(Vec<Difference>),
    /// One of the two runs did not finish in time.
    Timeout,
    /// The file could not be desugared or run.
    ToolError(String),
}

impl Verdict {
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Equivalent => "equivalent",
            Verdict::Differs(_) => "differs",
            Verdict::Timeout => "timeout",
            Verdict::ToolError(_) => "tool error",
        }
    }
}

/// One way in which the desugared program behaved differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// `exit status`, `stdout`, `stderr`, `async syntax`, or `desugared
    /// traceback` (where the desugared run failed, at input lines).
    pub what: &'static str,
    /// A unified diff (original → desugared), or a description.
    pub detail: String,
}

/// Runs `original` and `desugared` (the same program before and after
/// `unawait`) as scripts named `file_name`, each in a fresh directory, and
/// compares exit status, standard output and standard error (reduced as
/// [`normalize_stderr`] says); checks with the interpreter's `ast` that the
/// desugared program holds no async syntax.
///
/// `beside_desugared` are files written next to the desugared script (the
/// runtime module, for `--runtime=import` output).
pub fn round_trip(
    interpreter: &Interpreter,
    file_name: &str,
    original: &[u8],
    desugared: &[u8],
    beside_desugared: &[(&str, &[u8])],
    timeout: Duration,
) -> Verdict {
    round_trip_mapped(
        interpreter,
        file_name,
        original,
        desugared,
        beside_desugared,
        timeout,
        None,
    )
}

/// [`round_trip`], with the desugared program's line map (see
/// [`crate::Output::line_map`]): a difference then also shows the
/// desugared run's traceback with its frames pointing at input lines.
pub fn round_trip_mapped(
    interpreter: &Interpreter,
    file_name: &str,
    original: &[u8],
    desugared: &[u8],
    beside_desugared: &[(&str, &[u8])],
    timeout: Duration,
    line_map: Option<&[Option<u32>]>,
) -> Verdict {
    round_trip_with_runs(
        interpreter,
        file_name,
        original,
        desugared,
        beside_desugared,
        timeout,
        line_map,
    )
    .verdict
}

/// What [`round_trip_with_runs`] saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundTrip {
    /// The original and the desugared run; `None` when they could not be
    /// started (the verdict is then a tool error).
    pub runs: Option<(Run, Run)>,
    pub verdict: Verdict,
}

/// [`round_trip_mapped`], keeping both runs as well as the verdict: for
/// views that show what each program printed (`unawait serve`).
pub fn round_trip_with_runs(
    interpreter: &Interpreter,
    file_name: &str,
    original: &[u8],
    desugared: &[u8],
    beside_desugared: &[(&str, &[u8])],
    timeout: Duration,
    line_map: Option<&[Option<u32>]>,
) -> RoundTrip {
    let scratch = match ScratchDir::new() {
        Ok(scratch) => scratch,
        Err(error) => {
            return RoundTrip {
                runs: None,
                verdict: Verdict::ToolError(format!("creating a temporary directory: {error}")),
            };
        }
    };
    let script = |label: &str| scratch.0.join(label).join(file_name);
    let run = |script: &Path, bytes: &[u8], beside: &[(&str, &[u8])]| -> std::io::Result<Run> {
        let dir = script.parent().expect("a script has a directory");
        std::fs::create_dir_all(dir)?;
        for (name, contents) in beside {
            std::fs::write(dir.join(name), contents)?;
        }
        std::fs::write(script, bytes)?;
        run_script(interpreter, script, timeout)
    };
    let desugared_script = script("desugared");
    let runs = (
        run(&script("original"), original, &[]),
        run(&desugared_script, desugared, beside_desugared),
    );
    let (expected, actual) = match runs {
        (Ok(expected), Ok(actual)) => (expected, actual),
        (Err(error), _) | (_, Err(error)) => {
            return RoundTrip {
                runs: None,
                verdict: Verdict::ToolError(format!(
                    "running {}: {error}",
                    interpreter.path.display()
                )),
            };
        }
    };
    let verdict = compare(
        interpreter,
        file_name,
        &desugared_script,
        &expected,
        &actual,
        line_map,
    );
    RoundTrip {
        runs: Some((expected, actual)),
        verdict,
    }
}

/// The verdict on two finished runs of a program, `expected` as written and
/// `actual` desugared (the script at `desugared_script`, still on disk).
fn compare(
    interpreter: &Interpreter,
    file_name: &str,
    desugared_script: &Path,
    expected: &Run,
    actual: &Run,
    line_map: Option<&[Option<u32>]>,
) -> Verdict {
    if expected.timed_out || actual.timed_out {
        return Verdict::Timeout;
    }
    let mut differences = Vec::new();
    if (expected.status, expected.signal) != (actual.status, actual.signal) {
        differences.push(Difference {
            what: "exit status",
            detail: format!(
                "{} became {}",
                describe_status(expected),
                describe_status(actual)
            ),
        });
    }
    for (what, a, b) in [
        (
            "stdout",
            normalize_stdout(&expected.stdout),
            normalize_stdout(&actual.stdout),
        ),
        (
            "stderr",
            normalize_stderr(&expected.stderr),
            normalize_stderr(&actual.stderr),
        ),
    ] {
        if a != b {
            let (a, b) = (shorten_long_lines(&a), shorten_long_lines(&b));
            differences.push(Difference {
                what,
                detail: crate::views::diff::unified(&a, &b, "original", "desugared", false),
            });
        }
    }
    match check_compiled(interpreter, &[desugared_script.to_path_buf()]) {
        // An interpreter too old for the program fails to compile both.
        Ok(problems) => {
            if let Some(Some(problem)) = problems.into_iter().next()
                && !(problem.starts_with("SyntaxError") && expected.stderr.contains("SyntaxError"))
            {
                differences.push(Difference {
                    what: "async syntax",
                    detail: problem,
                });
            }
        }
        Err(error) => return Verdict::ToolError(error.to_string()),
    }
    if let Some(map) = line_map
        && !differences.is_empty()
    {
        let frames = frames_at_input_lines(&actual.stderr, desugared_script, file_name, map);
        if !frames.is_empty() {
            differences.push(Difference {
                what: "desugared traceback",
                detail: frames,
            });
        }
    }
    if differences.is_empty() {
        Verdict::Equivalent
    } else {
        Verdict::Differs(differences)
    }
}

fn describe_status(run: &Run) -> String {
    match (run.status, run.signal) {
        (Some(code), _) => format!("exit status {code}"),
        (None, Some(signal)) => format!("death by signal {signal}"),
        (None, None) => "death by signal".to_string(),
    }
}

/// Characters of a line a diff shows.
const SHOWN_LINE_LIMIT: usize = 500;

/// `text` with lines past [`SHOWN_LINE_LIMIT`] characters cut, saying how
/// long they were: a diff must stay readable when a program prints
/// megabytes on one line.
fn shorten_long_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(1 << 20));
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        match content.char_indices().nth(SHOWN_LINE_LIMIT) {
            Some((cut, _)) => {
                out.push_str(&content[..cut]);
                out.push_str(&format!(
                    "… [line of {} characters]",
                    content.chars().count()
                ));
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// A fresh directory under the system's temporary directory, removed when
/// dropped.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new() -> std::io::Result<ScratchDir> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("unawait-verify-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(ScratchDir(dir))
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Replaces memory addresses (`0x7f3a…`), which differ from run to run.
pub fn normalize_stdout(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        let hex = rest[at + 2..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count();
        let boundary = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric();
        if hex >= 6 && boundary {
            out.push_str(&rest[..at]);
            out.push_str("0x?");
            rest = &rest[at + 2 + hex..];
        } else {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
        }
    }
    out.push_str(rest);
    out
}

/// Reduces standard error to what must match between a program and its
/// desugared form: tracebacks keep their header, chaining lines and
/// exception lines (not frames, source lines or carets); warnings keep
/// category and message (not file, line number or source line); a
/// SyntaxError report keeps its message line.
pub fn normalize_stderr(text: &str) -> String {
    let text = normalize_stdout(text);
    let mut out = String::new();
    let mut skipping_indented = false;
    for line in text.lines() {
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if skipping_indented && indented {
            continue;
        }
        skipping_indented = false;
        if line.starts_with("  File \"") {
            // Where a SyntaxError was found (no traceback header precedes
            // it): file, line, source and caret differ between the two runs.
            skipping_indented = true;
            continue;
        }
        if line == "Traceback (most recent call last):" {
            skipping_indented = true;
            out.push_str(line);
        } else if let Some(warning) = warning_message(line) {
            skipping_indented = true;
            out.push_str(warning);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// `path:12: RuntimeWarning: message` → `RuntimeWarning: message`.
fn warning_message(line: &str) -> Option<&str> {
    let (location, rest) = line.split_once(": ")?;
    let (category, _) = rest.split_once(": ")?;
    let is_category = category.ends_with("Warning")
        && category
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
    let has_line = location
        .rsplit_once(':')
        .is_some_and(|(_, number)| number.parse::<u32>().is_ok());
    (is_category && has_line).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stderr_keeps_exception_lines_and_warning_messages() {
        let stderr = "/tmp/x/case.py:3: RuntimeWarning: coroutine 'f' was never awaited\n  f()\n\
RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n\
Traceback (most recent call last):\n  File \"case.py\", line 9, in <module>\n    main()\n    ^^^^^^\n\
KeyError: 'a'\n\nThe above exception was the direct cause of the following exception:\n\n\
Traceback (most recent call last):\n  File \"x\", line 1\nRuntimeError: <coroutine object f at 0x7f00aa11bb22>\n";
        assert_eq!(
            normalize_stderr(stderr),
            "RuntimeWarning: coroutine 'f' was never awaited\n\
RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n\
Traceback (most recent call last):\nKeyError: 'a'\n\nThe above exception was the direct cause of the following exception:\n\n\
Traceback (most recent call last):\nRuntimeError: <coroutine object f at 0x?>\n"
        );
    }

    #[test]
    fn shutdown_warnings_and_plain_lines() {
        assert_eq!(
            normalize_stderr("sys:1: RuntimeWarning: m\n  plain: text\n"),
            "RuntimeWarning: m\n"
        );
        assert_eq!(
            normalize_stderr("<sys>:0: RuntimeWarning: m\n"),
            "RuntimeWarning: m\n"
        );
        assert_eq!(
            normalize_stderr("  indented program output\n"),
            "  indented program output\n"
        );
    }

    #[test]
    fn syntax_error_reports_keep_the_message() {
        let report =
            "  File \"/tmp/a/x.py\", line 3\n    y := 1\n      ^\nSyntaxError: invalid syntax\n";
        assert_eq!(normalize_stderr(report), "SyntaxError: invalid syntax\n");
    }

    #[test]
    fn long_lines_are_shortened_for_display() {
        let long = "y".repeat(SHOWN_LINE_LIMIT + 7);
        assert_eq!(
            shorten_long_lines(&format!("short\n{long}\nend")),
            format!(
                "short\n{}… [line of {} characters]\nend",
                "y".repeat(SHOWN_LINE_LIMIT),
                SHOWN_LINE_LIMIT + 7
            )
        );
    }

    #[test]
    fn min_python_header() {
        assert_eq!(min_python("# min-python: 3.8\n# doc\n"), Some((3, 8)));
        assert_eq!(min_python("# doc\nx = 1\n"), None);
        assert_eq!(max_python("# max-python: 3.13\n# doc\n"), Some((3, 13)));
        assert_eq!(max_python("# min-python: 3.8\n"), None);
        assert!(runs_on("# max-python: 3.13\n", (3, 13)));
        assert!(!runs_on("# max-python: 3.13\n", (3, 14)));
        assert!(!runs_on("# min-python: 3.8\n", (3, 7)));
        assert!(runs_on("x = 1\n", (3, 6)));
    }
}
