//! The email outbox delivers once, retries with backoff, and survives a crashed worker; the
//! audit log cannot be changed.

use knowbridge::Config;
use knowbridge::notifications::mailer::Mailer;
use knowbridge::notifications::outbox::{self, Delivery};
use sqlx::PgPool;

async fn enqueue(pool: &PgPool) -> i64 {
    let mut conn = pool.acquire().await.unwrap();
    outbox::enqueue(&mut conn, "an@example.org", "Subject", "Body")
        .await
        .unwrap()
}

fn failing_smtp() -> Mailer {
    // Nothing listens on port 1: every send fails to connect.
    let config =
        Config::from_lookup(|name| (name == "SMTP_URL").then(|| "smtp://127.0.0.1:1".into()))
            .unwrap();
    Mailer::from_config(&config).unwrap()
}

#[sqlx::test]
async fn the_outbox_delivers_an_email_once(pool: PgPool) {
    enqueue(&pool).await;
    let first = outbox::deliver_due(&pool, &Mailer::Log, 10).await.unwrap();
    assert_eq!(first, Delivery { sent: 1, failed: 0 });
    let second = outbox::deliver_due(&pool, &Mailer::Log, 10).await.unwrap();
    assert_eq!(second, Delivery::default());
    let status: String = sqlx::query_scalar("select status from emails")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "sent");
}

#[sqlx::test]
async fn a_failed_send_is_retried_later_with_backoff(pool: PgPool) {
    let id = enqueue(&pool).await;
    let failed = outbox::deliver_due(&pool, &failing_smtp(), 10)
        .await
        .unwrap();
    assert_eq!(failed, Delivery { sent: 0, failed: 1 });
    let (status, attempts, waits): (String, i32, bool) = sqlx::query_as(
        "select status, attempts, next_attempt_at > now() + interval '20 seconds' from emails where id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((status.as_str(), attempts, waits), ("pending", 1, true));
    // Not due yet: nothing happens.
    assert_eq!(
        outbox::deliver_due(&pool, &Mailer::Log, 10).await.unwrap(),
        Delivery::default()
    );

    sqlx::query("update emails set next_attempt_at = now()")
        .execute(&pool)
        .await
        .unwrap();
    let retried = outbox::deliver_due(&pool, &Mailer::Log, 10).await.unwrap();
    assert_eq!(retried, Delivery { sent: 1, failed: 0 });
}

#[sqlx::test]
async fn an_email_leased_by_a_worker_that_died_is_sent_once_the_lease_expires(pool: PgPool) {
    let id = enqueue(&pool).await;
    // A worker took the email and died before marking it.
    sqlx::query(
        "update emails set attempts = 1, leased_until = now() + interval '5 minutes' where id = $1",
    )
    .bind(id)
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(
        outbox::deliver_due(&pool, &Mailer::Log, 10).await.unwrap(),
        Delivery::default()
    );
    sqlx::query("update emails set leased_until = now() - interval '1 second'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        outbox::deliver_due(&pool, &Mailer::Log, 10)
            .await
            .unwrap()
            .sent,
        1
    );
}

#[sqlx::test]
async fn two_workers_never_take_the_same_email(pool: PgPool) {
    for _ in 0..20 {
        enqueue(&pool).await;
    }
    let (a, b) = tokio::join!(
        outbox::deliver_due(&pool, &Mailer::Log, 15),
        outbox::deliver_due(&pool, &Mailer::Log, 15)
    );
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 20);
    let attempts: i64 = sqlx::query_scalar("select sum(attempts) from emails")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(attempts, 20);
}

#[sqlx::test]
async fn audit_rows_cannot_be_changed_or_deleted(pool: PgPool) {
    let mut conn = pool.acquire().await.unwrap();
    knowbridge::audit::record(
        &mut conn,
        knowbridge::audit::AuditEvent {
            actor_id: None,
            action: "test.event",
            target_type: "test",
            target_id: None,
            details: serde_json::json!({}),
        },
    )
    .await
    .unwrap();
    assert!(
        sqlx::query("update audit_events set action = 'forged'")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("delete from audit_events")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("truncate audit_events")
            .execute(&pool)
            .await
            .is_err()
    );
}
