//! The one place that reads the system clock. `main` builds a `Clock` and passes it down:
//! the CLI and the dashboard take "now" and "today" from it, timers its monotonic
//! readings. Tests pin it — in-process with `Clock::frozen`, through the binary with
//! `COOLDOWN_NOW` — so no test depends on the day, the hour or the zone it runs in.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::time::{Duration, Instant, SystemTime};

/// The variable that pins the clock's start (tests, demos, screenshots).
pub const PIN_VAR: &str = "COOLDOWN_NOW";

/// Wall time, the local offset at that time, and a monotonic clock, read together.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    wall: Wall,
    zone: Zone,
    /// The monotonic reading at which a pinned wall time holds.
    started: Instant,
}

#[derive(Clone, Copy, Debug)]
enum Wall {
    /// The system's wall clock.
    System,
    /// This instant at `started`, advancing with the monotonic clock.
    Pinned(DateTime<Utc>),
    /// This instant, always; the monotonic clock stands still at `started` too.
    Frozen(DateTime<Utc>),
}

/// How an instant becomes local time.
#[derive(Clone, Copy, Debug)]
enum Zone {
    /// The system's zone (`TZ`), DST changes included.
    Local,
    Fixed(FixedOffset),
}

impl Clock {
    /// The system's clocks and zone.
    pub fn system() -> Clock {
        Clock { wall: Wall::System, zone: Zone::Local, started: Instant::now() }
    }

    /// Always `at`, in `at`'s offset: for tests that build state in-process.
    pub fn frozen(at: DateTime<FixedOffset>) -> Clock {
        Clock { wall: Wall::Frozen(at.to_utc()), zone: Zone::Fixed(*at.offset()), started: Instant::now() }
    }

    /// The system clock, unless `COOLDOWN_NOW` pins its start: `2026-12-31T23:59:30` is
    /// local time in the system's zone (`TZ`), `2026-12-31T23:59:30+01:00` an instant
    /// shown in that offset. A pinned clock runs on from there.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var_os(PIN_VAR) {
            None => Ok(Clock::system()),
            Some(value) => match value.to_str() {
                Some(text) => Clock::pinned(text),
                None => Err(format!("{PIN_VAR} is not valid UTF-8")),
            },
        }
    }

    /// A clock that starts at `text` (see `from_env`) and runs on.
    pub fn pinned(text: &str) -> Result<Clock, String> {
        let text = text.trim();
        let started = Instant::now();
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Ok(Clock { wall: Wall::Pinned(at.to_utc()), zone: Zone::Fixed(*at.offset()), started });
        }
        let naive = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
            .ok_or_else(|| {
                format!(
                    "{PIN_VAR}='{text}' is not a time; write YYYY-MM-DDTHH:MM:SS, with an offset or without"
                )
            })?;
        let at = Local
            .from_local_datetime(&naive)
            .earliest()
            .ok_or_else(|| format!("{PIN_VAR}='{text}' does not exist in this time zone (a DST gap)"))?;
        Ok(Clock { wall: Wall::Pinned(at.to_utc()), zone: Zone::Local, started })
    }

    /// The monotonic clock, for timers.
    pub fn mono(&self) -> Instant {
        match self.wall {
            Wall::Frozen(_) => self.started,
            _ => Instant::now(),
        }
    }

    pub fn utc(&self) -> DateTime<Utc> {
        match self.wall {
            Wall::System => Utc::now(),
            Wall::Pinned(at) => at + self.started.elapsed(),
            Wall::Frozen(at) => at,
        }
    }

    /// The wall time with the local offset at that moment.
    pub fn now(&self) -> DateTime<FixedOffset> {
        let utc = self.utc();
        match self.zone {
            Zone::Local => utc.with_timezone(&Local).fixed_offset(),
            Zone::Fixed(offset) => utc.with_timezone(&offset),
        }
    }

    /// The local date and time.
    pub fn local(&self) -> NaiveDateTime {
        self.now().naive_local()
    }

    /// The local calendar day.
    pub fn today(&self) -> NaiveDate {
        self.local().date()
    }

    /// The wall clock in Unix milliseconds, for stored timers.
    pub fn unix_ms(&self) -> i64 {
        self.utc().timestamp_millis()
    }
}

/// The system zone's (`TZ`) offset at `instant`: how a file that gives only UTC times (GPX,
/// TCX, a FIT file without its watch's offset) is placed on the runner's wall clock.
pub fn system_offset_at(instant: DateTime<Utc>) -> FixedOffset {
    *instant.with_timezone(&Local).fixed_offset().offset()
}

/// The first instant at which the system zone's wall clock reads `wall`, if it ever does
/// (fitparser places a FIT file's local times with it: `exchange::activity::fit`).
pub fn system_zone_instant(wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    Local.from_local_datetime(&wall).earliest().map(|t| t.to_utc())
}

/// The file system's clock, which stamps files' modification times: for a file's age
/// (sweeping temporary files) and for tests that stamp a file. Not the runner's clock: a
/// pinned clock does not move it.
pub fn file_now() -> SystemTime {
    SystemTime::now()
}

/// How long ago the file system's clock stamped `modified`; `None` for a stamp in the
/// future.
pub fn file_age(modified: SystemTime) -> Option<Duration> {
    file_now().duration_since(modified).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_clock_stands_still() {
        let at = DateTime::parse_from_rfc3339("2026-12-31T23:59:30+14:00").unwrap();
        let clock = Clock::frozen(at);
        assert_eq!(clock.now(), at);
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert_eq!(clock.mono(), clock.mono());
        assert_eq!(clock.unix_ms(), at.timestamp_millis());
    }

    #[test]
    fn a_pinned_clock_keeps_its_offset_and_runs_on() {
        let clock = Clock::pinned("2026-03-29T01:59:59+01:00").unwrap();
        assert_eq!(clock.now().offset().local_minus_utc(), 3600);
        assert!(clock.now() >= DateTime::parse_from_rfc3339("2026-03-29T01:59:59+01:00").unwrap());
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
    }

    #[test]
    fn a_pin_that_is_not_a_time_is_refused_by_name() {
        for bad in ["", "tomorrow", "2026-02-30T10:00:00", "2026-12-31", "1e9"] {
            let err = Clock::pinned(bad).unwrap_err();
            assert!(err.starts_with(PIN_VAR), "{bad}: {err}");
        }
    }
}
