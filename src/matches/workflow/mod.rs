//! The three-consent match: interest, invitation, proposal, consents, the match page.

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
