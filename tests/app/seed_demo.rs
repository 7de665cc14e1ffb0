//! `knowbridge seed-demo`: idempotent demo data that the directory can search.

use knowbridge::cli::seed_demo::{self, SCIENTIST_COUNT};
use knowbridge::scientists::model::normalise_orcid;
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::TestApp;

/// The row counts a second run must leave untouched.
async fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    let mut counts = Vec::new();
    for table in [
        "users",
        "scientist_profiles",
        "profile_fields",
        "profile_languages",
        "profile_engagements",
        "publications",
        "hubs",
        "audit_events",
    ] {
        counts.push((
            table,
            app.count(&format!("select count(*) from {table}")).await,
        ));
    }
    counts
}

#[sqlx::test]
async fn seeding_twice_creates_everything_exactly_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let first = seed_demo::run(&app.pool).await.unwrap();
    assert!(first.hub_created);
    assert_eq!(first.users_created, SCIENTIST_COUNT + 4);
    assert_eq!(first.profiles_created, SCIENTIST_COUNT + 1);
    assert_eq!(
        first.credentials.len(),
        4,
        "one printed password per demo account"
    );
    let after_first = counts(&app).await;

    let second = seed_demo::run(&app.pool).await.unwrap();
    assert!(!second.hub_created);
    assert_eq!((second.users_created, second.profiles_created), (0, 0));
    assert!(
        second.credentials.is_empty(),
        "passwords are never shown again"
    );
    assert_eq!(second.existing_demo_accounts, 4);
    assert_eq!(
        counts(&app).await,
        after_first,
        "a second run changes nothing"
    );

    assert!(app.count("select count(*) from scientist_profiles").await >= 200);
    assert_eq!(app.count("select count(*) from hubs").await, 2);
    assert_eq!(
        app.count("select count(*) from scientist_profiles where hub_code = 'kr'")
            .await,
        40
    );
    for role in ["scientist", "owner", "staff", "admin"] {
        let sql = format!(
            "select count(*) from users where email = 'demo-{role}@knowbridge.demo' and role = '{role}'"
        );
        assert_eq!(app.count(&sql).await, 1, "demo {role}");
    }
    assert_eq!(
        app.count("select count(*) from users where email_verified_at is null")
            .await,
        0
    );
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'demo.seeded'")
            .await,
        1
    );
}

#[sqlx::test]
async fn printed_demo_passwords_sign_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let report = seed_demo::run(&app.pool).await.unwrap();
    let staff = report
        .credentials
        .iter()
        .find(|c| c.role == "staff")
        .unwrap();
    let mut client = app.client();
    let response = client.sign_in(&staff.email, &staff.password).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(client.get("/staff/audit").await.status, StatusCode::OK);
}

#[sqlx::test]
async fn visitors_find_demo_profiles_without_diacritics_and_in_japanese(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed_demo::run(&app.pool).await.unwrap();
    let mut visitor = app.client();
    // "ban dan" is "bán dẫn" (semiconductor) typed without diacritics; %E5… is 半導体.
    for path in [
        "/scientists?q=ban+dan",
        "/scientists?q=%E5%8D%8A%E5%B0%8E%E4%BD%93",
    ] {
        let response = visitor.get(path).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert!(
            response.text.contains("<a href=\"/scientists/"),
            "{path} found no profile:\n{}",
            response.text
        );
    }
}

#[sqlx::test]
async fn every_generated_orcid_has_a_valid_check_digit(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed_demo::run(&app.pool).await.unwrap();
    let orcids: Vec<String> =
        sqlx::query_scalar("select orcid from scientist_profiles where orcid is not null")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(orcids.len() >= 40, "only {} ORCID iDs", orcids.len());
    for orcid in orcids {
        assert_eq!(normalise_orcid(&orcid).as_deref(), Some(orcid.as_str()));
    }
}
