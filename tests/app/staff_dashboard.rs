//! The staff dashboard (`GET /staff`): every figure on the page equals a count computed here,
//! independently, from the seeded rows; every chart comes with its title, description, data
//! table and CSV link; hub scoping and the hub filter; who may open it; the reader's language.
//!
//! The page's data tables carry `data-code` on each row and `data-value` on each number, and
//! the headline figures `data-figure`, so the test reads numbers, not formatted text.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use sqlx::PgPool;
use time::{Date, Month, OffsetDateTime};

use crate::helpers::{TestApp, TestClient, add_korea_hub};

// ------------------------------------------------------------------------------ seeding

/// A scientist account and profile created `days_ago`.
async fn scientist(
    app: &TestApp,
    email: &str,
    hub: &str,
    position: &str,
    fields: &[&str],
    kinds: &[&str],
    days_ago: i32,
) -> i64 {
    let id = app.create_user(email, "scientist", true).await;
    sqlx::query(
        "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code,
                                         created_at)
         values ($1, 'Nguyễn Thị Ngọc Ánh', $2, 'Đại học Tokyo', $3,
                 now() - make_interval(days => $4))",
    )
    .bind(id)
    .bind(position)
    .bind(hub)
    .bind(days_ago)
    .execute(&app.pool)
    .await
    .unwrap();
    for field in fields {
        sqlx::query("insert into profile_fields (user_id, field_code) values ($1, $2)")
            .bind(id)
            .bind(field)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    for kind in kinds {
        sqlx::query("insert into profile_engagements (user_id, kind) values ($1, $2)")
            .bind(id)
            .bind(kind)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    id
}

async fn org(pool: &PgPool, name: &str, kind: &str, status: &str) -> i64 {
    sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code, status)
         values ($1, $1, $2, 'VN', $3) returning id",
    )
    .bind(name)
    .bind(kind)
    .bind(status)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A problem that walks `steps` (status, hours ago) from draft, as the workflow would: each
/// step sets the status (the database guard checks the path) and writes its history line.
async fn problem(
    pool: &PgPool,
    org_id: i64,
    hubs: &[&str],
    fields: &[&str],
    kinds: &[&str],
    steps: &[(&str, f64)],
) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, title, summary, target_hubs, created_at)
         values ($1, 'Bài toán', 'Tóm tắt', $2, now() - interval '500 days') returning id",
    )
    .bind(org_id)
    .bind(hubs.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    .fetch_one(pool)
    .await
    .unwrap();
    for field in fields {
        sqlx::query("insert into problem_fields (problem_id, field_code) values ($1, $2)")
            .bind(id)
            .bind(field)
            .execute(pool)
            .await
            .unwrap();
    }
    for kind in kinds {
        sqlx::query("insert into problem_engagements (problem_id, kind) values ($1, $2)")
            .bind(id)
            .bind(kind)
            .execute(pool)
            .await
            .unwrap();
    }
    for (status, hours_ago) in steps {
        let event = match *status {
            "published" => "approved",
            other => other,
        };
        sqlx::query(
            "update problems
                set status = $2,
                    submitted_at = case when $2 = 'submitted'
                                        then now() - make_interval(secs => $3)
                                        else submitted_at end,
                    published_at = case when $2 = 'published'
                                        then now() - make_interval(secs => $3)
                                        else published_at end,
                    closed_at = case when $2 = 'closed'
                                     then now() - make_interval(secs => $3)
                                     else closed_at end,
                    outcome = case when $2 = 'closed' then 'fulfilled' else outcome end
              where id = $1",
        )
        .bind(id)
        .bind(status)
        .bind(hours_ago * 3600.0)
        .execute(pool)
        .await
        .unwrap();
        sqlx::query(
            "insert into problem_events (problem_id, event, created_at)
             values ($1, $2, now() - make_interval(secs => $3))",
        )
        .bind(id)
        .bind(event)
        .bind(hours_ago * 3600.0)
        .execute(pool)
        .await
        .unwrap();
    }
    id
}

