//! The URL map of DESIGN.md in one place, grouped by who may use each route. The guard that
//! enforces the role is in each handler's signature (`StaffUser`, `CurrentUser`, …).

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;
use crate::{account, auth, home, scientists, staff};

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(public())
        .merge(accounts())
        .merge(scientist_routes())
        .merge(account_routes())
        .merge(crate::orgs::routes())
        .merge(crate::problems::routes())
        .merge(crate::matches::routes())
        .merge(staff::routes())
}

/// Anyone, signed in or not.
fn public() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/healthz", get(home::healthz))
        .route("/readyz", get(home::readyz))
        .route("/language", post(home::set_language))
}

/// Registration, sign-in (with the second factor of staff and admins) and password recovery
/// (signed-out visitors, mostly).
fn accounts() -> Router<AppState> {
    use auth::handlers as h;
    use auth::two_factor::handlers as two_factor;
    Router::new()
        .route("/register", get(h::register_form).post(h::register))
        .route("/register/done", get(h::register_done))
        .route("/verify-email", get(h::verify_email))
        .route("/verify-email/resend", post(h::resend_verification))
        .route("/login", get(h::login_form).post(h::login))
        .route("/logout", post(h::logout))
        .route("/password/forgot", get(h::forgot_form).post(h::forgot))
        .route("/password/forgot/sent", get(h::forgot_sent))
        .route("/password/reset", get(h::reset_form).post(h::reset))
        .route(
            two_factor::CODE_STEP,
            get(two_factor::code_form).post(two_factor::submit_code),
        )
        .route(
            two_factor::SETUP_STEP,
            get(two_factor::setup_form).post(two_factor::submit_setup),
        )
}

/// The directory and profile pages (visibility is checked per profile), and the signed-in
/// scientist's own profile.
fn scientist_routes() -> Router<AppState> {
    use scientists::handlers as h;
    Router::new()
        .route("/scientists", get(h::directory))
        .route("/scientists/{id}", get(h::show))
        .route("/me/profile", get(h::edit_form).post(h::save))
}

/// Any signed-in user's own data and notifications.
fn account_routes() -> Router<AppState> {
    use crate::notifications::inbox;
    Router::new()
        .route("/notifications", get(inbox::index))
        .route("/notifications/read", post(inbox::mark_read))
        .route("/me/export", get(account::export))
        .route(
            "/me/delete",
            get(account::delete_form).post(account::delete),
        )
}
