//! The audit log viewer: each filter narrows the list, pagination, a bad date comes back with
//! its error, details are escaped, what staff of one hub may read, who may open the page, and
//! that the database itself refuses to change or remove audit rows.

use reqwest::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use crate::helpers::{TestApp, TestClient, add_korea_hub, staff_of_hubs as staff_of};

async fn admin(app: &TestApp) -> TestClient {
    let mut client = app.signed_in("admin").await;
    client.use_language("en").await;
    client
}

/// An audit event written directly, `at` a time ("2026-03-04 10:00+00"); `mark` goes into
/// its details so the page can be searched for it.
async fn event(
    pool: &PgPool,
    actor: Option<i64>,
    action: &str,
    target: (&str, &str),
    mark: &str,
    at: &str,
) -> i64 {
    sqlx::query_scalar(
        "insert into audit_events (actor_id, action, target_type, target_id, details, created_at)
         values ($1, $2, $3, $4, $5, $6::timestamptz) returning id",
    )
    .bind(actor)
    .bind(action)
    .bind(target.0)
    .bind(target.1)
    .bind(json!({ "mark": mark }))
    .bind(at)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn named(app: &TestApp, email: &str, role: &str, name: &str) -> i64 {
    let id = app.create_user(email, role, true).await;
    sqlx::query("update users set display_name = $2 where id = $1")
        .bind(id)
        .bind(name)
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

/// Which of `marks` the page shows.
fn shown<'a>(text: &str, marks: &[&'a str]) -> Vec<&'a str> {
    marks
        .iter()
        .copied()
        .filter(|m| text.contains(&format!("{m}&")))
        .collect()
}

