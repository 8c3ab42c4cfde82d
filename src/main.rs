//! The `unawait` command line: argument parsing and file handling only; the
//! work is `unawait::desugar_file` (the commands are in `cli`).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

mod cli;
// The Python extension's entry points; this file is its crate root too
// (python/Cargo.toml, whose build script sets the cfg).
#[cfg(unawait_extension)]
mod python;

use clap::{Parser, Subcommand, ValueEnum};
use unawait::RuntimeMode;

/// Desugar Python's async syntax into the generator-based code PEP 492
/// describes: `async def` becomes a `types.coroutine`-style generator,
/// `await x` a checked `yield from`, `async with` explicit
/// `__aenter__`/`__aexit__` calls, `async for` an explicit
/// `__aiter__`/`__anext__` loop. Everything else is copied byte for byte.
#[derive(Parser)]
// Named and versioned explicitly: the Python extension built from this file
// is another package (`unawait-python`).
#[command(name = "unawait", version = unawait::runtime::VERSION, args_conflicts_with_subcommands = true, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Python files or directories to desugar (`-` reads standard input).
    /// Without --out-dir, --in-place, --check or --diff, exactly one file,
    /// printed to standard output or `-o`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Write the result to this file instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    output: Option<PathBuf>,

    /// Write results under this directory, mirroring the inputs' layout;
    /// directories are walked, files without async syntax copied unchanged.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// Where the helper functions the output calls come from [default:
    /// inline, or `runtime` in pyproject.toml]
    #[arg(long, value_enum)]
    runtime: Option<Runtime>,

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

    /// Write, as JSON, the input line each output line comes from (one
    /// input printed or written with `-o`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["out_dir", "in_place", "check", "diff"])]
    line_map: Option<PathBuf>,

    #[command(flatten)]
    project: cli::ProjectArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Print the runtime helper module that `--runtime=import` output imports,
    /// or write it as DIR/unawait_runtime.py.
    Runtime(RuntimeArgs),
    /// List the passes in the order they run.
    Passes,
    /// Run files as written and desugared on CPython and compare what they do.
    Verify(VerifyArgs),
    /// Show what desugaring changes, as a unified or side-by-side diff.
    Diff(cli::learn::DiffArgs),
    /// Explain each rewritten construct, as text or a side-by-side HTML page.
    Explain(cli::learn::ExplainArgs),
    /// List the CPython 3.6+ interpreters `verify --all-pythons` and the tests
    /// use: python3 and each $PYENV_ROOT/versions/* (UNAWAIT_PYTHONS, a
    /// `:`-separated list, overrides); one `VERSION PATH` line each.
    Pythons,
    /// A live playground in the browser: type async code, watch it desugar
    /// pass by pass, run both forms on CPython.
    Serve(cli::serve::ServeArgs),
    /// Run a Python program (`SCRIPT ARGS` or `-m MODULE ARGS`) as
    /// `python` would, its own modules desugared as they are imported.
    Run(cli::run::RunArgs),
    /// One file desugared for the import hook, as JSON (for interpreters
    /// without the unawait extension).
    #[command(hide = true)]
    HookDesugar(cli::hook::HookArgs),
}

#[derive(clap::Args)]
struct RuntimeArgs {
    /// Write the module to DIR/unawait_runtime.py (atomically) instead of
    /// printing it; DIR is created if missing.
    #[arg(long, value_name = "DIR")]
    write: Option<PathBuf>,
}

#[derive(clap::Args)]
#[command(
    after_help = "Exit status: 0 every run equivalent, 1 a difference, timeout or tool error, 2 usage error."
)]
struct VerifyArgs {
    /// Python files, or directories whose `.py` files to check (with
    /// --pytest: the project directory, default `.`).
    #[arg(required_unless_present = "pytest", value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Run the project's pytest suite as written and desugared (`python -m
    /// pytest` in the directory, through unawait's pytest plugin, desugaring
    /// its top-level packages) and compare each test's outcome.
    #[arg(long)]
    pytest: bool,

    /// Arguments for pytest (after `--`), with --pytest.
    #[arg(last = true, value_name = "PYTEST_ARGS", requires = "pytest")]
    pytest_args: Vec<String>,

    /// An interpreter to run on; repeat for several (default: python3).
    #[arg(long = "python", value_name = "EXE")]
    pythons: Vec<PathBuf>,

    /// Every CPython 3.6+ found: python3 and each $PYENV_ROOT/versions/*
    /// (UNAWAIT_PYTHONS, a `:`-separated list, overrides).
    #[arg(long, conflicts_with = "pythons")]
    all_pythons: bool,

