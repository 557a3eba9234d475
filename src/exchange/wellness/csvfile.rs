//! The CSV side shared by the wellness readers: the header row, the rows with their line
//! numbers, the delimiter an app chose, and "the morning row" of a day with several.

use super::sheet::{Place, Sheet, refuse};
use crate::error::Result;
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// `;` when the first line has semicolons and no commas (some apps' locales), else `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    if first.contains(&b';') && !first.contains(&b',') { b';' } else { b',' }
}

pub struct Rows<'a> {
    pub headers: Vec<String>,
    reader: csv::Reader<&'a [u8]>,
}

/// The header row of a CSV file; the file is refused when it has none.
pub fn open<'a>(bytes: &'a [u8], sheet: &Sheet) -> Result<Rows<'a>> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter(bytes)).trim(csv::Trim::None).from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            refuse(&sheet.file, format!("not a CSV file ({e})"), "give the CSV file as the app exported it")
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(refuse(&sheet.file, "the file is empty", "give the CSV file as the app exported it"));
    }
    Ok(Rows { headers, reader })
}

impl Rows<'_> {
    /// Where a header is, by its name in any case.
    pub fn at(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// Every row with its line number; a row that is not valid CSV rejects the file.
    pub fn records(&mut self, sheet: &Sheet) -> Result<Vec<(u64, csv::StringRecord)>> {
        let mut out = Vec::new();
        for row in self.reader.records() {
            let row = row.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                sheet.error(Place::Line(line), "row", &format!("not valid CSV ({e})"))
            })?;
            out.push((row.position().map_or(0, |p| p.line()), row));
        }
        Ok(out)
    }
}

/// A day's kept row: the day, its line and the row.
pub type Kept = (NaiveDate, u64, csv::StringRecord);

/// The time of day in a cell: `HH:MM[:SS]`, alone or after a date.
fn time_of(cell: &str) -> Option<NaiveTime> {
    let c = cell.trim();
    let t = if c.len() > 10 && c.get(..10).is_some_and(|d| d.as_bytes().get(4) == Some(&b'-')) {
        c.get(11..)?.trim()
    } else {
        c
    };
    let t = t.get(..8.min(t.len()))?;
    NaiveTime::parse_from_str(t, "%H:%M:%S").or_else(|_| NaiveTime::parse_from_str(t, "%H:%M")).ok()
}

/// One row per day: the earliest by the time column when there is one (a row without a
/// time comes after those with one), else the first. With them, when a day had several
/// rows, the note for `converted` saying which was kept.
pub fn mornings(
    rows: Vec<(u64, csv::StringRecord)>,
    day_of: impl Fn(&csv::StringRecord, u64) -> Result<NaiveDate>,
    time: Option<(usize, &str)>,
    sheet: &Sheet,
) -> Result<(Vec<Kept>, Option<String>)> {
    type Key = (bool, Option<NaiveTime>, u64);
    let mut kept: BTreeMap<NaiveDate, (Key, csv::StringRecord)> = BTreeMap::new();
    let mut several = 0usize;
    for (line, row) in rows {
        let day = day_of(&row, line)?;
        let at = match time {
            Some((i, name)) => {
                let cell = row.get(i).unwrap_or("");
                if super::sheet::missing(cell) {
                    None
                } else {
                    let t = time_of(cell).ok_or_else(|| {
                        sheet.error(
                            Place::Line(line),
                            name,
                            &format!("'{}' is not a time (HH:MM)", cell.trim()),
                        )
                    })?;
                    Some(t)
                }
            }
            None => None,
        };
        let key = (at.is_none(), at, line);
        match kept.get_mut(&day) {
            Some(old) => {
                several += usize::from(old.0.2 != line);
                if key < old.0 {
                    *old = (key, row);
                }
            }
            None => {
                kept.insert(day, (key, row));
            }
        }
    }
    let note = (several > 0).then(|| {
        let which = match time {
            Some((_, name)) => format!("the earliest by {name}"),
            None => "the first (the file has no time column)".to_string(),
        };
        format!("days with several rows: kept each day's morning row, {which}")
    });
    Ok((kept.into_iter().map(|(day, ((_, _, line), row))| (day, line, row)).collect(), note))
}
