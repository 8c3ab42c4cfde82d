//! Desugaring files from the command line: which files (walking
//! directories, `.gitignore`, excludes), with which settings
//! (`pyproject.toml`, then flags), what to do with each result (print,
//! write, rewrite in place, check, diff), and how to report it (text or
//! JSON).

pub mod files;
pub mod hook;
mod inputs;
pub mod learn;
pub mod pytest;
mod report;
pub mod run;
pub mod serve;
pub mod verify;

use std::collections::HashMap;
use std::fs;
use std::io::{self, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use clap::ValueEnum;
use unawait::config::TargetVersion;
use unawait::{Options, RuntimeMode};

pub use files::write_atomically;
use files::{display_name, is_stdin, read_input, same_file};
use inputs::{Collected, Input, Project, Resolver, Walk};
use report::{FileReport, Mode, Progress, Status, Verbosity};

/// The flags of the file-handling modes (besides `-o` and `--out-dir`).
#[derive(clap::Args)]
pub struct ProjectArgs {
    /// Change nothing; list the files that would be desugared (`would
    /// desugar: PATH`) and exit with status 1 if there are any.
    #[arg(long, conflicts_with_all = ["diff", "in_place", "output", "out_dir"])]
    pub check: bool,

    /// Change nothing; print a unified diff for each file that would be
    /// desugared and exit with status 1 if there are any.
    #[arg(long, conflicts_with_all = ["in_place", "output", "out_dir"])]
    pub diff: bool,

    /// Rewrite the files that have async syntax in place (atomically, keeping
    /// their permissions); files without any are left alone.
    #[arg(long, conflicts_with_all = ["output", "out_dir"])]
    pub in_place: bool,

    /// Leave out files and directories matching this glob when walking a
    /// directory (repeatable; added to `exclude` in pyproject.toml). A
    /// pattern without `/` matches a name at any depth, one with `/` the path
    /// from the working directory.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Apply the excludes to paths named on the command line too (as
    /// pre-commit hooks need).
    #[arg(long)]
    pub force_exclude: bool,

    /// Read settings from this pyproject.toml instead of looking for the
    /// closest one above each input.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore every pyproject.toml.
    #[arg(long)]
    pub no_config: bool,

    /// The oldest Python the output must run on (py36 … py315): input using
    /// newer syntax is an error, and syntax errors whose wording or
    /// acceptance changed between versions are reported as that version
    /// reports them. Overrides `target-version` in pyproject.toml.
    #[arg(long, value_name = "VERSION", value_parser = parse_target_version)]
    pub target_version: Option<TargetVersion>,

    /// Print only errors.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print each file and what happened to it, and the settings files
    /// used.
    #[arg(short, long)]
    pub verbose: bool,

    /// How to report results.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

fn parse_target_version(text: &str) -> Result<TargetVersion, String> {
    text.parse()
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Results for people: diagnostics on standard error as
    /// `path:line:col: message` with the line and a caret.
    Text,
    /// One JSON document on standard output with every file's status and
    /// diagnostics (and the code, when printing one file).
    Json,
}

/// A desugaring run, as the command line asks for it.
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub output: Option<&'a Path>,
    pub out_dir: Option<&'a Path>,
    /// `--runtime`, when given: it overrides the settings file.
    pub runtime: Option<RuntimeMode>,
    pub stop_after: Option<String>,
    pub passes: Option<Vec<String>>,
    /// `--explain`: comment each rewritten construct.
    pub explain: bool,
    /// `--line-map`: where to write the line map of the one input printed.
    pub line_map: Option<&'a Path>,
    pub args: &'a ProjectArgs,
}

impl Request<'_> {
    fn mode(&self) -> Mode {
        let args = self.args;
        if args.check {
            Mode::Check
        } else if args.diff {
            Mode::Diff
        } else if args.in_place {
            Mode::InPlace
        } else if self.out_dir.is_some() {
            Mode::OutDir
        } else {
            Mode::Print
        }
    }

    fn verbosity(&self) -> Verbosity {
        if self.args.quiet {
            Verbosity::Quiet
        } else if self.args.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }

    fn json(&self) -> bool {
        self.args.format == OutputFormat::Json
    }

    /// The options for a file with these settings: flags win over the file.
    fn options(&self, project: Option<&Project>) -> Options {
        let config = project.map(|project| &project.config);
        Options {
            runtime: self
                .runtime
                .or(config.and_then(|config| config.runtime))
                .unwrap_or_default(),
            stop_after: self.stop_after.clone(),
            passes: self.passes.clone(),
            explain: self.explain,
            target_version: self
                .args
                .target_version
                .or(config.and_then(|config| config.target_version)),
        }
    }
}

