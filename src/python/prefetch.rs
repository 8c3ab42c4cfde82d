//! Desugaring ahead of the import hook, on a thread of its own.
//!
//! On a first run every module the hook imports is desugared, then compiled
//! by CPython; the two alternate on one core, and desugaring is a fifth of
//! that time. When the hook meets a module it has no cache for, it hands
//! the other modules of that directory to a [`Prefetch`]: one worker thread
//! reads and desugars them while the interpreter compiles and runs what it
//! is importing, and when the program imports one of them the hook takes
//! the result instead of desugaring it there ([`Prefetch::take`]).
//!
//! What makes it safe to use:
//! - A result is used only for exactly the bytes it was made from: the
//!   hook reads the file itself and `take` compares, so a file changed in
//!   between is desugared again, never served stale.
//! - The worker touches no Python object and never takes the GIL; the hook
//!   waits for it only on a module the worker is desugaring at that moment.
//! - A module whose cache is valid is skipped (the worker reads the cache
//!   header as the hook does), and at most [`MAX_HELD`] results or
//!   [`MAX_HELD_BYTES`] bytes wait to be taken: past that the worker stops
//!   until the program has taken half of them (a directory of modules the
//!   program mostly does not import costs that much and no more).
//! - In a child process after `fork` the worker does not exist: an object
//!   made by the parent does nothing there (its owner's pid is checked).
//!   The hook pauses the worker around `fork` ([`Prefetch::pause`]), so
//!   that the parent forks with no thread of unawait's running (3.12+
//!   warns of a fork in a process with other threads).
//! - The worker blocks every signal, so they reach the interpreter's
//!   threads as they would without it.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use unawait::{Options, RuntimeMode};

use crate::cli::hook;

/// At most this many results wait to be taken.
const MAX_HELD: usize = 512;
/// At most this many bytes (sources and desugared texts) wait to be taken.
const MAX_HELD_BYTES: usize = 16 << 20;

/// `Prefetch(magic)`: desugars, on a worker thread, the files handed to
/// `schedule`, for `take`. `magic` is the cache header's first bytes
/// (CPython's magic number): a file whose cache file starts with it and its
/// source's mtime and size is already cached, and skipped.
#[pyclass(frozen, module = "unawait._unawait")]
pub struct Prefetch {
    shared: Arc<Shared>,
    /// `owner`: the process that made this object, the only one its worker
    /// runs in.
    #[pyo3(get)]
    owner: u32,
}

struct Shared {
    state: Mutex<State>,
    /// Signalled whenever the worker finishes a file, and when it stops.
    finished: Condvar,
    magic: Vec<u8>,
}

#[derive(Default)]
struct State {
    /// Files not yet started, in the order given.
    queue: VecDeque<Job>,
    /// The sources in `queue`.
    queued: HashSet<PathBuf>,
    /// The file the worker is desugaring now.
    running: Option<PathBuf>,
    /// Files desugared, not yet taken.
    ready: HashMap<PathBuf, Ready>,
    held_bytes: usize,
    /// Whether a worker thread is running.
    working: bool,
    /// The last worker thread started, for `pause` to join.
    worker_thread: Option<std::thread::JoinHandle<()>>,
    closed: bool,
    /// Set by `pause`: no file is started until `resume`.
    paused: bool,
    /// Whether the last worker stopped because the results waiting filled
    /// the room.
    stopped_full: bool,
}

struct Job {
    source: PathBuf,
    /// Where the hook caches this file, if it does.
    cache: Option<PathBuf>,
}

struct Ready {
    bytes: Vec<u8>,
    result: Result<hook::Desugared, hook::Failure>,
}

impl Ready {
    fn size(&self) -> usize {
        self.bytes.len()
            + match &self.result {
                Ok(desugared) => desugared.code.len() + desugared.line_map.len() * 8,
                Err(failure) => failure.message.len(),
            }
    }
}

#[pymethods]
impl Prefetch {
    #[new]
    fn new(magic: Vec<u8>) -> Self {
        Prefetch {
            shared: Arc::new(Shared {
                state: Mutex::default(),
                finished: Condvar::new(),
                magic,
            }),
            owner: std::process::id(),
        }
    }

