//! Transpiling throughput, measured side by side in one run: bare parsing
//! with the same parser, `ruff_python_parser` on its own (the ceiling);
//! `desugar_bytes` with no pass selected (everything before the passes);
//! `desugar_bytes` on one thread (on a large-stack thread, as the command
//! line calls it, and on an ordinary one); and on all cores. Files are read
//! into memory first; only the work is timed.
//!
//! `cargo bench --bench transpile -- DIR...` prints one JSON object.

use std::path::{Path, PathBuf};
use std::time::Instant;

use ruff_python_parser::{Mode, ParseOptions};
use unawait::{Options, desugar_bytes, parallel_map};

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            if entry.file_name() != "site-packages" {
                python_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Best of `rounds` timings of `work`, in seconds.
fn best(rounds: usize, mut work: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn max_rss_kib() -> i64 {
    // SAFETY: getrusage fills the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage.ru_maxrss
    }
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    let mut files = Vec::new();
    for dir in &dirs {
        python_files(dir, &mut files);
    }
    let sources: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).unwrap_or_default())
        .collect();
    let bytes: usize = sources.iter().map(Vec::len).sum();
    let largest = sources.iter().map(Vec::len).max().unwrap_or(0);
    let options = Options::default();
    let rounds = 3;

    let parse = best(rounds, || {
        for bytes in &sources {
            if let Ok(text) = unawait::decode(bytes) {
                let parsed =
                    ruff_python_parser::parse_unchecked(&text, ParseOptions::from(Mode::Module));
                let _ = std::hint::black_box(parsed.errors().is_empty());
            }
        }
    });
    let rss_after_parse = max_rss_kib();
    let desugar_all = |options: &Options| {
        for bytes in &sources {
            let _ = std::hint::black_box(desugar_bytes(bytes, options).is_ok());
        }
    };
    // As the command line runs: on a thread with the large stack, where
    // `desugar` works directly.
    let on_large_stack = |options: &Options| {
        std::thread::scope(|scope| {
            unawait::spawn_with_large_stack(scope, || best(rounds, || desugar_all(options)))
                .expect("a thread")
                .join()
                .expect("the benchmark runs")
        })
    };
    // Everything `desugar` does before its passes (decoding, parsing with
    // CPython's tokenizer checks, the compile-time checks of async files):
    // the pipeline with no pass selected.
    let front_end = on_large_stack(&Options {
        passes: Some(Vec::new()),
        ..Options::default()
    });
    let single = on_large_stack(&options);
    // A library caller on an ordinary thread: `desugar` works on the
    // thread's own stack when the input is small enough for it (see
    // `STACK_PER_BYTE` in src/lib.rs), else switches to a large stack for
    // the call.
    let single_ordinary_thread = best(rounds, || desugar_all(&options));
    let parallel = best(rounds, || {
        let _ = std::hint::black_box(parallel_map(&sources, |bytes| {
            desugar_bytes(bytes, &options).is_ok()
        }));
    });
    let megabytes = bytes as f64 / 1e6;
    println!(
        "{{\"files\": {}, \"megabytes\": {megabytes:.2}, \"largest_file_bytes\": {largest}, \
         \"parse_mb_s\": {:.2}, \"front_end_mb_s\": {:.2}, \"desugar_mb_s\": {:.2}, \"desugar_ordinary_thread_mb_s\": {:.2}, \
         \"desugar_parallel_mb_s\": {:.2}, \
         \"threads\": {}, \"max_rss_kib_after_parse\": {rss_after_parse}, \"max_rss_kib\": {}}}",
        files.len(),
        megabytes / parse,
        megabytes / front_end,
        megabytes / single,
        megabytes / single_ordinary_thread,
        megabytes / parallel,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        max_rss_kib(),
    );
}
