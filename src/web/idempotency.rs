//! Idempotency keys: a retried or double-clicked form acts once and answers the same.
//!
//! Every POST form carries a hidden `idempotency_key`, a fresh random token generated with the
//! page (`RequestContext::form_key`). [`deduplicate`], the innermost layer (after the session is
//! loaded and the CSRF checks have passed), looks for that field in form posts
//! (`application/x-www-form-urlencoded`, buffered within the same 256 KiB as every form and
//! handed on to the handler unchanged). A post without the field is served as before, so
//! clients that send none keep working.
//!
//! - **Scope.** A key belongs to whoever sent it: `user:<id>` when signed in; else
//!   `session:<sha256 of the session cookie>` (a session that has just ended, or one waiting
//!   for its second factor); else `csrf:<sha256 of the anonymous CSRF cookie>`. Keys cannot
//!   collide across people, and one person cannot replay another's answer. Cookies are stored
//!   only as hashes, as the sessions table does.
//! - **First request.** `insert … on conflict do nothing` (autocommit, before the handler runs)
//!   claims the key as `in_progress`; of two simultaneous submissions exactly one inserts, and
//!   only that one runs the handler, which finds the claim in its `RequestContext`
//!   (`write_claim`). Then:
//!   - a redirect (the 303 of every successful form) is recorded as `done` with its status,
//!     `Location` and the one-time message cookie (`kb_flash`). Never the session cookie: a
//!     replay must not hand out a session. A handler that writes records it *in its own
//!     transaction*, just before committing (`RequestContext::commit`, which calls
//!     [`commit`]): the write and the key's answer commit together or not at all. A success
//!     that wrote nothing (e.g. "nothing to send") is recorded by this layer afterwards;
//!   - an error (4xx: validation, conflict, forbidden; 5xx: outage) deletes the key if it is
//!     still `in_progress`: nothing was written (each write is one transaction, which records
//!     `done` when it commits), so the person can correct the form and send it again with the
//!     same key;
//!   - any other success (a page with 200, which no guarded form answers today) is recorded
//!     as `done` without a `Location`; sending it again answers "already sent" (409).
//! - **Same key again.** `done` → the stored redirect is replayed (same status, `Location` and
//!   message; header `idempotent-replayed: true`) without running the handler. `in_progress` →
//!   the request waits up to 5 s for the first to finish, then replays it; if it is still
//!   running, a localised 409 page says the form is already being sent (at once when the key
//!   has been in progress for over a minute: the request that held it is gone). The same key with a
//!   different body or path is refused with a 409 page ("already sent, reload to send new
//!   changes") instead of being answered with the first result, which would silently drop the
//!   change (a page restored from the browser's back-forward cache keeps its old key).
//! - **Database down.** If the key cannot be claimed, the answer is the usual 503 page and the
//!   handler does not run, so nothing is written and the same key can be sent again later.
//!   The claim may still have been stored (the insert committed but its acknowledgement was
//!   lost with the connection), so the request removes its own claim in the background once
//!   the database answers again — only its own: each claim carries a random `claimed_by`
//!   token, and a claim another request made with the same key is left alone.
//!   Recording the outcome is retried in the background for a minute if it fails; the answer
//!   waits for it at most a second.
//! - **Crash safety.** A key left `in_progress` by a crash, a panic or a cancelled request is
//!   never run again (it cannot be known whether the handler's transaction committed): no
//!   double write. The person sees "already being sent" and reloads the form (a new key).
//!   [`delete_old`] removes keys after 24 hours. The claim is a separate transaction from the
//!   handler's, but the key becomes `done` in the handler's transaction: when a commit reaches
//!   PostgreSQL and its acknowledgement is lost with the connection, the handler answers 5xx,
//!   yet the key is already `done` (the error only deletes a key still `in_progress`) and the
//!   browser's retry replays the stored redirect instead of writing again.
//! - **Not guarded**: sign-in, sign-out, the second-factor steps, registration, password
//!   recovery and the language switch ([`is_exempt`]). They create or end sessions, and
//!   replaying their answer would either hand out a session cookie or skip a sign-in; each is
//!   harmless to repeat (a second sign-in makes a second session, a second registration or
//!   reset email is rate-limited and answered alike). Their forms still carry the field.
//!   Deleting one's account is guarded, but it ends the session and with it the CSRF token the
//!   form carried: a retry that arrives after the deletion is refused by the CSRF check ("the
//!   form had expired", nothing written) before it reaches this layer; one that arrives while
//!   the first is running waits and is replayed.

