//! The staff review queues and decisions on organisations and problems.
//!
//! `queue`: the two queues at `/staff/review`; `problems`: the decision page of one problem and
//! approve / request changes / reject; `orgs`: the staff page of one organisation, verify /
//! reject and attaching an owner; `forms`: the reason and email fields; `queries`: the SQL;
//! `views`: the page structs.

mod forms;
mod orgs;
mod problems;
mod queries;
mod queue;
mod views;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};

use crate::auth::views::MessagePage;
use crate::state::AppState;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::redirect::see_other;
use crate::web::render::page_with_status;

/// `/staff/review` and the decision endpoints (every handler is guarded by `StaffUser`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/review", get(queue::show))
        .route("/staff/orgs/{id}", get(orgs::show))
        .route("/staff/orgs/{id}/verify", post(orgs::verify))
        .route("/staff/orgs/{id}/reject", post(orgs::reject))
        .route("/staff/orgs/{id}/members", post(orgs::add_member))
        .route("/staff/problems/{id}/decide", get(problems::show))
        .route("/staff/problems/{id}/approve", post(problems::approve))
        .route(
            "/staff/problems/{id}/request-changes",
            post(problems::request_changes),
        )
        .route("/staff/problems/{id}/reject", post(problems::reject))
}

/// After a change: back to `path`, with a success message shown once.
fn done(state: &AppState, path: &str, flash_key: &str) -> Response {
    let mut response = see_other(path);
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, flash_key),
    );
    response
}

/// 409: someone decided first. Nothing was changed; the page says so and leads to the queue.
fn stale(ctx: &RequestContext) -> Response {
    page_with_status(
        StatusCode::CONFLICT,
        &MessagePage {
            ctx,
            title_key: "review-stale-title",
            body_key: "review-stale-body",
            link: Some(("/staff/review", "review-back-to-queue")),
            confirmation: false,
        },
    )
}
