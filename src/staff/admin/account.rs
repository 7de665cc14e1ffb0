//! `GET /admin/staff/{id}` and what an admin can do to a staff account:
//! `POST …/hubs`, `…/disable`, `…/enable`, `…/reset-two-factor`, `…/resend-invitation`.
//! Every change is one transaction with its audit row. Accounts that are not staff or admin
//! are not found here.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use sqlx::PgConnection;

use crate::audit::{self, AuditEvent};
use crate::auth::model::SessionUser;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, format_datetime};
use crate::staff::admin::done;
use crate::staff::admin::forms::{ReasonForm, check_hubs, hub_list};
use crate::staff::admin::invitation::{self, Invitee};
use crate::staff::admin::queries::{self, StaffRow};
use crate::staff::admin::views::{StaffPage, StaffView, hub_choices};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::forms::{FieldErrors, RawForm};
use crate::web::guards::AdminUser;
use crate::web::render::page_with_status;
use crate::web::session;

async fn load(conn: &mut PgConnection, id: i64) -> AppResult<StaffRow> {
    queries::find_staff(conn, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// What the page shows besides the account: the ticked hubs, errors and the typed reason.
struct Shown {
    chosen: Option<Vec<String>>,
    errors: FieldErrors,
    reason: String,
    status: StatusCode,
}

impl Shown {
    fn plain() -> Shown {
        Shown {
            chosen: None,
            errors: FieldErrors::new(),
            reason: String::new(),
            status: StatusCode::OK,
        }
    }

    fn error(field: &str, key: &'static str) -> Shown {
        let mut errors = FieldErrors::new();
        errors.add(field, key);
        Shown {
            errors,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            ..Shown::plain()
        }
    }
}

async fn render(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    admin: &SessionUser,
    s: &StaffRow,
    shown: Shown,
) -> AppResult<Response> {
    let hubs = queries::list_hubs(&mut *conn).await?;
    let mut view = StaffView::of(ctx.locale, s, &hubs);
    if s.invited {
        let sent = queries::pending_invitation_sent(conn, s.id).await?;
        view.invitation_sent = sent.map(|at| format_datetime(ctx.locale, at));
    }
    let page = StaffPage {
        ctx,
        s: view,
        hubs: hub_choices(ctx.locale, &hubs),
        chosen: shown.chosen.unwrap_or_else(|| s.hubs.clone()),
        errors: shown.errors,
        reason: shown.reason,
        is_self: s.id == admin.id,
    };
    Ok(page_with_status(shown.status, &page))
}

pub async fn show(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let s = load(&mut conn, id).await?;
    render(&mut conn, &ctx, &admin, &s, Shown::plain()).await
}

pub async fn set_hubs(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    raw: RawForm,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let s = load(&mut tx, id).await?;
    let chosen = hub_list(&raw);
    let known: Vec<String> = queries::list_hubs(&mut tx)
        .await?
        .into_iter()
        .map(|h| h.code)
        .collect();
    let mut errors = FieldErrors::new();
    check_hubs(&chosen, &known, s.role == "staff", &mut errors);
    if !errors.is_empty() {
        let shown = Shown {
            chosen: Some(chosen),
            errors,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            ..Shown::plain()
        };
        return render(&mut tx, &ctx, &admin, &s, shown).await;
    }
    queries::set_hubs(&mut tx, id, &chosen).await?;
    let mut after = chosen.clone();
    after.sort();
    record(
        &mut tx,
        &admin,
        "staff.hubs_changed",
        id,
        json!({ "before": s.hubs, "after": after }),
    )
    .await?;
    let response = done(
        &state,
        &format!("/admin/staff/{id}"),
        "flash-admin-hubs-saved",
    );
    ctx.commit(tx, response).await
}

pub async fn disable(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let s = load(&mut tx, id).await?;
    let reason = match form.validate() {
        _ if id == admin.id => Err(Shown::error("disable", "admin-error-disable-self")),
        Ok(reason) => Ok(reason),
        Err(errors) => Err(Shown {
            errors,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            ..Shown::plain()
        }),
    };
    let reason = match reason {
        Ok(reason) => reason,
        Err(shown) => {
            let shown = Shown {
                reason: form.cleaned(),
                ..shown
            };
            return render(&mut tx, &ctx, &admin, &s, shown).await;
        }
    };
    if s.disabled_at.is_none() {
        queries::disable(&mut tx, id, &reason, admin.id).await?;
        let ended = session::delete_all_for_user(&mut tx, id).await?;
        let details = json!({ "reason": reason, "sessions_ended": ended });
        record(&mut tx, &admin, "staff.disabled", id, details).await?;
    }
    let response = done(
        &state,
        &format!("/admin/staff/{id}"),
        "flash-admin-staff-disabled",
    );
    ctx.commit(tx, response).await
}

pub async fn enable(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let s = load(&mut tx, id).await?;
    if s.disabled_at.is_some() {
        queries::enable(&mut tx, id).await?;
        let details = json!({ "previous_reason": s.disabled_reason });
        record(&mut tx, &admin, "staff.enabled", id, details).await?;
    }
    let response = done(
        &state,
        &format!("/admin/staff/{id}"),
        "flash-admin-staff-enabled",
    );
    ctx.commit(tx, response).await
}

/// Removes the authenticator and recovery codes and ends the sessions, so the staff member
/// sets up a new second factor at their next sign-in (a lost phone).
pub async fn reset_two_factor(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let s = load(&mut tx, id).await?;
    if id == admin.id {
        let shown = Shown::error("reset-two-factor", "admin-error-reset-self");
        return render(&mut tx, &ctx, &admin, &s, shown).await;
    }
    crate::auth::two_factor::reset(&mut tx, id).await?;
    let details = json!({ "was_set_up": s.two_factor });
    record(&mut tx, &admin, "staff.two_factor_reset", id, details).await?;
    let response = done(
        &state,
        &format!("/admin/staff/{id}"),
        "flash-admin-two-factor-reset",
    );
    ctx.commit(tx, response).await
}

/// Sends a new invitation (the old link stops working) to an account that has not yet chosen
/// its password; for any other account nothing happens.
pub async fn resend_invitation(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let s = load(&mut tx, id).await?;
    if !s.invited || s.disabled_at.is_some() {
        return Ok(done(
            &state,
            &format!("/admin/staff/{id}"),
            "flash-admin-nothing-to-send",
        ));
    }
    let invitee = Invitee {
        user_id: id,
        email: &s.email,
        name: &s.display_name,
        locale: Locale::from_code(&s.preferred_locale).unwrap_or(Locale::Vi),
        inviter: &admin.display_name,
    };
    invitation::send(&mut tx, &state, invitee).await?;
    record(&mut tx, &admin, "staff.invitation_resent", id, json!({})).await?;
    let response = done(
        &state,
        &format!("/admin/staff/{id}"),
        "flash-admin-invitation-resent",
    );
    ctx.commit(tx, response).await
}

async fn record(
    conn: &mut PgConnection,
    admin: &SessionUser,
    action: &str,
    target: i64,
    details: serde_json::Value,
) -> sqlx::Result<()> {
    audit::record(
        conn,
        AuditEvent {
            actor_id: Some(admin.id),
            action,
            target_type: "user",
            target_id: Some(target.to_string()),
            details,
        },
    )
    .await
}
