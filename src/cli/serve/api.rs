//! The two things the page asks of the server, each a JSON body in and a
//! JSON document out: desugar (`/api/desugar`) and run (`/api/run`).

use serde_json::{Value, json};
use unawait::verify::{RoundTrip, Run, Verdict, round_trip_with_runs};
use unawait::{FileOutput, Options, RuntimeMode};

use super::{Refusal, State, refuse};

/// Bytes of each output stream the page is sent. The executor keeps 8 MiB
/// of each (and compares all of it); a page showing megabytes per pane
/// would only stall the browser.
const SHOWN_LIMIT: usize = 64 << 10;

/// The script name both programs run as; tracebacks name it.
const FILE_NAME: &str = "program.py";

/// What the page sends: the code and the options.
struct Job {
    code: String,
    options: Options,
    /// Indexes into the server's interpreters (for runs).
    pythons: Vec<usize>,
}

fn parse(body: &[u8]) -> Result<Job, Refusal> {
    let bad = || refuse(400, "refused: the body is not the JSON the page sends");
    let value: Value = serde_json::from_slice(body).map_err(|_| bad())?;
    let code = value["code"].as_str().ok_or_else(bad)?.to_string();
    let stop_after = match &value["stop_after"] {
        Value::Null => None,
        Value::String(name) if unawait::passes().any(|pass| pass.name == name) => {
            Some(name.clone())
        }
        _ => return Err(refuse(400, "refused: no such pass")),
    };
    let runtime = match value["runtime"].as_str() {
        None | Some("inline") => RuntimeMode::Inline,
        Some("import") => RuntimeMode::Import,
        Some(_) => return Err(refuse(400, "refused: runtime is inline or import")),
    };
    let pythons = match &value["pythons"] {
        Value::Null => Vec::new(),
        Value::Array(list) => list
            .iter()
            .map(|index| index.as_u64().and_then(|i| usize::try_from(i).ok()))
            .collect::<Option<Vec<usize>>>()
            .ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    Ok(Job {
        code,
        options: Options {
            runtime,
            stop_after,
            explain: value["explain"].as_bool().unwrap_or(false),
            ..Options::default()
        },
        pythons,
    })
}

/// The highlighted input and either the aligned rows with the construct
/// notes, or the errors located in the input.
fn desugared(job: &Job) -> (Value, Option<FileOutput>) {
    match unawait::desugar_file(job.code.as_bytes(), &job.options) {
        Ok(file) => {
            let notes: Value =
                serde_json::from_str(&unawait::views::html::notes_json(&file.desugared))
                    .unwrap_or_default();
            let answer = json!({
                "ok": true,
                "input": unawait::views::html::highlighted_lines(&file.original),
                "rows": unawait::views::html::aligned_rows(&file.original, &file.desugared),
                "notes": notes,
                "changed": file.desugared.changed,
                "constructs": file.desugared.constructs.len(),
                "output_lines": file.desugared.line_map.len(),
            });
            (answer, Some(file))
        }
        Err((text, diagnostics)) => {
            let errors: Vec<Value> = diagnostics
                .located(&text)
                .into_iter()
                .map(|(diagnostic, at)| {
                    json!({
                        "line": at.line,
                        "column": at.column,
                        "end_line": at.end_line,
                        "end_column": at.end_column,
                        "kind": diagnostic.kind(),
                        "message": diagnostic.message,
                        "rendered": diagnostic.render(FILE_NAME, &text),
                    })
                })
                .collect();
            let answer = json!({
                "ok": false,
                "input": unawait::views::html::highlighted_lines(&text),
                "errors": errors,
            });
            (answer, None)
        }
    }
}

pub fn desugar(body: &[u8]) -> Result<Value, Refusal> {
    Ok(desugared(&parse(body)?).0)
}

pub fn run(state: &State, body: &[u8]) -> Result<Value, Refusal> {
    let job = parse(body)?;
    if job.pythons.is_empty() {
        return Err(refuse(400, "refused: choose an interpreter to run on"));
    }
    let interpreters = job
        .pythons
        .iter()
        .map(|&index| state.interpreters.get(index))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| refuse(400, "refused: no such interpreter"))?;
    let Some(_slot) = state.start_run() else {
        return Err(refuse(
            503,
            "refused: as many runs as --max-runs allows are going; try again when one finishes",
        ));
    };
    let (mut answer, file) = desugared(&job);
    let Some(file) = file else {
        return Ok(answer);
    };
    let beside: &[(&str, &[u8])] = match job.options.runtime {
        RuntimeMode::Import => &[(
            unawait::runtime::FILE_NAME,
            unawait::runtime::SOURCE.as_bytes(),
        )],
        RuntimeMode::Inline => &[],
    };
    let results: Vec<Value> = interpreters
        .into_iter()
        .map(|interpreter| {
            let round_trip = round_trip_with_runs(
                interpreter,
                FILE_NAME,
                job.code.as_bytes(),
                &file.bytes,
                beside,
                state.timeout,
                Some(&file.desugared.line_map),
            );
            let mut result = result_json(&round_trip);
            result["python"] = json!(interpreter.path.display().to_string());
            result["version"] = json!(interpreter.full_version);
            result
        })
        .collect();
    answer["results"] = Value::Array(results);
    Ok(answer)
}

