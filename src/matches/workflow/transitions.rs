//! `POST /matches/{id}/accept|decline|withdraw|complete` and
//! `POST /staff/matches/{id}/approve|reject`. Each is one transaction: lock the match, find
//! the user's party (none: 404), ask `apply` (refused: 409, nothing changed), check the form
//! (422 with the error beside its field), then write the state, the history, the audit log
//! and the other parties' notifications together.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgConnection;

use crate::audit::{self, AuditEvent};
use crate::auth::model::SessionUser;
use crate::error::AppError;
use crate::matches::model::{Action, Outcome, Party, Refusal, apply};
use crate::matches::workflow::access::party_of;
use crate::matches::workflow::forms::ActionForm;
use crate::matches::workflow::notices::{About, announce};
use crate::matches::workflow::queries::{self, MatchRow};
use crate::matches::workflow::rules::{Happening, audit_action, event_of, flash_key};
use crate::matches::workflow::show::{Input, match_page};
use crate::matches::workflow::{Handled, Stop, done, refused};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::{CurrentUser, StaffUser};
use crate::web::render::page_with_status;

pub async fn accept(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Handled {
    act(&state, &ctx, &user, id, Action::Accept, form).await
}

pub async fn decline(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Handled {
    act(&state, &ctx, &user, id, Action::Decline, form).await
}

pub async fn withdraw(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Handled {
    act(&state, &ctx, &user, id, Action::Withdraw, form).await
}

pub async fn complete(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Handled {
    act(&state, &ctx, &user, id, Action::Complete, form).await
}

/// The embassy's consent.
pub async fn approve(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Handled {
    act(&state, &ctx, &user, id, Action::Accept, form).await
}

/// The embassy's refusal, with a reason.
pub async fn reject(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Handled {
    act(&state, &ctx, &user, id, Action::Decline, form).await
}

async fn act(
    state: &AppState,
    ctx: &RequestContext,
    user: &SessionUser,
    id: i64,
    action: Action,
    form: ActionForm,
) -> Handled {
    let mut tx = state.db.begin().await?;
    let m = queries::lock_match(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = party_of(&mut tx, user, &m)
        .await?
        .ok_or(AppError::NotFound)?;
    let outcome = apply(m.state(), m.consents(), party, action)
        .map_err(|refusal| refusal_page(ctx, id, refusal))?;
    let text = match text_for(&form, party, action) {
        Ok(text) => text,
        Err(errors) => {
            tx.rollback().await?;
            let mut conn = state.db.acquire().await?;
            let input = Input {
                errors,
                form: form.kept(),
                message_body: String::new(),
            };
            let view = match_page(&mut conn, ctx, user, id, input).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let change = Change {
        actor_id: user.id,
        party,
        action,
        outcome,
        text: text.as_deref(),
    };
    record(&mut tx, &state.config.origin(), &m, &change).await?;
    let event = event_of(party, action);
    let response = done(
        state,
        &format!("/matches/{id}"),
        flash_key(event, outcome.activated),
    );
    Ok(ctx.commit(tx, response).await?)
}

/// The text an action carries: a decline's reason (required), a withdrawal's (optional), a
/// completion's outcome (required); an acceptance carries none.
fn text_for(
    form: &ActionForm,
    party: Party,
    action: Action,
) -> Result<Option<String>, FieldErrors> {
    match action {
        Action::Accept => Ok(None),
        Action::Decline => {
            let missing = match party {
                Party::Staff => "match-error-reason-missing-reject",
                _ => "match-error-reason-missing-decline",
            };
            form.decline_reason(missing).map(Some)
        }
        Action::Withdraw => form.withdraw_reason(),
        Action::Complete => form.outcome().map(Some),
    }
}

struct Change<'a> {
    actor_id: i64,
    party: Party,
    action: Action,
    outcome: Outcome,
    text: Option<&'a str>,
}

/// The state, the history (with `activated` after the third consent), the audit rows and the
/// notices of one allowed action.
async fn record(
    conn: &mut PgConnection,
    base_url: &str,
    m: &MatchRow,
    change: &Change<'_>,
) -> Result<(), Stop> {
    let Change {
        actor_id,
        party,
        action,
        outcome,
        text,
    } = *change;
    let event = event_of(party, action);
    queries::save_outcome(conn, m.id, actor_id, party, &outcome, text).await?;
    queries::add_event(conn, m.id, actor_id, event, text).await?;
    let details = json!({
        "from": m.state().code(), "to": outcome.state.code(), "reason": text,
        "problem_id": m.problem_id, "scientist_id": m.scientist_id,
    });
    audit_row(conn, actor_id, audit_action(event), m.id, details).await?;
    if outcome.activated {
        queries::add_event(conn, m.id, actor_id, "activated", None).await?;
        let details = json!({ "problem_id": m.problem_id, "scientist_id": m.scientist_id });
        audit_row(conn, actor_id, audit_action("activated"), m.id, details).await?;
    }
    let happening = if outcome.activated {
        Happening::Activated
    } else {
        Happening::Acted(party, action)
    };
    let about = About::of(m);
    announce(conn, base_url, &about, party, happening, text).await?;
    Ok(())
}

async fn audit_row(
    conn: &mut PgConnection,
    actor_id: i64,
    action: &str,
    id: i64,
    details: serde_json::Value,
) -> sqlx::Result<()> {
    let event = AuditEvent {
        actor_id: Some(actor_id),
        action,
        target_type: "match",
        target_id: Some(id.to_string()),
        details,
    };
    audit::record(conn, event).await
}

/// 409: `apply` refused; the page says why and leads back to the match.
fn refusal_page(ctx: &RequestContext, id: i64, refusal: Refusal) -> Stop {
    let (title, body) = match refusal {
        Refusal::AlreadyConsented => ("match-refused-twice-title", "match-refused-twice-body"),
        Refusal::NotAllowed => ("match-refused-party-title", "match-refused-party-body"),
        Refusal::WrongState => ("match-refused-state-title", "match-refused-state-body"),
    };
    let back = (format!("/matches/{id}"), "match-back-to-match");
    refused(ctx, title, body, back)
}
