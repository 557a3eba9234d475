//! An activity a watch or an app recorded (a FIT, GPX or TCX file, an Apple Health
//! workout), as read from its file, before it becomes one of the runner's runs. The readers
//! in `exchange` make these; the store matches each to the runs already kept (by its
//! source id, else by time overlap with a run the runner typed).

use chrono::{DateTime, FixedOffset};

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
