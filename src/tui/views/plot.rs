//! A chart drawn cell by cell on a window's days: every cell of days (see
//! [`Columns`]) sits on one column, so the verdict strip under the chart can use the very
//! same columns. Layers: a shaded band, bars, a fine (braille) line through the daily
//! values with a point glyph on each, heavier glyph lines (7-day means); gaps stay gaps.
//! Each layer has a glyph of its own, so the chart reads without colour.

use crate::domain::scale::{Columns, Ticks};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;

pub enum Layer<'a> {
    /// The usual range, per cell: the cells between its edges shaded with `fill`; a range
    /// of one value (a baseline) a row of `line`.
    Band { cells: &'a [Option<(f64, f64)>], fill: &'static str, line: &'static str, style: Style },
    /// Bars up from the bottom, each over the columns of a run of cells, its label above
    /// it (with `unit` when that fits the bar's width).
    Bars { bars: &'a [(Range<usize>, f64, String)], unit: &'static str, style: Style },
    /// A fine line joining neighbouring cells, and `point` on every cell with a value.
    Points { cells: &'a [Option<f64>], point: &'static str, style: Style },
    /// A heavier line: `glyph` on the value's row in every column between cells with values.
    Steps { cells: &'a [Option<f64>], glyph: &'static str, style: Style },
}

pub struct Plot<'a> {
    pub cols: Columns,
    pub ticks: Ticks,
    /// Drawn in order, then the points of every `Points` layer on top.
    pub layers: Vec<Layer<'a>>,
    /// (cell, label) under the x axis, centred on the cell's column.
    pub x_labels: Vec<(usize, String)>,
    pub axis_style: Style,
}

/// The rows a plot leaves for its axis and dates.
const BELOW: u16 = 2;

/// How many y ticks fit a chart `height` rows tall (one every other row, at least 3).
pub fn max_ticks(height: u16) -> usize {
    usize::from(height.saturating_sub(BELOW) / 2 + 1).max(3)
}

/// Where the data goes inside `area`: right of the y labels and axis, above the x axis
/// and its dates. `None` when too small to draw.
pub fn plot_area(area: Rect, ticks: &Ticks) -> Option<Rect> {
    let labels = ticks.values().iter().map(|v| ticks.label(*v).chars().count()).max().unwrap_or(0) as u16;
    let gutter = labels + 1;
    (area.height > BELOW + 1 && area.width > gutter + 2).then(|| Rect {
        x: area.x + gutter,
        y: area.y,
        width: area.width - gutter,
        height: area.height - BELOW,
    })
}