/// Runs the request; usage and tool errors are reported here.
pub fn run(request: &Request) -> ExitCode {
    match execute(request) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("unawait: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn execute(request: &Request) -> Result<u8> {
    let args = request.args;
    let resolver = Arc::new(Resolver::new(
        args.config.as_deref(),
        args.no_config,
        &args.exclude,
    )?);
    let mode = request.mode();
    if mode == Mode::Print {
        return print_one(request, &resolver);
    }
    if request.paths.is_empty() {
        bail!("no input paths given");
    }
    let stdin_count = request.paths.iter().filter(|path| is_stdin(path)).count();
    if stdin_count > 0 && !matches!(mode, Mode::Check | Mode::Diff) {
        bail!(
            "`-` (standard input) cannot be used with --{}",
            if mode == Mode::InPlace {
                "in-place"
            } else {
                "out-dir"
            }
        );
    }
    if stdin_count > 1 {
        bail!("`-` (standard input) can be named once");
    }
    let Collected { inputs, excluded } = inputs::collect(
        request.paths,
        &resolver,
        &Walk {
            all_files: mode == Mode::OutDir,
            force_exclude: args.force_exclude,
            skip: request.out_dir,
        },
    )?;
    let jobs = match request.out_dir {
        Some(out_dir) => out_dir_jobs(request.paths, inputs, out_dir)?,
        None => unique(inputs),
    };
    let progress = Progress::new(
        jobs.len(),
        request.verbosity() != Verbosity::Quiet && !request.json(),
    );
    let mut results = unawait::parallel_map(&jobs, |job| {
        let report = process(request, mode, job);
        progress.step();
        report
    });
    progress.finish();
    for (path, pattern) in excluded {
        results.push(FileReport {
            excluded_by: Some(pattern),
            ..FileReport::new(display_name(&path), Status::Excluded)
        });
    }
    report::print(
        mode,
        &results,
        request.verbosity(),
        request.json(),
        &resolver.loaded(),
    )
    .context("writing the report")?;
    Ok(report::exit_code(mode, &results))
}

/// The `.py` files `paths` name, directories walked as the desugaring
/// modes walk them (`.gitignore`, `exclude` in pyproject.toml).
pub fn python_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if paths.iter().any(|path| is_stdin(path)) {
        bail!("`-` (standard input) cannot be used here");
    }
    let resolver = Arc::new(Resolver::new(None, false, &[])?);
    let collected = inputs::collect(
        paths,
        &resolver,
        &Walk {
            all_files: false,
            force_exclude: false,
            skip: None,
        },
    )?;
    Ok(collected
        .inputs
        .into_iter()
        .map(|input| input.path)
        .collect())
}

/// One file to process, and where its result goes under `--out-dir`.
struct Job {
    input: Input,
    destination: Option<PathBuf>,
}

/// Each file once, even when named twice (directly and in a directory):
/// rewriting it twice at once would race.
fn unique(inputs: Vec<Input>) -> Vec<Job> {
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .filter(|input| {
            is_stdin(&input.path)
                || seen.insert(fs::canonicalize(&input.path).unwrap_or_else(|_| input.path.clone()))
        })
        .map(|input| Job {
            input,
            destination: None,
        })
        .collect()
}

