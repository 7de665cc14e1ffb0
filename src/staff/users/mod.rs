//! User management for staff: `GET /staff/users` (find accounts by name or email, role and
//! state), `GET /staff/users/{id}` (an account's roles, verification, sign-ins, suspension and
//! history) and `POST /staff/users/{id}/suspend|restore` (with a required reason, audited).
//!
//! Suspending sets `users.disabled_at` with its reason and author and ends every session of
//! the account in the same transaction, so the person is signed out at once and cannot sign in
//! until restored. Staff suspend scientists and owners only (403 for staff and admin accounts,
//! which admins manage), and only those in their hubs (`scope`; others are 404).

pub mod forms;
pub mod queries;
pub mod scope;
pub mod views;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::auth::views::MessagePage;
use crate::error::{AppError, AppResult};
use crate::staff::scope::HubScope;
use crate::state::AppState;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::forms::FieldErrors;
use crate::web::guards::StaffUser;
use crate::web::pagination::PageNav;
use crate::web::redirect::see_other;
use crate::web::render::{page, page_with_status};
use crate::web::session;

use forms::{ROLES, ReasonForm, UsersQuery};
use queries::PAGE_SIZE;
use views::{Choice, HistoryRow, OrgLink, UserPage, UserRow, UserView, UsersPage, role_label};

/// How many account events the user page lists.
const HISTORY_LIMIT: i64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/users", get(list))
        .route("/staff/users/{id}", get(show))
        .route("/staff/users/{id}/suspend", post(suspend))
        .route("/staff/users/{id}/restore", post(restore))
}

pub async fn list(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(raw): Query<UsersQuery>,
) -> AppResult<Response> {
    let query = raw.cleaned();
    let Some(page_number) = query.page_number() else {
        return Ok(see_other(&query.href(1)));
    };
    let locale = ctx.locale;
    let mut conn = state.db.acquire().await?;
    let scope = HubScope::load(&mut conn, &user).await?;
    let roles = ROLES
        .iter()
        .map(|&code| Choice {
            code,
            label: role_label(locale, code),
            selected: query.role == code,
        })
        .collect();
    let accounts = ["active", "suspended"]
        .iter()
        .map(|&code| Choice {
            code,
            label: ctx.t(&format!("users-filter-account-{code}")),
            selected: query.account == code,
        })
        .collect();
    let mut view = UsersPage {
        ctx: &ctx,
        query: query.clone(),
        errors: FieldErrors::new(),
        roles,
        accounts,
        users: Vec::new(),
        total: 0,
        nav: PageNav::new(1, 1, |n| query.href(n)),
        scoped: !scope.all_hubs,
    };
    let filter = match query.validate() {
        Ok(filter) => filter,
        Err(errors) => {
            view.errors = errors;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let total = queries::count_users(&mut conn, &filter, &scope).await?;
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    if page_number > 1 && page_number > pages {
        return Ok(see_other(&query.href(1)));
    }
    let rows = queries::page_of_users(&mut conn, &filter, &scope, locale, page_number).await?;
    view.users = rows.into_iter().map(|u| UserRow::of(locale, u)).collect();
    view.total = total;
    view.nav = PageNav::new(page_number, pages, |n| query.href(n));
    Ok(page(&view))
}

pub async fn show(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let view = user_page(&state, &ctx, &user, id, FieldErrors::new(), String::new()).await?;
    Ok(page(&view))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    Suspend,
    Restore,
}

impl Change {
    fn missing_reason_key(self) -> &'static str {
        match self {
            Change::Suspend => "users-error-reason-missing-suspend",
            Change::Restore => "users-error-reason-missing-restore",
        }
    }

    /// Suspend an active account; restore a suspended one. Anything else is stale.
    fn applies_to(self, suspended: bool) -> bool {
        match self {
            Change::Suspend => !suspended,
            Change::Restore => suspended,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Change::Suspend => "user.suspended",
            Change::Restore => "user.restored",
        }
    }

    fn flash_key(self) -> &'static str {
        match self {
            Change::Suspend => "flash-users-suspended",
            Change::Restore => "flash-users-restored",
        }
    }
}

