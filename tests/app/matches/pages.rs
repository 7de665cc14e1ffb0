//! The lists of matches (mine, a problem's, the staff queue) and every match page in three
//! languages.

use reqwest::StatusCode;
use sqlx::PgPool;

use super::fixtures::{
    ORG_EN, ProfileSpec, TITLE, World, express_interest, match_id, scientist, staff, world,
};
use crate::helpers::TestApp;

#[sqlx::test]
async fn my_matches_lists_each_match_with_its_problem_state_and_next_step(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let empty = w.scientist.get("/me/matches").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.text.contains("You have no matches yet."));
    let nav = w.scientist.get("/").await;
    assert!(
        nav.text.contains("href=\"/me/matches\""),
        "the navigation links to it"
    );
    let id = express_interest(&mut w).await;
    let page = w.scientist.get("/me/matches").await;
    for expected in [
        format!("href=\"/matches/{id}\""),
        TITLE.to_string(),
        ORG_EN.to_string(),
        "Waiting for consent".to_string(),
        "Waiting for the problem owner".to_string(),
        "Expression of interest".to_string(),
    ] {
        assert!(page.text.contains(&expected), "{expected}");
    }
    assert_eq!(
        w.owner.get("/me/matches").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.staff.get("/me/matches").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.client().get("/me/matches").await.status,
        StatusCode::SEE_OTHER
    );
}

#[sqlx::test]
async fn the_problem_page_lists_its_matches_to_members_and_staff(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let mut newcomer = scientist(&app, "moi@hokudai.ac.jp", ProfileSpec::default()).await;
    let id = express_interest(&mut w).await;
    let problem_page = format!("/problems/{}", w.problem);
    for (who, person) in [("owner", &mut w.owner), ("staff", &mut w.staff)] {
        let page = person.get(&problem_page).await;
        assert!(page.text.contains("id=\"problem-matches\""), "{who}");
        assert!(
            page.text.contains(&format!("href=\"/matches/{id}\"")),
            "{who}"
        );
        assert!(page.text.contains("Nguyễn Thị Ngọc Ánh"), "{who}");
    }
    let owner_page = w.owner.get(&problem_page).await;
    assert!(
        owner_page
            .text
            .contains(&format!("/problems/{}/candidates", w.problem))
    );
    let staff_page = w.staff.get(&problem_page).await;
    assert!(
        staff_page
            .text
            .contains(&format!("/staff/matches/new?problem_id={}", w.problem))
    );
    let own = w.scientist.get(&problem_page).await;
    assert!(own.text.contains(&format!("href=\"/matches/{id}\"")));
    assert!(!own.text.contains("id=\"problem-matches\""));
    let fresh = newcomer.get(&problem_page).await;
    assert!(
        fresh
            .text
            .contains(&format!("href=\"/problems/{}/interest\"", w.problem))
    );
    assert!(!fresh.text.contains("/matches/"));
    let visitor = app.client().get(&problem_page).await;
    assert!(!visitor.text.contains("id=\"matches\""));
}

