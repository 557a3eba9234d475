//! HRV per source at its edges (issue 17 item 3): a switch to overnight averages part way,
//! switching back, and days without a source counted as morning readings.

use super::*;
use crate::domain::records::HrvSource;

fn overnight(m: &mut Markers) {
    m.hrv = Some(45.0);
    m.hrv_source = Some(HrvSource::Overnight);
}

fn day_words(n: u32) -> String {
    back(n).format("%a %-d %b").to_string()
}

#[test]
fn a_switch_to_overnight_twenty_days_ago_calibrates_on_overnight_values_only() {
    let mut f = Fixture::steady(100);
    for n in 0..=20 {
        f = f.on(n, overnight);
    }
    // The day before the switch: mornings only, nothing changed.
    let before = f.verdict_on(21);
    assert_eq!(
        (before.baselines.hrv_source, before.baselines.hrv_source_changed),
        (HrvSource::Morning, false)
    );
    assert_eq!(before.baselines.hrv_source_since, None);
    // The day of the switch: the baseline restarts from nothing.
    let first = f.verdict_on(20);
    assert_eq!(first.baselines.hrv_source, HrvSource::Overnight);
    assert_eq!((first.baselines.hrv_count, first.baselines.hrv_source_since), (0, Some(back(20))));
    assert_eq!(outcome(&first, "H-ACUTE"), None, "45 ms overnight is never compared with 65 ms mornings");
    // Twenty days on: W holds the 14 overnight values of days 20 … 7, none of the mornings.
    let v = f.verdict();
    assert_eq!(v.baselines.hrv_count, 14);
    assert_eq!(v.baselines.hrv_state, BaselineState::Calibrating);
    assert!((v.baselines.hrv_mu.unwrap() - 45f64.ln()).abs() < 1e-9);
    assert_eq!(outcome(&v, "H-ACUTE"), OK);
    let said = format!(
        "HRV source changed to overnight averages on {}: baseline restarts, 14 of 21 — trusted from ",
        day_words(20)
    );
    assert!(v.calibration[0].starts_with(&said), "{:?}", v.calibration);
}

#[test]
fn switching_back_to_mornings_finds_the_morning_baseline_again() {
    let mut f = Fixture::steady(100);
    for n in 1..=5 {
        f = f.on(n, overnight);
    }
    let during = f.verdict_on(1);
    assert_eq!(during.baselines.hrv_source, HrvSource::Overnight);
    assert_eq!((during.baselines.hrv_count, during.baselines.hrv_source_since), (0, Some(back(5))));
    assert!(during.calibration[0].starts_with(&format!(
        "HRV source changed to overnight averages on {}: baseline restarts, 0 of 14",
        day_words(5)
    )));
    let v = f.verdict();
    assert_eq!(v.baselines.hrv_source, HrvSource::Morning);
    assert_eq!(v.baselines.hrv_source_since, Some(end()));
    assert_eq!((v.baselines.hrv_count, v.baselines.hrv_state), (60, BaselineState::Trusted));
    assert_eq!(outcome(&v, "H-ACUTE"), OK);
    // The 7-day mean holds the two mornings of the week, not the five overnight values.
    assert_eq!(v.baselines.hrv_week_count, 2);
    assert!(!v.calibration.iter().any(|c| c.starts_with("HRV")), "{:?}", v.calibration);
}

#[test]
fn days_without_a_source_are_morning_readings() {
    let mut f = Fixture::steady(100);
    for n in (0..100).step_by(2) {
        f = f.on(n, |m| m.hrv_source = Some(HrvSource::Morning));
    }
    let v = f.verdict();
    assert_eq!(v.baselines.hrv_source, HrvSource::Morning);
    assert_eq!((v.baselines.hrv_source_changed, v.baselines.hrv_source_since), (false, None));
    assert_eq!((v.baselines.hrv_count, v.baselines.hrv_state), (60, BaselineState::Trusted));
}
