//! What a report request asks for: which report, which days, which hub; and its checks.

use serde::Deserialize;
use time::{Date, Month, OffsetDateTime};
use unicode_normalization::UnicodeNormalization;

use crate::error::AppError;
use crate::staff::scope::HubScope;
use crate::web::forms::FieldErrors;
use crate::web::pagination::list_href;

/// The four reports, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportName {
    Scientists,
    Problems,
    Matches,
    Outcomes,
}

impl ReportName {
    pub const ALL: [ReportName; 4] = [
        ReportName::Scientists,
        ReportName::Problems,
        ReportName::Matches,
        ReportName::Outcomes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportName::Scientists => "scientists",
            ReportName::Problems => "problems",
            ReportName::Matches => "matches",
            ReportName::Outcomes => "outcomes",
        }
    }

    pub fn parse(code: &str) -> Option<ReportName> {
        ReportName::ALL.into_iter().find(|r| r.code() == code)
    }

    /// `scientists.csv` → `Scientists`; anything else (no `.csv`, unknown name) → `None`.
    pub fn from_file(file: &str) -> Option<ReportName> {
        file.strip_suffix(".csv").and_then(ReportName::parse)
    }

    pub fn title_key(self) -> &'static str {
        match self {
            ReportName::Scientists => "reports-name-scientists",
            ReportName::Problems => "reports-name-problems",
            ReportName::Matches => "reports-name-matches",
            ReportName::Outcomes => "reports-name-outcomes",
        }
    }

    pub fn about_key(self) -> &'static str {
        match self {
            ReportName::Scientists => "reports-about-scientists",
            ReportName::Problems => "reports-about-problems",
            ReportName::Matches => "reports-about-matches",
            ReportName::Outcomes => "reports-about-outcomes",
        }
    }
}

/// The query string of both routes, as typed (kept to show the form again).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub report: String,
    pub from: String,
    pub to: String,
    pub hub: String,
    /// Which button sent the form: `download` or `apply`.
    pub action: String,
}

impl ReportQuery {
    /// The CSV link of `name` with this query's dates and hub.
    pub fn csv_href(&self, name: ReportName) -> String {
        list_href(
            &format!("/staff/reports/{}.csv", name.code()),
            &self.filter_pairs(),
        )
    }

    /// The form with this query's values and `name` chosen, to show errors beside the fields.
    pub fn form_href(&self, name: ReportName) -> String {
        let mut pairs = vec![("report", name.code().to_string())];
        pairs.extend(self.filter_pairs());
        pairs.push(("action", "download".to_string()));
        list_href("/staff/reports", &pairs)
    }

    fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        [("from", &self.from), ("to", &self.to), ("hub", &self.hub)]
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k, v.trim().to_string()))
            .collect()
    }
}

/// Inclusive days; `None` leaves that end open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    /// Checks both dates; the errors are keyed by field (`from`, `to`) with message keys.
    pub fn parse(from: &str, to: &str) -> Result<DateRange, FieldErrors> {
        let mut errors = FieldErrors::new();
        let from = parse_day(from).unwrap_or_else(|problem| {
            errors.add("from", problem.key("from"));
            None
        });
        let to = parse_day(to).unwrap_or_else(|problem| {
            errors.add("to", problem.key("to"));
            None
        });
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.add("to", "reports-error-to-before-from");
            }
        }
        if errors.is_empty() {
            Ok(DateRange { from, to })
        } else {
            Err(errors)
        }
    }

    /// The first instant included: `from` at 00:00 UTC.
    pub fn starts_at(&self) -> Option<OffsetDateTime> {
        self.from.map(|d| d.midnight().assume_utc())
    }

    /// The first instant after the range: the day after `to` at 00:00 UTC.
    pub fn ends_before(&self) -> Option<OffsetDateTime> {
        self.to
            .and_then(|d| d.next_day())
            .map(|d| d.midnight().assume_utc())
    }

    /// `knowbridge-<name>-<from>-<to>.csv`; an open start is "start", an open end is `today`
    /// (nothing is created in the future, so the file holds everything up to that day).
    pub fn file_name(&self, name: ReportName, today: Date) -> String {
        let from = self.from.map(iso).unwrap_or_else(|| "start".into());
        let to = iso(self.to.unwrap_or(today));
        format!("knowbridge-{}-{from}-{to}.csv", name.code())
    }
}

