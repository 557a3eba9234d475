//! Oura's exports: the CSV of the web dashboard's "Export data" (one row per day, seconds
//! for durations) and the JSON of its sleep periods (the account export and the API's
//! shape, old or new). Sleep total (seconds → hours), lowest heart rate → rhr, average
//! HRV (rMSSD, overnight) → hrv with source overnight.

use super::csvfile;
use super::sheet::{Place, Sheet, json_number, number, refuse};
use crate::error::Result;
use crate::exchange::import::Imported;
use chrono::{Days, NaiveDate};
use serde_json::Value;

const SLEEP: [&str; 2] = ["Total Sleep Duration", "Total Sleep Time"];
const RHR: &str = "Lowest Resting Heart Rate";
const HRV: &str = "Average HRV";

/// The headers that tell Oura's CSV from other CSVs.
pub fn looks_like_csv(header: &[&str]) -> bool {
    header.iter().any(|h| {
        let h = h.trim();
        SLEEP.iter().chain([&RHR, &HRV]).any(|n| h.eq_ignore_ascii_case(n))
    })
}

fn overnight(sheet: &mut Sheet, day: NaiveDate, hrv: f64, place: Place) {
    sheet.put(day, "hrv", hrv, place);
    sheet.put_text(day, "hrv_source", "overnight".into(), place);
}

pub fn read_csv(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    let mut sheet = Sheet::new(file, today);
    let mut rows = csvfile::open(bytes, &sheet)?;
    let date = rows.at("date").ok_or_else(|| {
        refuse(&sheet.file, "no date column", "give the CSV file as Oura's \"Export data\" wrote it")
    })?;
    let sleep = SLEEP.iter().find_map(|n| rows.at(n));
    let (rhr, hrv) = (rows.at(RHR), rows.at(HRV));
    for (i, h) in rows.headers.iter().enumerate() {
        if ![Some(date), sleep, rhr, hrv].contains(&Some(i)) {
            sheet.ignore(match h.to_ascii_lowercase().as_str() {
                "sleep score" => format!("{h} (a 0–100 score, not your 1–5 sleep quality)"),
                _ => h.clone(),
            });
        }
    }
    let named = |i: Option<usize>| i.map(|i| rows.headers[i].clone());
    if let Some(h) = named(sleep) {
        sheet.convert(format!("{h} → sleep_hours: seconds → hours"));
    }
    if let Some(h) = named(rhr) {
        sheet.convert(format!("{h} → rhr"));
    }
    if let Some(h) = named(hrv) {
        sheet.convert(format!("{h} → hrv: the overnight average rMSSD (source overnight)"));
    }
    let records = rows.records(&sheet)?;
    let day_of =
        |row: &csv::StringRecord, line: u64| sheet.day(row.get(date).unwrap_or(""), Place::Line(line));
    let (chosen, note) = csvfile::mornings(records, day_of, None, &sheet)?;
    if let Some(note) = note {
        sheet.convert(note);
    }
    let cell =
        |row: &csv::StringRecord, i: Option<usize>, sheet: &Sheet, place: Place| -> Result<Option<f64>> {
            let Some(i) = i else { return Ok(None) };
            let v = number(row.get(i).unwrap_or("")).map_err(|r| sheet.error(place, &rows.headers[i], &r))?;
            Ok(v.filter(|v| *v != 0.0))
        };
    for (day, line, row) in chosen {
        let place = Place::Line(line);
        if let Some(s) = cell(&row, sleep, &sheet, place)? {
            sheet.put(day, "sleep_hours", s / 3600.0, place);
        }
        if let Some(r) = cell(&row, rhr, &sheet, place)? {
            sheet.put(day, "rhr", r, place);
        }
        if let Some(h) = cell(&row, hrv, &sheet, place)? {
            overnight(&mut sheet, day, h, place);
        }
    }
    sheet.finish()
}

/// A JSON file of Oura sleep periods: `{"sleep": [...]}` or `{"data": [...]}`.
pub fn looks_like_json(doc: &Value) -> bool {
    periods(doc).is_some_and(|p| {
        p.iter().any(|s| s.get("summary_date").is_some() || s.get("total_sleep_duration").is_some())
    })
}

