//! Pages for embassy staff and admins.

pub mod review;

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::audit;
use crate::error::AppResult;
use crate::i18n::format_datetime;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::guards::StaffUser;
use crate::web::render::page;

pub struct AuditLine {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub target: String,
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage<'a> {
    ctx: &'a RequestContext,
    rows: Vec<AuditLine>,
}

/// The latest audit events, newest first (read-only; filters come with the staff console).
pub async fn audit_log(
    StaffUser(_staff): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let rows = audit::latest(&mut conn, 200)
        .await?
        .into_iter()
        .map(|row| AuditLine {
            when: format_datetime(ctx.locale, row.created_at),
            actor: row.actor_email.unwrap_or_else(|| "—".into()),
            action: row.action,
            target: match row.target_id {
                Some(id) => format!("{} #{id}", row.target_type),
                None => row.target_type,
            },
        })
        .collect();
    Ok(page(&AuditPage { ctx: &ctx, rows }))
}
