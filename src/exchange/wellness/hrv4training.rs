//! HRV4Training's CSV export (Settings → Export data / Dropbox): one row per measurement,
//! `-` for a missing value. Its morning rMSSD and heart rate are ours; its 1–10 sleep
//! quality becomes our 1–5; SDNN and the sliders whose direction it does not state are
//! listed as ignored.

use super::csvfile;
use super::sheet::{Place, Sheet, number};
use crate::error::Result;
use crate::exchange::import::Imported;
use chrono::NaiveDate;

/// The headers that tell an HRV4Training export from other CSVs.
pub fn looks_like(header: &[&str]) -> bool {
    let has = |n: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(n));
    has("HRV4T_Recovery_Points") || (has("rMSSD") && (has("timestamp_measurement") || has("AVNN")))
}

/// Our column, and how its value becomes ours.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Rhr,
    Hrv,
    SleepQuality,
    SleepHours,
}

fn target(header: &str) -> Option<Target> {
    match header.to_ascii_lowercase().as_str() {
        "hr" => Some(Target::Rhr),
        "rmssd" => Some(Target::Hrv),
        "sleep_quality" => Some(Target::SleepQuality),
        "sleep_time" => Some(Target::SleepHours),
        _ => None,
    }
}

fn why_not(header: &str) -> String {
    match header.to_ascii_lowercase().as_str() {
        "sdnn" => super::intervals::sdnn_note(header).unwrap_or_default(),
        "muscle_soreness" | "fatigue" => {
            format!(
                "{header} (a 1–10 slider whose ends the export does not name; log soreness 0–10 yourself)"
            )
        }
        _ => header.to_string(),
    }
}

/// HRV4Training's sleep quality, 1–10 (10 best), to ours, 1–5: 1–2 → 1 … 9–10 → 5.
fn quality(v: f64) -> Option<f64> {
    (v.fract() == 0.0 && (1.0..=10.0).contains(&v)).then(|| (v / 2.0).ceil())
}

pub fn read(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    let mut sheet = Sheet::new(file, today);
    let mut rows = csvfile::open(bytes, &sheet)?;
    let stamp = rows.at("timestamp_measurement");
    let date = rows.at("date").or(stamp).ok_or_else(|| {
        super::sheet::refuse(&sheet.file, "no date column", "give the CSV file as HRV4Training exported it")
    })?;
    let headers = rows.headers.clone();
    let targets: Vec<Option<Target>> = headers.iter().map(|h| target(h)).collect();
    for (h, t) in headers.iter().zip(&targets) {
        let used = Some(h) == headers.get(date) || stamp.is_some_and(|s| headers[s] == *h);
        if t.is_none() && !used {
            sheet.ignore(why_not(h));
        }
    }
    for (t, note) in [
        (Target::Rhr, "HR → rhr: the morning measurement's heart rate, rounded"),
        (Target::Hrv, "rMSSD → hrv: a morning reading"),
        (Target::SleepQuality, "sleep_quality → sleep_quality: 1–10 (10 best) → 1–5 (1–2 → 1 … 9–10 → 5)"),
        (Target::SleepHours, "sleep_time → sleep_hours: hours"),
    ] {
        if targets.contains(&Some(t)) {
            sheet.convert(note);
        }
    }
    let records = rows.records(&sheet)?;
    let day_of =
        |row: &csv::StringRecord, line: u64| sheet.day(row.get(date).unwrap_or(""), Place::Line(line));
    let time = stamp.map(|s| (s, headers[s].as_str()));
    let (chosen, note) = csvfile::mornings(records, day_of, time, &sheet)?;
    if let Some(note) = note {
        sheet.convert(note);
    }
    for (day, line, row) in chosen {
        let place = Place::Line(line);
        for ((cell, t), h) in row.iter().zip(&targets).zip(&headers) {
            let Some(t) = *t else { continue };
            let Some(v) = number(cell).map_err(|r| sheet.error(place, h, &r))? else { continue };
            match t {
                // A measurement that failed writes 0.
                Target::Rhr if v != 0.0 => sheet.put(day, "rhr", v, place),
                Target::Hrv if v != 0.0 => {
                    sheet.put(day, "hrv", v, place);
                    sheet.put_text(day, "hrv_source", "morning".into(), place);
                }
                Target::SleepQuality => {
                    let q = quality(v).ok_or_else(|| {
                        sheet.error(place, h, &format!("{} is off HRV4Training's 1–10 scale", cell.trim()))
                    })?;
                    sheet.put(day, "sleep_quality", q, place);
                }
                Target::SleepHours if v != 0.0 => sheet.put(day, "sleep_hours", v, place),
                _ => {}
            }
        }
    }
    sheet.finish()
}
