//! The readiness verdict, rules v2 (READINESS.md): train as planned, delay intensity, or
//! rest — and why. Pure: it takes the marker history, the daily training load and a date,
//! and returns a verdict with every reason. No weighted score: each marker is rated
//! against the runner's own baseline, markers are grouped into domains, and an ordered
//! ladder (first match wins) gives the verdict.

/// `format!` when the words are wanted, an empty string when only the levels are: the
/// chain's earlier days need their levels, never their reasons.
macro_rules! say {
    ($say:expr, $($arg:tt)*) => {
        if $say.words() { format!($($arg)*) } else { String::new() }
    };
}

mod assess;
mod baseline;
mod ladder;
mod rules;
pub mod stats;
mod thresholds;
mod words;

pub use baseline::{BaselineState, Baselines, Early, valid_hrv, valid_rhr};
pub use ladder::{acwr, levels, verdict, verdicts};
pub use thresholds::{RULES_VERSION, Thresholds};
pub use words::{meaning, reference_label, value_label};

use super::records::Markers;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt;

/// Yesterday's verdict is computed by the same function; the chain starts this many days
/// back with no previous verdict.
pub const CHAIN_DAYS: u32 = 28;

/// What the rules look at: the morning markers by day, and each day's training load
/// (Σ session RPE × minutes over the runs that have an RPE).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs {
    pub markers: BTreeMap<NaiveDate, Markers>,
    pub load: BTreeMap<NaiveDate, f64>,
}

/// Whether a rating writes its words (thresholds, details, reasons, hint) or only decides
/// levels and states. The levels never depend on the words (a test checks it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Say {
    Words,
    Levels,
}

impl Say {
    pub(crate) fn words(self) -> bool {
        self == Say::Words
    }

    /// `text()` when the words are wanted, else an empty string.
    pub(crate) fn text<S: Into<String>>(self, text: impl FnOnce() -> S) -> String {
        if self.words() { text().into() } else { String::new() }
    }
}

/// A marker's rating. Ordered: ok < amber < red.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    Ok,
    Amber,
    Red,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::Amber => "amber",
            State::Red => "red",
        }
    }
}

/// A check's outcome: a rating, or a note that rates nothing (a flag, a calibrating
/// baseline, an implausible reading).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Rated(State),
    Info,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Rated(s) => s.name(),
            Outcome::Info => "info",
        }
    }

    pub fn at_least_amber(self) -> bool {
        matches!(self, Outcome::Rated(State::Amber | State::Red))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Domain {
    Autonomic,
    Sleep,
    Musculoskeletal,
}

impl Domain {
    pub const ALL: [Domain; 3] = [Domain::Autonomic, Domain::Sleep, Domain::Musculoskeletal];

    pub fn name(self) -> &'static str {
        match self {
            Domain::Autonomic => "autonomic",
            Domain::Sleep => "sleep",
            Domain::Musculoskeletal => "musculoskeletal",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Go,
    GoCaution,
    Easy,
    Rest,
    NoData,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Go => "GO",
            Level::GoCaution => "GO_CAUTION",
            Level::Easy => "EASY",
            Level::Rest => "REST",
            Level::NoData => "NO_DATA",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "HIGH",
            Confidence::Medium => "MEDIUM",
            Confidence::Low => "LOW",
        }
    }
}

/// One rule that ran, with what it saw: today's value, the runner's baseline and the
/// threshold, in words a runner reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub rule: &'static str,
    pub marker: Option<&'static str>,
    pub outcome: Outcome,
    pub today: Option<f64>,
    pub baseline: Option<f64>,
    /// The thresholds as applied, e.g. "amber ≤ 60 ms (z ≤ −1), red ≤ 55 ms (z ≤ −2)".
    pub threshold: String,
    /// In a runner's words: no rule ids, z-scores or domains.
    pub detail: String,
    /// The reference was provisional (the first weeks, before a baseline exists).
    pub provisional: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub date: NaiveDate,
    pub level: Level,
    pub confidence: Confidence,
    /// Each domain's rating today; `None` when none of its markers was logged.
    pub domains: [(Domain, Option<State>); 3],
    /// What drove the verdict, most important first.
    pub reasons: Vec<Check>,
    /// Every rule that ran today, in rule order.
    pub checks: Vec<Check>,
    /// Markers not logged today (or implausible), by CLI name.
    pub unavailable: Vec<&'static str>,
    /// The verdict's plain meaning ("rest day: off, or at most a 30-minute walk …").
    pub headline: String,
    /// What to do about it, by cause; for REST the headline itself.
    pub hint: String,
    pub baselines: Baselines,
    /// Calibration as progress: "HRV baseline 9 of 14 — full rules from Tue 15 Dec if you
    /// log every morning".
    pub calibration: Vec<String>,
    pub rules_version: String,
}

impl Verdict {
    pub fn domain(&self, domain: Domain) -> Option<State> {
        self.domains.iter().find(|(d, _)| *d == domain).and_then(|(_, s)| *s)
    }
}

/// The runner's baselines as they stood on `day` (the trend charts draw them).
pub fn baselines(inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> Baselines {
    baseline::compute(inputs, day, t)
}

#[cfg(test)]
mod tests;
