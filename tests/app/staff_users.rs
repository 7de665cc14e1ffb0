//! User management for staff: finding accounts, an account's page, suspending (the person is
//! signed out at once and cannot sign in) and restoring, each with a required reason and an
//! audit row; which accounts staff of a hub may see and act on; who may use the routes.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, add_korea_hub, staff_of_hubs as staff_of};

async fn admin(app: &TestApp) -> TestClient {
    let mut client = app.signed_in("admin").await;
    client.use_language("en").await;
    client
}

/// A user with this name (verified), returning its id.
async fn person(app: &TestApp, email: &str, role: &str, name: &str) -> i64 {
    let id = app.create_user(email, role, true).await;
    sqlx::query("update users set display_name = $2 where id = $1")
        .bind(id)
        .bind(name)
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

/// A scientist with an expertise profile in `hub`.
async fn scientist_in(app: &TestApp, email: &str, name: &str, hub: &str) -> i64 {
    let id = person(app, email, "scientist", name).await;
    sqlx::query(
        "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code)
         values ($1, $2, 'researcher', 'Đại học Tokyo', $3)",
    )
    .bind(id)
    .bind(name)
    .bind(hub)
    .execute(&app.pool)
    .await
    .unwrap();
    id
}

/// An owner, member of a new organisation with one problem targeting `hubs` (none: no problem;
/// `Some(&[])`: every hub).
async fn owner_with(app: &TestApp, email: &str, name: &str, hubs: Option<&[&str]>) -> i64 {
    let id = person(app, email, "owner", name).await;
    let org: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code, status, created_by)
         values ('Sở Khoa học', 'Department of Science', 'locality', 'VN', 'verified', $1)
         returning id",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query("insert into org_members (org_id, user_id) values ($1, $2)")
        .bind(org)
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    if let Some(hubs) = hubs {
        sqlx::query(
            "insert into problems (org_id, author_id, title, summary, target_hubs)
             values ($1, null, 'Bài toán', 'Tóm tắt', $2)",
        )
        .bind(org)
        .bind(hubs.iter().map(|h| h.to_string()).collect::<Vec<_>>())
        .execute(&app.pool)
        .await
        .unwrap();
    }
    id
}

async fn disabled(app: &TestApp, id: i64) -> (bool, Option<String>, Option<i64>) {
    sqlx::query_as(
        "select disabled_at is not null, disabled_reason, disabled_by from users where id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn audit_rows(app: &TestApp, action: &str, id: i64) -> Vec<(Option<i64>, serde_json::Value)> {
    sqlx::query_as(
        "select actor_id, details from audit_events
          where action = $1 and target_type = 'user' and target_id = $2 order by id",
    )
    .bind(action)
    .bind(id.to_string())
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[sqlx::test]
async fn only_staff_and_admins_may_use_the_user_pages(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let target = scientist_in(&app, "nha.khoa.hoc@example.jp", "Lê Văn Bình", "jp").await;
    let paths = ["/staff/users".to_string(), format!("/staff/users/{target}")];

    let mut visitor = app.client();
    for path in &paths {
        let response = visitor.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
        assert!(response.location().starts_with("/login"), "{path}");
    }
    let response = visitor
        .post(
            &format!("/staff/users/{target}/suspend"),
            &[("reason", "x")],
        )
        .await;
    assert!(
        response.status == StatusCode::SEE_OTHER && response.location().starts_with("/login")
            || response.status == StatusCode::FORBIDDEN,
        "{:?}",
        response.status
    );

    for role in ["scientist", "owner"] {
        let mut client = app.signed_in(role).await;
        for path in &paths {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role} {path}"
            );
        }
        for action in ["suspend", "restore"] {
            let response = client
                .post(
                    &format!("/staff/users/{target}/{action}"),
                    &[("reason", "x")],
                )
                .await;
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{role} {action}");
        }
    }
    assert!(!disabled(&app, target).await.0);

    let (mut staff, _) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;
    let mut admin = admin(&app).await;
    for path in &paths {
        assert_eq!(staff.get(path).await.status, StatusCode::OK, "staff {path}");
        assert_eq!(admin.get(path).await.status, StatusCode::OK, "admin {path}");
    }
}

