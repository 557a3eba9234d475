//! `cooldown log --rhr … --hrv …`: the morning markers for `--date`. A second call for
//! the same day replaces the fields it names and keeps the others.

use super::output::say;
use super::{Context, verdict::summary};
use crate::domain::entry::{self, MarkerTexts};
use crate::domain::records::Markers;
use crate::domain::values::fmt_num;
use crate::error::{Error, Result};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true, group(clap::ArgGroup::new("fields").required(true).multiple(true)
    .args(["rhr", "hrv", "sleep", "sleep_quality", "soreness", "pain", "hop", "balance", "weight", "ill", "note"])))]
pub struct LogArgs {
    /// Resting heart rate, 25–220 bpm (whole number)
    #[arg(long, value_name = "BPM")]
    pub rhr: Option<String>,
    /// Morning HRV (rMSSD), 5–300 ms
    #[arg(long, value_name = "MS")]
    pub hrv: Option<String>,
    /// Hours slept, 0–24
    #[arg(long, value_name = "H")]
    pub sleep: Option<String>,
    /// Sleep quality, 1–5 (5 = best)
    #[arg(long, value_name = "1-5")]
    pub sleep_quality: Option<String>,
    /// Muscle soreness, 0–10 (10 = worst)
    #[arg(long, value_name = "0-10")]
    pub soreness: Option<String>,
    /// Localized pain, 0–10 (10 = worst)
    #[arg(long, value_name = "0-10")]
    pub pain: Option<String>,
    /// Where the pain is (with --pain)
    #[arg(long, value_name = "TEXT", requires = "pain")]
    pub pain_site: Option<String>,
    /// Single-leg hop distance, 1–500 cm
    #[arg(long, value_name = "CM")]
    pub hop: Option<String>,
    /// Single-leg balance, eyes closed, 0–600 s
    #[arg(long, value_name = "S")]
    pub balance: Option<String>,
    /// Body weight, 20–300 kg
    #[arg(long, value_name = "KG")]
    pub weight: Option<String>,
    /// Feeling ill (--ill false takes it back)
    #[arg(long, value_name = "true|false", num_args = 0..=1, default_missing_value = "true",
          value_parser = ["true", "false"])]
    pub ill: Option<String>,
    /// A note on the morning, up to 500 characters on one line
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
}

fn texts(a: &LogArgs) -> MarkerTexts {
    MarkerTexts {
        rhr: a.rhr.clone(),
        hrv: a.hrv.clone(),
        sleep: a.sleep.clone(),
        sleep_quality: a.sleep_quality.clone(),
        soreness: a.soreness.clone(),
        pain: a.pain.clone(),
        pain_site: a.pain_site.clone(),
        hop: a.hop.clone(),
        balance: a.balance.clone(),
        weight: a.weight.clone(),
        ill: a.ill.clone(),
        note: a.note.clone(),
    }
}

/// "rhr 52 bpm · hrv 61.5 ms · sleep 7.5 h".
fn logged(m: &Markers) -> String {
    let mut parts = Vec::new();
    let mut add = |name: &str, v: Option<f64>, unit: &str| {
        if let Some(v) = v {
            parts.push(format!("{name} {}{unit}", fmt_num(v)));
        }
    };
    add("rhr", m.rhr.map(f64::from), " bpm");
    add("hrv", m.hrv, " ms");
    add("sleep", m.sleep_hours, " h");
    add("sleep quality", m.sleep_quality.map(f64::from), "/5");
    add("soreness", m.soreness.map(f64::from), "/10");
    add("pain", m.pain.map(f64::from), "/10");
    add("hop", m.hop_cm, " cm");
    add("balance", m.balance_s, " s");
    add("weight", m.weight_kg, " kg");
    if let Some(ill) = m.ill {
        parts.push(if ill { "ill".into() } else { "not ill".into() });
    }
    if m.note.is_some() || m.pain_site.is_some() {
        parts.push("note".into());
    }
    parts.join(" · ")
}

pub fn run(ctx: &Context, args: &LogArgs) -> Result<ExitCode> {
    let t = texts(args);
    let given = [
        ("rhr", &t.rhr),
        ("hrv", &t.hrv),
        ("sleep", &t.sleep),
        ("sleep-quality", &t.sleep_quality),
        ("soreness", &t.soreness),
        ("pain", &t.pain),
        ("pain-site", &t.pain_site),
        ("hop", &t.hop),
        ("balance", &t.balance),
        ("weight", &t.weight),
        ("note", &t.note),
    ];
    let m = entry::refuse_empty(&given).and_then(|()| entry::markers(&t)).map_err(|e| {
        Error::bad_input(e.to_string(), "log", "nothing was saved; see `cooldown log --help`")
    })?;
    let mut store = ctx.open_store()?;
    store.save_markers(ctx.date, &m, ctx.clock.now())?;
    say(&format!("logged {}: {}", ctx.date, logged(&m)))?;
    say(&summary(&ctx.verdict(&store, ctx.date)?))?;
    Ok(ExitCode::SUCCESS)
}
