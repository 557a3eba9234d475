//! Reading one day for the dashboard: checklist, verdict, focus week and the values the
//! forms start from. The only place the dashboard reads the store.

use super::app::Day;
use crate::cli::Context;
use crate::domain::focus;
use crate::error::Result;
use crate::store::Store;
use chrono::{Days, NaiveDate};

pub fn day(ctx: &Context, store: &Store, date: NaiveDate) -> Result<Day> {
    let week_start = date.checked_sub_days(Days::new(6)).unwrap_or(date);
    let week = store.markers_between(week_start, date)?;
    let on =
        |d: Option<NaiveDate>| d.and_then(|d| week.iter().find(|(md, _)| *md == d).map(|(_, m)| m.clone()));
    Ok(Day {
        checklist: ctx.checklist(store, date)?,
        verdict: ctx.verdict(store, date)?,
        focus: focus::week(&ctx.config.focus, &week, date),
        markers: on(Some(date)),
        yesterday: on(date.checked_sub_days(Days::new(1))),
        last_run: store.last_run_before(date)?,
    })
}
