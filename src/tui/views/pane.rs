//! What the wide layouts' panes share: a titled box, and a writer that puts lines one
//! under another until the box is full.

use super::rows::wrap;
use crate::domain::records::Run;
use crate::domain::units::Units;
use crate::domain::usual::Compared;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Widget};

/// From this width Today and History get their side panes.
pub const WIDE: u16 = 140;

/// A box with `title`, drawn; the room inside it.
pub fn section(app: &App, area: Rect, buf: &mut Buffer, title: &str) -> Rect {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .padding(Padding::horizontal(1))
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Lines written top down in `area`; what does not fit is left out.
pub struct Lines {
    area: Rect,
    y: u16,
}

impl Lines {
    pub fn new(area: Rect) -> Lines {
        Lines { area, y: area.y }
    }

    /// Draws `line` on the next row, if there is one left, and says where it went.
    pub fn push(&mut self, buf: &mut Buffer, line: impl Widget) -> Option<Rect> {
        let row = (self.y < self.area.bottom()).then_some(Rect { y: self.y, height: 1, ..self.area })?;
        line.render(row, buf);
        self.y += 1;
        Some(row)
    }

    pub fn gap(&mut self) {
        self.y = self.y.saturating_add(1);
    }

    /// Rows left.
    pub fn left(&self) -> u16 {
        self.area.bottom().saturating_sub(self.y)
    }

    pub fn width(&self) -> usize {
        usize::from(self.area.width)
    }
}

/// "easy 45 min · 8.2 km · RPE 4", distances in the runner's units.
pub fn run_text(run: &Run, units: Units) -> String {
    let mut text = format!("{} {} min", run.kind.name(), run.minutes);
    if let Some(km) = run.km {
        text.push_str(&format!(" · {}", units.distance(km)));
    }
    if let Some(rpe) = run.rpe {
        text.push_str(&format!(" · RPE {rpe}"));
    }
    text
}

/// Columns of the marker table: the label, the day's value, the usual one.
const LABEL: usize = 11;
const VALUE: usize = 13;

/// Whether the table has room, `width` columns wide, to say what each usual is.
fn basis_fits(width: usize) -> bool {
    width.saturating_sub(LABEL + 2 * VALUE) > "28-day median".len()
}

/// Rows the marker table takes `width` columns wide: a heading, seven markers and, when
/// what each usual is does not fit beside them, two notes under them.
pub fn compared_height(width: u16) -> u16 {
    if basis_fits(usize::from(width)) { 8 } else { 10 }
}

/// The marker table: a heading row, a row per marker (the day's value, the usual one and,
/// when there is room, what the usual is), and otherwise a note of what each usual is.
pub fn compared(app: &App, out: &mut Lines, buf: &mut Buffer, rows: &[Compared], day: &str) {
    let t = &app.theme;
    let wide = basis_fits(out.width());
    out.push(buf, Line::styled(format!("{:LABEL$}{day:VALUE$}usual", ""), t.dim()));
    for r in rows {
        let mut spans = vec![Span::styled(format!("{:LABEL$}", r.label), t.text())];
        spans.push(match &r.today {
            Some(v) => Span::styled(format!("{v:VALUE$}"), t.title()),
            None => Span::styled(format!("{:VALUE$}", "not logged"), t.dim()),
        });
        spans.push(match &r.usual {
            Some(v) => Span::styled(format!("{v:VALUE$}"), t.text()),
            None => Span::styled(format!("{:VALUE$}", "—"), t.dim()),
        });
        if wide {
            spans.push(Span::styled(format!(" {}", r.basis), t.dim()));
        }
        out.push(buf, Line::from(spans));
    }
    if !wide {
        for note in basis_notes(rows) {
            for part in wrap(&note, out.width()) {
                out.push(buf, Line::styled(part, t.dim()));
            }
        }
    }
}

/// "baseline: HRV, resting HR" — each kind of usual with its markers.
fn basis_notes(rows: &[Compared]) -> Vec<String> {
    let mut kinds: Vec<&str> = rows.iter().map(|r| r.basis).filter(|b| !b.is_empty()).collect();
    kinds.dedup();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|k| {
            let names: Vec<&str> = rows.iter().filter(|r| r.basis == k).map(|r| r.label).collect();
            format!("{k}: {}", names.join(", "))
        })
        .collect()
}