use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

use crate::auth::tokens::token_hash;
use crate::error::{AppError, ErrorDetail};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::cookies;
use crate::web::csrf::MAX_FORM_BYTES;
use crate::web::error_pages::ErrorPage;
use crate::web::render::page_with_status;

/// The hidden form field that carries the key.
pub const FIELD: &str = "idempotency_key";
/// Set on a replayed answer (the handler did not run again).
pub const REPLAYED_HEADER: HeaderName = HeaderName::from_static("idempotent-replayed");
/// How long a second submission waits for the first one to finish.
const WAIT_FOR_FIRST: Duration = Duration::from_secs(5);
/// How long an answer waits for its outcome to be recorded before it is sent anyway.
const RECORD_WAIT: Duration = Duration::from_secs(1);
/// A key in progress for longer was left by a request that is gone (crash, panic, cancel).
const ABANDONED_AFTER_SECS: f64 = 60.0;
/// Keys shorter or longer than this are not ours (ours are 43 characters).
const KEY_LENGTH: std::ops::RangeInclusive<usize> = 16..=128;

/// Paths whose posts are not guarded (see the module documentation).
pub fn is_exempt(path: &str) -> bool {
    matches!(path, "/login" | "/logout" | "/register" | "/language")
        || path.starts_with("/login/two-factor")
        || path.starts_with("/password/")
}

/// A key as we generate them: URL-safe base64 of a sensible length.
pub fn is_valid_key(key: &str) -> bool {
    KEY_LENGTH.contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Middleware: acts once per idempotency key (see the module documentation).
pub async fn deduplicate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !is_form(req.headers()) || is_exempt(req.uri().path()) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<RequestContext>().cloned() else {
        return next.run(req).await;
    };
    let (mut parts, body) = req.into_parts();
    let bytes = match to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let Some(key) = form_field(&bytes, FIELD) else {
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    };
    if !is_valid_key(&key) {
        tracing::warn!("form rejected: malformed idempotency key");
        let mut response = StatusCode::BAD_REQUEST.into_response();
        response
            .extensions_mut()
            .insert(ErrorDetail("idempotency-invalid-body"));
        return response;
    }

    let scope = match (&ctx.user, cookies::read(&parts.headers, cookies::SESSION)) {
        (Some(user), _) => format!("user:{}", user.id),
        (None, Some(session)) => format!("session:{}", hex(&token_hash(session))),
        (None, None) => format!("csrf:{}", hex(&token_hash(&ctx.csrf_token))),
    };
    let claim = Claim {
        write: WriteClaim {
            scope,
            key,
            claimed_by: crate::auth::tokens::random_token(),
        },
        path: parts.uri.path().to_string(),
        body_sha256: Sha256::digest(&bytes).to_vec(),
    };

    match claim_or_wait(&state.db, &claim).await {
        Ok(Outcome::Claimed) => {}
        Ok(Outcome::Replay(stored)) => return replay(&ctx, stored),
        Ok(Outcome::OtherContent) => return notice(&ctx, Notice::AlreadySent),
        Ok(Outcome::StillRunning) => return notice(&ctx, Notice::InProgress),
        Err(err) => {
            tracing::warn!(error = %err, "cannot claim an idempotency key");
            // The handler has not run: whatever this request may have stored is only its claim.
            finish(state.db.clone(), claim, Finish::Forget).await;
            return AppError::Unavailable.into_response();
        }
    }

    // The handler records its answer in its own transaction through `RequestContext::commit`.
    if let Some(ctx) = parts.extensions.get_mut::<RequestContext>() {
        ctx.write_claim = Some(claim.write.clone());
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    // Recorded and committed with the handler's write: nothing is left to do, and recording
    // the same answer again would only cost a round trip (or a minute of retries in an outage).
    if response
        .extensions()
        .get::<RecordedInTransaction>()
        .is_some()
    {
        return response;
    }
    let how = match answer_of(&response) {
        Some(answer) => Finish::Done(answer),
        None => Finish::Forget,
    };
    finish(state.db.clone(), claim, how).await;
    response
}

/// Commits a guarded handler's transaction with the key's answer in it (see "First request" in
/// the module documentation): with a claim and a success `response`, the key is set to `done`
/// with that answer by the transaction itself, so the write and its answer commit together or
/// not at all. Without a claim (no key was sent, or the path is not guarded), or for an error
/// answer, it only commits.
pub async fn commit(
    mut tx: Transaction<'_, Postgres>,
    claim: Option<&WriteClaim>,
    mut response: Response,
) -> sqlx::Result<Response> {
    let recorded = match (claim, answer_of(&response)) {
        (Some(claim), Some(answer)) => mark_done(&mut tx, claim, &answer).await? == 1,
        _ => false,
    };
    tx.commit().await?;
    if recorded {
        response.extensions_mut().insert(RecordedInTransaction);
    }
    Ok(response)
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(body)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `kb_flash` cookie the handler set (the message shown once on the next page), if any.
fn flash_cookie_of(headers: &HeaderMap) -> Option<String> {
    let prefix = format!("{}=", cookies::FLASH);
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&prefix))
        .map(str::to_string)
}

