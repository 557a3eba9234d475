//! The words of the verdict: numbers as a runner reads them, the ladder's reasons and
//! the hints (READINESS.md "Hints").

use super::{BaselineState, Baselines, Domain, Level, Thresholds};

pub fn ms(v: f64) -> String {
    format!("{v:.0}")
}

pub fn bpm(v: f64) -> String {
    format!("{v:.0}")
}

pub fn hours(v: f64) -> String {
    crate::domain::values::fmt_num((v * 100.0).round() / 100.0)
}

/// 0.083 → "8%".
pub fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

pub const ESCALATION: &str = "HRV and resting HR are both worse: the autonomic domain counts as red";
pub const ASAT: &str =
    "HRV high with low resting HR and sore legs: a pattern seen in functional overreaching";
pub const NO_DATA_HINT: &str = "log at least sleep and soreness";
pub const GO_HINT: &str = "train as planned";
pub const CAUTION_HINT: &str = "train as planned, add nothing, recheck tomorrow";
pub const SAFETY_HINT: &str = "rest; see a clinician if it persists, or with fever or chest symptoms";
pub const LOAD_HINT: &str = "cap at easy aerobic effort";
pub const RECOVERY_HINT: &str = "easy aerobic effort while recovery continues";

/// What a verdict asks of the runner, for the full explanation.
pub fn meaning(level: Level) -> &'static str {
    match level {
        Level::Go => "GO means train as planned — not a licence to go hard.",
        Level::GoCaution => "GO_CAUTION means train as planned, add nothing, and recheck tomorrow.",
        Level::Easy => {
            "EASY means easy aerobic effort, RPE ≤ 4, no intervals, about 60–75 % of the planned volume."
        }
        Level::Rest => "REST means off, or at most a 30-minute walk plus mobility.",
        Level::NoData => "NO_DATA: nothing that rates readiness was logged today.",
    }
}

pub fn implausible_hrv(v: f64) -> String {
    format!("HRV {} ms is implausible (outside 10–250 ms): treated as not logged", ms(v))
}

pub fn implausible_rhr(v: u16) -> String {
    format!("resting HR {v} bpm is implausible (outside 25–120 bpm): treated as not logged")
}

/// The hint for an EASY or REST day, by the domains that are worse.
pub fn hint(level: Level, worse: &[Domain], load: bool) -> String {
    match level {
        Level::Go => GO_HINT.into(),
        Level::GoCaution => CAUTION_HINT.into(),
        Level::NoData => NO_DATA_HINT.into(),
        Level::Easy | Level::Rest if load => LOAD_HINT.into(),
        Level::Easy | Level::Rest => match worse {
            [] => RECOVERY_HINT.into(),
            [Domain::Sleep] => "keep it easy and cut volume".into(),
            [Domain::Autonomic] => "cut intensity, keep some volume".into(),
            [Domain::Musculoskeletal] => "cut impact, cross-train".into(),
            _ => "cut both intensity and volume".into(),
        },
    }
}

/// "HRV baseline 9/14" (off), "HRV baseline 17/21, calibrating", or nothing once trusted.
pub fn baseline_note(b: &Baselines, t: &Thresholds) -> Option<String> {
    match b.hrv_state {
        BaselineState::Off => Some(format!("HRV baseline {}/{}", b.hrv_count, t.calibrating_min)),
        BaselineState::Calibrating => {
            Some(format!("HRV baseline {}/{}, calibrating", b.hrv_count, t.trusted_min))
        }
        BaselineState::Trusted => None,
    }
}
