use super::*;
use crate::domain::records::Markers;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn err(text: &str) -> String {
    parse(text, "m.csv", today()).unwrap_err().what
}

#[test]
fn a_markers_file_in_cooldowns_own_columns() {
    let text = "date,rhr,hrv,sleep_hours,ill,note,pain_site\n2026-11-27,52,61.5,7.25,0,'=felt good,\n2026-11-26,,,6,1,,\n";
    let got = parse(text, "m.csv", today()).unwrap();
    assert_eq!(got.markers.len(), 2);
    let (day, m) = &got.markers[0];
    assert_eq!(
        (day.to_string().as_str(), m.rhr, m.hrv, m.sleep_hours, m.ill),
        ("2026-11-27", Some(52), Some(61.5), Some(7.25), Some(false))
    );
    assert_eq!(m.note.as_deref(), Some("=felt good"));
    assert_eq!((got.markers[1].1.rhr, got.markers[1].1.ill), (None, Some(true)));
    assert!(got.ignored.is_empty() && got.converted.is_empty());
}

#[test]
fn a_wellness_export_is_mapped_and_converted() {
    let text = "date,restingHR,hrv,sleepSecs,sleepQuality,soreness,weight,fatigue,ctl\n\
                2026-11-27,51,64.2,27000,2,1,68.4,3,55\n";
    let got = parse(text, "wellness.csv", today()).unwrap();
    let m = &got.markers[0].1;
    assert_eq!(
        (m.rhr, m.hrv, m.sleep_hours, m.sleep_quality, m.soreness, m.weight_kg),
        (Some(51), Some(64.2), Some(7.5), Some(4), Some(2), Some(68.4))
    );
    assert_eq!(got.ignored, ["fatigue", "ctl"]);
    assert_eq!(got.converted.len(), 3, "{:?}", got.converted);
}

#[test]
fn every_bad_row_kind_names_file_line_and_field() {
    for (text, needle) in [
        ("date,rhr\n2026-11-27,400\n", "m.csv:2: rhr: 400 is outside 25–220 bpm"),
        ("date,rhr\n2026-11-27,55.5\n", "m.csv:2: rhr: '55.5' is not a whole number"),
        ("date,hrv\n2026-11-27,NaN\n", "m.csv:2: hrv: 'NaN' is not a number"),
        ("date,hrv\n2026-11-27,0x3E\n", "m.csv:2: hrv: '0x3E' is not a number"),
        ("date,hrv\n2026-11-27,1e999\n", "m.csv:2: hrv: '1e999' is not a number"),
        ("date,sleep_hours\n2026-11-27,30\n", "m.csv:2: sleep_hours: 30 is outside 0–24 h"),
        ("date,soreness\n2026-11-26,5\n2026-11-27,11\n", "m.csv:3: soreness: 11 is outside 0–10"),
        ("date,rhr\n2026-02-30,50\n", "m.csv:2: date: 2026-02-30 is not a calendar day"),
        ("date,rhr\n2026-11-29,50\n", "m.csv:2: date: 2026-11-29 is in the future"),
        ("date,rhr\n0001-01-01,50\n", "m.csv:2: date: 0001-01-01 is before 1900-01-01"),
        ("date,rhr\nyesterday,50\n", "m.csv:2: date: 'yesterday' is not a date"),
        ("date,rhr\n2026-11-27,50\n2026-11-27,51\n", "m.csv:3: date: 2026-11-27 appears twice (line 2)"),
        ("date,mood\n2026-11-27,5\n", "m.csv:1: unknown column 'mood'"),
        ("rhr,hrv\n50,60\n", "m.csv:1: no date column"),
        ("date,ill\n2026-11-27,maybe\n", "m.csv:2: ill: 'maybe' is not yes or no"),
        ("date,restingHR,sleepQuality\n2026-11-27,50,7\n", "m.csv:2: sleep_quality: 7 is off the scale"),
        ("date,type,minutes\n2026-11-27,jog,30\n", "m.csv:2: type: 'jog' is not one of"),
        ("date,type,minutes\n2026-11-27,easy,0\n", "m.csv:2: minutes: 0 is outside 1–1440 min"),
        ("date,type,minutes,rpe\n2026-11-27,easy,30,11\n", "m.csv:2: rpe: 11 is outside 1–10"),
        (
            "date,type,minutes,weight_before_kg\n2026-11-27,easy,30,19\n",
            "m.csv:2: weight_before_kg: 19 is outside 20–300 kg",
        ),
        ("date,type,minutes,at\n2026-11-27,easy,30,25:00\n", "m.csv:2: at: '25:00' is not a time"),
        (
            "date,type,minutes,id\n2026-11-27,easy,30,7\n2026-11-26,easy,30,7\n",
            "m.csv:3: id: run 7 is already on line 2",
        ),
        ("date,type,minutes,id\n2026-11-27,easy,30,x1\n", "m.csv:2: id: 'x1' is not a run id"),
        ("date,type,minutes,id\n2026-11-27,easy,30,0\n", "m.csv:2: id: '0' is not a run id"),
        ("date,type,minutes,id\n2026-11-27,easy,30,-3\n", "m.csv:2: id: '-3' is not a run id"),
        ("date,type,minutes,id\n2026-11-27,easy,30,1e3\n", "m.csv:2: id: '1e3' is not a run id"),
        ("date,type,minutes,id\n2026-11-27,easy,30,9999999999999\n", "m.csv:2: id: '9999999999999' is not"),
        ("date,type,minutes,pace\n2026-11-27,easy,30,5\n", "m.csv:1: unknown column 'pace'"),
        ("date,rhr\n2026-11-27,50,60\n", "m.csv:2: row: not valid CSV"),
        ("", "m.csv:1: the file is empty"),
        ("date,type,minutes\n2026-11-27,easy,\n", "m.csv:2: minutes: required"),
    ] {
        let got = err(text);
        assert!(got.contains(needle), "{needle:?} not in {got:?}");
    }
}

