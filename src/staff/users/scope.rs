//! Which accounts a staff member may see and act on, as SQL predicates that the user pages and
//! the audit viewer share (so both answer the same question the same way).
//!
//! The rule. Admins see everyone. A staff member sees:
//! - scientists whose expertise profile is in one of their hubs;
//! - problem owners whose organisations have a problem (in any status) targeting one of their
//!   hubs or every hub, as the review queues decide problems;
//! - scientists and owners not yet tied to any hub (no profile, no problem yet): like
//!   organisations, which have no hub and are reviewed by every staff member;
//! - staff and admin accounts (colleagues; read only — admins manage them elsewhere).
//!
//! Anyone else is out of scope and their pages answer 404: their existence is private.

use sqlx::{Postgres, QueryBuilder};

use crate::staff::scope::HubScope;

/// Pushes "the account `user_id` with role `role` (SQL expressions) is a scientist or owner
/// this staff member may manage"; `hubs` are the staff member's hubs. Each role only looks up
/// its own tables (a scientist's profile; an owner's organisations and their problems), by
/// index, so the predicate stays cheap over many thousands of scientists.
pub fn push_hub_member(
    qb: &mut QueryBuilder<'_, Postgres>,
    user_id: &str,
    role: &str,
    hubs: &[String],
) {
    let problems = format!(
        "select 1 from org_members m join problems p on p.org_id = m.org_id
          where m.user_id = {user_id}"
    );
    qb.push(format!(
        "(({role} = 'scientist'
           and (exists (select 1 from scientist_profiles sp
                         where sp.user_id = {user_id} and sp.hub_code = any("
    ));
    qb.push_bind(hubs.to_vec());
    qb.push(format!(
        "))
                or not exists (select 1 from scientist_profiles sp where sp.user_id = {user_id})))
          or ({role} = 'owner'
              and (exists ({problems}
                            and (cardinality(p.target_hubs) = 0 or p.target_hubs && "
    ));
    qb.push_bind(hubs.to_vec());
    qb.push(format!(
        "::text[]))
                   or not exists ({problems}))))"
    ));
}

/// Pushes "the account `u` (a `users` row alias) may be seen by this reader" (users pages).
pub fn push_visible_user(qb: &mut QueryBuilder<'_, Postgres>, u: &str, scope: &HubScope) {
    if scope.all_hubs {
        qb.push("true");
        return;
    }
    qb.push(format!("({u}.role in ('staff', 'admin') or "));
    push_hub_member(qb, &format!("{u}.id"), &format!("{u}.role"), &scope.hubs);
    qb.push(")");
}

/// The roles staff may suspend and restore here; staff and admin accounts are managed by
/// admins on their own pages.
pub fn is_manageable_role(role: &str) -> bool {
    matches!(role, "scientist" | "owner")
}
