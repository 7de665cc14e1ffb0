//! Page structs for the review templates, and the labels they share.

use askama::Template;

use crate::i18n::{Locale, format_date};
use crate::orgs::model::{OrgKind, OrgStatus};
use crate::problems::model::event_label_key;
use crate::staff::review::queries::{Member, OrgNames};
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

/// A status tag: its text in the reader's language and its colour class.
pub struct Tag {
    pub label: String,
    pub class: &'static str,
}

/// The verification state of an organisation as a tag (labels and colours are the
/// organisation pages' own, so a state looks the same everywhere).
pub fn org_state_tag(locale: Locale, status: &str) -> Tag {
    let status = OrgStatus::parse(status);
    Tag {
        label: locale.t(status.label_key()),
        class: status.tag_class(),
    }
}

/// The organisation kind in the reader's language (the code itself if it were ever unknown).
pub fn org_kind_label(locale: Locale, kind: &str) -> String {
    OrgKind::parse(kind)
        .map(|k| locale.t(k.label_key()))
        .unwrap_or_else(|| kind.to_string())
}

/// What happened to a problem, as its history lists it.
pub fn event_label(locale: Locale, event: &str) -> String {
    locale.t(event_label_key(event))
}

/// A name of an organisation with the language it is written in.
pub struct OrgName {
    pub text: String,
    pub lang: &'static str,
}

impl OrgName {
    pub fn of(names: &OrgNames, locale: Locale) -> OrgName {
        let (text, lang) = names.in_locale(locale);
        OrgName { text, lang }
    }
}

/// A date (no time) in the reader's format.
pub fn date_text(locale: Locale, date: time::Date) -> String {
    format_date(locale, date.midnight().assume_utc())
}

pub struct ProblemRow {
    pub id: i64,
    pub title: String,
    pub org_id: i64,
    pub org: OrgName,
    pub org_tag: Tag,
    pub kind: String,
    pub submitted: String,
    pub author_name: String,
}

pub struct OrgRow {
    pub id: i64,
    pub name: OrgName,
    pub kind: String,
    pub country: String,
    pub registered: String,
    pub creator_name: String,
    pub waiting: i64,
}

#[derive(Template)]
#[template(path = "staff/review.html")]
pub struct ReviewPage<'a> {
    pub ctx: &'a RequestContext,
    pub problems: Vec<ProblemRow>,
    pub orgs: Vec<OrgRow>,
    /// Matches waiting for the embassy's approval (the match workflow's queue).
    pub matches: Vec<crate::matches::workflow::views::MatchLine>,
}

/// A problem as the decision page shows it.
pub struct ProblemView {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub description_html: String,
    pub org_id: i64,
    pub org: OrgName,
    pub org_tag: Tag,
    pub org_verified: bool,
    pub kind: String,
    pub submitted: String,
    pub deadline: Option<String>,
    pub hubs: String,
    pub author_name: String,
    pub author_email: String,
    /// Still waiting for a decision (otherwise the page shows no decision form).
    pub pending: bool,
}

pub struct EventRow {
    pub when: String,
    pub event: String,
    pub actor: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "staff/decision_problem.html")]
pub struct DecideProblemPage<'a> {
    pub ctx: &'a RequestContext,
    pub p: ProblemView,
    pub history: Vec<EventRow>,
    pub errors: FieldErrors,
    /// The reason as typed, kept when the form comes back with an error.
    pub reason: String,
}

/// An organisation as its staff page shows it.
pub struct OrgView {
    pub id: i64,
    pub name: OrgName,
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: String,
    pub kind: String,
    pub country: String,
    pub website: String,
    pub tag: Tag,
    pub registered: String,
    pub creator_name: String,
    pub creator_email: String,
    /// "date · by whom" once decided.
    pub decided: Option<String>,
    pub pending: bool,
    pub rejected: bool,
}

#[derive(Template)]
#[template(path = "staff/decision_org.html")]
pub struct OrgPage<'a> {
    pub ctx: &'a RequestContext,
    pub o: OrgView,
    pub members: Vec<Member>,
    pub errors: FieldErrors,
    pub reason: String,
    pub email: String,
}
