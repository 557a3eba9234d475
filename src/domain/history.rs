//! Whether the routine sticks: how much of each day's immediate phase was ticked, and the
//! streaks of days that count (UX.md screen 4).

use super::checklist::Checklist;
use super::records::Tick;
use super::routine::Routine;
use super::session::Session;
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// A day counts towards a streak when this share of its immediate phase was ticked.
pub const STREAK_SHARE: f64 = 0.8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    /// Nothing of the immediate phase ticked.
    None,
    Partial,
    /// Every item that is not optional.
    All,
}

/// The share of the day's immediate phase (its items that are not optional) ticked.
pub fn share(routine: &Routine, date: NaiveDate, session: Session, ticks: &[Tick]) -> f64 {
    let c = Checklist::build(date, routine, session, ticks, 90);
    let Some(first) = c.first_phase() else { return 0.0 };
    let items: Vec<_> = first.entries.iter().filter(|e| !e.item.optional).collect();
    if items.is_empty() {
        return 0.0;
    }
    items.iter().filter(|e| e.ticked()).count() as f64 / items.len() as f64
}

pub fn done(share: f64) -> Done {
    if share >= 1.0 {
        Done::All
    } else if share > 0.0 {
        Done::Partial
    } else {
        Done::None
    }
}

/// The share of every day from `from` to `to`, from the runs and ticks of those days.
pub fn shares(
    routine: &Routine,
    from: NaiveDate,
    to: NaiveDate,
    sessions: &BTreeMap<NaiveDate, Session>,
    ticks: &BTreeMap<NaiveDate, Vec<Tick>>,
) -> BTreeMap<NaiveDate, f64> {
    let none = Vec::new();
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|d| {
            let session = sessions.get(&d).copied().unwrap_or(Session::Rest);
            (d, share(routine, d, session, ticks.get(&d).unwrap_or(&none)))
        })
        .collect()
}

/// The current streak (ending today, or yesterday while today is not yet over and does not
/// count yet) and the best one, in days.
pub fn streaks(shares: &BTreeMap<NaiveDate, f64>, today: NaiveDate) -> (u32, u32) {
    let counts = |d: &NaiveDate| shares.get(d).is_some_and(|s| *s >= STREAK_SHARE);
    let mut day = if counts(&today) { Some(today) } else { today.pred_opt() };
    let mut current = 0;
    while let Some(d) = day.filter(counts) {
        current += 1;
        day = d.pred_opt();
    }
    let (mut best, mut run, mut previous) = (0, 0, None::<NaiveDate>);
    for (d, s) in shares.range(..=today) {
        if *s >= STREAK_SHARE {
            run = if previous.and_then(|p| p.succ_opt()) == Some(*d) { run + 1 } else { 1 };
            previous = Some(*d);
            best = best.max(run);
        } else {
            (run, previous) = (0, None);
        }
    }
    (current, best.max(current))
}

/// The first day of the month of `day`, and of the months before and after.
pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

pub fn add_months(month: NaiveDate, n: i32) -> NaiveDate {
    let total = month.year() * 12 + month.month0() as i32 + n;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1).unwrap_or(month)
}

/// The last day of the month that starts on `month`.
pub fn month_end(month: NaiveDate) -> NaiveDate {
    add_months(month, 1).checked_sub_days(Days::new(1)).unwrap_or(month)
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
