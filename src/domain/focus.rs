//! "Log one clear metric": the marker a runner chose (`focus` in the config) over the
//! last 7 days, gaps kept as gaps.

use super::records::Markers;
use chrono::{Days, NaiveDate};

#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    pub label: &'static str,
    pub unit: &'static str,
    /// d−6 … d, oldest first; `None` where nothing was logged.
    pub days: Vec<Option<f64>>,
}

impl Focus {
    /// The latest logged value of the week.
    pub fn latest(&self) -> Option<f64> {
        self.days.iter().rev().find_map(|v| *v)
    }
}

/// Reads one marker's value from a morning.
type Read = fn(&Markers) -> Option<f64>;

/// Label, unit and value of a focus marker; `None` for an unknown name.
fn marker(name: &str) -> Option<(&'static str, &'static str, Read)> {
    Some(match name {
        "hrv" => ("HRV", "ms", |m| m.hrv),
        "rhr" => ("Resting HR", "bpm", |m| m.rhr.map(f64::from)),
        "sleep" => ("Sleep", "h", |m| m.sleep_hours),
        "sleep_quality" => ("Sleep quality", "/5", |m| m.sleep_quality.map(f64::from)),
        "soreness" => ("Soreness", "/10", |m| m.soreness.map(f64::from)),
        "hop" => ("Hop", "cm", |m| m.hop_cm),
        "balance" => ("Balance", "s", |m| m.balance_s),
        "weight" => ("Weight", "kg", |m| m.weight_kg),
        _ => return None,
    })
}

/// The week up to `day` of the marker named `name` (one of `config::FOCUS_MARKERS`).
pub fn week(name: &str, markers: &[(NaiveDate, Markers)], day: NaiveDate) -> Option<Focus> {
    let (label, unit, value) = marker(name)?;
    let days = (0..7u64)
        .rev()
        .map(|n| {
            let d = day.checked_sub_days(Days::new(n))?;
            markers.iter().find(|(md, _)| *md == d).and_then(|(_, m)| value(m))
        })
        .collect();
    Some(Focus { label, unit, days })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_keeps_its_gaps() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let m = |hrv| Markers { hrv: Some(hrv), ..Markers::default() };
        let markers = vec![(day - Days::new(6), m(60.0)), (day - Days::new(2), m(64.0)), (day, m(66.0))];
        let f = week("hrv", &markers, day).unwrap();
        assert_eq!(f.days, [Some(60.0), None, None, None, Some(64.0), None, Some(66.0)]);
        assert_eq!((f.label, f.unit, f.latest()), ("HRV", "ms", Some(66.0)));
        assert!(week("mood", &markers, day).is_none());
    }

    #[test]
    fn every_configurable_focus_is_known() {
        for name in crate::config::FOCUS_MARKERS {
            assert!(marker(name).is_some(), "{name}");
        }
    }
}
