//! The runner's own normal: baselines over W(d) = d−66 … d−7 (60 days that end before
//! the current week), 7-day means, and the soreness reference (READINESS.md "Baselines").

use super::stats::{cv, mean, median, sample_sd};
use super::{Inputs, Thresholds};
use crate::domain::records::{HrvSource, Markers};
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
/// The most days a window is given room for up front (longer ones grow as needed).
const MAX_WINDOW: usize = 400;
/// A provisional reference looks at the days d−28 … d−1.
pub const EARLY_DAYS: u32 = 28;

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

/// A provisional reference for the first weeks (READINESS.md v2): the mean of every valid
/// value on days d−28 … d−1, used while the marker's baseline is off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Early {
    /// Mean of ln rMSSD (HRV) or of bpm (resting HR).
    pub mean: f64,
    /// How many mornings it averages.
    pub count: usize,
}

/// Everything the day's rules compare against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baselines {
    /// The HRV source the HRV baseline, 7-day mean and provisional reference use: today's,
    /// else the latest logged.
    pub hrv_source: HrvSource,
    /// HRV of another source was logged within the baseline's reach: calibration started
    /// again with this one.
    pub hrv_source_changed: bool,
    /// When it changed: the first day of this source after the last of the other.
    pub hrv_source_since: Option<NaiveDate>,
    pub hrv_count: usize,
    pub hrv_state: BaselineState,
    /// Mean and σ_eff of ln rMSSD over W, when the baseline is not off.
    pub hrv_mu: Option<f64>,
    pub hrv_sigma: Option<f64>,
    /// Mean of ln rMSSD over d−6 … d, and how many days it has.
    pub hrv_m7: Option<f64>,
    pub hrv_week_count: usize,
    /// While the HRV baseline is off: the provisional reference, and how many earlier
    /// mornings of this source there are (it needs `early_min`).
    pub hrv_early: Option<Early>,
    pub hrv_early_count: usize,
    pub rhr_count: usize,
    pub rhr_state: BaselineState,
    pub rhr_mean: Option<f64>,
    pub rhr7: Option<f64>,
    pub rhr_early: Option<Early>,
    pub rhr_early_count: usize,
    /// Median and CV over W, and how many values W has.
    pub hop: Option<(f64, f64)>,
    pub balance: Option<(f64, f64)>,
    pub hop_count: usize,
    pub balance_count: usize,
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

/// A valid HRV of `source`.
fn hrv_of(m: &Markers, source: HrvSource) -> Option<f64> {
    valid_hrv(m).filter(|_| m.hrv_source() == source)
}

