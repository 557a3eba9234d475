//! The weekly plan's pages: text, Markdown, HTML and JSON.

use super::print::page;
use crate::domain::checklist::Entry;
use crate::domain::plan::{Plan, PlanWeek, WEEKDAYS};
use crate::domain::routine::ItemKind;
use crate::domain::session::Session;
use crate::domain::units::{Units, round_to};
use crate::error::{Error, Result};
use crate::text::duration;
use serde_json::json;

fn session(s: Session) -> &'static str {
    if s == Session::Rest { "rest" } else { s.name() }
}

/// A day's distance in the plan's units; "–" on a rest day.
fn km(v: f64, units: Units) -> String {
    if v == 0.0 { "–".into() } else { units.distance(v) }
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

fn heading(w: &PlanWeek, units: Units) -> String {
    let light = if w.lighter { " (lighter week, −25 %)" } else { "" };
    format!("Week {} · {}{light}", w.number, units.distance(w.km))
}

/// What the runner should read before the weeks: the doubles cap, then how the rules
/// shaped this plan.
fn preamble(plan: &Plan) -> Vec<String> {
    let cap =
        plan.cap_note.as_ref().map(|n| format!("{} a week asked — {n}.", plan.units.distance(plan.asked_km)));
    cap.into_iter().chain(plan.notes.iter().cloned()).collect()
}

fn title(plan: &Plan) -> String {
    format!("cooldown · weekly plan for {}", plan.units.distance(plan.weekly_km))
}

/// The rules under the plan, its distances' steps in its units.
pub fn rules(units: Units) -> String {
    if units.mi {
        RULES.replace(
            "distances in half kilometres (tenths below 20 km a week)",
            "in miles: the long run at most 20 mi, a quality session at most 10 mi, at most 100 mi a week, \
             distances in half miles (tenths below 20 mi a week)",
        )
    } else {
        RULES.to_string()
    }
}

pub fn text(plan: &Plan) -> String {
    let mut out = String::new();
    for line in preamble(plan) {
        out.push_str(&format!("Note: {line}\n"));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    for w in &plan.weeks {
        out.push_str(&format!("{}\n", heading(w, plan.units)));
        for d in &w.days {
            out.push_str(&format!(
                "  {}  {:<9} {:>8}   recovery {:>2} min: {}\n",
                WEEKDAYS[d.weekday],
                session(d.session),
                km(d.km, plan.units),
                d.recovery_minutes,
                summary(&d.recovery)
            ));
        }
        out.push('\n');
    }
    out.push_str(&rules(plan.units));
    out.push('\n');
    out
}

pub fn markdown(plan: &Plan) -> String {
    let mut out = format!("# {}\n", title(plan));
    let notes = preamble(plan);
    if !notes.is_empty() {
        out.push('\n');
        for line in notes {
            out.push_str(&format!("- {line}\n"));
        }
    }
    for w in &plan.weeks {
        out.push_str(&format!(
            "\n## {}\n\n| Day | Session | Distance | Recovery | Routine |\n|---|---|---|---|---|\n",
            heading(w, plan.units)
        ));
        for d in &w.days {
            out.push_str(&format!(
                "| {} | {} | {} | {} min | {} |\n",
                WEEKDAYS[d.weekday],
                session(d.session),
                km(d.km, plan.units),
                d.recovery_minutes,
                summary(&d.recovery)
            ));
        }
    }
    out.push_str(&format!("\n{}\n", rules(plan.units)));
    out
}

/// The rules the plan follows, printed under it.
pub const RULES: &str = "Rules: 4 runs a week up to 45 km, 5 up to 70, 6 up to 130, 7 above; one quality session \
(tempo) at 4 runs, two (intervals, tempo) from 5, never on consecutive days, none in a week under 15 km; the long \
run 25–35 % of the week, at most 32 km and at least 1.3 × every other run; a quality session at most 16 km; the \
rest shared evenly; an easy or rest day after every quality or long day; every 4th week 25 % lighter; at most \
160 km a week; distances in half kilometres (tenths below 20 km a week), adding up exactly to the week's total.";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub fn html(plan: &Plan) -> String {
    let mut body = format!("<h1>{}</h1>\n", esc(&title(plan)));
    for (i, line) in preamble(plan).iter().enumerate() {
        let line = esc(line);
        let line = if i == 0 && plan.cap_note.is_some() { format!("<strong>{line}</strong>") } else { line };
        body.push_str(&format!("<p class=\"note\">{line}</p>\n"));
    }
    for w in &plan.weeks {
        body.push_str(&format!("<h2>{}</h2>\n<table>\n<tr><th>Day</th><th>Session</th><th>Distance</th><th>Recovery</th><th>Routine</th></tr>\n", esc(&heading(w, plan.units))));
        for d in &w.days {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} min</td><td>{}</td></tr>\n",
                WEEKDAYS[d.weekday],
                session(d.session),
                km(d.km, plan.units),
                d.recovery_minutes,
                esc(&summary(&d.recovery))
            ));
        }
        body.push_str("</table>\n");
    }
    body.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&rules(plan.units))));
    let table_css = "<style>table{width:100%;border-collapse:collapse;font-size:9.5pt;break-inside:avoid}td,th{border:.8px solid #000;padding:1mm 1.5mm;text-align:left;vertical-align:top}</style>\n";
    page(&title(plan), &format!("{table_css}{body}"))
}

/// `weekly_km` is what was asked; `planned_weekly_km` what the ordinary weeks carry;
/// `cap` says why they differ (or is null); `notes` how the rules shaped the plan. Always
/// in kilometres (to the metre), whatever the plan's units.
pub fn json(plan: &Plan) -> Result<String> {
    let m = |km: f64| round_to(km, 3);
    let doc = json!({
        "weekly_km": m(plan.asked_km),
        "planned_weekly_km": m(plan.weekly_km),
        "cap": plan.cap_note.as_ref().map(|note| json!({ "km": m(plan.weekly_km), "note": note })),
        "notes": plan.notes,
        "rules": rules(plan.units),
        "weeks": plan.weeks.iter().map(|w| json!({
            "week": w.number,
            "km": m(w.km),
            "lighter": w.lighter,
            "days": w.days.iter().map(|d| json!({
                "day": WEEKDAYS[d.weekday],
                "session": session(d.session),
                "km": m(d.km),
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
