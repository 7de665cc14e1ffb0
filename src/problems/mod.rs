//! Organisations' technology problems: drafting, submission, closing, the board and the
//! problem page. Staff review lives in `staff::review`.

pub mod board;
pub mod expiry;
pub mod forms;
pub mod handlers;
pub mod model;
pub mod pages;
pub mod parse;
pub mod queries;
pub mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The problem routes of DESIGN.md's URL map (the board, the page, new/edit/submit/close).
/// Who may use each is in the handler's signature and its first lines.
pub fn routes() -> Router<AppState> {
    use handlers as h;
    Router::new()
        .route("/problems", get(pages::board))
        .route("/problems/new", get(h::new_form).post(h::create))
        .route("/problems/{id}", get(pages::show))
        .route("/problems/{id}/edit", get(h::edit_form).post(h::update))
        .route("/problems/{id}/submit", post(h::submit))
        .route("/problems/{id}/close", get(h::close_form).post(h::close))
}
