//! Listing, editing and deleting runs and clearing markers, on real SQLite files: each
//! change is one transaction that names what it changed, and an id that is not there
//! changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use common::Sandbox;
use cooldown::domain::records::{Markers, Run, RunRow};
use cooldown::domain::session::Session;
use cooldown::store::{RunSource, Store};
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

fn later() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 12, 30, 0).unwrap()
}

/// Every run row as stored, source and update time included.
fn rows(db: &std::path::Path) -> Vec<(i64, String, i64, String, String)> {
    let c = Connection::open(db).unwrap();
    let mut stmt = c.prepare("SELECT id, day, minutes, source, updated_at FROM runs ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn long_typo() -> Run {
    let mut run = Run::new(day(28), at(9, 0), Session::Easy, 300);
    run.km = Some(5.0);
    run
}

#[test]
fn listed_runs_say_where_each_came_from() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let typed = store.save_run(&long_typo(), now()).unwrap();
    let row = RunRow { run: Run::new(day(27), at(7, 0), Session::Tempo, 45), at_given: true, line: 2 };
    store.import_rows(&[], &[row], "/home/r/Downloads/week.csv", now()).unwrap().unwrap();
    drop(store);
    let c = Connection::open(s.db()).unwrap();
    c.execute(
        "INSERT INTO runs (day, at, type, minutes, source, updated_at)
         VALUES ('2026-11-26', '07:30', 'long', 100, 'demo', 'x')",
        [],
    )
    .unwrap();
    drop(c);
    let store = Store::open_path(&s.db()).unwrap();
    let listed = store.runs_listed(day(26), day(28)).unwrap();
    let got: Vec<(NaiveDate, Option<i64>, RunSource, &str)> =
        listed.iter().map(|l| (l.run.day, l.run.id, l.source.clone(), l.source.label())).collect();
    assert_eq!(got[0].2, RunSource::Demo);
    assert_eq!(got[1].2, RunSource::File("week.csv".into()));
    assert_eq!(got[2], (day(28), Some(typed), RunSource::Manual, "manual"));
    assert_eq!(got.iter().map(|g| g.3).collect::<Vec<_>>(), ["demo", "week.csv", "manual"]);
    assert_eq!(listed[2].run, Run { id: Some(typed), ..long_typo() });
    assert!(store.runs_listed(day(1), day(25)).unwrap().is_empty());
}

#[test]
fn an_edit_changes_the_fields_and_the_day_in_place_and_says_what_was_before() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let id = store.save_run(&long_typo(), now()).unwrap();
    let other = store.save_run(&Run::new(day(28), at(11, 0), Session::Tempo, 40), now()).unwrap();
    let before_rows = rows(&s.db());

    // The same run: nothing is written, not even the update time.
    let same = store.edit_run(id, &long_typo(), later()).unwrap().unwrap();
    assert_eq!(same.before, same.after);
    assert_eq!(rows(&s.db()), before_rows);

    let fixed = Run { minutes: 30, day: day(27), id: Some(999), ..long_typo() };
    let edit = store.edit_run(id, &fixed, later()).unwrap().unwrap();
    assert_eq!(edit.before, Run { id: Some(id), ..long_typo() });
    assert_eq!(edit.after, Run { id: Some(id), ..fixed }, "the id passed wins over the run's");
    assert_eq!(store.run(id).unwrap(), Some(edit.after.clone()));
    assert!(store.runs_on(day(28)).unwrap().iter().all(|r| r.id == Some(other)));
    assert_eq!(store.runs_on(day(27)).unwrap(), [edit.after]);
    let after_rows = rows(&s.db());
    assert_eq!(
        after_rows[0],
        (id, "2026-11-27".into(), 30, "manual".into(), "2026-11-28T12:30:00+00:00".into())
    );
    assert_eq!(after_rows[1], before_rows[1], "the other run is untouched");
}

#[test]
fn an_edit_keeps_an_imported_runs_source() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let row = RunRow { run: Run::new(day(27), at(7, 0), Session::Tempo, 45), at_given: true, line: 2 };
    store.import_rows(&[], &[row], "week.csv", now()).unwrap().unwrap();
    let id = store.runs_on(day(27)).unwrap()[0].id.unwrap();
    let run = Run { rpe: Some(6), ..store.run(id).unwrap().unwrap() };
    store.edit_run(id, &run, later()).unwrap().unwrap();
    assert_eq!(store.runs_listed(day(27), day(27)).unwrap()[0].source, RunSource::File("week.csv".into()));
}

#[test]
fn an_unknown_id_is_none_and_changes_nothing() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let id = store.save_run(&long_typo(), now()).unwrap();
    let before = rows(&s.db());
    assert_eq!(store.edit_run(id + 1, &long_typo(), later()).unwrap(), None);
    assert_eq!(store.delete_run(id + 1).unwrap(), None);
    assert_eq!(store.delete_run(-1).unwrap(), None);
    assert_eq!(rows(&s.db()), before);
}

