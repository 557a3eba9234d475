//! The write queue on real SQLite files, with another connection holding the write lock
//! the way another process would.

use super::*;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::path::Path;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T12:00:00Z").unwrap()
}

fn tick(item: &str) -> Job {
    Job::Change(Change::TimerTick { date: day(), item: item.into() })
}

/// Another connection in `BEGIN IMMEDIATE`: the write lock, as `sqlite3` holds it.
fn hold_lock(db: &Path) -> Connection {
    let other = Connection::open(db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
}

fn ticked(db: &Path, item: &str) -> bool {
    Store::open_path(db).unwrap().ticks(day()).unwrap().iter().any(|t| t.item_id == item)
}

/// Reports until `stop` says enough, or panics after 20 s.
fn reports_until(w: &mut Writer, stop: impl Fn(&[Report], Queue) -> bool) -> Vec<Report> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut all = Vec::new();
    loop {
        let (reports, queue) = w.poll();
        all.extend(reports);
        if stop(&all, queue) {
            return all;
        }
        assert!(Instant::now() < deadline, "no end: {all:?} {queue:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_write_on_a_free_database_commits_and_says_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::start(Store::open_path(&db).unwrap()).unwrap();
    w.send(Job::Change(Change::TickNext { date: day(), item: "mobility".into(), sets_total: 1 }), at());
    let all = reports_until(&mut w, |_, q| q.pending == 0);
    assert_eq!(all, [Report::Saved { text: "saved: mobility ticked".into(), form: false }]);
    assert!(ticked(&db, "mobility"));
}

#[test]
fn writes_sent_before_the_thread_runs_wait_in_the_queue_and_are_saved_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::parked(Store::open_path(&db).unwrap());
    w.send(tick("foam-calves"), at());
    w.send(tick("foam-quads"), at());
    std::thread::sleep(ATTEMPT_WAIT);
    let (reports, queue) = w.poll();
    assert!(reports.is_empty(), "nothing runs before the thread: {reports:?}");
    assert_eq!(queue.pending, 2);
    assert!(!ticked(&db, "foam-calves"));
    w.run().unwrap();
    w.run().unwrap();
    let all = reports_until(&mut w, |_, q| q.pending == 0);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(ticked(&db, "foam-calves") && ticked(&db, "foam-quads"));
    assert_eq!(w.finish(), 0);
}

#[test]
fn a_writer_finished_before_its_thread_ran_still_saves_what_was_queued() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::parked(Store::open_path(&db).unwrap());
    w.send(tick("foam-calves"), at());
    assert_eq!(w.finish(), 0);
    assert!(ticked(&db, "foam-calves"));
}

#[test]
fn a_write_under_a_held_lock_waits_says_so_and_commits_after_release() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::start(Store::open_path(&db).unwrap()).unwrap();
    let other = hold_lock(&db);
    w.send(tick("foam-calves"), at());
    w.send(Job::Timer(None), at());
    // Well past SQLite's own busy timeout for the dashboard (5 s) would take too long
    // here; several of the writer's attempts are enough to show it does not give up.
    let waited = reports_until(&mut w, |r, _| r.contains(&Report::Waiting));
    assert_eq!(waited, [Report::Waiting]);
    std::thread::sleep(ATTEMPT_WAIT * 4);
    let (reports, queue) = w.poll();
    assert!(reports.is_empty(), "nothing ends while the lock is held: {reports:?}");
    assert_eq!(queue, Queue { pending: 2, waiting: true });
    assert!(!ticked(&db, "foam-calves"));
    other.execute_batch("ROLLBACK").unwrap();
    let all = reports_until(&mut w, |_, q| q.pending == 0);
    assert_eq!(
        all,
        [
            Report::Saved { text: String::new(), form: false },
            Report::Saved { text: String::new(), form: false }
        ]
    );
    assert!(ticked(&db, "foam-calves"), "the finished timer's tick is in the database");
    assert_eq!(w.queue(), Queue::default());
}

#[test]
fn writes_commit_in_the_order_they_were_queued() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::start(Store::open_path(&db).unwrap()).unwrap();
    let other = hold_lock(&db);
    let tick = Change::TickNext { date: day(), item: "mobility".into(), sets_total: 1 };
    w.send(Job::Change(tick.clone()), at());
    w.send(Job::Change(Change::Clear { date: day(), item: "mobility".into() }), at());
    w.send(Job::Change(tick), at());
    reports_until(&mut w, |r, _| r.contains(&Report::Waiting));
    drop(other);
    let all = reports_until(&mut w, |_, q| q.pending == 0);
    let texts: Vec<_> = all
        .iter()
        .filter_map(|r| match r {
            Report::Saved { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["saved: mobility ticked", "saved: mobility unticked", "saved: mobility ticked"]);
    assert!(ticked(&db, "mobility"));
}

#[test]
fn a_write_that_fails_for_another_reason_says_so_once_and_the_queue_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::start(Store::open_path(&db).unwrap()).unwrap();
    // A value the schema's CHECK refuses (the form never sends one): not busy, so not
    // retried, and reported.
    let bad = crate::domain::records::Markers { rhr: Some(0), ..Default::default() };
    w.send(Job::Change(Change::Markers { date: day(), markers: bad, fields: vec!["rhr"] }), at());
    w.send(tick("foam-calves"), at());
    let all = reports_until(&mut w, |_, q| q.pending == 0);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(matches!(&all[0], Report::Failed(text) if !text.is_empty()), "{all:?}");
    assert_eq!(all[1], Report::Saved { text: String::new(), form: false });
    assert!(ticked(&db, "foam-calves"));
}

