//! Two-factor sign-in for staff and admins: TOTP (RFC 6238) codes from an authenticator app,
//! with single-use recovery codes for a lost phone.

pub mod codes;
pub mod handlers;
pub mod queries;
mod views;

use sqlx::PgConnection;

/// Removes a user's authenticator and recovery codes and ends their sessions, so that they must
/// enrol again at their next sign-in (an admin's "reset second factor"; the caller audits it).
pub async fn reset(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query("delete from user_totp where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from recovery_codes where user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    crate::web::session::delete_all_for_user(conn, user_id).await?;
    Ok(())
}
