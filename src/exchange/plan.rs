//! The weekly plan's pages: text, Markdown, HTML and JSON.

use super::print::page;
use crate::domain::plan::{PlanWeek, WEEKDAYS};
use crate::domain::session::Session;
use crate::domain::values::fmt_num;
use crate::error::{Error, Result};
use serde_json::json;

fn session(s: Session) -> &'static str {
    if s == Session::Rest { "rest" } else { s.name() }
}

fn km(v: f64) -> String {
    if v == 0.0 { "–".into() } else { format!("{} km", fmt_num(v)) }
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
                d.recovery.join(", ")
            ));
        }
        out.push('\n');
    }
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
                d.recovery.join(", ")
            ));
        }
    }
    out.push_str("\nRules: 3 runs below 25 km, 4 up to 45, 5 up to 70, 6 above; at most 2 quality sessions, never on consecutive days; a long run of 25–30 % (never over 35 %); an easy or rest day after every quality or long day; every 4th week 25 % lighter.\n");
    out
}

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
                esc(&d.recovery.join(", "))
            ));
        }
        body.push_str("</table>\n");
    }
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
                "recovery": d.recovery,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc)
        .map(|s| s + "\n")
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "plan", "report this as a bug"))
}
