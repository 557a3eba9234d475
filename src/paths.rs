//! Where things live: the database, the config and the routine (CLI.md "Global options").

use crate::error::{Error, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const DB_ENV: &str = "COOLDOWN_DB";
pub const CONFIG_ENV: &str = "COOLDOWN_CONFIG";

fn project_dirs() -> Result<directories::ProjectDirs> {
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
        Error::bad_input(format!("cannot use the path '{}': {e}", path.display()), option, "give a file path")
    })
}
