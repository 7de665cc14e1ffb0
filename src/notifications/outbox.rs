//! The email outbox. Callers `enqueue` inside their own transaction, so an email exists exactly
//! when the action that sends it committed. The worker leases due rows with
//! `FOR UPDATE SKIP LOCKED` (several processes never take the same row), sends, then marks
//! them sent or schedules a retry. A process that dies mid-send leaves a lease that expires,
//! and another worker sends the email again: delivery is at least once, never lost. A worker
//! that is told to stop releases what it has not sent, so the next process sends it at once.
//! The only window for a second copy is a crash between the mail server's acceptance and the
//! row's update (or a database outage longer than the lease in that same spot).

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
    let (_never, stop) = watch::channel(false);
    let mut unmarked = Vec::new();
    deliver_batch(pool, mailer, batch, stop, &mut unmarked).await
}

/// How long a send already under way may take to finish once the worker is told to stop.
pub const SEND_GRACE: Duration = Duration::from_secs(3);

/// Leases up to `batch` due emails and sends them one by one, marking each as it goes.
///
/// When `stop` turns true the send under way gets [`SEND_GRACE`] to finish, then every email
/// of the batch not yet sent is released (its lease cleared, and its attempt uncounted if it
/// was never tried), so another process sends it at once instead of after the lease.
/// An email that was sent but could not be marked (the database went away in between) is
/// pushed to `unmarked` for the caller to mark later, before its lease runs out.
async fn deliver_batch(
    pool: &PgPool,
    mailer: &Mailer,
    batch: i64,
    mut stop: watch::Receiver<bool>,
    unmarked: &mut Vec<i64>,
) -> sqlx::Result<Delivery> {
    let mut delivery = Delivery::default();
    if *stop.borrow() {
        return Ok(delivery);
    }
    let mut leased: Vec<Leased> = sqlx::query_as(&format!(
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
    // `returning` gives no order: send in the order the emails were written.
    leased.sort_by_key(|email| email.id);

    let mut emails = leased.into_iter();
    while let Some(email) = emails.next() {
        let untried = || emails.as_slice().iter().map(|e| e.id).collect::<Vec<_>>();
        if *stop.borrow() {
            let mut ids = untried();
            ids.push(email.id);
            release(pool, &[], &ids).await?;
            break;
        }
        let sent = tokio::select! {
            result = mailer.send(&email.to_address, &email.subject, &email.body_text) => Some(result),
            _ = stopped_then(&mut stop, SEND_GRACE) => None,
        };
        match sent {
            None => {
                // Still sending when time ran out: the server may or may not have taken it,
                // so it is tried again (at least once, never lost).
                tracing::warn!(
                    email_id = email.id,
                    "stopping: a send did not finish in time"
                );
                release(pool, &[email.id], &untried()).await?;
                break;
            }
            Some(Ok(())) => {
                delivery.sent += 1;
                if let Err(err) = mark_sent(pool, &[email.id]).await {
                    unmarked.push(email.id);
                    return Err(err);
                }
            }
            Some(Err(err)) => {
                tracing::warn!(email_id = email.id, attempts = email.attempts, error = %err, "email not delivered");
                schedule_retry(pool, &email, &err.to_string()).await?;
                delivery.failed += 1;
            }
        }
    }
    Ok(delivery)
}

/// Resolves `grace` after `stop` turns true (or its sender is gone).
async fn stopped_then(stop: &mut watch::Receiver<bool>, grace: Duration) {
    let _ = stop.wait_for(|stopped| *stopped).await;
    tokio::time::sleep(grace).await;
}

/// Gives leased emails back: `tried` ones keep their attempt, `untried` ones lose it.
async fn release(pool: &PgPool, tried: &[i64], untried: &[i64]) -> sqlx::Result<()> {
    if tried.is_empty() && untried.is_empty() {
        return Ok(());
    }
    let released = sqlx::query(
        "update emails
            set leased_until = null,
                attempts = case when id = any($2) then attempts - 1 else attempts end
          where status = 'pending' and (id = any($1) or id = any($2))",
    )
    .bind(tried)
    .bind(untried)
    .execute(pool)
    .await?
    .rows_affected();
    tracing::info!(released, "stopping: released the emails not yet sent");
    Ok(())
}

async fn mark_sent(pool: &PgPool, ids: &[i64]) -> sqlx::Result<()> {
    sqlx::query(
        "update emails set status = 'sent', sent_at = now(), leased_until = null
          where id = any($1) and status = 'pending'",
    )
    .bind(ids)
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

/// Runs until `shutdown` turns true. A batch under way stops between two emails (the send in
/// progress gets [`SEND_GRACE`]) and releases the rest, so stopping takes seconds, not a lease.
pub async fn run_worker(
    pool: PgPool,
    mailer: std::sync::Arc<Mailer>,
    mut shutdown: watch::Receiver<bool>,
) {
    // Sent, but not yet marked because the database went away: marked first on every round,
    // well before their lease (five minutes) would let them be sent twice.
    let mut unmarked: Vec<i64> = Vec::new();
    loop {
        if !unmarked.is_empty() && mark_sent(&pool, &unmarked).await.is_ok() {
            unmarked.clear();
        }
        if unmarked.is_empty() {
            match deliver_batch(&pool, &mailer, 20, shutdown.clone(), &mut unmarked).await {
                Ok(d) if d.sent + d.failed > 0 => tracing::debug!(?d, "outbox batch"),
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(error = %err, "outbox worker cannot reach the database")
                }
            }
        }
        if *shutdown.borrow() {
            break;
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
    if !unmarked.is_empty() {
        let _ = tokio::time::timeout(Duration::from_secs(1), mark_sent(&pool, &unmarked)).await;
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
