//! The three ways to start a match and every way it moves on: consents, rejection,
//! withdrawal and completion, with their history, audit rows and notifications.

use reqwest::StatusCode;
use sqlx::PgPool;

use super::fixtures::{
    TITLE, active_match, audit_actions, count, express_interest, match_id, notices, staff,
    state_of, world,
};
use crate::helpers::TestApp;

#[sqlx::test]
async fn interest_then_the_owners_and_the_embassys_consent_make_the_match_active_for_all_three(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = express_interest(&mut w).await;

    for (who, person) in [
        ("scientist", &mut w.scientist),
        ("owner", &mut w.owner),
        ("staff", &mut w.staff),
    ] {
        let page = person.get(&format!("/matches/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{who}");
        assert!(page.text.contains("Waiting for consent"), "{who}");
        assert!(
            page.text.contains("Tôi có 10 năm kinh nghiệm về GaN."),
            "{who}"
        );
        assert!(!page.text.contains("anh@tohoku.ac.jp"), "{who}: hidden");
        assert!(!page.text.contains("owner@vast.vn"), "{who}: hidden");
    }
    let owner_page = w.owner.get(&format!("/matches/{id}")).await;
    assert!(
        owner_page
            .text
            .contains(&format!("action=\"/matches/{id}/accept\""))
    );
    assert!(owner_page.text.contains("Accept or decline it"));

    let accepted = w.owner.post(&format!("/matches/{id}/accept"), &[]).await;
    assert_eq!(accepted.location(), format!("/matches/{id}"));
    assert_eq!(state_of(&app.pool, id).await, "pending");
    let staff_page = w.staff.get(&format!("/matches/{id}")).await;
    assert!(
        staff_page
            .text
            .contains(&format!("/staff/matches/{id}/approve"))
    );
    assert!(staff_page.text.contains("Accept or decline it"));
    let scientist_page = w.scientist.get(&format!("/matches/{id}")).await;
    assert!(
        scientist_page
            .text
            .contains("Waiting for the embassy&#39;s approval")
    );

    let approved = w
        .staff
        .post(&format!("/staff/matches/{id}/approve"), &[])
        .await;
    assert_eq!(approved.location(), format!("/matches/{id}"));
    assert_eq!(state_of(&app.pool, id).await, "active");

    for (who, person) in [
        ("scientist", &mut w.scientist),
        ("owner", &mut w.owner),
        ("staff", &mut w.staff),
    ] {
        let page = person.get(&format!("/matches/{id}")).await;
        assert!(
            page.text.contains("tag--green\">Active"),
            "{who} sees it active"
        );
        assert!(page.text.contains("mailto:anh@tohoku.ac.jp"), "{who}");
        assert!(page.text.contains("mailto:owner@vast.vn"), "{who}");
        assert_eq!(page.text.matches("tag--green\">Agreed").count(), 3, "{who}");
    }
    let flash = w.staff.get(&format!("/matches/{id}")).await;
    assert!(
        !flash.text.contains("All three have agreed"),
        "the flash is shown once"
    );

    assert_eq!(
        audit_actions(&app.pool, id).await,
        [
            "match.created",
            "match.accepted",
            "match.approved",
            "match.activated"
        ]
    );
    let events: Vec<String> =
        sqlx::query_scalar("select event from match_events where match_id = $1 order by id")
            .bind(id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(events, ["created", "accepted", "approved", "activated"]);
    assert_eq!(
        notices(&app.pool, w.owner.id).await,
        ["notice-match-interest", "notice-match-activated"]
    );
    assert_eq!(
        notices(&app.pool, w.staff.id).await,
        ["notice-match-interest", "notice-match-accepted-by-owner"]
    );
    assert_eq!(
        notices(&app.pool, w.scientist.id).await,
        ["notice-match-accepted-by-owner", "notice-match-activated"]
    );
    let (_, body) = app.last_email_to("owner@vast.vn").await;
    assert!(body.contains("is active: all three have agreed"), "{body}");
    assert!(body.contains(&format!("/matches/{id}")), "{body}");
    let (_, body) = app.last_email_to("staff.jp@mofa.gov.vn").await;
    assert!(
        body.contains("The problem owner has accepted Nguyễn Thị Ngọc Ánh"),
        "{body}"
    );
}

#[sqlx::test]
async fn an_invitation_is_accepted_by_the_scientist_and_approved_by_the_embassy(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let invited = w
        .owner
        .post(
            &format!("/problems/{}/invitations", w.problem),
            &[
                ("scientist_id", &w.scientist.id.to_string()),
                ("note", "Chúng tôi mời chị chủ trì phần thiết kế."),
            ],
        )
        .await;
    let id = match_id(&invited);
    assert_eq!(
        notices(&app.pool, w.scientist.id).await,
        ["notice-match-invited-you"]
    );
    let (_, body) = app.last_email_to("anh@tohoku.ac.jp").await;
    assert!(
        body.contains("You are invited to work on the problem"),
        "{body}"
    );
    let page = w.scientist.get(&format!("/matches/{id}")).await;
    assert!(page.text.contains("Invitation"));
    assert!(page.text.contains("To be agreed"), "no kind chosen yet");

    let accepted = w
        .scientist
        .post(&format!("/matches/{id}/accept"), &[])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    let approved = w
        .staff
        .post(&format!("/staff/matches/{id}/approve"), &[])
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app.pool, id).await, "active");
    assert_eq!(
        audit_actions(&app.pool, id).await,
        [
            "match.created",
            "match.accepted",
            "match.approved",
            "match.activated"
        ]
    );
}

