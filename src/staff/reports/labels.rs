//! The words a report writes in its cells, in the reader's language, looked up once per export
//! (a report of 100,000 rows asks for the same few labels again and again), and the helpers
//! that turn values into cells.

use std::collections::HashMap;

use time::{Date, OffsetDateTime, UtcOffset};

use crate::i18n::Locale;
use crate::matches::model::State;
use crate::orgs::model::OrgKind;
use crate::problems::model::Status;
use crate::staff::reports::params::iso;
use crate::taxonomy::{Taxonomy, Term};

/// Message keys a cell may show, besides those built from codes below.
const CELL_KEYS: [&str; 17] = [
    "reports-yes",
    "reports-no",
    "reports-all-hubs",
    "reports-visibility-public",
    "reports-visibility-members",
    "reports-visibility-staff",
    "reports-account-active",
    "reports-account-suspended",
    "reports-confidentiality-public",
    "reports-confidentiality-members",
    "reports-confidentiality-invite-only",
    "reports-problem-outcome-fulfilled",
    "reports-problem-outcome-withdrawn",
    "match-origin-interest",
    "match-origin-invitation",
    "match-origin-proposal",
    "match-kind-open",
];

pub struct Labels {
    pub locale: Locale,
    hubs: HashMap<String, String>,
    fields: HashMap<String, String>,
    positions: HashMap<String, String>,
    languages: HashMap<String, String>,
    levels: HashMap<String, String>,
    engagements: HashMap<String, String>,
    mechanisms: HashMap<String, String>,
    texts: HashMap<String, String>,
}

fn by_code(terms: &[Term], locale: Locale) -> HashMap<String, String> {
    terms
        .iter()
        .map(|t| (t.code.clone(), t.label(locale).to_string()))
        .collect()
}

impl Labels {
    pub fn new(locale: Locale, taxonomy: &Taxonomy) -> Labels {
        let fields = taxonomy
            .areas
            .iter()
            .flat_map(|a| std::iter::once(&a.area).chain(a.fields.iter()))
            .map(|t| (t.code.clone(), t.label(locale).to_string()))
            .collect();
        let keys = CELL_KEYS
            .iter()
            .map(|k| k.to_string())
            .chain(State::ALL.iter().map(|s| state_key(s.code())))
            .chain(Status::ALL.iter().map(|s| s.label_key().to_string()))
            .chain(OrgKind::ALL.iter().map(|k| k.label_key().to_string()));
        Labels {
            locale,
            hubs: by_code(&taxonomy.hubs, locale),
            fields,
            positions: by_code(&taxonomy.positions, locale),
            languages: by_code(&taxonomy.languages, locale),
            levels: by_code(&taxonomy.language_levels, locale),
            engagements: by_code(&taxonomy.engagement_kinds, locale),
            mechanisms: by_code(&taxonomy.mechanisms, locale),
            texts: keys
                .map(|key| {
                    let text = locale.t(&key);
                    (key, text)
                })
                .collect(),
        }
    }

    /// The message of `key`; a key that is not prepared is looked up (never expected).
    pub fn text(&self, key: &str) -> String {
        self.texts
            .get(key)
            .cloned()
            .unwrap_or_else(|| self.locale.t(key))
    }

