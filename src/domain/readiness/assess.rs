//! One day's ratings: every marker rule, the three domains with the HRV + RHR
//! escalation and A-SAT, the safety flags and the confidence (READINESS.md "Marker
//! ratings", "Domains", "Confidence").

use super::baseline::{self, BaselineState, Baselines, valid_hrv, valid_rhr};
use super::rules::{self, check, info};
use super::words;
use super::{Check, Confidence, Domain, Inputs, Outcome, Say, State, Thresholds};
use crate::domain::records::Markers;
use chrono::{Days, NaiveDate};

/// A day rated, before the ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub day: NaiveDate,
    pub checks: Vec<Check>,
    pub domains: [(Domain, Option<State>); 3],
    pub h_acute: Option<State>,
    pub h_chronic: Option<State>,
    /// Ladder-level reasons found while rating: the HRV + RHR escalation, A-SAT.
    pub notes: Vec<Check>,
    pub asat: bool,
    /// V0: the first safety flag, if any.
    pub safety: Option<Check>,
    pub unavailable: Vec<&'static str>,
    pub baselines: Baselines,
    pub confidence: Confidence,
}

impl Assessment {
    pub fn available(&self) -> usize {
        self.domains.iter().filter(|(_, s)| s.is_some()).count()
    }

    /// Domains rated amber or red.
    pub fn worse(&self) -> Vec<Domain> {
        self.domains.iter().filter(|(_, s)| s.is_some_and(|s| s >= State::Amber)).map(|(d, _)| *d).collect()
    }

    pub fn reds(&self) -> usize {
        self.domains.iter().filter(|(_, s)| *s == Some(State::Red)).count()
    }
}

/// The autonomic rules that rate today's own values (the others are 7-day trends).
const TODAY_AUTONOMIC: [&str; 4] = ["H-ACUTE", "H-EARLY", "R-ACUTE", "R-EARLY"];

fn rated(c: &Check) -> bool {
    matches!(c.outcome, Outcome::Rated(_))
}

fn state_of(checks: &[Check], rules: &[&str]) -> Option<State> {
    checks
        .iter()
        .filter(|c| rules.contains(&c.rule))
        .filter_map(|c| match c.outcome {
            Outcome::Rated(s) => Some(s),
            Outcome::Info => None,
        })
        .max()
}

