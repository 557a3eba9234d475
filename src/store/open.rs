//! Opening the database: refuse what is not ours without touching a byte, create a new
//! file atomically, migrate an old one after a backup (RELIABILITY.md rules 1–7).

use super::errors::{self, Problem, Result, StoreError};
use super::{BUSY_TIMEOUT_MS, Store, migrate};
use crate::paths::DbLocation;
use crate::platform::create_private_dir;
use crate::platform::{self, sync_dir};
use rusqlite::{Connection, MAIN_DB, OpenFlags};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const BUSY_WAIT: Duration = Duration::from_millis(BUSY_TIMEOUT_MS);

impl Store {
    /// Opens (or, where nothing exists yet, creates) the database at `location`.
    pub fn open(location: &DbLocation) -> Result<Store> {
        let path = &location.path;
        if let (true, Some(dir)) = (location.is_default, path.parent()) {
            create_private_dir(dir).map_err(|e| StoreError::new(dir, Problem::DataFolder(e)))?;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Err(StoreError::new(path, Problem::Folder)),
            // A FIFO would block the header's read until a writer came; a device or a
            // socket is no database either.
            Ok(meta) if !meta.is_file() => {
                Err(StoreError::new(path, Problem::NotAFile(platform::kind_of(&meta))))
            }
            Ok(meta) => {
                check_header(path, meta.len())?;
                open_existing(path)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
            Err(e) => Err(StoreError::new(path, Problem::Read(e))),
        }
    }

    /// A second connection to the database this one has open, for another thread (the
    /// dashboard's writer); read-only when this one is. Only SQLite touches the file:
    /// `open`'s own checks open and close it, and closing any descriptor of a file drops
    /// every POSIX lock this process holds on it — the first connection's too — after
    /// which another process closing its connection deletes the live write-ahead log.
    pub fn reopen(&self) -> Result<Store> {
        let read_only = self.conn.is_readonly(MAIN_DB).map_err(|e| errors::from_sql(e, &self.path))?;
        if read_only {
            return open_read_only(&self.path, BUSY_WAIT);
        }
        let conn = connect(&self.path).map_err(|e| errors::from_sql(e, &self.path))?;
        Ok(Store { conn, path: self.path.clone() })
    }

    /// Opens an existing database only to read it, waiting at most `wait` for another
    /// process's lock, for `cooldown status` (which a status bar runs every second): it
    /// never creates, migrates or changes a file. `None` when nothing is at `path`; what is
    /// there and not a cooldown database is refused as by [`Store::open`].
    pub fn open_to_read(path: &Path, wait: Duration) -> Result<Option<Store>> {
        let path = std::path::absolute(path).map_err(|e| StoreError::new(path, Problem::Path(e)))?;
        match fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::new(&path, Problem::Read(e))),
            Ok(meta) if meta.is_dir() => Err(StoreError::new(&path, Problem::Folder)),
            Ok(meta) if !meta.is_file() => {
                Err(StoreError::new(&path, Problem::NotAFile(platform::kind_of(&meta))))
            }
            Ok(meta) => {
                check_header(&path, meta.len())?;
                open_read_only(&path, wait).map(Some)
            }
        }
    }

    /// Opens a database at a path the user gave (its folder must exist).
    pub fn open_path(path: &Path) -> Result<Store> {
        let path = std::path::absolute(path).map_err(|e| StoreError::new(path, Problem::Path(e)))?;
        Store::open(&DbLocation { path, is_default: false })
    }
}

fn refuse(path: &Path, problem: Problem) -> StoreError {
    StoreError::new(path, problem)
}