    /// The column headings of a report, from their message keys.
    pub fn header(&self, keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| self.locale.t(k)).collect()
    }

    pub fn hub(&self, code: &str) -> String {
        label(&self.hubs, code)
    }

    pub fn position(&self, code: &str) -> String {
        label(&self.positions, code)
    }

    pub fn engagement(&self, code: Option<&str>) -> String {
        match code {
            Some(code) => label(&self.engagements, code),
            None => self.text("match-kind-open"),
        }
    }

    pub fn mechanism(&self, code: Option<&str>) -> String {
        code.map(|c| label(&self.mechanisms, c)).unwrap_or_default()
    }

    pub fn fields(&self, codes: &[String]) -> String {
        self.list(codes.iter().map(|c| label(&self.fields, c)))
    }

    pub fn engagements(&self, codes: &[String]) -> String {
        self.list(codes.iter().map(|c| label(&self.engagements, c)))
    }

    pub fn languages(&self, codes: &[String]) -> String {
        self.list(codes.iter().map(|c| label(&self.languages, c)))
    }

    /// A problem's target hubs; none means every hub.
    pub fn target_hubs(&self, codes: &[String]) -> String {
        if codes.is_empty() {
            return self.text("reports-all-hubs");
        }
        self.list(codes.iter().map(|c| self.hub(c)))
    }

    /// `code:level` pairs as "Japanese (Native); English (Fluent)".
    pub fn languages_with_levels(&self, pairs: &[String]) -> String {
        self.list(pairs.iter().map(|pair| {
            let (code, level) = pair.split_once(':').unwrap_or((pair, ""));
            let (language, level) = (label(&self.languages, code), label(&self.levels, level));
            match self.locale {
                Locale::Ja => format!("{language}（{level}）"),
                Locale::Vi | Locale::En => format!("{language} ({level})"),
            }
        }))
    }

    pub fn yes_no(&self, value: bool) -> String {
        self.text(if value { "reports-yes" } else { "reports-no" })
    }

    pub fn visibility(&self, code: &str) -> String {
        self.coded("reports-visibility-", code)
    }

    pub fn confidentiality(&self, code: &str) -> String {
        self.coded("reports-confidentiality-", code)
    }

    pub fn problem_outcome(&self, code: Option<&str>) -> String {
        code.map(|c| self.coded("reports-problem-outcome-", c))
            .unwrap_or_default()
    }

    pub fn origin(&self, code: &str) -> String {
        self.coded("match-origin-", code)
    }

    pub fn match_state(&self, code: &str) -> String {
        self.texts
            .get(&state_key(code))
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    pub fn problem_status(&self, code: &str) -> String {
        Status::parse(code)
            .map(|s| self.text(s.label_key()))
            .unwrap_or_else(|| code.to_string())
    }

    pub fn org_kind(&self, code: &str) -> String {
        OrgKind::parse(code)
            .map(|k| self.text(k.label_key()))
            .unwrap_or_else(|| code.to_string())
    }

    /// The label of `prefix` + `code` (underscores as hyphens), or the code if there is none.
    fn coded(&self, prefix: &str, code: &str) -> String {
        let key = format!("{prefix}{}", code.replace('_', "-"));
        self.texts
            .get(&key)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    /// Items of one cell: "; " between them, 「、」 in Japanese (labels may contain commas).
    fn list(&self, items: impl Iterator<Item = String>) -> String {
        let separator = match self.locale {
            Locale::Ja => "、",
            Locale::Vi | Locale::En => "; ",
        };
        items.collect::<Vec<_>>().join(separator)
    }
}

fn state_key(code: &str) -> String {
    format!("match-state-{code}")
}

fn label(map: &HashMap<String, String>, code: &str) -> String {
    map.get(code).cloned().unwrap_or_else(|| code.to_string())
}

/// Text a user typed. A leading `=`, `+`, `-`, `@`, tab or carriage return would make a
/// spreadsheet read the cell as a formula; an apostrophe in front keeps it text.
pub fn user_text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

pub fn opt_text(value: Option<&str>) -> String {
    value.map(user_text).unwrap_or_default()
}

/// The UTC day of an instant, `YYYY-MM-DD`.
pub fn day(at: OffsetDateTime) -> String {
    iso(at.to_offset(UtcOffset::UTC).date())
}

pub fn opt_day(at: Option<OffsetDateTime>) -> String {
    at.map(day).unwrap_or_default()
}

pub fn opt_date(date: Option<Date>) -> String {
    date.map(iso).unwrap_or_default()
}

pub fn opt_number(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Whole days from `start` to `end`, when both are known.
pub fn days_between(start: Option<OffsetDateTime>, end: Option<OffsetDateTime>) -> String {
    match (start, end) {
        (Some(start), Some(end)) => (end - start).whole_days().to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn text_that_a_spreadsheet_would_run_gets_an_apostrophe() {
        assert_eq!(user_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(user_text("+84 912"), "'+84 912");
        assert_eq!(user_text("-5% cost"), "'-5% cost");
        assert_eq!(user_text("@cmd"), "'@cmd");
        assert_eq!(user_text("Bán dẫn = tương lai"), "Bán dẫn = tương lai");
        assert_eq!(user_text(""), "");
    }

    #[test]
    fn instants_become_their_utc_day() {
        assert_eq!(day(datetime!(2026-03-31 23:30 -02:00)), "2026-04-01");
        assert_eq!(day(datetime!(2026-03-31 23:30 UTC)), "2026-03-31");
        assert_eq!(
            days_between(
                Some(datetime!(2026-03-01 10:00 UTC)),
                Some(datetime!(2026-03-11 09:00 UTC))
            ),
            "9"
        );
        assert_eq!(
            days_between(None, Some(datetime!(2026-03-11 09:00 UTC))),
            ""
        );
    }
}