/// Rates `day`; with `Say::Levels` the checks carry no words (the chain's earlier days).
pub fn assess(inputs: &Inputs, day: NaiveDate, t: &Thresholds, say: Say) -> Assessment {
    let b = baseline::compute(inputs, day, t);
    let empty = Markers::default();
    let m = inputs.markers.get(&day).unwrap_or(&empty);
    let yesterday = day.checked_sub_days(Days::new(1)).and_then(|y| inputs.markers.get(&y));
    let (hrv, rhr) = (valid_hrv(m), valid_rhr(m));
    let mut checks = Vec::new();
    if let (Some(v), None) = (m.hrv, hrv) {
        checks.push(info("H-PLAUSIBLE", "hrv", Some(v), say.text(|| words::implausible_hrv(v))));
    }
    if let (Some(v), None) = (m.rhr, rhr) {
        checks.push(info("R-PLAUSIBLE", "rhr", Some(f64::from(v)), say.text(|| words::implausible_rhr(v))));
    }

    // A domain is available only when one of its rules rated a marker logged today; then
    // (and only then) its 7-day rules run too. A marker without a reference yet says so.
    let mut autonomic_checks = rules::hrv_rules(say, hrv, &b, t);
    let h_high = autonomic_checks.iter().any(|c| c.rule == "H-HIGH");
    autonomic_checks.extend(rules::rhr_rules(say, rhr, &b, t));
    let autonomic = autonomic_checks.iter().any(|c| TODAY_AUTONOMIC.contains(&c.rule) && rated(c));
    if autonomic {
        checks.extend(autonomic_checks);
    } else {
        checks.extend(autonomic_checks.into_iter().filter(|c| TODAY_AUTONOMIC.contains(&c.rule)));
    }
    let sleep = m.sleep_hours.is_some() || m.sleep_quality.is_some();
    if sleep {
        checks.extend(rules::sleep_rules(say, inputs, day, m, t));
    }
    let msk_checks = rules::msk_rules(say, m, &b, t);
    let msk = msk_checks.iter().any(rated);
    checks.extend(msk_checks);

    let msk_state = msk.then(|| state_of(&checks, &["M-SORE", "M-PAIN", "M-HOP"]).unwrap_or(State::Ok));
    let h_acute = state_of(&checks, &["H-ACUTE", "H-EARLY"]);
    let h_chronic = state_of(&checks, &["H-CHRONIC"]);
    let hrv_state = h_acute.max(h_chronic);
    let rhr_state = state_of(&checks, &["R-ACUTE", "R-CHRONIC", "R-EARLY"]);
    let mut notes = Vec::new();
    let mut auto_state = autonomic.then(|| hrv_state.max(rhr_state).unwrap_or(State::Ok));
    if hrv_state >= Some(State::Amber) && rhr_state >= Some(State::Amber) {
        auto_state = Some(State::Red);
        notes.push(check(
            "D-AUTONOMIC",
            None,
            State::Red,
            None,
            None,
            "HRV and resting HR both amber or worse",
            words::ESCALATION,
        ));
    }
    let rhr_low = matches!((b.rhr7, b.rhr_mean), (Some(r7), Some(base)) if r7 <= base - 2.0);
    let asat = autonomic && h_high && rhr_low && msk_state >= Some(State::Amber);
    if asat {
        auto_state = auto_state.max(Some(State::Amber));
        notes.push(check(
            "A-SAT",
            Some("hrv"),
            State::Amber,
            None,
            None,
            "H-HIGH, RHR7 ≤ baseline − 2 bpm, legs amber or worse",
            words::ASAT,
        ));
    }
    let sleep_state = sleep.then(|| state_of(&checks, &["S-HOURS", "S-QUAL"]).unwrap_or(State::Ok));
    let domains =
        [(Domain::Autonomic, auto_state), (Domain::Sleep, sleep_state), (Domain::Musculoskeletal, msk_state)];

    let safety = rules::safety(say, m, yesterday, rhr, &b, t);
    let unavailable = unavailable(m, hrv, rhr);
    let available = domains.iter().filter(|(_, s)| s.is_some()).count();
    // Provisional references are a start, not a baseline: LOW while any rating uses one.
    let provisional = checks.iter().chain(&safety).any(|c| c.provisional && rated(c));
    let confidence = if provisional { Confidence::Low } else { confidence(inputs, day, &b, available) };
    Assessment {
        day,
        checks,
        domains,
        h_acute,
        h_chronic,
        notes,
        asat,
        safety,
        unavailable,
        baselines: b,
        confidence,
    }
}

fn unavailable(m: &Markers, hrv: Option<f64>, rhr: Option<f64>) -> Vec<&'static str> {
    [
        ("hrv", hrv.is_some()),
        ("rhr", rhr.is_some()),
        ("sleep", m.sleep_hours.is_some()),
        ("sleep_quality", m.sleep_quality.is_some()),
        ("soreness", m.soreness.is_some()),
        ("hop", m.hop_cm.is_some()),
        ("balance", m.balance_s.is_some()),
    ]
    .into_iter()
    .filter(|(_, logged)| !logged)
    .map(|(name, _)| name)
    .collect()
}

fn confidence(inputs: &Inputs, day: NaiveDate, b: &Baselines, available: usize) -> Confidence {
    if b.hrv_state == BaselineState::Trusted && available >= 3 {
        return Confidence::High;
    }
    if available >= 2 {
        if b.hrv_state != BaselineState::Off {
            return Confidence::Medium;
        }
        let from = day.checked_sub_days(Days::new(27)).unwrap_or(day);
        let wellness_days = inputs
            .markers
            .range(from..=day)
            .filter(|(_, m)| m.sleep_hours.is_some() && m.soreness.is_some())
            .count();
        if wellness_days >= 14 {
            return Confidence::Medium;
        }
    }
    Confidence::Low
}
