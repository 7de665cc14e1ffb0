//! The start page, health checks, and the language switch.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::auth::queries;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::cookies;
use crate::web::redirect::{safe_local_path, see_other};
use crate::web::render::page;

#[derive(Template)]
#[template(path = "home/index.html")]
struct HomePage<'a> {
    ctx: &'a RequestContext,
}

pub async fn home(ctx: RequestContext) -> Response {
    page(&HomePage { ctx: &ctx })
}

/// The process is up (for the load balancer's liveness probe).
pub async fn healthz() -> &'static str {
    "ok"
}

/// The process can reach its database (readiness probe). Answers within
/// [`READY_CHECK_TIMEOUT`] even when the database hangs, and is never cached.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let check = tokio::time::timeout(
        READY_CHECK_TIMEOUT,
        sqlx::query("select 1").execute(&state.db),
    )
    .await;
    let no_store = [(axum::http::header::CACHE_CONTROL, "no-store")];
    match check {
        Ok(Ok(_)) => (no_store, "ready").into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            no_store,
            "not ready: database unreachable",
        )
            .into_response(),
    }
}

/// Shorter than the pool's acquire timeout, so a probe learns of an outage quickly.
pub const READY_CHECK_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(1500);

#[derive(Deserialize)]
pub struct LanguageForm {
    locale: String,
    #[serde(default)]
    return_to: String,
}

/// Remembers the chosen language in a cookie (and in the account when signed in), then
/// returns to the page the visitor was on.
pub async fn set_language(
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<LanguageForm>,
) -> AppResult<Response> {
    let locale = Locale::from_code(&form.locale).ok_or(AppError::NotFound)?;
    // A staff member at the code step has proved their password: their choice is kept too (the
    // saved preference outranks the cookie, so otherwise the switch would not take).
    let awaiting = ctx.awaiting_second_factor.as_ref().map(|a| &a.user);
    if let Some(user) = ctx.user.as_ref().or(awaiting) {
        let mut conn = state.db.acquire().await?;
        queries::set_preferred_locale(&mut conn, user.id, locale.code()).await?;
    }
    let mut response = see_other(safe_local_path(Some(&form.return_to), "/"));
    let one_year = 365 * 24 * 3600;
    let cookie = cookies::build(
        &state.config,
        cookies::LANGUAGE,
        locale.code(),
        Some(one_year),
    );
    cookies::append(response.headers_mut(), cookie);
    Ok(response)
}
