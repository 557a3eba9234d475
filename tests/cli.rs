//! The real binary: every subcommand and every exit code of CLI.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256, today};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

fn checklist_json(s: &Sandbox) -> Value {
    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn item<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["items"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap_or_else(|| panic!("{id} missing"))
}

#[test]
fn checklist_on_a_new_database_is_the_rest_day_routine() {
    let s = Sandbox::new();
    s.cmd()
        .arg("checklist")
        .assert()
        .success()
        .stdout(contains("rest day"))
        .stdout(contains("[ ]   mobility"))
        .stdout(contains("\nImmediately\n"))
        .stdout(contains("later today").not());
}

#[test]
fn checklist_json_has_the_contract_fields() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "tempo", "--minutes", "45", "--at", "00:00"]).assert().success();
    let doc = checklist_json(&s);
    assert_eq!(doc["date"], today().to_string());
    assert_eq!(doc["session"], "tempo");
    assert_eq!(doc["planned_minutes"], 20);
    let calves = item(&doc, "foam-calves");
    assert_eq!(calves["title"], "Foam roll: calves");
    assert_eq!(calves["phase"], "immediately");
    assert_eq!(calves["kind"], "timed");
    assert_eq!(calves["seconds"], 90);
    assert_eq!(calves["ticked"], false);
    let bridges = item(&doc, "glute-bridges");
    assert_eq!(
        (bridges["kind"].as_str(), bridges["sets_total"].as_u64(), bridges["sets_done"].as_u64()),
        (Some("sets"), Some(2), Some(0))
    );
    assert_eq!(item(&doc, "protein")["kind"], "target");
}

#[test]
fn tick_and_undo_persist() {
    let s = Sandbox::new();
    s.cmd().args(["tick", "mobility"]).assert().success().stdout(contains("mobility: ticked"));
    assert_eq!(item(&checklist_json(&s), "mobility")["ticked"], true);
    s.cmd().args(["tick", "mobility", "--undo"]).assert().success().stdout(contains("not ticked"));
    assert_eq!(item(&checklist_json(&s), "mobility")["ticked"], false);
}

#[test]
fn tick_counts_sets() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "intervals", "--minutes", "50", "--at", "00:00"]).assert().success();
    s.cmd().args(["tick", "glute-bridges"]).assert().success().stdout(contains("1/2 sets"));
    let doc = checklist_json(&s);
    assert_eq!(
        (item(&doc, "glute-bridges")["sets_done"].as_u64(), item(&doc, "glute-bridges")["ticked"].as_bool()),
        (Some(1), Some(false))
    );
    s.cmd().args(["tick", "glute-bridges"]).assert().success().stdout(contains("2/2 sets"));
    assert_eq!(item(&checklist_json(&s), "glute-bridges")["ticked"], true);
}

#[test]
fn tick_refuses_an_item_that_is_not_on_the_checklist() {
    let s = Sandbox::new();
    s.cmd()
        .args(["tick", "glute-bridges"])
        .assert()
        .code(65)
        .stderr(contains("'glute-bridges' is not on the checklist"))
        .stderr(contains("rest day"))
        .stderr(contains("use one of: mobility"));
}

#[test]
fn backfilling_yesterday_keeps_today_apart() {
    let s = Sandbox::new();
    let yesterday = (today() - chrono::Days::new(1)).to_string();
    s.cmd().args(["--date", &yesterday, "tick", "walk"]).assert().success().stdout(contains(&yesterday));
    let out = s.cmd().args(["--date", &yesterday, "checklist", "--json"]).output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(item(&doc, "walk")["ticked"], true);
    assert_eq!(item(&checklist_json(&s), "walk")["ticked"], false);
}

