//! The store on real SQLite files: creation, identity, migration, refusals, concurrency.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use common::{Sandbox, sha256};
use cooldown::domain::records::{Markers, Run};
use cooldown::domain::session::Session;
use cooldown::error::{Error, Kind};
use cooldown::paths::DbLocation;
use cooldown::store::{APPLICATION_ID, LATEST_VERSION, MIGRATIONS, Store};
use rusqlite::Connection;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn now() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap()
}

/// File modes are Unix only; elsewhere the default ACLs apply and nothing is checked.
#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn pragma_i64(path: &Path, name: &str) -> i64 {
    let c = Connection::open(path).unwrap();
    c.pragma_query_value(None, name, |r| r.get(0)).unwrap()
}

#[test]
fn a_new_database_is_ours_private_and_in_wal_mode() {
    let s = Sandbox::new();
    let store = Store::open_path(&s.db()).unwrap();
    assert!(store.is_empty().unwrap());
    drop(store);
    assert_eq!(pragma_i64(&s.db(), "application_id"), i64::from(APPLICATION_ID));
    assert_eq!(pragma_i64(&s.db(), "user_version"), LATEST_VERSION);
    let c = Connection::open(s.db()).unwrap();
    let journal: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(journal, "wal");
    #[cfg(unix)]
    assert_eq!(mode(&s.db()), 0o600);
    // Nothing but the database is left behind.
    let names: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("cooldown.db"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
#[cfg(unix)]
fn wal_and_shm_files_are_private_even_with_umask_000() {
    // The test process's umask is left alone; instead the files are loosened on purpose
    // and opening must tighten them again.
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    store.tick_next(day(28), "mobility", 1, now()).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let p = Path::new(&format!("{}{suffix}", s.db().display())).to_path_buf();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
    }
    let _again = Store::open_path(&s.db()).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let p = Path::new(&format!("{}{suffix}", s.db().display())).to_path_buf();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}

#[test]
fn the_default_location_gets_a_private_folder() {
    let s = Sandbox::new();
    let dir = s.path("home/.local/share/cooldown");
    let loc = DbLocation { path: dir.join("cooldown.db"), is_default: true };
    Store::open(&loc).unwrap();
    #[cfg(unix)]
    assert_eq!(mode(&dir), 0o700);
    #[cfg(unix)]
    assert_eq!(mode(&loc.path), 0o600);
}

#[test]
fn a_named_path_in_a_missing_folder_is_an_io_error_and_creates_nothing() {
    let s = Sandbox::new();
    let err = Error::from(Store::open_path(&s.path("missing/dir/x.db")).err().unwrap());
    assert_eq!(err.kind, Kind::Io);
    assert!(err.what.contains("does not exist"), "{err}");
    assert!(!s.path("missing").exists());
}

#[test]
fn a_file_uri_is_just_a_file_name() {
    let s = Sandbox::new();
    let weird = s.path("file:x.db?mode=memory");
    let mut store = Store::open_path(&weird).unwrap();
    store.tick_next(day(28), "mobility", 1, now()).unwrap();
    drop(store);
    assert!(weird.exists());
    assert_eq!(Store::open_path(&weird).unwrap().ticks(day(28)).unwrap().len(), 1);
}

#[test]
fn data_survives_reopening() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let m = Markers { rhr: Some(52), hrv: Some(61.5), ill: Some(false), ..Markers::default() };
    store.save_markers(day(27), &m, now()).unwrap();
    store
        .save_run(
            &Run::new(day(27), chrono::NaiveTime::from_hms_opt(7, 30, 0).unwrap(), Session::Long, 100),
            now(),
        )
        .unwrap();
    store.tick_next(day(27), "glute-bridges", 2, now()).unwrap();
    drop(store);
    let store = Store::open_path(&s.db()).unwrap();
    assert_eq!(store.markers_on(day(27)).unwrap(), Some(m));
    assert_eq!(store.runs_on(day(27)).unwrap()[0].minutes, 100);
    assert_eq!(store.ticks(day(27)).unwrap().len(), 1);
    assert!(!store.is_empty().unwrap());
}

