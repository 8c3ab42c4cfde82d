//! Which files a run reads, and which `pyproject.toml` settings apply to each.
//!
//! Directories are walked as ripgrep walks them (the `ignore` crate):
//! `.gitignore`, `.ignore` and `.git/info/exclude` files are honoured, in a
//! Git repository or not; hidden directories and `__pycache__` are skipped,
//! and links to directories are not followed (they could loop or leave the
//! tree). `exclude` globs prune files and whole directories.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use unawait::config::{Config, ConfigError, FILE_NAME};

use super::files::{is_stdin, same_file};

/// Glob patterns matched the way `exclude` documents: a pattern without a
/// `/` matches a file or directory name at any depth; one with a `/` matches
/// the path relative to `base` (the directory of the `pyproject.toml`, or
/// the working directory for `--exclude`). `*` stays within one path
/// component, `**` crosses them.
pub struct Excludes {
    base: PathBuf,
    patterns: Vec<String>,
    names: GlobSet,
    name_patterns: Vec<usize>,
    paths: GlobSet,
    path_patterns: Vec<usize>,
}

impl Excludes {
    pub fn new(base: &Path, patterns: &[String]) -> Result<Excludes, globset::Error> {
        let mut names = GlobSetBuilder::new();
        let mut name_patterns = Vec::new();
        let mut paths = GlobSetBuilder::new();
        let mut path_patterns = Vec::new();
        for (index, pattern) in patterns.iter().enumerate() {
            let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
            let anchored = trimmed.contains('/');
            let glob = GlobBuilder::new(trimmed.trim_start_matches('/'))
                .literal_separator(true)
                .build()?;
            if anchored {
                paths.add(glob);
                path_patterns.push(index);
            } else {
                names.add(glob);
                name_patterns.push(index);
            }
        }
        Ok(Excludes {
            base: base.to_path_buf(),
            patterns: patterns.to_vec(),
            names: names.build()?,
            name_patterns,
            paths: paths.build()?,
            path_patterns,
        })
    }

    /// The pattern that excludes `path` (absolute) itself, if one does.
    fn matching(&self, path: &Path) -> Option<&str> {
        let by_name = path
            .file_name()
            .and_then(|name| self.names.matches(name).first().copied())
            .map(|at| self.name_patterns[at]);
        let by_path = || {
            let relative = path.strip_prefix(&self.base).ok()?;
            if relative.as_os_str().is_empty() {
                return None;
            }
            self.paths
                .matches(relative)
                .first()
                .map(|&at| self.path_patterns[at])
        };
        by_name
            .or_else(by_path)
            .map(|index| self.patterns[index].as_str())
    }
}

/// The settings read from one `pyproject.toml`, with its excludes compiled.
pub struct Project {
    pub config: Config,
    excludes: Excludes,
}

impl Project {
    fn new(config: Config) -> Result<Project, ConfigError> {
        let excludes =
            Excludes::new(config.root(), &config.exclude).map_err(|error| ConfigError {
                path: config.path.clone(),
                position: None,
                message: format!("[tool.unawait] exclude: {error}"),
            })?;
        Ok(Project { config, excludes })
    }
}

/// Finds the settings for each input: the closest `pyproject.toml` with a
/// `[tool.unawait]` table above it, or the one `--config` names, or none.
pub struct Resolver {
    /// Set by `--config` (`Some(project)`) or `--no-config` (`None`).
    fixed: Option<Option<Arc<Project>>>,
    /// Directory (absolute) → the settings found for it.
    found: Mutex<HashMap<PathBuf, Option<Arc<Project>>>>,
    /// Settings files read, in the order they were first used.
    loaded: Mutex<Vec<PathBuf>>,
    /// The first invalid settings file met while walking.
    error: Mutex<Option<ConfigError>>,
    cli_excludes: Excludes,
}

