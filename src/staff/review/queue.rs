//! `GET /staff/review`: organisations to verify, problems to review and matches to approve,
//! oldest first.

use axum::extract::State;
use axum::response::Response;

use crate::error::AppResult;
use crate::i18n::{Locale, format_date};
use crate::staff::review::queries::{self, QueuedOrg, QueuedProblem, Reviewer};
use crate::staff::review::views::{
    OrgName, OrgRow, ProblemRow, ReviewPage, org_kind_label, org_state_tag,
};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::guards::StaffUser;
use crate::web::render::page;

pub async fn show(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let problems = queries::queued_problems(&mut conn, Reviewer::of(&user)).await?;
    // Organisations have no hub (a ministry works with every country's community), so every
    // staff member sees the whole organisation queue; problems are what hubs divide.
    let orgs = queries::queued_orgs(&mut conn).await?;
    let locale = ctx.locale;
    let matches = crate::matches::workflow::staff_queue(&mut conn, &user, locale).await?;
    Ok(page(&ReviewPage {
        ctx: &ctx,
        problems: problems.iter().map(|p| problem_row(locale, p)).collect(),
        orgs: orgs.iter().map(|o| org_row(locale, o)).collect(),
        matches,
    }))
}

fn problem_row(locale: Locale, p: &QueuedProblem) -> ProblemRow {
    ProblemRow {
        id: p.id,
        title: p.title.clone(),
        org_id: p.org_id,
        org: OrgName::of(&p.org, locale),
        org_tag: org_state_tag(locale, &p.org_status),
        kind: org_kind_label(locale, &p.org_kind),
        submitted: format_date(locale, p.submitted_at),
        author_name: p.author_name.clone().unwrap_or_else(|| "—".into()),
    }
}

fn org_row(locale: Locale, o: &QueuedOrg) -> OrgRow {
    OrgRow {
        id: o.id,
        name: OrgName::of(&o.org, locale),
        kind: org_kind_label(locale, &o.kind),
        country: o.country_code.clone(),
        registered: format_date(locale, o.created_at),
        creator_name: o.creator_name.clone().unwrap_or_else(|| "—".into()),
        waiting: o.waiting,
    }
}
