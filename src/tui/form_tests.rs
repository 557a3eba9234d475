use super::*;
use crate::domain::session::Session;
use crate::domain::units::Units;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).unwrap()
}

fn type_text(form: &mut Form, text: &str) {
    for c in text.chars() {
        form.edit(InputRequest::InsertChar(c));
    }
}

fn at(form: &Form, column: &str) -> usize {
    form.fields.iter().position(|f| f.column == column).unwrap()
}

/// Focus on `column` and type `text` there.
fn fill(form: &mut Form, column: &str, text: &str) {
    form.focus_on(at(form, column));
    form.edit(InputRequest::DeleteLine);
    type_text(form, text);
}

fn value<'a>(form: &'a Form, column: &str) -> &'a str {
    form.fields[at(form, column)].input.value()
}

fn stored_run() -> Run {
    let mut run = Run::new(day(), NaiveTime::from_hms_opt(7, 30, 0).unwrap(), Session::Easy, 300);
    run.id = Some(7);
    run.km = Some(6.2);
    run
}

#[test]
fn a_markers_form_fills_in_what_is_logged_and_shows_yesterday() {
    let today = Markers { rhr: Some(52), ..Markers::default() };
    let yesterday = Markers { hrv: Some(61.5), ill: Some(false), ..Markers::default() };
    let f = Form::markers(day(), Some(&today), Some(&yesterday), Units::METRIC);
    assert_eq!(f.fields[0].input.value(), "52");
    assert_eq!(f.reference(1), Some(("yesterday", "61.5".into())));
    assert_eq!(f.reference(at(&f, "ill")), Some(("yesterday", "no".into())));
    assert_eq!(f.reference(0), None);
    assert_eq!(f.title(), "Morning markers · Sat 28 Nov");
}

#[test]
fn only_the_fields_the_user_changed_are_saved() {
    let today = Markers { rhr: Some(52), hrv: Some(60.0), ..Markers::default() };
    let mut f = Form::markers(day(), Some(&today), None, Units::METRIC);
    assert!(f.changed_markers().is_empty());
    f.next();
    f.edit(InputRequest::DeleteLine);
    f.next();
    type_text(&mut f, "7.5");
    assert_eq!(f.changed_markers(), ["hrv", "sleep_hours"]);
}

#[test]
fn an_emptied_field_is_saved_as_not_logged() {
    let today = Markers { rhr: Some(52), hrv: Some(60.0), pain: Some(2), ..Markers::default() };
    let mut f = Form::markers(day(), Some(&today), None, Units::METRIC);
    fill(&mut f, "hrv", "");
    fill(&mut f, "pain", "");
    let Ok(Submission::Markers(_, m, columns)) = f.submit(day(), noon()) else { panic!() };
    assert_eq!(columns, ["hrv", "pain"]);
    assert_eq!((m.rhr, m.hrv, m.pain), (Some(52), None, None));
}

#[test]
fn a_write_from_elsewhere_fills_untouched_fields_and_keeps_typed_ones() {
    let mut f =
        Form::markers(day(), Some(&Markers { rhr: Some(52), ..Markers::default() }), None, Units::METRIC);
    f.next();
    type_text(&mut f, "61");
    let elsewhere = Markers { rhr: Some(55), hrv: Some(70.0), sleep_hours: Some(8.0), ..Markers::default() };
    f.refresh_markers(Some(&elsewhere));
    let values: Vec<&str> = f.fields.iter().take(3).map(|x| x.input.value()).collect();
    assert_eq!(values, ["55", "61", "8"]);
    // rhr and sleep now match the database; only the typed hrv is a change.
    assert_eq!(f.changed_markers(), ["hrv"]);
}

#[test]
fn typing_goes_to_the_focused_field_q_included_and_errors_name_the_label() {
    let mut f = Form::markers(day(), None, None, Units::METRIC);
    f.next();
    type_text(&mut f, "6q");
    assert_eq!(f.fields[1].input.value(), "6q");
    assert_eq!(
        f.submit(day(), noon()).unwrap_err(),
        [(1, "HRV (rMSSD): '6q' is not a number; give 5–300 ms".into())]
    );
}