impl Resolver {
    /// `Err` is a usage error: an invalid `--exclude` or `--config`.
    pub fn new(config: Option<&Path>, no_config: bool, excludes: &[String]) -> Result<Resolver> {
        let cwd = std::env::current_dir().context("finding the working directory")?;
        let cli_excludes = Excludes::new(&cwd, excludes).context("invalid --exclude")?;
        let fixed = if no_config {
            Some(None)
        } else if let Some(path) = config {
            let path =
                std::path::absolute(path).with_context(|| format!("finding {}", path.display()))?;
            let Some(config) = Config::load(&path)? else {
                bail!("{}: no [tool.unawait] table", path.display());
            };
            Some(Some(Arc::new(Project::new(config)?)))
        } else {
            None
        };
        let resolver = Resolver {
            fixed,
            found: Mutex::new(HashMap::new()),
            loaded: Mutex::new(Vec::new()),
            error: Mutex::new(None),
            cli_excludes,
        };
        if let Some(Some(project)) = &resolver.fixed {
            resolver.note_loaded(&project.config.path);
        }
        Ok(resolver)
    }

    /// The settings for inputs in `dir` (absolute).
    pub fn project_for(&self, dir: &Path) -> Option<Arc<Project>> {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let mut found = self.found.lock().expect("no thread panicked holding it");
        let mut visited = Vec::new();
        let mut result = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = found.get(ancestor) {
                result = known.clone();
                break;
            }
            visited.push(ancestor.to_path_buf());
            let candidate = ancestor.join(FILE_NAME);
            if !candidate.is_file() {
                continue;
            }
            match Config::load(&candidate).and_then(|config| config.map(Project::new).transpose()) {
                Ok(Some(project)) => {
                    self.note_loaded(&candidate);
                    result = Some(Arc::new(project));
                    break;
                }
                Ok(None) => {}
                Err(error) => {
                    self.error
                        .lock()
                        .expect("no thread panicked holding it")
                        .get_or_insert(error);
                    break;
                }
            }
        }
        for dir in visited {
            found.insert(dir, result.clone());
        }
        result
    }

    fn note_loaded(&self, path: &Path) {
        let mut loaded = self.loaded.lock().expect("no thread panicked holding it");
        if !loaded.iter().any(|known| known == path) {
            loaded.push(path.to_path_buf());
        }
    }

    /// The settings files used so far, in the order they were first used.
    pub fn loaded(&self) -> Vec<PathBuf> {
        self.loaded
            .lock()
            .expect("no thread panicked holding it")
            .clone()
    }

    /// The first invalid settings file met, if any.
    pub fn take_error(&self) -> Option<ConfigError> {
        self.error
            .lock()
            .expect("no thread panicked holding it")
            .take()
    }

    /// The `--exclude` or `exclude` pattern that leaves out `path`
    /// (absolute) itself, if any; `project` holds the settings for it.
    fn excluding(&self, path: &Path, project: Option<&Project>) -> Option<String> {
        self.cli_excludes
            .matching(path)
            .or_else(|| project.and_then(|project| project.excludes.matching(path)))
            .map(str::to_string)
    }
}

/// One file a run reads.
pub struct Input {
    /// As named on the command line, or found under a directory named there.
    pub path: PathBuf,
    /// Where it goes under `--out-dir`: its path below the directory named
    /// on the command line, or its name if the file itself was named.
    pub relative: PathBuf,
    /// Whether to desugar it; other files are copied (`--out-dir` only).
    pub python: bool,
    pub project: Option<Arc<Project>>,
}

/// What [`collect`] found.
pub struct Collected {
    pub inputs: Vec<Input>,
    /// Files named on the command line but excluded (`--force-exclude`),
    /// with the pattern that excluded each.
    pub excluded: Vec<(PathBuf, String)>,
}

pub struct Walk<'a> {
    /// Keep every file (to copy the ones that are not Python), not only
    /// `.py` files.
    pub all_files: bool,
    /// Apply excludes to files and directories named on the command line.
    pub force_exclude: bool,
    /// A directory never to walk into (the output directory).
    pub skip: Option<&'a Path>,
}

/// The settings for an input named on the command line.
pub fn project_of(resolver: &Resolver, path: &Path) -> Result<Option<Arc<Project>>> {
    let dir = if is_stdin(path) {
        std::env::current_dir().context("finding the working directory")?
    } else {
        let absolute =
            std::path::absolute(path).with_context(|| format!("finding {}", path.display()))?;
        if absolute.is_dir() {
            absolute
        } else {
            absolute.parent().map(Path::to_path_buf).unwrap_or(absolute)
        }
    };
    Ok(resolver.project_for(&dir))
}

