//! Numbers and dates as people type them into the problem form.

use time::{Date, Month};

/// Far above any real budget (a quadrillion đồng), far below `i64::MAX`.
const MAX_BUDGET: i64 = 1_000_000_000_000_000;

/// A whole amount of money, allowing thousands separators as people write them in each
/// language: "500000000", "500,000,000", "500.000.000", "500 000 000".
pub fn parse_amount(value: &str) -> Option<i64> {
    let groups: Vec<&str> = value.split([',', '.', ' ', '\u{a0}']).collect();
    let digits_only = |g: &&str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    if !groups.iter().all(digits_only) {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    groups
        .concat()
        .parse::<i64>()
        .ok()
        .filter(|n| *n <= MAX_BUDGET)
}

/// A date from its three parts, or the message key that says what is wrong with it.
/// Months may be written as numbers, "3月", or English names ("March", "mar").
pub fn parse_date(day: &str, month: &str, year: &str) -> Result<Date, &'static str> {
    let parts = [day.trim(), month.trim(), year.trim()];
    let missing = parts.iter().filter(|p| p.is_empty()).count();
    match missing {
        3 => return Err("error-problem-deadline-missing"),
        2 => return Err("error-problem-deadline-incomplete"),
        1 if parts[0].is_empty() => return Err("error-problem-deadline-missing-day"),
        1 if parts[1].is_empty() => return Err("error-problem-deadline-missing-month"),
        1 => return Err("error-problem-deadline-missing-year"),
        _ => {}
    }
    let number =
        |text: &str, suffix: char| text.trim_end_matches(suffix).trim().parse::<u16>().ok();
    let day = number(parts[0], '日').and_then(|d| u8::try_from(d).ok());
    let month = number(parts[1], '月')
        .and_then(|m| u8::try_from(m).ok())
        .or_else(|| month_by_name(parts[1]))
        .and_then(|m| Month::try_from(m).ok());
    let year = number(parts[2], '年')
        .filter(|_| parts[2].trim_end_matches('年').len() == 4)
        .map(i32::from);
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => {
            Date::from_calendar_date(y, m, d).map_err(|_| "error-problem-deadline-invalid")
        }
        _ => Err("error-problem-deadline-invalid"),
    }
}

fn month_by_name(text: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = text.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|name| name.starts_with(&lower))
        .and_then(|i| u8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn amounts_accept_the_usual_thousands_separators() {
        for text in ["500000000", "500,000,000", "500.000.000", "500 000 000"] {
            assert_eq!(parse_amount(text), Some(500_000_000), "{text}");
        }
        assert_eq!(parse_amount("0"), Some(0));
        for bad in [
            "",
            "-5",
            "1.5",
            "12,34",
            "5e6",
            "abc",
            "1000,000",
            "99999999999999999999",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_checked_part_by_part() {
        assert_eq!(parse_date("27", "3", "2027"), Ok(date!(2027 - 03 - 27)));
        assert_eq!(
            parse_date("27日", "3月", "2027年"),
            Ok(date!(2027 - 03 - 27))
        );
        assert_eq!(parse_date("1", "March", "2027"), Ok(date!(2027 - 03 - 01)));
        assert_eq!(
            parse_date("", "", ""),
            Err("error-problem-deadline-missing")
        );
        assert_eq!(
            parse_date("", "3", "2027"),
            Err("error-problem-deadline-missing-day")
        );
        assert_eq!(
            parse_date("1", "", "2027"),
            Err("error-problem-deadline-missing-month")
        );
        assert_eq!(
            parse_date("1", "3", ""),
            Err("error-problem-deadline-missing-year")
        );
        assert_eq!(
            parse_date("1", "", ""),
            Err("error-problem-deadline-incomplete")
        );
        for (d, m, y) in [
            ("31", "2", "2027"),
            ("1", "13", "2027"),
            ("1", "3", "27"),
            ("x", "3", "2027"),
        ] {
            assert_eq!(
                parse_date(d, m, y),
                Err("error-problem-deadline-invalid"),
                "{d} {m} {y}"
            );
        }
    }
}
