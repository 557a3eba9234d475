use super::*;
use crate::domain::records::{HrvSource, Markers};
use crate::error::Kind as ErrorKind;
use chrono::NaiveDate;
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wellness").join(name);
    std::fs::read(&path).unwrap()
}

fn on(got: &Imported, d: u32) -> &Markers {
    &got.markers.iter().find(|(x, _)| *x == day(d)).unwrap().1
}

fn header(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.lines().next().unwrap().split(',').map(str::to_string).collect()
}

fn sniffed(name: &str) -> Option<Kind> {
    let h = header(&fixture(name));
    sniff_csv(&h.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn csv_exports_are_told_apart_from_ours() {
    assert_eq!(sniffed("intervals.csv"), Some(Kind::IntervalsIcu));
    assert_eq!(sniffed("hrv4training.csv"), Some(Kind::Hrv4Training));
    assert_eq!(sniffed("oura.csv"), Some(Kind::OuraCsv));
    assert_eq!(sniff_csv(&["date", "rhr", "hrv", "sleep_hours", "soreness"]), None);
    assert_eq!(sniff_csv(&["date", "type", "minutes", "km", "id"]), None);
    assert_eq!(sniff_csv(&["date", "restingHR", "sleepSecs"]), Some(Kind::IntervalsIcu));
    assert_eq!(sniff_json(&fixture("oura.json")), Some(Kind::OuraJson));
    assert_eq!(sniff_json(&fixture("oura-v1.json")), Some(Kind::OuraJson));
    assert_eq!(sniff_json(br#"{"markers": []}"#), None);
    assert_eq!(sniff_xml(&fixture("apple-export.xml")), Some(Kind::AppleHealthXml));
    assert_eq!(sniff_xml(b"<gpx></gpx>"), None);
}

#[test]
fn intervals_icu_dashes_are_missing_the_morning_row_counts_and_sdnn_is_never_hrv() {
    let got = read(Kind::IntervalsIcu, &fixture("intervals.csv"), "intervals.csv", today()).unwrap();
    assert_eq!(got.markers.len(), 3);
    let m = on(&got, 20);
    assert_eq!((m.rhr, m.hrv, m.hrv_source), (Some(52), Some(68.5), Some(HrvSource::Morning)));
    assert_eq!(
        (m.sleep_hours, m.sleep_quality, m.soreness, m.weight_kg),
        (Some(7.5), Some(5), Some(4), Some(70.4))
    );
    let m = on(&got, 21);
    assert_eq!(*m, Markers { sleep_hours: Some(7.0), sleep_quality: Some(4), ..Markers::default() });
    // Two rows on the 22nd: the 06:45 one, not the first in the file.
    let m = on(&got, 22);
    assert_eq!(
        (m.rhr, m.hrv, m.sleep_hours, m.soreness, m.weight_kg),
        (Some(50), Some(70.0), Some(8.0), Some(2), Some(70.0))
    );
    assert!(got.ignored.iter().any(|i| i.starts_with("hrvSDNN (SDNN, not rMSSD")), "{:?}", got.ignored);
    assert!(got.ignored.contains(&"kcalConsumed".to_string()));
    assert!(!got.ignored.iter().any(|i| i == "time"), "the time column is used: {:?}", got.ignored);
    assert!(got.converted.iter().any(|c| c.contains("kept each day's morning row, the earliest by time")));
}

#[test]
fn intervals_icu_without_a_time_column_keeps_a_days_first_row() {
    let csv = b"id,restingHR,hrvSDNN\n2026-11-20,52,80\n2026-11-20,49,70\n";
    let got = read(Kind::IntervalsIcu, csv, "w.csv", today()).unwrap();
    assert_eq!(got.markers, vec![(day(20), Markers { rhr: Some(52), ..Markers::default() })]);
    assert!(got.converted.iter().any(|c| c.contains("the first (the file has no time column)")));
}

#[test]
fn intervals_icu_refusals_name_the_line_and_field_and_mixing_stays_refused() {
    let e = read(Kind::IntervalsIcu, b"id,restingHR\n2026-11-20,400\n", "w.csv", today()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::BadInput);
    assert!(e.what.starts_with("w.csv:2: rhr: "), "{}", e.what);
    let e = read(Kind::IntervalsIcu, b"id,sleepQuality\n2026-11-20,9\n", "w.csv", today()).unwrap_err();
    assert!(e.what.starts_with("w.csv:2: sleep_quality: 9 is off the scale"), "{}", e.what);
    let e =
        read(Kind::IntervalsIcu, b"id,restingHR,time\n2026-11-20,50,soon\n", "w.csv", today()).unwrap_err();
    assert!(e.what.starts_with("w.csv:2: time: 'soon' is not a time"), "{}", e.what);
    let e =
        read(Kind::IntervalsIcu, b"date,rhr,restingHR\n2026-11-20,50,50\n", "w.csv", today()).unwrap_err();
    assert!(e.what.contains("mix cooldown's own names"), "{}", e.what);
    let e = read(Kind::IntervalsIcu, b"id,restingHR\n2026-11-29,50\n", "w.csv", today()).unwrap_err();
    assert!(e.what.starts_with("w.csv:2: date: "), "{}", e.what);
}

#[test]
fn hrv4training_morning_rmssd_rhr_and_sleep_quality_converted() {
    let got = read(Kind::Hrv4Training, &fixture("hrv4training.csv"), "h.csv", today()).unwrap();
    let m = on(&got, 24);
    assert_eq!((m.rhr, m.hrv, m.hrv_source), (Some(51), Some(72.4), Some(HrvSource::Morning)));
    assert_eq!((m.sleep_quality, m.sleep_hours, m.soreness), (Some(4), Some(7.5), None));
    // The 21:10 evening reading comes first in the file; the 07:05 one is the morning's.
    let m = on(&got, 25);
    assert_eq!((m.rhr, m.hrv, m.sleep_quality, m.sleep_hours), (Some(53), Some(65.2), Some(2), Some(6.25)));
    let m = on(&got, 26);
    assert_eq!(*m, Markers { sleep_quality: Some(5), sleep_hours: Some(8.0), ..Markers::default() });
    assert!(got.ignored.iter().any(|i| i.starts_with("SDNN (SDNN, not rMSSD")), "{:?}", got.ignored);
    assert!(got.ignored.iter().any(|i| i.starts_with("muscle_soreness (a 1–10 slider")));
    assert!(!got.ignored.iter().any(|i| i == "date" || i == "timestamp_measurement"));
    assert!(got.converted.iter().any(|c| c.starts_with("sleep_quality → sleep_quality: 1–10")));
    let e = read(Kind::Hrv4Training, b"date,rMSSD,sleep_quality\n2026-11-20,60,11\n", "h.csv", today())
        .unwrap_err();
    assert!(e.what.starts_with("h.csv:2: sleep_quality: 11 is off HRV4Training's 1–10 scale"), "{}", e.what);
}

#[test]
fn hrv4training_with_semicolons_reads_the_same() {
    let got = read(Kind::Hrv4Training, b"date;HR;rMSSD\n2026-11-20;50;61.5\n", "h.csv", today()).unwrap();
    let m = on(&got, 20);
    assert_eq!((m.rhr, m.hrv), (Some(50), Some(61.5)));
}

#[test]
fn oura_csv_seconds_to_hours_lowest_hr_and_overnight_hrv() {
    let got = read(Kind::OuraCsv, &fixture("oura.csv"), "oura.csv", today()).unwrap();
    let m = on(&got, 24);
    assert_eq!(
        (m.sleep_hours, m.rhr, m.hrv, m.hrv_source),
        (Some(7.508), Some(47), Some(58.0), Some(HrvSource::Overnight))
    );
    assert_eq!(*on(&got, 25), Markers { rhr: Some(49), ..Markers::default() });
    assert!(got.ignored.iter().any(|i| i.starts_with("Sleep Score (a 0–100 score")));
    assert!(got.ignored.contains(&"Readiness Score".to_string()));
}

#[test]
fn oura_json_keeps_the_longest_period_and_dates_old_exports_by_the_morning() {
    let got = read(Kind::OuraJson, &fixture("oura.json"), "oura.json", today()).unwrap();
    let m = on(&got, 24);
    assert_eq!(
        (m.sleep_hours, m.rhr, m.hrv, m.hrv_source),
        (Some(7.5), Some(46), Some(61.0), Some(HrvSource::Overnight))
    );
    assert_eq!(*on(&got, 25), Markers { sleep_hours: Some(7.0), rhr: Some(48), ..Markers::default() });
    assert!(got.converted.iter().any(|c| c.contains("kept each day's longest")));
    let old = read(Kind::OuraJson, &fixture("oura-v1.json"), "o.json", today()).unwrap();
    assert_eq!(old.markers.len(), 1);
    assert_eq!(old.markers[0].0, day(24), "summary_date 23rd is the night ending on the 24th");
    assert_eq!(old.markers[0].1.hrv, Some(61.0));
    let e = read(Kind::OuraJson, b"{\"sleep\": [", "o.json", today()).unwrap_err();
    assert!(e.what.starts_with("o.json: not valid JSON"), "{}", e.what);
    let e = read(
        Kind::OuraJson,
        br#"{"sleep":[{"day":"2026-11-24","lowest_heart_rate":300}]}"#,
        "o.json",
        today(),
    )
    .unwrap_err();
    assert!(e.what.starts_with("o.json: 2026-11-24: rhr: "), "{}", e.what);
    // A negative or non-numeric value is refused, never dropped as missing; 0 and null are
    // Oura's "not measured".
    let one = |period: &str| {
        read(Kind::OuraJson, format!("{{\"sleep\":[{period}]}}").as_bytes(), "o.json", today())
    };
    let e = one(
        r#"{"day":"2026-11-24","total_sleep_duration":-5},{"day":"2026-11-24","total_sleep_duration":900}"#,
    )
    .unwrap_err();
    assert_eq!(e.what, "o.json: 2026-11-24: total_sleep_duration: -5 is below 0");
    let e = one(r#"{"day":"2026-11-24","average_hrv":"61"}"#).unwrap_err();
    assert_eq!(e.what, "o.json: 2026-11-24: average_hrv: \"61\" is not a number");
    let got =
        one(r#"{"day":"2026-11-24","total_sleep_duration":0,"average_hrv":null,"lowest_heart_rate":50}"#);
    assert_eq!(*on(&got.unwrap(), 24), Markers { rhr: Some(50), ..Markers::default() });
}

#[test]
fn garmin_folder_sleep_stages_resting_hr_and_overnight_hrv() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wellness/garmin");
    let got = read_garmin_folder(&root, today()).unwrap();
    let m = on(&got, 24);
    assert_eq!(
        (m.sleep_hours, m.rhr, m.hrv, m.hrv_source),
        (Some(7.0), Some(46), Some(58.0), Some(HrvSource::Overnight))
    );
    assert_eq!(*on(&got, 25), Markers { sleep_hours: Some(5.5), ..Markers::default() });
    let m = on(&got, 26);
    assert_eq!((m.sleep_hours, m.rhr, m.hrv), (None, Some(48), Some(61.0)));
    assert!(got.ignored.iter().any(|i| i.starts_with("sleepScores (Garmin's 0–100")));
    assert!(got.ignored.iter().any(|i| i.starts_with("napList")));
    // The DI_CONNECT folder itself reads the same.
    assert_eq!(read_garmin_folder(&root.join("DI_CONNECT"), today()).unwrap().markers, got.markers);
}

#[test]
fn garmin_folder_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let e = read_garmin_folder(dir.path(), today()).unwrap_err();
    assert!(e.what.contains("no DI_CONNECT folder inside"), "{}", e.what);
    let wellness = dir.path().join("DI_CONNECT/DI-Connect-Wellness");
    std::fs::create_dir_all(&wellness).unwrap();
    let e = read_garmin_folder(dir.path(), today()).unwrap_err();
    assert!(e.what.contains("no sleepData, healthStatusData or UDSFile"), "{}", e.what);
    std::fs::write(wellness.join("1_sleepData.json"), "[{").unwrap();
    let e = read_garmin_folder(dir.path(), today()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::BadInput);
    let whole = wellness.join("1_sleepData.json").display().to_string();
    assert!(e.what.starts_with(&format!("{whole}: not valid JSON")), "named by its whole path: {}", e.what);
    // A negative stage is refused, never left out of the night's sum; 0 is "not measured".
    std::fs::write(
        wellness.join("1_sleepData.json"),
        r#"[{"calendarDate":"2026-11-24","deepSleepSeconds":-5400,"lightSleepSeconds":14400}]"#,
    )
    .unwrap();
    let e = read_garmin_folder(dir.path(), today()).unwrap_err();
    assert!(e.what.ends_with(": 2026-11-24: deepSleepSeconds: -5400 is below 0"), "{}", e.what);
    std::fs::write(
        wellness.join("1_sleepData.json"),
        r#"[{"calendarDate":"2026-11-24","deepSleepSeconds":"5400","lightSleepSeconds":0}]"#,
    )
    .unwrap();
    let e = read_garmin_folder(dir.path(), today()).unwrap_err();
    assert!(e.what.ends_with(": 2026-11-24: deepSleepSeconds: \"5400\" is not a number"), "{}", e.what);
}

#[test]
fn apple_health_records_sleep_union_weight_units_and_running_workouts() {
    let got = read(Kind::AppleHealthXml, &fixture("apple-export.xml"), "export.xml", today()).unwrap();
    let m = on(&got, 24);
    // The 06:55 reading, not the later one of the evening.
    assert_eq!(m.rhr, Some(49));
    assert_eq!(m.weight_kg, Some(69.989));
    // 23:00–02:00, 02:30–04:00, 04:00–06:15 (two sources overlapping), a 14:00 nap: 7.25 h.
    assert_eq!(m.sleep_hours, Some(7.25));
    assert_eq!((m.hrv, m.hrv_source), (None, None));
    let m = on(&got, 25);
    assert_eq!((m.weight_kg, m.sleep_hours, m.rhr), (Some(70.1), Some(6.5), None));
    assert!(got.ignored.iter().any(|i| i.starts_with("HeartRateVariabilitySDNN (SDNN, not rMSSD")));
    assert!(got.ignored.iter().any(|i| i.contains("StepCount")));
    assert!(got.ignored.iter().any(|i| i.contains("other sports than running: 1")), "{:?}", got.ignored);
    assert_eq!(got.activities.len(), 2);
    let a = &got.activities[0];
    assert_eq!(a.start.to_rfc3339(), "2026-11-24T18:00:00+01:00");
    assert_eq!(a.end.to_rfc3339(), "2026-11-24T18:46:00+01:00");
    assert_eq!((a.minutes, a.km, a.avg_hr, a.running), (Some(46), Some(8.432), Some(149), true));
    assert_eq!(a.source_id, "apple:2026-11-24T18:00:00+01:00/2026-11-24T18:46:00+01:00/Watch");
    assert_eq!(a.file, "export.xml");
    let b = &got.activities[1];
    assert_eq!((b.minutes, b.km, b.avg_hr), (Some(30), Some(4.989), None));
    assert!(b.source_id.ends_with("/Phone & app"));
}

#[test]
fn apple_health_refusals_name_the_line() {
    let xml = "<HealthData>\n<Record type=\"HKQuantityTypeIdentifierBodyMass\" unit=\"st\" \
               startDate=\"2026-11-24 07:00:00 +0100\" value=\"11\"/>\n</HealthData>";
    let e = read(Kind::AppleHealthXml, xml.as_bytes(), "export.xml", today()).unwrap_err();
    assert_eq!(e.what, "export.xml:2: weight_kg: unit 'st' is not kg, lb or g");
    let xml = "<HealthData>\n\n<Record type=\"HKQuantityTypeIdentifierRestingHeartRate\" \
               startDate=\"2026-11-24 07:00:00 +0100\" value=\"300\"/>\n</HealthData>";
    let e = read(Kind::AppleHealthXml, xml.as_bytes(), "export.xml", today()).unwrap_err();
    assert!(e.what.starts_with("export.xml:3: rhr: "), "{}", e.what);
    let e = read(Kind::AppleHealthXml, b"<gpx><trk/></gpx>", "x.xml", today()).unwrap_err();
    assert!(e.what.contains("not an Apple Health export"), "{}", e.what);
    let e = read(Kind::AppleHealthXml, b"<HealthData>\n<Record type=\"a\"></Wrong>", "x.xml", today())
        .unwrap_err();
    assert!(e.what.starts_with("x.xml: not valid XML at line 2"), "{}", e.what);
    // A half-copied export ends between elements: refused, not read as fewer days.
    let whole = String::from_utf8(fixture("apple-export.xml")).unwrap();
    let cut = whole.find("<Workout ").unwrap();
    let e = read(Kind::AppleHealthXml, &whole.as_bytes()[..cut], "x.xml", today()).unwrap_err();
    assert!(e.what.starts_with("x.xml: truncated: it ends inside an element"), "{}", e.what);
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE HealthData [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]>\n<HealthData><Me n=\"&b;\"/></HealthData>";
    let e = read(Kind::AppleHealthXml, bomb.as_bytes(), "x.xml", today()).unwrap_err();
    assert_eq!(e.what, "x.xml: its document type declares entities");
}
