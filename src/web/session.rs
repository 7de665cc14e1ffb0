//! Sessions in PostgreSQL, so several server processes share them.
//!
//! The cookie holds a random id; the table holds its hash, the user, the CSRF token and two
//! times that enforce the idle and absolute limits. A new id is issued at every sign-in and
//! role change; a password reset removes all of a user's sessions.

use std::time::Duration;

use sqlx::PgConnection;
use time::OffsetDateTime;

use crate::auth::model::{Role, SessionUser};
use crate::auth::tokens::{random_token, token_hash};

/// A freshly created session: the secret for the cookie and the CSRF token for its forms.
pub struct NewSession {
    pub cookie_value: String,
    pub csrf_token: String,
}

/// What a valid session cookie resolves to.
pub struct LoadedSession {
    pub user: SessionUser,
    pub csrf_token: String,
    pub preferred_locale: String,
    pub second_factor: SecondFactor,
}

/// Where a session stands with the second factor, which staff and admins must pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecondFactor {
    /// Scientists and owners sign in with a password alone.
    NotRequired,
    Passed,
    /// A staff member or admin has given their password but not yet a code; `enrolled` says
    /// whether they have an authenticator already or must set one up first.
    Pending {
        enrolled: bool,
    },
}

pub struct Limits {
    pub idle: Duration,
    pub absolute: Duration,
}

/// Starts a session for `user_id`; `second_factor_passed` records that a code was checked
/// (only meaningful for staff and admins).
pub async fn create(
    conn: &mut PgConnection,
    user_id: i64,
    second_factor_passed: bool,
) -> sqlx::Result<NewSession> {
    let cookie_value = random_token();
    let csrf_token = random_token();
    sqlx::query(
        "insert into sessions (id_hash, user_id, csrf_token, second_factor_at)
         values ($1, $2, $3, case when $4 then now() end)",
    )
    .bind(token_hash(&cookie_value))
    .bind(user_id)
    .bind(&csrf_token)
    .bind(second_factor_passed)
    .execute(conn)
    .await?;
    Ok(NewSession {
        cookie_value,
        csrf_token,
    })
}

/// Resolves a cookie value to its session, or `None` when it is unknown, expired or its user
/// is disabled (expired rows are removed on the way).
pub async fn load(
    conn: &mut PgConnection,
    cookie_value: &str,
    limits: &Limits,
) -> sqlx::Result<Option<LoadedSession>> {
    let id_hash = token_hash(cookie_value);
    let row: Option<SessionRow> = sqlx::query_as(
        "select s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
                u.email, u.display_name, u.role, u.preferred_locale,
                u.email_verified_at is not null as email_verified,
                u.disabled_at is not null as disabled,
                s.second_factor_at is not null as second_factor_passed,
                t.confirmed_at is not null as totp_enrolled
           from sessions s join users u on u.id = s.user_id
                left join user_totp t on t.user_id = s.user_id
          where s.id_hash = $1",
    )
    .bind(&id_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };

    let now = OffsetDateTime::now_utc();
    let expired = now - row.created_at > limits.absolute || now - row.last_seen_at > limits.idle;
    if expired || row.disabled {
        delete(&mut *conn, &id_hash).await?;
        return Ok(None);
    }
    // Writing on every request would make every page a write; a minute's precision is enough.
    if now - row.last_seen_at > time::Duration::minutes(1) {
        sqlx::query("update sessions set last_seen_at = now() where id_hash = $1")
            .bind(&id_hash)
            .execute(&mut *conn)
            .await?;
    }
    let Some(role) = Role::parse(&row.role) else {
        return Ok(None);
    };
    let second_factor = if !role.is_staff() {
        SecondFactor::NotRequired
    } else if row.second_factor_passed {
        SecondFactor::Passed
    } else {
        SecondFactor::Pending {
            enrolled: row.totp_enrolled,
        }
    };
    Ok(Some(LoadedSession {
        user: SessionUser {
            id: row.user_id,
            email: row.email,
            display_name: row.display_name,
            role,
            email_verified: row.email_verified,
            session_id_hash: id_hash,
        },
        csrf_token: row.csrf_token,
        preferred_locale: row.preferred_locale,
        second_factor,
    }))
}

pub async fn delete(conn: &mut PgConnection, id_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where id_hash = $1")
        .bind(id_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every session of a user (password reset, role change, disabled account).
pub async fn delete_all_for_user(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("delete from sessions where user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Removes sessions that can no longer be used (run periodically).
pub async fn delete_expired(conn: &mut PgConnection, limits: &Limits) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "delete from sessions
          where created_at < now() - make_interval(secs => $1)
             or last_seen_at < now() - make_interval(secs => $2)",
    )
    .bind(limits.absolute.as_secs_f64())
    .bind(limits.idle.as_secs_f64())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    user_id: i64,
    csrf_token: String,
    created_at: OffsetDateTime,
    last_seen_at: OffsetDateTime,
    email: String,
    display_name: String,
    role: String,
    preferred_locale: String,
    email_verified: bool,
    disabled: bool,
    second_factor_passed: bool,
    totp_enrolled: bool,
}
