//! Matching: ranked, explained candidates and recommendations (`ranking`), and the
//! three-consent match itself (`workflow`, with the pure state machine in `model`).

pub mod model;
pub mod ranking;
pub mod workflow;

use axum::Router;

use crate::state::AppState;

/// The match routes of DESIGN.md's URL map.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(ranking::routes())
        .merge(workflow::routes())
}
