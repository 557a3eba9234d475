//! Rules v2: the first weeks (H-EARLY, R-EARLY, safety from the fourth morning), a domain
//! counts only when it rated something, M-HOP's red never below amber, REST's headline,
//! HRV baselines per source, calibration as progress with a date.

use super::*;
use crate::domain::records::HrvSource;

/// `n` mornings of one marker, ending the day before `end()`, and today's value.
fn first_mornings(n: u32, earlier: impl Fn(&mut Markers), today: impl FnOnce(&mut Markers)) -> Fixture {
    let mut f = Fixture::empty();
    for back_n in 1..=n {
        f = f.on(back_n, &earlier);
    }
    f.on(0, today)
}

#[test]
fn h_early_rates_hrv_against_the_first_mornings_at_its_edges() {
    let at = |diff: f64| {
        let v = first_mornings(3, |m| m.hrv = Some(60.0), |m| m.hrv = Some(60.0 * diff.exp())).verdict();
        (outcome(&v, "H-EARLY"), rule(&v, "H-EARLY").is_some_and(|c| c.provisional))
    };
    assert_eq!(at(-0.149), (OK, true));
    assert_eq!(at(-0.151), (AMBER, true));
    assert_eq!(at(-0.299), (AMBER, true));
    assert_eq!(at(-0.301), (RED, true));
    assert_eq!(at(0.2), (OK, true));
    let v = first_mornings(3, |m| m.hrv = Some(60.0), |m| m.hrv = Some(45.0)).verdict();
    assert_eq!(
        rule(&v, "H-EARLY").unwrap().detail,
        "HRV 45 ms, 25% below your first 3 mornings' 60 ms — provisional"
    );
}

#[test]
fn r_early_rates_resting_hr_against_the_first_mornings_at_its_edges() {
    let at = |bpm: u16| {
        let v = first_mornings(3, |m| m.rhr = Some(50), |m| m.rhr = Some(bpm)).verdict();
        outcome(&v, "R-EARLY")
    };
    assert_eq!(at(54), OK);
    assert_eq!(at(55), AMBER);
    assert_eq!(at(57), AMBER);
    assert_eq!(at(58), RED);
    assert_eq!(at(45), OK);
}

#[test]
fn the_provisional_reference_needs_three_earlier_mornings() {
    let two = first_mornings(2, |m| m.rhr = Some(50), |m| m.rhr = Some(52)).verdict();
    assert_eq!(outcome(&two, "R-EARLY"), INFO);
    assert_eq!(two.level, Level::NoData);
    assert_eq!(
        two.reasons[0].detail,
        "resting HR 52 logged: nothing to compare it with yet (3 of 3 mornings; rated from the 4th)"
    );
    let three = first_mornings(3, |m| m.rhr = Some(50), |m| m.rhr = Some(52)).verdict();
    assert_eq!(outcome(&three, "R-EARLY"), OK);
    assert_eq!(three.level, Level::Go);
    assert_eq!(three.confidence, Confidence::Low, "a provisional rating is never more than LOW");
    assert_eq!(three.reasons[0].detail, "resting HR is as usual");
}

#[test]
fn a_new_runners_first_morning_is_no_data_and_says_why() {
    let v = Fixture::empty().on(0, |m| m.rhr = Some(52)).verdict();
    assert_eq!(v.level, Level::NoData);
    assert!(v.domains.iter().all(|(_, s)| s.is_none()));
    assert_eq!(
        v.reasons[0].detail,
        "resting HR 52 logged: nothing to compare it with yet (1 of 3 mornings; rated from the 4th)"
    );
    assert_eq!((v.headline.as_str(), v.hint.as_str()), ("not rated yet", "log at least sleep and soreness"));
}

#[test]
fn the_fourth_morning_with_resting_hr_11_over_the_first_three_is_rest_with_low_confidence() {
    let v = first_mornings(3, |m| m.rhr = Some(50), |m| m.rhr = Some(61)).verdict();
    assert_eq!(v.level, Level::Rest);
    assert_eq!(v.confidence, Confidence::Low);
    let flag = &v.reasons[0];
    assert_eq!((flag.rule, flag.provisional), ("V0", true));
    assert_eq!(flag.detail, "resting HR 61 bpm, 11 above your first 3 mornings' 50");
    assert!(
        v.headline.starts_with("rest day: off, or at most a 30-minute walk plus mobility; see a clinician")
    );
    assert_eq!(v.hint, v.headline, "REST's hint is its meaning");
    // The third morning has only two to compare with: no safety flag yet.
    let third = first_mornings(2, |m| m.rhr = Some(50), |m| m.rhr = Some(61)).verdict();
    assert_eq!(third.level, Level::NoData);
}

