//! `unawait run`: a program run as `python SCRIPT ARGS` (or `python -m
//! MODULE ARGS`) would run it, its own modules desugared as they are
//! imported.
//!
//! The interpreter is replaced (exec) by `python -c BOOTSTRAP`, so the
//! program gets this process's standard streams, signals and exit status
//! unchanged. BOOTSTRAP carries the import hook's Python source (compiled
//! into this binary), so the interpreter needs nothing installed; the hook
//! desugars with the unawait extension when the interpreter has this very
//! version installed, else by running this command's `hook-desugar`.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::sync::OnceLock;

use serde_json::json;

pub const HOOK_SOURCE: &str = include_str!("../../python/unawait/_hook.py");
const RUN_SOURCE: &str = include_str!("../../python/unawait/_run.py");

#[derive(clap::Args)]
#[command(after_help = "Exit status: the program's; 2 when the interpreter cannot be started.")]
pub struct RunArgs {
    /// The interpreter [default: python3, or the Python the unawait package
    /// runs in]
    #[arg(long, value_name = "EXE")]
    python: Option<PathBuf>,

    /// Also desugar these packages (and their subpackages), wherever they
    /// are imported from.
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    packages: Vec<String>,

    /// Run a module, as `python -m` does; modules under the working
    /// directory are desugared.
    #[arg(short = 'm')]
    module: bool,

    /// The script (or with -m the module), then its arguments.
    #[arg(
        required = true,
        value_name = "SCRIPT|MODULE",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    program: Vec<OsString>,
}

/// How this command is run when it is not a native executable: the
/// interpreter the unawait package runs in, and the argv prefix that runs
/// `unawait` with it (set by the Python extension).
pub struct Embedding {
    pub python: PathBuf,
    pub command: Vec<String>,
}

pub static EMBEDDING: OnceLock<Embedding> = OnceLock::new();

pub fn run(args: &RunArgs) -> ExitCode {
    let embedding = EMBEDDING.get();
    let python = args
        .python
        .clone()
        .or_else(|| embedding.map(|embedding| embedding.python.clone()))
        .unwrap_or_else(|| PathBuf::from("python3"));
    let command = match hook_command() {
        Ok(command) => command,
        Err(error) => {
            eprintln!("unawait: {error:#}");
            return ExitCode::from(2);
        }
    };
    let config = json!({
        "version": unawait::runtime::VERSION,
        "build": unawait::runtime::build_tag(),
        "command": command,
        "packages": args.packages,
        "module": args.module,
    });
    let mut child = Command::new(&python);
    child
        .arg("-c")
        .arg(bootstrap())
        .arg(config.to_string())
        .args(&args.program);
    let error = replace_process(&mut child);
    eprintln!("unawait: cannot run {}: {error}", python.display());
    ExitCode::from(2)
}

/// The argv prefix that runs this `unawait` (for the hook's
/// `hook-desugar`): this executable, or the interpreter the package runs in.
pub fn hook_command() -> anyhow::Result<Vec<String>> {
    if let Some(embedding) = EMBEDDING.get() {
        return Ok(embedding.command.clone());
    }
    let path = std::env::current_exe()
        .map_err(|error| anyhow::anyhow!("cannot find this executable's path: {error}"))?;
    Ok(vec![path.to_string_lossy().into_owned()])
}

/// The `-c` program: loads the hook and `_run.py` from their sources and
/// hands over (sys.argv is `-c CONFIG PROGRAM ARGS...`).
fn bootstrap() -> String {
    format!(
        "{}load('_unawait_run', {run}).main(hook, config['packages'], config['module'], sys.argv[1:])\n",
        bootstrap_prelude(),
        run = serde_json::Value::from(RUN_SOURCE),
    )
}

/// How every `-c` program the binary hands an interpreter starts: `load`
/// runs a module from its source text, `config` is the JSON in `sys.argv[1]`
/// (taken out), and `hook` the import hook, desugaring through this binary.
pub fn bootstrap_prelude() -> String {
    format!(
        "\
import json, sys, types
def load(name, source):
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(source, '<' + name + '>', 'exec'), module.__dict__)
    return module
config = json.loads(sys.argv.pop(1))
hook = load('_unawait_hook', {hook})
hook.use_command(config['command'], config['version'], config['build'])
",
        hook = serde_json::Value::from(HOOK_SOURCE),
    )
}

/// Becomes `command` (returning only if that fails), so that signals reach
/// the interpreter directly and its exit status is this process's.
#[cfg(unix)]
fn replace_process(command: &mut Command) -> std::io::Error {
    use std::os::unix::process::CommandExt as _;
    command.exec()
}

#[cfg(not(unix))]
fn replace_process(command: &mut Command) -> std::io::Error {
    match command.status() {
        Ok(status) => std::process::exit(status.code().unwrap_or(1)),
        Err(error) => error,
    }
}
