//! Activities from watch and app files (FIT, GPX, TCX) become runs, one run per real run.
//!
//! Each activity is matched in turn, inside the import's one transaction:
//! 1. a run that holds its `source_id` is it: unchanged (the same file again, or a
//!    re-export of the same recording);
//! 2. else the stored run whose interval (its end `at` on its day, and `minutes` before)
//!    overlaps the activity's by at least half of the shorter of the two
//!    (`SAME_SESSION_SHARE`), the largest share first: a run from another file (it has a
//!    source id) stays as it is — the GPX of a run whose FIT came first is that run,
//!    unchanged; a run without one (typed by the runner, or from a CSV) keeps every field
//!    it has — type, minutes, end time, RPE, note, weights — gains what the file knows and
//!    it left empty (distance, RPE), and takes the activity's source id, so the next import
//!    of the file finds it directly: changed;
//! 3. else a new run, its source `import:` and the file's name.

use super::seed::Tally;
use super::{Written, runs};
use crate::domain::activity::{Activity, SAME_SESSION_SHARE, overlap_share, run_interval};
use crate::domain::records::Run;
use chrono::Days;
use rusqlite::{Connection, OptionalExtension};

/// The longest file name kept in a run's `source` (the column allows 300 characters).
const SOURCE_CHARS: usize = 200;

/// Stores `acts` as runs by the rules above, inside the caller's transaction; `updated`
/// stamps what it writes.
pub(crate) fn merge(tx: &Connection, acts: &[Activity], updated: &str) -> rusqlite::Result<Tally> {
    let mut tally = Tally::default();
    for act in acts {
        tally.add(merge_one(tx, act, updated)?);
    }
    Ok(tally)
}

fn merge_one(tx: &Connection, act: &Activity, updated: &str) -> rusqlite::Result<Written> {
    if by_source_id(tx, &act.source_id)?.is_some() {
        return Ok(Written::Same);
    }
    let from_file = act.to_run();
    match overlapping(tx, act)? {
        Some((_, _, Some(_))) => Ok(Written::Same),
        Some((id, stored, None)) => {
            let filled = filled(&stored, &from_file);
            if filled != stored {
                runs::update_run(tx, id, &filled, updated)?;
            }
            set_source_id(tx, id, &act.source_id, updated)?;
            Ok(Written::Changed)
        }
        None => {
            let id = runs::insert_run(tx, &from_file, &source_of(&act.file), updated)?;
            set_source_id(tx, id, &act.source_id, updated)?;
            Ok(Written::New)
        }
    }
}

/// The run that holds this source id.
fn by_source_id(tx: &Connection, source_id: &str) -> rusqlite::Result<Option<i64>> {
    tx.prepare_cached("SELECT id FROM runs WHERE source_id = ?1")?
        .query_row([source_id], |r| r.get(0))
        .optional()
}

fn set_source_id(tx: &Connection, id: i64, source_id: &str, updated: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE runs SET source_id = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute((id, source_id, updated))
        .map(drop)
}

/// The stored run that is the same session as `act` (see the module's rule 2), with its
/// source id if it has one.
fn overlapping(tx: &Connection, act: &Activity) -> rusqlite::Result<Option<(i64, Run, Option<String>)>> {
    let wall = act.wall_interval();
    // A stored run that overlaps ends no earlier than the activity's start and starts no
    // later than its end, and lasts at most a day: its day is in this range.
    let first = wall.0.date();
    let last = wall.1.date().checked_add_days(Days::new(1)).unwrap_or(wall.1.date());
    let mut best: Option<(f64, i64, Run)> = None;
    for run in runs::runs_between(tx, first, last)? {
        let Some(id) = run.id else { continue };
        let share = overlap_share(wall, run_interval(&run));
        if share >= SAME_SESSION_SHARE && best.as_ref().is_none_or(|(s, _, _)| share > *s) {
            best = Some((share, id, run));
        }
    }
    let Some((_, id, run)) = best else { return Ok(None) };
    let source_id: Option<String> =
        tx.prepare_cached("SELECT source_id FROM runs WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
    Ok(Some((id, run, source_id)))
}

/// `stored` with what the file knows and the runner left empty: the distance and the RPE.
/// Everything the runner gave stays.
fn filled(stored: &Run, file: &Run) -> Run {
    let mut run = stored.clone();
    run.km = run.km.or(file.km);
    run.rpe = run.rpe.or(file.rpe);
    run
}

/// `import:` and the file's name (its last part; control characters replaced, shortened).
fn source_of(file: &str) -> String {
    let name = std::path::Path::new(file).file_name().map_or(file.into(), |n| n.to_string_lossy());
    let clean: String =
        name.chars().map(|c| if c.is_control() { '?' } else { c }).take(SOURCE_CHARS).collect();
    format!("{}{}", runs::IMPORT, if clean.is_empty() { "?".into() } else { clean })
}

#[cfg(test)]
#[path = "activities_tests.rs"]
mod tests;
