use super::*;
use crate::domain::activity::Activity;
use chrono::{DateTime, FixedOffset};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/fit/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn acts(name: &str) -> Vec<Activity> {
    read(&fixture(name), name).unwrap().activities
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Equal instants in the same offset (`DateTime`'s `==` compares instants only).
fn same(got: DateTime<FixedOffset>, want: &str) {
    let want = at(want);
    assert_eq!((got, got.offset()), (want, want.offset()), "{got} != {want}");
}

#[test]
fn a_multisport_file_gives_each_session_but_transitions_in_the_watchs_offset() {
    let got = acts("sample_mulitple_header.fit");
    let sports: Vec<&str> = got.iter().map(|a| a.sport.as_str()).collect();
    assert_eq!(sports, ["swimming/open_water", "cycling", "running"]);
    let run = &got[2];
    assert!(run.running && !got[0].running && !got[1].running);
    same(run.start, "2018-05-27T11:23:41+02:00");
    same(run.end, "2018-05-27T12:11:11.694+02:00");
    assert_eq!(run.minutes, Some(48));
    assert!((run.km.unwrap() - 9.80592).abs() < 1e-9, "{:?}", run.km);
    assert_eq!((run.avg_hr, run.rpe), (Some(176), None));
    assert!(
        run.source_id.starts_with("fit:3915525118:") && run.source_id.ends_with(":4"),
        "{}",
        run.source_id
    );
    let ids: std::collections::HashSet<&str> = got.iter().map(|a| a.source_id.as_str()).collect();
    assert_eq!(ids.len(), 3, "one id per session");
    let swim = &got[0];
    same(swim.start, "2018-05-27T09:33:01+02:00");
    assert_eq!((swim.minutes, swim.avg_hr), (Some(33), Some(165)));
    assert_eq!(format!("{:.2}", swim.km.unwrap()), "1.64");
}

#[test]
fn the_end_is_start_plus_elapsed_and_the_offset_is_the_watchs_own() {
    // Recorded in New York in April (UTC−4), Los Angeles in June (UTC−7), and UTC+1.
    let run = &acts("Activity.fit")[0];
    same(run.start, "2012-04-09T17:22:26-04:00");
    same(run.end, "2012-04-09T17:22:39.749-04:00");
    assert_eq!((run.minutes, run.sport.as_str(), run.running, run.avg_hr), (Some(0), "running", true, None));
    assert_eq!(run.run_minutes(), 1);
    let bike = &acts("garmin-fenix-5-bike.fit")[0];
    same(bike.start, "2017-06-12T09:09:22-07:00");
    same(bike.end, "2017-06-12T09:10:22.363-07:00");
    assert_eq!((bike.sport.as_str(), bike.running, bike.avg_hr), ("cycling", false, Some(101)));
    assert_eq!(format!("{:.2}", bike.km.unwrap()), "0.46");
    let indoor = &acts("hrv-activity.fit")[0];
    same(indoor.start, "2022-02-07T17:47:52+01:00");
    same(indoor.end, "2022-02-07T18:05:44.488+01:00");
    assert_eq!((indoor.minutes, indoor.avg_hr), (Some(18), Some(156)));
    assert_eq!(indoor.sport, "cycling/indoor_cycling");
    assert_eq!(format!("{:.2}", indoor.km.unwrap()), "6.87");
    assert!(read(&fixture("Activity.fit"), "a.fit").unwrap().converted.is_empty(), "the watch's offset");
}

#[test]
fn a_fit_file_without_sessions_is_refused_in_one_line() {
    let err = read(&fixture("Settings.fit"), "Settings.fit").unwrap_err();
    assert_eq!(err.exit_code(), 65);
    assert!(err.what.starts_with("Settings.fit: no recorded activity in this FIT file"), "{err}");
}

#[test]
fn what_is_not_a_fit_file_is_refused_before_the_parser_sees_it() {
    let real = fixture("Activity.fit");
    let mut long_header = real.clone();
    long_header[0] = 13;
    let cases: [(&[u8], &str); 5] = [
        (b"", "the file is empty"),
        (b"<?xml version=\"1.0\"?><gpx/>", "no .FIT signature"),
        (&long_header, "a header of 13 bytes"),
        (&real[..real.len() / 2], "truncated: its header announces 771 bytes, the file has 385"),
        (&real[..13], "truncated"),
    ];
    for (bytes, why) in cases {
        let err = read(bytes, "x.fit").unwrap_err();
        assert!(err.what.starts_with("x.fit: not a FIT file ("), "{err}");
        assert!(err.what.contains(why), "{why}: {err}");
        assert_eq!(err.exit_code(), 65);
        assert!(!err.to_string().contains('\n'));
    }
}

/// A deterministic stream of numbers (a linear congruential generator).
fn positions(seed: u64, count: usize, below: usize) -> impl Iterator<Item = (usize, u8)> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let at = (state >> 33) as usize % below;
        let flip = ((state >> 17) as u8) | 1;
        (at, flip)
    })
    .take(count)
}