/// What a replay of `response` repeats, or `None` for an error answer (4xx, 5xx), which
/// frees the key: the redirect's status and `Location`, and the one-time message cookie.
fn answer_of(response: &Response) -> Option<Answer> {
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return None;
    }
    Some(Answer {
        status: Some(status.as_u16() as i16),
        location: response
            .headers()
            .get(LOCATION)
            .filter(|_| status.is_redirection())
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        flash_cookie: flash_cookie_of(response.headers()),
    })
}

/// One submission's key, where it was sent and what it said.
struct Claim {
    write: WriteClaim,
    path: String,
    body_sha256: Vec<u8>,
}

/// A key this request has claimed, as its handler sees it (`RequestContext::write_claim`): what
/// [`commit`] needs to record the answer in the handler's transaction.
#[derive(Clone, Debug)]
pub struct WriteClaim {
    scope: String,
    key: String,
    /// This request's own token, stored with the claim it inserts.
    claimed_by: String,
}

/// Set by [`commit`] on a response whose answer is already recorded, in the handler's own
/// transaction.
#[derive(Clone, Copy)]
struct RecordedInTransaction;

/// A key as stored: what it was first sent with, and how far it got.
#[derive(sqlx::FromRow)]
struct Stored {
    request_path: String,
    body_sha256: Vec<u8>,
    state: String,
    /// In progress for so long that nobody is going to finish it.
    abandoned: bool,
    #[sqlx(flatten)]
    answer: Answer,
}

/// The answer a replay repeats (all set once the key is `done`).
#[derive(sqlx::FromRow)]
struct Answer {
    status: Option<i16>,
    location: Option<String>,
    flash_cookie: Option<String>,
}

enum Outcome {
    /// This request inserted the key: run the handler.
    Claimed,
    /// Another request with the key has finished: answer as it did.
    Replay(Answer),
    /// The key was first sent with other content or to another path.
    OtherContent,
    /// Another request with the key is still running after the wait.
    StillRunning,
}

