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

/// The process can reach its database (readiness probe).
pub async fn readyz(State(state): State<AppState>) -> Response {
    let check = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        sqlx::query("select 1").execute(&state.db),
    )
    .await;
    match check {
        Ok(Ok(_)) => "ready".into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response(),
    }
}

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
    if let Some(user) = &ctx.user {
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