/// Refuses empty, foreign, truncated and damaged files from their header alone, before
/// SQLite sees them.
fn check_header(path: &Path, len: u64) -> Result<()> {
    if len == 0 {
        return Err(refuse(path, Problem::Empty));
    }
    let mut header = Vec::with_capacity(100);
    let file = match platform::open_regular(path) {
        Ok(platform::Opened::File(file, _)) => file,
        Ok(platform::Opened::NotRegular(kind)) => return Err(refuse(path, Problem::NotAFile(kind))),
        Err(e) => return Err(StoreError::new(path, Problem::Read(e))),
    };
    file.take(100).read_to_end(&mut header).map_err(|e| StoreError::new(path, Problem::Read(e)))?;
    if !header.starts_with(SQLITE_MAGIC) {
        return Err(refuse(path, Problem::NotSqlite));
    }
    if header.len() < 100 {
        return Err(refuse(path, Problem::Truncated(len)));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(refuse(path, Problem::BadHeader));
    }
    // With a non-empty write-ahead log the main file may legitimately lag behind its
    // header until the next checkpoint; `open_existing` asks SQLite read-only instead.
    if wal_path(path).metadata().is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    // Identity from the header alone: a refusal must not open the file read-write, since
    // closing such a connection can checkpoint or tidy files we promised not to touch.
    let be32 = |at: usize| i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let (app, version) = (be32(68), i64::from(be32(60)));
    let pages_in_header = u32::from_be_bytes([header[28], header[29], header[30], header[31]]);
    // An SQLite file with one page and no ids is an empty database (no schema yet).
    let objects = if app == 0 && version == 0 && pages_in_header <= 1 { 0 } else { 1 };
    check_identity(path, app, version, objects)?;
    let pages_valid = header[24..28] == header[92..96];
    let pages = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    if !len.is_multiple_of(page_size) || (pages_valid && pages * page_size > len) {
        return Err(refuse(path, Problem::Truncated(len)));
    }
    Ok(())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn wal_path(path: &Path) -> PathBuf {
    sibling(path, "-wal")
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    // No SQLITE_OPEN_URI: a path is a path. No CREATE: new files are made by `create`.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_millis(BUSY_TIMEOUT_MS))?;
    // One batch, no per-PRAGMA string building. `cell_size_check`: each b-tree page is
    // checked as it is read, so a damaged page is more often refused as damaged than read
    // as wrong rows (SQLite keeps no checksums). `cache_size`: 512 KiB of page cache
    // (SQLite's default is 2 MiB): ten years of rows are read once per view and the file
    // stays in the OS cache, so a larger cache only grows the RSS.
    conn.execute_batch(
        "PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; \
         PRAGMA cell_size_check = ON; PRAGMA cache_size = -512;",
    )?;
    Ok(conn)
}

/// Builds a complete database under a temporary name and links it into place, so the
/// path never holds a half-made file and two first runs cannot overwrite each other.
fn create(path: &Path) -> Result<Store> {
    let dir = path.parent().filter(|d| d.is_dir()).ok_or_else(|| StoreError::new(path, Problem::NoFolder))?;
    let cannot = |e: std::io::Error| StoreError::new(path, Problem::Create(e));
    let tmp = tempfile::Builder::new().prefix(platform::TEMP_NEW).tempfile_in(dir).map_err(cannot)?;
    let built = build_schema(tmp.path(), path);
    // A failed build (a full disk, say) can leave SQLite's side files of the temporary name.
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(sibling(tmp.path(), suffix));
    }
    built?;
    tmp.as_file().sync_all().map_err(cannot)?;
    match fs::hard_link(tmp.path(), path) {
        Ok(()) => sync_dir(dir),
        // Another first run linked its file a moment earlier: use that one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(cannot(e)),
    }
    drop(tmp);
    open_existing(path)
}

/// The schema in a new file at `tmp` (errors named after `path`, the file the user asked for).
fn build_schema(tmp: &Path, path: &Path) -> Result<()> {
    let sql = |e| errors::from_sql(e, path);
    let conn = connect(tmp).map_err(sql)?;
    conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
    conn.execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
    migrate::migrate(&conn, 0).map_err(sql)?;
    conn.execute_batch("COMMIT").map_err(sql)?;
    conn.close().map_err(|(_, e)| sql(e))
}

/// With a write-ahead log pending, the identity comes from a read-only connection, which
/// never checkpoints the log into the file or removes it when it closes.
fn check_identity_read_only(path: &Path) -> Result<()> {
    if !wal_path(path).metadata().is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let sql = |e| errors::from_sql(e, path);
    let conn = Connection::open_with_flags(path, flags).map_err(sql)?;
    conn.busy_timeout(Duration::from_millis(BUSY_TIMEOUT_MS)).map_err(sql)?;
    let (app, version, objects) = migrate::identity(&conn).map_err(sql)?;
    check_identity(path, app, version, objects)
}

/// SQLite could not open the file for writing, or not create the `-shm` beside it.
fn cannot_write(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen))
}

/// `path` as an SQLite URI we build ourselves (never from user text): every byte outside
/// the unreserved set percent-encoded, then `query`.
fn uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for &b in platform::uri_path(path).iter() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out + "?" + query
}

