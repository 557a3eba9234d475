//! `cooldown log --clear FIELD…`: remove logged fields of `--date`, named as a runner
//! types them (`rhr`, `sleep-quality`, …). A field that only says more about another goes
//! with it: clearing `pain` clears `pain-site`, clearing `hrv` clears `hrv-source`.

use super::output::say;
use crate::domain::fields::{Texts, by_column, by_name};
use crate::domain::records::MARKER_FIELDS;
use crate::error::{Error, Result};
use chrono::NaiveDate;

const PLACE: &str = "log --clear";

/// The fields cleared with another one: (the field, the one it goes with).
const GOES_WITH: [(&str, &str); 2] = [("pain_site", "pain"), ("hrv_source", "hrv")];

/// The name a runner types for a column.
fn name(column: &str) -> &'static str {
    by_column(&MARKER_FIELDS, column).map_or("?", |s| s.name)
}

/// The columns to clear: those named, and those that go with them; refused when a name is
/// not a marker field, or when a field would be both set (in `set`) and cleared.
pub fn columns(names: &[String], set: &Texts) -> Result<Vec<&'static str>> {
    let mut columns: Vec<&'static str> = Vec::new();
    for text in names {
        let spec = by_name(&MARKER_FIELDS, text).ok_or_else(|| {
            let shown: String = text.chars().take(24).collect();
            let names: Vec<&str> = MARKER_FIELDS.iter().map(|s| s.name).collect();
            Error::bad_input(
                format!("'{shown}' is not a marker field"),
                PLACE,
                format!("name any of {}", names.join(", ")),
            )
        })?;
        let with = GOES_WITH.iter().filter(|(_, main)| *main == spec.column).map(|(extra, _)| *extra);
        for column in std::iter::once(spec.column).chain(with) {
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    if let Some(column) = columns.iter().find(|c| set.contains_key(*c)) {
        let what = match GOES_WITH.iter().find(|(extra, _)| extra == column) {
            Some((_, main)) if !columns_named(names).contains(column) => {
                format!("{} is given while {} is cleared, which clears it too", name(column), name(main))
            }
            _ => format!("{} is both given and cleared", name(column)),
        };
        return Err(Error::bad_input(what, PLACE, "set it or clear it, not both; nothing was saved"));
    }
    Ok(columns)
}

/// The columns of the names given (known names only).
fn columns_named(names: &[String]) -> Vec<&'static str> {
    names.iter().filter_map(|n| by_name(&MARKER_FIELDS, n)).map(|s| s.column).collect()
}

/// "cleared 2026-11-28: pain · pain-site (with pain)", then "rhr was not logged on
/// 2026-11-28" for each field named that held nothing.
pub fn say_cleared(day: NaiveDate, names: &[String], held: &[&'static str]) -> Result<()> {
    let named = columns_named(names);
    if !held.is_empty() {
        let parts: Vec<String> = held
            .iter()
            .map(|column| match GOES_WITH.iter().find(|(extra, _)| extra == column) {
                Some((_, main)) if !named.contains(column) => {
                    format!("{} (with {})", name(column), name(main))
                }
                _ => name(column).to_string(),
            })
            .collect();
        say(&format!("cleared {day}: {}", parts.join(" · ")))?;
    }
    let mut told = Vec::new();
    for column in named.into_iter().filter(|c| !held.contains(c)) {
        if !told.contains(&column) {
            say(&format!("{} was not logged on {day}", name(column)))?;
            told.push(column);
        }
    }
    Ok(())
}
