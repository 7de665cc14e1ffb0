//! Organisations: registration by a problem owner, and the organisation page.

pub mod forms;
pub mod handlers;
pub mod model;
pub mod queries;
pub mod views;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// `/orgs/new` and `/orgs/{id}`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orgs/new", get(handlers::new_form).post(handlers::create))
        .route("/orgs/{id}", get(handlers::show))
}