/// The source the day's HRV rules use: today's HRV's, else the latest valid one's within
/// the 7-day window, else a morning reading (a day's HRV without a source is a morning
/// reading). Also whether HRV of another source was logged in the baseline's reach (then
/// calibration started again with this one), and the first day of this source after the
/// last of the other: when the source changed.
fn hrv_source(inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> (HrvSource, bool, Option<NaiveDate>) {
    let week_from = back(day, 6);
    let latest = inputs.markers.range(week_from..=day).rev().find(|(_, m)| valid_hrv(m).is_some());
    let source = latest.map_or(HrvSource::Morning, |(_, m)| m.hrv_source());
    let reach = back(day, 6 + t.baseline_days);
    let other = inputs
        .markers
        .range(reach..=day)
        .rev()
        .find(|(_, m)| valid_hrv(m).is_some() && m.hrv_source() != source)
        .map(|(d, _)| *d);
    let since = other
        .and_then(|o| o.succ_opt())
        .filter(|after| *after <= day)
        .and_then(|after| inputs.markers.range(after..=day).find(|(_, m)| hrv_of(m, source).is_some()))
        .map(|(d, _)| *d);
    (source, other.is_some(), since)
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
    // Room for every day of the window at once: a day's baselines read eight windows, and
    // growing each one value at a time was a fifth of a ten-year trend's work.
    let days = usize::try_from((to - from).num_days() + 1).unwrap_or(0).min(MAX_WINDOW);
    let mut out = Vec::with_capacity(days);
    out.extend(inputs.markers.range(from..=to).filter_map(|(_, m)| f(m)));
    out
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

/// The provisional reference over d−28 … d−1 and how many values it has; `None` below
/// `early_min`.
fn early(values: &[f64], t: &Thresholds) -> (Option<Early>, usize) {
    let count = values.len();
    let reference = (count >= t.early_min as usize).then(|| mean(values).map(|mean| Early { mean, count }));
    (reference.flatten(), count)
}

pub fn compute(inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> Baselines {
    let (w_from, w_to) = (back(day, 6 + t.baseline_days), back(day, 7));
    let week_from = back(day, 6);
    let (early_from, early_to) = (back(day, EARLY_DAYS), back(day, 1));
    let (source, changed, since) = hrv_source(inputs, day, t);
    let ln_hrv = |m: &Markers| hrv_of(m, source).map(f64::ln);

    let hrv_w = values(inputs, w_from, w_to, ln_hrv);
    let hrv_state = state(hrv_w.len(), t);
    let hrv_week = values(inputs, week_from, day, ln_hrv);
    let rhr_w = values(inputs, w_from, w_to, valid_rhr);
    let rhr_state = state(rhr_w.len(), t);
    let rhr_week = values(inputs, week_from, day, valid_rhr);
    let on = |s: BaselineState| s != BaselineState::Off;
    let off = |s: BaselineState| s == BaselineState::Off;
    let hop_w = values(inputs, w_from, w_to, |m| m.hop_cm);
    let balance_w = values(inputs, w_from, w_to, |m| m.balance_s);
    let (hrv_early, hrv_early_count) =
        if off(hrv_state) { early(&values(inputs, early_from, early_to, ln_hrv), t) } else { (None, 0) };
    let (rhr_early, rhr_early_count) =
        if off(rhr_state) { early(&values(inputs, early_from, early_to, valid_rhr), t) } else { (None, 0) };

    Baselines {
        hrv_source: source,
        hrv_source_changed: changed,
        hrv_source_since: since,
        hrv_count: hrv_w.len(),
        hrv_state,
        hrv_mu: on(hrv_state).then(|| mean(&hrv_w)).flatten(),
        hrv_sigma: on(hrv_state).then(|| sample_sd(&hrv_w).map(|s| s.max(SIGMA_FLOOR))).flatten(),
        hrv_m7: (hrv_week.len() >= WEEK_MIN).then(|| mean(&hrv_week)).flatten(),
        hrv_week_count: hrv_week.len(),
        hrv_early,
        hrv_early_count,
        rhr_count: rhr_w.len(),
        rhr_state,
        rhr_mean: on(rhr_state).then(|| mean(&rhr_w)).flatten(),
        rhr7: (rhr_week.len() >= WEEK_MIN).then(|| mean(&rhr_week)).flatten(),
        rhr_early,
        rhr_early_count,
        hop: reference(&hop_w),
        balance: reference(&balance_w),
        hop_count: hop_w.len(),
        balance_count: balance_w.len(),
        soreness_ref: {
            let sore = values(inputs, back(day, 28), back(day, 1), |m| m.soreness.map(f64::from));
            (sore.len() >= REFERENCE_MIN).then(|| median(&sore)).flatten()
        },
    }
}

/// The first day on which the baseline window W holds `needed` values of a marker if the
/// runner logs it every morning from `day` on (today included); `None` beyond a year.
pub fn full_from(
    inputs: &Inputs,
    day: NaiveDate,
    t: &Thresholds,
    needed: u32,
    f: impl Fn(&Markers) -> Option<f64>,
) -> Option<NaiveDate> {
    let oldest = back(day, 6 + t.baseline_days);
    let logged: Vec<NaiveDate> =
        inputs.markers.range(oldest..day).filter(|(_, m)| f(m).is_some()).map(|(d, _)| *d).collect();
    (0..=366u64).map(|n| day + Days::new(n)).find(|d| {
        let (from, to) = (back(*d, 6 + t.baseline_days), back(*d, 7));
        let before = logged.iter().filter(|x| (from..=to).contains(*x)).count();
        // Every day from `day` to the window's end, once `day` is inside it.
        let ahead = if to >= day { (to - from.max(day)).num_days() + 1 } else { 0 };
        before + ahead.max(0) as usize >= needed as usize
    })
}
