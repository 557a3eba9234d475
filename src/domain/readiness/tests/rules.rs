//! One test (or more) per rule id of READINESS.md "Marker ratings" and "Domains".

use super::*;

fn base() -> Fixture {
    Fixture::steady(90)
}

/// HRV (ms) at `z` SDs from the fixture's baseline mean.
fn hrv_at(f: &Fixture, z: f64) -> f64 {
    let b = f.verdict().baselines;
    (b.hrv_mu.unwrap() + z * b.hrv_sigma.unwrap()).exp()
}

#[test]
fn baselines_use_days_d66_to_d7_and_report_their_state() {
    let v = base().verdict();
    assert_eq!(v.baselines.hrv_count, 60);
    assert_eq!(v.baselines.hrv_state, BaselineState::Trusted);
    // A wild value on d−67 and on d−6 is outside W: the baseline does not move.
    let mean = v.baselines.hrv_mu.unwrap();
    let moved = base().on(67, |m| m.hrv = Some(200.0)).on(6, |m| m.hrv = Some(200.0)).verdict();
    assert_eq!(moved.baselines.hrv_mu.unwrap(), mean);
    let inside = base().on(66, |m| m.hrv = Some(200.0)).verdict();
    assert_ne!(inside.baselines.hrv_mu.unwrap(), mean);
}

#[test]
fn baseline_states_off_calibrating_trusted() {
    let state = |days| Fixture::steady(days).verdict().baselines.hrv_state;
    // W holds (days − 7) values while days ≤ 67.
    assert_eq!(state(20), BaselineState::Off); // 13 values
    assert_eq!(state(21), BaselineState::Calibrating); // 14
    assert_eq!(state(27), BaselineState::Calibrating); // 20
    assert_eq!(state(28), BaselineState::Trusted); // 21
    // Off: the provisional reference rates today instead (v2), and the calibration says
    // how far the baseline is.
    let off = Fixture::steady(20).verdict();
    assert_eq!(outcome(&off, "H-EARLY"), OK);
    assert_eq!(outcome(&off, "H-ACUTE"), None);
    assert!(
        off.calibration[0].starts_with("HRV baseline 13 of 14 — full rules from"),
        "{:?}",
        off.calibration
    );
}

#[test]
fn sigma_has_a_floor() {
    let mut f = Fixture::empty();
    for n in 0..70 {
        f = f.on(n, |m| m.hrv = Some(65.0));
    }
    assert_eq!(f.verdict().baselines.hrv_sigma, Some(baseline::SIGMA_FLOOR));
}

#[test]
fn h_acute() {
    let f = base();
    let at = |z| f.clone().on(0, |m| m.hrv = Some(hrv_at(&f, z))).verdict();
    assert_eq!(outcome(&at(-0.9), "H-ACUTE"), OK);
    assert_eq!(outcome(&at(-1.1), "H-ACUTE"), AMBER);
    assert_eq!(outcome(&at(-1.9), "H-ACUTE"), AMBER);
    assert_eq!(outcome(&at(-2.1), "H-ACUTE"), RED);
    let v = at(-1.5);
    let c = rule(&v, "H-ACUTE").unwrap();
    assert!(c.detail.contains("below your usual"), "{}", c.detail);
    assert!(c.baseline.is_some() && c.today.is_some());
    assert!(c.threshold.contains("z ≤ −1"), "{}", c.threshold);
}

#[test]
fn h_chronic_and_h_high() {
    let f = base();
    let week = |z: f64| {
        let mut g = f.clone();
        for n in 0..7 {
            g = g.on(n, |m| m.hrv = Some(hrv_at(&f, z)));
        }
        g.verdict()
    };
    assert_eq!(outcome(&week(-0.4), "H-CHRONIC"), OK);
    assert_eq!(outcome(&week(-0.6), "H-CHRONIC"), AMBER);
    assert_eq!(outcome(&week(-1.1), "H-CHRONIC"), RED);
    assert_eq!(outcome(&week(0.4), "H-HIGH"), None);
    assert_eq!(outcome(&week(0.6), "H-HIGH"), INFO);
    assert!(rule(&week(0.6), "H-HIGH").unwrap().detail.contains("above your usual"));
}

