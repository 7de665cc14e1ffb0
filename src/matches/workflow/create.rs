//! What the three ways of starting a match share: the conflict-of-interest flag, the insert
//! (with the creator's consent), the first history line, the audit row and the notices, in one
//! transaction; and the friendly answer when the pair already has a live match.

use serde_json::json;
use sqlx::{Postgres, Transaction};

use crate::audit::{self, AuditEvent};
use crate::auth::model::SessionUser;
use crate::matches::workflow::notices::{About, announce};
use crate::matches::workflow::queries::{self, NewMatch, ProblemFacts, ScientistFacts};
use crate::matches::workflow::rules::{Happening, Origin, is_conflict_of_interest};
use crate::matches::workflow::{Handled, already_matched, done};
use crate::state::AppState;
use crate::web::context::RequestContext;

pub struct Creation<'a> {
    pub problem: &'a ProblemFacts,
    pub scientist: &'a ScientistFacts,
    pub origin: Origin,
    pub engagement_kind: Option<&'a str>,
    pub note: &'a str,
    pub creator: &'a SessionUser,
}

/// The kinds of engagement the problem seeks and the scientist offers, in the problem's order.
pub fn kinds_in_common(problem: &ProblemFacts, scientist: &ScientistFacts) -> Vec<String> {
    problem
        .engagement_kinds
        .iter()
        .filter(|k| scientist.engagement_kinds.contains(k))
        .cloned()
        .collect()
}

/// Creates the match and commits, then sends the creator to its page.
pub async fn create(
    state: &AppState,
    ctx: &RequestContext,
    mut tx: Transaction<'_, Postgres>,
    c: Creation<'_>,
) -> Handled {
    let conflict = is_conflict_of_interest(&c.scientist.affiliation, &c.problem.org_names());
    let new = NewMatch {
        problem_id: c.problem.id,
        scientist_id: c.scientist.user_id,
        origin: c.origin,
        engagement_kind: c.engagement_kind,
        note: c.note,
        creator_id: c.creator.id,
        conflict_of_interest: conflict,
    };
    let Some(id) = queries::insert_match(&mut tx, &new).await? else {
        // Another request created the pair's match since we checked: show that one.
        tx.rollback().await?;
        let mut conn = state.db.acquire().await?;
        let existing = queries::live_match(&mut conn, new.problem_id, new.scientist_id).await?;
        return Err(already_matched(ctx, existing));
    };
    queries::add_event(&mut tx, id, c.creator.id, "created", None).await?;
    let details = json!({
        "origin": c.origin.code(),
        "problem_id": c.problem.id,
        "scientist_id": c.scientist.user_id,
        "engagement_kind": c.engagement_kind,
        "conflict_of_interest": conflict,
    });
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(c.creator.id),
            action: "match.created",
            target_type: "match",
            target_id: Some(id.to_string()),
            details,
        },
    )
    .await?;
    let about = About {
        match_id: id,
        problem_title: &c.problem.title,
        scientist_id: c.scientist.user_id,
        scientist_name: &c.scientist.full_name,
        org_id: c.problem.org_id,
        target_hubs: &c.problem.target_hubs,
    };
    let happening = Happening::Created(c.origin);
    let base_url = state.config.origin();
    announce(
        &mut tx,
        &base_url,
        &about,
        c.origin.creator(),
        happening,
        None,
    )
    .await?;
    let flash = match c.origin {
        Origin::Interest => "flash-match-interest-sent",
        Origin::Invitation => "flash-match-invitation-sent",
        Origin::Proposal => "flash-match-proposal-sent",
    };
    let response = done(state, &format!("/matches/{id}"), flash);
    Ok(ctx.commit(tx, response).await?)
}
