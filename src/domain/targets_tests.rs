use super::*;
use chrono::{NaiveDate, NaiveTime};
const METRIC: Units = Units::METRIC;
const IMPERIAL: Units = Units::IMPERIAL;

fn run(kind: Session, minutes: u32) -> Run {
    let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    Run::new(day, NaiveTime::from_hms_opt(9, 0, 0).unwrap(), kind, minutes)
}

fn facts(kind: Session, minutes: u32, weight: Option<Weight>) -> Facts {
    Facts {
        session: Session::of_run(kind, minutes),
        run: Some(run(kind, minutes)),
        weight,
        hard_within_24h: false,
        units: METRIC,
    }
}

fn with_weights(mut f: Facts, before: f64, after: f64, drunk: Option<f64>) -> Facts {
    if let Some(r) = f.run.as_mut() {
        r.weight_before_kg = Some(before);
        r.weight_after_kg = Some(after);
        r.fluid_l = drunk;
    }
    f
}

#[test]
fn protein_is_0_3_g_per_kg_rounded_to_5_and_clamped() {
    let p = |kg| compute(Formula::Protein, &facts(Session::Tempo, 45, Some(Weight::Morning(kg)))).unwrap();
    let a = p(68.0);
    assert_eq!((a.amount, a.unit, a.formula.as_str()), (Some(20.0), "g", "0.3 g/kg × 68 kg"));
    assert_eq!(p(75.0).amount, Some(25.0)); // 22.5 → 25
    assert_eq!(p(40.0).amount, Some(20.0)); // 12 → clamped up
    assert_eq!(p(150.0).amount, Some(40.0)); // 45 → clamped down
}

#[test]
fn carbs_are_1_g_per_kg_in_the_first_hour() {
    let a = compute(Formula::Carbs, &facts(Session::Intervals, 50, Some(Weight::BeforeRun(71.0)))).unwrap();
    assert_eq!((a.amount, a.formula.as_str()), (Some(70.0), "1 g/kg × 71 kg"));
}

#[test]
fn hourly_carbs_only_after_90_minutes_or_back_to_back_hard_sessions() {
    let w = Some(Weight::Morning(70.0));
    assert_eq!(compute(Formula::CarbsHourly, &facts(Session::Long, 90, w)), None);
    let a = compute(Formula::CarbsHourly, &facts(Session::Long, 91, w)).unwrap();
    assert_eq!((a.amount, a.amount_max, a.unit), (Some(70.0), Some(85.0), "g/h")); // 84 → 85
    let mut tempo = facts(Session::Tempo, 45, w);
    assert_eq!(compute(Formula::CarbsHourly, &tempo), None);
    tempo.hard_within_24h = true;
    assert!(compute(Formula::CarbsHourly, &tempo).is_some());
}

#[test]
fn without_a_weight_a_prompt_instead_of_a_number() {
    for f in [Formula::Carbs, Formula::Protein] {
        let a = compute(f, &facts(Session::Tempo, 45, None)).unwrap();
        assert_eq!(a.amount, None);
        assert!(a.formula.contains("log your weight"), "{}", a.formula);
    }
}

#[test]
fn fluid_from_the_weight_change() {
    // The example: 70 → 68.8 kg with 0.5 L drunk over 120 min.
    let f = with_weights(facts(Session::Long, 120, None), 70.0, 68.8, Some(0.5));
    let a = compute(Formula::Fluid, &f).unwrap();
    assert_eq!((a.amount, a.amount_max, a.unit), (Some(2.1), Some(2.6), "L")); // loss 1.7 kg: 2.125–2.55
    assert_eq!(a.formula, "1.25–1.5 L per kg × 1.7 kg sweat loss = 70 − 68.8 kg + 0.5 L drunk");
    // The flag is what the scale says: 1.2 kg of 70 is 1.7 %, under 2 % — no flag, though the
    // sweat loss (what the target replaces) is 2.4 %.
    let note = a.note.unwrap();
    assert!(note.contains("sodium") && !note.contains('%'), "{note}");
    let bigger =
        compute(Formula::Fluid, &with_weights(facts(Session::Long, 120, None), 70.0, 68.5, Some(0.5)));
    let note = bigger.unwrap().note.unwrap();
    assert!(note.contains("the scale shows 2.1 % less than before the run"), "{note}");
}