#[test]
fn runs_without_an_end_time_get_one_per_row_of_the_day() {
    let text =
        "date,type,minutes,km,rpe\n2026-11-27,easy,30,5,3\n2026-11-27,tempo,45,9,7\n2026-11-26,long,100,,\n";
    let got = parse(text, "r.csv", today()).unwrap();
    let at: Vec<String> =
        got.runs.iter().map(|r| format!("{} {}", r.run.day, r.run.at.format("%H:%M"))).collect();
    assert_eq!(at, ["2026-11-27 12:00", "2026-11-27 12:01", "2026-11-26 12:00"]);
    assert_eq!(got.runs[1].run.rpe, Some(7));
    assert!(got.runs.iter().all(|r| !r.at_given && r.run.id.is_none()));
    assert_eq!(got.runs.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3, 4]);
}

#[test]
fn two_runs_ending_in_the_same_minute_are_two_runs_and_ids_are_read() {
    let text = "date,type,minutes,at,id\n2026-11-27,easy,30,07:00,\n2026-11-27,tempo,40,07:00,12\n";
    let got = parse(text, "r.csv", today()).unwrap();
    assert_eq!(got.runs.len(), 2);
    assert_eq!((got.runs[0].run.id, got.runs[1].run.id), (None, Some(12)));
    assert!(got.runs.iter().all(|r| r.at_given));
}

/// The markers a one-row file stores, or its error.
fn first_morning(text: &str) -> std::result::Result<Markers, String> {
    parse(text, "m.csv", today()).map(|got| got.markers[0].1.clone()).map_err(|e| e.to_string())
}

#[test]
fn our_own_column_names_always_keep_our_scales() {
    let m = first_morning("date,sleep_quality,soreness,weight_kg\n2026-11-27,4,3,70\n").unwrap();
    assert_eq!((m.sleep_quality, m.soreness, m.weight_kg), (Some(4), Some(3), Some(70.0)));
    // A name both spell alike takes our scale when nothing says the file is an export.
    let m = first_morning("Date,soreness,hrv\n2026-11-27,8,60\n").unwrap();
    assert_eq!((m.soreness, m.hrv), (Some(8), Some(60.0)));
    let m = first_morning("id,Soreness\n2026-11-27,4\n").unwrap();
    assert_eq!(m.soreness, Some(8));
}