fn result_json(round_trip: &RoundTrip) -> Value {
    let (differences, error) = match &round_trip.verdict {
        Verdict::Differs(differences) => (
            differences
                .iter()
                .map(|d| json!({ "what": d.what, "detail": shown(&d.detail) }))
                .collect(),
            None,
        ),
        Verdict::ToolError(message) => (Vec::new(), Some(message.clone())),
        Verdict::Equivalent | Verdict::Timeout => (Vec::new(), None),
    };
    let (original, desugared) = match &round_trip.runs {
        Some((original, desugared)) => (run_json(original), run_json(desugared)),
        None => (Value::Null, Value::Null),
    };
    json!({
        "verdict": round_trip.verdict.label(),
        "differences": differences,
        "error": error,
        "original": original,
        "desugared": desugared,
    })
}

fn run_json(run: &Run) -> Value {
    let status = match (run.timed_out, run.status, run.signal) {
        (true, _, _) => "killed at the timeout".to_string(),
        (false, Some(code), _) => format!("exit status {code}"),
        (false, None, Some(signal)) => format!("killed by signal {signal}"),
        (false, None, None) => "killed".to_string(),
    };
    json!({
        "status": status,
        "stdout": shown(&run.stdout),
        "stderr": shown(&run.stderr),
    })
}

/// `text` cut at [`SHOWN_LIMIT`] bytes (on a character boundary), saying so.
fn shown(text: &str) -> String {
    if text.len() <= SHOWN_LIMIT {
        return text.to_string();
    }
    let mut cut = SHOWN_LIMIT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}\n[shown: the first {cut} bytes of {}]\n",
        &text[..cut],
        text.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_output_is_cut_on_a_character_boundary() {
        let text = "é".repeat(SHOWN_LIMIT);
        let cut = shown(&text);
        assert!(cut.starts_with("éé"));
        assert!(cut.ends_with(&format!(" of {}]\n", text.len())));
        assert_eq!(shown("short"), "short");
    }

    #[test]
    fn bodies_must_be_what_the_page_sends() {
        assert_eq!(parse(b"not json").err().map(|r| r.status), Some(400));
        assert_eq!(parse(b"{}").err().map(|r| r.status), Some(400));
        let wrong_pass = br#"{"code": "", "stop_after": "rm -rf"}"#;
        assert_eq!(
            parse(wrong_pass).err().map(|r| r.message),
            Some("refused: no such pass")
        );
        let job = parse(br#"{"code": "x", "stop_after": "async_for", "runtime": "import", "explain": true, "pythons": [0, 2]}"#)
            .expect("a valid body");
        assert_eq!(job.options.stop_after.as_deref(), Some("async_for"));
        assert!(job.options.explain);
        assert_eq!(job.pythons, vec![0, 2]);
    }

    #[test]
    fn syntax_errors_are_located_with_cpythons_wording() {
        let job = parse(br#"{"code": "x = 1\nawait y\n"}"#).expect("valid");
        let (answer, file) = desugared(&job);
        assert!(file.is_none());
        let error = &answer["errors"][0];
        assert_eq!(error["line"], 2);
        assert_eq!(error["column"], 1);
        assert_eq!(error["message"], "'await' outside function");
    }
}
