//! Runs on real SQLite files: every run has an id and is never replaced by another; an
//! import matches a run by its id, or as the same run of its day, and adds the rest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use common::Sandbox;
use cooldown::domain::records::{Run, RunRow};
use cooldown::domain::session::Session;
use cooldown::store::{IdClash, Store, Tally};
use rusqlite::Connection;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn now() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap()
}

fn row(run: Run, at_given: bool) -> RunRow {
    RunRow { run, at_given, line: 2 }
}

fn import(store: &mut Store, rows: &[RunRow]) -> Result<Tally, IdClash> {
    store.import_rows(&[], rows, "runs.csv", now()).unwrap().map(|(_, runs)| runs)
}

fn tally(new: usize, changed: usize, same: usize) -> Tally {
    Tally { new, changed, same }
}

fn sources(db: &std::path::Path) -> Vec<(i64, String)> {
    let c = Connection::open(db).unwrap();
    let mut stmt = c.prepare("SELECT id, source FROM runs ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn a_second_run_ending_in_the_same_minute_is_a_second_run() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let first = Run::new(day(28), at(7, 5), Session::Tempo, 45);
    let second = Run::new(day(28), at(7, 5), Session::Easy, 20);
    let a = store.save_run(&first, now()).unwrap();
    let b = store.save_run(&second, now()).unwrap();
    // Saving a run read back from the store adds another one too: it never overwrites.
    let again = store.runs_on(day(28)).unwrap()[0].clone();
    let c = store.save_run(&again, now()).unwrap();
    assert!(a < b && b < c, "{a} {b} {c}");
    let runs = store.runs_on(day(28)).unwrap();
    assert_eq!(
        runs.iter().map(|r| (r.id, r.minutes)).collect::<Vec<_>>(),
        [(Some(a), 45), (Some(b), 20), (Some(c), 45)]
    );
    assert_eq!(store.run(b).unwrap().unwrap().kind, Session::Easy);
    assert_eq!(sources(&s.db()).into_iter().map(|(_, s)| s).collect::<Vec<_>>(), ["manual"; 3]);
}

#[test]
fn a_schema_2_database_keeps_every_run_and_its_id() {
    let s = Sandbox::new();
    let c = Connection::open(s.db()).unwrap();
    let _: String = c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).unwrap();
    c.execute_batch(include_str!("fixtures/schema2.sql")).unwrap();
    c.execute_batch(
        "INSERT INTO runs (id, day, at, type, minutes, note, updated_at)
             VALUES (41, '2026-11-21', '18:00', 'easy', 30, 'evening', 'x');
         INSERT INTO runs (id, day, at, type, minutes, updated_at) VALUES (7, '2026-11-19', '06:30', 'long', 100, 'x');",
    )
    .unwrap();
    drop(c);
    let mut store = Store::open_path(&s.db()).unwrap();
    let runs = store.runs_between(day(1), day(28)).unwrap();
    let ids: Vec<(Option<i64>, NaiveDate, u32)> = runs.iter().map(|r| (r.id, r.day, r.minutes)).collect();
    assert_eq!(ids, [(Some(7), day(19), 100), (Some(1), day(20), 45), (Some(41), day(21), 30)]);
    assert_eq!(runs[2].note.as_deref(), Some("evening"));
    assert_eq!(runs[1].km, Some(9.2));
    // The migrated table takes a second run in the same minute, and new ids follow the old.
    let id = store.save_run(&Run::new(day(20), at(7, 45), Session::Easy, 10), now()).unwrap();
    assert_eq!(id, 42);
    assert_eq!(store.runs_on(day(20)).unwrap().len(), 2);
    drop(store);
    assert!(sources(&s.db()).iter().all(|(_, s)| s == "manual"));
}