    /// Seconds each run may take; a run still going is killed with every
    /// process it started [default: 30; 600 for a --pytest suite]
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<u64>,

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

#[derive(Clone, Copy, ValueEnum)]
enum Runtime {
    /// Copy the helpers a file uses into it.
    Inline,
    /// `from unawait_runtime import ...` (see `unawait runtime`).
    Import,
}

impl From<Runtime> for RuntimeMode {
    fn from(runtime: Runtime) -> RuntimeMode {
        match runtime {
            Runtime::Inline => RuntimeMode::Inline,
            Runtime::Import => RuntimeMode::Import,
        }
    }
}

fn pass_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(unawait::passes().map(|pass| pass.name))
}

const EXAMPLES: &str = "\
Examples:
  unawait app.py                      print app.py desugared
  unawait app.py -o app_sync.py       write it to a file
  cat app.py | unawait -              read standard input
  unawait --out-dir build/ src/       desugar a whole tree
  unawait --in-place src/             rewrite the files that have async syntax
  unawait --check src/                list them; exit status 1 if there are any
  unawait --diff src/                 show what would change
  unawait diff -y app.py              input and output side by side
  unawait explain app.py --html a.html  a page linking each construct to what it became
  unawait runtime --write build/ && unawait --runtime=import --out-dir build/ src/

Settings come from [tool.unawait] in the closest pyproject.toml above each
input (runtime, exclude, target-version); flags win.

Exit status:
  0  success; with --check or --diff, nothing would change
  1  an input could not be desugared; with --check or --diff, a file would change
  2  usage error, invalid settings, or a file could not be read or written";

// The extension calls `command_line` instead.
#[cfg_attr(unawait_extension, allow(dead_code))]
fn main() -> ExitCode {
    command_line(std::env::args_os())
}

/// Parses `args` (the first the program name) and runs the command.
fn command_line(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = Cli::parse_from(args);
    // Parsing and rewriting recurse over the syntax tree; deeply nested input
    // needs more stack than a main thread has. Desugaring on this thread
    // (and on the file workers, see `parallel_map`) needs no thread per file.
    let outcome = std::thread::scope(|scope| {
        unawait::spawn_with_large_stack(scope, || run(&cli)).map(|worker| worker.join())
    });
    match outcome {
        Ok(Ok(code)) => code,
        // A panic: a bug, whose message the panic hook printed above.
        Ok(Err(_)) => {
            eprintln!("unawait: internal error (a panic, reported above); please report this");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("unawait: cannot start a worker thread: {error}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Runtime(args)) => return runtime_command(args),
        Some(Command::Passes) => {
            for pass in unawait::passes() {
                println!("{:<20} {}", pass.name, pass.description);
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
            return match cli::verify::run(args) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(error) => {
                    eprintln!("unawait: {error:#}");
                    ExitCode::from(2)
                }
            };
        }
        Some(Command::Diff(args)) => return cli::learn::diff(args),
        Some(Command::HookDesugar(args)) => return cli::hook::run(args),
        Some(Command::Run(args)) => return cli::run::run(args),
        Some(Command::Explain(args)) => return cli::learn::explain(args),
        Some(Command::Serve(args)) => {
            if let Err(error) = cli::serve::run(args) {
                eprintln!("unawait: {error:#}");
            }
            // A server that returns was never serving.
            return ExitCode::from(2);
        }
        None => {}
    }
    cli::run(&cli::Request {
        paths: &cli.paths,
        output: cli.output.as_deref(),
        out_dir: cli.out_dir.as_deref(),
        runtime: cli.runtime.map(RuntimeMode::from),
        stop_after: cli.stop_after.clone(),
        passes: cli.passes.clone(),
        explain: cli.explain,
        line_map: cli.line_map.as_deref(),
        args: &cli.project,
    })
}

fn runtime_command(args: &RuntimeArgs) -> ExitCode {
    let Some(dir) = &args.write else {
        print!("{}", unawait::runtime::SOURCE);
        return ExitCode::SUCCESS;
    };
    let path = dir.join(unawait::runtime::FILE_NAME);
    match cli::write_atomically(&path, unawait::runtime::SOURCE.as_bytes(), None) {
        Ok(()) => {
            eprintln!(
                "wrote {} (unawait_runtime {})",
                path.display(),
                unawait::runtime::VERSION
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("unawait: {error:#}");
            ExitCode::from(2)
        }
    }
}
