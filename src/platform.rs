//! The file system's platform edges, in one place: owner-only modes (0600 files, 0700
//! folders), fsync of a folder, and a path's bytes for an SQLite URI. Unix does all of
//! it; elsewhere (Windows) files and folders keep their default ACLs, which already
//! give a user's profile folder to that user alone, and a folder is not synced.
//! The terminal's edges live in `tui/wait.rs`, `tui/signals.rs` and `tui/terminal.rs`.

use std::borrow::Cow;
use std::io;
use std::path::Path;

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
