//! CSRF, rate limits, security headers, error pages, static files.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp};

#[sqlx::test]
async fn security_headers_are_on_every_response(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    for path in [
        "/",
        "/login",
        "/no-such-page",
        "/static/css/site.css",
        "/healthz",
    ] {
        let response = client.get(path).await;
        let csp = response.header("content-security-policy");
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "script-src 'self'",
        ] {
            assert!(csp.contains(directive), "{path}: {directive} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(
            response.header("x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(response.header("referrer-policy"), "same-origin", "{path}");
        assert!(!response.header("x-request-id").is_empty(), "{path}");
    }
}

#[sqlx::test]
async fn a_cross_site_post_is_refused_while_a_same_origin_one_succeeds(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    client.get("/").await;
    let form = vec![
        ("csrf".to_string(), client.csrf_token()),
        ("locale".to_string(), "en".to_string()),
        ("return_to".to_string(), "/".to_string()),
    ];
    let refused = [
        vec![("sec-fetch-site", "cross-site")],
        vec![("origin", "https://evil.example")],
        vec![
            ("sec-fetch-site", "same-site"),
            ("origin", "https://sub.example"),
        ],
    ];
    for headers in refused {
        let response = client.post_raw("/language", &form, &headers).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(
            response.text.contains("<html lang="),
            "a page, not a bare status"
        );
    }
    let origin = app.origin();
    let same = client
        .post_raw(
            "/language",
            &form,
            &[("sec-fetch-site", "same-origin"), ("origin", &origin)],
        )
        .await;
    assert_eq!(same.status, StatusCode::SEE_OTHER);
}

#[sqlx::test]
async fn a_form_without_the_sessions_token_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    client.get("/").await;
    let without = vec![("locale".to_string(), "en".to_string())];
    assert_eq!(
        client.post_raw("/language", &without, &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let wrong = vec![
        ("csrf".to_string(), "guess".to_string()),
        ("locale".to_string(), "en".to_string()),
    ];
    assert_eq!(
        client.post_raw("/language", &wrong, &[]).await.status,
        StatusCode::FORBIDDEN
    );

    // A signed-in session has its own token: the anonymous one no longer works.
    app.create_user("token@example.org", "scientist", true)
        .await;
    let anonymous_token = client.csrf_token();
    client.sign_in("token@example.org", PASSWORD).await;
    let old = vec![("csrf".to_string(), anonymous_token)];
    assert_eq!(
        client.post_raw("/logout", &old, &[]).await.status,
        StatusCode::FORBIDDEN
    );
    client.get("/").await;
    assert_eq!(
        client.post("/logout", &[]).await.status,
        StatusCode::SEE_OTHER
    );
}

#[sqlx::test]
async fn login_is_rate_limited_and_a_forged_forwarded_for_does_not_reset_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("target@example.org", "scientist", true)
        .await;
    let mut client = app.client();
    client.get("/login").await;
    for attempt in 0..10 {
        client.with_header("x-forwarded-for", &format!("203.0.113.{attempt}"));
        let response = client
            .post(
                "/login",
                &[
                    ("email", "target@example.org"),
                    ("password", "wrong password guess"),
                ],
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
    }
    client.with_header("x-forwarded-for", "198.51.100.77");
    let limited = client
        .post(
            "/login",
            &[("email", "target@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = limited.header("retry-after").parse().unwrap();
    assert!((1..=900).contains(&retry_after));
    assert!(
        limited.text.contains("<h1>"),
        "a page that says when to try again"
    );
}

#[sqlx::test]
async fn registration_is_limited_per_address_even_with_forged_headers(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    client.get("/register").await;
    let mut last = StatusCode::OK;
    for attempt in 0..21 {
        client.with_header("x-forwarded-for", &format!("192.0.2.{attempt}"));
        // Invalid on purpose: the limit counts attempts, and this keeps the test fast.
        last = client.post("/register", &[("email", "x")]).await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[sqlx::test]
async fn forwarded_addresses_count_separately_only_behind_a_trusted_proxy(pool: PgPool) {
    let app = TestApp::spawn_with(pool, &[("TRUST_PROXY_HEADERS", "true")]).await;
    let mut client = app.client();
    client.get("/register").await;
    for attempt in 0..25 {
        client.with_header("x-forwarded-for", &format!("192.0.2.{attempt}"));
        let status = client.post("/register", &[("email", "x")]).await.status;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {attempt}"
        );
    }
}

#[sqlx::test]
async fn error_pages_are_localised_with_a_request_id_and_no_internals(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    client.set_cookie("kb_lang", "ja");
    let response = client.get("/no/such/page").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert!(response.text.contains("ページが見つかりません"));
    assert!(response.text.contains(response.header("x-request-id")));
    assert!(response.text.contains("<html lang=\"ja\">"));
}

#[sqlx::test]
async fn an_oversized_form_is_refused_with_a_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    let huge = "x".repeat(300 * 1024);
    let response = client.post("/login", &[("email", &huge)]).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[sqlx::test]
async fn static_files_have_versioned_urls_and_long_cache_headers(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    let home = client.get("/").await;
    let start = home.text.find("/static/css/site.css?v=").unwrap();
    let url: String = home.text[start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let css = client.get(&url).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("cache-control").contains("max-age=31536000"));
    assert!(css.header("content-type").starts_with("text/css"));
}

#[sqlx::test]
async fn health_and_readiness_answer(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    assert_eq!(client.get("/healthz").await.text, "ok");
    assert_eq!(client.get("/readyz").await.text, "ready");
}

#[sqlx::test]
async fn shutdown_lets_requests_in_flight_finish_and_refuses_new_ones(pool: PgPool) {
    let mut app = TestApp::spawn(pool).await;
    app.create_user("inflight@example.org", "scientist", true)
        .await;
    let mut client = app.client();
    client.get("/login").await;
    // A sign-in spends tens of milliseconds in argon2: shut down while it runs.
    let in_flight = tokio::spawn(async move {
        client
            .post(
                "/login",
                &[("email", "inflight@example.org"), ("password", PASSWORD)],
            )
            .await
    });
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let started = std::time::Instant::now();
    app.shut_down().await.unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(in_flight.await.unwrap().status, StatusCode::SEE_OTHER);
    let refused = reqwest::get(format!("{}/healthz", app.origin())).await;
    assert!(refused.is_err(), "no new connections after shutdown");
}
