//! The file system's platform edges, in one place: owner-only modes (0600 files, 0700
//! folders), fsync of a folder, a path's bytes for an SQLite URI, opening a file to read
//! without waiting on a FIFO, a file's identity, and the sweep of our temporary files.
//! Unix does all of it; elsewhere (Windows) files and folders keep their default ACLs,
//! which already give a user's profile folder to that user alone, a folder is not
//! synced, and a file's identity is its canonical path.
//! The terminal's edges live in `tui/wait.rs`, `tui/signals.rs` and `tui/terminal.rs`.

use std::borrow::Cow;
use std::fs::{File, Metadata};
use std::io;
use std::path::Path;
use std::time::Duration;

/// The prefixes of our temporary files: an export or page being written (`--out`), a
/// backup being made, a first run's new database. Nothing else carries them.
pub const TEMP_OUT: &str = ".cooldown-out-";
pub const TEMP_BACKUP: &str = ".cooldown-backup-";
pub const TEMP_NEW: &str = ".cooldown-new-";

/// A temporary file of ours older than this was left by a killed process (RELIABILITY.md
/// rule 17): a live one is written in well under a second.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// Creates `dir` and its parents; on Unix `dir` is the owner's alone (0700), set
/// explicitly rather than left to the umask.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        std::fs::DirBuilder::new().recursive(true).create(dir)
    }
}

/// On Unix, makes `file` the owner's alone (0600) unless it already is.
pub fn make_private(file: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(file)?.permissions().mode() & 0o777 != 0o600 {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Makes a rename or a new link in `dir` durable. Best effort: some file systems cannot
/// fsync a folder, and Windows cannot open one as a file at all.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The bytes of an absolute `path` as the path part of a `file:` URI, before
/// percent-encoding. Unix: the path's own bytes. Windows: UTF-8 with `/` separators
/// after an empty authority (`C:\a b` → `///C:/a b`, `\\srv\share` → `////srv/share`),
/// as SQLite's URI rules ask.
pub fn uri_path(path: &Path) -> Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Cow::Borrowed(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        let slashed = path.to_string_lossy().replace('\\', "/");
        let root = if slashed.starts_with('/') { "//" } else { "///" };
        Cow::Owned(format!("{root}{slashed}").into_bytes())
    }
}

/// What a path is, in a runner's words ("a FIFO (named pipe)", "a folder", …).
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// A file opened for reading, or what the path is instead of a regular file.
pub enum Opened {
    File(File, Metadata),
    NotRegular(&'static str),
}

/// Opens `path` for reading only if it is a regular file (symbolic links followed). A FIFO,
/// socket or device is reported, never opened in a way that waits: `stat` first, then on
/// Unix a non-blocking open (a FIFO swapped in between would otherwise block `open`
/// until a writer comes), checked again on the open file.
pub fn open_regular(path: &Path) -> io::Result<Opened> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Ok(Opened::NotRegular(kind_of(&meta)));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Opened::NotRegular(kind_of(&meta)));
    }
    Ok(Opened::File(file, meta))
}

/// Whether two files are one: the same device and inode on Unix (a hard link, or a
/// symbolic link followed). Elsewhere always false: callers compare canonical paths too.
pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Removes the temporary files of ours (by prefix, SQLite's side files of them included)
/// in `dir` that are older than [`STALE_AFTER`]: what a process killed while writing an
/// export, a backup or a new database left. Best effort; returns how many went.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours =
            name.to_str().is_some_and(|n| [TEMP_OUT, TEMP_BACKUP, TEMP_NEW].iter().any(|p| n.starts_with(p)));
        if !ours {
            continue;
        }
        // The entry itself, never what a link points at.
        let old = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified().is_ok_and(|t| crate::clock::file_age(t).is_some_and(|age| age > STALE_AFTER))
        });
        if old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(path: &Path, seconds: u64) {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(crate::clock::file_now() - Duration::from_secs(seconds)).unwrap();
    }

    #[test]
    fn the_sweep_takes_only_our_old_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, seconds: u64| {
            let p = dir.path().join(name);
            std::fs::write(&p, "x").unwrap();
            age(&p, seconds);
            p
        };
        let gone = [
            file(".cooldown-out-abc", 61),
            file(".cooldown-backup-abc", 3600),
            file(".cooldown-backup-abc-journal", 3600),
            file(".cooldown-new-abc", 120),
        ];
        let kept = [
            file(".cooldown-out-fresh", 0),
            file("cooldown.db", 3600),
            file(".cooldown-outx", 3600),
            file("export.csv", 3600),
        ];
        std::fs::create_dir(dir.path().join(".cooldown-out-dir")).unwrap();
        assert_eq!(sweep_stale(dir.path()), gone.len());
        assert!(gone.iter().all(|p| !p.exists()));
        assert!(kept.iter().all(|p| p.exists()));
        assert!(dir.path().join(".cooldown-out-dir").is_dir());
        assert_eq!(sweep_stale(&dir.path().join("missing")), 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_reported_never_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(matches!(open_regular(&fifo).unwrap(), Opened::NotRegular("a FIFO (named pipe)")));
        assert!(matches!(
            open_regular(Path::new("/dev/null")).unwrap(),
            Opened::NotRegular("a character device")
        ));
        assert!(matches!(open_regular(dir.path()).unwrap(), Opened::NotRegular("a folder")));
        let file = dir.path().join("f");
        std::fs::write(&file, "abc").unwrap();
        assert!(matches!(open_regular(&file).unwrap(), Opened::File(_, m) if m.len() == 3));
        let a = std::fs::metadata(&file).unwrap();
        std::fs::hard_link(&file, dir.path().join("g")).unwrap();
        assert!(same_file(&a, &std::fs::metadata(dir.path().join("g")).unwrap()));
        assert!(!same_file(&a, &std::fs::metadata(dir.path()).unwrap()));
    }
}