#[sqlx::test]
async fn staff_find_users_by_part_of_the_name_or_email_with_role_and_state(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let lan = scientist_in(&app, "Lan.Nguyen@U-Tokyo.ac.jp", "Nguyễn Thị Lan", "jp").await;
    let minh = scientist_in(&app, "minh.tran@kyoto-u.ac.jp", "Trần Văn Minh", "jp").await;
    let owner = owner_with(&app, "lan.pham@most.gov.vn", "Phạm Lan Anh", Some(&[])).await;
    let unverified = person(&app, "hoa@example.vn", "scientist", "Đỗ Thị Hoa").await;
    sqlx::query("update users set email_verified_at = null where id = $1")
        .bind(unverified)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("update users set disabled_at = now(), disabled_reason = 'spam' where id = $1")
        .bind(minh)
        .execute(&app.pool)
        .await
        .unwrap();
    let (mut staff, _) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;

    // Part of the email, in another case.
    let page = staff.get("/staff/users?q=u-tokyo").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(&format!("/staff/users/{lan}\"")));
    assert!(!page.text.contains(&format!("/staff/users/{minh}\"")));
    assert!(page.text.contains("Accounts found: 1"));

    // Part of the name, any case, with its diacritics: both Lans.
    let page = staff.get("/staff/users?q=LAN").await;
    assert!(page.text.contains(&format!("/staff/users/{lan}\"")));
    assert!(page.text.contains(&format!("/staff/users/{owner}\"")));
    assert!(!page.text.contains(&format!("/staff/users/{minh}\"")));
    let page = staff.get("/staff/users?q=th%E1%BB%8B+lan").await; // "thị lan"
    assert!(page.text.contains(&format!("/staff/users/{lan}\"")));
    assert!(!page.text.contains(&format!("/staff/users/{owner}\"")));

    // The role filter.
    let page = staff.get("/staff/users?q=lan&role=owner").await;
    assert!(page.text.contains(&format!("/staff/users/{owner}\"")));
    assert!(!page.text.contains(&format!("/staff/users/{lan}\"")));
    assert!(page.text.contains("<option value=\"owner\" selected>"));

    // The account state, shown as tags and filtered.
    let page = staff.get("/staff/users?account=suspended").await;
    assert!(page.text.contains(&format!("/staff/users/{minh}\"")));
    assert!(!page.text.contains(&format!("/staff/users/{lan}\"")));
    assert!(page.text.contains(">Suspended</strong>"));
    let page = staff.get("/staff/users?q=hoa").await;
    assert!(page.text.contains(">Not verified</strong>"));
    assert!(page.text.contains(">Active</strong>"));
    assert!(page.text.contains("Scientist / expert"));

    // LIKE's wildcards are plain characters.
    let page = staff.get("/staff/users?q=%25").await;
    assert!(page.text.contains("Accounts found: 0"));

    // A search too long to be a name comes back with its error.
    let long = "a".repeat(201);
    let page = staff.get(&format!("/staff/users?q={long}")).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text
            .contains("The name or email address must be 200 characters or fewer")
    );
}

