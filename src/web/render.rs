//! Every HTML page goes through here: render the template, or log and answer 500.

use askama::Template;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use axum::response::{IntoResponse, Response};

/// Marks a response whose body is a finished page, so the error-page layer leaves it alone.
#[derive(Clone, Copy, Debug)]
pub struct Rendered;

pub fn page(template: &impl Template) -> Response {
    page_with_status(StatusCode::OK, template)
}

/// A page with another status, e.g. 422 for a form shown again with its errors.
pub fn page_with_status(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => {
            let mut response = (
                status,
                [
                    (CONTENT_TYPE, "text/html; charset=utf-8"),
                    // Pages differ by language and by who is signed in.
                    (VARY, "Accept-Language, Cookie"),
                    (CACHE_CONTROL, "no-store"),
                ],
                html,
            )
                .into_response();
            response.extensions_mut().insert(Rendered);
            response
        }
        Err(err) => {
            tracing::error!(error = %err, "template rendering failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
