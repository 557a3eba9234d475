//! What a runner types, turned into records: one place for the command line, the
//! dashboard's forms and (later) CSV rows, so all refuse the same values with the same
//! words. An empty or absent text is "not logged".

use super::fields::{self, Spec, Texts};
use super::records::{MARKER_FIELDS, Markers, RUN_FIELDS, Run};
use super::session::Session;
use super::targets;
use super::units::Units;
use super::values::FieldError;
use chrono::{NaiveDate, NaiveTime};

/// On the command line an option given an empty value (`--rhr ""`) is a mistake, not
/// "not logged" as an empty form field or CSV cell is: the first such field.
pub fn refuse_empty<R>(table: &'static [Spec<R>], texts: &Texts, units: Units) -> Result<(), FieldError> {
    match table.iter().find(|s| texts.get(s.column).is_some_and(|t| t.trim().is_empty())) {
        Some(spec) => Err(FieldError::new(spec.name, format!("is empty; give {}", spec.kind.accepts(units)))),
        None => Ok(()),
    }
}

pub fn parse_yes_no(field: &str, text: &str) -> Result<bool, FieldError> {
    match text.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" | "1" => Ok(true),
        "n" | "no" | "false" | "0" => Ok(false),
        _ => Err(FieldError::new(field, format!("'{text}' is not yes or no"))),
    }
}

/// Every marker checked against the value-range table, weights typed in `units`; the
/// first bad one is the error.
pub fn markers(t: &Texts, units: Units) -> Result<Markers, FieldError> {
    let mut m = Markers::default();
    fields::fill(&MARKER_FIELDS, t, units, &mut m)?;
    Ok(m)
}

/// A run on `day`, weights and distance typed in `units`; `now` is the time it defaults
/// to, and the latest it may have ended when `day` is today.
pub fn run(
    day: NaiveDate,
    today: NaiveDate,
    now: NaiveTime,
    t: &Texts,
    units: Units,
) -> Result<Run, FieldError> {
    // Type and minutes are required: `fill` refuses the run without them.
    let mut run = Run::new(day, now, Session::Easy, 1);
    fields::fill(&RUN_FIELDS, t, units, &mut run)?;
    checked(run, today, now, units)
}

/// A stored run moved to `day` (its own day when not moved) with the fields given in `t`
/// changed — nothing is required — checked as a whole with the rules of a new run.
pub fn edited_run(
    stored: &Run,
    day: NaiveDate,
    today: NaiveDate,
    now: NaiveTime,
    t: &Texts,
    units: Units,
) -> Result<Run, FieldError> {
    let mut run = Run { day, ..stored.clone() };
    fields::fill_given(&RUN_FIELDS, t, units, &mut run)?;
    checked(run, today, now, units)
}

/// A run that ends no later than `now` when it is today's, and whose weights, fluid and
/// minutes make sense together.
fn checked(run: Run, today: NaiveDate, now: NaiveTime, units: Units) -> Result<Run, FieldError> {
    if run.day == today && run.at > now {
        return Err(FieldError::new(
            "at",
            format!("{} is later than now; give the time the run ended", run.at.format("%H:%M")),
        ));
    }
    if let Some((field, reason)) = targets::implausible(&run, units) {
        return Err(FieldError::new(field, reason));
    }
    Ok(run)
}

#[cfg(test)]
#[path = "entry_tests.rs"]
mod tests;
