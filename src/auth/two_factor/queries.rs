//! The statements behind two-factor sign-in, one function each.

use sqlx::PgConnection;

use crate::auth::two_factor::codes;

/// A confirmed authenticator, locked for the rest of the transaction so that two requests cannot
/// both spend the same code.
pub struct Authenticator {
    pub secret_base32: String,
    pub last_used_step: Option<i64>,
}

pub async fn is_enrolled(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "select exists (select 1 from user_totp where user_id = $1 and confirmed_at is not null)",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await
}

pub async fn lock_confirmed(
    conn: &mut PgConnection,
    user_id: i64,
) -> sqlx::Result<Option<Authenticator>> {
    let row: Option<(String, Option<i64>)> = sqlx::query_as(
        "select secret_base32, last_used_step from user_totp
          where user_id = $1 and confirmed_at is not null for update",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(secret_base32, last_used_step)| Authenticator {
        secret_base32,
        last_used_step,
    }))
}

/// The secret of an enrolment in progress, creating one if there is none yet. Reloading the setup
/// page shows the same QR code, so a half-finished scan is not wasted.
pub async fn pending_secret(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query(
        "insert into user_totp (user_id, secret_base32) values ($1, $2)
         on conflict (user_id) do nothing",
    )
    .bind(user_id)
    .bind(codes::new_secret())
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar(
        "select secret_base32 from user_totp where user_id = $1 and confirmed_at is null for update",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

pub async fn record_used_step(
    conn: &mut PgConnection,
    user_id: i64,
    step: i64,
) -> sqlx::Result<()> {
    sqlx::query("update user_totp set last_used_step = $2 where user_id = $1")
        .bind(user_id)
        .bind(step)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn confirm(conn: &mut PgConnection, user_id: i64, step: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update user_totp set confirmed_at = now(), last_used_step = $2 where user_id = $1",
    )
    .bind(user_id)
    .bind(step)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces the user's recovery codes with `codes` (only their hashes are stored).
pub async fn replace_recovery_codes(
    conn: &mut PgConnection,
    user_id: i64,
    new_codes: &[String],
) -> sqlx::Result<()> {
    sqlx::query("delete from recovery_codes where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let hashes: Vec<Vec<u8>> = new_codes
        .iter()
        .map(|c| codes::recovery_code_hash(c))
        .collect();
    sqlx::query("insert into recovery_codes (user_id, code_hash) select $1, unnest($2::bytea[])")
        .bind(user_id)
        .bind(hashes)
        .execute(conn)
        .await?;
    Ok(())
}

/// Spends a recovery code: true if it was one of the user's unused codes (now used).
pub async fn use_recovery_code(
    conn: &mut PgConnection,
    user_id: i64,
    typed: &str,
) -> sqlx::Result<bool> {
    let spent = sqlx::query(
        "update recovery_codes set used_at = now()
          where user_id = $1 and code_hash = $2 and used_at is null",
    )
    .bind(user_id)
    .bind(codes::recovery_code_hash(typed))
    .execute(conn)
    .await?;
    Ok(spent.rows_affected() == 1)
}

pub async fn unused_recovery_codes(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from recovery_codes where user_id = $1 and used_at is null")
        .bind(user_id)
        .fetch_one(conn)
        .await
}
