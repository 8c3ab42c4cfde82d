//! The command line on projects: walking directories (`.gitignore`,
//! `--exclude`), `[tool.unawait]` settings, the `--check`, `--diff` and
//! `--in-place` modes, `--quiet`/`--verbose`, `--format json`, the runtime
//! module's version stamp, the pre-commit hook and the packaging files.
//! Every test runs the built binary in a scratch directory of its own.

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_unawait");

const ASYNC: &str = "async def main():\n    return await job()\n";
const PLAIN: &str = "def main():\n    return 1\n";

struct Project {
    _dir: common::Scratch,
    root: PathBuf,
}

struct Run {
    args: Vec<String>,
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn expect(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "unawait {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", self.stdout))
    }
}

impl Project {
    fn new(label: &str) -> Project {
        let dir = common::Scratch::new(&format!("project-{label}"));
        let root = dir.0.clone();
        Project { _dir: dir, root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn write(&self, relative: &str, contents: &str) -> &Self {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(path, contents).expect("write");
        self
    }

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Runs `unawait ARGS` in `relative` (below the project root).
    fn run_in(&self, relative: &str, args: &[&str]) -> Run {
        let output = Command::new(BIN)
            .args(args)
            .current_dir(self.path(relative))
            .stdin(Stdio::null())
            .env_remove("NO_COLOR")
            .output()
            .expect("unawait runs");
        Run {
            args: args.iter().map(|a| a.to_string()).collect(),
            code: output.status.code().expect("exited"),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_in("", args)
    }

    /// What `unawait ARGS FILE` prints for `relative`.
    fn desugared(&self, relative: &str, args: &[&str]) -> String {
        let mut all = args.to_vec();
        all.push(relative);
        self.run(&all).expect(0).stdout
    }

    /// The files `--check .` would desugar, from its standard output.
    fn would_desugar(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["--check"];
        all.extend(args);
        let run = self.run(&all);
        assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
        run.stdout
            .lines()
            .map(|line| {
                line.strip_prefix("would desugar: ")
                    .unwrap_or_else(|| panic!("unexpected line {line:?}"))
                    .to_string()
            })
            .collect()
    }
}

// --- --check, --diff, --in-place ------------------------------------------

#[test]
fn check_lists_the_files_that_would_change_and_fails() {
    let project = Project::new("check");
    project
        .write("a.py", ASYNC)
        .write("b.py", PLAIN)
        .write("pkg/c.py", ASYNC)
        .write("pkg/data.txt", "await x\n");
    let run = project.run(&["--check", "."]).expect(1);
    assert_eq!(run.stdout, "would desugar: a.py\nwould desugar: pkg/c.py\n");
    assert_eq!(
        run.stderr,
        "2 files would be desugared, 1 file left unchanged\n"
    );
    assert_eq!(project.read("a.py"), ASYNC, "--check changed a file");

    let clean = project.run(&["--check", "b.py"]).expect(0);
    assert_eq!(clean.stdout, "");
    assert_eq!(
        clean.stderr,
        "0 files would be desugared, 1 file left unchanged\n"
    );
}

#[test]
fn check_reports_invalid_files_in_the_editor_format() {
    let project = Project::new("check-invalid");
    project
        .write("bad.py", "x = 1\nawait x\n")
        .write("ok.py", PLAIN);
    let run = project.run(&["--check", "."]).expect(1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "bad.py:2:1: SyntaxError: 'await' outside function\n    await x\n    ^^^^^^^\n\
         0 files would be desugared, 1 file left unchanged, 1 file with errors\n"
    );
}

#[test]
fn diff_prints_what_would_change_and_changes_nothing() {
    let project = Project::new("diff");
    project.write("a.py", ASYNC).write("b.py", PLAIN);
    let run = project
        .run(&["--diff", "--runtime=import", "a.py", "b.py"])
        .expect(1);
    let expected = common_diff(
        "a.py",
        ASYNC,
        &project.desugared("a.py", &["--runtime=import"]),
    );
    assert_eq!(run.stdout, expected);
    assert!(
        run.stdout.starts_with("--- a.py\n+++ a.py\n@@ "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\n-async def main():\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\n+def main():\n"), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "1 file would be desugared, 1 file left unchanged\n"
    );
    assert_eq!(project.read("a.py"), ASYNC);

    let none = project.run(&["--diff", "b.py"]).expect(0);
    assert_eq!(none.stdout, "");
}

/// The unified diff the library makes, to compare `--diff` with.
fn common_diff(name: &str, old: &str, new: &str) -> String {
    unawait::views::diff::unified(old, new, name, name, false)
}

#[test]
fn in_place_rewrites_only_files_that_change_keeping_their_mode() {
    let project = Project::new("in-place");
    project
        .write("tool.py", ASYNC)
        .write("plain.py", PLAIN)
        .write("real/target.py", ASYNC)
        .write("bad.py", "await x\n");
    fs::set_permissions(project.path("tool.py"), fs::Permissions::from_mode(0o751)).unwrap();
    std::os::unix::fs::symlink("real/target.py", project.path("link.py")).unwrap();
    let expected = project.desugared("tool.py", &[]);
    let plain_inode = fs::metadata(project.path("plain.py")).unwrap().ino();

    let run = project
        .run(&["--in-place", "tool.py", "plain.py", "link.py", "bad.py"])
        .expect(1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("bad.py:1:1: SyntaxError: 'await' outside function\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("2 files desugared, 1 file left unchanged, 1 file with errors\n"),
        "{}",
        run.stderr
    );
    assert_eq!(project.read("tool.py"), expected);
    let mode = fs::metadata(project.path("tool.py"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o751, "the mode changed");
    // The link still points at the file, which holds the result.
    assert!(
        fs::symlink_metadata(project.path("link.py"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(project.read("real/target.py"), expected);
    // Unchanged and invalid files are not written at all.
    assert_eq!(
        fs::metadata(project.path("plain.py")).unwrap().ino(),
        plain_inode
    );
    assert_eq!(project.read("bad.py"), "await x\n");
    let leftovers: Vec<_> = fs::read_dir(&project.root)
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");

    // Desugared output has no async syntax left: a second run changes nothing.
    let again = project
        .run(&["--in-place", "tool.py", "plain.py"])
        .expect(0);
    assert_eq!(again.stderr, "0 files desugared, 2 files left unchanged\n");
    assert_eq!(project.read("tool.py"), expected);
}

#[test]
fn in_place_walks_directories_and_names_each_file_once() {
    let project = Project::new("in-place-tree");
    project
        .write("src/a.py", ASYNC)
        .write("src/sub/b.py", ASYNC);
    let run = project
        .run(&["--in-place", "src", "src/a.py", "src/sub"])
        .expect(0);
    assert_eq!(run.stderr, "2 files desugared, 0 files left unchanged\n");
    assert_eq!(project.read("src/a.py"), project.read("src/sub/b.py"));
    assert!(!project.read("src/a.py").contains("async def"));
}

#[test]
fn modes_that_write_refuse_standard_input_and_conflict_with_each_other() {
    let project = Project::new("mode-usage");
    project.write("a.py", ASYNC);
    for (args, message) in [
        (
            &["--in-place", "-"][..],
            "`-` (standard input) cannot be used with --in-place",
        ),
        (&["--check", "--diff", "a.py"][..], "cannot be used with"),
        (
            &["--in-place", "-o", "x.py", "a.py"][..],
            "cannot be used with",
        ),
        (
            &["--check", "--out-dir", "out", "a.py"][..],
            "cannot be used with",
        ),
        (
            &["--quiet", "--verbose", "--check", "a.py"][..],
            "cannot be used with",
        ),
        (
            &["."][..],
            ". is a directory; use --out-dir, --in-place, --check or --diff",
        ),
        (&["--check"][..], "no input paths given"),
        (
            &["--check", "missing.py"][..],
            "no such file or directory: missing.py",
        ),
    ] {
        let run = project.run(args).expect(2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    assert_eq!(project.read("a.py"), ASYNC);
    assert!(!project.path("x.py").exists() && !project.path("out").exists());
}

#[test]
fn check_and_diff_read_standard_input() {
    let project = Project::new("check-stdin");
    let mut child = Command::new(BIN)
        .args(["--check", "-"])
        .current_dir(&project.root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ASYNC.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "would desugar: <stdin>\n"
    );
}

// --- quiet, verbose, JSON -------------------------------------------------

#[test]
fn quiet_prints_only_errors_and_verbose_every_file() {
    let project = Project::new("verbosity");
    project.write("a.py", ASYNC).write("b.py", PLAIN);
    let quiet = project.run(&["--check", "-q", "."]).expect(1);
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));

    project.write("pyproject.toml", "[tool.unawait]\nruntime = \"import\"\n");
    let verbose = project.run(&["--check", "--verbose", "."]).expect(1);
    assert_eq!(verbose.stdout, "would desugar: a.py\n");
    let settings = project.path("pyproject.toml");
    assert_eq!(
        verbose.stderr,
        format!(
            "settings: {}\na.py: would-desugar\nb.py: unchanged\n\
             1 file would be desugared, 1 file left unchanged\n",
            settings.display()
        )
    );
    let out_dir = project.run(&["-v", "--out-dir", "out", "a.py"]).expect(0);
    assert!(
        out_dir.stderr.contains("a.py: desugared -> out/a.py\n"),
        "{}",
        out_dir.stderr
    );
}

#[test]
fn json_reports_every_file_with_its_diagnostics() {
    let project = Project::new("json");
    project
        .write("a.py", ASYNC)
        .write("b.py", PLAIN)
        .write("bad.py", "def f():\n    x = [await y]\n");
    let run = project.run(&["--check", "--format", "json", "."]).expect(1);
    assert_eq!(run.stderr, "", "JSON mode prints the report only on stdout");
    let report = run.json();
    assert_eq!(report["mode"], "check");
    assert_eq!(report["exit_code"], 1);
    assert_eq!(report["version"], env!("CARGO_PKG_VERSION"));
    let files = report["files"].as_array().unwrap();
    let statuses: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("a.py", "would-desugar"),
            ("b.py", "unchanged"),
            ("bad.py", "invalid")
        ]
    );
    assert_eq!(
        files[2]["diagnostics"],
        serde_json::json!([{
            "path": "bad.py",
            "line": 2,
            "column": 10,
            "end_line": 2,
            "end_column": 17,
            "severity": "syntax-error",
            "exception": "SyntaxError",
            "message": "'await' outside async function",
        }])
    );
    assert_eq!(report["summary"]["would_desugar"], 1);
    assert_eq!(report["summary"]["invalid"], 1);
}

#[test]
fn json_for_one_file_carries_the_code() {
    let project = Project::new("json-one");
    project.write("a.py", ASYNC);
    let printed = project.desugared("a.py", &[]);
    let run = project.run(&["--format=json", "a.py"]).expect(0);
    let report = run.json();
    assert_eq!(report["mode"], "print");
    assert_eq!(report["files"][0]["status"], "desugared");
    assert_eq!(report["files"][0]["code"], printed.as_str());

    let diff = project
        .run(&["--diff", "--format=json", "a.py"])
        .expect(1)
        .json();
    assert_eq!(
        diff["files"][0]["diff"],
        common_diff("a.py", ASYNC, &printed).as_str()
    );
}

// --- walking: .gitignore and excludes -------------------------------------

#[test]
fn directories_are_walked_respecting_gitignore() {
    let project = Project::new("gitignore");
    project
        .write(".gitignore", "generated/\n*_pb2.py\n")
        .write("app.py", ASYNC)
        .write("proto_pb2.py", ASYNC)
        .write("generated/out.py", ASYNC)
        .write("pkg/.gitignore", "local.py\n")
        .write("pkg/local.py", ASYNC)
        .write("pkg/mod.py", ASYNC)
        .write(".venv/lib/site.py", ASYNC)
        .write("pkg/__pycache__/x.py", ASYNC);
    assert_eq!(project.would_desugar(&["."]), ["app.py", "pkg/mod.py"]);
    // A file named on the command line is read even when ignored.
    assert_eq!(project.would_desugar(&["proto_pb2.py"]), ["proto_pb2.py"]);

    // --out-dir copies only what is not ignored.
    project.run(&["--out-dir", "../out", "."]).expect(0);
    let mut copied: Vec<String> = walk_files(&project.path("../out"));
    copied.sort();
    assert_eq!(
        copied,
        [".gitignore", "app.py", "pkg/.gitignore", "pkg/mod.py"]
    );
    fs::remove_dir_all(project.path("../out")).unwrap();
}

fn walk_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in fs::read_dir(&next).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                pending.push(entry.path());
            } else {
                let relative = entry.path().strip_prefix(dir).unwrap().to_path_buf();
                found.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    found
}

#[test]
fn exclude_prunes_names_and_anchored_paths() {
    let project = Project::new("exclude");
    project
        .write("app.py", ASYNC)
        .write("legacy/old.py", ASYNC)
        .write("src/legacy/deep.py", ASYNC)
        .write("src/gen/a.py", ASYNC)
        .write("src/gen/keep/b.py", ASYNC)
        .write("tests/test_x.py", ASYNC);
    // No `/`: a name at any depth. With `/`: a path from the working
    // directory, where `*` stays within one directory.
    let found = project.would_desugar(&["--exclude", "legacy", "--exclude", "src/gen/*.py", "."]);
    assert_eq!(found, ["app.py", "src/gen/keep/b.py", "tests/test_x.py"]);
    let found = project.would_desugar(&["--exclude", "test_*.py", "--exclude", "src/**", "."]);
    assert_eq!(found, ["app.py", "legacy/old.py"]);
}

#[test]
fn exclude_in_settings_is_relative_to_the_settings_file() {
    let project = Project::new("exclude-config");
    project
        .write(
            "pyproject.toml",
            "[project]\nname = \"p\"\n\n[tool.unawait]\nexclude = [\"vendor\", \"src/skip.py\"]\n",
        )
        .write("src/app.py", ASYNC)
        .write("src/skip.py", ASYNC)
        .write("src/vendor/lib.py", ASYNC);
    // Run from a subdirectory: patterns stay relative to the settings file.
    let run = project.run_in("src", &["--check", "."]).expect(1);
    assert_eq!(run.stdout, "would desugar: app.py\n");

    // Named on the command line, an excluded file is read, unless
    // --force-exclude (as pre-commit hooks use) applies the excludes to it.
    assert_eq!(project.would_desugar(&["src/skip.py"]), ["src/skip.py"]);
    let forced = project
        .run(&[
            "--check",
            "--force-exclude",
            "-v",
            "src/skip.py",
            "src/vendor/lib.py",
        ])
        .expect(0);
    assert_eq!(forced.stdout, "");
    assert!(
        forced
            .stderr
            .contains("src/skip.py: excluded (by \"src/skip.py\")\n")
            && forced
                .stderr
                .contains("src/vendor/lib.py: excluded (by \"vendor\")\n"),
        "{}",
        forced.stderr
    );
    // Printing one excluded file with --force-exclude passes it through.
    let printed = project.run(&["--force-exclude", "src/skip.py"]).expect(0);
    assert_eq!(printed.stdout, ASYNC);
}

// --- settings ---------------------------------------------------------------

#[test]
fn settings_come_from_the_closest_pyproject_with_a_tool_unawait_table() {
    let project = Project::new("settings");
    project
        .write("pyproject.toml", "[tool.unawait]\nruntime = \"import\"\n")
        // No [tool.unawait]: passed over, as ruff passes over a pyproject
        // without [tool.ruff].
        .write("pkg/pyproject.toml", "[project]\nname = \"pkg\"\n")
        .write("pkg/a.py", ASYNC)
        .write(
            "other/pyproject.toml",
            "[tool.unawait]\nruntime = \"inline\"\n",
        )
        .write("other/b.py", ASYNC);
    let imports = |text: &str| text.contains("from unawait_runtime import");
    assert!(imports(&project.desugared("pkg/a.py", &[])));
    assert!(!imports(&project.desugared("other/b.py", &[])));
    // From another directory, the file's own settings still apply.
    assert!(imports(
        &project.run_in("other", &["../pkg/a.py"]).expect(0).stdout
    ));
    // Flags win over settings; --no-config and --config choose the file.
    assert!(!imports(
        &project.desugared("pkg/a.py", &["--runtime=inline"])
    ));
    assert!(!imports(&project.desugared("pkg/a.py", &["--no-config"])));
    assert!(!imports(
        &project.desugared("pkg/a.py", &["--config", "other/pyproject.toml"])
    ));
    // Each file of a walk gets its own settings.
    project.run(&["--out-dir", "out", "."]).expect(0);
    assert!(imports(&project.read("out/pkg/a.py")));
    assert!(!imports(&project.read("out/other/b.py")));
}

#[test]
fn invalid_settings_are_usage_errors_naming_the_file_and_key() {
    let project = Project::new("bad-settings");
    project
        .write(
            "pyproject.toml",
            "[tool.unawait]\nruntime = \"import\"\nexlude = [\"x\"]\n",
        )
        .write("a.py", ASYNC);
    let settings = project.path("pyproject.toml");
    let run = project.run(&["a.py"]).expect(2);
    assert_eq!(
        run.stderr,
        format!(
            "unawait: {}:3:1: unknown key `exlude` in [tool.unawait] (known keys: runtime, exclude, target-version)\n",
            settings.display()
        )
    );
    assert_eq!(run.stdout, "");
    let walk = project.run(&["--check", "."]).expect(2);
    assert_eq!(walk.stderr, run.stderr);
    // --no-config does not read it.
    project.run(&["--no-config", "a.py"]).expect(0);

    let missing = project.run(&["--config", "nope.toml", "a.py"]).expect(2);
    assert!(
        missing.stderr.contains("nope.toml: cannot read"),
        "{}",
        missing.stderr
    );
    project.write("plain.toml", "[tool.black]\n");
    let no_table = project.run(&["--config", "plain.toml", "a.py"]).expect(2);
    assert!(
        no_table
            .stderr
            .contains("plain.toml: no [tool.unawait] table"),
        "{}",
        no_table.stderr
    );
}

#[test]
fn target_version_rejects_syntax_newer_than_the_floor() {
    let project = Project::new("target");
    let source = "async def f(command):\n    match command:\n        case _:\n            return await g()\n";
    project
        .write(
            "pyproject.toml",
            "[tool.unawait]\ntarget-version = \"py39\"\n",
        )
        .write("m.py", source)
        .write("walrus.py", "if (n := 3):\n    pass\n");
    let run = project.run(&["m.py"]).expect(1);
    assert_eq!(
        run.stderr,
        "m.py:2:5: error: Cannot use `match` statement on Python 3.9 (syntax was added in Python 3.10)\n    \
         \x20   match command:\n        ^^^^^\n"
    );
    // The flag wins over the file.
    project
        .run(&["--target-version", "py310", "m.py"])
        .expect(0);
    // Files without async syntax are checked too: the floor is the project's.
    project.run(&["walrus.py"]).expect(0);
    let old = project
        .run(&["--target-version", "py37", "walrus.py"])
        .expect(1);
    assert!(
        old.stderr.starts_with(
            "walrus.py:1:5: error: Cannot use named assignment expression (`:=`) on Python 3.7"
        ),
        "{}",
        old.stderr
    );
    let bad = project
        .run(&["--target-version", "py35", "walrus.py"])
        .expect(2);
    assert!(
        bad.stderr.contains("expected one of py36 to py315"),
        "{}",
        bad.stderr
    );
}

// --- the runtime module -----------------------------------------------------

#[test]
fn runtime_write_creates_the_module_the_import_output_checks() {
    let project = Project::new("runtime-write");
    let printed = project.run(&["runtime"]).expect(0).stdout;
    let run = project.run(&["runtime", "--write", "build"]).expect(0);
    let module = project.path("build/unawait_runtime.py");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "wrote {} (unawait_runtime {})\n",
            Path::new("build/unawait_runtime.py").display(),
            env!("CARGO_PKG_VERSION")
        )
    );
    assert_eq!(fs::read_to_string(&module).unwrap(), printed);
    assert!(printed.contains(&format!(
        "\n__version__ = \"{}\"\n",
        env!("CARGO_PKG_VERSION")
    )));

    let program = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print('ran')\n\nasyncio.run(main())\n";
    project.write("src/prog.py", program);
    project
        .run(&["--runtime=import", "--out-dir", "build", "src"])
        .expect(0);
    for python in common::interpreters()
        .iter()
        .filter(|p| p.version >= (3, 7))
    {
        let ok = run_python(&python.path, &project.path("build"), "prog.py");
        assert_eq!(
            ok,
            (true, "ran\n".to_string(), String::new()),
            "{}",
            python.full_version
        );
    }

    // A module from another unawait is refused with a message saying what to do.
    let stale = printed.replace(
        &format!("__version__ = \"{}\"", env!("CARGO_PKG_VERSION")),
        "__version__ = \"0.0.1\"",
    );
    fs::write(&module, stale).unwrap();
    for python in common::interpreters() {
        let (success, _, stderr) = run_python(&python.path, &project.path("build"), "prog.py");
        assert!(!success, "{}", python.full_version);
        let last = stderr.lines().last().unwrap_or("");
        assert!(
            last.starts_with("ImportError: unawait_runtime 0.0.1 found (")
                && last.ends_with(&format!(
                    "), but this module was desugared by unawait {}; write the matching runtime with `unawait runtime --write DIR`",
                    env!("CARGO_PKG_VERSION")
                )),
            "{}: {stderr}",
            python.full_version
        );
    }
}

/// Runs `script` with `python` in `dir`: success, stdout, stderr.
fn run_python(python: &Path, dir: &Path, script: &str) -> (bool, String, String) {
    let output = Command::new(python)
        .arg(script)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("the interpreter runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

// --- packaging and the pre-commit hook --------------------------------------

#[test]
fn pre_commit_hook_runs_unawait_check_on_the_files_it_is_given() {
    let root = common::repo_root();
    let text = fs::read_to_string(root.join(".pre-commit-hooks.yaml")).expect("the hooks file");
    let documents = yaml_rust2::YamlLoader::load_from_str(&text).expect("valid YAML");
    let hooks = documents[0].as_vec().expect("a list of hooks");
    let hook = hooks
        .iter()
        .find(|hook| hook["id"].as_str() == Some("unawait-check"))
        .expect("an unawait-check hook");
    assert_eq!(hook["language"].as_str(), Some("python"));
    let types: Vec<&str> = hook["types"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert_eq!(types, ["python"]);
    let entry: Vec<&str> = hook["entry"]
        .as_str()
        .expect("an entry")
        .split_whitespace()
        .collect();
    assert_eq!(entry[0], "unawait");
    assert!(entry.contains(&"--check"), "{entry:?}");

    // pre-commit runs the entry with the staged files appended.
    let project = Project::new("pre-commit");
    project
        .write("pyproject.toml", "[tool.unawait]\nexclude = [\"legacy\"]\n")
        .write("a.py", ASYNC)
        .write("b.py", PLAIN)
        .write("legacy/old.py", ASYNC);
    let run_hook = |files: &[&str]| {
        let mut args: Vec<&str> = entry[1..].to_vec();
        args.extend(files);
        project.run(&args)
    };
    let failing = run_hook(&["a.py", "b.py", "legacy/old.py"]).expect(1);
    assert_eq!(failing.stdout, "would desugar: a.py\n");
    run_hook(&["b.py", "legacy/old.py"]).expect(0);
}

#[test]
fn pyproject_builds_the_extension_with_maturin_and_is_not_a_settings_file() {
    let root = common::repo_root();
    let text = fs::read_to_string(root.join("pyproject.toml")).expect("pyproject.toml");
    let document: toml::Table = toml::from_str(&text).expect("valid TOML");
    assert_eq!(
        document["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
    // The extension (python/Cargo.toml) with the Python package, the
    // command as a console script, and the pytest plugin.
    let maturin = &document["tool"]["maturin"];
    assert_eq!(maturin["manifest-path"].as_str(), Some("python/Cargo.toml"));
    assert_eq!(maturin["module-name"].as_str(), Some("unawait._unawait"));
    assert_eq!(
        document["project"]["scripts"]["unawait"].as_str(),
        Some("unawait.__main__:main")
    );
    assert_eq!(
        document["project"]["entry-points"]["pytest11"]["unawait"].as_str(),
        Some("unawait.pytest_plugin")
    );
    assert_eq!(document["project"]["name"].as_str(), Some("unawait"));
    assert!(document["tool"].get("unawait").is_none());
    // Inside the repository no settings file applies.
    let output = Command::new(BIN)
        .args(["--verbose", "examples/countdown.py"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("settings:"), "{stderr}");
    assert!(
        stderr.contains("examples/countdown.py: desugared"),
        "{stderr}"
    );
}
