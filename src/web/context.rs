//! Everything a page needs to know about the request it answers: language, user, CSRF token,
//! path, request id and a one-time flash message. Built once per request by [`load_context`].

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sqlx::{Postgres, Transaction};

use crate::auth::model::SessionUser;
use crate::auth::tokens::random_token;
use crate::error::{AppError, AppResult};
use crate::i18n::{self, Locale};
use crate::state::AppState;
use crate::web::idempotency::{self, WriteClaim};
use crate::web::{cookies, error_pages, session};

#[derive(Clone, Debug)]
pub struct RequestContext {
    pub locale: Locale,
    /// The signed-in user. A staff member or admin who has not yet passed the second factor is
    /// not here but in `awaiting_second_factor`, so no page can mistake them for signed in.
    pub user: Option<SessionUser>,
    pub awaiting_second_factor: Option<AwaitingSecondFactor>,
    pub csrf_token: String,
    /// Path and query of this request, for the language switch's `return_to`.
    pub path: String,
    pub request_id: String,
    /// A message key shown once after a redirect ("flash-signed-in").
    pub flash: Option<String>,
    pub asset_version: std::sync::Arc<str>,
    /// The idempotency key this request claimed (`web::idempotency`), if it sent one on a
    /// guarded form: [`RequestContext::commit`] records the answer with the handler's write.
    pub write_claim: Option<WriteClaim>,
}

/// A password-only session of a staff member or admin: it may only reach the code step.
#[derive(Clone, Debug)]
pub struct AwaitingSecondFactor {
    pub user: SessionUser,
    /// Whether the user has an authenticator (code step) or must enrol one (setup step).
    pub enrolled: bool,
}

impl AwaitingSecondFactor {
    /// Where the user goes next: the code step, or the setup of a first authenticator.
    pub fn step_path(&self) -> &'static str {
        if self.enrolled {
            "/login/two-factor"
        } else {
            "/login/two-factor/setup"
        }
    }
}

impl RequestContext {
    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    pub fn t_args(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.locale.t_args(key, args)
    }

    pub fn t_count(&self, key: &str, name: &str, count: u64) -> String {
        self.locale.t_count(key, name, count)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// Commits a form handler's transaction on its success path, answering `response`. When
    /// the request claimed an idempotency key, the key and its answer are recorded in the same
    /// transaction, so that a retry after a lost acknowledgement of the commit replays the
    /// answer instead of acting again (see `web::idempotency`).
    pub async fn commit(
        &self,
        tx: Transaction<'_, Postgres>,
        response: Response,
    ) -> AppResult<Response> {
        Ok(idempotency::commit(tx, self.write_claim.as_ref(), response).await?)
    }

    /// A fresh idempotency key for one form (`web::idempotency`): every call is a new random
    /// token, so each form on a page, and each rendering of it, gets its own.
    pub fn form_key(&self) -> String {
        random_token()
    }

    pub fn is_staff(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.is_staff())
    }

    /// Staff pages show the console's own navigation.
    pub fn in_console(&self) -> bool {
        self.is_staff() && (self.in_section("/staff") || self.in_section("/admin"))
    }

    /// Whether this page is `prefix` or below it (for `aria-current` in navigation).
    pub fn in_section(&self, prefix: &str) -> bool {
        let path = self.path.split('?').next().unwrap_or_default();
        path == prefix || path.starts_with(&format!("{prefix}/"))
    }

    /// Whether this page is exactly `path` (ignoring its query).
    pub fn is_page(&self, path: &str) -> bool {
        self.path.split('?').next() == Some(path)
    }

    pub fn is_admin(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role == crate::auth::model::Role::Admin)
    }

    /// Every language, in a fixed order so the switch never moves under the reader's finger.
    pub fn all_locales(&self) -> [Locale; 3] {
        Locale::ALL
    }

    /// A context for when the request never reached the session loader (or it failed).
    pub fn fallback(
        parts_headers: &axum::http::HeaderMap,
        asset_version: std::sync::Arc<str>,
    ) -> RequestContext {
        let locale = i18n::negotiate(
            None,
            cookies::read(parts_headers, cookies::LANGUAGE),
            header_str(parts_headers, ACCEPT_LANGUAGE.as_str()),
        );
        RequestContext {
            locale,
            user: None,
            awaiting_second_factor: None,
            csrf_token: String::new(),
            path: "/".into(),
            request_id: request_id(parts_headers),
            flash: None,
            asset_version,
            write_claim: None,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestContext>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context missing")))
    }
}

