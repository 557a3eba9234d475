//! The words never contradict the numbers (READINESS.md "Words on screen"), scanned over
//! every day of the demo history and of ten years of it: no "−0", no value "below" a range
//! it is inside (or "above" one it is under), every "baseline" a real baseline, no rule id
//! or domain name in what the banner reads.

use super::*;
use crate::domain::demo;
use crate::domain::routine::Routine;

pub fn inputs(days: u32) -> Inputs {
    let h = demo::generate(end(), days, &Routine::builtin().unwrap(), 90);
    let mut inputs = Inputs::default();
    inputs.markers.extend(h.markers);
    for r in &h.runs {
        *inputs.load.entry(r.day).or_default() += f64::from(r.rpe.unwrap_or(0)) * f64::from(r.minutes);
    }
    inputs
}

/// A number followed by a unit, then `word` ("below" / "above") "your usual", then a
/// range: the number and the range's near edge.
fn compared(text: &str, word: &str) -> Option<(f64, f64, f64)> {
    let at = text.find(&format!(", {word} your usual "))?;
    let value: f64 = text[..at].split_whitespace().rev().nth(1)?.parse().ok()?;
    let rest = &text[at + word.len() + 14..];
    let range = rest.split_whitespace().next()?;
    let (lo, hi) = range.split_once('–')?;
    Some((value, lo.parse().ok()?, hi.parse().ok()?))
}

/// "−0" or "-0" or "+0" standing alone (not "−0.4").
fn minus_zero(text: &str) -> bool {
    ["−0", "-0", "+0"].iter().any(|z| {
        text.match_indices(z).any(|(i, _)| {
            let next = text[i + z.len()..].chars().next();
            !next.is_some_and(|c| c.is_ascii_digit() || c == '.')
        })
    })
}

const BASELINE_RULES: [&str; 7] = ["H-ACUTE", "H-CHRONIC", "H-HIGH", "R-ACUTE", "R-CHRONIC", "M-HOP", "V0"];

fn scan(v: &Verdict) -> Vec<String> {
    let mut wrong = Vec::new();
    let texts = v.checks.iter().chain(&v.reasons).flat_map(|c| [&c.detail, &c.threshold]);
    for text in texts.chain([&v.headline, &v.hint]).chain(&v.calibration) {
        if minus_zero(text) {
            wrong.push(format!("{}: '{text}' has a bare zero with a sign", v.date));
        }
        if let Some((value, lo, _)) = compared(text, "below").filter(|(value, lo, _)| value >= lo) {
            wrong.push(format!("{}: '{text}': {value} is not below {lo}", v.date));
        }
        if let Some((value, _, hi)) = compared(text, "above").filter(|(value, _, hi)| value <= hi) {
            wrong.push(format!("{}: '{text}': {value} is not above {hi}", v.date));
        }
    }
    for c in &v.checks {
        if reference_label(c) == "baseline" && c.baseline.is_some() && !BASELINE_RULES.contains(&c.rule) {
            wrong.push(format!("{}: {} calls its reference a baseline", v.date, c.rule));
        }
        if c.rule == "S-HOURS" && c.baseline.is_some() {
            wrong.push(format!("{}: the 3-night sleep mean is shown as a baseline", v.date));
        }
    }
    for r in &v.reasons {
        let words = ["autonomic", "musculoskeletal", "domain", "ACWR", " z ", "(z "];
        if let Some(w) = words.iter().find(|w| r.detail.contains(*w)) {
            wrong.push(format!("{}: the banner would read '{w}' in '{}'", v.date, r.detail));
        }
    }
    wrong
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    assert!(minus_zero("hop 150 cm, −0% above your usual"));
    assert!(!minus_zero("today z −0.4"));
    assert_eq!(compared("HRV 63 ms, below your usual 63–67 ms", "below"), Some((63.0, 63.0, 67.0)));
    assert_eq!(compared("HRV 62.6 ms, below your usual 63.2–67.0 ms", "below"), Some((62.6, 63.2, 67.0)));
}

#[test]
fn the_words_never_contradict_the_numbers_on_the_demo_and_ten_years() {
    let t = Thresholds::default();
    for days in [120, 3650] {
        let inputs = inputs(days);
        let first = *inputs.markers.keys().next().unwrap();
        let verdicts = verdicts(&inputs, first, end(), &t);
        assert_eq!(verdicts.len() as u32, days);
        let wrong: Vec<String> = verdicts.iter().flat_map(scan).collect();
        assert!(
            wrong.is_empty(),
            "{} contradictions over {days} days, e.g. {:#?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
    }
}
