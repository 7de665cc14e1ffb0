//! One live match per pair, and the bad input: each refused with a clear message and
//! nothing changed.

use reqwest::StatusCode;
use sqlx::PgPool;

use super::fixtures::{
    ProblemSpec, ProfileSpec, count, express_interest, problem, scientist, state_of, world,
};
use crate::helpers::TestApp;

#[sqlx::test]
async fn a_pair_has_one_live_match_and_may_start_again_after_a_decline(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let first = express_interest(&mut w).await;
    let path = format!("/problems/{}/interest", w.problem);
    let again = w.scientist.get(&path).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again
            .text
            .contains("There is already a match for this problem and scientist")
    );
    assert!(again.text.contains(&format!("href=\"/matches/{first}\"")));
    let twice = w
        .scientist
        .post(
            &path,
            &[("engagement_kind", "advisory"), ("note", "Lần nữa")],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let scientist = w.scientist.id.to_string();
    let invitation = w
        .owner
        .post(
            &format!("/problems/{}/invitations", w.problem),
            &[("scientist_id", scientist.as_str()), ("note", "Mời chị")],
        )
        .await;
    assert_eq!(invitation.status, StatusCode::CONFLICT);
    assert!(invitation.text.contains("There is already a match"));
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 1);

    let no_reason = w
        .owner
        .post(&format!("/matches/{first}/decline"), &[])
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.text.contains("<title>Error: "));
    assert!(
        no_reason
            .text
            .contains("Enter why you are declining the match")
    );
    assert!(no_reason.text.contains("href=\"#reason\""));
    assert_eq!(state_of(&app.pool, first).await, "pending");
    let declined = w
        .owner
        .post(
            &format!("/matches/{first}/decline"),
            &[("reason", "Chúng tôi đã có đối tác.")],
        )
        .await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app.pool, first).await, "declined");
    let reason: Option<String> = sqlx::query_scalar("select end_reason from matches where id = $1")
        .bind(first)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(reason.as_deref(), Some("Chúng tôi đã có đối tác."));
    let page = w.scientist.get(&format!("/matches/{first}")).await;
    assert!(page.text.contains("Chúng tôi đã có đối tác."));
    let (_, body) = app.last_email_to("anh@tohoku.ac.jp").await;
    assert!(body.contains("Reason: Chúng tôi đã có đối tác."), "{body}");

    let second = express_interest(&mut w).await;
    assert_ne!(first, second);
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 2);
}

#[sqlx::test]
async fn two_simultaneous_interests_create_one_match(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let mut other_tab = app.client();
    other_tab
        .sign_in("anh@tohoku.ac.jp", crate::helpers::PASSWORD)
        .await;
    let path = format!("/problems/{}/interest", w.problem);
    other_tab.get(&path).await;
    w.scientist.get(&path).await;
    let fields = [("engagement_kind", "advisory"), ("note", "Cùng lúc")];
    let (a, b) = tokio::join!(
        w.scientist.client.post(&path, &fields),
        other_tab.post(&path, &fields)
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 409]);
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 1);
}