impl Plot<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let Some(plot) = plot_area(area, &self.ticks) else { return };
        let grid = Grid { plot, ticks: self.ticks, cols: self.cols };
        self.render_axes(area, &grid, buf);
        let mut braille = vec![0u8; usize::from(plot.width) * usize::from(plot.height)];
        for layer in &self.layers {
            match layer {
                Layer::Band { cells, fill, line, style } => grid.band(cells, fill, line, *style, buf),
                Layer::Bars { bars, style, .. } => grid.bars(bars, *style, buf),
                Layer::Points { cells, style, .. } => {
                    grid.line(cells, &mut braille);
                    grid.flush(&mut braille, *style, buf);
                }
                Layer::Steps { cells, glyph, style } => grid.steps(cells, glyph, *style, buf),
            }
        }
        for layer in &self.layers {
            match layer {
                Layer::Points { cells, point, style } => {
                    for (c, v) in cells.iter().enumerate() {
                        if let Some(v) = v {
                            grid.put(self.cols.column(c), grid.row(*v), point, *style, buf);
                        }
                    }
                }
                Layer::Bars { bars, unit, .. } => grid.bar_labels(bars, unit, self.axis_style, buf),
                _ => {}
            }
        }
    }

    fn render_axes(&self, area: Rect, grid: &Grid, buf: &mut Buffer) {
        let (plot, style) = (grid.plot, self.axis_style);
        let axis_x = plot.x - 1;
        let axis_row = plot.y + plot.height;
        for y in plot.y..axis_row {
            buf.set_string(axis_x, y, "│", style);
        }
        for v in self.ticks.values() {
            let (row, label) = (plot.y + grid.row(v) as u16, self.ticks.label(v));
            buf.set_string(axis_x, row, "┤", style);
            let x = (axis_x).saturating_sub(label.chars().count() as u16).max(area.x);
            buf.set_string(x, row, label, style);
        }
        buf.set_string(axis_x, axis_row, "└", style);
        buf.set_string(plot.x, axis_row, "─".repeat(usize::from(plot.width)), style);
        // Dates centred on their columns, kept inside the plot and apart.
        let mut free_from = plot.x;
        for (cell, label) in &self.x_labels {
            let column = plot.x + self.cols.column(*cell) as u16;
            let width = label.chars().count() as u16;
            let x =
                column.saturating_sub(width / 2).max(plot.x).min((plot.x + plot.width).saturating_sub(width));
            if x < free_from || width > plot.width {
                continue;
            }
            buf.set_string(column, axis_row, "┬", style);
            buf.set_string(x, axis_row + 1, label, style);
            free_from = x + width + 1;
        }
    }
}

/// The plot area and its scales: values to rows (and braille dots), cells to columns.
struct Grid {
    plot: Rect,
    ticks: Ticks,
    cols: Columns,
}

impl Grid {
    /// The braille dot row (4 per cell row) of a value, top = 0.
    fn dot(&self, v: f64) -> usize {
        let dots = usize::from(self.plot.height) * 4 - 1;
        let span = (self.ticks.hi - self.ticks.lo).max(f64::EPSILON);
        let share = ((self.ticks.hi - v) / span).clamp(0.0, 1.0);
        (share * dots as f64).round() as usize
    }

    fn row(&self, v: f64) -> usize {
        self.dot(v) / 4
    }

    fn put(&self, column: usize, row: usize, glyph: &str, style: Style, buf: &mut Buffer) {
        if column < usize::from(self.plot.width) && row < usize::from(self.plot.height) {
            buf.set_string(self.plot.x + column as u16, self.plot.y + row as u16, glyph, style);
        }
    }

    /// Each column between two neighbouring cells with values, and the value there
    /// (straight between the cells' columns).
    fn columns_between<T: Copy>(
        &self,
        cells: &[Option<T>],
        lerp: impl Fn(T, T, f64) -> T,
    ) -> Vec<(usize, T)> {
        let mut out = Vec::new();
        for (c, v) in cells.iter().enumerate() {
            let Some(v) = *v else { continue };
            let x = self.cols.column(c);
            out.push((x, v));
            if let Some(Some(next)) = cells.get(c + 1) {
                let x2 = self.cols.column(c + 1);
                for col in x + 1..x2 {
                    out.push((col, lerp(v, *next, (col - x) as f64 / (x2 - x) as f64)));
                }
            }
        }
        out
    }

    fn band(&self, cells: &[Option<(f64, f64)>], fill: &str, line: &str, style: Style, buf: &mut Buffer) {
        let lerp = |a: (f64, f64), b: (f64, f64), t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        for (col, (lo, hi)) in self.columns_between(cells, lerp) {
            if (hi - lo).abs() < f64::EPSILON {
                self.put(col, self.row(lo), line, style, buf);
            } else {
                for row in self.row(hi)..=self.row(lo) {
                    self.put(col, row, fill, style, buf);
                }
            }
        }
    }

    fn steps(&self, cells: &[Option<f64>], glyph: &str, style: Style, buf: &mut Buffer) {
        for (col, v) in self.columns_between(cells, |a, b, t| a + (b - a) * t) {
            self.put(col, self.row(v), glyph, style, buf);
        }
    }

