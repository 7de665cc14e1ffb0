//! Organisations' technology problems: drafting, review, the board and the problem page.

pub mod model;

use axum::Router;

use crate::state::AppState;

/// The problem routes of DESIGN.md's URL map (the board, the page, new/edit/submit/close).
pub fn routes() -> Router<AppState> {
    Router::new()
}
