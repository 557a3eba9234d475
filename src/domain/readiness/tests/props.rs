//! Properties over random histories: any values inside CLI.md's ranges, random gaps.

use super::*;
use proptest::prelude::*;

fn markers() -> impl Strategy<Value = Markers> {
    (
        (
            prop::option::of(25u16..=220),
            prop::option::of(5.0f64..=300.0),
            prop::option::of(0.0f64..=24.0),
            prop::option::of(1u8..=5),
            prop::option::of(0u8..=10),
            prop::option::of(0u8..=10),
        ),
        (
            prop::option::of(1.0f64..=500.0),
            prop::option::of(0.0f64..=600.0),
            prop::option::of(20.0f64..=300.0),
            prop::option::weighted(0.05, Just(true)),
        ),
    )
        .prop_map(
            |(
                (rhr, hrv, sleep_hours, sleep_quality, soreness, pain),
                (hop_cm, balance_s, weight_kg, ill),
            )| {
                Markers {
                    rhr,
                    hrv,
                    sleep_hours,
                    sleep_quality,
                    soreness,
                    pain,
                    hop_cm,
                    balance_s,
                    weight_kg,
                    ill,
                    ..Markers::default()
                }
            },
        )
}

/// 0–120 days ending on the fixture's end day, each morning logged or not, and a
/// training load on some days.
fn history() -> impl Strategy<Value = Inputs> {
    (
        prop::collection::vec(prop::option::weighted(0.8, markers()), 0..120),
        prop::collection::vec(prop::option::weighted(0.5, 0.0f64..=14_400.0), 0..60),
    )
        .prop_map(|(days, loads)| {
            let mut inputs = Inputs::default();
            for (n, m) in days.into_iter().enumerate() {
                if let Some(m) = m {
                    inputs.markers.insert(back(n as u32), m);
                }
            }
            for (n, l) in loads.into_iter().enumerate() {
                if let Some(l) = l {
                    inputs.load.insert(back(n as u32), l);
                }
            }
            inputs
        })
}

/// Anything that can rate readiness today: a plausible HRV or resting HR with a baseline
/// or a provisional reference, a sleep, soreness or pain value, a hop or balance value
/// with its reference, or the ill flag (v2: a marker with nothing to compare rates nothing).
fn rates_something(inputs: &Inputs) -> bool {
    let Some(m) = inputs.markers.get(&end()) else { return false };
    let b = baselines(inputs, end(), &Thresholds::default());
    (baseline::valid_hrv(m).is_some() && (b.hrv_mu.is_some() || b.hrv_early.is_some()))
        || (baseline::valid_rhr(m).is_some() && (b.rhr_mean.is_some() || b.rhr_early.is_some()))
        || m.sleep_hours.is_some()
        || m.sleep_quality.is_some()
        || m.soreness.is_some()
        || m.pain.is_some()
        || (m.hop_cm.is_some() && b.hop.is_some())
        || (m.balance_s.is_some() && b.balance.is_some())
        || m.ill == Some(true)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_is_well_formed(inputs in history()) {
        let v = verdict(&inputs, end(), &Thresholds::default());
        prop_assert_eq!(v.date, end());
        prop_assert!(!v.hint.is_empty());
        for c in &v.reasons {
            prop_assert!(c.today.is_none_or(f64::is_finite));
            prop_assert!(c.baseline.is_none_or(f64::is_finite));
        }
    }

    #[test]
    fn never_go_when_two_domains_are_red(inputs in history()) {
        let v = verdict(&inputs, end(), &Thresholds::default());
        let reds = v.domains.iter().filter(|(_, s)| *s == Some(State::Red)).count();
        if reds >= 2 {
            prop_assert!(!matches!(v.level, Level::Go | Level::GoCaution), "{:?}", v.level);
        }
    }

    #[test]
    fn no_data_exactly_when_nothing_rates_today(inputs in history()) {
        let v = verdict(&inputs, end(), &Thresholds::default());
        let logged = rates_something(&inputs);
        prop_assert_eq!(v.level == Level::NoData, !logged);
    }

    #[test]
    fn go_means_no_domain_is_worse(inputs in history()) {
        let v = verdict(&inputs, end(), &Thresholds::default());
        if v.level == Level::Go {
            prop_assert!(v.domains.iter().all(|(_, s)| s.is_none_or(|s| s == State::Ok)));
        }
    }
}
