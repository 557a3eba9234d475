//! A Garmin Connect data export ("Export your data", unzipped): the JSON files under
//! `DI_CONNECT` that hold the nights and mornings. `DI-Connect-Wellness/*_sleepData.json`
//! (deep + light + REM seconds per night, dated by the morning), `DI-Connect-Aggregator/
//! UDSFile_*.json` (the day's `restingHeartRate`), `DI-Connect-Wellness/
//! *_healthStatusData.json` (the overnight HRV average, source overnight).

use super::sheet::{Place, Sheet, json_number, refuse};
use crate::error::{Error, Result};
use crate::exchange::import::Imported;
use crate::text;
use chrono::NaiveDate;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The largest JSON file read (Garmin's hold 100 days each, well under a megabyte).
const MOST_BYTES: u64 = 64 << 20;
const TODO: &str = "give the unzipped folder of Garmin Connect's \"Export your data\"";

/// The `DI_CONNECT` folder: `path` itself or inside it.
fn di_connect(path: &Path) -> Option<PathBuf> {
    let inside = path.join("DI_CONNECT");
    if inside.is_dir() {
        return Some(inside);
    }
    (path.file_name().is_some_and(|n| n == "DI_CONNECT") && path.is_dir()).then(|| path.to_path_buf())
}

/// The files of `folder` whose names satisfy `keep`, by name.
fn files(folder: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<PathBuf>> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for e in entries {
        let e = e.map_err(|e| io(folder, &e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.to_ascii_lowercase().ends_with(".json") && keep(&name) {
            out.push(e.path());
        }
    }
    out.sort();
    Ok(out)
}

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::io(
        format!("cannot read {} ({e})", text::path(path)),
        "import",
        "check the folder and its permissions; nothing was imported",
    )
}

/// One file's list of records; errors name it by its whole path (the folder as given, then
/// the file inside), so it can be found.
fn records(path: &Path) -> Result<(String, Vec<Value>)> {
    let name = text::path(path);
    let len = std::fs::metadata(path).map_err(|e| io(path, &e))?.len();
    if len > MOST_BYTES {
        return Err(refuse(&name, format!("{len} bytes, larger than a Garmin export's file"), TODO));
    }
    let bytes = std::fs::read(path).map_err(|e| io(path, &e))?;
    let doc: Value =
        serde_json::from_slice(&bytes).map_err(|e| refuse(&name, format!("not valid JSON ({e})"), TODO))?;
    match doc {
        Value::Array(list) => Ok((name, list)),
        _ => Err(refuse(&name, "not a list of days", TODO)),
    }
}

/// A record's `calendarDate`; `None` for a record without one.
fn day(r: &Value, name: &str, sheet: &Sheet) -> Result<Option<NaiveDate>> {
    let Some(text) = r.get("calendarDate").and_then(Value::as_str) else { return Ok(None) };
    let day = NaiveDate::parse_from_str(super::sheet::date_part(text), "%Y-%m-%d")
        .map_err(|_| refuse(name, format!("calendarDate '{text}' is not a day"), TODO))?;
    sheet.check_day(day, Place::Day(day)).map(Some)
}

/// A record's number (see `sheet::json_number`: 0 and null are missing, a negative or
/// non-numeric value is refused).
fn positive(r: &Value, key: &str, sheet: &Sheet, d: NaiveDate) -> Result<Option<f64>> {
    json_number(sheet, r.get(key), key, d)
}

pub fn read_folder(path: &Path, today: NaiveDate) -> Result<Imported> {
    let mut sheet = Sheet::new(&text::path(path), today);
    let root = di_connect(path).ok_or_else(|| {
        refuse(&sheet.file, "no DI_CONNECT folder inside: not a Garmin Connect export", TODO)
    })?;
    let wellness = root.join("DI-Connect-Wellness");
    let sleep = files(&wellness, |n| n.contains("sleepData"))?;
    let health = files(&wellness, |n| n.contains("healthStatusData"))?;
    let uds = files(&root.join("DI-Connect-Aggregator"), |n| n.starts_with("UDSFile"))?;
    if sleep.is_empty() && health.is_empty() && uds.is_empty() {
        return Err(refuse(
            &sheet.file,
            "no sleepData, healthStatusData or UDSFile JSON files in DI_CONNECT",
            "export again with Garmin Connect's \"Export your data\" and give its unzipped folder",
        ));
    }
    for f in &sleep {
        let (name, list) = records(f)?;
        for r in &list {
            let Some(d) = day(r, &name, &sheet)? else { continue };
            let mut seconds = 0.0;
            for k in ["deepSleepSeconds", "lightSleepSeconds", "remSleepSeconds"] {
                seconds += positive(r, k, &sheet, d)?.unwrap_or(0.0);
            }
            if seconds > 0.0 && !sheet.has(d, "sleep_hours") {
                sheet.put(d, "sleep_hours", seconds / 3600.0, Place::Day(d));
            }
            if r.get("sleepScores").is_some() {
                sheet.ignore("sleepScores (Garmin's 0–100 sleep score is not your 1–5 sleep quality)");
            }
            if r.get("napList").and_then(Value::as_array).is_some_and(|n| !n.is_empty()) {
                sheet.ignore("napList (naps are not the night's sleep)");
            }
        }
        sheet.convert(
            "sleepData: deep + light + REM seconds → sleep_hours (awake and unmeasurable time left out)",
        );
    }
    for f in &uds {
        let (name, list) = records(f)?;
        for r in &list {
            let Some(d) = day(r, &name, &sheet)? else { continue };
            if let Some(v) = positive(r, "restingHeartRate", &sheet, d)?.filter(|_| !sheet.has(d, "rhr")) {
                sheet.put(d, "rhr", v, Place::Day(d));
            }
        }
        sheet.convert("UDSFile restingHeartRate → rhr");
    }
    for f in &health {
        let (name, list) = records(f)?;
        for r in &list {
            let Some(d) = day(r, &name, &sheet)? else { continue };
            let metrics = r.get("metrics").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            let hrv = metrics.iter().find(|m| m.get("type").and_then(Value::as_str) == Some("HRV"));
            let hrv = match hrv {
                Some(m) => positive(m, "value", &sheet, d)?,
                None => None,
            };
            if let Some(v) = hrv.filter(|_| !sheet.has(d, "hrv")) {
                sheet.put(d, "hrv", v, Place::Day(d));
                sheet.put_text(d, "hrv_source", "overnight".into(), Place::Day(d));
            }
        }
        sheet.convert("healthStatusData HRV → hrv: the overnight average rMSSD (source overnight)");
    }
    sheet.finish()
}
