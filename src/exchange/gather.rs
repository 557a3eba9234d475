//! The paths an import names, as the files it reads: a file as it is (a symbolic link the
//! runner named is followed), a folder as its files, recursively, sorted by path — hidden
//! files and folders skipped, symbolic links inside it not followed, a FIFO or device inside
//! it refused (never waited on). A folder holding `DI_CONNECT/` is a Garmin Connect export,
//! read whole by `wellness::read_garmin_folder`.

use super::unpack::{self, MAX_FILES};
use crate::error::{Error, Result};
use crate::platform::{self, Opened};
use crate::text;
use std::path::{Path, PathBuf};

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file; `named` when the runner named it rather than a folder holding it.
    File { path: PathBuf, name: String, named: bool },
    /// A Garmin Connect data-export folder.
    GarminFolder { path: PathBuf, name: String },
}

/// What one path of the command line stands for.
#[derive(Debug, Default)]
pub struct Gathered {
    pub sources: Vec<Source>,
    /// Links inside folders, left alone: the name and why.
    pub skipped: Vec<(String, String)>,
}

/// The Garmin Connect export's own folder.
const GARMIN_MARK: &str = "DI_CONNECT";

fn shown(path: &Path) -> String {
    text::clean(&path.to_string_lossy()).into_owned()
}

fn cannot(what: &str, path: &Path, e: &std::io::Error) -> Error {
    Error::io(
        format!("{}: cannot {what}: {e}", shown(path)),
        "import",
        "check the path; nothing was imported",
    )
}

fn not_regular(name: &str, kind: &str) -> Error {
    Error::bad_input(
        format!("{name}: this is {kind}, not a regular file"),
        "import",
        "give files or folders, or pipe the data in with `cooldown import -`; nothing was imported",
    )
}

/// What `arg` stands for.
pub fn gather(arg: &str) -> Result<Gathered> {
    let mut got = Gathered::default();
    if arg == "-" {
        got.sources.push(Source::Stdin);
        return Ok(got);
    }
    let path = PathBuf::from(arg);
    let meta = std::fs::metadata(&path).map_err(|e| cannot("read it", &path, &e))?;
    if meta.is_dir() {
        walk(&path, &mut got)?;
    } else {
        // A FIFO or device is reported when it is opened (`open_file`), never waited on.
        got.sources.push(Source::File { name: shown(&path), path, named: true });
    }
    Ok(got)
}

fn walk(dir: &Path, got: &mut Gathered) -> Result<()> {
    let mut entries: Vec<(std::ffi::OsString, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| cannot("list the folder", dir, &e))? {
        let entry = entry.map_err(|e| cannot("list the folder", dir, &e))?;
        entries.push((entry.file_name(), entry.path()));
    }
    if entries.iter().any(|(n, p)| n == GARMIN_MARK && p.is_dir()) {
        got.sources.push(Source::GarminFolder { path: dir.to_path_buf(), name: shown(dir) });
        return Ok(());
    }
    entries.sort();
    for (file_name, path) in entries {
        if file_name.to_string_lossy().starts_with('.') {
            continue;
        }
        let meta = std::fs::symlink_metadata(&path).map_err(|e| cannot("read it", &path, &e))?;
        let kind = meta.file_type();
        if kind.is_symlink() {
            got.skipped.push((shown(&path), "a symbolic link, not followed".into()));
        } else if kind.is_dir() {
            walk(&path, got)?;
        } else if kind.is_file() {
            if got.sources.len() >= MAX_FILES {
                return Err(unpack::refuse(
                    &shown(dir),
                    format!("more than {MAX_FILES} files in one import"),
                    "import the folders one at a time",
                ));
            }
            got.sources.push(Source::File { name: shown(&path), path, named: false });
        } else {
            return Err(not_regular(&shown(&path), platform::kind_of(&meta)));
        }
    }
    Ok(())
}

/// A regular file, open, and its length; a FIFO, socket or device is refused at once
/// (never waited on).
pub fn open_file(path: &Path, name: &str) -> Result<(std::fs::File, u64)> {
    match platform::open_regular(path) {
        Ok(Opened::File(input, meta)) => Ok((input, meta.len())),
        Ok(Opened::NotRegular(kind)) => Err(not_regular(name, kind)),
        Err(e) => Err(cannot("read the file", path, &e)),
    }
}
