//! `GET /me/matches`: a scientist's matches with their state, problem, organisation and what
//! happens next.

use axum::extract::State;

use crate::matches::model::Party;
use crate::matches::workflow::Handled;
use crate::matches::workflow::lists;
use crate::matches::workflow::views::{MatchLine, MinePage};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::guards::ScientistUser;
use crate::web::render::page;

pub async fn index(
    ScientistUser(user): ScientistUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> Handled {
    let mut conn = state.db.acquire().await?;
    let rows = lists::of_scientist(&mut conn, user.id)
        .await?
        .iter()
        .map(|m| MatchLine::of(ctx.locale, m, Some(Party::Scientist)))
        .collect();
    Ok(page(&MinePage { ctx: &ctx, rows }))
}
