//! The statements behind the review pages and decisions, one function each. Decisions call the
//! `lock_*` functions inside their transaction, so two reviewers cannot decide the same item.

use sqlx::PgConnection;
use time::{Date, OffsetDateTime};

use crate::auth::model::{Role, SessionUser};
use crate::i18n::Locale;
use crate::orgs::model::name_for;

/// Who is reviewing: admins work for every hub, staff for the hubs listed in `staff_hubs`.
#[derive(Clone, Copy, Debug)]
pub struct Reviewer {
    pub id: i64,
    pub all_hubs: bool,
}

impl Reviewer {
    pub fn of(user: &SessionUser) -> Reviewer {
        Reviewer {
            id: user.id,
            all_hubs: user.role == Role::Admin,
        }
    }
}

/// The problems (`p`) a reviewer may see and decide, with $1 = reviewer id, $2 = all hubs.
/// An empty `target_hubs` means "every hub", so every staff member reviews those.
const IN_SCOPE: &str = "($2 or cardinality(p.target_hubs) = 0
       or p.target_hubs && array(select hub_code from staff_hubs where user_id = $1))";

/// An organisation's names; English and Vietnamese are required, Japanese is optional.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrgNames {
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: Option<String>,
}

impl OrgNames {
    /// The name in the reader's language, with the language it is written in.
    pub fn in_locale(&self, locale: Locale) -> (String, &'static str) {
        let (name, lang) = name_for(
            locale,
            &self.name_vi,
            &self.name_en,
            self.name_ja.as_deref(),
        );
        (name.to_string(), lang)
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct QueuedProblem {
    pub id: i64,
    pub title: String,
    pub org_id: i64,
    #[sqlx(flatten)]
    pub org: OrgNames,
    pub org_kind: String,
    pub org_status: String,
    pub submitted_at: OffsetDateTime,
    pub author_name: Option<String>,
}

/// Problems waiting for review in the reviewer's hubs, the longest-waiting first.
pub async fn queued_problems(
    conn: &mut PgConnection,
    reviewer: Reviewer,
) -> sqlx::Result<Vec<QueuedProblem>> {
    let sql = format!(
        "select p.id, p.title, p.org_id, o.name_vi, o.name_en, o.name_ja, o.kind as org_kind,
                o.status as org_status, coalesce(p.submitted_at, p.created_at) as submitted_at,
                u.display_name as author_name
           from problems p
           join organisations o on o.id = p.org_id
           left join users u on u.id = p.author_id
          where p.status = 'submitted' and {IN_SCOPE}
          order by coalesce(p.submitted_at, p.created_at), p.id
          limit 500"
    );
    sqlx::query_as(&sql)
        .bind(reviewer.id)
        .bind(reviewer.all_hubs)
        .fetch_all(conn)
        .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct QueuedOrg {
    pub id: i64,
    #[sqlx(flatten)]
    pub org: OrgNames,
    pub kind: String,
    pub country_code: String,
    pub created_at: OffsetDateTime,
    pub creator_name: Option<String>,
    /// Its problems waiting for review (they cannot be approved until it is verified).
    pub waiting: i64,
}

/// Organisations waiting for verification, the longest-waiting first.
pub async fn queued_orgs(conn: &mut PgConnection) -> sqlx::Result<Vec<QueuedOrg>> {
    sqlx::query_as(
        "select o.id, o.name_vi, o.name_en, o.name_ja, o.kind, o.country_code, o.created_at,
                u.display_name as creator_name,
                (select count(*) from problems p
                  where p.org_id = o.id and p.status = 'submitted') as waiting
           from organisations o left join users u on u.id = o.created_by
          where o.status = 'unverified'
          order by o.created_at, o.id
          limit 500",
    )
    .fetch_all(conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct ProblemDetail {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub description_md: String,
    pub status: String,
    pub deadline: Option<Date>,
    pub target_hubs: Vec<String>,
    pub org_id: i64,
    #[sqlx(flatten)]
    pub org: OrgNames,
    pub org_kind: String,
    pub org_status: String,
    pub submitted_at: OffsetDateTime,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
}

/// One problem, if it is in the reviewer's hubs (whatever its status).
pub async fn problem_detail(
    conn: &mut PgConnection,
    reviewer: Reviewer,
    id: i64,
) -> sqlx::Result<Option<ProblemDetail>> {
    let sql = format!(
        "select p.id, p.title, p.summary, p.description_md, p.status, p.deadline,
                p.target_hubs, p.org_id, o.name_vi, o.name_en, o.name_ja, o.kind as org_kind,
                o.status as org_status, coalesce(p.submitted_at, p.created_at) as submitted_at,
                u.display_name as author_name, u.email as author_email
           from problems p
           join organisations o on o.id = p.org_id
           left join users u on u.id = p.author_id
          where p.id = $3 and {IN_SCOPE}"
    );
    sqlx::query_as(&sql)
        .bind(reviewer.id)
        .bind(reviewer.all_hubs)
        .bind(id)
        .fetch_optional(conn)
        .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct ProblemEvent {
    pub event: String,
    pub reason: Option<String>,
    pub created_at: OffsetDateTime,
    pub actor_name: Option<String>,
}

/// The problem's history: submissions and decisions, oldest first.
pub async fn problem_events(
    conn: &mut PgConnection,
    problem_id: i64,
) -> sqlx::Result<Vec<ProblemEvent>> {
    sqlx::query_as(
        "select e.event, e.reason, e.created_at, u.display_name as actor_name
           from problem_events e left join users u on u.id = e.actor_id
          where e.problem_id = $1 order by e.id",
    )
    .bind(problem_id)
    .fetch_all(conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct LockedProblem {
    pub status: String,
    pub title: String,
    pub author_id: Option<i64>,
    pub org_status: String,
}

/// Locks a problem in the reviewer's hubs for a decision. Its organisation is locked too
/// (shared), so it cannot lose its verification while the problem is being approved.
pub async fn lock_problem(
    conn: &mut PgConnection,
    reviewer: Reviewer,
    id: i64,
) -> sqlx::Result<Option<LockedProblem>> {
    let sql = format!(
        "select p.status, p.title, p.author_id, o.status as org_status
           from problems p join organisations o on o.id = p.org_id
          where p.id = $3 and {IN_SCOPE}
            for update of p for share of o"
    );
    sqlx::query_as(&sql)
        .bind(reviewer.id)
        .bind(reviewer.all_hubs)
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Moves a locked problem to `status`; publishing stamps `published_at`.
pub async fn set_problem_status(
    conn: &mut PgConnection,
    id: i64,
    status: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "update problems
            set status = $2, updated_at = now(),
                published_at = case when $2 = 'published' then now() else published_at end
          where id = $1",
    )
    .bind(id)
    .bind(status)
    .execute(conn)
    .await?;
    Ok(())
}

/// One line of a problem's history (`actor_id` is `None` for the background tasks).
pub async fn add_problem_event(
    conn: &mut PgConnection,
    problem_id: i64,
    actor_id: Option<i64>,
    event: &str,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into problem_events (problem_id, actor_id, event, reason) values ($1, $2, $3, $4)",
    )
    .bind(problem_id)
    .bind(actor_id)
    .bind(event)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct OrgDetail {
    pub id: i64,
    #[sqlx(flatten)]
    pub org: OrgNames,
    pub kind: String,
    pub country_code: String,
    pub website: Option<String>,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub creator_name: Option<String>,
    pub creator_email: Option<String>,
    pub decider_name: Option<String>,
    pub decided_at: Option<OffsetDateTime>,
}

pub async fn org_detail(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<OrgDetail>> {
    sqlx::query_as(
        "select o.id, o.name_vi, o.name_en, o.name_ja, o.kind, o.country_code, o.website,
                o.status, o.created_at, c.display_name as creator_name,
                c.email as creator_email, d.display_name as decider_name, o.decided_at
           from organisations o
           left join users c on c.id = o.created_by
           left join users d on d.id = o.decided_by
          where o.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct Member {
    pub display_name: String,
    pub email: String,
}

pub async fn org_members(conn: &mut PgConnection, org_id: i64) -> sqlx::Result<Vec<Member>> {
    sqlx::query_as(
        "select u.display_name, u.email from org_members m join users u on u.id = m.user_id
          where m.org_id = $1 order by u.display_name, u.id",
    )
    .bind(org_id)
    .fetch_all(conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct LockedOrg {
    pub status: String,
    #[sqlx(flatten)]
    pub org: OrgNames,
    pub created_by: Option<i64>,
}

/// Locks an organisation for a decision.
pub async fn lock_org(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<LockedOrg>> {
    sqlx::query_as(
        "select status, name_vi, name_en, name_ja, created_by from organisations
          where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_org_status(
    conn: &mut PgConnection,
    id: i64,
    status: &str,
    decided_by: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "update organisations set status = $2, decided_by = $3, decided_at = now(),
                updated_at = now()
          where id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(decided_by)
    .execute(conn)
    .await?;
    Ok(())
}

/// The active owner account with this email, if there is one.
pub async fn find_owner(conn: &mut PgConnection, email: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "select id from users
          where lower(email) = lower($1) and role = 'owner' and disabled_at is null",
    )
    .bind(email)
    .fetch_optional(conn)
    .await
}

/// Adds a member; `false` when they already were one (adding twice changes nothing).
pub async fn add_member(conn: &mut PgConnection, org_id: i64, user_id: i64) -> sqlx::Result<bool> {
    let inserted = sqlx::query(
        "insert into org_members (org_id, user_id) values ($1, $2) on conflict do nothing",
    )
    .bind(org_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// The language a user reads in, for the arguments of a notification to them.
pub async fn reader_locale(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<Locale> {
    let code: Option<String> =
        sqlx::query_scalar("select preferred_locale from users where id = $1")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(code
        .and_then(|c| Locale::from_code(&c))
        .unwrap_or(Locale::Vi))
}
