//! Sessions live in PostgreSQL: new id at sign-in, idle and absolute limits, disabled users.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp};

#[sqlx::test]
async fn the_session_id_changes_at_every_sign_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("rotate@example.org", "scientist", true)
        .await;
    let mut client = app.client();
    client.sign_in("rotate@example.org", PASSWORD).await;
    let first = client.cookies.get("kb_session").cloned().unwrap();
    client.sign_in("rotate@example.org", PASSWORD).await;
    let second = client.cookies.get("kb_session").cloned().unwrap();
    assert_ne!(first, second);
    // The old id was dropped, not kept alongside.
    assert_eq!(app.count("select count(*) from sessions").await, 1);

    let mut thief = app.client();
    thief.set_cookie("kb_session", &first);
    let page = thief.get("/").await;
    assert!(
        !page.text.contains("action=\"/logout\""),
        "the old id no longer signs anyone in"
    );
}

#[sqlx::test]
async fn the_session_cookie_is_http_only_and_lax(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("cookie@example.org", "scientist", true)
        .await;
    let mut client = app.client();
    let response = client.sign_in("cookie@example.org", PASSWORD).await;
    let cookie = response
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("kb_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");
}

#[sqlx::test]
async fn a_session_ends_after_thirty_idle_minutes(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("idle@example.org", "staff", true).await;
    let mut client = app.client();
    client.sign_in("idle@example.org", PASSWORD).await;
    assert_eq!(client.get("/staff/audit").await.status, StatusCode::OK);
    sqlx::query("update sessions set last_seen_at = now() - interval '31 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        client.get("/staff/audit").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.count("select count(*) from sessions").await, 0);
}

#[sqlx::test]
async fn a_session_ends_twelve_hours_after_sign_in_however_active(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("long@example.org", "staff", true).await;
    let mut client = app.client();
    client.sign_in("long@example.org", PASSWORD).await;
    sqlx::query("update sessions set created_at = now() - interval '12 hours 1 minute'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        client.get("/staff/audit").await.status,
        StatusCode::SEE_OTHER
    );
}

#[sqlx::test]
async fn a_disabled_account_loses_its_session_and_cannot_sign_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let id = app.create_user("gone@example.org", "staff", true).await;
    let mut client = app.client();
    client.sign_in("gone@example.org", PASSWORD).await;
    sqlx::query("update users set disabled_at = now() where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        client.get("/staff/audit").await.status,
        StatusCode::SEE_OTHER
    );
    let again = client.sign_in("gone@example.org", PASSWORD).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
}
