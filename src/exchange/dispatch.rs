//! Each file of an import to its reader, by what `detect` finds in its bytes: containers
//! unwrapped (bounded, `unpack`) and their contents dispatched in turn; activity files to
//! `activity`, wellness exports to `wellness`, our own CSVs and ticks to `import` and
//! `ticks`. A file the runner named must be readable; one found inside a folder or an
//! archive that is no format cooldown reads is skipped and listed.

use super::detect::{self, Format};
use super::import::{self, Imported};
use super::unpack::{self, Budget, MAX_DEPTH};
use super::{activity, ticks, wellness};
use crate::error::Result;
use crate::text::quote;
use chrono::NaiveDate;

/// How long a file's name may be in a message.
const NAME_CHARS: usize = 200;

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

impl Reading {
    pub fn new(today: NaiveDate) -> Reading {
        Reading { today, budget: Budget::default(), files: Vec::new(), skipped: Vec::new() }
    }

    /// Reads one file's `bytes`; `named` when the runner named it (then it must be a
    /// format cooldown reads). Returns how many files it gave (an archive: its entries').
    pub fn read(&mut self, bytes: Vec<u8>, name: &str, named: bool) -> Result<usize> {
        self.budget.take(bytes.len() as u64, name)?;
        self.dispatch(bytes, name, named, 0)
    }

    /// Keeps a file a reader read.
    pub fn keep(&mut self, mut got: Imported, name: &str) -> usize {
        if got.file.is_empty() {
            got.file = quote(name, NAME_CHARS);
        }
        self.files.push(got);
        1
    }

    fn dispatch(&mut self, bytes: Vec<u8>, name: &str, named: bool, depth: u8) -> Result<usize> {
        let name = &quote(name, NAME_CHARS);
        let format = detect::sniff(&bytes);
        if depth >= MAX_DEPTH && matches!(format, Format::Gzip | Format::Zip) {
            return Err(unpack::refuse(
                name,
                format!("archives nested more than {MAX_DEPTH} deep"),
                "unpack it and import its files",
            ));
        }
        let text = || std::str::from_utf8(&bytes).ok();
        let got = match format {
            Format::Gzip => {
                let inner = unpack::gunzip(&bytes, name, &mut self.budget)?;
                drop(bytes);
                return self.dispatch(inner, name, named, depth + 1);
            }
            Format::Zip => {
                let mut found = 0;
                unpack::zip_each(&bytes, name, self.budget.files_left, |entry, data| {
                    self.budget.take(data.len() as u64, entry)?;
                    found += self.dispatch(data, entry, false, depth + 1)?;
                    Ok(())
                })?;
                return Ok(found);
            }
            Format::EmptyZip => return self.skip(name, named, "an empty zip file"),
            Format::Fit | Format::Gpx | Format::Tcx => {
                let read = match format {
                    Format::Fit => activity::read_fit(&bytes, name),
                    Format::Gpx => activity::read_gpx(&bytes, name),
                    _ => activity::read_tcx(&bytes, name),
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
            Format::Wellness(kind) => wellness::read(kind, &bytes, name, self.today)?,
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
