//! `GET /matches/{id}`: the match, to its three parties only (anyone else: 404). Contact
//! details appear once the match is active, the conflict-of-interest flag only to staff.

use std::collections::HashMap;

use axum::extract::{Path, State};
use sqlx::PgConnection;

use crate::auth::model::{Role, SessionUser};
use crate::error::{AppError, AppResult};
use crate::i18n::{format_date, format_datetime};
use crate::matches::model::{Action, Party, State as MatchState, apply};
use crate::matches::workflow::access::party_of;
use crate::matches::workflow::forms::ActionForm;
use crate::matches::workflow::queries::{self, MatchRow, Person};
use crate::matches::workflow::rules::{PARTIES, event_label_key, next_step_key, party_label_key};
use crate::matches::workflow::views::{
    ActionButton, Actions, ConsentLine, Contact, Ending, HistoryLine, MatchPage, MessageLine,
    ProblemHead,
};
use crate::matches::workflow::{Handled, Stop};
use crate::problems::views::paragraphs;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::CurrentUser;
use crate::web::render::page;

/// What a form sent back brings to the page: its errors and the values as typed.
#[derive(Default)]
pub struct Input {
    pub errors: FieldErrors,
    pub form: ActionForm,
    pub message_body: String,
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> Handled {
    let mut conn = state.db.acquire().await?;
    let view = match_page(&mut conn, &ctx, &user, id, Input::default()).await?;
    Ok(page(&view))
}

pub async fn match_page<'a>(
    conn: &mut PgConnection,
    ctx: &'a RequestContext,
    user: &SessionUser,
    id: i64,
    input: Input,
) -> Result<MatchPage<'a>, Stop> {
    let m = queries::load_match(conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = party_of(conn, user, &m).await?.ok_or(AppError::NotFound)?;
    let people = queries::people(conn, &people_ids(&m)).await?;
    let taxonomy = Taxonomy::load(conn).await?;
    let (vi, en, ja) = queries::org_names(conn, m.org_id).await?;
    let locale = ctx.locale;
    let state = m.state();
    let name = |id: Option<i64>| display_name(&people, id);
    Ok(MatchPage {
        ctx,
        id,
        problem: ProblemHead::new(
            locale,
            m.problem_id,
            &m.problem_title,
            m.org_id,
            (&vi, &en, ja.as_deref()),
        ),
        scientist_id: m.scientist_id,
        scientist_name: m.scientist_name.clone(),
        viewer_key: party_label_key(party),
        origin_key: m.origin().label_key(),
        created: format_date(locale, m.created_at),
        creator: name(m.created_by),
        note: owned_paragraphs(&m.note),
        engagement: m
            .engagement_kind
            .as_deref()
            .map(|k| Taxonomy::label_in(&taxonomy.engagement_kinds, k, locale).to_string()),
        state,
        next_key: next_step_key(state, m.consents(), Some(party)),
        consents: consent_lines(ctx, &m, &people),
        ending: ending(ctx, &m, &people),
        outcome: owned_paragraphs(m.outcome_note.as_deref().unwrap_or("")),
        conflict: (party == Party::Staff).then_some(m.conflict_of_interest),
        contacts: contacts(&m, &people),
        history: history(conn, ctx, id).await?,
        messages: messages(conn, ctx, &m).await?,
        actions: actions(&m, party),
        errors: input.errors,
        form: input.form,
        message_body: input.message_body,
    })
}

