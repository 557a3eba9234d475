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

use super::apple_workout as workout;

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

/// The reader's position as a line number, counted as it goes (once over the file).
pub(super) struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    pub(super) fn line(&mut self, pos: u64) -> u64 {
        let to = usize::try_from(pos).unwrap_or(usize::MAX).min(self.bytes.len());
        if to > self.at {
            self.line += self.bytes[self.at..to].iter().filter(|b| **b == b'\n').count() as u64;
            self.at = to;
        }
        self.line
    }
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

pub fn read(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Imported> {
    let mut sheet = Sheet::new(file, today);
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut lines = Lines { bytes, at: 0, line: 1 };
    let (mut rhr, mut mass) = (Mornings::new(), Mornings::new());
    let mut nights: BTreeMap<NaiveDate, Vec<Span>> = BTreeMap::new();
    let mut others: BTreeSet<String> = BTreeSet::new();
    let (mut sdnn, mut root) = (false, false);
    let mut workouts = workout::Workouts::new(file);
    // Elements open at this point (quick-xml checks each end matches its start).
    let mut depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            let line = lines.line(reader.error_position());
            refuse(&sheet.file, format!("not valid XML at line {line} ({e})"), TODO)
        })?;
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
                let line = lines.line(pos);
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
            "Workout" => workouts.open(e, open, &sheet, Place::Line(lines.line(pos)))?,
            "WorkoutStatistics" => workouts.statistics(e, &sheet, Place::Line(lines.line(pos)))?,
            "Record" => {
                let kind = attr(e, "type").unwrap_or_default();
                let place = Place::Line(lines.line(pos));
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
    Ok(got)
}
