//! `unawait diff` and `unawait explain`: views of what desugaring does, for
//! people learning what `async` and `await` mean.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::ValueEnum;

use crate::cli::files::{display_name, read_input, same_file, write_atomically};
use crate::{Runtime, pass_names};

/// Which passes to run and how, as the top-level command takes them.
#[derive(clap::Args)]
pub struct PipelineArgs {
    /// Where the helper functions the output calls come from.
    #[arg(long, value_enum, default_value_t = Runtime::Inline)]
    runtime: Runtime,

    /// Run the passes only up to this one (see `unawait passes`).
    #[arg(long, value_name = "PASS", value_parser = pass_names())]
    stop_after: Option<String>,

    /// Run only these passes (comma-separated, run in pipeline order).
    #[arg(long, value_name = "PASS,...", value_delimiter = ',', value_parser = pass_names(), conflicts_with = "stop_after")]
    passes: Option<Vec<String>>,
}

impl PipelineArgs {
    /// The learning views take the pipeline flags only, not the settings
    /// of a `pyproject.toml`.
    fn options(&self, explain: bool) -> unawait::Options {
        unawait::Options {
            runtime: self.runtime.into(),
            stop_after: self.stop_after.clone(),
            passes: self.passes.clone(),
            explain,
            ..unawait::Options::default()
        }
    }
}

#[derive(clap::Args)]
#[command(
    after_help = "Exit status: 0 the diff was shown (changes or not), 1 the input could not be desugared, 2 usage error."
)]
pub struct DiffArgs {
    /// The Python file (`-` reads standard input).
    #[arg(value_name = "FILE")]
    path: PathBuf,

    /// Colour the diff: `auto` when standard output is a terminal and
    /// NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,

    /// Two columns, input left and output right, fitted to the terminal
    /// width (COLUMNS, else the terminal's, else 80); long lines wrap.
    #[arg(long, short = 'y')]
    side_by_side: bool,

    /// Include the `--explain` comments in the output side.
    #[arg(long)]
    explain: bool,

    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
#[command(
    after_help = "Exit status: 0 success, 1 the input could not be desugared, 2 usage error."
)]
pub struct ExplainArgs {
    /// The Python file (`-` reads standard input).
    #[arg(value_name = "FILE")]
    path: PathBuf,

    /// Write a self-contained HTML page showing input and output side by
    /// side, each construct linked to what it became, instead of the text.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,

    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// Reads and desugars `path`: its name, its text and the output; `None`
/// when the input was rejected (the diagnostics are printed).
fn load(
    path: &Path,
    pipeline: &PipelineArgs,
    explain: bool,
) -> Result<Option<(String, String, unawait::Output)>> {
    let name = display_name(path);
    let bytes = read_input(path)?;
    let options = pipeline.options(explain);
    match unawait::desugar_file(&bytes, &options) {
        Ok(file) => Ok(Some((name, file.original, file.desugared))),
        Err((text, diagnostics)) => {
            eprint!("{}", diagnostics.render(&name, &text));
            Ok(None)
        }
    }
}

fn exit_code(result: Result<bool>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("unawait: {error:#}");
            ExitCode::from(2)
        }
    }
}

pub fn diff(args: &DiffArgs) -> ExitCode {
    exit_code(run_diff(args))
}

fn run_diff(args: &DiffArgs) -> Result<bool> {
    let Some((name, text, output)) = load(&args.path, &args.pipeline, args.explain)? else {
        return Ok(false);
    };
    let color = use_color(
        args.color,
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR"),
    );
    if !output.changed {
        eprintln!("{name}: no async syntax to desugar; nothing changes");
        return Ok(true);
    }
    let desugared_name = format!("{name} (desugared)");
    let shown = if args.side_by_side {
        unawait::views::diff::side_by_side(
            &text,
            &output.code,
            &name,
            &desugared_name,
            unawait::views::diff::terminal_width(),
            color,
        )
    } else {
        unawait::views::diff::unified(&text, &output.code, &name, &desugared_name, color)
    };
    std::io::stdout()
        .write_all(shown.as_bytes())
        .context("writing standard output")?;
    Ok(true)
}

/// Whether to colour: as asked, or with `auto` when writing to a terminal
/// and NO_COLOR is unset or empty (<https://no-color.org>; an explicit
/// `--color=always` wins over it).
fn use_color(choice: Color, terminal: bool, no_color: Option<std::ffi::OsString>) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && no_color.is_none_or(|value| value.is_empty()),
    }
}

pub fn explain(args: &ExplainArgs) -> ExitCode {
    exit_code(run_explain(args))
}

fn run_explain(args: &ExplainArgs) -> Result<bool> {
    if let Some(out) = &args.html
        && args.path != Path::new("-")
        && same_file(&args.path, out)
    {
        bail!("refusing to overwrite the input {}", args.path.display());
    }
    let Some((name, text, output)) = load(&args.path, &args.pipeline, false)? else {
        return Ok(false);
    };
    match &args.html {
        Some(out) => {
            let page = unawait::views::html::page(&name, &text, &output);
            write_atomically(out, page.as_bytes(), None)?;
        }
        None => {
            let mut report = String::new();
            let lines: Vec<&str> = text.lines().collect();
            for (line, construct) in &output.constructs {
                let shown = lines
                    .get(*line as usize - 1)
                    .map_or("", |shown| shown.trim());
                report.push_str(&format!(
                    "{name}:{line}: {}\n    {shown}\n",
                    construct.explanation()
                ));
            }
            if report.is_empty() {
                report = format!("{name}: no async syntax to desugar\n");
            }
            std::io::stdout()
                .write_all(report.as_bytes())
                .context("writing standard output")?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::{Color, use_color};

    #[test]
    fn colour_follows_the_choice_the_terminal_and_no_color() {
        assert!(use_color(Color::Auto, true, None));
        assert!(use_color(Color::Auto, true, Some("".into())));
        assert!(!use_color(Color::Auto, true, Some("1".into())));
        assert!(!use_color(Color::Auto, false, None));
        assert!(use_color(Color::Always, false, Some("1".into())));
        assert!(!use_color(Color::Never, true, None));
    }
}