/// `YYYY-MM-DD`, as the reports write every date.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayProblem {
    Format,
    NotReal,
}

impl DayProblem {
    fn key(self, field: &str) -> &'static str {
        match (self, field) {
            (DayProblem::Format, "from") => "reports-error-from-format",
            (DayProblem::NotReal, "from") => "reports-error-from-real",
            (DayProblem::Format, _) => "reports-error-to-format",
            (DayProblem::NotReal, _) => "reports-error-to-real",
        }
    }
}

/// A day written year-month-day. Full-width digits and separators (typed with a Japanese
/// input method) are read as ASCII, and `/` or `.` may separate the parts; empty is `None`.
fn parse_day(text: &str) -> Result<Option<Date>, DayProblem> {
    let text: String = text.nfkc().collect::<String>().trim().to_string();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(DayProblem::Format);
    };
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(year, 4, 4) || !digits(month, 1, 2) || !digits(day, 1, 2) {
        return Err(DayProblem::Format);
    }
    let (year, month, day): (i32, u8, u8) = (
        year.parse().map_err(|_| DayProblem::Format)?,
        month.parse().map_err(|_| DayProblem::Format)?,
        day.parse().map_err(|_| DayProblem::Format)?,
    );
    let month = Month::try_from(month).map_err(|_| DayProblem::NotReal)?;
    Date::from_calendar_date(year, month, day)
        .map(Some)
        .map_err(|_| DayProblem::NotReal)
}

/// The hubs a report covers, after checking the reader may ask for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HubChoice {
    /// Admins with no hub chosen: every row, whatever its hub.
    pub all_hubs: bool,
    pub hubs: Vec<String>,
    /// The hub asked for, if one was.
    pub chosen: Option<String>,
}