#[test]
fn h_chronic_needs_three_days_in_the_week() {
    let mut f = base();
    for n in 0..7 {
        f = f.on(n, |m| m.hrv = None);
    }
    let two = f.clone().on(0, |m| m.hrv = Some(65.0)).on(3, |m| m.hrv = Some(65.0));
    assert_eq!(outcome(&two.verdict(), "H-CHRONIC"), INFO);
    assert!(rule(&two.verdict(), "H-CHRONIC").unwrap().detail.contains("2/7"));
    let three = two.on(5, |m| m.hrv = Some(65.0));
    assert_eq!(outcome(&three.verdict(), "H-CHRONIC"), OK);
}

#[test]
fn r_acute() {
    let at = |rhr| base().on(0, |m| m.rhr = Some(rhr)).verdict();
    assert_eq!(outcome(&at(52), "R-ACUTE"), OK);
    assert_eq!(outcome(&at(53), "R-ACUTE"), AMBER); // baseline 50 + 3
    assert_eq!(outcome(&at(55), "R-ACUTE"), RED); // + 5
    assert!(rule(&at(55), "R-ACUTE").unwrap().detail.contains("5 above your usual 50"));
    assert!(rule(&at(50), "R-ACUTE").unwrap().detail.contains("the same as your usual 50"));
}

#[test]
fn r_chronic() {
    let mut f = base();
    for n in 0..7 {
        f = f.on(n, |m| m.rhr = Some(53));
    }
    assert_eq!(outcome(&f.verdict(), "R-CHRONIC"), AMBER);
    assert_eq!(outcome(&base().verdict(), "R-CHRONIC"), OK);
}

#[test]
fn s_hours() {
    let at = |h| base().on(0, |m| m.sleep_hours = Some(h)).verdict();
    assert_eq!(outcome(&at(6.0), "S-HOURS"), OK);
    assert_eq!(outcome(&at(5.9), "S-HOURS"), AMBER);
    assert_eq!(outcome(&at(5.0), "S-HOURS"), AMBER);
    assert_eq!(outcome(&at(4.9), "S-HOURS"), RED);
    // Three nights averaging under 6.5 h are amber although last night was 6.2 h.
    let m3 = base()
        .on(2, |m| m.sleep_hours = Some(6.4))
        .on(1, |m| m.sleep_hours = Some(6.4))
        .on(0, |m| m.sleep_hours = Some(6.2));
    assert_eq!(outcome(&m3.verdict(), "S-HOURS"), AMBER);
    // …but only when all three nights are logged.
    let gap = m3.on(1, |m| m.sleep_hours = None);
    assert_eq!(outcome(&gap.verdict(), "S-HOURS"), OK);
}

#[test]
fn s_qual() {
    let at = |q| base().on(0, |m| m.sleep_quality = Some(q)).verdict();
    assert_eq!(outcome(&at(3), "S-QUAL"), OK);
    assert_eq!(outcome(&at(2), "S-QUAL"), AMBER);
    assert_eq!(outcome(&at(1), "S-QUAL"), AMBER);
}

#[test]
fn m_sore() {
    let at = |s| base().on(0, |m| m.soreness = Some(s)).verdict();
    assert_eq!(outcome(&at(4), "M-SORE"), OK);
    assert_eq!(outcome(&at(5), "M-SORE"), AMBER);
    assert_eq!(outcome(&at(7), "M-SORE"), RED);
    // Relative to a runner whose usual soreness is 0: 3 is amber.
    let mut calm = base();
    for n in 1..=28 {
        calm = calm.on(n, |m| m.soreness = Some(0));
    }
    assert_eq!(outcome(&calm.clone().on(0, |m| m.soreness = Some(2)).verdict(), "M-SORE"), OK);
    assert_eq!(outcome(&calm.on(0, |m| m.soreness = Some(3)).verdict(), "M-SORE"), AMBER);
}

#[test]
fn m_pain() {
    let at = |p| base().on(0, |m| m.pain = Some(p)).verdict();
    assert_eq!(outcome(&at(0), "M-PAIN"), OK);
    assert_eq!(outcome(&at(1), "M-PAIN"), AMBER);
    assert_eq!(outcome(&at(3), "M-PAIN"), AMBER);
    assert_eq!(outcome(&at(4), "M-PAIN"), RED);
}

