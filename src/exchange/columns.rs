//! CSV columns: cooldown's own (CLI.md "CSV formats") and the common names of wellness
//! exports (intervals.icu and the like), with the unit and scale conversions they need.

use crate::domain::fields::Spec;
use crate::domain::records::{MARKER_FIELDS, RUN_FIELDS};

/// A file's header: `date`, then the columns of a record's field table. The markers file
/// takes `date` plus any of `MARKER_FIELDS`; the runs file `date,type,minutes` plus any of
/// the rest of `RUN_FIELDS` (`at`, when the run ended, is cooldown's own addition; without
/// it runs of a day get 12:00, 12:01, … in file order).
pub fn header<R>(table: &'static [Spec<R>]) -> Vec<&'static str> {
    std::iter::once("date").chain(table.iter().map(|s| s.column)).collect()
}

/// The runs file's last column: each run's id, which an import matches runs by.
pub const RUN_ID: &str = "id";

/// The ticks file.
pub const TICK_COLUMNS: [&str; 4] = ["date", "item_id", "set", "ticked_at"];

/// How a wellness export's value becomes ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convert {
    Same,
    /// Seconds to hours (`sleepSecs`).
    SecondsToHours,
    /// intervals.icu sleep quality, 1 = great … 4 = poor, to 5 … 2 (5 = best).
    QualityOneToFour,
    /// intervals.icu soreness, 1 = low … 4 = extreme, to 2, 4, 6, 8 of 10.
    SorenessOneToFour,
}

impl Convert {
    /// The value in our unit and scale; `None` when it is off the source's scale.
    pub fn apply(self, v: f64) -> Option<f64> {
        match self {
            Convert::Same => Some(v),
            Convert::SecondsToHours => Some(v / 3600.0),
            Convert::QualityOneToFour => (v.fract() == 0.0 && (1.0..=4.0).contains(&v)).then_some(6.0 - v),
            Convert::SorenessOneToFour => (v.fract() == 0.0 && (1.0..=4.0).contains(&v)).then_some(2.0 * v),
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Convert::Same => "",
            Convert::SecondsToHours => "seconds → hours",
            Convert::QualityOneToFour => "1 great … 4 poor → 5 … 2 (5 = best)",
            Convert::SorenessOneToFour => "1 low … 4 extreme → 2, 4, 6, 8 of 10",
        }
    }
}

/// A wellness export's column: our column and the conversion. Names match without case
/// and without `_`.
pub fn alias(header: &str) -> Option<(&'static str, Convert)> {
    let key: String = header.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect();
    Some(match key.as_str() {
        "restinghr" | "restingheartrate" => ("rhr", Convert::Same),
        "hrvrmssd" | "rmssd" => ("hrv", Convert::Same),
        "sleepsecs" => ("sleep_hours", Convert::SecondsToHours),
        "sleephours" | "sleep" => ("sleep_hours", Convert::Same),
        "sleepquality" => ("sleep_quality", Convert::QualityOneToFour),
        "soreness" => ("soreness", Convert::SorenessOneToFour),
        "weight" => ("weight_kg", Convert::Same),
        _ => return None,
    })
}

/// The column of the field a runner calls `name` (errors use names, files columns).
pub fn column_of(name: &str) -> Option<&'static str> {
    let markers = MARKER_FIELDS.iter().find(|s| s.name == name).map(|s| s.column);
    markers.or_else(|| RUN_FIELDS.iter().find(|s| s.name == name).map(|s| s.column))
}

const FORMULA: [char; 4] = ['=', '+', '-', '@'];

/// True for `'=…`, `''+…`: quotes, then a formula character — what `neutralise` writes,
/// and so what `restore` reads back one quote shorter.
fn quoted_formula(text: &str) -> bool {
    text.starts_with('\'') && text.trim_start_matches('\'').starts_with(FORMULA)
}

/// A text cell that would start a formula in a spreadsheet (`= + - @`) gets a leading
/// `'`; import takes it off again. A note that itself starts with quotes before such a
/// character gets one more, so every text comes back exactly.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(FORMULA) || quoted_formula(text) { format!("'{text}") } else { text.to_string() }
}

pub fn restore(text: &str) -> &str {
    text.strip_prefix('\'').filter(|_| quoted_formula(text)).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wellness_names_map_with_their_conversions() {
        assert_eq!(alias("restingHR"), Some(("rhr", Convert::Same)));
        assert_eq!(alias("sleepSecs").map(|(c, k)| (c, k.apply(27_000.0))), Some(("sleep_hours", Some(7.5))));
        assert_eq!(alias("sleepQuality").map(|(_, k)| k.apply(1.0)), Some(Some(5.0)));
        assert_eq!(Convert::QualityOneToFour.apply(5.0), None);
        assert_eq!(Convert::SorenessOneToFour.apply(3.0), Some(6.0));
        assert_eq!(alias("fatigue"), None);
    }

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for text in ["=SUM(A1)", "+1", "-2 km", "@home"] {
            assert_eq!(restore(&neutralise(text)), text);
            assert!(neutralise(text).starts_with('\''));
        }
        assert_eq!(neutralise("felt good"), "felt good");
        assert_eq!(restore("'quoted"), "'quoted");
        for text in ["'=already quoted", "''-twice", "'", "'plain", "-"] {
            assert_eq!(restore(&neutralise(text)), text, "{text}");
        }
    }
}
