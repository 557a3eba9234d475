//! What can go wrong in the store, typed: the store names the problem and the file it
//! concerns; the words a runner reads (what happened, what to do, the exit code) are
//! chosen above it, in `crate::error`. No health values ever appear here: SQLite's own
//! messages name columns and constraints, not values.

use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};

/// A store error: the problem and the file it concerns (the database, or a backup's
/// target).
#[derive(Debug, thiserror::Error)]
#[error("{problem} ({})", path.display())]
pub struct StoreError {
    pub path: PathBuf,
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("another process held the write lock past the timeout")]
    Busy,
    #[error("the disk is full")]
    DiskFull,
    #[error("the database is read-only")]
    ReadOnly,
    #[error("a folder, not a file")]
    Folder,
    #[error("an empty file")]
    Empty,
    /// A FIFO, a socket, a device: what the path is.
    #[error("{0}, not a regular file")]
    NotAFile(&'static str),
    #[error("not an SQLite file")]
    NotSqlite,
    #[error("an SQLite file of another program")]
    Foreign,
    #[error("truncated ({0} bytes)")]
    Truncated(u64),
    #[error("an impossible page size in the header")]
    BadHeader,
    /// SQLite found damage, or `integrity_check` did (its first line).
    #[error("damaged")]
    Damaged(Option<String>),
    #[error("written by a newer cooldown (schema {found}, this build knows {known})")]
    Newer { found: i64, known: i64 },
    #[error("read-only, of an older schema ({0})")]
    ReadOnlyOlder(i64),
    /// The folder a new database should go in does not exist.
    #[error("no such folder")]
    NoFolder,
    /// The folder a backup should go in does not exist.
    #[error("no such folder for the backup")]
    NoBackupFolder,
    #[error("the path cannot be used: {0}")]
    Path(std::io::Error),
    #[error("cannot create the data folder: {0}")]
    DataFolder(std::io::Error),
    #[error("cannot read it: {0}")]
    Read(std::io::Error),
    #[error("cannot create it: {0}")]
    Create(std::io::Error),
    #[error("cannot write the backup: {0}")]
    WriteBackup(std::io::Error),
    #[error("cannot read the backup: {0}")]
    ReadBackup(std::io::Error),
    #[error("cannot open it: {0}")]
    CannotOpen(rusqlite::Error),
    #[error("a value was refused: {0}")]
    Constraint(rusqlite::Error),
    #[error("{0}")]
    Sql(rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    pub fn new(path: &Path, problem: Problem) -> StoreError {
        StoreError { path: path.to_path_buf(), problem }
    }
}

/// True for the errors of a full disk, whichever file was being written.
pub(super) fn is_disk_full(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _)
        if e.code == ErrorCode::DiskFull || e.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE)
}

/// SQLite's error, sorted into a problem, for the file at `path`.
pub(super) fn from_sql(err: rusqlite::Error, path: &Path) -> StoreError {
    let code = match &err {
        // Also a `-shm` file that could not grow, which SQLite calls a disk I/O error.
        _ if is_disk_full(&err) => Some(ErrorCode::DiskFull),
        rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
        _ => None,
    };
    let problem = match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Problem::Busy,
        Some(ErrorCode::DiskFull) => Problem::DiskFull,
        Some(ErrorCode::ReadOnly) => Problem::ReadOnly,
        Some(ErrorCode::NotADatabase) => Problem::NotSqlite,
        Some(ErrorCode::DatabaseCorrupt) => Problem::Damaged(None),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Problem::CannotOpen(err),
        Some(ErrorCode::ConstraintViolation) => Problem::Constraint(err),
        _ => Problem::Sql(err),
    };
    StoreError::new(path, problem)
}
