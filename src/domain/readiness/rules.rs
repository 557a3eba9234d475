//! The marker rules of READINESS.md, one function per rule id, each returning the check
//! it made: today's value, the baseline, the threshold and the verdict in words.

use super::baseline::Baselines;
use super::words::{bpm, hours, ms, pct};
use super::{Check, Inputs, Outcome, State, Thresholds};
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

/// H-ACUTE, H-CHRONIC and the H-HIGH flag, in ln rMSSD against μ ± band.
pub fn hrv_rules(hrv: Option<f64>, b: &Baselines, t: &Thresholds) -> Vec<Check> {
    let (Some(mu), Some(sigma)) = (b.hrv_mu, b.hrv_sigma) else {
        let detail = format!(
            "HRV baseline {}/{}: relative HRV rules start at {}",
            b.hrv_count, t.calibrating_min, t.calibrating_min
        );
        return vec![info("H-BASELINE", "hrv", hrv, detail)];
    };
    let usual = format!("{}–{} ms", ms((mu - t.band_sd * sigma).exp()), ms((mu + t.band_sd * sigma).exp()));
    let base = Some(mu.exp());
    let mut out = Vec::new();
    if let Some(v) = hrv {
        let z = (v.ln() - mu) / sigma;
        let state = worst(z <= -2.0, z <= -1.0);
        let threshold = format!(
            "amber ≤ {} ms (z ≤ −1), red ≤ {} ms (z ≤ −2)",
            ms((mu - sigma).exp()),
            ms((mu - 2.0 * sigma).exp())
        );
        let detail = match state {
            State::Ok => format!("HRV {} ms, within reach of your usual {usual}", ms(v)),
            _ => format!(
                "HRV {} ms, below your usual {usual} (z {})",
                ms(v),
                format!("{z:.1}").replace('-', "−")
            ),
        };
        out.push(check("H-ACUTE", Some("hrv"), state, Some(v), base, threshold, detail));
    }
    match b.hrv_m7 {
        Some(m7) => {
            let (amber, red) = (mu - t.band_sd * sigma, mu - 2.0 * t.band_sd * sigma);
            let state = worst(m7 < red, m7 < amber);
            let threshold =
                format!("amber < {} ms, red < {} ms (7-day mean)", ms(amber.exp()), ms(red.exp()));
            let detail = match state {
                State::Ok => {
                    format!("HRV 7-day mean {} ms, inside or above your usual {usual}", ms(m7.exp()))
                }
                _ => format!("HRV 7-day mean {} ms, below your usual {usual}", ms(m7.exp())),
            };
            out.push(check("H-CHRONIC", Some("hrv"), state, Some(m7.exp()), base, threshold, detail));
            if m7 > mu + t.band_sd * sigma {
                let detail = format!(
                    "HRV 7-day mean {} ms, above your normal range ({usual}): not a licence to go hard",
                    ms(m7.exp())
                );
                out.push(Check {
                    baseline: base,
                    threshold: format!("> {} ms", ms((mu + t.band_sd * sigma).exp())),
                    ..info("H-HIGH", "hrv", Some(m7.exp()), detail)
                });
            }
        }
        None => out.push(info(
            "H-CHRONIC",
            "hrv",
            None,
            format!("7-day trend unavailable ({}/7)", b.hrv_week_count),
        )),
    }
    out
}

/// R-ACUTE and R-CHRONIC against the mean resting HR over W.
pub fn rhr_rules(rhr: Option<f64>, b: &Baselines, t: &Thresholds) -> Vec<Check> {
    let Some(base) = b.rhr_mean else {
        let detail = format!(
            "resting HR baseline {}/{}: relative rules start at {}",
            b.rhr_count, t.calibrating_min, t.calibrating_min
        );
        return vec![info("R-BASELINE", "rhr", rhr, detail)];
    };
    let mut out = Vec::new();
    let threshold = format!(
        "amber ≥ {} bpm (+{}), red ≥ {} bpm (+{})",
        bpm(base + t.rhr_amber_bpm),
        bpm(t.rhr_amber_bpm),
        bpm(base + t.rhr_red_bpm),
        bpm(t.rhr_red_bpm)
    );
    if let Some(v) = rhr {
        let delta = v - base;
        let state = worst(delta >= t.rhr_red_bpm, delta >= t.rhr_amber_bpm);
        let detail = format!("resting HR {} bpm, {:+.0} from your usual {}", bpm(v), delta, bpm(base));
        out.push(check("R-ACUTE", Some("rhr"), state, Some(v), Some(base), threshold, detail));
    }
    if let Some(r7) = b.rhr7 {
        let delta = r7 - base;
        let state = worst(false, delta >= t.rhr_amber_bpm);
        let detail =
            format!("resting HR 7-day mean {:.1} bpm, {:+.1} from your usual {}", r7, delta, bpm(base));
        out.push(check(
            "R-CHRONIC",
            Some("rhr"),
            state,
            Some(r7),
            Some(base),
            format!("amber ≥ +{} bpm", bpm(t.rhr_amber_bpm)),
            detail,
        ));
    }
    out
}

