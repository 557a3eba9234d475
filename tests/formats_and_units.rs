//! Formats a runner types (sleep `7:30`, `--at 7:05`, `--duration 1:20:00`) and
//! `units = "imperial"` (lb and mi in entry and display), through the real binary: the
//! database, the CSV and every JSON output stay metric.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

fn imperial() -> Sandbox {
    let s = Sandbox::new();
    s.write("config/config.toml", "units = \"imperial\"\n");
    s
}

/// `export --what WHAT --format json` as JSON.
fn export(s: &Sandbox, what: &str) -> Vec<Value> {
    let out = s.cmd().args(["export", "--what", what, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

fn stdout(s: &Sandbox, args: &[&str]) -> String {
    let out = s.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every refusal: exit 65, one line naming the field, and the database unchanged.
fn refused(s: &Sandbox, args: &[&str], needle: &str) {
    let before = s.db().exists().then(|| sha256(&s.db()));
    let out = s.cmd().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(65), "{args:?}: {err}");
    assert!(err.starts_with("cooldown: ") && err.contains(needle), "{args:?}: {needle:?} not in {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(s.db().exists().then(|| sha256(&s.db())), before, "{args:?} changed the database");
}

#[test]
fn sleep_as_h_mm_is_stored_as_hours() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--sleep", "7:30"]).assert().success().stdout(contains("sleep 7.5 h"));
    assert_eq!(export(&s, "markers")[0]["sleep_hours"], 7.5);
    s.cmd().args(["log", "--sleep", "6:59"]).assert().success();
    assert_eq!(export(&s, "markers")[0]["sleep_hours"], 6.98);
    // The CSV keeps decimals.
    let csv = stdout(&s, &["export"]);
    assert!(csv.lines().nth(1).unwrap().starts_with("2026-11-28,,,6.98,"), "{csv}");
}

#[test]
fn a_malformed_sleep_names_both_shapes() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--rhr", "50"]).assert().success();
    for bad in ["7:75", "7:", ":30", "7:5", "7h30"] {
        refused(&s, &["log", "--sleep", bad], &format!("sleep: '{bad}' is not a number"));
        refused(&s, &["log", "--sleep", bad], "write 7.5 or 7:30 (H:MM), 0–24 h");
    }
    refused(&s, &["log", "--sleep", "24:30"], "sleep: 24:30 is outside 0–24 h");
}

#[test]
fn a_run_at_7_05_lasting_1_20_00() {
    let s = Sandbox::new();
    s.cmd()
        .args(["run", "--type", "long", "--at", "7:05", "--duration", "1:20:00"])
        .assert()
        .success()
        .stdout(contains("recorded run 1: long run, 80 min, ended 07:05 on 2026-11-28"));
    s.cmd().args(["run", "--type", "easy", "--at", "07:06", "--minutes", "1:20:30"]).assert().success();
    s.cmd().args(["run", "--type", "easy", "--at", "7:07", "--duration", "45"]).assert().success();
    let runs = export(&s, "runs");
    let got: Vec<(i64, &str)> =
        runs.iter().map(|r| (r["minutes"].as_i64().unwrap(), r["at"].as_str().unwrap())).collect();
    assert_eq!(got, [(80, "07:05"), (81, "07:06"), (45, "07:07")]);
}

#[test]
fn bad_times_and_durations_are_refused_naming_the_shape() {
    let s = Sandbox::new();
    s.cmd().arg("checklist").assert().success();
    let easy = ["run", "--type", "easy"];
    for (more, needle) in [
        (["--minutes", "40", "--at", "7:5"], "at: '7:5' is not a time; write H:MM or HH:MM, 00:00–23:59"),
        (["--minutes", "40", "--at", "24:00"], "at: '24:00' is not a time"),
        (["--minutes", "40", "--at", "7.05"], "at: '7.05' is not a time"),
        (
            ["--duration", "80:00", "--at", "7:05"],
            "minutes: '80:00' is not a duration; write whole minutes (80) or H:MM:SS (1:20:00), 1–1440 min",
        ),
        (["--duration", "1:20", "--at", "7:05"], "minutes: '1:20' is not a duration"),
        (["--duration", "0:00:29", "--at", "7:05"], "minutes: 0:00:29 is outside 1–1440 min"),
        (["--duration", "24:00:30", "--at", "7:05"], "minutes: 24:00:30 is outside 1–1440 min"),
    ] {
        let args: Vec<&str> = easy.iter().chain(more.iter()).copied().collect();
        refused(&s, &args, needle);
    }
}

#[test]
fn duration_and_minutes_together_is_a_usage_error() {
    let s = Sandbox::new();
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "80", "--duration", "1:20:00"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used multiple times"));
    assert!(!s.db().exists());
    s.cmd()
        .args(["run", "--help"])
        .assert()
        .success()
        .stdout(contains("--minutes <N|H:MM:SS>"))
        .stdout(contains("--duration"))
        .stdout(contains("seconds round to the nearest minute"))
        .stdout(contains("--mi <MI>"));
}

#[test]
fn imperial_weights_are_typed_in_lb_and_stored_in_kg() {
    let s = imperial();
    s.cmd().args(["log", "--weight", "150"]).assert().success().stdout(contains("weight 150 lb"));
    let m = &export(&s, "markers")[0];
    assert_eq!(m["weight_kg"], 68.04);
    let csv = stdout(&s, &["export"]);
    assert!(csv.starts_with(
        "date,rhr,hrv,sleep_hours,sleep_quality,soreness,pain,pain_site,hop_cm,balance_s,weight_kg,"
    ));
    assert!(csv.contains(",68.04,"), "{csv}");
    // Shown as typed, and typed again unchanged it stays the same.
    s.cmd().args(["log", "--weight", "149.9"]).assert().success().stdout(contains("weight 149.9 lb"));
    assert_eq!(export(&s, "markers")[0]["weight_kg"], 68.0);
    refused(&s, &["log", "--weight", "700"], "weight: 700 lb is outside 45–661 lb");
    refused(&s, &["log", "--weight", "44"], "weight: 44 lb is outside 45–661 lb");
    refused(&s, &["log", "--weight", "abc"], "weight: 'abc' is not a number; give 45–661 lb");
}

#[test]
fn imperial_runs_take_mi_with_mi_and_km_with_km() {
    let s = imperial();
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "60", "--mi", "6.21", "--at", "07:00"])
        .args(["--weight-before", "150", "--weight-after", "149"])
        .assert()
        .success()
        .stdout(contains("easy run, 60 min, 6.21 mi, ended 07:00"));
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "30", "--km", "5", "--at", "08:00"])
        .assert()
        .success();
    let runs = export(&s, "runs");
    let got: Vec<(f64, Value, Value)> = runs
        .iter()
        .map(|r| (r["km"].as_f64().unwrap(), r["weight_before_kg"].clone(), r["weight_after_kg"].clone()))
        .collect();
    assert_eq!(got, [(10.0, 68.04.into(), 67.6.into()), (5.0, Value::Null, Value::Null)]);
    refused(
        &s,
        &["run", "--type", "easy", "--minutes", "30", "--mi", "700"],
        "mi: 700 mi is outside 0–621 mi",
    );
    refused(
        &s,
        &["run", "--type", "easy", "--minutes", "30", "--km", "1001"],
        "km: 1001 is outside 0–1000 km",
    );
    refused(
        &s,
        &["run", "--type", "long", "--minutes", "600", "--weight-before", "150", "--weight-after", "130"],
        "weight-after: 130 lb after is more than 10 % below 150 lb before",
    );
    s.cmd().args(["run", "--type", "easy", "--minutes", "30", "--km", "5", "--mi", "3"]).assert().code(2);
}

