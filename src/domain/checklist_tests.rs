use super::*;
use crate::domain::pain::Pain;
use crate::domain::records::Run;
use crate::domain::targets::Weight;
use chrono::NaiveTime;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn tick(id: &str, set: u8) -> Tick {
    Tick { item_id: id.into(), set }
}

fn ids(c: &Checklist) -> Vec<&str> {
    c.entries().map(|e| e.id()).collect()
}

/// A day shaped by a run of `kind` and `minutes` ending 07:30, a morning weight of 68 kg and
/// this morning's verdict.
fn shape(kind: Session, minutes: u32, verdict: Option<Level>) -> Shape {
    let run = Run::new(day(), NaiveTime::from_hms_opt(7, 30, 0).unwrap(), kind, minutes);
    Shape {
        facts: Facts {
            session: Session::of_run(kind, minutes),
            run: Some(run),
            weight: Some(Weight::Morning(68.0)),
            hard_within_24h: false,
            units: Units::METRIC,
        },
        verdict: verdict.map(|l| (l, "cut intensity, keep some volume".to_string())),
        pain: None,
    }
}

fn shaped(shape: &Shape) -> Checklist {
    Checklist::shaped(day(), &Routine::builtin().unwrap(), &[], 90, shape)
}

#[test]
fn groups_follow_the_timeline_and_skip_empty_phases() {
    let r = Routine::builtin().unwrap();
    let easy = Checklist::build(day(), &r, Session::Easy, &[], 90);
    let phases: Vec<&str> = easy.groups.iter().map(|g| g.phase.id.as_str()).collect();
    assert_eq!(phases, ["immediately", "6-24h", "24-48h"]);
    let long = shaped(&shape(Session::Long, 120, Some(Level::Go)));
    let phases: Vec<&str> = long.groups.iter().map(|g| g.phase.id.as_str()).collect();
    assert_eq!(phases, ["immediately", "2-6h", "6-24h", "24-48h", "tools"]);
}

#[test]
fn ticks_count_per_set_and_ignore_strangers() {
    let r = Routine::builtin().unwrap();
    let ticks = [tick("mobility", 1), tick("glute-bridges", 1), tick("gone-item", 1), tick("walk", 7)];
    let c = Checklist::build(day(), &r, Session::Tempo, &ticks, 90);
    assert!(c.entry("mobility").unwrap().ticked());
    let bridges = c.entry("glute-bridges").unwrap();
    assert_eq!((bridges.sets_done, bridges.sets_total, bridges.ticked()), (1, 2, false));
    assert!(!c.entry("walk").unwrap().ticked());
    assert_eq!(c.done(), 1);
}

#[test]
fn timed_items_take_the_configured_seconds_unless_they_set_their_own() {
    let r = Routine::builtin().unwrap();
    let c = Checklist::build(day(), &r, Session::Easy, &[], 120);
    assert_eq!(c.entry("foam-calves").unwrap().seconds, Some(120));
    let own = Routine::parse(
        "[[phases]]\nid = \"p\"\ntitle = \"P\"\nfrom_min = 0\nto_min = 30\n[[items]]\nid = \"t\"\n\
         phase = \"p\"\ntitle = \"T\"\nkind = \"timed\"\nseconds = 45\nsessions = [\"all\"]\n",
        "r",
    )
    .unwrap();
    let c = Checklist::build(day(), &own, Session::Rest, &[], 120);
    assert_eq!(c.entry("t").unwrap().seconds, Some(45));
    assert_eq!(c.planned_minutes(), 1);
}

#[test]
fn planned_minutes_cover_the_first_phase() {
    // mobility 5 + 3 × 1.5 foam rolling = 9.5 → 10
    let easy = shaped(&shape(Session::Easy, 40, Some(Level::Go)));
    assert_eq!((easy.planned_minutes(), easy.to_drop().0.len()), (10, 0));
    // + hamstrings 1.5 + bridges 2 + RDL 2 + lateral walks 1 + step-downs 2 + carbs 1 + fluid 1 = 20
    let tempo = shaped(&shape(Session::Tempo, 45, Some(Level::Go)));
    assert_eq!((tempo.planned_minutes(), tempo.to_drop().0.len()), (20, 0));
}

#[test]
fn over_20_minutes_the_longest_optional_items_go_first() {
    // 120 s a target: 5 + 4 × 2 + 2 + 2 + 1 + 2 + 1 + 1 = 22 min.
    let c =
        Checklist::shaped(day(), &Routine::builtin().unwrap(), &[], 120, &shape(Session::Tempo, 45, None));
    assert_eq!(c.planned_minutes(), 22);
    let (drop, left) = c.to_drop();
    let dropped: Vec<&str> = drop.iter().map(|e| e.id()).collect();
    assert_eq!((dropped, left), (vec!["foam-hamstrings"], 20));
}

#[test]
fn targets_carry_their_amounts_and_formulas() {
    let mut s = shape(Session::Long, 120, Some(Level::Go));
    if let Some(run) = s.facts.run.as_mut() {
        run.weight_before_kg = Some(70.0);
        run.weight_after_kg = Some(68.8);
        run.fluid_l = Some(0.5);
    }
    s.facts.weight = Some(Weight::BeforeRun(70.0));
    let c = shaped(&s);
    let amount = |id: &str| c.entry(id).unwrap().amount.clone().unwrap();
    assert_eq!(amount("protein").formula, "0.3 g/kg × 70 kg");
    assert_eq!(amount("protein").amount, Some(20.0));
    assert_eq!(amount("carbs").amount, Some(70.0));
    assert_eq!(amount("carbs-hourly").amount_max, Some(85.0));
    assert_eq!((amount("fluid").amount, amount("fluid").amount_max), (Some(2.1), Some(2.6)));
}

