//! Page structs for the problem form, the problem page, the board, the close form and the
//! short explanation pages; one struct per template.

use askama::Template;
use time::Date;

use crate::i18n::{Locale, format_date};
use crate::orgs::model::name_for;
use crate::orgs::queries::OrgRow;
use crate::problems::forms::{CURRENCIES, CloseForm, ProblemForm};
use crate::problems::model::{Confidentiality, Outcome, Problem, Status};
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

/// One of the author's organisations in the form's select.
pub struct OrgOption {
    pub id: String,
    pub name: String,
    pub lang: &'static str,
}

impl OrgOption {
    pub fn list(orgs: &[OrgRow], locale: Locale) -> Vec<OrgOption> {
        orgs.iter()
            .map(|o| {
                let (name, lang) = name_for(locale, &o.name_vi, &o.name_en, o.name_ja.as_deref());
                OrgOption {
                    id: o.id.to_string(),
                    name: name.to_string(),
                    lang,
                }
            })
            .collect()
    }
}

/// One of the deadline's three inputs. The first one shown carries the id `deadline`, which
/// the error summary links to.
pub struct DatePart {
    pub id: &'static str,
    pub name: &'static str,
    pub label_key: &'static str,
    pub value: String,
    pub width: &'static str,
    pub error: bool,
}

#[derive(Template)]
#[template(path = "problems/edit.html")]
pub struct EditPage<'a> {
    pub ctx: &'a RequestContext,
    pub taxonomy: &'a Taxonomy,
    pub orgs: Vec<OrgOption>,
    pub form: ProblemForm,
    pub errors: FieldErrors,
    /// `None` while writing a new problem.
    pub problem_id: Option<i64>,
    pub currencies: [&'static str; 3],
    pub confidentialities: [Confidentiality; 3],
    pub deadline_parts: Vec<DatePart>,
    /// The first area's code: its first checkbox carries the id `fields` for error links.
    pub first_area_code: String,
    /// What the embassy asked to change, while the problem is back with its author.
    pub requested_changes: Option<String>,
}

impl<'a> EditPage<'a> {
    pub fn new(
        ctx: &'a RequestContext,
        taxonomy: &'a Taxonomy,
        orgs: Vec<OrgOption>,
        form: ProblemForm,
        errors: FieldErrors,
        problem_id: Option<i64>,
    ) -> Self {
        let deadline_parts = deadline_parts(ctx.locale, &form, errors.get("deadline"));
        EditPage {
            ctx,
            taxonomy,
            orgs,
            form,
            errors,
            problem_id,
            currencies: CURRENCIES,
            confidentialities: Confidentiality::ALL,
            deadline_parts,
            first_area_code: taxonomy
                .areas
                .first()
                .map(|a| a.area.code.clone())
                .unwrap_or_default(),
            requested_changes: None,
        }
    }

    pub fn title_key(&self) -> &'static str {
        match self.problem_id {
            Some(_) => "problem-edit-title",
            None => "problem-new-title",
        }
    }

    pub fn action(&self) -> String {
        match self.problem_id {
            Some(id) => format!("/problems/{id}/edit"),
            None => "/problems/new".into(),
        }
    }
}

/// Day, month and year in the order the reader's language writes dates (DADS: year first in
/// Japanese; GOV.UK: day first), each marked when the error concerns it.
fn deadline_parts(locale: Locale, form: &ProblemForm, error: Option<&str>) -> Vec<DatePart> {
    let in_error = |part: &str| match error {
        None => false,
        Some(key) if key.starts_with("error-problem-deadline-missing-") => key.ends_with(part),
        Some(_) => true,
    };
    let day = (
        "deadline_day",
        "date-day",
        form.deadline_day.clone(),
        "2",
        "day",
    );
    let month = (
        "deadline_month",
        "date-month",
        form.deadline_month.clone(),
        "2",
        "month",
    );
    let year = (
        "deadline_year",
        "date-year",
        form.deadline_year.clone(),
        "4",
        "year",
    );
    let order = match locale {
        Locale::Ja => [year, month, day],
        _ => [day, month, year],
    };
    order
        .into_iter()
        .enumerate()
        .map(|(index, (name, label_key, value, width, part))| DatePart {
            id: if index == 0 { "deadline" } else { name },
            name,
            label_key,
            value,
            width,
            error: in_error(part),
        })
        .collect()
}

/// A line of the review history.
pub struct HistoryLine {
    pub when: String,
    pub event_key: &'static str,
    pub actor: String,
    pub reason: String,
}

