//! Administration, for admins only: country hubs and staff accounts. And the one public page
//! of this area, where an invited staff member chooses their password.
//!
//! `hubs`: list, create and rename hubs; `staff`: list staff and invite a new member;
//! `account`: one staff member's page and what an admin can do to the account (hubs, disable,
//! enable, reset the second factor, send the invitation again); `invitation`: the invitation
//! email and `/invitation`; `forms`, `queries`, `views`: the inputs, the SQL, the page structs.

mod account;
mod countries;
mod forms;
mod hubs;
mod invitation;
mod queries;
mod staff;
mod views;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};

use crate::error::AppResult;
use crate::state::AppState;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::guards::AdminUser;
use crate::web::redirect::see_other;
use crate::web::render::page;

/// Every handler under `/admin` takes `AdminUser`; `/invitation` is public (the token is the key).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(index))
        .route("/admin/hubs", get(hubs::list))
        .route("/admin/hubs/new", get(hubs::new_form).post(hubs::create))
        .route(
            "/admin/hubs/{code}/edit",
            get(hubs::edit_form).post(hubs::update),
        )
        .route("/admin/staff", get(staff::list))
        .route("/admin/staff/new", get(staff::new_form).post(staff::create))
        .route("/admin/staff/{id}", get(account::show))
        .route("/admin/staff/{id}/hubs", post(account::set_hubs))
        .route("/admin/staff/{id}/disable", post(account::disable))
        .route("/admin/staff/{id}/enable", post(account::enable))
        .route(
            "/admin/staff/{id}/reset-two-factor",
            post(account::reset_two_factor),
        )
        .route(
            "/admin/staff/{id}/resend-invitation",
            post(account::resend_invitation),
        )
        .route(
            "/invitation",
            get(invitation::show).post(invitation::accept),
        )
}

/// `GET /admin`: the two areas, with how many of each there are.
async fn index(
    AdminUser(_): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let hub_count = queries::list_hubs(&mut conn).await?.len();
    let staff_count = queries::list_staff(&mut conn).await?.len();
    Ok(page(&views::IndexPage {
        ctx: &ctx,
        hub_count,
        staff_count,
    }))
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
