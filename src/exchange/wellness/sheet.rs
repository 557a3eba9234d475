//! What every wellness reader fills: the days it found, each with our columns' values as
//! text (so they are checked exactly as `log` checks them), where each came from (for the
//! error), and the notes the import summary shows (`ignored`, `converted`).

use crate::domain::entry;
use crate::domain::fields::{Kind, Texts, by_column};
use crate::domain::records::MARKER_FIELDS;
use crate::domain::units::Units;
use crate::domain::values;
use crate::error::{Error, Result};
use crate::exchange::columns;
use crate::exchange::import::Imported;
use crate::text::{clean, quote};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt;

/// How long a file name may be in a message.
const FILE_CHARS: usize = 200;
/// How long a reason may be (it may quote a cell).
const REASON_CHARS: usize = 300;

/// Where in its file a value was: a CSV line, or a day of a JSON or XML file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Line(u64),
    Day(NaiveDate),
}

impl Place {
    fn at(self, file: &str) -> String {
        match self {
            Place::Line(n) => format!("{file}:{n}:"),
            Place::Day(d) => format!("{file}: {d}:"),
        }
    }
}

/// `FILE:LINE: field: reason` (or `FILE: DAY: field: reason`), exit 65.
pub fn error(file: &str, place: Place, field: &str, reason: &str) -> Error {
    Error::bad_input(
        format!("{} {}: {}", place.at(file), clean(field), quote(reason, REASON_CHARS)),
        "import",
        "nothing was imported; correct or delete that value and import again",
    )
}

/// `FILE: message`, exit 65: the file as a whole cannot be read.
pub fn refuse(file: &str, what: impl fmt::Display, todo: &str) -> Error {
    Error::bad_input(format!("{file}: {}", quote(&what.to_string(), REASON_CHARS)), "import", todo)
}

/// A cell that holds no value: empty, or the `-`, `NA`, `null` exports write for one.
pub fn missing(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty()
        || matches!(c.to_ascii_lowercase().as_str(), "-" | "--" | "na" | "n/a" | "nan" | "null" | "none")
}

/// A number in a cell; `None` when the cell is missing.
pub fn number(cell: &str) -> std::result::Result<Option<f64>, String> {
    if missing(cell) {
        return Ok(None);
    }
    match cell.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("'{}' is not a number", quote(cell, 24))),
    }
}

/// A number of a JSON export (Oura, Garmin): absent, `null` or 0 (their "not measured")
/// is missing; anything else must be a number from 0 (then checked as `log` checks it):
/// a negative or non-numeric value is refused, never dropped as missing.
pub fn json_number(
    sheet: &Sheet,
    v: Option<&serde_json::Value>,
    key: &str,
    day: NaiveDate,
) -> Result<Option<f64>> {
    use serde_json::Value;
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(v) if v < 0.0 => Err(sheet.error(Place::Day(day), key, &format!("{v} is below 0"))),
            v => Ok(v.filter(|v| *v != 0.0)),
        },
        Some(other) => Err(sheet.error(
            Place::Day(day),
            key,
            &format!("{} is not a number", quote(&other.to_string(), 24)),
        )),
    }
}

/// A day as `YYYY-MM-DD`, alone or at the start of a date and time.
pub fn date_part(cell: &str) -> &str {
    let c = cell.trim();
    match c.get(..10) {
        Some(d) if c.len() == 10 || c[10..].starts_with([' ', 'T']) => d,
        _ => c,
    }
}

#[derive(Default)]
struct Day {
    texts: Texts,
    places: BTreeMap<&'static str, Place>,
}

pub struct Sheet {
    /// The file's name, fit to print.
    pub file: String,
    today: NaiveDate,
    days: BTreeMap<NaiveDate, Day>,
    ignored: Vec<String>,
    converted: Vec<String>,
}

impl Sheet {
    pub fn new(file: &str, today: NaiveDate) -> Sheet {
        Sheet {
            file: quote(file, FILE_CHARS),
            today,
            days: BTreeMap::new(),
            ignored: Vec::new(),
            converted: Vec::new(),
        }
    }

    pub fn error(&self, place: Place, field: &str, reason: &str) -> Error {
        error(&self.file, place, field, reason)
    }

    /// A day as the file writes it: a real calendar day, not after today.
    pub fn day(&self, cell: &str, place: Place) -> Result<NaiveDate> {
        values::parse_date(date_part(cell), self.today).map_err(|e| self.error(place, "date", &e.reason))
    }

    /// A day the reader worked out: not after today.
    pub fn check_day(&self, day: NaiveDate, place: Place) -> Result<NaiveDate> {
        self.day(&day.format("%Y-%m-%d").to_string(), place)
    }

    /// A number for one of our columns, in our unit: whole for a whole-number column.
    pub fn put(&mut self, day: NaiveDate, column: &'static str, v: f64, place: Place) {
        let whole = by_column(&MARKER_FIELDS, column).is_some_and(|s| matches!(s.kind, Kind::Int(_)));
        let text = if whole {
            format!("{}", v.round() as i64)
        } else {
            format!("{}", (v * 1000.0).round() / 1000.0)
        };
        self.put_text(day, column, text, place);
    }

    pub fn put_text(&mut self, day: NaiveDate, column: &'static str, text: String, place: Place) {
        let d = self.days.entry(day).or_default();
        d.texts.insert(column, text);
        d.places.insert(column, place);
    }

    pub fn has(&self, day: NaiveDate, column: &str) -> bool {
        self.days.get(&day).is_some_and(|d| d.texts.contains_key(column))
    }

    /// A column or record type the file has that has no place here, and why (listed once).
    pub fn ignore(&mut self, what: impl Into<String>) {
        let what = what.into();
        if !self.ignored.contains(&what) {
            self.ignored.push(what);
        }
    }

    /// A conversion or a choice the reader made (listed once).
    pub fn convert(&mut self, what: impl Into<String>) {
        let what = what.into();
        if !self.converted.contains(&what) {
            self.converted.push(what);
        }
    }

    /// Every day checked as `log` checks it: the first bad value rejects the file.
    pub fn finish(self) -> Result<Imported> {
        let mut markers = Vec::new();
        for (day, d) in &self.days {
            let m = entry::markers(&d.texts, Units::METRIC).map_err(|e| {
                let column = columns::column_of(&e.field).unwrap_or(e.field.as_str());
                let place = d.places.get(column).copied().unwrap_or(Place::Day(*day));
                error(&self.file, place, column, &e.reason)
            })?;
            if !m.is_empty() {
                markers.push((*day, m));
            }
        }
        Ok(Imported {
            markers,
            ignored: self.ignored,
            converted: self.converted,
            file: self.file,
            ..Imported::default()
        })
    }
}
