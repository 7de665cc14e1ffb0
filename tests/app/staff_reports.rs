//! Staff CSV reports (`GET /staff/reports`, `GET /staff/reports/{name}.csv`): the files' bytes
//! (BOM, header, RFC 4180 quoting, Vietnamese and Japanese text), the columns of each report,
//! the date and hub filters and hub scoping, personal data only where staff need it, the audit
//! record of each export, who may download, the form's errors, and a report of 100,000 rows
//! streamed without the process's memory growing with it.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, add_korea_hub};

const BOM: &[u8] = b"\xEF\xBB\xBF";

// ------------------------------------------------------------------------------ seeding

/// A staff member of `hubs` (an admin when `None`), signed in and reading `lang`.
async fn staff(app: &TestApp, hubs: Option<&[&str]>, lang: &str) -> (i64, TestClient) {
    let role = if hubs.is_some() { "staff" } else { "admin" };
    let email = format!(
        "{role}-{}@embassy.example",
        hubs.unwrap_or_default().join("-")
    );
    let id = app.create_user(&email, role, true).await;
    for hub in hubs.unwrap_or_default() {
        sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, $2)")
            .bind(id)
            .bind(hub)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    let mut client = app.client();
    let response = client.sign_in(&email, PASSWORD).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    client.use_language(lang).await;
    (id, client)
}

/// A scientist account and profile (written directly: they never sign in here), created at
/// `created_at` (a timestamptz literal); returns the user id.
async fn scientist(pool: &PgPool, name: &str, hub: &str, created_at: &str) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, role, email_verified_at)
         values ('s' || md5(random()::text) || '@example.org', 'x', $1, 'scientist', now())
         returning id",
    )
    .bind(name)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code,
                                         created_at)
         values ($1, $2, 'associate_professor', 'Đại học Tohoku', $3, $4::timestamptz)",
    )
    .bind(id)
    .bind(name)
    .bind(hub)
    .bind(created_at)
    .execute(pool)
    .await
    .unwrap();
    id
}

async fn org(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, name_ja, kind, country_code, status)
         values ('Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology',
                 'ベトナム科学技術省', 'ministry', 'VN', 'verified')
         returning id",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A problem of `org_id` targeting `hubs`, created at `created_at`, taken along the review
/// path to `status` (draft, submitted or published).
async fn problem(
    pool: &PgPool,
    org_id: i64,
    author: Option<i64>,
    title: &str,
    hubs: &[&str],
    created_at: &str,
    status: &str,
) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, author_id, title, summary, target_hubs, created_at)
         values ($1, $2, $3, 'Tóm tắt', $4, $5::timestamptz) returning id",
    )
    .bind(org_id)
    .bind(author)
    .bind(title)
    .bind(hubs.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    .bind(created_at)
    .fetch_one(pool)
    .await
    .unwrap();
    let path: &[&str] = match status {
        "draft" => &[],
        "submitted" => &["submitted"],
        _ => &["submitted", "published"],
    };
    for step in path {
        sqlx::query("update problems set status = $2, submitted_at = created_at where id = $1")
            .bind(id)
            .bind(step)
            .execute(pool)
            .await
            .unwrap();
    }
    id
}

/// A match created at `created_at`; `ended` gives its end: (state, time, outcome or reason).
async fn a_match(
    pool: &PgPool,
    problem_id: i64,
    scientist_id: i64,
    created_at: &str,
    ended: Option<(&str, &str, &str)>,
) -> i64 {
    let (state, ended_at, text) = ended.unwrap_or(("pending", "", ""));
    sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, engagement_kind, note, state,
                              scientist_consent_at, owner_consent_at, staff_consent_at,
                              ended_at, end_reason, outcome_note, created_at)
         values ($1, $2, 'interest', 'joint_research', 'Tôi quan tâm', $3,
                 $4::timestamptz,
                 case when $3 = 'completed' then $4::timestamptz + interval '2 days' end,
                 case when $3 = 'completed' then $4::timestamptz + interval '5 days' end,
                 nullif($5, '')::timestamptz,
                 case when $3 in ('declined', 'withdrawn') then $6 end,
                 case when $3 = 'completed' then $6 end,
                 $4::timestamptz)
         returning id",
    )
    .bind(problem_id)
    .bind(scientist_id)
    .bind(state)
    .bind(created_at)
    .bind(ended_at)
    .bind(text)
    .fetch_one(pool)
    .await
    .unwrap()
}

