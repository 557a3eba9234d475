//! Apple Health's `export.xml` ("Export All Health Data"; the framework unzips
//! `export.zip`), read as a stream of elements, never as a tree: the file can be a
//! gigabyte. Resting HR, sleep analysis (asleep stages, overlaps of several sources counted
//! once, by the morning they end), body mass (kg, lb or g) and running workouts.
//! `HeartRateVariabilitySDNN` is SDNN: never our rMSSD. A file that ends inside an element
//! (a half-copied export) or whose document type declares entities is refused.

use super::sheet::{Place, Sheet, refuse};
use crate::error::Result;
use crate::exchange::import::Imported;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::collections::{BTreeMap, BTreeSet};

use super::apple_input::{Counted, MAX_EVENT_BYTES, Stop};
use super::apple_workout as workout;
use crate::exchange::unpack::MAX_STREAM_BYTES;
use std::io::BufRead;

const TODO: &str = "give export.xml (or export.zip) as Apple Health's \"Export All Health Data\" wrote it";
const RHR: &str = "HKQuantityTypeIdentifierRestingHeartRate";
const SLEEP: &str = "HKCategoryTypeIdentifierSleepAnalysis";
const MASS: &str = "HKQuantityTypeIdentifierBodyMass";
const SDNN: &str = "HKQuantityTypeIdentifierHeartRateVariabilitySDNN";
const ASLEEP: [&str; 5] = [
    "HKCategoryValueSleepAnalysisAsleep",
    "HKCategoryValueSleepAnalysisAsleepUnspecified",
    "HKCategoryValueSleepAnalysisAsleepCore",
    "HKCategoryValueSleepAnalysisAsleepDeep",
    "HKCategoryValueSleepAnalysisAsleepREM",
];
/// Sleep that ends from 18:00 of the day before up to 18:00 counts for the day.
const NIGHT_SHIFT_HOURS: i64 = 6;

/// True when the bytes start like Apple Health's export.
pub fn looks_like(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.windows(11).any(|w| w == b"<HealthData")
}

/// One attribute's value.
pub(super) fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

pub(super) fn time(
    text: Option<String>,
    field: &str,
    sheet: &Sheet,
    place: Place,
) -> Result<DateTime<FixedOffset>> {
    let text = text.unwrap_or_default();
    DateTime::parse_from_str(&text, "%Y-%m-%d %H:%M:%S %z").map_err(|_| {
        sheet.error(place, field, &format!("'{text}' is not a time (YYYY-MM-DD HH:MM:SS ±HHMM)"))
    })
}

pub(super) fn value(text: Option<String>, field: &str, sheet: &Sheet, place: Place) -> Result<f64> {
    let text = text.unwrap_or_default();
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| sheet.error(place, field, &format!("'{text}' is not a number")))
}

/// An interval asleep.
type Span = (DateTime<FixedOffset>, DateTime<FixedOffset>);

/// The earliest value of each day (the morning one), with where it was.
type Mornings = BTreeMap<NaiveDate, (DateTime<FixedOffset>, f64, Place)>;

fn keep_earliest(m: &mut Mornings, at: DateTime<FixedOffset>, v: f64, place: Place) {
    let day = at.date_naive();
    if m.get(&day).is_none_or(|(t, _, _)| at < *t) {
        m.insert(day, (at, v, place));
    }
}

fn kilograms(v: f64, unit: &str) -> Option<f64> {
    match unit {
        "kg" => Some(v),
        "lb" => Some(v * 0.453_592_37),
        "g" => Some(v / 1000.0),
        _ => None,
    }
}

