//! Reading the files a runner edits (config, routine): regular files under 1 MiB, read
//! without waiting (RELIABILITY.md rule 16). A FIFO, a device or a huge file is refused
//! with the file named, never read without bound or waited on.

use crate::domain::routine::Routine;
use crate::domain::tomlfile::FileError;
use crate::platform::{self, Opened};
use std::io::Read;
use std::path::Path;

/// The largest config or routine file read: both are a few KiB of hand-written TOML.
pub const MAX_BYTES: u64 = 1024 * 1024;

fn error(path: &Path, message: String) -> FileError {
    FileError { file: path.display().to_string(), line: None, message }
}

/// The text of the file at `path`; `None` when there is no such file.
pub fn read_small(path: &Path) -> Result<Option<String>, FileError> {
    let cannot = |e: std::io::Error| error(path, format!("cannot read it: {e}"));
    let (file, meta) = match platform::open_regular(path) {
        Ok(Opened::File(file, meta)) => (file, meta),
        Ok(Opened::NotRegular(kind)) => {
            return Err(error(path, format!("this is {kind}, not a regular file; give a TOML file")));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    let too_big =
        || error(path, "the file is larger than 1 MiB, too big for a config or routine".to_string());
    if meta.len() > MAX_BYTES {
        return Err(too_big());
    }
    // The size is checked again while reading: the file may grow in between.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map(Some).map_err(|_| error(path, "the file is not UTF-8 text".to_string()))
}

/// The routine at `path` (a user's `routine.toml`), or the built-in one where there is none.
pub fn load_routine(path: &Path) -> Result<Routine, FileError> {
    load_user_routine(path)?.map_or_else(Routine::builtin, Ok)
}

/// The user's own routine at `path`, checked; `None` where there is none (the built-in
/// one then applies, parsed only by the commands that use a routine).
pub fn load_user_routine(path: &Path) -> Result<Option<Routine>, FileError> {
    read_small(path)?.map(|text| Routine::parse(&text, &path.display().to_string())).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_small(&dir.path().join("missing.toml")).unwrap(), None);
        let small = dir.path().join("c.toml");
        std::fs::write(&small, "focus = \"rhr\"\n").unwrap();
        assert_eq!(read_small(&small).unwrap().as_deref(), Some("focus = \"rhr\"\n"));
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; MAX_BYTES as usize + 1]).unwrap();
        assert!(read_small(&big).unwrap_err().message.contains("larger than 1 MiB"));
        let err = read_small(dir.path()).unwrap_err();
        assert!(err.message.contains("a folder, not a regular file"), "{err}");
        let latin1 = dir.path().join("l.toml");
        std::fs::write(&latin1, b"focus = \"\xe9\"").unwrap();
        assert!(read_small(&latin1).unwrap_err().message.contains("not UTF-8"));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_at_once() {
        let err = read_small(Path::new("/dev/zero")).unwrap_err();
        assert!(err.message.contains("a character device"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("routine.toml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let err = load_routine(&fifo).unwrap_err();
        assert!(err.message.contains("FIFO"), "{err}");
    }
}