pub async fn suspend(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    change(&state, &ctx, &user, id, form, Change::Suspend).await
}

pub async fn restore(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<ReasonForm>,
) -> AppResult<Response> {
    change(&state, &ctx, &user, id, form, Change::Restore).await
}

/// Suspends or restores in one transaction: the account row (locked), its sessions and the
/// audit row commit together or not at all.
async fn change(
    state: &AppState,
    ctx: &RequestContext,
    staff: &crate::auth::model::SessionUser,
    id: i64,
    form: ReasonForm,
    change: Change,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let scope = HubScope::load(&mut tx, staff).await?;
    let locked = queries::lock_user(&mut tx, &scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !scope::is_manageable_role(&locked.role) {
        tx.rollback().await?;
        return Err(AppError::Forbidden);
    }
    if !change.applies_to(locked.disabled_at.is_some()) {
        tx.rollback().await?;
        return Ok(stale(ctx));
    }
    let reason = match form.validate(change.missing_reason_key()) {
        Ok(reason) => reason,
        Err(errors) => {
            tx.rollback().await?;
            let again = user_page(state, ctx, staff, id, errors, form.cleaned()).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &again));
        }
    };
    let details = match change {
        Change::Suspend => {
            queries::suspend(&mut tx, id, &reason, staff.id).await?;
            let ended = session::delete_all_for_user(&mut tx, id).await?;
            json!({ "reason": reason, "sessions_ended": ended })
        }
        Change::Restore => {
            queries::restore(&mut tx, id).await?;
            json!({ "reason": reason, "suspension_reason": locked.disabled_reason })
        }
    };
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(staff.id),
            action: change.audit_action(),
            target_type: "user",
            target_id: Some(id.to_string()),
            details,
        },
    )
    .await?;
    let mut response = see_other(&format!("/staff/users/{id}"));
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, change.flash_key()),
    );
    ctx.commit(tx, response).await
}

/// 409: the account was suspended or restored meanwhile (or the form was sent twice).
fn stale(ctx: &RequestContext) -> Response {
    page_with_status(
        StatusCode::CONFLICT,
        &MessagePage {
            ctx,
            title_key: "users-stale-title",
            body_key: "users-stale-body",
            link: Some(("/staff/users", "users-back-to-list")),
            confirmation: false,
        },
    )
}

async fn user_page<'a>(
    state: &AppState,
    ctx: &'a RequestContext,
    staff: &crate::auth::model::SessionUser,
    id: i64,
    errors: FieldErrors,
    reason: String,
) -> AppResult<UserPage<'a>> {
    let locale = ctx.locale;
    let mut conn = state.db.acquire().await?;
    let scope = HubScope::load(&mut conn, staff).await?;
    let detail = queries::user_detail(&mut conn, &scope, locale, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let last_sign_in = queries::last_sign_in(&mut conn, id).await?;
    let orgs = if detail.role == "owner" {
        queries::organisations_of(&mut conn, id).await?
    } else {
        Vec::new()
    };
    let history = queries::account_history(&mut conn, id, HISTORY_LIMIT).await?;
    Ok(UserPage {
        ctx,
        u: UserView::of(locale, detail, last_sign_in),
        orgs: orgs.iter().map(|o| OrgLink::of(locale, o)).collect(),
        history: history
            .into_iter()
            .map(|e| HistoryRow::of(locale, e))
            .collect(),
        errors,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_change_applies_to_one_state_only() {
        assert!(Change::Suspend.applies_to(false));
        assert!(!Change::Suspend.applies_to(true));
        assert!(Change::Restore.applies_to(true));
        assert!(!Change::Restore.applies_to(false));
    }

    #[test]
    fn only_scientists_and_owners_are_managed_here() {
        assert!(scope::is_manageable_role("scientist"));
        assert!(scope::is_manageable_role("owner"));
        assert!(!scope::is_manageable_role("staff"));
        assert!(!scope::is_manageable_role("admin"));
    }
}