#[test]
fn an_intervals_icu_export_keeps_its_scales() {
    let text =
        "id,restingHR,hrv,sleepSecs,sleepQuality,soreness,weight,ctl\n2026-11-27,50,60,27000,1,3,70,40\n";
    let got = parse(text, "w.csv", today()).unwrap();
    let m = &got.markers[0].1;
    assert_eq!(
        (m.sleep_quality, m.soreness, m.sleep_hours, m.weight_kg),
        (Some(5), Some(6), Some(7.5), Some(70.0))
    );
    assert_eq!(got.ignored, ["ctl"]);
}

#[test]
fn a_file_mixing_our_names_with_an_exports_is_refused_saying_which_are_which() {
    let got = err("date,sleep_quality,soreness,weight\n2026-11-27,4,3,70\n");
    assert!(got.contains("m.csv:1: the columns mix cooldown's own names (sleep_quality)"), "{got}");
    assert!(got.contains("with a wellness export's (weight)"), "{got}");
    let todo = parse("id,rhr,sleepSecs\n2026-11-27,50,27000\n", "m.csv", today()).unwrap_err().todo;
    assert!(todo.contains("id → date, sleepSecs → sleep_hours (seconds → hours)"), "{todo}");
    for text in ["id,rhr\n2026-11-27,50\n", "date,restingHR,note\n2026-11-27,50,x\n"] {
        assert!(err(text).contains("mix cooldown's own names"), "{text}");
    }
}

#[test]
fn a_repeated_column_or_two_names_of_one_field_are_refused() {
    for (text, needle) in [
        ("date,rhr,rhr\n2026-11-27,50,51\n", "m.csv:1: column 'rhr' appears twice (columns 2 and 3)"),
        ("id,ctl,ctl\n2026-11-27,1,2\n", "column 'ctl' appears twice"),
        ("date,type,minutes,km,km\n2026-11-27,easy,30,5,6\n", "column 'km' appears twice"),
        (
            "id,restingHR,restingHeartRate\n2026-11-27,50,51\n",
            "columns 'restingHR' and 'restingHeartRate' both hold rhr",
        ),
        ("id,hrv,rmssd\n2026-11-27,50,51\n", "columns 'hrv' and 'rmssd' both hold hrv"),
        ("date,id,restingHR\n2026-11-27,2026-11-26,50\n", "two date columns, 'date' and 'id'"),
        ("date,Sleep_Quality\n2026-11-27,4\n", "column 'Sleep_Quality' could be cooldown's sleep_quality"),
    ] {
        let got = err(text);
        assert!(got.contains(needle), "{needle:?} not in {got:?}");
    }
}

#[test]
fn what_a_file_says_is_echoed_without_control_characters() {
    for text in [
        "date,r\u{1b}[2Jhr\n2026-11-27,50\n",
        "date,ill\n2026-11-27,\"\u{1b}]0;pwned\u{7}\"\n",
        "date,type,minutes\n2026-11-27,\"\u{1b}[31mjog\",30\n",
        "date,type,minutes,at\n2026-11-27,easy,30,\"\u{1b}[1A\r\"\n",
    ] {
        let e = parse(text, "m\u{1b}[0m.csv", today()).unwrap_err();
        let all = format!("{e}");
        assert!(!all.chars().any(char::is_control), "{all:?}");
        assert!(all.starts_with("m\u{FFFD}[0m.csv:"), "{all:?}");
    }
    let got = parse("id,restingHR,\"ev\u{1b}[31mil\"\n2026-11-27,50,1\n", "w\n.csv", today()).unwrap();
    assert_eq!((got.ignored[0].as_str(), got.file.as_str()), ("ev\u{FFFD}[31mil", "w\u{FFFD}.csv"));
    let huge = format!("date,ill\n2026-11-27,{}\n", "y".repeat(100_000));
    assert!(err(&huge).chars().count() < 500);
}

#[test]
fn rows_with_only_a_date_store_nothing() {
    let got = parse("date,rhr,hrv\n2026-11-27,,\n", "m.csv", today()).unwrap();
    assert!(got.markers.is_empty());
}
