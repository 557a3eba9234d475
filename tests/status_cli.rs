//! `cooldown status` through the real binary: the verdict and the foam-roll timer in each
//! of its states (kept through the store API the dashboard keeps it with), nothing at all
//! when there is nothing to say, `--format`, its refusals, and that it only reads.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, now, sha256, today};
use cooldown::domain::timer::{Stored, StoredTimer};
use cooldown::store::Store;
use predicates::prelude::*;
use predicates::str::contains;
use std::time::Duration;

/// The sandbox with the demo history up to today (this morning's verdict: GO).
fn with_history() -> Sandbox {
    let s = Sandbox::new();
    s.cmd().arg("seed-demo").assert().success();
    s
}

/// Keeps a foam-quads timer for today in `state`, as the dashboard keeps one.
fn keep_timer(s: &Sandbox, state: Stored) {
    let mut store = Store::open_path(&s.db()).unwrap();
    let timer =
        StoredTimer { day: today(), item_id: "foam-quads".into(), total: Duration::from_secs(90), state };
    store.set_timer(&timer, now()).unwrap();
}

fn at(offset_ms: i64) -> i64 {
    now().timestamp_millis() + offset_ms
}

fn status(s: &Sandbox, args: &[&str]) -> String {
    let out = s.cmd().arg("status").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_verdict_alone_when_no_timer_runs() {
    let s = with_history();
    assert_eq!(status(&s, &[]), "GO\n");
}

#[test]
fn a_running_timer_beside_the_verdict() {
    let s = with_history();
    keep_timer(&s, Stored::Running { deadline_ms: at(42_000) });
    assert_eq!(status(&s, &[]), "GO · foam quads 0:42\n");
}

#[test]
fn a_paused_timer_says_paused() {
    let s = with_history();
    keep_timer(&s, Stored::Paused { remaining_ms: 42_000 });
    assert_eq!(status(&s, &[]), "GO · foam quads 0:42 paused\n");
}

#[test]
fn an_overtime_timer_counts_up_from_the_end() {
    let s = with_history();
    keep_timer(&s, Stored::Running { deadline_ms: at(-7_000) });
    assert_eq!(status(&s, &[]), "GO · foam quads +0:07\n");
    keep_timer(&s, Stored::Finished { at_ms: at(-67_000) });
    assert_eq!(status(&s, &[]), "GO · foam quads +1:07\n");
}

#[test]
fn the_timer_alone_before_the_morning_is_logged() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "easy", "--minutes", "40"]).assert().success();
    keep_timer(&s, Stored::Running { deadline_ms: at(90_000) });
    assert_eq!(status(&s, &[]), "foam quads 1:30\n");
}

#[test]
fn nothing_at_all_when_there_is_nothing_to_say() {
    // No database: nothing to say, and none is created.
    let s = Sandbox::new();
    s.cmd().arg("status").assert().success().stdout("").stderr("");
    assert!(!s.db().exists());
    s.bare().arg("status").assert().success().stdout("");
    assert!(!s.path("home/.local/share/cooldown").exists(), "status made the data folder");
    // A run but no markers and no timer.
    s.cmd().args(["run", "--type", "easy", "--minutes", "40"]).assert().success();
    assert_eq!(status(&s, &[]), "");
    // Yesterday's markers do not speak for today.
    s.cmd().args(["--date", "2026-11-27", "log", "--sleep", "8", "--soreness", "2"]).assert().success();
    assert_eq!(status(&s, &[]), "");
}

#[test]
fn a_format_picks_what_the_line_shows() {
    let s = with_history();
    assert_eq!(
        status(&s, &["--format", "{verdict} {done}/{total} · next: {next}"]),
        "GO 5/11 · next: Foam roll: quads\n"
    );
    assert_eq!(status(&s, &["--format", "[{timer}]"]), "");
    keep_timer(&s, Stored::Paused { remaining_ms: 15_000 });
    assert_eq!(status(&s, &["--format", "⏱ {timer} {{{verdict}}}"]), "⏱ foam quads 0:15 paused {GO}\n");
    assert_eq!(status(&s, &["--date", "2026-11-25"]), "EASY · foam quads 0:15 paused\n");
}

#[test]
fn a_bad_format_is_a_usage_error_naming_the_placeholder_and_the_allowed_ones() {
    let s = with_history();
    for (format, named) in [
        ("{verdict} {mood}", "unknown placeholder {mood}"),
        ("{verdict", "'{verdict' is not closed"),
        ("no placeholder here", "no placeholder"),
        ("\u{1b}]0;pwned\u{7}{\u{1b}[2J}", "unknown placeholder {\u{FFFD}[2J}"),
    ] {
        let out = s.cmd().args(["status", "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(named), "{format:?}: {err}");
        assert!(err.contains("use {verdict}, {timer}, {done}, {total}, {next}"), "{err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    }
}

#[test]
fn hostile_text_in_a_format_reaches_the_terminal_without_its_control_characters() {
    let s = with_history();
    let shown = status(&s, &["--format", "\u{1b}]0;pwned\u{7}{verdict}\r"]);
    assert_eq!(shown, "\u{FFFD}]0;pwned\u{FFFD}GO\u{FFFD}\n");
}

#[test]
fn status_only_reads() {
    let s = with_history();
    keep_timer(&s, Stored::Running { deadline_ms: at(42_000) });
    // Close every connection so SQLite folds its log into the file and removes it.
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(s.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    let (before, files) = (sha256(&s.db()), listing());
    for _ in 0..3 {
        assert_eq!(status(&s, &[]), "GO · foam quads 0:42\n");
    }
    assert_eq!(sha256(&s.db()), before);
    assert_eq!(listing(), files);
}

#[test]
fn a_file_that_is_not_a_cooldown_database_is_refused_in_one_line() {
    let s = Sandbox::new();
    std::fs::write(s.db(), "date,rhr\n2026-11-28,50\n").unwrap();
    let before = sha256(&s.db());
    s.cmd().arg("status").assert().code(69).stdout("").stderr(
        contains("cooldown: ")
            .and(contains("cooldown.db"))
            .and(predicate::function(|e: &str| e.lines().count() == 1)),
    );
    assert_eq!(sha256(&s.db()), before);
}

/// Another process holding the database exclusively: the line gives up within its short
/// wait (exit 75, stdout empty) instead of hanging a status bar. (How long it took is the
/// fault script F35's to measure.)
#[test]
fn a_database_held_exclusively_is_busy_not_a_hang() {
    let s = with_history();
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute_batch(
        "PRAGMA locking_mode = EXCLUSIVE;
         BEGIN EXCLUSIVE; DELETE FROM timers; COMMIT;
         BEGIN EXCLUSIVE; DELETE FROM timers;",
    )
    .unwrap();
    let out = s.cmd().arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(75), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cooldown: the database is busy"));
    conn.execute_batch("ROLLBACK").unwrap();
}
