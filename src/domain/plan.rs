//! The week-by-week template for a weekly mileage (ROUTINE.md "The weekly template"):
//! 3 runs below 25 km, 4 up to 45, 5 up to 70, 6 above; at most 2 quality sessions, never
//! on consecutive days; a long run of 25–30 % (never over 35 %); an easy or rest day after
//! every quality or long day; every 4th week 25 % lighter.
//!
//! Choices where ROUTINE.md is silent: one quality session (tempo) at 3–4 runs a week, two
//! (intervals, tempo) from 5; the long run is the week's longest run, so at 3 runs it takes
//! the 35 % cap; the other runs share the rest evenly; distances in half kilometres (tenths below 20 km).

use super::checklist::{Checklist, Entry};
use super::routine::Routine;
use super::session::Session;

/// A day of the template: the session and its distance (0 on a rest day), and the recovery
/// routine that goes with it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDay {
    /// 0 = Monday.
    pub weekday: usize,
    pub session: Session,
    pub km: f64,
    /// Minutes of the routine's immediate phase for this session.
    pub recovery_minutes: u32,
    /// The routine's immediate-phase items for this session.
    pub recovery: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanWeek {
    /// 1-based.
    pub number: u32,
    pub km: f64,
    /// Every 4th week is 25 % lighter.
    pub lighter: bool,
    pub days: Vec<PlanDay>,
}

pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Runs a week for a weekly volume.
pub fn runs_per_week(km: f64) -> usize {
    if km < 25.0 {
        3
    } else if km <= 45.0 {
        4
    } else if km <= 70.0 {
        5
    } else {
        6
    }
}

/// The week's shape for a number of runs, Monday first (`Rest` for no run).
fn layout(runs: usize) -> [Session; 7] {
    use Session::{Easy, Intervals, Long, Rest, Tempo};
    match runs {
        3 => [Rest, Tempo, Rest, Easy, Rest, Rest, Long],
        4 => [Rest, Tempo, Easy, Rest, Easy, Rest, Long],
        5 => [Rest, Intervals, Easy, Tempo, Rest, Easy, Long],
        _ => [Rest, Intervals, Easy, Tempo, Easy, Easy, Long],
    }
}

/// Share of the week for the long run: 28 %, or the 35 % cap when 28 % would leave the
/// other runs longer than it (three runs a week).
pub const LONG_SHARE: f64 = 0.28;
pub const LONG_MAX: f64 = 0.35;

fn long_share(runs: usize) -> f64 {
    let others = (1.0 - LONG_SHARE) / (runs.max(2) - 1) as f64;
    if others < LONG_SHARE { LONG_SHARE } else { LONG_MAX }
}

/// Distances are in half kilometres, tenths below 20 km a week (where halves cannot keep
/// the long run both the longest and within 35 %).
fn units_per_km(km: f64) -> f64 {
    if km < 20.0 { 10.0 } else { 2.0 }
}

/// `km` spread over `runs` runs: the long run first, then the others, in whole units, so
/// the week adds up exactly to `km` rounded to a unit.
fn distances(km: f64, runs: usize) -> (f64, Vec<f64>) {
    let per_km = units_per_km(km);
    let units = (km * per_km).round() as i64;
    let others = runs.max(2) as i64 - 1;
    let long = ((units as f64 * long_share(runs)).floor() as i64).max(1);
    let rest = units - long;
    let each: Vec<f64> =
        (0..others).map(|i| (rest / others + i64::from(i < rest % others)) as f64 / per_km).collect();
    (long as f64 / per_km, each)
}

/// The template for `weekly_km` over `weeks` weeks, each day with its recovery routine
/// (`foam_seconds`: the configured foam-roll countdown).
pub fn plan(weekly_km: f64, weeks: u32, routine: &Routine, foam_seconds: u32) -> Vec<PlanWeek> {
    let shape = layout(runs_per_week(weekly_km));
    let runs = shape.iter().filter(|s| **s != Session::Rest).count();
    (1..=weeks)
        .map(|number| {
            let lighter = number % 4 == 0;
            let km = if lighter { weekly_km * 0.75 } else { weekly_km };
            let (long, others) = distances(km, runs);
            let mut others = others.into_iter();
            let days = shape
                .iter()
                .enumerate()
                .map(|(weekday, session)| {
                    let km = match session {
                        Session::Long => long,
                        Session::Rest => 0.0,
                        _ => others.next().unwrap_or(0.0),
                    };
                    let c = Checklist::build(chrono::NaiveDate::MIN, routine, *session, &[], foam_seconds);
                    PlanDay {
                        weekday,
                        session: *session,
                        km,
                        recovery_minutes: c.planned_minutes(),
                        recovery: c.first_phase().map(|g| g.entries.clone()).unwrap_or_default(),
                    }
                })
                .collect::<Vec<_>>();
            PlanWeek { number, km: days.iter().map(|d| d.km).sum(), lighter, days }
        })
        .collect()
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
