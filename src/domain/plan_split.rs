//! How a week's total is split over its runs, and the notes that say how the rules shaped
//! a plan. Everything here counts in whole units (half kilometres or tenths), so a week
//! adds up exactly.

use super::{
    DOUBLES_KM, EASY_ONLY_KM, LONG_KM, LONG_MAX_PCT, LONG_MIN_PCT, LONG_OVER_OTHERS_TENTHS, LONG_SHARE_PCT,
    PlanWeek, QUALITY_KM, is_quality,
};
use crate::domain::session::Session;
use crate::domain::values::fmt_num;

/// `total` units over the runs of `shape`, one entry per day (0 on a rest day).
///
/// The long run takes about 28 % of the week within 25–35 % and at most 32 km (the cap
/// wins over the floor); it grows, within those bounds, until the other runs can carry the
/// rest while each stays at most long ÷ 1.3 and a quality session at most 16 km. The rest
/// is shared evenly, an odd unit going to an easy run before a quality one.
pub(super) fn units(shape: &[Session; 7], total: i64, per_km: i64) -> [i64; 7] {
    let long_cap = LONG_KM * per_km;
    let hi = (total * LONG_MAX_PCT / 100).min(long_cap);
    let lo = ((total * LONG_MIN_PCT + 99) / 100).min(long_cap);
    let start = ((total * LONG_SHARE_PCT + 50) / 100).max(lo).min(hi);
    let others: Vec<usize> = (0..7).filter(|&d| !matches!(shape[d], Session::Rest | Session::Long)).collect();
    let cap = |long: i64, d: usize| {
        let most = long * 10 / LONG_OVER_OTHERS_TENTHS;
        if is_quality(shape[d]) { most.min(QUALITY_KM * per_km) } else { most }
    };
    let carried = |long: i64| others.iter().map(|&d| cap(long, d)).sum::<i64>();
    let long = (start..=hi).find(|&l| carried(l) >= total - l).unwrap_or(hi);
    let mut out = [0; 7];
    if let Some(d) = shape.iter().position(|s| *s == Session::Long) {
        out[d] = long;
    }
    for _ in long..total {
        let next = others
            .iter()
            .copied()
            .filter(|&d| out[d] < cap(long, d))
            .min_by_key(|&d| (out[d], is_quality(shape[d]), d));
        match next {
            Some(d) => out[d] += 1,
            None => break,
        }
    }
    out
}

/// Said in every format when the asked volume is over the cap.
pub(super) fn cap_note() -> String {
    format!("doubles (two runs a day) are not modelled: this plan stops at {DOUBLES_KM} km a week")
}

/// The sentences that explain this plan's departures from the plain rules: only those
/// that its weeks actually show.
pub(super) fn notes(weekly_km: f64, runs: usize, weeks: &[PlanWeek]) -> Vec<String> {
    let mut notes = Vec::new();
    if weekly_km < 25.0 {
        notes.push(
            "4 runs a week even below 25 km: with 3, a long run 1.3 × the other two would be 39 % of the week, \
             over the 35 % cap."
                .to_string(),
        );
    }
    if runs >= 7 {
        notes.push(
            "7 runs a week above 130 km: 6 runs carry at most 137.5 km with the long run at most 32 km, quality at \
             most 16 km and every other run at most long ÷ 1.3."
                .to_string(),
        );
    }
    let long_of = |w: &PlanWeek| w.days.iter().find(|d| d.session == Session::Long).map_or(0.0, |d| d.km);
    if let Some(w) = weeks.iter().filter(|w| long_of(w) < w.km * 0.25).max_by(|a, b| a.km.total_cmp(&b.km)) {
        notes.push(format!(
            "The long run stops at {LONG_KM} km: {} % of a {} km week, under the 25 % floor (the cap wins).",
            (long_of(w) / w.km * 100.0).round(),
            fmt_num(w.km)
        ));
    }
    if weeks.iter().flat_map(|w| &w.days).any(|d| is_quality(d.session) && d.km >= QUALITY_KM as f64) {
        notes.push(format!(
            "Quality sessions stop at {QUALITY_KM} km; the rest of the week goes to the easy runs, each at most \
             long ÷ 1.3."
        ));
    }
    let easy_only: Vec<String> =
        weeks.iter().filter(|w| w.km < EASY_ONLY_KM).map(|w| w.number.to_string()).collect();
    if easy_only.len() == weeks.len() && !weeks.is_empty() {
        notes.push(format!("Under {EASY_ONLY_KM} km a week: easy runs only, no quality session."));
    } else if !easy_only.is_empty() {
        notes.push(format!(
            "Under {EASY_ONLY_KM} km a week: easy runs only, no quality session (week {}).",
            easy_only.join(", ")
        ));
    }
    notes
}