/// A database on a read-only file, folder or file system: reads work; every write is
/// refused by SQLite as read-only (exit 74) and the file is never touched. Without a
/// pending write-ahead log the file is opened `immutable` (no `-shm` needed); with one,
/// read-only over the existing `-shm`.
fn open_read_only(path: &Path, wait: Duration) -> Result<Store> {
    let sql = |e| errors::from_sql(e, path);
    let pending = wal_path(path).metadata().is_ok_and(|m| m.len() > 0);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if pending {
        Connection::open_with_flags(path, flags)
    } else {
        Connection::open_with_flags(uri(path, "immutable=1"), flags | OpenFlags::SQLITE_OPEN_URI)
    }
    .map_err(sql)?;
    conn.busy_timeout(wait).map_err(sql)?;
    conn.pragma_update(None, "trusted_schema", "OFF").map_err(sql)?;
    conn.pragma_update(None, "cell_size_check", "ON").map_err(sql)?;
    let (app, version, objects) = migrate::identity(&conn).map_err(sql)?;
    check_identity(path, app, version, objects)?;
    if version < migrate::LATEST_VERSION {
        return Err(refuse(path, Problem::ReadOnlyOlder(version)));
    }
    Ok(Store { conn, path: path.to_path_buf() })
}

/// The file itself cannot be opened for writing (permissions, a read-only file system).
fn file_read_only(path: &Path) -> bool {
    fs::OpenOptions::new().write(true).open(path).is_err_and(|e| {
        matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem)
    })
}

fn open_existing(path: &Path) -> Result<Store> {
    check_identity_read_only(path)?;
    if file_read_only(path) {
        // Straight to read-only: a read-write attempt would leave `-wal`/`-shm` behind.
        return open_read_only(path, BUSY_WAIT);
    }
    let sql = |e| errors::from_sql(e, path);
    let opened = connect(path).and_then(|conn| migrate::identity(&conn).map(|identity| (conn, identity)));
    let (conn, (app, version, objects)) = match opened {
        Ok(both) => both,
        Err(e) if cannot_write(&e) => return open_read_only(path, BUSY_WAIT),
        Err(e) => return Err(sql(e)),
    };
    check_identity(path, app, version, objects)?;
    let read_only = conn.is_readonly(MAIN_DB).map_err(sql)?;
    if version < migrate::LATEST_VERSION {
        if read_only {
            return Err(refuse(path, Problem::ReadOnlyOlder(version)));
        }
        ensure_wal(&conn).map_err(sql)?;
        // The backup comes first: SQLite cannot copy from a connection that is writing.
        // Under the lock below the version is read again, so a backup made while another
        // process migrated is merely one backup too many.
        if version > 0 {
            backup_before_migration(&conn, path, version)?;
        }
        conn.execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
        match migrate_locked(&conn, path) {
            Ok(()) => conn.execute_batch("COMMIT").map_err(sql)?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    if !read_only {
        // A file restored from a backup (or written by another tool) may be in
        // rollback-journal mode: WAL again, for every later open (rule 13). Another
        // process with the file open in that mode can keep it from switching for now; it
        // is tried again on the next open, and the file is safe either way.
        let _ = ensure_wal(&conn);
        make_private(path);
    }
    Ok(Store { conn, path: path.to_path_buf() })
}

/// Puts the file in WAL mode if it is not.
fn ensure_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    Ok(())
}

fn check_identity(path: &Path, app: i32, version: i64, objects: i64) -> Result<()> {
    let empty = app == 0 && version == 0 && objects == 0;
    if app != migrate::APPLICATION_ID && !empty {
        return Err(refuse(path, Problem::Foreign));
    }
    if version > migrate::LATEST_VERSION {
        return Err(refuse(path, Problem::Newer { found: version, known: migrate::LATEST_VERSION }));
    }
    Ok(())
}

/// With the write lock held: look again (another process may have migrated meanwhile),
/// then migrate.
fn migrate_locked(conn: &Connection, path: &Path) -> Result<()> {
    let sql = |e| errors::from_sql(e, path);
    let (app, version, objects) = migrate::identity(conn).map_err(sql)?;
    check_identity(path, app, version, objects)?;
    if version < migrate::LATEST_VERSION {
        migrate::migrate(conn, version).map_err(sql)?;
    }
    Ok(())
}

/// `cooldown.db.schema1.bak` (or `.bak.2`, … when that exists), made with the backup
/// API, never a file copy: in WAL mode recent commits live in the `-wal` file.
fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let base = sibling(path, &format!(".schema{version}.bak"));
    let target = (1..1000)
        .map(|n| if n == 1 { base.clone() } else { sibling(&base, &format!(".{n}")) })
        .find(|p| !p.exists())
        .unwrap_or(base);
    super::backup::backup_to(conn, path, &target, super::backup::Verify::No)?;
    Ok(target)
}

/// The database and its `-wal` / `-shm` are the owner's alone (0600 on Unix), set
/// explicitly.
fn make_private(path: &Path) {
    for file in [path.to_path_buf(), wal_path(path), sibling(path, "-shm")] {
        let _ = platform::make_private(&file);
    }
}