#[test]
fn markers_upsert_keeps_fields_not_named() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    store.save_markers(day(27), &Markers { rhr: Some(52), ..Markers::default() }, now()).unwrap();
    store.save_markers(day(27), &Markers { hrv: Some(70.0), ..Markers::default() }, now()).unwrap();
    let m = store.markers_on(day(27)).unwrap().unwrap();
    assert_eq!((m.rhr, m.hrv), (Some(52), Some(70.0)));
}

#[test]
fn ticks_count_sets_and_never_duplicate() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    assert_eq!(store.tick_next(day(28), "glute-bridges", 2, now()).unwrap(), 1);
    assert_eq!(store.tick_next(day(28), "glute-bridges", 2, now()).unwrap(), 2);
    assert_eq!(store.tick_next(day(28), "glute-bridges", 2, now()).unwrap(), 2);
    assert_eq!(store.ticks(day(28)).unwrap().len(), 2);
    assert_eq!(store.untick_last(day(28), "glute-bridges").unwrap(), 1);
    assert_eq!(store.untick_last(day(28), "glute-bridges").unwrap(), 0);
    assert_eq!(store.untick_last(day(28), "glute-bridges").unwrap(), 0);
    store.tick_next(day(28), "mobility", 1, now()).unwrap();
    store.clear_item(day(28), "mobility").unwrap();
    assert!(store.ticks(day(28)).unwrap().is_empty());
    // Another day is another checklist.
    store.tick_next(day(27), "mobility", 1, now()).unwrap();
    assert!(store.ticks(day(28)).unwrap().is_empty());
}

#[test]
fn check_constraints_refuse_what_the_cli_refuses() {
    let s = Sandbox::new();
    drop(Store::open_path(&s.db()).unwrap());
    let c = Connection::open(s.db()).unwrap();
    for sql in [
        "INSERT INTO markers (day, rhr, updated_at) VALUES ('2026-11-28', 400, 'x')",
        "INSERT INTO markers (day, rhr, updated_at) VALUES ('2026-11-28', 55.5, 'x')",
        "INSERT INTO markers (day, hrv, updated_at) VALUES ('2026-11-28', 0, 'x')",
        "INSERT INTO markers (day, soreness, updated_at) VALUES ('2026-11-28', 11, 'x')",
        "INSERT INTO markers (day, updated_at) VALUES ('2026-02-30', 'x')",
        "INSERT INTO markers (day, updated_at) VALUES ('yesterday', 'x')",
        "INSERT INTO runs (day, at, type, minutes, updated_at) VALUES ('2026-11-28', '07:00', 'jog', 30, 'x')",
        "INSERT INTO runs (day, at, type, minutes, updated_at) VALUES ('2026-11-28', '25:00', 'easy', 30, 'x')",
        "INSERT INTO runs (day, at, type, minutes, updated_at) VALUES ('2026-11-28', '07:00', 'easy', 0, 'x')",
        "INSERT INTO runs (day, at, type, minutes, rpe, updated_at) VALUES ('2026-11-28', '07:00', 'easy', 30, 11, 'x')",
        "INSERT INTO runs (day, at, type, minutes, source, updated_at) VALUES ('2026-11-28', '07:00', 'easy', 30, 'watch', 'x')",
        "INSERT INTO runs (day, at, type, minutes, source, updated_at) VALUES ('2026-11-28', '07:00', 'easy', 30, 'import:', 'x')",
        "INSERT INTO ticks (day, item_id, set_no, ticked_at) VALUES ('2026-11-28', 'Bad Id', 1, 'x')",
        "INSERT INTO ticks (day, item_id, set_no, ticked_at) VALUES ('2026-11-28', 'mobility', 0, 'x')",
        "INSERT INTO timers (day, item_id, state, total_ms, updated_at) VALUES ('2026-11-28', 'foam-calves', 'running', 90000, 'x')",
    ] {
        assert!(c.execute(sql, []).is_err(), "accepted: {sql}");
    }
}

