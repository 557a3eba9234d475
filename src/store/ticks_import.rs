//! Imported ticks: each `(day, item, set)` is added once; one already kept is the same
//! (its time stays as it was), so importing a ticks export again changes nothing.

use super::day_key;
use super::seed::Tally;
use crate::domain::records::Tick;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

pub(super) fn import_ticks(
    tx: &Connection,
    ticks: &[(NaiveDate, Tick)],
    updated: &str,
) -> rusqlite::Result<Tally> {
    let mut tally = Tally::default();
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO ticks (day, item_id, set_no, ticked_at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (day, tick) in ticks {
        if stmt.execute(params![day_key(*day), tick.item_id, tick.set, updated])? == 1 {
            tally.new += 1;
        } else {
            tally.same += 1;
        }
    }
    Ok(tally)
}
