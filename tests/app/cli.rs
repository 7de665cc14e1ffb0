//! `knowbridge create-admin`: bootstraps the first administrator.

use knowbridge::cli::create_admin::{Outcome, create_or_promote};
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp};

#[sqlx::test]
async fn create_admin_makes_an_account_that_can_sign_in_to_staff_pages(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let outcome = create_or_promote(&app.pool, "root@example.org", PASSWORD)
        .await
        .unwrap();
    assert!(matches!(outcome, Outcome::Created(_)));
    let mut client = app.client();
    client.sign_in("root@example.org", PASSWORD).await;
    assert_eq!(client.get("/staff/audit").await.status, StatusCode::OK);
    assert!(
        create_or_promote(&app.pool, "weak@example.org", "short")
            .await
            .is_err()
    );
}

#[sqlx::test]
async fn promoting_an_existing_account_ends_its_sessions(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("later-admin@example.org", "scientist", true)
        .await;
    let mut client = app.client();
    client.sign_in("later-admin@example.org", PASSWORD).await;
    let outcome = create_or_promote(&app.pool, "later-admin@example.org", PASSWORD)
        .await
        .unwrap();
    assert!(matches!(outcome, Outcome::Promoted(_)));
    assert_eq!(app.count("select count(*) from sessions").await, 0);
    assert_eq!(
        client.get("/staff/audit").await.status,
        StatusCode::SEE_OTHER
    );
}