// ------------------------------------------------------------------------------ reading

/// A GET with the client's session, answering the raw response (the helpers read text; a
/// CSV is read here as bytes, or chunk by chunk).
async fn raw_get(app: &TestApp, client: &TestClient, path: &str) -> reqwest::Response {
    raw_get_at(&app.origin(), client, path).await
}

/// The same, to the server at `origin`.
async fn raw_get_at(origin: &str, client: &TestClient, path: &str) -> reqwest::Response {
    let cookie = client
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{origin}{path}"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

/// The records of a CSV report (the BOM checked and removed, the header first).
async fn csv_records(app: &TestApp, client: &TestClient, path: &str) -> Vec<Vec<String>> {
    let response = raw_get(app, client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let bytes = response.bytes().await.unwrap();
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(BOM), "the file starts with the UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[BOM.len()..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The values of column `heading` in every row (below the header).
fn column(records: &[Vec<String>], heading: &str) -> Vec<String> {
    let index = records[0]
        .iter()
        .position(|h| h == heading)
        .unwrap_or_else(|| panic!("no column {heading} in {:?}", records[0]));
    records[1..].iter().map(|r| r[index].clone()).collect()
}

fn sorted(mut values: Vec<String>) -> Vec<String> {
    values.sort();
    values
}

// ------------------------------------------------------------------------------ the files

#[sqlx::test]
async fn the_file_has_a_bom_a_header_in_the_readers_language_and_rfc_4180_quoting(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let awkward = "Nguyễn \"Bob\", Jr.\nDòng hai";
    let id = scientist(&app.pool, awkward, "jp", "2026-03-10 09:00+00").await;
    sqlx::query(
        "update scientist_profiles
            set affiliation = '東北大学 金属材料研究所, 仙台', city = '=HYPERLINK(\"x\")',
                name_reading = 'グエン・ボブ', visibility = 'staff'
          where user_id = $1",
    )
    .bind(id)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into profile_languages (user_id, language_code, level)
         values ($1, 'vi', 'native'), ($1, 'ja', 'fluent')",
    )
    .bind(id)
    .execute(&app.pool)
    .await
    .unwrap();
    let (_, mut client) = staff(&app, Some(&["jp"]), "en").await;

    let response = raw_get(
        &app,
        &client,
        "/staff/reports/scientists.csv?from=2026-03-01",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let today = time::OffsetDateTime::now_utc().date();
    assert_eq!(
        response.headers()["content-disposition"].to_str().unwrap(),
        format!(
            "attachment; filename=\"knowbridge-scientists-2026-03-01-{:04}-{:02}-{:02}.csv\"",
            today.year(),
            u8::from(today.month()),
            today.day()
        )
    );
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(BOM));
    let text = std::str::from_utf8(&bytes[BOM.len()..]).unwrap();
    assert!(text.starts_with("ID,Full name,Japanese reading,Position,Affiliation,"));
    assert!(text.contains("\r\n"), "records end with CRLF");
    // Quotes doubled, the field quoted because of the comma, quote and line break.
    assert!(
        text.contains("\"Nguyễn \"\"Bob\"\", Jr.\nDòng hai\""),
        "{text}"
    );

    let records = parse(&bytes);
    assert_eq!(records.len(), 2);
    assert_eq!(column(&records, "Full name"), [awkward]);
    assert_eq!(
        column(&records, "Affiliation"),
        ["東北大学 金属材料研究所, 仙台"]
    );
    assert_eq!(column(&records, "Japanese reading"), ["グエン・ボブ"]);
    // A spreadsheet would run this as a formula; it is written as text.
    assert_eq!(column(&records, "City"), ["'=HYPERLINK(\"x\")"]);
    assert_eq!(column(&records, "Position"), ["Associate professor"]);
    assert_eq!(
        column(&records, "Languages"),
        ["Vietnamese (Native); Japanese (Fluent)"]
    );
    assert_eq!(column(&records, "Profile visibility"), ["Staff only"]);
    assert_eq!(column(&records, "Created"), ["2026-03-10"]);

    client.use_language("ja").await;
    let records = csv_records(&app, &client, "/staff/reports/scientists.csv").await;
    assert_eq!(&records[0][..4], ["ID", "氏名", "フリガナ", "職位"]);
    assert_eq!(column(&records, "氏名"), [awkward]);
    assert_eq!(column(&records, "職位"), ["准教授"]);
    assert_eq!(
        column(&records, "使用言語"),
        ["ベトナム語（母語）、日本語（堪能）"]
    );
    assert_eq!(column(&records, "国別拠点"), ["日本"]);

    client.use_language("vi").await;
    let records = csv_records(&app, &client, "/staff/reports/scientists.csv").await;
    assert_eq!(
        &records[0][..4],
        ["Mã số", "Họ và tên", "Cách đọc tiếng Nhật", "Chức danh"]
    );
    assert_eq!(column(&records, "Chức danh"), ["Phó giáo sư"]);
    assert_eq!(column(&records, "Mạng lưới quốc gia"), ["Nhật Bản"]);
    assert_eq!(column(&records, "Phạm vi hiển thị hồ sơ"), ["Chỉ cán bộ"]);
}

const SCIENTIST_COLUMNS: [&str; 21] = [
    "ID",
    "Full name",
    "Japanese reading",
    "Position",
    "Affiliation",
    "Country hub",
    "City",
    "Highest degree",
    "Years abroad",
    "Fields",
    "Languages",
    "Kinds of engagement offered",
    "Hours a month",
    "Available from",
    "Available until",
    "Willing to travel",
    "ORCID iD",
    "Profile visibility",
    "Account",
    "Created",
    "Last updated",
];

const PROBLEM_COLUMNS: [&str; 25] = [
    "ID",
    "Title",
    "Organisation",
    "Kind of organisation",
    "Status",
    "Who can see it",
    "Fields",
    "Kinds of engagement sought",
    "Working languages",
    "Funding mechanism",
    "Country hubs reached",
    "Lowest budget",
    "Highest budget",
    "Currency",
    "Location",
    "Duration (months)",
    "Application deadline",
    "Created",
    "Submitted",
    "Published",
    "Closed",
    "Problem outcome",
    "What happened",
    "Matches",
    "Matches active or completed",
];

const MATCH_COLUMNS: [&str; 19] = [
    "ID",
    "Started",
    "How it started",
    "Kind of engagement",
    "State",
    "Problem ID",
    "Problem",
    "Organisation",
    "Scientist ID",
    "Scientist",
    "Scientist's country hub",
    "Scientist's consent",
    "Problem owner's consent",
    "Embassy approval",
    "Ended",
    "Possible conflict of interest",
    "Scientist's email",
    "Problem owner's contact",
    "Contact's email",
];

const OUTCOME_COLUMNS: [&str; 18] = [
    "ID",
    "Ended",
    "Result",
    "Outcome or reason",
    "Problem ID",
    "Problem",
    "Organisation",
    "Problem status",
    "Problem outcome",
    "Scientist ID",
    "Scientist",
    "Scientist's country hub",
    "How it started",
    "Kind of engagement",
    "Started",
    "Became active",
    "Days to become active",
    "Days active",
];

#[sqlx::test]
async fn each_report_has_its_columns_in_a_fixed_order_and_contact_data_only_where_needed(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let org_id = org(&app.pool).await;
    let author = app.create_user("tac.gia@most.gov.vn", "owner", true).await;
    let an = scientist(&app.pool, "Trần Văn An", "jp", "2026-01-05 00:00+00").await;
    let binh = scientist(&app.pool, "Lê Thị Bình", "jp", "2026-01-06 00:00+00").await;
    let p = problem(
        &app.pool,
        org_id,
        Some(author),
        "Thiết kế chip bán dẫn công suất GaN",
        &["jp"],
        "2026-01-10 00:00+00",
        "published",
    )
    .await;
    problem(
        &app.pool,
        org_id,
        Some(author),
        "Bản nháp",
        &[],
        "2026-01-11 00:00+00",
        "draft",
    )
    .await;
    let live = a_match(&app.pool, p, an, "2026-02-01 10:00+00", None).await;
    let done = a_match(
        &app.pool,
        p,
        binh,
        "2026-02-02 10:00+00",
        Some(("completed", "2026-03-20 08:00+00", "Dự án đã khởi động")),
    )
    .await;
    let (_, client) = staff(&app, Some(&["jp"]), "en").await;

    let records = csv_records(&app, &client, "/staff/reports/scientists.csv").await;
    assert_eq!(records[0], SCIENTIST_COLUMNS);
    assert!(
        !records.concat().iter().any(|cell| cell.contains('@')),
        "no email in the scientists report"
    );

    let records = csv_records(&app, &client, "/staff/reports/problems.csv").await;
    assert_eq!(records[0], PROBLEM_COLUMNS);
    assert_eq!(
        column(&records, "Title"),
        ["Thiết kế chip bán dẫn công suất GaN"]
    );
    assert_eq!(
        column(&records, "Organisation"),
        ["Ministry of Science and Technology"]
    );
    assert_eq!(column(&records, "Status"), ["Published"]);
    assert_eq!(column(&records, "Matches"), ["2"]);
    assert_eq!(column(&records, "Matches active or completed"), ["1"]);

    let records = csv_records(&app, &client, "/staff/reports/matches.csv").await;
    assert_eq!(records[0], MATCH_COLUMNS);
    assert_eq!(column(&records, "ID"), [live.to_string(), done.to_string()]);
    assert_eq!(
        column(&records, "State"),
        ["Waiting for consent", "Completed"]
    );
    // Contacts for the match in progress only.
    let an_email: String = sqlx::query_scalar("select email from users where id = $1")
        .bind(an)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        column(&records, "Scientist's email"),
        [an_email, String::new()]
    );
    assert_eq!(
        column(&records, "Contact's email"),
        ["tac.gia@most.gov.vn", ""]
    );
    assert_eq!(
        column(&records, "Problem owner's contact"),
        ["Test owner", ""]
    );

    let records = csv_records(&app, &client, "/staff/reports/outcomes.csv").await;
    assert_eq!(records[0], OUTCOME_COLUMNS);
    assert_eq!(column(&records, "ID"), [done.to_string()]);
    assert_eq!(column(&records, "Result"), ["Completed"]);
    assert_eq!(
        column(&records, "Outcome or reason"),
        ["Dự án đã khởi động"]
    );
    assert_eq!(column(&records, "Ended"), ["2026-03-20"]);
    assert_eq!(column(&records, "Became active"), ["2026-02-07"]);
    assert_eq!(column(&records, "Days to become active"), ["5"]);
    assert_eq!(column(&records, "Days active"), ["40"]);
    assert!(!records.concat().iter().any(|cell| cell.contains('@')));
}

// ------------------------------------------------------------------------------ filters

#[sqlx::test]
async fn the_date_filter_includes_both_whole_days_and_nothing_outside(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for (name, at) in [
        ("before", "2026-02-28 23:59:59+00"),
        ("first", "2026-03-01 00:00:00+00"),
        ("last", "2026-03-31 23:59:59.999+00"),
        ("after", "2026-04-01 00:00:00+00"),
    ] {
        scientist(&app.pool, name, "jp", at).await;
    }
    let (_, client) = staff(&app, Some(&["jp"]), "en").await;
    let names = |records: Vec<Vec<String>>| sorted(column(&records, "Full name"));

    let march = "/staff/reports/scientists.csv?from=2026-03-01&to=2026-03-31";
    assert_eq!(
        names(csv_records(&app, &client, march).await),
        ["first", "last"]
    );
    let from = "/staff/reports/scientists.csv?from=2026-03-01";
    assert_eq!(
        names(csv_records(&app, &client, from).await),
        ["after", "first", "last"]
    );
    let to = "/staff/reports/scientists.csv?to=2026-03-31";
    assert_eq!(
        names(csv_records(&app, &client, to).await),
        ["before", "first", "last"]
    );
    let one_day = "/staff/reports/scientists.csv?from=2026-03-01&to=2026-03-01";
    assert_eq!(names(csv_records(&app, &client, one_day).await), ["first"]);
}

#[sqlx::test]
async fn outcomes_are_dated_by_when_the_match_ended_and_matches_by_when_it_started(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let org_id = org(&app.pool).await;
    let p = problem(
        &app.pool,
        org_id,
        None,
        "Bài toán",
        &["jp"],
        "2026-01-01 00:00+00",
        "published",
    )
    .await;
    let a = scientist(&app.pool, "A", "jp", "2026-01-01 00:00+00").await;
    let b = scientist(&app.pool, "B", "jp", "2026-01-01 00:00+00").await;
    // Started in January, ended in March; started in March, ended in April.
    let january = a_match(
        &app.pool,
        p,
        a,
        "2026-01-15 00:00+00",
        Some(("declined", "2026-03-05 00:00+00", "Không phù hợp lịch")),
    )
    .await;
    let march = a_match(
        &app.pool,
        p,
        b,
        "2026-03-15 00:00+00",
        Some(("withdrawn", "2026-04-02 00:00+00", "Bận")),
    )
    .await;
    let (_, client) = staff(&app, Some(&["jp"]), "en").await;
    let range = "from=2026-03-01&to=2026-03-31";

    let outcomes = csv_records(
        &app,
        &client,
        &format!("/staff/reports/outcomes.csv?{range}"),
    )
    .await;
    assert_eq!(column(&outcomes, "ID"), [january.to_string()]);
    assert_eq!(column(&outcomes, "Result"), ["Declined"]);
    assert_eq!(
        column(&outcomes, "Outcome or reason"),
        ["Không phù hợp lịch"]
    );
    assert_eq!(column(&outcomes, "Days active"), [""]);
    let matches = csv_records(
        &app,
        &client,
        &format!("/staff/reports/matches.csv?{range}"),
    )
    .await;
    assert_eq!(column(&matches, "ID"), [march.to_string()]);
}

#[sqlx::test]
async fn staff_get_their_hubs_only_and_may_narrow_to_one(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    add_korea_hub(&app.pool).await;
    scientist(&app.pool, "Ở Nhật", "jp", "2026-01-01 00:00+00").await;
    scientist(&app.pool, "Ở Hàn", "kr", "2026-01-01 00:00+00").await;
    let org_id = org(&app.pool).await;
    for (title, hubs) in [
        ("Cho Nhật", &["jp"][..]),
        ("Cho Hàn", &["kr"][..]),
        ("Cho mọi nơi", &[][..]),
    ] {
        problem(
            &app.pool,
            org_id,
            None,
            title,
            hubs,
            "2026-01-02 00:00+00",
            "published",
        )
        .await;
    }
    let titles = |records: Vec<Vec<String>>| sorted(column(&records, "Title"));
    let names = |records: Vec<Vec<String>>| sorted(column(&records, "Full name"));

    let (_, mut japan) = staff(&app, Some(&["jp"]), "en").await;
    let scientists = csv_records(&app, &japan, "/staff/reports/scientists.csv").await;
    assert_eq!(names(scientists), ["Ở Nhật"]);
    let problems = csv_records(&app, &japan, "/staff/reports/problems.csv").await;
    assert_eq!(titles(problems), ["Cho Nhật", "Cho mọi nơi"]);
    for name in ["scientists", "problems", "matches", "outcomes"] {
        let other_hub = format!("/staff/reports/{name}.csv?hub=kr");
        assert_eq!(
            raw_get(&app, &japan, &other_hub).await.status(),
            StatusCode::FORBIDDEN,
            "{name}"
        );
    }
    assert_eq!(
        japan.get("/staff/reports?hub=kr").await.status,
        StatusCode::FORBIDDEN
    );

    let (_, both) = staff(&app, Some(&["jp", "kr"]), "en").await;
    let korea = csv_records(&app, &both, "/staff/reports/scientists.csv?hub=kr").await;
    assert_eq!(names(korea), ["Ở Hàn"]);
    let korea = csv_records(&app, &both, "/staff/reports/problems.csv?hub=kr").await;
    assert_eq!(titles(korea), ["Cho Hàn", "Cho mọi nơi"]);

    let (_, admin) = staff(&app, None, "en").await;
    let all = csv_records(&app, &admin, "/staff/reports/problems.csv").await;
    assert_eq!(titles(all), ["Cho Hàn", "Cho Nhật", "Cho mọi nơi"]);
    let korea = csv_records(&app, &admin, "/staff/reports/scientists.csv?hub=kr").await;
    assert_eq!(names(korea), ["Ở Hàn"]);
    assert_eq!(
        raw_get(&app, &admin, "/staff/reports/scientists.csv?hub=zz")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

// ------------------------------------------------------------------------------ access

#[sqlx::test]
async fn only_staff_and_admins_may_open_reports(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut visitor = app.client();
    for path in ["/staff/reports", "/staff/reports/scientists.csv"] {
        let response = visitor.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
        assert!(response.location().starts_with("/login"), "{path}");
    }
    for role in ["scientist", "owner"] {
        let mut client = app.signed_in(role).await;
        for path in [
            "/staff/reports",
            "/staff/reports/scientists.csv",
            "/staff/reports/matches.csv",
        ] {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role} {path}"
            );
        }
    }
    let (_, staff_client) = staff(&app, Some(&["jp"]), "en").await;
    let (_, admin) = staff(&app, None, "en").await;
    for client in [&staff_client, &admin] {
        for path in [
            "/staff/reports/users.csv",
            "/staff/reports/scientists",
            "/staff/reports/scientists.xlsx",
        ] {
            assert_eq!(
                raw_get(&app, client, path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        for name in ["scientists", "problems", "matches", "outcomes"] {
            let path = format!("/staff/reports/{name}.csv");
            assert_eq!(raw_get(&app, client, &path).await.status(), StatusCode::OK);
        }
    }
}

#[sqlx::test]
async fn every_export_is_recorded_in_the_audit_log(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (staff_id, client) = staff(&app, Some(&["jp"]), "ja").await;
    let path = "/staff/reports/matches.csv?from=2026-01-01&to=2026-06-30&hub=jp";
    let response = raw_get(&app, &client, path).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (actor, target, details): (Option<i64>, Option<String>, serde_json::Value) =
        sqlx::query_as(
            "select actor_id, target_id, details from audit_events
              where action = 'report.exported' order by id desc limit 1",
        )
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(actor, Some(staff_id));
    assert_eq!(target.as_deref(), Some("matches"));
    assert_eq!(details["name"], "matches");
    assert_eq!(details["from"], "2026-01-01");
    assert_eq!(details["to"], "2026-06-30");
    assert_eq!(details["hub"], "jp");
    assert_eq!(details["locale"], "ja");
    raw_get(&app, &client, "/staff/reports/scientists.csv").await;
    let (name, hub): (serde_json::Value, serde_json::Value) = sqlx::query_as(
        "select details->'name', details->'hub' from audit_events
          where action = 'report.exported' order by id desc limit 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((name.as_str(), hub.is_null()), (Some("scientists"), true));
}

// ------------------------------------------------------------------------------ the page

#[sqlx::test]
async fn the_page_lists_the_four_reports_with_their_row_counts_and_links(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    scientist(&app.pool, "Một", "jp", "2026-03-02 00:00+00").await;
    scientist(&app.pool, "Hai", "jp", "2026-05-02 00:00+00").await;
    let (_, mut client) = staff(&app, Some(&["jp"]), "en").await;

    let page = client
        .get("/staff/reports?from=2026-03-01&to=2026-03-31&action=apply")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    for name in ["Scientists", "Technology problems", "Matches", "Outcomes"] {
        assert!(page.text.contains(name), "{name}");
    }
    assert!(page.text.contains("From 1 March 2026 to 31 March 2026"));
    assert!(
        page.text
            .contains("href=\"/staff/reports/scientists.csv?from=2026-03-01&#38;to=2026-03-31\"")
    );
    let row = &page.text[page.text.find("<th scope=\"row\">Scientists").unwrap()..];
    assert!(row[..row.find("</tr>").unwrap()].contains("<td class=\"num\">1</td>"));
    assert!(page.text.contains("Personal data in these reports"));

    client.use_language("ja").await;
    let page = client.get("/staff/reports").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("<h1>レポート</h1>"));
    assert!(page.text.contains("全期間"));
    client.use_language("vi").await;
    let page = client.get("/staff/reports").await;
    assert!(page.text.contains("<h1>Báo cáo</h1>"));
    assert!(page.text.contains("Mọi thời gian"));
}

#[sqlx::test]
async fn bad_dates_are_shown_beside_their_fields_in_the_readers_language(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, mut client) = staff(&app, Some(&["jp"]), "en").await;

    // A CSV link with a date that does not exist goes back to the form.
    let response = raw_get(
        &app,
        &client,
        "/staff/reports/outcomes.csv?from=2026-02-30&to=2026-03-31",
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        location,
        "/staff/reports?report=outcomes&from=2026-02-30&to=2026-03-31&action=download"
    );
    let page = client.get(&location).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text.contains("<title>Error: Reports"));
    assert!(page.text.contains("The first day must be a real date"));
    assert!(page.text.contains("value=\"2026-02-30\""));
    assert!(page.text.contains("aria-invalid=\"true\""));
    assert!(page.text.contains("<option value=\"outcomes\" selected>"));
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'report.exported'")
            .await,
        0,
        "nothing was exported"
    );

    let page = client
        .get("/staff/reports?from=2026-04-01&to=2026-03-01&action=apply")
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text
            .contains("The last day must be the same as or after the first day")
    );
    let page = client
        .get("/staff/reports?from=1%2F3%2F2026&action=download")
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text.contains("Enter the first day as year-month-day"));
    assert!(page.text.contains("Select the report to download"));

    client.use_language("ja").await;
    let page = client
        .get("/staff/reports?to=2026-13-01&action=apply")
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text
            .contains("期間の終了日には実在する日付を入力してください")
    );
    client.use_language("vi").await;
    let page = client.get("/staff/reports?to=hôm-nay&action=apply").await;
    assert!(
        page.text
            .contains("Nhập ngày cuối cùng theo dạng năm-tháng-ngày")
    );

    // With good values, Download goes to the file.
    let response = client
        .get("/staff/reports?report=problems&from=2026-01-01&to=&hub=jp&action=download")
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(
        response.location(),
        "/staff/reports/problems.csv?from=2026-01-01&hub=jp"
    );
}

