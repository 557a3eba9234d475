//! The week-by-week template for a weekly mileage (ROUTINE.md "The weekly template"):
//! 3 runs below 25 km, 4 up to 45, 5 up to 70, 6 above; at most 2 quality sessions, never
//! on consecutive days; a long run of 25–30 % (never over 35 %); an easy or rest day after
//! every quality or long day; every 4th week 25 % lighter.

use super::checklist::Checklist;
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
    /// The routine's items for this session, by title.
    pub recovery: Vec<String>,
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
        3 => [Rest, Intervals, Rest, Easy, Rest, Rest, Long],
        4 => [Rest, Intervals, Rest, Tempo, Rest, Easy, Long],
        5 => [Rest, Intervals, Easy, Tempo, Rest, Easy, Long],
        _ => [Rest, Intervals, Easy, Tempo, Easy, Easy, Long],
    }
}

/// Share of the week for the long run: 28 %, or an even share when that is more (three runs
/// a week), never over 35 %.
pub const LONG_SHARE: f64 = 0.28;
pub const LONG_MAX: f64 = 0.35;
/// Share of the week for each quality session.
pub const QUALITY_SHARE: f64 = 0.17;

fn half_km(km: f64) -> f64 {
    (km * 2.0).round() / 2.0
}

/// The template for `weekly_km` over `weeks` weeks, each day with its recovery routine.
pub fn plan(weekly_km: f64, weeks: u32, routine: &Routine) -> Vec<PlanWeek> {
    (1..=weeks)
        .map(|number| {
            let lighter = number % 4 == 0;
            let km = if lighter { weekly_km * 0.75 } else { weekly_km };
            let shape = layout(runs_per_week(weekly_km));
            let runs = shape.iter().filter(|s| **s != Session::Rest).count();
            let mut long = half_km(km * LONG_SHARE.max(1.0 / runs as f64).min(LONG_MAX));
            while long > km * LONG_MAX {
                long -= 0.5;
            }
            let quality = half_km(km * QUALITY_SHARE);
            let n_quality = shape.iter().filter(|s| matches!(s, Session::Tempo | Session::Intervals)).count();
            let n_easy = shape.iter().filter(|s| **s == Session::Easy).count();
            let easy = if n_easy == 0 {
                0.0
            } else {
                half_km((km - long - quality * n_quality as f64) / n_easy as f64)
            };
            let days = shape
                .iter()
                .enumerate()
                .map(|(weekday, session)| {
                    let km = match session {
                        Session::Long => long,
                        Session::Tempo | Session::Intervals => quality,
                        Session::Easy => easy,
                        _ => 0.0,
                    };
                    let c = Checklist::build(chrono::NaiveDate::MIN, routine, *session, &[], 90);
                    let recovery = c
                        .first_phase()
                        .map(|g| g.entries.iter().map(|e| e.item.title.clone()).collect())
                        .unwrap_or_default();
                    PlanDay {
                        weekday,
                        session: *session,
                        km,
                        recovery_minutes: c.planned_minutes(),
                        recovery,
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
