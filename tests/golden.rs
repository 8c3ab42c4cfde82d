//! The golden suite: every `golden/<construct>/<case>.py` is desugared,
//! snapshotted, and run both ways on every CPython found.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{case_name, describe, golden_cases, interpreters};
use unawait::parallel_map;
use unawait::verify::{Interpreter, Verdict, round_trip, runs_on};
use unawait::{Options, RuntimeMode, desugar, desugar_bytes};

/// Golden case `path` as written, and desugared (encoded like the case).
fn read_and_desugar(path: &Path, runtime: RuntimeMode) -> (Vec<u8>, Vec<u8>) {
    let bytes = std::fs::read(path).expect("readable");
    let output = match desugar_bytes(
        &bytes,
        &Options {
            runtime,
            ..Options::default()
        },
    ) {
        Ok((output, _)) => output,
        Err((text, diagnostics)) => {
            panic!("{}", diagnostics.render(&path.display().to_string(), &text))
        }
    };
    (bytes, output)
}

/// Source text as CPython decodes it (coding cookie, BOM).
fn text_of(bytes: &[u8]) -> String {
    unawait::decode(bytes).expect("golden cases decode")
}

#[test]
fn snapshots() {
    // The runtime version check names the crate version: kept out of the
    // snapshots so a release does not rewrite every one of them.
    let version_check = format!("._unawait_require(\"{}\")", unawait::runtime::VERSION);
    insta::glob!("../golden", "*/*.py", |path| {
        let output = text_of(&read_and_desugar(path, RuntimeMode::Import).1);
        assert!(output.contains(&version_check), "{output}");
        insta::assert_snapshot!(output.replace(&version_check, "._unawait_require(\"[VERSION]\")"));
    });
}

/// What running every case both ways found.
struct Report {
    /// A description of each mismatch.
    failures: Vec<String>,
    cases: usize,
    comparisons: usize,
    /// Case × interpreter pairs left out by a case's `# min-python` or
    /// `# max-python`.
    skipped: usize,
}