/// The History streaks read ticks a day at a time: every ticked day once, in order, with
/// exactly its own ticks (the day's date parsed once per day, not once per tick).
#[test]
fn ticked_days_come_one_at_a_time_with_their_own_ticks() {
    let s = Sandbox::new();
    write_demo(&s.db());
    let store = Store::open_path(&s.db()).unwrap();
    let (from, to) = (day(1) - chrono::Days::new(150), day(28));
    let expected = store.ticks_between(from, to).unwrap();
    let mut seen = Vec::new();
    store.for_each_ticked_day(from, to, |d, ticks| seen.push((d, ticks.to_vec()))).unwrap();
    assert!(seen.len() > 60, "{} ticked days", seen.len());
    assert_eq!(seen, expected.into_iter().collect::<Vec<_>>());
}

/// A database at `path` holding 120 days of demo history.
fn write_demo(path: &Path) {
    let mut store = Store::open_path(path).unwrap();
    let routine = cooldown::domain::routine::Routine::builtin().unwrap();
    let history = cooldown::domain::demo::generate(day(28), 120, &routine, 90);
    store.write_history(&history, now()).unwrap();
}

fn write_fixture(path: &Path, sql: &str) {
    let c = Connection::open(path).unwrap();
    let _: String = c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).unwrap();
    c.execute_batch(sql).unwrap();
}

#[test]
fn a_schema_1_database_is_backed_up_then_migrated() {
    let s = Sandbox::new();
    write_fixture(&s.db(), include_str!("fixtures/schema1.sql"));
    let store = Store::open_path(&s.db()).unwrap();
    assert_eq!(store.ticks(day(20)).unwrap().len(), 1);
    assert_eq!(store.runs_on(day(20)).unwrap()[0].kind, Session::Tempo);
    assert_eq!(store.markers_on(day(20)).unwrap().unwrap().hrv, Some(61.5));
    drop(store);
    assert_eq!(pragma_i64(&s.db(), "user_version"), LATEST_VERSION);
    let backup = s.path("cooldown.db.schema1.bak");
    assert_eq!(pragma_i64(&backup, "user_version"), 1);
    #[cfg(unix)]
    assert_eq!(mode(&backup), 0o600);
    let b = Connection::open(&backup).unwrap();
    let ok: String = b.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let ticks: i64 = b.query_row("SELECT count(*) FROM ticks", [], |r| r.get(0)).unwrap();
    assert_eq!(ticks, 1);
    // Opening again migrates nothing and makes no second backup.
    drop(Store::open_path(&s.db()).unwrap());
    assert!(!s.path("cooldown.db.schema1.bak.2").exists());
}

