//! The profile form: what the browser sent (kept as typed, for re-rendering) and its validation
//! into a [`Profile`]. Multi-valued fields repeat their name; publications are rows of
//! `publication_title`, `publication_venue`, `publication_year`, `publication_doi`.

use time::{Date, Month};

use crate::scientists::model::{
    LanguageSkill, Profile, Publication, Visibility, normalise_doi, normalise_orcid,
};
use crate::taxonomy::Taxonomy;
use crate::web::forms::{FieldErrors, RawForm, clean_text};

pub const MAX_KEYWORDS: usize = 30;
pub const MAX_KEYWORD_CHARS: usize = 60;
pub const MAX_SUMMARY_CHARS: usize = 10_000;
pub const MAX_PUBLICATIONS: usize = 50;
const SHORT_TEXT_CHARS: usize = 200;

#[derive(Clone, Debug, Default)]
pub struct PublicationRow {
    pub title: String,
    pub venue: String,
    pub year: String,
    pub doi: String,
}

/// The form as typed. Every value is a string so a rejected form shows exactly what was sent.
#[derive(Clone, Debug, Default)]
pub struct ProfileForm {
    pub full_name: String,
    pub name_reading: String,
    pub position: String,
    pub affiliation: String,
    pub hub: String,
    pub city: String,
    pub highest_degree: String,
    pub years_abroad: String,
    pub fields: Vec<String>,
    pub keywords: String,
    pub summary: String,
    /// `language:level` pairs, e.g. `ja:fluent`.
    pub languages: Vec<String>,
    pub engagement_kinds: Vec<String>,
    pub available_hours_per_month: String,
    pub available_from: String,
    pub available_until: String,
    pub willing_to_travel: bool,
    pub orcid: String,
    pub researchmap_id: String,
    pub publications: Vec<PublicationRow>,
    pub visibility: String,
}

impl ProfileForm {
    pub fn from_raw(raw: &RawForm) -> ProfileForm {
        let text = |name: &str| clean_text(raw.one(name));
        let list = |name: &str| -> Vec<String> {
            raw.all(name)
                .into_iter()
                .map(clean_text)
                .filter(|v| !v.is_empty())
                .collect()
        };
        ProfileForm {
            full_name: text("full_name"),
            name_reading: text("name_reading"),
            position: text("position"),
            affiliation: text("affiliation"),
            hub: text("hub"),
            city: text("city"),
            highest_degree: text("highest_degree"),
            years_abroad: text("years_abroad"),
            fields: list("fields"),
            keywords: raw.all("keywords").join(", "),
            summary: raw.one("summary").trim().replace("\r\n", "\n"),
            languages: list("languages"),
            engagement_kinds: list("engagement_kinds"),
            available_hours_per_month: text("available_hours_per_month"),
            available_from: text("available_from"),
            available_until: text("available_until"),
            willing_to_travel: raw.one("willing_to_travel") == "yes",
            orcid: text("orcid"),
            researchmap_id: text("researchmap_id"),
            publications: publication_rows(raw),
            visibility: text("visibility"),
        }
    }

    /// The form filled from a saved profile, for editing.
    pub fn from_profile(p: &Profile) -> ProfileForm {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let num = |v: Option<i32>| v.map(|n| n.to_string()).unwrap_or_default();
        ProfileForm {
            full_name: p.full_name.clone(),
            name_reading: opt(&p.name_reading),
            position: p.position.clone(),
            affiliation: p.affiliation.clone(),
            hub: p.hub_code.clone(),
            city: opt(&p.city),
            highest_degree: opt(&p.highest_degree),
            years_abroad: num(p.years_abroad),
            fields: p.fields.clone(),
            keywords: p.keywords.join(", "),
            summary: p.summary_md.clone(),
            languages: p
                .languages
                .iter()
                .map(|l| format!("{}:{}", l.language, l.level))
                .collect(),
            engagement_kinds: p.engagement_kinds.clone(),
            available_hours_per_month: num(p.available_hours_per_month),
            available_from: p.available_from.map(month_text).unwrap_or_default(),
            available_until: p.available_until.map(month_text).unwrap_or_default(),
            willing_to_travel: p.willing_to_travel,
            orcid: opt(&p.orcid),
            researchmap_id: opt(&p.researchmap_id),
            publications: p
                .publications
                .iter()
                .map(|publication| PublicationRow {
                    title: publication.title.clone(),
                    venue: publication.venue.clone().unwrap_or_default(),
                    year: num(publication.year),
                    doi: publication.doi.clone().unwrap_or_default(),
                })
                .collect(),
            visibility: p.visibility.code().to_string(),
        }
    }

