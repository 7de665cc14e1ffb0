//! The second CSRF defence (the first is tower-http's `CsrfLayer`, which checks
//! `Sec-Fetch-Site` and `Origin`): every state-changing request carries the session's token in
//! a hidden `csrf` field, for browsers that send neither header.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::Method;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::web::context::RequestContext;

/// The most a form body may hold; larger requests get "the form you sent is too large".
pub const MAX_FORM_BYTES: usize = 256 * 1024;

pub async fn require_csrf_token(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let expected = req
        .extensions()
        .get::<RequestContext>()
        .map(|ctx| ctx.csrf_token.clone())
        .unwrap_or_default();
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form || expected.is_empty() {
        return AppError::CsrfTokenInvalid.into_response();
    }

    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let submitted = form_field(&bytes, "csrf").unwrap_or_default();
    if !bool::from(submitted.as_bytes().ct_eq(expected.as_bytes())) {
        tracing::warn!("form rejected: CSRF token missing or wrong");
        return AppError::CsrfTokenInvalid.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}
