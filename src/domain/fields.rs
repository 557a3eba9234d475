//! One table per record. Each field of a morning's markers and of a run is declared once
//! (`records::MARKER_FIELDS`, `records::RUN_FIELDS`): its column in the database, the CSV
//! files and the JSON; the name a runner types (the CLI flag, the form, the errors); its
//! label, hint and help; how its text is read; and how to get and set it on the record.
//! The store, import and export, the forms and the command line all derive from the
//! table, so adding a marker is one row there (and a migration for its column).

use super::entry::parse_yes_no;
use super::session::Session;
use super::shapes;
use super::units::Units;
use super::values::{self, Field, FieldError};
use chrono::NaiveTime;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// How a field's text is read, and what it holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A whole number in the field's range (minutes: also `H:MM:SS`).
    Int(Field),
    /// A plain decimal in the field's range (hours: also `H:MM`), typed in the runner's
    /// units (kg or lb, km or mi).
    Real(Field),
    /// yes/no (true/false, 1/0).
    YesNo,
    /// Free text on one line, up to `values::MAX_TEXT_CHARS`.
    Text,
    /// One of these words (typed in any case; stored as written here).
    Choice(&'static [&'static str]),
    /// One of easy, tempo, intervals, long, race, cross.
    RunType,
    /// `H:MM` or `HH:MM`.
    Time,
}

/// A field's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(i64),
    Real(f64),
    Flag(bool),
    Text(String),
    RunType(Session),
    Time(NaiveTime),
}

impl Value {
    pub fn int(self) -> Option<i64> {
        match self {
            Value::Int(v) => Some(v),
            _ => None,
        }
    }

    pub fn real(self) -> Option<f64> {
        match self {
            Value::Real(v) => Some(v),
            Value::Int(v) => Some(v as f64),
            _ => None,
        }
    }

    pub fn flag(self) -> Option<bool> {
        match self {
            Value::Flag(v) => Some(v),
            _ => None,
        }
    }

    pub fn text(self) -> Option<String> {
        match self {
            Value::Text(v) => Some(v),
            _ => None,
        }
    }

    pub fn run_type(self) -> Option<Session> {
        match self {
            Value::RunType(v) => Some(v),
            _ => None,
        }
    }

    pub fn time(self) -> Option<NaiveTime> {
        match self {
            Value::Time(v) => Some(v),
            _ => None,
        }
    }

    /// As a runner reads and types it: `52`, `61.5`, `yes`, `tempo`, `07:05`.
    pub fn typed(&self) -> String {
        match self {
            Value::Int(v) => v.to_string(),
            Value::Real(v) => values::fmt_num(*v),
            Value::Flag(v) => if *v { "yes" } else { "no" }.to_string(),
            Value::Text(v) => v.clone(),
            Value::RunType(v) => v.name().to_string(),
            Value::Time(v) => v.format("%H:%M").to_string(),
        }
    }
}

impl Kind {
    /// Reads what the runner typed for the field `name`, in `units`; numbers come out
    /// metric.
    pub fn parse(self, name: &str, text: &str, units: Units) -> Result<Value, FieldError> {
        Ok(match self {
            Kind::Int(f) => Value::Int(f.parse_int_in(text, units)?),
            Kind::Real(f) => Value::Real(f.parse_in(text, units)?),
            Kind::YesNo => Value::Flag(parse_yes_no(name, text)?),
            Kind::Text => Value::Text(values::parse_text(name, text)?),
            Kind::Choice(words) => Value::Text(
                words
                    .iter()
                    .find(|w| w.eq_ignore_ascii_case(text))
                    .ok_or_else(|| {
                        let shown: String = text.chars().take(24).collect();
                        FieldError::new(name, format!("'{shown}' is not one of {}", words.join(", ")))
                    })?
                    .to_string(),
            ),
            Kind::RunType => Value::RunType(Session::parse_run(text).ok_or_else(|| {
                let shown: String = text.chars().take(24).collect();
                FieldError::new(name, format!("'{shown}' is not one of {}", Session::RUN_TYPES))
            })?),
            Kind::Time => Value::Time(parse_time(name, text)?),
        })
    }

    /// What the field accepts, in words and in `units`: "25–220 bpm, a whole number".
    pub fn accepts(self, units: Units) -> String {
        match self {
            Kind::Int(f) | Kind::Real(f) => f.range_in(units),
            Kind::YesNo => "yes or no".into(),
            Kind::Text => format!("up to {} characters", values::MAX_TEXT_CHARS),
            Kind::Choice(words) => format!("one of {}", words.join(", ")),
            Kind::RunType => format!("one of {}", Session::RUN_TYPES),
            Kind::Time => "a time as H:MM or HH:MM".into(),
        }
    }