#[test]
fn hourly_carbs_leave_the_list_when_they_do_not_apply() {
    assert!(!ids(&shaped(&shape(Session::Tempo, 45, None))).contains(&"carbs-hourly"));
    let mut back_to_back = shape(Session::Tempo, 45, None);
    back_to_back.facts.hard_within_24h = true;
    assert!(ids(&shaped(&back_to_back)).contains(&"carbs-hourly"));
}

#[test]
fn an_easy_or_rest_morning_leads_with_extra_mobility_and_a_walk() {
    for level in [Level::Easy, Level::Rest] {
        let c = shaped(&shape(Session::Tempo, 45, Some(level)));
        assert_eq!(c.groups[0].phase.id, "ease-off");
        assert_eq!(ids(&c)[..2], ["extra-mobility", "easy-walk"]);
        let next = c.entry("plan-next").unwrap().item.note.clone().unwrap();
        assert!(next.starts_with("instead of the planned session"), "{next}");
    }
    let easy = shaped(&shape(Session::Tempo, 45, Some(Level::Easy)));
    assert!(easy.entry("plan-next").unwrap().item.note.as_deref().unwrap().contains("cut intensity"));
    let go = shaped(&shape(Session::Tempo, 45, Some(Level::Go)));
    assert_eq!(go.groups[0].phase.id, "immediately");
    assert_eq!(
        go.entry("plan-next").unwrap().item.note.as_deref(),
        Some("the planned quality session, or cross-training")
    );
}

#[test]
fn the_run_anchors_the_timeline() {
    let c = shaped(&shape(Session::Easy, 40, None));
    assert_eq!(c.run_end, Some(day().and_hms_opt(7, 30, 0).unwrap()));
    assert_eq!(Checklist::build(day(), &Routine::builtin().unwrap(), Session::Rest, &[], 90).run_end, None);
}

#[test]
fn the_shape_of_a_day_follows_its_most_demanding_run() {
    let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let mut long = Run::new(day(), at(9), Session::Long, 100);
    long.weight_before_kg = Some(70.5);
    let easy = Run::new(day(), at(18), Session::Easy, 30);
    let s = Shape::for_day(&[long.clone(), easy.clone()], &[], Some(69.0), None);
    assert_eq!((s.facts.session, s.facts.run.as_ref().map(|r| r.at)), (Session::Long, Some(at(9))));
    assert_eq!(s.facts.weight, Some(Weight::BeforeRun(70.5)));
    let s = Shape::for_day(std::slice::from_ref(&easy), &[], Some(69.0), None);
    assert_eq!(s.facts.weight, Some(Weight::Morning(69.0)));
    assert!(!s.facts.hard_within_24h);
    // Back-to-back: yesterday evening's intervals, today's tempo.
    let yesterday = Run::new(day().pred_opt().unwrap(), at(19), Session::Intervals, 50);
    let tempo = Run::new(day(), at(7), Session::Tempo, 45);
    assert!(
        Shape::for_day(std::slice::from_ref(&tempo), std::slice::from_ref(&yesterday), None, None)
            .facts
            .hard_within_24h
    );
    // Intervals 25 h earlier are not within 24 h.
    let early = Run::new(day().pred_opt().unwrap(), at(6), Session::Intervals, 50);
    assert!(!Shape::for_day(&[tempo], &[early], None, None).facts.hard_within_24h);
    assert_eq!(Shape::for_day(&[], &[yesterday], None, None).facts.session, Session::Rest);
}

/// A tempo day with this morning's pain.
fn in_pain(level: u8, site: &str) -> Checklist {
    let mut c =
        shaped(&shape(Session::Tempo, 45, Some(Level::Go)).with_pain(Pain::of(Some(level), Some(site))));
    if let Some(p) = Pain::of(Some(level), Some(site)).filter(Pain::replaces) {
        c.no_loading(&p, &[]);
    }
    c
}

#[test]
fn pain_4_at_the_achilles_leaves_out_what_loads_it_and_the_strength_work() {
    let c = in_pain(4, "achilles-calf");
    let ids = ids(&c);
    for gone in [
        "foam-calves",
        "step-downs",
        "single-leg-rdl",
        "glute-bridges",
        "lateral-walks",
        "activation-session",
    ] {
        assert!(!ids.contains(&gone), "{gone} is still offered: {ids:?}");
    }
    assert!(ids.contains(&"foam-quads") && ids.contains(&"foam-glutes"), "{ids:?}");
    assert_eq!(ids[0], "no-loading");
    assert_eq!(
        c.entries().next().unwrap().item.title,
        "No loading today — pain 4/10 (achilles/calf): mobility in a pain-free range only; see a physio \
         if it is still there in 3 days"
    );
}

#[test]
fn pain_2_marks_what_loads_the_site_and_leaves_the_rest() {
    let c = in_pain(2, "achilles-calf");
    let note = |id: &str| c.entry(id).unwrap().item.note.clone().unwrap_or_default();
    for marked in ["foam-calves", "step-downs", "single-leg-rdl"] {
        assert!(note(marked).starts_with("only if pain-free during and after"), "{marked}: {}", note(marked));
    }
    assert_eq!(note("foam-quads"), "");
    assert!(c.entry("activation-session").is_some() && c.entry("no-loading").is_none());
    // Pain 3 at the knee: the knee's items, not the calf's.
    let knee = in_pain(3, "knee");
    assert!(knee.entry("foam-calves").unwrap().item.note.is_none());
    assert!(
        knee.entry("lateral-walks").unwrap().item.note.as_deref().unwrap().starts_with("only if pain-free")
    );
}
