//! A week of the History screen at a glance (UX.md v2): its runs and distance, how many
//! days had each verdict, and how much of the checklist's immediate phase was ticked.

use super::readiness::Level;
use super::records::Run;
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// One week, Monday to Sunday (up to the last day known).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Week {
    pub monday: NaiveDate,
    pub runs: u32,
    /// Kilometres over the runs that have a distance.
    pub km: f64,
    /// Days rated GO, GO_CAUTION, EASY and REST.
    pub verdicts: [u32; 4],
    /// The mean share of the immediate phase ticked over the week's known days; `None`
    /// when no day of it is known.
    pub adherence: Option<f64>,
}

/// The Monday of `day`'s week.
pub fn monday(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday()))).unwrap_or(day)
}

fn slot(level: Level) -> Option<usize> {
    match level {
        Level::Go => Some(0),
        Level::GoCaution => Some(1),
        Level::Easy => Some(2),
        Level::Rest => Some(3),
        Level::NoData => None,
    }
}

/// The week that starts on `monday`, from each known day's share and verdict and the runs.
pub fn week(
    monday: NaiveDate,
    days: &BTreeMap<NaiveDate, (f64, Option<Level>)>,
    runs: &BTreeMap<NaiveDate, Vec<Run>>,
) -> Week {
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let mut w = Week { monday, ..Week::default() };
    let mut shares = Vec::new();
    for (_, (share, level)) in days.range(monday..=sunday) {
        shares.push(*share);
        if let Some(i) = level.and_then(slot) {
            w.verdicts[i] += 1;
        }
    }
    for run in runs.range(monday..=sunday).flat_map(|(_, r)| r) {
        w.runs += 1;
        w.km += run.km.unwrap_or(0.0);
    }
    w.adherence = (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64);
    w
}

/// `count` weeks, newest first, the first being `day`'s.
pub fn weeks_to(
    day: NaiveDate,
    count: usize,
    days: &BTreeMap<NaiveDate, (f64, Option<Level>)>,
    runs: &BTreeMap<NaiveDate, Vec<Run>>,
) -> Vec<Week> {
    let first = monday(day);
    (0..count as u64)
        .map_while(|n| first.checked_sub_days(Days::new(7 * n)))
        .map(|m| week(m, days, runs))
        .collect()
}

/// The runs of the week that starts on `monday` among `runs`, and their kilometres.
pub fn runs_in(runs: &[Run], monday: NaiveDate) -> (u32, f64) {
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    runs.iter()
        .filter(|r| (monday..=sunday).contains(&r.day))
        .fold((0, 0.0), |(n, km), r| (n + 1, km + r.km.unwrap_or(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Session;
    use chrono::NaiveTime;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn run(day: u32, km: Option<f64>) -> Run {
        Run { km, ..Run::new(d(day), NaiveTime::MIN, Session::Easy, 40) }
    }

    #[test]
    fn a_week_counts_its_runs_distance_verdicts_and_ticks() {
        // Mon 23 … Sat 28 Nov known; Sun 22 belongs to the week before.
        let mut days = BTreeMap::new();
        days.insert(d(22), (1.0, Some(Level::Rest)));
        days.insert(d(23), (1.0, Some(Level::Go)));
        days.insert(d(24), (0.5, Some(Level::GoCaution)));
        days.insert(d(25), (0.0, Some(Level::NoData)));
        days.insert(d(26), (0.5, None));
        let mut runs = BTreeMap::new();
        runs.insert(d(22), vec![run(22, Some(30.0))]);
        runs.insert(d(24), vec![run(24, Some(8.5)), run(24, None)]);
        runs.insert(d(26), vec![run(26, Some(10.0))]);
        let w = week(d(23), &days, &runs);
        assert_eq!((w.monday, w.runs, w.km, w.verdicts), (d(23), 3, 18.5, [1, 1, 0, 0]));
        assert_eq!(w.adherence, Some(0.5));
        let all = weeks_to(d(28), 3, &days, &runs);
        assert_eq!(all.iter().map(|w| w.monday).collect::<Vec<_>>(), [d(23), d(16), d(9)]);
        assert_eq!((all[1].runs, all[1].verdicts, all[1].adherence), (1, [0, 0, 0, 1], Some(1.0)));
        assert_eq!(all[2], Week { monday: d(9), ..Week::default() });
    }

    #[test]
    fn a_weeks_runs_among_others() {
        let runs = [run(22, Some(30.0)), run(23, Some(8.5)), run(24, None), run(30, Some(5.0))];
        assert_eq!(runs_in(&runs, d(23)), (2, 8.5));
        assert_eq!(runs_in(&runs, d(16)), (1, 30.0));
        assert_eq!(runs_in(&[], d(16)), (0, 0.0));
    }

    #[test]
    fn mondays() {
        assert_eq!(monday(d(28)), d(23));
        assert_eq!(monday(d(23)), d(23));
        assert_eq!(monday(d(22)), d(16));
    }
}
