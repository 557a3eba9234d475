//! The timeline after a run: which phase is due now, which comes later, which is
//! overdue (ROUTINE.md "Shape"). Anchored to the run's end time; time comes in as `now`.

use super::routine::Phase;
use chrono::{NaiveDateTime, NaiveTime, TimeDelta, Timelike};

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

/// The night: a phase that would start in it (after the first one) waits for the morning.
const NIGHT_FROM: u32 = 22;
const MORNING: u32 = 7;

/// When `phase` is due for a run that ended at `run_end`; `None` for a phase without a
/// window (the optional tools). A window that would start in the night (22:00–07:00) is
/// moved to 07:00 with its length kept: a 2–6 h walk after a run that ended at 21:50 is
/// tomorrow morning's. The first phase (starting as the run ends) is never moved.
pub fn window(phase: &Phase, run_end: NaiveDateTime) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let start = run_end + TimeDelta::minutes(i64::from(phase.from_min?));
    let end = run_end + TimeDelta::minutes(i64::from(phase.to_min?));
    let hour = start.hour();
    if phase.from_min == Some(0) || (MORNING..NIGHT_FROM).contains(&hour) {
        return Some((start, end));
    }
    let morning_day = if hour >= NIGHT_FROM { start.date() + TimeDelta::days(1) } else { start.date() };
    let morning = morning_day.and_time(NaiveTime::from_hms_opt(MORNING, 0, 0).unwrap_or(NaiveTime::MIN));
    Some((morning, morning + (end - start)))
}

/// Where a phase with this window stands at `now`.
pub fn due(start: NaiveDateTime, end: NaiveDateTime, now: NaiveDateTime, done: bool) -> Due {
    if done {
        Due::Done
    } else if now < start {
        Due::Later(start - now)
    } else if now < end {
        Due::Now(end - now)
    } else {
        Due::Overdue
    }
}

/// A window in clock times, seen from `day`: "11:00–15:00" when it lies within it,
/// "Sat 15:00–Sun 09:00" (both days named) when it reaches another.
pub fn clock(start: NaiveDateTime, end: NaiveDateTime, day: chrono::NaiveDate) -> String {
    let within = start.date() == day
        && (end.date() == day || end == (day + TimeDelta::days(1)).and_time(NaiveTime::MIN));
    let format = if within { "%H:%M" } else { "%a %H:%M" };
    format!("{}–{}", start.format(format), end.format(format))
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

/// "due now, 12 min left", "due in 1 h 20 min", "missed" (its window closed with items
/// open), "done".
pub fn words(due: Due) -> String {
    match due {
        Due::Later(d) => format!("due in {}", span(d)),
        Due::Now(left) => format!("due now, {} left", span(left)),
        Due::Overdue => "missed".into(),
        Due::Done => "done".into(),
    }
}

/// The machine word of `due` for `checklist --json`'s `status`.
pub fn status(due: Due) -> &'static str {
    match due {
        Due::Later(_) => "later",
        Due::Now(_) => "due",
        Due::Overdue => "missed",
        Due::Done => "done",
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

    fn due_of(p: &Phase, end: NaiveDateTime, now: NaiveDateTime, done: bool) -> Option<Due> {
        window(p, end).map(|(a, b)| due(a, b, now, done))
    }

    #[test]
    fn immediately_is_due_for_the_first_30_minutes() {
        let p = phase(0, 30);
        let end = at(7, 30, 0);
        assert_eq!(due_of(&p, end, at(7, 30, 0), false), Some(Due::Now(TimeDelta::minutes(30))));
        assert_eq!(due_of(&p, end, at(7, 59, 59), false), Some(Due::Now(TimeDelta::seconds(1))));
        assert_eq!(due_of(&p, end, at(8, 0, 0), false), Some(Due::Overdue));
        assert_eq!(words(Due::Overdue), "missed");
        assert_eq!(due_of(&p, end, at(8, 0, 0), true), Some(Due::Done));
    }

    #[test]
    fn later_phases_start_at_their_offsets() {
        let p = phase(120, 360);
        let end = at(7, 30, 0);
        assert_eq!(words(due_of(&p, end, at(8, 10, 0), false).unwrap()), "due in 1 h 20 min");
        assert_eq!(due_of(&p, end, at(9, 29, 59), false), Some(Due::Later(TimeDelta::seconds(1))));
        assert_eq!(due_of(&p, end, at(9, 30, 0), false), Some(Due::Now(TimeDelta::hours(4))));
        assert_eq!(due_of(&p, end, at(13, 30, 0), false), Some(Due::Overdue));
        let next_day = phase(1440, 2880);
        assert_eq!(words(due_of(&next_day, end, at(10, 30, 0), false).unwrap()), "due in 21 h");
    }

    #[test]
    fn a_window_that_would_start_in_the_night_waits_for_the_morning() {
        // The evening run: ended 21:50, the 2–6 h walk was 23:50–03:50.
        let end = at(21, 50, 0);
        let (start, stop) = window(&phase(120, 360), end).unwrap();
        assert_eq!((start, stop), (at(7, 0, 0) + TimeDelta::days(1), at(11, 0, 0) + TimeDelta::days(1)));
        assert_eq!(clock(start, stop, end.date()), "Sun 07:00–Sun 11:00");
        // The first phase starts as the run ends, night or not; a daytime window stays.
        assert_eq!(window(&phase(0, 30), end).unwrap().0, end);
        assert_eq!(window(&phase(120, 360), at(9, 0, 0)).unwrap().0, at(11, 0, 0));
        // Starting at 02:00 the same night: 07:00 that morning.
        let (early, _) = window(&phase(360, 1440), at(20, 0, 0)).unwrap();
        assert_eq!(early, at(7, 0, 0) + TimeDelta::days(1));
        assert_eq!(window(&phase(120, 360), at(3, 0, 0)).unwrap().0, at(7, 0, 0));
    }

    #[test]
    fn a_phase_without_a_window_has_no_due_time() {
        let tools = Phase { from_min: None, to_min: None, ..phase(0, 1) };
        assert_eq!(window(&tools, at(7, 0, 0)), None);
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
