//! Multi-week stories on a fixture history: what a runner would see morning by morning.

use super::*;
use Level::*;

/// Verdicts from `from` days before the end up to the end day.
fn week(f: &Fixture, from: u32) -> Vec<Level> {
    (0..=from).rev().map(|n| f.verdict_on(n).level).collect()
}

fn low_hrv(f: &Fixture, z: f64) -> f64 {
    let b = f.verdict_on(0).baselines;
    (b.hrv_mu.unwrap() + z * b.hrv_sigma.unwrap()).exp()
}

#[test]
fn quiet_weeks_with_a_lone_low_reading() {
    let f = Fixture::steady(100);
    let low = low_hrv(&f, -1.5);
    let f = f.on(3, |m| m.hrv = Some(low));
    // A single low morning is a caution, not a change of plan, and is gone the next day.
    assert_eq!(week(&f, 5), [Go, Go, GoCaution, Go, Go, Go]);
}

#[test]
fn two_domains_worsening_over_a_week() {
    let mut f = Fixture::steady(100);
    // Sleep shortens from day 4, soreness climbs from day 2 (counting back).
    for (n, h) in [(4, 6.8), (3, 6.3), (2, 5.8), (1, 5.6), (0, 5.4)] {
        f = f.on(n, |m| m.sleep_hours = Some(h));
    }
    for (n, s) in [(2, 3), (1, 4), (0, 5)] {
        f = f.on(n, |m| m.soreness = Some(s));
    }
    let levels = week(&f, 4);
    assert_eq!(levels[0], Go);
    assert_eq!(*levels.last().unwrap(), Easy);
    assert!(f.verdict().reasons.iter().any(|r| r.detail == "sleep and legs are worse: delay intensity"));
}

#[test]
fn multiple_markers_worsen_then_recover() {
    let f = Fixture::steady(100);
    let low = low_hrv(&f, -2.5);
    let f = f
        .on(5, |m| {
            m.hrv = Some(low);
            m.rhr = Some(56);
            m.sleep_hours = Some(4.5);
            m.soreness = Some(6);
        })
        .on(4, |m| {
            m.sleep_hours = Some(5.8);
            m.soreness = Some(5);
        });
    // REST; the next day at most EASY (and two domains still amber); GO only once clean.
    assert_eq!(week(&f, 5), [Rest, Easy, Easy, Go, Go, Go]);
    assert!(fired(&f.verdict_on(4), "X-REST") || fired(&f.verdict_on(4), "V2"));
}

#[test]
fn illness_then_recovery() {
    let f = Fixture::steady(100)
        .on(6, |m| m.ill = Some(true))
        .on(5, |m| m.ill = Some(true))
        .on(4, |m| m.soreness = Some(4));
    assert_eq!(week(&f, 6), [Rest, Rest, Easy, Go, Go, Go, Go]);
    assert!(f.verdict_on(6).hint.contains("clinician"));
}

#[test]
fn short_sleep_only() {
    let mut f = Fixture::steady(100);
    for n in 0..4 {
        f = f.on(n, |m| m.sleep_hours = Some(5.5));
    }
    // One short night: caution. Two in a row: the same domain twice, so easy.
    assert_eq!(week(&f, 4), [Go, GoCaution, Easy, Easy, Easy]);
    assert_eq!(f.verdict().hint, "keep it easy and cut volume");
}

#[test]
fn a_new_user_calibrating() {
    // Ten mornings of HRV, sleep and soreness: no HRV baseline yet.
    let mut f = Fixture::empty();
    for n in 0..10 {
        f = f.on(n, |m| *m = normal(n));
    }
    let v = f.verdict();
    assert_eq!(v.baselines.hrv_state, BaselineState::Off);
    assert_eq!(v.baselines.hrv_count, 3);
    assert_eq!(v.level, Go);
    assert_eq!(v.confidence, Confidence::Low);
    // HRV is rated against the first mornings, provisionally: LOW confidence, and the
    // calibration says how far the baseline is and when the full rules start.
    assert_eq!(outcome(&v, "H-EARLY"), OK);
    assert!(rule(&v, "H-EARLY").unwrap().provisional);
    assert!(v.calibration[0].starts_with("HRV baseline 3 of 14 — full rules from "), "{:?}", v.calibration);
    // Absolute rules still work: short sleep is seen on day one.
    assert_eq!(f.on(0, |m| m.sleep_hours = Some(4.5)).verdict().level, Easy);
}

