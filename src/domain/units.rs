//! Metric or imperial (`units` in the config): the units a runner types and reads body
//! weights (kg or lb) and distances (km or mi) in. The database, the CSV and JSON files and
//! every rule stay metric; only entry and display convert. Fluid stays in litres either way
//! (the fluid targets are litres per kilogram lost), and so do the science's grams per kg.

use super::values::fmt_num;

/// The kilograms in a pound, and the kilometres in a mile (both exact by definition).
pub const KG_PER_LB: f64 = 0.453_592_37;
pub const KM_PER_MI: f64 = 1.609_344;

/// The most decimals a converted value is stored with: a typed value reads back the same
/// long before that, and the CSV reads at most 12.
const MAX_DECIMALS: i32 = 6;

/// The units a runner types and reads body weights and distances in. The config's
/// `units` sets both ([`Units::METRIC`], [`Units::IMPERIAL`]); a flag named after its unit
/// (`--km`, `--mi`) sets the distance's for itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Units {
    /// Body weights in lb rather than kg.
    pub lb: bool,
    /// Distances in mi rather than km.
    pub mi: bool,
}
/// What a number measures: which unit a runner types and reads it in, and which shapes
/// besides a plain decimal it may be typed as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// A count, a score, a heart rate, centimetres of a hop: the same everywhere.
    Plain,
    /// A body weight: kg, or lb in imperial.
    Mass,
    /// A distance run: km, or mi in imperial.
    Distance,
    /// Hours (of sleep): `7.5` or `7:30`.
    Hours,
    /// Minutes (of a run): `80` or `1:20:00`.
    Minutes,
}

impl Units {
    pub const METRIC: Units = Units { lb: false, mi: false };
    pub const IMPERIAL: Units = Units { lb: true, mi: true };