#[sqlx::test]
async fn the_review_page_lists_matches_waiting_for_the_embassy_oldest_first_in_its_hubs(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    let mut second = scientist(
        &app,
        "second@kyushu-u.ac.jp",
        ProfileSpec {
            name: "Đỗ Quang Huy",
            ..ProfileSpec::default()
        },
    )
    .await;
    let newer = express_interest(&mut w).await;
    let path = format!("/problems/{}/interest", w.problem);
    second.get(&path).await;
    let older = match_id(
        &second
            .post(
                &path,
                &[
                    ("engagement_kind", "advisory"),
                    ("note", "Tôi muốn tham gia."),
                ],
            )
            .await,
    );
    sqlx::query("update matches set created_at = now() - interval '3 days' where id = $1")
        .bind(older)
        .execute(&app.pool)
        .await
        .unwrap();
    let queue = w.staff.get("/staff/review").await;
    assert!(queue.text.contains("Matches waiting for approval (2)"));
    let at = |needle: &str| queue.text.find(needle).unwrap();
    assert!(at(&format!("/matches/{older}\"")) < at(&format!("/matches/{newer}\"")));

    sqlx::query(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ('kr', 'KR', 'Hàn Quốc', '韓国', 'Korea')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let mut korea = staff(&app, "staff.kr@mofa.gov.vn", Some(&["kr"])).await;
    let theirs = korea.get("/staff/review").await;
    assert!(theirs.text.contains("Matches waiting for approval (0)"));
    assert!(
        theirs
            .text
            .contains("No matches in your hubs are waiting for approval.")
    );

    w.staff
        .post(&format!("/staff/matches/{newer}/approve"), &[])
        .await;
    let after = w.staff.get("/staff/review").await;
    assert!(after.text.contains("Matches waiting for approval (1)"));
    assert!(!after.text.contains(&format!("/matches/{newer}\"")));
}

/// Every key of every catalogue, to look for raw keys on the pages.
fn all_keys() -> Vec<String> {
    knowbridge::i18n::all_catalogue_keys(knowbridge::i18n::Locale::Vi)
}

fn assert_translated(lang: &str, path: &str, text: &str, keys: &[String]) {
    assert!(
        text.contains(&format!("<html lang=\"{lang}\">")),
        "{lang} {path}"
    );
    for key in keys {
        assert!(
            !text.contains(&format!(">{key}<")) && !text.contains(&format!("> {key}")),
            "{lang} {path} shows the raw key {key}"
        );
    }
    assert_eq!(text.matches("<h1").count(), 1, "{lang} {path}: one h1");
}

#[sqlx::test]
async fn match_pages_render_in_vietnamese_japanese_and_english_without_raw_keys(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w: World = world(&app).await;
    let keys = all_keys();
    let id = express_interest(&mut w).await;
    w.scientist
        .post(&format!("/matches/{id}/messages"), &[("body", "Xin chào")])
        .await;
    let problem_page = format!("/problems/{}", w.problem);
    let match_page = format!("/matches/{id}");
    for lang in ["vi", "ja", "en"] {
        for person in [&mut w.scientist, &mut w.owner, &mut w.staff] {
            person.client.use_language(lang).await;
        }
        let pages = [
            ("scientist", match_page.as_str()),
            ("owner", match_page.as_str()),
            ("staff", match_page.as_str()),
            ("scientist", "/me/matches"),
            ("owner", problem_page.as_str()),
            ("staff", "/staff/review"),
            ("staff", "/staff/matches/new"),
        ];
        for (who, path) in pages {
            let response = w.person(who).get(path).await;
            assert_eq!(response.status, StatusCode::OK, "{lang} {who} {path}");
            assert_translated(lang, path, &response.text, &keys);
        }
        let refused = w.scientist.post(&format!("{match_page}/accept"), &[]).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        assert_translated(lang, "accept twice", &refused.text, &keys);
        let invalid = w.owner.post(&format!("{match_page}/decline"), &[]).await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_translated(lang, "decline without reason", &invalid.text, &keys);
        let duplicate = w
            .scientist
            .get(&format!("/problems/{}/interest", w.problem))
            .await;
        assert_eq!(duplicate.status, StatusCode::CONFLICT);
        assert_translated(lang, "duplicate", &duplicate.text, &keys);
    }
    let (_, body) = app.last_email_to("owner@vast.vn").await;
    assert!(
        body.contains("New message about the match"),
        "the owner reads English last: {body}"
    );
}

#[sqlx::test]
async fn problems_written_without_match_terms_get_them_from_the_fill(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let w = world(&app).await;
    sqlx::query("update problems set match_terms = null")
        .execute(&app.pool)
        .await
        .unwrap();
    let filled = knowbridge::matches::ranking::queries::fill_missing_match_terms(&app.pool)
        .await
        .unwrap();
    assert!(filled >= 1);
    let (title, summary, keywords, stored): (String, String, Vec<String>, Vec<String>) =
        sqlx::query_as("select title, summary, keywords, match_terms from problems where id = $1")
            .bind(w.problem)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let expected =
        knowbridge::matches::ranking::text::problem_terms(&title, &summary, "", &keywords);
    assert_eq!(stored, expected);
    assert!(stored.contains(&"gan".to_string()), "{stored:?}");
}

#[sqlx::test]
async fn a_rare_engagement_kind_finds_its_few_candidates_beyond_the_field_windows(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut w = world(&app).await;
    // The problem asks for one field and only a rarely offered kind.
    for sql in [
        "insert into problem_fields (problem_id, field_code) values ($1, 'oecd.2.2')",
        "delete from problem_engagements where problem_id = $1",
        "insert into problem_engagements (problem_id, kind) values ($1, 'science_council')",
    ] {
        sqlx::query(sql)
            .bind(w.problem)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    // More holders of the field than the first pass reads, none offering that kind, then
    // three who do (their ids come after the window).
    let holders = knowbridge::matches::ranking::queries::FIELD_WINDOW + 100;
    for (prefix, count, kind) in [
        ("bulk", holders, "advisory"),
        ("rare", 3, "science_council"),
    ] {
        for sql in [
            "insert into users (email, password_hash, display_name, role, email_verified_at)
             select $1 || g || '@example.org', 'x', 'Chuyên gia ' || $1 || ' ' || g, 'scientist',
                    now()
               from generate_series(1, $2) g",
            "insert into scientist_profiles (user_id, full_name, position, affiliation, hub_code,
                                             visibility)
             select id, display_name, 'researcher', 'Kyoto University', 'jp', 'public'
               from users where email like $1 || '%@example.org'",
            "insert into profile_fields (user_id, field_code)
             select id, 'oecd.2.2' from users where email like $1 || '%@example.org'",
            "insert into profile_engagements (user_id, kind)
             select id, $3 from users where email like $1 || '%@example.org'",
            // As `save_profile` does after the lists: ranking reads the facet values.
            "update scientist_profiles set facet_values = scientist_facet_values(user_id)
              where user_id in (select id from users where email like $1 || '%@example.org')",
        ] {
            sqlx::query(sql)
                .bind(prefix)
                .bind(count)
                .bind(kind)
                .execute(&app.pool)
                .await
                .unwrap();
        }
    }
    let path = format!("/problems/{}/candidates", w.problem);
    let page = w.owner.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    for n in 1..=3 {
        assert!(
            page.text.contains(&format!("Chuyên gia rare {n}")),
            "rare {n}"
        );
    }
    assert!(!page.text.contains("Chuyên gia bulk 1<"));
}
