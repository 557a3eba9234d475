//! Writing a file so that a crash or a full disk leaves either the old file or the new one:
//! a temporary file in the target folder (0600 on Unix), fsync, rename over, fsync of the
//! folder where the platform can (RELIABILITY.md rule 8). Temporary files a killed write
//! left in that folder are swept first (rule 17).

use crate::error::{Error, Result};
use crate::platform;
use std::io::Write;
use std::path::Path;

fn failed(e: &std::io::Error, path: &Path) -> Error {
    let place = crate::text::path(path);
    if e.kind() == std::io::ErrorKind::StorageFull {
        Error::io(
            "disk full: nothing saved",
            place,
            "free some space and try again; the old file is untouched",
        )
    } else {
        Error::io(
            format!("cannot write the file: {e}"),
            place,
            "check the folder and its permissions; nothing was changed",
        )
    }
}

/// Replaces `path` with `bytes`, all or nothing.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if d.as_os_str().is_empty() => Path::new("."),
        Some(d) => d,
        None => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::io(
            "the folder does not exist",
            path.display().to_string(),
            "create it first, or give another --out path",
        ));
    }
    platform::sweep_stale(dir);
    let mut tmp =
        tempfile::Builder::new().prefix(platform::TEMP_OUT).tempfile_in(dir).map_err(|e| failed(&e, path))?;
    platform::make_private(tmp.path()).map_err(|e| failed(&e, path))?;
    tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all()).map_err(|e| failed(&e, path))?;
    tmp.persist(path).map_err(|e| failed(&e.error, path))?;
    platform::sync_dir(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_privately_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let err = write(&dir.path().join("missing/out.csv"), b"x").unwrap_err();
        assert!(err.what.contains("does not exist"), "{err}");
    }
}
