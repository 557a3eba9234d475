//! The value-range table of CLI.md, and strict parsing of what users type.
//!
//! One table serves the CLI, the CSV import and the dashboard's forms, so every entry
//! point refuses the same values with the same words. Numbers are plain decimals:
//! NaN, infinities, hex, exponents, signs other than a leading `-`, commas and
//! surrounding junk are all refused.

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
}

const fn int(name: &'static str, unit: &'static str, lo: f64, hi: f64) -> Field {
    Field { name, unit, lo, hi, integer: true }
}

const fn real(name: &'static str, unit: &'static str, lo: f64, hi: f64) -> Field {
    Field { name, unit, lo, hi, integer: false }
}

pub const RHR: Field = int("rhr", "bpm", 25.0, 220.0);
pub const HRV: Field = real("hrv", "ms", 5.0, 300.0);
pub const SLEEP: Field = real("sleep", "h", 0.0, 24.0);
pub const SLEEP_QUALITY: Field = int("sleep-quality", "", 1.0, 5.0);
pub const SORENESS: Field = int("soreness", "", 0.0, 10.0);
pub const PAIN: Field = int("pain", "", 0.0, 10.0);
pub const HOP: Field = real("hop", "cm", 1.0, 500.0);
pub const BALANCE: Field = real("balance", "s", 0.0, 600.0);
pub const WEIGHT: Field = real("weight", "kg", 20.0, 300.0);
pub const WEIGHT_BEFORE: Field = real("weight-before", "kg", 20.0, 300.0);
pub const WEIGHT_AFTER: Field = real("weight-after", "kg", 20.0, 300.0);
pub const MINUTES: Field = int("minutes", "min", 1.0, 1440.0);
pub const KM: Field = real("km", "km", 0.0, 1000.0);
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
        let unit = if self.unit.is_empty() { String::new() } else { format!(" {}", self.unit) };
        let whole = if self.integer { ", a whole number" } else { "" };
        format!("{}–{}{unit}{whole}", fmt_num(self.lo), fmt_num(self.hi))
    }

    /// Parses what the user typed, refusing anything but a plain decimal in range.
    pub fn parse(&self, text: &str) -> Result<f64, FieldError> {
        let shown = shorten(text);
        if !is_plain_decimal(text) {
            return Err(FieldError::new(
                self.name,
                format!("'{shown}' is not a number; give {}", self.range_text()),
            ));
        }
        if self.integer && text.contains('.') {
            return Err(FieldError::new(
                self.name,
                format!("'{shown}' is not a whole number; give {}", self.range_text()),
            ));
        }
        let value: f64 = text.parse().map_err(|_| {
            FieldError::new(self.name, format!("'{shown}' is not a number; give {}", self.range_text()))
        })?;
        self.check(value)
    }

    /// Checks a number that is already parsed (e.g. converted from another unit).
    pub fn check(&self, value: f64) -> Result<f64, FieldError> {
        if !(self.lo..=self.hi).contains(&value) {
            return Err(FieldError::new(
                self.name,
                format!("{} is outside {}", fmt_num(value), self.range_text()),
            ));
        }
        if self.integer && value.fract() != 0.0 {
            return Err(FieldError::new(
                self.name,
                format!("{} is not a whole number; give {}", fmt_num(value), self.range_text()),
            ));
        }
        Ok(value)
    }

    /// Parses a whole-number field into an integer type.
    pub fn parse_int(&self, text: &str) -> Result<i64, FieldError> {
        // The range check has passed, so the value is a whole number well inside i64.
        self.parse(text).map(|v| v as i64)
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
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn accepts_plain_decimals_in_range() {
        assert_eq!(RHR.parse("55").unwrap(), 55.0);
        assert_eq!(HRV.parse("62.5").unwrap(), 62.5);
        assert_eq!(SLEEP.parse("0").unwrap(), 0.0);
        assert_eq!(SLEEP.parse("24").unwrap(), 24.0);
        assert_eq!(KM.parse("0.0").unwrap(), 0.0);
    }

    #[test]
    fn refuses_the_bad_value_list() {
        for (field, text) in [
            (RHR, "0"),
            (RHR, "400"),
            (RHR, "55.5"),
            (RHR, "55.0"),
            (SLEEP, "30"),
            (SLEEP, "-1"),
            (SORENESS, "11"),
            (HRV, "abc"),
            (HRV, "NaN"),
            (HRV, "nan"),
            (HRV, "inf"),
            (HRV, "-inf"),
            (HRV, "infinity"),
            (HRV, "1e999"),
            (HRV, "6e1"),
            (HRV, "0x3E"),
            (HRV, "62abc"),
            (HRV, " 62"),
            (HRV, "62 "),
            (HRV, "+62"),
            (HRV, "62,5"),
            (HRV, ""),
            (HRV, "."),
            (HRV, "5."),
            (HRV, ".5"),
            (HRV, "--5"),
            (MINUTES, "99999999999999999999"),
        ] {
            let err = field.parse(text).unwrap_err();
            assert_eq!(err.field, field.name, "{text}");
            assert!(err.reason.contains(&field.range_text()) || err.reason.contains("outside"), "{err}");
        }
    }

    #[test]
    fn range_is_named_in_the_error() {
        let err = RHR.parse("400").unwrap_err();
        assert_eq!(err.to_string(), "rhr: 400 is outside 25–220 bpm, a whole number");
        let err = HRV.parse("NaN").unwrap_err();
        assert_eq!(err.to_string(), "hrv: 'NaN' is not a number; give 5–300 ms");
    }

    #[test]
    fn check_refuses_nan_and_infinity() {
        assert!(HRV.check(f64::NAN).is_err());
        assert!(HRV.check(f64::INFINITY).is_err());
        assert!(HRV.check(f64::NEG_INFINITY).is_err());
        assert!(RHR.check(55.5).is_err());
    }

    #[test]
    fn dates_must_be_real_days_up_to_today() {
        assert_eq!(parse_date("2026-11-28", today()).unwrap(), today());
        assert_eq!(parse_date("1900-01-01", today()).unwrap().to_string(), "1900-01-01");
        assert_eq!(parse_date("2024-02-29", today()).unwrap().to_string(), "2024-02-29");
        for bad in [
            "2026-11-29",
            "2026-02-30",
            "2025-02-29",
            "0001-01-01",
            "1899-12-31",
            "2026-13-01",
            "26-11-28",
            "2026/11/28",
            "2026-11-28x",
            " 2026-11-28",
            "yesterday",
            "",
        ] {
            let err = parse_date(bad, today()).unwrap_err();
            assert_eq!(err.field, "date", "{bad}");
        }
    }

    #[test]
    fn text_is_bounded_and_printable() {
        assert_eq!(parse_text("note", "felt fine").unwrap(), "felt fine");
        assert!(parse_text("note", "a\nb").is_err());
        assert!(parse_text("note", &"x".repeat(501)).is_err());
    }

    #[test]
    fn numbers_print_without_trailing_zeros() {
        assert_eq!(fmt_num(25.0), "25");
        assert_eq!(fmt_num(62.5), "62.5");
        assert_eq!(fmt_num(1.25), "1.25");
    }
}
