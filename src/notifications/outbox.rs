//! The email outbox. Callers `enqueue` inside their own transaction, so an email exists exactly
//! when the action that sends it committed. The worker leases due rows with
//! `FOR UPDATE SKIP LOCKED` (several processes never take the same row), sends, then marks
//! them sent or schedules a retry. A process that dies mid-send leaves a lease that expires,
//! and another worker sends the email again: delivery is at least once, never lost.

use std::time::Duration;

use sqlx::{PgConnection, PgPool};
use tokio::sync::watch;

use super::mailer::Mailer;

/// After this many failed attempts an email is marked `failed` and left for an operator.
pub const MAX_ATTEMPTS: i32 = 8;
const LEASE: &str = "5 minutes";

pub async fn enqueue(
    conn: &mut PgConnection,
    to: &str,
    subject: &str,
    body: &str,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "insert into emails (to_address, subject, body_text) values ($1, $2, $3) returning id",
    )
    .bind(to)
    .bind(subject)
    .bind(body)
    .fetch_one(conn)
    .await
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

#[derive(sqlx::FromRow)]
struct Leased {
    id: i64,
    to_address: String,
    subject: String,
    body_text: String,
    attempts: i32,
}

/// Delivers up to `batch` due emails once.
pub async fn deliver_due(pool: &PgPool, mailer: &Mailer, batch: i64) -> sqlx::Result<Delivery> {
    let leased: Vec<Leased> = sqlx::query_as(&format!(
        "update emails set leased_until = now() + interval '{LEASE}', attempts = attempts + 1
          where id in (select id from emails
                        where status = 'pending' and next_attempt_at <= now()
                          and (leased_until is null or leased_until < now())
                        order by id limit $1
                        for update skip locked)
          returning id, to_address, subject, body_text, attempts"
    ))
    .bind(batch)
    .fetch_all(pool)
    .await?;

    let mut delivery = Delivery::default();
    for email in leased {
        match mailer
            .send(&email.to_address, &email.subject, &email.body_text)
            .await
        {
            Ok(()) => {
                mark_sent(pool, email.id).await?;
                delivery.sent += 1;
            }
            Err(err) => {
                tracing::warn!(email_id = email.id, attempts = email.attempts, error = %err, "email not delivered");
                schedule_retry(pool, &email, &err.to_string()).await?;
                delivery.failed += 1;
            }
        }
    }
    Ok(delivery)
}

async fn mark_sent(pool: &PgPool, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update emails set status = 'sent', sent_at = now(), leased_until = null where id = $1",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

async fn schedule_retry(pool: &PgPool, email: &Leased, error: &str) -> sqlx::Result<()> {
    let status = if email.attempts >= MAX_ATTEMPTS {
        "failed"
    } else {
        "pending"
    };
    sqlx::query(
        "update emails set status = $2, last_error = $3, leased_until = null,
                next_attempt_at = now() + make_interval(secs => $4)
          where id = $1",
    )
    .bind(email.id)
    .bind(status)
    .bind(error)
    .bind(backoff(email.attempts).as_secs_f64())
    .execute(pool)
    .await?;
    Ok(())
}

/// 30 s, 1 min, 2 min, … doubling, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 8) as u32 - 1;
    Duration::from_secs((30u64 << exponent).min(3600))
}

/// Runs until `shutdown` turns true; finishes the batch in hand before returning.
pub async fn run_worker(
    pool: PgPool,
    mailer: std::sync::Arc<Mailer>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        match deliver_due(&pool, &mailer, 20).await {
            Ok(d) if d.sent + d.failed > 0 => tracing::debug!(?d, "outbox batch"),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "outbox worker cannot reach the database"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = shutdown.changed() => break,
        }
        if *shutdown.borrow() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(8), Duration::from_secs(3600));
    }
}
