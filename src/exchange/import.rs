//! `cooldown import`: a markers or runs CSV (detected from the header), or a wellness
//! export whose columns are mapped and converted (`header`). Every value is checked exactly
//! as `log` and `run` check it; the first bad row rejects the whole file. One pass over the
//! rows, with a look-up per row (never a scan of the rows before it), so a file of any
//! length parses in time proportional to its length.

use super::columns::{self, Convert};
use super::header::{self, MarkerPlan, RunPlan};
use crate::domain::entry;
use crate::domain::fields::{Kind, Texts, by_column};
use crate::domain::records::{MARKER_FIELDS, Markers, RunRow};
use crate::domain::units::Units;
use crate::domain::values::{self, FieldError};
use crate::error::{Error, Result};
use crate::store::{Batch, IdClash, Store, Summary, Tally};
use crate::text::{clean, quote};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use std::collections::HashMap;

/// What a file holds, ready to store in one transaction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub markers: Vec<(NaiveDate, Markers)>,
    pub runs: Vec<RunRow>,
    /// Activities from a watch or an app (FIT, GPX, TCX, Apple Health workouts).
    pub activities: Vec<crate::domain::activity::Activity>,
    /// Ticks, from our own ticks export: the day, the item and its set.
    pub ticks: Vec<(NaiveDate, crate::domain::records::Tick)>,
    /// Columns of a wellness export that have no place here (fit to print).
    pub ignored: Vec<String>,
    /// "sleepSecs → sleep_hours: seconds → hours" (fit to print).
    pub converted: Vec<String>,
    /// The file's name as messages show it: control characters replaced, shortened.
    pub file: String,
    /// Records the reader left out on purpose, and why ("dates after today"): the summary
    /// counts them per kind and reason.
    pub skipped: Vec<Skipped>,
}

/// The kinds of record an import stores, as its summary counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Markers,
    Runs,
    Activities,
    Ticks,
}

/// One record a reader left out: its kind and why, in a runner's words ("dates after
/// today", "a second reading of the day").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub part: Part,
    pub why: String,
}

/// How long a file name may be in a message.
const FILE_CHARS: usize = 200;
/// How long a row error's reason may be (a cell it quotes may be a megabyte long).
const REASON_CHARS: usize = 300;

pub(super) fn row_error(file: &str, line: u64, field: &str, reason: &str) -> Error {
    Error::bad_input(
        format!("{file}:{line}: {}: {}", clean(field), quote(reason, REASON_CHARS)),
        "import",
        "nothing was imported; fix the row and import again",
    )
}

/// Parses a CSV file's text; `file` names it in errors; dates may not be after `today`.
pub fn parse(text: &str, file: &str, today: NaiveDate) -> Result<Imported> {
    let file = quote(file, FILE_CHARS);
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::None).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            header::error(&file, format!("not a CSV file ({e})"), "give a CSV file with a header row".into())
        })?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(header::error(
            &file,
            "the file is empty".into(),
            "give a CSV file with a header row and one row per day".into(),
        ));
    }
    header::refuse_repeats(&headers, &file)?;
    let rows = reader.records().map(|r| {
        r.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            row_error(&file, line, "row", &format!("not valid CSV ({e})"))
        })
    });
    let has = |name: &str| headers.iter().any(|h| h == name);
    let mut got = if has("type") && has("minutes") {
        parse_runs(rows, &header::runs(&headers, &file)?, &file, today)?
    } else {
        parse_markers(rows, header::markers(&headers, &file)?, &file, today)?
    };
    got.file = file;
    Ok(got)
}

fn date(cell: &str, file: &str, line: u64, today: NaiveDate) -> Result<NaiveDate> {
    values::parse_date(cell, today).map_err(|e| row_error(file, line, "date", &e.reason))
}

fn parse_markers(
    rows: impl Iterator<Item = Result<csv::StringRecord>>,
    plan: MarkerPlan,
    file: &str,
    today: NaiveDate,
) -> Result<Imported> {
    let mut seen: HashMap<NaiveDate, u64> = HashMap::new();
    let mut markers = Vec::new();
    for row in rows {
        let row = row?;
        let line = row.position().map_or(0, |p| p.line());
        let day = date(row.get(plan.date).unwrap_or(""), file, line, today)?;
        if let Some(first) = seen.insert(day, line) {
            return Err(row_error(
                file,
                line,
                "date",
                &format!("{day} appears twice (line {first}): one row per date"),
            ));
        }
        let mut texts = Texts::new();
        for (cell, target) in row.iter().zip(&plan.targets) {
            let Some((column, convert)) = target else { continue };
            let cell = columns::restore(cell);
            if cell.is_empty() {
                continue;
            }
            let value = if *convert == Convert::Same {
                cell.to_string()
            } else {
                converted_value(cell, column, *convert).map_err(|r| row_error(file, line, column, &r))?
            };
            texts.insert(column, value);
        }
        let m = entry::markers(&texts, Units::METRIC).map_err(|e| field_error(file, line, &e))?;
        if !m.is_empty() {
            markers.push((day, m));
        }
    }
    Ok(Imported { markers, ignored: plan.ignored, converted: plan.converted, ..Imported::default() })
}

