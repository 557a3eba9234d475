//! The timeline after a run: which phase is due now, which comes later, which is
//! overdue (ROUTINE.md "Shape"). Anchored to the run's end time; time comes in as `now`.

use super::routine::Phase;
use chrono::{NaiveDateTime, TimeDelta};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Starts in this long.
    Later(TimeDelta),
    /// Due now, with this long left.
    Now(TimeDelta),
    /// Its window has passed with items open.
    Overdue,
    /// Every item ticked.
    Done,
}

/// Where `phase` stands at `now` for a run that ended at `run_end`; `None` for a phase
/// without a window (the optional tools).
pub fn due(phase: &Phase, run_end: NaiveDateTime, now: NaiveDateTime, done: bool) -> Option<Due> {
    let start = run_end + TimeDelta::minutes(i64::from(phase.from_min?));
    let end = run_end + TimeDelta::minutes(i64::from(phase.to_min?));
    Some(if done {
        Due::Done
    } else if now < start {
        Due::Later(start - now)
    } else if now < end {
        Due::Now(end - now)
    } else {
        Due::Overdue
    })
}

/// "1 h 20 min", "45 min", "21 h", rounded up to the minute.
pub fn span(d: TimeDelta) -> String {
    let minutes = (d.num_seconds() + 59).div_euclid(60).max(0);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// "due now, 12 min left", "due in 1 h 20 min", "overdue", "done".
pub fn words(due: Due) -> String {
    match due {
        Due::Later(d) => format!("due in {}", span(d)),
        Due::Now(left) => format!("due now, {} left", span(left)),
        Due::Overdue => "overdue".into(),
        Due::Done => "done".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn phase(from: u32, to: u32) -> Phase {
        Phase {
            id: "p".into(),
            title: "P".into(),
            window: String::new(),
            from_min: Some(from),
            to_min: Some(to),
        }
    }

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap().and_hms_opt(h, m, s).unwrap()
    }

    #[test]
    fn immediately_is_due_for_the_first_30_minutes() {
        let p = phase(0, 30);
        let end = at(7, 30, 0);
        assert_eq!(due(&p, end, at(7, 30, 0), false), Some(Due::Now(TimeDelta::minutes(30))));
        assert_eq!(due(&p, end, at(7, 59, 59), false), Some(Due::Now(TimeDelta::seconds(1))));
        assert_eq!(due(&p, end, at(8, 0, 0), false), Some(Due::Overdue));
        assert_eq!(due(&p, end, at(8, 0, 0), true), Some(Due::Done));
    }

    #[test]
    fn later_phases_start_at_their_offsets() {
        let p = phase(120, 360);
        let end = at(7, 30, 0);
        assert_eq!(words(due(&p, end, at(8, 10, 0), false).unwrap()), "due in 1 h 20 min");
        assert_eq!(due(&p, end, at(9, 29, 59), false), Some(Due::Later(TimeDelta::seconds(1))));
        assert_eq!(due(&p, end, at(9, 30, 0), false), Some(Due::Now(TimeDelta::hours(4))));
        assert_eq!(due(&p, end, at(13, 30, 0), false), Some(Due::Overdue));
        let next_day = phase(1440, 2880);
        assert_eq!(words(due(&next_day, end, at(10, 30, 0), false).unwrap()), "due in 21 h");
    }

    #[test]
    fn a_phase_without_a_window_has_no_due_time() {
        let tools = Phase { from_min: None, to_min: None, ..phase(0, 1) };
        assert_eq!(due(&tools, at(7, 0, 0), at(8, 0, 0), false), None);
    }

    #[test]
    fn spans_round_up_to_the_minute() {
        assert_eq!(span(TimeDelta::seconds(1)), "1 min");
        assert_eq!(span(TimeDelta::minutes(45)), "45 min");
        assert_eq!(span(TimeDelta::minutes(60)), "1 h");
        assert_eq!(span(TimeDelta::seconds(80 * 60 - 30)), "1 h 20 min");
        assert_eq!(words(Due::Now(TimeDelta::minutes(12))), "due now, 12 min left");
    }
}
