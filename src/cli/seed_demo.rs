//! `cooldown seed-demo [--days N]`: the demo history, written into an empty database.

use super::Context;
use super::output::say;
use crate::domain::demo::{DEFAULT_DAYS, MAX_DAYS};
use crate::domain::values::{self, Field};
use crate::error::{Error, Result};
use std::process::ExitCode;

const DAYS: Field = values::int("days", "days", 1.0, MAX_DAYS as f64);

pub fn run(ctx: &Context, days: Option<&str>) -> Result<ExitCode> {
    let days = match days {
        Some(text) => DAYS
            .parse_int(text)
            .map_err(|e| Error::bad_input(e.to_string(), "seed-demo --days", "give a whole number of days"))?
            as u32,
        None => DEFAULT_DAYS,
    };
    let mut store = ctx.open_store()?;
    if !store.is_empty()? {
        return Err(Error::bad_input(
            "the database already holds data; demo history would mix with it",
            store.path().display().to_string(),
            "give an empty or new --db path; nothing was written",
        ));
    }
    ctx.seed(&mut store, ctx.date, days)?;
    say(&format!("wrote {days} days of demo history ending {} to {}", ctx.date, store.path().display()))?;
    Ok(ExitCode::SUCCESS)
}
