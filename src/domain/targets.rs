//! Refuel and rehydrate in grams and litres for this body (ROUTINE.md "Computed targets").
//! Every target says the formula it came from; without a body weight it says how to get
//! one instead of guessing.

use super::records::Run;
use super::session::Session;
use super::units::{Quantity, Units};
use chrono::{Days, NaiveDate};

/// A morning weight older than this many days is not used for the targets.
pub const MORNING_WEIGHT_LOOKBACK_DAYS: u64 = 30;

/// The days whose latest morning weight stands in for the body weight on `day` (when the
/// run has no pre-run weight): `day` and the 30 before it.
pub fn morning_weight_days(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (day.checked_sub_days(Days::new(MORNING_WEIGHT_LOOKBACK_DAYS)).unwrap_or(day), day)
}

/// Where the body weight came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Weight {
    /// The run's pre-run weight.
    BeforeRun(f64),
    /// The latest morning weight on or before the day.
    Morning(f64),
}

impl Weight {
    pub fn kg(self) -> f64 {
        match self {
            Weight::BeforeRun(kg) | Weight::Morning(kg) => kg,
        }
    }
}

/// A computed amount: a number (or a range) with its unit and formula, or a prompt when
/// there is nothing to compute from.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub amount: Option<f64>,
    /// The top of a range (hourly carbs, fluid).
    pub amount_max: Option<f64>,
    pub unit: &'static str,
    /// "0.3 g/kg × 68 kg", or what to do to get a number.
    pub formula: String,
    /// Advice beside the amount: sodium, a large loss.
    pub note: Option<String>,
}

/// What a target item computes (`computed = "…"` in the routine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    Carbs,
    CarbsHourly,
    Protein,
    Fluid,
}

impl Formula {
    pub fn parse(name: &str) -> Option<Formula> {
        match name {
            "carbs" => Some(Formula::Carbs),
            "carbs-hourly" => Some(Formula::CarbsHourly),
            "protein" => Some(Formula::Protein),
            "fluid" => Some(Formula::Fluid),
            _ => None,
        }
    }
}

/// What the formulas look at.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub session: Session,
    /// The day's most demanding run.
    pub run: Option<Run>,
    pub weight: Option<Weight>,
    /// Another hard session (tempo, intervals, race, long) in the 24 h before this one.
    pub hard_within_24h: bool,
    /// The units the formulas show body weights in (the amounts are grams and litres).
    pub units: Units,
}

/// A drop on the scale (before − after) of this share of body weight is flagged.
pub const LOSS_FLAG: f64 = 0.02;

fn round5(g: f64) -> f64 {
    (g / 5.0).round() * 5.0
}

fn kg(w: f64) -> String {
    crate::domain::values::fmt_num((w * 10.0).round() / 10.0)
}

/// A body weight in a formula: "68 kg", in imperial "68 kg (149.9 lb)" — the formulas
/// count per kilogram, the runner reads pounds.
fn body(w: f64, units: Units) -> String {
    if units.lb { format!("{} kg ({})", kg(w), units.mass(w)) } else { format!("{} kg", kg(w)) }
}

/// The weights before and after a run: "70 − 68.8 kg", in imperial
/// "70 − 68.8 kg (154.3 − 151.7 lb)".
fn before_after(before: f64, after: f64, units: Units) -> String {
    let metric = format!("{} − {} kg", kg(before), kg(after));
    if units.lb {
        format!("{metric} ({} − {})", units.show(Quantity::Mass, before), units.mass(after))
    } else {
        metric
    }
}

fn no_weight() -> Amount {
    Amount {
        amount: None,
        amount_max: None,
        unit: "g",
        formula: "log your weight (m) to get grams".into(),
        note: None,
    }
}

fn grams(per_kg: f64, w: Weight, lo: f64, hi: f64, units: Units) -> Amount {
    let raw = per_kg * w.kg();
    Amount {
        amount: Some(round5(raw).clamp(lo, hi)),
        amount_max: None,
        unit: "g",
        formula: format!("{per_kg} g/kg × {}", body(w.kg(), units)),
        note: None,
    }
}

/// The amount for `formula`, or `None` when the target does not apply today (hourly carbs
/// after a short run with no hard session the day before).
pub fn compute(formula: Formula, facts: &Facts) -> Option<Amount> {
    let hard = facts.session.is_hard();
    let long = facts.run.as_ref().is_some_and(|r| r.minutes > 90);
    Some(match (formula, facts.weight) {
        (Formula::Carbs | Formula::Protein | Formula::CarbsHourly, None) => {
            if formula == Formula::CarbsHourly && !(long || facts.hard_within_24h) {
                return None;
            }
            no_weight()
        }
        (Formula::Carbs, Some(w)) => grams(1.0, w, 0.0, f64::MAX, facts.units),
        (Formula::Protein, Some(w)) => grams(0.3, w, 20.0, 40.0, facts.units),
        (Formula::CarbsHourly, Some(w)) => {
            if !(long || facts.hard_within_24h) {
                return None;
            }
            Amount {
                amount: Some(round5(1.0 * w.kg())),
                amount_max: Some(round5(1.2 * w.kg())),
                unit: "g/h",
                formula: format!("1.0–1.2 g/kg/h × {}, for about 4 h", body(w.kg(), facts.units)),
                note: None,
            }
        }
        (Formula::Fluid, _) => return Some(fluid(facts, hard || long)),
    })
}

