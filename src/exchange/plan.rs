//! The weekly plan's pages: text, Markdown, HTML and JSON.

use super::print::page;
use crate::domain::checklist::Entry;
use crate::domain::plan::{PlanWeek, WEEKDAYS};
use crate::domain::routine::ItemKind;
use crate::domain::session::Session;
use crate::domain::values::fmt_num;
use crate::error::{Error, Result};
use crate::text::duration;
use serde_json::json;

fn session(s: Session) -> &'static str {
    if s == Session::Rest { "rest" } else { s.name() }
}

fn km(v: f64) -> String {
    if v == 0.0 { "–".into() } else { format!("{} km", fmt_num(v)) }
}

/// The routine in a line: "Light mobility · Foam roll 4 × 1:30 · 4 activation exercises ·
/// Carbohydrate, Protein, Rehydrate" — runs of like items folded together.
pub fn summary(entries: &[Entry]) -> String {
    let key = |e: &Entry| match e.item.kind {
        ItemKind::Timed { .. } => format!("timed {}", e.item.title.split(':').next().unwrap_or_default()),
        ItemKind::Sets { .. } => "sets".to_string(),
        ItemKind::Target => "target".to_string(),
        ItemKind::Check => format!("check {}", e.item.title),
    };
    let mut parts: Vec<String> = Vec::new();
    let mut rest = entries;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|e| key(e) == key(first)).count();
        let (same, after) = rest.split_at(n);
        let head = first.item.title.split(':').next().unwrap_or_default();
        parts.push(match first.item.kind {
            ItemKind::Timed { .. } => match first.seconds {
                Some(s) if same.iter().all(|e| e.seconds == Some(s)) => {
                    format!("{head} {n} × {}", duration(s))
                }
                _ => format!("{head} ×{n}"),
            },
            ItemKind::Sets { .. } if n == 1 => "1 activation exercise".to_string(),
            ItemKind::Sets { .. } => format!("{n} activation exercises"),
            ItemKind::Target => same.iter().map(|e| e.item.title.as_str()).collect::<Vec<_>>().join(", "),
            ItemKind::Check => head.to_string(),
        });
        rest = after;
    }
    parts.join(" · ")
}

fn heading(w: &PlanWeek) -> String {
    let light = if w.lighter { " (lighter week, −25 %)" } else { "" };
    format!("Week {} · {} km{light}", w.number, fmt_num(w.km))
}

pub fn text(weeks: &[PlanWeek]) -> String {
    let mut out = String::new();
    for w in weeks {
        out.push_str(&format!("{}\n", heading(w)));
        for d in &w.days {
            out.push_str(&format!(
                "  {}  {:<9} {:>8}   recovery {:>2} min: {}\n",
                WEEKDAYS[d.weekday],
                session(d.session),
                km(d.km),
                d.recovery_minutes,
                summary(&d.recovery)
            ));
        }
        out.push('\n');
    }
    out.push_str(RULES);
    out.push('\n');
    out
}

pub fn markdown(weekly_km: f64, weeks: &[PlanWeek]) -> String {
    let mut out = format!("# cooldown · weekly plan for {} km\n", fmt_num(weekly_km));
    for w in weeks {
        out.push_str(&format!(
            "\n## {}\n\n| Day | Session | Distance | Recovery | Routine |\n|---|---|---|---|---|\n",
            heading(w)
        ));
        for d in &w.days {
            out.push_str(&format!(
                "| {} | {} | {} | {} min | {} |\n",
                WEEKDAYS[d.weekday],
                session(d.session),
                km(d.km),
                d.recovery_minutes,
                summary(&d.recovery)
            ));
        }
    }
    out.push_str(&format!("\n{RULES}\n"));
    out
}

/// The rules the plan follows, printed under it.
pub const RULES: &str = "Rules: 3 runs a week below 25 km, 4 up to 45, 5 up to 70, 6 above; one quality session \
(tempo) at 3–4 runs, two (intervals, tempo) from 5, never on consecutive days; the long run 25–35 % of the week \
and its longest run; an easy or rest day after every quality or long day; every 4th week 25 % lighter.";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub fn html(weekly_km: f64, weeks: &[PlanWeek]) -> String {
    let mut body = format!("<h1>cooldown · weekly plan for {} km</h1>\n", fmt_num(weekly_km));
    for w in weeks {
        body.push_str(&format!("<h2>{}</h2>\n<table>\n<tr><th>Day</th><th>Session</th><th>Distance</th><th>Recovery</th><th>Routine</th></tr>\n", esc(&heading(w))));
        for d in &w.days {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} min</td><td>{}</td></tr>\n",
                WEEKDAYS[d.weekday],
                session(d.session),
                km(d.km),
                d.recovery_minutes,
                esc(&summary(&d.recovery))
            ));
        }
        body.push_str("</table>\n");
    }
    body.push_str(&format!("<p class=\"note\">{}</p>\n", esc(RULES)));
    let table_css = "<style>table{width:100%;border-collapse:collapse;font-size:9.5pt;break-inside:avoid}td,th{border:.8px solid #000;padding:1mm 1.5mm;text-align:left;vertical-align:top}</style>\n";
    page(&format!("cooldown · weekly plan for {} km", fmt_num(weekly_km)), &format!("{table_css}{body}"))
}

pub fn json(weekly_km: f64, weeks: &[PlanWeek]) -> Result<String> {
    let doc = json!({
        "weekly_km": weekly_km,
        "weeks": weeks.iter().map(|w| json!({
            "week": w.number,
            "km": w.km,
            "lighter": w.lighter,
            "days": w.days.iter().map(|d| json!({
                "day": WEEKDAYS[d.weekday],
                "session": session(d.session),
                "km": d.km,
                "recovery_minutes": d.recovery_minutes,
                "recovery": d.recovery.iter().map(|e| json!({
                    "id": e.item.id,
                    "title": e.item.title,
                    "kind": e.item.kind.name(),
                    "seconds": e.seconds,
                    "sets": match e.item.kind { ItemKind::Sets { total } => Some(total), _ => None },
                    "optional": e.item.optional,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc)
        .map(|s| s + "\n")
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "plan", "report this as a bug"))
}