/// Runs every case as written and desugared on `pythons` through
/// `unawait verify`'s executor.
fn run_both_ways(runtime: RuntimeMode, pythons: &[Interpreter]) -> Report {
    let cases: Vec<(PathBuf, Vec<u8>, Vec<u8>)> = golden_cases()
        .into_iter()
        .map(|case| {
            let (source, desugared) = read_and_desugar(&case, runtime);
            (case, source, desugared)
        })
        .collect();
    let mut jobs = Vec::new();
    let mut skipped = 0;
    for (case, source, desugared) in &cases {
        let text = String::from_utf8_lossy(source);
        for python in pythons {
            if runs_on(&text, python.version) {
                jobs.push((case, source, desugared, python));
            } else {
                skipped += 1;
            }
        }
    }
    let beside: Vec<(&str, &[u8])> = match runtime {
        RuntimeMode::Import => vec![("unawait_runtime.py", unawait::runtime::SOURCE.as_bytes())],
        RuntimeMode::Inline => Vec::new(),
    };
    let failures = parallel_map(&jobs, |(case, original, desugared, python)| {
        let name = case.file_name().expect("named").to_string_lossy();
        let verdict = round_trip(
            python,
            &name,
            original,
            desugared,
            &beside,
            Duration::from_secs(60),
        );
        let describe =
            |detail: String| format!("{} on {}: {detail}", case_name(case), python.full_version);
        match verdict {
            Verdict::Equivalent => None,
            Verdict::Differs(differences) => Some(describe(
                differences
                    .iter()
                    .map(|d| format!("{} differs:\n{}", d.what, d.detail))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
            other => Some(describe(format!("{other:?}"))),
        }
    });
    Report {
        failures: failures.into_iter().flatten().collect(),
        cases: cases.len(),
        comparisons: jobs.len(),
        skipped,
    }
}

/// Runs every case both ways (see `run_both_ways`) and fails on any
/// difference; every comparison also checks, with that interpreter's own
/// compiler and `ast`, that the output compiles with no async syntax left.
fn assert_equivalent(runtime: RuntimeMode, pythons: &[Interpreter], label: &str) {
    let report = run_both_ways(runtime, pythons);
    println!(
        "{label}: {} cases, {} case × interpreter comparisons ({} skipped by min-python or max-python) on {}",
        report.cases,
        report.comparisons,
        report.skipped,
        describe(pythons)
    );
    assert!(
        report.failures.is_empty(),
        "{} of {} comparisons differ:\n\n{}",
        report.failures.len(),
        report.comparisons,
        report.failures.join("\n\n")
    );
}

#[test]
fn cases_behave_the_same_on_every_interpreter() {
    assert_equivalent(RuntimeMode::Inline, interpreters(), "golden");
}

#[test]
fn cases_behave_the_same_with_the_imported_runtime() {
    let newest = &interpreters()[interpreters().len() - 1..];
    assert_equivalent(RuntimeMode::Import, newest, "golden (--runtime=import)");
}

/// The same, with the runtime the unawait package accelerates (its
/// extension's C versions of two hot paths, src/python/accelerator.rs), on
/// the virtual environments UNAWAIT_PYTEST_PYTHONS names (they have the
/// package installed; `.ci/run` makes them, through
/// scripts/test_python_package.sh). The accelerator works on 3.11+; each
/// interpreter is first asked whether the runtime took it, so a run of
/// the pure Python cannot pass for this test.
#[test]
#[ignore = "needs interpreters with the unawait package (UNAWAIT_PYTEST_PYTHONS); run by .ci/run"]
fn cases_behave_the_same_with_the_accelerated_runtime() {
    let list = std::env::var("UNAWAIT_PYTEST_PYTHONS")
        .expect("UNAWAIT_PYTEST_PYTHONS names interpreters that have the unawait package");
    let pythons: Vec<Interpreter> = list
        .split(':')
        .filter(|path| !path.is_empty())
        .map(|path| Interpreter::probe(Path::new(path)).expect("a usable interpreter"))
        .filter(|python| python.version >= (3, 11))
        .collect();
    assert!(
        !pythons.is_empty(),
        "no CPython 3.11+ in UNAWAIT_PYTEST_PYTHONS: {list}"
    );
    // The round trips inherit the environment.
    assert!(
        std::env::var_os("UNAWAIT_PURE_RUNTIME").is_none(),
        "UNAWAIT_PURE_RUNTIME is set: the runs would use the pure runtime"
    );
    let scratch = common::Scratch::new("accelerated");
    scratch.write("unawait_runtime.py", unawait::runtime::SOURCE.as_bytes());
    for python in &pythons {
        let answer = std::process::Command::new(&python.path)
            .args([
                "-s",
                "-c",
                "import unawait_runtime as r; print(r._unawait_accelerated)",
            ])
            .current_dir(&scratch.0)
            .output()
            .expect("the interpreter runs");
        assert_eq!(
            String::from_utf8_lossy(&answer.stdout).trim(),
            "True",
            "the runtime is not accelerated on {}: {}",
            python.full_version,
            String::from_utf8_lossy(&answer.stderr)
        );
    }
    assert_equivalent(
        RuntimeMode::Import,
        &pythons,
        "golden (--runtime=import, accelerated)",
    );
}

/// The demonstration of a known difference (docs/limits.md, "Known
/// differences") differs exactly on the versions the page names and nowhere
/// else: if either side changes, the documentation is wrong.
#[test]
fn the_documented_divergence_differs_only_on_3_9_to_3_11() {
    let path = common::repo_root().join("docs/divergences/throw_traceback_3_9_to_3_11.py");
    let (original, desugared) = read_and_desugar(&path, RuntimeMode::Inline);
    let verdicts = parallel_map(interpreters(), |python| {
        let verdict = round_trip(
            python,
            "throw_traceback.py",
            &original,
            &desugared,
            &[],
            Duration::from_secs(60),
        );
        (python.clone(), verdict)
    });
    for (python, verdict) in verdicts {
        let documented = (3, 9) <= python.version && python.version < (3, 12);
        match verdict {
            Verdict::Equivalent => assert!(
                !documented,
                "equivalent on {}, documented to differ",
                python.full_version
            ),
            Verdict::Differs(differences) => {
                assert!(
                    documented,
                    "differs on {}: {differences:?}",
                    python.full_version
                );
                let what: Vec<&str> = differences.iter().map(|d| d.what).collect();
                assert_eq!(what, ["stdout"], "on {}", python.full_version);
            }
            other => panic!("{}: {other:?}", python.full_version),
        }
    }
}

#[test]
fn desugaring_the_output_again_changes_nothing() {
    for case in golden_cases() {
        let once = text_of(&read_and_desugar(&case, RuntimeMode::Inline).1);
        let twice = desugar(&once, &Options::default()).expect("output desugars");
        assert!(
            !twice.changed,
            "{} changed on a second run",
            case_name(&case)
        );
        assert_eq!(twice.code, once);
    }
}

/// Line ranges (0-based, inclusive) of a module's `async def` statements
/// (decorators included; every async construct lies inside one), and of
/// what gets rewritten inside them: headers of `async for` and `async with`
/// statements, and `await` expressions.
type LineSpans = Vec<(usize, usize)>;

fn async_lines(source: &str) -> (LineSpans, LineSpans) {
    use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::{Ranged, TextSize};

    struct Collector<'s> {
        source: &'s str,
        defs: Vec<(usize, usize)>,
        headers: Vec<(usize, usize)>,
    }
    impl Collector<'_> {
        fn line(&self, at: TextSize) -> usize {
            self.source[..usize::from(at)].matches('\n').count()
        }
    }
    impl<'a> Visitor<'a> for Collector<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            let generators = match expr {
                Expr::ListComp(c) => &c.generators[..],
                Expr::SetComp(c) => &c.generators[..],
                Expr::DictComp(c) => &c.generators[..],
                Expr::Generator(c) => &c.generators[..],
                _ => &[],
            };
            let text = &self.source[usize::from(expr.start())..usize::from(expr.end())];
            let async_comprehension = generators.iter().any(|g| g.is_async)
                || (!generators.is_empty() && text.contains("await"));
            if expr.is_await_expr() || async_comprehension {
                self.headers
                    .push((self.line(expr.start()), self.line(expr.end())));
            }
            walk_expr(self, expr);
        }

        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(def) if def.is_async => {
                    self.defs
                        .push((self.line(def.start()), self.line(def.end())));
                }
                Stmt::For(for_) if for_.is_async => {
                    self.headers
                        .push((self.line(for_.start()), self.line(for_.body[0].start())));
                }
                Stmt::With(with) if with.is_async => {
                    self.headers
                        .push((self.line(with.start()), self.line(with.body[0].start())));
                }
                _ => {}
            }
            walk_stmt(self, stmt);
        }
    }
    let module = common::parse(source).expect("golden cases parse");
    let mut collector = Collector {
        source,
        defs: Vec::new(),
        headers: Vec::new(),
    };
    collector.visit_body(&module.body);
    (collector.defs, collector.headers)
}

