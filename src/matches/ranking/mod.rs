//! Ranking: candidates for a problem and recommended problems for a scientist, with the reasons.

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