/// A match created `created_h` hours ago with the consents given then; `activated_h` writes
/// the `activated` history line (active and completed matches).
#[allow(clippy::too_many_arguments)]
async fn a_match(
    pool: &PgPool,
    problem_id: i64,
    scientist_id: i64,
    origin: &str,
    kind: Option<&str>,
    state: &str,
    consents: [bool; 3],
    created_h: f64,
    activated_h: Option<f64>,
) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, engagement_kind, note, state,
                              scientist_consent_at, owner_consent_at, staff_consent_at,
                              ended_at, outcome_note, created_at)
         values ($1, $2, $3, $4, 'Ghi chú', $5,
                 case when $6 then now() - make_interval(secs => $9) end,
                 case when $7 then now() - make_interval(secs => $9) end,
                 case when $8 then now() - make_interval(secs => $9) end,
                 case when $5 in ('declined', 'withdrawn') then now() end,
                 case when $5 = 'completed' then 'Hoàn thành tốt' end,
                 now() - make_interval(secs => $9))
         returning id",
    )
    .bind(problem_id)
    .bind(scientist_id)
    .bind(origin)
    .bind(kind)
    .bind(state)
    .bind(consents[0])
    .bind(consents[1])
    .bind(consents[2])
    .bind(created_h * 3600.0)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into match_events (match_id, event, created_at)
         values ($1, 'created', now() - make_interval(secs => $2))",
    )
    .bind(id)
    .bind(created_h * 3600.0)
    .execute(pool)
    .await
    .unwrap();
    if let Some(hours) = activated_h {
        sqlx::query(
            "insert into match_events (match_id, event, created_at)
             values ($1, 'activated', now() - make_interval(secs => $2))",
        )
        .bind(id)
        .bind(hours * 3600.0)
        .execute(pool)
        .await
        .unwrap();
    }
    id
}

const DAY: f64 = 24.0;

