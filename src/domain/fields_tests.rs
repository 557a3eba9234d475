use super::*;
use crate::domain::records::{MARKER_FIELDS, Markers, RUN_FIELDS, Run};
use chrono::NaiveDate;

fn every_kind_of_value() -> Vec<(Kind, &'static str)> {
    vec![
        (Kind::Int(values::RHR), "52"),
        (Kind::Real(values::HRV), "61.5"),
        (Kind::YesNo, "yes"),
        (Kind::Text, "left calf"),
        (Kind::Choice(&["morning", "overnight"]), "overnight"),
        (Kind::RunType, "tempo"),
        (Kind::Time, "07:05"),
    ]
}

#[test]
fn every_kind_reads_back_what_it_shows() {
    for (kind, text) in every_kind_of_value() {
        assert_eq!(kind.parse("f", text, Units::METRIC).unwrap().typed(), text, "{kind:?}");
    }
}

#[test]
fn names_and_columns_are_unique_and_every_field_gets_what_it_sets() {
    fn check<R>(table: &'static [Spec<R>], new: fn() -> R) {
        for (i, spec) in table.iter().enumerate() {
            assert!(
                table[..i].iter().all(|s| s.column != spec.column && s.name != spec.name),
                "{}",
                spec.name
            );
            let value = every_kind_of_value()
                .into_iter()
                .find(|(k, _)| std::mem::discriminant(k) == std::mem::discriminant(&spec.kind));
            let text = match spec.kind {
                Kind::Int(f) | Kind::Real(f) => values::fmt_num(f.lo),
                Kind::Choice(words) => words[0].to_string(),
                _ => value.unwrap().1.to_string(),
            };
            let mut record = new();
            (spec.set)(&mut record, Some(spec.kind.parse(spec.name, &text, Units::METRIC).unwrap()));
            assert_eq!(spec.typed(&record).as_deref(), Some(text.as_str()), "{}", spec.name);
            // A field the record may lack (a run's end time always has a value).
            if (spec.get)(&new()).is_none() {
                (spec.set)(&mut record, None);
                assert_eq!((spec.get)(&record), None, "{}", spec.name);
            }
        }
    }
    check(&MARKER_FIELDS, Markers::default);
    check(&RUN_FIELDS, || Run::new(NaiveDate::MIN, NaiveTime::MIN, Session::Easy, 1));
}

#[test]
fn the_first_bad_field_in_table_order_is_the_error() {
    let texts: Texts =
        [("hrv", "NaN"), ("rhr", "400")].into_iter().map(|(c, t)| (c, t.to_string())).collect();
    let err = fill(&MARKER_FIELDS, &texts, Units::METRIC, &mut Markers::default()).unwrap_err();
    assert_eq!(err.field, "rhr");
    let mut run = Run::new(NaiveDate::MIN, NaiveTime::MIN, Session::Easy, 1);
    let err = fill(&RUN_FIELDS, &Texts::new(), Units::METRIC, &mut run).unwrap_err();
    assert_eq!(err.to_string(), "type: is missing; give one of easy, tempo, intervals, long, race, cross");
}

#[test]
fn hints_and_helps_name_the_ranges_in_both_units() {
    fn check<R>(table: &'static [Spec<R>]) {
        for spec in table {
            let (Kind::Int(f) | Kind::Real(f)) = spec.kind else { continue };
            assert!(spec.hint.contains(&f.span_in(Units::METRIC)), "{}: {}", spec.name, spec.hint);
            assert!(spec.help.contains(&f.span_in(Units::METRIC)), "{}", spec.name);
            if f.quantity == crate::domain::units::Quantity::Mass {
                assert!(spec.help.contains(&f.range_in(Units::IMPERIAL)), "{}: {}", spec.name, spec.help);
            }
            if Units::IMPERIAL.converts(f.quantity) {
                let hint = spec.hint_in(Units::IMPERIAL);
                assert!(hint.starts_with(f.unit_in(Units::IMPERIAL)), "{}: {hint}", spec.name);
            }
        }
    }
    check(&MARKER_FIELDS);
    check(&RUN_FIELDS);
    let weight = by_name(&MARKER_FIELDS, "weight").unwrap();
    assert_eq!(weight.hint_in(Units::IMPERIAL), "lb, 45–661");
    assert_eq!(weight.hint_in(Units::METRIC), "kg, 20–300");
    assert_eq!(by_name(&RUN_FIELDS, "km").unwrap().hint_in(Units::IMPERIAL), "mi, 0–621");
}
