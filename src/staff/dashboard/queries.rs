//! The dashboard's figures: seven grouped statements, run by `load` in one read-only snapshot
//! (`repeatable read`, opened by the handler), so every chart on the page counts the same
//! moment. With the reader's hubs and the taxonomy labels, a page costs nine round trips.
//!
//! Who counts for a set of hubs (`Scope`; `$1` = every hub, `$2` = the hub codes):
//! - a **scientist** by the hub of their profile (where they live), if their account is not
//!   disabled;
//! - a **problem** by its `target_hubs`: an empty list means every hub, so such a problem
//!   counts for every hub (the rule of the review queue, `staff::review::queries::IN_SCOPE`);
//! - a **match** by its problem;
//! - an **organisation** is not divided by hub at all: a ministry works with every country's
//!   community, and every staff member reviews the whole organisation queue
//!   (`staff::review::queue`); so the organisation figures are the platform's, whatever the
//!   hub filter, and the page says so.
//!
//! The statements, one function each:
//! 1. [`scientists`]: total, by position, by field area (a scientist counts once in each area
//!    where they have a field; `''` = no field given).
//! 2. [`organisations`]: by status and by kind.
//! 3. [`problems`]: by status and by the kind of the owning organisation (problems have no
//!    kind of their own).
//! 4. [`matches`]: by state and by engagement kind (`''` = not given).
//! 5. [`funnel`]: the five stages, see [`Funnel`].
//! 6. [`medians`]: the two median durations, see [`Medians`].
//! 7. [`activity`]: per month and series since the window start, see [`ActivityRow`].
//!
//! Cost, measured on this two-core machine with 100,000 profiles (200,000 profile fields),
//! 20,000 problems and 10,000 matches, for a hub holding most of them: 1 reads the hub's
//! profiles and their fields once (hash joins, about 0.3 s: the one statement that grows with
//! the directory); 2–4 about 10 ms each; 5 about 0.1 s; 6 about 40 ms; 7 about 0.13 s. The
//! handler turns off PostgreSQL's JIT compilation for the transaction: these statements cost
//! enough to trigger it, and compiling took longer (0.2–0.6 s each) than running them.

use sqlx::PgConnection;
use time::OffsetDateTime;

/// The hubs the figures count: every hub (admins without a filter), or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub all: bool,
    pub hubs: Vec<String>,
}

/// Scientists in scope, as a CTE named `s (user_id, position, created_at)`.
const SCIENTISTS_IN_SCOPE: &str = "s as (
    select p.user_id, p.position, p.created_at
      from scientist_profiles p join users u on u.id = p.user_id
     where u.disabled_at is null and ($1 or p.hub_code = any($2)))";

/// Problems `p` in scope.
const PROBLEM_IN_SCOPE: &str = "($1 or cardinality(p.target_hubs) = 0 or p.target_hubs && $2)";

/// A count of one code along one dimension ("position", "area", "status", …).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Count {
    pub dim: String,
    pub code: String,
    pub n: i64,
}

/// The counts of `dim`, as (code, count).
pub fn counts_of(rows: &[Count], dim: &str) -> Vec<(String, i64)> {
    rows.iter()
        .filter(|c| c.dim == dim)
        .map(|c| (c.code.clone(), c.n))
        .collect()
}

pub async fn scientists(conn: &mut PgConnection, scope: &Scope) -> sqlx::Result<Vec<Count>> {
    let sql = format!(
        "with {SCIENTISTS_IN_SCOPE}
         select 'total' as dim, '' as code, count(*) as n from s
         union all
         select 'position', s.position, count(*) from s group by s.position
         union all
         select 'area', coalesce(f.parent_code, f.code), count(distinct s.user_id)
           from s join profile_fields pf on pf.user_id = s.user_id
                  join fields f on f.code = pf.field_code
          group by coalesce(f.parent_code, f.code)
         union all
         select 'area', '', count(*) from s
          where not exists (select 1 from profile_fields pf where pf.user_id = s.user_id)"
    );
    sqlx::query_as(&sql)
        .bind(scope.all)
        .bind(&scope.hubs)
        .fetch_all(conn)
        .await
}

pub async fn organisations(conn: &mut PgConnection) -> sqlx::Result<Vec<Count>> {
    sqlx::query_as(
        "select 'status' as dim, status as code, count(*) as n from organisations group by status
         union all
         select 'kind', kind, count(*) from organisations group by kind",
    )
    .fetch_all(conn)
    .await
}

pub async fn problems(conn: &mut PgConnection, scope: &Scope) -> sqlx::Result<Vec<Count>> {
    let sql = format!(
        "select 'status' as dim, p.status as code, count(*) as n
           from problems p where {PROBLEM_IN_SCOPE} group by p.status
         union all
         select 'kind', o.kind, count(*)
           from problems p join organisations o on o.id = p.org_id
          where {PROBLEM_IN_SCOPE} group by o.kind"
    );
    sqlx::query_as(&sql)
        .bind(scope.all)
        .bind(&scope.hubs)
        .fetch_all(conn)
        .await
}

