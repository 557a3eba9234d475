//! The foam-roll timer that survives a restart: at most one, its wall-clock deadline or
//! its paused remainder (schema 2's `timers` table).

use super::errors::Result;
use super::{Store, day_key, parse_day, stamp};
use crate::domain::timer::{Stored, StoredTimer};
use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, params};
use std::time::Duration;

impl Store {
    /// Keeps `timer` as the one timer, replacing any other.
    pub fn set_timer(&mut self, timer: &StoredTimer, now: DateTime<FixedOffset>) -> Result<()> {
        let (deadline, remaining) = match timer.state {
            Stored::Running { deadline_ms } => (Some(deadline_ms), None),
            Stored::Paused { remaining_ms } => (None, Some(remaining_ms as i64)),
            Stored::Finished { at_ms } => (Some(at_ms), None),
        };
        let updated = stamp(now);
        self.write(|tx| {
            tx.execute("DELETE FROM timers", [])?;
            tx.execute(
                "INSERT INTO timers (day, item_id, state, total_ms, deadline_ms, remaining_ms, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    day_key(timer.day),
                    timer.item_id,
                    timer.state.name(),
                    timer.total.as_millis() as i64,
                    deadline,
                    remaining,
                    updated
                ],
            )?;
            Ok(())
        })
    }

    /// No timer any more (acknowledged, reset, or the sequence is over).
    pub fn clear_timer(&mut self) -> Result<()> {
        self.write(|tx| tx.execute("DELETE FROM timers", []).map(|_| ()))
    }

    /// The timer kept from the last session, if any.
    pub fn active_timer(&self) -> Result<Option<StoredTimer>> {
        self.read(|c| {
            c.query_row(
                "SELECT day, item_id, state, total_ms, deadline_ms, remaining_ms FROM timers
                 ORDER BY updated_at DESC LIMIT 1",
                [],
                |r| {
                    let day: String = r.get(0)?;
                    let state: String = r.get(2)?;
                    let total: i64 = r.get(3)?;
                    let deadline: Option<i64> = r.get(4)?;
                    let remaining: Option<i64> = r.get(5)?;
                    let stored = match (state.as_str(), deadline, remaining) {
                        ("running", Some(deadline_ms), _) => Stored::Running { deadline_ms },
                        ("paused", _, Some(ms)) => Stored::Paused { remaining_ms: ms.max(0) as u64 },
                        (_, Some(at_ms), _) => Stored::Finished { at_ms },
                        _ => Stored::Finished { at_ms: 0 },
                    };
                    Ok(StoredTimer {
                        day: parse_day(&day)?,
                        item_id: r.get(1)?,
                        total: Duration::from_millis(total.max(0) as u64),
                        state: stored,
                    })
                },
            )
            .optional()
        })
    }
}
