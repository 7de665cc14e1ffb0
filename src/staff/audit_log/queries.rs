//! The audit viewer's SQL: one page of events, how many match (counted up to a cap), and the
//! actions and target types there are, for the filter lists.
//!
//! What a staff member sees (admins see everything): their own actions; events about
//! organisations (they have no hub; every staff member reviews them); events about problems
//! and matches whose problem targets one of their hubs or every hub (as the review queues);
//! and events about scientists and owners they may manage (`crate::staff::users::scope`).
//! Events about staff and admin accounts, hubs and the platform itself are for admins.

use serde_json::Value;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use time::OffsetDateTime;

use crate::staff::audit_log::filters::{AuditFilter, contains_pattern};
use crate::staff::scope::HubScope;
use crate::staff::users::scope::push_hub_member;

/// Events per page.
pub const PAGE_SIZE: i64 = 50;
/// At most this many matching events are counted and can be paged through (200 pages); older
/// ones are reached by narrowing the filters, so no page costs more than this much work.
pub const MAX_ROWS: i64 = 10_000;

#[derive(Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_email: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<String>,
    pub details: Value,
    pub created_at: OffsetDateTime,
}

/// The target id as a number, or NULL when it is not one (so the cast never fails).
const TARGET_NUMBER: &str =
    "(case when a.target_id ~ '^[0-9]{1,18}$' then a.target_id::bigint end)";

fn push_where(qb: &mut QueryBuilder<'_, Postgres>, filter: &AuditFilter, scope: &HubScope) {
    qb.push(" where true");
    if let Some(actor) = &filter.actor {
        let pattern = contains_pattern(actor);
        qb.push(" and a.actor_id in (select id from users where lower(email) like ");
        qb.push_bind(pattern.clone());
        qb.push(" or lower(display_name) like ");
        qb.push_bind(pattern);
        qb.push(")");
    }
    if let Some(action) = &filter.action {
        qb.push(" and a.action = ");
        qb.push_bind(action.clone());
    }
    if let Some(target_type) = &filter.target_type {
        qb.push(" and a.target_type = ");
        qb.push_bind(target_type.clone());
    }
    if let Some(target_id) = &filter.target_id {
        qb.push(" and a.target_id = ");
        qb.push_bind(target_id.clone());
    }
    if let Some(from) = filter.from {
        qb.push(" and a.created_at >= ");
        qb.push_bind(from.midnight().assume_utc());
    }
    if let Some(to) = filter.to {
        // The whole last day: before the next midnight (UTC, as the times are shown).
        let end = to.next_day().unwrap_or(to).midnight().assume_utc();
        qb.push(" and a.created_at < ");
        qb.push_bind(end);
    }
    if !scope.all_hubs {
        push_scope(qb, scope);
    }
}

/// The events a staff member (not an admin) may read; see the module comment.
fn push_scope(qb: &mut QueryBuilder<'_, Postgres>, scope: &HubScope) {
    let in_hubs = |qb: &mut QueryBuilder<'_, Postgres>| {
        qb.push("(cardinality(p.target_hubs) = 0 or p.target_hubs && ");
        qb.push_bind(scope.hubs.clone());
        qb.push("::text[])");
    };
    qb.push(" and (a.actor_id = ");
    qb.push_bind(scope.user_id);
    qb.push(" or a.target_type = 'organisation'");
    qb.push(format!(
        " or (a.target_type = 'problem' and exists (
               select 1 from problems p where p.id = {TARGET_NUMBER} and "
    ));
    in_hubs(qb);
    qb.push("))");
    qb.push(format!(
        " or (a.target_type = 'match' and exists (
               select 1 from matches mt join problems p on p.id = mt.problem_id
                where mt.id = {TARGET_NUMBER} and "
    ));
    in_hubs(qb);
    qb.push("))");
    qb.push(format!(
        " or (a.target_type in ('user', 'scientist_profile') and exists (
               select 1 from users tu
                where tu.id = {TARGET_NUMBER} and "
    ));
    push_hub_member(qb, "tu.id", "tu.role", &scope.hubs);
    qb.push(")))");
}

/// One page of events, newest first.
pub async fn page_of_events(
    conn: &mut PgConnection,
    filter: &AuditFilter,
    scope: &HubScope,
    page: i64,
) -> sqlx::Result<Vec<AuditRow>> {
    let mut qb = QueryBuilder::new(
        "select a.id, a.actor_id, u.display_name as actor_name, u.email as actor_email,
                a.action, a.target_type, a.target_id, a.details, a.created_at
           from audit_events a left join users u on u.id = a.actor_id",
    );
    push_where(&mut qb, filter, scope);
    qb.push(" order by a.created_at desc, a.id desc limit ");
    qb.push_bind(PAGE_SIZE);
    qb.push(" offset ");
    qb.push_bind((page - 1) * PAGE_SIZE);
    qb.build_query_as().fetch_all(conn).await
}

/// How many events match, counting no further than `MAX_ROWS + 1`.
pub async fn count_capped(
    conn: &mut PgConnection,
    filter: &AuditFilter,
    scope: &HubScope,
) -> sqlx::Result<i64> {
    let mut qb = QueryBuilder::new("select count(*) from (select 1 from audit_events a");
    push_where(&mut qb, filter, scope);
    qb.push(" limit ");
    qb.push_bind(MAX_ROWS + 1);
    qb.push(") t");
    qb.build_query_scalar().fetch_one(conn).await
}

/// The distinct values of an indexed column (`action` or `target_type`), by skipping through
/// the index one value at a time rather than reading every row.
async fn distinct_values(conn: &mut PgConnection, column: &str) -> sqlx::Result<Vec<String>> {
    debug_assert!(matches!(column, "action" | "target_type"));
    let sql = format!(
        "with recursive v (value) as (
             (select {column} from audit_events order by {column} limit 1)
             union all
             select (select {column} from audit_events where {column} > v.value
                      order by {column} limit 1)
               from v where v.value is not null)
         select value from v where value is not null"
    );
    sqlx::query_scalar(&sql).fetch_all(conn).await
}

pub async fn actions(conn: &mut PgConnection) -> sqlx::Result<Vec<String>> {
    distinct_values(conn, "action").await
}

pub async fn target_types(conn: &mut PgConnection) -> sqlx::Result<Vec<String>> {
    distinct_values(conn, "target_type").await
}
