//! SQL for accounts: one function per statement.

use sqlx::PgConnection;

use crate::auth::model::Role;
use crate::auth::tokens::{random_token, token_hash};

#[derive(Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub preferred_locale: String,
    pub disabled: bool,
}

#[derive(Clone, Copy, Debug)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
        }
    }

    /// Verification links live two days; reset links one hour.
    fn lifetime_secs(self) -> f64 {
        match self {
            TokenPurpose::VerifyEmail => 48.0 * 3600.0,
            TokenPurpose::ResetPassword => 3600.0,
        }
    }
}

pub async fn find_by_email(conn: &mut PgConnection, email: &str) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(
        "select id, email, display_name, password_hash, role, preferred_locale,
                disabled_at is not null as disabled
           from users where lower(email) = lower($1)",
    )
    .bind(email)
    .fetch_optional(conn)
    .await
}

pub async fn find_by_id(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as(
        "select id, email, display_name, password_hash, role, preferred_locale,
                disabled_at is not null as disabled
           from users where id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub locale: &'a str,
}

/// Inserts a user; `None` when the email is taken (checked by the unique index, so two
/// simultaneous registrations cannot both succeed).
pub async fn insert_user(conn: &mut PgConnection, user: NewUser<'_>) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, role, preferred_locale)
         values ($1, $2, $3, $4, $5)
         on conflict ((lower(email))) do nothing
         returning id",
    )
    .bind(user.email)
    .bind(user.password_hash)
    .bind(user.display_name)
    .bind(user.role.as_str())
    .bind(user.locale)
    .fetch_optional(conn)
    .await
}

/// Creates a single-use token and returns the secret to put in the emailed link.
pub async fn insert_token(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: TokenPurpose,
) -> sqlx::Result<String> {
    let token = random_token();
    sqlx::query(
        "insert into user_tokens (user_id, purpose, token_hash, expires_at)
         values ($1, $2, $3, now() + make_interval(secs => $4))",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(token_hash(&token))
    .bind(purpose.lifetime_secs())
    .execute(conn)
    .await?;
    Ok(token)
}

/// Uses up a token in one statement (so it works once even under concurrent requests) and
/// returns its user, or `None` if it is unknown, used or expired.
pub async fn consume_token(
    conn: &mut PgConnection,
    token: &str,
    purpose: TokenPurpose,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "update user_tokens set used_at = now()
          where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
          returning user_id",
    )
    .bind(token_hash(token))
    .bind(purpose.as_str())
    .fetch_optional(conn)
    .await
}

/// True when the token could still be used (to decide whether to show the reset form).
pub async fn token_is_usable(
    conn: &mut PgConnection,
    token: &str,
    purpose: TokenPurpose,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "select exists (select 1 from user_tokens
                         where token_hash = $1 and purpose = $2
                           and used_at is null and expires_at > now())",
    )
    .bind(token_hash(token))
    .bind(purpose.as_str())
    .fetch_one(conn)
    .await
}

/// Retires every unused token of one purpose (after a reset, older reset links stop working).
pub async fn retire_tokens(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: TokenPurpose,
) -> sqlx::Result<()> {
    sqlx::query(
        "update user_tokens set used_at = now()
          where user_id = $1 and purpose = $2 and used_at is null",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn mark_email_verified(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "update users set email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
          where id = $1",
    )
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_password_hash(
    conn: &mut PgConnection,
    user_id: i64,
    hash: &str,
) -> sqlx::Result<()> {
    sqlx::query("update users set password_hash = $2, updated_at = now() where id = $1")
        .bind(user_id)
        .bind(hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_preferred_locale(
    conn: &mut PgConnection,
    user_id: i64,
    locale: &str,
) -> sqlx::Result<()> {
    sqlx::query("update users set preferred_locale = $2, updated_at = now() where id = $1")
        .bind(user_id)
        .bind(locale)
        .execute(conn)
        .await?;
    Ok(())
}
