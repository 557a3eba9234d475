//! Where a chart puts things: a window's days grouped into equal cells, each cell on one
//! column of the plot (the plot and the verdict strip share this mapping), and round
//! y-axis ticks. Pure arithmetic; the views draw.

use std::ops::Range;

/// A window of `days` days drawn on a plot `width` columns wide. When the days outnumber
/// the columns they are grouped into cells of `size` days (the last cell ends on the
/// window's last day, so the first may be short); otherwise every day is a cell. Cell `c`
/// owns the columns `slot(c)` and is drawn at `column(c)`, the middle of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    pub days: usize,
    pub width: usize,
    /// Days per cell: 1 unless the days outnumber the columns.
    pub size: usize,
}

impl Columns {
    pub fn new(days: usize, width: usize) -> Columns {
        let width = width.max(1);
        Columns { days, width, size: days.div_ceil(width).max(1) }
    }

    /// How many cells the window has (at most `width`).
    pub fn cells(&self) -> usize {
        self.days.div_ceil(self.size)
    }

    /// Days missing from the first cell (it is short when `size` does not divide `days`).
    fn short(&self) -> usize {
        self.cells() * self.size - self.days
    }

    /// The days (indices into the window) of cell `c`, oldest cell first.
    pub fn days_of(&self, c: usize) -> Range<usize> {
        let lo = (c * self.size).saturating_sub(self.short()).min(self.days);
        let hi = ((c + 1) * self.size).saturating_sub(self.short()).min(self.days);
        lo..hi
    }

    /// The cell that holds day `day` of the window.
    pub fn cell_of(&self, day: usize) -> usize {
        (day + self.short()) / self.size
    }

    /// The column (from the plot's left edge) cell `c` is drawn at.
    pub fn column(&self, c: usize) -> usize {
        let cells = self.cells().max(1);
        ((2 * c + 1) * self.width / (2 * cells)).min(self.width - 1)
    }

    /// The columns cell `c` owns: from half-way after its left neighbour to half-way before
    /// its right one.
    pub fn slot(&self, c: usize) -> Range<usize> {
        let cells = self.cells().max(1);
        (c * self.width / cells)..((c + 1) * self.width / cells).max(c * self.width / cells + 1)
    }

    /// One value per cell: `pick` of the days of each cell.
    pub fn per_cell<T: Copy, U>(&self, days: &[T], pick: impl Fn(&[T]) -> U) -> Vec<U> {
        (0..self.cells()).map(|c| pick(days.get(self.days_of(c)).unwrap_or(&[]))).collect()
    }
}

/// The mean of the values present; `None` when there are none (a gap stays a gap).
pub fn mean(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64)
}

/// Round ticks for a y axis: every `step` (1, 2 or 5 × 10^k) from `lo` to `hi`, both ticks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    /// The fewest decimals that keep the labels apart.
    pub decimals: usize,
}

impl Ticks {
    /// Ticks covering `lo..=hi` with at most `max` of them (at least 3): the smallest round
    /// step that fits, the bounds snapped out to it.
    pub fn nice(lo: f64, hi: f64, max: usize) -> Ticks {
        let max = max.max(3);
        let (mut lo, mut hi) =
            if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
        if hi - lo < 1e-9 {
            let pad = (lo.abs() * 0.05).max(0.5);
            (lo, hi) = (lo - pad, hi + pad);
        }
        let first_exp = ((hi - lo) / (max - 1) as f64).log10().floor() as i32;
        for exp in first_exp..first_exp + 3 {
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * 10f64.powi(exp);
                let (a, b) = ((lo / step).floor(), (hi / step).ceil());
                let count = (b - a) as usize + 1;
                if count <= max {
                    // Never fewer than three ticks: one more step on top.
                    let b = if count < 3 { a + 2.0 } else { b };
                    let decimals = usize::try_from(-exp).unwrap_or(0);
                    return Ticks { lo: a * step, hi: b * step, step, decimals };
                }
            }
        }
        Ticks { lo, hi, step: hi - lo, decimals: 1 }
    }

    /// The tick values, bottom first.
    pub fn values(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round().max(0.0) as usize;
        (0..=n).map(|i| self.lo + i as f64 * self.step).collect()
    }

    pub fn label(&self, v: f64) -> String {
        let text = format!("{:.*}", self.decimals, v);
        // "-0" is zero.
        if text.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
            text.replace('-', "")
        } else {
            text
        }
    }
}

#[cfg(test)]
#[path = "scale_tests.rs"]
mod tests;
