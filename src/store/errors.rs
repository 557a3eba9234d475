//! SQLite's errors in the user's words, with CLI.md's exit codes. No health values ever
//! appear here: SQLite's own messages name columns and constraints, not values.

use crate::error::{Error, Kind};
use rusqlite::ErrorCode;
use std::path::Path;

/// True for the errors of a full disk, whichever file was being written.
pub(super) fn is_disk_full(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _)
        if e.code == ErrorCode::DiskFull || e.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE)
}

pub(super) fn from_sql(err: rusqlite::Error, path: &Path) -> Error {
    let place = path.display().to_string();
    let code = match &err {
        // Also a `-shm` file that could not grow, which SQLite calls a disk I/O error.
        _ if is_disk_full(&err) => Some(ErrorCode::DiskFull),
        rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
        _ => None,
    };
    match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::new(
            Kind::Busy,
            "the database is busy: another cooldown held the write lock too long",
            place,
            "nothing was written; try again",
        ),
        Some(ErrorCode::DiskFull) => {
            Error::io("disk full: nothing saved", place, "free some space and try again")
        }
        Some(ErrorCode::ReadOnly) => Error::io(
            "the database is read-only: nothing saved",
            place,
            "check the permissions of the file and its folder",
        ),
        Some(ErrorCode::NotADatabase) => Error::unusable(
            "not a cooldown database (not an SQLite file)",
            place,
            "check the --db path; the file was not changed",
        ),
        Some(ErrorCode::DatabaseCorrupt) => Error::unusable(
            "the database is damaged",
            place,
            "restore it from a backup; the file was not changed",
        ),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Error::io(
            format!("cannot open the database: {err}"),
            place,
            "check that the path and its folder exist and are yours",
        ),
        Some(ErrorCode::ConstraintViolation) => Error::bad_input(
            format!("the database refused a value ({err})"),
            place,
            "nothing was written; check the value ranges in `cooldown --help`",
        ),
        _ => Error::io(format!("database error: {err}"), place, "nothing was written; try again"),
    }
}