impl HubChoice {
    /// No hub: all of the reader's. One of theirs: that one. Another staff hub: 403. For an
    /// admin, who covers every hub, a code that is no hub at all: 404.
    pub fn resolve(scope: &HubScope, hub: &str) -> Result<HubChoice, AppError> {
        let hub = hub.trim();
        if hub.is_empty() {
            return Ok(HubChoice {
                all_hubs: scope.all_hubs,
                hubs: scope.hubs.clone(),
                chosen: None,
            });
        }
        if scope.hubs.iter().any(|h| h == hub) {
            Ok(HubChoice {
                all_hubs: false,
                hubs: vec![hub.to_string()],
                chosen: Some(hub.to_string()),
            })
        } else if scope.all_hubs {
            Err(AppError::NotFound)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// Everything the report SQL binds: `$1` all hubs, `$2` hub codes, `$3` from, `$4` before.
#[derive(Clone, Debug)]
pub struct Filter {
    pub all_hubs: bool,
    pub hubs: Vec<String>,
    pub starts_at: Option<OffsetDateTime>,
    pub ends_before: Option<OffsetDateTime>,
}

impl Filter {
    pub fn new(hubs: &HubChoice, range: &DateRange) -> Filter {
        Filter {
            all_hubs: hubs.all_hubs,
            hubs: hubs.hubs.clone(),
            starts_at: range.starts_at(),
            ends_before: range.ends_before(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn report_files_must_be_a_known_name_with_csv() {
        assert_eq!(
            ReportName::from_file("scientists.csv"),
            Some(ReportName::Scientists)
        );
        assert_eq!(
            ReportName::from_file("outcomes.csv"),
            Some(ReportName::Outcomes)
        );
        for bad in ["scientists", "users.csv", "scientists.csv.csv", ".csv", ""] {
            assert_eq!(ReportName::from_file(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_are_read_year_month_day_in_ascii_or_full_width() {
        assert_eq!(parse_day(""), Ok(None));
        assert_eq!(parse_day(" 2026-03-27 "), Ok(Some(date!(2026 - 03 - 27))));
        assert_eq!(parse_day("2026/3/7"), Ok(Some(date!(2026 - 03 - 07))));
        assert_eq!(
            parse_day("２０２６－０３－２７"),
            Ok(Some(date!(2026 - 03 - 27)))
        );
        assert_eq!(parse_day("2024-02-29"), Ok(Some(date!(2024 - 02 - 29))));
    }

    #[test]
    fn days_that_are_not_dates_are_refused_with_the_reason() {
        for bad in [
            "27/03/2026",
            "2026-03",
            "yesterday",
            "2026-03-27T00:00",
            "26-03-27",
        ] {
            assert_eq!(parse_day(bad), Err(DayProblem::Format), "{bad}");
        }
        for unreal in ["2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10"] {
            assert_eq!(parse_day(unreal), Err(DayProblem::NotReal), "{unreal}");
        }
    }

    #[test]
    fn a_range_ending_before_it_starts_is_an_error_on_the_end_date() {
        let errors = DateRange::parse("2026-05-02", "2026-05-01").unwrap_err();
        assert_eq!(errors.get("to"), Some("reports-error-to-before-from"));
        assert_eq!(errors.get("from"), None);
        let errors = DateRange::parse("bad", "2026-02-30").unwrap_err();
        assert_eq!(errors.get("from"), Some("reports-error-from-format"));
        assert_eq!(errors.get("to"), Some("reports-error-to-real"));
        assert!(DateRange::parse("2026-05-01", "2026-05-01").is_ok());
    }

    #[test]
    fn the_range_includes_both_whole_days_in_utc() {
        let range = DateRange::parse("2026-03-01", "2026-03-31").unwrap();
        assert_eq!(
            range.starts_at(),
            Some(date!(2026 - 03 - 01).midnight().assume_utc())
        );
        assert_eq!(
            range.ends_before(),
            Some(date!(2026 - 04 - 01).midnight().assume_utc())
        );
        assert_eq!(DateRange::default().starts_at(), None);
        assert_eq!(DateRange::default().ends_before(), None);
    }

    #[test]
    fn file_names_carry_the_report_and_its_days() {
        let today = date!(2026 - 11 - 22);
        let range = DateRange::parse("2026-01-01", "2026-06-30").unwrap();
        assert_eq!(
            range.file_name(ReportName::Matches, today),
            "knowbridge-matches-2026-01-01-2026-06-30.csv"
        );
        assert_eq!(
            DateRange::default().file_name(ReportName::Scientists, today),
            "knowbridge-scientists-start-2026-11-22.csv"
        );
    }

    fn scope(all_hubs: bool, hubs: &[&str]) -> HubScope {
        HubScope {
            user_id: 1,
            all_hubs,
            hubs: hubs.iter().map(|h| h.to_string()).collect(),
        }
    }

    #[test]
    fn staff_may_choose_only_their_hubs() {
        let staff = scope(false, &["jp"]);
        let all = HubChoice::resolve(&staff, "").unwrap();
        assert_eq!((all.all_hubs, all.hubs.clone()), (false, vec!["jp".into()]));
        assert_eq!(
            HubChoice::resolve(&staff, "jp").unwrap().chosen,
            Some("jp".into())
        );
        assert!(matches!(
            HubChoice::resolve(&staff, "kr"),
            Err(AppError::Forbidden)
        ));
        let admin = scope(true, &["jp", "kr"]);
        assert!(HubChoice::resolve(&admin, "").unwrap().all_hubs);
        assert!(!HubChoice::resolve(&admin, "kr").unwrap().all_hubs);
        assert!(matches!(
            HubChoice::resolve(&admin, "xx"),
            Err(AppError::NotFound)
        ));
    }

    #[test]
    fn links_keep_only_the_filters_given() {
        let query = ReportQuery {
            from: "2026-01-01".into(),
            hub: "jp".into(),
            ..ReportQuery::default()
        };
        assert_eq!(
            query.csv_href(ReportName::Problems),
            "/staff/reports/problems.csv?from=2026-01-01&hub=jp"
        );
        assert_eq!(
            ReportQuery::default().csv_href(ReportName::Outcomes),
            "/staff/reports/outcomes.csv"
        );
        assert_eq!(
            query.form_href(ReportName::Matches),
            "/staff/reports?report=matches&from=2026-01-01&hub=jp&action=download"
        );
    }
}
