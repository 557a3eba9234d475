//! Activity files from watches and apps — FIT, GPX, TCX — read into `Activity`s, one per
//! recorded session. The import framework unwraps `.gz`/`.zip` and picks the reader from
//! the content; the store matches each activity to the runs already kept
//! (`store::activities`). A file that is not what it claims is refused in one line,
//! `FILE: not a FIT file (…)`, exit 65, with nothing stored.

mod fit;
mod fit_header;
mod gpx;
mod tcx;
mod xml;

use crate::domain::activity::{Activity, is_running_sport};
use crate::error::{Error, Result};
use crate::exchange::import::Imported;
use crate::text::quote;
use chrono::NaiveDate;

/// A FIT file's activities (`bytes` already unwrapped; `file` the name messages use).
pub fn read_fit(bytes: &[u8], file: &str) -> Result<Imported> {
    fit::read(bytes, file)
}

/// A GPX file's activities: one per track with at least two timed points.
pub fn read_gpx(bytes: &[u8], file: &str) -> Result<Imported> {
    gpx::read(bytes, file)
}

/// A TCX file's activities: one per `Activity`.
pub fn read_tcx(bytes: &[u8], file: &str) -> Result<Imported> {
    tcx::read(bytes, file)
}

/// What the summary says when a file gave no offset of its own and its times were placed
/// in this computer's zone.
const MACHINE_ZONE_NOTE: &str = "times: this computer's time zone (the file gives no local offset)";

/// How long a parser's own error may be in a message.
const REASON_CHARS: usize = 120;

fn short(reason: &str) -> String {
    quote(reason.lines().next().unwrap_or(""), REASON_CHARS)
}

/// `FILE: not a FORMAT file (why)`.
fn not_a(format: &str, file: &str, why: &str) -> Error {
    Error::bad_input(
        format!("{file}: not a {format} file ({})", short(why)),
        "import",
        format!("give the {format} file as the watch or app exported it; nothing was imported"),
    )
}

/// What to do about a file with no recorded session: also what marks the error as one.
const NO_ACTIVITY_TODO: &str =
    "give an activity as the watch or app recorded it (with times); nothing was imported";

/// A well-formed file with no recorded session in it (a watch's settings or monitoring
/// file, a planned route): refused when named, skipped inside a folder or an archive.
fn no_activity(file: &str, format: &str, hint: &str) -> Error {
    Error::bad_input(
        format!("{file}: no recorded activity in this {format} file ({hint})"),
        "import",
        NO_ACTIVITY_TODO,
    )
}

/// Whether a reader's refusal says the file is well formed but holds no activity.
pub fn is_no_activity(e: &Error) -> bool {
    e.todo == NO_ACTIVITY_TODO
}

/// The first day an activity file may hold: GPX, TCX, FIT and Apple Health all came
/// later, so an earlier time is a watch whose clock was never set (FIT counts such times
/// from the device's power-on).
const FIRST_DAY: (i32, u32, u32) = (2000, 1, 1);

/// Refuses `file` when it holds an activity that ends after `today` or starts before 2000, by its
/// file and day: a wrong clock is never stored as a run (`run` refuses the same).
pub fn check_dates(activities: &[Activity], file: &str, today: NaiveDate) -> Result<()> {
    let first = NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).unwrap_or(NaiveDate::MIN);
    for a in activities {
        let (start, end) = (a.start.date_naive(), a.end.date_naive());
        let why = if end > today {
            format!("an activity on {end} is in the future (today is {today})")
        } else if start < first {
            format!("an activity on {start} is before {first}: the watch's clock was not set")
        } else {
            continue;
        };
        return Err(Error::bad_input(
            format!("{file}: {why}"),
            "import",
            "check the clock of the watch or app that recorded it; nothing was imported",
        ));
    }
    Ok(())
}

/// An average heart rate a person can have, as a whole number.
fn heart_rate(bpm: Option<f64>) -> Option<u16> {
    bpm.filter(|b| (20.0..=250.0).contains(b)).map(|b| b.round() as u16)
}

/// A sport as a run's note shows it and whether it is running.
struct Sport {
    name: String,
    running: bool,
}

/// The longest sport name kept.
const SPORT_CHARS: usize = 40;

impl Sport {
    /// `running/trail` from `running` and `trail` (a `generic` sub-sport is left out);
    /// `None` for a multisport file's transition, which is no session of its own.
    fn of(sport: &str, sub: Option<&str>) -> Option<Sport> {
        let clean = |s: &str| -> String {
            s.trim().chars().filter(|c| !c.is_control()).take(SPORT_CHARS).collect::<String>().to_lowercase()
        };
        let main = clean(sport);
        if main == "transition" {
            return None;
        }
        let main = if main.is_empty() { "running".to_string() } else { main };
        let name = match sub.map(clean).filter(|s| !s.is_empty() && s != "generic" && *s != main) {
            Some(sub) => format!("{main}/{sub}"),
            None => main.clone(),
        };
        Some(Sport { running: is_running_sport(&main), name })
    }
}

/// The distance between two points on the Earth, in metres (haversine, mean radius).
fn metres_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_M: f64 = 6_371_008.8;
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let (dlat, dlon) = ((b.0 - a.0).to_radians(), (b.1 - a.1).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_M * h.sqrt().min(1.0).asin()
}

/// An ISO 8601 time as GPX and TCX write it (`2024-03-10T07:00:00Z`, with fractions or an
/// offset), as UTC.
fn iso_time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text.trim()).ok().map(|t| t.to_utc())
}

#[cfg(test)]
#[path = "mod_tests.rs"]
mod tests;
