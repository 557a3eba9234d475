//! Round trip over generated histories, on real SQLite files: export → import into an
//! empty database → export gives the same bytes (CSV and JSON, markers and runs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use common::Sandbox;
use cooldown::domain::records::{HrvSource, Markers, Run, RunRow};
use cooldown::domain::session::Session;
use cooldown::exchange::{export, import};
use cooldown::store::Store;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn now() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap()
}

/// A decimal with up to `places` places in [lo, hi], as the text a user would type.
fn decimal(lo: f64, hi: f64, places: u32) -> impl Strategy<Value = f64> {
    let scale = 10f64.powi(places as i32);
    ((lo * scale) as i64..=(hi * scale) as i64)
        .prop_map(move |n| format!("{}", n as f64 / scale).parse().unwrap())
}

/// Notes a spreadsheet would trip on: formulas, quotes, commas, non-ASCII, spaces.
fn note() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,\"'=+@-]{1,30}",
        Just("=SUM(A1:A9)".to_string()),
        Just("'=already quoted".to_string()),
        Just("-5 km, \"felt\" ok".to_string()),
        "[äöü€ß ]{1,10}",
    ]
}

fn markers() -> impl Strategy<Value = Markers> {
    (
        (
            proptest::option::of(25u16..=220),
            proptest::option::of(decimal(5.0, 300.0, 1)),
            proptest::option::of(decimal(0.0, 24.0, 2)),
            proptest::option::of(1u8..=5),
            proptest::option::of(0u8..=10),
            proptest::option::of(0u8..=10),
        ),
        (
            proptest::option::of(proptest::sample::select(
                cooldown::domain::pain::SITES.map(String::from).to_vec(),
            )),
            proptest::option::of(decimal(1.0, 500.0, 1)),
            proptest::option::of(decimal(0.0, 600.0, 1)),
            proptest::option::of(decimal(20.0, 300.0, 1)),
            proptest::option::of(any::<bool>()),
            proptest::option::of(note()),
        ),
        proptest::option::of(proptest::sample::select(vec![HrvSource::Morning, HrvSource::Overnight])),
    )
        .prop_map(
            |(
                (rhr, hrv, sleep_hours, sleep_quality, soreness, pain),
                (pain_site, hop_cm, balance_s, weight_kg, ill, note),
                hrv_source,
            )| {
                Markers {
                    rhr,
                    hrv,
                    sleep_hours,
                    sleep_quality,
                    soreness,
                    pain,
                    pain_site,
                    hop_cm,
                    balance_s,
                    weight_kg,
                    ill,
                    note,
                    hrv_source,
                }
            },
        )
        .prop_filter("a day with nothing logged is not stored", |m| !m.is_empty())
}

fn run(day: NaiveDate) -> impl Strategy<Value = Run> {
    let kinds =
        [Session::Easy, Session::Tempo, Session::Intervals, Session::Long, Session::Race, Session::Cross];
    (
        (0u32..24, 0u32..60, proptest::sample::select(kinds.to_vec()), 1u32..=1440),
        (
            proptest::option::of(decimal(0.0, 1000.0, 2)),
            proptest::option::of(1u8..=10),
            proptest::option::of(decimal(20.0, 300.0, 1)),
            proptest::option::of(decimal(20.0, 300.0, 1)),
            proptest::option::of(decimal(0.0, 20.0, 2)),
            proptest::option::of(note()),
        ),
    )
        .prop_map(
            move |((h, m, kind, minutes), (km, rpe, weight_before_kg, weight_after_kg, fluid_l, note))| Run {
                id: None,
                day,
                at: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
                kind,
                minutes,
                km,
                rpe,
                weight_before_kg,
                weight_after_kg,
                fluid_l,
                note,
            },
        )
        .prop_filter("weights and fluid that one run can have", |r| {
            cooldown::domain::targets::implausible(r, cooldown::domain::units::Units::METRIC).is_none()
        })
}

/// Up to 60 distinct days in the last ten years, markers on each, runs on some.
fn history() -> impl Strategy<Value = (Vec<(NaiveDate, Markers)>, Vec<Run>)> {
    proptest::collection::btree_set(0i64..3650, 1..60).prop_flat_map(|offsets: BTreeSet<i64>| {
        let days: Vec<NaiveDate> =
            offsets.iter().map(|o| today() - chrono::Days::new(*o as u64 + 1)).collect();
        let markers = proptest::collection::vec(markers(), days.len()).prop_map({
            let days = days.clone();
            move |ms| days.iter().copied().zip(ms).collect::<Vec<_>>()
        });
        let runs = days.iter().take(20).map(|d| run(*d)).collect::<Vec<_>>();
        (markers, runs)
    })
}

fn exported(store: &Store) -> [String; 4] {
    let markers = store.markers_between(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(), today()).unwrap();
    let runs = store.runs_between(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(), today()).unwrap();
    [
        export::markers_csv(&markers).unwrap(),
        export::runs_csv(&runs).unwrap(),
        export::markers_json(&markers).unwrap(),
        export::runs_json(&runs).unwrap(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_gives_the_same_bytes((markers, runs) in history()) {
        let s = Sandbox::new();
        let mut first = Store::open_path(&s.path("first.db")).unwrap();
        let rows: Vec<RunRow> = runs.into_iter().map(|run| RunRow { run, at_given: true, line: 0 }).collect();
        first.import_rows(&markers, &rows, "generated", now()).unwrap().unwrap();
        let before = exported(&first);

        let mut second = Store::open_path(&s.path("second.db")).unwrap();
        for csv in &before[..2] {
            let got = import::parse(csv, "export.csv", today()).unwrap();
            prop_assert!(got.ignored.is_empty() && got.converted.is_empty());
            second.import_rows(&got.markers, &got.runs, &got.file, now()).unwrap().unwrap();
            // Into the database it came from: every row is already there, the same.
            let (m, r) = first.import_rows(&got.markers, &got.runs, &got.file, now()).unwrap().unwrap();
            let total = got.markers.len() + got.runs.len();
            prop_assert_eq!((m.new + r.new, m.changed + r.changed, m.same + r.same), (0, 0, total));
        }
        prop_assert_eq!(&exported(&first), &before);
        let after = exported(&second);
        for (a, b) in before.iter().zip(&after) {
            prop_assert_eq!(a, b);
        }
        // And nothing was lost on the way in: the stored values are the generated ones.
        let stored = second.markers_between(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(), today()).unwrap();
        let mut generated = markers;
        generated.sort_by_key(|(day, _)| *day);
        prop_assert_eq!(stored, generated);
    }
}
