//! Tests of the rules module: one per rule id and ladder step (`rules.rs`, `steps.rs`),
//! multi-week scenarios on a fixture history (`scenarios.rs`), properties (`props.rs`).

mod early;
mod levels;
mod props;
mod rules;
mod scenarios;
mod source;
mod steps;
mod words;

use super::*;
use chrono::Days;

/// The day every fixture ends on.
pub fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

pub fn back(n: u32) -> NaiveDate {
    end() - Days::new(u64::from(n))
}

/// A steady runner: HRV around 65 ms (ln SD ≈ 0.02, under the 0.04 floor, so no normal
/// morning is ever amber; the usual band is about 64–66 ms), resting HR 50 ± 1, 7.5 h of
/// good sleep, soreness 2, hop 150 cm, balance 30 s.
pub fn normal(i: u32) -> Markers {
    let wiggle = (f64::from(i) * 1.3).sin();
    Markers {
        hrv: Some((65.0 * (0.03 * wiggle).exp() * 10.0).round() / 10.0),
        rhr: Some([51, 50, 49][(i % 3) as usize]),
        sleep_hours: Some(7.5),
        sleep_quality: Some(4),
        soreness: Some(2),
        hop_cm: Some(150.0 + (wiggle * 2.0).round()),
        balance_s: Some(30.0 + wiggle.round()),
        ..Markers::default()
    }
}

/// A marker history ending on [`end`], built day by day.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub inputs: Inputs,
    pub t: Thresholds,
}

impl Fixture {
    pub fn empty() -> Fixture {
        Fixture { inputs: Inputs::default(), t: Thresholds::default() }
    }

    /// `days` normal mornings up to and including the end day.
    pub fn steady(days: u32) -> Fixture {
        let mut f = Fixture::empty();
        for n in 0..days {
            f.inputs.markers.insert(back(n), normal(n));
        }
        f
    }

    /// Changes the morning `n` days before the end (creating it if missing).
    pub fn on(mut self, n: u32, change: impl FnOnce(&mut Markers)) -> Fixture {
        change(self.inputs.markers.entry(back(n)).or_default());
        self
    }

    /// Nothing logged on that morning.
    pub fn gap(mut self, n: u32) -> Fixture {
        self.inputs.markers.remove(&back(n));
        self
    }

    /// Training load (RPE × minutes) on that day.
    pub fn load(mut self, n: u32, load: f64) -> Fixture {
        self.inputs.load.insert(back(n), load);
        self
    }

    pub fn verdict(&self) -> Verdict {
        self.verdict_on(0)
    }

    pub fn verdict_on(&self, n: u32) -> Verdict {
        verdict(&self.inputs, back(n), &self.t)
    }
}

pub fn rule<'a>(v: &'a Verdict, id: &str) -> Option<&'a Check> {
    v.checks.iter().find(|c| c.rule == id)
}

pub fn outcome(v: &Verdict, id: &str) -> Option<Outcome> {
    rule(v, id).map(|c| c.outcome)
}

pub fn fired(v: &Verdict, id: &str) -> bool {
    v.reasons.iter().any(|c| c.rule == id)
}

pub const OK: Option<Outcome> = Some(Outcome::Rated(State::Ok));
pub const AMBER: Option<Outcome> = Some(Outcome::Rated(State::Amber));
pub const RED: Option<Outcome> = Some(Outcome::Rated(State::Red));
pub const INFO: Option<Outcome> = Some(Outcome::Info);
