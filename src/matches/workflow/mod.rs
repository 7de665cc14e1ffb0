//! The three-consent match: a scientist's interest, an owner's invitation or a staff proposal
//! creates it; the scientist, the problem owner and the embassy each consent (or decline); the
//! match page shows it to those three parties only, with its history and a message thread.
//!
//! `interest`, `invitation`, `proposal`: the three ways to start one (`create` is what they
//! share); `transitions`: accept, decline, withdraw, complete, approve, reject, each through
//! `matches::model::apply`; `show` and `messages`: the match page; `mine`: a scientist's list;
//! `hooks`: what the problem page, the staff queue and the profile page ask of matches.

mod access;
mod create;
pub mod forms;
pub mod hooks;
mod interest;
mod invitation;
pub mod lists;
mod messages;
mod mine;
mod notices;
mod proposal;
pub mod queries;
pub mod rules;
mod show;
mod transitions;
pub mod views;

pub use hooks::{match_partner_may_see, problem_section, scientist_is_invited, staff_queue};

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::error::AppError;
use crate::problems::views::NoticePage;
use crate::state::AppState;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::redirect::see_other;
use crate::web::render::page_with_status;

/// The match routes of DESIGN.md's URL map (plus the two form pages that lead to them).
/// Who may use each is in the handler's signature and, for a match, `access::party_of`.
pub fn routes() -> Router<AppState> {
    use transitions as t;
    Router::new()
        .route(
            "/problems/{id}/interest",
            get(interest::form).post(interest::create),
        )
        .route("/problems/{id}/invitations", post(invitation::create))
        .route("/staff/matches", post(proposal::create))
        .route("/staff/matches/new", get(proposal::form))
        .route("/matches/{id}", get(show::show))
        .route("/matches/{id}/accept", post(t::accept))
        .route("/matches/{id}/decline", post(t::decline))
        .route("/matches/{id}/withdraw", post(t::withdraw))
        .route("/matches/{id}/complete", post(t::complete))
        .route("/matches/{id}/messages", post(messages::create))
        .route("/staff/matches/{id}/approve", post(t::approve))
        .route("/staff/matches/{id}/reject", post(t::reject))
        .route("/me/matches", get(mine::index))
}

/// Why a request ends early: an error (its page is rendered by the error layer) or a page
/// that explains what cannot be done (409, nothing changed).
pub enum Stop {
    Error(AppError),
    Page(Response),
}

impl From<AppError> for Stop {
    fn from(err: AppError) -> Self {
        Stop::Error(err)
    }
}

impl From<sqlx::Error> for Stop {
    fn from(err: sqlx::Error) -> Self {
        Stop::Error(err.into())
    }
}

impl IntoResponse for Stop {
    fn into_response(self) -> Response {
        match self {
            Stop::Error(err) => err.into_response(),
            Stop::Page(response) => response,
        }
    }
}

pub type Handled = Result<Response, Stop>;

/// 409: an explanation, with a way on.
fn refused(
    ctx: &RequestContext,
    title_key: &'static str,
    body_key: &'static str,
    link: (String, &'static str),
) -> Stop {
    let notice = NoticePage {
        ctx,
        title_key,
        body_key,
        link: Some(link),
    };
    Stop::Page(page_with_status(StatusCode::CONFLICT, &notice))
}

/// 409: the pair already has a live match; nothing new is created, the page leads to it.
fn already_matched(ctx: &RequestContext, existing: Option<i64>) -> Stop {
    let link = match existing {
        Some(id) => (format!("/matches/{id}"), "match-open-existing"),
        None => ("/".to_string(), "match-go-home"),
    };
    refused(ctx, "match-duplicate-title", "match-duplicate-body", link)
}

/// After a change: to `path`, with a success message shown once.
fn done(state: &AppState, path: &str, flash_key: &str) -> Response {
    let mut response = see_other(path);
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, flash_key),
    );
    response
}

/// Today in UTC, for deadlines.
fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
