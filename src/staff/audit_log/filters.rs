//! The audit viewer's filters as they arrive in the query string, and their validation.
//! Messages are i18n keys, keyed by the input's id.

use serde::Deserialize;
use time::{Date, Month};

use crate::web::forms::{FieldErrors, clean_text};
use crate::web::pagination::list_href;

/// Longest actor or target id we search for; anything longer cannot match a stored value.
pub const MAX_TEXT_CHARS: usize = 200;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    /// Part of the actor's email or name.
    pub actor: String,
    /// One action code, e.g. `problem.approved`.
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    /// First day, `YYYY-MM-DD` (UTC).
    pub from: String,
    /// Last day, inclusive.
    pub to: String,
    pub page: Option<String>,
}

/// The filters ready for SQL: empty ones are `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl AuditQuery {
    /// The same query with every value trimmed (and NFC), as the form shows it again.
    pub fn cleaned(&self) -> AuditQuery {
        AuditQuery {
            actor: clean_text(&self.actor),
            action: clean_text(&self.action),
            target_type: clean_text(&self.target_type),
            target_id: clean_text(&self.target_id),
            from: clean_text(&self.from),
            to: clean_text(&self.to),
            page: self.page.clone(),
        }
    }

    /// The filters, or the errors to show beside the fields. Call on a `cleaned()` query.
    pub fn validate(&self) -> Result<AuditFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.actor.chars().count() > MAX_TEXT_CHARS {
            errors.add("actor", "audit-error-actor-too-long");
        }
        if self.target_id.chars().count() > MAX_TEXT_CHARS {
            errors.add("target_id", "audit-error-target-id-too-long");
        }
        let from = parse_day(&self.from);
        if from.is_err() {
            errors.add("from", "audit-error-from-invalid");
        }
        let to = parse_day(&self.to);
        if to.is_err() {
            errors.add("to", "audit-error-to-invalid");
        }
        if matches!((from, to), (Ok(Some(from)), Ok(Some(to))) if to < from) {
            errors.add("to", "audit-error-to-before-from");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let some = |text: &str| (!text.is_empty()).then(|| text.to_string());
        Ok(AuditFilter {
            actor: some(&self.actor),
            action: some(&self.action),
            target_type: some(&self.target_type),
            target_id: some(&self.target_id),
            from: from.unwrap_or(None),
            to: to.unwrap_or(None),
        })
    }

    /// The requested page, if it is a positive whole number.
    pub fn page_number(&self) -> Option<i64> {
        crate::web::pagination::parse_page(self.page.as_deref())
    }

    /// This query's URL at another page (filters kept, empty ones left out).
    pub fn href(&self, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (name, value) in [
            ("actor", &self.actor),
            ("action", &self.action),
            ("target_type", &self.target_type),
            ("target_id", &self.target_id),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !value.is_empty() {
                pairs.push((name, value.clone()));
            }
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        list_href("/staff/audit", &pairs)
    }

    pub fn is_filtered(&self) -> bool {
        [
            &self.actor,
            &self.action,
            &self.target_type,
            &self.target_id,
            &self.from,
            &self.to,
        ]
        .iter()
        .any(|v| !v.is_empty())
    }
}

/// A date that is not a real `YYYY-MM-DD` day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDate;

/// "" → no date; `YYYY-MM-DD` (month and day may have one digit) → that day; else an error.
pub fn parse_day(text: &str) -> Result<Option<Date>, BadDate> {
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(BadDate);
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(year, 4..=4) || !digits(month, 1..=2) || !digits(day, 1..=2) {
        return Err(BadDate);
    }
    let year: i32 = year.parse().map_err(|_| BadDate)?;
    let month: u8 = month.parse().map_err(|_| BadDate)?;
    let day: u8 = day.parse().map_err(|_| BadDate)?;
    let month = Month::try_from(month).map_err(|_| BadDate)?;
    Date::from_calendar_date(year, month, day)
        .map(Some)
        .map_err(|_| BadDate)
}

/// `%text%` for LIKE, lower-cased, with LIKE's own wildcards taken literally.
pub fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn query(from: &str, to: &str) -> AuditQuery {
        AuditQuery {
            from: from.into(),
            to: to.into(),
            ..AuditQuery::default()
        }
    }

    #[test]
    fn days_are_year_month_day() {
        assert_eq!(parse_day(""), Ok(None));
        assert_eq!(parse_day("2026-11-03"), Ok(Some(date!(2026 - 11 - 03))));
        assert_eq!(parse_day("2026-1-3"), Ok(Some(date!(2026 - 01 - 03))));
        for bad in [
            "2026-02-30",
            "03/11/2026",
            "2026-13-01",
            "26-11-03",
            "soon",
            "2026-11-03x",
        ] {
            assert_eq!(parse_day(bad), Err(BadDate), "{bad}");
        }
    }

    #[test]
    fn a_bad_date_is_reported_beside_its_field() {
        let errors = query("yesterday", "2026-02-30").validate().unwrap_err();
        assert_eq!(errors.get("from"), Some("audit-error-from-invalid"));
        assert_eq!(errors.get("to"), Some("audit-error-to-invalid"));
        let errors = query("2026-11-05", "2026-11-04").validate().unwrap_err();
        assert_eq!(errors.get("to"), Some("audit-error-to-before-from"));
        let same_day = query("2026-11-05", "2026-11-05").validate().unwrap();
        assert_eq!(same_day.from, same_day.to);
    }

    #[test]
    fn empty_filters_are_none_and_hrefs_keep_the_rest() {
        let q = AuditQuery {
            actor: " Lan ".into(),
            action: "problem.approved".into(),
            ..AuditQuery::default()
        }
        .cleaned();
        let filter = q.validate().unwrap();
        assert_eq!(filter.actor.as_deref(), Some("Lan"));
        assert_eq!(filter.target_type, None);
        assert_eq!(
            q.href(3),
            "/staff/audit?actor=Lan&action=problem.approved&page=3"
        );
        assert_eq!(AuditQuery::default().href(1), "/staff/audit");
    }

    #[test]
    fn like_wildcards_are_taken_literally() {
        assert_eq!(contains_pattern("Ab%_\\"), "%ab\\%\\_\\\\%");
    }
}