#[test]
fn fluid_at_the_edges() {
    let easy = |before, after, drunk| {
        compute(Formula::Fluid, &with_weights(facts(Session::Easy, 40, None), before, after, drunk)).unwrap()
    };
    // No weights: a prompt.
    let none = compute(Formula::Fluid, &facts(Session::Easy, 40, None)).unwrap();
    assert!(none.formula.contains("weigh yourself before and after"), "{}", none.formula);
    // Loss 0 and a gain: nothing to replace, drink to thirst.
    assert_eq!(easy(70.0, 70.0, None).amount, Some(0.0));
    assert!(easy(70.0, 70.4, Some(0.2)).formula.contains("drink to thirst"));
    // Just under and at 2 % of 70 kg (1.4 kg) on the scale: flagged only at 2 %, and the
    // fluid drunk does not count towards it.
    assert_eq!(easy(70.0, 68.61, None).note, None);
    assert!(easy(70.0, 68.6, None).note.unwrap().contains("2.0 %"));
    assert_eq!(easy(70.0, 68.61, Some(1.0)).note, None);
    // An easy run gets no sodium note.
    assert_eq!(easy(70.0, 69.5, None).note, None);
}

#[test]
fn amounts_read_as_people_write_them() {
    let a =
        |amount, amount_max, unit| Amount { amount, amount_max, unit, formula: String::new(), note: None };
    assert_eq!(show(&a(Some(20.0), None, "g")), "20 g");
    assert_eq!(show(&a(Some(70.0), Some(85.0), "g/h")), "70–85 g/h");
    assert_eq!(show(&a(Some(2.1), Some(2.5), "L")), "2.1–2.5 L");
    assert_eq!(show(&a(None, None, "g")), "");
}

fn weighed(minutes: u32, before: f64, after: f64, drunk: Option<f64>) -> Run {
    let mut r = run(Session::Long, minutes);
    (r.weight_before_kg, r.weight_after_kg, r.fluid_l) = (Some(before), Some(after), drunk);
    r
}

#[test]
fn a_weight_after_more_than_10_percent_below_before_is_refused() {
    assert_eq!(implausible(&weighed(600, 40.0, 36.0, None), METRIC), None); // exactly 90 %, 4 L lost
    let (field, reason) = implausible(&weighed(600, 40.0, 35.9, None), METRIC).unwrap();
    assert_eq!(field, "weight-after");
    assert!(reason.contains("35.9 kg after") && reason.contains("40 kg before"), "{reason}");
    // The example: 300 before, 20 after.
    assert_eq!(implausible(&weighed(60, 300.0, 20.0, None), METRIC).unwrap().0, "weight-after");
}

#[test]
fn more_than_5_litres_of_sweat_an_hour_is_refused() {
    // 30 min: 2.5 L is exactly 5 L/h.
    assert_eq!(implausible(&weighed(30, 70.0, 68.0, Some(0.5)), METRIC), None);
    let (field, reason) = implausible(&weighed(30, 70.0, 68.0, Some(0.6)), METRIC).unwrap();
    assert_eq!(field, "fluid-l");
    assert!(reason.contains("2.6 L of sweat in 30 min"), "{reason}");
}

#[test]
fn a_fluid_target_over_6_litres_is_refused() {
    // 4 L lost → 5–6 L to drink: the most we accept.
    assert_eq!(implausible(&weighed(180, 80.0, 76.0, None), METRIC), None);
    let (field, reason) = implausible(&weighed(180, 80.0, 75.9, None), METRIC).unwrap();
    assert_eq!(field, "weight-after");
    assert!(reason.contains("over 6 L"), "{reason}");
    // Without both weights there is nothing to judge.
    let mut r = weighed(10, 80.0, 70.0, Some(20.0));
    r.weight_after_kg = None;
    assert_eq!(implausible(&r, METRIC), None);
}

#[test]
fn imperial_formulas_name_the_weight_in_lb_beside_the_kg_they_count() {
    let mut f = facts(Session::Tempo, 45, Some(Weight::Morning(68.0)));
    f.units = IMPERIAL;
    let protein = compute(Formula::Protein, &f).unwrap();
    assert_eq!((protein.amount, protein.unit), (Some(20.0), "g"));
    assert_eq!(protein.formula, "0.3 g/kg × 68 kg (149.9 lb)");
    let fluid = compute(Formula::Fluid, &with_weights(f, 70.0, 68.8, Some(0.5))).unwrap();
    assert_eq!(fluid.unit, "L");
    assert_eq!(
        fluid.formula,
        "1.25–1.5 L per kg × 1.7 kg sweat loss = 70 − 68.8 kg (154.3 − 151.7 lb) + 0.5 L drunk"
    );
}

#[test]
fn an_imperial_implausible_run_names_its_weights_in_lb() {
    let (field, reason) = implausible(&weighed(600, 68.04, 58.97, None), IMPERIAL).unwrap();
    assert_eq!(field, "weight-after");
    assert_eq!(reason, "130 lb after is more than 10 % below 150 lb before; check both weights");
}