/// Two hubs, scientists in both (one disabled, one without fields), organisations in every
/// state, problems in every status for Japan, Korea, both and every hub, and matches in every
/// state. What the Japan staff member's funnel and medians must be is worked out beside the
/// rows; everything else is counted by the tests from the tables.
async fn seed(app: &TestApp) {
    let pool = &app.pool;
    add_korea_hub(pool).await;
    let s1 = scientist(
        app,
        "s1@x.org",
        "jp",
        "professor",
        &["oecd.1.1", "tech.ai"],
        &["joint_research", "advisory"],
        40,
    )
    .await;
    let s2 = scientist(
        app,
        "s2@x.org",
        "jp",
        "researcher",
        &["oecd.2.2"],
        &["short_teaching"],
        70,
    )
    .await;
    let s3 = scientist(app, "s3@x.org", "jp", "researcher", &[], &["advisory"], 0).await;
    let s4 = scientist(
        app,
        "s4@x.org",
        "jp",
        "engineer",
        &["oecd.2.3"],
        &["joint_research"],
        0,
    )
    .await;
    sqlx::query("update users set disabled_at = now() where id = $1")
        .bind(s4)
        .execute(pool)
        .await
        .unwrap();
    let s5 = scientist(
        app,
        "s5@x.org",
        "kr",
        "postdoc",
        &["oecd.3.1"],
        &["host_trainees"],
        0,
    )
    .await;
    let s6 = scientist(
        app,
        "s6@x.org",
        "kr",
        "professor",
        &["oecd.1.2"],
        &["advisory"],
        100,
    )
    .await;

    let ministry = org(pool, "Bộ KH&CN", "ministry", "verified").await;
    let enterprise = org(pool, "Công ty Ánh Dương", "enterprise", "verified").await;
    let university = org(pool, "Đại học Đà Nẵng", "university", "unverified").await;
    let agency = org(pool, "Cục Sở hữu trí tuệ", "agency", "rejected").await;

    // Published (jp) 2 days after submission; candidate s1 (same area as oecd.1.3, offers
    // joint research); an active match (4 days from creation to activation).
    let p1 = problem(
        pool,
        ministry,
        &["jp"],
        &["oecd.1.3"],
        &["joint_research"],
        &[("submitted", 12.0 * DAY), ("published", 10.0 * DAY)],
    )
    .await;
    // Every hub; published after 3 days, then closed; candidate s2; a completed match
    // (2 days to activation).
    let p2 = problem(
        pool,
        enterprise,
        &[],
        &["oecd.2.2"],
        &["short_teaching"],
        &[
            ("submitted", 33.0 * DAY),
            ("published", 30.0 * DAY),
            ("closed", DAY),
        ],
    )
    .await;
    // Japan and Korea; changes requested once: 5 days from the first submission. Its only
    // exact candidate s4 is disabled, s2 (same area) offers no kind it seeks: no candidate.
    let p3 = problem(
        pool,
        ministry,
        &["jp", "kr"],
        &["oecd.2.3"],
        &["joint_research"],
        &[
            ("submitted", 9.0 * DAY),
            ("changes_requested", 8.0 * DAY),
            ("submitted", 7.0 * DAY),
            ("published", 4.0 * DAY),
        ],
    )
    .await;
    // Korea only: counted for Korea and admins, never for Japan (30 days to publication).
    let p4 = problem(
        pool,
        enterprise,
        &["kr"],
        &["oecd.3.2"],
        &["host_trainees"],
        &[("submitted", 40.0 * DAY), ("published", 10.0 * DAY)],
    )
    .await;
    let _p5 = problem(
        pool,
        ministry,
        &["jp"],
        &[],
        &[],
        &[("submitted", 2.0 * DAY)],
    )
    .await;
    let _p6 = problem(pool, university, &["jp"], &[], &[], &[]).await;
    // Expired after publication (1 day); candidate s1 through the area "tech" and advisory.
    let p7 = problem(
        pool,
        enterprise,
        &["jp"],
        &["tech.quantum"],
        &["advisory"],
        &[
            ("submitted", 21.0 * DAY),
            ("published", 20.0 * DAY),
            ("expired", 2.0 * DAY),
        ],
    )
    .await;
    let _p8 = problem(
        pool,
        ministry,
        &["jp"],
        &[],
        &[],
        &[("submitted", 6.0 * DAY), ("changes_requested", 5.0 * DAY)],
    )
    .await;
    let _p9 = problem(
        pool,
        agency,
        &["kr"],
        &[],
        &[],
        &[("submitted", 6.0 * DAY), ("rejected", 5.0 * DAY)],
    )
    .await;
    // Published after 60 hours; no field candidate, but a scientist expressed interest.
    let p10 = problem(
        pool,
        enterprise,
        &["jp"],
        &["oecd.5.1"],
        &["return_position"],
        &[("submitted", 5.0 * DAY + 60.0), ("published", 5.0 * DAY)],
    )
    .await;
    // Published 400 days ago: in the funnel (ever published), outside the 12-month medians.
    let _p11 = problem(
        pool,
        ministry,
        &["jp"],
        &[],
        &[],
        &[("submitted", 410.0 * DAY), ("published", 400.0 * DAY)],
    )
    .await;

    a_match(
        pool,
        p1,
        s1,
        "interest",
        Some("joint_research"),
        "active",
        [true; 3],
        10.0 * DAY,
        Some(6.0 * DAY),
    )
    .await;
    a_match(
        pool,
        p2,
        s2,
        "proposal",
        Some("short_teaching"),
        "completed",
        [true; 3],
        20.0 * DAY,
        Some(18.0 * DAY),
    )
    .await;
    a_match(
        pool,
        p4,
        s5,
        "interest",
        Some("host_trainees"),
        "pending",
        [true, false, false],
        3.0 * DAY,
        None,
    )
    .await;
    // An invitation the scientist has not answered: not yet interest.
    a_match(
        pool,
        p7,
        s3,
        "invitation",
        None,
        "pending",
        [false, true, false],
        3.0 * DAY,
        None,
    )
    .await;
    a_match(
        pool,
        p10,
        s3,
        "interest",
        Some("return_position"),
        "pending",
        [true, false, false],
        2.0 * DAY,
        None,
    )
    .await;
    a_match(
        pool,
        p1,
        s2,
        "interest",
        Some("joint_research"),
        "declined",
        [true, false, false],
        8.0 * DAY,
        None,
    )
    .await;
    a_match(
        pool,
        p1,
        s6,
        "interest",
        Some("advisory"),
        "withdrawn",
        [true, false, false],
        7.0 * DAY,
        None,
    )
    .await;
    let _ = p3;
}

