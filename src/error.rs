//! One error type for every handler. Internal causes are logged, never shown: the user sees a
//! page in their language with a request id they can quote.

use axum::http::StatusCode;
use axum::http::header::RETRY_AFTER;
use axum::response::{IntoResponse, Response};

use crate::web::redirect::see_other;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in: send the browser to the sign-in page and back here afterwards.
    #[error("sign-in required")]
    SignInRequired { next: String },
    /// A staff member or admin who has given their password but not yet their second factor:
    /// send them to that step (`step` is its path) and back here afterwards.
    #[error("second factor required")]
    SecondFactorRequired { step: &'static str, next: String },
    #[error("forbidden")]
    Forbidden,
    /// A form without a valid CSRF token (often an old tab whose session ended).
    #[error("csrf token missing or wrong")]
    CsrfTokenInvalid,
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    RateLimited { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        if database_unavailable(&err) {
            // Expected while PostgreSQL is down or restarting: not a bug, so no stack of
            // errors in the log, and a page that says to try again shortly.
            tracing::warn!(error = %err, "database unavailable");
            AppError::Unavailable
        } else {
            AppError::Internal(err.into())
        }
    }
}

/// Whether `err` means the database cannot be reached right now (rather than a bug or bad
/// data): no connection in time, a connection lost or refused, or a server shutting down,
/// starting up or out of connection slots.
pub fn database_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown,
            // cannot connect now; 53300: too many connections.
            code.starts_with("08") || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300")
        }),
        _ => false,
    }
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::SignInRequired { .. } | AppError::SecondFactorRequired { .. } => {
                StatusCode::SEE_OTHER
            }
            AppError::Forbidden | AppError::CsrfTokenInvalid => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Which explanation the error page shows, when the status alone does not say enough.
#[derive(Clone, Copy, Debug)]
pub struct ErrorDetail(pub &'static str);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        match self {
            AppError::SignInRequired { next } => {
                let query =
                    serde_urlencoded::to_string([("next", next.as_str())]).unwrap_or_default();
                see_other(&format!("/login?{query}"))
            }
            AppError::SecondFactorRequired { step, next } => {
                let query =
                    serde_urlencoded::to_string([("next", next.as_str())]).unwrap_or_default();
                see_other(&format!("{step}?{query}"))
            }
            AppError::RateLimited { retry_after_secs } => {
                let mut response = status.into_response();
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, retry_after_secs.into());
                response
            }
            AppError::CsrfTokenInvalid => {
                let mut response = status.into_response();
                response
                    .extensions_mut()
                    .insert(ErrorDetail("error-csrf-body"));
                response
            }
            AppError::Internal(err) => {
                tracing::error!(error = ?err, "internal error");
                status.into_response()
            }
            _ => status.into_response(),
        }
        // The body is filled in by `web::error_pages`, which knows the request's language.
    }
}

pub type AppResult<T> = Result<T, AppError>;
