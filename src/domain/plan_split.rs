//! How a week's total is split over its runs, and the notes that say how the rules shaped
//! a plan. Everything here counts in whole steps (half kilometres or miles, or tenths), so
//! a week adds up exactly.

use super::{
    EASY_ONLY_KM, LONG_MAX_PCT, LONG_MIN_PCT, LONG_OVER_OTHERS_TENTHS, LONG_SHARE_PCT, PlanWeek, Scale,
    is_quality,
};
use crate::domain::session::Session;
use crate::domain::units::Units;
use crate::domain::values::fmt_num;

/// `total` steps (`per` to a unit of `scale`) over the runs of `shape`, one entry per day
/// (0 on a rest day).
///
/// The long run takes about 28 % of the week within 25–35 % and at most 32 km (20 mi; the
/// cap wins over the floor); it grows, within those bounds, until the other runs can carry
/// the rest while each stays at most long ÷ 1.3 and a quality session at most 16 km
/// (10 mi). The rest is shared evenly, an odd step going to an easy run before a quality one.
pub(super) fn units(shape: &[Session; 7], total: i64, per: i64, scale: Scale) -> [i64; 7] {
    let long_cap = scale.long * per;
    let hi = (total * LONG_MAX_PCT / 100).min(long_cap);
    let lo = ((total * LONG_MIN_PCT + 99) / 100).min(long_cap);
    let start = ((total * LONG_SHARE_PCT + 50) / 100).max(lo).min(hi);
    let others: Vec<usize> = (0..7).filter(|&d| !matches!(shape[d], Session::Rest | Session::Long)).collect();
    let cap = |long: i64, d: usize| {
        let most = long * 10 / LONG_OVER_OTHERS_TENTHS;
        if is_quality(shape[d]) { most.min(scale.quality * per) } else { most }
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

/// A cap of `scale` with its unit: "32 km", "20 mi".
fn cap(scale: Scale, n: i64) -> String {
    format!("{n} {}", if scale == Scale::MI { "mi" } else { "km" })
}

/// One of the rules' thresholds, which are in kilometres: "25 km", in miles "25 km (15.5 mi)".
fn limit(km: f64, units: Units) -> String {
    if units.mi {
        format!("{} km ({})", fmt_num(km), units.distance(km))
    } else {
        format!("{} km", fmt_num(km))
    }
}

/// Said in every format when the asked volume is over the cap.
pub(super) fn cap_note(units: Units) -> String {
    let scale = Scale::of(units);
    format!(
        "doubles (two runs a day) are not modelled: this plan stops at {} a week",
        cap(scale, scale.doubles)
    )
}

/// The sentences that explain this plan's departures from the plain rules: only those
/// that its weeks actually show, distances in `units`.
pub(super) fn notes(weekly_km: f64, runs: usize, weeks: &[PlanWeek], units: Units) -> Vec<String> {
    let scale = Scale::of(units);
    let mut notes = Vec::new();
    if weekly_km < 25.0 {
        notes.push(format!(
            "4 runs a week even below {}: with 3, a long run 1.3 × the other two would be 39 % of the week, \
             over the 35 % cap.",
            limit(25.0, units)
        ));
    }
    if runs >= 7 {
        // The most 6 runs carry: a long run at the cap, two quality sessions at theirs, three
        // easy runs at long ÷ 1.3, in half units.
        let six = 2 * scale.long + 4 * scale.quality + 3 * (2 * scale.long * 10 / LONG_OVER_OTHERS_TENTHS);
        notes.push(format!(
            "7 runs a week above {}: 6 runs carry at most {} with the long run at most {}, quality at most \
             {} and every other run at most long ÷ 1.3.",
            limit(130.0, units),
            units.distance(scale.km(six) / 2.0),
            cap(scale, scale.long),
            cap(scale, scale.quality)
        ));
    }
    let long_of = |w: &PlanWeek| w.days.iter().find(|d| d.session == Session::Long).map_or(0.0, |d| d.km);
    if let Some(w) = weeks.iter().filter(|w| long_of(w) < w.km * 0.25).max_by(|a, b| a.km.total_cmp(&b.km)) {
        notes.push(format!(
            "The long run stops at {}: {} % of a {} week, under the 25 % floor (the cap wins).",
            cap(scale, scale.long),
            (long_of(w) / w.km * 100.0).round(),
            units.distance(w.km)
        ));
    }
    let quality_cap = scale.km(scale.quality) - 1e-9;
    if weeks.iter().flat_map(|w| &w.days).any(|d| is_quality(d.session) && d.km >= quality_cap) {
        notes.push(format!(
            "Quality sessions stop at {}; the rest of the week goes to the easy runs, each at most long ÷ 1.3.",
            cap(scale, scale.quality)
        ));
    }
    let easy_only: Vec<String> =
        weeks.iter().filter(|w| w.km < EASY_ONLY_KM).map(|w| w.number.to_string()).collect();
    let under = limit(EASY_ONLY_KM, units);
    if easy_only.len() == weeks.len() && !weeks.is_empty() {
        notes.push(format!("Under {under} a week: easy runs only, no quality session."));
    } else if !easy_only.is_empty() {
        notes.push(format!(
            "Under {under} a week: easy runs only, no quality session (week {}).",
            easy_only.join(", ")
        ));
    }
    notes
}
