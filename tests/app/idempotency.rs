//! Idempotency keys (`web::idempotency`): every state-changing form, sent twice with the key of
//! the page that showed it, acts once and answers the same, and its key is recorded by the
//! transaction that wrote; two simultaneous submissions make one row; a refused submission
//! keeps nothing and its key works once the form is corrected; keys are scoped to the person;
//! the same key with other content, a malformed key, a key still in progress; the clean-up;
//! and every form in every template carries a key.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, TestResponse, link_in};

const REPLAYED: &str = "idempotent-replayed";
const NEW_PASSWORD: &str = "mật khẩu mới của cán bộ 2026";

// ---------------------------------------------------------------------------------------------
// Pages and forms

/// Every `<form method="post" …>…</form>` block of a page.
fn post_forms(html: &str) -> Vec<&str> {
    let mut forms = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<form") {
        let block = &rest[start..];
        let end = block
            .find("</form>")
            .map_or(block.len(), |e| e + "</form>".len());
        let form = &block[..end];
        let open_tag = &form[..form.find('>').unwrap_or(form.len())];
        if open_tag.contains("method=\"post\"") {
            forms.push(form);
        }
        rest = &block[end..];
    }
    forms
}

fn key_in(form: &str) -> Option<String> {
    let marker = "name=\"idempotency_key\" value=\"";
    let start = form.find(marker)? + marker.len();
    let end = form[start..].find('"')?;
    Some(form[start..start + end].to_string())
}

/// Every post form on the page carries its own well-formed key.
fn assert_every_form_has_a_key(page: &str, html: &str) {
    let forms = post_forms(html);
    let mut keys: Vec<String> = forms
        .iter()
        .map(|form| {
            let key = key_in(form).unwrap_or_else(|| panic!("{page}: a form has no key: {form}"));
            assert!(
                knowbridge::web::idempotency::is_valid_key(&key),
                "{page}: {key}"
            );
            key
        })
        .collect();
    let count = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), count, "{page}: every form has its own key");
}

/// The key of the form on `html` that posts to `action` (its `action` or a button's
/// `formaction`), and that contains `pick` when several do.
fn form_key(html: &str, action: &str, pick: Option<&str>) -> Option<String> {
    post_forms(html)
        .into_iter()
        .filter(|form| {
            form.contains(&format!("action=\"{action}\""))
                || form.contains(&format!("formaction=\"{action}\""))
        })
        .find(|form| pick.is_none_or(|p| form.contains(p)))
        .and_then(key_in)
}

/// The one-time message cookie a response sets, if any.
fn flash(response: &TestResponse) -> Option<String> {
    response
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("kb_flash=") && !v.contains("Max-Age=0"))
        .map(str::to_string)
}

// ---------------------------------------------------------------------------------------------
// The database's content

/// A digest of every table's content, by table. Left out: sessions and rate-limit counters
/// (touched by every request), the keys themselves, and the content of the email outbox (the
/// delivery worker updates it in the background; its row count is kept).
async fn fingerprint(pool: &PgPool) -> BTreeMap<String, String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "select table_name::text from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'
            and table_name not in ('sessions', 'rate_limit_hits', 'idempotency_keys',
                                   '_sqlx_migrations')
          order by 1",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut digest = BTreeMap::new();
    for table in tables {
        let sql = if table == "emails" {
            "select count(*)::text from emails".to_string()
        } else {
            format!(
                "select count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' order by r::text)), '')
                   from \"{table}\" r"
            )
        };
        let value: String = sqlx::query_scalar(&sql).fetch_one(pool).await.unwrap();
        digest.insert(table, value);
    }
    digest
}

fn changed(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    after
        .iter()
        .filter(|(table, value)| before.get(*table) != Some(*value))
        .map(|(table, _)| table.clone())
        .collect()
}

