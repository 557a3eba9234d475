use super::*;

const EPS: f64 = 1e-9;
const MI: Units = Units::IMPERIAL;

fn routine() -> Routine {
    Routine::builtin().unwrap()
}

fn plan(km: f64, weeks: u32, r: &Routine) -> Plan {
    super::plan(km, weeks, r, 90, Units::METRIC)
}

/// Every integer from 5 to 250, and decimals around each threshold.
fn mileages() -> Vec<f64> {
    let decimals = [
        5.5, 12.5, 14.9, 15.1, 19.9, 20.1, 24.9, 25.5, 26.7, 33.3, 44.9, 45.5, 69.9, 70.5, 113.7, 127.5,
        128.5, 129.9, 130.1, 137.5, 159.9, 160.1, 199.99, 249.5,
    ];
    (5..=250).map(f64::from).chain(decimals).collect()
}

/// The run count by the plan's weekly volume, as the rules state it (independently of
/// `runs_per_week`).
fn runs_for(weekly: f64) -> usize {
    if weekly <= 45.0 {
        4
    } else if weekly <= 70.0 {
        5
    } else if weekly <= 130.0 {
        6
    } else {
        7
    }
}

fn runs(week: &PlanWeek) -> impl Iterator<Item = &PlanDay> {
    week.days.iter().filter(|d| d.session != Session::Rest)
}

/// Every rule on one week of the plan for `asked` km a week.
fn check_week(asked: f64, week: &PlanWeek) {
    check_week_in(asked, week, Scale::KM);
}

/// Every rule on one week of the plan for `asked` km a week, counted in `scale`'s units.
fn check_week_in(asked: f64, week: &PlanWeek, scale: Scale) {
    let weekly = asked.min(scale.km(scale.doubles));
    let (long_cap, quality_cap) = (scale.km(scale.long), scale.km(scale.quality));
    let at = format!("{asked} km, week {} ({} km)", week.number, week.km);
    assert_eq!(week.days.len(), 7, "{at}");
    assert!(week.days.iter().enumerate().all(|(i, d)| d.weekday == i), "{at}");

    // The 4th week is 25 % lighter; the total is the target rounded to the week's unit.
    assert_eq!(week.lighter, week.number.is_multiple_of(4), "{at}");
    let target = if week.lighter { weekly * 0.75 } else { weekly };
    let unit = if target / scale.unit_km < 20.0 { 0.1 } else { 0.5 } * scale.unit_km;
    assert!((week.km - target).abs() <= unit / 2.0 + EPS, "{at}: target {target}");
    for d in &week.days {
        let units = d.km / unit;
        assert!((units - units.round()).abs() < 1e-6, "{at}: {} km is not in {unit} km", d.km);
    }

    // The distances add up exactly; nothing negative, no zero-km run, rest days empty.
    let sum: f64 = week.days.iter().map(|d| d.km).sum();
    assert!((sum - week.km).abs() < EPS, "{at}: days add up to {sum}");
    for d in &week.days {
        if d.session == Session::Rest {
            assert_eq!(d.km, 0.0, "{at}: rest day with km");
        } else {
            assert!(d.km > 0.0, "{at}: {:?} on {} has {} km", d.session, WEEKDAYS[d.weekday], d.km);
        }
        assert!(d.recovery_minutes > 0, "{at}");
    }

    // Run count by the weekly volume.
    assert_eq!(runs(week).count(), runs_for(weekly), "{at}");

    // Quality: none under 15 km, one at 4 runs, two from 5, never on consecutive days, ≤ 16 km.
    let quality: Vec<&PlanDay> = week.days.iter().filter(|d| is_quality(d.session)).collect();
    let expected = if week.km < 15.0 {
        0
    } else if runs_for(weekly) == 4 {
        1
    } else {
        2
    };
    assert_eq!(quality.len(), expected, "{at}");
    assert!(quality.windows(2).all(|w| w[1].weekday - w[0].weekday > 1), "{at}: quality on consecutive days");
    assert!(quality.iter().all(|d| d.km <= quality_cap + EPS), "{at}: quality over its cap");

    // The long run: one, ≤ 32 km, ≤ 35 %, ≥ 25 % unless the 32 km cap is below that.
    let longs: Vec<&PlanDay> = week.days.iter().filter(|d| d.session == Session::Long).collect();
    assert_eq!(longs.len(), 1, "{at}");
    let long = longs[0].km;
    assert!(long <= long_cap + EPS, "{at}: long {long}");
    let share = long / week.km;
    assert!(share <= 0.35 + EPS, "{at}: long {long} is {share}");
    if week.km * 0.25 <= long_cap + EPS {
        assert!(share >= 0.25 - EPS, "{at}: long {long} is {share}");
    } else {
        assert!((long - long_cap).abs() < EPS, "{at}: the cap wins, so the long run is at it");
    }

    // The long run is at least 1.3 × every easy run (and every other run).
    for d in runs(week).filter(|d| d.session != Session::Long) {
        assert!(long >= 1.3 * d.km - EPS, "{at}: long {long} vs {:?} {}", d.session, d.km);
    }

    // An easy or rest day after every quality or long day (Sunday's next is Monday).
    for (i, d) in week.days.iter().enumerate() {
        if is_quality(d.session) || d.session == Session::Long {
            let next = week.days[(i + 1) % 7].session;
            assert!(matches!(next, Session::Easy | Session::Rest), "{at}: {next:?} after {:?}", d.session);
        }
    }
}

