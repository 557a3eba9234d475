//! The runner's own normal: baselines over W(d) = d−66 … d−7 (60 days that end before
//! the current week), 7-day means, and the soreness reference (READINESS.md "Baselines").

use super::stats::{cv, mean, median, sample_sd};
use super::{Inputs, Thresholds};
use crate::domain::records::Markers;
use chrono::{Days, NaiveDate};

/// HRV below 10 or above 250 ms, and resting HR above 120 bpm, are sensor glitches.
pub const HRV_PLAUSIBLE: (f64, f64) = (10.0, 250.0);
pub const RHR_PLAUSIBLE: (f64, f64) = (25.0, 120.0);
/// The smallest SD the HRV band may have (ln units), so a very steady runner is not
/// flagged for noise.
pub const SIGMA_FLOOR: f64 = 0.04;
/// Values a 7-day mean needs, and a hop / balance or soreness reference.
pub const WEEK_MIN: usize = 3;
pub const REFERENCE_MIN: usize = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BaselineState {
    /// Fewer values than `calibrating_min`: the relative rules do not run.
    #[default]
    Off,
    Calibrating,
    Trusted,
}

impl BaselineState {
    pub fn name(self) -> &'static str {
        match self {
            BaselineState::Off => "off",
            BaselineState::Calibrating => "calibrating",
            BaselineState::Trusted => "trusted",
        }
    }
}

/// Everything the day's rules compare against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baselines {
    pub hrv_count: usize,
    pub hrv_state: BaselineState,
    /// Mean and σ_eff of ln rMSSD over W, when the baseline is not off.
    pub hrv_mu: Option<f64>,
    pub hrv_sigma: Option<f64>,
    /// Mean of ln rMSSD over d−6 … d, and how many days it has.
    pub hrv_m7: Option<f64>,
    pub hrv_week_count: usize,
    pub rhr_count: usize,
    pub rhr_state: BaselineState,
    pub rhr_mean: Option<f64>,
    pub rhr7: Option<f64>,
    /// Median and CV over W.
    pub hop: Option<(f64, f64)>,
    pub balance: Option<(f64, f64)>,
    /// Median soreness over d−28 … d−1.
    pub soreness_ref: Option<f64>,
}

pub fn valid_hrv(m: &Markers) -> Option<f64> {
    m.hrv.filter(|v| (HRV_PLAUSIBLE.0..=HRV_PLAUSIBLE.1).contains(v))
}

pub fn valid_rhr(m: &Markers) -> Option<f64> {
    m.rhr.map(f64::from).filter(|v| (RHR_PLAUSIBLE.0..=RHR_PLAUSIBLE.1).contains(v))
}

fn back(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(n))).unwrap_or(NaiveDate::MIN)
}

/// The values of one marker on days `from ..= to` that have it. Missing days are simply
/// absent: never imputed, interpolated or carried forward.
pub fn values(
    inputs: &Inputs,
    from: NaiveDate,
    to: NaiveDate,
    f: impl Fn(&Markers) -> Option<f64>,
) -> Vec<f64> {
    if from > to {
        return Vec::new();
    }
    inputs.markers.range(from..=to).filter_map(|(_, m)| f(m)).collect()
}

fn state(count: usize, t: &Thresholds) -> BaselineState {
    if count < t.calibrating_min as usize {
        BaselineState::Off
    } else if count < t.trusted_min as usize {
        BaselineState::Calibrating
    } else {
        BaselineState::Trusted
    }
}

fn reference(values: &[f64]) -> Option<(f64, f64)> {
    if values.len() < REFERENCE_MIN {
        return None;
    }
    Some((median(values)?, cv(values).unwrap_or(0.0)))
}

pub fn compute(inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> Baselines {
    let (w_from, w_to) = (back(day, 6 + t.baseline_days), back(day, 7));
    let week_from = back(day, 6);
    let ln_hrv = |m: &Markers| valid_hrv(m).map(f64::ln);

    let hrv_w = values(inputs, w_from, w_to, ln_hrv);
    let hrv_state = state(hrv_w.len(), t);
    let hrv_week = values(inputs, week_from, day, ln_hrv);
    let rhr_w = values(inputs, w_from, w_to, valid_rhr);
    let rhr_state = state(rhr_w.len(), t);
    let rhr_week = values(inputs, week_from, day, valid_rhr);
    let on = |s: BaselineState| s != BaselineState::Off;

    Baselines {
        hrv_count: hrv_w.len(),
        hrv_state,
        hrv_mu: on(hrv_state).then(|| mean(&hrv_w)).flatten(),
        hrv_sigma: on(hrv_state).then(|| sample_sd(&hrv_w).map(|s| s.max(SIGMA_FLOOR))).flatten(),
        hrv_m7: (hrv_week.len() >= WEEK_MIN).then(|| mean(&hrv_week)).flatten(),
        hrv_week_count: hrv_week.len(),
        rhr_count: rhr_w.len(),
        rhr_state,
        rhr_mean: on(rhr_state).then(|| mean(&rhr_w)).flatten(),
        rhr7: (rhr_week.len() >= WEEK_MIN).then(|| mean(&rhr_week)).flatten(),
        hop: reference(&values(inputs, w_from, w_to, |m| m.hop_cm)),
        balance: reference(&values(inputs, w_from, w_to, |m| m.balance_s)),
        soreness_ref: {
            let sore = values(inputs, back(day, 28), back(day, 1), |m| m.soreness.map(f64::from));
            (sore.len() >= REFERENCE_MIN).then(|| median(&sore)).flatten()
        },
    }
}
