//! The problem form and the close form: what the browser sent (kept as typed, for
//! re-rendering) and its validation into a [`Problem`]. Repeated fields repeat their name
//! (`fields`, `engagement_kinds`, `target_hubs`, `working_languages`); the deadline is three
//! inputs, `deadline_day`, `deadline_month` and `deadline_year`, as GOV.UK and DADS ask.

use time::Date;

use crate::problems::model::{Confidentiality, Outcome, Problem};
use crate::problems::parse::{parse_amount, parse_date};
use crate::taxonomy::{Taxonomy, Term};
use crate::web::forms::{FieldErrors, RawForm, clean_text};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_SUMMARY_CHARS: usize = 1_000;
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
pub const MAX_KEYWORDS: usize = 30;
pub const MAX_KEYWORD_CHARS: usize = 60;
pub const MAX_LOCATION_CHARS: usize = 200;
pub const MAX_OUTCOME_NOTE_CHARS: usize = 2_000;
/// The currencies offered; the database accepts any ISO 4217 code for later hubs.
pub const CURRENCIES: [&str; 3] = ["VND", "JPY", "USD"];

#[derive(Clone, Debug, Default)]
pub struct ProblemForm {
    pub org_id: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub fields: Vec<String>,
    pub keywords: String,
    pub engagement_kinds: Vec<String>,
    pub working_languages: Vec<String>,
    pub mechanism: String,
    pub budget_min: String,
    pub budget_max: String,
    pub currency: String,
    pub duration_months: String,
    pub location: String,
    pub deadline_day: String,
    pub deadline_month: String,
    pub deadline_year: String,
    pub target_hubs: Vec<String>,
    pub confidentiality: String,
}

impl ProblemForm {
    pub fn from_raw(raw: &RawForm) -> ProblemForm {
        let text = |name: &str| clean_text(raw.one(name));
        let list = |name: &str| -> Vec<String> {
            raw.all(name)
                .into_iter()
                .map(clean_text)
                .filter(|v| !v.is_empty())
                .collect()
        };
        let long_text = |name: &str| -> String { clean_text(&raw.one(name).replace("\r\n", "\n")) };
        ProblemForm {
            org_id: text("org_id"),
            title: text("title"),
            summary: long_text("summary"),
            description: long_text("description"),
            fields: list("fields"),
            keywords: raw.all("keywords").join(", "),
            engagement_kinds: list("engagement_kinds"),
            working_languages: list("working_languages"),
            mechanism: text("mechanism"),
            budget_min: text("budget_min"),
            budget_max: text("budget_max"),
            currency: text("currency").to_ascii_uppercase(),
            duration_months: text("duration_months"),
            location: text("location"),
            deadline_day: text("deadline_day"),
            deadline_month: text("deadline_month"),
            deadline_year: text("deadline_year"),
            target_hubs: list("target_hubs"),
            confidentiality: text("confidentiality"),
        }
    }