    pub fn has_field(&self, code: &str) -> bool {
        self.fields.iter().any(|f| f == code)
    }

    /// True when any of `fields` is chosen (to open that area's section).
    pub fn has_any_field(&self, fields: &[crate::taxonomy::Term]) -> bool {
        fields.iter().any(|f| self.has_field(&f.code))
    }

    pub fn offers(&self, kind: &str) -> bool {
        self.engagement_kinds.iter().any(|k| k == kind)
    }

    /// The level chosen for `language`, or "".
    pub fn level_of(&self, language: &str) -> &str {
        self.languages
            .iter()
            .filter_map(|pair| pair.split_once(':'))
            .find(|(code, _)| *code == language)
            .map(|(_, level)| level)
            .unwrap_or("")
    }

    /// Checks every field against the rules and the reference data.
    pub fn validate(&self, taxonomy: &Taxonomy) -> Result<Profile, FieldErrors> {
        let mut errors = FieldErrors::new();
        required_text(
            &mut errors,
            "full_name",
            &self.full_name,
            "error-full-name-missing",
        );
        optional_length(&mut errors, "name_reading", &self.name_reading);
        if !Taxonomy::has(&taxonomy.positions, &self.position) {
            errors.add("position", "error-position-missing");
        }
        required_text(
            &mut errors,
            "affiliation",
            &self.affiliation,
            "error-affiliation-missing",
        );
        if !Taxonomy::has(&taxonomy.hubs, &self.hub) {
            errors.add("hub", "error-hub-missing");
        }
        optional_length(&mut errors, "city", &self.city);
        optional_length(&mut errors, "highest_degree", &self.highest_degree);
        let years_abroad = optional_number(
            &mut errors,
            "years_abroad",
            &self.years_abroad,
            (0, 80),
            "error-years-abroad-invalid",
        );
        self.check_fields(taxonomy, &mut errors);
        let keywords = self.parse_keywords(&mut errors);
        if self.summary.chars().count() > MAX_SUMMARY_CHARS {
            errors.add("summary", "error-summary-too-long");
        }
        let languages = self.parse_languages(taxonomy, &mut errors);
        self.check_engagements(taxonomy, &mut errors);
        let hours = optional_number(
            &mut errors,
            "available_hours_per_month",
            &self.available_hours_per_month,
            (1, 300),
            "error-hours-invalid",
        );
        let (from, until) = self.parse_availability(&mut errors);
        let orcid = self.parse_orcid(&mut errors);
        let researchmap_id = self.parse_researchmap(&mut errors);
        let publications = self.parse_publications(&mut errors);
        let visibility = Visibility::parse(&self.visibility);
        if visibility.is_none() {
            errors.add("visibility", "error-visibility-missing");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Profile {
            full_name: self.full_name.clone(),
            name_reading: non_empty(&self.name_reading),
            position: self.position.clone(),
            affiliation: self.affiliation.clone(),
            hub_code: self.hub.clone(),
            city: non_empty(&self.city),
            highest_degree: non_empty(&self.highest_degree),
            years_abroad,
            fields: self.fields.clone(),
            keywords,
            summary_md: self.summary.clone(),
            languages,
            engagement_kinds: self.engagement_kinds.clone(),
            available_hours_per_month: hours,
            available_from: from,
            available_until: until,
            willing_to_travel: self.willing_to_travel,
            orcid,
            researchmap_id,
            publications,
            visibility: visibility.unwrap_or(Visibility::Members),
        })
    }