#[test]
fn pending_waits_until_idle_or_the_limit() {
    let p = Pending::default();
    assert_eq!(p.wait_idle(Duration::from_secs(5)), 0);
    p.add(2);
    let started = Instant::now();
    assert_eq!(p.wait_idle(Duration::from_millis(50)), 2);
    assert!(started.elapsed() >= Duration::from_millis(50));
    let p = Arc::new(p);
    let q = p.clone();
    let t = std::thread::spawn(move || {
        q.add(-1);
        q.add(-1);
    });
    assert_eq!(p.wait_idle(Duration::from_secs(20)), 0);
    t.join().unwrap();
}

#[test]
fn finish_closes_an_idle_writer_and_leaves_a_waiting_one_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut w = Writer::start(Store::open_path(&db).unwrap()).unwrap();
    w.send(tick("foam-calves"), at());
    reports_until(&mut w, |_, q| q.pending == 0);
    assert_eq!(w.finish(), 0);

    let mut w = Writer::start(Store::open_path(&db).unwrap()).unwrap();
    let _other = hold_lock(&db);
    w.send(tick("foam-quads"), at());
    reports_until(&mut w, |r, _| r.contains(&Report::Waiting));
    let started = Instant::now();
    assert_eq!(w.finish(), 1, "the waiting write is counted as not saved");
    assert!(started.elapsed() < Duration::from_secs(5), "and finish did not wait for it");
}

#[test]
fn a_field_emptied_in_the_markers_form_is_stored_as_not_logged() {
    use crate::domain::records::Markers;
    use crate::tui::form::{Form, Submission};
    use tui_input::InputRequest;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut store = Store::open_path(&db).unwrap();
    let logged = Markers { rhr: Some(52), hrv: Some(61.5), note: Some("tired".into()), ..Markers::default() };
    store.edit_markers(day(), &logged, &["rhr", "hrv", "note"], at()).unwrap();
    let mut form = Form::markers(
        day(),
        store.markers_on(day()).unwrap().as_ref(),
        None,
        crate::domain::units::Units::METRIC,
    );
    form.focus_on(1);
    form.edit(InputRequest::DeleteLine);
    let noon = chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap();
    let Ok(Submission::Markers(date, markers, fields)) = form.submit(day(), noon) else { panic!() };
    let job = Job::Change(Change::Markers { date, markers, fields });
    assert!(matches!(commit(&mut store, &job, at(), || ()), Report::Saved { form: true, .. }));
    let stored = store.markers_on(day()).unwrap().unwrap();
    assert_eq!((stored.rhr, stored.hrv, stored.note.as_deref()), (Some(52), None, Some("tired")));
    // Not logged: an empty cell in the export, as if it had never been typed.
    let csv = crate::exchange::export::markers_csv(&[(day(), stored)]).unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with("2026-11-28,52,,"), "{csv}");
}

#[test]
fn a_run_is_edited_in_place_and_deleted_through_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut store = Store::open_path(&db).unwrap();
    let run = crate::domain::records::Run::new(
        day(),
        chrono::NaiveTime::MIN,
        crate::domain::session::Session::Easy,
        300,
    );
    let id = store.save_run(&run, at()).unwrap();
    let edited = crate::domain::records::Run { minutes: 30, id: Some(id), ..run };
    let job = Job::Change(Change::EditRun { id, run: edited });
    let report = commit(&mut store, &job, at(), || ());
    assert!(matches!(&report, Report::Saved { text, form: true } if text.contains("30 min")), "{report:?}");
    assert_eq!(
        store.runs_on(day()).unwrap().iter().map(|r| (r.id, r.minutes)).collect::<Vec<_>>(),
        [(Some(id), 30)]
    );
    let report = commit(&mut store, &Job::Change(Change::DeleteRun { id }), at(), || ());
    assert!(
        matches!(&report, Report::Saved { text, form: false } if text.contains("deleted run")),
        "{report:?}"
    );
    assert!(store.runs_on(day()).unwrap().is_empty());
    // Gone already (deleted in another terminal): said so, nothing else changes.
    let report = commit(&mut store, &Job::Change(Change::DeleteRun { id }), at(), || ());
    assert!(matches!(&report, Report::Saved { text, .. } if text.contains("no longer there")), "{report:?}");
}
