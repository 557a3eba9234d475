use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn tick(id: &str, set: u8) -> Tick {
    Tick { item_id: id.into(), set }
}

#[test]
fn the_share_counts_the_immediate_phase_without_optional_items() {
    let r = Routine::builtin().unwrap();
    // Easy: mobility + 3 foam targets + meal + water = 6 items.
    let ticks = [tick("mobility", 1), tick("foam-calves", 1), tick("foam-quads", 1)];
    assert_eq!(share(&r, Session::Easy, &ticks), 0.5);
    assert_eq!(done(0.5), Done::Partial);
    // Rest day: mobility alone.
    assert_eq!(share(&r, Session::Rest, &[tick("mobility", 1)]), 1.0);
    assert_eq!(done(1.0), Done::All);
    assert_eq!(done(share(&r, Session::Rest, &[])), Done::None);
    // A sets item counts when all its sets are ticked; an optional item never counts.
    let half = [tick("glute-bridges", 1), tick("foam-hamstrings", 1)];
    assert_eq!(share(&r, Session::Tempo, &half), 0.0);
}

fn shares_of(list: &[(NaiveDate, f64)]) -> BTreeMap<NaiveDate, f64> {
    list.iter().copied().collect()
}

#[test]
fn streaks_across_gaps_and_today() {
    let s = shares_of(&[
        (d(2026, 11, 20), 1.0),
        (d(2026, 11, 21), 0.8),
        (d(2026, 11, 22), 0.5),
        (d(2026, 11, 23), 1.0),
        (d(2026, 11, 24), 1.0),
        (d(2026, 11, 25), 1.0),
        // 26: nothing logged at all breaks the run
        (d(2026, 11, 27), 1.0),
        (d(2026, 11, 28), 0.0),
    ]);
    // Today (28) is not over: it does not break the streak that ended yesterday.
    assert_eq!(streaks(&s, d(2026, 11, 28)), (1, 3));
    // Once today counts, it joins the streak.
    let mut done_today = s.clone();
    done_today.insert(d(2026, 11, 28), 0.9);
    assert_eq!(streaks(&done_today, d(2026, 11, 28)), (2, 3));
    // The next day, an unfinished yesterday has broken it.
    assert_eq!(streaks(&s, d(2026, 11, 29)), (0, 3));
    assert_eq!(streaks(&BTreeMap::new(), d(2026, 11, 29)), (0, 0));
}

#[test]
fn streaks_run_across_month_and_leap_year_ends() {
    let s = shares_of(&[(d(2024, 2, 28), 1.0), (d(2024, 2, 29), 1.0), (d(2024, 3, 1), 1.0)]);
    assert_eq!(streaks(&s, d(2024, 3, 1)), (3, 3));
    let s = shares_of(&[(d(2025, 12, 31), 1.0), (d(2026, 1, 1), 1.0)]);
    assert_eq!(streaks(&s, d(2026, 1, 1)), (2, 2));
}

#[test]
fn months_step_across_years_and_know_their_length() {
    assert_eq!(add_months(d(2026, 12, 1), 1), d(2027, 1, 1));
    assert_eq!(add_months(d(2026, 1, 1), -1), d(2025, 12, 1));
    assert_eq!(month_end(d(2024, 2, 1)), d(2024, 2, 29));
    assert_eq!(month_end(d(2025, 2, 1)), d(2025, 2, 28));
    assert_eq!(month_start(d(2026, 11, 28)), d(2026, 11, 1));
}

#[test]
fn shares_cover_every_day_of_the_range() {
    let r = Routine::builtin().unwrap();
    let sessions = BTreeMap::from([(d(2026, 11, 2), Session::Easy)]);
    let ticks = BTreeMap::from([(d(2026, 11, 1), vec![tick("mobility", 1)])]);
    let s = shares(&r, d(2026, 11, 1), d(2026, 11, 3), &sessions, &ticks);
    assert_eq!(s.values().copied().collect::<Vec<_>>(), [1.0, 0.0, 0.0]);
}
