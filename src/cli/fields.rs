//! The flags of `log` and `run`, made from the records' field tables (`domain::fields`):
//! one flag per field, its help, placeholder and parsing rules from the table; and the
//! value ranges at the end of `--help`.
//!
//! A flag without a unit in its name (`--weight`) takes the config's units (kg or lb); a
//! flag named after its unit takes that unit whatever the config says: `--km`, and beside
//! it `--mi` for the same field. `--duration` is another name for `--minutes` (both take
//! `80` or `1:20:00`).

use crate::domain::fields::{Kind, Spec, Texts};
use crate::domain::records::{MARKER_FIELDS, RUN_FIELDS};
use crate::domain::units::{Quantity, Units};
use crate::domain::values::FieldError;
use clap::{Arg, ArgMatches, Command};
use std::marker::PhantomData;

/// A record whose fields a command takes as flags.
pub trait Flags: Sized + 'static {
    const TABLE: &'static [Spec<Self>];

    /// The command's own rules over the flags (which go together, which are needed).
    fn rules(cmd: Command) -> Command {
        cmd
    }
}

/// The flags of a record's fields, as given, by column.
#[derive(Debug)]
pub struct FieldArgs<R> {
    pub texts: Texts,
    /// The distance came as `--mi`: its text is in the distance's column, in miles.
    pub miles: bool,
    record: PhantomData<R>,
}

/// The id and flag of the distance in miles.
const MILES: &str = "mi";

/// Another name for `--minutes`.
const DURATION: &str = "duration";

/// The field of `table` that holds a distance, if any.
fn distance<R>(table: &'static [Spec<R>]) -> Option<&'static Spec<R>> {
    table.iter().find(|s| matches!(s.kind, Kind::Real(f) if f.quantity == Quantity::Distance))
}

impl<R: Flags> FieldArgs<R> {
    /// The units to read the texts in: the config's, the distance in km (`--km`) or mi
    /// (`--mi`) as its flag says.
    pub fn units(&self, config: Units) -> Units {
        config.with_miles(self.miles)
    }

    /// An error as the runner gave the field: `mi` rather than `km` after `--mi`.
    pub fn named(&self, mut err: FieldError) -> FieldError {
        if self.miles && distance(R::TABLE).is_some_and(|s| s.name == err.field) {
            err.field = MILES.to_string();
        }
        err
    }
}

impl<R: Flags> clap::FromArgMatches for FieldArgs<R> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut texts = texts(R::TABLE, matches);
        // `--mi` conflicts with the distance's own flag: the column is free for it.
        let miles = match (distance(R::TABLE), matches.try_get_one::<String>(MILES).ok().flatten()) {
            (Some(spec), Some(mi)) => {
                texts.insert(spec.column, mi.clone());
                true
            }
            _ => false,
        };
        Ok(FieldArgs { texts, miles, record: PhantomData })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl<R: Flags> clap::Args for FieldArgs<R> {
    fn augment_args(cmd: Command) -> Command {
        R::rules(cmd.args(args(R::TABLE)))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

/// One flag per field, named by the field's name, with the field's column as its id; and
/// `--mi` beside a distance.
fn args<R>(table: &'static [Spec<R>]) -> Vec<Arg> {
    let miles = distance(table).map(|s| {
        let range = match s.kind {
            Kind::Real(f) => f.span_in(Units::IMPERIAL),
            _ => String::new(),
        };
        Arg::new(MILES)
            .long(MILES)
            .value_name("MI")
            .help(format!("Distance in miles, {range} (instead of --km)"))
            .conflicts_with(s.column)
            .allow_negative_numbers(true)
            .display_order(100 + table.len())
    });
    table
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let arg = Arg::new(s.column)
                .long(s.name)
                .value_name(s.value_name)
                .help(s.help)
                .required(s.required)
                // After the global options, in table order.
                .display_order(100 + i);
            match s.kind {
                // `--ill` alone is `--ill true`.
                Kind::YesNo => {
                    arg.num_args(0..=1).default_missing_value("true").value_parser(["true", "false"])
                }
                // A note may start with a dash.
                Kind::Text => arg.allow_hyphen_values(true),
                Kind::Int(f) if f.quantity == Quantity::Minutes => {
                    arg.allow_negative_numbers(true).visible_alias(DURATION)
                }
                Kind::Int(_) | Kind::Real(_) => arg.allow_negative_numbers(true),
                Kind::RunType | Kind::Time | Kind::Choice(_) => arg,
            }
        })
        .chain(miles)
        .collect()
}

/// What was given for each field, by column.
fn texts<R>(table: &'static [Spec<R>], matches: &ArgMatches) -> Texts {
    table.iter().filter_map(|s| matches.get_one::<String>(s.column).map(|v| (s.column, v.clone()))).collect()
}

/// "Value ranges: rhr 25–220 bpm · hrv 5–300 ms · …", wrapped at 90 columns.
pub fn ranges() -> String {
    let numbers = MARKER_FIELDS
        .iter()
        .map(|s| (s.name, s.kind))
        .chain(RUN_FIELDS.iter().map(|s| (s.name, s.kind)))
        .filter_map(|(name, kind)| match kind {
            Kind::Int(f) | Kind::Real(f) => {
                Some(format!("{name} {}", f.range_text().replace(", a whole number", "")))
            }
            _ => None,
        });
    let parts: Vec<String> = numbers.chain(["dates YYYY-MM-DD up to today.".to_string()]).collect();
    let mut lines = vec![String::from("Value ranges:")];
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let piece = if last { part.clone() } else { format!("{part} ·") };
        let line = lines.last_mut().filter(|l| l.chars().count() + 1 + piece.chars().count() <= 90);
        match line {
            Some(line) => {
                line.push(' ');
                line.push_str(&piece);
            }
            None => lines.push(piece),
        }
    }
    lines.push(String::new());
    lines.extend(SHAPES.iter().map(|l| l.to_string()));
    lines.push(format!(
        "Units: weights in kg, or in lb ({}) with units = \"imperial\" in the config; --km in km, --mi in miles.",
        crate::domain::values::WEIGHT.span_in(Units::IMPERIAL)
    ));
    lines.join("\n")
}

/// How times and durations may be typed, under the value ranges.
const SHAPES: [&str; 2] = [
    "Shapes: --sleep 7.5 or 7:30 · --at 7:05 or 07:05 · --minutes 80, or 1:20:00 as H:MM:SS (also as",
    "--duration; seconds round to the nearest minute).",
];
