//! Writing a problem (`/problems/new`, `/problems/{id}/edit`), submitting it for review and
//! closing it: the actions of the owning organisation's members.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use sqlx::PgConnection;
use time::{Date, OffsetDateTime};

use crate::audit::{self, AuditEvent};
use crate::auth::model::SessionUser;
use crate::error::{AppError, AppResult};
use crate::orgs::queries::{is_member, member_orgs};
use crate::problems::forms::{CloseForm, ProblemForm};
use crate::problems::model::{Action, Outcome, transition};
use crate::problems::queries::{self, Gate};
use crate::problems::views::{ClosePage, EditPage, NoticePage, OrgOption};
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::forms::{FieldErrors, RawForm};
use crate::web::guards::OwnerUser;
use crate::web::redirect::see_other;
use crate::web::render::{page, page_with_status};

/// Today in UTC: a deadline must be after it.
fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

pub async fn new_form(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let orgs = member_orgs(&mut conn, user.id).await?;
    if orgs.is_empty() {
        return Ok(page(&no_org_notice(&ctx)));
    }
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let mut form = ProblemForm::default();
    if let [only] = orgs.as_slice() {
        form.org_id = only.id.to_string();
    }
    let orgs = OrgOption::list(&orgs, ctx.locale);
    let edit = EditPage::new(&ctx, &taxonomy, orgs, form, FieldErrors::new(), None);
    Ok(page(&edit))
}

pub async fn create(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    raw: RawForm,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let orgs = member_orgs(&mut tx, user.id).await?;
    if orgs.is_empty() {
        return Ok(page_with_status(StatusCode::CONFLICT, &no_org_notice(&ctx)));
    }
    let taxonomy = Taxonomy::load(&mut tx).await?;
    let form = ProblemForm::from_raw(&raw);
    let org_ids: Vec<i64> = orgs.iter().map(|o| o.id).collect();
    let problem = match form.validate(&taxonomy, &org_ids, today()) {
        Ok(problem) => problem,
        Err(errors) => {
            let orgs = OrgOption::list(&orgs, ctx.locale);
            let edit = EditPage::new(&ctx, &taxonomy, orgs, form, errors, None);
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &edit));
        }
    };
    let id = queries::insert_problem(&mut tx, user.id, &problem).await?;
    record(
        &mut tx,
        &user,
        "problem.saved",
        id,
        json!({ "org_id": problem.org_id, "new": true }),
    )
    .await?;
    ctx.commit(tx, redirect_with_flash(&state, id, "flash-problem-saved"))
        .await
}

pub async fn edit_form(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let gate = member_gate(&mut conn, id, &user).await?;
    if !gate.status.is_editable() {
        return Ok(not_editable(&ctx, id));
    }
    let stored = queries::load_problem(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let orgs = OrgOption::list(&member_orgs(&mut conn, user.id).await?, ctx.locale);
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let form = ProblemForm::from_problem(&stored.problem);
    let mut edit = EditPage::new(&ctx, &taxonomy, orgs, form, FieldErrors::new(), Some(id));
    edit.requested_changes = queries::requested_changes(&mut conn, id).await?;
    Ok(page(&edit))
}

pub async fn update(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    raw: RawForm,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let gate = member_gate(&mut tx, id, &user).await?;
    if !gate.status.is_editable() {
        return Ok(not_editable(&ctx, id));
    }
    let orgs = member_orgs(&mut tx, user.id).await?;
    let taxonomy = Taxonomy::load(&mut tx).await?;
    let form = ProblemForm::from_raw(&raw);
    let org_ids: Vec<i64> = orgs.iter().map(|o| o.id).collect();
    let problem = match form.validate(&taxonomy, &org_ids, today()) {
        Ok(problem) => problem,
        Err(errors) => {
            let orgs = OrgOption::list(&orgs, ctx.locale);
            let mut edit = EditPage::new(&ctx, &taxonomy, orgs, form, errors, Some(id));
            edit.requested_changes = queries::requested_changes(&mut tx, id).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &edit));
        }
    };
    queries::update_problem(&mut tx, id, &problem).await?;
    record(
        &mut tx,
        &user,
        "problem.saved",
        id,
        json!({ "org_id": problem.org_id, "new": false }),
    )
    .await?;
    ctx.commit(tx, redirect_with_flash(&state, id, "flash-problem-saved"))
        .await
}

