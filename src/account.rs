//! A user's rights over their own data: export everything as JSON, or delete it.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::PgConnection;

use crate::audit::{self, AuditEvent};
use crate::auth::queries;
use crate::error::{AppError, AppResult};
use crate::scientists::queries::load_profile;
use crate::state::AppState;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::forms::FieldErrors;
use crate::web::guards::CurrentUser;
use crate::web::redirect::see_other;
use crate::web::render::{page, page_with_status};

/// Everything we hold about the signed-in user, as a JSON download.
pub async fn export(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let document = export_document(&mut conn, user.id).await?;
    let body = serde_json::to_vec_pretty(&document).map_err(anyhow::Error::from)?;
    Ok((
        [
            (CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"knowbridge-export.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

pub async fn export_document(conn: &mut PgConnection, user_id: i64) -> AppResult<Value> {
    let account: AccountRow = sqlx::query_as(
        "select email, display_name, role, preferred_locale, email_verified_at, created_at
               from users where id = $1",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    let activity: Vec<ActivityRow> = sqlx::query_as(
        "select action, target_type, target_id, created_at from audit_events
          where actor_id = $1 order by id",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let profile = load_profile(conn, user_id).await?.map(|stored| {
        let p = stored.profile;
        json!({
            "full_name": p.full_name, "name_reading": p.name_reading, "position": p.position,
            "affiliation": p.affiliation, "hub": p.hub_code, "city": p.city,
            "highest_degree": p.highest_degree, "years_abroad": p.years_abroad,
            "fields": p.fields, "keywords": p.keywords, "summary": p.summary_md,
            "languages": p.languages.iter().map(|l| json!({"language": l.language, "level": l.level})).collect::<Vec<_>>(),
            "engagement_kinds": p.engagement_kinds,
            "available_hours_per_month": p.available_hours_per_month,
            "available_from": p.available_from.map(|d| d.to_string()),
            "available_until": p.available_until.map(|d| d.to_string()),
            "willing_to_travel": p.willing_to_travel, "orcid": p.orcid,
            "researchmap_id": p.researchmap_id,
            "publications": p.publications.iter().map(|pb| json!({"title": pb.title, "venue": pb.venue, "year": pb.year, "doi": pb.doi})).collect::<Vec<_>>(),
            "visibility": p.visibility.code(),
            "updated_at": stored.updated_at.to_string(),
        })
    });
    Ok(json!({
        "account": {
            "email": account.email, "display_name": account.display_name, "role": account.role,
            "preferred_locale": account.preferred_locale,
            "email_verified_at": account.email_verified_at.map(|t| t.to_string()),
            "created_at": account.created_at.to_string(),
        },
        "scientist_profile": profile,
        "activity": activity.into_iter().map(|a| json!({
            "action": a.action, "target_type": a.target_type, "target_id": a.target_id,
            "at": a.created_at.to_string(),
        })).collect::<Vec<_>>(),
    }))
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    email: String,
    display_name: String,
    role: String,
    preferred_locale: String,
    email_verified_at: Option<time::OffsetDateTime>,
    created_at: time::OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct ActivityRow {
    action: String,
    target_type: String,
    target_id: Option<String>,
    created_at: time::OffsetDateTime,
}

#[derive(Template)]
#[template(path = "account/delete.html")]
struct DeletePage<'a> {
    ctx: &'a RequestContext,
    errors: FieldErrors,
}

pub async fn delete_form(CurrentUser(_user): CurrentUser, ctx: RequestContext) -> Response {
    page(&DeletePage {
        ctx: &ctx,
        errors: FieldErrors::new(),
    })
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    password: String,
}

/// Removes personal data after the password is confirmed. The user row stays, anonymised and
/// unusable, so the audit log and other parties' records keep a (nameless) reference.
pub async fn delete(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<DeleteForm>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let stored = queries::find_by_id(&mut conn, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    if !state
        .passwords
        .verify(&form.password, Some(&stored.password_hash))
        .await
    {
        let mut errors = FieldErrors::new();
        let key = if form.password.is_empty() {
            "error-password-missing"
        } else {
            "error-delete-password-wrong"
        };
        errors.add("password", key);
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeletePage { ctx: &ctx, errors },
        ));
    }
    let mut tx = state.db.begin().await?;
    anonymise(&mut tx, user.id, &stored.email).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user.id),
            action: "user.deleted",
            target_type: "user",
            target_id: Some(user.id.to_string()),
            details: json!({}),
        },
    )
    .await?;
    let mut response = see_other("/");
    let headers = response.headers_mut();
    cookies::append(
        headers,
        cookies::build(&state.config, cookies::SESSION, "", Some(0)),
    );
    cookies::append(
        headers,
        flash_cookie(&state.config, "flash-account-deleted"),
    );
    ctx.commit(tx, response).await
}

async fn anonymise(conn: &mut PgConnection, user_id: i64, email: &str) -> sqlx::Result<()> {
    sqlx::query("delete from scientist_profiles where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from sessions where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from user_tokens where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from emails where lower(to_address) = lower($1) and status = 'pending'")
        .bind(email)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "update users set email = 'deleted-' || id || '@deleted.invalid', display_name = '—',
                password_hash = '!', disabled_at = now(), updated_at = now()
          where id = $1",
    )
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}
