use super::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/tcx/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

#[test]
fn a_two_lap_run_gives_its_laps_time_distance_and_weighted_heart_rate() {
    let got = read(&fixture("run.tcx"), "run.tcx").unwrap();
    assert_eq!(got.activities.len(), 1);
    let a = &got.activities[0];
    assert_eq!(a.start.to_utc(), utc("2026-11-22T07:00:00Z"));
    assert_eq!(a.end.to_utc(), utc("2026-11-22T08:32:00Z"), "the last lap's start + its time");
    assert_eq!(a.minutes, Some(90), "the laps' timed seconds");
    assert_eq!(format!("{:.2}", a.km.unwrap()), "18.00", "the laps' distances, not the track points'");
    assert_eq!(a.avg_hr, Some(154), "(150 × 3000 + 160 × 2400) / 5400");
    assert_eq!((a.sport.as_str(), a.running), ("running", true));
    assert_eq!(a.source_id, "tcx:2026-11-22T07:00:00.000Z");
    assert_eq!(a.to_run().kind, crate::domain::session::Session::Long);
}

#[test]
fn a_ride_with_a_byte_order_mark_crlf_and_no_heart_rate() {
    let a = &read(&fixture("ride-bom-crlf.tcx"), "r.tcx").unwrap().activities[0];
    assert_eq!((a.sport.as_str(), a.running, a.avg_hr), ("biking", false, None));
    assert_eq!(a.end.to_utc(), utc("2026-11-23T18:15:30Z"));
    assert_eq!((a.minutes, a.km), (Some(46), Some(21.5)));
}

#[test]
fn an_activity_without_laps_or_times_is_no_activity() {
    let err = read(&fixture("no-laps.tcx"), "no-laps.tcx").unwrap_err();
    assert!(err.what.starts_with("no-laps.tcx: no recorded activity in this TCX file"), "{err}");
    let err = read(b"<gpx/>", "x.tcx").unwrap_err();
    assert!(err.what.contains("not a TCX file (its root element is <gpx>"), "{err}");
}

#[test]
fn a_file_cut_after_its_activity_is_refused_not_read() {
    let whole = String::from_utf8(fixture("run.tcx")).unwrap();
    let cut = whole.find("</Activity>").unwrap() + "</Activity>".len();
    let err = read(&whole.as_bytes()[..cut], "cut.tcx").unwrap_err();
    assert!(
        err.what.starts_with("cut.tcx: not a TCX file (truncated: it ends inside <Activities>)"),
        "{err}"
    );
}