/// Opens `page`, takes the key of its form for `action`, and sends the form with `fields`
/// twice: the second time as a browser retrying after the answer was lost (the same cookies,
/// the same body). The first acts; the second is answered the same and writes nothing.
async fn twice(
    app: &TestApp,
    who: &mut TestClient,
    page: &str,
    action: &str,
    pick: Option<&str>,
    fields: &[(&str, &str)],
) -> TestResponse {
    let shown = who.get(page).await;
    assert_eq!(shown.status, StatusCode::OK, "{page}: {}", shown.text);
    assert_every_form_has_a_key(page, &shown.text);
    let key = form_key(&shown.text, action, pick)
        .unwrap_or_else(|| panic!("{page} has a form for {action}:\n{}", shown.text));
    let mut form = fields.to_vec();
    form.push(("idempotency_key", &key));

    let cookies = who.cookies.clone();
    let before = fingerprint(&app.pool).await;
    let first = who.post(action, &form).await;
    assert_eq!(
        first.status,
        StatusCode::SEE_OTHER,
        "{action}: {}",
        first.text
    );
    assert_eq!(first.header(REPLAYED), "", "{action}");
    let after_first = fingerprint(&app.pool).await;
    let written = changed(&before, &after_first);
    assert!(
        !written.is_empty(),
        "{action}: the first submission changed nothing"
    );
    assert_recorded_with_the_write(&app.pool, &key, &written, action).await;

    who.cookies = cookies;
    let second = who.post(action, &form).await;
    assert_eq!(second.status, first.status, "{action}: {}", second.text);
    assert_eq!(second.location(), first.location(), "{action}");
    assert_eq!(second.header(REPLAYED), "true", "{action}");
    assert_eq!(flash(&second), flash(&first), "{action}: the same message");
    let after_second = fingerprint(&app.pool).await;
    assert_eq!(
        changed(&after_first, &after_second),
        Vec::<String>::new(),
        "{action}: the second submission wrote"
    );
    first
}

/// The key was recorded `done` by the very transaction that wrote (the handler's, through
/// `RequestContext::commit`): some row it wrote carries the same transaction id. Recorded
/// afterwards, a commit whose acknowledgement is lost would free the key and let a retry write
/// again.
async fn assert_recorded_with_the_write(pool: &PgPool, key: &str, tables: &[String], action: &str) {
    let (state, xid): (String, String) =
        sqlx::query_as("select state, xmin::text from idempotency_keys where key = $1")
            .bind(key)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(state, "done", "{action}");
    let mut rows = 0;
    for table in tables {
        let sql = format!("select count(*) from \"{table}\" where xmin::text = $1");
        let count: i64 = sqlx::query_scalar(&sql)
            .bind(&xid)
            .fetch_one(pool)
            .await
            .unwrap();
        rows += count;
    }
    assert!(
        rows > 0,
        "{action}: the key was not recorded in the transaction that wrote {tables:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// People and records

/// A new verified user of `role`, signed in and reading English.
async fn person(app: &TestApp, email: &str, role: &str) -> (i64, TestClient) {
    let id = app.create_user(email, role, true).await;
    let mut client = app.client();
    let response = client.sign_in(email, PASSWORD).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    client.use_language("en").await;
    (id, client)
}

async fn exec(pool: &PgPool, sql: &str, id: i64) {
    sqlx::query(sql).bind(id).execute(pool).await.unwrap();
}

/// An organisation in `status` with `member` in it; returns its id.
async fn org(pool: &PgPool, name: &str, status: &str, member: Option<i64>) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code, status)
         values ($1, $1, 'research_institute', 'VN', $2) returning id",
    )
    .bind(name)
    .bind(status)
    .fetch_one(pool)
    .await
    .unwrap();
    if let Some(member) = member {
        sqlx::query("insert into org_members (org_id, user_id) values ($1, $2)")
            .bind(id)
            .bind(member)
            .execute(pool)
            .await
            .unwrap();
    }
    id
}

/// A problem of `org_id` for the Japan hub, taken along the review path to `status`.
async fn problem(pool: &PgPool, org_id: i64, title: &str, status: &str) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, title, summary, target_hubs, confidentiality, deadline)
         values ($1, $2, 'Tóm tắt bài toán', '{jp}', 'public', current_date + 60) returning id",
    )
    .bind(org_id)
    .bind(title)
    .fetch_one(pool)
    .await
    .unwrap();
    exec(
        pool,
        "insert into problem_engagements (problem_id, kind)
         values ($1, 'joint_research'), ($1, 'advisory')",
        id,
    )
    .await;
    exec(
        pool,
        "insert into problem_fields (problem_id, field_code) values ($1, 'semi.chip_design')",
        id,
    )
    .await;
    let path: &[&str] = match status {
        "draft" => &[],
        "submitted" => &["submitted"],
        "published" => &["submitted", "published"],
        other => panic!("no path to {other}"),
    };
    for status in path {
        sqlx::query("update problems set status = $2, published_at = now() where id = $1")
            .bind(id)
            .bind(status)
            .execute(pool)
            .await
            .unwrap();
    }
    id
}