    /// The form filled from a saved problem, for editing.
    pub fn from_problem(p: &Problem) -> ProblemForm {
        let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        ProblemForm {
            org_id: p.org_id.to_string(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            description: p.description_md.clone(),
            fields: p.fields.clone(),
            keywords: p.keywords.join(", "),
            engagement_kinds: p.engagement_kinds.clone(),
            working_languages: p.working_languages.clone(),
            mechanism: opt(&p.mechanism),
            budget_min: num(p.budget_min),
            budget_max: num(p.budget_max),
            currency: opt(&p.currency),
            duration_months: num(p.duration_months.map(i64::from)),
            location: opt(&p.location),
            deadline_day: p.deadline.map(|d| d.day().to_string()).unwrap_or_default(),
            deadline_month: p
                .deadline
                .map(|d| u8::from(d.month()).to_string())
                .unwrap_or_default(),
            deadline_year: p.deadline.map(|d| d.year().to_string()).unwrap_or_default(),
            target_hubs: p.target_hubs.clone(),
            confidentiality: p.confidentiality.code().to_string(),
        }
    }

    pub fn has(list: &[String], code: &str) -> bool {
        list.iter().any(|v| v == code)
    }

    /// True when any of `fields` is chosen (to open that area's section).
    pub fn has_any_field(&self, fields: &[Term]) -> bool {
        fields.iter().any(|f| Self::has(&self.fields, &f.code))
    }

    /// Checks every field against the rules, the reference data, the author's organisations
    /// (`org_ids`) and `today` (the deadline must be later).
    pub fn validate(
        &self,
        taxonomy: &Taxonomy,
        org_ids: &[i64],
        today: Date,
    ) -> Result<Problem, FieldErrors> {
        let mut errors = FieldErrors::new();
        let org_id = self
            .org_id
            .parse::<i64>()
            .ok()
            .filter(|id| org_ids.contains(id));
        if org_id.is_none() {
            errors.add("org_id", "error-problem-org-missing");
        }
        self.check_texts(&mut errors);
        check_codes(
            &mut errors,
            "fields",
            &self.fields,
            |c| taxonomy.field(c).is_some(),
            (
                "error-problem-fields-missing",
                "error-problem-field-unknown",
            ),
        );
        let keywords = parse_keywords(&mut errors, &self.keywords);
        check_codes(
            &mut errors,
            "engagement_kinds",
            &self.engagement_kinds,
            |c| Taxonomy::has(&taxonomy.engagement_kinds, c),
            (
                "error-problem-engagement-missing",
                "error-problem-engagement-unknown",
            ),
        );
        check_codes(
            &mut errors,
            "working_languages",
            &self.working_languages,
            |c| Taxonomy::has(&taxonomy.languages, c),
            (
                "error-problem-languages-missing",
                "error-problem-language-unknown",
            ),
        );
        if !self.mechanism.is_empty() && !Taxonomy::has(&taxonomy.mechanisms, &self.mechanism) {
            errors.add("mechanism", "error-problem-mechanism-unknown");
        }
        let (budget_min, budget_max, currency) = self.parse_budget(&mut errors);
        let duration_months = self.parse_duration(&mut errors);
        if self.location.chars().count() > MAX_LOCATION_CHARS {
            errors.add("location", "error-problem-location-too-long");
        }
        let deadline = self.parse_deadline(&mut errors, today);
        if self
            .target_hubs
            .iter()
            .any(|h| !Taxonomy::has(&taxonomy.hubs, h))
        {
            errors.add("target_hubs", "error-problem-hub-unknown");
        }
        let confidentiality = Confidentiality::parse(&self.confidentiality);
        if confidentiality.is_none() {
            errors.add("confidentiality", "error-problem-confidentiality-missing");
        }
        match (org_id, confidentiality) {
            (Some(org_id), Some(confidentiality)) if errors.is_empty() => Ok(Problem {
                org_id,
                title: self.title.clone(),
                summary: self.summary.clone(),
                description_md: self.description.clone(),
                fields: dedup(&self.fields),
                keywords,
                engagement_kinds: dedup(&self.engagement_kinds),
                mechanism: non_empty(&self.mechanism),
                budget_min,
                budget_max,
                currency,
                location: non_empty(&self.location),
                duration_months,
                deadline,
                target_hubs: dedup(&self.target_hubs),
                working_languages: dedup(&self.working_languages),
                confidentiality,
            }),
            _ => Err(errors),
        }
    }

    fn check_texts(&self, errors: &mut FieldErrors) {
        let texts = [
            (
                "title",
                &self.title,
                MAX_TITLE_CHARS,
                "error-problem-title-missing",
                "error-problem-title-too-long",
            ),
            (
                "summary",
                &self.summary,
                MAX_SUMMARY_CHARS,
                "error-problem-summary-missing",
                "error-problem-summary-too-long",
            ),
        ];
        for (field, value, max, missing, too_long) in texts {
            if value.is_empty() {
                errors.add(field, missing);
            } else if value.chars().count() > max {
                errors.add(field, too_long);
            }
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.add("description", "error-problem-description-too-long");
        }
    }

    fn parse_budget(&self, errors: &mut FieldErrors) -> (Option<i64>, Option<i64>, Option<String>) {
        let min = optional_amount(
            errors,
            "budget_min",
            &self.budget_min,
            "error-problem-budget-min-invalid",
        );
        let max = optional_amount(
            errors,
            "budget_max",
            &self.budget_max,
            "error-problem-budget-max-invalid",
        );
        if let (Some(min), Some(max)) = (min, max) {
            if max < min {
                errors.add("budget_max", "error-problem-budget-order");
            }
        }
        let has_budget = !self.budget_min.is_empty() || !self.budget_max.is_empty();
        if self.currency.is_empty() {
            if has_budget {
                errors.add("currency", "error-problem-currency-missing");
            }
        } else if !CURRENCIES.contains(&self.currency.as_str()) {
            errors.add("currency", "error-problem-currency-unknown");
        }
        // A currency without an amount says nothing: it is not stored.
        let currency = has_budget.then(|| self.currency.clone());
        (min, max, currency)
    }

    fn parse_duration(&self, errors: &mut FieldErrors) -> Option<i32> {
        if self.duration_months.is_empty() {
            return None;
        }
        let months = self
            .duration_months
            .parse::<i32>()
            .ok()
            .filter(|m| (1..=120).contains(m));
        if months.is_none() {
            errors.add("duration_months", "error-problem-duration-invalid");
        }
        months
    }

    fn parse_deadline(&self, errors: &mut FieldErrors, today: Date) -> Option<Date> {
        match parse_date(
            &self.deadline_day,
            &self.deadline_month,
            &self.deadline_year,
        ) {
            Ok(date) if date <= today => {
                errors.add("deadline", "error-problem-deadline-past");
                None
            }
            Ok(date) => Some(date),
            Err(key) => {
                errors.add("deadline", key);
                None
            }
        }
    }
}

/// A list of codes: at least one, each known to `known`.
fn check_codes(
    errors: &mut FieldErrors,
    field: &'static str,
    codes: &[String],
    known: impl Fn(&str) -> bool,
    (missing, unknown): (&'static str, &'static str),
) {
    if codes.is_empty() {
        errors.add(field, missing);
    } else if codes.iter().any(|c| !known(c)) {
        errors.add(field, unknown);
    }
}

/// Keywords separated by commas (or 、 ; and new lines), without duplicates.
fn parse_keywords(errors: &mut FieldErrors, text: &str) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    for keyword in text.split([',', '、', ';', '\n']).map(clean_text) {
        let duplicate = keywords
            .iter()
            .any(|k| k.to_lowercase() == keyword.to_lowercase());
        if !keyword.is_empty() && !duplicate {
            keywords.push(keyword);
        }
    }
    if keywords.len() > MAX_KEYWORDS {
        errors.add("keywords", "error-problem-keywords-too-many");
    } else if keywords
        .iter()
        .any(|k| k.chars().count() > MAX_KEYWORD_CHARS)
    {
        errors.add("keywords", "error-problem-keyword-too-long");
    }
    keywords
}

