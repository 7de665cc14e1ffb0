//! Ranking: candidates for a problem and recommended problems for a scientist, with the reasons.
//!
//! - `score`: the pure, unit-tested score of one pair and its explanation; the weights, with
//!   why each is what it is, are there and nowhere else.
//! - `text`: which words of a problem or profile to look for, as one OR-query.
//! - `queries`: one statement per direction that picks a bounded pool through the indexes and
//!   returns it with everything the scorer needs (the speed reasoning is at its top).
//! - `term_stats`: the terms too common to look for, from PostgreSQL's statistics, kept a while.
//! - `engine`: pool → score → best first, in either direction.
//! - `handlers`, `views`: the candidates page (`GET /problems/{id}/candidates`, for the owning
//!   organisation and staff) and the recommendations (`GET /me/recommendations`, scientists).
//!
//! Both directions score a pair the same way, so an owner and a scientist see the same points
//! for the same pair.

pub mod engine;
mod handlers;
pub mod queries;
pub mod score;
pub mod term_stats;
pub mod text;
pub mod views;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/problems/{id}/candidates", get(handlers::candidates))
        .route("/me/recommendations", get(handlers::recommendations))
}