#[test]
fn every_rule_holds_for_every_mileage_and_every_week_of_a_year() {
    let r = routine();
    for km in mileages() {
        let year = plan(km, 52, &r);
        assert_eq!(year.weeks.len(), 52);
        assert_eq!(year.asked_km, km);
        assert_eq!(year.weekly_km, km.min(160.0));
        for week in &year.weeks {
            check_week(km, week);
        }
        // A shorter plan is the year's first weeks.
        for weeks in 1..=8 {
            let short = plan(km, weeks, &r);
            assert_eq!(short.weeks[..], year.weeks[..weeks as usize], "{km} km over {weeks} weeks");
        }
    }
}

#[test]
fn above_160_km_the_plan_stops_at_160_and_says_why() {
    let r = routine();
    for km in [160.0, 160.1, 200.0, 250.0] {
        let p = plan(km, 4, &r);
        assert_eq!(p.weeks[0].km, 160.0);
        assert_eq!(p.weeks[3].km, 120.0);
        let note = "doubles (two runs a day) are not modelled: this plan stops at 160 km a week";
        assert_eq!(p.cap_note.as_deref(), (km > 160.0).then_some(note), "{km}");
    }
    let days = |w: &PlanWeek| w.days.iter().map(|d| (d.session, d.km)).collect::<Vec<_>>();
    use Session::{Easy, Intervals, Long, Tempo};
    let p = plan(250.0, 4, &r);
    assert_eq!(
        days(&p.weeks[0]),
        [
            (Easy, 24.0),
            (Intervals, 16.0),
            (Easy, 24.0),
            (Tempo, 16.0),
            (Easy, 24.0),
            (Easy, 24.0),
            (Long, 32.0)
        ]
    );
    assert_eq!(
        days(&p.weeks[3]),
        [
            (Easy, 15.0),
            (Intervals, 14.5),
            (Easy, 15.0),
            (Tempo, 14.5),
            (Easy, 14.5),
            (Easy, 14.5),
            (Long, 32.0)
        ]
    );
}

#[test]
fn the_notes_say_only_what_the_plan_shows() {
    let r = routine();
    let notes = |km: f64, weeks: u32| plan(km, weeks, &r).notes;
    let has = |notes: &[String], needle: &str| notes.iter().any(|n| n.contains(needle));
    assert!(has(&notes(10.0, 4), "4 runs a week even below 25 km"));
    assert!(has(&notes(10.0, 4), "Under 15 km a week: easy runs only, no quality session."));
    assert!(has(&notes(18.0, 8), "no quality session (week 4, 8)"));
    assert!(!has(&notes(18.0, 3), "no quality session"));
    assert!(has(&notes(140.0, 1), "The long run stops at 32 km: 23 % of a 140 km week"));
    assert!(has(&notes(140.0, 1), "7 runs a week above 130 km"));
    assert!(has(&notes(140.0, 1), "Quality sessions stop at 16 km"));
    assert!(notes(40.0, 4).is_empty(), "{:?}", notes(40.0, 4));
    assert!(notes(100.0, 4).is_empty(), "{:?}", notes(100.0, 4));
}