fn periods(doc: &Value) -> Option<&Vec<Value>> {
    doc.get("sleep").or_else(|| doc.get("data")).and_then(Value::as_array)
}

/// One sleep period as ours: its wake-up day, seconds asleep, lowest HR, average rMSSD.
struct Period {
    day: NaiveDate,
    seconds: Option<f64>,
    rhr: Option<f64>,
    hrv: Option<f64>,
}

/// A period's number, the first of `keys` it has (see `sheet::json_number`); refused in
/// any period, also one a longer period of its day would replace.
fn field(p: &Value, keys: [&str; 2], sheet: &Sheet, day: NaiveDate) -> Result<Option<f64>> {
    let found = keys.iter().find_map(|k| p.get(*k).map(|v| (*k, v)));
    found.map_or(Ok(None), |(key, v)| json_number(sheet, Some(v), key, day))
}

fn period(p: &Value, sheet: &Sheet) -> Result<Option<Period>> {
    // The old API's `summary_date` is the day before the night ended; the new `day` is
    // the day the app shows (the morning).
    let (text, shift) = match (p.get("day"), p.get("summary_date")) {
        (Some(d), _) => (d.as_str(), 0),
        (None, Some(d)) => (d.as_str(), 1),
        (None, None) => return Ok(None),
    };
    let Some(text) = text else {
        return Err(refuse(
            &sheet.file,
            "a sleep period's day is not text",
            "give the file as Oura exported it",
        ));
    };
    let day = NaiveDate::parse_from_str(super::sheet::date_part(text), "%Y-%m-%d").map_err(|_| {
        refuse(&sheet.file, format!("'{text}' is not a day"), "give the file as Oura exported it")
    })?;
    let day = day.checked_add_days(Days::new(shift)).unwrap_or(day);
    let day = sheet.check_day(day, Place::Day(day))?;
    Ok(Some(Period {
        day,
        seconds: field(p, ["total_sleep_duration", "total"], sheet, day)?,
        rhr: field(p, ["lowest_heart_rate", "hr_lowest"], sheet, day)?,
        hrv: field(p, ["average_hrv", "rmssd"], sheet, day)?,
    }))
}

pub fn read_json(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    let mut sheet = Sheet::new(file, today);
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        refuse(&sheet.file, format!("not valid JSON ({e})"), "give the file as Oura exported it")
    })?;
    let Some(list) = periods(&doc) else {
        return Err(refuse(&sheet.file, "no \"sleep\" list of sleep periods", "give Oura's sleep export"));
    };
    let mut longest: std::collections::BTreeMap<NaiveDate, Period> = Default::default();
    let mut several = false;
    let mut shifted = false;
    for p in list {
        shifted |= p.get("day").is_none() && p.get("summary_date").is_some();
        let Some(p) = period(p, &sheet)? else { continue };
        let len = |p: &Period| p.seconds.unwrap_or(0.0);
        match longest.get(&p.day) {
            Some(old) => {
                several = true;
                if len(&p) > len(old) {
                    longest.insert(p.day, p);
                }
            }
            None => {
                longest.insert(p.day, p);
            }
        }
    }
    sheet.convert("total sleep → sleep_hours: seconds → hours");
    sheet.convert(
        "lowest heart rate → rhr; average HRV → hrv: the overnight average rMSSD (source overnight)",
    );
    if shifted {
        sheet.convert("summary_date + 1 day: the old export dates a night by the evening it began");
    }
    if several {
        sheet.convert("days with several sleep periods (naps): kept each day's longest");
    }
    for (day, p) in longest {
        let place = Place::Day(day);
        if let Some(s) = p.seconds {
            sheet.put(day, "sleep_hours", s / 3600.0, place);
        }
        if let Some(r) = p.rhr {
            sheet.put(day, "rhr", r, place);
        }
        if let Some(h) = p.hrv {
            overnight(&mut sheet, day, h, place);
        }
    }
    sheet.finish()
}