#[sqlx::test]
async fn a_staff_proposal_needs_the_scientist_and_the_owner_and_stays_in_the_staffs_hubs(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    sqlx::query(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ('kr', 'KR', 'Hàn Quốc', '韓国', 'Korea')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let mut korea = staff(&app, "staff.kr@mofa.gov.vn", Some(&["kr"])).await;
    let problem = w.problem.to_string();
    let scientist = w.scientist.id.to_string();
    let fields = [
        ("problem_id", problem.as_str()),
        ("scientist_id", scientist.as_str()),
        ("note", "Chuyên môn của chị Ánh phù hợp."),
    ];
    korea.get("/staff/matches/new").await;
    let outside = korea.post("/staff/matches", &fields).await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        outside
            .text
            .contains("There is no published problem with this number in your hubs")
    );
    assert!(outside.text.contains("href=\"#problem_id\""));

    let form = w
        .staff
        .get(&format!("/staff/matches/new?problem_id={}", w.problem))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains(TITLE), "the problem is named");
    let bad = w
        .staff
        .post(
            "/staff/matches",
            &[("problem_id", problem.as_str()), ("scientist_id", "999999")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text
            .contains("There is no scientist profile with this number")
    );
    assert!(bad.text.contains("Enter why you propose this match"));
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 0);

    let id = match_id(&w.staff.post("/staff/matches", &fields).await);
    assert_eq!(
        notices(&app.pool, w.scientist.id).await,
        ["notice-match-proposed-you"]
    );
    assert_eq!(
        notices(&app.pool, w.owner.id).await,
        ["notice-match-proposal"]
    );
    let accepted = w
        .scientist
        .post(&format!("/matches/{id}/accept"), &[])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app.pool, id).await, "pending");
    w.owner.post(&format!("/matches/{id}/accept"), &[]).await;
    assert_eq!(state_of(&app.pool, id).await, "active");
    let korean_view = korea.get(&format!("/matches/{id}")).await;
    assert_eq!(
        korean_view.status,
        StatusCode::NOT_FOUND,
        "other hubs' staff"
    );
}

#[sqlx::test]
async fn the_embassy_rejects_with_a_reason_and_the_others_are_told(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = express_interest(&mut w).await;
    let path = format!("/staff/matches/{id}/reject");
    let blank = w.staff.post(&path, &[("reason", "   ")]).await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        blank
            .text
            .contains("Enter why you are not approving the match")
    );
    let long = "x".repeat(2001);
    let too_long = w.staff.post(&path, &[("reason", long.as_str())]).await;
    assert!(
        too_long
            .text
            .contains("The reason must be 2,000 characters or fewer")
    );
    assert!(too_long.text.contains(&long), "the reason is kept");
    assert_eq!(state_of(&app.pool, id).await, "pending");

    let rejected = w
        .staff
        .post(&path, &[("reason", "Thiếu thông tin về ngân sách.")])
        .await;
    assert_eq!(rejected.status, StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app.pool, id).await, "declined");
    let details: serde_json::Value = sqlx::query_scalar(
        "select details from audit_events where action = 'match.rejected' and target_id = $1",
    )
    .bind(id.to_string())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(details["reason"], "Thiếu thông tin về ngân sách.");
    assert_eq!(details["from"], "pending");
    assert_eq!(
        notices(&app.pool, w.scientist.id).await,
        ["notice-match-rejected"]
    );
    let (_, body) = app.last_email_to("owner@vast.vn").await;
    assert!(body.contains("The embassy has not approved"), "{body}");
    let again = w.staff.post(&path, &[("reason", "Lần hai")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "already ended");
}

