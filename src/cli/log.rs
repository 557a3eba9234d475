//! `cooldown log --rhr … --hrv …`: the morning markers for `--date`. A second call for
//! the same day replaces the fields it names and keeps the others.

use super::fields::{FieldArgs, Flags};
use super::output::say;
use super::{Context, log_clear, verdict::summary};
use crate::domain::entry;
use crate::domain::fields::{Kind, Spec, Value};
use crate::domain::records::{MARKER_FIELDS, Markers};
use crate::domain::units::Units;
use crate::domain::values::fmt_num;
use crate::error::{Error, Result};
use clap::{ArgGroup, Command};
use std::process::ExitCode;

/// The id of `--clear`, which the field flags' rules name.
const CLEAR: &str = "clear";

/// `log`'s flags: one per field of `MARKER_FIELDS`, at least one of them or `--clear`; a
/// pain site only with a pain.
impl Flags for Markers {
    const TABLE: &'static [Spec<Markers>] = &MARKER_FIELDS;

    fn rules(cmd: Command) -> Command {
        let any = MARKER_FIELDS.iter().map(|s| s.column).filter(|c| *c != "pain_site");
        cmd.mut_arg("pain_site", |a| a.requires("pain"))
            .group(ArgGroup::new("fields").required(true).multiple(true).args(any.chain([CLEAR])))
    }
}

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    #[command(flatten)]
    pub fields: FieldArgs<Markers>,
    /// Remove these logged fields for the day, named as their options are: rhr, hrv, sleep,
    /// … (clearing pain clears pain-site too, clearing hrv clears hrv-source)
    #[arg(long, id = CLEAR, value_name = "FIELD", num_args = 1.., value_delimiter = ',', display_order = 200)]
    pub clear: Vec<String>,
}

/// "rhr 52 bpm · hrv 61.5 ms · sleep 7.5 h · sleep quality 4/5 · ill · note", weights in
/// `units`.
fn logged(m: &Markers, units: Units) -> String {
    let mut parts = Vec::new();
    let mut noted = false;
    for spec in &MARKER_FIELDS {
        let Some(value) = (spec.get)(m) else { continue };
        let name = spec.name.replace('-', " ");
        match (spec.kind, value) {
            (Kind::Int(f) | Kind::Real(f), v) => {
                let unit = f.unit_in(units);
                let unit = if unit.is_empty() { format!("/{}", fmt_num(f.hi)) } else { format!(" {unit}") };
                let shown = spec.typed_in(m, units).unwrap_or_else(|| v.typed());
                parts.push(format!("{name} {shown}{unit}"));
            }
            (Kind::Choice(_), v) => parts.push(format!("{name} {}", v.typed())),
            (_, Value::Flag(true)) => parts.push(name),
            (_, Value::Flag(false)) => parts.push(format!("not {name}")),
            _ => noted = true,
        }
    }
    if noted {
        parts.push("note".into());
    }
    parts.join(" · ")
}

pub fn run(ctx: &Context, args: &LogArgs) -> Result<ExitCode> {
    let (t, units) = (&args.fields.texts, ctx.units());
    let clear = log_clear::columns(&args.clear, t)?;
    let m = entry::refuse_empty(&MARKER_FIELDS, t, units).and_then(|()| entry::markers(t, units)).map_err(
        |e| Error::bad_input(e.to_string(), "log", "nothing was saved; see `cooldown log --help`"),
    )?;
    let mut store = ctx.open_store()?;
    if clear.is_empty() {
        store.save_markers(ctx.date, &m, ctx.clock.now())?;
    } else {
        // What is set and what is cleared, in one transaction.
        let fields: Vec<&str> = t.keys().copied().chain(clear.iter().copied()).collect();
        let before = store.edit_markers(ctx.date, &m, &fields, ctx.clock.now())?;
        log_clear::say_cleared(ctx.date, &args.clear, &before.held(&clear))?;
    }
    if !m.is_empty() {
        say(&format!("logged {}: {}", ctx.date, logged(&m, units)))?;
    }
    if store.markers_on(ctx.date)?.is_none() {
        say(&format!("nothing is logged on {} now", ctx.date))?;
    }
    say(&summary(&ctx.verdict(&store, ctx.date)?))?;
    Ok(ExitCode::SUCCESS)
}
