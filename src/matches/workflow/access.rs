//! Who a user is to a match: its scientist, a member of the organisation that owns the
//! problem, or embassy staff of the problem's hubs (admins: every hub). Anyone else is nobody
//! to it and gets 404.

use sqlx::PgConnection;

use crate::auth::model::{Role, SessionUser};
use crate::matches::model::Party;
use crate::matches::workflow::queries::{self, MatchRow};
use crate::orgs::queries::is_member;

/// The party `user` acts for on `m`, if any.
pub async fn party_of(
    conn: &mut PgConnection,
    user: &SessionUser,
    m: &MatchRow,
) -> sqlx::Result<Option<Party>> {
    if user.id == m.scientist_id {
        return Ok(Some(Party::Scientist));
    }
    if user.role.is_staff() {
        let covers = staff_covers(conn, user, &m.target_hubs).await?;
        return Ok(covers.then_some(Party::Staff));
    }
    if user.role == Role::Owner && is_member(conn, m.org_id, user.id).await? {
        return Ok(Some(Party::Owner));
    }
    Ok(None)
}

/// Whether a staff member (or admin) works for a problem targeting `hubs`.
pub async fn staff_covers(
    conn: &mut PgConnection,
    user: &SessionUser,
    hubs: &[String],
) -> sqlx::Result<bool> {
    match user.role {
        Role::Admin => Ok(true),
        Role::Staff => queries::staff_works_for(conn, user.id, hubs).await,
        Role::Scientist | Role::Owner => Ok(false),
    }
}