/// What the members of the owning organisation may do now.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemberActions {
    pub edit: bool,
    pub submit: bool,
    pub close: bool,
}

#[derive(Template)]
#[template(path = "problems/show.html")]
pub struct ShowPage<'a> {
    pub ctx: &'a RequestContext,
    pub id: i64,
    pub p: &'a Problem,
    pub status: Status,
    pub org_id: i64,
    pub org_name: String,
    pub org_lang: &'static str,
    pub org_kind_key: &'static str,
    pub description_html: String,
    pub fields: String,
    pub keywords: String,
    pub engagement_labels: Vec<String>,
    pub mechanism: Option<String>,
    pub budget: Option<String>,
    pub duration: Option<String>,
    pub deadline: Option<String>,
    pub hubs: String,
    pub languages: String,
    /// Members of the owning organisation and staff see the status and the history.
    pub show_review: bool,
    pub history: Vec<HistoryLine>,
    pub actions: MemberActions,
    /// The problem's matches (members and staff) or the reader's own (scientists).
    pub matches: Option<crate::matches::workflow::views::ProblemMatches>,
    pub outcome: Option<(Outcome, Vec<String>)>,
}

impl ShowPage<'_> {
    /// What the status means for the reader, for the states that need explaining.
    pub fn status_note_key(&self) -> Option<&'static str> {
        match self.status {
            Status::Draft => Some("problem-draft-note"),
            Status::Submitted => Some("problem-submitted-note"),
            Status::ChangesRequested => Some("problem-changes-requested-note"),
            Status::Rejected => Some("problem-rejected-note"),
            Status::Published | Status::Closed | Status::Expired => None,
        }
    }

    pub fn title_lang(&self) -> Option<&'static str> {
        other_lang(self.ctx.locale, &self.p.title)
    }

    pub fn summary_lang(&self) -> Option<&'static str> {
        other_lang(self.ctx.locale, &self.p.summary)
    }

    pub fn description_lang(&self) -> Option<&'static str> {
        other_lang(self.ctx.locale, &self.p.description_md)
    }

    /// The summary's paragraphs (it is plain text; line breaks are the author's).
    pub fn summary_paragraphs(&self) -> Vec<&str> {
        paragraphs(&self.p.summary)
    }
}

/// Plain text split at its line breaks, without empty lines.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

pub struct FacetOption {
    pub code: String,
    pub label: String,
    pub count: i64,
    pub selected: bool,
}

pub struct FacetView {
    pub name: &'static str,
    pub label_key: &'static str,
    pub options: Vec<FacetOption>,
}

pub struct BoardRow {
    pub id: i64,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub summary: String,
    pub summary_lang: Option<&'static str>,
    pub org_name: String,
    pub org_lang: &'static str,
    pub org_kind_key: &'static str,
    pub fields: String,
    pub engagements: String,
    pub deadline: Option<String>,
}

#[derive(Template)]
#[template(path = "problems/board.html")]
pub struct BoardPage<'a> {
    pub ctx: &'a RequestContext,
    pub query: crate::problems::board::BoardQuery,
    pub sort: crate::problems::board::Sort,
    pub sorts: Vec<crate::problems::board::Sort>,
    pub facets: Vec<FacetView>,
    pub results: Vec<BoardRow>,
    pub total: i64,
    /// `total` and the facet counts are estimates.
    pub estimated: bool,
    pub nav: crate::web::pagination::PageNav,
    /// Owners get a link to write a problem.
    pub can_write: bool,
}

#[derive(Template)]
#[template(path = "problems/close.html")]
pub struct ClosePage<'a> {
    pub ctx: &'a RequestContext,
    pub id: i64,
    pub title: String,
    pub form: CloseForm,
    pub errors: FieldErrors,
    pub outcomes: [Outcome; 2],
}

/// A short page that explains why something cannot be done, and where to go instead.
#[derive(Template)]
#[template(path = "problems/notice.html")]
pub struct NoticePage<'a> {
    pub ctx: &'a RequestContext,
    pub title_key: &'static str,
    pub body_key: &'static str,
    pub link: Option<(String, &'static str)>,
}

/// The language a user-written text is evidently in, when it differs from the page's: for its
/// `lang` attribute (WCAG 3.1.2) and so that the browser picks a font with its glyphs. Texts
/// carry no language of their own yet, so this looks for kana and kanji (Japanese) or letters
/// only Vietnamese uses; anything else is taken to be in the page's language.
pub fn other_lang(page: Locale, text: &str) -> Option<&'static str> {
    let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}');
    let vietnamese = |c: char| {
        matches!(
            c,
            '\u{1ea0}'..='\u{1ef9}' | 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
        )
    };
    let detected = if text.chars().any(japanese) {
        "ja"
    } else if text.chars().any(vietnamese) {
        "vi"
    } else {
        return None;
    };
    (detected != page.code()).then_some(detected)
}

