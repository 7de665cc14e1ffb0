//! Administration: creating and renaming hubs, inviting staff (the email, the set-password
//! page, single use, expiry), assigning hubs, disabling and enabling accounts, resetting the
//! second factor, the audit rows of each, and that only admins may use any of it.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, add_korea_hub, link_in};

const NEW_PASSWORD: &str = "mật khẩu mới của cán bộ 2026";

/// A client signed in with the test helper as a new user of `role`, and that user's id.
async fn signed_in(app: &TestApp, role: &str) -> (TestClient, i64) {
    let client = app.signed_in(role).await;
    let id = sqlx::query_scalar("select id from users where role = $1 order by id desc limit 1")
        .bind(role)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    (client, id)
}

/// An admin reading English.
async fn admin(app: &TestApp) -> (TestClient, i64) {
    let (mut client, id) = signed_in(app, "admin").await;
    client.use_language("en").await;
    (client, id)
}

async fn add_hub_rows(app: &TestApp, user_id: i64, hubs: &[&str]) {
    for hub in hubs {
        sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, $2)")
            .bind(user_id)
            .bind(hub)
            .execute(&app.pool)
            .await
            .unwrap();
    }
}

/// The details of the newest audit row with `action` about `target_id`.
async fn audited(app: &TestApp, action: &str, target_id: &str) -> serde_json::Value {
    sqlx::query_scalar(
        "select details from audit_events where action = $1 and target_id = $2
          order by id desc limit 1",
    )
    .bind(action)
    .bind(target_id)
    .fetch_optional(&app.pool)
    .await
    .unwrap()
    .unwrap_or_else(|| panic!("an audit row {action} for {target_id}"))
}

fn hub_form<'a>(code: &'a str, country: &'a str, vi: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("country_code", country),
        ("name_vi", vi),
        ("name_ja", "韓国"),
        ("name_en", "Korea"),
    ]
}