    /// `schedule(jobs)`: desugars each `(source_path, cache_path or None)`
    /// not already scheduled, in order.
    fn schedule(&self, jobs: Vec<(PathBuf, Option<PathBuf>)>) {
        let Some(mut state) = self.lock() else {
            return;
        };
        if state.closed {
            return;
        }
        for (source, cache) in jobs {
            let known = state.running.as_ref() == Some(&source)
                || state.ready.contains_key(&source)
                || state.queued.contains(&source);
            if !known {
                state.queued.insert(source.clone());
                state.queue.push_back(Job { source, cache });
            }
        }
        self.start_worker(&mut state);
    }

    /// `take(path, source)`: what `desugar(source, "import", ...)` returns,
    /// if the worker desugared `path` from exactly the bytes `source`; None
    /// otherwise (the caller desugars it). Waits, without the GIL, while the
    /// worker is desugaring `path`; a file not started yet is dropped from
    /// the queue.
    fn take<'py>(
        &self,
        py: Python<'py>,
        path: PathBuf,
        source: &Bound<'py, PyBytes>,
    ) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let ready = py.allow_threads(|| {
            let mut state = self.lock()?;
            if state.queued.remove(&path) {
                state.queue.retain(|job| job.source != path);
            }
            while state.running.as_ref() == Some(&path) {
                state = self.shared.finished.wait(state).ok()?;
            }
            let ready = state.ready.remove(&path);
            if let Some(ready) = &ready {
                state.held_bytes -= ready.size();
            }
            // A worker stopped by a full room starts again once half is
            // free, not for every result taken; one stopped otherwise (by
            // `pause`) at the next call, whether it finds a result or not.
            if !state.stopped_full
                || (state.ready.len() <= MAX_HELD / 2 && state.held_bytes <= MAX_HELD_BYTES / 2)
            {
                self.start_worker(&mut state);
            }
            ready
        });
        match ready {
            Some(ready) if ready.bytes == source.as_bytes() => {
                super::result_tuple(py, ready.result).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// `wait()`: returns, without the GIL, once the worker has nothing left
    /// it can do now (its queue done, or the results waiting fill the room;
    /// a worker not running then is started, unless paused).
    fn wait(&self, py: Python<'_>) {
        py.allow_threads(|| {
            let Some(mut state) = self.lock() else {
                return;
            };
            self.start_worker(&mut state);
            while state.working {
                match self.shared.finished.wait(state) {
                    Ok(next) => state = next,
                    Err(_) => return,
                }
            }
        });
    }

    /// `pause()`: returns, without the GIL, once the worker has finished
    /// the file it is on and its thread has ended; none is started until
    /// `resume()`.
    fn pause(&self, py: Python<'_>) {
        let thread = self.lock().and_then(|mut state| {
            state.paused = true;
            state.worker_thread.take()
        });
        if let Some(thread) = thread {
            // Joined, not only told to stop: the system counts a thread
            // until it has ended.
            py.allow_threads(|| {
                let _ = thread.join();
            });
        }
    }

    /// `resume()`: undoes `pause()`. The worker starts again at the next
    /// `schedule`, `take` or `wait`, not here: CPython checks for other
    /// threads after the fork hooks that call this have run.
    fn resume(&self) {
        if let Some(mut state) = self.lock() {
            state.paused = false;
        }
    }

    /// `close()`: drops what is queued and what is ready; the worker stops
    /// after the file it is on.
    fn close(&self) {
        if let Some(mut state) = self.lock() {
            state.closed = true;
            state.queue.clear();
            state.queued.clear();
            state.ready.clear();
            state.held_bytes = 0;
        }
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        self.close();
    }
}

impl Prefetch {
    /// The state, locked; None in a process other than the owner (after a
    /// `fork`, the lock may be held by a thread that does not exist there)
    /// or once a panic poisoned it.
    fn lock(&self) -> Option<MutexGuard<'_, State>> {
        if std::process::id() != self.owner {
            return None;
        }
        self.shared.state.lock().ok()
    }

    /// Starts a worker if there is work, none runs, and room is left.
    fn start_worker(&self, state: &mut State) {
        if state.working || state.paused || state.queue.is_empty() || is_full(state) {
            return;
        }
        let shared = Arc::clone(&self.shared);
        // Desugar's own stack size: on a smaller one it maps a stack of that
        // size for every module (`unawait::desugar`).
        let thread = std::thread::Builder::new()
            .name("unawait-prefetch".to_string())
            .stack_size(unawait::STACK_SIZE)
            .spawn(move || work(&shared));
        // Without a thread (the system refusing one), the hook simply
        // desugars every module itself.
        state.working = thread.is_ok();
        state.worker_thread = thread.ok();
    }
}

