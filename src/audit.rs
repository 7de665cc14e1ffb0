//! The append-only audit log. Call `record` inside the transaction of the change it describes,
//! so the change and its audit row commit (or roll back) together.

use serde_json::Value;
use sqlx::PgConnection;

/// What changed: `action` is a dotted verb ("user.registered"), the target a type and id.
pub struct AuditEvent<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: Option<String>,
    pub details: Value,
}

pub async fn record(conn: &mut PgConnection, event: AuditEvent<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "insert into audit_events (actor_id, action, target_type, target_id, details)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(event.actor_id)
    .bind(event.action)
    .bind(event.target_type)
    .bind(event.target_id)
    .bind(event.details)
    .execute(conn)
    .await?;
    Ok(())
}

/// A recorded event, for the staff audit page.
#[derive(Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub actor_email: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<String>,
    pub details: Value,
    pub created_at: time::OffsetDateTime,
}

pub async fn latest(conn: &mut PgConnection, limit: i64) -> sqlx::Result<Vec<AuditRow>> {
    sqlx::query_as(
        "select a.id, u.email as actor_email, a.action, a.target_type, a.target_id, a.details,
                a.created_at
           from audit_events a left join users u on u.id = a.actor_id
          order by a.id desc limit $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await
}