    fn check_fields(&self, taxonomy: &Taxonomy, errors: &mut FieldErrors) {
        if self.fields.is_empty() {
            errors.add("fields", "error-fields-missing");
        } else if self
            .fields
            .iter()
            .any(|code| taxonomy.field(code).is_none())
        {
            errors.add("fields", "error-field-unknown");
        }
    }

    fn check_engagements(&self, taxonomy: &Taxonomy, errors: &mut FieldErrors) {
        if self.engagement_kinds.is_empty() {
            errors.add("engagement_kinds", "error-engagement-missing");
        } else if self
            .engagement_kinds
            .iter()
            .any(|k| !Taxonomy::has(&taxonomy.engagement_kinds, k))
        {
            errors.add("engagement_kinds", "error-engagement-unknown");
        }
    }

    fn parse_keywords(&self, errors: &mut FieldErrors) -> Vec<String> {
        let mut keywords: Vec<String> = Vec::new();
        for keyword in self.keywords.split([',', '、', ';', '\n']).map(clean_text) {
            let duplicate = keywords
                .iter()
                .any(|k| k.to_lowercase() == keyword.to_lowercase());
            if !keyword.is_empty() && !duplicate {
                keywords.push(keyword);
            }
        }
        if keywords.len() > MAX_KEYWORDS {
            errors.add("keywords", "error-keywords-too-many");
        } else if keywords
            .iter()
            .any(|k| k.chars().count() > MAX_KEYWORD_CHARS)
        {
            errors.add("keywords", "error-keyword-too-long");
        }
        keywords
    }

    fn parse_languages(&self, taxonomy: &Taxonomy, errors: &mut FieldErrors) -> Vec<LanguageSkill> {
        let mut skills = Vec::new();
        for pair in &self.languages {
            let known = pair.split_once(':').filter(|(language, level)| {
                Taxonomy::has(&taxonomy.languages, language)
                    && Taxonomy::has(&taxonomy.language_levels, level)
            });
            match known {
                Some((language, level))
                    if !skills
                        .iter()
                        .any(|s: &LanguageSkill| s.language == language) =>
                {
                    skills.push(LanguageSkill {
                        language: language.into(),
                        level: level.into(),
                    })
                }
                Some(_) => {}
                None => errors.add("languages", "error-language-unknown"),
            }
        }
        skills
    }

    fn parse_availability(&self, errors: &mut FieldErrors) -> (Option<Date>, Option<Date>) {
        let from = optional_month(errors, "available_from", &self.available_from);
        let until = optional_month(errors, "available_until", &self.available_until);
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                errors.add("available_until", "error-until-before-from");
            }
        }
        (from, until)
    }

    fn parse_orcid(&self, errors: &mut FieldErrors) -> Option<String> {
        if self.orcid.is_empty() {
            return None;
        }
        let orcid = normalise_orcid(&self.orcid);
        if orcid.is_none() {
            errors.add("orcid", "error-orcid-invalid");
        }
        orcid
    }

    fn parse_researchmap(&self, errors: &mut FieldErrors) -> Option<String> {
        let id = self
            .researchmap_id
            .trim_start_matches("https://researchmap.jp/");
        if id.is_empty() {
            return None;
        }
        let valid = (2..=64).contains(&id.len())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !valid {
            errors.add("researchmap_id", "error-researchmap-invalid");
        }
        Some(id.to_string())
    }

    fn parse_publications(&self, errors: &mut FieldErrors) -> Vec<Publication> {
        let rows: Vec<(usize, &PublicationRow)> = self
            .publications
            .iter()
            .enumerate()
            .filter(|(_, row)| !is_blank(row))
            .collect();
        if rows.len() > MAX_PUBLICATIONS {
            errors.add("publication_title-0", "error-publications-too-many");
        }
        rows.into_iter()
            .map(|(index, row)| parse_publication(index, row, errors))
            .collect()
    }
}

