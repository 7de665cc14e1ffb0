//! Dates as each language writes them: vi "22/11/2026", ja "2026年11月22日", en "22 November 2026".

use time::OffsetDateTime;

use super::Locale;

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn format_date(locale: Locale, at: OffsetDateTime) -> String {
    let (year, month, day) = (at.year(), u8::from(at.month()), at.day());
    match locale {
        Locale::Vi => format!("{day:02}/{month:02}/{year}"),
        Locale::Ja => format!("{year}年{month}月{day}日"),
        Locale::En => format!("{day} {} {year}", ENGLISH_MONTHS[usize::from(month) - 1]),
    }
}

/// Date and 24-hour time in UTC (the embassy works across time zones; UTC is unambiguous).
pub fn format_datetime(locale: Locale, at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{} {:02}:{:02} UTC",
        format_date(locale, at),
        at.hour(),
        at.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn each_language_writes_the_date_its_own_way() {
        let at = datetime!(2026-11-22 09:05 UTC);
        assert_eq!(format_date(Locale::Vi, at), "22/11/2026");
        assert_eq!(format_date(Locale::Ja, at), "2026年11月22日");
        assert_eq!(format_date(Locale::En, at), "22 November 2026");
        assert_eq!(
            format_datetime(Locale::En, at),
            "22 November 2026 09:05 UTC"
        );
    }
}