fn people_ids(m: &MatchRow) -> Vec<i64> {
    [
        Some(m.scientist_id),
        m.created_by,
        m.scientist_consent_by,
        m.owner_consent_by,
        m.staff_consent_by,
        m.ended_by,
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn display_name(people: &HashMap<i64, Person>, id: Option<i64>) -> String {
    id.and_then(|id| people.get(&id))
        .map_or_else(|| "—".to_string(), |p| p.display_name.clone())
}

fn owned_paragraphs(text: &str) -> Vec<String> {
    paragraphs(text).into_iter().map(str::to_string).collect()
}

fn consent_lines(
    ctx: &RequestContext,
    m: &MatchRow,
    people: &HashMap<i64, Person>,
) -> Vec<ConsentLine> {
    PARTIES
        .into_iter()
        .map(|party| {
            let (by, at) = m.consent(party);
            ConsentLine {
                party_key: party_label_key(party),
                given: at.is_some(),
                who: display_name(people, by),
                when: at.map_or_else(String::new, |at| format_datetime(ctx.locale, at)),
            }
        })
        .collect()
}

fn ending(ctx: &RequestContext, m: &MatchRow, people: &HashMap<i64, Person>) -> Option<Ending> {
    let event = match m.state() {
        MatchState::Declined => "declined",
        MatchState::Withdrawn => "withdrawn",
        _ => return None,
    };
    Some(Ending {
        event_key: event_label_key(event),
        who: display_name(people, m.ended_by),
        when: m
            .ended_at
            .map_or_else(String::new, |at| format_datetime(ctx.locale, at)),
        reason: owned_paragraphs(m.end_reason.as_deref().unwrap_or("")),
    })
}

/// The scientist's and the consenting owner's addresses, once all three have said yes.
fn contacts(m: &MatchRow, people: &HashMap<i64, Person>) -> Vec<Contact> {
    if !matches!(m.state(), MatchState::Active | MatchState::Completed) {
        return Vec::new();
    }
    // The scientist by the name on their profile; the owner by their account's name.
    [
        (
            Party::Scientist,
            Some(m.scientist_id),
            Some(&m.scientist_name),
        ),
        (Party::Owner, m.owner_consent_by, None),
    ]
    .into_iter()
    .filter_map(|(party, id, name)| {
        let person = people.get(&id?)?;
        Some(Contact {
            party_key: party_label_key(party),
            name: name.unwrap_or(&person.display_name).clone(),
            email: person.email.clone(),
        })
    })
    .collect()
}

async fn history(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    id: i64,
) -> AppResult<Vec<HistoryLine>> {
    Ok(queries::events(conn, id)
        .await?
        .into_iter()
        .map(|e| HistoryLine {
            when: format_datetime(ctx.locale, e.created_at),
            event_key: event_label_key(&e.event),
            actor: e.actor_name.unwrap_or_else(|| "—".into()),
            reason: e.reason.unwrap_or_default(),
        })
        .collect())
}

async fn messages(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    m: &MatchRow,
) -> AppResult<Vec<MessageLine>> {
    Ok(queries::messages(conn, m.id)
        .await?
        .into_iter()
        .map(|row| {
            let role = row.author_role.as_deref().and_then(Role::parse);
            let party = match (row.author_id, role) {
                (Some(id), _) if id == m.scientist_id => Party::Scientist,
                (_, Some(role)) if role.is_staff() => Party::Staff,
                _ => Party::Owner,
            };
            MessageLine {
                author: row.author_name.unwrap_or_else(|| "—".into()),
                party_key: party_label_key(party),
                when: format_datetime(ctx.locale, row.created_at),
                paragraphs: owned_paragraphs(&row.body),
            }
        })
        .collect())
}

/// The forms to show: exactly the actions `apply` would allow this party now.
fn actions(m: &MatchRow, party: Party) -> Actions {
    let allowed = |action| apply(m.state(), m.consents(), party, action).is_ok();
    let id = m.id;
    let staff = party == Party::Staff;
    Actions {
        accept: allowed(Action::Accept).then(|| ActionButton {
            href: if staff {
                format!("/staff/matches/{id}/approve")
            } else {
                format!("/matches/{id}/accept")
            },
            label_key: if staff {
                "match-approve"
            } else {
                "match-accept"
            },
        }),
        decline: allowed(Action::Decline).then(|| ActionButton {
            href: if staff {
                format!("/staff/matches/{id}/reject")
            } else {
                format!("/matches/{id}/decline")
            },
            label_key: if staff {
                "match-reject"
            } else {
                "match-decline"
            },
        }),
        decline_hint_key: if staff {
            "match-reject-reason-hint"
        } else {
            "match-decline-reason-hint"
        },
        withdraw: allowed(Action::Withdraw),
        complete: allowed(Action::Complete),
    }
}
