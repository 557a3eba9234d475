//! Where things live: the database, the config and the routine (CLI.md "Global options");
//! and where a command may write (`--out`, `backup`): never over the database in use
//! (RELIABILITY.md rules 12 and 19).

use crate::error::{Error, Result};
use crate::platform;
use crate::text;
use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

pub const DB_ENV: &str = "COOLDOWN_DB";
pub const CONFIG_ENV: &str = "COOLDOWN_CONFIG";

/// The default locations hang off `$HOME` (Linux and macOS). Unset, empty or relative, it
/// is refused by name: the platform's fallbacks (the passwd entry's home, or a path
/// relative to wherever the command runs) put a database where nobody looks, `/` included.
fn check_home() -> Result<()> {
    if !cfg!(unix) {
        return Ok(());
    }
    let problem = match std::env::var_os("HOME") {
        None => "HOME is not set",
        Some(home) if home.is_empty() => "HOME is empty",
        Some(home) if !Path::new(&home).is_absolute() => "HOME is not an absolute path",
        Some(_) => return Ok(()),
    };
    Err(Error::bad_input(
        format!("{problem}, so there is no default place for the database and config"),
        "HOME",
        format!(
            "set HOME to your home folder, or give --db PATH and --config PATH (or ${DB_ENV} and ${CONFIG_ENV})"
        ),
    ))
}

fn project_dirs() -> Result<directories::ProjectDirs> {
    check_home()?;
    directories::ProjectDirs::from("", "", "cooldown").ok_or_else(|| {
        Error::io(
            "cannot find your home directory",
            "data location",
            "set HOME, or pass --db PATH and --config PATH",
        )
    })
}

/// A database location: the path, and whether it is our default (whose directory we
/// may create) or one the user named (whose directory must already exist).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbLocation {
    pub path: PathBuf,
    pub is_default: bool,
}

/// `--db`, else `$COOLDOWN_DB`, else `<data dir>/cooldown.db`; always absolute, so a
/// name such as `file:x.db?mode=memory` stays a plain file name.
pub fn db_location(arg: Option<OsString>) -> Result<DbLocation> {
    let given = arg.or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()));
    match given {
        Some(p) => Ok(DbLocation { path: absolute(Path::new(&p), "--db")?, is_default: false }),
        None => Ok(DbLocation { path: project_dirs()?.data_dir().join("cooldown.db"), is_default: true }),
    }
}

/// `--config`, else `$COOLDOWN_CONFIG`, else `<config dir>/config.toml`.
pub fn config_path(arg: Option<OsString>) -> Result<PathBuf> {
    let given = arg.or_else(|| std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()));
    match given {
        Some(p) => absolute(Path::new(&p), "--config"),
        None => Ok(project_dirs()?.config_dir().join("config.toml")),
    }
}

/// A user's `routine.toml` sits beside the config file in use.
pub fn routine_path(config: &Path) -> PathBuf {
    config.with_file_name("routine.toml")
}

pub fn absolute(path: &Path, option: &str) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| {
        Error::bad_input(
            format!("cannot use the path '{}': {e}", text::path(path)),
            option,
            "give a file path",
        )
    })
}

/// Where `--out` or `backup` writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `-`: standard output.
    Stdout,
    /// A regular file or a new name in an existing folder, symbolic links resolved (so a
    /// link stays a link and its file is replaced).
    File(PathBuf),
}

/// The database's own files: the file and SQLite's journals beside it.
const DB_FILES: [(&str, &str); 4] = [
    ("", "the database in use"),
    ("-wal", "the database's -wal file"),
    ("-shm", "the database's -shm file"),
    ("-journal", "the database's -journal file"),
];

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `path` with its folder resolved (symbolic links, `..`), the file name kept; the path
/// itself where the folder does not exist.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    match (path.parent().and_then(|d| d.canonicalize().ok()), path.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Checks where `--out` (or `backup`, as `option`) may write (RELIABILITY.md rule 12):
/// `-` is standard output; a new name in an existing folder, or an existing regular file,
/// is fine unless it is the database in use at `db` or one of its `-wal`, `-shm`,
/// `-journal` files — compared by resolved path and, on Unix, by device and inode, so a
/// symbolic or hard link to them is caught too. A folder, a FIFO, a device, a socket or
/// a dangling link is refused. Every refusal is bad input (exit 65) and touches nothing.
pub fn out_target(given: &Path, db: &Path, option: &str) -> Result<Target> {
    if given.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let place = text::path(given);
    let refuse = |what: String, todo: &str| Error::bad_input(what, place.clone(), todo);
    let path = absolute(given, option)?;
    let other = "give a new file name or an existing regular file; `-` writes to standard output";
    let target = match (std::fs::symlink_metadata(&path), std::fs::metadata(&path)) {
        (Err(e), _) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            if path.file_name().is_none() {
                return Err(refuse(format!("{option}: not a file name"), other));
            }
            if !path.parent().is_some_and(Path::is_dir) {
                return Err(Error::io(
                    "the folder does not exist",
                    place,
                    format!("create it first, or give another {option} path"),
                ));
            }
            resolved(&path)
        }
        (Ok(_), Err(e)) if e.kind() == ErrorKind::NotFound => {
            return Err(refuse(format!("{option}: a symbolic link to a missing file"), other));
        }
        (_, Ok(meta)) if !meta.is_file() => {
            return Err(refuse(
                format!("{option}: this is {}, not a regular file", platform::kind_of(&meta)),
                other,
            ));
        }
        (_, Ok(_)) => resolved(&path),
        (Err(e), _) | (_, Err(e)) => {
            return Err(Error::io(
                format!("cannot use the path: {e}"),
                place,
                "check the path and its permissions",
            ));
        }
    };
    if let Some(what) = database_file(&target, db) {
        return Err(refuse(
            format!("{option}: this is {what}; writing there would destroy it"),
            "give another file name; the database was not changed",
        ));
    }
    Ok(Target::File(target))
}

/// Which of the database's files `target` is, if any.
fn database_file(target: &Path, db: &Path) -> Option<&'static str> {
    let target_meta = std::fs::metadata(target).ok();
    for base in [db.to_path_buf(), resolved(db)] {
        for (suffix, what) in DB_FILES {
            let file = with_suffix(&base, suffix);
            if resolved(&file) == target {
                return Some(what);
            }
            let same = target_meta.as_ref().zip(std::fs::metadata(&file).ok());
            if same.is_some_and(|(a, b)| platform::same_file(a, &b)) {
                return Some(what);
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "paths_tests.rs"]
mod tests;
