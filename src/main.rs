//! The `unawait` command line: argument parsing and file handling only; the
//! work is `unawait::desugar_bytes`.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod learn_command;
mod verify_command;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use unawait::{Options, RuntimeMode};

/// Desugar Python's async syntax into the generator-based code PEP 492
/// describes: `async def` becomes a `types.coroutine`-style generator,
/// `await x` a checked `yield from`, `async with` explicit
/// `__aenter__`/`__aexit__` calls, `async for` an explicit
/// `__aiter__`/`__anext__` loop. Everything else is copied byte for byte.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Python files to desugar (`-` reads standard input). Without
    /// `--out-dir`, exactly one, printed to standard output or `-o`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Write the result to this file instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    output: Option<PathBuf>,

    /// Write results under this directory, mirroring the inputs' layout;
    /// directories are walked, files without async syntax copied unchanged.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// Where the helper functions the output calls come from.
    #[arg(long, value_enum, default_value_t = Runtime::Inline)]
    runtime: Runtime,

    /// Run the passes only up to this one (see `unawait passes`), to watch
    /// one construct at a time.
    #[arg(long, value_name = "PASS", value_parser = pass_names())]
    stop_after: Option<String>,

    /// Run only these passes (comma-separated, run in pipeline order).
    #[arg(long, value_name = "PASS,...", value_delimiter = ',', value_parser = pass_names(), conflicts_with = "stop_after")]
    passes: Option<Vec<String>>,

    /// Comment each rewritten construct: what it became and which PEP says so.
    #[arg(long)]
    explain: bool,

    /// Write, as JSON, the input line each output line comes from.
    #[arg(long, value_name = "FILE", conflicts_with = "out_dir")]
    line_map: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the runtime helper module that `--runtime=import` output imports
    /// (save it as `unawait_runtime.py` next to the output).
    Runtime,
    /// List the passes in the order they run.
    Passes,
    /// Run files as written and desugared on CPython and compare what they do.
    Verify(VerifyArgs),
    /// Show what desugaring changes, as a unified or side-by-side diff.
    Diff(learn_command::DiffArgs),
    /// Explain each rewritten construct, as text or a side-by-side HTML page.
    Explain(learn_command::ExplainArgs),
    /// List the CPython 3.6+ interpreters `verify --all-pythons` and the tests
    /// use: python3 and each $PYENV_ROOT/versions/* (UNAWAIT_PYTHONS, a
    /// `:`-separated list, overrides); one `VERSION PATH` line each.
    Pythons,
}

#[derive(clap::Args)]
#[command(
    after_help = "Exit status: 0 every run equivalent, 1 a difference, timeout or tool error, 2 usage error."
)]
struct VerifyArgs {
    /// Python files, or directories whose `.py` files to check.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// An interpreter to run on; repeat for several (default: python3).
    #[arg(long = "python", value_name = "EXE")]
    pythons: Vec<PathBuf>,

    /// Every CPython 3.6+ found: python3 and each $PYENV_ROOT/versions/*
    /// (UNAWAIT_PYTHONS, a `:`-separated list, overrides).
    #[arg(long, conflicts_with = "pythons")]
    all_pythons: bool,

    /// Seconds each run may take; a run still going is killed with every
    /// process it started.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,

    /// How to print the verdicts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One line per file and interpreter, with a diff for each difference.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Clone, Copy, Default, ValueEnum)]
enum Runtime {
    /// Copy the helpers a file uses into it.
    #[default]
    Inline,
    /// `from unawait_runtime import ...` (see `unawait runtime`).
    Import,
}

fn options(
    runtime: Runtime,
    stop_after: &Option<String>,
    passes: &Option<Vec<String>>,
    explain: bool,
) -> Options {
    Options {
        runtime: match runtime {
            Runtime::Inline => RuntimeMode::Inline,
            Runtime::Import => RuntimeMode::Import,
        },
        stop_after: stop_after.clone(),
        passes: passes.clone(),
        explain,
    }
}

fn pass_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(unawait::passes::PIPELINE.map(|pass| pass.name()))
}

