//! The words of the verdict (READINESS.md "Words on screen", "Hints"): numbers shown with
//! the precision that keeps a sentence true, the headlines and hints, and calibration as
//! progress with a date.

use super::baseline::{self, Baselines};
use super::{BaselineState, Check, Domain, Inputs, Level, Thresholds};
use crate::domain::records::{HrvSource, Markers};
use chrono::NaiveDate;

/// `v` with `d` decimals.
fn fixed(v: f64, d: usize) -> String {
    format!("{v:.d$}")
}

pub fn ms(v: f64) -> String {
    format!("{v:.0}")
}

pub fn bpm(v: f64) -> String {
    format!("{v:.0}")
}

pub fn hours(v: f64) -> String {
    crate::domain::values::fmt_num((v * 100.0).round() / 100.0)
}

/// `v` against the range `lo`–`hi` it lies outside of, as a phrase: "62.6 ms, below your
/// usual 63.2–67.0 ms" — never "63 ms, below your usual 63–67 ms". With the fewest decimals
/// (0–2) that show the difference; closer than that it is "just below" the range.
pub fn outside(v: f64, lo: f64, hi: f64, unit: &str) -> String {
    let (edge, side) = if v < lo { (lo, "below") } else { (hi, "above") };
    match (0..=2).find(|d| fixed(v, *d) != fixed(edge, *d)) {
        Some(d) => {
            format!("{} {unit}, {side} your usual {}–{} {unit}", fixed(v, d), fixed(lo, d), fixed(hi, d))
        }
        None => {
            format!("{} {unit}, just {side} your usual {}–{} {unit}", fixed(v, 0), fixed(lo, 0), fixed(hi, 0))
        }
    }
}

/// A relative change in words: "8% below", "0.4% above", or "the same as".
pub fn change(drop: f64) -> String {
    let shown = |v: f64| {
        let d =
            (0..=1).find(|d| !fixed(v * 100.0, *d).trim_start_matches(['0', '.']).is_empty()).unwrap_or(1);
        format!("{}%", fixed(v * 100.0, d))
    };
    if (drop * 1000.0).round() == 0.0 {
        "the same as".into()
    } else if drop > 0.0 {
        format!("{} below", shown(drop))
    } else {
        format!("{} above", shown(-drop))
    }
}

/// 0.083 → "8%".
pub fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

pub const ESCALATION: &str = "HRV and resting HR are both worse than your usual";
pub const ASAT: &str =
    "HRV high with low resting HR and sore legs: a pattern seen in functional overreaching";
pub const NO_DATA_HINT: &str = "log at least sleep and soreness";
pub const GO_HINT: &str = "train as planned";
pub const CAUTION_HINT: &str = "train as planned, add nothing, recheck tomorrow";
pub const REST_HEADLINE: &str = "rest day: off, or at most a 30-minute walk plus mobility";
pub const EASY_HEADLINE: &str =
    "easy aerobic only: RPE ≤ 4, no intervals, about 60–75 % of the planned volume";
pub const SAFETY_ADVICE: &str = "see a clinician if it persists, or with fever or chest symptoms";
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
        Level::NoData => "NO_DATA: nothing logged today could be rated yet.",
    }
}

/// The headline: a verdict's plain meaning (READINESS.md "Hints").
pub fn headline(level: Level, safety: bool) -> String {
    match level {
        Level::Rest if safety => format!("{REST_HEADLINE}; {SAFETY_ADVICE}"),
        Level::Rest => REST_HEADLINE.into(),
        Level::Easy => EASY_HEADLINE.into(),
        Level::Go => GO_HINT.into(),
        Level::GoCaution => CAUTION_HINT.into(),
        Level::NoData => "not rated yet".into(),
    }
}

pub fn implausible_hrv(v: f64) -> String {
    format!("HRV {} ms is implausible (outside 10–250 ms): treated as not logged", ms(v))
}

pub fn implausible_rhr(v: u16) -> String {
    format!("resting HR {v} bpm is implausible (outside 25–120 bpm): treated as not logged")
}

/// A domain as a runner says it.
pub fn domain(d: Domain) -> &'static str {
    match d {
        Domain::Autonomic => "heart-rate markers",
        Domain::Sleep => "sleep",
        Domain::Musculoskeletal => "legs",
    }
}

