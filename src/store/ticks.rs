//! Checklist ticks: one row per ticked set, keyed by day, item and set, so ticking again
//! after a retry never duplicates.

use super::errors::Result;
use super::{Store, day_key, stamp};
use crate::domain::records::Tick;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, params};

impl Store {
    /// The day's ticks.
    pub fn ticks(&self, day: NaiveDate) -> Result<Vec<Tick>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT item_id, set_no FROM ticks WHERE day = ?1 ORDER BY item_id, set_no",
            )?;
            let rows = stmt.query_map([day_key(day)], |r| Ok(Tick { item_id: r.get(0)?, set: r.get(1)? }))?;
            rows.collect()
        })
    }

    /// Ticks the next set of `item` (1 of 1 for items without sets); returns the sets
    /// done. An item already complete stays as it is.
    pub fn tick_next(
        &mut self,
        day: NaiveDate,
        item: &str,
        sets_total: u8,
        at: DateTime<FixedOffset>,
    ) -> Result<u8> {
        let day = day_key(day);
        self.write(|tx| {
            let done: u8 = tx.query_row(
                "SELECT count(*) FROM ticks WHERE day = ?1 AND item_id = ?2 AND set_no <= ?3",
                params![day, item, sets_total],
                |r| r.get(0),
            )?;
            if done >= sets_total {
                return Ok(done);
            }
            tx.execute(
                "INSERT OR IGNORE INTO ticks (day, item_id, set_no, ticked_at) VALUES (?1, ?2, ?3, ?4)",
                params![day, item, done + 1, stamp(at)],
            )?;
            Ok(done + 1)
        })
    }

    /// Unticks the last ticked set of `item`; returns the sets still done.
    pub fn untick_last(&mut self, day: NaiveDate, item: &str) -> Result<u8> {
        let day = day_key(day);
        self.write(|tx| {
            let last: Option<u8> = tx
                .query_row(
                    "SELECT max(set_no) FROM ticks WHERE day = ?1 AND item_id = ?2",
                    params![day, item],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            if let Some(set) = last {
                tx.execute(
                    "DELETE FROM ticks WHERE day = ?1 AND item_id = ?2 AND set_no = ?3",
                    params![day, item, set],
                )?;
            }
            tx.query_row(
                "SELECT count(*) FROM ticks WHERE day = ?1 AND item_id = ?2",
                params![day, item],
                |r| r.get(0),
            )
        })
    }

    /// Unticks every set of `item`.
    pub fn clear_item(&mut self, day: NaiveDate, item: &str) -> Result<()> {
        let day = day_key(day);
        self.write(|tx| {
            tx.execute("DELETE FROM ticks WHERE day = ?1 AND item_id = ?2", params![day, item])?;
            Ok(())
        })
    }
}
