//! Errors in the TOML files users edit (config, routine), located by file and line, and
//! the checks of their text fields: every one is one line of bounded length, so nothing
//! from these files can move a terminal's cursor (RELIABILITY.md rule 15).

use std::fmt;
use std::ops::Range;
use toml::Spanned;

/// A problem in a user-edited file: which file, which line, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A value from the file quoted in a message: control characters replaced, at most 40
/// characters.
pub fn echo(text: &str) -> String {
    crate::text::quote(text, 40)
}

/// The longest message kept from the TOML parser (which may quote a whole value).
const MAX_MESSAGE_CHARS: usize = 200;

/// The longest title or note of a routine item, in characters.
pub const MAX_TITLE_CHARS: usize = 120;

/// The text of one file, to turn byte spans into line numbers.
pub struct Located<'a> {
    text: &'a str,
    file: &'a str,
}

impl<'a> Located<'a> {
    pub fn new(text: &'a str, file: &'a str) -> Self {
        Located { text, file }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end].iter().filter(|b| **b == b'\n').count() + 1
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> FileError {
        FileError {
            file: self.file.to_string(),
            line: if span == (0..0) { None } else { Some(self.line_of(span.start)) },
            message: message.into(),
        }
    }

    /// TOML's own message, with the key of the line it points at and Rust's type names
    /// in plain words: "foam_roll_seconds: invalid type: string "abc", expected a whole number".
    pub fn toml_error(&self, err: &toml::de::Error) -> FileError {
        let mut message = err.message().trim().replace('\n', "; ");
        for (rust, words) in [("i64", "a whole number"), ("u32", "a whole number"), ("f64", "a number")] {
            message = message.replace(&format!("expected {rust}"), &format!("expected {words}"));
        }
        let key = err.span().and_then(|span| {
            let start = self.text[..span.start.min(self.text.len())].rfind('\n').map_or(0, |i| i + 1);
            let line = self.text[start..].lines().next()?;
            let (key, _) = line.split_once('=')?;
            Some(key.trim().to_string()).filter(|k| !k.is_empty() && !k.starts_with('['))
        });
        if let Some(key) = key.filter(|k| !message.contains(k.as_str())) {
            message = format!("{}: {message}", echo(&key));
        }
        let message = crate::text::quote(&message, MAX_MESSAGE_CHARS);
        FileError { file: self.file.to_string(), line: err.span().map(|s| self.line_of(s.start)), message }
    }

    /// A stable id: 1–40 characters of `a-z`, `0-9` and `-`, starting with a letter or digit.
    pub fn id(&self, value: &Spanned<String>, what: &str) -> Result<String, FileError> {
        let id = value.get_ref();
        let ok = (1..=40).contains(&id.len())
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-');
        if ok {
            Ok(id.clone())
        } else {
            Err(self.error(
                value.span(),
                format!("{what} '{}' must be 1–40 characters of a-z, 0-9 and '-'", echo(id)),
            ))
        }
    }

    /// A title or note shown to the runner: see [`Located::text`].
    pub fn title(&self, value: &Spanned<String>, what: &str) -> Result<String, FileError> {
        self.text(value, what, MAX_TITLE_CHARS)
    }

    /// A text shown to the runner: not empty, at most `max` characters, one line with no
    /// control character (an escape sequence, a tab, a newline).
    pub fn text(&self, value: &Spanned<String>, what: &str, max: usize) -> Result<String, FileError> {
        let text = value.get_ref().trim();
        if text.is_empty() || text.chars().count() > max || text.chars().any(char::is_control) {
            return Err(self.error(
                value.span(),
                format!("{what} must be one line of 1–{max} characters, with no control characters"),
            ));
        }
        Ok(text.to_string())
    }

    /// A whole number in `lo..=hi`. Numbers are read as any TOML value so that a string
    /// or a fraction gets this message, with the key and its range, not serde's.
    pub fn int_in(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        lo: u32,
        hi: u32,
    ) -> Result<u32, FileError> {
        match value.get_ref() {
            toml::Value::Integer(v) if (i64::from(lo)..=i64::from(hi)).contains(v) => Ok(*v as u32),
            toml::Value::Integer(v) => {
                Err(self.error(value.span(), format!("{key} = {v} is outside {lo}–{hi}")))
            }
            other => {
                Err(self
                    .error(value.span(), format!("{key} = {other} is not a whole number; give {lo}–{hi}")))
            }
        }
    }

    /// A number (whole or not) in `lo..=hi`.
    pub fn real_in(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        lo: f64,
        hi: f64,
    ) -> Result<f64, FileError> {
        let x = match value.get_ref() {
            toml::Value::Integer(v) => *v as f64,
            toml::Value::Float(v) => *v,
            other => {
                return Err(
                    self.error(value.span(), format!("{key} = {other} is not a number; give {lo}–{hi}"))
                );
            }
        };
        if (lo..=hi).contains(&x) {
            Ok(x)
        } else {
            Err(self.error(value.span(), format!("{key} = {x} is outside {lo}–{hi}")))
        }
    }
}
