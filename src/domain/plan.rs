//! The week-by-week template for a weekly mileage (ROUTINE.md "The weekly template" and
//! "believable at the extremes (v2)"). The rules, as this code keeps them:
//!
//! - runs a week: 4 up to 45 km, 5 up to 70, 6 up to 130, 7 above ([`runs_per_week`]);
//! - quality sessions: one (tempo) at 4 runs, two (intervals, tempo) from 5, never on
//!   consecutive days, none in a week under 15 km;
//! - the long run: about 28 % of the week, within 25–35 %, at most 32 km (the cap wins over
//!   the 25 % floor from 128 km a week), and at least 1.3 × every other run;
//! - a quality session at most 16 km; the rest shared evenly over the other runs;
//! - an easy or rest day after every quality or long day; every 4th week 25 % lighter;
//! - above 160 km a week the plan stops at 160 (doubles are not modelled).
//!
//! Where ROUTINE.md's run counts cannot carry its caps the count gives way, never a cap:
//! three runs cannot hold a long run ≤ 35 % that is also 1.3 × the other two (it would be
//! 39 %), and six cannot carry more than 137.5 km with the long run ≤ 32 km, quality ≤ 16 km
//! and the others ≤ long ÷ 1.3. Distances are whole half kilometres (tenths below 20 km a
//! week), and the runs add up exactly to the week's stated total.

use super::checklist::{Checklist, Entry};
use super::routine::Routine;
use super::session::Session;

#[path = "plan_split.rs"]
mod split;

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
    /// The week's total: exactly the sum of its days.
    pub km: f64,
    /// Every 4th week is 25 % lighter.
    pub lighter: bool,
    pub days: Vec<PlanDay>,
}

/// A plan: the weeks, and what the runner should know about how the rules shaped them.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The weekly volume asked for.
    pub asked_km: f64,
    /// The ordinary week's volume: the asked one, or [`DOUBLES_KM`] above it.
    pub weekly_km: f64,
    pub weeks: Vec<PlanWeek>,
    /// The doubles sentence when the asked volume was over [`DOUBLES_KM`].
    pub cap_note: Option<String>,
    /// How the rules shaped this plan, one sentence each, only those that apply.
    pub notes: Vec<String>,
}

pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Above this a week would need doubles (two runs a day), which the plan does not model.
pub const DOUBLES_KM: f64 = 160.0;
/// The long run's target share of the week, and its floor and cap, in per cent.
pub const LONG_SHARE_PCT: i64 = 28;
pub const LONG_MIN_PCT: i64 = 25;
pub const LONG_MAX_PCT: i64 = 35;
/// The long run never goes past this, whatever the week.
pub const LONG_KM: i64 = 32;
/// A quality session never goes past this.
pub const QUALITY_KM: i64 = 16;
/// The long run is at least this many tenths of every other run of its week (1.3 ×).
pub const LONG_OVER_OTHERS_TENTHS: i64 = 13;
/// A week under this has easy runs only.
pub const EASY_ONLY_KM: f64 = 15.0;
/// The lighter week's share of an ordinary one.
pub const LIGHTER: f64 = 0.75;

/// Runs a week for a weekly volume. ROUTINE.md's table says 3 below 25 km and 6 above 70;
/// here 4 is the least (3 cannot hold its caps) and 7 starts above 130 km (6 cannot carry
/// more than 137.5 km within them).
pub fn runs_per_week(km: f64) -> usize {
    if km <= 45.0 {
        4
    } else if km <= 70.0 {
        5
    } else if km <= 130.0 {
        6
    } else {
        7
    }
}

/// The week's shape for a number of runs, Monday first (`Rest` for no run); a week under
/// [`EASY_ONLY_KM`] turns its quality sessions into easy runs.
fn layout(runs: usize, week_km: f64) -> [Session; 7] {
    use Session::{Easy, Intervals, Long, Rest, Tempo};
    let shape = match runs {
        ..=4 => [Rest, Tempo, Easy, Rest, Easy, Rest, Long],
        5 => [Rest, Intervals, Easy, Tempo, Rest, Easy, Long],
        6 => [Rest, Intervals, Easy, Tempo, Easy, Easy, Long],
        _ => [Easy, Intervals, Easy, Tempo, Easy, Easy, Long],
    };
    if week_km < EASY_ONLY_KM { shape.map(|s| if is_quality(s) { Easy } else { s }) } else { shape }
}

/// Tempo and intervals: the week's quality sessions.
pub fn is_quality(session: Session) -> bool {
    matches!(session, Session::Tempo | Session::Intervals)
}

/// Distances are in half kilometres, tenths below 20 km a week (where halves are too coarse
/// to keep the long run 1.3 × the others and within 35 %).
fn units_per_km(km: f64) -> i64 {
    if km < 20.0 { 10 } else { 2 }
}

/// The template for `asked_km` over `weeks` weeks, each day with its recovery routine
/// (`foam_seconds`: the configured foam-roll countdown).
pub fn plan(asked_km: f64, weeks: u32, routine: &Routine, foam_seconds: u32) -> Plan {
    let weekly_km = asked_km.min(DOUBLES_KM);
    let runs = runs_per_week(weekly_km);
    let weeks: Vec<PlanWeek> = (1..=weeks)
        .map(|number| {
            let lighter = number % 4 == 0;
            let target = if lighter { weekly_km * LIGHTER } else { weekly_km };
            let per_km = units_per_km(target);
            let total = (target * per_km as f64).round() as i64;
            let shape = layout(runs, total as f64 / per_km as f64);
            let units = split::units(&shape, total, per_km);
            let days = shape
                .iter()
                .zip(&units)
                .enumerate()
                .map(|(weekday, (session, u))| {
                    let c = Checklist::build(chrono::NaiveDate::MIN, routine, *session, &[], foam_seconds);
                    PlanDay {
                        weekday,
                        session: *session,
                        km: *u as f64 / per_km as f64,
                        recovery_minutes: c.planned_minutes(),
                        recovery: c.first_phase().map(|g| g.entries.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            let km = units.iter().sum::<i64>() as f64 / per_km as f64;
            PlanWeek { number, km, lighter, days }
        })
        .collect();
    let cap_note = (asked_km > DOUBLES_KM).then(split::cap_note);
    let notes = split::notes(weekly_km, runs, &weeks);
    Plan { asked_km, weekly_km, weeks, cap_note, notes }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
