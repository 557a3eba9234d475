//! `cooldown runs [--days N] [--json]`: the runs of the N days up to `--date` with the ids
//! that `run --edit` and `run --delete` take, and where each came from.

use super::Context;
use super::output::{say, show};
use crate::domain::units::{Quantity, Units};
use crate::domain::values::{self, Field};
use crate::error::{Error, Result};
use crate::exchange::export::listed_json;
use crate::store::Listed;
use chrono::{Days, NaiveDate};
use std::process::ExitCode;

const DAYS: Field = values::int("days", "days", 1.0, 3650.0);
const DEFAULT_DAYS: u32 = 14;

/// The table's columns: the header and whether its cells are numbers (right-aligned).
const COLUMNS: [(&str, bool); 8] = [
    ("id", true),
    ("date", false),
    ("ended", false),
    ("type", false),
    ("minutes", true),
    ("km", true),
    ("RPE", true),
    ("source", false),
];

/// A row's cells; the distance in the runner's units.
fn cells(listed: &Listed, units: Units) -> [String; 8] {
    let run = &listed.run;
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".into());
    [
        or_dash(run.id.map(|id| id.to_string())),
        run.day.to_string(),
        run.at.format("%H:%M").to_string(),
        run.kind.name().to_string(),
        run.minutes.to_string(),
        or_dash(run.km.map(|km| units.show(Quantity::Distance, km))),
        or_dash(run.rpe.map(|r| r.to_string())),
        listed.source.label().to_string(),
    ]
}

/// The runs as a table, each column as wide as its widest cell.
fn table(runs: &[Listed], units: Units) -> String {
    let rows: Vec<[String; 8]> = runs.iter().map(|l| cells(l, units)).collect();
    let header = COLUMNS.map(|(name, _)| match name {
        "km" => units.unit(Quantity::Distance, "km").to_string(),
        _ => name.to_string(),
    });
    let width =
        |i: usize| std::iter::once(&header).chain(&rows).map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..COLUMNS.len()).map(width).collect();
    let line = |row: &[String; 8]| {
        let cells = row.iter().zip(&widths).zip(COLUMNS).map(|((cell, &w), (_, number))| {
            if number { format!("{cell:>w$}") } else { format!("{cell:<w$}") }
        });
        cells.collect::<Vec<_>>().join("  ").trim_end().to_string() + "\n"
    };
    std::iter::once(&header).chain(&rows).map(line).collect()
}

pub fn run(ctx: &Context, days: Option<&str>, json: bool) -> Result<ExitCode> {
    let days = match days {
        Some(text) => DAYS.parse_int(text).map_err(|e| {
            Error::bad_input(e.to_string(), "runs --days", "give a whole number of days from 1 to 3650")
        })? as u32,
        None => DEFAULT_DAYS,
    };
    let to = ctx.date;
    let from = to.checked_sub_days(Days::new(u64::from(days) - 1)).unwrap_or(NaiveDate::MIN);
    let store = ctx.open_store()?;
    let runs = store.runs_listed(from, to)?;
    if json {
        show(&listed_json(runs.iter().map(|l| (&l.run, l.source.label())))?)?;
    } else if runs.is_empty() {
        say(&format!("no runs from {from} to {to}"))?;
    } else {
        show(&table(&runs, ctx.units()))?;
    }
    Ok(ExitCode::SUCCESS)
}
