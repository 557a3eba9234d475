//! The Trends screen (issue 18): charts that read without colour, round ticks, the
//! verdict strip on the plot's own columns, the weekly load across the width. Snapshots at
//! 80×24, 140×40 and 200×60, with colour and under NO_COLOR. Accept intended changes with
//! `INSTA_UPDATE=always cargo test --test screens_trends`, then read every diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod screen_kit;

use screen_kit::*;

use cooldown::clock::Clock;
use cooldown::context::{Context, Options};
use cooldown::domain::readiness::Level;
use cooldown::domain::trends::{Marker, Window};
use cooldown::store::Store;
use cooldown::tui::App;
use cooldown::tui::load;
use cooldown::tui::theme::Theme;

fn context_with(config: &std::path::Path) -> (Context, Store) {
    let options = Options {
        db: Some(DEMO.db.as_os_str().to_owned()),
        config: Some(config.as_os_str().to_owned()),
        date: Some(end().to_string()),
        demo: false,
    };
    let ctx = Context::new(&options, Clock::frozen(noon(end()))).unwrap();
    let store = ctx.open_store().unwrap();
    (ctx, store)
}

/// The Trends screen on the demo history in colour or without.
fn trends_in(marker: Marker, window: Window, color: bool) -> App {
    let mut app = trends_app(marker, window);
    app.theme = Theme { color };
    app
}

const SIZES: [(u16, u16); 3] = [(80, 24), (140, 40), (200, 60)];

/// The plot's first column, from the x axis drawn under it (`└───…`), and the axis row.
fn plot_origin(screen: &str) -> (usize, usize) {
    let (row, axis) = screen.lines().enumerate().find(|(_, l)| l.contains('└') && l.contains("──")).unwrap();
    (axis.chars().position(|c| c == '└').unwrap() + 1, row)
}

/// The verdict strip: (column, letter) of every cell, from the row above its legend.
fn strip(screen: &str) -> Vec<(usize, char)> {
    let lines: Vec<&str> = screen.lines().collect();
    let legend = lines.iter().position(|l| l.contains("↑ verdicts")).unwrap();
    lines[legend - 1].chars().enumerate().filter(|(_, c)| "GCER·".contains(*c)).collect()
}

/// The columns holding a daily point (●) anywhere above the x axis.
fn point_columns(screen: &str) -> Vec<usize> {
    let (_, axis) = plot_origin(screen);
    let mut columns: Vec<usize> = screen
        .lines()
        .take(axis)
        .flat_map(|l| l.chars().enumerate().filter(|(_, c)| *c == '●').map(|(x, _)| x).collect::<Vec<_>>())
        .collect();
    columns.sort_unstable();
    columns.dedup();
    columns
}

fn letter(level: Option<Level>) -> char {
    match level {
        Some(Level::Go) => 'G',
        Some(Level::GoCaution) => 'C',
        Some(Level::Easy) => 'E',
        Some(Level::Rest) => 'R',
        _ => '·',
    }
}

#[test]
fn the_strip_has_one_cell_per_day_on_the_plots_column_for_that_day() {
    for days in [7, 28] {
        for (width, height) in [(80, 24), (140, 40)] {
            let app = trends_in(Marker::Hrv, Window::Days(days), false);
            let data = app.trends.as_ref().unwrap();
            let screen = text(&buffer(&app, width, height));
            let cells = strip(&screen);
            let at = format!("{days} d at {width}×{height}:\n{screen}");
            assert_eq!(cells.len(), days as usize, "{at}");
            // The same days, in order, with their own verdicts.
            let letters: String = cells.iter().map(|(_, c)| *c).collect();
            let expected: String = data.series.verdicts.iter().map(|v| letter(*v)).collect();
            assert_eq!(letters, expected, "{at}");
            // Each day's point is drawn on the column of that day's strip cell.
            let points = point_columns(&screen);
            let with_value: Vec<usize> =
                (0..days as usize).filter(|i| data.series.values[*i].is_some()).collect();
            assert!(with_value.len() > days as usize / 2, "the demo logs HRV most days");
            let expected: Vec<usize> = with_value.iter().map(|i| cells[*i].0).collect();
            assert_eq!(points, expected, "{at}");
            // The strip starts on the plot's first columns, not to the right of them.
            let (x0, _) = plot_origin(&screen);
            assert!(cells[0].0 >= x0 && cells[0].0 < x0 + (width as usize - x0) / days as usize + 1, "{at}");
            assert!(screen.contains("one per day"), "{at}");
        }
    }
}