#[test]
fn missing_days_are_not_carried_forward() {
    let f = Fixture::steady(100);
    let low = low_hrv(&f, -3.0);
    let f = f
        .on(2, |m| m.hrv = Some(low))
        .gap(1)
        .on(0, |m| *m = Markers { sleep_hours: Some(7.5), ..Markers::default() });
    assert_eq!(f.verdict_on(2).domain(Domain::Autonomic), Some(State::Red));
    assert_eq!(f.verdict_on(1).level, NoData);
    let today = f.verdict();
    assert_eq!(today.domain(Domain::Autonomic), None);
    assert!(today.unavailable.contains(&"hrv"));
    assert_eq!(today.level, Go);
}

#[test]
fn high_hrv_with_low_rhr_and_sore_legs() {
    let f = Fixture::steady(100);
    let high = low_hrv(&f, 1.2);
    let mut g = f;
    for n in 0..7 {
        g = g.on(n, |m| {
            m.hrv = Some(high);
            m.rhr = Some(47);
        });
    }
    let g = g.on(1, |m| m.soreness = Some(5)).on(0, |m| m.soreness = Some(6));
    let v = g.verdict();
    assert_eq!(v.level, Easy);
    assert!(fired(&v, "A-SAT"));
    assert!(rule(&v, "A-SAT").unwrap().detail.contains("functional overreaching"));
}

#[test]
fn a_load_spike_with_and_without_another_marker() {
    let mut f = Fixture::steady(100);
    for n in (8..=28).step_by(2) {
        f = f.load(n, 300.0);
    }
    for n in 1..=7 {
        f = f.load(n, 500.0);
    }
    // 3500 this week against 3300 / 3 ≈ 1100 a week before: ACWR ≈ 3.2.
    assert!(acwr(&f.inputs, end()).unwrap() > 3.0);
    assert_eq!(f.verdict().level, Go);
    assert_eq!(f.clone().on(0, |m| m.sleep_quality = Some(2)).verdict().level, Easy);
    assert_eq!(f.on(0, |m| m.sleep_quality = Some(2)).verdict().hint, "cap at easy aerobic effort");
}

#[test]
fn localized_pain_rising() {
    let f = Fixture::steady(100)
        .on(3, |m| m.pain = Some(1))
        .on(2, |m| m.pain = Some(2))
        .on(1, |m| m.pain = Some(3))
        .on(0, |m| m.pain = Some(4));
    assert_eq!(week(&f, 3), [GoCaution, Easy, Easy, Rest]);
    assert_eq!(f.verdict().reasons[0].rule, "V0");
    // Pain that holds at 4 stays EASY; at 6 it is REST outright.
    let holding = Fixture::steady(100).on(1, |m| m.pain = Some(4)).on(0, |m| m.pain = Some(4));
    assert_eq!(holding.verdict().level, Easy);
}

#[test]
fn the_demo_overreaching_episode_shows_easy_and_rest_days() {
    let routine = crate::domain::routine::Routine::builtin().unwrap();
    let h = crate::domain::demo::generate(end(), 120, &routine, 90);
    let mut inputs = Inputs::default();
    inputs.markers.extend(h.markers.iter().cloned());
    for r in &h.runs {
        *inputs.load.entry(r.day).or_default() += f64::from(r.rpe.unwrap_or(0)) * f64::from(r.minutes);
    }
    let t = Thresholds::default();
    let levels: Vec<Level> = (28..=49).map(|n| verdict(&inputs, back(n), &t).level).collect();
    let hard = levels.iter().filter(|l| matches!(l, Easy | Rest)).count();
    assert!(hard >= 10, "{levels:?}");
    assert!(levels.contains(&Rest), "{levels:?}");
    let calm: Vec<Level> = (70..=90).map(|n| verdict(&inputs, back(n), &t).level).collect();
    assert!(calm.iter().filter(|l| matches!(l, Go | GoCaution)).count() >= 14, "{calm:?}");
}

#[test]
fn levels_agree_with_the_verdict_day_by_day() {
    let routine = crate::domain::routine::Routine::builtin().unwrap();
    let h = crate::domain::demo::generate(end(), 120, &routine, 90);
    let mut inputs = Inputs::default();
    inputs.markers.extend(h.markers.iter().cloned());
    for r in &h.runs {
        *inputs.load.entry(r.day).or_default() += f64::from(r.rpe.unwrap_or(0)) * f64::from(r.minutes);
    }
    let t = Thresholds::default();
    let all = levels(&inputs, back(90), end(), &t);
    assert_eq!(all.len(), 91);
    for (day, level) in all {
        assert_eq!(verdict(&inputs, day, &t).level, level, "{day}");
    }
}
