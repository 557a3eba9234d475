//! The plain records cooldown keeps: a day's morning markers, a run, a tick; and the one
//! table of each record's fields (`fields::Spec`) that everything else derives from.

use super::fields::{Kind, Spec, Value, by_column};
use super::pain;
use super::session::Session;
use super::values;
use chrono::{NaiveDate, NaiveTime};

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
    /// Where today's HRV came from; `None` is a morning reading.
    pub hrv_source: Option<HrvSource>,
}

impl Markers {
    pub fn is_empty(&self) -> bool {
        *self == Markers::default()
    }

    /// Sets one field (a column of `MARKER_FIELDS`) to its value in `from`, `None` included.
    pub fn take(&mut self, from: &Markers, column: &str) {
        if let Some(spec) = by_column(&MARKER_FIELDS, column) {
            (spec.set)(self, (spec.get)(from));
        }
    }

    /// The columns among `columns` that hold a value, in table order.
    pub fn held(&self, columns: &[&str]) -> Vec<&'static str> {
        MARKER_FIELDS
            .iter()
            .filter(|s| columns.contains(&s.column) && (s.get)(self).is_some())
            .map(|s| s.column)
            .collect()
    }
}

/// Where a morning's HRV came from (READINESS.md v2 "HRV source"): the two sit at
/// different levels, so the rules compare each only with values of its own source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HrvSource {
    /// A reading on waking (a phone app or a chest strap); what typed values are.
    #[default]
    Morning,
    /// A watch's or ring's overnight average (Garmin, Oura, WHOOP and similar).
    Overnight,
}

impl HrvSource {
    pub const NAMES: [&'static str; 2] = ["morning", "overnight"];

    pub fn name(self) -> &'static str {
        match self {
            HrvSource::Morning => "morning",
            HrvSource::Overnight => "overnight",
        }
    }

    pub fn parse(text: &str) -> Option<HrvSource> {
        [HrvSource::Morning, HrvSource::Overnight].into_iter().find(|s| s.name() == text)
    }
}

impl Markers {
    /// The source of the day's HRV: what was said, else a morning reading.
    pub fn hrv_source(&self) -> HrvSource {
        self.hrv_source.unwrap_or_default()
    }
}

/// A whole-number value that fits `T`.
fn whole<T: TryFrom<i64>>(v: Option<Value>) -> Option<T> {
    v.and_then(Value::int).and_then(|i| T::try_from(i).ok())
}

fn int<T: Into<i64>>(v: Option<T>) -> Option<Value> {
    v.map(|v| Value::Int(v.into()))
}

fn real(v: Option<f64>) -> Option<Value> {
    v.map(Value::Real)
}

fn text(v: &Option<String>) -> Option<Value> {
    v.clone().map(Value::Text)
}

