//! The one error every command ends in: a kind that fixes the exit code, and the three
//! parts of CLI.md's one-line message `cooldown: <what> (<where>): <what to do>`.

use crate::store::{Problem, StoreError};
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

/// One line whatever the parts hold: a path, a routine field or a CSV cell echoed in them
/// has its control characters replaced (RELIABILITY.md rule 15).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = crate::text::clean;
        write!(f, "{} ({}): {}", clean(&self.what), clean(&self.place), clean(&self.todo))
    }
}

impl std::error::Error for Error {}

/// The store's problems in a runner's words: what happened, what to do, the exit code.
impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        let place = e.path.display().to_string();
        let refuse = |what: String| {
            Error::unusable(what, place.clone(), "check the --db path; the file was not changed")
        };
        match e.problem {
            Problem::Busy => Error::new(
                Kind::Busy,
                "the database is busy: another cooldown held the write lock too long",
                place,
                "nothing was written; try again",
            ),
            Problem::DiskFull => {
                Error::io("disk full: nothing saved", place, "free some space and try again")
            }
            Problem::ReadOnly => Error::io(
                "the database is read-only: nothing saved",
                place,
                "check the permissions of the file and its folder",
            ),
            Problem::Folder => Error::unusable(
                "this is a folder, not a database file",
                place,
                "give a file path, e.g. --db DIR/cooldown.db",
            ),
            Problem::Empty => refuse("empty file (0 bytes), not a cooldown database".into()),
            Problem::NotAFile(kind) => Error::unusable(
                format!("this is {kind}, not a database file"),
                place,
                "give the path of a regular file, e.g. --db DIR/cooldown.db; nothing was read or changed",
            ),
            Problem::NotSqlite => refuse("not a cooldown database (not an SQLite file)".into()),
            Problem::Foreign => refuse("not a cooldown database (an SQLite file of another program)".into()),
            Problem::Truncated(len) => refuse(format!("truncated database file ({len} bytes)")),
            Problem::BadHeader => refuse("damaged database header (impossible page size)".into()),
            Problem::ReadOnlyOlder(version) => {
                refuse(format!("read-only database of an older schema ({version})"))
            }
            Problem::Damaged(detail) => Error::unusable(
                match detail {
                    Some(first) => format!("the database is damaged ({first})"),
                    None => "the database is damaged".into(),
                },
                place,
                "restore it from a backup; the file was not changed",
            ),
            Problem::Newer { found, known } => Error::unusable(
                format!(
                    "this database was written by a newer cooldown (schema {found}, this build knows {known}); \
                     nothing was changed"
                ),
                place,
                "install the newer cooldown",
            ),
            Problem::NoFolder => Error::io(
                "the folder for the database does not exist",
                place,
                "create the folder first, or give another --db path",
            ),
            Problem::NoBackupFolder => {
                Error::io("the folder for the backup does not exist", place, "create it first")
            }
            Problem::ReadBackup(e) => Error::io(format!("cannot read the backup: {e}"), place, "try again"),
            Problem::Path(e) => {
                Error::bad_input(format!("cannot use the path: {e}"), place, "give a file path")
            }
            Problem::DataFolder(e) => Error::io(
                format!("cannot create the data directory: {e}"),
                place,
                "check the permissions of its parent, or pass --db PATH",
            ),
            Problem::Read(e) => Error::io(
                format!("cannot read the database: {e}"),
                place,
                "check the path and its permissions",
            ),
            Problem::Create(e) => Error::io(
                format!("cannot create the database: {e}"),
                place,
                "check the folder's permissions and free space",
            ),
            Problem::WriteBackup(e) => Error::io(
                format!("cannot write the backup: {e}"),
                place,
                "check the folder and free space; nothing was changed",
            ),
            Problem::CannotOpen(e) => Error::io(
                format!("cannot open the database: {e}"),
                place,
                "check that the path and its folder exist and are yours",
            ),
            Problem::Constraint(e) => Error::bad_input(
                format!("the database refused a value ({e})"),
                place,
                "nothing was written; check the value ranges in `cooldown --help`",
            ),
            Problem::Sql(e) => {
                Error::io(format!("database error: {e}"), place, "nothing was written; try again")
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