#[sqlx::test]
async fn the_scientist_may_withdraw_and_the_owner_may_not(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = express_interest(&mut w).await;
    let by_owner = w.owner.post(&format!("/matches/{id}/withdraw"), &[]).await;
    assert_eq!(by_owner.status, StatusCode::CONFLICT);
    assert!(by_owner.text.contains("You cannot do this on this match"));
    assert!(by_owner.text.contains("Nothing was changed"));
    assert_eq!(state_of(&app.pool, id).await, "pending");

    let page = w.scientist.get(&format!("/matches/{id}")).await;
    assert!(
        page.text
            .contains(&format!("action=\"/matches/{id}/withdraw\""))
    );
    let withdrawn = w
        .scientist
        .post(
            &format!("/matches/{id}/withdraw"),
            &[("withdraw_reason", "Tôi không còn thời gian.")],
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app.pool, id).await, "withdrawn");
    assert_eq!(
        audit_actions(&app.pool, id).await,
        ["match.created", "match.withdrawn"]
    );
    assert_eq!(
        notices(&app.pool, w.owner.id).await,
        ["notice-match-interest", "notice-match-withdrawn-reason"]
    );
    let page = w.owner.get(&format!("/matches/{id}")).await;
    assert!(page.text.contains("Withdrawn by the scientist"));
    assert!(page.text.contains("Tôi không còn thời gian."));
    assert!(
        !page.text.contains("/accept\""),
        "nothing is left to accept"
    );
    assert!(!page.text.contains("/decline\""), "or to decline");
}

#[sqlx::test]
async fn an_active_match_is_completed_with_its_outcome(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = active_match(&mut w).await;
    let path = format!("/matches/{id}/complete");
    let by_scientist = w.scientist.post(&path, &[("outcome_note", "Xong")]).await;
    assert_eq!(by_scientist.status, StatusCode::CONFLICT);
    let empty = w.owner.post(&path, &[]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text.contains("Enter what happened"));
    assert!(empty.text.contains("href=\"#outcome_note\""));
    assert_eq!(state_of(&app.pool, id).await, "active");

    let outcome = "Dự án đã khởi động; 3 học viên được tiếp nhận tại Sendai.";
    let done = w.owner.post(&path, &[("outcome_note", outcome)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app.pool, id).await, "completed");
    let page = w.scientist.get(&format!("/matches/{id}")).await;
    assert!(page.text.contains("tag--purple\">Completed"));
    assert!(page.text.contains(outcome));
    assert!(
        page.text.contains("mailto:owner@vast.vn"),
        "contacts stay revealed"
    );
    assert_eq!(
        audit_actions(&app.pool, id)
            .await
            .last()
            .map(String::as_str),
        Some("match.completed")
    );
    assert_eq!(
        notices(&app.pool, w.scientist.id)
            .await
            .last()
            .map(String::as_str),
        Some("notice-match-completed")
    );
    let (_, body) = app.last_email_to("staff.jp@mofa.gov.vn").await;
    assert!(body.contains(outcome), "{body}");
}

#[sqlx::test]
async fn accepting_twice_is_refused_and_changes_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let id = express_interest(&mut w).await;
    let by_creator = w
        .scientist
        .post(&format!("/matches/{id}/accept"), &[])
        .await;
    assert_eq!(by_creator.status, StatusCode::CONFLICT);
    assert!(
        by_creator
            .text
            .contains("You have already agreed to this match")
    );
    w.owner.post(&format!("/matches/{id}/accept"), &[]).await;
    let again = w.owner.post(&format!("/matches/{id}/accept"), &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        audit_actions(&app.pool, id).await,
        ["match.created", "match.accepted"]
    );
    assert_eq!(
        count(&app.pool, "select count(*) from match_events").await,
        2
    );
}
