//! `GET /staff/orgs/{id}` (an organisation as staff see it: details, members, the decision and
//! the form to attach an owner), `POST /staff/orgs/{id}/verify|reject` and
//! `POST /staff/orgs/{id}/members`. Organisations have no hub, so every staff member may act.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use sqlx::PgConnection;

use crate::audit::{self, AuditEvent};
use crate::error::{AppError, AppResult};
use crate::i18n::format_date;
use crate::notifications::inbox::{Notice, notify};
use crate::staff::review::forms::{DecisionForm, MemberForm, field_error};
use crate::staff::review::queries::{self, LockedOrg, OrgDetail};
use crate::staff::review::views::{OrgName, OrgPage, OrgView, org_kind_label, org_state_tag};
use crate::staff::review::{done, stale};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::StaffUser;
use crate::web::render::{page, page_with_status};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrgDecision {
    Verify,
    Reject,
}

impl OrgDecision {
    /// unverified → verified | rejected; a decided organisation is not decided again.
    fn next(self, current: &str) -> Option<&'static str> {
        (current == "unverified").then_some(match self {
            OrgDecision::Verify => "verified",
            OrgDecision::Reject => "rejected",
        })
    }

    fn audit_action(self) -> &'static str {
        match self {
            OrgDecision::Verify => "org.verified",
            OrgDecision::Reject => "org.rejected",
        }
    }

    fn missing_reason_key(self) -> Option<&'static str> {
        match self {
            OrgDecision::Verify => None,
            OrgDecision::Reject => Some("review-error-reason-missing-org"),
        }
    }

    fn notice_key(self, has_reason: bool) -> &'static str {
        match (self, has_reason) {
            (OrgDecision::Verify, false) => "notice-org-verified",
            (OrgDecision::Verify, true) => "notice-org-verified-note",
            (OrgDecision::Reject, _) => "notice-org-rejected",
        }
    }

    fn flash_key(self) -> &'static str {
        match self {
            OrgDecision::Verify => "flash-review-org-verified",
            OrgDecision::Reject => "flash-review-org-rejected",
        }
    }
}

pub async fn show(
    StaffUser(_staff): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let org = org_page(
        &state,
        &ctx,
        id,
        FieldErrors::new(),
        String::new(),
        String::new(),
    )
    .await?;
    Ok(page(&org))
}

pub async fn verify(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    decide(&state, &ctx, user.id, id, form, OrgDecision::Verify).await
}

pub async fn reject(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    decide(&state, &ctx, user.id, id, form, OrgDecision::Reject).await
}

/// Verifies or rejects in one transaction with its audit row and the notification.
async fn decide(
    state: &AppState,
    ctx: &RequestContext,
    actor_id: i64,
    id: i64,
    form: DecisionForm,
    decision: OrgDecision,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let locked = queries::lock_org(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(next) = decision.next(&locked.status) else {
        tx.rollback().await?;
        return Ok(stale(ctx));
    };
    let reason = match form.validate(decision.missing_reason_key()) {
        Ok(reason) => reason,
        Err(errors) => {
            tx.rollback().await?;
            let again = org_page(state, ctx, id, errors, form.cleaned(), String::new()).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &again));
        }
    };
    queries::set_org_status(&mut tx, id, next, actor_id).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(actor_id),
            action: decision.audit_action(),
            target_type: "organisation",
            target_id: Some(id.to_string()),
            details: json!({ "reason": reason, "from": locked.status, "to": next }),
        },
    )
    .await?;
    if let Some(creator) = locked.created_by {
        let key = decision.notice_key(reason.is_some());
        tell(&mut tx, state, creator, id, &locked, key, reason.as_deref()).await?;
    }
    let response = done(state, "/staff/review", decision.flash_key());
    ctx.commit(tx, response).await
}

/// Notifies `user_id` about the organisation, naming it in their language.
async fn tell(
    conn: &mut PgConnection,
    state: &AppState,
    user_id: i64,
    org_id: i64,
    org: &LockedOrg,
    message_key: &'static str,
    reason: Option<&str>,
) -> AppResult<()> {
    let locale = queries::reader_locale(conn, user_id).await?;
    let (name, _) = org.org.in_locale(locale);
    let link = format!("/orgs/{org_id}");
    let args = [("org", name.as_str()), ("reason", reason.unwrap_or(""))];
    let notice = Notice {
        user_id,
        message_key,
        args: &args,
        link: &link,
    };
    notify(conn, notice, &state.config.origin()).await?;
    Ok(())
}

