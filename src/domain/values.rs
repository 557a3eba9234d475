//! The value-range table of CLI.md, and strict parsing of what users type.
//!
//! One table serves the CLI, the CSV import and the dashboard's forms, so every entry
//! point refuses the same values with the same words. Numbers are plain decimals:
//! NaN, infinities, hex, exponents, signs other than a leading `-`, commas and
//! surrounding junk are all refused.

use super::shapes;
use super::units::{Quantity, Units};
use chrono::NaiveDate;
use std::fmt;

/// One entry of the value-range table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    /// The name the user types (`--rhr`, CSV column `rhr`).
    pub name: &'static str,
    pub unit: &'static str,
    pub lo: f64,
    pub hi: f64,
    pub integer: bool,
    /// What it measures: the unit it is typed and shown in, the shapes it may be typed as.
    pub quantity: Quantity,
}

/// A whole number in `lo..=hi` of a plain quantity.
pub const fn int(name: &'static str, unit: &'static str, lo: f64, hi: f64) -> Field {
    Field { name, unit, lo, hi, integer: true, quantity: Quantity::Plain }
}

/// A decimal in `lo..=hi` of a plain quantity.
pub const fn real(name: &'static str, unit: &'static str, lo: f64, hi: f64) -> Field {
    Field { name, unit, lo, hi, integer: false, quantity: Quantity::Plain }
}

impl Field {
    /// The same field, measuring `quantity`.
    pub const fn of(self, quantity: Quantity) -> Field {
        Field { quantity, ..self }
    }
}

pub const RHR: Field = int("rhr", "bpm", 25.0, 220.0);
pub const HRV: Field = real("hrv", "ms", 5.0, 300.0);
pub const SLEEP: Field = real("sleep", "h", 0.0, 24.0).of(Quantity::Hours);
pub const SLEEP_QUALITY: Field = int("sleep-quality", "", 1.0, 5.0);
pub const SORENESS: Field = int("soreness", "", 0.0, 10.0);
pub const PAIN: Field = int("pain", "", 0.0, 10.0);
pub const HOP: Field = real("hop", "cm", 1.0, 500.0);
pub const BALANCE: Field = real("balance", "s", 0.0, 600.0);
pub const WEIGHT: Field = real("weight", "kg", 20.0, 300.0).of(Quantity::Mass);
pub const WEIGHT_BEFORE: Field = real("weight-before", "kg", 20.0, 300.0).of(Quantity::Mass);
pub const WEIGHT_AFTER: Field = real("weight-after", "kg", 20.0, 300.0).of(Quantity::Mass);
pub const MINUTES: Field = int("minutes", "min", 1.0, 1440.0).of(Quantity::Minutes);
pub const KM: Field = real("km", "km", 0.0, 1000.0).of(Quantity::Distance);
pub const RPE: Field = int("rpe", "", 1.0, 10.0);
pub const FLUID: Field = real("fluid-l", "L", 0.0, 20.0);

/// The longest free text (notes, pain site) we store, in characters.
pub const MAX_TEXT_CHARS: usize = 500;