fn is_full(state: &State) -> bool {
    state.ready.len() >= MAX_HELD || state.held_bytes >= MAX_HELD_BYTES
}

/// The worker: desugars queued files until none is left, the object is
/// closed or paused, or the results waiting fill the room.
fn work(shared: &Shared) {
    block_signals();
    let options = Options {
        runtime: RuntimeMode::Import,
        ..Options::default()
    };
    loop {
        let job = {
            let Ok(mut state) = shared.state.lock() else {
                return;
            };
            let job = if state.closed || state.paused || is_full(&state) {
                None
            } else {
                state.queue.pop_front()
            };
            match job {
                Some(job) => {
                    state.queued.remove(&job.source);
                    state.running = Some(job.source.clone());
                    job
                }
                None => {
                    state.working = false;
                    state.stopped_full = is_full(&state);
                    shared.finished.notify_all();
                    return;
                }
            }
        };
        let ready = prepare(shared, &job, &options);
        let Ok(mut state) = shared.state.lock() else {
            return;
        };
        state.running = None;
        if let Some(ready) = ready
            && !state.closed
        {
            state.held_bytes += ready.size();
            state.ready.insert(job.source, ready);
        }
        shared.finished.notify_all();
    }
}

/// `job`'s file desugared; None when its cache is valid, it cannot be read,
/// or the desugarer panicked (the hook, desugaring it itself, reports that).
fn prepare(shared: &Shared, job: &Job, options: &Options) -> Option<Ready> {
    let metadata = std::fs::metadata(&job.source).ok()?;
    if let Some(cache) = &job.cache
        && is_cached(cache, &shared.magic, &metadata)
    {
        return None;
    }
    let bytes = std::fs::read(&job.source).ok()?;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        hook::desugar(&bytes, options)
    }))
    .ok()?;
    Some(Ready { bytes, result })
}

/// Whether `cache` starts with the header the hook writes for a source of
/// `metadata`: `magic`, then the source's mtime in nanoseconds and its size,
/// 8 bytes each, little-endian (`_header` in python/unawait/_hook.py).
fn is_cached(cache: &Path, magic: &[u8], metadata: &std::fs::Metadata) -> bool {
    let Some(mtime_ns) = mtime_ns(metadata) else {
        return false;
    };
    let mut expected = magic.to_vec();
    expected.extend_from_slice(&mtime_ns.to_le_bytes());
    expected.extend_from_slice(&metadata.len().to_le_bytes());
    let mut header = vec![0; expected.len()];
    std::fs::File::open(cache)
        .and_then(|mut file| file.read_exact(&mut header))
        .is_ok_and(|()| header == expected)
}

/// `os.stat(path).st_mtime_ns`, as the 64 bits the header stores.
#[cfg(unix)]
fn mtime_ns(metadata: &std::fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt as _;
    let nanoseconds =
        i128::from(metadata.mtime()) * 1_000_000_000 + i128::from(metadata.mtime_nsec());
    // Two's complement, as the hook masks a time before 1970.
    Some(nanoseconds as u64)
}

/// Elsewhere the stat fields differ from std's; such a file is desugared.
#[cfg(not(unix))]
fn mtime_ns(_metadata: &std::fs::Metadata) -> Option<u64> {
    None
}

/// Leaves every signal to the interpreter's own threads (CPython runs its
/// handlers on the main thread; a signal the worker took would only delay
/// them).
fn block_signals() {
    #[cfg(unix)]
    // SAFETY: `set` is initialised by sigfillset before use, and changing
    // this thread's own mask has no other effect.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}
