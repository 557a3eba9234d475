use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn inputs_with(values: &[(NaiveDate, f64)]) -> Inputs {
    let mut inputs = Inputs::default();
    for (day, v) in values {
        inputs
            .markers
            .insert(*day, Markers { sleep_hours: Some(*v), hrv: Some(60.0 + v), ..Markers::default() });
    }
    inputs
}

#[test]
fn days_without_data_are_gaps_never_filled() {
    let inputs = inputs_with(&[(d(2026, 3, 1), 7.0), (d(2026, 3, 4), 8.0)]);
    let s = series(Marker::Sleep, &inputs, d(2026, 3, 1), d(2026, 3, 5), &Thresholds::default(), &[]);
    assert_eq!(s.values, [Some(7.0), None, None, Some(8.0), None]);
    assert!(s.band.iter().all(|b| *b == Some((7.0, 7.0))));
}

#[test]
fn rolling_means_need_three_days_in_the_week() {
    let inputs = inputs_with(&[
        (d(2026, 3, 1), 6.0),
        (d(2026, 3, 2), 7.0),
        (d(2026, 3, 5), 8.0),
        (d(2026, 3, 9), 9.0),
    ]);
    let s = series(Marker::Sleep, &inputs, d(2026, 3, 1), d(2026, 3, 9), &Thresholds::default(), &[]);
    assert_eq!(s.mean7[1], None);
    assert_eq!(s.mean7[4], Some(7.0)); // 6, 7, 8
    assert_eq!(s.mean7[8], None); // 3–9 March: 8 and 9 only
}

#[test]
fn the_hrv_band_is_the_readiness_baseline() {
    let mut inputs = Inputs::default();
    let end = d(2026, 11, 28);
    for n in 0..90u64 {
        let hrv = if n % 2 == 0 { 60.0 } else { 70.0 };
        inputs
            .markers
            .insert(end - Days::new(n), Markers { hrv: Some(hrv), rhr: Some(50), ..Markers::default() });
    }
    let t = Thresholds::default();
    let s = series(Marker::Hrv, &inputs, end - Days::new(6), end, &t, &[]);
    let b = readiness::baselines(&inputs, end, &t);
    let (mu, sigma) = (b.hrv_mu.unwrap(), b.hrv_sigma.unwrap());
    let (lo, hi) = s.band[6].unwrap();
    assert!((lo - (mu - 0.5 * sigma).exp()).abs() < 1e-9 && (hi - (mu + 0.5 * sigma).exp()).abs() < 1e-9);
    assert!((s.mean7[6].unwrap() - b.hrv_m7.unwrap().exp()).abs() < 1e-9);
    let r = series(Marker::Rhr, &inputs, end, end, &t, &[]);
    assert_eq!(r.band[0], Some((50.0, 50.0)));
}

#[test]
fn a_cell_shows_its_worst_verdict() {
    let w = [Some(Level::Go), Some(Level::Rest), None, Some(Level::Easy)];
    assert_eq!(worst(&w), Some(Level::Rest));
    assert_eq!(worst(&w[2..]), Some(Level::Easy));
    assert_eq!(worst(&[Some(Level::Go), Some(Level::GoCaution)]), Some(Level::GoCaution));
    assert_eq!(worst(&[None, None]), None);
}

#[test]
fn load_is_per_day_counting_rest_days_as_zero() {
    let mut inputs = Inputs::default();
    let end = d(2026, 11, 28);
    // Two runs in the last week, 350 and 350 RPE·min: 100 per day, not 350 per run day.
    inputs.load.insert(end, 350.0);
    inputs.load.insert(end - Days::new(3), 350.0);
    // 1400 more three weeks back: the 28 days hold 2100, 75 a day.
    inputs.load.insert(end - Days::new(20), 1400.0);
    assert_eq!(load_per_day(&inputs, end, 7), 100.0);
    assert_eq!(load_per_day(&inputs, end, 28), 75.0);
    let s = series(Marker::Load, &inputs, end - Days::new(13), end, &Thresholds::default(), &[]);
    assert_eq!(s.mean7[13], Some(100.0));
    let sum = summary(&s);
    assert_eq!(sum.mean7, Some(100.0));
    assert_eq!(sum.direction, Direction::Up(100.0));
    assert_eq!(load_line(&inputs, end - Days::new(1), end, 28), [Some(62.5), Some(75.0)]);
}

