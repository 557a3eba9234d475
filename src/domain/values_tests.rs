use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

#[test]
fn accepts_plain_decimals_in_range() {
    assert_eq!(RHR.parse("55").unwrap(), 55.0);
    assert_eq!(HRV.parse("62.5").unwrap(), 62.5);
    assert_eq!(SLEEP.parse("0").unwrap(), 0.0);
    assert_eq!(SLEEP.parse("24").unwrap(), 24.0);
    assert_eq!(KM.parse("0.0").unwrap(), 0.0);
}

#[test]
fn refuses_the_bad_value_list() {
    for (field, text) in [
        (RHR, "0"),
        (RHR, "400"),
        (RHR, "55.5"),
        (RHR, "55.0"),
        (SLEEP, "30"),
        (SLEEP, "-1"),
        (SORENESS, "11"),
        (HRV, "abc"),
        (HRV, "NaN"),
        (HRV, "nan"),
        (HRV, "inf"),
        (HRV, "-inf"),
        (HRV, "infinity"),
        (HRV, "1e999"),
        (HRV, "6e1"),
        (HRV, "0x3E"),
        (HRV, "62abc"),
        (HRV, " 62"),
        (HRV, "62 "),
        (HRV, "+62"),
        (HRV, "62,5"),
        (HRV, ""),
        (HRV, "."),
        (HRV, "5."),
        (HRV, ".5"),
        (HRV, "--5"),
        (MINUTES, "99999999999999999999"),
    ] {
        let err = field.parse(text).unwrap_err();
        assert_eq!(err.field, field.name, "{text}");
        let range = field.range_text().replace(", a whole number", "");
        assert!(err.reason.contains(&range) || err.reason.contains("outside"), "{err}");
    }
}

#[test]
fn range_is_named_in_the_error() {
    let err = RHR.parse("400").unwrap_err();
    assert_eq!(err.to_string(), "rhr: 400 is outside 25–220 bpm, a whole number");
    let err = HRV.parse("NaN").unwrap_err();
    assert_eq!(err.to_string(), "hrv: 'NaN' is not a number; give 5–300 ms");
}

#[test]
fn check_refuses_nan_and_infinity() {
    assert!(HRV.check(f64::NAN).is_err());
    assert!(HRV.check(f64::INFINITY).is_err());
    assert!(HRV.check(f64::NEG_INFINITY).is_err());
    assert!(RHR.check(55.5).is_err());
}

#[test]
fn dates_must_be_real_days_up_to_today() {
    assert_eq!(parse_date("2026-11-28", today()).unwrap(), today());
    assert_eq!(parse_date("1900-01-01", today()).unwrap().to_string(), "1900-01-01");
    assert_eq!(parse_date("2024-02-29", today()).unwrap().to_string(), "2024-02-29");
    for bad in [
        "2026-11-29",
        "2026-02-30",
        "2025-02-29",
        "0001-01-01",
        "1899-12-31",
        "2026-13-01",
        "26-11-28",
        "2026/11/28",
        "2026-11-28x",
        " 2026-11-28",
        "yesterday",
        "",
    ] {
        let err = parse_date(bad, today()).unwrap_err();
        assert_eq!(err.field, "date", "{bad}");
    }
}

#[test]
fn text_is_bounded_and_printable() {
    assert_eq!(parse_text("note", "felt fine").unwrap(), "felt fine");
    assert!(parse_text("note", "a\nb").is_err());
    assert!(parse_text("note", &"x".repeat(501)).is_err());
}

#[test]
fn numbers_print_without_trailing_zeros() {
    assert_eq!(fmt_num(25.0), "25");
    assert_eq!(fmt_num(62.5), "62.5");
    assert_eq!(fmt_num(1.25), "1.25");
}
