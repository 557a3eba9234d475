//! A line chart drawn on one canvas layer. ratatui's `Chart` gives every dataset a layer
//! of its own — a full pass over the chart's cells each — and a series with gaps needs a
//! dataset per run of days, so a marker logged on and off cost dozens of passes. Here every
//! run of every series is painted in a single pass, gaps stay gaps, and the axes are
//! plain text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as Segment, Points};

/// How a series is drawn: runs of days as lines, or every day as a dot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draw {
    Lines,
    Dots,
}

pub struct Series<'a> {
    /// Runs of consecutive days, each a list of (x, y).
    pub runs: &'a [Vec<(f64, f64)>],
    pub style: Style,
    pub draw: Draw,
}

pub struct Plot<'a> {
    pub series: Vec<Series<'a>>,
    pub x_bounds: [f64; 2],
    pub y_bounds: [f64; 2],
    /// Left, (middle,) right, under the x axis.
    pub x_labels: Vec<String>,
    /// Bottom, middle, top, beside the y axis.
    pub y_labels: Vec<String>,
    pub axis_style: Style,
}

impl Widget for Plot<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let label_width = self.y_labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u16;
        if area.height < 3 || area.width <= label_width + 2 {
            return;
        }
        let plot = Rect {
            x: area.x + label_width + 1,
            y: area.y,
            width: area.width - label_width - 1,
            height: area.height - 2,
        };
        self.render_axes(area, plot, label_width, buf);
        let series = &self.series;
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(self.x_bounds)
            .y_bounds(self.y_bounds)
            .paint(|ctx| {
                for s in series {
                    let color = s.style.fg.unwrap_or(Color::Reset);
                    for run in s.runs {
                        match (s.draw, run.as_slice()) {
                            (Draw::Lines, [_, _, ..]) => {
                                for pair in run.windows(2) {
                                    let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
                                    ctx.draw(&Segment::new(x1, y1, x2, y2, color));
                                }
                            }
                            _ => ctx.draw(&Points { coords: run, color }),
                        }
                    }
                }
            })
            .render(plot, buf);
    }
}

impl Plot<'_> {
    fn render_axes(&self, area: Rect, plot: Rect, label_width: u16, buf: &mut Buffer) {
        let style = self.axis_style;
        let axis_x = plot.x - 1;
        let bottom = plot.y + plot.height - 1;
        for y in plot.y..=bottom {
            buf.set_string(axis_x, y, "│", style);
        }
        let axis_row = plot.y + plot.height;
        buf.set_string(axis_x, axis_row, "└", style);
        buf.set_string(plot.x, axis_row, "─".repeat(usize::from(plot.width)), style);
        let count = self.y_labels.len();
        for (i, label) in self.y_labels.iter().enumerate() {
            let row =
                if count < 2 { bottom } else { bottom - ((bottom - plot.y) * i as u16) / (count as u16 - 1) };
            let x = area.x + label_width - label.chars().count() as u16;
            buf.set_string(x, row, label, style);
        }
        let labels_row = axis_row + 1;
        let last = self.x_labels.len().saturating_sub(1);
        for (i, label) in self.x_labels.iter().enumerate() {
            let width = label.chars().count() as u16;
            let x = match i {
                0 => plot.x,
                i if i == last => (plot.x + plot.width).saturating_sub(width),
                _ => plot.x + plot.width / 2 - width / 2,
            };
            Line::styled(label.as_str(), style).render(Rect::new(x, labels_row, width, 1), buf);
        }
    }
}
