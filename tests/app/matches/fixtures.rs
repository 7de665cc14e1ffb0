//! The people and records the match tests start from: a verified organisation with a member,
//! its published problem, scientists with saved profiles, and staff of a hub. Records are
//! written directly (their own features are tested elsewhere); people sign in for real and
//! read English.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, TestResponse};

pub const ORG_VI: &str = "Viện Hàn lâm Khoa học và Công nghệ Việt Nam";
pub const ORG_EN: &str = "Vietnam Academy of Science and Technology";
pub const TITLE: &str = "Thiết kế chip bán dẫn công suất GaN";

/// A signed-in person: their user id, email and browser.
pub struct Person {
    pub id: i64,
    pub email: String,
    pub client: TestClient,
}

impl Person {
    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.client.get(path).await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.client.post(path, fields).await
    }
}

async fn sign_in(app: &TestApp, id: i64, email: &str) -> Person {
    let mut client = app.client();
    let response = client.sign_in(email, PASSWORD).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    client.use_language("en").await;
    Person {
        id,
        email: email.to_string(),
        client,
    }
}

/// A verified organisation; returns its id.
pub async fn org(pool: &PgPool, name_vi: &str, name_en: &str) -> i64 {
    sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code, status)
         values ($1, $2, 'research_institute', 'VN', 'verified') returning id",
    )
    .bind(name_vi)
    .bind(name_en)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A problem owner who belongs to `org_id`.
pub async fn owner(app: &TestApp, email: &str, org_id: i64) -> Person {
    let id = app.create_user(email, "owner", true).await;
    sqlx::query("insert into org_members (org_id, user_id) values ($1, $2)")
        .bind(org_id)
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    sign_in(app, id, email).await
}

/// A staff member working for `hubs` (an admin when `hubs` is `None`).
pub async fn staff(app: &TestApp, email: &str, hubs: Option<&[&str]>) -> Person {
    let role = if hubs.is_some() { "staff" } else { "admin" };
    let id = app.create_user(email, role, true).await;
    for hub in hubs.unwrap_or_default() {
        sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, $2)")
            .bind(id)
            .bind(hub)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    sign_in(app, id, email).await
}

/// What a scientist's profile says that matters to matching.
pub struct ProfileSpec<'a> {
    pub name: &'a str,
    pub affiliation: &'a str,
    pub kinds: &'a [&'a str],
    pub visibility: &'a str,
}

impl Default for ProfileSpec<'_> {
    fn default() -> Self {
        ProfileSpec {
            name: "Nguyễn Thị Ngọc Ánh",
            affiliation: "Tohoku University",
            kinds: &["joint_research", "advisory"],
            visibility: "public",
        }
    }
}

/// A scientist with a saved profile.
pub async fn scientist(app: &TestApp, email: &str, spec: ProfileSpec<'_>) -> Person {
    let id = app.create_user(email, "scientist", true).await;
    sqlx::query(
        "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code,
                                         visibility)
         values ($1, $2, 'associate_professor', $3, 'jp', $4)",
    )
    .bind(id)
    .bind(spec.name)
    .bind(spec.affiliation)
    .bind(spec.visibility)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("insert into profile_engagements (user_id, kind) select $1, unnest($2::text[])")
        .bind(id)
        .bind(spec.kinds.iter().map(|k| k.to_string()).collect::<Vec<_>>())
        .execute(&app.pool)
        .await
        .unwrap();
    sign_in(app, id, email).await
}

/// What a problem is like, for the tests that need another kind.
pub struct ProblemSpec<'a> {
    pub title: &'a str,
    pub kinds: &'a [&'a str],
    pub hubs: &'a [&'a str],
    pub confidentiality: &'a str,
    /// Days from today; negative is past.
    pub deadline_in_days: i32,
    /// The status to take it to along the review path: draft, submitted, published, closed.
    pub status: &'a str,
}

impl Default for ProblemSpec<'_> {
    fn default() -> Self {
        ProblemSpec {
            title: TITLE,
            kinds: &["joint_research", "advisory"],
            hubs: &["jp"],
            confidentiality: "public",
            deadline_in_days: 60,
            status: "published",
        }
    }
}