/// A converted cell, written back as text so it is checked like any other.
fn converted_value(cell: &str, column: &str, convert: Convert) -> std::result::Result<String, String> {
    let number = values::real("", "", f64::MIN, f64::MAX)
        .parse(cell)
        .map_err(|_| format!("'{}' is not a number", quote(cell, 24)))?;
    let v = convert
        .apply(number)
        .ok_or_else(|| format!("{} is off the scale ({})", quote(cell, 24), convert.describe()))?;
    let whole = by_column(&MARKER_FIELDS, column).is_some_and(|s| matches!(s.kind, Kind::Int(_)));
    Ok(if whole { format!("{}", v.round() as i64) } else { format!("{}", (v * 1000.0).round() / 1000.0) })
}

/// A field error with the CSV column's name.
fn field_error(file: &str, line: u64, e: &FieldError) -> Error {
    let column = columns::column_of(&e.field).unwrap_or(e.field.as_str());
    row_error(file, line, column, &e.reason)
}

/// The largest run id a file may give (an export's ids are far smaller).
const MAX_RUN_ID: i64 = 999_999_999_999;

/// A run id as our export writes it: a whole number from 1.
fn run_id(cell: &str) -> std::result::Result<i64, String> {
    let digits = !cell.is_empty() && cell.len() <= 12 && cell.bytes().all(|b| b.is_ascii_digit());
    match cell.parse::<i64>() {
        Ok(id) if digits && (1..=MAX_RUN_ID).contains(&id) => Ok(id),
        _ => Err(format!(
            "'{}' is not a run id; give the number a cooldown export wrote, or leave it empty for a new run",
            quote(cell, 24)
        )),
    }
}

fn parse_runs(
    rows: impl Iterator<Item = Result<csv::StringRecord>>,
    plan: &RunPlan,
    file: &str,
    today: NaiveDate,
) -> Result<Imported> {
    let cell = |row: &csv::StringRecord, at: usize| columns::restore(row.get(at).unwrap_or("")).to_string();
    let mut per_day: HashMap<NaiveDate, u32> = HashMap::new();
    let mut ids: HashMap<i64, u64> = HashMap::new();
    let mut runs = Vec::new();
    for row in rows {
        let row = row?;
        let line = row.position().map_or(0, |p| p.line());
        let day = date(&cell(&row, plan.date), file, line, today)?;
        let nth = per_day.entry(day).or_insert(0);
        let stand_in = NaiveTime::from_hms_opt(12, *nth % 60, 0).unwrap_or(NaiveTime::MIN);
        *nth += 1;
        let mut texts: Texts = plan.fields.iter().map(|(column, at)| (*column, cell(&row, *at))).collect();
        if texts.get("minutes").is_none_or(|m| m.trim().is_empty()) {
            return Err(row_error(
                file,
                line,
                "minutes",
                "required: how long the session lasted, 1–1440 min",
            ));
        }
        let at_given = texts.get("at").is_some_and(|a| !a.is_empty());
        if !at_given {
            texts.insert("at", stand_in.format("%H:%M").to_string());
        }
        // Past days only: an end time later than now is no question for them.
        let mut run =
            entry::run(day, today.succ_opt().unwrap_or(today), NaiveTime::MIN, &texts, Units::METRIC)
                .map_err(|e| field_error(file, line, &e))?;
        if let Some(text) = plan.id.map(|at| cell(&row, at)).filter(|t| !t.is_empty()) {
            let id = run_id(&text).map_err(|r| row_error(file, line, columns::RUN_ID, &r))?;
            if let Some(first) = ids.insert(id, line) {
                let reason = format!("run {id} is already on line {first}: one row per run");
                return Err(row_error(file, line, columns::RUN_ID, &reason));
            }
            run.id = Some(id);
        }
        runs.push(RunRow { run, at_given, line });
    }
    Ok(Imported { runs, ..Imported::default() })
}

/// Stores what `parse` read, all or nothing (`Store::import_rows`): the tallies for
/// markers and runs. A row whose id names a run of another day is refused with its line,
/// and nothing is stored.
pub fn store(store: &mut Store, got: &Imported, now: DateTime<FixedOffset>) -> Result<(Tally, Tally)> {
    store.import_rows(&got.markers, &got.runs, &got.file, now)?.map_err(|c| clash(&got.file, &c))
}

/// Stores every file an import read in one transaction (`Store::import_all`); with
/// `commit` false it is rolled back after, for `--dry-run`. Ticks several files repeat
/// count once.
pub fn store_all(
    store: &mut Store,
    files: &[Imported],
    now: DateTime<FixedOffset>,
    commit: bool,
) -> Result<Summary> {
    let batches: Vec<Batch<'_>> =
        files.iter().map(|f| Batch { file: &f.file, markers: &f.markers, runs: &f.runs }).collect();
    let mut seen = std::collections::HashSet::new();
    let ticks: Vec<_> = files
        .iter()
        .flat_map(|f| f.ticks.iter())
        .filter(|(d, t)| seen.insert((*d, &t.item_id, t.set)))
        .cloned()
        .collect();
    let activities: Vec<_> = files.iter().flat_map(|f| f.activities.iter().cloned()).collect();
    store.import_all(&batches, &ticks, &activities, now, commit)?.map_err(|(file, c)| clash(&file, &c))
}

fn clash(file: &str, c: &IdClash) -> Error {
    Error::bad_input(
        format!(
            "{file}:{}: id: run {} of this database is on {}, not {}: a different run",
            c.line, c.id, c.stored, c.day
        ),
        "import",
        "nothing was imported; leave its id empty to add the row as a new run, or correct its date",
    )
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
