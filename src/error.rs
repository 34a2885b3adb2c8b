//! The one error type at the edge of the program.
//!
//! Library modules return [`Error`]; its [`ErrorKind`] picks the exit code (docs/reference.md#command-line-and-exit-codes) and
//! its problems carry file, line, column and field path so the CLI can point at the input.

use std::fmt;

use serde::Serialize;

/// What went wrong, coarsely; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// Bad input: an intent, graph or config that does not validate.
    InvalidInput,
    /// An id, target or file that does not exist.
    NotFound,
    /// Git, the file system, or anything else underneath failed.
    Io,
    /// The command line itself is wrong.
    Usage,
    /// Policy denied the proposal.
    Denied,
    /// The proposal needs approval or is not yet cleared.
    NotCleared,
    /// Verification of signatures or evidence failed.
    VerificationFailed,
    /// A provider command failed.
    ProviderFailed,
    /// Something else that a user can fix, e.g. the repo already exists.
    Conflict,
}

impl ErrorKind {
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::InvalidInput | ErrorKind::NotFound | ErrorKind::Io | ErrorKind::Conflict => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Denied => 3,
            ErrorKind::NotCleared => 4,
            ErrorKind::VerificationFailed => 5,
            ErrorKind::ProviderFailed => 6,
        }
    }
}

/// A located problem in an input file. Line and column are 1-based; `width` is the number of
/// characters to underline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub message: String,
    /// Dotted field path such as `spec.targets[1]`; empty for the document itself.
    pub path: String,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub width: usize,
    /// What would have been accepted, for a program to act on (e.g. "a duration such as `90s`").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Values close to what was written (did you mean), or the values allowed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>, path: impl Into<String>, line: usize, column: usize) -> Self {
        Problem {
            message: message.into(),
            path: path.into(),
            line,
            column,
            width: 1,
            expected: None,
            suggestions: Vec::new(),
        }
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    pub fn suggest(mut self, suggestions: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.suggestions.extend(suggestions.into_iter().map(Into::into));
        self
    }

    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }
}

/// The source an error points into, kept so the renderer can show the offending line.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown to users: a path, or `<stdin>`.
    pub name: String,
    pub text: Option<String>,
}

/// Boxed so `Result<T, Error>` stays one pointer wide on the happy path.
#[derive(Debug)]
pub struct Error(Box<Details>);

#[derive(Debug)]
pub struct Details {
    pub kind: ErrorKind,
    pub message: String,
    pub source: Option<Source>,
    /// The first [`MAX_PROBLEMS`] problems found.
    pub problems: Vec<Problem>,
    /// How many problems past [`MAX_PROBLEMS`] were left out.
    pub omitted: usize,
    pub hints: Vec<String>,
    /// The underlying error (I/O, git, JSON), kept so callers can tell what it was.
    pub cause: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// An error lists at most this many problems: a file with ten thousand bad entries gets
/// a screenful and a count, not megabytes.
pub const MAX_PROBLEMS: usize = 50;

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(Details {
            kind,
            message: message.into(),
            source: None,
            problems: Vec::new(),
            omitted: 0,
            hints: Vec::new(),
            cause: None,
        }))
    }

    /// Keep `cause` as the underlying error.
    pub fn caused_by(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.cause = Some(Box::new(cause));
        self
    }

    /// Whether this failed because the reader of our output went away (`clearance list | head`).
    pub fn is_broken_pipe(&self) -> bool {
        let mut next: Option<&(dyn std::error::Error + 'static)> = self.cause.as_deref().map(|c| c as _);
        while let Some(e) = next {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                return io.kind() == std::io::ErrorKind::BrokenPipe;
            }
            next = e.source();
        }
        false
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidInput, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::NotFound, message)
    }

    pub fn io(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Io, message)
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    /// An input error with located problems in `source`.
    pub fn located(message: impl Into<String>, source: Source, mut problems: Vec<Problem>) -> Self {
        let omitted = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        Error(Box::new(Details {
            kind: ErrorKind::InvalidInput,
            message: message.into(),
            source: Some(source),
            problems,
            omitted,
            hints: Vec::new(),
            cause: None,
        }))
    }

    /// An input error at one place in `file` (line and column 1-based; 0 when unknown),
    /// with the `text` of the file when there is one to show.
    pub fn at(message: impl Into<String>, file: &str, text: Option<String>, line: usize, column: usize) -> Self {
        let message = message.into();
        let place = match (line, column) {
            (0, _) => file.to_owned(),
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        };
        let problem = Problem::new(message.clone(), "", line, column);
        Error::located(format!("{place}: {message}"), Source { name: file.to_owned(), text }, vec![problem])
    }

    /// `e`, met reading JSON from `file` (whose `text` it was, if there is one to show):
    /// located where the parser stopped, `line` lines into the file.
    pub fn json_in(what: &str, file: &str, text: Option<&str>, line: usize, e: &serde_json::Error) -> Self {
        let at = line + e.line().max(1) - 1;
        let why = e.to_string();
        let why = why.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&why);
        Error::at(format!("{what}: {why}"), file, text.map(str::to_owned), at, e.column())
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Prefix the message with what was being done, e.g. `reading graph/services.yaml`.
    pub fn context(mut self, what: impl fmt::Display) -> Self {
        self.message = format!("{what}: {}", self.message);
        self
    }

    /// The JSON shape of docs/reference.md#command-line-and-exit-codes: `{"error": {"code", "message", "file", "line", "column", "path"}}`,
    /// plus the problems (the first [`MAX_PROBLEMS`], `omitted` counting the rest) and hints.
    pub fn to_json(&self) -> serde_json::Value {
        let first = self.problems.first();
        serde_json::json!({
            "error": {
                "code": self.kind,
                "message": self.message,
                "file": self.source.as_ref().map(|s| s.name.clone()),
                "line": first.map(|p| p.line),
                "column": first.map(|p| p.column),
                "path": first.map(|p| p.path.clone()),
                "problems": self.problems,
                "omitted": self.omitted,
                "hints": self.hints,
            }
        })
    }
}

impl std::ops::Deref for Error {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|c| c as _)
    }
}

impl From<git2::Error> for Error {
    fn from(e: git2::Error) -> Self {
        Error::io(format!("git: {}", e.message())).caused_by(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::io(e.to_string()).caused_by(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::io(format!("json: {e}")).caused_by(e)
    }
}

/// Attach a path to an I/O error message.
pub trait IoContext<T> {
    fn with_path(self, path: &std::path::Path) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn with_path(self, path: &std::path::Path) -> Result<T> {
        self.map_err(|e| Error::io(format!("{}: {e}", path.display())).caused_by(e))
    }
}