/// A saved public profile in the Japan hub for scientist `id`.
async fn profile(pool: &PgPool, id: i64) {
    exec(
        pool,
        "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code,
                                         visibility)
         values ($1, 'Nguyễn Thị Ngọc Ánh', 'associate_professor', 'Tohoku University', 'jp',
                 'public')",
        id,
    )
    .await;
    exec(
        pool,
        "insert into profile_engagements (user_id, kind)
         values ($1, 'joint_research'), ($1, 'advisory')",
        id,
    )
    .await;
}

fn id_after(location: &str, prefix: &str) -> i64 {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['#', '?', '/']).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{location} starts with {prefix} and an id"))
}

fn next_year() -> String {
    (time::OffsetDateTime::now_utc().year() + 1).to_string()
}

fn org_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name_vi", "Bộ Khoa học và Công nghệ"),
        ("name_en", "Ministry of Science and Technology"),
        ("name_ja", "科学技術省"),
        ("kind", "ministry"),
        ("country", "vn"),
        ("website", "https://most.gov.vn"),
    ]
}

fn profile_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("full_name", "Nguyễn Thị Ngọc Ánh"),
        ("position", "associate_professor"),
        ("affiliation", "Tohoku University"),
        ("hub", "jp"),
        ("fields", "semi.chip_design"),
        ("keywords", "bán dẫn công suất, GaN"),
        ("summary", "Tôi nghiên cứu thiết kế chip bán dẫn."),
        ("languages", "vi:native"),
        ("engagement_kinds", "joint_research"),
        ("available_hours_per_month", "20"),
        ("visibility", "public"),
    ]
}

// ---------------------------------------------------------------------------------------------
// Every state-changing form, sent twice

#[sqlx::test]
async fn every_account_profile_and_organisation_form_acts_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;

    let (scientist_id, mut scientist) = person(&app, "anh@tohoku.ac.jp", "scientist").await;
    let saved = twice(
        &app,
        &mut scientist,
        "/me/profile",
        "/me/profile",
        None,
        &profile_form(),
    )
    .await;
    assert!(scientist.get(saved.location()).await.text.contains("saved"));
    assert_eq!(
        app.count("select count(*) from scientist_profiles").await,
        1
    );
    exec(
        &app.pool,
        "insert into notifications (user_id, message_key, args, link)
         values ($1, 'notice-match-proposed-you', '{}', '/me/matches')",
        scientist_id,
    )
    .await;
    twice(
        &app,
        &mut scientist,
        "/notifications",
        "/notifications/read",
        None,
        &[],
    )
    .await;

    app.create_user("late@example.org", "scientist", false)
        .await;
    let mut late = app.client();
    late.sign_in("late@example.org", PASSWORD).await;
    twice(&app, &mut late, "/", "/verify-email/resend", None, &[]).await;
    assert_eq!(
        app.count("select count(*) from emails where to_address = 'late@example.org'")
            .await,
        1,
        "one email, not two"
    );

    let (_, mut owner) = person(&app, "minh@most.gov.vn", "owner").await;
    let created = twice(
        &app,
        &mut owner,
        "/orgs/new",
        "/orgs/new",
        None,
        &org_form(),
    )
    .await;
    assert!(created.location().starts_with("/orgs/"));
    assert_eq!(app.count("select count(*) from organisations").await, 1);
    assert_eq!(app.count("select count(*) from org_members").await, 1);

    // Deleting the account ends the session and its CSRF token: a retry after the answer is
    // refused as an expired form before it reaches its key, and deletes nothing more.
    let page = scientist.get("/me/delete").await;
    assert_every_form_has_a_key("/me/delete", &page.text);
    let key = form_key(&page.text, "/me/delete", None).unwrap();
    let form = [("password", PASSWORD), ("idempotency_key", key.as_str())];
    let cookies = scientist.cookies.clone();
    let deleted = scientist.post("/me/delete", &form).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.text);
    assert_eq!(deleted.location(), "/");
    let after = fingerprint(&app.pool).await;
    scientist.cookies = cookies;
    let retried = scientist.post("/me/delete", &form).await;
    assert_eq!(retried.status, StatusCode::FORBIDDEN);
    assert!(retried.text.contains("The form had expired"));
    assert_eq!(
        changed(&after, &fingerprint(&app.pool).await),
        Vec::<String>::new()
    );
}