/// Fluid from the weight change: loss = before − after + drunk (1 kg ≈ 1 L), replaced at
/// 1.25–1.5 L per kg over the next hours.
fn fluid(facts: &Facts, sodium: bool) -> Amount {
    let run = facts.run.as_ref();
    let (Some(before), Some(after)) =
        (run.and_then(|r| r.weight_before_kg), run.and_then(|r| r.weight_after_kg))
    else {
        return Amount {
            amount: None,
            amount_max: None,
            unit: "L",
            formula: "rehydrate; weigh yourself before and after next time to get a target".into(),
            note: None,
        };
    };
    let drunk = run.and_then(|r| r.fluid_l).unwrap_or(0.0);
    let loss = before - after + drunk;
    let sodium_note = sodium.then(|| "with sodium: a salty snack or an electrolyte drink".to_string());
    if loss <= 0.0 {
        return Amount {
            amount: Some(0.0),
            amount_max: None,
            unit: "L",
            formula: format!(
                "no loss: {} + {} L drunk; drink to thirst",
                before_after(before, after, facts.units),
                kg(drunk)
            ),
            note: None,
        };
    }
    // The flag is about what the scale says (net change); the target replaces the sweat.
    let net = before - after;
    let share = net / before;
    let big = (share >= LOSS_FLAG).then(|| {
        format!(
            "the scale shows {:.1} % less than before the run: drink more during long runs next time",
            share * 100.0
        )
    });
    let round = |l: f64| (l * 10.0).round() / 10.0;
    Amount {
        amount: Some(round(1.25 * loss)),
        amount_max: Some(round(1.5 * loss)),
        unit: "L",
        formula: format!(
            "1.25–1.5 L per kg × {} kg sweat loss = {} + {} L drunk",
            kg(loss),
            before_after(before, after, facts.units),
            kg(drunk)
        ),
        note: match (big, sodium_note) {
            (Some(b), Some(s)) => Some(format!("{s}; {b}")),
            (b, s) => b.or(s),
        },
    }
}

/// A weight after below 9/10 of the weight before is a typing mistake, not a run.
const AFTER_MIN_TENTHS: f64 = 9.0;
/// More sweat than this per hour (before − after + drunk, 1 kg ≈ 1 L) is not plausible.
pub const MAX_SWEAT_L_PER_H: f64 = 5.0;
/// A fluid target above this (the top of 1.25–1.5 L per kg lost) is not plausible.
pub const MAX_FLUID_TARGET_L: f64 = 6.0;

/// Values that are each in range but cannot all be true of one run (ROUTINE.md "Targets:
/// plausibility"): the field to blame and the reason, naming the values, weights in
/// `units` as the runner typed them.
pub fn implausible(run: &Run, units: Units) -> Option<(&'static str, String)> {
    let (before, after) = (run.weight_before_kg?, run.weight_after_kg?);
    // In tenths, so that exactly 90 % is not refused by a rounding error.
    if after * 10.0 < AFTER_MIN_TENTHS * before {
        let weight = |w: f64| if units.lb { units.mass(w) } else { format!("{} kg", kg(w)) };
        return Some((
            "weight-after",
            format!(
                "{} after is more than 10 % below {} before; check both weights",
                weight(after),
                weight(before)
            ),
        ));
    }
    let drunk = run.fluid_l.unwrap_or(0.0);
    let sweat = before - after + drunk;
    let hours = f64::from(run.minutes) / 60.0;
    if sweat > MAX_SWEAT_L_PER_H * hours {
        return Some((
            "fluid-l",
            format!(
                "{} L of sweat in {} min ({} + {} L drunk) is more than 5 L an hour; check the \
                 weights, the fluid and the minutes",
                kg(sweat),
                run.minutes,
                before_after(before, after, units),
                kg(drunk)
            ),
        ));
    }
    if 1.5 * sweat > MAX_FLUID_TARGET_L {
        return Some((
            "weight-after",
            format!(
                "a loss of {} L ({} + {} L drunk) would mean drinking over 6 L; check the weights \
                 and the fluid",
                kg(sweat),
                before_after(before, after, units),
                kg(drunk)
            ),
        ));
    }
    None
}

/// "20 g", "70–85 g/h", "1.5–1.8 L", or the prompt.
pub fn show(a: &Amount) -> String {
    let n = |v: f64| crate::domain::values::fmt_num(v);
    match (a.amount, a.amount_max) {
        (Some(lo), Some(hi)) => format!("{}–{} {}", n(lo), n(hi), a.unit),
        (Some(v), None) => format!("{} {}", n(v), a.unit),
        _ => String::new(),
    }
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