/// Claims the key, or waits for the request that holds it to finish. A key deleted meanwhile
/// (the first request answered an error) is claimed again.
async fn claim_or_wait(db: &PgPool, claim: &Claim) -> sqlx::Result<Outcome> {
    let deadline = tokio::time::Instant::now() + WAIT_FOR_FIRST;
    let mut pause = Duration::from_millis(50);
    loop {
        let mut conn = db.acquire().await?;
        let inserted = sqlx::query(
            "insert into idempotency_keys (scope, key, request_path, body_sha256, claimed_by)
             values ($1, $2, $3, $4, $5) on conflict do nothing",
        )
        .bind(&claim.write.scope)
        .bind(&claim.write.key)
        .bind(&claim.path)
        .bind(&claim.body_sha256)
        .bind(&claim.write.claimed_by)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(Outcome::Claimed);
        }
        let stored: Option<Stored> = sqlx::query_as(
            "select request_path, body_sha256, state, status, location, flash_cookie,
                    created_at < now() - make_interval(secs => $3) as abandoned
               from idempotency_keys where scope = $1 and key = $2",
        )
        .bind(&claim.write.scope)
        .bind(&claim.write.key)
        .bind(ABANDONED_AFTER_SECS)
        .fetch_optional(&mut *conn)
        .await?;
        drop(conn);
        match stored {
            Some(stored)
                if stored.request_path != claim.path || stored.body_sha256 != claim.body_sha256 =>
            {
                return Ok(Outcome::OtherContent);
            }
            Some(stored) if stored.state == "done" => return Ok(Outcome::Replay(stored.answer)),
            // Deleted between the insert and the select: claim it again at once.
            None => continue,
            Some(stored) if stored.abandoned || tokio::time::Instant::now() >= deadline => {
                return Ok(Outcome::StillRunning);
            }
            Some(_) => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_millis(250));
            }
        }
    }
}

/// The answer to a submission whose key has been seen before.
fn replay(ctx: &RequestContext, stored: Answer) -> Response {
    let (Some(status), Some(location)) = (stored.status, stored.location.as_deref()) else {
        return notice(ctx, Notice::AlreadySent);
    };
    let Ok(status) = StatusCode::from_u16(status as u16) else {
        return notice(ctx, Notice::AlreadySent);
    };
    let Ok(location) = HeaderValue::from_str(location) else {
        return notice(ctx, Notice::AlreadySent);
    };
    let mut response = status.into_response();
    let headers = response.headers_mut();
    headers.insert(LOCATION, location);
    headers.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    if let Some(cookie) = stored
        .flash_cookie
        .as_deref()
        .and_then(|c| HeaderValue::from_str(c).ok())
    {
        cookies::append(headers, cookie);
    }
    response
}

enum Notice {
    /// The first submission is still running.
    InProgress,
    /// Sent before (with other content, or answered with a page that is not replayed).
    AlreadySent,
}

/// A 409 page in the person's language.
fn notice(ctx: &RequestContext, which: Notice) -> Response {
    let (title_key, body_key) = match which {
        Notice::InProgress => (
            "idempotency-in-progress-title",
            "idempotency-in-progress-body",
        ),
        Notice::AlreadySent => (
            "idempotency-already-sent-title",
            "idempotency-already-sent-body",
        ),
    };
    let page = ErrorPage {
        ctx,
        title_key,
        body_key,
        retry_after_minutes: None,
    };
    page_with_status(StatusCode::CONFLICT, &page)
}

enum Finish {
    /// The handler answered an error, or never ran: nothing was written, free the key (if this
    /// request's claim is stored at all, and not recorded `done` by a commit whose
    /// acknowledgement was lost).
    Forget,
    /// The handler answered: keep its answer for replays.
    Done(Answer),
}

/// Records how the handler answered, in a task of its own so that it is done even if this
/// request is dropped. The answer waits for it at most [`RECORD_WAIT`] (a millisecond or two
/// normally; a replay arriving meanwhile waits for the key like any second submission). If the
/// database cannot be reached, the task keeps trying for a minute; meanwhile the key stays
/// `in_progress`, so it is never run twice.
async fn finish(db: PgPool, claim: Claim, how: Finish) {
    let task = tokio::spawn(async move {
        for attempt in 0..30 {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            match record(&db, &claim, &how).await {
                Ok(()) => return,
                Err(err) => tracing::debug!(error = %err, "idempotency key not recorded yet"),
            }
        }
        tracing::warn!("idempotency key left in progress: the database stayed unreachable");
    });
    let _ = tokio::time::timeout(RECORD_WAIT, task).await;
}

