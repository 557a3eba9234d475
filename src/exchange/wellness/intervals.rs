//! intervals.icu's wellness export (and files using its column names): the mapping of
//! `exchange::header` (RELIABILITY rule 20: a file of our own names keeps our scales, a
//! file mixing both kinds is refused), plus what real exports hold: `-` for a missing
//! value, several rows a day (the morning one counts), and `hrvSDNN`, which is SDNN and
//! never our rMSSD.

use super::csvfile;
use super::sheet::{Place, Sheet, number};
use crate::error::Result;
use crate::exchange::columns::{self, Convert};
use crate::exchange::header;
use crate::exchange::import::Imported;
use chrono::NaiveDate;

/// A time-of-day column that orders a day's rows (`time`, `timestamp`, any case).
fn is_time(header: &str) -> bool {
    let key: String = header.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect();
    matches!(key.as_str(), "time" | "timestamp")
}

/// Why a column that looks like HRV is not ours.
pub fn sdnn_note(name: &str) -> Option<String> {
    name.to_ascii_lowercase()
        .contains("sdnn")
        .then(|| format!("{name} (SDNN, not rMSSD: cooldown's hrv is rMSSD, so it is never stored as hrv)"))
}

pub fn read(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    let mut sheet = Sheet::new(file, today);
    let mut rows = csvfile::open(bytes, &sheet)?;
    let headers = rows.headers.clone();
    header::refuse_repeats(&headers, &sheet.file)?;
    let plan = header::markers(&headers, &sheet.file)?;
    let time = headers.iter().position(|h| is_time(h));
    for name in &plan.ignored {
        if time.is_some_and(|t| headers[t] == *name) {
            continue;
        }
        sheet.ignore(sdnn_note(name).unwrap_or_else(|| name.clone()));
    }
    for c in &plan.converted {
        sheet.convert(c.clone());
    }
    let records = rows.records(&sheet)?;
    let day_of =
        |row: &csv::StringRecord, line: u64| sheet.day(row.get(plan.date).unwrap_or(""), Place::Line(line));
    let time = time.map(|t| (t, headers[t].as_str()));
    let (chosen, note) = csvfile::mornings(records, day_of, time, &sheet)?;
    if let Some(note) = note {
        sheet.convert(note);
    }
    for (day, line, row) in chosen {
        let place = Place::Line(line);
        for (cell, target) in row.iter().zip(&plan.targets) {
            let Some((column, convert)) = *target else { continue };
            let cell = columns::restore(cell);
            if super::sheet::missing(cell) {
                continue;
            }
            if convert == Convert::Same {
                sheet.put_text(day, column, cell.trim().to_string(), place);
            } else {
                let v = number(cell).map_err(|r| sheet.error(place, column, &r))?.unwrap_or_default();
                let v = convert.apply(v).ok_or_else(|| {
                    sheet.error(
                        place,
                        column,
                        &format!("{} is off the scale ({})", cell.trim(), convert.describe()),
                    )
                })?;
                sheet.put(day, column, v, place);
            }
        }
        if sheet.has(day, "hrv") {
            sheet.put_text(day, "hrv_source", "morning".into(), place);
            sheet.convert("hrv: counted as a morning reading (the file does not say where it came from)");
        }
    }
    sheet.finish()
}
