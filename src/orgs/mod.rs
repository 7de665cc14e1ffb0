//! Organisations: registration by a problem owner, and the organisation page.

use axum::Router;

use crate::state::AppState;

/// `/orgs/new` and `/orgs/{id}`.
pub fn routes() -> Router<AppState> {
    Router::new()
}
