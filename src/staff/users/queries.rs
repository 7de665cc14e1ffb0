//! The statements behind the user pages, one function each. Every read and every lock takes
//! the reader's `HubScope`, so an account outside it is simply not found.

use sqlx::{PgConnection, Postgres, QueryBuilder};
use time::OffsetDateTime;

use crate::i18n::Locale;
use crate::staff::audit_log::filters::contains_pattern;
use crate::staff::scope::HubScope;
use crate::staff::users::forms::UserFilter;
use crate::staff::users::scope::push_visible_user;

pub const PAGE_SIZE: i64 = 50;

#[derive(Debug, sqlx::FromRow)]
pub struct ListedUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub email_verified_at: Option<OffsetDateTime>,
    pub disabled_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub hub_name: Option<String>,
}

/// The hub's name in the reader's language (`h` is a `hubs` row).
fn hub_name_sql(locale: Locale) -> &'static str {
    match locale {
        Locale::Vi => "h.name_vi",
        Locale::Ja => "h.name_ja",
        Locale::En => "h.name_en",
    }
}

fn push_where(qb: &mut QueryBuilder<'_, Postgres>, filter: &UserFilter, scope: &HubScope) {
    qb.push(" where ");
    push_visible_user(qb, "u", scope);
    if let Some(q) = &filter.q {
        let pattern = contains_pattern(q);
        qb.push(" and (lower(u.email) like ");
        qb.push_bind(pattern.clone());
        qb.push(" or lower(u.display_name) like ");
        qb.push_bind(pattern);
        qb.push(")");
    }
    if let Some(role) = &filter.role {
        qb.push(" and u.role = ");
        qb.push_bind(role.clone());
    }
    match filter.suspended {
        Some(true) => {
            qb.push(" and u.disabled_at is not null");
        }
        Some(false) => {
            qb.push(" and u.disabled_at is null");
        }
        None => {}
    }
}

/// One page of the accounts the reader may see that match, newest first.
pub async fn page_of_users(
    conn: &mut PgConnection,
    filter: &UserFilter,
    scope: &HubScope,
    locale: Locale,
    page: i64,
) -> sqlx::Result<Vec<ListedUser>> {
    let mut qb = QueryBuilder::new(format!(
        "select u.id, u.email, u.display_name, u.role, u.email_verified_at, u.disabled_at,
                u.created_at, {} as hub_name
           from users u
           left join scientist_profiles sp on sp.user_id = u.id
           left join hubs h on h.code = sp.hub_code",
        hub_name_sql(locale)
    ));
    push_where(&mut qb, filter, scope);
    qb.push(" order by u.created_at desc, u.id desc limit ");
    qb.push_bind(PAGE_SIZE);
    qb.push(" offset ");
    qb.push_bind((page - 1) * PAGE_SIZE);
    qb.build_query_as().fetch_all(conn).await
}

pub async fn count_users(
    conn: &mut PgConnection,
    filter: &UserFilter,
    scope: &HubScope,
) -> sqlx::Result<i64> {
    let mut qb = QueryBuilder::new("select count(*) from users u");
    push_where(&mut qb, filter, scope);
    qb.build_query_scalar().fetch_one(conn).await
}

#[derive(Debug, sqlx::FromRow)]
pub struct UserDetail {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub preferred_locale: String,
    pub email_verified_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub disabled_at: Option<OffsetDateTime>,
    pub disabled_reason: Option<String>,
    pub disabled_by_name: Option<String>,
    pub hub_name: Option<String>,
    pub has_profile: bool,
}

/// One account, if the reader may see it.
pub async fn user_detail(
    conn: &mut PgConnection,
    scope: &HubScope,
    locale: Locale,
    id: i64,
) -> sqlx::Result<Option<UserDetail>> {
    let mut qb = QueryBuilder::new(format!(
        "select u.id, u.email, u.display_name, u.role, u.preferred_locale, u.email_verified_at,
                u.created_at, u.disabled_at, u.disabled_reason, d.display_name as disabled_by_name,
                {} as hub_name, sp.user_id is not null as has_profile
           from users u
           left join users d on d.id = u.disabled_by
           left join scientist_profiles sp on sp.user_id = u.id
           left join hubs h on h.code = sp.hub_code
          where u.id = ",
        hub_name_sql(locale)
    ));
    qb.push_bind(id);
    qb.push(" and ");
    push_visible_user(&mut qb, "u", scope);
    qb.build_query_as().fetch_optional(conn).await
}

#[derive(Debug, sqlx::FromRow)]
pub struct LockedUser {
    pub role: String,
    pub disabled_at: Option<OffsetDateTime>,
    pub disabled_reason: Option<String>,
}

/// Locks the account row for a suspension or restoration, if the reader may see it.
pub async fn lock_user(
    conn: &mut PgConnection,
    scope: &HubScope,
    id: i64,
) -> sqlx::Result<Option<LockedUser>> {
    let mut qb = QueryBuilder::new(
        "select u.role, u.disabled_at, u.disabled_reason from users u where u.id = ",
    );
    qb.push_bind(id);
    qb.push(" and ");
    push_visible_user(&mut qb, "u", scope);
    qb.push(" for update of u");
    qb.build_query_as().fetch_optional(conn).await
}

pub async fn suspend(conn: &mut PgConnection, id: i64, reason: &str, by: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update users set disabled_at = now(), disabled_reason = $2, disabled_by = $3,
                updated_at = now()
          where id = $1",
    )
    .bind(id)
    .bind(reason)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn restore(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update users set disabled_at = null, disabled_reason = null, disabled_by = null,
                updated_at = now()
          where id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// When the account last signed in, from the audit log (newest first on the target index).
pub async fn last_sign_in(
    conn: &mut PgConnection,
    id: i64,
) -> sqlx::Result<Option<OffsetDateTime>> {
    sqlx::query_scalar(
        "select created_at from audit_events
          where target_type = 'user' and target_id = $1 and action = 'user.signed_in'
          order by created_at desc limit 1",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct AccountEvent {
    pub action: String,
    pub actor_name: Option<String>,
    pub details: serde_json::Value,
    pub created_at: OffsetDateTime,
}

/// The account's own history (registration, verification, suspensions, …) without its
/// sign-ins and sign-outs, newest first.
pub async fn account_history(
    conn: &mut PgConnection,
    id: i64,
    limit: i64,
) -> sqlx::Result<Vec<AccountEvent>> {
    sqlx::query_as(
        "select a.action, u.display_name as actor_name, a.details, a.created_at
           from audit_events a left join users u on u.id = a.actor_id
          where a.target_type = 'user' and a.target_id = $1
            and a.action not in ('user.signed_in', 'user.signed_out')
          order by a.created_at desc, a.id desc
          limit $2",
    )
    .bind(id.to_string())
    .bind(limit)
    .fetch_all(conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct MemberOf {
    pub id: i64,
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: Option<String>,
}

/// The organisations an owner belongs to.
pub async fn organisations_of(conn: &mut PgConnection, id: i64) -> sqlx::Result<Vec<MemberOf>> {
    sqlx::query_as(
        "select o.id, o.name_vi, o.name_en, o.name_ja
           from org_members m join organisations o on o.id = m.org_id
          where m.user_id = $1
          order by o.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}
