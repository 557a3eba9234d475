//! The one error every command ends in: a kind that fixes the exit code, and the three
//! parts of CLI.md's one-line message `cooldown: <what> (<where>): <what to do>`.

use std::fmt;

/// What went wrong, as far as the exit code is concerned (CLI.md "Exit codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 65: a value out of range, a malformed date or row; nothing was written.
    BadInput,
    /// 69: the database is not usable; it was not changed.
    Unusable,
    /// 74: an I/O error; nothing was written.
    Io,
    /// 75: another process held the write lock past the timeout.
    Busy,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::BadInput => 65,
            Kind::Unusable => 69,
            Kind::Io => 74,
            Kind::Busy => 75,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    /// What happened, e.g. "rhr: 400 is outside 25–220 bpm".
    pub what: String,
    /// Where: the file, field or command it concerns.
    pub place: String,
    /// What the user can do about it.
    pub todo: String,
}

impl Error {
    pub fn new(
        kind: Kind,
        what: impl Into<String>,
        place: impl Into<String>,
        todo: impl Into<String>,
    ) -> Self {
        Error { kind, what: what.into(), place: place.into(), todo: todo.into() }
    }

    pub fn bad_input(what: impl Into<String>, place: impl Into<String>, todo: impl Into<String>) -> Self {
        Self::new(Kind::BadInput, what, place, todo)
    }

    pub fn unusable(what: impl Into<String>, place: impl Into<String>, todo: impl Into<String>) -> Self {
        Self::new(Kind::Unusable, what, place, todo)
    }

    pub fn io(what: impl Into<String>, place: impl Into<String>, todo: impl Into<String>) -> Self {
        Self::new(Kind::Io, what, place, todo)
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.what, self.place, self.todo)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
