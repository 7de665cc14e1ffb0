//! SQL for problems: save a draft (with its lists and search document), load one, change its
//! status, and read its history.

use sqlx::PgConnection;
use time::{Date, OffsetDateTime};

use crate::matches::ranking::text::terms_of_problem;
use crate::problems::model::{Confidentiality, Outcome, Problem, Status};
use crate::search::analyser::index_text;

/// Inserts a new draft written by `author_id`; returns its id. Call inside a transaction.
pub async fn insert_problem(
    conn: &mut PgConnection,
    author_id: i64,
    p: &Problem,
) -> sqlx::Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, author_id, title, summary, description_md, keywords,
                mechanism, budget_min, budget_max, currency, location, duration_months, deadline,
                target_hubs, confidentiality, search_doc, match_terms)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                 to_tsvector('simple', $16), $17)
         returning id",
    )
    .bind(p.org_id)
    .bind(author_id)
    .bind(&p.title)
    .bind(&p.summary)
    .bind(&p.description_md)
    .bind(&p.keywords)
    .bind(&p.mechanism)
    .bind(p.budget_min)
    .bind(p.budget_max)
    .bind(&p.currency)
    .bind(&p.location)
    .bind(p.duration_months)
    .bind(p.deadline)
    .bind(&p.target_hubs)
    .bind(p.confidentiality.code())
    .bind(search_document(p))
    .bind(terms_of_problem(p))
    .fetch_one(&mut *conn)
    .await?;
    replace_lists(conn, id, p).await?;
    Ok(id)
}

/// Replaces the content of problem `id` (not its status). Call inside a transaction.
pub async fn update_problem(conn: &mut PgConnection, id: i64, p: &Problem) -> sqlx::Result<()> {
    sqlx::query(
        "update problems set org_id = $2, title = $3, summary = $4, description_md = $5,
                keywords = $6, mechanism = $7, budget_min = $8, budget_max = $9, currency = $10,
                location = $11, duration_months = $12, deadline = $13, target_hubs = $14,
                confidentiality = $15, search_doc = to_tsvector('simple', $16),
                match_terms = $17, updated_at = now()
          where id = $1",
    )
    .bind(id)
    .bind(p.org_id)
    .bind(&p.title)
    .bind(&p.summary)
    .bind(&p.description_md)
    .bind(&p.keywords)
    .bind(&p.mechanism)
    .bind(p.budget_min)
    .bind(p.budget_max)
    .bind(&p.currency)
    .bind(&p.location)
    .bind(p.duration_months)
    .bind(p.deadline)
    .bind(&p.target_hubs)
    .bind(p.confidentiality.code())
    .bind(search_document(p))
    .bind(terms_of_problem(p))
    .execute(&mut *conn)
    .await?;
    replace_lists(conn, id, p).await
}

/// Everything a search should find a problem by, analysed once here (also used by `seed-bench`).
pub(crate) fn search_document(p: &Problem) -> String {
    let mut parts: Vec<&str> = vec![&p.title, &p.summary, &p.description_md];
    parts.extend(p.keywords.iter().map(String::as_str));
    let fields: Vec<&str> = p.fields.iter().map(String::as_str).collect();
    index_text(&parts, &fields)
}