/// Middleware: loads the session, chooses the language, and makes sure an anonymous visitor
/// has a CSRF cookie before they see their first form.
pub async fn load_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // Static files need no session, and must not cost a database round trip.
    if req.uri().path().starts_with("/static/") {
        return next.run(req).await;
    }
    let headers = req.headers().clone();
    let limits = session::Limits {
        idle: state.config.session_idle,
        absolute: state.config.session_absolute,
    };

    let loaded = match cookies::read(&headers, cookies::SESSION) {
        Some(cookie_value) => match load_session(&state, cookie_value, &limits).await {
            Ok(loaded) => loaded,
            Err(err) => {
                if crate::error::database_unavailable(&err) {
                    tracing::warn!(error = %err, "cannot load session: database unavailable");
                } else {
                    tracing::error!(error = %err, "cannot load session");
                }
                let ctx = RequestContext::fallback(&headers, state.asset_version.clone());
                return error_pages::render(&ctx, AppError::Unavailable.status(), None);
            }
        },
        None => None,
    };
    let had_session_cookie = cookies::read(&headers, cookies::SESSION).is_some();

    let anonymous_csrf = cookies::read(&headers, cookies::CSRF).map(str::to_string);
    let (csrf_token, new_anonymous_csrf) = match (&loaded, anonymous_csrf) {
        (Some(s), _) => (s.csrf_token.clone(), None),
        (None, Some(token)) => (token, None),
        (None, None) => {
            let token = random_token();
            (token.clone(), Some(token))
        }
    };

    let locale = i18n::negotiate(
        loaded.as_ref().map(|s| s.preferred_locale.as_str()),
        cookies::read(&headers, cookies::LANGUAGE),
        header_str(&headers, ACCEPT_LANGUAGE.as_str()),
    );
    let flash = cookies::read(&headers, cookies::FLASH)
        .filter(|key| is_flash_key(key))
        .map(str::to_string);

    let had_valid_session = loaded.is_some();
    let (user, awaiting_second_factor) = match loaded {
        None => (None, None),
        Some(s) => match s.second_factor {
            session::SecondFactor::Pending { enrolled } => (
                None,
                Some(AwaitingSecondFactor {
                    user: s.user,
                    enrolled,
                }),
            ),
            _ => (Some(s.user), None),
        },
    };
    let ctx = RequestContext {
        locale,
        user,
        awaiting_second_factor,
        csrf_token,
        path: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into()),
        request_id: request_id(&headers),
        flash: flash.clone(),
        asset_version: state.asset_version.clone(),
        write_claim: None,
    };
    let signed_out_by_expiry = had_session_cookie && !had_valid_session;
    req.extensions_mut().insert(ctx);

    let mut response = next.run(req).await;
    let config = &state.config;
    let out = response.headers_mut();
    if let Some(token) = new_anonymous_csrf {
        cookies::append(out, cookies::build(config, cookies::CSRF, &token, None));
    }
    if signed_out_by_expiry && !cookies::is_set_in(out, cookies::SESSION) {
        cookies::append(out, cookies::build(config, cookies::SESSION, "", Some(0)));
    }
    // A flash is shown once: clear it unless this response sets a new one.
    if flash.is_some() && !cookies::is_set_in(out, cookies::FLASH) {
        cookies::append(out, cookies::build(config, cookies::FLASH, "", Some(0)));
    }
    response.into_response()
}

async fn load_session(
    state: &AppState,
    cookie_value: &str,
    limits: &session::Limits,
) -> sqlx::Result<Option<session::LoadedSession>> {
    let mut conn = state.db.acquire().await?;
    session::load(&mut conn, cookie_value, limits).await
}

fn header_str<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn request_id(headers: &axum::http::HeaderMap) -> String {
    header_str(headers, "x-request-id")
        .unwrap_or("-")
        .to_string()
}

/// Flash keys come back from a cookie, so only our own key shape is accepted.
fn is_flash_key(key: &str) -> bool {
    key.starts_with("flash-") && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A `Set-Cookie` value that shows `key` on the next page.
pub fn flash_cookie(config: &crate::config::Config, key: &str) -> axum::http::HeaderValue {
    debug_assert!(is_flash_key(key));
    cookies::build(config, cookies::FLASH, key, Some(300))
}
