//! The statements of the match workflow, one function each. Changes run inside the caller's
//! transaction after `lock_match`, so two requests cannot both move the same match.

use std::collections::HashMap;

use sqlx::PgConnection;
use time::{Date, OffsetDateTime};

use crate::matches::model::{Consents, Outcome, Party, State};
use crate::matches::workflow::rules::{Origin, party_code};

/// A problem, as creating a match on it needs to know it.
#[derive(Debug, sqlx::FromRow)]
pub struct ProblemFacts {
    pub id: i64,
    pub org_id: i64,
    pub title: String,
    pub status: String,
    pub confidentiality: String,
    pub deadline: Option<Date>,
    pub target_hubs: Vec<String>,
    pub org_name_vi: String,
    pub org_name_en: String,
    pub org_name_ja: Option<String>,
    /// The kinds of engagement it seeks, in taxonomy order.
    pub engagement_kinds: Vec<String>,
}

impl ProblemFacts {
    pub fn org_names(&self) -> Vec<&str> {
        let mut names = vec![self.org_name_vi.as_str(), self.org_name_en.as_str()];
        names.extend(self.org_name_ja.as_deref());
        names
    }
}

/// Loads a problem and holds a share lock on it for the rest of the transaction, so that it
/// cannot be closed while a match on it is being created.
pub async fn problem_facts(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<ProblemFacts>> {
    sqlx::query_as(
        "select p.id, p.org_id, p.title, p.status, p.confidentiality, p.deadline, p.target_hubs,
                o.name_vi as org_name_vi, o.name_en as org_name_en, o.name_ja as org_name_ja,
                array(select e.kind from problem_engagements e
                        join engagement_kinds k on k.code = e.kind
                       where e.problem_id = p.id order by k.sort_order) as engagement_kinds
           from problems p join organisations o on o.id = p.org_id
          where p.id = $1
            for share of p",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// A scientist's profile, as creating a match needs to know it.
#[derive(Debug, sqlx::FromRow)]
pub struct ScientistFacts {
    pub user_id: i64,
    pub full_name: String,
    pub affiliation: String,
    pub visibility: String,
    pub engagement_kinds: Vec<String>,
}

pub async fn scientist_facts(
    conn: &mut PgConnection,
    user_id: i64,
) -> sqlx::Result<Option<ScientistFacts>> {
    sqlx::query_as(
        "select p.user_id, p.full_name, p.affiliation, p.visibility,
                array(select e.kind from profile_engagements e
                        join engagement_kinds k on k.code = e.kind
                       where e.user_id = p.user_id order by k.sort_order) as engagement_kinds
           from scientist_profiles p join users u on u.id = p.user_id
          where p.user_id = $1 and u.disabled_at is null",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// The live (pending or active) match of this pair, if there is one.
pub async fn live_match(
    conn: &mut PgConnection,
    problem_id: i64,
    scientist_id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "select id from matches
          where problem_id = $1 and scientist_id = $2 and state in ('pending', 'active')",
    )
    .bind(problem_id)
    .bind(scientist_id)
    .fetch_optional(conn)
    .await
}

pub struct NewMatch<'a> {
    pub problem_id: i64,
    pub scientist_id: i64,
    pub origin: Origin,
    pub engagement_kind: Option<&'a str>,
    pub note: &'a str,
    pub creator_id: i64,
    pub conflict_of_interest: bool,
}

/// Inserts a match with its creator's consent; `None` when the pair already has a live match
/// (the unique index decided: another request was faster). The transaction is then aborted
/// and must be rolled back.
pub async fn insert_match(conn: &mut PgConnection, m: &NewMatch<'_>) -> sqlx::Result<Option<i64>> {
    let consents = Consents::created_by(m.origin.creator());
    let by = |party: Party| consents.given_by(party).then_some(m.creator_id);
    let inserted = sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, engagement_kind, note, created_by,
                scientist_consent_by, scientist_consent_at, owner_consent_by, owner_consent_at,
                staff_consent_by, staff_consent_at, conflict_of_interest)
         values ($1, $2, $3, $4, $5, $6,
                 $7, case when $7::bigint is not null then now() end,
                 $8, case when $8::bigint is not null then now() end,
                 $9, case when $9::bigint is not null then now() end, $10)
         returning id",
    )
    .bind(m.problem_id)
    .bind(m.scientist_id)
    .bind(m.origin.code())
    .bind(m.engagement_kind)
    .bind(m.note)
    .bind(m.creator_id)
    .bind(by(Party::Scientist))
    .bind(by(Party::Owner))
    .bind(by(Party::Staff))
    .bind(m.conflict_of_interest)
    .fetch_one(conn)
    .await;
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("23505") => Ok(None),
        Err(e) => Err(e),
    }
}

