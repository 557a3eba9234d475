//! Each file of an import to its reader, by what `detect` finds in its first 64 KiB: the
//! rest of the same stream then goes on to the reader. Containers are unwrapped (bounded,
//! `unpack`) and their contents dispatched in turn — a zip on disk read entry by entry,
//! never whole; Apple Health's XML streamed (its own limit, `MAX_STREAM_BYTES`); every other
//! file read whole, at most 64 MiB, and taken from the import's 1 GiB budget. Activity files
//! go to `activity`, wellness exports to `wellness`, our own CSVs and ticks to `import` and
//! `ticks`. A file the runner named must be readable; one found inside a folder or an
//! archive that is no format cooldown reads is skipped and listed, never read on.

use super::detect::{self, Format, SNIFF_BYTES};
use super::import::{self, Imported};
use super::unpack::{self, Budget, MAX_DEPTH, MAX_FILE_BYTES};
use super::wellness::Kind as Wellness;
use super::{activity, ticks, wellness};
use crate::error::Result;
use crate::text::quote;
use chrono::NaiveDate;
use std::io::{BufReader, Read, Seek};

/// How long a file's name may be in a message.
const NAME_CHARS: usize = 200;
/// The read-ahead under a streamed file.
const STREAM_BUFFER: usize = 64 * 1024;

/// Everything an import has read so far.
#[derive(Debug)]
pub struct Reading {
    pub today: NaiveDate,
    pub budget: Budget,
    /// One per file read, in the order read.
    pub files: Vec<Imported>,
    /// Files inside folders and archives that were left out, and why.
    pub skipped: Vec<(String, String)>,
}

/// Where a stream comes from.
#[derive(Clone, Copy)]
struct At {
    /// Archives around it.
    depth: u8,
    /// The size its file or archive entry says it has.
    declared: Option<u64>,
    /// Unpacked from a gzip or zip (how a refusal words its size).
    unpacked: bool,
}

/// Up to the first 64 KiB of `input`, for `detect` (the rest stays in `input`).
fn peek(input: &mut dyn Read, name: &str, at: At) -> Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    input.take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(|e| {
        let verb = if at.unpacked { "unpacked" } else { "read" };
        unpack::refuse(name, format!("cannot be {verb} ({})", quote(&e.to_string(), 120)), "check the file")
    })?;
    Ok(head)
}

impl Reading {
    pub fn new(today: NaiveDate) -> Reading {
        Reading { today, budget: Budget::default(), files: Vec::new(), skipped: Vec::new() }
    }

    /// Reads one stream (standard input); `named` when the runner named it (then it must
    /// be a format cooldown reads). Returns how many files it gave (an archive: its
    /// entries').
    pub fn read(&mut self, input: &mut dyn Read, name: &str, named: bool) -> Result<usize> {
        let at = At { depth: 0, declared: None, unpacked: false };
        self.dispatch(input, name, named, at)
    }

    /// Reads one file of `len` bytes: a zip straight from the file, entry by entry;
    /// anything else as [`Reading::read`] does.
    pub fn read_file(
        &mut self,
        mut file: impl Read + Seek,
        len: u64,
        name: &str,
        named: bool,
    ) -> Result<usize> {
        let cannot = |e: std::io::Error| {
            unpack::refuse(name, format!("cannot be read ({})", quote(&e.to_string(), 120)), "check the file")
        };
        let mut magic = Vec::with_capacity(4);
        (&mut file).take(4).read_to_end(&mut magic).map_err(cannot)?;
        file.rewind().map_err(cannot)?;
        let mut input = BufReader::with_capacity(STREAM_BUFFER, file);
        if magic == b"PK\x03\x04" {
            return self.unzip(input, &quote(name, NAME_CHARS), 0);
        }
        let at = At { depth: 0, declared: Some(len), unpacked: false };
        self.dispatch(&mut input, name, named, at)
    }

    /// Keeps a file a reader read.
    pub fn keep(&mut self, mut got: Imported, name: &str) -> usize {
        if got.file.is_empty() {
            got.file = quote(name, NAME_CHARS);
        }
        self.files.push(got);
        1
    }