#[test]
fn a_valid_form_submits_markers() {
    let mut f = Form::markers(day(), None, None, Units::METRIC);
    type_text(&mut f, "52");
    fill(&mut f, "sleep_hours", "7.5");
    let Submission::Markers(date, m, _) = f.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!((date, m.rhr, m.sleep_hours, m.hrv), (day(), Some(52), Some(7.5), None));
}

#[test]
fn every_bad_field_is_found_at_once_by_its_label() {
    let mut f = Form::markers(day(), None, None, Units::METRIC);
    fill(&mut f, "rhr", "300");
    fill(&mut f, "hrv", "61.5");
    fill(&mut f, "sleep_hours", "30");
    fill(&mut f, "soreness", "11");
    let errors = f.submit(day(), noon()).unwrap_err();
    assert_eq!(
        errors,
        [
            (0, "Resting HR: 300 is outside 25–220 bpm, a whole number".to_string()),
            (2, "Sleep: 30 is outside 0–24 h".to_string()),
            (4, "Soreness: 11 is outside 0–10, a whole number".to_string()),
        ]
    );
    f.mark(&errors);
    assert_eq!((f.focus, f.errors()), (0, 3));
    assert_eq!(f.fields[2].error.as_deref(), Some("Sleep: 30 is outside 0–24 h"));
    assert_eq!(f.fields[1].error, None);
    // A second save marks only what is still bad.
    fill(&mut f, "rhr", "52");
    fill(&mut f, "sleep_hours", "7");
    let errors = f.submit(day(), noon()).unwrap_err();
    f.mark(&errors);
    assert_eq!((f.focus, f.errors()), (4, 1));
}

#[test]
fn a_pain_site_needs_a_pain_and_is_reported_beside_the_site() {
    let mut f = Form::markers(day(), None, None, Units::METRIC);
    fill(&mut f, "pain_site", "knee");
    fill(&mut f, "rhr", "400");
    let errors = f.submit(day(), noon()).unwrap_err();
    let site = at(&f, "pain_site");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[1].0, site);
    assert!(errors[1].1.starts_with("Pain site needs a pain level: give Localized pain 0–10"), "{errors:?}");
    // A bad pain is its own error; the site is not blamed for it.
    fill(&mut f, "rhr", "52");
    fill(&mut f, "pain", "12");
    let errors = f.submit(day(), noon()).unwrap_err();
    assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), [at(&f, "pain")]);
    fill(&mut f, "pain", "3");
    let Submission::Markers(_, m, _) = f.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!((m.pain, m.pain_site.as_deref()), (Some(3), Some("knee")));
}

#[test]
fn a_run_form_starts_from_the_last_runs_type_and_ends_now() {
    let f = Form::run(day(), noon(), None, Units::METRIC);
    assert_eq!((value(&f, "type"), value(&f, "at")), ("", "12:00"));
    let last = Run::new(day().pred_opt().unwrap(), noon(), Session::Long, 100);
    let mut f = Form::run(day(), noon(), Some(&last), Units::METRIC);
    assert_eq!(value(&f, "type"), "long");
    assert_eq!(f.reference(0), Some(("last run", "long".into())));
    assert_eq!(f.reference(1), Some(("last run", "100".into())));
    assert_eq!(f.title(), "Run · Sat 28 Nov");
    // Still changeable.
    type_text(&mut f, "t");
    f.next();
    type_text(&mut f, "45");
    let Submission::Run(run) = f.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!((run.kind, run.minutes, run.at, run.id), (Session::Tempo, 45, noon(), None));
}

#[test]
fn a_run_form_reports_field_and_record_errors_together() {
    let mut f = Form::run(day(), noon(), None, Units::METRIC);
    let errors = f.submit(day(), noon()).unwrap_err();
    assert_eq!(
        errors,
        [
            (0, "Type is missing; give one of easy, tempo, intervals, long, race, cross".into()),
            (1, "Minutes is missing; give 1–1440 min, a whole number".into()),
        ]
    );
    fill(&mut f, "type", "easy");
    fill(&mut f, "minutes", "30");
    fill(&mut f, "rpe", "11");
    fill(&mut f, "at", "13:00");
    let errors = f.submit(day(), noon()).unwrap_err();
    assert_eq!(
        errors,
        [
            (3, "Effort (RPE): 11 is outside 1–10, a whole number".into()),
            (8, "Ended at: 13:00 is later than now; give the time the run ended".into()),
        ]
    );
    fill(&mut f, "rpe", "4");
    fill(&mut f, "at", "11:00");
    fill(&mut f, "weight_before_kg", "70");
    fill(&mut f, "weight_after_kg", "60");
    let errors = f.submit(day(), noon()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, at(&f, "weight_after_kg"));
    assert!(
        errors[0].1.starts_with("Weight after: 60 kg after is more than 10 % below 70 kg before"),
        "{errors:?}"
    );
}

