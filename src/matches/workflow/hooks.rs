//! What other pages ask of matches: the "Matches" section of a problem's page, the staff
//! approval queue on `/staff/review`, whether an invite-only problem is open to a scientist,
//! and whether a profile is open to the owners it is matched with.

use sqlx::PgConnection;

use crate::auth::model::{Role, SessionUser};
use crate::i18n::Locale;
use crate::matches::model::Party;
use crate::matches::workflow::access::staff_covers;
use crate::matches::workflow::lists;
use crate::matches::workflow::queries;
use crate::matches::workflow::views::{MatchLine, ProblemMatches};
use crate::problems::model::Status;
use crate::problems::queries::StoredProblem;
use crate::web::context::RequestContext;

/// The section for the owning organisation's members and the staff of the problem's hubs (the
/// list), and for a scientist (their own match, or the way to express interest); `None` for
/// everyone else.
pub async fn problem_section(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    stored: &StoredProblem,
    in_owning_org: bool,
) -> sqlx::Result<Option<ProblemMatches>> {
    let Some(user) = &ctx.user else {
        return Ok(None);
    };
    let published = stored.status == Status::Published;
    let mut section = ProblemMatches {
        problem_id: stored.id,
        rows: None,
        show_conflict: false,
        candidates_link: false,
        propose_link: false,
        own_match: None,
        may_express_interest: false,
    };
    if user.role == Role::Scientist {
        section.own_match = queries::live_match(conn, stored.id, user.id).await?;
        section.may_express_interest = published && section.own_match.is_none();
        return Ok(Some(section));
    }
    let staff =
        user.role.is_staff() && staff_covers(conn, user, &stored.problem.target_hubs).await?;
    if !staff && !in_owning_org {
        return Ok(None);
    }
    let viewer = if staff { Party::Staff } else { Party::Owner };
    let rows = lists::of_problem(conn, stored.id).await?;
    section.rows = Some(
        rows.iter()
            .map(|m| MatchLine::of(ctx.locale, m, Some(viewer)))
            .collect(),
    );
    section.show_conflict = staff;
    section.candidates_link = published && in_owning_org;
    section.propose_link = published && staff;
    Ok(Some(section))
}

/// Pending matches waiting for the embassy's approval in the staff member's hubs, oldest first.
pub async fn staff_queue(
    conn: &mut PgConnection,
    user: &SessionUser,
    locale: Locale,
) -> sqlx::Result<Vec<MatchLine>> {
    let all_hubs = user.role == Role::Admin;
    let rows = lists::waiting_for_staff(conn, user.id, all_hubs).await?;
    Ok(rows
        .iter()
        .map(|m| MatchLine::of(locale, m, Some(Party::Staff)))
        .collect())
}

/// Whether `user` is a scientist with a match that opens the invite-only problem to them.
pub async fn scientist_is_invited(
    conn: &mut PgConnection,
    user: Option<&SessionUser>,
    problem_id: i64,
) -> sqlx::Result<bool> {
    match user {
        Some(u) if u.role == Role::Scientist => lists::is_invited(conn, u.id, problem_id).await,
        _ => Ok(false),
    }
}

/// Whether `viewer` belongs to an organisation owning a problem the scientist has a match on:
/// they may then see the profile whatever its visibility.
pub async fn match_partner_may_see(
    conn: &mut PgConnection,
    viewer: Option<&SessionUser>,
    scientist_id: i64,
) -> sqlx::Result<bool> {
    match viewer {
        Some(v) if v.role == Role::Owner => lists::shares_a_match(conn, v.id, scientist_id).await,
        _ => Ok(false),
    }
}