/// "sleep and legs", "heart-rate markers, sleep and legs".
pub fn domains(ds: &[Domain]) -> String {
    let names: Vec<&str> = ds.iter().map(|d| domain(*d)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The hint for a day, by the domains that are worse. For REST it is REST's meaning.
pub fn hint(level: Level, worse: &[Domain], load: bool, safety: bool) -> String {
    match level {
        Level::Go => GO_HINT.into(),
        Level::GoCaution => CAUTION_HINT.into(),
        Level::NoData => NO_DATA_HINT.into(),
        Level::Rest => headline(Level::Rest, safety),
        Level::Easy if load => LOAD_HINT.into(),
        Level::Easy => match worse {
            [] => RECOVERY_HINT.into(),
            [Domain::Sleep] => "keep it easy and cut volume".into(),
            [Domain::Autonomic] => "cut intensity, keep some volume".into(),
            [Domain::Musculoskeletal] => "cut impact, cross-train".into(),
            _ => "cut both intensity and volume".into(),
        },
    }
}

/// Calibration as progress with a date, for HRV and resting HR while their baseline is
/// not trusted and they were logged in the last four weeks: "HRV baseline 9 of 14 — full
/// rules from Tue 15 Dec if you log every morning".
pub fn calibration(inputs: &Inputs, day: NaiveDate, b: &Baselines, t: &Thresholds) -> Vec<String> {
    let recent = |f: &dyn Fn(&Markers) -> Option<f64>| {
        let from = day.checked_sub_days(chrono::Days::new(27)).unwrap_or(day);
        inputs.markers.range(from..=day).any(|(_, m)| f(m).is_some())
    };
    let source = b.hrv_source;
    let hrv = move |m: &Markers| baseline::valid_hrv(m).filter(|_| m.hrv_source() == source);
    let rhr = |m: &Markers| baseline::valid_rhr(m);
    let mut out = Vec::new();
    for (name, state, count, f) in [
        ("HRV", b.hrv_state, b.hrv_count, &hrv as &dyn Fn(&Markers) -> Option<f64>),
        ("resting HR", b.rhr_state, b.rhr_count, &rhr),
    ] {
        if state == BaselineState::Trusted || !recent(f) {
            continue;
        }
        let (needed, what) = match state {
            BaselineState::Off => (t.calibrating_min, "full rules"),
            _ => (t.trusted_min, "trusted"),
        };
        let when = baseline::full_from(inputs, day, t, needed, f)
            .map(|d| format!(" — {what} from {} if you log every morning", d.format("%a %-d %b")))
            .unwrap_or_default();
        let lead = if name == "HRV" && b.hrv_source_changed {
            match b.hrv_source_since {
                Some(since) => format!(
                    "HRV source changed to {} on {}: baseline restarts,",
                    source_words(source),
                    since.format("%a %-d %b")
                ),
                None => format!("HRV now from {}: baseline", source_words(source)),
            }
        } else {
            format!("{name} baseline")
        };
        out.push(format!("{lead} {count} of {needed}{when}"));
    }
    out
}

/// What a check's number is, for the full explanation: today's value or a mean.
pub fn value_label(c: &Check) -> &'static str {
    match c.rule {
        "H-CHRONIC" | "R-CHRONIC" | "H-HIGH" => "7-day mean",
        "L-ACWR" => "load ratio",
        _ => "today",
    }
}

/// What a check compared with: a baseline only where it is one.
pub fn reference_label(c: &Check) -> &'static str {
    match (c.rule, c.marker) {
        _ if c.provisional => "first mornings (provisional)",
        ("M-SORE", _) => "usual (28-day median)",
        ("V0", Some("pain")) => "yesterday",
        ("L-ACWR", _) => "spike from",
        _ => "baseline",
    }
}

fn source_words(s: HrvSource) -> &'static str {
    match s {
        HrvSource::Morning => "morning readings",
        HrvSource::Overnight => "overnight averages",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_outside_a_range_never_reads_as_inside_it() {
        assert_eq!(outside(62.6, 63.2, 67.0, "ms"), "62.6 ms, below your usual 63.2–67.0 ms");
        assert_eq!(outside(58.0, 63.2, 67.0, "ms"), "58 ms, below your usual 63–67 ms");
        assert_eq!(outside(62.996, 63.01, 67.0, "ms"), "63.00 ms, below your usual 63.01–67.00 ms");
        assert_eq!(outside(68.2, 63.0, 67.9, "ms"), "68.2 ms, above your usual 63.0–67.9 ms");
        assert_eq!(outside(64.9201, 62.33, 64.9199, "ms"), "65 ms, just above your usual 62–65 ms");
    }

    #[test]
    fn changes_never_read_minus_zero() {
        assert_eq!(change(0.083), "8% below");
        assert_eq!(change(-0.004), "0.4% above");
        assert_eq!(change(0.0004), "the same as");
        assert_eq!(change(-0.0), "the same as");
    }

    #[test]
    fn domains_are_listed_in_words() {
        assert_eq!(domains(&[Domain::Sleep, Domain::Musculoskeletal]), "sleep and legs");
        assert_eq!(domains(&Domain::ALL), "heart-rate markers, sleep and legs");
    }
}
