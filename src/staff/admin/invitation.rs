//! The invitation of a new staff member: the email with its set-password link, and
//! `GET|POST /invitation?token=…`, where the invitee chooses a password (the same rules as at
//! registration). Then they sign in; the second factor is set up at their first sign-in.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use sqlx::PgConnection;

use crate::audit::{self, AuditEvent};
use crate::auth::forms::ResetForm;
use crate::auth::queries as auth_queries;
use crate::auth::views::MessagePage;
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::notifications::outbox;
use crate::staff::admin::done;
use crate::staff::admin::queries::{self, INVITATION_DAYS, Invitation};
use crate::staff::admin::views::InvitationPage;
use crate::state::AppState;
use crate::web::client_ip::ClientIp;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::rate_limit;
use crate::web::render::{page, page_with_status};
use crate::web::session;

/// Who is invited, and by whom.
pub struct Invitee<'a> {
    pub user_id: i64,
    pub email: &'a str,
    pub name: &'a str,
    pub locale: Locale,
    pub inviter: &'a str,
}

/// Creates a new set-password token (earlier ones stop working) and puts the invitation email,
/// in the invitee's language, in the outbox of the caller's transaction.
pub async fn send(conn: &mut PgConnection, state: &AppState, who: Invitee<'_>) -> sqlx::Result<()> {
    let token = queries::new_invitation_token(&mut *conn, who.user_id).await?;
    let link = state.config.link(&format!("/invitation?token={token}"));
    let days = INVITATION_DAYS.to_string();
    let subject = who.locale.t("admin-email-invite-subject");
    let body = who.locale.t_args(
        "admin-email-invite-body",
        &[
            ("name", who.name),
            ("inviter", who.inviter),
            ("link", &link),
            ("days", &days),
        ],
    );
    outbox::enqueue(conn, who.email, &subject, &body).await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<TokenQuery>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    match queries::find_invitation(&mut conn, &query.token).await? {
        Invitation::Usable {
            email,
            display_name,
            ..
        } => Ok(page(&InvitationPage {
            ctx: &ctx,
            token: query.token,
            name: display_name,
            email,
            errors: FieldErrors::new(),
        })),
        other => Ok(not_usable(&ctx, &other)),
    }
}

pub async fn accept(
    State(state): State<AppState>,
    ctx: RequestContext,
    ClientIp(address): ClientIp,
    Form(form): Form<ResetForm>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let key = format!("password:ip:{address}");
    rate_limit::hit(&mut conn, &key, rate_limit::PASSWORD_PER_ADDRESS).await?;
    let invitation = queries::find_invitation(&mut conn, &form.token).await?;
    drop(conn);
    let Invitation::Usable {
        email,
        display_name,
        ..
    } = invitation
    else {
        return Ok(not_usable(&ctx, &invitation));
    };
    let errors = form.validate();
    if !errors.is_empty() {
        let page = InvitationPage {
            ctx: &ctx,
            token: form.token,
            name: display_name,
            email,
            errors,
        };
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    let password_hash = state.passwords.hash(&form.password).await?;

    let mut tx = state.db.begin().await?;
    let Some(user_id) = queries::consume_invitation(&mut tx, &form.token).await? else {
        return Ok(not_usable(&ctx, &Invitation::Used));
    };
    auth_queries::set_password_hash(&mut tx, user_id, &password_hash).await?;
    auth_queries::mark_email_verified(&mut tx, user_id).await?;
    queries::retire_invitations(&mut tx, user_id).await?;
    session::delete_all_for_user(&mut tx, user_id).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user_id),
            action: "staff.invitation_accepted",
            target_type: "user",
            target_id: Some(user_id.to_string()),
            details: json!({}),
        },
    )
    .await?;
    let response = done(&state, "/login", "flash-admin-invitation-accepted");
    ctx.commit(tx, response).await
}

/// Why the link does not work, and what to do instead.
fn not_usable(ctx: &RequestContext, invitation: &Invitation) -> Response {
    let (title_key, body_key, link) = match invitation {
        Invitation::Used => (
            "admin-invitation-used-title",
            "admin-invitation-used-body",
            Some(("/login", "nav-sign-in")),
        ),
        Invitation::Expired => (
            "admin-invitation-expired-title",
            "admin-invitation-expired-body",
            None,
        ),
        _ => (
            "admin-invitation-invalid-title",
            "admin-invitation-invalid-body",
            None,
        ),
    };
    page_with_status(
        StatusCode::BAD_REQUEST,
        &MessagePage {
            ctx,
            title_key,
            body_key,
            link,
            confirmation: false,
        },
    )
}
