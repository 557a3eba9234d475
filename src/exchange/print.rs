//! `cooldown print`: the day's checklist for paper — boxes to tick, timers as durations,
//! targets with their amounts, the timeline phases as clock times, the verdict with its
//! reasons. Markdown, or one self-contained HTML page with print CSS (A4 and Letter).

use crate::domain::checklist::{Checklist, Entry, Group};
use crate::domain::readiness::Verdict;
use crate::domain::routine::ItemKind;
use crate::text;

/// " — 07:30–08:00", " — Sun 07:30–Mon 07:30" beyond the day, the same times as the
/// screen; the window's words outside the timeline; nothing for a timeline phase without a
/// run.
fn when(c: &Checklist, g: &Group) -> String {
    let window = text::group_window(c, g);
    if window.is_empty() { window } else { format!(" — {window}") }
}

/// The text after an item's title: its timer, sets, amount, note.
fn details(e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(s) = e.seconds {
        out.push(format!("{} per target", text::duration(s)));
    }
    if let ItemKind::Sets { total } = e.item.kind {
        out.push(format!("{total} sets"));
    }
    if let Some(a) = &e.amount {
        out.push(text::amount(a));
    }
    if let Some(note) = e.item.note.as_deref().filter(|_| e.amount.is_none()) {
        out.push(note.to_string());
    }
    if e.item.optional {
        out.push("optional".into());
    }
    out
}

fn title(c: &Checklist) -> String {
    format!("cooldown · {} · {}", c.date.format("%a %-d %b %Y"), c.session.label())
}

pub fn markdown(c: &Checklist, v: &Verdict) -> String {
    let mut out =
        format!("# {}\n\n**{}** (confidence {}) — {}\n", title(c), v.level, v.confidence.name(), v.hint);
    for r in &v.reasons {
        out.push_str(&format!("- {}\n", r.detail));
    }
    out.push('\n');
    if let Some(end) = c.run_end {
        out.push_str(&format!("Run ended {} · ", end.format("%H:%M")));
    }
    out.push_str(&format!("{} min planned for the first phase\n", c.planned_minutes()));
    if let Some(advice) = text::keep_short(c) {
        out.push_str(&format!("\n> {advice}\n"));
    }
    for g in &c.groups {
        out.push_str(&format!("\n## {}{}\n\n", text::group_title(c, g), when(c, g)));
        for e in &g.entries {
            let mark = if e.ticked() { "[x]" } else { "[ ]" };
            let more = details(e);
            let more = if more.is_empty() { String::new() } else { format!(" — {}", more.join(" · ")) };
            let sets = match e.item.kind {
                ItemKind::Sets { total } => format!(
                    " {}",
                    (1..=total)
                        .map(|n| if n <= e.sets_done { "[x]" } else { "[ ]" })
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                _ => String::new(),
            };
            out.push_str(&format!("- {mark} {}{more}{sets}\n", e.item.title));
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const CSS: &str = "
@page { margin: 14mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; color: #000;
       background: #fff; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #000;
     break-after: avoid; }
h2 small { font-weight: normal; }
.verdict { border: 1.5px solid #000; padding: 2mm 3mm; margin-bottom: 4mm; break-inside: avoid; }
.verdict strong { font-size: 13pt; letter-spacing: .05em; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 1.2mm 0; border-bottom: .5px solid #999; break-inside: avoid; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 1.2px solid #000; margin-right: 2.5mm;
       vertical-align: -0.5mm; text-align: center; line-height: 3.4mm; font-size: 9pt; }
.more { color: #000; font-size: 9.5pt; }
.sets .box { margin: 0 0 0 1.5mm; }
.note { font-style: italic; }
@media screen { body { padding: 10mm; } }
";

pub fn html(c: &Checklist, v: &Verdict) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<div class=\"verdict\"><strong>{}</strong> (confidence {}) — {}",
        esc(&title(c)),
        v.level,
        v.confidence.name(),
        esc(&v.hint)
    );
    if !v.reasons.is_empty() {
        body.push_str("<ul>");
        for r in &v.reasons {
            body.push_str(&format!("<li>{}</li>", esc(&r.detail)));
        }
        body.push_str("</ul>");
    }
    body.push_str("</div>\n<p>");
    if let Some(end) = c.run_end {
        body.push_str(&format!("Run ended {} · ", end.format("%H:%M")));
    }
    body.push_str(&format!("{} min planned for the first phase</p>\n", c.planned_minutes()));
    if let Some(advice) = text::keep_short(c) {
        body.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&advice)));
    }
    let box_of = |done: bool| format!("<span class=\"box\">{}</span>", if done { "✓" } else { "" });
    for g in &c.groups {
        body.push_str(&format!(
            "<h2>{} <small>{}</small></h2>\n<ul>\n",
            esc(&text::group_title(c, g)),
            esc(&when(c, g))
        ));
        for e in &g.entries {
            let more = details(e);
            let more = if more.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"more\">— {}</span>", esc(&more.join(" · ")))
            };
            let sets = match e.item.kind {
                ItemKind::Sets { total } => format!(
                    " <span class=\"sets\">{}</span>",
                    (1..=total).map(|n| box_of(n <= e.sets_done)).collect::<String>()
                ),
                _ => String::new(),
            };
            body.push_str(&format!("<li>{}{}{more}{sets}</li>\n", box_of(e.ticked()), esc(&e.item.title)));
        }
        body.push_str("</ul>\n");
    }
    page(&title(c), &body)
}

/// One self-contained page: the CSS inside, nothing to fetch.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(title)
    )
}
