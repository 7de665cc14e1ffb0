//! The second sign-in step of staff and admins: enrol an authenticator (first time), then type
//! its code, or a recovery code, at every sign-in.
//!
//! Both steps are reached with a password-only session (`RequestContext::awaiting_second_factor`).
//! On success that session is replaced by a new one marked as having passed, so the id that
//! existed before the code was checked is never good for a staff page.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{self, AuditEvent};
use crate::auth::model::SessionUser;
use crate::auth::two_factor::codes;
use crate::auth::two_factor::queries;
use crate::auth::two_factor::views::{CodePage, RecoveryCodesPage, SetupPage};
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::context::{AwaitingSecondFactor, RequestContext, flash_cookie};
use crate::web::forms::FieldErrors;
use crate::web::rate_limit;
use crate::web::redirect::{safe_local_path, see_other};
use crate::web::render::{page, page_with_status};
use crate::web::{cookies, session};

pub const CODE_STEP: &str = "/login/two-factor";
pub const SETUP_STEP: &str = "/login/two-factor/setup";
/// Where staff land when the sign-in did not start from a particular page.
const DEFAULT_NEXT: &str = "/staff";

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// The step a staff member goes to after their password: setup if they have no authenticator.
pub async fn first_step_for(state: &AppState, user_id: i64) -> AppResult<&'static str> {
    let mut conn = state.db.acquire().await?;
    Ok(if queries::is_enrolled(&mut conn, user_id).await? {
        CODE_STEP
    } else {
        SETUP_STEP
    })
}

pub async fn code_form(ctx: RequestContext, Query(query): Query<NextQuery>) -> Response {
    let next = next_or_default(&query.next);
    match step_owner(&ctx, true, &next) {
        Ok(_) => page(&CodePage {
            ctx: &ctx,
            next,
            errors: FieldErrors::new(),
        }),
        Err(elsewhere) => see_other(&elsewhere),
    }
}

pub async fn submit_code(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let next = next_or_default(&form.next);
    let awaiting = match step_owner(&ctx, true, &next) {
        Ok(awaiting) => awaiting,
        Err(elsewhere) => return Ok(see_other(&elsewhere)),
    };
    let user = &awaiting.user;
    count_attempt(&state, user.id).await?;

    let mut tx = state.db.begin().await?;
    let Some(method) = check_code(&mut tx, user.id, &form.code).await? else {
        tx.rollback().await?;
        tracing::info!("second factor refused");
        return Ok(wrong_code(&ctx, next, &form.code));
    };
    let new_session = passed(&mut tx, user, "user.second_factor_passed", method).await?;
    tx.commit().await?;

    let mut response = see_other(&next);
    set_session_cookie(&state, &mut response, &new_session.cookie_value);
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, "flash-signed-in"),
    );
    Ok(response)
}

pub async fn setup_form(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<NextQuery>,
) -> AppResult<Response> {
    let next = next_or_default(&query.next);
    let awaiting = match step_owner(&ctx, false, &next) {
        Ok(awaiting) => awaiting,
        Err(elsewhere) => return Ok(see_other(&elsewhere)),
    };
    let mut tx = state.db.begin().await?;
    let secret = queries::pending_secret(&mut tx, awaiting.user.id).await?;
    tx.commit().await?;
    let Some(secret) = secret else {
        // Confirmed by another tab in the meantime.
        return Ok(see_other(&step_href(CODE_STEP, &next)));
    };
    Ok(setup_page(
        &ctx,
        &awaiting.user,
        &secret,
        next,
        FieldErrors::new(),
    ))
}

pub async fn submit_setup(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<CodeForm>,
) -> AppResult<Response> {
    let next = next_or_default(&form.next);
    let awaiting = match step_owner(&ctx, false, &next) {
        Ok(awaiting) => awaiting,
        Err(elsewhere) => return Ok(see_other(&elsewhere)),
    };
    let user = &awaiting.user;
    count_attempt(&state, user.id).await?;

    let mut tx = state.db.begin().await?;
    let Some(secret) = queries::pending_secret(&mut tx, user.id).await? else {
        tx.rollback().await?;
        return Ok(see_other(&step_href(CODE_STEP, &next)));
    };
    let step = codes::matching_step(&secret, &form.code, now_step(), None);
    let Some(step) = step else {
        tx.rollback().await?;
        let mut errors = FieldErrors::new();
        errors.add("code", wrong_code_key(&form.code));
        return Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            setup_page(&ctx, user, &secret, next, errors),
        ));
    };
    queries::confirm(&mut tx, user.id, step).await?;
    let recovery_codes = codes::new_recovery_codes();
    queries::replace_recovery_codes(&mut tx, user.id, &recovery_codes).await?;
    let new_session = passed(&mut tx, user, "user.two_factor_enrolled", "totp").await?;
    tx.commit().await?;

    // The codes are shown once, on this answer, and never again: only their hashes are kept.
    let signed_in = RequestContext {
        user: Some(user.clone()),
        awaiting_second_factor: None,
        csrf_token: new_session.csrf_token.clone(),
        ..ctx.clone()
    };
    let mut response = page(&RecoveryCodesPage {
        ctx: &signed_in,
        codes: recovery_codes,
        next,
    });
    set_session_cookie(&state, &mut response, &new_session.cookie_value);
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// The awaiting user, if this step is theirs; otherwise the redirect that sends the browser to
/// where it belongs (sign-in, the other step, or straight on if already through).
fn step_owner<'a>(
    ctx: &'a RequestContext,
    code_step: bool,
    next: &str,
) -> Result<&'a AwaitingSecondFactor, String> {
    let elsewhere = match &ctx.awaiting_second_factor {
        Some(awaiting) if awaiting.enrolled == code_step => return Ok(awaiting),
        Some(awaiting) => step_href(awaiting.step_path(), next),
        None if ctx.user.is_some() => next.to_string(),
        None => "/login".to_string(),
    };
    Err(elsewhere)
}