const EXAMPLES: &str = "\
Examples:
  unawait app.py                      print app.py desugared
  unawait app.py -o app_sync.py       write it to a file
  cat app.py | unawait -              read standard input
  unawait --out-dir build/ src/       desugar a whole tree
  unawait runtime > unawait_runtime.py && unawait --runtime=import app.py

Exit status: 0 success, 1 an input could not be desugared, 2 usage error.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Parsing and rewriting recurse over the syntax tree; deeply nested input
    // needs more stack than a main thread has.
    let worker = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || run(&cli));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("unawait: internal error");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Runtime) => {
            print!("{}", unawait::runtime::SOURCE);
            return ExitCode::SUCCESS;
        }
        Some(Command::Passes) => {
            for pass in unawait::passes::PIPELINE {
                println!("{:<20} {}", pass.name(), pass.description());
            }
            return ExitCode::SUCCESS;
        }
        Some(Command::Pythons) => {
            for python in unawait::verify::discover_interpreters() {
                println!("{} {}", python.full_version, python.path.display());
            }
            return ExitCode::SUCCESS;
        }
        Some(Command::Verify(args)) => {
            return match verify_command::run(args) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(error) => {
                    eprintln!("unawait: {error:#}");
                    ExitCode::from(2)
                }
            };
        }
        Some(Command::Diff(args)) => return learn_command::diff(args),
        Some(Command::Explain(args)) => return learn_command::explain(args),
        None => {}
    }
    let options = options(cli.runtime, &cli.stop_after, &cli.passes, cli.explain);
    let result = match &cli.out_dir {
        Some(out_dir) => desugar_tree(&cli.paths, out_dir, &options),
        None => desugar_one(cli, &options),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::InputErrors) => ExitCode::from(1),
        Err(error) => {
            eprintln!("unawait: {error:#}");
            ExitCode::from(2)
        }
    }
}

enum Outcome {
    Done,
    /// Some input was reported on standard error and not written.
    InputErrors,
}

fn desugar_one(cli: &Cli, options: &Options) -> Result<Outcome> {
    let [path] = cli.paths.as_slice() else {
        bail!(
            "expected one input file (or `-`), got {}; use --out-dir for several",
            cli.paths.len()
        );
    };
    let (name, bytes) = read_input(path)?;
    let (output, desugared) = match desugar_or_report(&name, &bytes, options) {
        Ok(output) => output,
        Err(report) => {
            eprint!("{report}");
            return Ok(Outcome::InputErrors);
        }
    };
    for out in [&cli.output, &cli.line_map].into_iter().flatten() {
        if path != Path::new("-") && same_file(path, out) {
            bail!("refusing to overwrite the input {}", path.display());
        }
    }
    match &cli.output {
        Some(out) => write_atomically(out, &output)?,
        None => io::stdout()
            .write_all(&output)
            .context("writing standard output")?,
    }
    if let Some(map_path) = &cli.line_map {
        let output_name = cli
            .output
            .as_ref()
            .map_or_else(|| "<stdout>".to_string(), |out| out.display().to_string());
        let json = unawait::line_map::to_json(&desugared.line_map, &name, &output_name);
        write_atomically(map_path, json.as_bytes())?;
    }
    Ok(Outcome::Done)
}

