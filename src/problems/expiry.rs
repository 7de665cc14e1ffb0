//! The background task that marks published problems whose application deadline has passed
//! `expired`, with their history, audit row and a notice to the author.

use serde_json::json;
use sqlx::{PgConnection, PgPool};

use crate::audit::{self, AuditEvent};
use crate::notifications::inbox::{Notice, notify};
use crate::problems::model::{Action, Status, transition};

/// Problems handled per transaction: short transactions, short locks.
const BATCH: i64 = 100;

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    title: String,
    author_id: Option<i64>,
}

/// Expires every published problem whose deadline is before today (in the database's time
/// zone); returns how many. Rows another process is expiring are skipped, not waited for, so
/// several servers may run this at once. `base_url` makes the emails' links absolute.
pub async fn expire_past_deadline(pool: &PgPool, base_url: &str) -> sqlx::Result<u64> {
    let mut total = 0;
    loop {
        let done = expire_batch(pool, base_url).await?;
        total += done;
        if done < BATCH as u64 {
            return Ok(total);
        }
    }
}

async fn expire_batch(pool: &PgPool, base_url: &str) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let due: Vec<Due> = sqlx::query_as(
        "select id, title, author_id from problems
          where status = 'published' and deadline < current_date
          order by deadline, id
          limit $1
            for update skip locked",
    )
    .bind(BATCH)
    .fetch_all(&mut *tx)
    .await?;
    for problem in &due {
        expire_one(&mut tx, problem, base_url).await?;
    }
    tx.commit().await?;
    Ok(due.len() as u64)
}

async fn expire_one(conn: &mut PgConnection, problem: &Due, base_url: &str) -> sqlx::Result<()> {
    // The rows were selected as published; the status machine says where that leads.
    let expired = transition(Status::Published, Action::Expire).unwrap_or(Status::Expired);
    sqlx::query("update problems set status = $2, updated_at = now() where id = $1")
        .bind(problem.id)
        .bind(expired.code())
        .execute(&mut *conn)
        .await?;
    sqlx::query("insert into problem_events (problem_id, event) values ($1, 'expired')")
        .bind(problem.id)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        AuditEvent {
            actor_id: None,
            action: "problem.expired",
            target_type: "problem",
            target_id: Some(problem.id.to_string()),
            details: json!({ "title": problem.title }),
        },
    )
    .await?;
    if let Some(author_id) = problem.author_id {
        let link = format!("/problems/{}", problem.id);
        let notice = Notice {
            user_id: author_id,
            message_key: "notice-problem-expired",
            args: &[("title", problem.title.as_str())],
            link: &link,
        };
        notify(conn, notice, base_url).await?;
    }
    Ok(())
}
