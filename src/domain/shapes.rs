//! The clock-like shapes a runner types: a time of day (`7:05`), hours slept (`7:30`), a
//! run's duration (`1:20:00`). Each is read strictly — digits only, minutes and seconds
//! `00`–`59` — and anything else is `None`, for the caller to refuse naming the shapes.

use chrono::NaiveTime;

/// `1`–`max_len` ASCII digits, as a number.
fn digits(text: &str, max_len: usize) -> Option<u32> {
    let ok = (1..=max_len).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// Exactly two digits, `00`–`59`.
fn sixty(text: &str) -> Option<u32> {
    digits(text, 2).filter(|v| text.len() == 2 && *v < 60)
}

/// `H:MM` or `HH:MM`: the hours and the minutes.
fn hours_minutes(text: &str) -> Option<(u32, u32)> {
    let (h, m) = text.split_once(':')?;
    Some((digits(h, 2)?, sixty(m)?))
}

/// A time of day, `H:MM` or `HH:MM`, 00:00–23:59: `7:05`, `07:05`, `23:59`.
pub fn time(text: &str) -> Option<NaiveTime> {
    let (h, m) = hours_minutes(text)?;
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Hours as `H:MM` (`7:30` is 7.5), to the hundredth of an hour (36 s, so every minute
/// reads back as itself). The range is the caller's to check (`24:30` is 24.5).
pub fn hours(text: &str) -> Option<f64> {
    let (h, m) = hours_minutes(text)?;
    Some(((f64::from(h) + f64::from(m) / 60.0) * 100.0).round() / 100.0)
}

/// A duration as `H:MM:SS`, in whole minutes, half a minute and more rounding up:
/// `1:20:00` and `1:20:29` are 80, `1:20:30` is 81. The range is the caller's to check.
pub fn minutes(text: &str) -> Option<f64> {
    let mut parts = text.split(':');
    let (h, m, s) = (digits(parts.next()?, 2)?, sixty(parts.next()?)?, sixty(parts.next()?)?);
    if parts.next().is_some() {
        return None;
    }
    let seconds = (h * 60 + m) * 60 + s;
    Some(f64::from((seconds + 30) / 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_h_mm_or_hh_mm() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(time("7:05"), t(7, 5));
        assert_eq!(time("07:05"), t(7, 5));
        assert_eq!(time("0:00"), t(0, 0));
        assert_eq!(time("00:00"), t(0, 0));
        assert_eq!(time("23:59"), t(23, 59));
        for bad in [
            "7:5", "24:00", "7.05", "07:60", "0730", "07:30:00", "", ":", "7:", ":05", "007:05", " 7:05",
            "7:05 ", "+7:05", "-7:05", "7:0５", "٧:05", "7h05",
        ] {
            assert_eq!(time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hours_are_h_mm() {
        assert_eq!(hours("7:30"), Some(7.5));
        assert_eq!(hours("7:59"), Some(7.98));
        assert_eq!(hours("0:00"), Some(0.0));
        assert_eq!(hours("24:00"), Some(24.0));
        assert_eq!(hours("24:30"), Some(24.5));
        assert_eq!(hours("7:20"), Some(7.33));
        for bad in
            ["7:60", "7:75", "7:", ":30", "7:5", "7:300", "7.30", "7:30:00", "123:00", "-7:30", "7 :30"]
        {
            assert_eq!(hours(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_minute_of_sleep_reads_back_as_itself() {
        for total in 0..=24 * 60 {
            let text = format!("{}:{:02}", total / 60, total % 60);
            let h = hours(&text).unwrap();
            assert_eq!((h * 60.0).round() as u32, total, "{text}");
        }
    }

    #[test]
    fn durations_round_to_the_nearest_minute() {
        assert_eq!(minutes("1:20:00"), Some(80.0));
        assert_eq!(minutes("1:20:29"), Some(80.0));
        assert_eq!(minutes("1:20:30"), Some(81.0));
        assert_eq!(minutes("0:45:00"), Some(45.0));
        assert_eq!(minutes("00:00:29"), Some(0.0));
        assert_eq!(minutes("24:00:00"), Some(1440.0));
        assert_eq!(minutes("0:59:59"), Some(60.0));
        for bad in
            ["80:00", "1:20", "1:60:00", "1:20:60", "1:2:00", "1:20:0", "1:20:00:00", "::", "1.5:00:00", "80"]
        {
            assert_eq!(minutes(bad), None, "{bad:?}");
        }
    }
}
