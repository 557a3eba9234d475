//! The marker rules of READINESS.md, one function per rule id, each returning the check
//! it made: today's value, the baseline, the threshold and the verdict in words.

use super::baseline::{Baselines, Early, REFERENCE_MIN};
use super::words::{self, bpm, hours, ms, pct};
use super::{Check, Inputs, Outcome, Say, State, Thresholds};
use crate::domain::records::Markers;
use chrono::{Days, NaiveDate};

pub fn check(
    rule: &'static str,
    marker: Option<&'static str>,
    state: State,
    today: Option<f64>,
    baseline: Option<f64>,
    threshold: impl Into<String>,
    detail: impl Into<String>,
) -> Check {
    Check {
        rule,
        marker,
        outcome: Outcome::Rated(state),
        today,
        baseline,
        threshold: threshold.into(),
        detail: detail.into(),
        provisional: false,
    }
}

pub fn info(
    rule: &'static str,
    marker: &'static str,
    today: Option<f64>,
    detail: impl Into<String>,
) -> Check {
    Check {
        rule,
        marker: Some(marker),
        outcome: Outcome::Info,
        today,
        baseline: None,
        threshold: String::new(),
        detail: detail.into(),
        provisional: false,
    }
}

/// "your first 6 mornings'": what a provisional reference averages.
fn first(e: &Early) -> String {
    format!("your first {} mornings'", e.count)
}

/// A marker logged today whose rule has no reference yet: it rates nothing.
fn not_rated(
    say: Say,
    rule: &'static str,
    marker: &'static str,
    today: Option<f64>,
    what: String,
    have: usize,
    t: &Thresholds,
) -> Check {
    let need = t.early_min as usize;
    let detail = say!(
        say,
        "{what} logged: nothing to compare it with yet ({} of {need} mornings; rated from the {})",
        have + 1,
        ordinal(need + 1)
    );
    info(rule, marker, today, detail)
}

