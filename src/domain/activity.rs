//! An activity a watch or an app recorded (a FIT, GPX or TCX file, an Apple Health
//! workout), as read from its file, before it becomes one of the runner's runs. The readers
//! in `exchange` make these; the store matches each to the runs already kept (by its
//! source id, else by time overlap with a run the runner typed).

use super::records::Run;
use super::session::{LONG_RUN_MINUTES, Session};
use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, NaiveTime, Timelike};

#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    /// The activity's own id in its source, stable across re-exports of the same
    /// recording: e.g. `fit:<device serial>:<time_created>`; for a format without one, a
    /// digest of its first track point's time and position.
    pub source_id: String,
    /// The file it came from (its last part), as the run's source shows it.
    pub file: String,
    /// When it started and ended, in the watch's own local time and offset. The end is
    /// start + total elapsed time (not the time of the file's last message).
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    /// Timed minutes (moving or elapsed, as the file gives its total timer time), if known.
    pub minutes: Option<u32>,
    pub km: Option<f64>,
    pub avg_hr: Option<u16>,
    /// The sport as the file names it, "running/trail", "cycling/road" (cleaned, short).
    pub sport: String,
    /// A running sport (running, trail, treadmill, track…): a run; anything else is cross.
    pub running: bool,
    /// The watch's own RPE for the session (FIT `workout_rpe`), 1–10, when present.
    pub rpe: Option<u8>,
}

/// The longest a stored run may be (the runs table's `minutes`).
const MAX_MINUTES: i64 = 1440;
/// The longest distance a stored run may have (the runs table's `km`).
const MAX_KM: f64 = 1000.0;

/// A running sport as files name it: `running` and its sub-sports (trail, treadmill,
/// track, street, virtual), TCX's `Running`, Strava's `Run`/`TrailRun`/`VirtualRun`, and
/// Strava's GPX type number `9`. Anything else (cycling, swimming, walking…) is cross.
pub fn is_running_sport(sport: &str) -> bool {
    let sport = sport.trim();
    sport == "9" || sport.to_ascii_lowercase().contains("run")
}

impl Activity {
    /// The minutes a run of it lasts: the timer's, else start to end; at least 1 (a
    /// recording of a few seconds is still a session), at most 1440 (the table's limit).
    pub fn run_minutes(&self) -> u32 {
        let elapsed = (self.end - self.start).num_seconds().max(0);
        let minutes = self.minutes.map_or((elapsed + 30) / 60, i64::from);
        u32::try_from(minutes.clamp(1, MAX_MINUTES)).unwrap_or(1)
    }

    /// When it started and ended on the watch's own wall clock: what a stored run's day,
    /// end time and minutes are compared with.
    pub fn wall_interval(&self) -> (NaiveDateTime, NaiveDateTime) {
        (self.start.naive_local(), self.end.naive_local())
    }

    /// The run it becomes when no stored run is it: a running sport is `long` from 90
    /// minutes, else `easy` (the runner can say more later); any other sport is `cross`,
    /// with the sport as its note. It ends at the activity's end, on the watch's wall
    /// clock, to the minute; its day is that end's date.
    pub fn to_run(&self) -> Run {
        let end = self.end.naive_local();
        let minutes = self.run_minutes();
        let kind = match (self.running, minutes >= LONG_RUN_MINUTES) {
            (false, _) => Session::Cross,
            (true, true) => Session::Long,
            (true, false) => Session::Easy,
        };
        let at = NaiveTime::from_hms_opt(end.hour(), end.minute(), 0).unwrap_or(NaiveTime::MIN);
        let mut run = Run::new(end.date(), at, kind, minutes);
        run.km = self.km.filter(|km| (0.0..=MAX_KM).contains(km)).map(|km| (km * 100.0).round() / 100.0);
        run.rpe = self.rpe.filter(|r| (1..=10).contains(r));
        if !self.running && !self.sport.is_empty() {
            run.note = Some(self.sport.chars().take(100).collect());
        }
        run
    }
}

/// A stored run's interval on the runner's wall clock: it ended at its day and end time,
/// and started its minutes before.
pub fn run_interval(run: &Run) -> (NaiveDateTime, NaiveDateTime) {
    let end = run.day.and_time(run.at);
    (end - Duration::minutes(i64::from(run.minutes)), end)
}

/// How much two intervals overlap, as a share of the shorter one (0 when they do not; an
/// interval of no length overlaps another it lies inside fully).
pub fn overlap_share(a: (NaiveDateTime, NaiveDateTime), b: (NaiveDateTime, NaiveDateTime)) -> f64 {
    let start = a.0.max(b.0);
    let end = a.1.min(b.1);
    if end < start {
        return 0.0;
    }
    let shorter = (a.1 - a.0).min(b.1 - b.0).num_seconds();
    if shorter <= 0 {
        return 1.0;
    }
    (end - start).num_seconds() as f64 / shorter as f64
}

/// Two intervals are the same session when they overlap by at least half the shorter.
pub const SAME_SESSION_SHARE: f64 = 0.5;

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