fn parse_publication(index: usize, row: &PublicationRow, errors: &mut FieldErrors) -> Publication {
    if row.title.is_empty() {
        errors.add(
            format!("publication_title-{index}"),
            "error-publication-title-missing",
        );
    } else if row.title.chars().count() > 500 {
        errors.add(
            format!("publication_title-{index}"),
            "error-publication-title-too-long",
        );
    }
    if row.venue.chars().count() > SHORT_TEXT_CHARS {
        errors.add(format!("publication_venue-{index}"), "error-text-too-long");
    }
    let year = optional_number(
        errors,
        format!("publication_year-{index}"),
        &row.year,
        (1900, 2100),
        "error-publication-year-invalid",
    );
    let doi = if row.doi.is_empty() {
        None
    } else {
        // Real DOIs are far shorter; the cap keeps a pasted essay out of the column.
        let doi = normalise_doi(&row.doi).filter(|_| row.doi.chars().count() <= SHORT_TEXT_CHARS);
        if doi.is_none() {
            errors.add(format!("publication_doi-{index}"), "error-doi-invalid");
        }
        doi
    };
    Publication {
        title: row.title.clone(),
        venue: non_empty(&row.venue),
        year,
        doi,
    }
}

fn publication_rows(raw: &RawForm) -> Vec<PublicationRow> {
    let titles = raw.all("publication_title");
    let venues = raw.all("publication_venue");
    let years = raw.all("publication_year");
    let dois = raw.all("publication_doi");
    let removed: Vec<&str> = raw.all("publication_remove");
    (0..titles.len())
        .filter(|index| !removed.contains(&index.to_string().as_str()))
        .map(|index| PublicationRow {
            title: clean_text(titles[index]),
            venue: clean_text(venues.get(index).copied().unwrap_or("")),
            year: clean_text(years.get(index).copied().unwrap_or("")),
            doi: clean_text(dois.get(index).copied().unwrap_or("")),
        })
        .collect()
}

fn is_blank(row: &PublicationRow) -> bool {
    row.title.is_empty() && row.venue.is_empty() && row.year.is_empty() && row.doi.is_empty()
}

fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    missing: &'static str,
) {
    if value.is_empty() {
        errors.add(field, missing);
    } else if value.chars().count() > SHORT_TEXT_CHARS {
        errors.add(field, "error-text-too-long");
    }
}

fn optional_length(errors: &mut FieldErrors, field: &'static str, value: &str) {
    if value.chars().count() > SHORT_TEXT_CHARS {
        errors.add(field, "error-text-too-long");
    }
}

/// A whole number within `range` (inclusive), or `None` when left empty; anything else gets
/// `error_key`, whose message names the field and the range.
fn optional_number(
    errors: &mut FieldErrors,
    field: impl Into<String>,
    value: &str,
    (min, max): (i32, i32),
    error_key: &'static str,
) -> Option<i32> {
    if value.is_empty() {
        return None;
    }
    let number = value
        .parse::<i32>()
        .ok()
        .filter(|n| (min..=max).contains(n));
    if number.is_none() {
        errors.add(field, error_key);
    }
    number
}

/// A month written `YYYY-MM` (or `YYYY/MM`), stored as its first day.
fn optional_month(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<Date> {
    if value.is_empty() {
        return None;
    }
    let parsed = value
        .split_once(['-', '/'])
        .and_then(|(y, m)| Some((y.trim().parse::<i32>().ok()?, m.trim().parse::<u8>().ok()?)))
        .filter(|(y, _)| (2000..=2100).contains(y))
        .and_then(|(y, m)| Date::from_calendar_date(y, Month::try_from(m).ok()?, 1).ok());
    if parsed.is_none() {
        errors.add(field, "error-month-invalid");
    }
    parsed
}

pub fn month_text(date: Date) -> String {
    format!("{}-{:02}", date.year(), u8::from(date.month()))
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}