#[test]
fn run_scales_the_checklist_and_a_second_run_in_the_same_minute_is_kept_beside_the_first() {
    let s = Sandbox::new();
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "40", "--km", "7.5", "--rpe", "3", "--at", "00:00"])
        .assert()
        .success()
        .stdout(contains("recorded run 1: easy run, 40 min, 7.5 km, ended 00:00 on 2026-11-28"))
        .stdout(contains("now follows: easy run (10 min planned)"));
    assert_eq!(checklist_json(&s)["session"], "easy");
    s.cmd()
        .args(["run", "--type", "long", "--minutes", "100", "--at", "00:00"])
        .assert()
        .success()
        .stdout(contains("recorded run 2: long run, 100 min, ended 00:00"))
        .stdout(contains("now follows: long run"));
    assert_eq!(checklist_json(&s)["session"], "long");
    // Without --at both end "now", the same minute: still two runs.
    for _ in 0..2 {
        s.cmd().args(["run", "--type", "easy", "--minutes", "20"]).assert().success();
    }
    let runs = s.cmd().args(["export", "--what", "runs"]).output().unwrap();
    let csv = String::from_utf8(runs.stdout).unwrap();
    assert_eq!(csv.lines().count(), 5, "{csv}");
    assert!(csv.ends_with("2026-11-28,easy,20,,,,,,,12:00,3\n2026-11-28,easy,20,,,,,,,12:00,4\n"), "{csv}");
}

#[test]
fn a_run_over_ninety_minutes_scales_as_long() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "easy", "--minutes", "95", "--at", "00:00"]).assert().success();
    assert_eq!(checklist_json(&s)["session"], "long");
}

#[test]
fn a_run_type_is_read_in_any_case_and_stored_in_lower_case() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "Tempo", "--minutes", "45", "--at", "00:00"]).assert().success();
    s.cmd().args(["run", "--type", "INTERVALS", "--minutes", "40", "--at", "00:01"]).assert().success();
    assert_eq!(checklist_json(&s)["session"], "intervals");
    let out = s.cmd().args(["export", "--what", "runs"]).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains(",tempo,45,") && csv.contains(",intervals,40,"), "{csv}");
    s.cmd().args(["run", "--type", "Rest", "--minutes", "30"]).assert().code(65);
}