#[sqlx::test]
async fn a_new_hub_is_validated_then_listed_audited_and_offered_in_forms(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, admin_id) = admin(&app).await;
    let form = admin.get("/admin/hubs/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("Add a country hub"));

    let bad = admin
        .post(
            "/admin/hubs/new",
            &[
                ("code", "k1"),
                ("country_code", "UK"),
                ("name_vi", " Ha\u{300}n Quô\u{301}c "),
                ("name_ja", "  "),
                ("name_en", "Korea"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = &bad.text;
    assert!(text.contains("<title>Error: "));
    assert!(text.contains("The hub code must be 2 to 8 lowercase letters"));
    assert!(text.contains("Enter a two-letter ISO 3166 country code"));
    assert!(text.contains("Enter the name in Japanese"));
    assert!(text.contains("value=\"k1\"") && text.contains("value=\"UK\""));
    assert!(text.contains("value=\"Hàn Quốc\""), "kept, trimmed and NFC");
    assert!(text.contains("value=\"Korea\""));

    let taken = admin
        .post("/admin/hubs/new", &hub_form("JP", "JP", "Nhật"))
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .text
            .contains("There is already a country hub with this code")
    );

    let created = admin
        .post("/admin/hubs/new", &hub_form(" KR ", "kr", "Hàn Quốc"))
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    assert_eq!(created.location(), "/admin/hubs");
    let list = admin.get("/admin/hubs").await;
    assert!(list.text.contains("The country hub has been added."));
    assert!(list.text.contains("<code>kr</code>"));
    assert!(list.text.contains("Hàn Quốc") && list.text.contains("韓国"));
    assert!(list.text.contains("Country hubs (2)"));

    let details = audited(&app, "hub.created", "kr").await;
    assert_eq!(details["country_code"], "KR");
    assert_eq!(details["name_vi"], "Hàn Quốc");
    let actor: Option<i64> =
        sqlx::query_scalar("select actor_id from audit_events where action = 'hub.created'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(actor, Some(admin_id));

    let mut scientist = app.signed_in("scientist").await;
    let profile_form = scientist.get("/me/profile").await;
    assert!(
        profile_form.text.contains("<option value=\"kr\""),
        "the new hub is offered at once"
    );
}

#[sqlx::test]
async fn hub_names_can_be_corrected_but_not_emptied(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, _) = admin(&app).await;
    let page = admin.get("/admin/hubs/jp/edit").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("value=\"Nhật Bản\""));
    assert_eq!(
        admin.get("/admin/hubs/zz/edit").await.status,
        StatusCode::NOT_FOUND
    );

    let bad = admin
        .post(
            "/admin/hubs/jp/edit",
            &[("name_vi", ""), ("name_ja", "日本国"), ("name_en", "Japan")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text.contains("Enter the name in Vietnamese"));
    assert!(bad.text.contains("value=\"日本国\""));

    let saved = admin
        .post(
            "/admin/hubs/jp/edit",
            &[
                ("name_vi", "Nhật Bản"),
                ("name_ja", "日本国"),
                ("name_en", "Japan"),
                ("code", "xx"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let stored: (String, String) =
        sqlx::query_as("select code, name_ja from hubs where code = 'jp'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(stored, ("jp".to_string(), "日本国".to_string()));
    let details = audited(&app, "hub.updated", "jp").await;
    assert_eq!(details["before"]["name_ja"], "日本");
    assert_eq!(details["after"]["name_ja"], "日本国");
}

/// Invites Trần Thị Lan to `hubs` with an invitation in `locale`; returns her id and the link.
async fn invite(app: &TestApp, admin: &mut TestClient, locale: &str) -> (i64, String) {
    let response = admin
        .post(
            "/admin/staff/new",
            &[
                ("email", " Lan.Tran@Embassy.example "),
                ("display_name", "Trần Thị Lan"),
                ("hubs", "jp"),
                ("locale", locale),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    let id: i64 =
        sqlx::query_scalar("select id from users where email = 'Lan.Tran@Embassy.example'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(response.location(), format!("/admin/staff/{id}"));
    let (_, body) = app.last_email_to("lan.tran@embassy.example").await;
    (id, link_in(&body, "/invitation?token="))
}

#[sqlx::test]
async fn an_invited_staff_member_chooses_a_password_once_and_signs_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, _) = admin(&app).await;
    let (id, link) = invite(&app, &mut admin, "ja").await;

    let row: (String, String, bool, String) = sqlx::query_as(
        "select role, password_hash, email_verified_at is not null, preferred_locale
           from users where id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(row, ("staff".into(), "!".into(), true, "ja".into()));
    let hubs: Vec<String> =
        sqlx::query_scalar("select hub_code from staff_hubs where user_id = $1")
            .bind(id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(hubs, ["jp"]);
    let (subject, body) = app.last_email_to("lan.tran@embassy.example").await;
    assert!(
        subject.contains("大使館職員"),
        "in the invitee's language: {subject}"
    );
    assert!(body.contains("Trần Thị Lan 様"));
    let details = audited(&app, "staff.invited", &id.to_string()).await;
    assert_eq!(details["hubs"], serde_json::json!(["jp"]));

    let page = admin.get(&format!("/admin/staff/{id}")).await;
    assert!(
        page.text
            .contains("The account has been created and the invitation sent.")
    );
    assert!(page.text.contains("Invited") && page.text.contains("Send a new invitation"));

    let mut invitee = app.client();
    let refused = invitee.sign_in("lan.tran@embassy.example", "!").await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no password yet"
    );

    invitee.use_language("en").await;
    let form = invitee.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("Welcome.") && form.text.contains("Trần Thị Lan"));
    let token = link.split("token=").nth(1).unwrap();
    let weak = invitee
        .post(
            "/invitation",
            &[
                ("token", token),
                ("password", "short"),
                ("password_confirm", "short"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.text.contains("at least 12 characters"));

    let fields = [
        ("token", token),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let accepted = invitee.post("/invitation", &fields).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    assert_eq!(accepted.location(), "/login");
    let login = invitee.get("/login").await;
    assert!(login.text.contains("Your password has been saved."));
    audited(&app, "staff.invitation_accepted", &id.to_string()).await;

    let again = invitee.get(&link).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(again.text.contains("This invitation has already been used"));
    let replay = invitee.post("/invitation", &fields).await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST, "single use");

    let signed_in = invitee
        .sign_in("lan.tran@embassy.example", NEW_PASSWORD)
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let list = admin.get("/admin/staff").await;
    assert!(list.text.contains("Trần Thị Lan") && list.text.contains("Active"));
}

#[sqlx::test]
async fn the_staff_form_keeps_values_and_refuses_a_taken_email(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, _) = admin(&app).await;
    let form = admin.get("/admin/staff/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.text
            .contains("name=\"hubs\" type=\"checkbox\" value=\"jp\"")
    );

    let bad = admin
        .post(
            "/admin/staff/new",
            &[("email", "not-an-email"), ("display_name", "Ngô Bảo Châu")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text
            .contains("Enter an email address in the correct format")
    );
    assert!(bad.text.contains("Select at least one country hub"));
    assert!(bad.text.contains("Select the language of the invitation"));
    assert!(bad.text.contains("value=\"Ngô Bảo Châu\""));

    app.create_user("taken@embassy.example", "scientist", true)
        .await;
    let taken = admin
        .post(
            "/admin/staff/new",
            &[
                ("email", "TAKEN@embassy.example"),
                ("display_name", "Ngô Bảo Châu"),
                ("hubs", "jp"),
                ("locale", "vi"),
            ],
        )
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .text
            .contains("There is already an account with this email address")
    );
    assert!(taken.text.contains("value=\"jp\" checked"), "hubs kept");
    assert_eq!(
        app.count("select count(*) from emails where lower(to_address) = 'taken@embassy.example'")
            .await,
        0
    );
}

#[sqlx::test]
async fn an_expired_invitation_says_so_and_a_new_one_replaces_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, _) = admin(&app).await;
    let (id, old_link) = invite(&app, &mut admin, "vi").await;
    sqlx::query(
        "update user_tokens set expires_at = now() - interval '1 minute' where user_id = $1",
    )
    .bind(id)
    .execute(&app.pool)
    .await
    .unwrap();
    let mut invitee = app.client();
    invitee.use_language("en").await;
    let expired = invitee.get(&old_link).await;
    assert_eq!(expired.status, StatusCode::BAD_REQUEST);
    assert!(expired.text.contains("This invitation has expired"));
    let unknown = invitee.get("/invitation?token=nonsense").await;
    assert!(unknown.text.contains("This invitation link does not work"));

    let resent = admin
        .post(&format!("/admin/staff/{id}/resend-invitation"), &[])
        .await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER);
    audited(&app, "staff.invitation_resent", &id.to_string()).await;
    let (subject, body) = app.last_email_to("lan.tran@embassy.example").await;
    assert!(subject.contains("cán bộ Đại sứ quán"), "{subject}");
    let new_link = link_in(&body, "/invitation?token=");
    assert_ne!(new_link, old_link);
    assert_eq!(invitee.get(&new_link).await.status, StatusCode::OK);
}

/// An organisation and a submitted problem for Korea only; returns the problem's title.
async fn korea_only_problem(app: &TestApp) -> &'static str {
    let title = "Pin thể rắn cho xe điện (chỉ Hàn Quốc)";
    let org_id: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code, status)
         values ('Bộ Công Thương', 'Ministry of Industry and Trade', 'ministry', 'VN', 'verified')
         returning id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, title, summary, description_md, target_hubs, deadline)
         values ($1, $2, 'Tóm tắt', 'Mô tả', '{kr}', current_date + 60) returning id",
    )
    .bind(org_id)
    .bind(title)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query("update problems set status = 'submitted', submitted_at = now() where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    title
}

#[sqlx::test]
async fn assigning_a_hub_changes_what_the_staff_member_reviews(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    add_korea_hub(&app.pool).await;
    let title = korea_only_problem(&app).await;
    let (mut admin, _) = admin(&app).await;
    let (mut staff, staff_id) = signed_in(&app, "staff").await;
    add_hub_rows(&app, staff_id, &["jp"]).await;
    assert!(!staff.get("/staff/review").await.text.contains(title));

    let path = format!("/admin/staff/{staff_id}/hubs");
    let none = admin.post(&path, &[]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.text.contains("Select at least one country hub"));
    let unknown = admin.post(&path, &[("hubs", "us")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);

    let saved = admin.post(&path, &[("hubs", "kr"), ("hubs", "jp")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(staff.get("/staff/review").await.text.contains(title));
    let details = audited(&app, "staff.hubs_changed", &staff_id.to_string()).await;
    assert_eq!(details["before"], serde_json::json!(["jp"]));
    assert_eq!(details["after"], serde_json::json!(["jp", "kr"]));

    let page = admin.get(&format!("/admin/staff/{staff_id}")).await;
    assert!(page.text.contains("value=\"kr\" checked") && page.text.contains("Japan, Korea"));
    let hubs = admin.get("/admin/hubs").await.text;
    assert!(
        hubs.contains("<td class=\"num\">1</td>"),
        "staff counted per hub"
    );

    admin.post(&path, &[("hubs", "jp")]).await;
    assert!(!staff.get("/staff/review").await.text.contains(title));
}

#[sqlx::test]
async fn disabling_ends_the_session_at_once_and_refuses_sign_in_until_enabled(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, admin_id) = admin(&app).await;
    let staff_id = app
        .create_user("khoa.le@embassy.example", "staff", true)
        .await;
    add_hub_rows(&app, staff_id, &["jp"]).await;
    let mut staff = app.client();
    staff.sign_in("khoa.le@embassy.example", PASSWORD).await;
    assert_eq!(staff.get("/staff/review").await.status, StatusCode::OK);

    let path = format!("/admin/staff/{staff_id}/disable");
    let no_reason = admin.post(&path, &[("reason", "  ")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_reason
            .text
            .contains("Enter why you are disabling this account")
    );
    assert_eq!(staff.get("/staff/review").await.status, StatusCode::OK);

    let disabled = admin
        .post(&path, &[("reason", "Hết nhiệm kỳ công tác")])
        .await;
    assert_eq!(disabled.status, StatusCode::SEE_OTHER);
    let next = staff.get("/staff/review").await;
    assert_eq!(next.status, StatusCode::SEE_OTHER, "signed out at once");
    assert!(next.location().starts_with("/login"));
    assert_eq!(
        app.count(&format!(
            "select count(*) from sessions where user_id = {staff_id}"
        ))
        .await,
        0
    );
    let refused = staff.sign_in("khoa.le@embassy.example", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);

    let row: (Option<String>, Option<i64>) =
        sqlx::query_as("select disabled_reason, disabled_by from users where id = $1")
            .bind(staff_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row, (Some("Hết nhiệm kỳ công tác".into()), Some(admin_id)));
    let details = audited(&app, "staff.disabled", &staff_id.to_string()).await;
    assert_eq!(details["reason"], "Hết nhiệm kỳ công tác");
    assert_eq!(details["sessions_ended"], 1);
    let page = admin.get(&format!("/admin/staff/{staff_id}")).await.text;
    assert!(page.contains("Disabled") && page.contains("Hết nhiệm kỳ công tác"));

    let enabled = admin
        .post(&format!("/admin/staff/{staff_id}/enable"), &[])
        .await;
    assert_eq!(enabled.status, StatusCode::SEE_OTHER);
    audited(&app, "staff.enabled", &staff_id.to_string()).await;
    let back = staff.sign_in("khoa.le@embassy.example", PASSWORD).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
}

#[sqlx::test]
async fn an_admin_cannot_disable_or_reset_themself(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, admin_id) = admin(&app).await;
    let page = admin.get(&format!("/admin/staff/{admin_id}")).await;
    assert!(
        page.text
            .contains("You cannot disable your own account. Ask another administrator.")
    );
    assert!(
        !page
            .text
            .contains(&format!("/admin/staff/{admin_id}/disable"))
    );

    let refused = admin
        .post(
            &format!("/admin/staff/{admin_id}/disable"),
            &[("reason", "Thử")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("href=\"#disable\""));
    let reset = admin
        .post(&format!("/admin/staff/{admin_id}/reset-two-factor"), &[])
        .await;
    assert_eq!(reset.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("select count(*) from users where disabled_at is not null")
            .await,
        0
    );
    assert_eq!(
        admin.get("/admin").await.status,
        StatusCode::OK,
        "still signed in"
    );
}

#[sqlx::test]
async fn resetting_two_factor_removes_the_authenticator_and_ends_sessions(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut admin, _) = admin(&app).await;
    let (mut staff, staff_id) = signed_in(&app, "staff").await;
    add_hub_rows(&app, staff_id, &["jp"]).await;
    sqlx::query(
        "insert into user_totp (user_id, secret_base32, confirmed_at)
         values ($1, 'JBSWY3DPEHPK3PXP', now())
         on conflict (user_id) do update set confirmed_at = now()",
    )
    .bind(staff_id)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("insert into recovery_codes (user_id, code_hash) values ($1, '\\x01')")
        .bind(staff_id)
        .execute(&app.pool)
        .await
        .unwrap();
    let list = admin.get("/admin/staff").await.text;
    assert!(list.contains("Set up"));
    let page = admin.get(&format!("/admin/staff/{staff_id}")).await.text;
    assert!(page.contains("Reset two-factor sign-in"));

    let reset = admin
        .post(&format!("/admin/staff/{staff_id}/reset-two-factor"), &[])
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    let user = format!("user_id = {staff_id}");
    for table in ["user_totp", "recovery_codes", "sessions"] {
        let sql = format!("select count(*) from {table} where {user}");
        assert_eq!(app.count(&sql).await, 0, "{table}");
    }
    assert_eq!(
        staff.get("/staff/review").await.status,
        StatusCode::SEE_OTHER
    );
    let details = audited(&app, "staff.two_factor_reset", &staff_id.to_string()).await;
    assert_eq!(details["was_set_up"], true);
    let page = admin.get(&format!("/admin/staff/{staff_id}")).await.text;
    assert!(page.contains("Not set up"));
}

#[sqlx::test]
async fn only_admins_may_use_administration(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let target = app
        .create_user("target@embassy.example", "staff", true)
        .await;
    add_hub_rows(&app, target, &["jp"]).await;
    let staff_page = format!("/admin/staff/{target}");
    let gets = [
        "/admin",
        "/admin/hubs",
        "/admin/hubs/new",
        "/admin/hubs/jp/edit",
        "/admin/staff",
        "/admin/staff/new",
        staff_page.as_str(),
    ];
    let hubs = format!("{staff_page}/hubs");
    let disable = format!("{staff_page}/disable");
    let enable = format!("{staff_page}/enable");
    let reset = format!("{staff_page}/reset-two-factor");
    let resend = format!("{staff_page}/resend-invitation");
    // What an admin gets from an empty form: the form again, or the change made.
    let posts: [(&str, u16); 7] = [
        ("/admin/hubs/new", 422),
        ("/admin/hubs/jp/edit", 422),
        ("/admin/staff/new", 422),
        (hubs.as_str(), 422),
        (disable.as_str(), 422),
        (enable.as_str(), 303),
        (resend.as_str(), 303),
    ];

    let mut visitor = app.client();
    let mut others = Vec::new();
    for role in ["scientist", "owner", "staff"] {
        others.push(app.signed_in(role).await);
    }
    let (mut admin, _) = admin(&app).await;
    for path in gets {
        let response = visitor.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
        assert!(response.location().starts_with("/login?next="), "{path}");
        for client in others.iter_mut() {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
        assert_eq!(admin.get(path).await.status, StatusCode::OK, "{path}");
    }
    for (path, admin_status) in posts.iter().chain([(reset.as_str(), 303)].iter()) {
        let response = visitor.post(path, &[]).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "POST {path}");
        assert!(
            response.location().starts_with("/login?next="),
            "POST {path}"
        );
        for client in others.iter_mut() {
            let status = client.post(path, &[]).await.status;
            assert_eq!(status, StatusCode::FORBIDDEN, "POST {path}");
        }
        let status = admin.post(path, &[]).await.status;
        assert_eq!(status.as_u16(), *admin_status, "admin POST {path}");
    }
    // Accounts that are not staff are not administered here.
    let scientist = app
        .create_user("scientist@example.org", "scientist", true)
        .await;
    let page = admin.get(&format!("/admin/staff/{scientist}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    // The invitation page is public, and says plainly when a link is no good.
    assert_eq!(
        visitor.get("/invitation").await.status,
        StatusCode::BAD_REQUEST
    );
}