/// Every schema object as SQLite keeps it (type, name, table, SQL), sorted.
fn schema(path: &Path) -> Vec<(String, String, String, Option<String>)> {
    let c = Connection::open(path).unwrap();
    let mut stmt =
        c.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The pragmas a file keeps.
fn file_pragmas(path: &Path) -> Vec<(&'static str, String)> {
    let c = Connection::open(path).unwrap();
    ["application_id", "user_version", "journal_mode", "page_size", "auto_vacuum", "encoding"]
        .into_iter()
        .map(|p| {
            let v: rusqlite::types::Value = c.pragma_query_value(None, p, |r| r.get(0)).unwrap();
            (p, format!("{v:?}"))
        })
        .collect()
}

#[test]
fn a_database_migrated_from_every_older_schema_equals_a_fresh_one() {
    let s = Sandbox::new();
    drop(Store::open_path(&s.path("fresh.db")).unwrap());
    let (fresh_schema, fresh_pragmas) = (schema(&s.path("fresh.db")), file_pragmas(&s.path("fresh.db")));
    assert_eq!(fresh_pragmas[1].1, format!("Integer({LATEST_VERSION})"));
    // Files as each release wrote them, frozen: the latest is this build's own (it must
    // equal a fresh file as it is); a new migration needs the next one added here.
    let frozen = [
        include_str!("fixtures/schema1.sql"),
        include_str!("fixtures/schema2.sql"),
        include_str!("fixtures/schema3.sql"),
        include_str!("fixtures/schema4.sql"),
        include_str!("fixtures/schema5.sql"),
        include_str!("fixtures/schema6.sql"),
        include_str!("fixtures/schema7.sql"),
    ];
    assert_eq!(frozen.len() as i64, LATEST_VERSION, "add tests/fixtures/schema{LATEST_VERSION}.sql");
    for (i, sql) in frozen.iter().enumerate() {
        let path = s.path(&format!("frozen{}.db", i + 1));
        write_fixture(&path, sql);
        drop(Store::open_path(&path).unwrap());
        assert_eq!(schema(&path), fresh_schema, "schema {} migrated", i + 1);
        assert_eq!(file_pragmas(&path), fresh_pragmas, "schema {} migrated", i + 1);
    }
    // And every step of this build's own chain, from an empty file up.
    for version in 0..LATEST_VERSION {
        let path = s.path(&format!("chain{version}.db"));
        let c = Connection::open(&path).unwrap();
        let _: String = c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).unwrap();
        for sql in &MIGRATIONS[..version as usize] {
            c.execute_batch(sql).unwrap();
        }
        if version > 0 {
            c.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
            c.pragma_update(None, "user_version", version).unwrap();
        }
        drop(c);
        drop(Store::open_path(&path).unwrap());
        assert_eq!(schema(&path), fresh_schema, "chain from {version}");
        assert_eq!(file_pragmas(&path), fresh_pragmas, "chain from {version}");
    }
}

#[test]
fn a_database_restored_from_a_backup_is_put_back_into_wal() {
    let s = Sandbox::new();
    write_demo(&s.db());
    let original = Store::open_path(&s.db()).unwrap();
    let mornings = original.markers_between(day(1), day(28)).unwrap();
    original.backup(&s.path("copy.db")).unwrap();
    drop(original);
    assert_eq!(journal_mode(&s.path("copy.db")), "delete", "a backup is one self-contained file");
    // Restored the way a runner would: the copy put in place of the database.
    for side in ["cooldown.db-wal", "cooldown.db-shm"] {
        let _ = std::fs::remove_file(s.path(side));
    }
    std::fs::copy(s.path("copy.db"), s.db()).unwrap();
    assert_eq!(journal_mode(&s.db()), "delete");
    let store = Store::open_path(&s.db()).unwrap();
    assert_eq!(store.markers_between(day(1), day(28)).unwrap(), mornings);
    drop(store);
    assert_eq!(journal_mode(&s.db()), "wal");
}

fn journal_mode(path: &Path) -> String {
    Connection::open(path).unwrap().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap()
}

#[test]
fn free_text_pain_sites_become_other_with_their_words_kept_in_the_note() {
    let s = Sandbox::new();
    let schema4 = include_str!("fixtures/schema4.sql").replace(
        "PRAGMA user_version = 4;",
        "INSERT INTO markers (day, pain, pain_site, note, updated_at) VALUES
             ('2026-11-23', 4, 'left achilles', NULL, 'x'),
             ('2026-11-24', 2, 'knee', 'felt ok', 'x'),
             ('2026-11-25', 2, 'right foot', 'sore after hills', 'x');
         PRAGMA user_version = 4;",
    );
    write_fixture(&s.db(), &schema4);
    let store = Store::open_path(&s.db()).unwrap();
    let got = |d| {
        let m = store.markers_on(day(d)).unwrap().unwrap();
        (m.pain_site, m.note)
    };
    assert_eq!(got(23), (Some("other".into()), Some("pain site: left achilles".into())));
    assert_eq!(got(24), (Some("knee".into()), Some("felt ok".into())));
    assert_eq!(got(25), (Some("other".into()), Some("sore after hills · pain site: right foot".into())));
}

