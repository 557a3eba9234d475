//! `cooldown export [--what markers|runs|ticks|verdicts] [--format csv|json] [--out FILE]`.

use super::Context;
use super::output::{emit, target};
use crate::domain::values::EARLIEST_DATE;
use crate::error::Result;
use crate::exchange::export;
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

pub fn render(ctx: &Context, what: What, format: Format) -> Result<String> {
    let store = ctx.open_store()?;
    let to = ctx.date;
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
            let ticks = store.tick_rows()?;
            if csv { export::ticks_csv(&ticks) } else { export::ticks_json(&ticks) }
        }
        What::Verdicts => {
            let verdicts = match store.first_day()? {
                Some(first) => ctx.verdicts(&store, first, to)?,
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