/// Sends a draft (or a problem returned with a request for changes) to the embassy's queue.
pub async fn submit(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let gate = member_gate(&mut tx, id, &user).await?;
    if transition(gate.status, Action::Submit).is_none() {
        let notice = notice(
            &ctx,
            "problem-not-submittable-title",
            "problem-not-submittable-body",
            id,
        );
        return Ok(page_with_status(StatusCode::CONFLICT, &notice));
    }
    if gate.deadline.is_none_or(|d| d <= today()) {
        let mut notice = notice(
            &ctx,
            "problem-deadline-passed-title",
            "problem-deadline-passed-body",
            id,
        );
        notice.link = Some((format!("/problems/{id}/edit"), "problem-edit-link"));
        return Ok(page_with_status(StatusCode::CONFLICT, &notice));
    }
    queries::mark_submitted(&mut tx, id).await?;
    queries::add_event(&mut tx, id, user.id, "submitted", None).await?;
    let from = gate.status.code();
    record(
        &mut tx,
        &user,
        "problem.submitted",
        id,
        json!({ "from": from }),
    )
    .await?;
    ctx.commit(
        tx,
        redirect_with_flash(&state, id, "flash-problem-submitted"),
    )
    .await
}

/// The confirmation page before closing a published problem.
pub async fn close_form(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let gate = member_gate(&mut conn, id, &user).await?;
    if transition(gate.status, Action::Close).is_none() {
        return Ok(not_closable(&ctx, id));
    }
    let close = close_page(
        &mut conn,
        &ctx,
        id,
        CloseForm::default(),
        FieldErrors::new(),
    )
    .await?;
    Ok(page(&close))
}

pub async fn close(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    raw: RawForm,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let gate = member_gate(&mut tx, id, &user).await?;
    if transition(gate.status, Action::Close).is_none() {
        return Ok(not_closable(&ctx, id));
    }
    let form = CloseForm::from_raw(&raw);
    let (outcome, note): (Outcome, String) = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => {
            let close = close_page(&mut tx, &ctx, id, form, errors).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &close));
        }
    };
    queries::mark_closed(&mut tx, id, outcome, &note).await?;
    queries::add_event(&mut tx, id, user.id, "closed", Some(&note)).await?;
    record(
        &mut tx,
        &user,
        "problem.closed",
        id,
        json!({ "outcome": outcome.code() }),
    )
    .await?;
    ctx.commit(tx, redirect_with_flash(&state, id, "flash-problem-closed"))
        .await
}

/// The problem's gate, if `user` belongs to its organisation. Anyone else gets 404: only the
/// owning organisation may change a problem, and to others it is as if there were nothing to
/// change (a draft's very existence is private).
async fn member_gate(conn: &mut PgConnection, id: i64, user: &SessionUser) -> AppResult<Gate> {
    let gate = queries::lock_gate(conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if is_member(conn, gate.org_id, user.id).await? {
        Ok(gate)
    } else {
        Err(AppError::NotFound)
    }
}

async fn close_page<'a>(
    conn: &mut PgConnection,
    ctx: &'a RequestContext,
    id: i64,
    form: CloseForm,
    errors: FieldErrors,
) -> AppResult<ClosePage<'a>> {
    let title: String = sqlx::query_scalar("select title from problems where id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(ClosePage {
        ctx,
        id,
        title,
        form,
        errors,
        outcomes: Outcome::ALL,
    })
}

async fn record(
    conn: &mut PgConnection,
    user: &SessionUser,
    action: &str,
    id: i64,
    details: serde_json::Value,
) -> sqlx::Result<()> {
    audit::record(
        conn,
        AuditEvent {
            actor_id: Some(user.id),
            action,
            target_type: "problem",
            target_id: Some(id.to_string()),
            details,
        },
    )
    .await
}

fn redirect_with_flash(state: &AppState, id: i64, flash: &str) -> Response {
    let mut response = see_other(&format!("/problems/{id}"));
    cookies::append(response.headers_mut(), flash_cookie(&state.config, flash));
    response
}

fn notice<'a>(
    ctx: &'a RequestContext,
    title_key: &'static str,
    body_key: &'static str,
    id: i64,
) -> NoticePage<'a> {
    NoticePage {
        ctx,
        title_key,
        body_key,
        link: Some((format!("/problems/{id}"), "problem-back-link")),
    }
}

/// 409: the problem exists and the user may act on it, but not in its current state.
fn not_editable(ctx: &RequestContext, id: i64) -> Response {
    let notice = notice(
        ctx,
        "problem-not-editable-title",
        "problem-not-editable-body",
        id,
    );
    page_with_status(StatusCode::CONFLICT, &notice)
}

fn not_closable(ctx: &RequestContext, id: i64) -> Response {
    let notice = notice(
        ctx,
        "problem-not-closable-title",
        "problem-not-closable-body",
        id,
    );
    page_with_status(StatusCode::CONFLICT, &notice)
}

fn no_org_notice(ctx: &RequestContext) -> NoticePage<'_> {
    NoticePage {
        ctx,
        title_key: "problem-no-org-title",
        body_key: "problem-no-org-body",
        link: Some(("/orgs/new".into(), "problem-no-org-link")),
    }
}