/// S-HOURS (with the 3-night mean) and S-QUAL.
pub fn sleep_rules(inputs: &Inputs, day: NaiveDate, m: &Markers, t: &Thresholds) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(h) = m.sleep_hours {
        let nights: Vec<f64> = (0..3u64)
            .filter_map(|n| day.checked_sub_days(Days::new(n)))
            .filter_map(|d| inputs.markers.get(&d).and_then(|m| m.sleep_hours))
            .collect();
        let m3 = (nights.len() == 3).then(|| nights.iter().sum::<f64>() / 3.0);
        let low_m3 = m3.is_some_and(|v| v < t.sleep_mean3_amber_hours);
        let state = worst(h < t.sleep_red_hours, h < t.sleep_amber_hours || low_m3);
        let threshold = format!(
            "amber < {} h or 3-night mean < {} h, red < {} h",
            hours(t.sleep_amber_hours),
            hours(t.sleep_mean3_amber_hours),
            hours(t.sleep_red_hours)
        );
        let detail = match (state, m3) {
            (State::Ok, _) => format!("slept {} h", hours(h)),
            (State::Amber, Some(v)) if h >= t.sleep_amber_hours => {
                format!("slept {} h, but {} h a night over the last 3", hours(h), hours(v))
            }
            _ => format!("slept only {} h", hours(h)),
        };
        out.push(check("S-HOURS", Some("sleep"), state, Some(h), m3, threshold, detail));
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
            format!("sleep quality {q}/5"),
        ));
    }
    out
}

/// M-SORE, M-PAIN and M-HOP (for hop and for balance).
pub fn msk_rules(m: &Markers, b: &Baselines, t: &Thresholds) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(s) = m.soreness {
        let rise = b.soreness_ref.is_some_and(|r| f64::from(s) >= r + f64::from(t.soreness_rise));
        let state = worst(s >= t.soreness_red, s >= t.soreness_amber || rise);
        let usual = b
            .soreness_ref
            .map(|r| format!(" (usual {})", crate::domain::values::fmt_num(r)))
            .unwrap_or_default();
        let threshold = format!(
            "amber ≥ {} or ≥ usual + {}, red ≥ {}",
            t.soreness_amber, t.soreness_rise, t.soreness_red
        );
        out.push(check(
            "M-SORE",
            Some("soreness"),
            state,
            Some(f64::from(s)),
            b.soreness_ref,
            threshold,
            format!("soreness {s}/10{usual}"),
        ));
    }
    if let Some(p) = m.pain {
        let state = worst(p >= 4, p >= 1);
        let site = m.pain_site.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
        out.push(check(
            "M-PAIN",
            Some("pain"),
            state,
            Some(f64::from(p)),
            None,
            "amber 1–3, red ≥ 4",
            format!("localized pain {p}/10{site}"),
        ));
    }
    for (marker, value, reference, unit) in
        [("hop", m.hop_cm, b.hop, "cm"), ("balance", m.balance_s, b.balance, "s")]
    {
        let (Some(v), Some((base, cv))) = (value, reference) else {
            continue;
        };
        let drop = (base - v) / base;
        let amber = (t.hop_amber_drop_pct / 100.0).max(2.0 * cv);
        let state = worst(drop >= t.hop_red_drop_pct / 100.0, drop >= amber);
        let threshold =
            format!("amber drop ≥ {}, red drop ≥ {}", pct(amber), pct(t.hop_red_drop_pct / 100.0));
        let how = if drop > 0.0 { format!("{} below", pct(drop)) } else { format!("{} above", pct(-drop)) };
        let detail = format!(
            "{marker} {} {unit}, {how} your usual {} {unit}",
            crate::domain::values::fmt_num(v),
            crate::domain::values::fmt_num(base)
        );
        out.push(check("M-HOP", Some(marker), state, Some(v), Some(base), threshold, detail));
    }
    out
}

/// V0: ill, pain ≥ 6, pain ≥ 4 and rising, or resting HR ≥ baseline + 10.
pub fn safety(
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
        return Some(flag("ill", None, None, "you marked yourself ill".into()));
    }
    if let Some(p) = m.pain {
        let before = yesterday.and_then(|y| y.pain);
        if p >= 6 {
            return Some(flag(
                "pain",
                Some(f64::from(p)),
                None,
                format!("localized pain {p}/10 (6 or more)"),
            ));
        }
        if let Some(y) = before.filter(|y| p >= 4 && p > *y) {
            return Some(flag(
                "pain",
                Some(f64::from(p)),
                Some(f64::from(y)),
                format!("localized pain {p}/10, up from {y} yesterday"),
            ));
        }
    }
    match (rhr, b.rhr_mean) {
        (Some(v), Some(base)) if v >= base + t.rhr_safety_bpm => Some(flag(
            "rhr",
            Some(v),
            Some(base),
            format!(
                "resting HR {} bpm, {} or more above your usual {}",
                bpm(v),
                bpm(t.rhr_safety_bpm),
                bpm(base)
            ),
        )),
        _ => None,
    }
}
