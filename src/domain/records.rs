//! The plain records cooldown keeps: a day's morning markers, a run, a tick.

use super::session::Session;
use chrono::{NaiveDate, NaiveTime};

/// The fields of a morning by name: the database's columns and the markers CSV's, in
/// this order.
pub const MARKER_FIELDS: [&str; 12] = [
    "rhr",
    "hrv",
    "sleep_hours",
    "sleep_quality",
    "soreness",
    "pain",
    "pain_site",
    "hop_cm",
    "balance_s",
    "weight_kg",
    "ill",
    "note",
];

/// One morning's markers (CLI.md `cooldown log`). `None` is "not logged".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Markers {
    pub rhr: Option<u16>,
    pub hrv: Option<f64>,
    pub sleep_hours: Option<f64>,
    pub sleep_quality: Option<u8>,
    pub soreness: Option<u8>,
    pub pain: Option<u8>,
    pub pain_site: Option<String>,
    pub hop_cm: Option<f64>,
    pub balance_s: Option<f64>,
    pub weight_kg: Option<f64>,
    pub ill: Option<bool>,
    pub note: Option<String>,
}

impl Markers {
    pub fn is_empty(&self) -> bool {
        *self == Markers::default()
    }

    /// Sets one field (a name of `MARKER_FIELDS`) to its value in `from`, `None` included.
    pub fn take(&mut self, from: &Markers, field: &str) {
        match field {
            "rhr" => self.rhr = from.rhr,
            "hrv" => self.hrv = from.hrv,
            "sleep_hours" => self.sleep_hours = from.sleep_hours,
            "sleep_quality" => self.sleep_quality = from.sleep_quality,
            "soreness" => self.soreness = from.soreness,
            "pain" => self.pain = from.pain,
            "pain_site" => self.pain_site.clone_from(&from.pain_site),
            "hop_cm" => self.hop_cm = from.hop_cm,
            "balance_s" => self.balance_s = from.balance_s,
            "weight_kg" => self.weight_kg = from.weight_kg,
            "ill" => self.ill = from.ill,
            "note" => self.note.clone_from(&from.note),
            _ => {}
        }
    }
}

/// A training session (CLI.md `cooldown run`). A day may have several; the end time
/// `at` tells them apart, so recording the same run twice replaces it.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub day: NaiveDate,
    /// When the run ended (local time, to the minute).
    pub at: NaiveTime,
    pub kind: Session,
    pub minutes: u32,
    pub km: Option<f64>,
    pub rpe: Option<u8>,
    pub weight_before_kg: Option<f64>,
    pub weight_after_kg: Option<f64>,
    pub fluid_l: Option<f64>,
    pub note: Option<String>,
}

impl Run {
    /// A run with only the required fields.
    pub fn new(day: NaiveDate, at: NaiveTime, kind: Session, minutes: u32) -> Run {
        Run {
            day,
            at,
            kind,
            minutes,
            km: None,
            rpe: None,
            weight_before_kg: None,
            weight_after_kg: None,
            fluid_l: None,
            note: None,
        }
    }
}

/// One ticked set of a checklist item. Items that are not sets have one set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub item_id: String,
    /// 1-based.
    pub set: u8,
}