/// Hours asleep in a night: the union of its intervals, so sources that overlap (a watch
/// and a phone app) count once.
fn hours(mut spans: Vec<Span>) -> f64 {
    spans.sort();
    let mut total = Duration::zero();
    let mut current: Option<Span> = None;
    for (s, e) in spans {
        current = match current {
            Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((cs, ce)) = current {
        total += ce - cs;
    }
    total.num_seconds() as f64 / 3600.0
}

/// The refusal of a read that failed at `line`: past the limit, the input unreadable (a
/// broken zip or gzip under it), or the XML itself.
fn failed(sheet: &Sheet, line: u64, stop: Option<Stop>, e: &quick_xml::Error) -> crate::error::Error {
    match stop {
        Some(Stop::Cap) => {
            let gib = MAX_STREAM_BYTES / (1024 * 1024 * 1024);
            return refuse(
                &sheet.file,
                format!("more than {gib} GiB of XML (unpacked), the most an import streams"),
                "check it is Apple Health's export; cooldown streams up to 4 GiB of its XML in one import",
            );
        }
        Some(Stop::Event) => {
            let mib = MAX_EVENT_BYTES / (1024 * 1024);
            return refuse(
                &sheet.file,
                format!("an element at line {line} runs on past {mib} MiB, not what Apple Health writes"),
                TODO,
            );
        }
        None => {}
    }
    let quoted = |t: String| crate::text::quote(&t, 160);
    match e {
        quick_xml::Error::Io(io) => {
            refuse(&sheet.file, format!("cannot be read at line {line} ({})", quoted(io.to_string())), TODO)
        }
        _ => refuse(&sheet.file, format!("not valid XML at line {line} ({})", quoted(e.to_string())), TODO),
    }
}

/// Reads an export held in memory.
pub fn read(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    read_stream(bytes, file, today, MAX_STREAM_BYTES).map(|(got, _)| got)
}

/// Reads an export as a stream, never more than `cap` bytes of it; also says how many it
/// read. Memory stays small: a day's totals and the running workouts are kept, not the file.
pub fn read_stream(input: impl BufRead, file: &str, today: NaiveDate, cap: u64) -> Result<(Imported, u64)> {
    let mut sheet = Sheet::new(file, today);
    let mut reader = quick_xml::Reader::from_reader(Counted::new(input, cap));
    let mut buf = Vec::with_capacity(4096);
    let (mut rhr, mut mass) = (Mornings::new(), Mornings::new());
    let mut nights: BTreeMap<NaiveDate, Vec<Span>> = BTreeMap::new();
    let mut others: BTreeSet<String> = BTreeSet::new();
    let (mut sdnn, mut root) = (false, false);
    let mut workouts = workout::Workouts::new(file);
    // Elements open at this point (quick-xml checks each end matches its start).
    let mut depth = 0usize;
    loop {
        buf.clear();
        // Where this event starts (the parser consumes the bytes of one event at a time).
        reader.get_mut().mark();
        let line = reader.get_ref().line();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => return Err(failed(&sheet, line, reader.get_ref().stop(), &e)),
        };
        let (e, open) = match &event {
            Event::Start(e) => {
                depth += 1;
                (e, true)
            }
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.name().as_ref() == "Workout" {
                    workouts.close(&sheet)?;
                }
                continue;
            }
            Event::DocType(d) if d.contains("ENTITY") => {
                return Err(refuse(&sheet.file, "its document type declares entities", TODO));
            }
            Event::Eof if depth > 0 => {
                return Err(refuse(
                    &sheet.file,
                    format!("truncated: it ends inside an element (line {line})"),
                    TODO,
                ));
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.name();
        if !root {
            if name.as_ref() != "HealthData" {
                return Err(refuse(&sheet.file, "not an Apple Health export (no HealthData element)", TODO));
            }
            root = true;
            continue;
        }
        match name.as_ref() {
            "Workout" => workouts.open(e, open, &sheet, Place::Line(line))?,
            "WorkoutStatistics" => workouts.statistics(e, &sheet, Place::Line(line))?,
            "Record" => {
                let kind = attr(e, "type").unwrap_or_default();
                let place = Place::Line(line);
                match kind.as_str() {
                    RHR => {
                        let at = time(attr(e, "startDate"), "startDate", &sheet, place)?;
                        keep_earliest(&mut rhr, at, value(attr(e, "value"), "rhr", &sheet, place)?, place);
                    }
                    MASS => {
                        let at = time(attr(e, "startDate"), "startDate", &sheet, place)?;
                        let unit = attr(e, "unit").unwrap_or_default();
                        let v = value(attr(e, "value"), "weight_kg", &sheet, place)?;
                        let kg = kilograms(v, &unit).ok_or_else(|| {
                            sheet.error(place, "weight_kg", &format!("unit '{unit}' is not kg, lb or g"))
                        })?;
                        keep_earliest(&mut mass, at, kg, place);
                    }
                    SLEEP if attr(e, "value").is_some_and(|v| ASLEEP.contains(&v.as_str())) => {
                        let start = time(attr(e, "startDate"), "startDate", &sheet, place)?;
                        let end = time(attr(e, "endDate"), "endDate", &sheet, place)?;
                        if end > start {
                            let night = (end.naive_local() + Duration::hours(NIGHT_SHIFT_HOURS)).date();
                            nights.entry(night).or_default().push((start, end));
                        }
                    }
                    SLEEP => {}
                    SDNN => sdnn = true,
                    other => {
                        let short = other.trim_start_matches("HKQuantityTypeIdentifier");
                        let short = short.trim_start_matches("HKCategoryTypeIdentifier");
                        if others.len() < 8 {
                            others.insert(short.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if !root {
        return Err(refuse(&sheet.file, "not an Apple Health export (no HealthData element)", TODO));
    }
    for (day, (_, v, place)) in rhr {
        let day = sheet.check_day(day, place)?;
        sheet.put(day, "rhr", v, place);
    }
    for (day, (_, v, place)) in mass {
        let day = sheet.check_day(day, place)?;
        sheet.put(day, "weight_kg", v, place);
    }
    for (day, spans) in nights {
        let day = sheet.check_day(day, Place::Day(day))?;
        sheet.put(day, "sleep_hours", hours(spans), Place::Day(day));
    }
    sheet.convert("RestingHeartRate → rhr; BodyMass → weight_kg (lb and g converted); each day's earliest");
    sheet.convert("SleepAnalysis asleep stages → sleep_hours: summed per night (overlapping sources once), for the day it ends (18:00 to 18:00)");
    if sdnn {
        sheet.ignore(super::intervals::sdnn_note("HeartRateVariabilitySDNN").unwrap_or_default());
    }
    if !others.is_empty() {
        sheet.ignore(format!("other records ({}, …)", others.into_iter().collect::<Vec<_>>().join(", ")));
    }
    let (activities, skipped) = workouts.done();
    if skipped > 0 {
        sheet.ignore(format!("workouts of other sports than running: {skipped}"));
    }
    let mut got = sheet.finish()?;
    got.activities = activities;
    Ok((got, reader.get_ref().used()))
}