async fn replace_lists(conn: &mut PgConnection, id: i64, p: &Problem) -> sqlx::Result<()> {
    let lists = [
        ("problem_fields", "field_code", &p.fields),
        ("problem_engagements", "kind", &p.engagement_kinds),
        ("problem_languages", "language_code", &p.working_languages),
    ];
    for (table, column, values) in lists {
        sqlx::query(&format!("delete from {table} where problem_id = $1"))
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query(&format!(
            "insert into {table} (problem_id, {column}) select $1, unnest($2::text[])"
        ))
        .bind(id)
        .bind(values)
        .execute(&mut *conn)
        .await?;
    }
    // The facet values the board counts come from the lists just written.
    sqlx::query("update problems set facet_values = problem_facet_values(id) where id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A saved problem with its state and its organisation's names.
pub struct StoredProblem {
    pub id: i64,
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub outcome_note: Option<String>,
    pub org: OrgSummary,
    pub updated_at: OffsetDateTime,
    pub problem: Problem,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OrgSummary {
    pub org_name_vi: String,
    pub org_name_en: String,
    pub org_name_ja: Option<String>,
    pub org_kind: String,
    pub org_status: String,
}

#[derive(sqlx::FromRow)]
struct ProblemRow {
    id: i64,
    org_id: i64,
    title: String,
    summary: String,
    description_md: String,
    keywords: Vec<String>,
    mechanism: Option<String>,
    budget_min: Option<i64>,
    budget_max: Option<i64>,
    currency: Option<String>,
    location: Option<String>,
    duration_months: Option<i32>,
    deadline: Option<Date>,
    target_hubs: Vec<String>,
    confidentiality: String,
    status: String,
    outcome: Option<String>,
    outcome_note: Option<String>,
    updated_at: OffsetDateTime,
    fields: Vec<String>,
    engagement_kinds: Vec<String>,
    working_languages: Vec<String>,
    #[sqlx(flatten)]
    org: OrgSummary,
}

pub async fn load_problem(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StoredProblem>> {
    let row: Option<ProblemRow> = sqlx::query_as(
        "select p.id, p.org_id, p.title, p.summary, p.description_md, p.keywords, p.mechanism,
                p.budget_min, p.budget_max, p.currency, p.location, p.duration_months, p.deadline,
                p.target_hubs, p.confidentiality, p.status, p.outcome, p.outcome_note,
                p.updated_at,
                array(select f.field_code from problem_fields f join fields t on t.code = f.field_code
                       where f.problem_id = p.id order by t.sort_order, t.code) as fields,
                array(select e.kind from problem_engagements e join engagement_kinds k on k.code = e.kind
                       where e.problem_id = p.id order by k.sort_order) as engagement_kinds,
                array(select l.language_code from problem_languages l
                        join languages g on g.code = l.language_code
                       where l.problem_id = p.id order by g.sort_order) as working_languages,
                o.name_vi as org_name_vi, o.name_en as org_name_en, o.name_ja as org_name_ja,
                o.kind as org_kind, o.status as org_status
           from problems p join organisations o on o.id = p.org_id
          where p.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(ProblemRow::into_stored))
}

impl ProblemRow {
    fn into_stored(self) -> StoredProblem {
        StoredProblem {
            id: self.id,
            status: Status::parse(&self.status).unwrap_or(Status::Draft),
            outcome: self.outcome.as_deref().and_then(Outcome::parse),
            outcome_note: self.outcome_note,
            org: self.org,
            updated_at: self.updated_at,
            problem: Problem {
                org_id: self.org_id,
                title: self.title,
                summary: self.summary,
                description_md: self.description_md,
                fields: self.fields,
                keywords: self.keywords,
                engagement_kinds: self.engagement_kinds,
                mechanism: self.mechanism,
                budget_min: self.budget_min,
                budget_max: self.budget_max,
                currency: self.currency,
                location: self.location,
                duration_months: self.duration_months,
                deadline: self.deadline,
                target_hubs: self.target_hubs,
                working_languages: self.working_languages,
                // An unknown level is treated as the most restrictive one.
                confidentiality: Confidentiality::parse(&self.confidentiality)
                    .unwrap_or(Confidentiality::InviteOnly),
            },
        }
    }
}

/// The facts that decide who may act on a problem, locked for the rest of the transaction
/// so that two requests cannot both move it.
#[derive(Debug)]
pub struct Gate {
    pub org_id: i64,
    pub status: Status,
    pub confidentiality: Confidentiality,
    pub deadline: Option<Date>,
}

pub async fn lock_gate(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Gate>> {
    let row: Option<(i64, String, String, Option<Date>)> = sqlx::query_as(
        "select org_id, status, confidentiality, deadline from problems where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(org_id, status, confidentiality, deadline)| Gate {
        org_id,
        status: Status::parse(&status).unwrap_or(Status::Draft),
        confidentiality: Confidentiality::parse(&confidentiality)
            .unwrap_or(Confidentiality::InviteOnly),
        deadline,
    }))
}

pub async fn mark_submitted(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update problems set status = 'submitted', submitted_at = now(), updated_at = now()
          where id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn mark_closed(
    conn: &mut PgConnection,
    id: i64,
    outcome: Outcome,
    note: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "update problems set status = 'closed', outcome = $2, outcome_note = $3,
                closed_at = now(), updated_at = now()
          where id = $1",
    )
    .bind(id)
    .bind(outcome.code())
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

/// One line of the history shown on the problem page.
pub async fn add_event(
    conn: &mut PgConnection,
    id: i64,
    actor_id: i64,
    event: &str,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into problem_events (problem_id, actor_id, event, reason) values ($1, $2, $3, $4)",
    )
    .bind(id)
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
    pub actor_name: Option<String>,
    pub reason: Option<String>,
    pub created_at: OffsetDateTime,
}

pub async fn events(conn: &mut PgConnection, id: i64) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "select e.event, u.display_name as actor_name, e.reason, e.created_at
           from problem_events e left join users u on u.id = e.actor_id
          where e.problem_id = $1 order by e.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

/// A problem as listed on its organisation's page.
#[derive(Debug, sqlx::FromRow)]
pub struct OrgProblemRow {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub confidentiality: String,
    pub deadline: Option<Date>,
}

pub async fn org_problems(
    conn: &mut PgConnection,
    org_id: i64,
) -> sqlx::Result<Vec<OrgProblemRow>> {
    sqlx::query_as(
        "select id, title, status, confidentiality, deadline from problems
          where org_id = $1 order by updated_at desc, id desc",
    )
    .bind(org_id)
    .fetch_all(conn)
    .await
}

/// The reason of the latest request for changes, shown to the author while they edit.
pub async fn requested_changes(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<String>> {
    let reason: Option<Option<String>> = sqlx::query_scalar(
        "select reason from problem_events where problem_id = $1 and event = 'changes_requested'
          order by id desc limit 1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(reason.flatten())
}