/// The fields of a morning, in the order of the database, the markers CSV and the form.
pub const MARKER_FIELDS: [Spec<Markers>; 13] = [
    Spec {
        column: "rhr",
        name: "rhr",
        label: "Resting HR",
        hint: "bpm, 25–220",
        help: "Resting heart rate, 25–220 bpm (whole number)",
        value_name: "BPM",
        kind: Kind::Int(values::RHR),
        required: false,
        get: |m| int(m.rhr),
        set: |m, v| m.rhr = whole(v),
    },
    Spec {
        column: "hrv",
        name: "hrv",
        label: "HRV (rMSSD)",
        hint: "ms, 5–300",
        help: "Morning HRV (rMSSD), 5–300 ms",
        value_name: "MS",
        kind: Kind::Real(values::HRV),
        required: false,
        get: |m| real(m.hrv),
        set: |m, v| m.hrv = v.and_then(Value::real),
    },
    Spec {
        column: "sleep_hours",
        name: "sleep",
        label: "Sleep",
        hint: "hours, 0–24 or H:MM",
        help: "Hours slept, 0–24, as 7.5 or 7:30 (H:MM)",
        value_name: "H",
        kind: Kind::Real(values::SLEEP),
        required: false,
        get: |m| real(m.sleep_hours),
        set: |m, v| m.sleep_hours = v.and_then(Value::real),
    },
    Spec {
        column: "sleep_quality",
        name: "sleep-quality",
        label: "Sleep quality",
        hint: "1–5, 5 = best",
        help: "Sleep quality, 1–5 (5 = best)",
        value_name: "1-5",
        kind: Kind::Int(values::SLEEP_QUALITY),
        required: false,
        get: |m| int(m.sleep_quality),
        set: |m, v| m.sleep_quality = whole(v),
    },
    Spec {
        column: "soreness",
        name: "soreness",
        label: "Soreness",
        hint: "0–10, 10 = worst",
        help: "Muscle soreness, 0–10 (10 = worst)",
        value_name: "0-10",
        kind: Kind::Int(values::SORENESS),
        required: false,
        get: |m| int(m.soreness),
        set: |m, v| m.soreness = whole(v),
    },
    Spec {
        column: "pain",
        name: "pain",
        label: "Localized pain",
        hint: "0–10, 10 = worst",
        help: "Localized pain, 0–10 (10 = worst)",
        value_name: "0-10",
        kind: Kind::Int(values::PAIN),
        required: false,
        get: |m| int(m.pain),
        set: |m, v| m.pain = whole(v),
    },
    Spec {
        column: "pain_site",
        name: "pain-site",
        label: "Pain site",
        hint: "foot, knee, … other",
        help: "Where the pain is (with --pain): foot, achilles-calf, shin, knee, hamstring, quad, hip-glute, lower-back or other (say more with --note)",
        value_name: "SITE",
        kind: Kind::Choice(&pain::SITES),
        required: false,
        get: |m| text(&m.pain_site),
        set: |m, v| m.pain_site = v.and_then(Value::text).filter(|s| pain::SITES.contains(&s.as_str())),
    },
    Spec {
        column: "hop_cm",
        name: "hop",
        label: "Single-leg hop",
        hint: "cm, 1–500",
        help: "Single-leg hop distance, 1–500 cm",
        value_name: "CM",
        kind: Kind::Real(values::HOP),
        required: false,
        get: |m| real(m.hop_cm),
        set: |m, v| m.hop_cm = v.and_then(Value::real),
    },
    Spec {
        column: "balance_s",
        name: "balance",
        label: "Balance, eyes closed",
        hint: "s, 0–600",
        help: "Single-leg balance, eyes closed, 0–600 s",
        value_name: "S",
        kind: Kind::Real(values::BALANCE),
        required: false,
        get: |m| real(m.balance_s),
        set: |m, v| m.balance_s = v.and_then(Value::real),
    },
    Spec {
        column: "weight_kg",
        name: "weight",
        label: "Body weight",
        hint: "kg, 20–300",
        help: "Body weight, 20–300 kg (45–661 lb with units = \"imperial\")",
        value_name: "KG|LB",
        kind: Kind::Real(values::WEIGHT),
        required: false,
        get: |m| real(m.weight_kg),
        set: |m, v| m.weight_kg = v.and_then(Value::real),
    },
    Spec {
        column: "ill",
        name: "ill",
        label: "Ill",
        hint: "yes / no",
        help: "Feeling ill (--ill false takes it back)",
        value_name: "true|false",
        kind: Kind::YesNo,
        required: false,
        get: |m| m.ill.map(Value::Flag),
        set: |m, v| m.ill = v.and_then(Value::flag),
    },
    Spec {
        column: "note",
        name: "note",
        label: "Note",
        hint: "anything else",
        help: "A note on the morning, up to 500 characters on one line",
        value_name: "TEXT",
        kind: Kind::Text,
        required: false,
        get: |m| text(&m.note),
        set: |m, v| m.note = v.and_then(Value::text),
    },
    Spec {
        column: "hrv_source",
        name: "hrv-source",
        label: "HRV from",
        hint: "morning / overnight",
        help: "Where the HRV came from: morning (a reading on waking, the default) or overnight (a watch's night average)",
        value_name: "morning|overnight",
        kind: Kind::Choice(&HrvSource::NAMES),
        required: false,
        get: |m| m.hrv_source.map(|s| Value::Text(s.name().into())),
        set: |m, v| m.hrv_source = v.and_then(Value::text).and_then(|t| HrvSource::parse(&t)),
    },
];

/// A training session (CLI.md `cooldown run`). A day may have several, each with its own
/// id: a second run, even one ending in the same minute, is another run and never replaces
/// the first. Its day comes from `--date` or the CSV's `date`, and its id from the store,
/// not from `RUN_FIELDS` (a form never types an id).
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The store's id; `None` until the run is stored.
    pub id: Option<i64>,
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
            id: None,
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

