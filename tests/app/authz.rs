//! Every guarded route × every role. Signed-out visitors are sent to sign in; a signed-in
//! user of the wrong role gets 403.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::TestApp;

const SIGN_IN: u16 = 303;

/// (path, expected status for: visitor, scientist, owner, staff, admin)
const GUARDED_GETS: &[(&str, [u16; 5])] = &[
    ("/staff/audit", [SIGN_IN, 403, 403, 200, 200]),
    ("/me/profile", [SIGN_IN, 200, 403, 403, 403]),
    ("/me/export", [SIGN_IN, 200, 200, 200, 200]),
    ("/me/delete", [SIGN_IN, 200, 200, 200, 200]),
    ("/notifications", [SIGN_IN, 200, 200, 200, 200]),
    ("/orgs/new", [SIGN_IN, 403, 200, 403, 403]),
    ("/problems/new", [SIGN_IN, 403, 200, 403, 403]),
    ("/staff/review", [SIGN_IN, 403, 403, 200, 200]),
    ("/staff", [SIGN_IN, 403, 403, 200, 200]),
    ("/staff/users", [SIGN_IN, 403, 403, 200, 200]),
    ("/staff/reports", [SIGN_IN, 403, 403, 200, 200]),
    (
        "/staff/reports/scientists.csv",
        [SIGN_IN, 403, 403, 200, 200],
    ),
    ("/staff/reports/problems.csv", [SIGN_IN, 403, 403, 200, 200]),
    ("/staff/reports/matches.csv", [SIGN_IN, 403, 403, 200, 200]),
    ("/staff/reports/outcomes.csv", [SIGN_IN, 403, 403, 200, 200]),
    ("/admin", [SIGN_IN, 403, 403, 403, 200]),
    ("/admin/hubs", [SIGN_IN, 403, 403, 403, 200]),
    ("/admin/hubs/new", [SIGN_IN, 403, 403, 403, 200]),
    ("/admin/staff", [SIGN_IN, 403, 403, 403, 200]),
    ("/admin/staff/new", [SIGN_IN, 403, 403, 403, 200]),
];

/// (path, form, expected status for: visitor, scientist, owner, staff, admin)
const GUARDED_POSTS: &[(&str, [u16; 5])] = &[
    ("/me/profile", [SIGN_IN, 422, 403, 403, 403]),
    ("/orgs/new", [SIGN_IN, 403, 422, 403, 403]),
    ("/problems/new", [SIGN_IN, 403, 409, 403, 403]),
    ("/notifications/read", [SIGN_IN, 303, 303, 303, 303]),
    ("/verify-email/resend", [SIGN_IN, 303, 303, 303, 303]),
    ("/admin/hubs/new", [SIGN_IN, 403, 403, 403, 422]),
    ("/admin/staff/new", [SIGN_IN, 403, 403, 403, 422]),
];

#[sqlx::test]
async fn each_role_may_post_only_what_it_may_do(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut clients = vec![app.client()];
    for role in ["scientist", "owner", "staff", "admin"] {
        clients.push(app.signed_in(role).await);
    }
    for (path, expected) in GUARDED_POSTS {
        for (client, want) in clients.iter_mut().zip(expected) {
            let response = client.post(path, &[]).await;
            assert_eq!(
                response.status,
                StatusCode::from_u16(*want).unwrap(),
                "POST {path}"
            );
        }
    }
}

#[sqlx::test]
async fn each_role_gets_exactly_the_pages_it_may_see(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut clients = vec![app.client()];
    for role in ["scientist", "owner", "staff", "admin"] {
        clients.push(app.signed_in(role).await);
    }
    for (path, expected) in GUARDED_GETS {
        for (client, want) in clients.iter_mut().zip(expected) {
            let response = client.get(path).await;
            assert_eq!(
                response.status,
                StatusCode::from_u16(*want).unwrap(),
                "{path}"
            );
            if *want == SIGN_IN {
                assert!(response.location().starts_with("/login?next="));
            }
        }
    }
}

#[sqlx::test]
async fn public_pages_are_open_to_every_role(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut clients = vec![app.client()];
    for role in ["scientist", "owner", "staff", "admin"] {
        clients.push(app.signed_in(role).await);
    }
    for path in [
        "/",
        "/register",
        "/login",
        "/password/forgot",
        "/healthz",
        "/readyz",
        "/scientists",
    ] {
        for client in clients.iter_mut() {
            assert_eq!(client.get(path).await.status, StatusCode::OK, "{path}");
        }
    }
}

#[sqlx::test]
async fn the_audit_log_shows_what_happened(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut staff = app.signed_in("staff").await;
    let page = staff.get("/staff/audit").await;
    assert!(page.text.contains("user.signed_in"));
}

#[sqlx::test]
async fn notifications_are_listed_in_the_readers_language_and_can_be_marked_read(pool: PgPool) {
    use knowbridge::notifications::inbox::{Notice, notify};
    let app = TestApp::spawn(pool).await;
    let id = app.create_user("told@example.org", "owner", true).await;
    let mut conn = app.pool.acquire().await.unwrap();
    let notice = Notice {
        user_id: id,
        message_key: "flash-profile-saved",
        args: &[],
        link: "/me/profile",
    };
    notify(&mut conn, notice, &app.origin()).await.unwrap();
    drop(conn);
    assert_eq!(
        app.count("select count(*) from emails where to_address = 'told@example.org'")
            .await,
        1
    );

    let mut client = app.client();
    client
        .sign_in("told@example.org", crate::helpers::PASSWORD)
        .await;
    client.use_language("en").await;
    let page = client.get("/notifications").await;
    assert!(page.text.contains("Your profile has been saved."));
    assert!(page.text.contains("href=\"/me/profile\""));
    assert!(page.text.contains("action=\"/notifications/read\""));
    client.post("/notifications/read", &[]).await;
    assert_eq!(
        app.count("select count(*) from notifications where read_at is null")
            .await,
        0
    );
    assert!(
        !client
            .get("/notifications")
            .await
            .text
            .contains("action=\"/notifications/read\"")
    );
}

/// A staff member or admin who has given only their password is sent to the code step by every
/// page a signed-in user could see, and by every form.
#[sqlx::test]
async fn a_password_alone_opens_no_guarded_route_for_staff(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for (role, email) in [
        ("staff", "half@example.org"),
        ("admin", "halfadmin@example.org"),
    ] {
        app.create_user(email, role, true).await;
        let mut client = app.client();
        let response = client
            .sign_in_with_password(email, crate::helpers::PASSWORD)
            .await;
        assert!(response.location().starts_with("/login/two-factor?"));
        for (path, _) in GUARDED_GETS {
            let response = client.get(path).await;
            assert_eq!(response.status, StatusCode::SEE_OTHER, "{role} GET {path}");
            assert!(
                response.location().starts_with("/login/two-factor?next="),
                "{role} GET {path}: {}",
                response.location()
            );
        }
        for (path, _) in GUARDED_POSTS {
            let response = client.post(path, &[]).await;
            assert_eq!(response.status, StatusCode::SEE_OTHER, "{role} POST {path}");
            assert!(response.location().starts_with("/login/two-factor?next="));
        }
    }
}