#[sqlx::test]
async fn every_problem_and_review_form_acts_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (owner_id, mut owner) = person(&app, "lan@most.gov.vn", "owner").await;
    let (staff_id, mut staff) = person(&app, "staff.jp@mofa.gov.vn", "staff").await;
    exec(
        &app.pool,
        "insert into staff_hubs (user_id, hub_code) values ($1, 'jp')",
        staff_id,
    )
    .await;
    let org_id = org(&app.pool, "Viện Hàn lâm", "verified", Some(owner_id)).await;
    let org_text = org_id.to_string();
    let year = next_year();
    let mut form: Vec<(&str, &str)> = vec![
        ("org_id", &org_text),
        ("title", "Thiết kế chip bán dẫn công suất cho xe điện"),
        ("summary", "Chúng tôi cần chuyên gia thiết kế chip GaN."),
        ("description", "Nhà máy mới cần thiết kế chip."),
        ("fields", "semi.chip_design"),
        ("keywords", "GaN"),
        ("engagement_kinds", "joint_research"),
        ("working_languages", "vi"),
        ("mechanism", "joint_research_fund"),
        ("currency", "VND"),
        ("duration_months", "18"),
        ("location", "Hà Nội"),
        ("deadline_day", "27"),
        ("deadline_month", "3"),
        ("deadline_year", &year),
        ("target_hubs", "jp"),
        ("confidentiality", "public"),
    ];
    let created = twice(
        &app,
        &mut owner,
        "/problems/new",
        "/problems/new",
        None,
        &form,
    )
    .await;
    let id = id_after(created.location(), "/problems/");
    assert_eq!(app.count("select count(*) from problems").await, 1);
    let p = format!("/problems/{id}");

    form.retain(|(k, _)| *k != "title");
    form.push(("title", "Chip GaN cho xe điện"));
    twice(
        &app,
        &mut owner,
        &format!("{p}/edit"),
        &format!("{p}/edit"),
        None,
        &form,
    )
    .await;
    twice(&app, &mut owner, &p, &format!("{p}/submit"), None, &[]).await;

    let decide = format!("/staff/problems/{id}/decide");
    let reason = [("reason", "Hãy nêu rõ ngân sách.")];
    twice(
        &app,
        &mut staff,
        &decide,
        &format!("/staff/problems/{id}/request-changes"),
        None,
        &reason,
    )
    .await;
    owner.get(&p).await;
    let resubmitted = owner.post(&format!("{p}/submit"), &[]).await;
    assert_eq!(
        resubmitted.status,
        StatusCode::SEE_OTHER,
        "{}",
        resubmitted.text
    );
    twice(
        &app,
        &mut staff,
        &decide,
        &format!("/staff/problems/{id}/approve"),
        None,
        &[("reason", "")],
    )
    .await;
    twice(
        &app,
        &mut owner,
        &format!("{p}/close"),
        &format!("{p}/close"),
        None,
        &[
            ("outcome", "fulfilled"),
            ("outcome_note", "Hợp tác với Đại học Tohoku."),
        ],
    )
    .await;

    let other = problem(&app.pool, org_id, "Pin natri-ion", "submitted").await;
    twice(
        &app,
        &mut staff,
        &format!("/staff/problems/{other}/decide"),
        &format!("/staff/problems/{other}/reject"),
        None,
        &reason,
    )
    .await;

    for (status, action, fields) in [
        ("unverified", "verify", &[][..]),
        ("unverified", "reject", &reason[..]),
        ("verified", "members", &[("email", "lan@most.gov.vn")][..]),
    ] {
        let member = (action != "members").then_some(owner_id);
        let id = org(&app.pool, &format!("Tổ chức {action}"), status, member).await;
        twice(
            &app,
            &mut staff,
            &format!("/staff/orgs/{id}"),
            &format!("/staff/orgs/{id}/{action}"),
            None,
            fields,
        )
        .await;
    }
}

