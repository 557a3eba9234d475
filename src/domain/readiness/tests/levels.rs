//! The levels-only chain (no words for the days nobody reads) decides exactly what the
//! worded one does: every day of the demo history and of ten years of it, with the
//! default rules and with strict HRV mode.

use super::super::assess::assess;
use super::words::inputs;
use super::*;

/// What a check decides, without its words.
fn bare(c: &Check) -> (&'static str, Option<&'static str>, Outcome, Option<f64>, Option<f64>, bool) {
    (c.rule, c.marker, c.outcome, c.today, c.baseline, c.provisional)
}

fn rules() -> [Thresholds; 2] {
    [Thresholds::default(), Thresholds { strict_hrv: true, ..Thresholds::default() }]
}

#[test]
fn a_day_rated_without_words_rates_the_same() {
    for t in rules() {
        for days in [120, 3650] {
            let inputs = inputs(days);
            let first = *inputs.markers.keys().next().unwrap();
            for d in first.iter_days().take_while(|d| *d <= end()) {
                let (full, quiet) = (assess(&inputs, d, &t, Say::Words), assess(&inputs, d, &t, Say::Levels));
                assert_eq!(full.domains, quiet.domains, "{d}");
                assert_eq!(
                    (full.h_acute, full.h_chronic, full.asat),
                    (quiet.h_acute, quiet.h_chronic, quiet.asat)
                );
                assert_eq!(
                    (full.confidence, &full.unavailable, &full.baselines),
                    (quiet.confidence, &quiet.unavailable, &quiet.baselines)
                );
                let pairs = |a: &super::super::assess::Assessment| {
                    a.checks.iter().chain(&a.notes).chain(&a.safety).map(bare).collect::<Vec<_>>()
                };
                assert_eq!(pairs(&full), pairs(&quiet), "{d}");
                // No detail is written (a few fixed thresholds are constants, not formatted).
                let worded: Vec<_> = quiet.checks.iter().filter(|c| !c.detail.is_empty()).collect();
                assert!(worded.is_empty(), "{d}: words written for a levels-only day: {worded:?}");
            }
        }
    }
}

#[test]
fn the_levels_only_chain_gives_the_worded_chains_levels() {
    for t in rules() {
        for days in [120, 3650] {
            let inputs = inputs(days);
            let first = *inputs.markers.keys().next().unwrap();
            // Every day worded (the chain as it was) against every day levels-only.
            let worded: Vec<(NaiveDate, Level)> =
                verdicts(&inputs, first, end(), &t).iter().map(|v| (v.date, v.level)).collect();
            assert_eq!(worded.len() as u32, days);
            assert_eq!(levels(&inputs, first, end(), &t), worded);
            // One day's verdict (its chain levels-only) agrees with the worded chain.
            let step = if days > 400 { 7 } else { 1 };
            for (d, level) in worded.iter().step_by(step) {
                let v = verdict(&inputs, *d, &t);
                assert_eq!(v.level, *level, "{d}");
                assert!(!v.hint.is_empty() && !v.headline.is_empty(), "{d}");
            }
        }
    }
}