/// Whether `--force-exclude` leaves out `path` (named on the command line),
/// and by which pattern: the path or any directory above it up to the
/// settings' root may match.
pub fn excluded_argument(resolver: &Resolver, path: &Path) -> Result<Option<String>> {
    if is_stdin(path) {
        return Ok(None);
    }
    let absolute =
        std::path::absolute(path).with_context(|| format!("finding {}", path.display()))?;
    let project = project_of(resolver, path)?;
    let root = project.as_ref().map(|project| project.config.root());
    for ancestor in absolute.ancestors() {
        if let Some(pattern) = resolver.excluding(ancestor, project.as_deref()) {
            return Ok(Some(pattern));
        }
        if root.is_some_and(|root| ancestor == root) {
            break;
        }
    }
    Ok(None)
}

/// The inputs `paths` name, in order, each directory walked (sorted).
pub fn collect(paths: &[PathBuf], resolver: &Arc<Resolver>, walk: &Walk) -> Result<Collected> {
    let mut collected = Collected {
        inputs: Vec::new(),
        excluded: Vec::new(),
    };
    for path in paths {
        if is_stdin(path) {
            collected.inputs.push(Input {
                path: path.clone(),
                relative: PathBuf::from("-"),
                python: true,
                project: project_of(resolver, path)?,
            });
            continue;
        }
        if !path.exists() {
            bail!("no such file or directory: {}", path.display());
        }
        if walk.force_exclude
            && let Some(pattern) = excluded_argument(resolver, path)?
        {
            collected.excluded.push((path.clone(), pattern));
            continue;
        }
        if path.is_dir() {
            walk_dir(path, resolver, walk, &mut collected.inputs)?;
        } else {
            collected.inputs.push(Input {
                path: path.clone(),
                relative: PathBuf::from(path.file_name().context("an input file has a name")?),
                python: !walk.all_files || has_py_extension(path),
                project: project_of(resolver, path)?,
            });
        }
    }
    if let Some(error) = resolver.take_error() {
        return Err(error.into());
    }
    Ok(collected)
}

fn has_py_extension(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "py")
}

fn walk_dir(
    dir: &Path,
    resolver: &Arc<Resolver>,
    walk: &Walk,
    inputs: &mut Vec<Input>,
) -> Result<()> {
    let skip = walk.skip.and_then(|skip| std::fs::canonicalize(skip).ok());
    let filter_resolver = Arc::clone(resolver);
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(true)
        // Hidden directories are skipped below; hidden files are data an
        // output tree should keep.
        .hidden(false)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(OsStr::cmp)
        .filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            let is_dir = entry.file_type().is_some_and(|kind| kind.is_dir());
            if is_dir {
                let name = entry.file_name().to_string_lossy();
                if name.starts_with('.') || name == "__pycache__" {
                    return false;
                }
                if let Some(skip) = &skip
                    && same_file(entry.path(), skip)
                {
                    return false;
                }
            }
            let Ok(absolute) = std::path::absolute(entry.path()) else {
                return true;
            };
            let project = absolute
                .parent()
                .and_then(|parent| filter_resolver.project_for(parent));
            filter_resolver
                .excluding(&absolute, project.as_deref())
                .is_none()
        });
    for entry in builder.build() {
        let entry = entry.with_context(|| format!("walking {}", dir.display()))?;
        let path = entry.path();
        let Some(kind) = entry.file_type() else {
            continue;
        };
        // A link to a directory is not followed; a link to a file is read.
        if kind.is_dir() || (kind.is_symlink() && path.is_dir()) {
            continue;
        }
        let python = has_py_extension(path);
        if !python && !walk.all_files {
            continue;
        }
        let absolute =
            std::path::absolute(path).with_context(|| format!("finding {}", path.display()))?;
        inputs.push(Input {
            // `./a.py` reads better as `a.py`.
            path: path.strip_prefix(".").unwrap_or(path).to_path_buf(),
            relative: path
                .strip_prefix(dir)
                .expect("walked paths are under the root")
                .to_path_buf(),
            python,
            project: absolute
                .parent()
                .and_then(|parent| resolver.project_for(parent)),
        });
    }
    Ok(())
}
