//! The flags of `log` and `run`, made from the records' field tables (`domain::fields`):
//! one flag per field, its help, placeholder and parsing rules from the table; and the
//! value ranges at the end of `--help`.

use crate::domain::fields::{Kind, Spec, Texts};
use crate::domain::records::{MARKER_FIELDS, RUN_FIELDS};
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
    record: PhantomData<R>,
}

impl<R: Flags> clap::FromArgMatches for FieldArgs<R> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(FieldArgs { texts: texts(R::TABLE, matches), record: PhantomData })
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

/// One flag per field, named by the field's name, with the field's column as its id.
fn args<R>(table: &'static [Spec<R>]) -> Vec<Arg> {
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
                Kind::Int(_) | Kind::Real(_) => arg.allow_negative_numbers(true),
                Kind::RunType | Kind::Time | Kind::Choice(_) => arg,
            }
        })
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
    lines.join("\n")
}