/// A value the user gave that we refuse: the field, what was given, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        FieldError { field: field.into(), reason: reason.into() }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl Field {
    /// "25–220 bpm", "1–10 (whole number)".
    pub fn range_text(&self) -> String {
        self.range_in(Units::METRIC)
    }

    /// The range in the runner's units: "20–300 kg", or "45–661 lb" in imperial — the
    /// whole numbers inside the metric range, so every value it names is accepted.
    pub fn range_in(&self, units: Units) -> String {
        let unit = self.unit_in(units);
        let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
        let whole = if self.integer { ", a whole number" } else { "" };
        format!("{}{unit}{whole}", self.span_in(units))
    }

    /// The bounds alone in the runner's units: "20–300", or "45–661" (lb) in imperial.
    pub fn span_in(&self, units: Units) -> String {
        let (lo, hi) = self.bounds_in(units);
        format!("{}–{}", fmt_num(lo), fmt_num(hi))
    }

    /// The unit the runner types and reads this field in: "kg", or "lb" in imperial.
    pub fn unit_in(&self, units: Units) -> &'static str {
        units.unit(self.quantity, self.unit)
    }

    /// The range in the runner's units (whole numbers, rounded inwards, when converted).
    fn bounds_in(&self, units: Units) -> (f64, f64) {
        if units.converts(self.quantity) {
            let (lo, hi) =
                (units.from_metric(self.quantity, self.lo), units.from_metric(self.quantity, self.hi));
            // A hair inside, so that 0.1 + 0.2 noise cannot round a bound the wrong way.
            ((lo - 1e-9).ceil(), (hi + 1e-9).floor())
        } else {
            (self.lo, self.hi)
        }
    }

    /// A stored (metric) value as the runner reads it, without its unit.
    pub fn show_in(&self, value: f64, units: Units) -> String {
        units.show(self.quantity, value)
    }

    /// Parses what the user typed, refusing anything but a plain decimal in range.
    pub fn parse(&self, text: &str) -> Result<f64, FieldError> {
        self.parse_in(text, Units::METRIC)
    }

    /// Parses what the runner typed in `units` into the field's metric value: a plain
    /// decimal, or for hours `7:30` and for minutes `1:20:00`. Weights and distances typed
    /// in lb and mi are checked against the range in lb and mi, then converted.
    pub fn parse_in(&self, text: &str, units: Units) -> Result<f64, FieldError> {
        let shown = shorten(text);
        if let Some(value) = self.shaped(text) {
            return match value {
                Some(v) if (self.lo..=self.hi).contains(&v) => Ok(v),
                Some(_) => Err(self.error(format!("{shown} is outside {}", self.range_text()))),
                None => Err(self.error(format!("'{shown}' is not {}; write {}", self.noun(), self.shapes()))),
            };
        }
        if !is_plain_decimal(text) {
            let give = match self.quantity {
                Quantity::Hours | Quantity::Minutes => format!("write {}", self.shapes()),
                _ => format!("give {}", self.range_in(units)),
            };
            return Err(self.error(format!("'{shown}' is not a number; {give}")));
        }
        if self.integer && text.contains('.') {
            return Err(self.error(format!("'{shown}' is not a whole number; give {}", self.range_in(units))));
        }
        let value: f64 = text
            .parse()
            .map_err(|_| self.error(format!("'{shown}' is not a number; give {}", self.range_in(units))))?;
        if !units.converts(self.quantity) {
            return self.check(value);
        }
        let (lo, hi) = self.bounds_in(units);
        if !(lo..=hi).contains(&value) {
            let unit = self.unit_in(units);
            return Err(self.error(format!("{} {unit} is outside {}", fmt_num(value), self.range_in(units))));
        }
        let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
        self.check(units.to_metric(self.quantity, value, decimals))
    }

    fn error(&self, reason: String) -> FieldError {
        FieldError::new(self.name, reason)
    }

    /// A text in one of the quantity's clock-like shapes: `Some(None)` when it has a
    /// colon but is not the shape, `None` when it is no such text.
    fn shaped(&self, text: &str) -> Option<Option<f64>> {
        let read = match self.quantity {
            Quantity::Hours => shapes::hours,
            Quantity::Minutes => shapes::minutes,
            _ => return None,
        };
        text.contains(':').then(|| read(text))
    }

    /// What a text with a colon should have been: "a number of hours", "a duration".
    fn noun(&self) -> &'static str {
        if self.quantity == Quantity::Hours { "a number of hours" } else { "a duration" }
    }

    /// What an hours or minutes field accepts, naming both shapes: "7.5 or 7:30 (H:MM),
    /// 0–24 h".
    fn shapes(&self) -> String {
        let range = self.range_text().replace(", a whole number", "");
        match self.quantity {
            Quantity::Hours => format!("7.5 or 7:30 (H:MM), {range}"),
            _ => format!("whole minutes (80) or H:MM:SS (1:20:00), {range}"),
        }
    }

    /// Checks a number that is already parsed (e.g. converted from another unit).
    pub fn check(&self, value: f64) -> Result<f64, FieldError> {
        if !(self.lo..=self.hi).contains(&value) {
            return Err(self.error(format!("{} is outside {}", fmt_num(value), self.range_text())));
        }
        if self.integer && value.fract() != 0.0 {
            return Err(self.error(format!(
                "{} is not a whole number; give {}",
                fmt_num(value),
                self.range_text()
            )));
        }
        Ok(value)
    }

    /// Parses a whole-number field into an integer type.
    pub fn parse_int(&self, text: &str) -> Result<i64, FieldError> {
        self.parse_int_in(text, Units::METRIC)
    }

    /// [`Field::parse_in`] for a whole-number field.
    pub fn parse_int_in(&self, text: &str, units: Units) -> Result<i64, FieldError> {
        // The range check has passed, so the value is a whole number well inside i64.
        self.parse_in(text, units).map(|v| v as i64)
    }
}

/// `-?[0-9]+(\.[0-9]+)?` and nothing else.
fn is_plain_decimal(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
    digits(int_part) && frac_part.is_none_or(digits)
}

/// A number as a person writes it: no trailing `.0`.
pub fn fmt_num(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn shorten(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    if clean.chars().count() > 24 {
        format!("{}…", clean.chars().take(24).collect::<String>())
    } else {
        clean
    }
}

/// The earliest date cooldown accepts.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// Parses `YYYY-MM-DD`: a real calendar day from 1900-01-01 up to `today`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let shown = shorten(text);
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(FieldError::new("date", format!("'{shown}' is not a date; write YYYY-MM-DD")));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| FieldError::new("date", format!("{shown} is not a calendar day")))?;
    if date < EARLIEST_DATE {
        return Err(FieldError::new("date", format!("{shown} is before 1900-01-01")));
    }
    if date > today {
        return Err(FieldError::new(
            "date",
            format!("{shown} is in the future (today is {today}); give a day up to today"),
        ));
    }
    Ok(date)
}

/// Free text (a note, a pain site): at most [`MAX_TEXT_CHARS`], no control characters.
pub fn parse_text(field: &str, text: &str) -> Result<String, FieldError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(FieldError::new(field, format!("is longer than {MAX_TEXT_CHARS} characters")));
    }
    if text.chars().any(char::is_control) {
        return Err(FieldError::new(field, "contains control characters (tabs, newlines…)"));
    }
    Ok(text.to_string())
}

#[cfg(test)]
#[path = "values_tests.rs"]
mod tests;
