//! "This morning vs your usual" (UX.md v2, Today's side pane): each marker of the morning
//! beside the runner's own reference — the baseline the readiness rules compare with, the
//! provisional reference of the first weeks, or the median of the last four weeks — and
//! which of them it is. A marker without a reference says so; nothing is made up.

use super::readiness::stats::median;
use super::readiness::{Baselines, valid_hrv, valid_rhr};
use super::records::Markers;
use super::values::fmt_num;

/// One marker: the morning's value, the usual one, and what the usual one is.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub label: &'static str,
    pub today: Option<String>,
    pub usual: Option<String>,
    /// "baseline", "first mornings", "28-day median"; empty without a usual.
    pub basis: &'static str,
}

/// Sleep hours and quality over the earlier mornings: their medians.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SleepUsual {
    pub hours: Option<f64>,
    pub quality: Option<f64>,
}

/// The medians of sleep hours and quality over `earlier` mornings (the day's own left out).
pub fn sleep_usual(earlier: &[&Markers]) -> SleepUsual {
    let values = |f: fn(&Markers) -> Option<f64>| earlier.iter().filter_map(|m| f(m)).collect::<Vec<_>>();
    SleepUsual {
        hours: median(&values(|m| m.sleep_hours)),
        quality: median(&values(|m| m.sleep_quality.map(f64::from))),
    }
}

fn one(v: f64) -> String {
    fmt_num((v * 10.0).round() / 10.0)
}

fn sleep_text(hours: Option<f64>, quality: Option<f64>) -> Option<String> {
    let quality = quality.map(|q| format!("{}/5", one(q)));
    match (hours.map(|h| format!("{} h", one(h))), quality) {
        (Some(h), Some(q)) => Some(format!("{h} · {q}")),
        (h, q) => h.or(q),
    }
}

/// The rows of the table, in the order a runner logs them.
pub fn compare(m: Option<&Markers>, b: &Baselines, sleep: SleepUsual) -> Vec<Compared> {
    let get = |f: &dyn Fn(&Markers) -> Option<String>| m.and_then(f);
    let reference = |baseline: Option<f64>, early: Option<f64>| match (baseline, early) {
        (Some(v), _) => (Some(v), "baseline"),
        (None, Some(v)) => (Some(v), "first mornings"),
        _ => (None, ""),
    };
    let (hrv, hrv_basis) = reference(b.hrv_mu.map(f64::exp), b.hrv_early.map(|e| e.mean.exp()));
    let (rhr, rhr_basis) = reference(b.rhr_mean, b.rhr_early.map(|e| e.mean));
    let median = |v: Option<f64>, text: fn(f64) -> String| {
        (v.map(text), if v.is_some() { "28-day median" } else { "" })
    };
    let (sore, sore_basis) = median(b.soreness_ref, |v| format!("{}/10", one(v)));
    let baseline = |v: Option<(f64, f64)>, unit: &'static str| {
        (v.map(|(med, _)| format!("{} {unit}", one(med))), if v.is_some() { "baseline" } else { "" })
    };
    let (hop, hop_basis) = baseline(b.hop, "cm");
    let (balance, balance_basis) = baseline(b.balance, "s");
    let sleep_basis = if sleep.hours.or(sleep.quality).is_some() { "28-day median" } else { "" };
    vec![
        Compared {
            label: "HRV",
            today: get(&|m| valid_hrv(m).map(|v| format!("{v:.0} ms"))),
            usual: hrv.map(|v| format!("{v:.0} ms")),
            basis: hrv_basis,
        },
        Compared {
            label: "resting HR",
            today: get(&|m| valid_rhr(m).map(|v| format!("{v:.0} bpm"))),
            usual: rhr.map(|v| format!("{v:.0} bpm")),
            basis: rhr_basis,
        },
        Compared {
            label: "sleep",
            today: get(&|m| sleep_text(m.sleep_hours, m.sleep_quality.map(f64::from))),
            usual: sleep_text(sleep.hours, sleep.quality),
            basis: sleep_basis,
        },
        Compared {
            label: "soreness",
            today: get(&|m| m.soreness.map(|v| format!("{v}/10"))),
            usual: sore,
            basis: sore_basis,
        },
        Compared {
            label: "hop",
            today: get(&|m| m.hop_cm.map(|v| format!("{} cm", one(v)))),
            usual: hop,
            basis: hop_basis,
        },
        Compared {
            label: "balance",
            today: get(&|m| m.balance_s.map(|v| format!("{} s", one(v)))),
            usual: balance,
            basis: balance_basis,
        },
        Compared {
            label: "pain",
            today: get(&|m| {
                let site = m.pain_site.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
                m.pain.map(|v| format!("{v}/10{site}"))
            }),
            usual: None,
            basis: "",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readiness::Early;

    #[test]
    fn each_marker_beside_its_own_reference_and_what_it_is() {
        let m = Markers {
            hrv: Some(61.6),
            rhr: Some(52),
            sleep_hours: Some(7.25),
            sleep_quality: Some(4),
            soreness: Some(3),
            pain: Some(2),
            pain_site: Some("knee".into()),
            ..Markers::default()
        };
        let b = Baselines {
            hrv_mu: Some(64.0_f64.ln()),
            rhr_early: Some(Early { mean: 50.4, count: 5 }),
            soreness_ref: Some(2.0),
            hop: Some((141.0, 0.02)),
            ..Baselines::default()
        };
        let sleep = SleepUsual { hours: Some(7.5), quality: None };
        let rows = compare(Some(&m), &b, sleep);
        let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap().clone();
        let hrv = row("HRV");
        assert_eq!(
            (hrv.today.as_deref(), hrv.usual.as_deref(), hrv.basis),
            (Some("62 ms"), Some("64 ms"), "baseline")
        );
        let rhr = row("resting HR");
        assert_eq!((rhr.usual.as_deref(), rhr.basis), (Some("50 bpm"), "first mornings"));
        let s = row("sleep");
        assert_eq!((s.today.as_deref(), s.usual.as_deref()), (Some("7.3 h · 4/5"), Some("7.5 h")));
        assert_eq!(row("soreness").usual.as_deref(), Some("2/10"));
        assert_eq!(row("hop").today, None);
        assert_eq!(row("balance"), Compared { label: "balance", today: None, usual: None, basis: "" });
        assert_eq!(row("pain").today.as_deref(), Some("2/10 knee"));
    }

    #[test]
    fn nothing_logged_and_no_history_leave_every_value_empty() {
        let rows = compare(None, &Baselines::default(), SleepUsual::default());
        assert_eq!(rows.len(), 7);
        assert!(rows.iter().all(|r| r.today.is_none() && r.usual.is_none() && r.basis.is_empty()));
    }

    #[test]
    fn the_usual_sleep_is_the_median_of_the_earlier_mornings() {
        let m =
            |h: f64, q: u8| Markers { sleep_hours: Some(h), sleep_quality: Some(q), ..Markers::default() };
        let (a, b, c) = (m(6.0, 2), m(8.0, 4), m(7.0, 5));
        assert_eq!(sleep_usual(&[&a, &b, &c]), SleepUsual { hours: Some(7.0), quality: Some(4.0) });
        assert_eq!(sleep_usual(&[]), SleepUsual::default());
    }
}