/// Where each input goes under `out_dir`, refusing to overwrite an input or
/// to write two inputs to one place before anything is written.
fn out_dir_jobs(paths: &[PathBuf], inputs: Vec<Input>, out_dir: &Path) -> Result<Vec<Job>> {
    for path in paths {
        // Outputs mirror a tree: they land on its files only if the output
        // directory is the tree itself.
        if path.is_dir() && same_file(path, out_dir) {
            bail!("refusing to overwrite the inputs in {}", path.display());
        }
    }
    let mut destinations: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut jobs = Vec::new();
    for input in inputs {
        let destination = out_dir.join(&input.relative);
        // Destinations are checked first: in a new output tree none exists.
        if same_file(&destination, &input.path) {
            bail!("refusing to overwrite the input {}", input.path.display());
        }
        if let Some(other) = destinations.insert(destination.clone(), input.path.clone()) {
            bail!(
                "{} and {} would both be written to {}",
                other.display(),
                input.path.display(),
                destination.display()
            );
        }
        jobs.push(Job {
            input,
            destination: Some(destination),
        });
    }
    Ok(jobs)
}

/// Desugars (or copies) one file as `mode` says.
fn process(request: &Request, mode: Mode, job: &Job) -> FileReport {
    let path = &job.input.path;
    let name = display_name(path);
    let result = (|| -> Result<FileReport> {
        let bytes = read_input(path)?;
        let permissions = || {
            fs::metadata(path)
                .ok()
                .map(|metadata| metadata.permissions())
        };
        if !job.input.python {
            let destination = job.destination.as_ref().expect("only --out-dir copies");
            write_atomically(destination, &bytes, permissions())?;
            return Ok(FileReport {
                output: Some(destination.clone()),
                ..FileReport::new(name.clone(), Status::Copied)
            });
        }
        let options = request.options(job.input.project.as_deref());
        let file = match unawait::desugar_file(&bytes, &options) {
            Ok(file) => file,
            Err((text, diagnostics)) => {
                return Ok(FileReport {
                    diagnostics: Some((text, diagnostics)),
                    ..FileReport::new(name.clone(), Status::Invalid)
                });
            }
        };
        let mut report = FileReport::new(
            name.clone(),
            match (file.desugared.changed, mode) {
                (false, _) => Status::Unchanged,
                (true, Mode::Check | Mode::Diff) => Status::WouldDesugar,
                (true, _) => Status::Desugared,
            },
        );
        match mode {
            Mode::Diff if file.desugared.changed => {
                report.diff = Some(unawait::views::diff::unified(
                    &file.original,
                    &file.desugared.code,
                    &name,
                    &name,
                    color_stdout(request),
                ));
            }
            Mode::InPlace if file.desugared.changed => {
                // Through a link, the file it points to is rewritten.
                let target = fs::canonicalize(path)
                    .with_context(|| format!("finding {}", path.display()))?;
                write_atomically(&target, &file.bytes, permissions())?;
            }
            Mode::OutDir => {
                let destination = job.destination.as_ref().expect("--out-dir jobs have one");
                write_atomically(destination, &file.bytes, permissions())?;
                report.output = Some(destination.clone());
            }
            _ => {}
        }
        Ok(report)
    })();
    result.unwrap_or_else(|error| FileReport::failed(name, &error))
}

