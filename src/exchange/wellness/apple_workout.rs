//! Apple Health's running workouts as activities: start, end, minutes, distance and
//! average heart rate, from a `Workout` element's attributes and its
//! `WorkoutStatistics` children (newer exports keep the distance only there).

use super::apple::{attr, time, value};
use super::sheet::{Place, Sheet};
use crate::domain::activity::Activity;
use crate::error::Result;
use chrono::{DateTime, FixedOffset};
use quick_xml::events::BytesStart;

const RUNNING: &str = "HKWorkoutActivityTypeRunning";
const HEART_RATE: &str = "HKQuantityTypeIdentifierHeartRate";
const DISTANCE: &str = "HKQuantityTypeIdentifierDistanceWalkingRunning";

struct Open {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    minutes: Option<f64>,
    km: Option<f64>,
    hr: Option<f64>,
    source: String,
    place: Place,
}

pub struct Workouts {
    file: String,
    current: Option<Open>,
    done: Vec<Activity>,
    skipped: usize,
}

fn km(v: f64, unit: &str) -> Option<f64> {
    match unit {
        "km" => Some(v),
        "m" => Some(v / 1000.0),
        "mi" => Some(v * 1.609_344),
        _ => None,
    }
}

fn minutes(v: f64, unit: &str) -> Option<f64> {
    match unit {
        "min" => Some(v),
        "s" => Some(v / 60.0),
        "h" | "hr" => Some(v * 60.0),
        _ => None,
    }
}

impl Workouts {
    /// Workouts of `file` (its last part names each activity's file).
    pub fn new(file: &str) -> Workouts {
        let last = file.rsplit(['/', '\\']).next().unwrap_or(file);
        Workouts { file: crate::text::quote(last, 120), current: None, done: Vec::new(), skipped: 0 }
    }

    pub fn open(&mut self, e: &BytesStart, has_children: bool, sheet: &Sheet, place: Place) -> Result<()> {
        if attr(e, "workoutActivityType").as_deref() != Some(RUNNING) {
            self.skipped += 1;
            self.current = None;
            return Ok(());
        }
        let unit = |key: &str| attr(e, key).unwrap_or_default();
        let number = |key: &str| -> Result<Option<f64>> {
            attr(e, key).map(|t| value(Some(t), key, sheet, place)).transpose()
        };
        let minutes = match number("duration")? {
            Some(v) => Some(minutes(v, &unit("durationUnit")).ok_or_else(|| {
                sheet.error(place, "duration", &format!("unit '{}' is not min, s or h", unit("durationUnit")))
            })?),
            None => None,
        };
        let km = match number("totalDistance")? {
            Some(v) => Some(km(v, &unit("totalDistanceUnit")).ok_or_else(|| {
                sheet.error(
                    place,
                    "totalDistance",
                    &format!("unit '{}' is not km, mi or m", unit("totalDistanceUnit")),
                )
            })?),
            None => None,
        };
        self.current = Some(Open {
            start: time(attr(e, "startDate"), "startDate", sheet, place)?,
            end: time(attr(e, "endDate"), "endDate", sheet, place)?,
            minutes,
            km,
            hr: None,
            source: attr(e, "sourceName").unwrap_or_default(),
            place,
        });
        if has_children { Ok(()) } else { self.close(sheet) }
    }

    pub fn statistics(&mut self, e: &BytesStart, sheet: &Sheet, place: Place) -> Result<()> {
        let Some(w) = self.current.as_mut() else { return Ok(()) };
        match attr(e, "type").as_deref() {
            Some(HEART_RATE) => {
                if let Some(t) = attr(e, "average") {
                    w.hr = Some(value(Some(t), "average", sheet, place)?);
                }
            }
            Some(DISTANCE) if w.km.is_none() => {
                if let Some(t) = attr(e, "sum") {
                    let unit = attr(e, "unit").unwrap_or_default();
                    let v = value(Some(t), "sum", sheet, place)?;
                    w.km = Some(km(v, &unit).ok_or_else(|| {
                        sheet.error(place, "sum", &format!("unit '{unit}' is not km, mi or m"))
                    })?);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The end of a `Workout` element: a running one becomes an activity.
    pub fn close(&mut self, sheet: &Sheet) -> Result<()> {
        let Some(w) = self.current.take() else { return Ok(()) };
        if w.end <= w.start {
            return Err(sheet.error(w.place, "endDate", "the workout ends before it starts"));
        }
        sheet.check_day(w.end.date_naive(), w.place)?;
        let minutes = w.minutes.unwrap_or_else(|| (w.end - w.start).num_seconds() as f64 / 60.0);
        self.done.push(Activity {
            source_id: format!("apple:{}/{}/{}", w.start.to_rfc3339(), w.end.to_rfc3339(), w.source),
            file: self.file.clone(),
            start: w.start,
            end: w.end,
            minutes: u32::try_from(minutes.round() as i64).ok(),
            km: w.km.map(|k| (k * 1000.0).round() / 1000.0),
            avg_hr: w.hr.and_then(|h| u16::try_from(h.round() as i64).ok()),
            sport: "running".into(),
            running: true,
            rpe: None,
        });
        Ok(())
    }

    /// The running activities, and how many workouts of other sports were passed over.
    pub fn done(self) -> (Vec<Activity>, usize) {
        (self.done, self.skipped)
    }
}
