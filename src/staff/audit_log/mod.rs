//! `GET /staff/audit`: the audit log, read only, newest first, filtered by actor, action,
//! target and date range, 50 events a page.
//!
//! `filters`: the query string and its validation; `queries`: the SQL, including what a staff
//! member of some hubs may read; `views`: the page and the labels of actions and targets.
//! Nothing here (or anywhere in the application) changes audit rows, and the database refuses
//! UPDATE, DELETE and TRUNCATE on them.

pub mod filters;
pub mod queries;
pub mod views;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use crate::error::AppResult;
use crate::staff::scope::HubScope;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::guards::StaffUser;
use crate::web::pagination::PageNav;
use crate::web::redirect::see_other;
use crate::web::render::{page, page_with_status};

use filters::AuditQuery;
use queries::{MAX_ROWS, PAGE_SIZE};
use views::{AuditPage, EventLine, action_label, choices, target_type_label};

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/audit", get(show))
}

pub async fn show(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(raw): Query<AuditQuery>,
) -> AppResult<Response> {
    let query = raw.cleaned();
    let Some(page_number) = query.page_number() else {
        return Ok(see_other(&query.href(1)));
    };
    let mut conn = state.db.acquire().await?;
    let scope = HubScope::load(&mut conn, &user).await?;
    let locale = ctx.locale;
    let actions = choices(queries::actions(&mut conn).await?, &query.action, |c| {
        action_label(locale, c)
    });
    let target_types = choices(
        queries::target_types(&mut conn).await?,
        &query.target_type,
        |c| target_type_label(locale, c),
    );
    let mut view = AuditPage {
        ctx: &ctx,
        query: query.clone(),
        errors: Default::default(),
        actions,
        target_types,
        events: Vec::new(),
        total: 0,
        capped: false,
        nav: PageNav::new(1, 1, |n| query.href(n)),
        scoped: !scope.all_hubs,
    };
    let filter = match query.validate() {
        Ok(filter) => filter,
        Err(errors) => {
            view.errors = errors;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let counted = queries::count_capped(&mut conn, &filter, &scope).await?;
    let capped = counted > MAX_ROWS;
    let total = counted.min(MAX_ROWS);
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    if page_number > 1 && page_number > pages {
        return Ok(see_other(&query.href(1)));
    }
    let rows = queries::page_of_events(&mut conn, &filter, &scope, page_number).await?;
    view.events = rows.into_iter().map(|r| EventLine::of(locale, r)).collect();
    view.total = total;
    view.capped = capped;
    view.nav = PageNav::new(page_number, pages, |n| query.href(n));
    Ok(page(&view))
}
