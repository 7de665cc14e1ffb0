//! The staff review queues and decisions on organisations and problems.

use axum::Router;

use crate::state::AppState;

/// `/staff/review` and the decision endpoints.
pub fn routes() -> Router<AppState> {
    Router::new()
}
