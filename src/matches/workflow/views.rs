//! Page structs for the match templates (one per template), and the pieces they share.

use askama::Template;

use crate::i18n::{Locale, format_date};
use crate::matches::model::{Party, State};
use crate::matches::workflow::forms::{ActionForm, InterestForm, InvitationForm, ProposalForm};
use crate::matches::workflow::lists::ListedMatch;
use crate::matches::workflow::queries::ProblemFacts;
use crate::matches::workflow::rules::{Origin, next_step_key, state_tag};
use crate::orgs::model::name_for;
use crate::problems::views::other_lang;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

/// A problem as a heading or a link names it.
pub struct ProblemHead {
    pub id: i64,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub org_id: i64,
    pub org_name: String,
    pub org_lang: &'static str,
}

impl ProblemHead {
    pub fn new(
        locale: Locale,
        id: i64,
        title: &str,
        org_id: i64,
        org: (&str, &str, Option<&str>),
    ) -> ProblemHead {
        let (org_name, org_lang) = name_for(locale, org.0, org.1, org.2);
        ProblemHead {
            id,
            title: title.to_string(),
            title_lang: other_lang(locale, title),
            org_id,
            org_name: org_name.to_string(),
            org_lang,
        }
    }

    pub fn of(locale: Locale, p: &ProblemFacts) -> ProblemHead {
        let org = (
            p.org_name_vi.as_str(),
            p.org_name_en.as_str(),
            p.org_name_ja.as_deref(),
        );
        ProblemHead::new(locale, p.id, &p.title, p.org_id, org)
    }
}

/// An engagement kind offered as a radio button.
pub struct KindOption {
    pub code: String,
    pub label: String,
}

pub fn kind_options(taxonomy: &Taxonomy, codes: &[String], locale: Locale) -> Vec<KindOption> {
    codes
        .iter()
        .map(|code| KindOption {
            code: code.clone(),
            label: Taxonomy::label_in(&taxonomy.engagement_kinds, code, locale).to_string(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "matches/interest.html")]
pub struct InterestPage<'a> {
    pub ctx: &'a RequestContext,
    pub problem: ProblemHead,
    pub kinds: Vec<KindOption>,
    pub form: InterestForm,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "matches/invite.html")]
pub struct InvitePage<'a> {
    pub ctx: &'a RequestContext,
    pub problem: ProblemHead,
    pub scientist_id: i64,
    pub scientist_name: String,
    pub kinds: Vec<KindOption>,
    pub form: InvitationForm,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "matches/propose.html")]
pub struct ProposePage<'a> {
    pub ctx: &'a RequestContext,
    /// The problem, once the number typed is one the staff member may propose for.
    pub problem: Option<ProblemHead>,
    pub kinds: Vec<KindOption>,
    pub form: ProposalForm,
    pub errors: FieldErrors,
}

/// One of the three consents: whose, whether given, by whom and when.
pub struct ConsentLine {
    pub party_key: &'static str,
    pub given: bool,
    pub who: String,
    pub when: String,
}

pub struct HistoryLine {
    pub when: String,
    pub event_key: &'static str,
    pub actor: String,
    pub reason: String,
}

pub struct MessageLine {
    pub author: String,
    pub party_key: &'static str,
    pub when: String,
    pub paragraphs: Vec<String>,
}

/// A contact revealed to the parties of an active or completed match.
pub struct Contact {
    pub party_key: &'static str,
    pub name: String,
    pub email: String,
}

/// How the match ended, when it did by a decline or a withdrawal.
pub struct Ending {
    pub event_key: &'static str,
    pub who: String,
    pub when: String,
    pub reason: Vec<String>,
}

/// A form posting one action: where to, the button's text and the warning style.
pub struct ActionButton {
    pub href: String,
    pub label_key: &'static str,
}

/// The actions the viewer may take now (each absent when `apply` would refuse it).
#[derive(Default)]
pub struct Actions {
    pub accept: Option<ActionButton>,
    pub decline: Option<ActionButton>,
    /// The hint of the decline reason (it differs for staff, who reject).
    pub decline_hint_key: &'static str,
    pub withdraw: bool,
    pub complete: bool,
}