#[sqlx::test]
async fn every_match_form_acts_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (owner_id, mut owner) = person(&app, "owner@vast.vn", "owner").await;
    let (scientist_id, mut scientist) = person(&app, "anh@tohoku.ac.jp", "scientist").await;
    scientist.get("/me/profile").await;
    let saved = scientist.post("/me/profile", &profile_form()).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let (staff_id, mut staff) = person(&app, "staff.jp@mofa.gov.vn", "staff").await;
    exec(
        &app.pool,
        "insert into staff_hubs (user_id, hub_code) values ($1, 'jp')",
        staff_id,
    )
    .await;
    let org_id = org(&app.pool, "Viện Hàn lâm", "verified", Some(owner_id)).await;
    let mut problems = Vec::new();
    for title in [
        "Chip GaN",
        "Pin natri-ion",
        "Lưới điện thông minh",
        "Nông nghiệp số",
    ] {
        problems.push(problem(&app.pool, org_id, title, "published").await);
    }

    // Interest, the owner's and the embassy's consent, a message, completion.
    let p = problems[0];
    let interest = twice(
        &app,
        &mut scientist,
        &format!("/problems/{p}/interest"),
        &format!("/problems/{p}/interest"),
        None,
        &[
            ("engagement_kind", "joint_research"),
            ("note", "Tôi có 10 năm kinh nghiệm."),
        ],
    )
    .await;
    let m = id_after(interest.location(), "/matches/");
    assert_eq!(app.count("select count(*) from matches").await, 1);
    let page = format!("/matches/{m}");
    twice(
        &app,
        &mut owner,
        &page,
        &format!("/matches/{m}/accept"),
        None,
        &[],
    )
    .await;
    twice(
        &app,
        &mut staff,
        &page,
        &format!("/staff/matches/{m}/approve"),
        None,
        &[],
    )
    .await;
    twice(
        &app,
        &mut scientist,
        &page,
        &format!("/matches/{m}/messages"),
        None,
        &[("body", "Chào anh, tuần sau họp nhé.")],
    )
    .await;
    twice(
        &app,
        &mut owner,
        &page,
        &format!("/matches/{m}/complete"),
        None,
        &[("outcome_note", "Đã ký hợp đồng nghiên cứu.")],
    )
    .await;

    // The owner's invitation, declined by the scientist.
    let p = problems[1];
    let sid = scientist_id.to_string();
    let invited = twice(
        &app,
        &mut owner,
        &format!("/problems/{p}/candidates"),
        &format!("/problems/{p}/invitations"),
        Some(&format!("name=\"scientist_id\" value=\"{sid}\"")),
        &[("scientist_id", &sid), ("note", "Chúng tôi mời chị.")],
    )
    .await;
    let m = id_after(invited.location(), "/matches/");
    twice(
        &app,
        &mut scientist,
        &format!("/matches/{m}"),
        &format!("/matches/{m}/decline"),
        None,
        &[("reason", "Tôi không có thời gian.")],
    )
    .await;

    // The embassy's proposal, withdrawn by the scientist.
    let p = problems[2].to_string();
    let proposed = twice(
        &app,
        &mut staff,
        "/staff/matches/new",
        "/staff/matches",
        None,
        &[
            ("problem_id", &p),
            ("scientist_id", &sid),
            ("note", "Đề xuất"),
        ],
    )
    .await;
    let m = id_after(proposed.location(), "/matches/");
    twice(
        &app,
        &mut scientist,
        &format!("/matches/{m}"),
        &format!("/matches/{m}/withdraw"),
        None,
        &[("withdraw_reason", "Tôi đã chuyển công tác.")],
    )
    .await;

    // Interest the embassy does not approve.
    let p = problems[3];
    scientist.get(&format!("/problems/{p}/interest")).await;
    let interest = scientist
        .post(
            &format!("/problems/{p}/interest"),
            &[("engagement_kind", "joint_research"), ("note", "Tư vấn")],
        )
        .await;
    let m = id_after(interest.location(), "/matches/");
    twice(
        &app,
        &mut staff,
        &format!("/matches/{m}"),
        &format!("/staff/matches/{m}/reject"),
        None,
        &[("reason", "Xung đột lợi ích.")],
    )
    .await;
    assert_eq!(app.count("select count(*) from matches").await, 4);
    assert_eq!(app.count("select count(*) from match_messages").await, 1);
}

