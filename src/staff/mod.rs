//! Pages for embassy staff and admins: the console.
//!
//! - `dashboard`: `GET /staff`, the figures and charts of the reader's hubs.
//! - `reports`: `GET /staff/reports/{name}.csv`, streamed CSV exports.
//! - `audit_log`: `GET /staff/audit`, the read-only audit viewer.
//! - `users`: finding users and suspending / restoring them.
//! - `admin`: hubs and staff accounts (admins only).
//! - `review`: the review queues and decisions.

pub mod admin;
pub mod audit_log;
pub mod dashboard;
pub mod reports;
pub mod review;
pub mod scope;
pub mod users;

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(review::routes())
        .merge(dashboard::routes())
        .merge(reports::routes())
        .merge(audit_log::routes())
        .merge(users::routes())
        .merge(admin::routes())
}