#[test]
fn imperial_checklist_and_print_show_lb_and_json_stays_metric() {
    let s = imperial();
    s.cmd()
        .args([
            "run",
            "--type",
            "long",
            "--minutes",
            "120",
            "--weight-before",
            "154.3",
            "--weight-after",
            "151.7",
        ])
        .args(["--fluid-l", "0.5", "--at", "11:50"])
        .assert()
        .success();
    let text = stdout(&s, &["checklist"]);
    assert!(text.contains("Protein · 20 g (0.3 g/kg × 70 kg (154.3 lb))"), "{text}");
    assert!(text.contains("= 70 − 68.8 kg (154.3 − 151.7 lb) + 0.5 L drunk"), "{text}");
    let page = stdout(&s, &["print"]);
    assert!(page.contains("0.3 g/kg × 70 kg (154.3 lb)"), "{page}");
    let doc: Value = serde_json::from_str(&stdout(&s, &["checklist", "--json"])).unwrap();
    let protein = doc["items"].as_array().unwrap().iter().find(|i| i["id"] == "protein").unwrap();
    assert_eq!(protein["formula"], "0.3 g/kg × 70 kg");
    assert!(!doc.to_string().contains(" lb"), "{doc}");
}

#[test]
fn imperial_plans_are_in_miles_and_their_json_in_km() {
    let s = imperial();
    let text = stdout(&s, &["plan", "--weekly-mi", "30", "--weeks", "4"]);
    assert!(text.contains("Week 1 · 30 mi\n"), "{text}");
    assert!(text.contains("Week 4 · 22.5 mi (lighter week"), "{text}");
    assert!(text.contains(" mi ") && !text.contains(" km   recovery"), "{text}");
    assert!(text.contains("distances in half miles"), "{text}");
    let md = stdout(&s, &["plan", "--weekly-mi", "30", "--format", "md"]);
    assert!(md.starts_with("# cooldown · weekly plan for 30 mi\n"), "{md}");
    let capped = stdout(&s, &["plan", "--weekly-km", "250"]);
    assert!(capped.starts_with("Note: 155.34 mi a week asked — doubles (two runs a day) are not modelled: this plan stops at 100 mi a week.\n"), "{capped}");
    let doc: Value =
        serde_json::from_str(&stdout(&s, &["plan", "--weekly-mi", "30", "--format", "json"])).unwrap();
    assert_eq!(doc["weekly_km"], 48.28);
    assert_eq!(doc["weeks"][0]["km"], 48.5);
    assert!(!doc.to_string().contains(" mi"), "{doc}");
    // Metric runners may ask in miles too; the page is in km.
    let metric = Sandbox::new();
    let text = stdout(&metric, &["plan", "--weekly-mi", "30"]);
    assert!(text.contains("Week 1 · 48.5 km\n"), "{text}");
    for (args, needle) in [
        (vec!["plan", "--weekly-mi", "200"], "weekly-mi: 200 mi is outside 4–155 mi"),
        (vec!["plan", "--weekly-mi", "3"], "weekly-mi: 3 mi is outside 4–155 mi"),
        (vec!["plan", "--weekly-km", "300"], "weekly-km: 300 is outside 5–250 km"),
    ] {
        s.cmd().args(&args).assert().code(65).stderr(contains(needle));
    }
    s.cmd().args(["plan", "--weekly-km", "50", "--weekly-mi", "30"]).assert().code(2);
    s.cmd().args(["plan"]).assert().code(2);
}

#[test]
fn a_units_value_other_than_metric_or_imperial_is_refused_naming_the_file_and_key() {
    let s = Sandbox::new();
    s.write("config/config.toml", "focus = \"hrv\"\nunits = \"stone\"\n");
    s.cmd()
        .args(["log", "--weight", "70"])
        .assert()
        .code(65)
        .stderr(contains("units 'stone' is not one of \"metric\", \"imperial\""))
        .stderr(contains("config.toml line 2"))
        .stderr(predicate::str::starts_with("cooldown: "));
    assert!(!s.db().exists());
    s.write("config/config.toml", "units = \"metric\"\n");
    s.cmd().args(["log", "--weight", "70"]).assert().success().stdout(contains("weight 70 kg"));
}