#[sqlx::test]
async fn every_staff_and_admin_form_acts_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, mut admin) = person(&app, "admin@mofa.gov.vn", "admin").await;
    let (staff_id, mut staff) = person(&app, "staff.jp@mofa.gov.vn", "staff").await;
    exec(
        &app.pool,
        "insert into staff_hubs (user_id, hub_code) values ($1, 'jp')",
        staff_id,
    )
    .await;
    let target = app
        .create_user("binh@kyoto-u.ac.jp", "scientist", true)
        .await;
    profile(&app.pool, target).await;

    let user_page = format!("/staff/users/{target}");
    for action in ["suspend", "restore"] {
        twice(
            &app,
            &mut staff,
            &user_page,
            &format!("/staff/users/{target}/{action}"),
            None,
            &[("reason", "Xác minh danh tính")],
        )
        .await;
    }

    twice(
        &app,
        &mut admin,
        "/admin/hubs/new",
        "/admin/hubs/new",
        None,
        &[
            ("code", "kr"),
            ("country_code", "KR"),
            ("name_vi", "Hàn Quốc"),
            ("name_ja", "韓国"),
            ("name_en", "Korea"),
        ],
    )
    .await;
    twice(
        &app,
        &mut admin,
        "/admin/hubs/kr/edit",
        "/admin/hubs/kr/edit",
        None,
        &[
            ("name_vi", "Hàn Quốc"),
            ("name_ja", "大韓民国"),
            ("name_en", "South Korea"),
        ],
    )
    .await;

    twice(
        &app,
        &mut admin,
        "/admin/staff/new",
        "/admin/staff/new",
        None,
        &[
            ("email", "lan.tran@embassy.example"),
            ("display_name", "Trần Thị Lan"),
            ("hubs", "jp"),
            ("locale", "vi"),
        ],
    )
    .await;
    assert_eq!(
        app.count("select count(*) from users where email = 'lan.tran@embassy.example'")
            .await,
        1
    );
    let invited: i64 =
        sqlx::query_scalar("select id from users where email = 'lan.tran@embassy.example'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let invited_page = format!("/admin/staff/{invited}");
    twice(
        &app,
        &mut admin,
        &invited_page,
        &format!("/admin/staff/{invited}/resend-invitation"),
        None,
        &[],
    )
    .await;

    let staff_page = format!("/admin/staff/{staff_id}");
    for (action, fields) in [
        ("hubs", &[("hubs", "jp"), ("hubs", "kr")][..]),
        ("reset-two-factor", &[][..]),
        ("disable", &[("reason", "Hết nhiệm kỳ")][..]),
        ("enable", &[][..]),
    ] {
        twice(
            &app,
            &mut admin,
            &staff_page,
            &format!("/admin/staff/{staff_id}/{action}"),
            None,
            fields,
        )
        .await;
    }

    let (_, body) = app.last_email_to("lan.tran@embassy.example").await;
    let link = link_in(&body, "/invitation?token=");
    let token = link.split_once("token=").unwrap().1.to_string();
    let mut invitee = app.client();
    let accepted = twice(
        &app,
        &mut invitee,
        &link,
        "/invitation",
        None,
        &[
            ("token", &token),
            ("password", NEW_PASSWORD),
            ("password_confirm", NEW_PASSWORD),
        ],
    )
    .await;
    assert_eq!(accepted.location(), "/login");
}

// ---------------------------------------------------------------------------------------------
// Concurrency, refusals, scope, content, waiting

/// A second browser with the same cookies (the same person, the same session).
async fn same_browser(app: &TestApp, of: &TestClient) -> TestClient {
    let mut twin = app.client();
    twin.cookies = of.cookies.clone();
    twin.get("/").await;
    twin
}

#[sqlx::test]
async fn simultaneous_submissions_with_one_key_make_one_row(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, mut owner) = person(&app, "minh@most.gov.vn", "owner").await;
    let page = owner.get("/orgs/new").await;
    let key = form_key(&page.text, "/orgs/new", None).unwrap();
    let mut form = org_form();
    form.push(("idempotency_key", &key));

    let mut clients = vec![owner];
    for _ in 0..3 {
        let twin = same_browser(&app, &clients[0]).await;
        clients.push(twin);
    }
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|mut client| {
            let form: Vec<(String, String)> = form
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            tokio::spawn(async move {
                let fields: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                client.post("/orgs/new", &fields).await
            })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
        assert_eq!(answer.location(), answers[0].location());
    }
    assert_eq!(
        answers
            .iter()
            .filter(|a| a.header(REPLAYED).is_empty())
            .count(),
        1,
        "one acted, the others were replayed"
    );
    assert_eq!(app.count("select count(*) from organisations").await, 1);
    assert_eq!(app.count("select count(*) from org_members").await, 1);

    // The double click on a consent, as two requests at the same moment.
    let (scientist_id, mut scientist) = person(&app, "anh@tohoku.ac.jp", "scientist").await;
    profile(&app.pool, scientist_id).await;
    let org_id = org(&app.pool, "Viện Hàn lâm", "verified", None).await;
    let p = problem(&app.pool, org_id, "Chip GaN", "published").await;
    let path = format!("/problems/{p}/interest");
    let page = scientist.get(&path).await;
    let key = form_key(&page.text, &path, None).unwrap();
    let mut twin = same_browser(&app, &scientist).await;
    let fields = [
        ("engagement_kind", "joint_research"),
        ("note", "Tôi quan tâm."),
        ("idempotency_key", key.as_str()),
    ];
    let (a, b) = tokio::join!(scientist.post(&path, &fields), twin.post(&path, &fields));
    assert_eq!((a.status, a.location()), (b.status, b.location()));
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text);
    assert_eq!(app.count("select count(*) from matches").await, 1);
}