/// Which kind of code was accepted ("totp" or "recovery_code"), or `None` for a wrong one.
async fn check_code(
    conn: &mut sqlx::PgConnection,
    user_id: i64,
    typed: &str,
) -> sqlx::Result<Option<&'static str>> {
    let Some(authenticator) = queries::lock_confirmed(conn, user_id).await? else {
        return Ok(None);
    };
    if codes::normalise_totp(typed).is_some() {
        let step = codes::matching_step(
            &authenticator.secret_base32,
            typed,
            now_step(),
            authenticator.last_used_step,
        );
        return Ok(match step {
            Some(step) => {
                queries::record_used_step(conn, user_id, step).await?;
                Some("totp")
            }
            None => None,
        });
    }
    Ok(queries::use_recovery_code(conn, user_id, typed)
        .await?
        .then_some("recovery_code"))
}

/// Replaces the password-only session with one that has passed, and audits how.
async fn passed(
    tx: &mut sqlx::PgConnection,
    user: &SessionUser,
    action: &'static str,
    method: &str,
) -> AppResult<session::NewSession> {
    session::delete(&mut *tx, &user.session_id_hash).await?;
    let new_session = session::create(&mut *tx, user.id, true).await?;
    audit::record(
        &mut *tx,
        AuditEvent {
            actor_id: Some(user.id),
            action,
            target_type: "user",
            target_id: Some(user.id.to_string()),
            details: json!({ "method": method }),
        },
    )
    .await?;
    Ok(new_session)
}

async fn count_attempt(state: &AppState, user_id: i64) -> AppResult<()> {
    let mut conn = state.db.acquire().await?;
    rate_limit::hit(
        &mut conn,
        &format!("two-factor:account:{user_id}"),
        rate_limit::SECOND_FACTOR_PER_ACCOUNT,
    )
    .await
}

fn wrong_code(ctx: &RequestContext, next: String, typed: &str) -> Response {
    let mut errors = FieldErrors::new();
    // At the code step a recovery code is welcome too, so only emptiness is a format error.
    let key = if typed.trim().is_empty() {
        "tfa-error-code-missing"
    } else {
        "tfa-error-code-wrong"
    };
    errors.add("code", key);
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &CodePage { ctx, next, errors },
    )
}

fn wrong_code_key(typed: &str) -> &'static str {
    if typed.trim().is_empty() {
        "tfa-error-code-missing"
    } else if codes::normalise_totp(typed).is_none() {
        "tfa-error-code-format"
    } else {
        "tfa-error-code-wrong"
    }
}

fn setup_page(
    ctx: &RequestContext,
    user: &SessionUser,
    secret: &str,
    next: String,
    errors: FieldErrors,
) -> Response {
    let uri = codes::provisioning_uri(secret, &user.email);
    let mut response = page(&SetupPage {
        ctx,
        qr_svg: codes::qr_svg(&uri),
        key: codes::grouped(secret),
        next,
        errors,
    });
    // The page holds the secret: no cache may keep it.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

fn with_status(status: StatusCode, mut response: Response) -> Response {
    *response.status_mut() = status;
    response
}

fn set_session_cookie(state: &AppState, response: &mut Response, cookie_value: &str) {
    cookies::append(
        response.headers_mut(),
        cookies::build(&state.config, cookies::SESSION, cookie_value, None),
    );
}

fn next_or_default(next: &str) -> String {
    safe_local_path(Some(next), DEFAULT_NEXT).to_string()
}

fn step_href(step: &str, next: &str) -> String {
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    format!("{step}?{query}")
}

fn now_step() -> i64 {
    codes::step_at(OffsetDateTime::now_utc().unix_timestamp().max(0) as u64)
}
