//! The foam-roll countdown: a state machine over a monotonic instant. The remaining time
//! is always computed from the deadline, never counted down per tick, so a late or missed
//! wake-up cannot make it drift. Generic over the instant so tests inject `now`.

use std::ops::{Add, Sub};
use std::time::Duration;

/// What a countdown needs of a clock reading: `std::time::Instant` in the app, plain
/// numbers in tests.
pub trait Moment: Copy + Ord + Add<Duration, Output = Self> + Sub<Self, Output = Duration> {}
impl<T: Copy + Ord + Add<Duration, Output = T> + Sub<T, Output = Duration>> Moment for T {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown<I> {
    Idle { total: Duration },
    Running { deadline: I, total: Duration },
    Paused { remaining: Duration, total: Duration },
    /// Time is up since `at`; overtime counts from there until acknowledged.
    Finished { at: I, total: Duration },
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
        let grow = |d: Duration| if longer { d.saturating_add(ADJUST).min(MAX_TOTAL) } else { d.saturating_sub(ADJUST) };
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

/// `1:30` for 90 s; `+0:07` for 7 s of overtime.
pub fn clock_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
#[path = "timer_tests.rs"]
mod tests;