#[sqlx::test]
async fn a_refused_submission_keeps_nothing_and_its_key_works_once_corrected(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, mut owner) = person(&app, "minh@most.gov.vn", "owner").await;
    let page = owner.get("/orgs/new").await;
    let key = form_key(&page.text, "/orgs/new", None).unwrap();
    let mut form: Vec<(&str, &str)> = org_form()
        .into_iter()
        .filter(|(k, _)| *k != "name_vi")
        .collect();
    form.push(("idempotency_key", &key));

    for _ in 0..2 {
        let refused = owner.post("/orgs/new", &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.header(REPLAYED), "");
        assert!(
            refused
                .text
                .contains("Enter the name of the organisation in Vietnamese")
        );
    }
    assert_eq!(app.count("select count(*) from organisations").await, 0);
    assert_eq!(app.count("select count(*) from idempotency_keys").await, 0);

    form.push(("name_vi", "Bộ Khoa học và Công nghệ"));
    let saved = owner.post("/orgs/new", &form).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let again = owner.post("/orgs/new", &form).await;
    assert_eq!(again.location(), saved.location());
    assert_eq!(again.header(REPLAYED), "true");
    assert_eq!(app.count("select count(*) from organisations").await, 1);
}

#[sqlx::test]
async fn a_key_is_scoped_to_whoever_sent_it_and_forms_without_one_work_as_before(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, mut first) = person(&app, "minh@most.gov.vn", "owner").await;
    let (_, mut second) = person(&app, "lan@most.gov.vn", "owner").await;
    let page = first.get("/orgs/new").await;
    let key = form_key(&page.text, "/orgs/new", None).unwrap();
    let mut form = org_form();
    form.push(("idempotency_key", &key));

    let mine = first.post("/orgs/new", &form).await;
    let theirs = second.post("/orgs/new", &form).await;
    assert_eq!(theirs.status, StatusCode::SEE_OTHER);
    assert_eq!(theirs.header(REPLAYED), "", "not someone else's answer");
    assert_ne!(theirs.location(), mine.location());
    assert_eq!(app.count("select count(*) from organisations").await, 2);
    assert_eq!(
        app.count("select count(distinct scope) from idempotency_keys")
            .await,
        2
    );

    // Visitors are told apart by their CSRF cookie.
    let mut one = app.client();
    let mut other = app.client();
    one.get("/").await;
    other.get("/").await;
    let key = knowbridge::auth::tokens::random_token();
    let fields = [("idempotency_key", key.as_str())];
    for visitor in [&mut one, &mut other] {
        let answer = visitor.post("/verify-email/resend", &fields).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert_eq!(answer.header(REPLAYED), "");
    }

    // Clients that send no key are served as before: each post acts.
    let plain = org_form();
    first.post("/orgs/new", &plain).await;
    first.post("/orgs/new", &plain).await;
    assert_eq!(app.count("select count(*) from organisations").await, 4);
}

#[sqlx::test]
async fn the_same_key_with_other_content_or_a_malformed_key_changes_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, mut owner) = person(&app, "minh@most.gov.vn", "owner").await;
    let page = owner.get("/orgs/new").await;
    let key = form_key(&page.text, "/orgs/new", None).unwrap();
    let mut form = org_form();
    form.push(("idempotency_key", &key));
    owner.post("/orgs/new", &form).await;

    let before = fingerprint(&app.pool).await;
    form.push(("name_ja", "別の名前"));
    let other = owner.post("/orgs/new", &form).await;
    assert_eq!(other.status, StatusCode::CONFLICT);
    assert!(other.text.contains("This form has already been sent"));
    assert!(other.text.contains("reload the page"));

    let elsewhere = owner
        .post(
            "/problems/new",
            &[("title", "x"), ("idempotency_key", key.as_str())],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::CONFLICT);

    for bad in [
        "short",
        "has spaces in it, which keys never have",
        &"k".repeat(200),
    ] {
        let mut form = org_form();
        form.push(("idempotency_key", bad));
        let refused = owner.post("/orgs/new", &form).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(refused.text.contains("Part of the form was damaged"));
        assert!(refused.text.contains("class=\"request-id\""));
    }
    assert_eq!(
        changed(&before, &fingerprint(&app.pool).await),
        Vec::<String>::new()
    );
}