/// A run as an imported file gives it. `at_given` is false when the file did not say when
/// the run ended: `run.at` is then a stand-in (12:00, 12:01, … in file order), a stored run
/// of the day matches the row whatever its end time, and an update keeps the stored one.
/// `line` is where the row is in its file.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRow {
    pub run: Run,
    pub at_given: bool,
    pub line: u64,
}

/// The fields of a run, in the order of the runs CSV (`date` first, outside the table).
pub const RUN_FIELDS: [Spec<Run>; 9] = [
    Spec {
        column: "type",
        name: "type",
        label: "Type",
        hint: "easy tempo intervals long race cross",
        help: "easy, tempo, intervals, long, race or cross",
        value_name: "TYPE",
        kind: Kind::RunType,
        required: true,
        get: |r| Some(Value::RunType(r.kind)),
        set: |r, v| {
            if let Some(kind) = v.and_then(Value::run_type) {
                r.kind = kind;
            }
        },
    },
    Spec {
        column: "minutes",
        name: "minutes",
        label: "Minutes",
        hint: "1–1440 or H:MM:SS",
        help: "Duration: whole minutes, 1–1440, or H:MM:SS such as 1:20:00 (seconds round to the nearest minute)",
        value_name: "N|H:MM:SS",
        kind: Kind::Int(values::MINUTES),
        required: true,
        get: |r| Some(Value::Int(r.minutes.into())),
        set: |r, v| {
            if let Some(minutes) = whole(v) {
                r.minutes = minutes;
            }
        },
    },
    Spec {
        column: "km",
        name: "km",
        label: "Distance",
        hint: "km, 0–1000",
        help: "Distance in km, 0–1000 (in miles: --mi)",
        value_name: "KM",
        kind: Kind::Real(values::KM),
        required: false,
        get: |r| real(r.km),
        set: |r, v| r.km = v.and_then(Value::real),
    },
    Spec {
        column: "rpe",
        name: "rpe",
        label: "Effort (RPE)",
        hint: "1–10",
        help: "Session effort, 1–10 (CR-10)",
        value_name: "1-10",
        kind: Kind::Int(values::RPE),
        required: false,
        get: |r| int(r.rpe),
        set: |r, v| r.rpe = whole(v),
    },
    Spec {
        column: "weight_before_kg",
        name: "weight-before",
        label: "Weight before",
        hint: "kg, 20–300",
        help: "Body weight before the run, 20–300 kg (45–661 lb with units = \"imperial\")",
        value_name: "KG|LB",
        kind: Kind::Real(values::WEIGHT_BEFORE),
        required: false,
        get: |r| real(r.weight_before_kg),
        set: |r, v| r.weight_before_kg = v.and_then(Value::real),
    },
    Spec {
        column: "weight_after_kg",
        name: "weight-after",
        label: "Weight after",
        hint: "kg, 20–300",
        help: "Body weight after the run, 20–300 kg (45–661 lb with units = \"imperial\")",
        value_name: "KG|LB",
        kind: Kind::Real(values::WEIGHT_AFTER),
        required: false,
        get: |r| real(r.weight_after_kg),
        set: |r, v| r.weight_after_kg = v.and_then(Value::real),
    },
    Spec {
        column: "fluid_l",
        name: "fluid-l",
        label: "Fluid drunk",
        hint: "litres, 0–20",
        help: "Litres drunk during the run, 0–20",
        value_name: "L",
        kind: Kind::Real(values::FLUID),
        required: false,
        get: |r| real(r.fluid_l),
        set: |r, v| r.fluid_l = v.and_then(Value::real),
    },
    Spec {
        column: "note",
        name: "note",
        label: "Note",
        hint: "anything else",
        help: "A note on the run, up to 500 characters on one line",
        value_name: "TEXT",
        kind: Kind::Text,
        required: false,
        get: |r| text(&r.note),
        set: |r, v| r.note = v.and_then(Value::text),
    },
    Spec {
        column: "at",
        name: "at",
        label: "Ended at",
        hint: "H:MM",
        help: "When the run ended, H:MM or HH:MM [default: now]",
        value_name: "H:MM",
        kind: Kind::Time,
        required: false,
        get: |r| Some(Value::Time(r.at)),
        set: |r, v| {
            if let Some(at) = v.and_then(Value::time) {
                r.at = at;
            }
        },
    },
];

/// One ticked set of a checklist item. Items that are not sets have one set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub item_id: String,
    /// 1-based.
    pub set: u8,
}