    /// A value that holds a number (as opposed to text) in CSV and JSON.
    pub fn is_number(self) -> bool {
        matches!(self, Kind::Int(_) | Kind::Real(_))
    }
}

/// `H:MM` or `HH:MM`, 00:00–23:59: `7:05`, `07:05`.
pub fn parse_time(field: &str, text: &str) -> Result<NaiveTime, FieldError> {
    shapes::time(text).ok_or_else(|| {
        let shown: String = text.chars().take(24).map(|c| if c.is_control() { '?' } else { c }).collect();
        FieldError::new(field, format!("'{shown}' is not a time; write H:MM or HH:MM, 00:00–23:59"))
    })
}

/// One field of record `R`.
pub struct Spec<R: 'static> {
    /// The column of the database, the CSV files and the JSON: `sleep_hours`.
    pub column: &'static str,
    /// The name a runner types and errors use: the CLI flag without `--`, `sleep`.
    pub name: &'static str,
    /// The form's label.
    pub label: &'static str,
    /// The form's hint: unit and range in a few words.
    pub hint: &'static str,
    /// The command line's help for the flag.
    pub help: &'static str,
    /// The flag's placeholder in `--help`: `BPM`.
    pub value_name: &'static str,
    pub kind: Kind,
    /// A record cannot be made without it.
    pub required: bool,
    pub get: fn(&R) -> Option<Value>,
    pub set: fn(&mut R, Option<Value>),
}

impl<R> Spec<R> {
    /// The value as a runner types it, if set (weights in kg, distances in km).
    pub fn typed(&self, record: &R) -> Option<String> {
        self.typed_in(record, Units::METRIC)
    }

    /// The value as a runner types it in `units` (149.9 for 68 kg in imperial), if set.
    pub fn typed_in(&self, record: &R, units: Units) -> Option<String> {
        let value = (self.get)(record)?;
        Some(match (self.converted(units), value) {
            (Some(f), Value::Real(v)) => f.show_in(v, units),
            (_, value) => value.typed(),
        })
    }

    /// The field's range, when it is typed in another unit in `units`.
    fn converted(&self, units: Units) -> Option<Field> {
        match self.kind {
            Kind::Int(f) | Kind::Real(f) if units.converts(f.quantity) => Some(f),
            _ => None,
        }
    }

    /// The form's hint in `units`: "kg, 20–300", or "lb, 45–661" in imperial.
    pub fn hint_in(&self, units: Units) -> Cow<'static, str> {
        match self.converted(units) {
            Some(f) => Cow::Owned(format!("{}, {}", f.unit_in(units), f.span_in(units))),
            None => Cow::Borrowed(self.hint),
        }
    }

    /// The unit a value of this field is read in, in `units` ("" for none).
    pub fn unit_in(&self, units: Units) -> &'static str {
        match self.kind {
            Kind::Int(f) | Kind::Real(f) => f.unit_in(units),
            _ => "",
        }
    }
}

/// The field of `table` with this column.
pub fn by_column<R>(table: &'static [Spec<R>], column: &str) -> Option<&'static Spec<R>> {
    table.iter().find(|s| s.column == column)
}

/// The field of `table` a runner calls `name`.
pub fn by_name<R>(table: &'static [Spec<R>], name: &str) -> Option<&'static Spec<R>> {
    table.iter().find(|s| s.name == name)
}

/// What a runner typed, by column, as typed (a form trims its fields; the command line and
/// CSV cells do not, so ` 62` is refused there); an empty text is "not given".
pub type Texts = BTreeMap<&'static str, String>;

/// Sets every field of `record` given in `texts`, read by its kind in `units`; the first
/// bad field in table order is the error, and a required field that is missing is one.
pub fn fill<R>(
    table: &'static [Spec<R>],
    texts: &Texts,
    units: Units,
    record: &mut R,
) -> Result<(), FieldError> {
    fill_fields(table, texts, units, record, true)
}

/// Sets the fields of `record` given in `texts`, as `fill` does, but requires none: an
/// edit of a record that already has every field.
pub fn fill_given<R>(
    table: &'static [Spec<R>],
    texts: &Texts,
    units: Units,
    record: &mut R,
) -> Result<(), FieldError> {
    fill_fields(table, texts, units, record, false)
}

fn fill_fields<R>(
    table: &'static [Spec<R>],
    texts: &Texts,
    units: Units,
    record: &mut R,
    require: bool,
) -> Result<(), FieldError> {
    for spec in table {
        match texts.get(spec.column).filter(|t| !t.is_empty()) {
            Some(text) => (spec.set)(record, Some(spec.kind.parse(spec.name, text, units)?)),
            None if require && spec.required => {
                return Err(FieldError::new(
                    spec.name,
                    format!("is missing; give {}", spec.kind.accepts(units)),
                ));
            }
            None => {}
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