#[test]
fn an_empty_sqlite_file_is_initialised() {
    let s = Sandbox::new();
    let c = Connection::open(s.db()).unwrap();
    c.execute_batch("PRAGMA user_version = 0; VACUUM;").unwrap();
    drop(c);
    assert!(std::fs::metadata(s.db()).unwrap().len() > 0);
    let store = Store::open_path(&s.db()).unwrap();
    assert!(store.is_empty().unwrap());
}

/// Every way a file can be not ours: refused as unusable, its bytes untouched.
fn assert_refused(path: &Path, needle: &str) {
    let before = sha256(path);
    let err = Error::from(Store::open_path(path).err().expect("opened a bad file"));
    assert_eq!(err.kind, Kind::Unusable, "{err}");
    assert!(err.what.contains(needle), "{needle:?} not in {err}");
    assert!(err.place.contains(&path.display().to_string()), "{err}");
    assert_eq!(sha256(path), before, "bytes changed");
    let wal = format!("{}-wal", path.display());
    assert!(!Path::new(&wal).exists() || std::fs::metadata(&wal).unwrap().len() == 0);
}

#[test]
fn a_zero_byte_file_is_refused() {
    let s = Sandbox::new();
    let p = s.write("zero.db", b"");
    assert_refused(&p, "empty file (0 bytes)");
}

#[test]
fn garbage_and_csv_are_refused() {
    let s = Sandbox::new();
    let p = s.write("garbage.db", [0x5Au8; 4096]);
    assert_refused(&p, "not an SQLite file");
    let p = s.write("markers.csv", "date,rhr,hrv\n2026-11-27,52,61\n");
    assert_refused(&p, "not an SQLite file");
}

#[test]
fn a_truncated_database_is_refused() {
    let s = Sandbox::new();
    let source = s.path("full.db");
    write_demo(&source);
    let bytes = std::fs::read(&source).unwrap();
    assert!(bytes.len() > 8192);
    let half = s.write("half.db", &bytes[..bytes.len() / 2]);
    assert_refused(&half, "truncated");
    let header_only = s.write("header.db", &bytes[..60]);
    assert_refused(&header_only, "truncated");
    let odd = s.write("odd.db", &bytes[..bytes.len() - 100]);
    assert_refused(&odd, "truncated");
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let s = Sandbox::new();
    let p = s.path("other.db");
    let c = Connection::open(&p).unwrap();
    c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');").unwrap();
    drop(c);
    assert_refused(&p, "another program");
    let c = Connection::open(&p).unwrap();
    c.execute_batch("PRAGMA application_id = 42;").unwrap();
    drop(c);
    assert_refused(&p, "another program");
}

#[test]
fn a_database_from_a_newer_cooldown_is_refused() {
    let s = Sandbox::new();
    drop(Store::open_path(&s.db()).unwrap());
    let c = Connection::open(s.db()).unwrap();
    c.pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
    drop(c);
    let newer = LATEST_VERSION + 1;
    assert_refused(&s.db(), &format!("newer cooldown (schema {newer}, this build knows {LATEST_VERSION})"));
}