async fn record(db: &PgPool, claim: &Claim, how: &Finish) -> sqlx::Result<()> {
    let mut conn = db.acquire().await?;
    let claim = &claim.write;
    match how {
        // Only a claim still in progress: a key recorded `done` in the handler's transaction
        // stays, even when the handler answered 5xx because the commit's acknowledgement was
        // lost with the connection.
        Finish::Forget => {
            sqlx::query(
                "delete from idempotency_keys
                  where scope = $1 and key = $2 and claimed_by = $3 and state = 'in_progress'",
            )
            .bind(&claim.scope)
            .bind(&claim.key)
            .bind(&claim.claimed_by)
            .execute(&mut *conn)
            .await?;
        }
        Finish::Done(answer) => {
            mark_done(&mut conn, claim, answer).await?;
        }
    }
    Ok(())
}

/// Stores `answer` for replays; answers the number of keys updated (1, or 0 if the claim is
/// not there).
async fn mark_done(
    conn: &mut PgConnection,
    claim: &WriteClaim,
    answer: &Answer,
) -> sqlx::Result<u64> {
    let updated = sqlx::query(
        "update idempotency_keys
            set state = 'done', status = $3, location = $4, flash_cookie = $5,
                finished_at = now()
          where scope = $1 and key = $2 and claimed_by = $6",
    )
    .bind(&claim.scope)
    .bind(&claim.key)
    .bind(answer.status)
    .bind(&answer.location)
    .bind(&answer.flash_cookie)
    .bind(&claim.claimed_by)
    .execute(conn)
    .await?;
    Ok(updated.rows_affected())
}

/// Removes keys older than a day (housekeeping); a key left in progress by a crash expires too.
pub async fn delete_old(conn: &mut PgConnection) -> sqlx::Result<u64> {
    let done =
        sqlx::query("delete from idempotency_keys where created_at < now() - interval '24 hours'")
            .execute(conn)
            .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_key_shape_is_accepted() {
        assert!(is_valid_key(&crate::auth::tokens::random_token()));
        for bad in [
            "",
            "short",
            "has space in it........",
            "a/b+c=d=============",
            &"x".repeat(129),
        ] {
            assert!(!is_valid_key(bad), "{bad}");
        }
    }

    #[test]
    fn sign_in_and_session_forms_are_exempt() {
        for path in [
            "/login",
            "/logout",
            "/login/two-factor",
            "/login/two-factor/setup",
            "/register",
            "/password/forgot",
            "/password/reset",
            "/language",
        ] {
            assert!(is_exempt(path), "{path}");
        }
        for path in [
            "/me/profile",
            "/me/delete",
            "/invitation",
            "/loginx",
            "/problems/new",
        ] {
            assert!(!is_exempt(path), "{path}");
        }
    }

    #[test]
    fn the_flash_cookie_is_kept_and_the_session_cookie_is_not() {
        let mut headers = HeaderMap::new();
        headers.append(
            SET_COOKIE,
            HeaderValue::from_static("kb_session=abc; Path=/"),
        );
        headers.append(
            SET_COOKIE,
            HeaderValue::from_static("kb_flash=flash-saved; Path=/; Max-Age=300"),
        );
        assert_eq!(
            flash_cookie_of(&headers).as_deref(),
            Some("kb_flash=flash-saved; Path=/; Max-Age=300")
        );
    }

    #[test]
    fn the_key_is_found_among_the_fields() {
        let body = b"csrf=abc&idempotency_key=k-1_2&name=a+b";
        assert_eq!(form_field(body, FIELD).as_deref(), Some("k-1_2"));
        assert_eq!(form_field(b"csrf=abc", FIELD), None);
    }
}
