//! "Log one clear metric": the marker a runner chose (`focus` in the config) over the
//! last 7 days, gaps kept as gaps.

use super::records::Markers;
use super::units::{Quantity, Units};
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

/// Label, unit and value of a focus marker, and what it measures; `None` for an unknown
/// name.
fn marker(name: &str) -> Option<(&'static str, &'static str, Read, Quantity)> {
    let plain =
        |(label, unit, read): (&'static str, &'static str, Read)| (label, unit, read, Quantity::Plain);
    Some(match name {
        "hrv" => plain(("HRV", "ms", |m| m.hrv)),
        "rhr" => plain(("Resting HR", "bpm", |m| m.rhr.map(f64::from))),
        "sleep" => plain(("Sleep", "h", |m| m.sleep_hours)),
        "sleep_quality" => plain(("Sleep quality", "/5", |m| m.sleep_quality.map(f64::from))),
        "soreness" => plain(("Soreness", "/10", |m| m.soreness.map(f64::from))),
        "hop" => plain(("Hop", "cm", |m| m.hop_cm)),
        "balance" => plain(("Balance", "s", |m| m.balance_s)),
        "weight" => ("Weight", "kg", |m| m.weight_kg, Quantity::Mass),
        _ => return None,
    })
}

/// The week up to `day` of the marker named `name` (one of `config::FOCUS_MARKERS`), a
/// weight in `units`.
pub fn week(name: &str, markers: &[(NaiveDate, Markers)], day: NaiveDate, units: Units) -> Option<Focus> {
    let (label, unit, value, quantity) = marker(name)?;
    let days = (0..7u64)
        .rev()
        .map(|n| {
            let d = day.checked_sub_days(Days::new(n))?;
            let v = markers.iter().find(|(md, _)| *md == d).and_then(|(_, m)| value(m))?;
            Some(units.value(quantity, v))
        })
        .collect();
    Some(Focus { label, unit: units.unit(quantity, unit), days })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_keeps_its_gaps() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let m = |hrv| Markers { hrv: Some(hrv), ..Markers::default() };
        let markers = vec![(day - Days::new(6), m(60.0)), (day - Days::new(2), m(64.0)), (day, m(66.0))];
        let f = week("hrv", &markers, day, Units::IMPERIAL).unwrap();
        assert_eq!(f.days, [Some(60.0), None, None, None, Some(64.0), None, Some(66.0)]);
        assert_eq!((f.label, f.unit, f.latest()), ("HRV", "ms", Some(66.0)));
        assert!(week("mood", &markers, day, Units::METRIC).is_none());
    }

    #[test]
    fn a_weight_shows_in_the_runners_units() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let markers = vec![(day, Markers { weight_kg: Some(68.0), ..Markers::default() })];
        let f = week("weight", &markers, day, Units::METRIC).unwrap();
        assert_eq!((f.unit, f.latest()), ("kg", Some(68.0)));
        let f = week("weight", &markers, day, Units::IMPERIAL).unwrap();
        assert_eq!((f.unit, f.latest()), ("lb", Some(149.9)));
    }

    #[test]
    fn every_configurable_focus_is_known() {
        for name in crate::config::FOCUS_MARKERS {
            assert!(marker(name).is_some(), "{name}");
        }
    }
}
