//! One test per ladder step and per step after it (load, extend recovery, caution), and
//! the confidence and hints.

use super::*;

fn base() -> Fixture {
    Fixture::steady(90)
}

fn short_sleep(m: &mut Markers) {
    m.sleep_hours = Some(5.5);
}

fn sore(m: &mut Markers) {
    m.soreness = Some(5);
}

#[test]
fn v0_ill_is_rest_whatever_else() {
    let v = base().on(0, |m| m.ill = Some(true)).verdict();
    assert_eq!(v.level, Level::Rest);
    assert_eq!(v.reasons[0].rule, "V0");
    assert!(v.hint.contains("clinician"));
    // Ill alone, with nothing else logged, is still REST, never NO_DATA.
    let alone = base().gap(0).on(0, |m| m.ill = Some(true)).verdict();
    assert_eq!(alone.level, Level::Rest);
}

#[test]
fn v0_pain_six_or_rising_from_four() {
    assert_eq!(base().on(0, |m| m.pain = Some(6)).verdict().level, Level::Rest);
    let rising = base().on(1, |m| m.pain = Some(3)).on(0, |m| m.pain = Some(4)).verdict();
    assert_eq!(rising.level, Level::Rest);
    assert!(rising.reasons[0].detail.contains("up from 3"));
    // 4 and steady is red musculoskeletal (EASY), not a safety stop.
    let steady = base().on(1, |m| m.pain = Some(4)).on(0, |m| m.pain = Some(4)).verdict();
    assert_eq!(steady.level, Level::Easy);
    // 4 with no pain logged yesterday cannot be "rising": missing is never imputed.
    assert_eq!(base().on(0, |m| m.pain = Some(4)).verdict().level, Level::Easy);
}

#[test]
fn v0_resting_hr_ten_above_baseline() {
    let v = base().on(0, |m| m.rhr = Some(60)).verdict();
    assert_eq!(v.level, Level::Rest);
    assert_eq!(v.reasons[0].marker, Some("rhr"));
    assert_eq!(base().on(0, |m| m.rhr = Some(59)).verdict().level, Level::Easy);
}

#[test]
fn v1_two_domains_red_is_rest() {
    let v = base()
        .on(0, |m| {
            m.sleep_hours = Some(4.5);
            m.soreness = Some(7);
        })
        .verdict();
    assert_eq!(v.level, Level::Rest);
    assert!(fired(&v, "V1"));
    // The markers come first, reds before ambers; the ladder's summing-up line last.
    let order: Vec<&str> = v.reasons.iter().map(|r| r.rule).collect();
    assert_eq!(order.last(), Some(&"V1"), "{order:?}");
    assert_eq!(v.hint, v.headline);
    assert_eq!(v.headline, "rest day: off, or at most a 30-minute walk plus mobility");
}

#[test]
fn v1_three_domains_worse_with_one_red_is_rest() {
    let v = base()
        .on(0, |m| {
            m.sleep_hours = Some(4.5);
            m.soreness = Some(5);
            m.rhr = Some(53);
        })
        .verdict();
    assert_eq!(v.level, Level::Rest);
    let three_amber = base()
        .on(0, |m| {
            m.sleep_hours = Some(5.5);
            m.soreness = Some(5);
            m.rhr = Some(53);
        })
        .verdict();
    assert_eq!(three_amber.level, Level::Easy);
}

#[test]
fn v2_two_domains_amber_is_easy() {
    let v = base()
        .on(0, |m| {
            short_sleep(m);
            sore(m);
        })
        .verdict();
    assert_eq!(v.level, Level::Easy);
    assert!(fired(&v, "V2"));
    assert_eq!(v.hint, "cut both intensity and volume");
    assert!(v.headline.starts_with("easy aerobic only: RPE ≤ 4, no intervals"));
}

#[test]
fn v2_one_domain_red_is_easy() {
    let v = base().on(0, |m| m.sleep_hours = Some(4.0)).verdict();
    assert_eq!(v.level, Level::Easy);
    assert_eq!(v.hint, "keep it easy and cut volume");
}

#[test]
fn v2_h_chronic_alone_is_easy() {
    let mut f = base();
    let low = (f.verdict().baselines.hrv_mu.unwrap() - 0.7 * f.verdict().baselines.hrv_sigma.unwrap()).exp();
    for n in 0..7 {
        f = f.on(n, |m| m.hrv = Some(low));
    }
    let v = f.verdict();
    assert_eq!(outcome(&v, "H-CHRONIC"), AMBER);
    assert_eq!(v.level, Level::Easy);
    assert_eq!(v.hint, "cut intensity, keep some volume");
}

#[test]
fn v2_the_same_domain_worse_yesterday_and_today_is_easy() {
    let once = base().on(0, short_sleep).verdict();
    assert_eq!(once.level, Level::GoCaution);
    let twice = base().on(1, short_sleep).on(0, short_sleep).verdict();
    assert_eq!(twice.level, Level::Easy);
    assert!(twice.reasons.iter().any(|r| r.detail.contains("yesterday and today")), "{:?}", twice.reasons);
}

#[test]
fn v2_strict_hrv_mode_makes_a_lone_low_hrv_easy() {
    let mut f = base();
    let low = (f.verdict().baselines.hrv_mu.unwrap() - 1.5 * f.verdict().baselines.hrv_sigma.unwrap()).exp();
    f = f.on(0, |m| m.hrv = Some(low));
    assert_eq!(f.verdict().level, Level::GoCaution);
    f.t.strict_hrv = true;
    assert_eq!(f.verdict().level, Level::Easy);
    assert_eq!(f.verdict().rules_version, "cooldown-rules/2+custom");
}

