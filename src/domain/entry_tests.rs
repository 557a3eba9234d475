//! What a runner types, read by `entry`: the shapes (sleep `7:30`, `--at 7:05`, a duration
//! `1:20:00`) and the units (lb and mi in imperial) at and around their edges.

use super::*;
use crate::domain::units::Units;
const METRIC: Units = Units::METRIC;
const IMPERIAL: Units = Units::IMPERIAL;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).unwrap()
}

fn texts(pairs: &[(&'static str, &str)]) -> Texts {
    pairs.iter().map(|(c, t)| (*c, t.to_string())).collect()
}

fn sleep(text: &str) -> Result<Option<f64>, String> {
    markers(&texts(&[("sleep_hours", text)]), METRIC).map(|m| m.sleep_hours).map_err(|e| e.to_string())
}

fn run_with(pairs: &[(&'static str, &str)], units: Units) -> Result<Run, String> {
    let mut t = texts(&[("type", "easy"), ("minutes", "40")]);
    t.extend(texts(pairs));
    run(day(), day(), noon(), &t, units).map_err(|e| e.to_string())
}

fn minutes(text: &str) -> Result<u32, String> {
    run_with(&[("minutes", text)], METRIC).map(|r| r.minutes)
}

fn at(text: &str) -> Result<String, String> {
    run_with(&[("at", text)], METRIC).map(|r| r.at.format("%H:%M").to_string())
}

#[test]
fn empty_means_not_logged() {
    let m = markers(&texts(&[("rhr", ""), ("hrv", "61.5")]), METRIC).unwrap();
    assert_eq!((m.rhr, m.hrv), (None, Some(61.5)));
    let err = refuse_empty(&MARKER_FIELDS, &texts(&[("sleep_hours", " ")]), METRIC).unwrap_err();
    assert_eq!(err.field, "sleep");
    let err = refuse_empty(&MARKER_FIELDS, &texts(&[("weight_kg", "")]), IMPERIAL).unwrap_err();
    assert_eq!(err.to_string(), "weight: is empty; give 45–661 lb");
}

#[test]
fn the_first_bad_field_is_named() {
    assert_eq!(markers(&texts(&[("rhr", "400"), ("hrv", "NaN")]), METRIC).unwrap_err().field, "rhr");
    assert_eq!(
        markers(&texts(&[("ill", "maybe")]), METRIC).unwrap_err().to_string(),
        "ill: 'maybe' is not yes or no"
    );
}

#[test]
fn runs_default_to_now_and_cannot_end_in_the_future() {
    let t = texts(&[("type", "tempo"), ("minutes", "45")]);
    assert_eq!(run(day(), day(), noon(), &t, METRIC).unwrap().at, noon());
    let mut later = t.clone();
    later.insert("at", "13:00".into());
    assert_eq!(run(day(), day(), noon(), &later, METRIC).unwrap_err().field, "at");
    let yesterday = day().pred_opt().unwrap();
    assert!(run(yesterday, day(), noon(), &later, METRIC).is_ok());
    let mut bad = t.clone();
    bad.insert("type", "jog".into());
    assert_eq!(run(day(), day(), noon(), &bad, METRIC).unwrap_err().field, "type");
    let no_minutes = texts(&[("type", "easy")]);
    assert_eq!(run(day(), day(), noon(), &no_minutes, METRIC).unwrap_err().field, "minutes");
}

#[test]
fn sleep_is_hours_as_a_decimal_or_h_mm() {
    assert_eq!(sleep("7.5"), Ok(Some(7.5)));
    assert_eq!(sleep("7:30"), Ok(Some(7.5)));
    assert_eq!(sleep("7:59"), Ok(Some(7.98)));
    assert_eq!(sleep("0:00"), Ok(Some(0.0)));
    assert_eq!(sleep("24:00"), Ok(Some(24.0)));
    assert_eq!(sleep("24:01"), Err("sleep: 24:01 is outside 0–24 h".into()));
    assert_eq!(sleep("30"), Err("sleep: 30 is outside 0–24 h".into()));
    for bad in ["7:60", "7:75", "7:", ":30", "7:5", "7:30:00"] {
        assert_eq!(
            sleep(bad),
            Err(format!("sleep: '{bad}' is not a number of hours; write 7.5 or 7:30 (H:MM), 0–24 h"))
        );
    }
    for bad in ["7h30", "7,5", "abc", "1e1"] {
        assert_eq!(
            sleep(bad),
            Err(format!("sleep: '{bad}' is not a number; write 7.5 or 7:30 (H:MM), 0–24 h"))
        );
    }
}

#[test]
fn times_are_h_mm_or_hh_mm() {
    assert_eq!(at("7:05"), Ok("07:05".into()));
    assert_eq!(at("07:05"), Ok("07:05".into()));
    assert_eq!(at("0:00"), Ok("00:00".into()));
    assert_eq!(at("11:59"), Ok("11:59".into()));
    for bad in ["7:5", "24:00", "7.05", "07:60", "0730", "07:30:00"] {
        assert_eq!(at(bad), Err(format!("at: '{bad}' is not a time; write H:MM or HH:MM, 00:00–23:59")));
    }
    // 23:59 is a time; on today at noon it is later than now, on an earlier day it is not.
    assert!(at("23:59").unwrap_err().contains("later than now"));
    let t = texts(&[("type", "easy"), ("minutes", "40"), ("at", "23:59")]);
    assert!(run(day().pred_opt().unwrap(), day(), noon(), &t, METRIC).is_ok());
}

#[test]
fn a_duration_is_whole_minutes_or_h_mm_ss() {
    assert_eq!(minutes("80"), Ok(80));
    assert_eq!(minutes("1:20:00"), Ok(80));
    assert_eq!(minutes("1:20:29"), Ok(80));
    assert_eq!(minutes("1:20:30"), Ok(81));
    assert_eq!(minutes("0:00:30"), Ok(1));
    assert_eq!(minutes("24:00:00"), Ok(1440));
    assert_eq!(minutes("0:00:29"), Err("minutes: 0:00:29 is outside 1–1440 min, a whole number".into()));
    assert_eq!(minutes("24:00:30"), Err("minutes: 24:00:30 is outside 1–1440 min, a whole number".into()));
    let shapes = "whole minutes (80) or H:MM:SS (1:20:00), 1–1440 min";
    for bad in ["80:00", "1:20", "1:60:00", "1:20:60", "1:2:00", "1:20:00:00"] {
        assert_eq!(minutes(bad), Err(format!("minutes: '{bad}' is not a duration; write {shapes}")));
    }
    for bad in ["1h20", "abc", "1e2"] {
        assert_eq!(minutes(bad), Err(format!("minutes: '{bad}' is not a number; write {shapes}")));
    }
    assert!(minutes("80.5").unwrap_err().contains("not a whole number"));
}

#[test]
fn imperial_weights_and_distances_are_stored_metric() {
    let m = markers(&texts(&[("weight_kg", "150")]), IMPERIAL).unwrap();
    assert_eq!(m.weight_kg, Some(68.04));
    let m = markers(&texts(&[("weight_kg", "149.9")]), IMPERIAL).unwrap();
    assert_eq!(m.weight_kg, Some(68.0));
    let r = run_with(&[("km", "6.21"), ("weight_before_kg", "150"), ("weight_after_kg", "149")], IMPERIAL)
        .unwrap();
    assert_eq!((r.km, r.weight_before_kg, r.weight_after_kg), (Some(10.0), Some(68.04), Some(67.6)));
    // Metric is as before.
    let m = markers(&texts(&[("weight_kg", "150")]), METRIC).unwrap();
    assert_eq!(m.weight_kg, Some(150.0));
}

#[test]
fn an_imperial_refusal_speaks_lb_and_mi() {
    let weight = |t: &str| markers(&texts(&[("weight_kg", t)]), IMPERIAL).map_err(|e| e.to_string());
    assert_eq!(weight("700"), Err("weight: 700 lb is outside 45–661 lb".into()));
    assert_eq!(weight("44.9"), Err("weight: 44.9 lb is outside 45–661 lb".into()));
    assert_eq!(weight("661.1"), Err("weight: 661.1 lb is outside 45–661 lb".into()));
    assert!(weight("45").is_ok() && weight("661").is_ok());
    assert_eq!(weight("abc"), Err("weight: 'abc' is not a number; give 45–661 lb".into()));
    assert_eq!(weight("NaN"), Err("weight: 'NaN' is not a number; give 45–661 lb".into()));
    let km = run_with(&[("km", "700")], IMPERIAL).unwrap_err();
    assert_eq!(km, "km: 700 mi is outside 0–621 mi");
    // Values that cannot all be true of one run are named in lb too.
    let err = run_with(&[("weight_before_kg", "150"), ("weight_after_kg", "130")], IMPERIAL).unwrap_err();
    assert_eq!(err, "weight-after: 130 lb after is more than 10 % below 150 lb before; check both weights");
}

#[test]
fn a_weight_shown_and_typed_again_unchanged_does_not_drift() {
    use crate::domain::records::MARKER_FIELDS;
    let weight = &MARKER_FIELDS[9];
    assert_eq!(weight.column, "weight_kg");
    let stored = Markers { weight_kg: Some(68.0), ..Markers::default() };
    let shown = weight.typed_in(&stored, IMPERIAL).unwrap();
    assert_eq!(shown, "149.9");
    let again = markers(&texts(&[("weight_kg", &shown)]), IMPERIAL).unwrap();
    assert_eq!(again.weight_kg, Some(68.0));
    // And a weight typed in lb shows as typed.
    let typed = markers(&texts(&[("weight_kg", "150")]), IMPERIAL).unwrap();
    assert_eq!(weight.typed_in(&typed, IMPERIAL).as_deref(), Some("150"));
    assert_eq!(weight.typed_in(&typed, METRIC).as_deref(), Some("68.04"));
}

#[test]
fn an_edit_changes_only_what_is_given_and_is_checked_as_a_whole() {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let mut stored = Run::new(day(), nine, Session::Easy, 300);
    stored.id = Some(12);
    stored.km = Some(50.0);
    let edit = |run: &Run, day: NaiveDate, pairs: &[(&'static str, &str)]| {
        edited_run(run, day, self::day(), noon(), &texts(pairs), METRIC)
    };
    let edited = edit(&stored, day(), &[("minutes", "30")]).unwrap();
    assert_eq!(edited, Run { minutes: 30, ..stored.clone() });
    let yesterday = day().pred_opt().unwrap();
    assert_eq!(edit(&stored, yesterday, &[]).unwrap().day, yesterday);
    for (column, text, field) in
        [("minutes", "3000", "minutes"), ("at", "13:00", "at"), ("type", "rest", "type")]
    {
        assert_eq!(edit(&stored, day(), &[(column, text)]).unwrap_err().field, field, "{column} {text}");
    }
    // The stored weights and the new minutes together: 2 kg lost in 10 minutes.
    let heavy = Run { weight_before_kg: Some(70.0), weight_after_kg: Some(68.0), ..stored };
    assert!(edit(&heavy, day(), &[]).is_ok());
    assert_eq!(edit(&heavy, day(), &[("minutes", "10")]).unwrap_err().field, "fluid-l");
    // An edit typed in lb is stored in kg.
    let lb =
        edited_run(&heavy, day(), day(), noon(), &texts(&[("weight_after_kg", "150")]), IMPERIAL).unwrap();
    assert!((lb.weight_after_kg.unwrap() - 68.04).abs() < 0.01, "{lb:?}");
}
