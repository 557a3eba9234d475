//! Writing a whole generated history (the demo) in one transaction.

use super::{Store, day_key, markers::upsert_markers, runs::insert_run, stamp};
use crate::domain::demo::History;
use crate::error::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::params;

impl Store {
    /// Writes `history` all or nothing.
    pub fn write_history(&mut self, history: &History, now: DateTime<FixedOffset>) -> Result<()> {
        let updated = stamp(now);
        self.write(|tx| {
            for (day, m) in &history.markers {
                upsert_markers(tx, *day, m, &updated)?;
            }
            for run in &history.runs {
                insert_run(tx, run, &updated)?;
            }
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO ticks (day, item_id, set_no, ticked_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (day, tick) in &history.ticks {
                stmt.execute(params![day_key(*day), tick.item_id, tick.set, updated])?;
            }
            Ok(())
        })
    }
}
