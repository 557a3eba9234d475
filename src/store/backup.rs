//! Consistent copies through SQLite's backup API, written atomically: a temporary file
//! in the target folder (0600), fsync, rename, fsync of the folder. Temporary files a
//! killed backup left there are swept first (RELIABILITY.md rule 17).

use super::errors::{self, Problem, Result, StoreError};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

impl super::Store {
    /// A consistent copy at `target`, opened and checked with `PRAGMA integrity_check`
    /// before it replaces anything there; returns its size in bytes. A damaged database
    /// is refused (exit 69) and an earlier backup at `target` is left as it was.
    pub fn backup(&self, target: &Path) -> Result<u64> {
        backup_to(&self.conn, &self.path, target, Verify::Yes)?;
        std::fs::metadata(target)
            .map(|m| m.len())
            .map_err(|e| StoreError::new(target, Problem::ReadBackup(e)))
    }
}

/// Whether a copy is opened again and checked before it is renamed into place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Verify {
    Yes,
    No,
}

/// The first line of `PRAGMA integrity_check` on a copy; `None` when it is "ok".
fn damage(copy: &Path, target: &Path) -> Result<Option<String>> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let first: String = Connection::open_with_flags(copy, flags)
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
        .map_err(|e| errors::from_sql(e, target))?;
    let detail = first.lines().find(|l| !l.starts_with("***")).unwrap_or("integrity check failed");
    Ok((first != "ok").then(|| detail.to_string()))
}

/// Copies the database behind `conn` (at `source`, for messages) to `target`.
pub(super) fn backup_to(conn: &Connection, source: &Path, target: &Path, verify: Verify) -> Result<()> {
    let cannot = |e: std::io::Error| StoreError::new(target, Problem::WriteBackup(e));
    let dir = target
        .parent()
        .filter(|d| d.is_dir())
        .ok_or_else(|| StoreError::new(target, Problem::NoBackupFolder))?;
    crate::platform::sweep_stale(dir);
    let tmp =
        tempfile::Builder::new().prefix(crate::platform::TEMP_BACKUP).tempfile_in(dir).map_err(cannot)?;
    {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut dst =
            Connection::open_with_flags(tmp.path(), flags).map_err(|e| errors::from_sql(e, target))?;
        copy_all(conn, &mut dst, source, target)?;
        // One self-contained file: no `-wal` beside it, whoever opens it later.
        dst.pragma_update(None, "journal_mode", "DELETE").map_err(|e| errors::from_sql(e, target))?;
        dst.close().map_err(|(_, e)| errors::from_sql(e, target))?;
    }
    if verify == Verify::Yes
        && let Some(first) = damage(tmp.path(), target)?
    {
        return Err(StoreError::new(source, Problem::Damaged(Some(first))));
    }
    tmp.as_file().sync_all().map_err(cannot)?;
    tmp.persist(target).map_err(|e| cannot(e.error))?;
    crate::platform::sync_dir(dir);
    Ok(())
}

/// All pages in one step, retried while another process holds a lock, for at most the
/// busy timeout; then the backup gives up with "busy" rather than waiting forever.
fn copy_all(src: &Connection, dst: &mut Connection, source: &Path, target: &Path) -> Result<()> {
    // A full disk is the backup's side; anything else is named after the database.
    let sql = |e| {
        let place = if errors::is_disk_full(&e) { target } else { source };
        errors::from_sql(e, place)
    };
    let backup = Backup::new(src, dst).map_err(sql)?;
    let pause = Duration::from_millis(50);
    for _ in 0..(super::BUSY_TIMEOUT_MS / 50) {
        match backup.step(-1).map_err(sql)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked => std::thread::sleep(pause),
            // A future rusqlite may report more; treat it as a lock to wait out.
            _ => std::thread::sleep(pause),
        }
    }
    Err(errors::from_sql(
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None),
        source,
    ))
}
