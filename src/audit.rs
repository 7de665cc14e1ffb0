//! The append-only audit log. Call `record` inside the transaction of the change it describes,
//! so the change and its audit row commit (or roll back) together.
//!
//! Rows are never changed or removed: a trigger in the database refuses UPDATE, DELETE and
//! TRUNCATE (migration `20261122000001_foundation.sql`). Staff read the log at `/staff/audit`
//! (`crate::staff::audit_log`).

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
