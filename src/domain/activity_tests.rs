use super::*;
use chrono::NaiveDate;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn activity(start: &str, end: &str, sport: &str) -> Activity {
    Activity {
        source_id: "test:1".into(),
        file: "a.fit".into(),
        start: at(start),
        end: at(end),
        minutes: None,
        km: Some(10.123),
        avg_hr: Some(150),
        sport: sport.into(),
        running: is_running_sport(sport),
        rpe: None,
    }
}

#[test]
fn running_sports_are_runs_and_the_rest_cross() {
    for sport in ["running", "running/trail", "running/treadmill", "Running", "TrailRun", "VirtualRun", "9"] {
        assert!(is_running_sport(sport), "{sport}");
    }
    for sport in ["cycling", "swimming/open_water", "Biking", "Other", "walking", "1", ""] {
        assert!(!is_running_sport(sport), "{sport}");
    }
}

#[test]
fn a_run_ends_on_the_watchs_wall_clock_and_is_long_from_90_minutes() {
    let a = activity("2026-03-08T23:30:00-05:00", "2026-03-09T01:00:40-04:00", "running");
    let run = a.to_run();
    assert_eq!(run.day, NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
    assert_eq!(run.at, NaiveTime::from_hms_opt(1, 0, 0).unwrap());
    assert_eq!(run.minutes, 31, "30 min 40 s of real time across the DST change");
    assert_eq!(run.kind, Session::Easy);
    assert_eq!(run.km, Some(10.12));
    let long = Activity { minutes: Some(90), ..a.clone() };
    assert_eq!(long.to_run().kind, Session::Long);
    assert_eq!(Activity { minutes: Some(89), ..a }.to_run().kind, Session::Easy);
}

#[test]
fn other_sports_are_cross_with_the_sport_as_note_and_minutes_stay_in_range() {
    let mut a = activity("2026-03-01T10:00:00+01:00", "2026-03-01T10:00:10+01:00", "cycling/road");
    let run = a.to_run();
    assert_eq!((run.kind, run.minutes), (Session::Cross, 1));
    assert_eq!(run.note.as_deref(), Some("cycling/road"));
    a.minutes = Some(3000);
    a.km = Some(2000.0);
    a.rpe = Some(11);
    let run = a.to_run();
    assert_eq!((run.minutes, run.km, run.rpe), (1440, None, None));
}

#[test]
fn overlap_is_a_share_of_the_shorter_interval() {
    let d = |h: u32, m: u32| NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(h, m, 0).unwrap();
    assert_eq!(overlap_share((d(7, 0), d(8, 0)), (d(7, 30), d(7, 40))), 1.0);
    assert_eq!(overlap_share((d(7, 0), d(8, 0)), (d(7, 30), d(8, 30))), 0.5);
    assert_eq!(overlap_share((d(7, 0), d(8, 0)), (d(8, 1), d(8, 30))), 0.0);
    assert_eq!(overlap_share((d(7, 0), d(7, 0)), (d(6, 0), d(8, 0))), 1.0);
}
