//! Who sees what: the three parties and nobody else, what a match opens (invite-only problems,
//! staff-only profiles), the conflict flag for staff, and the message thread.

use reqwest::StatusCode;
use sqlx::PgPool;

use super::fixtures;
use super::fixtures::{
    ORG_EN, ProblemSpec, ProfileSpec, audit_actions, count, express_interest, match_id, notices,
    problem, scientist, staff, state_of, world,
};
use crate::helpers::TestApp;

#[sqlx::test]
async fn only_the_three_parties_see_or_touch_a_match(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = express_interest(&mut w).await;
    let other_org = fixtures::org(&app.pool, "Sở KH&CN Đà Nẵng", "Da Nang DOST").await;
    let mut outsiders = [
        scientist(&app, "other@kyoto-u.ac.jp", ProfileSpec::default()).await,
        fixtures::owner(&app, "owner@danang.gov.vn", other_org).await,
    ];
    let mut admin = staff(&app, "admin@knowbridge.vn", None).await;
    assert_eq!(
        admin.get(&format!("/matches/{id}")).await.status,
        StatusCode::OK,
        "admins work for every hub"
    );
    for person in outsiders.iter_mut() {
        let page = person.get(&format!("/matches/{id}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", person.email);
        for action in ["accept", "decline", "withdraw", "complete", "messages"] {
            let response = person
                .post(
                    &format!("/matches/{id}/{action}"),
                    &[("reason", "x"), ("outcome_note", "x"), ("body", "x")],
                )
                .await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{action}");
        }
    }
    let staff_only = outsiders[0]
        .post(&format!("/staff/matches/{id}/approve"), &[])
        .await;
    assert_eq!(staff_only.status, StatusCode::FORBIDDEN);
    let mut visitor = app.client();
    let response = visitor.get(&format!("/matches/{id}")).await;
    assert_eq!(
        response.status,
        StatusCode::SEE_OTHER,
        "visitors sign in first"
    );
    assert_eq!(
        w.owner.get("/matches/999999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(state_of(&app.pool, id).await, "pending");
    assert_eq!(audit_actions(&app.pool, id).await, ["match.created"]);
    assert_eq!(
        count(&app.pool, "select count(*) from match_messages").await,
        0
    );
}

#[sqlx::test]
async fn an_invite_only_problem_opens_to_the_scientist_it_invites(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let secret = problem(
        &app.pool,
        w.org,
        ProblemSpec {
            title: "Bài toán mật về radar",
            confidentiality: "invite_only",
            ..ProblemSpec::default()
        },
    )
    .await;
    let mut bystander = scientist(&app, "binh@nagoya-u.ac.jp", ProfileSpec::default()).await;
    for person in [&mut w.scientist, &mut bystander] {
        let page = person.get(&format!("/problems/{secret}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let board = person.get("/problems").await;
        assert!(!board.text.contains("Bài toán mật về radar"));
        let interest = person.get(&format!("/problems/{secret}/interest")).await;
        assert_eq!(interest.status, StatusCode::NOT_FOUND);
    }
    let invited = w
        .owner
        .post(
            &format!("/problems/{secret}/invitations"),
            &[
                ("scientist_id", &w.scientist.id.to_string()),
                ("note", "Mời chị"),
            ],
        )
        .await;
    let id = match_id(&invited);
    let page = w.scientist.get(&format!("/problems/{secret}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains(&format!("href=\"/matches/{id}\"")),
        "their match is linked"
    );
    let board = w.scientist.get("/problems").await;
    assert!(board.text.contains("Bài toán mật về radar"));
    let still_hidden = bystander.get(&format!("/problems/{secret}")).await;
    assert_eq!(still_hidden.status, StatusCode::NOT_FOUND);
}

#[sqlx::test]
async fn a_staff_only_profile_opens_to_the_owner_once_they_share_a_match(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let mut private = scientist(
        &app,
        "private@tokyo.ac.jp",
        ProfileSpec {
            name: "Phạm Thu Hà",
            visibility: "staff",
            ..ProfileSpec::default()
        },
    )
    .await;
    let other_org = fixtures::org(&app.pool, "Tập đoàn Viettel", "Viettel Group").await;
    let mut other_owner = fixtures::owner(&app, "owner@viettel.vn", other_org).await;
    let profile = format!("/scientists/{}", private.id);
    assert_eq!(w.owner.get(&profile).await.status, StatusCode::NOT_FOUND);
    let hidden = w
        .owner
        .post(
            &format!("/problems/{}/invitations", w.problem),
            &[("scientist_id", &private.id.to_string()), ("note", "Mời")],
        )
        .await;
    assert_eq!(
        hidden.status,
        StatusCode::NOT_FOUND,
        "cannot invite an unseen profile"
    );

    let path = format!("/problems/{}/interest", w.problem);
    private.get(&path).await;
    let created = private
        .post(
            &path,
            &[("engagement_kind", "advisory"), ("note", "Tôi quan tâm.")],
        )
        .await;
    match_id(&created);
    let seen = w.owner.get(&profile).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen.text.contains("Phạm Thu Hà"));
    assert_eq!(
        other_owner.get(&profile).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test]
async fn the_conflict_of_interest_flag_is_set_and_shown_to_staff_only(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let affiliation = format!("  {}  ", ORG_EN.to_uppercase());
    let mut insider = scientist(
        &app,
        "insider@vast.vn",
        ProfileSpec {
            name: "Trần Văn Bình",
            affiliation: &affiliation,
            ..ProfileSpec::default()
        },
    )
    .await;
    let path = format!("/problems/{}/interest", w.problem);
    insider.get(&path).await;
    let created = insider
        .post(
            &path,
            &[("engagement_kind", "advisory"), ("note", "Tôi ở viện.")],
        )
        .await;
    let flagged = match_id(&created);
    let plain = express_interest(&mut w).await;
    let flags: Vec<(i64, bool)> =
        sqlx::query_as("select id, conflict_of_interest from matches order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(flags, [(flagged, true), (plain, false)]);

    let staff_page = w.staff.get(&format!("/matches/{flagged}")).await;
    assert!(staff_page.text.contains("Possible conflict of interest"));
    assert!(
        staff_page
            .text
            .contains("Yes: the scientist works for the owning organisation")
    );
    let plain_page = w.staff.get(&format!("/matches/{plain}")).await;
    assert!(!plain_page.text.contains("Possible conflict of interest"));
    let queue = w.staff.get("/staff/review").await;
    assert_eq!(
        queue.text.matches("Possible conflict of interest").count(),
        1
    );
    let owner_page = w.owner.get(&format!("/matches/{flagged}")).await;
    assert!(!owner_page.text.contains("conflict of interest"));
    let own_page = insider.get(&format!("/matches/{flagged}")).await;
    assert!(!own_page.text.contains("conflict of interest"));
}

#[sqlx::test]
async fn messages_are_for_the_parties_and_notify_the_others(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = express_interest(&mut w).await;
    let path = format!("/matches/{id}/messages");
    let blank = w.scientist.post(&path, &[("body", " ")]).await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blank.text.contains("Enter your message"));
    let long = "あ".repeat(2001);
    let too_long = w.scientist.post(&path, &[("body", long.as_str())]).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_long
            .text
            .contains("Your message must be 2,000 characters or fewer")
    );
    assert!(too_long.text.contains(&long), "the message is kept");

    let sent = w
        .scientist
        .post(
            &path,
            &[("body", "Khi nào chúng ta có thể họp trực tuyến?")],
        )
        .await;
    assert_eq!(sent.location(), format!("/matches/{id}#messages"));
    let reply = w.owner.post(&path, &[("body", "Thứ Hai tuần sau.")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = w.staff.get(&format!("/matches/{id}")).await;
    assert!(
        page.text
            .contains("Khi nào chúng ta có thể họp trực tuyến?")
    );
    assert!(page.text.contains("Thứ Hai tuần sau."));
    assert!(page.text.contains("(Problem owner)"));
    assert_eq!(
        notices(&app.pool, w.owner.id).await,
        ["notice-match-interest", "notice-match-message"]
    );
    assert_eq!(
        notices(&app.pool, w.scientist.id).await,
        ["notice-match-message"]
    );
    assert_eq!(
        count(&app.pool, "select count(*) from match_messages").await,
        2
    );
}