#[test]
fn week_one_hrv_and_rhr_both_worse_are_seen() {
    // The runner: resting HR 50 → 61 and HRV 68 → 45 in the first week.
    let v = first_mornings(
        4,
        |m| {
            m.rhr = Some(50);
            m.hrv = Some(68.0);
        },
        |m| {
            m.rhr = Some(58);
            m.hrv = Some(45.0);
        },
    )
    .verdict();
    assert_eq!(outcome(&v, "H-EARLY"), RED);
    assert_eq!(outcome(&v, "R-EARLY"), RED);
    assert_eq!(v.domain(Domain::Autonomic), Some(State::Red));
    assert_ne!(v.level, Level::Go);
}

#[test]
fn the_provisional_rules_stop_once_the_baseline_has_14() {
    let on = Fixture::steady(21).verdict();
    assert_eq!(on.baselines.hrv_state, BaselineState::Calibrating);
    assert_eq!(outcome(&on, "H-EARLY"), None);
    assert_eq!(outcome(&on, "R-EARLY"), None);
    assert!(on.checks.iter().all(|c| !c.provisional));
    let off = Fixture::steady(20).verdict();
    assert_eq!(outcome(&off, "H-EARLY"), OK);
    assert_eq!(outcome(&off, "R-EARLY"), OK);
}

#[test]
fn a_domain_counts_only_when_one_of_its_rules_rated_something() {
    // Resting HR on a first morning rates nothing: sleep alone decides, and the 7-day
    // rules of the autonomic domain do not run.
    let v = Fixture::empty()
        .on(0, |m| {
            m.rhr = Some(52);
            m.sleep_hours = Some(7.5);
        })
        .verdict();
    assert_eq!(v.domain(Domain::Autonomic), None);
    assert_eq!(v.domain(Domain::Sleep), Some(State::Ok));
    assert_eq!(v.level, Level::Go);
    assert_eq!(v.reasons[0].detail, "sleep is as usual");
    // Hop with no reference yet rates nothing either.
    let hop = Fixture::empty().on(0, |m| m.hop_cm = Some(150.0)).verdict();
    assert_eq!(hop.level, Level::NoData);
    assert!(hop.reasons[0].detail.starts_with("hop 150 cm logged: rated once 7"), "{:?}", hop.reasons);
}

#[test]
fn m_hop_red_is_never_below_amber() {
    // A noisy balance test (CV about 9 %): amber widens to 2·CV, red to 3·CV.
    let mut f = Fixture::steady(100);
    for n in 7..67u32 {
        f = f.on(n, |m| m.balance_s = Some(if n % 2 == 0 { 30.0 } else { 35.0 }));
    }
    let v = f.on(0, |m| m.balance_s = Some(28.0)).verdict();
    let c = v.checks.iter().find(|c| c.rule == "M-HOP" && c.marker == Some("balance")).unwrap();
    let pcts: Vec<f64> = c
        .threshold
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    assert!(pcts[1] >= pcts[0], "{}", c.threshold);
    assert_eq!(c.outcome, Outcome::Rated(State::Ok), "a wobble inside the runner's noise");
}

#[test]
fn hrv_baselines_are_per_source_and_a_change_starts_calibration_again() {
    let mut f = Fixture::steady(100);
    for n in 0..3 {
        f = f.on(n, |m| {
            m.hrv = Some(45.0);
            m.hrv_source = Some(HrvSource::Overnight);
        });
    }
    let v = f.verdict();
    assert_eq!(v.baselines.hrv_source, HrvSource::Overnight);
    assert_eq!(v.baselines.hrv_count, 0);
    // Two earlier overnight values: not rated yet, and never compared with the mornings.
    assert_eq!(outcome(&v, "H-EARLY"), INFO);
    assert_eq!(outcome(&v, "H-ACUTE"), None);
    assert!(
        v.calibration[0].starts_with(&format!(
            "HRV source changed to overnight averages on {}: baseline restarts, 0 of 14 — full rules from",
            back(2).format("%a %-d %b")
        )),
        "{:?}",
        v.calibration
    );
    // The morning readings keep their own baseline.
    let back_to_mornings = f.on(0, |m| {
        m.hrv = Some(65.0);
        m.hrv_source = None;
    });
    assert_eq!(back_to_mornings.verdict().baselines.hrv_state, BaselineState::Trusted);
}

#[test]
fn calibration_says_when_the_full_rules_start() {
    // Logging since 15 days ago: W holds 9 values; 5 more mornings make 14.
    let mut f = Fixture::empty();
    for n in 0..16 {
        f = f.on(n, |m| *m = normal(n));
    }
    let v = f.verdict();
    assert_eq!(v.baselines.hrv_count, 9);
    let on = (end() + Days::new(5)).format("%a %-d %b").to_string();
    assert_eq!(
        v.calibration[0],
        format!("HRV baseline 9 of 14 — full rules from {on} if you log every morning")
    );
    assert!(v.calibration[1].starts_with("resting HR baseline 9 of 14"));
}