#[sqlx::test]
async fn interest_is_refused_on_a_problem_not_published_or_past_its_deadline(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let draft = problem(
        &app.pool,
        w.org,
        ProblemSpec {
            status: "draft",
            ..ProblemSpec::default()
        },
    )
    .await;
    let closed = problem(
        &app.pool,
        w.org,
        ProblemSpec {
            status: "closed",
            ..ProblemSpec::default()
        },
    )
    .await;
    let late = problem(
        &app.pool,
        w.org,
        ProblemSpec {
            deadline_in_days: -1,
            ..ProblemSpec::default()
        },
    )
    .await;
    let fields = [("engagement_kind", "advisory"), ("note", "Tôi quan tâm.")];
    let to_draft = w
        .scientist
        .post(&format!("/problems/{draft}/interest"), &fields)
        .await;
    assert_eq!(to_draft.status, StatusCode::NOT_FOUND);
    let to_closed = w
        .scientist
        .post(&format!("/problems/{closed}/interest"), &fields)
        .await;
    assert_eq!(to_closed.status, StatusCode::CONFLICT);
    assert!(to_closed.text.contains("This problem is no longer open"));
    let to_late = w
        .scientist
        .post(&format!("/problems/{late}/interest"), &fields)
        .await;
    assert_eq!(to_late.status, StatusCode::CONFLICT);
    assert!(to_late.text.contains("The application deadline has passed"));
    let invite_draft = w
        .owner
        .post(
            &format!("/problems/{draft}/invitations"),
            &[
                ("scientist_id", &w.scientist.id.to_string()),
                ("note", "Mời"),
            ],
        )
        .await;
    assert_eq!(invite_draft.status, StatusCode::CONFLICT);
    assert!(invite_draft.text.contains("once the problem is published"));
    let newcomer = "new@kobe-u.ac.jp";
    app.create_user(newcomer, "scientist", true).await;
    let mut no_profile = app.client();
    no_profile.sign_in(newcomer, crate::helpers::PASSWORD).await;
    no_profile.use_language("en").await;
    let without = no_profile
        .post(&format!("/problems/{}/interest", w.problem), &fields)
        .await;
    assert_eq!(without.status, StatusCode::CONFLICT);
    assert!(without.text.contains("Create your expertise profile first"));
    assert!(without.text.contains("href=\"/me/profile\""));
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 0);
    assert_eq!(
        count(&app.pool, "select count(*) from notifications").await,
        0
    );
}

#[sqlx::test]
async fn an_invitation_of_a_scientist_offering_none_of_the_kinds_sought_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let teacher = scientist(
        &app,
        "teacher@osaka-u.ac.jp",
        ProfileSpec {
            name: "Lê Minh Châu",
            kinds: &["short_teaching"],
            ..ProfileSpec::default()
        },
    )
    .await;
    let response = w
        .owner
        .post(
            &format!("/problems/{}/invitations", w.problem),
            &[
                ("scientist_id", &teacher.id.to_string()),
                ("note", "Mời anh"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::CONFLICT);
    assert!(
        response
            .text
            .contains("This scientist offers none of the kinds of engagement the problem seeks")
    );
    assert!(response.text.contains("href=\"#scientist\""));
    assert!(response.text.contains("Lê Minh Châu"));
    let unknown = w
        .owner
        .post(
            &format!("/problems/{}/invitations", w.problem),
            &[("scientist_id", "nope"), ("note", "Mời")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 0);
}

#[sqlx::test]
async fn an_empty_or_too_long_note_is_refused_beside_its_field_with_the_values_kept(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let path = format!("/problems/{}/interest", w.problem);
    let form = w.scientist.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("value=\"joint_research\""));
    assert!(
        !form.text.contains("value=\"host_trainees\""),
        "only kinds in common"
    );
    let cases: [(&str, String, &str); 4] = [
        (
            "engagement_kind",
            "".into(),
            "Select how you would take part",
        ),
        (
            "engagement_kind",
            "host_trainees".into(),
            "Select a kind of engagement that the problem seeks",
        ),
        ("note", "".into(), "Enter what you can offer"),
        (
            "note",
            "ữ".repeat(2001),
            "The note must be 2,000 characters or fewer",
        ),
    ];
    for (field, value, message) in &cases {
        let mut fields = vec![("engagement_kind", "advisory"), ("note", "Ghi chú hợp lệ")];
        fields.retain(|(k, _)| k != field);
        fields.push((field, value.as_str()));
        let response = w.scientist.post(&path, &fields).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(response.text.contains("<title>Error: "), "{field}");
        assert!(response.text.contains(message), "{field}: {message}");
        assert!(
            response.text.contains(&format!("href=\"#{field}\"")),
            "{field}"
        );
        assert!(
            response.text.contains(&format!("id=\"{field}-error\"")),
            "{field}"
        );
        if *field == "note" {
            assert!(
                response.text.contains("value=\"advisory\" checked"),
                "kind kept"
            );
        } else {
            assert!(response.text.contains("Ghi chú hợp lệ"), "note kept");
        }
    }
    let invitation = w
        .owner
        .post(
            &format!("/problems/{}/invitations", w.problem),
            &[("scientist_id", &w.scientist.id.to_string()), ("note", "")],
        )
        .await;
    assert_eq!(invitation.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(invitation.text.contains("Enter a message to the scientist"));
    assert_eq!(count(&app.pool, "select count(*) from matches").await, 0);
}
