//! Containers an export arrives in: gzip (`.fit.gz`) and zip (deflate or stored entries
//! only). Bounded: every unpacked file counts against the import's limits as if it were a
//! file of its own (64 MiB each, a total for the whole import), read with a stop at the
//! limit rather than trusting the sizes an archive declares — a zip or gzip bomb is
//! refused, never unpacked. Apple Health's XML is streamed instead of held: it has a limit
//! of its own ([`MAX_STREAM_BYTES`], unpacked bytes counted) outside the 1 GiB.

use crate::error::{Error, Result};
use crate::text::quote;
use std::io::{Read, Seek};
use zip::CompressionMethod;

/// The most one file of an import may hold, packed or unpacked.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most a whole import holds, every file and every unpacked entry read whole together
/// (an archive read from disk counts by its entries; a streamed file does not count).
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
/// The most XML one import streams (Apple Health's `export.xml`, unpacked bytes counted):
/// never held in memory, so not part of [`MAX_TOTAL_BYTES`].
pub const MAX_STREAM_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The most files one import reads (a folder's, an archive's entries, together).
pub const MAX_FILES: usize = 100_000;
/// How deep containers may nest (a `.fit.gz` in a zip in a zip is three).
pub const MAX_DEPTH: u8 = 4;

/// What an import may still read.
#[derive(Debug)]
pub struct Budget {
    pub bytes_left: u64,
    pub files_left: usize,
    /// What may still be streamed ([`MAX_STREAM_BYTES`] at first).
    pub stream_left: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget { bytes_left: MAX_TOTAL_BYTES, files_left: MAX_FILES, stream_left: MAX_STREAM_BYTES }
    }
}

impl Budget {
    /// Takes one file of `len` bytes, or refuses it naming `name`.
    pub fn take(&mut self, len: u64, name: &str) -> Result<()> {
        if self.files_left == 0 {
            return Err(refuse(
                name,
                format!("more than {MAX_FILES} files in one import"),
                "import the folders one at a time",
            ));
        }
        if len > self.bytes_left {
            return Err(refuse(
                name,
                "the import reads more than 1 GiB in all (its files unpacked)".into(),
                "import the files in smaller groups",
            ));
        }
        self.files_left -= 1;
        self.bytes_left -= len;
        Ok(())
    }
}

/// `FILE: what` (exit 65), nothing imported.
pub fn refuse(name: &str, what: String, todo: &str) -> Error {
    Error::bad_input(format!("{name}: {what}"), "import", format!("nothing was imported; {todo}"))
}

/// An unpacked file (a zip entry, a gzip's content) over the limit of one file.
pub fn too_big(name: &str) -> Error {
    refuse(
        name,
        "unpacks to more than 64 MiB, the most an import reads of one file".into(),
        "unpack it and import its files in smaller parts",
    )
}

/// A file (or standard input) over the limit of one file.
pub fn too_large(name: &str) -> Error {
    Error::bad_input(
        format!("{name}: larger than 64 MiB, the most an import reads"),
        "import",
        "split it into smaller files (a year at a time); nothing was imported",
    )
}

/// Reads `input` up to the limit of one file; more is refused, never read on. `unpacked`
/// when it comes out of a gzip or zip (the refusals say so).
pub fn read_capped(input: impl Read, name: &str, unpacked: bool) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| {
        let verb = if unpacked { "unpacked" } else { "read" };
        refuse(name, format!("cannot be {verb} ({})", quote(&e.to_string(), 120)), "check the file")
    })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(if unpacked { too_big(name) } else { too_large(name) });
    }
    Ok(bytes)
}

/// An entry's name, for messages and a run's source: its path inside the archive with
/// `..`, `.` and any root dropped, control characters replaced.
pub fn clean_name(raw: &str) -> String {
    let parts: Vec<&str> = raw
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != ".." && !p.ends_with(':'))
        .collect();
    let joined = parts.join("/");
    crate::text::clean(&joined).into_owned()
}

/// An entry to leave out: a folder, a link, or a hidden file (macOS's `__MACOSX/` and
/// `._*` included).
fn hidden(clean: &str) -> bool {
    clean.is_empty() || clean.split('/').any(|p| p.starts_with('.') || p == "__MACOSX")
}

/// The name of a compression method other than stored or deflate, for the refusal.
fn method_name(m: CompressionMethod) -> String {
    let known = [
        (CompressionMethod::BZIP2, "bzip2"),
        (CompressionMethod::DEFLATE64, "deflate64"),
        (CompressionMethod::LZMA, "LZMA"),
        (CompressionMethod::ZSTD, "zstd"),
        (CompressionMethod::XZ, "xz"),
        (CompressionMethod::IMPLODE, "implode"),
        (CompressionMethod::SHRINK, "shrink"),
    ];
    known.iter().find(|(k, _)| *k == m).map_or_else(|| format!("method {m:?}"), |(_, n)| (*n).to_string())
}

/// Calls `each(name, entry, declared size)` for every file entry of the zip `input` (read
/// from memory or straight from disk), in the archive's order, one entry at a time: `each`
/// reads it (bounded) and takes it from the import's budget. `name` is `ARCHIVE/entry`. An
/// entry that is not stored or deflated, or encrypted, refuses the whole archive; so do
/// more entries than `files_left`.
pub fn zip_each(
    input: impl Read + Seek,
    name: &str,
    files_left: usize,
    mut each: impl FnMut(&str, &mut dyn Read, u64) -> Result<()>,
) -> Result<()> {
    let broken = |e: zip::result::ZipError| {
        refuse(
            name,
            format!("not a zip file cooldown can read ({})", quote(&e.to_string(), 120)),
            "check the file",
        )
    };
    let mut archive = zip::ZipArchive::new(input).map_err(broken)?;
    if archive.len() > files_left {
        return Err(refuse(
            name,
            format!("holds more than {MAX_FILES} entries"),
            "unpack it and import it in parts",
        ));
    }
    for i in 0..archive.len() {
        let (entry_name, skip, declared) = {
            let raw = archive.by_index_raw(i).map_err(broken)?;
            let clean =
                clean_name(&raw.name().map_or_else(
                    |_| String::from_utf8_lossy(raw.name_raw()).into_owned(),
                    |n| n.into_owned(),
                ));
            let entry = format!("{name}/{clean}");
            if raw.is_dir() || raw.is_symlink() || hidden(&clean) {
                (entry, true, 0)
            } else {
                let method = raw.compression();
                if method != CompressionMethod::Stored && method != CompressionMethod::Deflated {
                    return Err(refuse(
                        &entry,
                        format!(
                            "compressed with {}; cooldown reads zip entries stored or deflated only",
                            method_name(method)
                        ),
                        "unpack the archive and import its files (or zip them again with the usual settings)",
                    ));
                }
                if raw.encrypted() {
                    return Err(refuse(
                        &entry,
                        "is encrypted".into(),
                        "unpack the archive and import its files",
                    ));
                }
                (entry, false, raw.size())
            }
        };
        if skip {
            continue;
        }
        let mut file = archive.by_index(i).map_err(broken)?;
        each(&entry_name, &mut file, declared)?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "unpack_tests.rs"]
mod tests;