#[test]
fn a_delete_returns_the_run_and_leaves_the_days_ticks() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let id = store.save_run(&long_typo(), now()).unwrap();
    let kept = store.save_run(&Run::new(day(28), at(11, 0), Session::Tempo, 40), now()).unwrap();
    store.tick_next(day(28), "foam-calves", 1, now()).unwrap();
    assert_eq!(store.delete_run(id).unwrap(), Some(Run { id: Some(id), ..long_typo() }));
    assert_eq!(store.run(id).unwrap(), None);
    assert_eq!(store.delete_run(id).unwrap(), None, "a second delete finds nothing");
    assert_eq!(store.runs_on(day(28)).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), [Some(kept)]);
    assert_eq!(store.ticks(day(28)).unwrap().len(), 1);
}

#[test]
fn a_deleted_runs_id_is_never_given_to_another_run() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let first = store.save_run(&long_typo(), now()).unwrap();
    let last = store.save_run(&Run::new(day(28), at(11, 0), Session::Tempo, 40), now()).unwrap();
    store.delete_run(last).unwrap().unwrap();
    let next = store.save_run(&Run::new(day(28), at(11, 30), Session::Easy, 20), now()).unwrap();
    assert!(next > last, "the highest id {last} was deleted; the next run got {next}");
    drop(store);
    // The same after reopening, and in a database migrated from schema 5.
    let mut store = Store::open_path(&s.db()).unwrap();
    store.delete_run(next).unwrap().unwrap();
    let again = store.save_run(&long_typo(), now()).unwrap();
    assert!(again > next, "{again} after {next}");
    assert_eq!(rows(&s.db()).iter().map(|r| r.0).collect::<Vec<_>>(), [first, again]);

    let old = s.path("schema5.db");
    let c = Connection::open(&old).unwrap();
    let _: String = c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).unwrap();
    c.execute_batch(include_str!("fixtures/schema5.sql")).unwrap();
    drop(c);
    let mut store = Store::open_path(&old).unwrap();
    assert_eq!(store.runs_on(day(20)).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), [Some(1), Some(2)]);
    store.delete_run(2).unwrap().unwrap();
    assert_eq!(store.save_run(&long_typo(), now()).unwrap(), 3);
}

#[test]
fn clearing_markers_names_what_held_a_value_and_an_emptied_day_goes() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let m = Markers { rhr: Some(50), pain: Some(3), pain_site: Some("knee".into()), ..Markers::default() };
    store.save_markers(day(28), &m, now()).unwrap();
    let cleared = store.clear_markers(day(28), &["hrv", "pain_site", "pain"], now()).unwrap();
    assert_eq!(cleared, ["pain", "pain_site"], "in table order, only what held a value");
    assert_eq!(store.markers_on(day(28)).unwrap(), Some(Markers { rhr: Some(50), ..Markers::default() }));
    assert!(store.clear_markers(day(28), &["hrv"], now()).unwrap().is_empty());
    assert_eq!(store.clear_markers(day(28), &["rhr"], now()).unwrap(), ["rhr"]);
    assert_eq!(store.markers_on(day(28)).unwrap(), None);
    assert!(store.clear_markers(day(27), &["rhr"], now()).unwrap().is_empty(), "a day never logged");
    assert_eq!(store.markers_on(day(27)).unwrap(), None);
}

#[test]
fn an_edit_of_markers_returns_the_day_as_it_was() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let m = Markers { rhr: Some(50), hrv: Some(61.5), ..Markers::default() };
    store.save_markers(day(28), &m, now()).unwrap();
    let set = Markers { sleep_hours: Some(7.5), ..Markers::default() };
    let before = store.edit_markers(day(28), &set, &["sleep_hours", "rhr"], now()).unwrap();
    assert_eq!(before, m);
    assert_eq!(
        store.markers_on(day(28)).unwrap(),
        Some(Markers { hrv: Some(61.5), sleep_hours: Some(7.5), ..Markers::default() })
    );
    // Clearing what was not logged and setting what is already there writes nothing.
    let stamp = || -> String {
        let c = Connection::open(s.db()).unwrap();
        c.query_row("SELECT updated_at FROM markers WHERE day = '2026-11-28'", [], |r| r.get(0)).unwrap()
    };
    let was = stamp();
    store.edit_markers(day(28), &set, &["sleep_hours", "rhr", "pain"], later()).unwrap();
    assert_eq!(stamp(), was);
    assert_eq!(store.edit_markers(day(20), &set, &[], now()).unwrap(), Markers::default());
    assert_eq!(store.markers_on(day(20)).unwrap(), None, "no fields: nothing written");
}
