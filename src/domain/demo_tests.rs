use super::*;
use crate::domain::values;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn history(days: u32) -> History {
    generate(end(), days, &Routine::builtin().unwrap(), 90)
}

#[test]
fn the_same_every_time() {
    assert_eq!(history(120), history(120));
}

#[test]
fn covers_the_requested_days_and_ends_today() {
    let h = history(120);
    let first = h.markers.first().unwrap().0;
    let last = h.markers.last().unwrap().0;
    assert!(first >= end() - Days::new(119), "{first}");
    assert_eq!(last, end());
    assert!(h.markers.len() >= 105, "{} mornings", h.markers.len());
    assert!(h.runs.iter().any(|r| r.day == end()));
}

#[test]
fn every_run_type_appears() {
    let h = history(120);
    for kind in Session::RUNS {
        assert!(h.runs.iter().any(|r| r.kind == kind), "{kind} missing");
    }
}

#[test]
fn every_value_is_inside_the_cli_ranges() {
    let h = history(3650);
    let ok = |field: values::Field, v: Option<f64>| {
        if let Some(v) = v {
            field.check(v).unwrap();
        }
    };
    for (_, m) in &h.markers {
        ok(values::RHR, m.rhr.map(f64::from));
        ok(values::HRV, m.hrv);
        ok(values::SLEEP, m.sleep_hours);
        ok(values::SLEEP_QUALITY, m.sleep_quality.map(f64::from));
        ok(values::SORENESS, m.soreness.map(f64::from));
        ok(values::PAIN, m.pain.map(f64::from));
        ok(values::HOP, m.hop_cm);
        ok(values::BALANCE, m.balance_s);
        ok(values::WEIGHT, m.weight_kg);
    }
    for r in &h.runs {
        ok(values::MINUTES, Some(f64::from(r.minutes)));
        ok(values::KM, r.km);
        ok(values::RPE, r.rpe.map(f64::from));
        ok(values::WEIGHT_BEFORE, r.weight_before_kg);
        ok(values::WEIGHT_AFTER, r.weight_after_kg);
        ok(values::FLUID, r.fluid_l);
        assert_eq!(
            crate::domain::targets::implausible(r, crate::domain::units::Units::METRIC),
            None,
            "{r:?}"
        );
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = values.collect();
    v.iter().sum::<f64>() / v.len() as f64
}

#[test]
fn the_overreaching_episode_shows_in_hrv_rhr_and_soreness() {
    let h = history(120);
    let window = |from: u64, to: u64| {
        h.markers.iter().filter(move |(d, _)| *d >= end() - Days::new(to) && *d <= end() - Days::new(from))
    };
    let normal_hrv = mean(window(70, 110).filter_map(|(_, m)| m.hrv));
    let episode_hrv = mean(window(36, 42).filter_map(|(_, m)| m.hrv));
    assert!(episode_hrv < normal_hrv * 0.88, "{episode_hrv} vs {normal_hrv}");
    let normal_rhr = mean(window(70, 110).filter_map(|(_, m)| m.rhr.map(f64::from)));
    let episode_rhr = mean(window(36, 42).filter_map(|(_, m)| m.rhr.map(f64::from)));
    assert!(episode_rhr > normal_rhr + 4.0, "{episode_rhr} vs {normal_rhr}");
    let episode_sore = mean(window(36, 42).filter_map(|(_, m)| m.soreness.map(f64::from)));
    assert!(episode_sore >= 5.0, "{episode_sore}");
    assert!(window(33, 33).any(|(_, m)| m.ill == Some(true)));
}

#[test]
fn adherence_is_human_neither_perfect_nor_absent() {
    let h = history(120);
    let days_with_ticks: std::collections::BTreeSet<NaiveDate> = h.ticks.iter().map(|(d, _)| *d).collect();
    assert!((80..=118).contains(&days_with_ticks.len()), "{}", days_with_ticks.len());
    let today: Vec<&Tick> = h.ticks.iter().filter(|(d, _)| *d == end()).map(|(_, t)| t).collect();
    assert_eq!(today.len(), 2);
}

#[test]
fn short_histories_have_no_episode() {
    let h = history(10);
    assert!(h.markers.iter().all(|(_, m)| m.ill.is_none()));
    assert!(h.markers.len() <= 10);
}

#[test]
fn the_last_day_is_a_full_one_on_every_weekday() {
    // A week of end days covers every weekday (the weekly rhythm has rest days).
    for offset in 0..7 {
        let end = end() + Days::new(offset);
        for days in [3, 120] {
            let h = generate(end, days, &Routine::builtin().unwrap(), 90);
            let today = h.markers.iter().find(|(d, _)| *d == end).map(|(_, m)| m).unwrap();
            assert!(
                today.hrv.is_some() && today.rhr.is_some() && today.sleep_hours.is_some(),
                "{end}: {today:?}"
            );
            let runs_on = |d: NaiveDate| h.runs.iter().filter(|r| r.day == d).count();
            assert!(runs_on(end) > 0, "{end} ({}): no run today", end.weekday());
            assert!(runs_on(end - Days::new(1)) > 0, "{end}: no run the day before");
        }
    }
}
