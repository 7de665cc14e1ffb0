//! `GET /staff`: the figures an embassy reports upward, for the reader's hubs, as accessible
//! server-rendered charts (UI.md §5), each followed by its data table and a CSV link.
//!
//! - `queries`: the grouped statements and who counts for a hub (documented there);
//! - `charts`: the geometry of bar and column charts, pure and unit-tested;
//! - `views`: the page struct, labels and sentences in the reader's language.
//!
//! Hub filter: `?hub=<code>` narrows to one of the reader's hubs (admins: any hub). A staff
//! member asking for a hub they do not cover gets 403; an admin asking for a hub that does not
//! exist gets 404. No filter: every hub of the reader (admins: the whole platform).

pub mod charts;
pub mod queries;
pub mod views;

use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::error::{AppError, AppResult};
use crate::staff::scope::HubScope;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::guards::StaffUser;
use crate::web::render::page;

use queries::Scope;
use views::{Frame, window_start};

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff", get(show))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DashboardQuery {
    pub hub: String,
}

pub async fn show(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<DashboardQuery>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    // One snapshot for every figure on the page, and nothing written; no JIT compilation,
    // which costs more than these statements do (see `queries`).
    sqlx::query("set transaction isolation level repeatable read, read only")
        .execute(&mut *tx)
        .await?;
    sqlx::query("set local jit = off").execute(&mut *tx).await?;
    let hub_scope = HubScope::load(&mut tx, &user).await?;
    let chosen = query.hub.trim();
    let chosen = (!chosen.is_empty()).then_some(chosen);
    let scope = match chosen {
        None => Scope {
            all: hub_scope.all_hubs,
            hubs: if hub_scope.all_hubs {
                Vec::new()
            } else {
                hub_scope.hubs.clone()
            },
        },
        Some(code) if hub_scope.hubs.iter().any(|h| h == code) => Scope {
            all: false,
            hubs: vec![code.to_string()],
        },
        Some(_) if hub_scope.all_hubs => return Err(AppError::NotFound),
        Some(_) => return Err(AppError::Forbidden),
    };

    let now = OffsetDateTime::now_utc();
    let since = window_start(now.date());
    let since_at = since.midnight().assume_utc();
    let taxonomy = Taxonomy::load(&mut tx).await?;
    let figures = queries::load(&mut tx, &scope, since_at).await?;
    tx.commit().await?;

    let show_filter = hub_scope.all_hubs || hub_scope.hubs.len() > 1;
    let frame = Frame {
        locale: ctx.locale,
        taxonomy: &taxonomy,
        hubs: &scope.hubs,
        all: scope.all,
        chosen,
        filter_hubs: show_filter.then_some((hub_scope.hubs.as_slice(), hub_scope.all_hubs)),
        now,
        since,
    };
    Ok(page(&views::build(&ctx, &frame, &figures)))
}
