//! Staff review: the queues and their scope, each decision and what it records, bad and stale
//! decisions, attaching owners to organisations, who may use the staff routes, and the
//! background expiry of problems past their deadline.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, add_korea_hub};

const AUTHOR: &str = "tac.gia@most.gov.vn";

/// An organisation registered `days_ago`, in the given verification state; returns its id.
async fn org(
    pool: &PgPool,
    name: &str,
    status: &str,
    created_by: Option<i64>,
    days_ago: i32,
) -> i64 {
    sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, name_ja, kind, country_code, status,
                                    created_by, created_at)
         values ($1, $1 || ' (EN)', null, 'ministry', 'VN', $2, $3,
                 now() - make_interval(days => $4))
         returning id",
    )
    .bind(name)
    .bind(status)
    .bind(created_by)
    .bind(days_ago)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A problem written as a draft and then submitted `days_ago` (the status guard allows only
/// that path); returns its id.
async fn submitted(
    pool: &PgPool,
    org_id: i64,
    author_id: Option<i64>,
    title: &str,
    hubs: &[&str],
    days_ago: i32,
) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, author_id, title, summary, description_md, target_hubs,
                               deadline)
         values ($1, $2, $3, 'Tóm tắt bài toán', '**Mô tả** chi tiết', $4,
                 current_date + 60)
         returning id",
    )
    .bind(org_id)
    .bind(author_id)
    .bind(title)
    .bind(hubs.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    .fetch_one(pool)
    .await
    .unwrap();
    resubmit(pool, id, days_ago).await;
    id
}

/// The author sends the problem (again) for review, as the problem's own submit route does.
async fn resubmit(pool: &PgPool, id: i64, days_ago: i32) {
    sqlx::query(
        "update problems set status = 'submitted',
                submitted_at = now() - make_interval(days => $2)
          where id = $1",
    )
    .bind(id)
    .bind(days_ago)
    .execute(pool)
    .await
    .unwrap();
}

/// A signed-in staff member working for `hubs`, reading English.
async fn staff_of(app: &TestApp, email: &str, hubs: &[&str]) -> TestClient {
    let id = app.create_user(email, "staff", true).await;
    for hub in hubs {
        sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, $2)")
            .bind(id)
            .bind(hub)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    let mut client = app.client();
    client.sign_in(email, PASSWORD).await;
    client.use_language("en").await;
    client
}

async fn status_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("select status from problems where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Position of `needle` in the page, for order checks.
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("the page shows {needle}"))
}

/// The problem-review rows and the author, ready for decisions.
struct Setup {
    app: TestApp,
    staff: TestClient,
    author_id: i64,
    problem: i64,
}

async fn one_submitted_problem(pool: PgPool, org_status: &str) -> Setup {
    let app = TestApp::spawn(pool).await;
    let author_id = app.create_user(AUTHOR, "owner", true).await;
    let org_id = org(
        &app.pool,
        "Bộ Khoa học và Công nghệ",
        org_status,
        Some(author_id),
        3,
    )
    .await;
    let problem = submitted(
        &app.pool,
        org_id,
        Some(author_id),
        "Thiết kế chip bán dẫn công suất",
        &["jp"],
        1,
    )
    .await;
    let staff = staff_of(&app, "can.bo@embassy.example", &["jp"]).await;
    Setup {
        app,
        staff,
        author_id,
        problem,
    }
}

