//! Two-factor sign-in of staff and admins: enrolment, codes, replay, rate limit, recovery codes.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, current_step, key_on_setup_page};
use knowbridge::auth::two_factor::codes::code_at_step;

async fn staff_without_authenticator(app: &TestApp, email: &str) -> i64 {
    let id = app.create_user(email, "staff", true).await;
    sqlx::query("delete from user_totp where user_id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

fn recovery_codes_on(html: &str) -> Vec<String> {
    let list_start = html.find("class=\"recovery-codes\"").unwrap();
    let list = &html[list_start..html[list_start..].find("</ol>").unwrap() + list_start];
    list.split("<code>")
        .skip(1)
        .map(|part| part[..part.find("</code>").unwrap()].to_string())
        .collect()
}

#[sqlx::test]
async fn a_new_staff_member_must_enrol_before_any_staff_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let id = staff_without_authenticator(&app, "new.staff@example.org").await;
    let mut staff = app.client();

    let response = staff
        .sign_in_with_password("new.staff@example.org", PASSWORD)
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(
        response.location().starts_with("/login/two-factor/setup"),
        "{}",
        response.location()
    );
    // A password alone opens no staff page, nor any signed-in page.
    for path in ["/staff/review", "/staff", "/notifications", "/staff/audit"] {
        let response = staff.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            response
                .location()
                .starts_with("/login/two-factor/setup?next=")
        );
    }
    // The home page treats them as not signed in, but offers sign-out.
    let home = staff.get("/").await;
    assert!(!home.text.contains("href=\"/staff\""));
    assert!(home.text.contains("action=\"/logout\""));

    let setup = staff
        .get("/login/two-factor/setup?next=/staff/review")
        .await;
    assert_eq!(setup.status, StatusCode::OK);
    assert!(setup.text.contains("<svg class=\"qr-code\""));
    assert_eq!(setup.header("cache-control"), "no-store");
    let key = key_on_setup_page(&setup.text);
    // Reloading shows the same key, so a half-finished scan is not wasted.
    let again = staff.get("/login/two-factor/setup").await;
    assert_eq!(key_on_setup_page(&again.text), key);

    let wrong = staff
        .post(
            "/login/two-factor/setup",
            &[("code", "000000"), ("next", "/staff/review")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text.contains("id=\"code-error\""));
    let not_digits = staff
        .post("/login/two-factor/setup", &[("code", "abc")])
        .await;
    assert!(not_digits.text.contains("id=\"code-error\""));

    let pending_cookie = staff.cookies.get("kb_session").cloned();
    let code = code_at_step(&key, current_step()).unwrap();
    let done = staff
        .post(
            "/login/two-factor/setup",
            &[("code", &code), ("next", "/staff/review")],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    let codes = recovery_codes_on(&done.text);
    assert_eq!(codes.len(), 10);
    assert!(done.text.contains("href=\"/staff/review\""));
    assert_ne!(staff.cookies.get("kb_session").cloned(), pending_cookie);

    assert_eq!(staff.get("/staff/review").await.status, StatusCode::OK);
    assert_eq!(
        app.count(&format!(
            "select count(*) from audit_events where action = 'user.two_factor_enrolled' and actor_id = {id}"
        ))
        .await,
        1
    );
    // Only hashes are stored.
    let stored: Vec<Vec<u8>> =
        sqlx::query_scalar("select code_hash from recovery_codes where user_id = $1")
            .bind(id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(stored.len(), 10);
    assert!(stored.iter().all(|h| h.len() == 32));

    // The password-only session that existed before the code is of no use any more.
    let mut old = app.client();
    old.set_cookie("kb_session", &pending_cookie.unwrap());
    let response = old.get("/login/two-factor/setup").await;
    assert_eq!(response.location(), "/login");
}

#[sqlx::test]
async fn staff_sign_in_with_a_code_and_land_where_they_were_going(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("staff@example.org", "staff", true).await;
    let mut staff = app.client();
    let response = staff.get("/staff/review").await;
    assert!(response.location().starts_with("/login?next="));

    staff.get("/login?next=%2Fstaff%2Freview").await;
    let response = staff
        .post(
            "/login",
            &[
                ("email", "staff@example.org"),
                ("password", PASSWORD),
                ("next", "/staff/review"),
            ],
        )
        .await;
    assert_eq!(
        response.location(),
        "/login/two-factor?next=%2Fstaff%2Freview"
    );
    let page = staff.get(response.location()).await;
    assert!(page.text.contains("autocomplete=\"one-time-code\""));
    assert_eq!(
        staff.get("/staff/review").await.location(),
        "/login/two-factor?next=%2Fstaff%2Freview"
    );

    let wrong = staff
        .post(
            "/login/two-factor",
            &[("code", "123456"), ("next", "/staff/review")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text.contains("id=\"code-error\""));

    let code = staff.current_code("staff@example.org").await;
    let response = staff
        .post(
            "/login/two-factor",
            &[("code", &code), ("next", "/staff/review")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), "/staff/review");
    assert_eq!(staff.get("/staff/review").await.status, StatusCode::OK);
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'user.second_factor_passed'")
            .await,
        1
    );
}

#[sqlx::test]
async fn a_code_works_only_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("admin@example.org", "admin", true).await;
    let mut first = app.client();
    first
        .sign_in_with_password("admin@example.org", PASSWORD)
        .await;
    let code = first.current_code("admin@example.org").await;
    let ok = first.post("/login/two-factor", &[("code", &code)]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), "/staff");

    // Someone who watched the code being typed cannot use it in another browser.
    let mut second = app.client();
    second
        .sign_in_with_password("admin@example.org", PASSWORD)
        .await;
    let replay = second.post("/login/two-factor", &[("code", &code)]).await;
    assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[sqlx::test]
async fn wrong_codes_are_rate_limited_per_account(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("staff@example.org", "staff", true).await;
    let mut staff = app.client();
    staff
        .sign_in_with_password("staff@example.org", PASSWORD)
        .await;
    for _ in 0..5 {
        let response = staff.post("/login/two-factor", &[("code", "000000")]).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let code = staff.current_code("staff@example.org").await;
    let response = staff.post("/login/two-factor", &[("code", &code)]).await;
    assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!response.header("retry-after").is_empty());
    // Still not signed in.
    assert_eq!(
        staff.get("/staff/review").await.status,
        StatusCode::SEE_OTHER
    );
}

#[sqlx::test]
async fn a_recovery_code_signs_in_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    staff_without_authenticator(&app, "lost.phone@example.org").await;
    let mut staff = app.client();
    let response = staff
        .sign_in_with_password("lost.phone@example.org", PASSWORD)
        .await;
    let done = staff.enrol_authenticator(response.location()).await;
    let codes = recovery_codes_on(&done.text);
    sign_out(&mut staff).await;

    staff
        .sign_in_with_password("lost.phone@example.org", PASSWORD)
        .await;
    // Typed with capitals and a space instead of the dash: still accepted.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let response = staff.post("/login/two-factor", &[("code", &typed)]).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(staff.get("/staff/review").await.status, StatusCode::OK);
    assert_eq!(
        app.count(
            "select count(*) from audit_events where action = 'user.second_factor_passed'
               and details->>'method' = 'recovery_code'"
        )
        .await,
        1
    );
    sign_out(&mut staff).await;

    staff
        .sign_in_with_password("lost.phone@example.org", PASSWORD)
        .await;
    let reused = staff
        .post("/login/two-factor", &[("code", &codes[3])])
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let other = staff
        .post("/login/two-factor", &[("code", &codes[4])])
        .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
}

#[sqlx::test]
async fn scientists_and_owners_need_no_second_factor(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for role in ["scientist", "owner"] {
        let email = format!("{role}@example.org");
        app.create_user(&email, role, true).await;
        let mut client = app.client();
        let response = client.sign_in_with_password(&email, PASSWORD).await;
        assert_eq!(response.location(), "/");
        assert_eq!(client.get("/notifications").await.status, StatusCode::OK);
        // The code step is not theirs: it sends them on.
        assert_eq!(
            client.get("/login/two-factor").await.status,
            StatusCode::SEE_OTHER
        );
    }
}

#[sqlx::test]
async fn a_visitor_at_the_code_step_is_sent_to_sign_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut visitor = app.client();
    for path in ["/login/two-factor", "/login/two-factor/setup"] {
        assert_eq!(visitor.get(path).await.location(), "/login");
    }
    let response = visitor
        .post("/login/two-factor", &[("code", "123456")])
        .await;
    assert_eq!(response.location(), "/login");
}

#[sqlx::test]
async fn staff_waiting_at_the_code_step_can_sign_out(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("staff@example.org", "staff", true).await;
    let mut staff = app.client();
    staff
        .sign_in_with_password("staff@example.org", PASSWORD)
        .await;
    staff.get("/login/two-factor").await;
    sign_out(&mut staff).await;
    assert_eq!(app.count("select count(*) from sessions").await, 0);
}

async fn sign_out(client: &mut TestClient) {
    client.get("/").await;
    let response = client.post("/logout", &[]).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
}
