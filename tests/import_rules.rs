//! Import through the real binary: one file's columns keep one meaning (RELIABILITY rule
//! 20), runs are never replaced silently (CLI.md v2), and nothing a file says reaches the
//! terminal with its control characters (rule 15).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};

fn stdout(s: &Sandbox, args: &[&str]) -> String {
    let out = s.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Imports `text` as `name`: exit code, stdout, stderr.
fn import(s: &Sandbox, name: &str, text: &str) -> (i32, String, String) {
    let file = s.write(name, text);
    let out = s.cmd().arg("import").arg(file).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn our_own_columns_keep_our_scales_and_a_mix_is_refused_with_nothing_stored() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--date", "2026-11-01", "--rhr", "50"]).assert().success();
    let before = sha256(&s.db());
    let (code, _, err) = import(&s, "mix.csv", "date,sleep_quality,soreness,weight\n2026-11-27,4,3,70\n");
    assert_eq!(code, 65, "{err}");
    assert!(
        err.starts_with("cooldown: ")
            && err.contains("/mix.csv:1: the columns mix cooldown's own names (sleep_quality)"),
        "{err}"
    );
    assert!(err.contains("a wellness export's (weight)") && err.contains("weight → weight_kg"), "{err}");
    assert_eq!(sha256(&s.db()), before);
    let (code, _, err) = import(&s, "ours.csv", "date,sleep_quality,soreness,weight_kg\n2026-11-27,4,3,70\n");
    assert_eq!(code, 0, "{err}");
    let csv = stdout(&s, &["export"]);
    assert!(csv.contains("\n2026-11-27,,,,4,3,,,,,70,,,\n"), "{csv}");
}

#[test]
fn repeated_columns_are_refused() {
    let s = Sandbox::new();
    for (text, needle) in [
        ("date,rhr,rhr\n2026-11-27,50,51\n", "column 'rhr' appears twice (columns 2 and 3)"),
        (
            "id,restingHR,restingHeartRate\n2026-11-27,50,51\n",
            "columns 'restingHR' and 'restingHeartRate' both hold rhr",
        ),
        ("date,type,minutes,minutes\n2026-11-27,easy,30,40\n", "column 'minutes' appears twice"),
    ] {
        let (code, _, err) = import(&s, "dup.csv", text);
        assert_eq!(code, 65, "{text:?}");
        assert!(err.contains(needle), "{needle:?} not in {err:?}");
    }
    assert!(!s.db().exists() || stdout(&s, &["export"]).lines().count() == 1);
}

#[test]
fn a_runs_file_without_end_times_adds_runs_beside_those_logged_at_noon() {
    let s = Sandbox::new();
    let yesterday = ["--date", "2026-11-27"];
    s.cmd()
        .args(["run", "--type", "long", "--minutes", "100", "--at", "12:00"])
        .args(yesterday)
        .assert()
        .success();
    let text = "date,type,minutes,km\n2026-11-27,easy,30,5\n2026-11-27,easy,30,5\n";
    let (code, out, err) = import(&s, "watch.csv", text);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 runs (2 new, 0 changed, 0 already the same)"), "{out}");
    let (_, again, _) = import(&s, "watch.csv", text);
    assert!(again.contains("2 runs (0 new, 0 changed, 2 already the same)"), "{again}");
    let runs = stdout(&s, &["export", "--what", "runs"]);
    assert_eq!(
        runs,
        "date,type,minutes,km,rpe,weight_before_kg,weight_after_kg,fluid_l,note,at,id\n\
         2026-11-27,long,100,,,,,,,12:00,1\n\
         2026-11-27,easy,30,5,,,,,,12:00,2\n\
         2026-11-27,easy,30,5,,,,,,12:01,3\n"
    );
}

#[test]
fn our_runs_export_imports_back_as_the_same_runs_and_edits_by_id() {
    let s = Sandbox::new();
    s.cmd().args(["seed-demo", "--days", "30", "--date", "2026-11-20"]).assert().success();
    let before = stdout(&s, &["export", "--what", "runs"]);
    let n = before.lines().count() - 1;
    let file = s.write("runs.csv", &before);
    let said = stdout(&s, &["import", file.to_str().unwrap()]);
    assert!(said.contains(&format!("{n} runs (0 new, 0 changed, {n} already the same)")), "{said}");
    assert_eq!(stdout(&s, &["export", "--what", "runs"]), before);
    // A spreadsheet edit of one run's minutes changes that run, and only it.
    let mut lines: Vec<String> = before.lines().map(str::to_string).collect();
    let mut cells: Vec<String> = lines[1].split(',').map(str::to_string).collect();
    cells[2] = "33".into();
    lines[1] = cells.join(",");
    let edited = s.write("edited.csv", lines.join("\n") + "\n");
    let said = stdout(&s, &["import", edited.to_str().unwrap()]);
    assert!(said.contains(&format!("{n} runs (0 new, 1 changed, {} already the same)", n - 1)), "{said}");
    assert_eq!(stdout(&s, &["export", "--what", "runs"]), lines.join("\n") + "\n");
}

#[test]
fn what_an_import_echoes_has_no_control_characters() {
    let s = Sandbox::new();
    let name = "w\u{1b}[2J.csv";
    let (code, out, err) = import(&s, name, "id,restingHR,\"ev\u{1b}[31mil\"\n2026-11-27,50,1\n");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("/w\u{FFFD}[2J.csv: 1 morning") && out.contains("ev\u{FFFD}[31mil"), "{out}");
    for text in [
        "date,r\u{1b}[31mhr\n2026-11-27,50\n",
        "date,ill\n2026-11-27,\"\u{1b}]0;title\u{7}\"\n",
        "date,type,minutes\n2026-11-27,\"\u{1b}[31mjog\",30\n",
        "date,type,minutes,at\n2026-11-27,easy,30,\"\u{1b}[1A\r\"\n",
    ] {
        let (code, out, err) = import(&s, name, text);
        assert_eq!(code, 65, "{text:?}");
        assert!(!(out + &err).chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    }
}
