use super::*;

#[test]
fn every_day_is_a_cell_when_the_columns_suffice() {
    let c = Columns::new(28, 88);
    assert_eq!((c.size, c.cells()), (1, 28));
    let columns: Vec<usize> = (0..28).map(|i| c.column(i)).collect();
    assert!(columns.windows(2).all(|w| w[0] < w[1]), "{columns:?}");
    assert!(columns[27] < 88);
    for i in 0..28 {
        assert_eq!(c.days_of(i), i..i + 1);
        assert_eq!(c.cell_of(i), i);
        assert!(c.slot(i).contains(&c.column(i)));
    }
    // As many days as columns: one column each, edge to edge.
    let c = Columns::new(90, 90);
    assert_eq!((0..90).map(|i| c.column(i)).collect::<Vec<_>>(), (0..90).collect::<Vec<_>>());
}

#[test]
fn many_days_make_equal_cells_ending_on_the_last_day() {
    let c = Columns::new(365, 88);
    assert_eq!(c.size, 5);
    assert_eq!(c.cells(), 73);
    assert_eq!(c.days_of(72), 360..365);
    assert_eq!(c.days_of(0), 0..5);
    let c = Columns::new(121, 88);
    assert_eq!((c.size, c.cells()), (2, 61));
    // The first cell is short; every other has two days and the last ends on the last day.
    assert_eq!(c.days_of(0), 0..1);
    assert_eq!(c.days_of(1), 1..3);
    assert_eq!(c.days_of(60), 119..121);
    assert_eq!(c.cell_of(0), 0);
    assert_eq!(c.cell_of(120), 60);
    let covered: usize = (0..c.cells()).map(|i| c.days_of(i).len()).sum();
    assert_eq!(covered, 121);
    let columns: Vec<usize> = (0..c.cells()).map(|i| c.column(i)).collect();
    assert!(columns.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn degenerate_sizes_do_not_panic() {
    for (days, width) in [(0, 0), (0, 10), (1, 0), (1, 1), (500, 1), (7, 3)] {
        let c = Columns::new(days, width);
        for i in 0..c.cells() {
            assert!(c.column(i) < width.max(1));
            let _ = c.days_of(i);
            let _ = c.slot(i);
        }
        assert_eq!(c.per_cell(&vec![Some(1.0); days], mean).len(), c.cells());
    }
}

#[test]
fn cells_take_means_and_keep_gaps() {
    let c = Columns::new(6, 3);
    let v = [Some(1.0), Some(3.0), None, None, Some(5.0), None];
    assert_eq!(c.per_cell(&v, mean), [Some(2.0), None, Some(5.0)]);
}

#[test]
fn ticks_are_round_and_cover_the_data() {
    // The axis: 46.6 to 74 over a tall plot.
    let t = Ticks::nice(46.6, 74.0, 5);
    assert_eq!((t.lo, t.hi, t.step, t.decimals), (40.0, 80.0, 10.0, 0));
    assert_eq!(t.values(), [40.0, 50.0, 60.0, 70.0, 80.0]);
    let t = Ticks::nice(46.6, 74.0, 7);
    assert_eq!((t.lo, t.hi, t.step), (45.0, 75.0, 5.0));
    let t = Ticks::nice(6.2, 8.9, 8);
    assert_eq!(t.step, 0.5);
    assert_eq!(t.values().iter().map(|v| t.label(*v)).collect::<Vec<_>>()[..3], ["6.0", "6.5", "7.0"]);
    // Soreness 0–10 on a short plot.
    let t = Ticks::nice(0.0, 10.0, 3);
    assert_eq!(t.values(), [0.0, 5.0, 10.0]);
}

#[test]
fn ticks_always_number_at_least_three_and_labels_differ() {
    for (lo, hi, max) in
        [(0.0, 1.0, 3), (50.0, 50.0, 3), (-0.3, 0.2, 4), (0.0, 1e6, 5), (f64::NAN, 1.0, 3), (99.0, 101.0, 2)]
    {
        let t = Ticks::nice(lo, hi, max);
        let values = t.values();
        assert!(values.len() >= 3 && values.len() <= max.max(3), "{lo} {hi} {max}: {values:?}");
        let labels: Vec<String> = values.iter().map(|v| t.label(*v)).collect();
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(unique, labels);
        assert!(!labels.iter().any(|l| l == "-0" || l == "-0.0"), "{labels:?}");
        if lo.is_finite() {
            assert!(t.lo <= lo && t.hi >= hi);
        }
    }
}