#[sqlx::test]
async fn a_submission_still_in_progress_is_waited_for_and_a_stuck_one_never_runs_again(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let (_, mut owner) = person(&app, "minh@most.gov.vn", "owner").await;
    let page = owner.get("/orgs/new").await;
    let key = form_key(&page.text, "/orgs/new", None).unwrap();
    let mut form = org_form();
    form.push(("idempotency_key", &key));
    let first = owner.post("/orgs/new", &form).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);

    // As if the process had crashed while the first submission ran: its key stays in progress.
    sqlx::query(
        "update idempotency_keys set state = 'in_progress', status = null, location = null",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let before = fingerprint(&app.pool).await;
    let started = Instant::now();
    let stuck = owner.post("/orgs/new", &form).await;
    let waited = started.elapsed();
    assert_eq!(stuck.status, StatusCode::CONFLICT);
    assert!(stuck.text.contains("This form is already being sent"));
    assert!(stuck.text.contains("class=\"request-id\""));
    assert!(waited >= Duration::from_millis(4500), "{waited:?}");
    assert!(waited < Duration::from_secs(15), "{waited:?}");
    assert_eq!(
        changed(&before, &fingerprint(&app.pool).await),
        Vec::<String>::new()
    );
    assert_eq!(app.count("select count(*) from organisations").await, 1);

    // A key in progress for over a minute was abandoned: the answer comes without waiting.
    sqlx::query("update idempotency_keys set created_at = now() - interval '2 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    for (lang, title) in [
        ("vi", "Biểu mẫu này đang được gửi"),
        ("ja", "このフォームは送信中です"),
    ] {
        owner.use_language(lang).await;
        let started = Instant::now();
        let page = owner.post("/orgs/new", &form).await;
        assert_eq!(page.status, StatusCode::CONFLICT);
        assert!(page.text.contains(title), "{lang}");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{lang}: no wait"
        );
    }
    assert_eq!(app.count("select count(*) from organisations").await, 1);

    // The first submission finishes while the second waits: the second answers as it did.
    sqlx::query("update idempotency_keys set created_at = now()")
        .execute(&app.pool)
        .await
        .unwrap();
    let location = first.location().to_string();
    let pool = app.pool.clone();
    let finisher = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(800)).await;
        sqlx::query(
            "update idempotency_keys set state = 'done', status = 303, location = $1,
                    finished_at = now()",
        )
        .bind(location)
        .execute(&pool)
        .await
        .unwrap();
    });
    let started = Instant::now();
    let replayed = owner.post("/orgs/new", &form).await;
    finisher.await.unwrap();
    assert_eq!(replayed.status, StatusCode::SEE_OTHER, "{}", replayed.text);
    assert_eq!(replayed.location(), first.location());
    assert_eq!(replayed.header(REPLAYED), "true");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(app.count("select count(*) from organisations").await, 1);
}

#[sqlx::test]
async fn keys_are_removed_after_a_day(pool: PgPool) {
    for (key, age) in [
        ("old-key-0123456789", "25 hours"),
        ("new-key-0123456789", "1 hour"),
    ] {
        sqlx::query(&format!(
            "insert into idempotency_keys
                    (scope, key, request_path, body_sha256, claimed_by, created_at)
             values ('user:1', $1, '/orgs/new', '\\x00', 'test', now() - interval '{age}')"
        ))
        .bind(key)
        .execute(&pool)
        .await
        .unwrap();
    }
    let mut conn = pool.acquire().await.unwrap();
    let removed = knowbridge::web::idempotency::delete_old(&mut conn)
        .await
        .unwrap();
    assert_eq!(removed, 1);
    let left: Vec<String> = sqlx::query_scalar("select key from idempotency_keys")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(left, ["new-key-0123456789"]);
}

/// Every post form of every template carries a key (the pages above check the rendered ones).
#[test]
fn every_post_form_in_the_templates_carries_an_idempotency_key() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut pending = vec![root];
    let mut forms = 0;
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // A form that opens in two branches of an `if` is one block with its fields.
            for form in post_forms(&text) {
                forms += 1;
                assert!(
                    form.contains(
                        "<input type=\"hidden\" name=\"idempotency_key\" \
                         value=\"{{ ctx.form_key() }}\">"
                    ),
                    "{}: a post form without a key:\n{form}",
                    path.display()
                );
            }
        }
    }
    assert!(forms >= 40, "{forms} forms found");
}