/// Attaches an existing owner account to the organisation (adding twice changes nothing).
pub async fn add_member(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<MemberForm>,
) -> AppResult<Response> {
    let email = match form.validate() {
        Ok(email) => email,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return member_refused(&state, &ctx, id, status, errors, form.cleaned()).await;
        }
    };
    let mut tx = state.db.begin().await?;
    let org = queries::lock_org(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let owner = if org.status == "rejected" {
        Err((StatusCode::CONFLICT, "review-error-member-org-rejected"))
    } else {
        let found = queries::find_owner(&mut tx, &email).await?;
        found.ok_or((
            StatusCode::UNPROCESSABLE_ENTITY,
            "review-error-email-unknown",
        ))
    };
    let owner_id = match owner {
        Ok(owner_id) => owner_id,
        Err((status, key)) => {
            tx.rollback().await?;
            let errors = field_error("email", key);
            return member_refused(&state, &ctx, id, status, errors, email).await;
        }
    };
    let back = format!("/staff/orgs/{id}");
    if !queries::add_member(&mut tx, id, owner_id).await? {
        tx.rollback().await?;
        return Ok(done(&state, &back, "flash-review-member-already"));
    }
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user.id),
            action: "org.member_added",
            target_type: "organisation",
            target_id: Some(id.to_string()),
            details: json!({ "user_id": owner_id, "email": email }),
        },
    )
    .await?;
    tell(
        &mut tx,
        &state,
        owner_id,
        id,
        &org,
        "notice-org-member-added",
        None,
    )
    .await?;
    let response = done(&state, &back, "flash-review-member-added");
    ctx.commit(tx, response).await
}

/// The organisation page again, with the email as typed and why it was not added.
async fn member_refused(
    state: &AppState,
    ctx: &RequestContext,
    id: i64,
    status: StatusCode,
    errors: FieldErrors,
    email: String,
) -> AppResult<Response> {
    let again = org_page(state, ctx, id, errors, String::new(), email).await?;
    Ok(page_with_status(status, &again))
}

async fn org_page<'a>(
    state: &AppState,
    ctx: &'a RequestContext,
    id: i64,
    errors: FieldErrors,
    reason: String,
    email: String,
) -> AppResult<OrgPage<'a>> {
    let mut conn = state.db.acquire().await?;
    let detail = queries::org_detail(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = queries::org_members(&mut conn, id).await?;
    Ok(OrgPage {
        ctx,
        o: org_view(ctx, detail),
        members,
        errors,
        reason,
        email,
    })
}

fn org_view(ctx: &RequestContext, d: OrgDetail) -> OrgView {
    let locale = ctx.locale;
    let decided = d.decided_at.map(|at| {
        let by = d.decider_name.clone().unwrap_or_else(|| "—".into());
        format!("{} · {by}", format_date(locale, at))
    });
    OrgView {
        id: d.id,
        name: OrgName::of(&d.org, locale),
        kind: org_kind_label(locale, &d.kind),
        tag: org_state_tag(locale, &d.status),
        registered: format_date(locale, d.created_at),
        creator_name: d.creator_name.unwrap_or_else(|| "—".into()),
        creator_email: d.creator_email.unwrap_or_default(),
        decided,
        pending: d.status == "unverified",
        rejected: d.status == "rejected",
        name_vi: d.org.name_vi,
        name_en: d.org.name_en,
        name_ja: d.org.name_ja.unwrap_or_default(),
        country: d.country_code,
        website: d.website.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unverified_organisation_can_be_decided() {
        for decision in [OrgDecision::Verify, OrgDecision::Reject] {
            assert!(decision.next("unverified").is_some());
            assert_eq!(decision.next("verified"), None);
            assert_eq!(decision.next("rejected"), None);
        }
        assert_eq!(OrgDecision::Verify.next("unverified"), Some("verified"));
        assert_eq!(OrgDecision::Reject.next("unverified"), Some("rejected"));
    }

    #[test]
    fn rejecting_needs_a_reason_and_verifying_does_not() {
        assert!(OrgDecision::Verify.missing_reason_key().is_none());
        assert!(OrgDecision::Reject.missing_reason_key().is_some());
    }
}