#[test]
fn v3_a_clean_day_is_go() {
    let v = base().verdict();
    assert_eq!(v.level, Level::Go);
    assert_eq!(v.hint, "train as planned");
    assert_eq!(v.rules_version, RULES_VERSION);
    assert_eq!(RULES_VERSION, "cooldown-rules/2");
    // A GO names what it compared.
    assert_eq!(v.reasons.len(), 1, "{:?}", v.reasons);
    assert_eq!(v.reasons[0].detail, "HRV, resting HR, sleep, soreness, hop and balance are as usual");
}

#[test]
fn no_data_when_nothing_was_logged_today() {
    let v = base().gap(0).verdict();
    assert_eq!(v.level, Level::NoData);
    assert_eq!(v.hint, "log at least sleep and soreness");
    assert_eq!(v.unavailable.len(), 7);
    // Body weight alone rates nothing.
    assert_eq!(base().gap(0).on(0, |m| m.weight_kg = Some(68.0)).verdict().level, Level::NoData);
}

/// Three earlier weeks of steady load (1000 a week) and a last week of `acute`.
fn loaded(f: Fixture, acute: f64) -> Fixture {
    let mut f = f;
    for n in [26, 19, 12] {
        f = f.load(n, 1000.0);
    }
    f.load(3, acute)
}

#[test]
fn load_spike_alone_never_changes_the_verdict() {
    let v = loaded(base(), 1600.0).verdict();
    assert_eq!(v.level, Level::Go);
    let note = v.reasons.iter().find(|c| c.rule == "L-ACWR").unwrap();
    assert_eq!(note.outcome, Outcome::Info);
    assert!(note.detail.contains("no other marker worse"));
}

#[test]
fn load_spike_with_another_marker_is_easy() {
    let v = loaded(base(), 1600.0).on(0, sore).verdict();
    assert_eq!(v.level, Level::Easy);
    assert!(fired(&v, "L-ACWR"));
    assert_eq!(v.hint, "cap at easy aerobic effort");
    // Below the spike the same soreness is only a caution.
    assert_eq!(loaded(base(), 1400.0).on(0, sore).verdict().level, Level::GoCaution);
}

#[test]
fn acwr_needs_load_in_each_of_the_three_earlier_weeks() {
    let f = loaded(base(), 1600.0);
    assert!((acwr(&f.inputs, end()).unwrap() - 1.6).abs() < 1e-9);
    let mut missing = f.clone();
    missing.inputs.load.remove(&back(19));
    assert_eq!(acwr(&missing.inputs, end()), None);
    assert_eq!(missing.on(0, sore).verdict().level, Level::GoCaution);
}

#[test]
fn the_day_after_rest_is_at_most_easy() {
    let v = base().on(1, |m| m.ill = Some(true)).verdict();
    assert_eq!(base().on(1, |m| m.ill = Some(true)).verdict_on(1).level, Level::Rest);
    assert_eq!(v.level, Level::Easy);
    assert!(fired(&v, "X-REST"));
    assert_eq!(base().on(2, |m| m.ill = Some(true)).verdict().level, Level::Go);
}

#[test]
fn after_an_easy_day_with_two_domains_worse_go_needs_a_clean_day() {
    let f = base().on(1, |m| {
        short_sleep(m);
        sore(m);
    });
    assert_eq!(f.verdict_on(1).level, Level::Easy);
    // Today one other domain is amber (resting HR +3): GO_CAUTION on its own, EASY here.
    let one_amber = f.clone().on(0, |m| m.rhr = Some(53)).verdict();
    assert_eq!(one_amber.level, Level::Easy);
    assert!(fired(&one_amber, "X-CLEAN"));
    assert_eq!(f.verdict().level, Level::Go);
}

#[test]
fn caution_is_go_with_exactly_one_domain_amber() {
    let v = base().on(0, sore).verdict();
    assert_eq!(v.level, Level::GoCaution);
    assert_eq!(v.hint, "train as planned, add nothing, recheck tomorrow");
}

#[test]
fn confidence_levels() {
    assert_eq!(base().verdict().confidence, Confidence::High);
    // Trusted HRV but only two domains today: MEDIUM.
    let two = base().on(0, |m| {
        m.soreness = None;
        m.hop_cm = None;
        m.balance_s = None;
    });
    assert_eq!(two.verdict().confidence, Confidence::Medium);
    // No HRV baseline but two weeks of sleep and soreness: MEDIUM.
    let mut wellness = Fixture::empty();
    for n in 0..14 {
        wellness = wellness.on(n, |m| {
            m.sleep_hours = Some(7.5);
            m.soreness = Some(2);
        });
    }
    assert_eq!(wellness.verdict().confidence, Confidence::Medium);
    let thin = Fixture::empty().on(0, |m| {
        m.sleep_hours = Some(7.5);
        m.soreness = Some(2);
    });
    assert_eq!(thin.verdict().confidence, Confidence::Low);
    // One domain is LOW even with a trusted baseline.
    let one = base().on(0, |m| *m = Markers { sleep_hours: Some(7.0), ..Markers::default() });
    assert_eq!(one.verdict().confidence, Confidence::Low);
}

#[test]
fn reasons_carry_rule_marker_values_and_baseline() {
    let v = base().on(0, |m| m.rhr = Some(55)).verdict();
    let r = v.reasons.iter().find(|c| c.rule == "R-ACUTE").unwrap();
    assert_eq!((r.marker, r.today), (Some("rhr"), Some(55.0)));
    assert!((r.baseline.unwrap() - 50.0).abs() < 0.5);
    assert!(r.threshold.contains("red ≥ 55 bpm"), "{}", r.threshold);
}