#[sqlx::test]
async fn the_problem_queue_is_oldest_first_and_only_in_the_staff_members_hubs(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    add_korea_hub(&app.pool).await;
    let org_id = org(&app.pool, "Sở KH&CN Đà Nẵng", "verified", None, 30).await;
    submitted(&app.pool, org_id, None, "Newest for Japan", &["jp"], 1).await;
    submitted(&app.pool, org_id, None, "Oldest for every hub", &[], 9).await;
    submitted(
        &app.pool,
        org_id,
        None,
        "Middle for Japan and Korea",
        &["kr", "jp"],
        5,
    )
    .await;
    submitted(&app.pool, org_id, None, "Only for Korea", &["kr"], 7).await;
    let draft: i64 = sqlx::query_scalar(
        "insert into problems (org_id, title, summary) values ($1, 'A draft', 's') returning id",
    )
    .bind(org_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();

    let mut japan = staff_of(&app, "jp@embassy.example", &["jp"]).await;
    let page = japan.get("/staff/review").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = &page.text;
    assert!(at(text, "Oldest for every hub") < at(text, "Middle for Japan and Korea"));
    assert!(at(text, "Middle for Japan and Korea") < at(text, "Newest for Japan"));
    assert!(!text.contains("Only for Korea"), "another hub's problem");
    assert!(!text.contains("A draft"), "drafts are not queued");
    assert!(text.contains("Problems to review (3)"));
    assert!(!text.contains(&format!("/problems/{draft}\"")));

    let mut korea = staff_of(&app, "kr@embassy.example", &["kr"]).await;
    let text = korea.get("/staff/review").await.text;
    assert!(at(text.as_str(), "Oldest for every hub") < at(&text, "Only for Korea"));
    assert!(!text.contains("Newest for Japan"));

    let mut admin = app.signed_in("admin").await;
    admin.use_language("en").await;
    let text = admin.get("/staff/review").await.text;
    assert!(
        text.contains("Problems to review (4)"),
        "admins see every hub"
    );
}

#[sqlx::test]
async fn unverified_organisations_are_queued_for_every_staff_member_oldest_first(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    add_korea_hub(&app.pool).await;
    let creator = app
        .create_user("nguoi.dang.ky@hanoi.gov.vn", "owner", true)
        .await;
    org(
        &app.pool,
        "UBND tỉnh Bắc Ninh",
        "unverified",
        Some(creator),
        2,
    )
    .await;
    org(
        &app.pool,
        "Viện Hàn lâm Khoa học Việt Nam",
        "unverified",
        None,
        6,
    )
    .await;
    org(&app.pool, "Đã xác minh", "verified", None, 8).await;
    org(&app.pool, "Bị từ chối", "rejected", None, 8).await;
    let mut korea = staff_of(&app, "kr@embassy.example", &["kr"]).await;
    let page = korea.get("/staff/review").await;
    let text = &page.text;
    assert!(text.contains("Organisations to verify (2)"));
    assert!(at(text, "Viện Hàn lâm Khoa học Việt Nam") < at(text, "UBND tỉnh Bắc Ninh"));
    assert!(text.contains("Test owner"), "who registered it");
    assert!(!text.contains("Đã xác minh") && !text.contains("Bị từ chối"));
}

#[sqlx::test]
async fn approving_publishes_and_records_history_audit_notification_and_email(pool: PgPool) {
    let Setup {
        app,
        mut staff,
        author_id,
        problem,
    } = one_submitted_problem(pool, "verified").await;
    let decide = staff
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    assert_eq!(decide.status, StatusCode::OK);
    assert!(decide.text.contains("Approve and publish"));
    assert!(decide.text.contains("<strong>Mô tả</strong>"));

    let response = staff
        .post(
            &format!("/staff/problems/{problem}/approve"),
            &[("reason", "")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(response.location(), "/staff/review");
    let queue = staff.get("/staff/review").await;
    assert!(
        queue
            .text
            .contains("The problem is published and its author has been told.")
    );
    assert!(!queue.text.contains("Thiết kế chip bán dẫn công suất"));

    assert_eq!(status_of(&app, problem).await, "published");
    let published =
        format!("select count(*) from problems where id = {problem} and published_at is not null");
    assert_eq!(app.count(&published).await, 1);
    let history = format!(
        "select count(*) from problem_events where problem_id = {problem}
            and event = 'approved' and actor_id is not null and reason is null"
    );
    assert_eq!(app.count(&history).await, 1);
    let audit = format!(
        "select count(*) from audit_events where action = 'problem.approved'
            and target_type = 'problem' and target_id = '{problem}' and actor_id is not null"
    );
    assert_eq!(app.count(&audit).await, 1);
    let notice = format!(
        "select count(*) from notifications where user_id = {author_id}
            and message_key = 'notice-problem-approved' and link = '/problems/{problem}'"
    );
    assert_eq!(app.count(&notice).await, 1);
    let (_, body) = app.last_email_to(AUTHOR).await;
    assert!(body.contains("Thiết kế chip bán dẫn công suất"), "{body}");
    assert!(body.contains(&format!("/problems/{problem}")), "{body}");
}

#[sqlx::test]
async fn requesting_changes_and_rejecting_record_the_reason_everywhere(pool: PgPool) {
    let Setup {
        app,
        mut staff,
        author_id,
        problem,
    } = one_submitted_problem(pool, "verified").await;
    let org_id: i64 = sqlx::query_scalar("select org_id from problems where id = $1")
        .bind(problem)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let other = submitted(
        &app.pool,
        org_id,
        Some(author_id),
        "Bài toán thứ hai",
        &[],
        1,
    )
    .await;
    for (id, path, event, notice) in [
        (
            problem,
            "request-changes",
            "changes_requested",
            "notice-problem-changes-requested",
        ),
        (other, "reject", "rejected", "notice-problem-rejected"),
    ] {
        let reason = format!("Cần nêu rõ ngân sách ({path})");
        let response = staff
            .post(
                &format!("/staff/problems/{id}/{path}"),
                &[("reason", reason.as_str())],
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::SEE_OTHER,
            "{path}: {}",
            response.text
        );
        assert_eq!(status_of(&app, id).await, event);
        let history: String = sqlx::query_scalar(
            "select reason from problem_events
              where problem_id = $1 and event = $2 and actor_id is not null",
        )
        .bind(id)
        .bind(event)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(history, reason);
        let audit: String = sqlx::query_scalar(
            "select details->>'reason' from audit_events where action = $1 and target_id = $2",
        )
        .bind(format!("problem.{event}"))
        .bind(id.to_string())
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(audit, reason);
        let notices = format!(
            "select count(*) from notifications where user_id = {author_id}
                and message_key = '{notice}' and args->>'reason' = '{reason}'
                and link = '/problems/{id}'"
        );
        assert_eq!(app.count(&notices).await, 1, "{path}");
        let (_, body) = app.last_email_to(AUTHOR).await;
        assert!(
            body.contains(&reason),
            "{path}: the email gives the reason: {body}"
        );
    }
    let emails = format!("select count(*) from emails where to_address = '{AUTHOR}'");
    assert_eq!(app.count(&emails).await, 2);
}

#[sqlx::test]
async fn a_decision_without_its_required_reason_comes_back_with_the_error_and_changes_nothing(
    pool: PgPool,
) {
    let Setup {
        app,
        mut staff,
        problem,
        ..
    } = one_submitted_problem(pool, "verified").await;
    for (path, message) in [
        ("request-changes", "Enter what the author needs to change"),
        ("reject", "Enter why you are rejecting the problem"),
    ] {
        let response = staff
            .post(
                &format!("/staff/problems/{problem}/{path}"),
                &[("reason", "  ")],
            )
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let text = &response.text;
        assert!(text.contains("<title>Error: "), "{path}: title prefix");
        assert!(text.contains("There is a problem"), "{path}: error summary");
        assert_eq!(
            text.matches(message).count(),
            2,
            "{path}: summary and field"
        );
        assert!(text.contains("href=\"#reason\""));
        assert!(text.contains("aria-invalid=\"true\""));
    }
    let too_long = "ư".repeat(2001);
    let response = staff
        .post(
            &format!("/staff/problems/{problem}/reject"),
            &[("reason", &too_long)],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text
            .contains("The reason must be 2,000 characters or fewer")
    );
    assert!(response.text.contains(&too_long), "the reason is kept");

    staff.use_language("vi").await;
    let response = staff
        .post(
            &format!("/staff/problems/{problem}/reject"),
            &[("reason", "")],
        )
        .await;
    assert!(
        response
            .text
            .contains("Nhập lý do không phê duyệt bài toán")
    );

    assert_eq!(status_of(&app, problem).await, "submitted");
    assert_eq!(app.count("select count(*) from problem_events").await, 0);
    assert_eq!(
        app.count("select count(*) from audit_events where action like 'problem.%'")
            .await,
        0
    );
    assert_eq!(app.count("select count(*) from notifications").await, 0);
    assert_eq!(app.count("select count(*) from emails").await, 0);
}

#[sqlx::test]
async fn a_problem_of_an_unverified_organisation_cannot_be_approved(pool: PgPool) {
    let Setup {
        app,
        mut staff,
        problem,
        ..
    } = one_submitted_problem(pool, "unverified").await;
    let decide = staff
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    assert!(decide.text.contains("The organisation is not verified yet"));
    let response = staff
        .post(
            &format!("/staff/problems/{problem}/approve"),
            &[("reason", "Tốt")],
        )
        .await;
    assert_eq!(response.status, StatusCode::CONFLICT);
    assert!(
        response
            .text
            .contains("Verify the organisation before you approve its problems")
    );
    assert!(response.text.contains("Tốt"), "the reason is kept");
    assert_eq!(status_of(&app, problem).await, "submitted");
    assert_eq!(app.count("select count(*) from problem_events").await, 0);
    assert_eq!(app.count("select count(*) from notifications").await, 0);

    // Rejecting needs no verified organisation.
    let response = staff
        .post(
            &format!("/staff/problems/{problem}/reject"),
            &[("reason", "Tổ chức chưa rõ ràng")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
}

#[sqlx::test]
async fn a_stale_decision_is_refused_and_changes_nothing(pool: PgPool) {
    let Setup {
        app,
        mut staff,
        problem,
        ..
    } = one_submitted_problem(pool, "verified").await;
    let mut colleague = staff_of(&app, "dong.nghiep@embassy.example", &["jp"]).await;
    colleague
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    let first = staff
        .post(&format!("/staff/problems/{problem}/approve"), &[])
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    for path in ["approve", "request-changes", "reject"] {
        let late = colleague
            .post(
                &format!("/staff/problems/{problem}/{path}"),
                &[("reason", "Quá muộn")],
            )
            .await;
        assert_eq!(late.status, StatusCode::CONFLICT, "{path}");
        assert!(
            late.text.contains("This has already been decided"),
            "{path}"
        );
    }
    assert_eq!(status_of(&app, problem).await, "published");
    assert_eq!(app.count("select count(*) from problem_events").await, 1);
    assert_eq!(app.count("select count(*) from notifications").await, 1);
    let page = colleague
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    assert!(page.text.contains("This problem is not waiting for review"));
    assert!(!page.text.contains("Approve and publish"));
}

#[sqlx::test]
async fn staff_of_another_hub_cannot_see_or_decide_the_problem(pool: PgPool) {
    let Setup { app, problem, .. } = one_submitted_problem(pool, "verified").await;
    add_korea_hub(&app.pool).await;
    let mut korea = staff_of(&app, "kr@embassy.example", &["kr"]).await;
    let page = korea
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    for path in ["approve", "request-changes", "reject"] {
        let response = korea
            .post(
                &format!("/staff/problems/{problem}/{path}"),
                &[("reason", "x")],
            )
            .await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(status_of(&app, problem).await, "submitted");
    let missing = korea.get("/staff/problems/999999/decide").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let mut admin = app.signed_in("admin").await;
    let page = admin
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "admins decide for every hub");
    let response = admin
        .post(&format!("/staff/problems/{problem}/approve"), &[])
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
}

#[sqlx::test]
async fn organisations_are_verified_or_rejected_with_audit_and_notice(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let creator = app.create_user(AUTHOR, "owner", true).await;
    let first = org(&app.pool, "Bộ Công Thương", "unverified", Some(creator), 2).await;
    let second = org(&app.pool, "Công ty ABC", "unverified", Some(creator), 1).await;
    let mut staff = staff_of(&app, "can.bo@embassy.example", &[]).await;

    let page = staff.get(&format!("/staff/orgs/{first}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Verify the organisation"));
    let response = staff
        .post(&format!("/staff/orgs/{first}/verify"), &[])
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(response.location(), "/staff/review");

    let refused = staff
        .post(&format!("/staff/orgs/{second}/reject"), &[("reason", "")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains("Enter why you are rejecting the organisation")
    );
    let response = staff
        .post(
            &format!("/staff/orgs/{second}/reject"),
            &[("reason", "Không tìm thấy giấy phép kinh doanh")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);

    let stale = staff
        .post(&format!("/staff/orgs/{first}/reject"), &[("reason", "x")])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);

    let states: Vec<(String, bool)> = sqlx::query_as(
        "select status, decided_by is not null and decided_at is not null
           from organisations order by id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        states,
        [
            ("verified".to_string(), true),
            ("rejected".to_string(), true)
        ]
    );
    let audit = "select count(*) from audit_events
                  where action in ('org.verified', 'org.rejected') and target_type = 'organisation'";
    assert_eq!(app.count(audit).await, 2);
    let reason = "select count(*) from audit_events where action = 'org.rejected'
                   and details->>'reason' = 'Không tìm thấy giấy phép kinh doanh'";
    assert_eq!(app.count(reason).await, 1);
    let notices = format!(
        "select count(*) from notifications where user_id = {creator}
            and message_key in ('notice-org-verified', 'notice-org-rejected')"
    );
    assert_eq!(app.count(&notices).await, 2);
    let emails = format!("select count(*) from emails where to_address = '{AUTHOR}'");
    assert_eq!(app.count(&emails).await, 2);
    let (_, body) = app.last_email_to(AUTHOR).await;
    assert!(
        body.contains("Không tìm thấy giấy phép kinh doanh"),
        "{body}"
    );
}

#[sqlx::test]
async fn staff_attach_an_existing_owner_to_an_organisation(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let owner = app
        .create_user("chu.nhiem@hcmut.edu.vn", "owner", true)
        .await;
    app.create_user("nha.khoa.hoc@example.jp", "scientist", true)
        .await;
    let org_id = org(&app.pool, "Trường Đại học Bách khoa", "verified", None, 5).await;
    let rejected = org(&app.pool, "Bị từ chối", "rejected", None, 5).await;
    let mut staff = staff_of(&app, "can.bo@embassy.example", &[]).await;
    let path = format!("/staff/orgs/{org_id}/members");

    for (email, message) in [
        ("", "Enter the email address of the problem owner"),
        (
            "not-an-email",
            "Enter an email address in the correct format",
        ),
        (
            "nobody@example.vn",
            "There is no problem owner account with this email address",
        ),
        (
            "nha.khoa.hoc@example.jp",
            "There is no problem owner account with this email address",
        ),
    ] {
        let response = staff.post(&path, &[("email", email)]).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        assert!(response.text.contains(message), "{email}");
        assert!(
            response.text.contains(&format!("value=\"{email}\"")),
            "kept"
        );
    }
    let response = staff
        .post(
            &format!("/staff/orgs/{rejected}/members"),
            &[("email", "chu.nhiem@hcmut.edu.vn")],
        )
        .await;
    assert_eq!(response.status, StatusCode::CONFLICT);
    assert_eq!(app.count("select count(*) from org_members").await, 0);

    let response = staff
        .post(&path, &[("email", " Chu.Nhiem@HCMUT.edu.vn ")])
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(response.location(), format!("/staff/orgs/{org_id}"));
    let page = staff.get(&format!("/staff/orgs/{org_id}")).await;
    assert!(
        page.text
            .contains("The problem owner has been added to the organisation")
    );
    assert!(page.text.contains("chu.nhiem@hcmut.edu.vn"));

    let again = staff
        .post(&path, &[("email", "chu.nhiem@hcmut.edu.vn")])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let members =
        format!("select count(*) from org_members where org_id = {org_id} and user_id = {owner}");
    assert_eq!(app.count(&members).await, 1);
    let audit = "select count(*) from audit_events where action = 'org.member_added'";
    assert_eq!(app.count(audit).await, 1, "adding twice records once");
    let notices = format!(
        "select count(*) from notifications where user_id = {owner}
            and message_key = 'notice-org-member-added'"
    );
    assert_eq!(app.count(&notices).await, 1);
    let (_, body) = app.last_email_to("chu.nhiem@hcmut.edu.vn").await;
    assert!(body.contains("Trường Đại học Bách khoa"), "{body}");
}

#[sqlx::test]
async fn a_problem_returned_for_changes_can_be_resubmitted_and_is_queued_again(pool: PgPool) {
    let Setup {
        app,
        mut staff,
        problem,
        ..
    } = one_submitted_problem(pool, "verified").await;
    let response = staff
        .post(
            &format!("/staff/problems/{problem}/request-changes"),
            &[("reason", "Bổ sung ngân sách dự kiến")],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let queue = staff.get("/staff/review").await;
    assert!(!queue.text.contains("Thiết kế chip bán dẫn công suất"));

    resubmit(&app.pool, problem, 0).await;
    let queue = staff.get("/staff/review").await;
    assert!(queue.text.contains("Thiết kế chip bán dẫn công suất"));
    let page = staff
        .get(&format!("/staff/problems/{problem}/decide"))
        .await;
    assert!(page.text.contains("Review history"));
    assert!(page.text.contains("Changes requested"));
    assert!(page.text.contains("Bổ sung ngân sách dự kiến"));
    let response = staff
        .post(&format!("/staff/problems/{problem}/approve"), &[])
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, problem).await, "published");
}

const SIGN_IN: u16 = 303;

#[sqlx::test]
async fn only_staff_and_admins_may_use_the_review_routes(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let org_id = org(&app.pool, "Bộ Y tế", "unverified", None, 1).await;
    let problem = submitted(&app.pool, org_id, None, "Bài toán", &[], 1).await;
    let mut clients = vec![app.client()];
    for role in ["scientist", "owner", "staff", "admin"] {
        clients.push(app.signed_in(role).await);
    }
    // (path, expected for: visitor, scientist, owner, staff, admin)
    let gets = [
        ("/staff/review".to_string(), [SIGN_IN, 403, 403, 200, 200]),
        (
            format!("/staff/orgs/{org_id}"),
            [SIGN_IN, 403, 403, 200, 200],
        ),
        (
            format!("/staff/problems/{problem}/decide"),
            [SIGN_IN, 403, 403, 200, 200],
        ),
    ];
    for (path, expected) in &gets {
        for (client, want) in clients.iter_mut().zip(expected) {
            let response = client.get(path).await;
            assert_eq!(response.status.as_u16(), *want, "GET {path}");
            if *want == SIGN_IN {
                assert!(response.location().starts_with("/login?next="), "{path}");
            }
        }
    }
    let posts = [
        format!("/staff/orgs/{org_id}/verify"),
        format!("/staff/orgs/{org_id}/reject"),
        format!("/staff/orgs/{org_id}/members"),
        format!("/staff/problems/{problem}/approve"),
        format!("/staff/problems/{problem}/request-changes"),
        format!("/staff/problems/{problem}/reject"),
    ];
    for path in &posts {
        for (client, want) in clients.iter_mut().zip([SIGN_IN, 403, 403]) {
            let response = client
                .post(path, &[("reason", "x"), ("email", "x@y.vn")])
                .await;
            assert_eq!(response.status.as_u16(), want, "POST {path}");
            if want == SIGN_IN {
                assert!(response.location().starts_with("/login?next="), "{path}");
            }
        }
    }
    let decided =
        "select count(*) from audit_events where action like 'org.%' or action like 'problem.%'";
    assert_eq!(app.count(decided).await, 0, "nothing was decided");
    assert_eq!(status_of(&app, problem).await, "submitted");
}

#[sqlx::test]
async fn the_review_pages_render_in_every_language_with_no_raw_keys(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let keys = knowbridge::i18n::all_catalogue_keys(knowbridge::i18n::Locale::Vi);
    let author = app.create_user(AUTHOR, "owner", true).await;
    let org_id = org(
        &app.pool,
        "Bộ Khoa học và Công nghệ",
        "unverified",
        Some(author),
        2,
    )
    .await;
    let problem = submitted(&app.pool, org_id, Some(author), "Bán dẫn", &["jp"], 1).await;
    let mut staff = staff_of(&app, "can.bo@embassy.example", &["jp"]).await;
    let pages = [
        "/staff/review".to_string(),
        format!("/staff/orgs/{org_id}"),
        format!("/staff/problems/{problem}/decide"),
    ];
    for lang in ["vi", "ja", "en"] {
        staff.use_language(lang).await;
        for path in &pages {
            let response = staff.get(path).await;
            assert_eq!(response.status, StatusCode::OK, "{lang} {path}");
            assert!(response.text.contains(&format!("<html lang=\"{lang}\">")));
            for key in &keys {
                assert!(
                    !response.text.contains(&format!(">{key}<"))
                        && !response.text.contains(&format!("> {key}")),
                    "{lang} {path} shows the raw key {key}"
                );
            }
            assert_eq!(response.text.matches("<h1").count(), 1, "{lang} {path}");
            assert!(response.text.contains("href=\"/staff/review\""), "nav link");
        }
    }
    staff.use_language("ja").await;
    let queue = staff.get("/staff/review").await;
    assert!(queue.text.contains("審査待ちの技術課題（1件）"));
}

/// A problem published (by the legal path) with the given deadline, `None` for no deadline.
async fn published(
    pool: &PgPool,
    org_id: i64,
    author: i64,
    title: &str,
    deadline: Option<i32>,
) -> i64 {
    let id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, author_id, title, summary, deadline)
         values ($1, $2, $3, 's', current_date + $4) returning id",
    )
    .bind(org_id)
    .bind(author)
    .bind(title)
    .bind(deadline)
    .fetch_one(pool)
    .await
    .unwrap();
    for status in ["submitted", "published"] {
        sqlx::query("update problems set status = $2 where id = $1")
            .bind(id)
            .bind(status)
            .execute(pool)
            .await
            .unwrap();
    }
    id
}

async fn owner_row(pool: &PgPool, email: &str) -> i64 {
    sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, role)
         values ($1, 'x', 'Tác giả', 'owner') returning id",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test]
async fn expiry_marks_exactly_the_published_problems_past_their_deadline(pool: PgPool) {
    let author = owner_row(&pool, AUTHOR).await;
    let org_id = org(&pool, "Bộ KH&CN", "verified", Some(author), 9).await;
    let yesterday = published(&pool, org_id, author, "Hết hạn hôm qua", Some(-1)).await;
    let last_month = published(&pool, org_id, author, "Hết hạn tháng trước", Some(-30)).await;
    let today = published(&pool, org_id, author, "Hạn hôm nay", Some(0)).await;
    let future = published(&pool, org_id, author, "Còn hạn", Some(10)).await;
    let open_ended = published(&pool, org_id, author, "Không có hạn", None).await;
    let waiting = submitted(&pool, org_id, Some(author), "Chờ duyệt", &[], 1).await;
    sqlx::query("update problems set deadline = current_date - 5 where id = $1")
        .bind(waiting)
        .execute(&pool)
        .await
        .unwrap();

    let expired = knowbridge::problems::expiry::expire_past_deadline(&pool, "https://kb.example")
        .await
        .unwrap();
    assert_eq!(expired, 2);
    let statuses: Vec<(i64, String)> =
        sqlx::query_as("select id, status from problems order by id")
            .fetch_all(&pool)
            .await
            .unwrap();
    let status = |id: i64| statuses.iter().find(|(i, _)| *i == id).unwrap().1.as_str();
    assert_eq!(status(yesterday), "expired");
    assert_eq!(status(last_month), "expired");
    assert_eq!(status(today), "published");
    assert_eq!(status(future), "published");
    assert_eq!(status(open_ended), "published");
    assert_eq!(status(waiting), "submitted");

    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        count("select count(*) from problem_events where event = 'expired' and actor_id is null")
            .await,
        2
    );
    assert_eq!(
        count("select count(*) from audit_events where action = 'problem.expired' and actor_id is null").await,
        2
    );
    assert_eq!(
        count("select count(*) from notifications where message_key = 'notice-problem-expired'")
            .await,
        2
    );
    let body: String = sqlx::query_scalar("select body_text from emails order by id desc limit 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(body.contains("https://kb.example/problems/"), "{body}");

    let again = knowbridge::problems::expiry::expire_past_deadline(&pool, "https://kb.example")
        .await
        .unwrap();
    assert_eq!(again, 0, "nothing is expired twice");
}

#[sqlx::test]
async fn several_processes_expiring_at_once_expire_each_problem_once(pool: PgPool) {
    let author = owner_row(&pool, AUTHOR).await;
    let org_id = org(&pool, "Bộ KH&CN", "verified", Some(author), 9).await;
    for n in 0..250 {
        published(&pool, org_id, author, &format!("Bài toán {n}"), Some(-1)).await;
    }
    let run = || knowbridge::problems::expiry::expire_past_deadline(&pool, "https://kb.example");
    let (a, b, c) = tokio::join!(run(), run(), run());
    assert_eq!(a.unwrap() + b.unwrap() + c.unwrap(), 250);
    let events: i64 =
        sqlx::query_scalar("select count(*) from problem_events where event = 'expired'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(events, 250);
}

#[sqlx::test]
async fn the_server_expires_problems_in_the_background(pool: PgPool) {
    let author = owner_row(&pool, AUTHOR).await;
    let org_id = org(&pool, "Bộ KH&CN", "verified", Some(author), 9).await;
    let id = published(&pool, org_id, author, "Quá hạn", Some(-2)).await;
    let app = TestApp::spawn(pool).await;
    for _ in 0..50 {
        if status_of(&app, id).await == "expired" {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("housekeeping did not expire the problem");
}