pub async fn problem(pool: &PgPool, org_id: i64, spec: ProblemSpec<'_>) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, title, summary, target_hubs, confidentiality, deadline)
         values ($1, $2, 'Tóm tắt bài toán', $3, $4, current_date + $5) returning id",
    )
    .bind(org_id)
    .bind(spec.title)
    .bind(spec.hubs.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    .bind(spec.confidentiality)
    .bind(spec.deadline_in_days)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query("insert into problem_engagements (problem_id, kind) select $1, unnest($2::text[])")
        .bind(id)
        .bind(spec.kinds.iter().map(|k| k.to_string()).collect::<Vec<_>>())
        .execute(pool)
        .await
        .unwrap();
    let path: &[&str] = match spec.status {
        "draft" => &[],
        "submitted" => &["submitted"],
        "published" => &["submitted", "published"],
        "closed" => &["submitted", "published", "closed"],
        other => panic!("no path to {other}"),
    };
    for status in path {
        sqlx::query(
            "update problems set status = $2, published_at = now(),
                    outcome = case when $2 = 'closed' then 'fulfilled' end
              where id = $1",
        )
        .bind(id)
        .bind(status)
        .execute(pool)
        .await
        .unwrap();
    }
    id
}

/// The usual cast: an organisation with one owner and a published problem for the Japan hub,
/// a scientist offering what it seeks, and staff of the Japan hub.
pub struct World {
    pub org: i64,
    pub problem: i64,
    pub owner: Person,
    pub scientist: Person,
    pub staff: Person,
}

impl World {
    /// One of the three parties by name, for tables of checks.
    pub fn person(&mut self, who: &str) -> &mut Person {
        match who {
            "scientist" => &mut self.scientist,
            "owner" => &mut self.owner,
            "staff" => &mut self.staff,
            other => panic!("no party called {other}"),
        }
    }
}

pub async fn world(app: &TestApp) -> World {
    let org = org(&app.pool, ORG_VI, ORG_EN).await;
    let problem = problem(&app.pool, org, ProblemSpec::default()).await;
    World {
        org,
        problem,
        owner: owner(app, "owner@vast.vn", org).await,
        scientist: scientist(app, "anh@tohoku.ac.jp", ProfileSpec::default()).await,
        staff: staff(app, "staff.jp@mofa.gov.vn", Some(&["jp"])).await,
    }
}

/// The id at the end of a `/matches/{id}` redirect.
pub fn match_id(response: &TestResponse) -> i64 {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    response
        .location()
        .strip_prefix("/matches/")
        .and_then(|rest| rest.split('#').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{} is a match page", response.location()))
}

/// The scientist expresses interest (joint research) in the world's problem.
pub async fn express_interest(w: &mut World) -> i64 {
    let path = format!("/problems/{}/interest", w.problem);
    w.scientist.get(&path).await;
    let response = w
        .scientist
        .post(
            &path,
            &[
                ("engagement_kind", "joint_research"),
                ("note", "Tôi có 10 năm kinh nghiệm về GaN."),
            ],
        )
        .await;
    match_id(&response)
}

/// Interest, the owner's acceptance and the embassy's approval.
pub async fn active_match(w: &mut World) -> i64 {
    let id = express_interest(w).await;
    let accepted = w.owner.post(&format!("/matches/{id}/accept"), &[]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.text);
    let approved = w
        .staff
        .post(&format!("/staff/matches/{id}/approve"), &[])
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.text);
    id
}

pub async fn state_of(pool: &PgPool, id: i64) -> String {
    sqlx::query_scalar("select state from matches where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The audit actions recorded for match `id`, in order.
pub async fn audit_actions(pool: &PgPool, id: i64) -> Vec<String> {
    sqlx::query_scalar(
        "select action from audit_events where target_type = 'match' and target_id = $1
          order by id",
    )
    .bind(id.to_string())
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The notification keys user `user_id` received, in order.
pub async fn notices(pool: &PgPool, user_id: i64) -> Vec<String> {
    sqlx::query_scalar("select message_key from notifications where user_id = $1 order by id")
        .bind(user_id)
        .fetch_all(pool)
        .await
        .unwrap()
}

pub async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}