/// A match with what deciding who may act on it needs.
#[derive(Debug, sqlx::FromRow)]
pub struct MatchRow {
    pub id: i64,
    pub problem_id: i64,
    pub scientist_id: i64,
    pub origin: String,
    pub engagement_kind: Option<String>,
    pub note: String,
    pub created_by: Option<i64>,
    pub state: String,
    pub scientist_consent_by: Option<i64>,
    pub scientist_consent_at: Option<OffsetDateTime>,
    pub owner_consent_by: Option<i64>,
    pub owner_consent_at: Option<OffsetDateTime>,
    pub staff_consent_by: Option<i64>,
    pub staff_consent_at: Option<OffsetDateTime>,
    pub ended_by: Option<i64>,
    pub end_reason: Option<String>,
    pub ended_at: Option<OffsetDateTime>,
    pub outcome_note: Option<String>,
    pub conflict_of_interest: bool,
    pub created_at: OffsetDateTime,
    pub problem_title: String,
    pub org_id: i64,
    pub target_hubs: Vec<String>,
    pub scientist_name: String,
}

impl MatchRow {
    pub fn state(&self) -> State {
        // An unknown state is treated as ended: nothing more may happen to it.
        State::parse(&self.state).unwrap_or(State::Withdrawn)
    }

    pub fn origin(&self) -> Origin {
        Origin::parse(&self.origin).unwrap_or(Origin::Proposal)
    }

    pub fn consents(&self) -> Consents {
        Consents {
            scientist: self.scientist_consent_at.is_some(),
            owner: self.owner_consent_at.is_some(),
            staff: self.staff_consent_at.is_some(),
        }
    }

    /// Who gave `party`'s consent, and when.
    pub fn consent(&self, party: Party) -> (Option<i64>, Option<OffsetDateTime>) {
        match party {
            Party::Scientist => (self.scientist_consent_by, self.scientist_consent_at),
            Party::Owner => (self.owner_consent_by, self.owner_consent_at),
            Party::Staff => (self.staff_consent_by, self.staff_consent_at),
        }
    }
}

const SELECT_MATCH: &str = "select m.id, m.problem_id, m.scientist_id, m.origin,
        m.engagement_kind, m.note, m.created_by, m.state, m.scientist_consent_by,
        m.scientist_consent_at, m.owner_consent_by, m.owner_consent_at, m.staff_consent_by,
        m.staff_consent_at, m.ended_by, m.end_reason, m.ended_at, m.outcome_note,
        m.conflict_of_interest, m.created_at, p.title as problem_title, p.org_id, p.target_hubs,
        s.full_name as scientist_name
   from matches m
   join problems p on p.id = m.problem_id
   join scientist_profiles s on s.user_id = m.scientist_id
  where m.id = $1";