#[test]
fn runs_per_week_by_volume() {
    assert_eq!(
        [5.0, 24.9, 25.0, 45.0, 45.5, 70.0, 70.5, 130.0, 130.5, 160.0].map(runs_per_week),
        [4, 4, 4, 4, 5, 5, 6, 6, 7, 7]
    );
}

#[test]
fn each_day_carries_its_recovery_routine() {
    let week = &plan(50.0, 1, &routine()).weeks[0];
    let tue = &week.days[1];
    assert_eq!(tue.session, Session::Intervals);
    assert!(tue.recovery.iter().any(|e| e.seconds == Some(90)));
    assert_eq!(tue.recovery_minutes, 20);
    assert!(tue.recovery.iter().any(|e| e.item.title.contains("Glute bridges")));
    let mon = &week.days[0];
    assert_eq!((mon.session, mon.km, mon.recovery_minutes), (Session::Rest, 0.0, 5));
    assert_eq!(week.days.iter().map(|d| d.km).collect::<Vec<_>>(), [0.0, 9.0, 9.0, 9.0, 0.0, 9.0, 14.0]);
}

#[test]
fn a_five_km_week_is_four_short_runs_with_a_clearly_longer_one() {
    let p = plan(5.0, 4, &routine());
    let km = |w: &PlanWeek| w.days.iter().map(|d| d.km).collect::<Vec<_>>();
    assert_eq!(km(&p.weeks[0]), [0.0, 1.2, 1.1, 0.0, 1.1, 0.0, 1.6]);
    assert_eq!(km(&p.weeks[3]), [0.0, 0.9, 0.9, 0.0, 0.8, 0.0, 1.2]);
}

#[test]
fn in_miles_every_rule_holds_in_half_miles_up_to_100_mi() {
    let r = routine();
    let miles = (4..=155).map(f64::from).chain([4.5, 9.3, 12.4, 28.0, 43.5, 80.8, 85.0, 99.9, 100.1]);
    for mi in miles {
        let km = mi * KM_PER_MI;
        let year = super::plan(km, 52, &r, 90, MI);
        assert_eq!(year.weekly_km, km.min(100.0 * KM_PER_MI));
        for week in &year.weeks {
            check_week_in(km, week, Scale::MI);
        }
    }
}

#[test]
fn a_plan_in_miles_says_its_caps_in_miles() {
    let r = routine();
    let p = super::plan(160.0 * KM_PER_MI, 4, &r, 90, MI);
    assert_eq!(
        p.cap_note.as_deref(),
        Some("doubles (two runs a day) are not modelled: this plan stops at 100 mi a week")
    );
    let mi = |km: f64| (km / KM_PER_MI * 100.0).round() / 100.0;
    assert_eq!(mi(p.weeks[0].km), 100.0);
    let days: Vec<f64> = p.weeks[0].days.iter().map(|d| mi(d.km)).collect();
    assert_eq!(days, [15.0, 10.0, 15.0, 10.0, 15.0, 15.0, 20.0]);
    let has = |notes: &[String], needle: &str| notes.iter().any(|n| n.contains(needle));
    assert!(has(&p.notes, "The long run stops at 20 mi"), "{:?}", p.notes);
    assert!(has(&p.notes, "Quality sessions stop at 10 mi"), "{:?}", p.notes);
    assert!(
        has(&p.notes, "7 runs a week above 130 km (80.78 mi): 6 runs carry at most 85 mi"),
        "{:?}",
        p.notes
    );
    let small = super::plan(8.0 * KM_PER_MI, 4, &r, 90, MI);
    assert!(has(&small.notes, "Under 15 km (9.32 mi) a week"), "{:?}", small.notes);
    // In kilometres the plan is as it always was.
    assert_eq!(plan(50.0, 4, &r).units, Units::METRIC);
    assert_eq!(super::plan(50.0, 4, &r, 90, Units::METRIC), plan(50.0, 4, &r));
}
