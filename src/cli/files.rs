//! Reading inputs and writing outputs: standard input, atomic writes.

use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, Result};

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

pub fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// The bytes of `path`, or of standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if is_stdin(path) {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        Ok(bytes)
    } else {
        fs::read(path).with_context(|| format!("reading {}", path.display()))
    }
}

/// The name an input goes by in messages.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Whether `a` and `b` name one existing file (through links, `..` or a
/// hard link). Checked for every file of a tree, so by identity (two
/// `stat`s; the second only when the first finds a file) rather than by
/// resolving both paths component by component.
#[cfg(unix)]
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    let Ok(first) = fs::metadata(a) else {
        return false;
    };
    fs::metadata(b).is_ok_and(|second| (first.dev(), first.ino()) == (second.dev(), second.ino()))
}

/// Whether `a` and `b` name one existing file (through links or `..`).
#[cfg(not(unix))]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes through a temporary file in the destination's directory and a
/// rename, so a reader never sees a partial file. With `permissions`, the
/// file has them from the moment it appears.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = path.file_name().context("an output path names a file")?;
    // Unique per process and per write: files are written from several
    // threads at once.
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let temporary = dir.join(format!(
        ".{}.unawait-{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed),
    ));
    let result = fs::write(&temporary, bytes)
        .and_then(|()| match permissions {
            Some(permissions) => fs::set_permissions(&temporary, permissions),
            None => Ok(()),
        })
        .and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.with_context(|| format!("writing {}", path.display()))
}