#[test]
fn m_hop_for_hop_and_balance() {
    let hop = |cm| base().on(0, |m| m.hop_cm = Some(cm)).verdict();
    let hop_check = |v: &Verdict| {
        v.checks.iter().find(|c| c.rule == "M-HOP" && c.marker == Some("hop")).map(|c| c.outcome)
    };
    assert_eq!(hop_check(&hop(145.0)), OK); // 3% below 150
    assert_eq!(hop_check(&hop(141.0)), AMBER); // 6%
    assert_eq!(hop_check(&hop(134.0)), RED); // 10.7%
    let balance = base().on(0, |m| m.balance_s = Some(26.0)).verdict();
    let c = balance.checks.iter().find(|c| c.rule == "M-HOP" && c.marker == Some("balance")).unwrap();
    assert_eq!(c.outcome, Outcome::Rated(State::Red));
    assert!(c.detail.contains("13% below your usual 30 s"), "{}", c.detail);
}

#[test]
fn m_hop_threshold_rises_with_a_noisy_baseline() {
    // Hop alternating 135 / 165 cm: CV ≈ 10%, so the amber drop is 2·CV ≈ 20%…
    let mut f = base();
    for n in 7..=66 {
        f = f.on(n, |m| m.hop_cm = Some(if n % 2 == 0 { 135.0 } else { 165.0 }));
    }
    let v = f.on(0, |m| m.hop_cm = Some(140.0)).verdict();
    let c = v.checks.iter().find(|c| c.rule == "M-HOP" && c.marker == Some("hop")).unwrap();
    // …and a 7% drop is not flagged (red stays at 10%).
    assert_eq!(c.outcome, Outcome::Rated(State::Ok), "{}", c.threshold);
}

#[test]
fn implausible_readings_are_unavailable_with_a_reason() {
    let v = base()
        .on(0, |m| {
            m.hrv = Some(8.0);
            m.rhr = Some(150);
        })
        .verdict();
    assert_eq!(outcome(&v, "H-PLAUSIBLE"), INFO);
    assert_eq!(outcome(&v, "R-PLAUSIBLE"), INFO);
    assert_eq!(outcome(&v, "H-ACUTE"), None);
    assert!(v.unavailable.contains(&"hrv") && v.unavailable.contains(&"rhr"));
    assert_eq!(v.domain(Domain::Autonomic), None);
}

#[test]
fn domain_is_its_worst_member() {
    let v = base()
        .on(0, |m| {
            m.sleep_hours = Some(5.5);
            m.sleep_quality = Some(3);
        })
        .verdict();
    assert_eq!(v.domain(Domain::Sleep), Some(State::Amber));
    let v = base().on(0, |m| m.soreness = Some(7)).verdict();
    assert_eq!(v.domain(Domain::Musculoskeletal), Some(State::Red));
}

#[test]
fn hrv_and_rhr_amber_together_make_the_autonomic_domain_red() {
    let f = base();
    let z = hrv_at(&f, -1.5);
    let hrv_only = f.clone().on(0, |m| m.hrv = Some(z)).verdict();
    assert_eq!(hrv_only.domain(Domain::Autonomic), Some(State::Amber));
    let both = f
        .on(0, |m| {
            m.hrv = Some(z);
            m.rhr = Some(53);
        })
        .verdict();
    assert_eq!(both.domain(Domain::Autonomic), Some(State::Red));
    assert!(fired(&both, "D-AUTONOMIC"));
}

#[test]
fn a_sat_high_hrv_low_rhr_sore_legs() {
    let f = base();
    let high = hrv_at(&f, 1.0);
    let mut g = f.clone();
    for n in 0..7 {
        g = g.on(n, |m| {
            m.hrv = Some(high);
            m.rhr = Some(47);
        });
    }
    let calm = g.clone().verdict();
    assert!(!calm.reasons.iter().any(|c| c.rule == "A-SAT"));
    let sore = g.on(0, |m| m.soreness = Some(5)).verdict();
    assert!(fired(&sore, "A-SAT"), "{:?}", sore.reasons);
    assert_eq!(sore.domain(Domain::Autonomic), Some(State::Amber));
    assert_eq!(sore.level, Level::Easy);
}

#[test]
fn a_domain_without_a_marker_today_is_unavailable_and_its_week_rules_do_not_run() {
    let mut f = base();
    for n in 1..7 {
        f = f.on(n, |m| m.hrv = Some(50.0));
    }
    let v = f
        .on(0, |m| {
            m.hrv = None;
            m.rhr = None;
        })
        .verdict();
    assert_eq!(v.domain(Domain::Autonomic), None);
    assert_eq!(outcome(&v, "H-CHRONIC"), None);
}
