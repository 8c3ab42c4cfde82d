//! Project settings: the `[tool.unawait]` table of a `pyproject.toml`.
//!
//! As ruff does, the settings for an input come from the closest
//! `pyproject.toml` above it that has a `[tool.unawait]` table; a
//! `pyproject.toml` without one (say, one that only configures a build) is
//! passed over. Unknown keys are errors, so a typo cannot silently change
//! nothing.
//!
//! ```
//! use unawait::config::{Config, TargetVersion};
//! use unawait::RuntimeMode;
//!
//! let text = r#"
//! [project]
//! name = "app"
//!
//! [tool.unawait]
//! runtime = "import"
//! exclude = ["generated", "tests/fixtures/*.py"]
//! target-version = "py38"
//! "#;
//! let config = Config::parse("app/pyproject.toml".as_ref(), text).unwrap().unwrap();
//! assert_eq!(config.runtime, Some(RuntimeMode::Import));
//! assert_eq!(config.exclude, ["generated", "tests/fixtures/*.py"]);
//! assert_eq!(config.target_version, Some(TargetVersion { major: 3, minor: 8 }));
//! assert_eq!(config.root(), std::path::Path::new("app"));
//!
//! let typo = "[tool.unawait]\nruntim = \"import\"\n";
//! let error = Config::parse("pyproject.toml".as_ref(), typo).unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "pyproject.toml:2:1: unknown key `runtim` in [tool.unawait] \
//!      (known keys: runtime, exclude, target-version)"
//! );
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::runtime::RuntimeMode;

/// The file name settings are read from.
pub const FILE_NAME: &str = "pyproject.toml";

/// The keys `[tool.unawait]` may hold.
pub const KEYS: [&str; 3] = ["runtime", "exclude", "target-version"];

/// The oldest and newest Python `target-version` accepts: unawait's runtime
/// helpers run on 3.6 and later.
const OLDEST: TargetVersion = TargetVersion { major: 3, minor: 6 };
const NEWEST: TargetVersion = TargetVersion {
    major: 3,
    minor: 15,
};

/// The oldest Python the output must run on, written `py38` as ruff and
/// black write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TargetVersion {
    pub major: u8,
    pub minor: u8,
}

impl FromStr for TargetVersion {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let invalid = || {
            format!(
                "invalid target version {text:?}: expected one of {OLDEST} to {NEWEST}, like \"py38\""
            )
        };
        let digits = text.strip_prefix("py3").ok_or_else(invalid)?;
        if digits.is_empty()
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(invalid());
        }
        let minor: u8 = digits.parse().map_err(|_| invalid())?;
        let version = TargetVersion { major: 3, minor };
        if (OLDEST..=NEWEST).contains(&version) {
            Ok(version)
        } else {
            Err(invalid())
        }
    }
}

impl fmt::Display for TargetVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "py{}{}", self.major, self.minor)
    }
}

/// The settings of one `[tool.unawait]` table. A setting left out is `None`
/// (or empty): the command line or the built-in default decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The `pyproject.toml` the settings were read from.
    pub path: PathBuf,
    /// Where the output's helpers come from.
    pub runtime: Option<RuntimeMode>,
    /// Glob patterns of files and directories to leave out when walking a
    /// directory, relative to [`Config::root`].
    pub exclude: Vec<String>,
    /// The oldest Python the output must run on: input using syntax newer
    /// than this is an error.
    pub target_version: Option<TargetVersion>,
}

