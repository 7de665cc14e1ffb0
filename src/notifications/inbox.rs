//! In-app notifications, each also sent by email through the outbox, in the recipient's
//! language. Call [`notify`] inside the transaction of the change it announces.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde_json::{Map, Value};
use sqlx::PgConnection;

use crate::error::AppResult;
use crate::i18n::{Locale, format_datetime};
use crate::notifications::outbox;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::guards::CurrentUser;
use crate::web::redirect::see_other;
use crate::web::render::page;

/// One thing to tell one user: a message key with named arguments, and where to look.
pub struct Notice<'a> {
    pub user_id: i64,
    pub message_key: &'static str,
    pub args: &'a [(&'a str, &'a str)],
    pub link: &'a str,
}

/// Stores the notification and queues its email (`base_url` makes the link absolute).
pub async fn notify(
    conn: &mut PgConnection,
    notice: Notice<'_>,
    base_url: &str,
) -> sqlx::Result<()> {
    let args: Map<String, Value> = notice
        .args
        .iter()
        .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
        .collect();
    sqlx::query(
        "insert into notifications (user_id, message_key, args, link) values ($1, $2, $3, $4)",
    )
    .bind(notice.user_id)
    .bind(notice.message_key)
    .bind(Value::Object(args))
    .bind(notice.link)
    .execute(&mut *conn)
    .await?;
    let (email, locale): (String, String) =
        sqlx::query_as("select email, preferred_locale from users where id = $1")
            .bind(notice.user_id)
            .fetch_one(&mut *conn)
            .await?;
    let locale = Locale::from_code(&locale).unwrap_or(Locale::Vi);
    let text = locale.t_args(notice.message_key, notice.args);
    let link = format!("{base_url}{}", notice.link);
    let body = locale.t_args(
        "email-notification-body",
        &[("text", &text), ("link", &link)],
    );
    outbox::enqueue(conn, &email, &locale.t("email-notification-subject"), &body).await?;
    Ok(())
}

pub struct NotificationLine {
    pub text: String,
    pub link: Option<String>,
    pub when: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications/index.html")]
struct NotificationsPage<'a> {
    ctx: &'a RequestContext,
    lines: Vec<NotificationLine>,
    unread: usize,
}

#[derive(sqlx::FromRow)]
struct Row {
    message_key: String,
    args: Value,
    link: Option<String>,
    created_at: time::OffsetDateTime,
    read_at: Option<time::OffsetDateTime>,
}

/// The newest notifications first.
pub async fn index(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let rows: Vec<Row> = sqlx::query_as(
        "select message_key, args, link, created_at, read_at from notifications
          where user_id = $1 order by id desc limit 100",
    )
    .bind(user.id)
    .fetch_all(&mut *conn)
    .await?;
    let lines: Vec<NotificationLine> = rows.into_iter().map(|row| line(&ctx, row)).collect();
    let unread = lines.iter().filter(|l| l.unread).count();
    Ok(page(&NotificationsPage {
        ctx: &ctx,
        lines,
        unread,
    }))
}

fn line(ctx: &RequestContext, row: Row) -> NotificationLine {
    let args: Vec<(String, String)> = row
        .args
        .as_object()
        .map(|map| {
            map.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    NotificationLine {
        text: ctx.t_args(&row.message_key, &borrowed),
        link: row.link,
        when: format_datetime(ctx.locale, row.created_at),
        unread: row.read_at.is_none(),
    }
}

/// Marks every notification read.
pub async fn mark_read(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    // A transaction, so that the form's idempotency key is recorded with the write.
    let mut tx = state.db.begin().await?;
    sqlx::query("update notifications set read_at = now() where user_id = $1 and read_at is null")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    ctx.commit(tx, see_other("/notifications")).await
}

/// How many unread notifications a user has (for the header).
pub async fn unread_count(conn: &mut PgConnection, user_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from notifications where user_id = $1 and read_at is null")
        .bind(user_id)
        .fetch_one(conn)
        .await
}
