//! `GET /staff/reports/{name}.csv`: checks, the audit record, then the streamed file.

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{self, AuditEvent};
use crate::error::{AppError, AppResult};
use crate::staff::reports::labels::Labels;
use crate::staff::reports::matches::MatchRow;
use crate::staff::reports::outcomes::OutcomeRow;
use crate::staff::reports::params::{DateRange, Filter, HubChoice, ReportName, ReportQuery, iso};
use crate::staff::reports::problems::ProblemRow;
use crate::staff::reports::scientists::ScientistRow;
use crate::staff::reports::stream::csv_body;
use crate::staff::scope::HubScope;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::guards::StaffUser;
use crate::web::redirect::see_other;

pub async fn download(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(file): Path<String>,
    Query(query): Query<ReportQuery>,
) -> AppResult<Response> {
    let name = ReportName::from_file(&file).ok_or(AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    let scope = HubScope::load(&mut conn, &user).await?;
    let hubs = HubChoice::resolve(&scope, &query.hub)?;
    let Ok(range) = DateRange::parse(&query.from, &query.to) else {
        // Back to the form, which shows the values typed and an error beside each field.
        return Ok(see_other(&query.form_href(name)));
    };

    let labels = Labels::new(ctx.locale, &Taxonomy::load(&mut conn).await?);
    // Recorded before the first byte leaves: who took which personal data, and when.
    audit::record(
        &mut conn,
        AuditEvent {
            actor_id: Some(user.id),
            action: "report.exported",
            target_type: "report",
            target_id: Some(name.code().to_string()),
            details: json!({
                "name": name.code(),
                "from": range.from.map(iso),
                "to": range.to.map(iso),
                "hub": hubs.chosen,
                "hubs": hubs.hubs,
                "locale": ctx.locale.code(),
            }),
        },
    )
    .await?;
    drop(conn);

    let filter = Filter::new(&hubs, &range);
    let pool = state.db.clone();
    let body = match name {
        ReportName::Scientists => csv_body::<ScientistRow>(pool, filter, labels),
        ReportName::Problems => csv_body::<ProblemRow>(pool, filter, labels),
        ReportName::Matches => csv_body::<MatchRow>(pool, filter, labels),
        ReportName::Outcomes => csv_body::<OutcomeRow>(pool, filter, labels),
    };
    let file_name = range.file_name(name, OffsetDateTime::now_utc().date());
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            // Personal data: not for shared caches or the browser's.
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}