    /// The columns of a bar over `cells`, less one on the right to keep bars apart.
    fn bar_columns(&self, cells: &Range<usize>) -> Range<usize> {
        let (from, to) = (self.cols.slot(cells.start).start, self.cols.slot(cells.end.saturating_sub(1)).end);
        if to.saturating_sub(from) > 2 { from..to - 1 } else { from..to }
    }

    /// A bar's height in eighths of a row.
    fn eighths(&self, v: f64) -> usize {
        let span = (self.ticks.hi - self.ticks.lo).max(f64::EPSILON);
        (((v - self.ticks.lo) / span).clamp(0.0, 1.0) * (usize::from(self.plot.height) * 8) as f64).round()
            as usize
    }

    /// Bars in eighths of a row.
    fn bars(&self, bars: &[(Range<usize>, f64, String)], style: Style, buf: &mut Buffer) {
        const PARTS: [&str; 8] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇"];
        let height = usize::from(self.plot.height);
        for (cells, v, _) in bars {
            let eighths = self.eighths(*v);
            for col in self.bar_columns(cells) {
                for up in 0..eighths / 8 {
                    self.put(col, height - 1 - up, "█", style, buf);
                }
                if !eighths.is_multiple_of(8) {
                    self.put(col, height - 1 - eighths / 8, PARTS[eighths % 8], style, buf);
                }
            }
        }
    }

    /// Each bar's label on the row above it, centred, with the unit when it fits.
    fn bar_labels(&self, bars: &[(Range<usize>, f64, String)], unit: &str, style: Style, buf: &mut Buffer) {
        let height = usize::from(self.plot.height);
        for (cells, v, label) in bars.iter().filter(|b| !b.2.is_empty()) {
            let columns = self.bar_columns(cells);
            let top = height - 1 - self.eighths(*v).saturating_sub(1) / 8;
            let with_unit = format!("{label}{unit}");
            let Some(text) = [&with_unit, label].into_iter().find(|l| l.chars().count() <= columns.len())
            else {
                continue;
            };
            let x = columns.start + (columns.len() - text.chars().count()) / 2;
            self.put(x, top.saturating_sub(1), text, style, buf);
        }
    }

    /// Braille dots of straight lines between neighbouring cells (a cell alone is left to
    /// its point glyph).
    fn line(&self, cells: &[Option<f64>], dots: &mut [u8]) {
        for c in 1..cells.len() {
            let (Some(a), Some(b)) = (cells[c - 1], cells[c]) else { continue };
            let (x0, x1) = (self.cols.column(c - 1) * 2, self.cols.column(c) * 2);
            let (y0, y1) = (self.dot(a), self.dot(b));
            let steps = (x1 - x0).max(y0.abs_diff(y1)).max(1);
            for i in 0..=steps {
                let x = x0 + (x1 - x0) * i / steps;
                let y = (y0 as f64 + (y1 as f64 - y0 as f64) * i as f64 / steps as f64).round() as usize;
                let (cx, cy) = (x / 2, y / 4);
                if let Some(cell) = dots.get_mut(cy * usize::from(self.plot.width) + cx) {
                    *cell |= BRAILLE[x % 2][y % 4];
                }
            }
        }
    }

    /// Paints the braille cells gathered by [`Grid::line`] and clears them.
    fn flush(&self, dots: &mut [u8], style: Style, buf: &mut Buffer) {
        let width = usize::from(self.plot.width);
        for (i, bits) in dots.iter_mut().enumerate() {
            if *bits != 0 {
                let glyph = char::from_u32(0x2800 + u32::from(*bits)).unwrap_or('·');
                self.put(i % width, i / width, glyph.encode_utf8(&mut [0; 4]), style, buf);
                *bits = 0;
            }
        }
    }
}

/// The braille bit of dot (x, y) in a cell of 2 × 4 dots.
const BRAILLE: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
