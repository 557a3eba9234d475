//! CSV columns: cooldown's own (CLI.md "CSV formats") and the common names of wellness
//! exports (intervals.icu and the like), with the unit and scale conversions they need.

use crate::domain::fields::{Spec, by_column};
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

/// A column name of a wellness export (intervals.icu and the like): its spelling without
/// case and `_`, the exact spelling required when its scale differs from ours (another
/// spelling could mean either), our column, and the conversion.
struct Alias {
    key: &'static str,
    spelled: Option<&'static str>,
    column: &'static str,
    convert: Convert,
}

const fn alias_of(key: &'static str, column: &'static str, convert: Convert) -> Alias {
    Alias { key, spelled: None, column, convert }
}

const ALIASES: [Alias; 11] = [
    alias_of("restinghr", "rhr", Convert::Same),
    alias_of("restingheartrate", "rhr", Convert::Same),
    alias_of("hrv", "hrv", Convert::Same),
    alias_of("hrvrmssd", "hrv", Convert::Same),
    alias_of("rmssd", "hrv", Convert::Same),
    alias_of("sleepsecs", "sleep_hours", Convert::SecondsToHours),
    alias_of("sleephours", "sleep_hours", Convert::Same),
    alias_of("sleep", "sleep_hours", Convert::Same),
    Alias {
        key: "sleepquality",
        spelled: Some("sleepQuality"),
        column: "sleep_quality",
        convert: Convert::QualityOneToFour,
    },
    Alias {
        key: "soreness",
        spelled: Some("soreness"),
        column: "soreness",
        convert: Convert::SorenessOneToFour,
    },
    alias_of("weight", "weight_kg", Convert::Same),
];

/// intervals.icu's wellness export names its date column `id`.
pub const WELLNESS_DATE: &str = "id";

/// Lower case, without `_`: `sleep_Secs` → `sleepsecs`.
fn key_of(header: &str) -> String {
    header.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect()
}

/// What a markers file's header names (RELIABILITY rule 20: one file's columns keep one
/// meaning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `date`, in any case: the day, in both kinds of file.
    Date,
    /// `id`: the day in a wellness export.
    WellnessDate,
    /// One of our columns that no wellness export spells so: our scale.
    Ours(&'static str),
    /// A name both use (`hrv`, `soreness`, `sleep_hours`): our scale in a file of our
    /// columns, the export's conversion in a wellness export.
    Shared(&'static str, Convert),
    /// A wellness export's name: its conversion.
    Wellness(&'static str, Convert),
    /// A spelling of a column whose scales differ that is neither ours nor the export's
    /// (`Sleep_Quality`): which scale it means cannot be known.
    Ambiguous {
        ours: &'static str,
        theirs: &'static str,
    },
    Unknown,
}

/// The role of one header of a markers file.
pub fn role(header: &str) -> Role {
    if header.eq_ignore_ascii_case("date") {
        return Role::Date;
    }
    if header == WELLNESS_DATE {
        return Role::WellnessDate;
    }
    let key = key_of(header);
    let alias = ALIASES.iter().find(|a| a.key == key);
    let ours = by_column(&MARKER_FIELDS, header).map(|s| s.column);
    match (ours, alias) {
        (Some(c), Some(a)) if a.column == c && a.spelled.is_none_or(|s| s == c) => Role::Shared(c, a.convert),
        (Some(c), _) => Role::Ours(c),
        (None, Some(a)) => match a.spelled {
            // `Soreness`: a name both spell alike, in another case.
            Some(s) if s == a.column => Role::Shared(a.column, a.convert),
            Some(s) if s != header => Role::Ambiguous { ours: a.column, theirs: s },
            _ if a.convert == Convert::Same && key == key_of(a.column) => Role::Shared(a.column, a.convert),
            _ => Role::Wellness(a.column, a.convert),
        },
        (None, None) => Role::Unknown,
    }
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
        assert_eq!(role("restingHR"), Role::Wellness("rhr", Convert::Same));
        assert_eq!(role("resting_heart_rate"), Role::Wellness("rhr", Convert::Same));
        assert_eq!(role("sleepSecs"), Role::Wellness("sleep_hours", Convert::SecondsToHours));
        assert_eq!(Convert::SecondsToHours.apply(27_000.0), Some(7.5));
        assert_eq!(role("sleepQuality"), Role::Wellness("sleep_quality", Convert::QualityOneToFour));
        assert_eq!(Convert::QualityOneToFour.apply(1.0), Some(5.0));
        assert_eq!(Convert::QualityOneToFour.apply(5.0), None);
        assert_eq!(Convert::SorenessOneToFour.apply(3.0), Some(6.0));
        assert_eq!(role("weight"), Role::Wellness("weight_kg", Convert::Same));
        assert_eq!(role("id"), Role::WellnessDate);
        assert_eq!(role("fatigue"), Role::Unknown);
    }

    #[test]
    fn our_own_names_keep_our_scales_and_shared_names_wait_for_the_file() {
        for ours in
            ["rhr", "sleep_quality", "pain", "pain_site", "hop_cm", "balance_s", "weight_kg", "ill", "note"]
        {
            assert_eq!(role(ours), Role::Ours(ours), "{ours}");
        }
        assert_eq!(role("Date"), Role::Date);
        assert_eq!(role("hrv"), Role::Shared("hrv", Convert::Same));
        assert_eq!(role("HRV"), Role::Shared("hrv", Convert::Same));
        assert_eq!(role("sleep_hours"), Role::Shared("sleep_hours", Convert::Same));
        assert_eq!(role("soreness"), Role::Shared("soreness", Convert::SorenessOneToFour));
        let quality = Role::Ambiguous { ours: "sleep_quality", theirs: "sleepQuality" };
        assert_eq!(role("Sleep_Quality"), quality);
        assert_eq!(role("SLEEPQUALITY"), quality);
        assert_eq!(role("Soreness"), Role::Shared("soreness", Convert::SorenessOneToFour));
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
