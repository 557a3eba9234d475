//! Issue 13 "No silent loss" (files and input) through the real binary: `--out` never over
//! the database, escapes never reach the terminal, exports after a change of time zone,
//! temporary files swept, bounded reads, and HOME (RELIABILITY.md rules 12, 15–17, 19).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};
use predicates::str::contains;
use std::time::Duration;

fn with_a_morning() -> Sandbox {
    let s = Sandbox::new();
    s.cmd().args(["log", "--rhr", "50", "--date", "2026-11-27"]).assert().success();
    s
}

#[test]
fn out_and_backup_never_write_over_the_database() {
    let s = with_a_morning();
    let db = s.db();
    let before = sha256(&db);
    let wal = format!("{}-wal", db.display());
    for args in [
        vec!["export", "--out", db.to_str().unwrap()],
        vec!["export", "--out", &wal],
        vec!["print", "--out", db.to_str().unwrap()],
        vec!["plan", "--weekly-km", "40", "--out", db.to_str().unwrap()],
        vec!["backup", db.to_str().unwrap()],
        vec!["export", "--out", s.dir.path().to_str().unwrap()],
    ] {
        s.cmd().args(&args).assert().code(65).stderr(contains("cooldown: "));
        assert_eq!(sha256(&db), before, "{args:?}");
    }
    assert!(!std::path::Path::new(&wal).exists());
    s.cmd().args(["export", "--out", "-"]).assert().success().stdout(contains("2026-11-27,50,"));
}

#[test]
fn a_routine_window_with_an_escape_is_refused_by_file_and_line() {
    let s = with_a_morning();
    let routine = s.write(
        "config/routine.toml",
        "[[phases]]\nid = \"now\"\ntitle = \"Now\"\nwindow = \"0\\u001b[2J\\u001b]0;x\\u0007\"\n\n\
         [[items]]\nid = \"walk\"\nphase = \"now\"\ntitle = \"Walk\"\nkind = \"check\"\nsessions = [\"all\"]\n",
    );
    for command in ["checklist", "print"] {
        let out = s.cmd().arg(command).output().unwrap();
        assert_eq!(out.status.code(), Some(65), "{command}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("{} line 4", routine.display())), "{err}");
        assert!(err.contains("window must be one line"), "{err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && out.stdout.is_empty(), "{err}");
    }
}

#[test]
fn a_path_with_escapes_is_echoed_without_them() {
    let s = Sandbox::new();
    let out = s.bare().arg("--db").arg(s.path("a\u{1b}]0;x\u{7}/c.db")).arg("verdict").output().unwrap();
    assert_eq!(out.status.code(), Some(74));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("a\u{FFFD}]0;x\u{FFFD}/c.db") && !err.contains('\u{1b}'), "{err}");
}

#[test]
fn export_after_a_change_of_time_zone_keeps_the_last_day() {
    let s = Sandbox::new();
    // 08:00 on the 28th in UTC+14 is 07:00 on the 27th in UTC-11.
    let kiritimati = "2026-11-28T08:00:00+14:00";
    let pago_pago = "2026-11-27T07:00:00-11:00";
    s.cmd().env("COOLDOWN_NOW", kiritimati).args(["log", "--rhr", "49"]).assert().success();
    s.cmd()
        .env("COOLDOWN_NOW", kiritimati)
        .args(["run", "--type", "easy", "--minutes", "30"])
        .assert()
        .success();
    for what in ["markers", "runs", "verdicts"] {
        s.cmd()
            .env("COOLDOWN_NOW", pago_pago)
            .args(["export", "--what", what])
            .assert()
            .success()
            .stdout(contains("2026-11-28"));
    }
    let out =
        s.cmd().env("COOLDOWN_NOW", pago_pago).args(["export", "--date", "2026-11-27"]).output().unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("2026-11-28"));
}

#[test]
fn an_export_sweeps_stale_temporaries_from_its_folder() {
    let s = with_a_morning();
    let stale = s.write("out/.cooldown-out-killed", "health data");
    let fresh = s.write("out/.cooldown-backup-writing", "health data");
    // Two minutes older than the fresh one, as the file system stamped it: the binary
    // runs on the real clock (the sandbox clears the environment, faketime's included), so
    // the test's own clock must not come into it.
    let made = std::fs::metadata(&fresh).unwrap().modified().unwrap();
    let f = std::fs::File::options().write(true).open(&stale).unwrap();
    f.set_modified(made - Duration::from_secs(120)).unwrap();
    s.cmd().args(["export", "--out"]).arg(s.path("out/m.csv")).assert().success();
    assert!(!stale.exists(), "the stale file was kept");
    assert!(fresh.exists(), "the fresh file was swept");
    assert!(s.path("out/m.csv").exists());
}

#[test]
fn a_command_on_the_database_sweeps_its_folder_and_status_leaves_it() {
    let s = with_a_morning();
    let stale = s.write(".cooldown-new-killed", "half a database");
    let fresh = s.write(".cooldown-backup-writing", "a backup being written");
    // Aged against the fresh file's own stamp, as above: no clock of the test's.
    let made = std::fs::metadata(&fresh).unwrap().modified().unwrap();
    let f = std::fs::File::options().write(true).open(&stale).unwrap();
    f.set_modified(made - Duration::from_secs(120)).unwrap();
    // `status` (a status bar runs it every second) never changes a file.
    s.cmd().arg("status").assert().success();
    assert!(stale.exists(), "status swept the folder");
    // Any command that opens the database sweeps, after its own work.
    s.cmd().args(["verdict", "--json"]).assert().success().stdout(contains("\"verdict\""));
    assert!(!stale.exists(), "the stale file was kept");
    assert!(fresh.exists(), "the fresh file was swept");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_never_waited_on() {
    let s = with_a_morning();
    let fifo = s.path("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    s.cmd().arg("--config").arg(&fifo).arg("verdict").assert().code(65).stderr(contains("FIFO"));
    s.cmd().args(["import"]).arg(&fifo).assert().code(65).stderr(contains("FIFO"));
    s.cmd().args(["import", "/dev/zero"]).assert().code(65).stderr(contains("character device"));
    s.bare().arg("--db").arg(&fifo).arg("verdict").assert().code(69).stderr(contains("FIFO"));
}

#[cfg(unix)]
#[test]
fn an_unset_or_empty_home_is_refused_by_name() {
    let s = Sandbox::new();
    for home in [None, Some(""), Some("relative")] {
        let mut c = s.bare();
        match home {
            None => c.env_remove("HOME"),
            Some(h) => c.env("HOME", h),
        };
        c.env_remove("COOLDOWN_CONFIG").arg("verdict").assert().code(65).stderr(contains("(HOME)"));
    }
    assert!(!s.path("home").exists(), "nothing was created");
    let mut c = s.bare();
    c.env_remove("HOME").arg("--db").arg(s.db()).arg("verdict").assert().success();
}