    fn dispatch(&mut self, input: &mut dyn Read, name: &str, named: bool, at: At) -> Result<usize> {
        let name = &quote(name, NAME_CHARS);
        let head = peek(input, name, at)?;
        let format = detect::sniff(&head);
        if at.depth >= MAX_DEPTH && matches!(format, Format::Gzip | Format::Zip) {
            return Err(unpack::refuse(
                name,
                format!("archives nested more than {MAX_DEPTH} deep"),
                "unpack it and import its files",
            ));
        }
        let mut rest = head.as_slice().chain(input);
        match format {
            Format::Gzip => {
                let mut inner = flate2::read::MultiGzDecoder::new(rest);
                let at = At { depth: at.depth + 1, declared: None, unpacked: true };
                self.dispatch(&mut inner, name, named, at)
            }
            Format::Wellness(Wellness::AppleHealthXml) => self.stream_apple(rest, name),
            Format::Unknown(why) => self.skip(name, named, &why),
            Format::EmptyZip => self.skip(name, named, "an empty zip file"),
            format => {
                if at.declared.is_some_and(|len| len > MAX_FILE_BYTES) {
                    return Err(if at.unpacked { unpack::too_big(name) } else { unpack::too_large(name) });
                }
                let bytes = unpack::read_capped(&mut rest, name, at.unpacked)?;
                self.budget.take(bytes.len() as u64, name)?;
                match format {
                    Format::Zip => self.unzip(std::io::Cursor::new(bytes), name, at.depth),
                    format => self.whole(&bytes, format, name, named),
                }
            }
        }
    }

    /// Apple Health's XML, streamed: its bytes count against the import's streaming limit,
    /// not the budget of files held whole.
    fn stream_apple(&mut self, input: impl Read, name: &str) -> Result<usize> {
        self.budget.take(0, name)?;
        let input = BufReader::with_capacity(STREAM_BUFFER, input);
        let (got, used) = wellness::read_apple_stream(input, name, self.today, self.budget.stream_left)?;
        self.budget.stream_left = self.budget.stream_left.saturating_sub(used);
        activity::check_dates(&got.activities, name, self.today)?;
        Ok(self.keep(got, name))
    }

    /// Every entry of a zip, each dispatched as a stream of its own.
    fn unzip(&mut self, input: impl Read + Seek, name: &str, depth: u8) -> Result<usize> {
        let mut found = 0;
        unpack::zip_each(input, name, self.budget.files_left, |entry, data, declared| {
            let at = At { depth: depth + 1, declared: Some(declared), unpacked: true };
            found += self.dispatch(data, entry, false, at)?;
            Ok(())
        })?;
        Ok(found)
    }

    /// A file read whole, to its reader.
    fn whole(&mut self, bytes: &[u8], format: Format, name: &str, named: bool) -> Result<usize> {
        let text = || std::str::from_utf8(bytes).ok();
        let got = match format {
            Format::Fit | Format::Gpx | Format::Tcx => {
                let read = match format {
                    Format::Fit => activity::read_fit(bytes, name),
                    Format::Gpx => activity::read_gpx(bytes, name),
                    _ => activity::read_tcx(bytes, name),
                };
                match read {
                    // A watch's settings or monitoring file in a folder of its files.
                    Err(e) if !named && activity::is_no_activity(&e) => {
                        let why = e.what.strip_prefix(&format!("{name}: ")).unwrap_or(&e.what).to_string();
                        return self.skip(name, named, &why);
                    }
                    read => read?,
                }
            }
            Format::Wellness(kind) => wellness::read(kind, bytes, name, self.today)?,
            Format::TicksCsv | Format::TicksJson | Format::Csv | Format::OtherText => {
                let Some(text) = text() else {
                    return self.skip(name, named, "not UTF-8 text");
                };
                match format {
                    Format::TicksCsv => ticks::parse_csv(text, name, self.today)?,
                    Format::TicksJson => ticks::parse_json(text, name, self.today)?,
                    Format::OtherText if !named => {
                        return self.skip(name, named, "a text file with no column cooldown knows");
                    }
                    _ => import::parse(text, name, self.today)?,
                }
            }
            Format::Unknown(why) => return self.skip(name, named, &why),
            Format::Gzip | Format::Zip | Format::EmptyZip => {
                return self.skip(name, named, "an archive where a file was expected");
            }
        };
        activity::check_dates(&got.activities, name, self.today)?;
        Ok(self.keep(got, name))
    }

    /// Leaves out a file found inside a folder or archive; a file the runner named is
    /// refused instead.
    fn skip(&mut self, name: &str, named: bool, why: &str) -> Result<usize> {
        if named {
            return Err(unpack::refuse(
                name,
                why.to_string(),
                "give a file cooldown reads (see `cooldown import --help`)",
            ));
        }
        self.skipped.push((name.to_string(), why.to_string()));
        Ok(0)
    }
}

#[cfg(test)]
#[path = "dispatch_tests.rs"]
mod tests;