/// Items joined as the reader's language lists them: "a, b" or 「a、b」.
pub fn join_list<S: AsRef<str>>(locale: Locale, items: &[S]) -> String {
    let separator = if locale == Locale::Ja { "、" } else { ", " };
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(separator)
}

/// Moves the headings of an author's Markdown two levels down (`#` becomes `<h3>`), so that
/// they sit under the page's own "Description" heading instead of competing with it.
pub fn demote_headings(html: &str) -> String {
    // The author's top heading becomes an <h3> (under the page's h1 and the section's h2),
    // whatever level they started at, so no level is skipped.
    let Some(top) = (1..=6).find(|level| html.contains(&format!("<h{level}"))) else {
        return html.to_string();
    };
    if top >= 3 {
        return html.to_string();
    }
    let shift = 3 - top;
    let mut out = html.to_string();
    for from in (top..=6).rev() {
        let to = (from + shift).min(6);
        out = out
            .replace(&format!("<h{from}>"), &format!("<h{to}>"))
            .replace(&format!("<h{from} "), &format!("<h{to} "))
            .replace(&format!("</h{from}>"), &format!("</h{to}>"));
    }
    out
}

/// A calendar date as the reader's language writes it.
pub fn date_text(locale: Locale, date: Date) -> String {
    format_date(locale, date.midnight().assume_utc())
}

/// A whole amount with the reader's thousands separator: 500.000.000 (vi), 500,000,000.
pub fn format_amount(locale: Locale, amount: i64) -> String {
    let separator = if locale == Locale::Vi { '.' } else { ',' };
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    if amount < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_headings_sit_below_the_pages_own() {
        let html = crate::web::markdown::to_safe_html("# A\n\n## B\n\n#### C\n\ntext");
        let demoted = demote_headings(&html);
        assert!(demoted.contains("<h3>A</h3>"), "{demoted}");
        assert!(demoted.contains("<h4>B</h4>"));
        assert!(demoted.contains("<h6>C</h6>"));
        assert!(!demoted.contains("<h1") && !demoted.contains("<h2"));

        // Authors who start at ## get an <h3> too: no level is skipped.
        let html = crate::web::markdown::to_safe_html("## Mục tiêu\n\n### Chi tiết");
        let demoted = demote_headings(&html);
        assert!(
            demoted.contains("<h3>Mục tiêu</h3>") && demoted.contains("<h4>Chi tiết</h4>"),
            "{demoted}"
        );
    }

    #[test]
    fn texts_in_another_language_are_recognised() {
        assert_eq!(other_lang(Locale::En, "Thiết kế chip bán dẫn"), Some("vi"));
        assert_eq!(other_lang(Locale::Vi, "Thiết kế chip bán dẫn"), None);
        assert_eq!(other_lang(Locale::Vi, "半導体の設計"), Some("ja"));
        assert_eq!(other_lang(Locale::Ja, "Chip design"), None);
    }

    #[test]
    fn lists_follow_the_language() {
        assert_eq!(
            join_list(Locale::Ja, &["分野", "キーワード"]),
            "分野、キーワード"
        );
        assert_eq!(join_list(Locale::Vi, &["a", "b"]), "a, b");
    }

    #[test]
    fn amounts_use_the_readers_separator() {
        assert_eq!(format_amount(Locale::Vi, 500_000_000), "500.000.000");
        assert_eq!(format_amount(Locale::En, 1_234), "1,234");
        assert_eq!(format_amount(Locale::Ja, 999), "999");
        assert_eq!(format_amount(Locale::En, 0), "0");
    }

    #[test]
    fn japanese_dates_start_with_the_year_and_errors_mark_their_part() {
        let form = ProblemForm::default();
        let ja = deadline_parts(
            Locale::Ja,
            &form,
            Some("error-problem-deadline-missing-month"),
        );
        assert_eq!(ja[0].name, "deadline_year");
        assert_eq!(ja[0].id, "deadline");
        assert_eq!(
            ja.iter().map(|p| p.error).collect::<Vec<_>>(),
            [false, true, false]
        );
        let vi = deadline_parts(Locale::Vi, &form, Some("error-problem-deadline-past"));
        assert_eq!(vi[0].name, "deadline_day");
        assert!(vi.iter().all(|p| p.error));
    }
}