#[test]
fn the_same_days_show_the_same_verdicts_in_every_window_of_one_day_per_cell() {
    let strip_of = |window| {
        let screen = text(&buffer(&trends_in(Marker::Hrv, window, false), 140, 40));
        assert!(screen.contains("one per day"), "{screen}");
        strip(&screen).into_iter().map(|(_, c)| c).collect::<String>()
    };
    let (d28, d90, all) = (strip_of(Window::Days(28)), strip_of(Window::Days(90)), strip_of(Window::All));
    assert_eq!(d90.chars().count(), 90);
    assert!(d90.ends_with(&d28), "{d90}\n{d28}");
    assert!(all.ends_with(&d90), "{all}\n{d90}");
}

#[test]
fn long_windows_show_the_worst_verdict_of_each_cell_and_say_so() {
    let app = trends_in(Marker::Hrv, Window::Days(365), false);
    let data = app.trends.as_ref().unwrap();
    let screen = text(&buffer(&app, 80, 24));
    let cells = strip(&screen);
    // 365 days on 76 columns: cells of 5 days, the last ending today.
    assert!(screen.contains("worst of 5 days per cell"), "{screen}");
    assert_eq!(cells.len(), 73);
    let v = &data.series.verdicts;
    for (i, (_, c)) in cells.iter().enumerate() {
        let days = &v[i * 5..i * 5 + 5];
        let worst =
            ['R', 'E', 'C', 'G'].into_iter().find(|w| days.iter().any(|d| letter(*d) == *w)).unwrap_or('·');
        assert_eq!(*c, worst, "cell {i}: {days:?}");
    }
    // The overreaching episode (days 45–61 back) shows as REST cells near the end.
    assert!(cells[cells.len() - 13..cells.len() - 8].iter().any(|(_, c)| *c == 'R'), "{screen}");
    let columns: Vec<usize> = cells.iter().map(|(x, _)| *x).collect();
    assert!(columns.windows(2).all(|w| w[0] < w[1]));
    assert!(points_are_on(&screen, &columns));
}

fn points_are_on(screen: &str, columns: &[usize]) -> bool {
    point_columns(screen).iter().all(|x| columns.contains(x))
}

/// The y labels (`NN┤`) of the chart, top first.
fn y_ticks(screen: &str) -> Vec<f64> {
    screen
        .lines()
        .filter_map(|l| {
            let before = l.split('┤').next().filter(|_| l.contains('┤'))?;
            before.trim_start_matches('│').trim().parse().ok()
        })
        .collect()
}

#[test]
fn y_ticks_are_round_and_as_many_as_the_height_allows() {
    for marker in [Marker::Hrv, Marker::Rhr, Marker::Sleep, Marker::Soreness, Marker::Load] {
        let mut counts = Vec::new();
        for (width, height) in SIZES {
            let screen = text(&buffer(&trends_in(marker, Window::Days(28), false), width, height));
            let ticks = y_ticks(&screen);
            assert!(ticks.len() >= 3, "{screen}");
            let step = ticks[0] - ticks[1];
            assert!(ticks.windows(2).all(|w| ((w[0] - w[1]) - step).abs() < 1e-9), "{ticks:?}");
            let exp = step.log10().floor();
            let mantissa = step / 10f64.powf(exp);
            assert!([1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9), "{marker:?}: step {step}");
            assert!(ticks.iter().all(|t| ((t / step).round() * step - t).abs() < 1e-9), "{ticks:?}");
            counts.push(ticks.len());
        }
        assert!(
            counts[0] <= counts[1] && counts[1] <= counts[2] && counts[0] < counts[2],
            "{marker:?}: {counts:?}"
        );
    }
}

#[test]
fn without_colour_every_series_has_a_glyph_of_its_own_named_in_the_legend() {
    for (marker, glyphs) in [
        (Marker::Hrv, ["●", "━", "░"]),
        (Marker::Rhr, ["●", "━", "┄"]),
        (Marker::Sleep, ["●", "━", "┄"]),
        (Marker::Load, ["█", "━", "═"]),
    ] {
        for (width, height) in SIZES {
            let app = trends_in(marker, Window::Days(28), false);
            let buf = buffer(&app, width, height);
            let screen = text(&buf);
            let (_, axis) = plot_origin(&screen);
            let plot: String = screen.lines().take(axis).collect();
            let legend = screen.lines().nth(axis + 2).unwrap();
            for glyph in glyphs {
                assert!(plot.contains(glyph), "{marker:?} draws no {glyph}:\n{screen}");
                assert!(legend.contains(glyph), "{marker:?}'s legend lacks {glyph}:\n{screen}");
            }
            // No colour at all: the glyphs carry it.
            let coloured = buf.content().iter().filter(|c| c.fg != ratatui::style::Color::Reset).count();
            assert_eq!(coloured, 0, "{marker:?} uses colour under NO_COLOR");
        }
    }
}