#[test]
fn weekly_load_runs_monday_to_sunday_across_month_and_leap_year_edges() {
    let mut inputs = Inputs::default();
    // Thu 27 Feb 2020, Sat 29 Feb (leap day), Sun 1 Mar, Mon 2 Mar.
    for (day, load) in
        [(d(2020, 2, 27), 100.0), (d(2020, 2, 29), 50.0), (d(2020, 3, 1), 25.0), (d(2020, 3, 2), 10.0)]
    {
        inputs.load.insert(day, load);
    }
    let weeks = weekly_load(&inputs, d(2020, 2, 26), d(2020, 3, 3));
    assert_eq!(weeks, [(d(2020, 2, 24), 175.0), (d(2020, 3, 2), 10.0)]);
    // A window starting on Saturday still counts its week from Monday.
    let weeks = weekly_load(&inputs, d(2020, 2, 29), d(2020, 3, 1));
    assert_eq!(weeks, [(d(2020, 2, 24), 175.0)]);
    // Across New Year.
    let weeks = weekly_load(&Inputs::default(), d(2025, 12, 29), d(2026, 1, 5));
    assert_eq!(weeks.iter().map(|(w, _)| *w).collect::<Vec<_>>(), [d(2025, 12, 29), d(2026, 1, 5)]);
}

#[test]
fn the_summary_gives_latest_mean_band_and_direction() {
    let mut values = Vec::new();
    for n in 0..14u64 {
        values.push((d(2026, 3, 1) + Days::new(n), if n < 7 { 7.0 } else { 8.0 }));
    }
    let inputs = inputs_with(&values);
    let s = series(Marker::Sleep, &inputs, d(2026, 3, 1), d(2026, 3, 14), &Thresholds::default(), &[]);
    let sum = summary(&s);
    assert_eq!(sum.latest, Some((d(2026, 3, 14), 8.0)));
    assert_eq!(sum.mean7, Some(8.0));
    assert_eq!(sum.direction, Direction::Up(1.0));
    let flat = series(Marker::Sleep, &inputs, d(2026, 3, 8), d(2026, 3, 14), &Thresholds::default(), &[]);
    assert_eq!(summary(&flat).direction, Direction::Unknown);
}

#[test]
fn windows_cycle_and_start_where_they_should() {
    let end = d(2026, 11, 28);
    assert_eq!(Window::Days(7).start(end, None), d(2026, 11, 22));
    assert_eq!(Window::All.start(end, Some(d(2020, 1, 1))), d(2020, 1, 1));
    assert_eq!(Window::Days(365).next(), Window::All);
    assert_eq!(Window::All.next(), Window::Days(7));
}

/// The command line's summary, read without the series, is the summary of the series, for
/// every marker and window over the demo history and ten years of it, and on a history
/// whose last weeks have no HRV (the band is then the last day that had one).
#[test]
fn the_summary_without_the_series_is_the_summary_of_the_series() {
    use super::super::demo;
    use super::super::routine::Routine;
    let t = Thresholds::default();
    let end = d(2026, 11, 28);
    for years in [120, 3650] {
        let h = demo::generate(end, years, &Routine::builtin().unwrap(), 90);
        let mut inputs = Inputs::default();
        inputs.markers.extend(h.markers);
        for r in &h.runs {
            *inputs.load.entry(r.day).or_default() += f64::from(r.rpe.unwrap_or(0)) * f64::from(r.minutes);
        }
        let mut gap = inputs.clone();
        for (_, m) in gap.markers.range_mut(d(2026, 10, 1)..) {
            m.hrv = None;
            m.rhr = None;
        }
        for inputs in [&inputs, &gap] {
            for marker in Marker::ALL {
                for n in [7, 28, 90, 365, 3650] {
                    let from = Window::Days(n).start(end, None);
                    let whole = summary(&series(marker, inputs, from, end, &t, &[]));
                    assert_eq!(summary_over(marker, inputs, from, end, &t), whole, "{marker:?} {n} days");
                }
            }
        }
    }
}
