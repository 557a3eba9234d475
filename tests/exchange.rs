//! import, export, backup, print and plan through the real binary on real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};
use rusqlite::Connection;
use serde_json::Value;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The demo history ends here, so pages and exports are the same every day.
const DEMO_END: &str = "2026-11-20";

fn demo() -> Sandbox {
    let s = Sandbox::new();
    s.cmd().args(["seed-demo", "--date", DEMO_END]).assert().success();
    s
}

fn stdout(s: &Sandbox, args: &[&str]) -> String {
    let out = s.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn stdout_at(s: &Sandbox, db: &Path, args: &[&str]) -> String {
    let out = s.bare().arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn rows(db: &Path, table: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_whole_history_moves_to_another_machine_and_back_byte_for_byte() {
    let s = demo();
    let end = ["--date", DEMO_END];
    let markers = s.write("out/markers.csv", stdout(&s, &["export", end[0], end[1]]));
    let runs = s.write("out/runs.csv", stdout(&s, &["export", "--what", "runs", end[0], end[1]]));
    let other = s.path("other.db");
    for file in [&markers, &runs] {
        stdout_at(&s, &other, &["import", file.to_str().unwrap(), end[0], end[1]]);
    }
    for what in ["markers", "runs", "verdicts"] {
        for format in ["csv", "json"] {
            let args = ["export", "--what", what, "--format", format, end[0], end[1]];
            assert_eq!(stdout(&s, &args), stdout_at(&s, &other, &args), "{what} as {format}");
        }
    }
    assert!(rows(&other, "markers") > 100 && rows(&other, "runs") > 50);
}

#[test]
fn export_stops_at_the_date_given() {
    let s = demo();
    let csv = stdout(&s, &["export", "--date", "2026-10-31"]);
    let last = csv.lines().last().unwrap();
    assert!(last.starts_with("2026-10-31,"), "{last}");
}

#[test]
fn re_importing_the_same_file_changes_nothing() {
    let s = demo();
    let file = s.write("m.csv", stdout(&s, &["export"]));
    let before = stdout(&s, &["export"]);
    let said = stdout(&s, &["import", file.to_str().unwrap()]);
    assert!(said.contains("(0 new, 0 changed, 117 already the same)"), "{said}");
    assert_eq!(stdout(&s, &["export"]), before);
}

#[test]
fn a_wellness_export_is_mapped_converted_and_its_other_columns_named() {
    let s = Sandbox::new();
    let file = s.write(
        "wellness.csv",
        "id,restingHR,hrv,sleepSecs,sleepQuality,soreness,weight,ctl,atl,rampRate\n\
         2026-11-01,48,71.5,27000,1,2,66.5,55,60,1.2\n\
         2026-11-02,51,,25200,3,4,,56,62,1.1\n",
    );
    let out = s.cmd().args(["import", file.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("2 mornings (2 new"), "{said}");
    assert!(said.contains("sleepSecs → sleep_hours"), "{said}");
    assert!(said.contains("ignored columns (no place for them in cooldown): ctl, atl, rampRate"), "{said}");
    let csv = stdout(&s, &["export"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "date,rhr,hrv,sleep_hours,sleep_quality,soreness,pain,pain_site,hop_cm,balance_s,weight_kg,ill,note,hrv_source"
    );
    // 27000 s = 7.5 h; quality 1 (great) of 4 = 5 of 5; soreness 2 of 4 = 4 of 10; the
    // export does not say where its HRV came from: a morning reading.
    assert_eq!(lines[1], "2026-11-01,48,71.5,7.5,5,4,,,,,66.5,,,morning");
    assert_eq!(lines[2], "2026-11-02,51,,7,3,8,,,,,,,,");
}

#[test]
fn every_bad_row_kind_exits_65_names_file_line_field_and_stores_nothing() {
    let s = demo();
    let before = sha256(&s.db());
    let cases = [
        ("date,rhr\n2026-11-01,300\n", ":2: rhr: 300 is outside 25–220 bpm"),
        ("date,rhr\n2026-11-01,50\n2026-11-31,50\n", ":3: date: 2026-11-31 is not a calendar day"),
        ("date,rhr\n2026-11-01,50\n2026-11-01,51\n", ":3: date: 2026-11-01 appears twice"),
        ("date,rhr\n2026-11-01,50,1\n", ":2: row: not valid CSV"),
        ("date,vo2max\n2026-11-01,50\n", ":1: unknown column 'vo2max'"),
        ("date,soreness\n2026-11-01,lots\n", ":2: soreness: 'lots' is not a number"),
        ("date,type,minutes\n2026-11-01,jog,30\n", ":2: type: 'jog' is not one of"),
        ("date,type,minutes\n2026-11-01,easy,\n", ":2: minutes: required"),
        ("date,type,minutes,at\n2026-11-01,easy,30,7am\n", ":2: at: '7am' is not a time"),
        ("", ":1: the file is empty"),
    ];
    for (text, needle) in cases {
        let file = s.write("bad.csv", text);
        let out = s.cmd().args(["import", file.to_str().unwrap()]).output().unwrap();
        assert_eq!(out.status.code(), Some(65), "{text:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("bad.csv{needle}")), "{needle:?} not in {err:?}");
        assert!(err.starts_with("cooldown: "), "{err}");
        assert_eq!(sha256(&s.db()), before, "{text:?} changed the database");
    }
}

#[test]
fn a_good_file_with_one_bad_row_at_the_end_imports_nothing() {
    let s = Sandbox::new();
    let mut text = String::from("date,rhr,hrv\n");
    for d in 1..=20 {
        text.push_str(&format!("2026-10-{d:02},50,70\n"));
    }
    text.push_str("2026-10-21,50,7000\n");
    let file = s.write("m.csv", text);
    s.cmd().args(["import", file.to_str().unwrap()]).assert().code(65);
    assert_eq!(stdout(&s, &["export"]).lines().count(), 1, "only the header");
}

#[test]
fn import_reads_standard_input() {
    let s = Sandbox::new();
    s.cmd().args(["import", "-"]).write_stdin("date,rhr\n2026-11-01,50\n").assert().success();
    assert!(stdout(&s, &["export"]).contains("2026-11-01,50,"));
}

#[test]
fn spreadsheet_formulas_are_neutralised_and_come_back_exactly() {
    let s = Sandbox::new();
    for (date, note) in
        [("2026-11-01", "=HYPERLINK(\"x\")"), ("2026-11-02", "'=quoted"), ("2026-11-03", "-3 km, fine")]
    {
        s.cmd().args(["log", "--date", date, "--note", note]).assert().success();
    }
    let csv = stdout(&s, &["export"]);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\",\n"), "{csv}");
    assert!(csv.contains(",''=quoted,\n"), "{csv}");
    assert!(csv.contains(",\"'-3 km, fine\",\n"), "{csv}");
    let file = s.write("m.csv", &csv);
    let other = s.path("other.db");
    stdout_at(&s, &other, &["import", file.to_str().unwrap()]);
    let json = stdout_at(&s, &other, &["export", "--format", "json"]);
    let notes: Vec<String> = serde_json::from_str::<Value>(&json)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["note"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(notes, ["=HYPERLINK(\"x\")", "'=quoted", "-3 km, fine"]);
}

#[test]
fn export_json_has_numbers_booleans_and_only_logged_fields() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--date", "2026-11-01", "--rhr", "50", "--hrv", "61.5", "--ill"]).assert().success();
    let doc: Value = serde_json::from_str(&stdout(&s, &["export", "--format", "json"])).unwrap();
    assert_eq!(doc, serde_json::json!([{"date": "2026-11-01", "rhr": 50, "hrv": 61.5, "ill": true}]));
}

#[test]
fn export_out_writes_a_private_file_atomically_and_replaces_the_old_one() {
    let s = demo();
    let out = s.write("exports/markers.csv", "old contents\n");
    #[cfg(unix)]
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    s.cmd().args(["export", "--out", out.to_str().unwrap()]).assert().success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), stdout(&s, &["export"]));
    #[cfg(unix)]
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    let left: Vec<_> =
        std::fs::read_dir(s.path("exports")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 1, "no temporary files left: {left:?}");
}

#[test]
fn export_to_a_missing_folder_is_an_io_error_and_writes_nothing() {
    let s = demo();
    let out = s.path("nowhere/markers.csv");
    let got = s.cmd().args(["export", "--out", out.to_str().unwrap()]).output().unwrap();
    assert_eq!(got.status.code(), Some(74));
    assert!(String::from_utf8(got.stderr).unwrap().starts_with("cooldown: "));
    assert!(!out.exists());
}

#[test]
fn backup_is_a_checked_single_file_that_holds_everything() {
    let s = demo();
    let target = s.path("backups/cooldown-backup.db");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let said = stdout(&s, &["backup", target.to_str().unwrap()]);
    assert!(said.contains("integrity ok"), "{said}");
    let c = Connection::open(&target).unwrap();
    let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    drop(c);
    #[cfg(unix)]
    assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    for what in ["markers", "runs", "ticks"] {
        let args = ["export", "--what", what];
        assert_eq!(stdout(&s, &args), stdout_at(&s, &target, &args), "{what}");
    }
    let names: Vec<_> =
        std::fs::read_dir(target.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["cooldown-backup.db"], "one file, no -wal beside it");
}

#[test]
fn backup_sees_commits_still_in_the_write_ahead_log() {
    let s = demo();
    // Keep a reader open so the log is not checkpointed away, then write.
    let reader = Connection::open(s.db()).unwrap();
    let _: i64 = reader.query_row("SELECT count(*) FROM markers", [], |r| r.get(0)).unwrap();
    s.cmd().args(["log", "--date", DEMO_END, "--note", "written last"]).assert().success();
    let target = s.path("b.db");
    stdout(&s, &["backup", target.to_str().unwrap()]);
    assert!(stdout_at(&s, &target, &["export"]).contains("written last"));
    drop(reader);
}

#[test]
fn a_damaged_database_is_not_backed_up_over_a_good_backup() {
    let s = demo();
    let good = s.path("good.db");
    stdout(&s, &["backup", good.to_str().unwrap()]);
    let before = sha256(&good);
    Connection::open(s.db()).unwrap().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let mut bytes = std::fs::read(s.db()).unwrap();
    for page in 2..25 {
        let at = 4096 * page + 8;
        bytes[at..at + 60].copy_from_slice(&[0x00, 0xff].repeat(30));
    }
    std::fs::write(s.db(), bytes).unwrap();
    let out = s.cmd().args(["backup", good.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(69));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the database is damaged") && err.lines().count() == 1, "{err}");
    assert_eq!(sha256(&good), before, "the earlier backup is kept");
}

#[test]
fn backup_into_a_missing_folder_exits_74() {
    let s = demo();
    let target = s.path("no/such/folder/b.db");
    s.cmd().args(["backup", target.to_str().unwrap()]).assert().code(74);
    assert!(!target.exists());
}

#[test]
fn print_markdown_is_the_days_checklist_for_paper() {
    let s = demo();
    let page = stdout(&s, &["print", "--date", "2026-11-19"]);
    insta::assert_snapshot!("print_md_tempo_day", page);
}

#[test]
fn print_html_is_one_self_contained_page_with_print_css() {
    let s = demo();
    let out = s.path("today.html");
    s.cmd()
        .args(["print", "--format", "html", "--date", "2026-11-19", "--out", out.to_str().unwrap()])
        .assert()
        .success();
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("@page"));
    for outside in ["http:", "https:", "<script", "<link", "src="] {
        assert!(!page.contains(outside), "{outside} in the page");
    }
    assert!(page.contains("Foam roll: calves"));
    assert!(page.contains("1:30 per target"));
    assert!(page.contains("Carbohydrate"));
    assert!(page.matches("class=\"box\"").count() >= 10);
}

#[test]
fn plan_refuses_a_mileage_outside_5_to_250() {
    let s = Sandbox::new();
    for (km, needle) in [
        ("4", "4 is outside 5–250 km"),
        ("251", "251 is outside 5–250 km"),
        ("forty", "'forty' is not a number"),
    ] {
        let out = s.cmd().args(["plan", "--weekly-km", km]).output().unwrap();
        assert_eq!(out.status.code(), Some(65), "{km}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("weekly-km: {needle}")), "{err}");
    }
    s.cmd().args(["plan", "--weekly-km", "40", "--weeks", "53"]).assert().code(65);
    assert!(!s.db().exists(), "plan needs no database");
}

#[test]
fn plan_json_follows_the_rules() {
    let s = Sandbox::new();
    let doc: Value =
        serde_json::from_str(&stdout(&s, &["plan", "--weekly-km", "55", "--weeks", "8", "--format", "json"]))
            .unwrap();
    let weeks = doc["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 8);
    for w in weeks {
        let days = w["days"].as_array().unwrap();
        assert_eq!(days.len(), 7);
        let km: Vec<f64> = days.iter().map(|d| d["km"].as_f64().unwrap()).collect();
        let total: f64 = km.iter().sum();
        let expected = if w["lighter"].as_bool().unwrap() { 55.0 * 0.75 } else { 55.0 };
        assert!((total - expected).abs() <= 0.25, "{total} vs {expected}");
        assert_eq!(days.iter().filter(|d| d["session"] != "rest").count(), 5);
        let long = days.iter().find(|d| d["session"] == "long").unwrap()["km"].as_f64().unwrap();
        assert!(long / total <= 0.35 + 1e-9 && long / total >= 0.25 - 1e-9);
        assert!(days.iter().all(|d| d["recovery_minutes"].as_u64().unwrap() > 0));
    }
    assert_eq!(weeks[3]["lighter"], true);
}

#[test]
fn plan_pages_render_in_every_format() {
    let s = Sandbox::new();
    let text = stdout(&s, &["plan", "--weekly-km", "30", "--weeks", "1"]);
    assert!(text.starts_with("Week 1 · 30 km\n"), "{text}");
    assert!(text.contains("Foam roll 4 × 1:30"), "{text}");
    let md = stdout(&s, &["plan", "--weekly-km", "30", "--weeks", "1", "--format", "md"]);
    assert!(md.contains("| Sun | long |"), "{md}");
    let html = stdout(&s, &["plan", "--weekly-km", "30", "--weeks", "1", "--format", "html"]);
    assert!(html.contains("<table>") && html.contains("@page"));
}

/// 46,000 mornings: 1900-01-01 up to yesterday, all valid, then `tail`.
fn big_import(tail: &str) -> String {
    let mut text = String::from("date,rhr,hrv,sleep_hours,sleep_quality,soreness,weight_kg,note\n");
    let mut day = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let end = common::today() - chrono::Days::new(1);
    while day < end {
        text.push_str(&format!("{day},50,65.5,7.5,4,3,68.2,an ordinary day\n"));
        day = day.succ_opt().unwrap();
    }
    text + tail
}

#[test]
fn a_kill_during_a_large_import_leaves_nothing() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--rhr", "50"]).assert().success();
    let good = s.write("big.csv", big_import(""));
    let bad = s.write("big-bad.csv", big_import(&format!("{},500\n", common::today())));
    let seeded = std::fs::read(s.db()).unwrap();
    // How long reading and checking takes (the bad last row stops it before any write),
    // and how long the whole import takes: the kills land in between, in the transaction.
    let timed = |file: &Path| {
        let t = std::time::Instant::now();
        s.process().args(["import", file.to_str().unwrap()]).output().unwrap();
        t.elapsed()
    };
    let parse = timed(&bad);
    std::fs::write(s.path("timing.db"), &seeded).unwrap();
    let t = std::time::Instant::now();
    s.bare_process_at(&s.path("timing.db")).args(["import", good.to_str().unwrap()]).output().unwrap();
    let whole = t.elapsed();
    let total = rows(&s.path("timing.db"), "markers");
    assert!(total > 45_000, "{total}");

    let mut killed = 0;
    for fraction in [0.25, 0.5, 0.75] {
        let db = s.path(&format!("attempt-{fraction}.db"));
        std::fs::write(&db, &seeded).unwrap();
        let mut child = s
            .bare_process_at(&db)
            .args(["import", good.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(parse + (whole.saturating_sub(parse)).mul_f64(fraction));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        if !status.success() {
            killed += 1;
        }
        let c = Connection::open(&db).unwrap();
        let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let n = rows(&db, "markers");
        assert!(
            n == 1 || n == total,
            "a kill at {fraction} left {n} mornings: neither nothing nor everything"
        );
    }
    assert!(killed > 0, "no attempt was killed before it finished");
}