/// "3 above", "1.5 below", "the same as" — never "−0" or "+0".
fn apart(delta: f64, decimals: usize) -> String {
    let shown = format!("{:.decimals$}", delta.abs());
    if shown.trim_start_matches(['0', '.']).is_empty() {
        "the same as".into()
    } else if delta > 0.0 {
        format!("{shown} above")
    } else {
        format!("{shown} below")
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// H-EARLY: today's HRV against the provisional reference (the first weeks).
fn hrv_early(say: Say, v: f64, b: &Baselines, t: &Thresholds) -> Check {
    let Some(e) = b.hrv_early else {
        return not_rated(
            say,
            "H-EARLY",
            "hrv",
            Some(v),
            say!(say, "HRV {} ms", ms(v)),
            b.hrv_early_count,
            t,
        );
    };
    let diff = v.ln() - e.mean;
    let state = worst(diff <= -t.early_hrv_red, diff <= -t.early_hrv_amber);
    let reference = e.mean.exp();
    let threshold = say!(
        say,
        "amber ≤ {} ms (−{}), red ≤ {} ms (−{}) against the mean of the first mornings",
        ms((e.mean - t.early_hrv_amber).exp()),
        t.early_hrv_amber,
        ms((e.mean - t.early_hrv_red).exp()),
        t.early_hrv_red
    );
    let detail = say!(
        say,
        "HRV {} ms, {} {} {} ms — provisional",
        ms(v),
        words::change(1.0 - v / reference),
        first(&e),
        ms(reference)
    );
    Check {
        provisional: true,
        ..check("H-EARLY", Some("hrv"), state, Some(v), Some(reference), threshold, detail)
    }
}

/// R-EARLY: today's resting HR against the provisional reference (the first weeks).
fn rhr_early(say: Say, v: f64, b: &Baselines, t: &Thresholds) -> Check {
    let Some(e) = b.rhr_early else {
        return not_rated(
            say,
            "R-EARLY",
            "rhr",
            Some(v),
            say!(say, "resting HR {}", bpm(v)),
            b.rhr_early_count,
            t,
        );
    };
    let delta = v - e.mean;
    let state = worst(delta >= t.early_rhr_red_bpm, delta >= t.early_rhr_amber_bpm);
    let threshold = say!(
        say,
        "amber ≥ +{} bpm, red ≥ +{} bpm over the mean of the first mornings",
        bpm(t.early_rhr_amber_bpm),
        bpm(t.early_rhr_red_bpm)
    );
    let detail =
        say!(say, "resting HR {}, {} {} {} — provisional", bpm(v), apart(delta, 0), first(&e), bpm(e.mean));
    Check {
        provisional: true,
        ..check("R-EARLY", Some("rhr"), state, Some(v), Some(e.mean), threshold, detail)
    }
}

fn worst(red: bool, amber: bool) -> State {
    if red {
        State::Red
    } else if amber {
        State::Amber
    } else {
        State::Ok
    }
}

/// H-ACUTE, H-CHRONIC and the H-HIGH flag, in ln rMSSD against μ ± band; H-EARLY while
/// the baseline is off. `today` is whether today's HRV was rated (the 7-day rules run only
/// for a domain that is available, which the caller decides).
pub fn hrv_rules(say: Say, hrv: Option<f64>, b: &Baselines, t: &Thresholds) -> Vec<Check> {
    let (Some(mu), Some(sigma)) = (b.hrv_mu, b.hrv_sigma) else {
        return hrv.map(|v| hrv_early(say, v, b, t)).into_iter().collect();
    };
    let (lo, hi) = ((mu - t.band_sd * sigma).exp(), (mu + t.band_sd * sigma).exp());
    let usual = say!(say, "{}–{} ms", ms(lo), ms(hi));
    let base = Some(mu.exp());
    let mut out = Vec::new();
    if let Some(v) = hrv {
        let z = (v.ln() - mu) / sigma;
        let state = worst(z <= -2.0, z <= -1.0);
        let threshold = say!(
            say,
            "amber ≤ {} ms (z ≤ −1), red ≤ {} ms (z ≤ −2); today z {}",
            ms((mu - sigma).exp()),
            ms((mu - 2.0 * sigma).exp()),
            say!(say, "{z:.1}").replace('-', "−")
        );
        let detail = match state {
            State::Ok if v < lo => say!(say, "HRV {} ms, a little below your usual {usual}", ms(v)),
            State::Ok => say!(say, "HRV {} ms, within your usual range or above it", ms(v)),
            _ => say!(say, "HRV {}", words::outside(v, lo, hi, "ms")),
        };
        out.push(check("H-ACUTE", Some("hrv"), state, Some(v), base, threshold, detail));
    }
    if let Some(m7) = b.hrv_m7 {
        let (amber, red) = (mu - t.band_sd * sigma, mu - 2.0 * t.band_sd * sigma);
        let state = worst(m7 < red, m7 < amber);
        let threshold = say!(say, "amber < {} ms, red < {} ms (7-day mean)", ms(amber.exp()), ms(red.exp()));
        let detail = match state {
            State::Ok => say!(say, "HRV 7-day mean {} ms, inside or above your usual {usual}", ms(m7.exp())),
            _ => say!(say, "HRV 7-day mean {}", words::outside(m7.exp(), lo, hi, "ms")),
        };
        out.push(check("H-CHRONIC", Some("hrv"), state, Some(m7.exp()), base, threshold, detail));
        if m7 > mu + t.band_sd * sigma {
            let detail = say!(
                say,
                "HRV 7-day mean {}: not a licence to go hard",
                words::outside(m7.exp(), lo, hi, "ms")
            );
            out.push(Check {
                baseline: base,
                threshold: say!(say, "> {} ms", ms(hi)),
                ..info("H-HIGH", "hrv", Some(m7.exp()), detail)
            });
        }
    } else {
        let detail = say!(say, "7-day trend unavailable ({}/7)", b.hrv_week_count);
        out.push(info("H-CHRONIC", "hrv", None, detail));
    }
    out
}

/// R-ACUTE and R-CHRONIC against the mean resting HR over W; R-EARLY while the baseline
/// is off.
pub fn rhr_rules(say: Say, rhr: Option<f64>, b: &Baselines, t: &Thresholds) -> Vec<Check> {
    let Some(base) = b.rhr_mean else {
        return rhr.map(|v| rhr_early(say, v, b, t)).into_iter().collect();
    };
    let mut out = Vec::new();
    let threshold = say!(
        say,
        "amber ≥ {} bpm (+{}), red ≥ {} bpm (+{})",
        bpm(base + t.rhr_amber_bpm),
        bpm(t.rhr_amber_bpm),
        bpm(base + t.rhr_red_bpm),
        bpm(t.rhr_red_bpm)
    );
    if let Some(v) = rhr {
        let delta = v - base;
        let state = worst(delta >= t.rhr_red_bpm, delta >= t.rhr_amber_bpm);
        let detail = say!(say, "resting HR {} bpm, {} your usual {}", bpm(v), apart(delta, 0), bpm(base));
        out.push(check("R-ACUTE", Some("rhr"), state, Some(v), Some(base), threshold, detail));
    }
    if let Some(r7) = b.rhr7 {
        let delta = r7 - base;
        let state = worst(false, delta >= t.rhr_amber_bpm);
        let detail =
            say!(say, "resting HR 7-day mean {r7:.1} bpm, {} your usual {}", apart(delta, 1), bpm(base));
        out.push(check(
            "R-CHRONIC",
            Some("rhr"),
            state,
            Some(r7),
            Some(base),
            say!(say, "amber ≥ +{} bpm", bpm(t.rhr_amber_bpm)),
            detail,
        ));
    }
    out
}

/// S-HOURS (with the 3-night mean) and S-QUAL.
pub fn sleep_rules(say: Say, inputs: &Inputs, day: NaiveDate, m: &Markers, t: &Thresholds) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(h) = m.sleep_hours {
        let nights: Vec<f64> = (0..3u64)
            .filter_map(|n| day.checked_sub_days(Days::new(n)))
            .filter_map(|d| inputs.markers.get(&d).and_then(|m| m.sleep_hours))
            .collect();
        let m3 = (nights.len() == 3).then(|| nights.iter().sum::<f64>() / 3.0);
        let low_m3 = m3.is_some_and(|v| v < t.sleep_mean3_amber_hours);
        let state = worst(h < t.sleep_red_hours, h < t.sleep_amber_hours || low_m3);
        let threshold = say!(
            say,
            "amber < {} h or 3-night mean < {} h, red < {} h",
            hours(t.sleep_amber_hours),
            hours(t.sleep_mean3_amber_hours),
            hours(t.sleep_red_hours)
        );
        let detail = match (state, m3) {
            (State::Ok, _) => say!(say, "slept {} h", hours(h)),
            (State::Amber, Some(v)) if h >= t.sleep_amber_hours => {
                say!(say, "slept {} h, but {} h a night over the last 3 nights", hours(h), hours(v))
            }
            _ => say!(say, "slept only {} h", hours(h)),
        };
        // The 3-night mean is not a baseline: it is named in the detail, not as one.
        out.push(check("S-HOURS", Some("sleep"), state, Some(h), None, threshold, detail));
    }
    if let Some(q) = m.sleep_quality {
        let state = worst(false, q <= 2);
        out.push(check(
            "S-QUAL",
            Some("sleep_quality"),
            state,
            Some(f64::from(q)),
            None,
            "amber ≤ 2 of 5",
            say!(say, "sleep quality {q}/5"),
        ));
    }
    out
}

/// M-SORE, M-PAIN and M-HOP (for hop and for balance).
pub fn msk_rules(say: Say, m: &Markers, b: &Baselines, t: &Thresholds) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(s) = m.soreness {
        let rise = b.soreness_ref.is_some_and(|r| f64::from(s) >= r + f64::from(t.soreness_rise));
        let state = worst(s >= t.soreness_red, s >= t.soreness_amber || rise);
        let usual = b
            .soreness_ref
            .map(|r| say!(say, " (usual {})", crate::domain::values::fmt_num(r)))
            .unwrap_or_default();
        let threshold = say!(
            say,
            "amber ≥ {} or ≥ usual + {}, red ≥ {}",
            t.soreness_amber,
            t.soreness_rise,
            t.soreness_red
        );
        out.push(check(
            "M-SORE",
            Some("soreness"),
            state,
            Some(f64::from(s)),
            b.soreness_ref,
            threshold,
            say!(say, "soreness {s}/10{usual}"),
        ));
    }
    if let Some(p) = m.pain {
        let state = worst(p >= 4, p >= 1);
        let site = m
            .pain_site
            .as_deref()
            .map(|s| say!(say, " ({})", crate::domain::pain::label(s)))
            .unwrap_or_default();
        out.push(check(
            "M-PAIN",
            Some("pain"),
            state,
            Some(f64::from(p)),
            None,
            "amber 1–3, red ≥ 4",
            say!(say, "localized pain {p}/10{site}"),
        ));
    }
    for (marker, value, reference, count, unit) in [
        ("hop", m.hop_cm, b.hop, b.hop_count, "cm"),
        ("balance", m.balance_s, b.balance, b.balance_count, "s"),
    ] {
        let Some(v) = value else { continue };
        let Some((base, cv)) = reference else {
            let detail = say!(
                say,
                "{marker} {} {unit} logged: rated once {REFERENCE_MIN} of the 60 days before last \
                 week have one ({count} so far)",
                crate::domain::values::fmt_num(v)
            );
            out.push(info("M-HOP", marker, Some(v), detail));
            continue;
        };
        let drop = (base - v) / base;
        let amber = (t.hop_amber_drop_pct / 100.0).max(2.0 * cv);
        // Red is never below amber: a runner with a noisy test gets both widened.
        let red = (t.hop_red_drop_pct / 100.0).max(3.0 * cv).max(amber);
        let state = worst(drop >= red, drop >= amber);
        let threshold = say!(say, "amber drop ≥ {}, red drop ≥ {}", pct(amber), pct(red));
        let detail = say!(
            say,
            "{marker} {} {unit}, {} your usual {} {unit}",
            crate::domain::values::fmt_num(v),
            words::change(drop),
            crate::domain::values::fmt_num(base)
        );
        out.push(check("M-HOP", Some(marker), state, Some(v), Some(base), threshold, detail));
    }
    out
}

