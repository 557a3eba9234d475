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

/// The items of a session's immediate phase that count (not optional), with their sets:
/// the same every day, so worked out once per session rather than a checklist per day.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseItems(Vec<(String, u8)>);

impl PhaseItems {
    pub fn of(routine: &Routine, session: Session) -> PhaseItems {
        let c = Checklist::build(NaiveDate::MIN, routine, session, &[], 90);
        let items = c.first_phase().map_or_else(Vec::new, |g| {
            g.entries.iter().filter(|e| !e.item.optional).map(|e| (e.item.id.clone(), e.sets_total)).collect()
        });
        PhaseItems(items)
    }

    /// The share of these items `ticks` complete (every set of a sets item).
    pub fn share(&self, ticks: &[Tick]) -> f64 {
        if self.0.is_empty() {
            return 0.0;
        }
        let done = |(id, total): &(String, u8)| {
            ticks.iter().filter(|t| t.item_id == *id && (1..=*total).contains(&t.set)).count()
                >= usize::from(*total)
        };
        self.0.iter().filter(|item| done(item)).count() as f64 / self.0.len() as f64
    }
}

/// The share of the day's immediate phase (its items that are not optional) ticked.
pub fn share(routine: &Routine, session: Session, ticks: &[Tick]) -> f64 {
    PhaseItems::of(routine, session).share(ticks)
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

/// `PhaseItems` per session, worked out on first use.
pub struct PhaseCache<'a> {
    routine: &'a Routine,
    items: Vec<(Session, PhaseItems)>,
}

impl<'a> PhaseCache<'a> {
    pub fn new(routine: &'a Routine) -> Self {
        PhaseCache { routine, items: Vec::new() }
    }

    pub fn get(&mut self, session: Session) -> &PhaseItems {
        let at = match self.items.iter().position(|(s, _)| *s == session) {
            Some(at) => at,
            None => {
                self.items.push((session, PhaseItems::of(self.routine, session)));
                self.items.len() - 1
            }
        };
        &self.items[at].1
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
    let mut items = PhaseCache::new(routine);
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|d| {
            let session = sessions.get(&d).copied().unwrap_or(Session::Rest);
            (d, items.get(session).share(ticks.get(&d).unwrap_or(&none)))
        })
        .collect()
}

/// Streaks over days given in order, one at a time (so ten years need no map in memory).
/// A day counts when its share reaches `STREAK_SHARE`; a day not given breaks a run;
/// today below the share does not break it before it is over.
#[derive(Clone, Copy, Debug)]
pub struct StreakCounter {
    today: NaiveDate,
    run: u32,
    last: Option<NaiveDate>,
    best: u32,
}

impl StreakCounter {
    pub fn new(today: NaiveDate) -> Self {
        StreakCounter { today, run: 0, last: None, best: 0 }
    }

    /// The next day (after every day added so before) and its share.
    pub fn add(&mut self, day: NaiveDate, share: f64) {
        if day > self.today {
            return;
        }
        if share >= STREAK_SHARE {
            let follows = self.last.and_then(|p| p.succ_opt()) == Some(day);
            self.run = if follows { self.run + 1 } else { 1 };
            self.last = Some(day);
            self.best = self.best.max(self.run);
        } else if day != self.today {
            (self.run, self.last) = (0, None);
        }
    }

    /// (current, best): the current streak ends today or yesterday.
    pub fn finish(self) -> (u32, u32) {
        let current = match self.last {
            Some(d) if d == self.today || d.succ_opt() == Some(self.today) => self.run,
            _ => 0,
        };
        (current, self.best.max(current))
    }
}

/// The current streak (ending today, or yesterday while today is not yet over and does not
/// count yet) and the best one, in days.
pub fn streaks(shares: &BTreeMap<NaiveDate, f64>, today: NaiveDate) -> (u32, u32) {
    let mut counter = StreakCounter::new(today);
    for (day, share) in shares {
        counter.add(*day, *share);
    }
    counter.finish()
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
