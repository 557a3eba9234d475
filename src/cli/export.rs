//! `cooldown export [--what markers|runs|ticks|verdicts] [--format csv|json] [--out FILE]`.
//!
//! Without `--date` everything stored is exported, days after today included: after a
//! change of time zone the last day logged can be "tomorrow" here, and an export must not
//! drop it silently. With `--date D` the export ends at D.

use super::Context;
use super::output::{emit, target};
use crate::domain::values::EARLIEST_DATE;
use crate::error::Result;
use crate::exchange::export;
use crate::store::Store;
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    Markers,
    Runs,
    Ticks,
    Verdicts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

/// Later than any day stored (days are stored as `YYYY-MM-DD` text).
const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(date) => date,
    None => NaiveDate::MAX,
};

/// The last day to export: `--date`, else every day stored.
fn last_day(ctx: &Context) -> NaiveDate {
    if ctx.date_given { ctx.date } else { LAST_DATE }
}

/// The days to rate for a verdicts export: from the first day stored to `--date`, else to
/// the later of today and the last day stored.
fn verdict_days(ctx: &Context, store: &Store) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let Some(first) = store.first_day()? else { return Ok(None) };
    let to =
        if ctx.date_given { ctx.date } else { store.last_day()?.map_or(ctx.today, |l| l.max(ctx.today)) };
    Ok((first <= to).then_some((first, to)))
}

pub fn render(ctx: &Context, what: What, format: Format) -> Result<String> {
    let store = ctx.open_store()?;
    let to = last_day(ctx);
    let csv = format == Format::Csv;
    match what {
        What::Markers => {
            let rows = store.markers_between(EARLIEST_DATE, to)?;
            if csv { export::markers_csv(&rows) } else { export::markers_json(&rows) }
        }
        What::Runs => {
            let runs = store.runs_between(EARLIEST_DATE, to)?;
            if csv { export::runs_csv(&runs) } else { export::runs_json(&runs) }
        }
        What::Ticks => {
            let mut ticks = store.tick_rows()?;
            ticks.retain(|t| t.0 <= to);
            if csv { export::ticks_csv(&ticks) } else { export::ticks_json(&ticks) }
        }
        What::Verdicts => {
            let verdicts = match verdict_days(ctx, &store)? {
                Some((first, last)) => ctx.verdicts(&store, first, last)?,
                None => Vec::new(),
            };
            if csv { export::verdicts_csv(&verdicts) } else { export::verdicts_json(&verdicts) }
        }
    }
}

pub fn run(ctx: &Context, what: What, format: Format, out: Option<&std::path::Path>) -> Result<ExitCode> {
    // Where it goes is checked first: a refusal reads (and migrates) nothing.
    let target = target(out, &ctx.db.path)?;
    emit(&render(ctx, what, format)?, &target, "export")?;
    Ok(ExitCode::SUCCESS)
}
