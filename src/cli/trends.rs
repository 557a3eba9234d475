//! `cooldown trends [--marker M] [--days N]`: a compact summary per marker — latest value,
//! 7-day mean, usual range, direction — for ssh sessions and scripts.

use super::Context;
use super::output::say;
use crate::domain::readiness;
use crate::domain::trends::{self, Marker, Window};
use crate::domain::values::{self, Field};
use crate::error::{Error, Result};
use crate::text;
use std::process::ExitCode;

const DAYS: Field = values::int("days", "days", 7.0, 3650.0);

pub fn run(ctx: &Context, marker: Option<&str>, days: Option<&str>) -> Result<ExitCode> {
    let markers = match marker {
        Some(name) => vec![Marker::parse(name).ok_or_else(|| {
            let names: Vec<&str> = Marker::ALL.iter().map(|m| m.name()).collect();
            Error::bad_input(
                format!("'{name}' is not a marker"),
                "trends --marker",
                format!("use one of: {}", names.join(", ")),
            )
        })?],
        None => Marker::ALL.to_vec(),
    };
    let days = match days {
        Some(text) => DAYS
            .parse_int(text)
            .map_err(|e| Error::bad_input(e.to_string(), "trends --days", "give a whole number of days"))?
            as u32,
        None => 28,
    };
    let store = ctx.open_store()?;
    let t = &ctx.config.readiness;
    let to = ctx.date;
    let from = Window::Days(days).start(to, None);
    let inputs = store.readiness_inputs(to, t.lookback_days() + days)?;
    say(&format!("trends over {days} days to {}", to.format("%a %-d %b %Y")))?;
    for m in markers {
        let summary = trends::summary_over(m, &inputs, from, to, t);
        let acwr = (m == Marker::Load).then(|| readiness::acwr(&inputs, to));
        say(&format!("{:<9} {}", m.name(), text::trend_summary(m, &summary, acwr)))?;
    }
    Ok(ExitCode::SUCCESS)
}