/// A signed-in client of `role` reading English, working for `hubs` (staff only).
async fn reader(app: &TestApp, role: &str, hubs: &[&str]) -> TestClient {
    let mut client = app.signed_in(role).await;
    let id: i64 = sqlx::query_scalar("select max(id) from users where role = $1")
        .bind(role)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for hub in hubs {
        sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, $2)")
            .bind(id)
            .bind(hub)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    client.use_language("en").await;
    client
}

// ------------------------------------------------------------------------- reading the page

/// The rows of the data table `id`: `data-code` → `data-value`.
fn table(html: &str, id: &str) -> BTreeMap<String, i64> {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("the page has the table {id}"));
    let body = &html[start..start + html[start..].find("</table>").unwrap()];
    let mut out = BTreeMap::new();
    for row in body.split("<tr data-code=\"").skip(1) {
        let code = row[..row.find('"').unwrap()].to_string();
        let value = attribute(row, "data-value").parse().unwrap();
        out.insert(code, value);
    }
    out
}

/// The monthly table: (`YYYY-MM`, series) → value.
fn monthly(html: &str) -> BTreeMap<(String, String), i64> {
    let start = html.find("id=\"dash-activity-table\"").unwrap();
    let body = &html[start..start + html[start..].find("</table>").unwrap()];
    let mut out = BTreeMap::new();
    for row in body.split("<tr data-code=\"").skip(1) {
        let month = row[..row.find('"').unwrap()].to_string();
        for cell in row.split("data-series=\"").skip(1) {
            let series = cell[..cell.find('"').unwrap()].to_string();
            let value = attribute(cell, "data-value").parse().unwrap();
            out.insert((month.clone(), series), value);
        }
    }
    out
}

/// The raw value of a headline figure.
fn figure(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("data-figure=\"{id}\""))
        .unwrap_or_else(|| panic!("the page has the figure {id}"));
    attribute(&html[start..], "data-value")
}