impl Actions {
    pub fn any(&self) -> bool {
        self.accept.is_some() || self.decline.is_some() || self.withdraw || self.complete
    }
}

#[derive(Template)]
#[template(path = "matches/show.html")]
pub struct MatchPage<'a> {
    pub ctx: &'a RequestContext,
    pub id: i64,
    pub problem: ProblemHead,
    pub scientist_id: i64,
    pub scientist_name: String,
    pub viewer_key: &'static str,
    pub origin_key: &'static str,
    pub created: String,
    pub creator: String,
    pub note: Vec<String>,
    /// The kind of engagement, or `None` while it is still to be agreed.
    pub engagement: Option<String>,
    pub state: State,
    pub next_key: &'static str,
    pub consents: Vec<ConsentLine>,
    pub ending: Option<Ending>,
    pub outcome: Vec<String>,
    /// Shown to staff only: `Some(flag)`.
    pub conflict: Option<bool>,
    /// Empty unless the match is active or completed.
    pub contacts: Vec<Contact>,
    pub history: Vec<HistoryLine>,
    pub messages: Vec<MessageLine>,
    pub actions: Actions,
    pub errors: FieldErrors,
    pub form: ActionForm,
    pub message_body: String,
}

impl MatchPage<'_> {
    pub fn state_key(&self) -> &'static str {
        state_tag(self.state).0
    }

    pub fn state_class(&self) -> &'static str {
        state_tag(self.state).1
    }

    /// Staff are reading and the scientist's affiliation is the owning organisation.
    pub fn conflict_flagged(&self) -> bool {
        self.conflict == Some(true)
    }
}

/// A match in a list: on "My matches", on a problem's page, in the staff queue.
pub struct MatchLine {
    pub id: i64,
    pub problem_id: i64,
    pub problem_title: String,
    pub title_lang: Option<&'static str>,
    pub org_name: String,
    pub org_lang: &'static str,
    pub scientist_id: i64,
    pub scientist_name: String,
    pub origin_key: &'static str,
    pub state_key: &'static str,
    pub state_class: &'static str,
    pub next_key: &'static str,
    pub consents: Vec<(&'static str, bool)>,
    pub created: String,
    pub updated: String,
    pub conflict: bool,
}

impl MatchLine {
    /// `viewer`: the party reading the list, for the next step.
    pub fn of(locale: Locale, m: &ListedMatch, viewer: Option<Party>) -> MatchLine {
        let (org_name, org_lang) = name_for(
            locale,
            &m.org_name_vi,
            &m.org_name_en,
            m.org_name_ja.as_deref(),
        );
        let (state_key, state_class) = state_tag(m.state());
        let consents = m.consents();
        MatchLine {
            id: m.id,
            problem_id: m.problem_id,
            problem_title: m.problem_title.clone(),
            title_lang: other_lang(locale, &m.problem_title),
            org_name: org_name.to_string(),
            org_lang,
            scientist_id: m.scientist_id,
            scientist_name: m.scientist_name.clone(),
            origin_key: Origin::parse(&m.origin).map_or("", Origin::label_key),
            state_key,
            state_class,
            next_key: next_step_key(m.state(), consents, viewer),
            consents: vec![
                ("match-party-scientist", consents.scientist),
                ("match-party-owner", consents.owner),
                ("match-party-staff", consents.staff),
            ],
            created: format_date(locale, m.created_at),
            updated: format_date(locale, m.updated_at),
            conflict: m.conflict_of_interest,
        }
    }
}

#[derive(Template)]
#[template(path = "matches/mine.html")]
pub struct MinePage<'a> {
    pub ctx: &'a RequestContext,
    pub rows: Vec<MatchLine>,
}

/// The "Matches" section of a problem's page.
pub struct ProblemMatches {
    pub problem_id: i64,
    /// The owning organisation's members and staff see the list; scientists do not.
    pub rows: Option<Vec<MatchLine>>,
    pub show_conflict: bool,
    /// Owners find scientists to invite on the candidates page.
    pub candidates_link: bool,
    /// Staff may propose a scientist.
    pub propose_link: bool,
    /// A scientist reading the page: their own live match, or whether they may express interest.
    pub own_match: Option<i64>,
    pub may_express_interest: bool,
}
