//! The Log screen's list (UX.md v2): the last days, newest first, each a row with its
//! markers and verdict, and under it a row per run. The selection moves over every row;
//! a day row edits that day's markers, a run row edits or deletes that run.

use crate::domain::readiness::Level;
use crate::domain::records::{Markers, Run};
use chrono::NaiveDate;

/// How many days the list reads at first, and adds each time the selection passes its end.
pub const PAGE_DAYS: u32 = 28;

/// One day of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct LogDay {
    pub date: NaiveDate,
    pub markers: Option<Markers>,
    /// The day's runs, in the order they ended.
    pub runs: Vec<Run>,
    pub verdict: Option<Level>,
}

/// The days read, newest first, and how many were asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct LogList {
    pub days: Vec<LogDay>,
    /// The days asked for (the list is shorter only at the earliest date there is).
    pub span: u32,
}

/// A row of the list: a day (index into `days`), or one of its runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Day(usize),
    Run(usize, usize),
}

impl LogList {
    /// Every row in display order.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (d, day) in self.days.iter().enumerate() {
            rows.push(Row::Day(d));
            rows.extend((0..day.runs.len()).map(|r| Row::Run(d, r)));
        }
        rows
    }

    pub fn row(&self, index: usize) -> Option<Row> {
        self.rows().get(index).copied()
    }

    /// The day a row belongs to.
    pub fn day_of(&self, row: Row) -> Option<&LogDay> {
        match row {
            Row::Day(d) | Row::Run(d, _) => self.days.get(d),
        }
    }

    pub fn run_of(&self, row: Row) -> Option<&Run> {
        match row {
            Row::Run(d, r) => self.days.get(d).and_then(|day| day.runs.get(r)),
            Row::Day(_) => None,
        }
    }

    /// The row of `date`'s day, if the list holds it.
    pub fn row_of_day(&self, date: NaiveDate) -> Option<usize> {
        self.rows().iter().position(|r| matches!(r, Row::Day(d) if self.days[*d].date == date))
    }

    /// The row of the run `id`, if the list holds it.
    pub fn row_of_run(&self, id: i64) -> Option<usize> {
        self.rows().iter().position(|r| self.run_of(*r).is_some_and(|run| run.id == Some(id)))
    }

    /// The markers logged on the day before `date`, when the list holds that day.
    pub fn markers_before(&self, date: NaiveDate) -> Option<&Markers> {
        let before = date.pred_opt()?;
        self.days.iter().find(|d| d.date == before).and_then(|d| d.markers.as_ref())
    }

    /// The latest run that ended on a day before `date`, among the days the list holds.
    pub fn last_run_before(&self, date: NaiveDate) -> Option<&Run> {
        self.days.iter().filter(|d| d.date < date).find_map(|d| d.runs.last())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Session;
    use chrono::NaiveTime;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
    }

    fn run(d: u32, id: i64, kind: Session) -> Run {
        Run { id: Some(id), ..Run::new(day(d), NaiveTime::MIN, kind, 40) }
    }

    fn list() -> LogList {
        let logday = |d: u32, runs: Vec<Run>| LogDay {
            date: day(d),
            markers: Some(Markers { rhr: Some(50 + d as u16), ..Markers::default() }),
            runs,
            verdict: None,
        };
        LogList {
            days: vec![
                logday(28, vec![]),
                logday(27, vec![run(27, 7, Session::Easy), run(27, 8, Session::Tempo)]),
                logday(26, vec![run(26, 5, Session::Long)]),
            ],
            span: 3,
        }
    }

    #[test]
    fn rows_put_each_days_runs_under_it() {
        assert_eq!(
            list().rows(),
            [Row::Day(0), Row::Day(1), Row::Run(1, 0), Row::Run(1, 1), Row::Day(2), Row::Run(2, 0)]
        );
    }

    #[test]
    fn rows_are_found_by_day_and_by_run() {
        let l = list();
        assert_eq!(l.row_of_day(day(26)), Some(4));
        assert_eq!(l.row_of_run(8), Some(3));
        assert_eq!(l.row_of_run(99), None);
        assert_eq!(l.run_of(Row::Run(1, 1)).and_then(|r| r.id), Some(8));
        assert_eq!(l.day_of(Row::Run(2, 0)).map(|d| d.date), Some(day(26)));
    }

    #[test]
    fn the_references_come_from_earlier_days() {
        let l = list();
        assert_eq!(l.markers_before(day(28)).and_then(|m| m.rhr), Some(77));
        assert_eq!(l.last_run_before(day(28)).and_then(|r| r.id), Some(8));
        assert_eq!(l.last_run_before(day(27)).and_then(|r| r.id), Some(5));
        assert_eq!(l.last_run_before(day(26)), None);
    }
}