#[test]
fn a_picker_cycles_with_the_arrows_through_every_choice() {
    let last = Run::new(day(), noon(), Session::Easy, 30);
    let mut f = Form::run(day(), noon(), Some(&last), Units::METRIC);
    let mut seen = vec![value(&f, "type").to_string()];
    for _ in 0..6 {
        assert!(f.cycle(1));
        seen.push(value(&f, "type").to_string());
    }
    assert_eq!(seen, ["easy", "tempo", "intervals", "long", "race", "cross", "easy"]);
    assert!(f.cycle(-1));
    assert_eq!(value(&f, "type"), "cross");
    // A required picker has no empty choice; an optional one passes through empty.
    let mut m = Form::markers(day(), None, None, Units::METRIC);
    m.focus_on(at(&m, "pain_site"));
    m.cycle(-1);
    assert_eq!(value(&m, "pain_site"), "other");
    m.cycle(1);
    assert_eq!(value(&m, "pain_site"), "");
    m.cycle(1);
    assert_eq!(value(&m, "pain_site"), "foot");
    // A text field is not a picker: the arrows are left to its cursor.
    m.focus_on(0);
    assert!(!m.cycle(1));
}

#[test]
fn a_picker_takes_what_is_typed_in_any_case_by_its_start() {
    let mut f = Form::run(day(), noon(), None, Units::METRIC);
    for (typed, expected) in
        [("T", "tempo"), ("Te", "tempo"), ("Tempo", "tempo"), ("LONG", "long"), ("i", "intervals")]
    {
        f.focus_on(0);
        f.edit(InputRequest::DeleteLine);
        f.focus_on(0);
        type_text(&mut f, typed);
        assert_eq!(value(&f, "type"), expected, "{typed}");
    }
    // A letter that makes it start no choice changes nothing and says so: `Rest` is race.
    f.focus_on(0);
    type_text(&mut f, "R");
    for c in "est".chars() {
        assert_eq!(f.edit(InputRequest::InsertChar(c)), Typed::NoChoice);
    }
    assert_eq!(value(&f, "type"), "race");
    // Backspace empties it, to start again.
    f.edit(InputRequest::DeletePrevChar);
    assert_eq!(value(&f, "type"), "");
    type_text(&mut f, "t");
    assert_eq!(value(&f, "type"), "tempo");
    f.edit(InputRequest::DeleteNextChar);
    assert_eq!(value(&f, "type"), "");
    // The arrows start again too.
    type_text(&mut f, "c");
    f.cycle(-1);
    type_text(&mut f, "e");
    assert_eq!(value(&f, "type"), "easy");
    // A paste picks the same way.
    assert_eq!(f.paste(" Cross\n"), Typed::Done);
    assert_eq!(value(&f, "type"), "cross");
    assert_eq!(f.paste("jog"), Typed::NoChoice);
    assert_eq!(value(&f, "type"), "cross");
    // Pain sites: `h` is hamstring, `hi` hip-glute.
    let mut m = Form::markers(day(), None, None, Units::METRIC);
    m.focus_on(at(&m, "pain_site"));
    type_text(&mut m, "h");
    assert_eq!(value(&m, "pain_site"), "hamstring");
    type_text(&mut m, "i");
    assert_eq!(value(&m, "pain_site"), "hip-glute");
    m.focus_on(at(&m, "ill"));
    type_text(&mut m, "Y");
    assert_eq!(value(&m, "ill"), "yes");
}

