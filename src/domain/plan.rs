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
//! In imperial units (`units = "imperial"`) the plan counts in miles: half miles (tenths
//! below 20 mi a week), the long run at most 20 mi, a quality session at most 10 mi, the
//! week at most 100 mi — the round numbers a runner in miles uses for the same caps (each
//! within 1 % of its kilometre twin; see [`Scale`]). The run counts and the easy-only
//! threshold stay in kilometres.
//!
//! Where ROUTINE.md's run counts cannot carry its caps the count gives way, never a cap:
//! three runs cannot hold a long run ≤ 35 % that is also 1.3 × the other two (it would be
//! 39 %), and six cannot carry more than 137.5 km with the long run ≤ 32 km, quality ≤ 16 km
//! and the others ≤ long ÷ 1.3. Distances are whole half kilometres (tenths below 20 km a
//! week), and the runs add up exactly to the week's stated total.

use super::checklist::{Checklist, Entry};
use super::routine::Routine;
use super::session::Session;
use super::units::{KM_PER_MI, Units};

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
    /// The units its pages show distances in (the numbers here are kilometres).
    pub units: Units,
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

/// The unit a plan counts distances in, and its caps in that unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Kilometres in one unit: 1, or a mile's 1.609344.
    pub unit_km: f64,
    /// The long run's cap, a quality session's cap and the week's cap, in whole units.
    pub long: i64,
    pub quality: i64,
    pub doubles: i64,
}

impl Scale {
    pub const KM: Scale =
        Scale { unit_km: 1.0, long: LONG_KM, quality: QUALITY_KM, doubles: DOUBLES_KM as i64 };
    /// 20 mi (32.19 km), 10 mi (16.09 km), 100 mi (160.93 km): in half miles, the floors
    /// of the kilometre caps (19.5 and 9.5 mi) could not carry a 99 mi week over 7 runs.
    pub const MI: Scale = Scale { unit_km: KM_PER_MI, long: 20, quality: 10, doubles: 100 };

    pub fn of(units: Units) -> Scale {
        if units.mi { Scale::MI } else { Scale::KM }
    }

    /// `n` units in kilometres.
    pub fn km(self, n: i64) -> f64 {
        n as f64 * self.unit_km
    }
}
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

/// Distances are in half units (kilometres or miles), tenths below 20 units a week (where
/// halves are too coarse to keep the long run 1.3 × the others and within 35 %).
fn steps_per_unit(units: f64) -> i64 {
    if units < 20.0 { 10 } else { 2 }
}

/// The template for `asked_km` over `weeks` weeks, each day with its recovery routine
/// (`foam_seconds`: the configured foam-roll countdown), counted in `units`' distances.
pub fn plan(asked_km: f64, weeks: u32, routine: &Routine, foam_seconds: u32, units: Units) -> Plan {
    let scale = Scale::of(units);
    let weekly_km = asked_km.min(scale.km(scale.doubles));
    let runs = runs_per_week(weekly_km);
    let weeks: Vec<PlanWeek> = (1..=weeks)
        .map(|number| {
            let lighter = number % 4 == 0;
            let target = if lighter { weekly_km * LIGHTER } else { weekly_km };
            let per = steps_per_unit(target / scale.unit_km);
            let km = |steps: i64| steps as f64 / per as f64 * scale.unit_km;
            let total = (target / scale.unit_km * per as f64).round() as i64;
            let shape = layout(runs, km(total));
            let steps = split::units(&shape, total, per, scale);
            let days = shape
                .iter()
                .zip(&steps)
                .enumerate()
                .map(|(weekday, (session, u))| {
                    let c = Checklist::build(chrono::NaiveDate::MIN, routine, *session, &[], foam_seconds);
                    PlanDay {
                        weekday,
                        session: *session,
                        km: km(*u),
                        recovery_minutes: c.planned_minutes(),
                        recovery: c.first_phase().map(|g| g.entries.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            let km = km(steps.iter().sum::<i64>());
            PlanWeek { number, km, lighter, days }
        })
        .collect();
    let cap_note = (asked_km > weekly_km).then(|| split::cap_note(units));
    let notes = split::notes(weekly_km, runs, &weeks, units);
    Plan { units, asked_km, weekly_km, weeks, cap_note, notes }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