/// Whether diffs on standard output are coloured: on a terminal, unless
/// `NO_COLOR` is set (<https://no-color.org>).
fn color_stdout(request: &Request) -> bool {
    !request.json()
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// One file (or standard input) to standard output or `-o`.
fn print_one(request: &Request, resolver: &Resolver) -> Result<u8> {
    let [path] = request.paths else {
        bail!(
            "expected one input file (or `-`), got {}; for several, use --out-dir, --in-place, --check or --diff",
            request.paths.len()
        );
    };
    if path.is_dir() {
        bail!(
            "{} is a directory; use --out-dir, --in-place, --check or --diff for directories",
            path.display()
        );
    }
    let name = display_name(path);
    let project = inputs::project_of(resolver, path)?;
    if let Some(error) = resolver.take_error() {
        return Err(error.into());
    }
    let bytes = read_input(path)?;
    let excluded_by = if request.args.force_exclude {
        inputs::excluded_argument(resolver, path)?
    } else {
        None
    };
    let (mut report, written, line_map) =
        desugar_one(request, &name, &bytes, excluded_by, project.as_deref());
    if report.status != Status::Invalid {
        write_one(request, path, &name, &mut report, &written, &line_map)?;
    }
    let reports = [report];
    report::print(
        Mode::Print,
        &reports,
        request.verbosity(),
        request.json(),
        &resolver.loaded(),
    )
    .context("writing the report")?;
    Ok(report::exit_code(Mode::Print, &reports))
}

/// The one file's report, the bytes to write, and each output line's input
/// line.
fn desugar_one(
    request: &Request,
    name: &str,
    bytes: &[u8],
    excluded_by: Option<String>,
    project: Option<&Project>,
) -> (FileReport, Vec<u8>, Vec<Option<u32>>) {
    let mut report;
    let mut written = bytes.to_vec();
    // Each output line's input line; an excluded file passes through whole.
    let mut line_map = unawait::Output::unchanged(&String::from_utf8_lossy(bytes)).line_map;
    if let Some(pattern) = excluded_by {
        // An excluded file passes through unchanged, as a filter should.
        report = FileReport {
            excluded_by: Some(pattern),
            ..FileReport::new(name.to_string(), Status::Excluded)
        };
        if request.json() {
            report.code = Some(String::from_utf8_lossy(bytes).into_owned());
        }
    } else {
        match unawait::desugar_file(bytes, &request.options(project)) {
            Ok(file) => {
                report = FileReport::new(
                    name.to_string(),
                    if file.desugared.changed {
                        Status::Desugared
                    } else {
                        Status::Unchanged
                    },
                );
                written = file.bytes;
                line_map = file.desugared.line_map;
                if request.json() && request.output.is_none() {
                    report.code = Some(file.desugared.code);
                }
            }
            Err((text, diagnostics)) => {
                report = FileReport {
                    diagnostics: Some((text, diagnostics)),
                    ..FileReport::new(name.to_string(), Status::Invalid)
                };
            }
        }
    }
    (report, written, line_map)
}

/// Writes the one file's output (to `-o` or standard output) and its line
/// map (`--line-map`), never over the input.
fn write_one(
    request: &Request,
    path: &Path,
    name: &str,
    report: &mut FileReport,
    written: &[u8],
    line_map: &[Option<u32>],
) -> Result<()> {
    for out in [request.output, request.line_map].into_iter().flatten() {
        if !is_stdin(path) && same_file(path, out) {
            bail!("refusing to overwrite the input {}", path.display());
        }
    }
    match request.output {
        Some(out) => {
            let permissions = if is_stdin(path) {
                None
            } else {
                fs::metadata(path)
                    .ok()
                    .map(|metadata| metadata.permissions())
            };
            write_atomically(out, written, permissions)?;
            report.output = Some(out.to_path_buf());
        }
        None if !request.json() => io::stdout()
            .write_all(written)
            .context("writing standard output")?,
        None => {}
    }
    if let Some(map_path) = request.line_map {
        let output_name = request
            .output
            .map_or_else(|| "<stdout>".to_string(), display_name);
        let json = line_map_json(line_map, name, &output_name);
        write_atomically(map_path, json.as_bytes(), None)?;
    }
    Ok(())
}

/// The line map as JSON: `{"lines": [...]}` with, for output line `i + 1`,
/// the 1-based input line at index `i`, or `null` for lines that come from
/// no input line (runtime helpers, `--explain` comments).
fn line_map_json(map: &[Option<u32>], input: &str, output: &str) -> String {
    let document = serde_json::json!({
        "input": input,
        "output": output,
        "lines": map,
    });
    let mut text = serde_json::to_string_pretty(&document).expect("JSON of plain values");
    text.push('\n');
    text
}
