//! Writing many days at once — the generated demo history, an imported file — in one
//! transaction: all of it, or nothing.

use super::errors::Result;
use super::{Store, Written, day_key, markers::upsert_markers, runs::insert_run, stamp};
use crate::domain::demo::History;
use crate::domain::records::{Markers, Run};
use chrono::NaiveDate;
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

/// How many rows an import added, changed, or found already the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub changed: usize,
    pub same: usize,
}

impl Tally {
    fn add(&mut self, w: Written) {
        match w {
            Written::New => self.new += 1,
            Written::Changed => self.changed += 1,
            Written::Same => self.same += 1,
        }
    }
}

impl Store {
    /// Stores imported rows, all or nothing: markers upsert per day (fields a row leaves
    /// empty are kept), runs per day and end time. Returns the tallies for markers and runs.
    pub fn import_rows(
        &mut self,
        markers: &[(NaiveDate, Markers)],
        runs: &[Run],
        now: DateTime<FixedOffset>,
    ) -> Result<(Tally, Tally)> {
        let updated = stamp(now);
        self.write(|tx| {
            let (mut m_tally, mut r_tally) = (Tally::default(), Tally::default());
            for (day, m) in markers {
                m_tally.add(upsert_markers(tx, *day, m, &updated)?);
            }
            for run in runs {
                r_tally.add(insert_run(tx, run, &updated)?);
            }
            Ok((m_tally, r_tally))
        })
    }
}