pub async fn matches(conn: &mut PgConnection, scope: &Scope) -> sqlx::Result<Vec<Count>> {
    let sql = format!(
        "with m as (
             select m.state, coalesce(m.engagement_kind, '') as kind
               from matches m join problems p on p.id = m.problem_id
              where {PROBLEM_IN_SCOPE})
         select 'state' as dim, state as code, count(*) as n from m group by state
         union all
         select 'kind', kind, count(*) from m group by kind"
    );
    sqlx::query_as(&sql)
        .bind(scope.all)
        .bind(&scope.hubs)
        .fetch_all(conn)
        .await
}

/// From problem to result, counted in problems, each stage a subset of the one before:
///
/// 1. `published`: problems in scope that were ever published (`published_at` set, or in a
///    status only publication leads to: published, closed, expired).
/// 2. `with_candidates`: of those, problems for which at least one scientist qualifies as a
///    candidate, or that already have a match (a scientist in a match is a candidate by
///    then). The candidate test is a cheaper SQL form of the ranking engine's pool
///    (`matches::ranking::queries`): a scientist whose account is not disabled, who offers an
///    engagement kind the problem seeks (the engine's one hard rule, `score` returns `None`
///    without one) and has one of the problem's fields or another field of the same area
///    (the engine's `exact` and `nearby` pools). Two differences, both documented here: the
///    engine's third pool, profiles that match only by free text, is left out (it needs the
///    text analyser per problem); and profile visibility does not matter, as staff see every
///    level on the candidates page. Nor does the scientist's hub: the engine only scores it.
///
///    The statement does not look for a scientist per problem (3 s for 20,000 problems at
///    100,000 profiles). A scientist qualifies through one of their areas and one of their
///    kinds at once, so the pairs (area, kind) that some enabled scientist offers decide it:
///    `offered` finds them first (8 areas × 8 kinds, each a scalar subquery with `limit 1`
///    that stops at the first such scientist: 3 ms when most pairs are offered; a pair nobody
///    offers reads the area's profile fields once), then `sought` lists each published
///    problem's (area, kind) pairs, materialised so that the planner joins those few rows to
///    `offered` rather than every field to every pair.
/// 3. `with_interest`: of those, problems with a match that the scientist has consented to
///    (an expression of interest, or an accepted invitation or staff proposal).
/// 4. `active`: problems with a match that became active (state `active` or `completed`).
/// 5. `completed`: problems with a completed match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Funnel {
    pub published: i64,
    pub with_candidates: i64,
    pub with_interest: i64,
    pub active: i64,
    pub completed: i64,
}

pub async fn funnel(conn: &mut PgConnection, scope: &Scope) -> sqlx::Result<Funnel> {
    let sql = format!(
        "with published as (
             select p.id from problems p
              where {PROBLEM_IN_SCOPE}
                and (p.published_at is not null or p.status in ('published', 'closed', 'expired'))
         ), linked as (
             select m.problem_id,
                    bool_or(m.scientist_consent_at is not null) as interest,
                    bool_or(m.state in ('active', 'completed')) as active,
                    bool_or(m.state = 'completed') as completed
               from matches m join published on published.id = m.problem_id
              group by m.problem_id
         ), offered as materialized (
             select a.code as area, k.code as kind
               from fields a cross join engagement_kinds k
              where a.parent_code is null
                and (select true
                       from fields f
                       join profile_fields pf on pf.field_code = f.code
                       join profile_engagements pe on pe.user_id = pf.user_id
                                                  and pe.kind = k.code
                       join users u on u.id = pf.user_id and u.disabled_at is null
                      where coalesce(f.parent_code, f.code) = a.code
                      limit 1)
         ), sought as materialized (
             select qf.problem_id, coalesce(qa.parent_code, qa.code) as area, qe.kind
               from published pb
               join problem_fields qf on qf.problem_id = pb.id
               join fields qa on qa.code = qf.field_code
               join problem_engagements qe on qe.problem_id = qf.problem_id
         ), candidates as (
             select distinct s.problem_id
               from sought s join offered o on o.area = s.area and o.kind = s.kind
         )
         select count(*) as published,
                count(*) filter (where l.problem_id is not null or c.problem_id is not null)
                    as with_candidates,
                count(*) filter (where l.interest) as with_interest,
                count(*) filter (where l.active) as active,
                count(*) filter (where l.completed) as completed
           from published
           left join linked l on l.problem_id = published.id
           left join candidates c on c.problem_id = published.id"
    );
    sqlx::query_as(&sql)
        .bind(scope.all)
        .bind(&scope.hubs)
        .fetch_one(conn)
        .await
}