#[sqlx::test]
async fn only_staff_and_admins_may_read_the_audit_log(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut visitor = app.client();
    let response = visitor.get("/staff/audit").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(response.location().starts_with("/login"));
    for role in ["scientist", "owner"] {
        let mut client = app.signed_in(role).await;
        assert_eq!(
            client.get("/staff/audit").await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    let (mut staff, _) = staff_of(&app, "can.bo@mofa.gov.vn", &["jp"]).await;
    assert_eq!(staff.get("/staff/audit").await.status, StatusCode::OK);
    assert_eq!(
        admin(&app).await.get("/staff/audit").await.status,
        StatusCode::OK
    );
}

#[sqlx::test]
async fn each_filter_narrows_the_log(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let lan = named(&app, "lan.nguyen@mofa.gov.vn", "staff", "Nguyễn Thị Lan").await;
    let minh = named(&app, "minh.tran@mofa.gov.vn", "staff", "Trần Văn Minh").await;
    let pool = &app.pool;
    event(
        pool,
        Some(lan),
        "problem.approved",
        ("problem", "7"),
        "mk-a",
        "2026-03-01 09:00+00",
    )
    .await;
    event(
        pool,
        Some(lan),
        "org.verified",
        ("organisation", "3"),
        "mk-b",
        "2026-03-15 23:59+00",
    )
    .await;
    event(
        pool,
        Some(minh),
        "problem.approved",
        ("problem", "8"),
        "mk-c",
        "2026-03-16 00:00+00",
    )
    .await;
    event(
        pool,
        Some(minh),
        "problem.rejected",
        ("problem", "7"),
        "mk-d",
        "2026-04-02 12:00+00",
    )
    .await;
    event(
        pool,
        None,
        "problem.expired",
        ("problem", "70"),
        "mk-e",
        "2026-05-01 00:00+00",
    )
    .await;
    let all = ["mk-a", "mk-b", "mk-c", "mk-d", "mk-e"];
    let mut admin = admin(&app).await;

    let page = admin.get("/staff/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(shown(&page.text, &all), all);
    // Newest first.
    assert!(page.text.find("mk-e&").unwrap() < page.text.find("mk-a&").unwrap());
    // Readable actions, with their codes; the system's events say so.
    assert!(page.text.contains("Problem approved"));
    assert!(
        page.text
            .contains("<code class=\"muted\">problem.approved</code>")
    );
    assert!(page.text.contains("System or deleted account"));
    assert!(page.text.contains("href=\"/staff/problems/7/decide\""));

    for (query, expected) in [
        // Part of the email, another case.
        ("actor=LAN.NGUYEN", vec!["mk-a", "mk-b"]),
        // Part of the name with its diacritics.
        ("actor=tr%E1%BA%A7n", vec!["mk-c", "mk-d"]),
        ("action=problem.approved", vec!["mk-a", "mk-c"]),
        ("target_type=problem", vec!["mk-a", "mk-c", "mk-d", "mk-e"]),
        ("target_type=problem&target_id=7", vec!["mk-a", "mk-d"]),
        ("target_id=7", vec!["mk-a", "mk-d"]),
        // Both ends are whole days (UTC).
        ("from=2026-03-01&to=2026-03-15", vec!["mk-a", "mk-b"]),
        ("from=2026-03-16", vec!["mk-c", "mk-d", "mk-e"]),
        ("to=2026-3-1", vec!["mk-a"]),
        ("actor=minh&action=problem.approved", vec!["mk-c"]),
        ("actor=nobody", vec![]),
    ] {
        let page = admin.get(&format!("/staff/audit?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        assert_eq!(shown(&page.text, &all), expected, "{query}");
    }
    let page = admin.get("/staff/audit?action=problem.approved").await;
    assert!(
        page.text
            .contains("<option value=\"problem.approved\" selected>Problem approved")
    );
    assert!(page.text.contains("Events found: 2"));
    let page = admin.get("/staff/audit?actor=nobody").await;
    assert!(page.text.contains("No events match these filters"));
}

#[sqlx::test]
async fn the_log_is_paginated_newest_first(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sqlx::query(
        "insert into audit_events (action, target_type, target_id, details, created_at)
         select 'test.bulk', 'problem', n::text, jsonb_build_object('mark', 'bulk-' || n),
                timestamptz '2026-01-01 00:00+00' + make_interval(mins => n)
           from generate_series(1, 120) n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let mut admin = admin(&app).await;

    let first = admin.get("/staff/audit?action=test.bulk").await;
    assert!(first.text.contains("Events found: 120"));
    assert!(first.text.contains("(page 1 of 3)"));
    assert_eq!(first.text.matches("bulk-").count(), 50);
    assert!(first.text.contains("bulk-120&"));
    assert!(first.text.contains("bulk-71&"));
    assert!(!first.text.contains("bulk-70&"));
    assert!(
        first
            .text
            .contains("href=\"/staff/audit?action=test.bulk&#38;page=2\" rel=\"next\"")
    );

    let last = admin.get("/staff/audit?action=test.bulk&page=3").await;
    assert!(last.text.contains("(page 3 of 3)"));
    assert_eq!(last.text.matches("bulk-").count(), 20);
    assert!(last.text.contains("bulk-1&"));
    assert!(last.text.contains("aria-current=\"page\">3<"));

    let beyond = admin.get("/staff/audit?action=test.bulk&page=4").await;
    assert_eq!(beyond.status, StatusCode::SEE_OTHER);
    assert_eq!(beyond.location(), "/staff/audit?action=test.bulk");
    let nonsense = admin.get("/staff/audit?page=-1").await;
    assert_eq!(nonsense.status, StatusCode::SEE_OTHER);
    assert_eq!(nonsense.location(), "/staff/audit");
}

#[sqlx::test]
async fn a_bad_date_comes_back_with_its_error(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut admin = admin(&app).await;
    let page = admin
        .get("/staff/audit?actor=lan&from=2026-02-30&to=yesterday")
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text.contains("<title>Error: Audit log"));
    assert!(page.text.contains("href=\"#from\""));
    assert!(page.text.contains("id=\"from-error\""));
    assert!(page.text.contains("Enter the start date as year-month-day"));
    assert!(page.text.contains("Enter the end date as year-month-day"));
    assert!(
        page.text.contains("value=\"2026-02-30\""),
        "the value is kept"
    );
    assert!(page.text.contains("value=\"lan\""));
    assert!(!page.text.contains("id=\"audit-events\""));

    let page = admin
        .get("/staff/audit?from=2026-03-02&to=2026-03-01")
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text
            .contains("The end date must be the same as or after the start date")
    );
}

#[sqlx::test]
async fn details_are_shown_escaped(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sqlx::query(
        "insert into audit_events (action, target_type, details)
         values ('org.rejected', 'organisation', $1)",
    )
    .bind(json!({ "reason": "<script>alert(1)</script>", "to": "rejected" }))
    .execute(&app.pool)
    .await
    .unwrap();
    let mut admin = admin(&app).await;
    let page = admin.get("/staff/audit?action=org.rejected").await;
    assert!(!page.text.contains("<script>alert"));
    assert!(
        page.text
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
    );
}

#[sqlx::test]
async fn staff_read_the_events_of_their_hubs_and_their_own(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    add_korea_hub(&app.pool).await;
    let pool = &app.pool;
    let (mut japan, japan_id) = staff_of(&app, "jp.staff@mofa.gov.vn", &["jp"]).await;
    let (mut korea, korea_id) = staff_of(&app, "kr.staff@mofa.gov.vn", &["kr"]).await;

    let org: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code)
         values ('Bộ KH&CN', 'MOST', 'ministry', 'VN') returning id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let problem = |hubs: &'static [&'static str]| async move {
        let id: i64 = sqlx::query_scalar(
            "insert into problems (org_id, title, summary, target_hubs)
             values ($1, 'Bài toán', 'Tóm tắt', $2) returning id",
        )
        .bind(org)
        .bind(hubs.iter().map(|h| h.to_string()).collect::<Vec<_>>())
        .fetch_one(pool)
        .await
        .unwrap();
        id.to_string()
    };
    let jp_problem = problem(&["jp"]).await;
    let kr_problem = problem(&["kr"]).await;
    let every_hub = problem(&[]).await;
    let app_ref = &app;
    let scientist = |email: &'static str, hub: &'static str| async move {
        let id = app_ref.create_user(email, "scientist", true).await;
        sqlx::query(
            "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code)
             values ($1, 'Nhà khoa học', 'researcher', 'Viện', $2)",
        )
        .bind(id)
        .bind(hub)
        .execute(pool)
        .await
        .unwrap();
        id
    };
    let jp_sci = scientist("jp.sci@example.jp", "jp").await;
    let kr_sci = scientist("kr.sci@example.kr", "kr").await;
    let kr_match: i64 = sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, note)
         values ($1::bigint, $2, 'proposal', 'Đề xuất') returning id",
    )
    .bind(&kr_problem)
    .bind(kr_sci)
    .fetch_one(pool)
    .await
    .unwrap();

    let at = "2026-06-01 00:00+00";
    let org_id = org.to_string();
    let (jp_sci_id, kr_sci_id) = (jp_sci.to_string(), kr_sci.to_string());
    let kr_match_id = kr_match.to_string();
    let korea_target = korea_id.to_string();
    event(
        pool,
        None,
        "org.registered",
        ("organisation", &org_id),
        "ev-org",
        at,
    )
    .await;
    event(
        pool,
        None,
        "problem.submitted",
        ("problem", &jp_problem),
        "ev-jp-problem",
        at,
    )
    .await;
    event(
        pool,
        None,
        "problem.submitted",
        ("problem", &kr_problem),
        "ev-kr-problem",
        at,
    )
    .await;
    event(
        pool,
        None,
        "problem.submitted",
        ("problem", &every_hub),
        "ev-all-problem",
        at,
    )
    .await;
    event(
        pool,
        None,
        "match.created",
        ("match", &kr_match_id),
        "ev-kr-match",
        at,
    )
    .await;
    event(
        pool,
        Some(jp_sci),
        "user.signed_in",
        ("user", &jp_sci_id),
        "ev-jp-user",
        at,
    )
    .await;
    event(
        pool,
        Some(kr_sci),
        "profile.saved",
        ("scientist_profile", &kr_sci_id),
        "ev-kr-profile",
        at,
    )
    .await;
    event(
        pool,
        Some(korea_id),
        "user.signed_in",
        ("user", &korea_target),
        "ev-kr-staff",
        at,
    )
    .await;
    event(
        pool,
        Some(japan_id),
        "problem.approved",
        ("problem", &kr_problem),
        "ev-jp-own",
        at,
    )
    .await;
    event(
        pool,
        None,
        "demo.seeded",
        ("demo_data", "x"),
        "ev-platform",
        at,
    )
    .await;
    let all = [
        "ev-org",
        "ev-jp-problem",
        "ev-kr-problem",
        "ev-all-problem",
        "ev-kr-match",
        "ev-jp-user",
        "ev-kr-profile",
        "ev-kr-staff",
        "ev-jp-own",
        "ev-platform",
    ];

    let page = japan
        .get("/staff/audit?from=2026-06-01&to=2026-06-01")
        .await;
    assert!(page.text.contains("You see your own actions"));
    assert_eq!(
        shown(&page.text, &all),
        [
            "ev-org",
            "ev-jp-problem",
            "ev-all-problem",
            "ev-jp-user",
            "ev-jp-own"
        ]
    );
    let page = korea
        .get("/staff/audit?from=2026-06-01&to=2026-06-01")
        .await;
    assert_eq!(
        shown(&page.text, &all),
        [
            "ev-org",
            "ev-kr-problem",
            "ev-all-problem",
            "ev-kr-match",
            "ev-kr-profile",
            "ev-kr-staff",
            "ev-jp-own"
        ]
    );
    // A filter for an event outside the hubs finds nothing rather than revealing it.
    let page = japan
        .get(&format!(
            "/staff/audit?target_type=match&target_id={kr_match}"
        ))
        .await;
    assert!(page.text.contains("Events found: 0"));

    let mut admin = admin(&app).await;
    let page = admin
        .get("/staff/audit?from=2026-06-01&to=2026-06-01")
        .await;
    assert!(!page.text.contains("You see your own actions"));
    assert_eq!(shown(&page.text, &all), all);
}