#[test]
fn the_weekly_load_fills_the_width_in_rpe_minutes_per_day() {
    for window in [Window::Days(28), Window::Days(90)] {
        for (width, height) in SIZES {
            let app = trends_in(Marker::Load, window, false);
            let screen = text(&buffer(&app, width, height));
            let (x0, axis) = plot_origin(&screen);
            let bottom: Vec<char> = screen.lines().nth(axis - 1).unwrap().chars().collect();
            let first = bottom.iter().position(|c| *c == '█').unwrap();
            let last = bottom.iter().rposition(|c| *c == '█').unwrap();
            let plot_width = width as usize - 1 - x0;
            assert!(first <= x0 + plot_width / 20 && last >= x0 + plot_width * 9 / 10, "{screen}");
            assert!(screen.contains("RPE·min per day") && screen.contains("RPE·min/day"), "{screen}");
            // The summary's mean is per day: the 7 days' load over 7, not per run day.
            let data = app.trends.as_ref().unwrap();
            let week: f64 = data.series.values[data.series.values.len() - 7..].iter().flatten().sum();
            let mean = format!("7-day mean {} RPE·min/day", cooldown::domain::trends::show(week / 7.0));
            assert!(screen.contains(&mean), "{mean}:\n{screen}");
        }
    }
}

#[test]
fn no_size_panics() {
    for marker in [Marker::Hrv, Marker::Rhr, Marker::Load] {
        for window in [Window::Days(7), Window::All] {
            let app = trends_in(marker, window, true);
            for width in [1, 2, 5, 10, 20, 39, 40, 41, 79, 80, 81, 139, 140, 200, 301] {
                for height in [1, 2, 3, 5, 8, 11, 12, 13, 23, 24, 25, 40, 60, 90] {
                    let _ = buffer(&app, width, height);
                }
            }
        }
    }
}

#[test]
fn snapshots_at_three_sizes_with_and_without_colour() {
    let cases = [
        (Marker::Hrv, Window::Days(28)),
        (Marker::Hrv, Window::Days(90)),
        (Marker::Rhr, Window::Days(28)),
        (Marker::Rhr, Window::Days(90)),
        (Marker::Soreness, Window::Days(28)),
        (Marker::Soreness, Window::Days(90)),
        (Marker::Load, Window::Days(28)),
        (Marker::Load, Window::Days(90)),
    ];
    for (marker, window) in cases {
        for color in [true, false] {
            let app = trends_in(marker, window, color);
            for (width, height) in SIZES {
                let name = format!(
                    "trends_{}_{}_{width}x{height}{}",
                    marker.name(),
                    window.label().replace(' ', ""),
                    if color { "" } else { "_no_color" }
                );
                insta::assert_snapshot!(name, draw(&app, width, height).backend());
            }
        }
    }
}

#[test]
fn long_load_windows_draw_cells_not_empty_labels() {
    // 365 days on 76 columns: weekly bars, no "0" over the weeks before the history.
    let app = trends_in(Marker::Load, Window::Days(365), false);
    let screen = text(&buffer(&app, 80, 24));
    assert!(!screen.lines().any(|l| l.contains(" 0 ") || l.contains("00 ")), "{screen}");
    insta::assert_snapshot!("trends_load_365d_80x24", draw(&app, 80, 24).backend());
    insta::assert_snapshot!(
        "trends_load_all_140x40",
        draw(&trends_in(Marker::Load, Window::All, true), 140, 40).backend()
    );
}

#[test]
fn the_band_legend_names_the_configured_width() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[readiness]\nband_sd = 1.5\n").unwrap();
    let (ctx, store) = context_with(&config);
    let mut app = trends_in(Marker::Hrv, Window::Days(28), false);
    app.trends = Some(load::trends(&ctx, &store, Marker::Hrv, Window::Days(28), end()).unwrap());
    let screen = text(&buffer(&app, 100, 30));
    assert!(screen.contains("░ usual range (μ ± 1.5 SD)"), "{screen}");
    let default = text(&buffer(&trends_in(Marker::Hrv, Window::Days(28), false), 100, 30));
    assert!(default.contains("░ usual range (μ ± 0.5 SD)"), "{default}");
}