/// Median durations in days over the window (the last twelve months), with how many cases
/// each median is taken over:
///
/// - `publish_days`: problems in scope first approved (`problem_events.event = 'approved'`)
///   in the window: from their first `submitted` event to that approval. Rounds of
///   "changes requested" count, as the owner waited through them.
/// - `activate_days`: matches in scope activated (`match_events.event = 'activated'`, written
///   with the third consent) in the window: from the match's creation to its activation.
#[derive(Clone, Copy, Debug, Default, PartialEq, sqlx::FromRow)]
pub struct Medians {
    pub publish_days: Option<f64>,
    pub published: i64,
    pub activate_days: Option<f64>,
    pub activated: i64,
}

pub async fn medians(
    conn: &mut PgConnection,
    scope: &Scope,
    since: OffsetDateTime,
) -> sqlx::Result<Medians> {
    let sql = format!(
        "with publication as (
             select extract(epoch from min(e.created_at) filter (where e.event = 'approved')
                                     - min(e.created_at) filter (where e.event = 'submitted')
                           )::float8 / 86400 as days
               from problems p join problem_events e on e.problem_id = p.id
              where {PROBLEM_IN_SCOPE} and e.event in ('submitted', 'approved')
              group by p.id
             having min(e.created_at) filter (where e.event = 'approved') >= $3
                and min(e.created_at) filter (where e.event = 'submitted') is not null
         ), activation as (
             select extract(epoch from min(e.created_at) - m.created_at)::float8 / 86400 as days
               from matches m
               join problems p on p.id = m.problem_id
               join match_events e on e.match_id = m.id and e.event = 'activated'
              where {PROBLEM_IN_SCOPE}
              group by m.id, m.created_at
             having min(e.created_at) >= $3
         )
         select (select percentile_cont(0.5) within group (order by days) from publication)
                    as publish_days,
                (select count(*) from publication) as published,
                (select percentile_cont(0.5) within group (order by days) from activation)
                    as activate_days,
                (select count(*) from activation) as activated"
    );
    sqlx::query_as(&sql)
        .bind(scope.all)
        .bind(&scope.hubs)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// One month of one series: `series` is `scientists` (profiles created), `published`
/// (problems first published: `published_at`), `created` (matches created) or `activated`
/// (matches activated: their first `activated` event); `month` is `YYYY-MM` in UTC.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ActivityRow {
    pub series: String,
    pub month: String,
    pub n: i64,
}

pub async fn activity(
    conn: &mut PgConnection,
    scope: &Scope,
    since: OffsetDateTime,
) -> sqlx::Result<Vec<ActivityRow>> {
    let sql = format!(
        "with {SCIENTISTS_IN_SCOPE},
         activations as (
             select min(e.created_at) as at
               from matches m
               join problems p on p.id = m.problem_id
               join match_events e on e.match_id = m.id and e.event = 'activated'
              where {PROBLEM_IN_SCOPE}
              group by m.id
         )
         select 'scientists' as series,
                to_char(s.created_at at time zone 'UTC', 'YYYY-MM') as month, count(*) as n
           from s where s.created_at >= $3 group by 2
         union all
         select 'published', to_char(p.published_at at time zone 'UTC', 'YYYY-MM'), count(*)
           from problems p where {PROBLEM_IN_SCOPE} and p.published_at >= $3 group by 2
         union all
         select 'created', to_char(m.created_at at time zone 'UTC', 'YYYY-MM'), count(*)
           from matches m join problems p on p.id = m.problem_id
          where {PROBLEM_IN_SCOPE} and m.created_at >= $3 group by 2
         union all
         select 'activated', to_char(a.at at time zone 'UTC', 'YYYY-MM'), count(*)
           from activations a where a.at >= $3 group by 2"
    );
    sqlx::query_as(&sql)
        .bind(scope.all)
        .bind(&scope.hubs)
        .bind(since)
        .fetch_all(conn)
        .await
}

/// Everything the page shows, from one snapshot.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub scientists: Vec<Count>,
    pub organisations: Vec<Count>,
    pub problems: Vec<Count>,
    pub matches: Vec<Count>,
    pub funnel: Funnel,
    pub medians: Medians,
    pub activity: Vec<ActivityRow>,
}

pub async fn load(
    conn: &mut PgConnection,
    scope: &Scope,
    since: OffsetDateTime,
) -> sqlx::Result<Figures> {
    Ok(Figures {
        scientists: scientists(conn, scope).await?,
        organisations: organisations(conn).await?,
        problems: problems(conn, scope).await?,
        matches: matches(conn, scope).await?,
        funnel: funnel(conn, scope).await?,
        medians: medians(conn, scope, since).await?,
        activity: activity(conn, scope, since).await?,
    })
}