#[sqlx::test]
async fn the_database_refuses_to_change_or_remove_audit_rows(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let actor = app.create_user("lan@mofa.gov.vn", "staff", true).await;
    let id = event(
        &app.pool,
        Some(actor),
        "org.verified",
        ("organisation", "1"),
        "kept",
        "2026-03-01 09:00+00",
    )
    .await;

    for sql in [
        "update audit_events set action = 'org.rejected' where id = $1",
        "update audit_events set details = '{}' where id = $1",
        "update audit_events set created_at = now() where id = $1",
        "update audit_events set actor_id = null, details = '{}' where id = $1",
        "delete from audit_events where id = $1",
    ] {
        let refused = sqlx::query(sql).bind(id).execute(&app.pool).await;
        let message = refused.expect_err(sql).to_string();
        assert!(message.contains("append-only"), "{sql}: {message}");
    }
    let truncate = sqlx::query("truncate audit_events")
        .execute(&app.pool)
        .await;
    assert!(truncate.is_err(), "truncate is refused");

    let row: (Option<i64>, String, serde_json::Value) =
        sqlx::query_as("select actor_id, action, details from audit_events where id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        row,
        (
            Some(actor),
            "org.verified".into(),
            json!({ "mark": "kept" })
        )
    );

    // The one change allowed: deleting a person's account forgets who acted, keeps the row.
    sqlx::query("delete from users where id = $1")
        .bind(actor)
        .execute(&app.pool)
        .await
        .unwrap();
    let row: (Option<i64>, String) =
        sqlx::query_as("select actor_id, action from audit_events where id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row, (None, "org.verified".into()));
}

#[sqlx::test]
async fn the_audit_page_speaks_each_language(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    event(
        &app.pool,
        None,
        "problem.approved",
        ("problem", "1"),
        "x",
        "2026-03-01 09:00+00",
    )
    .await;
    let mut admin = app.signed_in("admin").await;
    for (lang, title, action) in [
        ("vi", "Nhật ký kiểm tra", "Phê duyệt bài toán"),
        ("ja", "監査ログ", "技術課題の承認"),
        ("en", "Audit log", "Problem approved"),
    ] {
        admin.use_language(lang).await;
        let page = admin.get("/staff/audit").await;
        assert!(page.text.contains(&format!("<h1>{title}</h1>")), "{lang}");
        assert!(page.text.contains(action), "{lang}");
    }
}