#[test]
fn a_newer_schema_still_in_the_write_ahead_log_is_refused_without_a_checkpoint() {
    let s = Sandbox::new();
    drop(Store::open_path(&s.db()).unwrap());
    let c = Connection::open(s.db()).unwrap();
    c.execute_batch("PRAGMA journal_mode = WAL;").unwrap();
    c.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
    c.pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
    drop(c);
    let wal = s.path("cooldown.db-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0, "the bump is in the log");
    let (db_sum, wal_sum) = (sha256(&s.db()), sha256(&wal));
    let err = Error::from(Store::open_path(&s.db()).err().unwrap());
    assert!(err.what.contains(&format!("newer cooldown (schema {}", LATEST_VERSION + 1)), "{err}");
    assert_eq!((sha256(&s.db()), sha256(&wal)), (db_sum, wal_sum), "no checkpoint, the log kept");
}

#[test]
fn a_damaged_page_is_refused_when_read() {
    let s = Sandbox::new();
    write_demo(&s.db());
    let mut bytes = std::fs::read(s.db()).unwrap();
    let page = 4096;
    // Scribble over every page but the first (the schema stays readable).
    for b in bytes.iter_mut().skip(page) {
        *b = 0xA5;
    }
    std::fs::write(s.db(), &bytes).unwrap();
    let before = sha256(&s.db());
    let err = Error::from(match Store::open_path(&s.db()) {
        Err(e) => e,
        Ok(store) => store.ticks(day(28)).expect_err("read a damaged page"),
    });
    assert_eq!(err.kind, Kind::Unusable, "{err}");
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_folder_is_refused() {
    let s = Sandbox::new();
    std::fs::create_dir(s.path("adir")).unwrap();
    let err = Error::from(Store::open_path(&s.path("adir")).err().unwrap());
    assert_eq!(err.kind, Kind::Unusable);
    assert!(err.what.contains("folder"), "{err}");
    // The store names the problem; the words above come from `cooldown::error`.
    let typed = Store::open_path(&s.path("adir")).err().unwrap();
    assert!(matches!(typed.problem, cooldown::store::Problem::Folder), "{typed:?}");
    assert_eq!(typed.path, s.path("adir"));
}

#[test]
fn two_writers_at_once_both_succeed() {
    let s = Sandbox::new();
    drop(Store::open_path(&s.db()).unwrap());
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = s.db();
            std::thread::spawn(move || {
                let mut store = Store::open_path(&path).unwrap();
                for i in 0..100u32 {
                    let d = day(1) + chrono::Days::new(u64::from(i % 27));
                    store.tick_next(d, &format!("w{w}-item{i}"), 1, now()).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let c = Connection::open(s.db()).unwrap();
    let n: i64 = c.query_row("SELECT count(*) FROM ticks", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 200);
}

#[test]
fn sixteen_first_runs_in_parallel_make_one_database() {
    let s = Sandbox::new();
    let runs: Vec<_> = (0..16)
        .map(|i| {
            let path = s.db();
            std::thread::spawn(move || {
                let mut store = Store::open_path(&path).unwrap();
                store.tick_next(day(28), &format!("item{i}"), 1, now()).unwrap();
            })
        })
        .collect();
    for r in runs {
        r.join().unwrap();
    }
    let store = Store::open_path(&s.db()).unwrap();
    assert_eq!(store.ticks(day(28)).unwrap().len(), 16);
    let leftovers: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cooldown-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn data_version_changes_when_another_process_writes() {
    let s = Sandbox::new();
    let store = Store::open_path(&s.db()).unwrap();
    let before = store.data_version().unwrap();
    let mut other = Store::open_path(&s.db()).unwrap();
    other.tick_next(day(28), "mobility", 1, now()).unwrap();
    assert_ne!(store.data_version().unwrap(), before);
}

#[test]
fn editing_markers_writes_only_the_named_fields_and_an_empty_day_is_deleted() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    store
        .save_markers(day(27), &Markers { rhr: Some(52), hrv: Some(61.0), ..Markers::default() }, now())
        .unwrap();
    // The form cleared rhr and set hrv; sleep was logged from another terminal meanwhile
    // and the form's copy (none) is not written over it.
    let mut other = Store::open_path(&s.db()).unwrap();
    other.save_markers(day(27), &Markers { sleep_hours: Some(7.5), ..Markers::default() }, now()).unwrap();
    let form = Markers { hrv: Some(63.0), ..Markers::default() };
    store.edit_markers(day(27), &form, &["rhr", "hrv"], now()).unwrap();
    let m = store.markers_on(day(27)).unwrap().unwrap();
    assert_eq!((m.rhr, m.hrv, m.sleep_hours), (None, Some(63.0), Some(7.5)));
    store.edit_markers(day(27), &Markers::default(), &["hrv", "sleep_hours"], now()).unwrap();
    assert_eq!(store.markers_on(day(27)).unwrap(), None);
}

#[test]
fn readiness_inputs_cover_the_lookback_and_count_load_only_with_rpe() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let at = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let mut with_rpe = Run::new(day(20), at(7), Session::Tempo, 45);
    with_rpe.rpe = Some(7);
    let mut second = Run::new(day(20), at(18), Session::Easy, 30);
    second.rpe = Some(3);
    store.save_run(&with_rpe, now()).unwrap();
    store.save_run(&second, now()).unwrap();
    store.save_run(&Run::new(day(21), at(7), Session::Easy, 40), now()).unwrap();
    store.save_markers(day(1), &Markers { rhr: Some(50), ..Markers::default() }, now()).unwrap();
    store.save_markers(day(25), &Markers { rhr: Some(51), ..Markers::default() }, now()).unwrap();
    let inputs = store.readiness_inputs(day(28), 10).unwrap();
    assert_eq!(inputs.load.get(&day(20)), Some(&(7.0 * 45.0 + 3.0 * 30.0)));
    assert!(!inputs.load.contains_key(&day(21)), "a run without RPE has no load");
    assert_eq!(inputs.markers.keys().copied().collect::<Vec<_>>(), [day(25)]);
}

#[test]
fn the_last_run_before_a_day() {
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    let at = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    store.save_run(&Run::new(day(20), at(7), Session::Tempo, 45), now()).unwrap();
    store.save_run(&Run::new(day(20), at(18), Session::Easy, 30), now()).unwrap();
    store.save_run(&Run::new(day(28), at(7), Session::Long, 100), now()).unwrap();
    let last = store.last_run_before(day(28)).unwrap().unwrap();
    assert_eq!((last.day, last.kind), (day(20), Session::Easy));
    assert_eq!(store.last_run_before(day(20)).unwrap(), None);
}

#[test]
fn the_timer_is_kept_across_a_restart() {
    use cooldown::domain::timer::{Countdown, Stored, StoredTimer};
    use std::time::{Duration, Instant};
    let s = Sandbox::new();
    let mut store = Store::open_path(&s.db()).unwrap();
    assert_eq!(store.active_timer().unwrap(), None);
    let timer = StoredTimer {
        day: day(28),
        item_id: "foam-quads".into(),
        total: Duration::from_secs(90),
        state: Stored::Running { deadline_ms: 1_000_060_000 },
    };
    store.set_timer(&timer, now()).unwrap();
    // Another timer replaces it: there is only ever one.
    let paused = StoredTimer {
        item_id: "foam-calves".into(),
        state: Stored::Paused { remaining_ms: 41_500 },
        ..timer.clone()
    };
    store.set_timer(&paused, now()).unwrap();
    drop(store);
    let store = Store::open_path(&s.db()).unwrap();
    let back = store.active_timer().unwrap().unwrap();
    assert_eq!(back, paused);
    let c = Countdown::from_stored(back.state, back.total, Instant::now(), 0);
    assert_eq!(c.shown_seconds(Instant::now()), 42);
    drop(store);
    let mut store = Store::open_path(&s.db()).unwrap();
    store.set_timer(&timer, now()).unwrap();
    // The next process, 100 s later on the wall clock: finished, 40 s over.
    let restored = store.active_timer().unwrap().unwrap();
    let t0 = Instant::now();
    let c = Countdown::from_stored(restored.state, restored.total, t0, 1_000_100_000);
    assert!(c.is_finished());
    assert_eq!(c.overtime(t0).as_secs(), 40);
    store.clear_timer().unwrap();
    assert_eq!(store.active_timer().unwrap(), None);
}
