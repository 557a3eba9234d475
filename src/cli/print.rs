//! `cooldown print [--format md|html] [--out FILE]`: today's checklist for paper.

use super::Context;
use super::output::{emit, target};
use crate::error::Result;
use crate::exchange::print;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PageFormat {
    Md,
    Html,
}

pub fn run(ctx: &Context, format: PageFormat, out: Option<&std::path::Path>) -> Result<ExitCode> {
    let target = target(out, &ctx.db.path)?;
    let store = ctx.open_store()?;
    let verdict = ctx.verdict(&store, ctx.date)?;
    let checklist = ctx.checklist_for(&store, ctx.date, &verdict, ctx.units())?;
    let text = match format {
        PageFormat::Md => print::markdown(&checklist, &verdict),
        PageFormat::Html => print::html(&checklist, &verdict),
    };
    emit(&text, &target, "print")?;
    Ok(ExitCode::SUCCESS)
}