    /// The values of `units` in the config.
    pub const NAMES: [&'static str; 2] = ["metric", "imperial"];

    /// `metric` or `imperial`, as the config says it.
    pub fn parse(text: &str) -> Option<Units> {
        match text {
            "metric" => Some(Units::METRIC),
            "imperial" => Some(Units::IMPERIAL),
            _ => None,
        }
    }

    /// The same, distances in mi (`true`) or km.
    pub fn with_miles(self, mi: bool) -> Units {
        Units { mi, ..self }
    }

    /// Metric units in one of the runner's units: `None` when `quantity` is the same in both.
    fn factor(self, quantity: Quantity) -> Option<f64> {
        match quantity {
            Quantity::Mass if self.lb => Some(KG_PER_LB),
            Quantity::Distance if self.mi => Some(KM_PER_MI),
            _ => None,
        }
    }

    /// Whether a `quantity` is typed and read in another unit than the database's.
    pub fn converts(self, quantity: Quantity) -> bool {
        self.factor(quantity).is_some()
    }

    /// The unit the runner reads: `metric` (the field's own unit) unless it converts.
    pub fn unit(self, quantity: Quantity, metric: &'static str) -> &'static str {
        match (self.factor(quantity), quantity) {
            (Some(_), Quantity::Mass) => "lb",
            (Some(_), Quantity::Distance) => "mi",
            _ => metric,
        }
    }

    /// The decimals a converted value is shown with: a tenth of a pound (45 g), a
    /// hundredth of a mile (16 m).
    fn decimals(quantity: Quantity) -> i32 {
        if quantity == Quantity::Mass { 1 } else { 2 }
    }

    /// A metric value in the runner's unit, unrounded.
    pub fn from_metric(self, quantity: Quantity, metric: f64) -> f64 {
        self.factor(quantity).map_or(metric, |f| metric / f)
    }

    /// A metric value in the runner's unit, rounded as it is shown: 149.9 for 68 kg in
    /// imperial, 68 in metric.
    pub fn value(self, quantity: Quantity, metric: f64) -> f64 {
        match self.factor(quantity) {
            Some(f) => round_to(metric / f, Self::decimals(quantity)),
            None => metric,
        }
    }

    /// A metric value as the runner reads it, without its unit: `149.9` for 68 kg in
    /// imperial, `68` in metric.
    pub fn show(self, quantity: Quantity, metric: f64) -> String {
        fmt_num(self.value(quantity, metric))
    }

    /// A metric value with the runner's unit: `149.9 lb`, `68 kg`.
    pub fn with_unit(self, quantity: Quantity, metric: f64, metric_unit: &'static str) -> String {
        format!("{} {}", self.show(quantity, metric), self.unit(quantity, metric_unit))
    }

    /// A body weight: `68 kg`, `149.9 lb`.
    pub fn mass(self, kg: f64) -> String {
        self.with_unit(Quantity::Mass, kg, "kg")
    }

    /// A distance: `10 km`, `6.21 mi`.
    pub fn distance(self, km: f64) -> String {
        self.with_unit(Quantity::Distance, km, "km")
    }

    /// What the runner typed (`typed`, written with `decimals` decimals), in metric units.
    ///
    /// Of the metric values that show as what was typed, the one with the fewest decimals
    /// nearest the exact conversion: 149.9 lb is stored as 68 kg, so a weight logged as
    /// 68 kg, shown as 149.9 lb and typed again unchanged stays 68 kg; 150 lb is 68.04 kg.
    /// Shown again, the stored value always gives back what was typed.
    pub fn to_metric(self, quantity: Quantity, typed: f64, decimals: usize) -> f64 {
        let Some(factor) = self.factor(quantity) else { return typed };
        let exact = typed * factor;
        let shown = (decimals.min(MAX_DECIMALS as usize) as i32).max(Self::decimals(quantity));
        let same = |metric: f64| scaled(metric / factor, shown) == scaled(typed, shown);
        (0..=MAX_DECIMALS)
            .map(|n| round_to(exact, n))
            .find(|metric| same(*metric))
            .unwrap_or_else(|| round_to(exact, MAX_DECIMALS))
    }
}

/// `value × 10^decimals`, rounded to a whole number.
fn scaled(value: f64, decimals: i32) -> i64 {
    (value * 10f64.powi(decimals)).round() as i64
}

/// `value` rounded to `decimals` decimals.
pub fn round_to(value: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (value * p).round() / p
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPERIAL: Units = Units::IMPERIAL;

    #[test]
    fn names_read() {
        assert_eq!(Units::NAMES.map(Units::parse), [Some(Units::METRIC), Some(IMPERIAL)]);
        assert_eq!(Units::parse("Imperial"), None);
        assert_eq!(Units::default(), Units::METRIC);
        let km = IMPERIAL.with_miles(false);
        assert_eq!((km.mass(68.0), km.distance(10.0)), ("149.9 lb".to_string(), "10 km".to_string()));
    }

    #[test]
    fn metric_converts_nothing() {
        for q in [Quantity::Plain, Quantity::Mass, Quantity::Distance, Quantity::Hours, Quantity::Minutes] {
            assert!(!Units::METRIC.converts(q));
            assert_eq!(Units::METRIC.to_metric(q, 68.123, 3), 68.123);
            assert_eq!(Units::METRIC.show(q, 68.12), "68.12");
        }
        assert!(!IMPERIAL.converts(Quantity::Hours));
        assert_eq!(IMPERIAL.unit(Quantity::Plain, "cm"), "cm");
    }

    #[test]
    fn a_shown_weight_typed_again_does_not_drift() {
        assert_eq!(IMPERIAL.mass(68.0), "149.9 lb");
        assert_eq!(IMPERIAL.to_metric(Quantity::Mass, 149.9, 1), 68.0);
        // Every weight stored with up to a tenth of a kg, shown and typed again: the same.
        for tenths in 200..=3000 {
            let kg = f64::from(tenths) / 10.0;
            let shown: f64 = IMPERIAL.show(Quantity::Mass, kg).parse().unwrap();
            assert_eq!(IMPERIAL.to_metric(Quantity::Mass, shown, 1), kg, "{kg} kg shown as {shown} lb");
        }
    }

    #[test]
    fn a_typed_weight_shows_as_typed() {
        assert_eq!(IMPERIAL.to_metric(Quantity::Mass, 150.0, 0), 68.04);
        // Every tenth of a pound from 45 to 661 reads back the same, through what is stored.
        for tenths in 450..=6610 {
            let lb = f64::from(tenths) / 10.0;
            let kg = IMPERIAL.to_metric(Quantity::Mass, lb, 1);
            assert!((kg - lb * KG_PER_LB).abs() <= 0.05 * KG_PER_LB + 1e-9, "{lb} lb → {kg} kg");
            assert_eq!(IMPERIAL.show(Quantity::Mass, kg), fmt_num(lb), "{lb} lb → {kg} kg");
            // And stays there: shown, typed again, stored again.
            assert_eq!(IMPERIAL.to_metric(Quantity::Mass, lb, 1), kg);
        }
        // A finer value typed keeps its precision.
        let kg = IMPERIAL.to_metric(Quantity::Mass, 150.25, 2);
        assert_eq!(round_to(kg / KG_PER_LB, 2), 150.25);
    }

    #[test]
    fn distances_round_trip_in_hundredths_of_a_mile() {
        assert_eq!(IMPERIAL.distance(10.0), "6.21 mi");
        assert_eq!(IMPERIAL.to_metric(Quantity::Distance, 6.21, 2), 10.0);
        assert_eq!(IMPERIAL.to_metric(Quantity::Distance, 26.2, 1), 42.16);
        assert_eq!(IMPERIAL.to_metric(Quantity::Distance, 0.0, 0), 0.0);
        for hundredths in 0..=5000 {
            let mi = f64::from(hundredths) / 100.0;
            let km = IMPERIAL.to_metric(Quantity::Distance, mi, 2);
            assert_eq!(IMPERIAL.show(Quantity::Distance, km), fmt_num(mi), "{mi} mi → {km} km");
        }
        for tenths in 0..=2000 {
            let km = f64::from(tenths) / 10.0;
            let shown: f64 = IMPERIAL.show(Quantity::Distance, km).parse().unwrap();
            assert_eq!(IMPERIAL.to_metric(Quantity::Distance, shown, 2), km, "{km} km shown as {shown} mi");
        }
    }
}