#[test]
fn bad_run_values_exit_65_name_the_field_and_store_nothing() {
    let s = Sandbox::new();
    s.cmd().arg("checklist").assert().success();
    let before = sha256(&s.db());
    for (args, needle) in [
        (vec!["--type", "jog", "--minutes", "30"], "type: 'jog' is not one of"),
        (vec!["--type", "easy", "--minutes", "0"], "minutes: 0 is outside 1–1440 min"),
        (vec!["--type", "easy", "--minutes", "30.5"], "minutes: '30.5' is not a whole number"),
        (vec!["--type", "easy", "--minutes", "1e2"], "minutes: '1e2' is not a number"),
        (vec!["--type", "easy", "--minutes", "30", "--km", "NaN"], "km: 'NaN' is not a number"),
        (vec!["--type", "easy", "--minutes", "30", "--km", "inf"], "km: 'inf' is not a number"),
        (vec!["--type", "easy", "--minutes", "30", "--km", "0x10"], "km: '0x10' is not a number"),
        (vec!["--type", "easy", "--minutes", "30", "--rpe", "11"], "rpe: 11 is outside 1–10"),
        (
            vec!["--type", "easy", "--minutes", "30", "--weight-before", "19"],
            "weight-before: 19 is outside 20–300 kg",
        ),
        (vec!["--type", "easy", "--minutes", "30", "--fluid-l", "21"], "fluid-l: 21 is outside 0–20 L"),
        (vec!["--type", "easy", "--minutes", "30", "--at", "25:00"], "at: '25:00' is not a time"),
        (
            vec!["--type", "easy", "--minutes", "30", "--at", "7:5"],
            "at: '7:5' is not a time; write H:MM or HH:MM",
        ),
        (vec!["--type", "easy", "--minutes", "30", "--at", "7.05"], "at: '7.05' is not a time"),
        // Each in range, impossible together (ROUTINE.md "Targets: plausibility").
        (
            vec!["--type", "long", "--minutes", "60", "--weight-before", "300", "--weight-after", "20"],
            "weight-after: 20 kg after is more than 10 % below 300 kg before",
        ),
        (
            vec![
                "--type",
                "easy",
                "--minutes",
                "20",
                "--weight-before",
                "70",
                "--weight-after",
                "69",
                "--fluid-l",
                "2",
            ],
            "fluid-l: 3 L of sweat in 20 min",
        ),
        (
            vec!["--type", "long", "--minutes", "240", "--weight-before", "80", "--weight-after", "75"],
            "weight-after: a loss of 5 L",
        ),
    ] {
        s.cmd()
            .arg("run")
            .args(&args)
            .assert()
            .code(65)
            .stderr(contains(needle))
            .stderr(predicate::str::starts_with("cooldown: "))
            .stderr(contains("nothing was saved"));
    }
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn bad_dates_exit_65() {
    let s = Sandbox::new();
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    for (date, needle) in [
        ("2026-02-30", "not a calendar day"),
        (tomorrow.as_str(), "in the future"),
        ("0001-01-01", "before 1900-01-01"),
        ("28.11.2026", "write YYYY-MM-DD"),
        ("yesterday", "write YYYY-MM-DD"),
    ] {
        s.cmd()
            .args(["--date", date, "checklist"])
            .assert()
            .code(65)
            .stderr(contains(needle))
            .stderr(contains("--date"));
    }
    assert!(!s.db().exists(), "a refused command created the database");
}

#[test]
fn usage_errors_exit_2() {
    let s = Sandbox::new();
    s.cmd().arg("frobnicate").assert().code(2);
    s.cmd().args(["run", "--type", "easy"]).assert().code(2).stderr(contains("--minutes"));
    s.cmd().args(["tick"]).assert().code(2);
    s.cmd().arg("--help").assert().success().stdout(contains("Exit codes"));
    // The demo's database is temporary: naming a real one with it is a mistake.
    s.bare()
        .args(["--demo", "--db", "x.db", "log", "--rhr", "50"])
        .assert()
        .code(2)
        .stderr(contains("--demo"));
    assert!(!s.path("x.db").exists());
}

#[test]
fn a_write_under_demo_says_it_is_not_kept() {
    let s = Sandbox::new();
    s.bare()
        .args(["--demo", "log", "--rhr", "50"])
        .assert()
        .success()
        .stdout(contains("logged"))
        .stderr(contains("not kept"));
    s.bare().args(["--demo", "verdict"]).assert().success().stderr(predicate::str::is_empty());
}

#[test]
fn seed_demo_fills_an_empty_database_and_refuses_a_used_one() {
    let s = Sandbox::new();
    s.cmd().args(["seed-demo", "--days", "30"]).assert().success().stdout(contains("wrote 30 days"));
    let before = sha256(&s.db());
    s.cmd().arg("seed-demo").assert().code(65).stderr(contains("already holds data"));
    assert_eq!(sha256(&s.db()), before);
    for bad in ["0", "3651", "ten", "-5"] {
        Sandbox::new()
            .cmd()
            .args(["seed-demo", &format!("--days={bad}")])
            .assert()
            .code(65)
            .stderr(contains("days"));
    }
}

#[test]
fn seed_demo_is_the_same_every_time() {
    let (a, b) = (Sandbox::new(), Sandbox::new());
    for s in [&a, &b] {
        s.cmd().args(["--date", "2026-11-28", "seed-demo"]).assert().success();
    }
    let export = |s: &Sandbox| {
        let out = s.cmd().args(["--date", "2026-11-10", "checklist", "--json"]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(export(&a), export(&b));
}

#[test]
fn demo_never_touches_the_real_database() {
    let s = Sandbox::new();
    let out = s.bare().args(["--demo", "checklist", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["date"], today().to_string());
    // The demo's today has its run and two ticks of its own, after what is still due from
    // yesterday's run.
    assert_ne!(doc["session"], "rest");
    let items = doc["items"].as_array().unwrap();
    let own = |i: &&Value| i["run_day"] == today().to_string();
    assert_eq!(items.iter().filter(own).filter(|i| i["ticked"] == true).count(), 2);
    let yesterday = (today() - chrono::Days::new(1)).to_string();
    assert!(items.iter().any(|i| i["run_day"] == yesterday), "{doc}");
    assert!(!s.path("home/.local/share/cooldown").exists(), "demo created the data folder");
    // And leaves nothing behind in the temporary folder.
    let left: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cooldown-demo"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_default_location_is_used_without_db() {
    let s = Sandbox::new();
    s.bare().args(["tick", "mobility"]).assert().success();
    let db = s.path("home/.local/share/cooldown/cooldown.db");
    assert!(db.exists());
    s.bare().env("COOLDOWN_DB", s.path("env.db")).args(["tick", "mobility"]).assert().success();
    assert!(s.path("env.db").exists());
}

#[test]
fn a_config_value_of_the_wrong_type_names_its_key() {
    let s = Sandbox::new();
    s.write("config/config.toml", "# mine\n[timers]\nfoam_roll_seconds = \"abc\"\n");
    s.cmd()
        .arg("checklist")
        .assert()
        .code(65)
        .stderr(contains("foam_roll_seconds = \"abc\" is not a whole number; give 1–600"))
        .stderr(contains("config.toml line 3"));
}

#[test]
fn an_option_given_an_empty_value_is_refused() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--rhr", "50"]).assert().success();
    let before = sha256(&s.db());
    for args in [
        &["log", "--rhr", ""][..],
        &["log", "--hrv", " "],
        &["run", "--type", "easy", "--minutes", "30", "--km", ""],
    ] {
        let field = args[args.len() - 2].trim_start_matches("--");
        s.cmd().args(args).assert().code(65).stderr(contains(format!("{field}: is empty")));
    }
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_bad_config_names_the_file_and_line() {
    let s = Sandbox::new();
    s.write("config/config.toml", "focus = \"hrv\"\n[timers]\nfoam_roll_seconds = 0\n");
    s.cmd()
        .arg("checklist")
        .assert()
        .code(65)
        .stderr(contains("foam_roll_seconds = 0 is outside 1–600"))
        .stderr(contains("config.toml line 3"));
    assert!(!s.db().exists());
}

#[test]
fn the_config_sets_the_foam_roll_seconds() {
    let s = Sandbox::new();
    s.write("config/config.toml", "[timers]\nfoam_roll_seconds = 120\n");
    s.cmd().args(["run", "--type", "easy", "--minutes", "30", "--at", "00:00"]).assert().success();
    assert_eq!(item(&checklist_json(&s), "foam-calves")["seconds"], 120);
}

#[test]
fn a_routine_toml_beside_the_config_replaces_the_builtin_one() {
    let s = Sandbox::new();
    s.write(
        "config/routine.toml",
        "[[phases]]\nid = \"after\"\ntitle = \"After\"\nfrom_min = 0\nto_min = 30\n\n[[items]]\nid = \"stretch\"\n\
         phase = \"after\"\ntitle = \"Stretch\"\nkind = \"check\"\nminutes = 4\nsessions = [\"all\"]\n",
    );
    let doc = checklist_json(&s);
    assert_eq!(doc["items"].as_array().unwrap().len(), 1);
    assert_eq!(item(&doc, "stretch")["title"], "Stretch");
    assert_eq!(doc["planned_minutes"], 4);
}

#[test]
fn a_bad_routine_names_the_file_and_line() {
    let s = Sandbox::new();
    s.write(
        "config/routine.toml",
        "[[phases]]\nid = \"p\"\ntitle = \"P\"\n\n[[items]]\nid = \"x\"\nphase = \"q\"\n",
    );
    s.cmd()
        .arg("checklist")
        .assert()
        .code(65)
        .stderr(contains("routine.toml line"))
        .stderr(contains("missing field"));
    s.write(
        "config/routine.toml",
        "[[phases]]\nid = \"p\"\ntitle = \"P\"\n\n[[items]]\nid = \"x\"\nphase = \"q\"\ntitle = \"X\"\nkind = \"check\"\nsessions = [\"all\"]\n",
    );
    s.cmd()
        .arg("checklist")
        .assert()
        .code(65)
        .stderr(contains("phase 'q' is not defined"))
        .stderr(contains("routine.toml line 7)"));
    // A user's routine is checked at the start of every command, as the config is, even
    // one that shows no checklist (only the built-in routine is parsed on first use).
    s.cmd().args(["verdict", "--json"]).assert().code(65).stderr(contains("routine.toml line 7)"));
}

#[test]
fn every_command_refuses_an_unusable_database_with_69_and_keeps_its_bytes() {
    let s = Sandbox::new();
    let files = [
        ("zero.db", Vec::new()),
        ("garbage.db", vec![0x42u8; 8192]),
        ("markers.csv", b"date,rhr\n2026-11-27,52\n".to_vec()),
    ];
    for (name, bytes) in files {
        let path = s.write(name, &bytes);
        for args in [
            vec!["checklist"],
            vec!["checklist", "--json"],
            vec!["tick", "mobility"],
            vec!["run", "--type", "easy", "--minutes", "30"],
            vec!["seed-demo"],
        ] {
            s.bare()
                .arg("--db")
                .arg(&path)
                .args(&args)
                .assert()
                .code(69)
                .stderr(contains(name))
                .stderr(contains("not changed"));
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} changed by {args:?}");
        }
    }
}

#[test]
fn a_newer_schema_is_refused_with_69() {
    let s = Sandbox::new();
    s.cmd().arg("checklist").assert().success();
    let c = rusqlite::Connection::open(s.db()).unwrap();
    c.execute_batch("PRAGMA user_version = 9;").unwrap();
    drop(c);
    let before = sha256(&s.db());
    s.cmd().args(["tick", "mobility"]).assert().code(69).stderr(contains("newer cooldown (schema 9"));
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn a_missing_folder_is_an_io_error_74() {
    let s = Sandbox::new();
    s.bare()
        .arg("--db")
        .arg(s.path("nope/cooldown.db"))
        .arg("checklist")
        .assert()
        .code(74)
        .stderr(contains("does not exist"));
    assert!(!s.path("nope").exists());
}

#[test]
fn a_write_lock_held_past_the_timeout_exits_75_and_writes_nothing() {
    let s = Sandbox::new();
    s.cmd().arg("checklist").assert().success();
    let holder = rusqlite::Connection::open(s.db()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    s.cmd()
        .args(["tick", "mobility"])
        .assert()
        .code(75)
        .stderr(contains("busy"))
        .stderr(contains("try again"));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(item(&checklist_json(&s), "mobility")["ticked"], false);
}

#[test]
fn the_dashboard_needs_a_terminal() {
    let s = Sandbox::new();
    s.cmd().assert().code(74).stderr(contains("needs a terminal"));
}

#[test]
fn checklist_json_carries_the_timer_of_its_item() {
    use cooldown::domain::timer::{Stored, StoredTimer};
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "easy", "--minutes", "30", "--at", "00:00"]).assert().success();
    let now = common::now();
    let wall = now.timestamp_millis();
    let mut store = cooldown::store::Store::open_path(&s.db()).unwrap();
    let timer = |state| StoredTimer {
        day: today(),
        item_id: "foam-quads".into(),
        total: std::time::Duration::from_secs(90),
        state,
    };
    store.set_timer(&timer(Stored::Running { deadline_ms: wall + 60_000 }), now).unwrap();
    let doc = checklist_json(&s);
    let t = &item(&doc, "foam-quads")["timer"];
    assert_eq!(t["state"], "running");
    assert!((55..=60).contains(&t["remaining_s"].as_u64().unwrap()), "{t}");
    assert_eq!(t["overtime_s"], 0);
    assert!(item(&doc, "foam-calves").get("timer").is_none());
    store.set_timer(&timer(Stored::Running { deadline_ms: wall - 10_000 }), now).unwrap();
    let t = checklist_json(&s)["items"].as_array().unwrap().iter().find(|i| i["id"] == "foam-quads").unwrap()
        ["timer"]
        .clone();
    assert_eq!((t["state"].as_str(), t["remaining_s"].as_u64()), (Some("finished"), Some(0)));
    assert!(t["overtime_s"].as_u64().unwrap() >= 10);
    store.set_timer(&timer(Stored::Paused { remaining_ms: 41_500 }), now).unwrap();
    let doc = checklist_json(&s);
    assert_eq!(item(&doc, "foam-quads")["timer"]["remaining_s"], 42);
    assert_eq!(item(&doc, "foam-quads")["timer"]["state"], "paused");
}

#[test]
fn a_long_run_with_weights_gets_grams_litres_formulas_and_the_phase_due_now() {
    let s = Sandbox::new();
    // Ten minutes before the pinned noon: the immediate phase is due now.
    let at = "11:50";
    s.cmd()
        .args([
            "run",
            "--type",
            "long",
            "--minutes",
            "120",
            "--weight-before",
            "70",
            "--weight-after",
            "68.8",
        ])
        .args(["--fluid-l", "0.5", "--at", at])
        .assert()
        .success();
    let doc = checklist_json(&s);
    let carbs = item(&doc, "carbs");
    assert_eq!((carbs["amount"].as_f64(), carbs["unit"].as_str()), (Some(70.0), Some("g")));
    assert_eq!(carbs["formula"], "1 g/kg × 70 kg");
    let protein = item(&doc, "protein");
    assert_eq!(
        (protein["amount"].as_f64(), protein["formula"].as_str()),
        (Some(20.0), Some("0.3 g/kg × 70 kg"))
    );
    let fluid = item(&doc, "fluid");
    assert_eq!(
        (fluid["amount"].as_f64(), fluid["amount_max"].as_f64(), fluid["unit"].as_str()),
        (Some(2.1), Some(2.6), Some("L"))
    );
    // Net on the scale 1.2 kg of 70 (1.7 %): no 2 % flag; the sodium note after a long run.
    assert_eq!(fluid["advice"], "with sodium: a salty snack or an electrolyte drink");
    assert!(fluid["formula"].as_str().unwrap().contains("1.7 kg sweat loss"));
    assert_eq!(item(&doc, "carbs-hourly")["unit"], "g/h");
    assert_eq!(doc["run_end"], at);
    assert_eq!(doc["due_now"], "immediately");
    s.cmd().arg("checklist").assert().success().stdout(contains("Protein · 20 g (0.3 g/kg × 70 kg)"));
}

#[test]
fn without_a_weight_the_targets_say_how_to_get_one() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "tempo", "--minutes", "45", "--at", "00:00"]).assert().success();
    let doc = checklist_json(&s);
    let protein = item(&doc, "protein");
    assert!(protein["amount"].is_null());
    assert!(protein["formula"].as_str().unwrap().contains("log your weight"));
    assert!(item(&doc, "fluid")["formula"].as_str().unwrap().contains("weigh yourself before and after"));
    // A morning weight fills them in.
    s.cmd().args(["log", "--weight", "62"]).assert().success();
    assert_eq!(item(&checklist_json(&s), "protein")["amount"], 20.0);
    assert_eq!(item(&checklist_json(&s), "carbs")["formula"], "1 g/kg × 62 kg");
}

#[test]
fn an_easy_run_gives_the_short_routine() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "easy", "--minutes", "35", "--at", "00:00"]).assert().success();
    let doc = checklist_json(&s);
    let ids: Vec<&str> = doc["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "mobility",
            "foam-calves",
            "foam-quads",
            "foam-glutes",
            "meal",
            "water",
            "sleep-hygiene",
            "plan-next"
        ]
    );
    assert_eq!(doc["planned_minutes"], 10);
}

#[test]
fn a_rest_morning_reshapes_the_day() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--ill"]).assert().success();
    s.cmd().args(["run", "--type", "tempo", "--minutes", "45", "--at", "00:00"]).assert().success();
    let doc = checklist_json(&s);
    assert_eq!(doc["verdict"], "REST");
    assert_eq!(doc["items"][0]["id"], "extra-mobility");
    assert_eq!(doc["items"][1]["id"], "easy-walk");
    assert!(
        item(&doc, "plan-next")["note"].as_str().unwrap().starts_with("instead of the planned session: rest")
    );
}
