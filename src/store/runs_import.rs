//! Imported runs matched to stored ones, in one place (CLI.md v2: runs are never replaced
//! silently). A row that names an id is that run: it is updated with the fields the row
//! gives (unchanged when they are equal), or added with that id when this database does
//! not hold it. A row without an id that equals a stored run of its day — every field, the
//! end time only when the row gives one — is that run, unchanged. Anything else is a new
//! run. Each stored run answers for at most one row, so a file with two equal rows is two
//! runs, the first time and every time after. Linear: one look-up per row.

use super::Written;
use super::runs::{insert_run, run_by_id, runs_between, update_run};
use super::seed::Tally;
use crate::domain::fields::Value;
use crate::domain::records::{RUN_FIELDS, Run, RunRow};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// A row whose id names a run of another day in this database: a different run, which
/// the row must not overwrite. Nothing is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdClash {
    pub line: u64,
    pub id: i64,
    /// The row's day.
    pub day: NaiveDate,
    /// The day of the stored run with that id.
    pub stored: NaiveDate,
}

/// The stored runs the rows' ids name, or the first row whose id names a run of another
/// day. Reads only, so a clash is found before anything is written.
pub(super) fn check_ids(
    tx: &Connection,
    rows: &[RunRow],
) -> rusqlite::Result<Result<HashMap<i64, Run>, IdClash>> {
    let mut stored = HashMap::new();
    for row in rows {
        let Some(id) = row.run.id else { continue };
        if let Some(run) = run_by_id(tx, id)? {
            if run.day != row.run.day {
                return Ok(Err(IdClash { line: row.line, id, day: row.run.day, stored: run.day }));
            }
            stored.insert(id, run);
        }
    }
    Ok(Ok(stored))
}

/// The fields that identify a row's run on its day, as one key (`Debug` of an `f64` reads
/// back to the same number, so equal keys are equal values).
fn key(run: &Run, with_at: bool) -> String {
    let fields: Vec<Option<Value>> =
        RUN_FIELDS.iter().filter(|s| with_at || s.column != "at").map(|s| (s.get)(run)).collect();
    format!("{} {fields:?}", run.day)
}

/// `stored` with every field the row gives (its end time only when it gives one).
fn merged(stored: &Run, row: &RunRow) -> Run {
    let mut run = stored.clone();
    for spec in RUN_FIELDS.iter().filter(|s| row.at_given || s.column != "at") {
        if let Some(v) = (spec.get)(&row.run) {
            (spec.set)(&mut run, Some(v));
        }
    }
    run
}

/// Stored runs of the rows' days, by key, that no row has answered for yet.
struct Candidates {
    exact: HashMap<String, Vec<i64>>,
    any_time: HashMap<String, Vec<i64>>,
}

impl Candidates {
    fn load(tx: &Connection, rows: &[&RunRow]) -> rusqlite::Result<Candidates> {
        let mut found = Candidates { exact: HashMap::new(), any_time: HashMap::new() };
        let days = rows.iter().map(|r| r.run.day);
        let (Some(first), Some(last)) = (days.clone().min(), days.max()) else { return Ok(found) };
        for run in runs_between(tx, first, last)? {
            let Some(id) = run.id else { continue };
            found.exact.entry(key(&run, true)).or_default().push(id);
            found.any_time.entry(key(&run, false)).or_default().push(id);
        }
        // Earliest first when several are equal.
        for ids in found.exact.values_mut().chain(found.any_time.values_mut()) {
            ids.reverse();
        }
        Ok(found)
    }

    /// A stored run equal to the row that is not `taken` yet; it is taken then.
    fn take(&mut self, row: &RunRow, taken: &mut HashSet<i64>) -> Option<i64> {
        let pool = if row.at_given { &mut self.exact } else { &mut self.any_time };
        let ids = pool.get_mut(&key(&row.run, row.at_given))?;
        while let Some(id) = ids.pop() {
            if taken.insert(id) {
                return Some(id);
            }
        }
        None
    }
}

/// Writes `rows` (their ids checked by `check_ids`, which returned `stored`).
pub(super) fn import_runs(
    tx: &Connection,
    rows: &[RunRow],
    stored: &HashMap<i64, Run>,
    source: &str,
    updated: &str,
) -> rusqlite::Result<Tally> {
    let mut tally = Tally::default();
    // Every stored run a row has answered for, so no other row matches it again.
    let mut taken: HashSet<i64> = HashSet::new();
    for row in rows {
        let Some(id) = row.run.id else { continue };
        taken.insert(id);
        match stored.get(&id) {
            Some(old) => {
                let new = merged(old, row);
                if new == *old {
                    tally.add(Written::Same);
                } else {
                    update_run(tx, id, &new, updated)?;
                    tally.add(Written::Changed);
                }
            }
            None => {
                insert_run(tx, &row.run, source, updated)?;
                tally.add(Written::New);
            }
        }
    }
    let without_id: Vec<&RunRow> = rows.iter().filter(|r| r.run.id.is_none()).collect();
    let mut candidates = Candidates::load(tx, &without_id)?;
    // Rows with an end time first: a row without one matches any time, so it must not take
    // the run an exact row names.
    let mut matched = vec![false; without_id.len()];
    for exact in [true, false] {
        for (i, row) in without_id.iter().enumerate().filter(|(_, r)| r.at_given == exact) {
            matched[i] = candidates.take(row, &mut taken).is_some();
        }
    }
    for (row, matched) in without_id.iter().zip(matched) {
        if matched {
            tally.add(Written::Same);
        } else {
            insert_run(tx, &row.run, source, updated)?;
            tally.add(Written::New);
        }
    }
    Ok(tally)
}
