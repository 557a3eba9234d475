//! The foam-roll countdown: a state machine over a monotonic instant. The remaining time
//! is always computed from the deadline, never counted down per tick, so a late or missed
//! wake-up cannot make it drift. Generic over the instant so tests inject `now`.

use std::ops::{Add, Sub};
use std::time::{Duration, Instant};

/// What a countdown needs of a clock reading: `std::time::Instant` in the app, plain
/// numbers in tests.
pub trait Moment: Copy + Ord + Add<Duration, Output = Self> + Sub<Self, Output = Duration> {
    /// The moment `d` earlier (or the earliest one there is).
    fn back(self, d: Duration) -> Self;
}

impl Moment for Instant {
    fn back(self, d: Duration) -> Self {
        self.checked_sub(d).unwrap_or(self)
    }
}

/// How a timer is kept in the store: against the wall clock (Unix milliseconds), since a
/// monotonic instant means nothing to the next process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Running { deadline_ms: i64 },
    Paused { remaining_ms: u64 },
    Finished { at_ms: i64 },
}

/// The one timer the store keeps: which day and item it belongs to, its length, its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredTimer {
    pub day: chrono::NaiveDate,
    pub item_id: String,
    pub total: Duration,
    pub state: Stored,
}

impl Stored {
    pub fn name(self) -> &'static str {
        match self {
            Stored::Running { .. } => "running",
            Stored::Paused { .. } => "paused",
            Stored::Finished { .. } => "finished",
        }
    }

    /// The state at `wall_ms`: a running timer past its deadline is finished.
    pub fn state_at(self, wall_ms: i64) -> &'static str {
        match self {
            Stored::Running { deadline_ms } if deadline_ms <= wall_ms => "finished",
            other => other.name(),
        }
    }

    /// Seconds left and seconds over, as `cooldown checklist --json` reports them at
    /// `wall_ms`; the seconds left round up, like the display.
    pub fn seconds_at(self, wall_ms: i64) -> (u64, u64) {
        let up = |ms: i64| (ms.max(0) as u64).div_ceil(1000);
        let down = |ms: i64| ms.max(0) as u64 / 1000;
        match self {
            Stored::Running { deadline_ms } if deadline_ms > wall_ms => (up(deadline_ms - wall_ms), 0),
            Stored::Running { deadline_ms } => (0, down(wall_ms - deadline_ms)),
            Stored::Paused { remaining_ms } => (up(remaining_ms as i64), 0),
            Stored::Finished { at_ms } => (0, down(wall_ms - at_ms)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown<I> {
    Idle {
        total: Duration,
    },
    Running {
        deadline: I,
        total: Duration,
    },
    Paused {
        remaining: Duration,
        total: Duration,
    },
    /// Time is up since `at`; overtime counts from there until acknowledged.
    Finished {
        at: I,
        total: Duration,
    },
}

/// Something the run loop should announce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// `cue` seconds are left.
    Cue,
    Finished,
}

/// How much ±15 s moves a timer.
pub const ADJUST: Duration = Duration::from_secs(15);
/// The longest a timer can be adjusted to.
pub const MAX_TOTAL: Duration = Duration::from_secs(3600);

fn since<I: Moment>(later: I, earlier: I) -> Duration {
    if later > earlier { later - earlier } else { Duration::ZERO }
}

impl<I: Moment> Countdown<I> {
    pub fn new(total: Duration) -> Self {
        Countdown::Idle { total }
    }

    pub fn total(&self) -> Duration {
        match *self {
            Countdown::Idle { total }
            | Countdown::Running { total, .. }
            | Countdown::Paused { total, .. }
            | Countdown::Finished { total, .. } => total,
        }
    }

    /// Time left; zero once finished.
    pub fn remaining(&self, now: I) -> Duration {
        match *self {
            Countdown::Idle { total } => total,
            Countdown::Running { deadline, .. } => since(deadline, now),
            Countdown::Paused { remaining, .. } => remaining,
            Countdown::Finished { .. } => Duration::ZERO,
        }
    }

    /// Time past the end, while finished and not yet acknowledged.
    pub fn overtime(&self, now: I) -> Duration {
        match *self {
            Countdown::Finished { at, .. } => since(now, at),
            Countdown::Running { deadline, .. } => since(now, deadline),
            _ => Duration::ZERO,
        }
    }

    /// Whole seconds shown, rounded up: `0:00` only when the time is really up.
    pub fn shown_seconds(&self, now: I) -> u64 {
        match self {
            Countdown::Finished { .. } => self.overtime(now).as_secs(),
            _ => {
                let r = self.remaining(now);
                r.as_secs() + u64::from(r.subsec_nanos() > 0)
            }
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self, Countdown::Running { .. })
    }

    pub fn is_finished(&self) -> bool {
        matches!(self, Countdown::Finished { .. })
    }

    pub fn start(self, now: I) -> Self {
        match self {
            Countdown::Idle { total } => Countdown::Running { deadline: now + total, total },
            Countdown::Paused { remaining, total } => Countdown::Running { deadline: now + remaining, total },
            other => other,
        }
    }

    pub fn pause(self, now: I) -> Self {
        match self {
            Countdown::Running { deadline, total } if deadline > now => {
                Countdown::Paused { remaining: deadline - now, total }
            }
            Countdown::Running { deadline, total } => Countdown::Finished { at: deadline, total },
            other => other,
        }
    }

    /// `p`: pause a running timer, resume a paused (or start an idle) one.
    pub fn toggle(self, now: I) -> Self {
        match self {
            Countdown::Running { .. } => self.pause(now),
            _ => self.start(now),
        }
    }

    /// `+` / `-`: move the end by `ADJUST`. Taking off more than is left finishes it now.
    pub fn adjust(self, longer: bool, now: I) -> Self {
        let grow = |d: Duration| {
            if longer { d.saturating_add(ADJUST).min(MAX_TOTAL) } else { d.saturating_sub(ADJUST) }
        };
        let total = grow(self.total()).max(Duration::from_secs(1));
        match self {
            Countdown::Idle { .. } => Countdown::Idle { total },
            Countdown::Paused { remaining, .. } => match grow(remaining) {
                Duration::ZERO => Countdown::Finished { at: now, total },
                left => Countdown::Paused { remaining: left, total },
            },
            Countdown::Running { deadline, .. } => match grow(since(deadline, now)) {
                Duration::ZERO => Countdown::Finished { at: now, total },
                left => Countdown::Running { deadline: now + left, total },
            },
            finished => finished,
        }
    }

    /// Looks at the clock: a running timer whose deadline has passed is finished (at its
    /// deadline, not at the late wake-up). Reports the cue when `cue` is crossed since
    /// `before` (the previous poll) and the end.
    pub fn poll(self, before: I, now: I, cue: Duration) -> (Self, Option<Signal>) {
        match self {
            Countdown::Running { deadline, total } if now >= deadline => {
                (Countdown::Finished { at: deadline, total }, Some(Signal::Finished))
            }
            Countdown::Running { deadline, .. } if !cue.is_zero() => {
                let crossed = since(deadline, before) > cue && since(deadline, now) <= cue;
                (self, crossed.then_some(Signal::Cue))
            }
            other => (other, None),
        }
    }

    /// How long until what is shown next changes (a second boundary of the display, the
    /// end); `None` when nothing changes by itself.
    pub fn next_change(&self, now: I) -> Option<Duration> {
        match *self {
            Countdown::Running { deadline, .. } => {
                let r = since(deadline, now);
                let frac = Duration::from_nanos(u64::from(r.subsec_nanos()));
                Some(if frac.is_zero() { Duration::from_secs(1).min(r) } else { frac })
            }
            Countdown::Finished { .. } => {
                let o = self.overtime(now);
                Some(Duration::from_secs(1) - Duration::from_nanos(u64::from(o.subsec_nanos())))
            }
            _ => None,
        }
    }
}

impl<I: Moment> Countdown<I> {
    /// The state to store at `now` (wall clock `wall_ms`); an idle timer is not stored.
    pub fn to_stored(&self, now: I, wall_ms: i64) -> Option<Stored> {
        let ms = |d: Duration| d.as_millis() as i64;
        match *self {
            Countdown::Idle { .. } => None,
            Countdown::Running { .. } => {
                Some(Stored::Running { deadline_ms: wall_ms + ms(self.remaining(now)) })
            }
            Countdown::Paused { remaining, .. } => {
                Some(Stored::Paused { remaining_ms: remaining.as_millis() as u64 })
            }
            Countdown::Finished { .. } => Some(Stored::Finished { at_ms: wall_ms - ms(self.overtime(now)) }),
        }
    }

    /// A stored timer as it stands at `now` (wall clock `wall_ms`): a deadline that passed
    /// meanwhile is finished, with its overtime.
    pub fn from_stored(stored: Stored, total: Duration, now: I, wall_ms: i64) -> Self {
        let ms = |v: i64| Duration::from_millis(v.max(0) as u64);
        match stored {
            Stored::Running { deadline_ms } if deadline_ms > wall_ms => {
                Countdown::Running { deadline: now + ms(deadline_ms - wall_ms), total }
            }
            Stored::Running { deadline_ms: at_ms } | Stored::Finished { at_ms } => {
                Countdown::Finished { at: now.back(ms(wall_ms - at_ms)), total }
            }
            Stored::Paused { remaining_ms } => {
                Countdown::Paused { remaining: Duration::from_millis(remaining_ms), total }
            }
        }
    }
}

/// `1:30` for 90 s; `+0:07` for 7 s of overtime.
pub fn clock_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
#[path = "timer_tests.rs"]
mod tests;