fn desugar_tree(paths: &[PathBuf], out_dir: &Path, options: &Options) -> Result<Outcome> {
    if paths.is_empty() {
        bail!("--out-dir needs at least one input path");
    }
    let mut jobs = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            bail!("`-` (standard input) cannot be used with --out-dir");
        } else if path.is_dir() {
            // Outputs mirror the tree: they land on its files only if the
            // output directory is the tree itself.
            if same_file(path, out_dir) {
                bail!("refusing to overwrite the inputs in {}", path.display());
            }
            for file in files_under(path, Some(out_dir))? {
                let relative = file
                    .strip_prefix(path)
                    .expect("walked paths are under the root");
                jobs.push((file.clone(), out_dir.join(relative)));
            }
        } else if path.is_file() {
            let name = path.file_name().context("an input file has a name")?;
            if same_file(path, &out_dir.join(name)) {
                bail!("refusing to overwrite the input {}", path.display());
            }
            jobs.push((path.clone(), out_dir.join(name)));
        } else {
            bail!("no such file or directory: {}", path.display());
        }
    }
    // Check every destination before writing anything.
    let mut destinations = std::collections::HashMap::new();
    for (input, output) in &jobs {
        if let Some(other) = destinations.insert(output.clone(), input) {
            bail!(
                "{} and {} would both be written to {}",
                other.display(),
                input.display(),
                output.display()
            );
        }
    }
    // Files are independent: desugar them on all cores. Diagnostics are
    // printed afterwards, in input order.
    let progress = Progress::new(jobs.len());
    let results = unawait::verify::parallel_map(&jobs, |(input, output)| {
        let result = convert_file(input, output, options);
        progress.step();
        result
    });
    progress.finish();
    let mut failed = false;
    for result in results {
        match result? {
            Converted::Written => {}
            Converted::Rejected(report) => {
                eprint!("{report}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        Outcome::InputErrors
    } else {
        Outcome::Done
    })
}

enum Converted {
    Written,
    /// Diagnostics for an input that was not written.
    Rejected(String),
}

/// Desugars one `.py` file (other files are copied) to `output`, keeping
/// the input's permissions.
fn convert_file(input: &Path, output: &Path, options: &Options) -> Result<Converted> {
    let bytes = fs::read(input).with_context(|| format!("reading {}", input.display()))?;
    let code = if input.extension().is_some_and(|ext| ext == "py") {
        match desugar_or_report(&input.display().to_string(), &bytes, options) {
            Ok((code, _)) => code,
            Err(report) => return Ok(Converted::Rejected(report)),
        }
    } else {
        bytes
    };
    write_atomically(output, &code)?;
    if let Ok(metadata) = fs::metadata(input) {
        fs::set_permissions(output, metadata.permissions())
            .with_context(|| format!("setting permissions of {}", output.display()))?;
    }
    Ok(Converted::Written)
}

/// A progress line on standard error, only when it is a terminal.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        Progress {
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            shown: io::stderr().is_terminal() && total > 1,
        }
    }

    /// Counts one more file done (from any thread).
    fn step(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.shown {
            let width = 30;
            let filled = done * width / self.total.max(1);
            eprint!(
                "\r[{}{}] {done}/{} files",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r{}\r", " ".repeat(50));
        }
    }
}

/// The files under `dir`, sorted, skipping hidden directories,
/// `__pycache__`, links to directories and `skip`.
fn files_under(dir: &Path, skip: Option<&Path>) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading directory {}", dir.display()))?
        .collect::<io::Result<_>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        let hidden = name.to_string_lossy().starts_with('.') || name == "__pycache__";
        let kind = entry.file_type()?;
        if kind.is_symlink() && path.is_dir() {
            // Following links to directories could loop or leave the tree.
            continue;
        }
        if kind.is_dir() {
            if !hidden && !skip.is_some_and(|skip| same_file(&path, skip)) {
                files.extend(files_under(&path, skip)?);
            }
        } else {
            files.push(path);
        }
    }
    Ok(files)
}

fn read_input(path: &Path) -> Result<(String, Vec<u8>)> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        Ok(("<stdin>".to_string(), bytes))
    } else {
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        Ok((path.display().to_string(), bytes))
    }
}

/// The desugared bytes and what the library says about them, or the
/// diagnostics rendered for `name`.
fn desugar_or_report(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(Vec<u8>, unawait::Output), String> {
    unawait::desugar_file(bytes, options)
        .map_err(|(text, diagnostics)| diagnostics.render(name, &text))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes through a temporary file in the destination's directory and a
/// rename, so a reader never sees a partial file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = path.file_name().context("an output path names a file")?;
    let temporary = dir.join(format!(
        ".{}.unawait-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = fs::write(&temporary, bytes).and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.with_context(|| format!("writing {}", path.display()))
}