#[test]
fn lines_outside_rewritten_constructs_are_unchanged() {
    for case in golden_cases() {
        let source = text_of(&std::fs::read(&case).expect("readable"));
        let output = text_of(&read_and_desugar(&case, RuntimeMode::Import).1);
        let (defs, headers) = async_lines(&source);
        let within = |spans: &[(usize, usize)], number: usize| {
            spans.iter().any(|&(a, b)| (a..=b).contains(&number))
        };
        let output_lines: Vec<&str> = output.lines().collect();
        let mut cursor = 0;
        for (number, line) in source.lines().enumerate() {
            let inside = within(&defs, number);
            // Rewritten: headers, awaits, an async generator's yields, and
            // `;`-joined statements (a docstring is split from what follows).
            let rewritten = within(&headers, number)
                || line.contains("async")
                || line.contains("await")
                || line.contains("yield")
                || line.contains(';');
            // Async comprehensions are rewritten outside async defs too.
            if line.trim().is_empty() || (rewritten && (inside || within(&headers, number))) {
                continue;
            }
            // Outside async defs a line is copied as is; inside, only its
            // indentation may change (bodies move under new statements), as
            // may a comment's, which follows the block it trails.
            let loose = inside || line.trim_start().starts_with('#');
            let matches = |candidate: &&str| {
                if loose {
                    candidate.trim_start() == line.trim_start()
                } else {
                    *candidate == line
                }
            };
            match output_lines[cursor..].iter().position(matches) {
                Some(found) => cursor += found + 1,
                None => panic!(
                    "{}: line {} is missing or changed in the output:\n{line}",
                    case_name(&case),
                    number + 1
                ),
            }
        }
    }
}