fn attribute(html: &str, name: &str) -> String {
    let marker = format!("{name}=\"");
    let start = html.find(&marker).unwrap() + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

/// The page's table equals the expected counts: the same codes with a count, and every
/// other category the page lists shows zero.
fn assert_counts(html: &str, id: &str, expected: &BTreeMap<String, i64>) {
    let page = table(html, id);
    let nonzero: BTreeMap<String, i64> = page
        .iter()
        .filter(|(_, n)| **n != 0)
        .map(|(c, n)| (c.clone(), *n))
        .collect();
    let expected_nonzero: BTreeMap<String, i64> = expected
        .iter()
        .filter(|(_, n)| **n != 0)
        .map(|(c, n)| (c.clone(), *n))
        .collect();
    assert_eq!(nonzero, expected_nonzero, "{id}");
}

async fn grouped(pool: &PgPool, sql: &str, hubs: &[&str]) -> BTreeMap<String, i64> {
    let hubs: Vec<String> = hubs.iter().map(|h| h.to_string()).collect();
    let rows: Vec<(String, i64)> = sqlx::query_as(sql)
        .bind(&hubs)
        .fetch_all(pool)
        .await
        .unwrap();
    rows.into_iter().collect()
}

// Plain statements over the seeded rows, written for the test ($1 = hub codes).
const POSITIONS: &str = "select p.position, count(*) from scientist_profiles p, users u
     where u.id = p.user_id and u.disabled_at is null and p.hub_code = any($1) group by 1";
const AREAS: &str = "select a.code, count(*) from fields a, scientist_profiles p, users u
     where a.parent_code is null and u.id = p.user_id and u.disabled_at is null
       and p.hub_code = any($1)
       and p.user_id in (select pf.user_id from profile_fields pf, fields f
                          where f.code = pf.field_code and f.parent_code = a.code)
     group by 1
     union all
     select '', count(*) from scientist_profiles p, users u
      where u.id = p.user_id and u.disabled_at is null and p.hub_code = any($1)
        and p.user_id not in (select user_id from profile_fields)";
const ORG_STATUS: &str =
    "select status, count(*) from organisations where $1::text[] is not null group by 1";
const ORG_KIND: &str =
    "select kind, count(*) from organisations where $1::text[] is not null group by 1";
const PROBLEM_STATUS: &str = "select status, count(*) from problems
     where target_hubs = '{}' or target_hubs && $1 group by 1";
const PROBLEM_KIND: &str = "select o.kind, count(*) from problems p, organisations o
     where o.id = p.org_id and (p.target_hubs = '{}' or p.target_hubs && $1) group by 1";
const MATCH_STATE: &str = "select m.state, count(*) from matches m, problems p
     where p.id = m.problem_id and (p.target_hubs = '{}' or p.target_hubs && $1) group by 1";
const MATCH_KIND: &str =
    "select coalesce(m.engagement_kind, ''), count(*) from matches m, problems p
     where p.id = m.problem_id and (p.target_hubs = '{}' or p.target_hubs && $1) group by 1";

/// Every category chart of the page against the plain statements for `hubs`.
async fn assert_every_category_chart(app: &TestApp, html: &str, hubs: &[&str]) {
    let pool = &app.pool;
    for (id, sql) in [
        ("dash-sci-position-table", POSITIONS),
        ("dash-sci-area-table", AREAS),
        ("dash-org-status-table", ORG_STATUS),
        ("dash-org-kind-table", ORG_KIND),
        ("dash-problem-status-table", PROBLEM_STATUS),
        ("dash-problem-kind-table", PROBLEM_KIND),
        ("dash-match-state-table", MATCH_STATE),
        ("dash-match-kind-table", MATCH_KIND),
    ] {
        assert_counts(html, id, &grouped(pool, sql, hubs).await);
    }
}

/// The first day of the month eleven months back: the window of the monthly chart.
fn window_start(today: Date) -> Date {
    let mut months = today.year() * 12 + i32::from(u8::from(today.month())) - 1 - 11;
    let year = months.div_euclid(12);
    months = months.rem_euclid(12);
    Date::from_calendar_date(year, Month::try_from(months as u8 + 1).unwrap(), 1).unwrap()
}

/// Counts per `YYYY-MM` of the timestamps in the window, bucketed here in Rust.
fn per_month(times: &[OffsetDateTime]) -> BTreeMap<String, i64> {
    let since = window_start(OffsetDateTime::now_utc().date());
    let mut out = BTreeMap::new();
    for t in times.iter().filter(|t| t.date() >= since) {
        *out.entry(format!("{:04}-{:02}", t.year(), u8::from(t.month())))
            .or_insert(0) += 1;
    }
    out
}

async fn times(pool: &PgPool, sql: &str, hubs: &[&str]) -> Vec<OffsetDateTime> {
    let hubs: Vec<String> = hubs.iter().map(|h| h.to_string()).collect();
    sqlx::query_scalar(sql)
        .bind(&hubs)
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn assert_monthly(app: &TestApp, html: &str, hubs: &[&str]) {
    let pool = &app.pool;
    let page = monthly(html);
    assert_eq!(page.len(), 12 * 4, "twelve months of four series");
    for (series, sql) in [
        (
            "scientists",
            "select p.created_at from scientist_profiles p, users u
              where u.id = p.user_id and u.disabled_at is null and p.hub_code = any($1)",
        ),
        (
            "published",
            "select published_at from problems
              where published_at is not null and (target_hubs = '{}' or target_hubs && $1)",
        ),
        (
            "created",
            "select m.created_at from matches m, problems p
              where p.id = m.problem_id and (p.target_hubs = '{}' or p.target_hubs && $1)",
        ),
        (
            "activated",
            "select e.created_at from match_events e, matches m, problems p
              where e.event = 'activated' and m.id = e.match_id and p.id = m.problem_id
                and (p.target_hubs = '{}' or p.target_hubs && $1)",
        ),
    ] {
        let expected = per_month(&times(pool, sql, hubs).await);
        let shown: BTreeMap<String, i64> = page
            .iter()
            .filter(|((_, s), n)| s == series && **n != 0)
            .map(|((m, _), n)| (m.clone(), *n))
            .collect();
        assert_eq!(shown, expected, "monthly {series}");
    }
}

// ---------------------------------------------------------------------------------- tests

#[sqlx::test]
async fn every_figure_equals_the_counts_of_the_seeded_rows_for_a_japan_staff_member(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed(&app).await;
    let mut staff = reader(&app, "staff", &["jp"]).await;
    let page = staff.get("/staff").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    let html = &page.text;

    assert_every_category_chart(&app, html, &["jp"]).await;
    assert_monthly(&app, html, &["jp"]).await;

    // By hand, as worked out in `seed`: disabled s4 and Korea's s5, s6 are not counted.
    assert_eq!(figure(html, "scientists"), "3");
    assert_eq!(table(html, "dash-sci-position-table")["researcher"], 2);
    assert_eq!(table(html, "dash-sci-area-table")[""], 1, "s3 has no field");
    assert_eq!(figure(html, "orgs-verified"), "2");
    // p1, p3, p10, p11 are published now (p2 closed, p7 expired, p4 is Korea's).
    assert_eq!(figure(html, "problems-open"), "4");
    assert_eq!(figure(html, "matches-active"), "1");
    assert_eq!(figure(html, "matches-completed"), "1");

    let funnel = table(html, "dash-funnel-table");
    let expected: BTreeMap<String, i64> = [
        ("published", 6),  // p1, p2, p3, p7, p10, p11
        ("candidates", 4), // p1, p2, p7 by field and kind; p10 by its match
        ("interest", 3),   // p1, p2, p10 (p7's invitation is unanswered)
        ("active", 2),     // p1 active, p2 completed
        ("completed", 1),  // p2
    ]
    .into_iter()
    .map(|(c, n)| (c.to_string(), n))
    .collect();
    assert_eq!(funnel, expected);
    let ever_published = app
        .count(
            "select count(*) from problems where published_at is not null
              and (target_hubs = '{}' or 'jp' = any(target_hubs))",
        )
        .await;
    assert_eq!(funnel["published"], ever_published);

    // Medians: publication 1, 2, 2.5, 3, 5 days (p7, p1, p10, p2, p3; p11 is too old, p4 is
    // Korea's); activation 4 and 2 days.
    assert_eq!(figure(html, "median-publish"), "2.5");
    assert_eq!(figure(html, "median-activate"), "3.0");
    assert!(html.contains("Problems first published in the last 12 months: 5."));
    assert!(html.contains("Matches that became active in the last 12 months: 2."));
}

#[sqlx::test]
async fn korea_only_rows_count_for_korea_and_admins_and_the_filter_narrows(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed(&app).await;

    // A staff member of both hubs: the filter is offered, with an Apply button.
    let mut both = reader(&app, "staff", &["jp", "kr"]).await;
    let page = both.get("/staff").await;
    assert!(
        page.text
            .contains("<form class=\"filters dash-filter\" method=\"get\" action=\"/staff\"")
    );
    assert!(page.text.contains("<select id=\"hub\" name=\"hub\">"));
    assert!(page.text.contains("type=\"submit\">Apply filters</button>"));
    assert!(!page.text.contains("onchange"), "no automatic submission");
    assert_every_category_chart(&app, &page.text, &["jp", "kr"]).await;

    let page = both.get("/staff?hub=kr").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains("<option value=\"kr\" selected>Korea</option>")
    );
    assert_every_category_chart(&app, &page.text, &["kr"]).await;
    assert_monthly(&app, &page.text, &["kr"]).await;
    assert!(
        page.text.contains("/staff/reports/scientists.csv?hub=kr"),
        "CSV links keep the hub"
    );
    // p4 (Korea only, 30 days) and p3 (both, 5 days), p2 (every hub, 3 days): median 5.
    assert_eq!(figure(&page.text, "median-publish"), "5.0");

    // Admins count every hub, and may narrow to any of them.
    let mut admin = reader(&app, "admin", &[]).await;
    let page = admin.get("/staff").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_every_category_chart(&app, &page.text, &["jp", "kr"]).await;
    assert_eq!(
        table(&page.text, "dash-problem-status-table")
            .values()
            .sum::<i64>(),
        app.count("select count(*) from problems").await
    );
    assert!(page.text.contains("<option value=\"\">All hubs</option>"));
    let page = admin.get("/staff?hub=jp").await;
    assert_every_category_chart(&app, &page.text, &["jp"]).await;
    assert_eq!(
        admin.get("/staff?hub=zz").await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test]
async fn a_staff_member_of_japan_sees_nothing_of_korea_and_may_not_ask_for_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed(&app).await;
    let mut japan = reader(&app, "staff", &["jp"]).await;
    let page = japan.get("/staff").await;
    let statuses = table(&page.text, "dash-problem-status-table");
    // p9 (rejected) is Korea's only rejected problem and the only one.
    assert_eq!(statuses["rejected"], 0);
    assert_eq!(
        table(&page.text, "dash-sci-position-table")["postdoc"],
        0,
        "s5 lives in Korea"
    );
    assert!(
        !page.text.contains("dash-filter"),
        "one hub: nothing to choose"
    );

    assert_eq!(
        japan.get("/staff?hub=kr").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        japan.get("/staff?hub=zz").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(japan.get("/staff?hub=jp").await.status, StatusCode::OK);
    assert_eq!(japan.get("/staff?hub=").await.status, StatusCode::OK);
}

#[sqlx::test]
async fn every_chart_has_its_title_description_table_and_report(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed(&app).await;
    let mut staff = reader(&app, "staff", &["jp"]).await;
    let html = staff.get("/staff").await.text;

    let charts = [
        "dash-sci-area",
        "dash-sci-position",
        "dash-org-status",
        "dash-org-kind",
        "dash-problem-status",
        "dash-problem-kind",
        "dash-match-state",
        "dash-match-kind",
        "dash-funnel",
        "dash-activity",
    ];
    assert_eq!(html.matches("<svg ").count(), charts.len());
    assert_eq!(
        html.matches("<figure class=\"dash-chart").count(),
        charts.len()
    );
    for id in charts {
        let at = html.find(&format!("id=\"{id}\"")).unwrap();
        let figure = &html[at..at + html[at..].find("</figure>").unwrap()];
        assert!(figure.contains("<figcaption"), "{id}");
        assert!(
            figure.contains("<strong class=\"dash-chart__headline\">"),
            "{id}"
        );
        assert!(
            figure.contains(&format!(
                "width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\""
            )),
            "{id}"
        );
        assert!(
            (figure.contains("viewBox=\"0 0 480 ") || figure.contains("viewBox=\"0 0 400 ")),
            "{id}"
        );
        assert!(figure.contains(&format!("<title id=\"{id}-t\">")), "{id}");
        assert!(figure.contains(&format!("<desc id=\"{id}-d\">")), "{id}");
        assert!(figure.contains("<rect class=\"dash-svg__bar\""), "{id}");
        assert!(
            figure.contains("<text class=\"dash-svg__value\""),
            "{id}: values written on the marks"
        );
        assert!(
            figure.contains("<details class=\"dash-chart__data\">"),
            "{id}"
        );
        assert!(
            figure.contains(&format!(
                "<table class=\"table dash-table\" id=\"{id}-table\">"
            )),
            "{id}"
        );
        assert!(figure.contains("<caption>"), "{id}");
        assert!(figure.contains("<th scope=\"col\""), "{id}");
        assert!(figure.contains("<th scope=\"row\">"), "{id}");
        assert!(figure.contains("href=\"/staff/reports/"), "{id}");
        assert!(figure.contains(".csv"), "{id}");
    }
    // The title says what is shown; the description carries the values.
    assert!(html.contains(
        "<title id=\"dash-sci-position-t\">Bar chart: Scientists by position, the Japan hub, "
    ));
    assert!(html.contains("Researcher: 2"));
    assert!(!html.contains("<script"), "no JavaScript");
    assert!(html.contains("/staff/reports/matches.csv"));
    assert!(html.contains("/staff/reports/outcomes.csv"));
    assert!(
        html.contains("/staff/reports/problems.csv?from="),
        "the monthly links carry the window"
    );
    assert_eq!(html.matches("<h1").count(), 1);
}

#[sqlx::test]
async fn labels_and_numbers_follow_the_readers_language(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed(&app).await;
    let mut staff = reader(&app, "staff", &["jp"]).await;

    staff.use_language("vi").await;
    let vi = staff.get("/staff").await.text;
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains("<h1>Bảng tổng quan</h1>"));
    assert!(
        vi.contains("Khoa học tự nhiên"),
        "taxonomy label from the database"
    );
    assert!(vi.contains("Nghiên cứu viên"));
    assert!(vi.contains("2,5 ngày"), "decimal comma");
    assert!(vi.contains("mạng lưới Nhật Bản"));

    staff.use_language("ja").await;
    let ja = staff.get("/staff").await.text;
    assert!(ja.contains("<h1>ダッシュボード</h1>"));
    assert!(ja.contains("自然科学"));
    assert!(ja.contains("2.5日"));
    assert!(ja.contains("日本拠点"));

    staff.use_language("en").await;
    let en = staff.get("/staff").await.text;
    assert!(en.contains("Natural sciences"));
    assert!(en.contains("2.5 days"));
    let now = OffsetDateTime::now_utc();
    assert!(
        en.contains(&format!(">{} {}</th>", now.month(), now.year())),
        "months by name in English"
    );
}

#[sqlx::test]
async fn a_staff_member_without_a_hub_is_told_so_and_an_empty_platform_shows_zeros(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut staff = reader(&app, "staff", &[]).await;
    let page = staff.get("/staff").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("id=\"dash-no-hubs\""));
    assert!(page.text.contains("Nothing to count yet"));
    assert_eq!(figure(&page.text, "scientists"), "0");
    assert_eq!(figure(&page.text, "median-publish"), "");
    assert!(page.text.contains("No cases yet"));
    assert!(
        table(&page.text, "dash-funnel-table")
            .values()
            .all(|n| *n == 0)
    );
}

#[sqlx::test]
async fn only_staff_and_admins_may_open_the_dashboard(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.client().get("/staff").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), "/login?next=%2Fstaff");
    for role in ["scientist", "owner"] {
        let mut client = app.signed_in(role).await;
        assert_eq!(
            client.get("/staff").await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
        assert_eq!(
            client.get("/staff?hub=jp").await.status,
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    for role in ["staff", "admin"] {
        let mut client = app.signed_in(role).await;
        assert_eq!(client.get("/staff").await.status, StatusCode::OK, "{role}");
    }
}