/// A `pyproject.toml` that cannot be read or holds invalid settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                self.path.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The directory `exclude` patterns are relative to: the one holding the
    /// `pyproject.toml`.
    pub fn root(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new(""))
    }

    /// Reads the settings of the `pyproject.toml` at `path`; `None` when it
    /// has no `[tool.unawait]` table.
    pub fn load(path: &Path) -> Result<Option<Config>, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError {
            path: path.to_path_buf(),
            position: None,
            message: format!("cannot read: {error}"),
        })?;
        Config::parse(path, &text)
    }

    /// Parses `text`, the contents of the `pyproject.toml` at `path`; `None`
    /// when it has no `[tool.unawait]` table.
    pub fn parse(path: &Path, text: &str) -> Result<Option<Config>, ConfigError> {
        let error_at = |offset: Option<usize>, message: String| ConfigError {
            path: path.to_path_buf(),
            position: offset.map(|offset| position(text, offset)),
            message,
        };
        let document: toml::Table = toml::from_str(text).map_err(|error| {
            error_at(
                error.span().map(|span| span.start),
                format!("invalid TOML: {}", error.message().trim_end()),
            )
        })?;
        let Some(tool) = document.get("tool") else {
            return Ok(None);
        };
        let Some(table) = tool.get("unawait") else {
            return Ok(None);
        };
        // Values keep no positions once parsed; a key's place is found
        // again in the text for the message.
        let key_offset = |key: &str| find_key(text, key);
        let toml::Value::Table(table) = table else {
            return Err(error_at(
                key_offset("unawait"),
                "[tool.unawait] must be a table".to_string(),
            ));
        };
        let mut config = Config {
            path: path.to_path_buf(),
            runtime: None,
            exclude: Vec::new(),
            target_version: None,
        };
        for (key, value) in table {
            let invalid = |expected: &str| {
                error_at(
                    key_offset(key),
                    format!("[tool.unawait] {key}: expected {expected}, found {value}"),
                )
            };
            match key.as_str() {
                "runtime" => {
                    config.runtime = Some(match value.as_str() {
                        Some("inline") => RuntimeMode::Inline,
                        Some("import") => RuntimeMode::Import,
                        _ => return Err(invalid("\"inline\" or \"import\"")),
                    });
                }
                "exclude" => {
                    let patterns = value
                        .as_array()
                        .and_then(|items| {
                            items
                                .iter()
                                .map(|item| item.as_str().map(str::to_string))
                                .collect::<Option<Vec<_>>>()
                        })
                        .ok_or_else(|| invalid("a list of glob patterns"))?;
                    for pattern in &patterns {
                        globset::Glob::new(pattern).map_err(|error| {
                            error_at(
                                key_offset(key),
                                format!(
                                    "[tool.unawait] exclude: invalid glob {pattern:?}: {}",
                                    error.kind()
                                ),
                            )
                        })?;
                    }
                    config.exclude = patterns;
                }
                "target-version" => {
                    let text = value
                        .as_str()
                        .ok_or_else(|| invalid("a string like \"py38\""))?;
                    config.target_version = Some(text.parse().map_err(|message: String| {
                        error_at(
                            key_offset(key),
                            format!("[tool.unawait] target-version: {message}"),
                        )
                    })?);
                }
                _ => {
                    return Err(error_at(
                        key_offset(key),
                        format!(
                            "unknown key `{key}` in [tool.unawait] (known keys: {})",
                            KEYS.join(", ")
                        ),
                    ));
                }
            }
        }
        Ok(Some(config))
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The offset of the line inside `[tool.unawait]` that sets `key` (or of
/// the table header, for `unawait` itself), if it can be found.
fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    let mut in_table = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with('[') {
            let header: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
            if key == "unawait" && header.starts_with("[tool.unawait]") {
                return Some(offset + indent);
            }
            in_table = header.starts_with("[tool.unawait]");
        } else if in_table {
            let name = trimmed
                .split('=')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\'']);
            if name == key {
                return Some(offset + indent);
            }
        } else if key == "unawait" && trimmed.starts_with("unawait") {
            return Some(offset + indent);
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Option<Config>, ConfigError> {
        Config::parse(Path::new("p/pyproject.toml"), text)
    }

    #[test]
    fn a_pyproject_without_the_table_has_no_settings() {
        assert_eq!(parse("[project]\nname = \"x\"\n"), Ok(None));
        assert_eq!(parse("[tool.ruff]\nline-length = 80\n"), Ok(None));
        assert_eq!(parse(""), Ok(None));
    }

    #[test]
    fn an_empty_table_is_settings_left_to_the_defaults() {
        let config = parse("[tool.unawait]\n").unwrap().unwrap();
        assert_eq!(config.runtime, None);
        assert!(config.exclude.is_empty());
        assert_eq!(config.target_version, None);
    }

    #[test]
    fn bad_values_name_the_key_and_its_line() {
        let cases = [
            (
                "[tool.unawait]\n\nruntime = \"copy\"\n",
                "p/pyproject.toml:3:1: [tool.unawait] runtime: expected \"inline\" or \"import\", found \"copy\"",
            ),
            (
                "[tool.unawait]\nexclude = \"build\"\n",
                "p/pyproject.toml:2:1: [tool.unawait] exclude: expected a list of glob patterns, found \"build\"",
            ),
            (
                "[tool.unawait]\nexclude = [\"a[\"]\n",
                "p/pyproject.toml:2:1: [tool.unawait] exclude: invalid glob \"a[\": unclosed character class; missing ']'",
            ),
            (
                "[tool.unawait]\n  target-version = \"py35\"\n",
                "p/pyproject.toml:2:3: [tool.unawait] target-version: invalid target version \"py35\": expected one of py36 to py315, like \"py38\"",
            ),
            (
                "[tool]\nunawait = 3\n",
                "p/pyproject.toml:2:1: [tool.unawait] must be a table",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).unwrap_err().to_string(), expected, "{text}");
        }
    }

    #[test]
    fn invalid_toml_is_reported_where_it_is() {
        let error = parse("[tool.unawait]\nruntime = \n").unwrap_err();
        assert_eq!(error.position, Some((2, 11)), "{error}");
        assert!(error.message.starts_with("invalid TOML: "), "{error}");
    }

    #[test]
    fn target_versions_are_written_like_ruff_writes_them() {
        assert_eq!("py36".parse(), Ok(TargetVersion { major: 3, minor: 6 }));
        assert_eq!(
            "py313".parse(),
            Ok(TargetVersion {
                major: 3,
                minor: 13
            })
        );
        assert_eq!(
            "py315".parse(),
            Ok(TargetVersion {
                major: 3,
                minor: 15
            })
        );
        for bad in [
            "py35", "py316", "3.8", "py3", "py308", "py2", "PY38", "py3x",
        ] {
            assert!(bad.parse::<TargetVersion>().is_err(), "{bad}");
        }
        assert_eq!(TargetVersion { major: 3, minor: 9 }.to_string(), "py39");
    }
}