#[sqlx::test]
async fn the_list_is_paginated(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sqlx::query(
        "insert into users (email, password_hash, display_name, role, created_at)
         select 'bulk' || n || '@example.jp', 'x', 'Bulk ' || n, 'scientist',
                now() - make_interval(mins => n)
           from generate_series(1, 70) n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let mut admin = admin(&app).await;
    let first = admin.get("/staff/users?q=bulk").await;
    assert!(first.text.contains("Accounts found: 70"));
    assert!(first.text.contains("(page 1 of 2)"));
    assert_eq!(first.text.matches("@example.jp</td>").count(), 50);
    assert!(first.text.contains("bulk1@example.jp"));
    let second = admin.get("/staff/users?q=bulk&page=2").await;
    assert!(second.text.contains("(page 2 of 2)"));
    assert!(second.text.contains("bulk70@example.jp"));
    assert!(!second.text.contains("bulk1@example.jp"));
    let beyond = admin.get("/staff/users?q=bulk&page=3").await;
    assert_eq!(beyond.status, StatusCode::SEE_OTHER);
    assert_eq!(beyond.location(), "/staff/users?q=bulk");
    let nonsense = admin.get("/staff/users?page=zero").await;
    assert_eq!(nonsense.location(), "/staff/users");
}

#[sqlx::test]
async fn suspending_ends_the_session_and_sign_in_until_restored(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let email = "lan.nguyen@u-tokyo.ac.jp";
    let lan = scientist_in(&app, email, "Nguyễn Thị Lan", "jp").await;
    let mut scientist = app.client();
    assert_eq!(
        scientist.sign_in(email, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(scientist.get("/me/profile").await.status, StatusCode::OK);
    let mut phone = app.client();
    phone.sign_in(email, PASSWORD).await;

    let (mut staff, staff_id) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;
    let page = staff.get(&format!("/staff/users/{lan}")).await;
    assert!(page.text.contains("Suspend account"));
    assert!(page.text.contains(email));
    assert!(page.text.contains("Scientist / expert"));
    assert!(page.text.contains("Japan"));
    assert!(page.text.contains("Verified"));
    assert!(page.text.contains(" UTC"), "last sign-in is shown");

    let reason = "Gửi thư rác cho các đơn vị đặt hàng";
    let response = staff
        .post(
            &format!("/staff/users/{lan}/suspend"),
            &[("reason", reason)],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), format!("/staff/users/{lan}"));

    // Recorded with reason and author, every session gone, audited in the same change.
    assert_eq!(
        disabled(&app, lan).await,
        (true, Some(reason.to_string()), Some(staff_id))
    );
    let count = format!("select count(*) from sessions where user_id = {lan}");
    assert_eq!(app.count(&count).await, 0);
    let rows = audit_rows(&app, "user.suspended", lan).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, Some(staff_id));
    assert_eq!(rows[0].1["reason"], reason);
    assert_eq!(rows[0].1["sessions_ended"], 2);

    // The scientist's next request is signed out, on both devices; signing in is refused.
    let next = scientist.get("/me/profile").await;
    assert_eq!(next.status, StatusCode::SEE_OTHER);
    assert!(next.location().starts_with("/login"));
    assert!(
        phone
            .get("/me/profile")
            .await
            .location()
            .starts_with("/login")
    );
    let mut again = app.client();
    assert_eq!(
        again.sign_in(email, PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // The account page shows the suspension and the restore form; the history the reason.
    let page = staff.get(&format!("/staff/users/{lan}")).await;
    assert!(page.text.contains("The account has been suspended"));
    assert!(page.text.contains(">Suspended</strong>"));
    assert!(page.text.contains(reason));
    assert!(page.text.contains("Account suspended"));
    assert!(page.text.contains("Restore account"));
    assert!(!page.text.contains("Suspend account"));

    // Suspending again is stale: nothing changes.
    let twice = staff
        .post(
            &format!("/staff/users/{lan}/suspend"),
            &[("reason", "again")],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(audit_rows(&app, "user.suspended", lan).await.len(), 1);

    // Restoring needs a reason too, then clears the suspension; sign-in works again.
    let empty = staff
        .post(&format!("/staff/users/{lan}/restore"), &[("reason", "  ")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty
            .text
            .contains("Enter the reason for restoring the account")
    );
    assert!(disabled(&app, lan).await.0);
    let response = staff
        .post(
            &format!("/staff/users/{lan}/restore"),
            &[("reason", "Đã xác minh lại danh tính")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(disabled(&app, lan).await, (false, None, None));
    let rows = audit_rows(&app, "user.restored", lan).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["reason"], "Đã xác minh lại danh tính");
    assert_eq!(rows[0].1["suspension_reason"], reason);
    let mut back = app.client();
    assert_eq!(
        back.sign_in(email, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(back.get("/me/profile").await.status, StatusCode::OK);
}

#[sqlx::test]
async fn a_suspension_needs_a_reason_of_at_most_2000_characters(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let owner = owner_with(&app, "owner@most.gov.vn", "Phạm Văn Hùng", Some(&["jp"])).await;
    let (mut staff, _) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;
    let path = format!("/staff/users/{owner}/suspend");

    let response = staff.post(&path, &[("reason", " \r\n ")]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text.contains("<title>Error: "));
    assert!(response.text.contains("href=\"#reason\""));
    assert!(
        response
            .text
            .contains("Enter the reason for suspending the account")
    );
    assert!(response.text.contains("aria-invalid=\"true\""));

    let long = "ữ".repeat(2001);
    let response = staff.post(&path, &[("reason", long.as_str())]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text
            .contains("The reason must be 2,000 characters or fewer")
    );
    assert!(response.text.contains(&long), "the reason is kept");

    assert!(!disabled(&app, owner).await.0);
    assert!(audit_rows(&app, "user.suspended", owner).await.is_empty());
}

#[sqlx::test]
async fn staff_and_admin_accounts_cannot_be_suspended_here(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let colleague = person(&app, "dong.nghiep@mofa.gov.vn", "staff", "Đồng Nghiệp").await;
    let boss = person(&app, "quan.tri@mofa.gov.vn", "admin", "Quản Trị").await;
    let (mut staff, _) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;
    let mut admin = admin(&app).await;
    for target in [colleague, boss] {
        let page = staff.get(&format!("/staff/users/{target}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("managed by administrators"));
        assert!(!page.text.contains("Suspend account"));
        for client in [&mut staff, &mut admin] {
            for action in ["suspend", "restore"] {
                let response = client
                    .post(
                        &format!("/staff/users/{target}/{action}"),
                        &[("reason", "Không còn làm việc")],
                    )
                    .await;
                assert_eq!(response.status, StatusCode::FORBIDDEN);
            }
        }
        assert!(!disabled(&app, target).await.0);
    }
}

#[sqlx::test]
async fn staff_see_and_act_only_on_the_users_of_their_hubs(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    add_korea_hub(&app.pool).await;
    let jp_scientist = scientist_in(&app, "jp.sci@example.jp", "Nhà Khoa Học Nhật", "jp").await;
    let kr_scientist = scientist_in(&app, "kr.sci@example.kr", "Nhà Khoa Học Hàn", "kr").await;
    let no_profile = person(&app, "new.sci@example.vn", "scientist", "Mới Đăng Ký").await;
    let jp_owner = owner_with(&app, "jp.owner@example.vn", "Chủ Nhật", Some(&["jp"])).await;
    let all_owner = owner_with(&app, "all.owner@example.vn", "Chủ Tất Cả", Some(&[])).await;
    let new_owner = owner_with(&app, "new.owner@example.vn", "Chủ Mới", None).await;

    let (mut korea, _) = staff_of(&app, "kr.staff@mofa.gov.vn", &["kr"]).await;
    let (mut japan, _) = staff_of(&app, "jp.staff@mofa.gov.vn", &["jp"]).await;
    let mut admin = admin(&app).await;

    let list = korea.get("/staff/users").await.text;
    for (id, visible) in [
        (jp_scientist, false),
        (kr_scientist, true),
        (no_profile, true),
        (jp_owner, false),
        (all_owner, true),
        (new_owner, true),
    ] {
        let link = format!("/staff/users/{id}\"");
        assert_eq!(list.contains(&link), visible, "korea list, user {id}");
        let status = korea.get(&format!("/staff/users/{id}")).await.status;
        let expected = if visible {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(status, expected, "korea page, user {id}");
    }

    // Out of scope: not found, and nothing happens.
    for target in [jp_scientist, jp_owner] {
        for action in ["suspend", "restore"] {
            let response = korea
                .post(
                    &format!("/staff/users/{target}/{action}"),
                    &[("reason", "Thử")],
                )
                .await;
            assert_eq!(response.status, StatusCode::NOT_FOUND);
        }
        assert!(!disabled(&app, target).await.0);
    }

    // The Japan staff see the Japanese side, and the admin everyone.
    let list = japan.get("/staff/users").await.text;
    assert!(list.contains(&format!("/staff/users/{jp_scientist}\"")));
    assert!(list.contains(&format!("/staff/users/{jp_owner}\"")));
    assert!(!list.contains(&format!("/staff/users/{kr_scientist}\"")));
    let response = japan
        .post(
            &format!("/staff/users/{jp_owner}/suspend"),
            &[("reason", "Vi phạm điều khoản")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let list = admin.get("/staff/users").await.text;
    for id in [
        jp_scientist,
        kr_scientist,
        no_profile,
        jp_owner,
        all_owner,
        new_owner,
    ] {
        assert!(
            list.contains(&format!("/staff/users/{id}\"")),
            "admin, user {id}"
        );
    }
    let response = admin
        .post(
            &format!("/staff/users/{kr_scientist}/suspend"),
            &[("reason", "Vi phạm điều khoản")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(disabled(&app, kr_scientist).await.0);
}

#[sqlx::test]
async fn the_user_pages_speak_each_language(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let lan = scientist_in(&app, "lan@example.jp", "Nguyễn Thị Lan", "jp").await;
    let (mut staff, _) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;
    for (lang, title, button) in [
        ("vi", "Người dùng", "Tạm khóa tài khoản"),
        ("ja", "ユーザー", "アカウントを利用停止にする"),
        ("en", "Users", "Suspend account"),
    ] {
        staff.use_language(lang).await;
        let list = staff.get("/staff/users").await;
        assert!(list.text.contains(&format!("<h1>{title}</h1>")), "{lang}");
        let page = staff.get(&format!("/staff/users/{lan}")).await;
        assert!(page.text.contains(button), "{lang}");
    }
}