#[test]
fn editing_a_run_starts_from_its_values_and_keeps_its_id() {
    assert!(Form::edit_run(&Run { id: None, ..stored_run() }, Units::METRIC).is_none());
    let mut f = Form::edit_run(&stored_run(), Units::METRIC).unwrap();
    assert_eq!((f.kind, f.date), (FormKind::EditRun(7), day()));
    assert_eq!(f.title(), "Edit run · Sat 28 Nov");
    assert_eq!(
        (value(&f, "type"), value(&f, "minutes"), value(&f, "km"), value(&f, "at")),
        ("easy", "300", "6.2", "07:30")
    );
    assert_eq!(f.submit(day(), noon()).unwrap(), Submission::Unchanged);
    fill(&mut f, "minutes", "30");
    assert_eq!(f.reference(1), Some(("was", "300".into())));
    assert_eq!(f.reference(2), None);
    let Submission::EditRun(id, run) = f.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!(id, 7);
    assert_eq!(run, Run { minutes: 30, ..stored_run() });
    fill(&mut f, "km", "");
    assert_eq!(f.reference(2), Some(("was", "6.2".into())));
    let Submission::EditRun(_, run) = f.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!(run.km, None);
}

#[test]
fn a_field_holds_up_to_its_limit_and_says_when_more_came() {
    let mut f = Form::markers(day(), None, None, Units::METRIC);
    f.focus_on(at(&f, "note"));
    let note = f.focus;
    assert_eq!(f.paste("line one\nline\ttwo"), Typed::Done);
    assert_eq!(f.fields[note].input.value(), "line one line two");
    let long = "x".repeat(100_000);
    assert_eq!(f.paste(&long), Typed::Full, "a paste past the end says so");
    assert_eq!(f.fields[note].input.value().chars().count(), MAX_FIELD_CHARS);
    assert_eq!(f.edit(InputRequest::InsertChar('y')), Typed::Full, "a key past the end says so");
    assert_eq!(f.edit(InputRequest::DeletePrevChar), Typed::Done, "deleting still works");
    assert_eq!(f.edit(InputRequest::InsertChar('z')), Typed::Done);
    assert!(f.fields[note].input.value().ends_with("xz"));
}

#[test]
fn focus_wraps_both_ways_and_knows_the_last_field() {
    let mut f = Form::run(day(), noon(), None, Units::METRIC);
    assert!(!f.on_last());
    f.prev();
    assert_eq!(f.focus, 8);
    assert!(f.on_last());
    f.next();
    assert_eq!(f.focus, 0);
}

#[test]
fn a_reason_reads_after_the_label() {
    assert_eq!(check::by_label("Minutes", "is missing"), "Minutes is missing");
    assert_eq!(check::by_label("Sleep", "30 is outside 0–24 h"), "Sleep: 30 is outside 0–24 h");
}

#[test]
fn imperial_forms_read_and_show_lb_and_mi() {
    let today = Markers { weight_kg: Some(68.0), ..Markers::default() };
    let mut f = Form::markers(day(), Some(&today), None, Units::IMPERIAL);
    let weight = f.fields.iter().position(|x| x.column == "weight_kg").unwrap();
    assert_eq!((f.fields[weight].input.value(), &*f.fields[weight].hint), ("149.9", "lb, 45–661"));
    // Shown and left alone, it is not a change; saved, it is still 68 kg.
    assert!(f.changed_markers().is_empty());
    let Submission::Markers(_, m, _) = f.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!(m.weight_kg, Some(68.0));
    f.focus = weight;
    f.edit(InputRequest::DeleteLine);
    type_text(&mut f, "700");
    let errors = f.submit(day(), noon()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, weight);
    assert!(errors[0].1.contains("700 lb is outside 45–661 lb"), "{errors:?}");
    let mut r = Form::run(day(), noon(), None, Units::IMPERIAL);
    let km = r.fields.iter().position(|x| x.column == "km").unwrap();
    assert_eq!(&*r.fields[km].hint, "mi, 0–621");
    type_text(&mut r, "easy");
    r.next();
    type_text(&mut r, "1:20:00");
    r.focus = km;
    type_text(&mut r, "6.21");
    let Submission::Run(run) = r.submit(day(), noon()).unwrap() else { panic!() };
    assert_eq!((run.minutes, run.km), (80, Some(10.0)));
}