#[test]
fn a_fit_file_with_any_byte_flipped_is_read_or_refused_never_a_panic() {
    // Every byte of the small files' headers and first definitions, then a sample of all.
    for (name, head, sampled) in
        [("Activity.fit", 200, 150), ("garmin-fenix-5-bike.fit", 120, 150), ("hrv-activity.fit", 0, 40)]
    {
        let real = fixture(name);
        let head = (0..real.len().min(head)).map(|at| (at, 0xFF));
        for (at, flip) in head.chain(positions(17, sampled, real.len())) {
            let mut bytes = real.clone();
            bytes[at] ^= flip;
            match read(&bytes, name) {
                Ok(got) => assert!(!got.activities.is_empty()),
                Err(err) => {
                    assert_eq!(err.exit_code(), 65, "{name} @{at}: {err}");
                    assert!(err.what.starts_with(&format!("{name}: ")), "{err}");
                }
            }
            // Past the checksums, into the parser itself.
            let _ = parse_contained(&bytes, false);
        }
    }
}

/// Run by `the_times_do_not_depend_on_the_computers_zone` in a child process under a
/// pinned `TZ`: prints what the fixtures read as.
#[test]
#[ignore = "run by the_times_do_not_depend_on_the_computers_zone"]
fn print_activities_in_this_zone() {
    for name in ["Activity.fit", "garmin-fenix-5-bike.fit", "hrv-activity.fit", "sample_mulitple_header.fit"]
    {
        for a in acts(name) {
            println!(
                "ACT {} {} {} {:?} {:?}",
                a.source_id,
                a.start.to_rfc3339(),
                a.end.to_rfc3339(),
                a.minutes,
                a.km
            );
        }
    }
}

#[test]
fn the_times_do_not_depend_on_the_computers_zone() {
    let exe = std::env::current_exe().unwrap();
    let name = "exchange::activity::fit::tests::print_activities_in_this_zone";
    let lines = |tz: &str| -> Vec<String> {
        let out = std::process::Command::new(&exe)
            .args([name, "--exact", "--include-ignored", "--nocapture", "--test-threads=1"])
            .env("TZ", tz)
            .output()
            .unwrap();
        assert!(out.status.success(), "{tz}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines().filter_map(|l| l.find("ACT ").map(|at| l[at..].to_string())).collect()
    };
    // New York is in DST in April and June but not on 1989-12-31 (fitparse-rs #53);
    // Kiritimati is UTC+14; Sydney is in DST on 1989-12-31 but not in June.
    let utc = lines("UTC");
    assert_eq!(utc.len(), 6, "{utc:?}");
    assert!(utc[0].contains(" 2012-04-09T17:22:26-04:00 "), "{}", utc[0]);
    for tz in ["America/New_York", "Pacific/Kiritimati", "Australia/Sydney"] {
        assert_eq!(lines(tz), utc, "under TZ={tz}");
    }
}