pub async fn load_match(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<MatchRow>> {
    sqlx::query_as(SELECT_MATCH)
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Loads and locks a match for a change.
pub async fn lock_match(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<MatchRow>> {
    sqlx::query_as(&format!("{SELECT_MATCH} for update of m"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Writes an allowed outcome of `apply`: the new state, the consent just given, and for an
/// ending, who ended it, why and when (an outcome note when completed).
pub async fn save_outcome(
    conn: &mut PgConnection,
    id: i64,
    actor_id: i64,
    party: Party,
    outcome: &Outcome,
    text: Option<&str>,
) -> sqlx::Result<()> {
    let consent = party_code(party);
    let state = outcome.state;
    let gives_consent = outcome.consents.given_by(party);
    let ends = matches!(state, State::Declined | State::Withdrawn | State::Completed);
    // Only the column names come from code (one of three fixed words); values are bound.
    let sql = format!(
        "update matches
            set state = $2, updated_at = now(),
                {consent}_consent_by = case when $3 and {consent}_consent_at is null
                                            then $4 else {consent}_consent_by end,
                {consent}_consent_at = case when $3 then coalesce({consent}_consent_at, now())
                                            else {consent}_consent_at end,
                ended_by = case when $5 then $4 else ended_by end,
                ended_at = case when $5 then now() else ended_at end,
                end_reason = case when $5 and $2 <> 'completed' then $6 else end_reason end,
                outcome_note = case when $2 = 'completed' then $6 else outcome_note end
          where id = $1"
    );
    sqlx::query(&sql)
        .bind(id)
        .bind(state.code())
        .bind(gives_consent)
        .bind(actor_id)
        .bind(ends)
        .bind(text)
        .execute(conn)
        .await?;
    Ok(())
}

/// One line of the match's history.
pub async fn add_event(
    conn: &mut PgConnection,
    match_id: i64,
    actor_id: i64,
    event: &str,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into match_events (match_id, actor_id, event, reason) values ($1, $2, $3, $4)",
    )
    .bind(match_id)
    .bind(actor_id)
    .bind(event)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub event: String,
    pub reason: Option<String>,
    pub created_at: OffsetDateTime,
    pub actor_name: Option<String>,
}

pub async fn events(conn: &mut PgConnection, match_id: i64) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "select e.event, e.reason, e.created_at, u.display_name as actor_name
           from match_events e left join users u on u.id = e.actor_id
          where e.match_id = $1 order by e.id",
    )
    .bind(match_id)
    .fetch_all(conn)
    .await
}

pub async fn add_message(
    conn: &mut PgConnection,
    match_id: i64,
    author_id: i64,
    body: &str,
) -> sqlx::Result<()> {
    sqlx::query("insert into match_messages (match_id, author_id, body) values ($1, $2, $3)")
        .bind(match_id)
        .bind(author_id)
        .bind(body)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub author_role: Option<String>,
    pub body: String,
    pub created_at: OffsetDateTime,
}

pub async fn messages(conn: &mut PgConnection, match_id: i64) -> sqlx::Result<Vec<MessageRow>> {
    sqlx::query_as(
        "select m.author_id, u.display_name as author_name, u.role as author_role, m.body,
                m.created_at
           from match_messages m left join users u on u.id = m.author_id
          where m.match_id = $1 order by m.id",
    )
    .bind(match_id)
    .fetch_all(conn)
    .await
}

/// A user as a match page names them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub display_name: String,
    pub email: String,
}

pub async fn people(conn: &mut PgConnection, ids: &[i64]) -> sqlx::Result<HashMap<i64, Person>> {
    let rows: Vec<Person> =
        sqlx::query_as("select id, display_name, email from users where id = any($1)")
            .bind(ids)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|p| (p.id, p)).collect())
}

/// The members of an organisation who may be told about its matches.
pub async fn org_member_ids(conn: &mut PgConnection, org_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "select m.user_id from org_members m join users u on u.id = m.user_id
          where m.org_id = $1 and u.disabled_at is null order by m.user_id",
    )
    .bind(org_id)
    .fetch_all(conn)
    .await
}

/// The staff of the problem's hubs; every staff member when it targets all hubs.
pub async fn hub_staff_ids(conn: &mut PgConnection, hubs: &[String]) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "select u.id from users u
          where u.role = 'staff' and u.disabled_at is null
            and (cardinality($1::text[]) = 0
                 or exists (select 1 from staff_hubs h
                             where h.user_id = u.id and h.hub_code = any($1)))
          order by u.id",
    )
    .bind(hubs)
    .fetch_all(conn)
    .await
}

/// Whether a staff member works for one of `hubs` (an empty list means every hub).
pub async fn staff_works_for(
    conn: &mut PgConnection,
    user_id: i64,
    hubs: &[String],
) -> sqlx::Result<bool> {
    if hubs.is_empty() {
        return Ok(true);
    }
    sqlx::query_scalar(
        "select exists (select 1 from staff_hubs where user_id = $1 and hub_code = any($2))",
    )
    .bind(user_id)
    .bind(hubs)
    .fetch_one(conn)
    .await
}

pub async fn org_names(
    conn: &mut PgConnection,
    org_id: i64,
) -> sqlx::Result<(String, String, Option<String>)> {
    sqlx::query_as("select name_vi, name_en, name_ja from organisations where id = $1")
        .bind(org_id)
        .fetch_one(conn)
        .await
}