// ------------------------------------------------------------------------------ streaming

/// `knowbridge serve` on the test's database in a process of its own, so that its memory can
/// be measured apart from the other tests, which run in this process at the same time (one
/// password hash alone takes 19 MiB). Sessions live in the database, so a client signed in
/// through the in-process app is signed in here too. Killed when dropped.
struct ServerProcess {
    child: std::process::Child,
    origin: String,
}

impl ServerProcess {
    async fn start(pool: &PgPool) -> ServerProcess {
        // The test database, reached as the pool reaches it (a password, if any, is in the
        // environment's DATABASE_URL).
        let options = pool.connect_options();
        let mut url = match std::env::var("DATABASE_URL") {
            Ok(text) => url::Url::parse(&text).unwrap(),
            Err(_) => url::Url::parse(&format!(
                "postgres://{}@{}:{}/",
                options.get_username(),
                options.get_host(),
                options.get_port()
            ))
            .unwrap(),
        };
        url.set_path(options.get_database().unwrap());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_knowbridge"))
            .arg("serve")
            .env("DATABASE_URL", url.as_str())
            .env("BIND", format!("127.0.0.1:{port}"))
            .env_remove("BASE_URL")
            .env("LOG", "error")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let server = ServerProcess {
            child,
            origin: format!("http://127.0.0.1:{port}"),
        };
        for _ in 0..300 {
            let ready = reqwest::get(format!("{}/healthz", server.origin)).await;
            if ready.is_ok_and(|r| r.status() == StatusCode::OK) {
                return server;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("knowbridge serve did not start");
    }

    /// The server's resident memory, in bytes.
    fn rss_bytes(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        kb * 1024
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// 100,000 scientists make a file of about 35 MB. A server that gathered the rows (or the
/// file) before sending would hold all of it at once, plus the decoded rows: its memory would
/// grow by more than the file's size. Streamed, it holds a few 64 KiB chunks and the buffers
/// of one connection. The bound, a quarter of the file (about 9 MB), leaves room for allocator
/// slack and is far below what buffering would cost.
#[sqlx::test]
async fn a_report_of_100000_rows_is_streamed_without_memory_growing_with_it(pool: PgPool) {
    const ROWS: usize = 100_000;
    let app = TestApp::spawn(pool).await;
    sqlx::query(
        "insert into users (email, password_hash, display_name, role, email_verified_at)
         select 'nha.khoa.hoc.' || g || '@example.org', 'x', 'Nhà khoa học ' || g,
                'scientist', now()
           from generate_series(1, $1) g",
    )
    .bind(ROWS as i32)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code,
                                         city, highest_degree, years_abroad)
         select id, 'Nguyễn Thị Ngọc Ánh ' || id, 'researcher',
                'Viện Nghiên cứu Vật liệu Tiên tiến, Đại học Tohoku (東北大学 金属材料研究所), '
                || 'Phòng thí nghiệm bán dẫn công suất', 'jp', 'Sendai 仙台',
                'Tiến sĩ Khoa học vật liệu', 12
           from users where role = 'scientist'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (_, client) = staff(&app, Some(&["jp"]), "vi").await;
    let server = ServerProcess::start(&app.pool).await;
    // Once small, so that what a first request allocates once is counted before we measure.
    let warm_up = raw_get_at(&server.origin, &client, "/staff/reports/outcomes.csv").await;
    assert_eq!(warm_up.status(), StatusCode::OK);
    parse(&warm_up.bytes().await.unwrap());

    let before = server.rss_bytes();
    let mut peak = before;
    let mut response = raw_get_at(&server.origin, &client, "/staff/reports/scientists.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get("content-length").is_none(),
        "a streamed body has no length up front"
    );
    assert_eq!(response.headers()["transfer-encoding"], "chunked");
    let (mut size, mut chunks, mut lines, mut head) = (0usize, 0usize, 0usize, Vec::new());
    while let Some(chunk) = response.chunk().await.unwrap() {
        if head.len() < 4096 {
            head.extend_from_slice(&chunk[..chunk.len().min(4096)]);
        }
        size += chunk.len();
        chunks += 1;
        lines += chunk.iter().filter(|b| **b == b'\n').count();
        if chunks % 8 == 0 {
            peak = peak.max(server.rss_bytes());
        }
    }
    peak = peak.max(server.rss_bytes());
    let growth = peak.saturating_sub(before);
    eprintln!("streamed {size} bytes in {chunks} chunks; server memory grew by {growth} bytes");

    assert!(head.starts_with(BOM));
    assert_eq!(lines, ROWS + 1, "a header and one line per scientist");
    assert!(size >= 30_000_000, "the file is large: {size} bytes");
    assert!(chunks >= 100, "the body came in many chunks: {chunks}");
    assert!(
        growth < (size / 4) as u64,
        "memory grew by {growth} bytes while streaming {size} bytes"
    );
}
