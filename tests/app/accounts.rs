//! Register → verify → sign in → sign out, and the password reset.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, link_in};

async fn register(app: &TestApp, email: &str) -> crate::helpers::TestClient {
    let mut client = app.client();
    client.get("/register").await;
    let response = client
        .post(
            "/register",
            &[
                ("account_kind", "scientist"),
                ("display_name", "Nguyễn Thị Ngọc Ánh"),
                ("email", email),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(response.location(), "/register/done");
    client
}

#[sqlx::test]
async fn a_visitor_registers_verifies_by_the_link_signs_in_and_signs_out(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = register(&app, "anh@example.ac.jp").await;

    let (subject, body) = app.last_email_to("anh@example.ac.jp").await;
    assert!(subject.contains("knowbridge"));
    let link = link_in(&body, "/verify-email?token=");
    let verified = client.get(&link).await;
    assert_eq!(verified.status, StatusCode::OK);
    assert!(
        app.count("select count(*) from users where email_verified_at is not null")
            .await
            == 1
    );
    // The link is single-use.
    assert_eq!(client.get(&link).await.status, StatusCode::BAD_REQUEST);

    let signed_in = client.sign_in("ANH@example.ac.jp", PASSWORD).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let home = client.get(signed_in.location()).await;
    assert!(
        home.text.contains("Nguyễn Thị Ngọc Ánh"),
        "the header names the user"
    );
    assert!(home.text.contains("action=\"/logout\""));

    let signed_out = client.post("/logout", &[]).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    let home = client.get("/").await;
    assert!(!home.text.contains("action=\"/logout\""));
    assert_eq!(app.count("select count(*) from sessions").await, 0);

    let actions: Vec<String> = sqlx::query_scalar("select action from audit_events order by id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        actions,
        [
            "user.registered",
            "user.email_verified",
            "user.signed_in",
            "user.signed_out"
        ]
    );
}

#[sqlx::test]
async fn registering_an_existing_email_looks_the_same_and_tells_the_owner(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    register(&app, "taken@example.org").await;
    register(&app, "Taken@Example.org").await;
    assert_eq!(app.count("select count(*) from users").await, 1);
    let (_, body) = app.last_email_to("taken@example.org").await;
    assert!(
        body.contains("/password/forgot"),
        "the owner is offered a password reset"
    );
    assert_eq!(app.count("select count(*) from emails").await, 2);
}

#[sqlx::test]
async fn bad_registration_keeps_the_values_and_puts_each_error_beside_its_field(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let expected = [
        (
            "vi",
            "Lỗi: ",
            "Hãy nhập email đúng định dạng",
            "Mật khẩu phải có ít nhất 12 ký tự",
        ),
        (
            "ja",
            "エラー：",
            "メールアドレスを正しい形式で入力してください",
            "パスワードは12文字以上で入力してください",
        ),
        (
            "en",
            "Error: ",
            "Enter an email address in the correct format",
            "Your password must be at least 12 characters",
        ),
    ];
    for (lang, title_prefix, email_error, password_error) in expected {
        let mut client = app.client();
        client.set_cookie("kb_lang", lang);
        client.get("/register").await;
        let response = client
            .post(
                "/register",
                &[
                    ("account_kind", "owner"),
                    ("display_name", "Bộ Khoa học và Công nghệ"),
                    ("email", "not-an-email"),
                    ("password", "short"),
                    ("password_confirm", "different"),
                ],
            )
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = &response.text;
        assert!(
            html.contains(&format!("<title>{title_prefix}")),
            "{lang}: title prefix"
        );
        assert!(
            html.contains("value=\"Bộ Khoa học và Công nghệ\""),
            "{lang}: name kept"
        );
        assert!(
            html.contains("value=\"not-an-email\""),
            "{lang}: email kept"
        );
        assert!(
            html.contains("value=\"owner\" checked"),
            "{lang}: choice kept"
        );
        assert!(
            !html.contains("value=\"short\""),
            "{lang}: passwords are never echoed"
        );
        // Once in the summary at the top, once beside the field.
        assert_eq!(html.matches(email_error).count(), 2, "{lang}: email error");
        assert_eq!(
            html.matches(password_error).count(),
            2,
            "{lang}: password error"
        );
        assert!(html.contains("id=\"email-error\""));
        assert!(html.contains("aria-invalid=\"true\""));
    }
    assert_eq!(app.count("select count(*) from users").await, 0);
}

#[sqlx::test]
async fn a_common_password_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    client.set_cookie("kb_lang", "en");
    let response = client
        .post(
            "/register",
            &[
                ("account_kind", "scientist"),
                ("display_name", "An"),
                ("email", "an@example.org"),
                ("password", "password1234"),
                ("password_confirm", "password1234"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("This password is too common"));
}

#[sqlx::test]
async fn unknown_email_and_wrong_password_get_the_same_answer_in_the_same_time(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("known@example.org", "scientist", true)
        .await;
    let mut client = app.client();
    client.get("/login").await;

    let started = std::time::Instant::now();
    let wrong_password = client
        .post(
            "/login",
            &[
                ("email", "known@example.org"),
                ("password", "not the password at all"),
            ],
        )
        .await;
    let wrong_password_time = started.elapsed();
    let started = std::time::Instant::now();
    let unknown_email = client
        .post(
            "/login",
            &[
                ("email", "nobody@example.org"),
                ("password", "not the password at all"),
            ],
        )
        .await;
    let unknown_email_time = started.elapsed();

    assert_eq!(wrong_password.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown_email.status, wrong_password.status);
    // Each form carries its own random idempotency key; everything else must be identical.
    let strip = |html: &str, email: &str| {
        html.replace(email, "EMAIL")
            .lines()
            .filter(|line| !line.contains("name=\"idempotency_key\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(&wrong_password.text, "known@example.org"),
        strip(&unknown_email.text, "nobody@example.org")
    );
    // Both run one argon2 verification; neither answers in a fraction of the other's time.
    assert!(
        unknown_email_time * 3 > wrong_password_time,
        "{unknown_email_time:?} vs {wrong_password_time:?}"
    );
    assert!(wrong_password_time * 3 > unknown_email_time);
}

#[sqlx::test]
async fn sign_in_returns_to_the_page_asked_for_but_never_off_site(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("owner@example.org", "owner", true).await;
    let mut client = app.client();
    let redirect = client.get("/notifications").await;
    assert_eq!(redirect.status, StatusCode::SEE_OTHER);
    assert_eq!(redirect.location(), "/login?next=%2Fnotifications");
    client.get(redirect.location()).await;
    let response = client
        .post(
            "/login",
            &[
                ("email", "owner@example.org"),
                ("password", PASSWORD),
                ("next", "/notifications"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/notifications");

    let mut other = app.client();
    other.get("/login").await;
    let response = other
        .post(
            "/login",
            &[
                ("email", "owner@example.org"),
                ("password", PASSWORD),
                ("next", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/");
}

#[sqlx::test]
async fn a_reset_token_works_once_ends_other_sessions_and_not_after_expiry(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("reset@example.org", "owner", false).await;
    let mut elsewhere = app.client();
    elsewhere.sign_in("reset@example.org", PASSWORD).await;
    assert_eq!(app.count("select count(*) from sessions").await, 1);

    let mut client = app.client();
    client.get("/password/forgot").await;
    let sent = client
        .post("/password/forgot", &[("email", "reset@example.org")])
        .await;
    assert_eq!(sent.location(), "/password/forgot/sent");
    let (_, body) = app.last_email_to("reset@example.org").await;
    let link = link_in(&body, "/password/reset?token=");
    let token = link.split("token=").nth(1).unwrap().to_string();

    assert_eq!(client.get(&link).await.status, StatusCode::OK);
    let new_password = "a brand new passphrase for knowbridge";
    let fields = [
        ("token", token.as_str()),
        ("password", new_password),
        ("password_confirm", new_password),
    ];
    let done = client.post("/password/reset", &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
    assert_eq!(done.location(), "/login");
    assert_eq!(
        app.count("select count(*) from sessions").await,
        0,
        "other sessions ended"
    );
    assert_eq!(
        app.count("select count(*) from users where email_verified_at is not null")
            .await,
        1
    );

    // Used once: a second use is refused.
    assert_eq!(
        client.post("/password/reset", &fields).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        client.sign_in("reset@example.org", PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        client
            .sign_in("reset@example.org", new_password)
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    // A fresh token that has expired does not work either.
    client
        .post("/password/forgot", &[("email", "reset@example.org")])
        .await;
    let (_, body) = app.last_email_to("reset@example.org").await;
    let link = link_in(&body, "/password/reset?token=");
    sqlx::query(
        "update user_tokens set expires_at = now() - interval '1 second' where used_at is null",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(client.get(&link).await.status, StatusCode::BAD_REQUEST);
}

#[sqlx::test]
async fn forgot_password_answers_the_same_for_unknown_addresses(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    let response = client
        .post("/password/forgot", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(response.location(), "/password/forgot/sent");
    assert_eq!(app.count("select count(*) from emails").await, 0);
}

#[sqlx::test]
async fn an_unverified_user_can_ask_for_a_new_verification_link(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("late@example.org", "scientist", false)
        .await;
    let mut client = app.client();
    client.sign_in("late@example.org", PASSWORD).await;
    let home = client.get("/").await;
    assert!(home.text.contains("action=\"/verify-email/resend\""));
    let response = client.post("/verify-email/resend", &[]).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let (_, body) = app.last_email_to("late@example.org").await;
    let link = link_in(&body, "/verify-email?token=");
    assert_eq!(client.get(&link).await.status, StatusCode::OK);
    assert!(!client.get("/").await.text.contains("/verify-email/resend"));
    assert_eq!(
        app.client().post("/verify-email/resend", &[]).await.status,
        StatusCode::SEE_OTHER
    );
}
