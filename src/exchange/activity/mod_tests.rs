use super::*;

#[test]
fn sports_keep_their_sub_sport_and_transitions_are_no_session() {
    let s = Sport::of("running", Some("trail")).unwrap();
    assert_eq!((s.name.as_str(), s.running), ("running/trail", true));
    let s = Sport::of("Biking", Some("generic")).unwrap();
    assert_eq!((s.name.as_str(), s.running), ("biking", false));
    assert_eq!(Sport::of("", None).unwrap().name, "running");
    assert!(Sport::of("transition", Some("generic")).is_none());
    assert_eq!(Sport::of("run\u{1b}[2J", None).unwrap().name, "run[2j");
}

#[test]
fn distances_are_great_circle_metres() {
    // One degree of latitude is about 111.2 km; London to Paris about 343.9 km.
    assert!((metres_between((0.0, 0.0), (1.0, 0.0)) - 111_195.1).abs() < 1.0);
    let london_paris = metres_between((51.5074, -0.1278), (48.8566, 2.3522));
    assert!((london_paris - 343_900.0).abs() < 1_000.0, "{london_paris}");
    assert_eq!(metres_between((45.0, 5.0), (45.0, 5.0)), 0.0);
}

#[test]
fn heart_rates_outside_a_persons_range_are_dropped() {
    assert_eq!(heart_rate(Some(151.6)), Some(152));
    assert_eq!(heart_rate(Some(0.0)), None);
    assert_eq!(heart_rate(Some(255.0)), None);
}

#[test]
fn iso_times_with_fractions_or_offsets() {
    let t = iso_time("2026-11-20T07:05:30.500Z").unwrap();
    assert_eq!(t.timestamp_millis() % 1000, 500);
    assert_eq!(iso_time(" 2026-11-20T08:00:00+01:00 "), iso_time("2026-11-20T07:00:00Z"));
    assert_eq!(iso_time("yesterday"), None);
}

#[test]
fn an_activity_in_the_future_or_before_2000_refuses_its_file() {
    let tcx = std::fs::read(format!("{}/tests/fixtures/tcx/run.tcx", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let acts = read_tcx(&tcx, "run.tcx").unwrap().activities;
    let on = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert!(check_dates(&acts, "run.tcx", on(2026, 11, 22)).is_ok(), "ends on the day: fine");
    let e = check_dates(&acts, "run.tcx", on(2026, 11, 21)).unwrap_err();
    assert_eq!(e.what, "run.tcx: an activity on 2026-11-22 is in the future (today is 2026-11-21)");
    assert_eq!(e.exit_code(), 65);
    let old = String::from_utf8(tcx).unwrap().replace("2026-11-22", "1999-12-31");
    let acts = read_tcx(old.as_bytes(), "old.tcx").unwrap().activities;
    let e = check_dates(&acts, "old.tcx", on(2026, 11, 28)).unwrap_err();
    assert!(e.what.starts_with("old.tcx: an activity on 1999-12-31 is before 2000-01-01"), "{}", e.what);
}
