//! Wellness exports of the apps and watches runners use, read into our markers (and, for
//! Apple Health, running workouts as activities). One file per source; `sheet` checks
//! every value exactly as `log` does, so a bad value rejects the file with its line (or
//! day) and nothing is stored. HRV is rMSSD only: SDNN columns are listed as ignored.
//!
//! | source | reader |
//! |---|---|
//! | intervals.icu wellness CSV (and its column names) | `intervals` |
//! | HRV4Training CSV | `hrv4training` |
//! | Oura CSV ("Export data") and sleep JSON | `oura` |
//! | Apple Health `export.xml` (streamed) | `apple` |
//! | Garmin Connect data-export folder | `garmin` |

mod apple;
mod apple_input;
mod apple_workout;
mod csvfile;
mod garmin;
mod hrv4training;
mod intervals;
mod oura;
mod sheet;

use crate::error::Result;
use crate::exchange::columns::{self, Role};
use crate::exchange::import::Imported;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    IntervalsIcu,
    Hrv4Training,
    OuraCsv,
    OuraJson,
    AppleHealthXml,
}

/// Which wellness export a CSV is, from its header cells; `None` for our own files (and
/// anything else).
pub fn sniff_csv(header: &[&str]) -> Option<Kind> {
    if hrv4training::looks_like(header) {
        return Some(Kind::Hrv4Training);
    }
    if oura::looks_like_csv(header) {
        return Some(Kind::OuraCsv);
    }
    let has = |n: &str| header.contains(&n);
    if has("type") && has("minutes") {
        return None; // our runs file: `id` there is a run's id
    }
    // Any column named as a wellness export names it: a file mixing them with ours is
    // refused by the reader (RELIABILITY rule 20).
    header
        .iter()
        .any(|h| matches!(columns::role(h), Role::Wellness(..) | Role::WellnessDate))
        .then_some(Kind::IntervalsIcu)
}

/// Which wellness export a JSON file is (Oura's sleep periods), from its content.
pub fn sniff_json(bytes: &[u8]) -> Option<Kind> {
    let doc: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    oura::looks_like_json(&doc).then_some(Kind::OuraJson)
}

/// True for Apple Health's `export.xml` (its first 4 KiB name `HealthData`).
pub fn sniff_xml(bytes: &[u8]) -> Option<Kind> {
    apple::looks_like(bytes).then_some(Kind::AppleHealthXml)
}

/// Reads a wellness export of `kind`; `file` names it in errors; no day may be after
/// `today`. Errors are one line, `FILE:LINE: field: reason` or `FILE: message` (exit 65).
pub fn read(kind: Kind, bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    match kind {
        Kind::IntervalsIcu => intervals::read(bytes, file, today),
        Kind::Hrv4Training => hrv4training::read(bytes, file, today),
        Kind::OuraCsv => oura::read_csv(bytes, file, today),
        Kind::OuraJson => oura::read_json(bytes, file, today),
        Kind::AppleHealthXml => apple::read(bytes, file, today),
    }
}

/// Reads Apple Health's `export.xml` as a stream (held in memory: a day's totals and the
/// running workouts), at most `cap` bytes of it; also says how many bytes it read.
pub fn read_apple_stream(
    input: impl std::io::BufRead,
    file: &str,
    today: NaiveDate,
    cap: u64,
) -> Result<(Imported, u64)> {
    apple::read_stream(input, file, today, cap)
}

/// Reads a Garmin Connect data-export folder (the unzipped "Export your data": a
/// `DI_CONNECT` folder inside, or `DI_CONNECT` itself).
pub fn read_garmin_folder(path: &std::path::Path, today: NaiveDate) -> Result<Imported> {
    garmin::read_folder(path, today)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
