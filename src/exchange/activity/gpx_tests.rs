use super::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/gpx/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

#[test]
fn a_garmin_track_gives_its_times_distance_heart_rate_and_sport() {
    let got = read(&fixture("run.gpx"), "run.gpx").unwrap();
    assert_eq!(got.activities.len(), 1);
    let a = &got.activities[0];
    assert_eq!(
        (a.start.to_utc(), a.end.to_utc()),
        (utc("2018-05-27T09:23:41Z"), utc("2018-05-27T10:11:11Z"))
    );
    assert_eq!(format!("{:.2}", a.km.unwrap()), "5.05");
    assert_eq!((a.avg_hr, a.minutes, a.rpe), (Some(172), None, None));
    assert_eq!((a.sport.as_str(), a.running), ("running", true));
    assert_eq!(a.source_id, format!("gpx:{}:45.18000,-1.08500", utc("2018-05-27T09:23:41Z").timestamp()));
    assert_eq!(a.run_minutes(), 48);
    assert_eq!(got.converted, [MACHINE_ZONE_NOTE], "GPX keeps no offset: the summary says so");
}

#[test]
fn strava_with_a_byte_order_mark_crlf_two_segments_and_type_9() {
    let a = &read(&fixture("strava-bom-crlf.gpx"), "s.gpx").unwrap().activities[0];
    assert_eq!(a.start.to_utc(), utc("2026-11-20T06:30:00Z"));
    assert_eq!(a.end.to_utc(), utc("2026-11-20T07:05:30.5Z"));
    // The gap between the segments is not distance run.
    assert_eq!(format!("{:.2}", a.km.unwrap()), "2.04");
    assert_eq!((a.avg_hr, a.running), (None, true));
}

#[test]
fn a_ride_is_cross_training() {
    let a = &read(&fixture("ride.gpx"), "ride.gpx").unwrap().activities[0];
    assert_eq!((a.sport.as_str(), a.running), ("cycling", false));
    assert_eq!(format!("{:.2}", a.km.unwrap()), "22.24");
    assert_eq!(a.run_minutes(), 40);
}

#[test]
fn a_route_without_times_or_a_single_point_is_no_activity() {
    for name in ["route-no-time.gpx", "one-point.gpx"] {
        let err = read(&fixture(name), name).unwrap_err();
        assert!(err.what.starts_with(&format!("{name}: no recorded activity in this GPX file")), "{err}");
        assert_eq!(err.exit_code(), 65);
    }
}

#[test]
fn hostile_or_foreign_xml_is_refused_in_one_line() {
    let deep = format!("<gpx>{}</gpx>", "<a>".repeat(100) + &"</a>".repeat(100));
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><gpx><trk><name>&b;</name></trk></gpx>"#;
    let external = r#"<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "file:///etc/passwd"><gpx><trk><name>&xxe;</name></trk></gpx>"#;
    let cases: [(&[u8], &str); 7] = [
        (deep.as_bytes(), "nested deeper than 64"),
        (bomb.as_bytes(), "declares entities"),
        (external.as_bytes(), "an undeclared entity &xxe;"),
        (b"<TrainingCenterDatabase/>", "its root element is <TrainingCenterDatabase>, not <gpx>"),
        (b"<gpx><trk></gpx>", "malformed XML"),
        (b"\xff\xfe<\x00g\x00", "not UTF-8 text at byte 0"),
        (b"", "no <gpx> element"),
    ];
    for (bytes, why) in cases {
        let err = read(bytes, "x.gpx").unwrap_err();
        assert!(err.what.starts_with("x.gpx: not a GPX file ("), "{err}");
        assert!(err.what.contains(why), "{why}: {err}");
        assert!(!err.to_string().contains('\n'), "{err}");
    }
}

#[test]
fn a_file_cut_between_elements_is_refused_not_read_shorter() {
    let whole = String::from_utf8(fixture("run.gpx")).unwrap();
    // After the third point: well-formed so far, two timed points, but no end.
    let third = whole.match_indices("</trkpt>").nth(2).unwrap().0 + "</trkpt>".len();
    let err = read(&whole.as_bytes()[..third], "cut.gpx").unwrap_err();
    assert!(err.what.starts_with("cut.gpx: not a GPX file (truncated: it ends inside <trkseg>)"), "{err}");
    assert_eq!(err.exit_code(), 65);
}