fn optional_amount(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    error_key: &'static str,
) -> Option<i64> {
    if value.is_empty() {
        return None;
    }
    let amount = parse_amount(value);
    if amount.is_none() {
        errors.add(field, error_key);
    }
    amount
}

fn dedup(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

/// The form that closes a published problem.
#[derive(Clone, Debug, Default)]
pub struct CloseForm {
    pub outcome: String,
    pub outcome_note: String,
}

impl CloseForm {
    pub fn from_raw(raw: &RawForm) -> CloseForm {
        CloseForm {
            outcome: clean_text(raw.one("outcome")),
            outcome_note: clean_text(&raw.one("outcome_note").replace("\r\n", "\n")),
        }
    }

    pub fn validate(&self) -> Result<(Outcome, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let outcome = Outcome::parse(&self.outcome);
        if outcome.is_none() {
            errors.add("outcome", "error-problem-outcome-missing");
        }
        if self.outcome_note.is_empty() {
            errors.add("outcome_note", "error-problem-outcome-note-missing");
        } else if self.outcome_note.chars().count() > MAX_OUTCOME_NOTE_CHARS {
            errors.add("outcome_note", "error-problem-outcome-note-too-long");
        }
        match outcome {
            Some(outcome) if errors.is_empty() => Ok((outcome, self.outcome_note.clone())),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_needs_an_outcome_and_a_note() {
        let form = CloseForm {
            outcome: "fulfilled".into(),
            outcome_note: "Hợp tác với Đại học Tohoku.".into(),
        };
        assert_eq!(form.validate().unwrap().0, Outcome::Fulfilled);
        let errors = CloseForm::default().validate().unwrap_err();
        assert_eq!(errors.get("outcome"), Some("error-problem-outcome-missing"));
        assert_eq!(
            errors.get("outcome_note"),
            Some("error-problem-outcome-note-missing")
        );
        let long = CloseForm {
            outcome: "withdrawn".into(),
            outcome_note: "x".repeat(2001),
        };
        assert_eq!(
            long.validate().unwrap_err().get("outcome_note"),
            Some("error-problem-outcome-note-too-long")
        );
    }
}