/// V0: ill, pain ≥ 6, pain ≥ 4 and rising, or resting HR ≥ baseline + 10.
pub fn safety(
    say: Say,
    m: &Markers,
    yesterday: Option<&Markers>,
    rhr: Option<f64>,
    b: &Baselines,
    t: &Thresholds,
) -> Option<Check> {
    let flag = |marker, today, baseline, detail: String| {
        check("V0", Some(marker), State::Red, today, baseline, "safety", detail)
    };
    if m.ill == Some(true) {
        return Some(flag("ill", None, None, say.text(|| "you marked yourself ill")));
    }
    if let Some(p) = m.pain {
        let before = yesterday.and_then(|y| y.pain);
        if p >= 6 {
            return Some(flag(
                "pain",
                Some(f64::from(p)),
                None,
                say!(say, "localized pain {p}/10 (6 or more)"),
            ));
        }
        if let Some(y) = before.filter(|y| p >= 4 && p > *y) {
            return Some(flag(
                "pain",
                Some(f64::from(p)),
                Some(f64::from(y)),
                say!(say, "localized pain {p}/10, up from {y} yesterday"),
            ));
        }
    }
    // The baseline, else (the first weeks) the provisional reference.
    let (reference, provisional) = match (b.rhr_mean, b.rhr_early) {
        (Some(base), _) => (Some(base), None),
        (None, Some(e)) => (Some(e.mean), Some(e)),
        (None, None) => (None, None),
    };
    match (rhr, reference) {
        (Some(v), Some(base)) if v >= base + t.rhr_safety_bpm => {
            let usual = match &provisional {
                Some(e) => say!(say, "{} {}", first(e), bpm(base)),
                None => say!(say, "your usual {}", bpm(base)),
            };
            let detail = say!(say, "resting HR {} bpm, {} above {usual}", bpm(v), bpm(v - base));
            let mut c = flag("rhr", Some(v), Some(base), detail);
            c.provisional = provisional.is_some();
            Some(c)
        }
        _ => None,
    }
}
