use super::*;

fn routine() -> Routine {
    Routine::builtin().unwrap()
}

fn plan(km: f64, weeks: u32, r: &Routine) -> Vec<PlanWeek> {
    super::plan(km, weeks, r, 90)
}

fn is_quality(s: Session) -> bool {
    matches!(s, Session::Tempo | Session::Intervals)
}

#[test]
fn the_rules_hold_for_every_mileage_and_length() {
    let r = routine();
    for km in 5..=250 {
        let km = f64::from(km);
        for weeks in 1..=12 {
            let plan = plan(km, weeks, &r);
            assert_eq!(plan.len(), weeks as usize);
            for (i, week) in plan.iter().enumerate() {
                let runs = week.days.iter().filter(|d| d.session != Session::Rest).count();
                assert_eq!(runs, runs_per_week(km), "{km} km");
                let quality: Vec<usize> =
                    week.days.iter().filter(|d| is_quality(d.session)).map(|d| d.weekday).collect();
                assert!(quality.len() <= 2, "{km}: {quality:?}");
                assert!(quality.windows(2).all(|w| w[1] - w[0] > 1), "{km}: quality on consecutive days");
                let long = week.days.iter().find(|d| d.session == Session::Long).unwrap();
                let longest = week.days.iter().map(|d| d.km).fold(0.0, f64::max);
                assert_eq!(long.km, longest, "{km} km: the long run is the longest");
                let share = long.km / week.km;
                assert!(
                    (0.25 - 1e-9..=0.35 + 1e-9).contains(&share),
                    "{km} km week {}: long {} of {}",
                    week.number,
                    long.km,
                    week.km
                );
                for (d, day) in week.days.iter().enumerate() {
                    let next = week.days.get(d + 1).map_or(Session::Rest, |n| n.session); // next Monday is rest
                    if is_quality(day.session) || day.session == Session::Long {
                        assert!(
                            matches!(next, Session::Easy | Session::Rest),
                            "{km}: {:?} after {:?}",
                            next,
                            day.session
                        );
                    }
                }
                let target = if (i + 1) % 4 == 0 { km * 0.75 } else { km };
                assert!(
                    (week.km - target).abs() <= 0.25 + 1e-9,
                    "{km} km week {}: {} vs {target}",
                    week.number,
                    week.km
                );
                assert_eq!(week.lighter, (i + 1) % 4 == 0);
            }
        }
    }
}

#[test]
fn runs_per_week_by_volume() {
    assert_eq!([5.0, 24.9, 25.0, 45.0, 45.5, 70.0, 70.5, 250.0].map(runs_per_week), [3, 3, 4, 4, 5, 5, 6, 6]);
}

#[test]
fn each_day_carries_its_recovery_routine() {
    let week = &plan(50.0, 1, &routine())[0];
    let tue = &week.days[1];
    assert_eq!(tue.session, Session::Intervals);
    assert!(tue.recovery.iter().any(|e| e.seconds == Some(90)));
    assert_eq!(tue.recovery_minutes, 20);
    assert!(tue.recovery.iter().any(|e| e.item.title.contains("Glute bridges")));
    let mon = &week.days[0];
    assert_eq!((mon.session, mon.km, mon.recovery_minutes), (Session::Rest, 0.0, 5));
    assert_eq!(week.days.iter().map(|d| d.km).collect::<Vec<_>>(), [0.0, 9.0, 9.0, 9.0, 0.0, 9.0, 14.0]);
}