#[test]
fn a_row_naming_an_id_updates_that_run_with_the_fields_it_gives() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let mut stored = Run::new(day(20), at(7, 45), Session::Tempo, 45);
    stored.km = Some(9.2);
    stored.note = Some("hilly".into());
    let id = store.save_run(&stored, now()).unwrap();
    let stored = store.run(id).unwrap().unwrap();
    // The same values: unchanged.
    assert_eq!(import(&mut store, &[row(stored.clone(), true)]).unwrap(), tally(0, 0, 1));
    // A file without km, note or end time changes minutes and rpe, and keeps the rest.
    let mut edit = Run::new(day(20), at(12, 0), Session::Tempo, 50);
    edit.id = Some(id);
    edit.rpe = Some(7);
    assert_eq!(import(&mut store, &[row(edit.clone(), false)]).unwrap(), tally(0, 1, 0));
    let back = store.run(id).unwrap().unwrap();
    assert_eq!((back.minutes, back.rpe, back.km, back.at), (50, Some(7), Some(9.2), at(7, 45)));
    assert_eq!(back.note.as_deref(), Some("hilly"));
    assert_eq!(import(&mut store, &[row(edit, false)]).unwrap(), tally(0, 0, 1));
    assert_eq!(store.runs_on(day(20)).unwrap().len(), 1);
}

#[test]
fn an_id_this_database_lacks_is_added_with_that_id() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let mut run = Run::new(day(20), at(7, 45), Session::Tempo, 45);
    run.id = Some(17);
    assert_eq!(import(&mut store, &[row(run.clone(), true)]).unwrap(), tally(1, 0, 0));
    assert_eq!(store.run(17).unwrap(), Some(run));
    assert_eq!(store.save_run(&Run::new(day(21), at(8, 0), Session::Easy, 30), now()).unwrap(), 18);
    drop(store);
    assert_eq!(sources(&s.db()), [(17, "import:runs.csv".to_string()), (18, "manual".to_string())]);
}

#[test]
fn an_id_naming_a_run_of_another_day_is_refused_and_nothing_is_written() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let id = store.save_run(&Run::new(day(20), at(7, 45), Session::Tempo, 45), now()).unwrap();
    let fresh = Run::new(day(22), at(9, 0), Session::Easy, 30);
    let mut other = Run::new(day(21), at(7, 45), Session::Long, 100);
    other.id = Some(id);
    let rows = [row(fresh, true), RunRow { run: other, at_given: true, line: 3 }];
    let got = import(&mut store, &rows).unwrap_err();
    assert_eq!(got, IdClash { line: 3, id, day: day(21), stored: day(20) });
    assert_eq!(store.runs_between(day(1), day(28)).unwrap().len(), 1, "nothing written");
    assert_eq!(store.run(id).unwrap().unwrap().minutes, 45);
}

#[test]
fn rows_without_an_id_are_the_same_run_only_when_equal_and_each_run_answers_once() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    // Logged by hand at 12:00: the row below, without an end time, is another run.
    let mut typed = Run::new(day(20), at(12, 0), Session::Long, 100);
    typed.km = Some(18.0);
    store.save_run(&typed, now()).unwrap();
    let double = Run::new(day(20), at(12, 0), Session::Easy, 30);
    let rows = [row(double.clone(), false), row(double.clone(), false)];
    assert_eq!(import(&mut store, &rows).unwrap(), tally(2, 0, 0));
    assert_eq!(store.runs_on(day(20)).unwrap().len(), 3);
    // The same file again: both rows are found, nothing is added.
    assert_eq!(import(&mut store, &rows).unwrap(), tally(0, 0, 2));
    // Three equal rows: the third is a run of its own.
    let three = [row(double.clone(), false), row(double.clone(), false), row(double, false)];
    assert_eq!(import(&mut store, &three).unwrap(), tally(1, 0, 2));
    // Without an end time a row matches the day's equal run whatever its time; with one,
    // only at that time.
    let mut typed_again = typed.clone();
    typed_again.at = at(12, 7);
    assert_eq!(import(&mut store, &[row(typed_again.clone(), false)]).unwrap(), tally(0, 0, 1));
    assert_eq!(import(&mut store, &[row(typed_again, true)]).unwrap(), tally(1, 0, 0));
    assert_eq!(import(&mut store, &[row(typed, true)]).unwrap(), tally(0, 0, 1));
    assert_eq!(store.runs_on(day(20)).unwrap().len(), 5);
}
