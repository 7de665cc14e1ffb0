//! Turns any error status without a page (from a handler, the router, or a middleware such as
//! the body limit or CSRF check) into a page in the layout, in the request's language.

use askama::Template;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::RETRY_AFTER;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ErrorDetail;
use crate::web::context::RequestContext;
use crate::web::render::{Rendered, page_with_status};

#[derive(Template)]
#[template(path = "errors/error.html")]
pub struct ErrorPage<'a> {
    pub ctx: &'a RequestContext,
    pub title_key: &'static str,
    pub body_key: &'static str,
    pub retry_after_minutes: Option<u64>,
}

pub async fn render_bare_errors(req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<RequestContext>().cloned();
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.extensions().get::<Rendered>().is_some()
    {
        return response;
    }
    let Some(ctx) = ctx else { return response };
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let detail = response.extensions().get::<ErrorDetail>().copied();
    let mut page = render_with_detail(&ctx, status, retry_after, detail);
    if let Some(value) = response.headers().get(RETRY_AFTER) {
        page.headers_mut().insert(RETRY_AFTER, value.clone());
    }
    page
}

pub fn render(ctx: &RequestContext, status: StatusCode, retry_after: Option<u64>) -> Response {
    render_with_detail(ctx, status, retry_after, None)
}

fn render_with_detail(
    ctx: &RequestContext,
    status: StatusCode,
    retry_after_secs: Option<u64>,
    detail: Option<ErrorDetail>,
) -> Response {
    let (title_key, body_key) = keys_for(status);
    let page = ErrorPage {
        ctx,
        title_key,
        body_key: detail.map(|d| d.0).unwrap_or(body_key),
        retry_after_minutes: retry_after_secs.map(|s| s.div_ceil(60).max(1)),
    };
    let response = page_with_status(status, &page);
    if response.extensions().get::<Rendered>().is_none() {
        // The error template itself failed; a plain status is all that is left.
        return (status, status.canonical_reason().unwrap_or("Error")).into_response();
    }
    response
}

/// Plain-language title and explanation for each status (no codes, no jargon).
fn keys_for(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        403 => ("error-403-title", "error-403-body"),
        404 | 405 => ("error-404-title", "error-404-body"),
        413 => ("error-413-title", "error-413-body"),
        429 => ("error-429-title", "error-429-body"),
        503 => ("error-503-title", "error-503-body"),
        400..=499 => ("error-400-title", "error-400-body"),
        _ => ("error-500-title", "error-500-body"),
    }
}
