//! Ranking: the candidates for a problem and the problems recommended to a scientist, their
//! order, their reasons, and who may see them.

use knowbridge::orgs::model::{NewOrg, OrgKind};
use knowbridge::problems::model::{Confidentiality, Problem};
use knowbridge::scientists::model::{LanguageSkill, Profile, Visibility};
use reqwest::StatusCode;
use sqlx::PgPool;
use time::{Duration, OffsetDateTime};

use crate::helpers::{PASSWORD, TestApp, TestClient};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn profile(name: &str) -> Profile {
    Profile {
        full_name: name.to_string(),
        name_reading: None,
        position: "researcher".into(),
        affiliation: "Tohoku University".into(),
        hub_code: "jp".into(),
        city: None,
        highest_degree: None,
        years_abroad: None,
        fields: strings(&["oecd.6.1"]),
        keywords: Vec::new(),
        summary_md: String::new(),
        languages: vec![LanguageSkill {
            language: "vi".into(),
            level: "native".into(),
        }],
        engagement_kinds: strings(&["joint_research"]),
        available_hours_per_month: None,
        available_from: None,
        available_until: None,
        willing_to_travel: false,
        orcid: None,
        researchmap_id: None,
        publications: Vec::new(),
        visibility: Visibility::Members,
    }
}

/// The chip designer every problem below is looking for.
fn expert(name: &str) -> Profile {
    Profile {
        fields: strings(&["semi.chip_design", "oecd.2.2"]),
        keywords: strings(&["bán dẫn công suất", "GaN"]),
        summary_md: "Thiết kế chip bán dẫn công suất GaN.".into(),
        ..profile(name)
    }
}

/// A verified scientist with `p` saved as their profile; returns their id.
async fn scientist(app: &TestApp, p: Profile) -> i64 {
    let email = format!(
        "{}@example.jp",
        p.full_name.to_lowercase().replace(' ', ".")
    );
    let id = app.create_user(&email, "scientist", true).await;
    let mut conn = app.pool.acquire().await.unwrap();
    knowbridge::scientists::queries::save_profile(&mut conn, id, &p)
        .await
        .unwrap();
    id
}

async fn sign_in_scientist(app: &TestApp, p: &Profile) -> TestClient {
    let email = format!(
        "{}@example.jp",
        p.full_name.to_lowercase().replace(' ', ".")
    );
    let mut client = app.client();
    client.sign_in(&email, PASSWORD).await;
    client
}

fn next_year() -> time::Date {
    OffsetDateTime::now_utc().date() + Duration::days(365)
}

fn chip_problem(org_id: i64) -> Problem {
    Problem {
        org_id,
        title: "Thiết kế chip bán dẫn công suất cho xe điện".into(),
        summary: "Chúng tôi cần chuyên gia thiết kế chip GaN.".into(),
        description_md: "Nhà máy mới cần thiết kế chip.".into(),
        fields: strings(&["semi.chip_design", "oecd.2.2"]),
        keywords: strings(&["GaN", "bán dẫn công suất"]),
        engagement_kinds: strings(&["joint_research", "advisory"]),
        mechanism: None,
        budget_min: None,
        budget_max: None,
        currency: None,
        location: None,
        duration_months: Some(12),
        deadline: Some(next_year()),
        target_hubs: strings(&["jp"]),
        working_languages: strings(&["vi", "en"]),
        confidentiality: Confidentiality::Public,
    }
}

/// A signed-in owner (English pages) and their organisation.
async fn owner(app: &TestApp, email: &str) -> (TestClient, i64) {
    let user_id = app.create_user(email, "owner", true).await;
    let org = NewOrg {
        name_vi: "Bộ Khoa học và Công nghệ".into(),
        name_en: "Ministry of Science and Technology".into(),
        name_ja: Some("科学技術省".into()),
        kind: OrgKind::Ministry,
        country_code: "VN".into(),
        website: None,
    };
    let mut conn = app.pool.acquire().await.unwrap();
    let org_id = knowbridge::orgs::queries::insert_org(&mut conn, user_id, &org)
        .await
        .unwrap();
    let mut client = app.client();
    client.sign_in(email, PASSWORD).await;
    client.use_language("en").await;
    (client, org_id)
}

/// A problem of `org_id`, published unless `draft`.
async fn problem(app: &TestApp, org_id: i64, p: Problem, draft: bool) -> i64 {
    let mut conn = app.pool.acquire().await.unwrap();
    let author: i64 = sqlx::query_scalar("select user_id from org_members where org_id = $1")
        .bind(org_id)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let id = knowbridge::problems::queries::insert_problem(&mut conn, author, &p)
        .await
        .unwrap();
    if !draft {
        for status in ["submitted", "published"] {
            sqlx::query("update problems set status = $2, published_at = now() where id = $1")
                .bind(id)
                .bind(status)
                .execute(&mut *conn)
                .await
                .unwrap();
        }
    }
    id
}

/// An owner with one published chip problem.
async fn chip_owner(app: &TestApp) -> (TestClient, i64) {
    let (client, org_id) = owner(app, "minh@most.gov.vn").await;
    let id = problem(app, org_id, chip_problem(org_id), false).await;
    (client, id)
}

/// Where the result linking to `href` starts, if listed.
fn rank_of(text: &str, href: &str) -> Option<usize> {
    text.find(&format!("href=\"{href}\""))
}

/// The listed result of the item at `href`: from its link to the next result.
fn block<'a>(text: &'a str, href: &str) -> &'a str {
    let start = rank_of(text, href).unwrap_or_else(|| panic!("{href} is listed"));
    let rest = &text[start..];
    let end = rest.find("<li class=\"result\">").unwrap_or(rest.len());
    &rest[..end]
}

fn scientist_href(id: i64) -> String {
    format!("/scientists/{id}")
}

fn score_in(block: &str) -> String {
    let start = block.find("Score: ").expect("a score") + "Score: ".len();
    block[start..].split(' ').next().unwrap().to_string()
}

#[sqlx::test]
async fn a_scientist_with_the_problems_fields_and_keywords_outranks_one_with_neither(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let neither = scientist(
        &app,
        Profile {
            fields: strings(&["oecd.3.1"]),
            summary_md: "Pin cho xe điện.".into(),
            ..profile("Le Neither")
        },
    )
    .await;
    let expert = scientist(&app, expert("Tran Expert")).await;
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    assert_eq!(page.status, StatusCode::OK);
    let (e, n) = (
        rank_of(&page.text, &scientist_href(expert)).expect("expert listed"),
        rank_of(&page.text, &scientist_href(neither)).expect("a text match is listed"),
    );
    assert!(e < n, "the expert comes first");
    assert!(page.text.contains("2 found"));
}

#[sqlx::test]
async fn a_scientist_with_no_engagement_kind_in_common_is_not_a_candidate(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let fits = scientist(&app, expert("Tran Fits")).await;
    let elsewhere = scientist(
        &app,
        Profile {
            engagement_kinds: strings(&["return_position", "short_teaching"]),
            ..expert("Pham Elsewhere")
        },
    )
    .await;
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    assert!(rank_of(&page.text, &scientist_href(fits)).is_some());
    assert!(rank_of(&page.text, &scientist_href(elsewhere)).is_none());
}

#[sqlx::test]
async fn a_shared_area_counts_partly_between_an_exact_field_and_none(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let common = |p: Profile| Profile {
        summary_md: "Pin cho xe điện.".into(),
        ..p
    };
    let none = scientist(
        &app,
        common(Profile {
            fields: strings(&["oecd.3.1"]),
            ..profile("Le None")
        }),
    )
    .await;
    let area = scientist(
        &app,
        common(Profile {
            fields: strings(&["semi.materials", "oecd.2.5"]),
            ..profile("Vo Area")
        }),
    )
    .await;
    let exact = scientist(
        &app,
        common(Profile {
            fields: strings(&["semi.chip_design", "oecd.2.2"]),
            ..profile("Do Exact")
        }),
    )
    .await;
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    let at = |who: i64| rank_of(&page.text, &scientist_href(who)).unwrap();
    assert!(at(exact) < at(area) && at(area) < at(none));
    let area_block = block(&page.text, &scientist_href(area));
    assert!(area_block.contains("Related fields in the same area"));
    assert!(area_block.contains("Semiconductor materials"));
    assert!(area_block.contains("Materials engineering"));
    let points: Vec<f64> = [exact, area, none]
        .iter()
        .map(|who| {
            score_in(block(&page.text, &scientist_href(*who)))
                .parse()
                .unwrap()
        })
        .collect();
    // Only the field part differs: 30 points for both fields, 40% of that for their areas.
    assert!((points[0] - points[1] - 18.0).abs() < 0.11, "{points:?}");
    assert!((points[1] - points[2] - 12.0).abs() < 0.11, "{points:?}");
}

#[sqlx::test]
async fn each_candidate_says_which_fields_keywords_kinds_and_languages_matched(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let who = scientist(
        &app,
        Profile {
            engagement_kinds: strings(&["advisory", "joint_research", "short_teaching"]),
            ..expert("Tran Explained")
        },
    )
    .await;
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    let why = block(&page.text, &scientist_href(who));
    for expected in [
        "Fields in common",
        "<li>Chip design</li>",
        "Electrical engineering, electronic engineering, information engineering",
        "Keywords in common",
        "<li>GaN</li>",
        "<li>bán dẫn công suất</li>",
        "<li>Joint research</li>",
        "<li>Strategy, policy and technology-transfer advice</li>",
        "<li>Vietnamese</li>",
        "How the score is made up",
        "<th scope=\"row\">Fields</th><td class=\"num\">30.0</td><td class=\"num\">30.0</td>",
        "<th scope=\"row\">Kinds of engagement</th><td class=\"num\">15.0</td>",
        "Score: ",
    ] {
        assert!(why.contains(expected), "the explanation names {expected}");
    }
    assert!(!why.contains("Short-term teaching"), "only kinds in common");
    assert!(
        why.contains("name=\"scientist_id\" value=\""),
        "an invite form"
    );
    assert!(
        why.contains("action=\"/problems/"),
        "it posts to the invitations"
    );
}

#[sqlx::test]
async fn staff_only_profiles_are_candidates_for_staff_but_not_for_the_owner(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let hidden = scientist(
        &app,
        Profile {
            visibility: Visibility::Staff,
            ..expert("Ngo Hidden")
        },
    )
    .await;
    let public = scientist(
        &app,
        Profile {
            visibility: Visibility::Public,
            ..expert("Ngo Public")
        },
    )
    .await;
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    assert!(rank_of(&page.text, &scientist_href(public)).is_some());
    assert!(rank_of(&page.text, &scientist_href(hidden)).is_none());
    let mut staff = app.signed_in("staff").await;
    let page = staff.get(&format!("/problems/{id}/candidates")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(rank_of(&page.text, &scientist_href(hidden)).is_some());
    assert!(
        page.text.contains("action=\"/staff/matches\""),
        "staff propose instead of inviting"
    );
    assert!(!page.text.contains("/invitations\""));
}

#[sqlx::test]
async fn only_published_open_problems_for_the_scientists_hub_are_recommended(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sqlx::query("insert into hubs (code, country_code, name_vi, name_ja, name_en) values ('kr', 'KR', 'Hàn Quốc', '韓国', 'South Korea')")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_owner, org_id) = owner(&app, "minh@most.gov.vn").await;
    let open = problem(&app, org_id, chip_problem(org_id), false).await;
    let every_hub = problem(
        &app,
        org_id,
        Problem {
            target_hubs: Vec::new(),
            deadline: None,
            ..chip_problem(org_id)
        },
        false,
    )
    .await;
    let draft = problem(&app, org_id, chip_problem(org_id), true).await;
    let past = problem(&app, org_id, chip_problem(org_id), false).await;
    sqlx::query("update problems set deadline = current_date - 1 where id = $1")
        .bind(past)
        .execute(&app.pool)
        .await
        .unwrap();
    let expired = problem(&app, org_id, chip_problem(org_id), false).await;
    sqlx::query("update problems set status = 'expired' where id = $1")
        .bind(expired)
        .execute(&app.pool)
        .await
        .unwrap();
    let korea = problem(
        &app,
        org_id,
        Problem {
            target_hubs: strings(&["kr"]),
            ..chip_problem(org_id)
        },
        false,
    )
    .await;
    let invite_only = problem(
        &app,
        org_id,
        Problem {
            confidentiality: Confidentiality::InviteOnly,
            ..chip_problem(org_id)
        },
        false,
    )
    .await;
    let other_kinds = problem(
        &app,
        org_id,
        Problem {
            engagement_kinds: strings(&["return_position"]),
            ..chip_problem(org_id)
        },
        false,
    )
    .await;
    let me = expert("Tran Reader");
    scientist(&app, me.clone()).await;
    let mut client = sign_in_scientist(&app, &me).await;
    client.use_language("en").await;
    let page = client.get("/me/recommendations").await;
    assert_eq!(page.status, StatusCode::OK);
    for id in [open, every_hub] {
        assert!(
            rank_of(&page.text, &format!("/problems/{id}")).is_some(),
            "{id} listed"
        );
    }
    for id in [draft, past, expired, korea, invite_only, other_kinds] {
        assert!(
            rank_of(&page.text, &format!("/problems/{id}")).is_none(),
            "{id} not listed"
        );
    }
    assert!(page.text.contains("2 found"));
    let why = block(&page.text, &format!("/problems/{open}"));
    assert!(why.contains("<li>Chip design</li>") && why.contains("<li>GaN</li>"));
    assert!(why.contains(&format!("action=\"/problems/{open}/interest\"")));
    assert!(
        why.contains("<option value=\"joint_research\">Joint research</option>"),
        "the interest form offers the kinds in common"
    );
    assert!(
        !why.contains("value=\"advisory\""),
        "not the kinds only one side has"
    );
}

#[sqlx::test]
async fn a_live_match_is_shown_instead_of_a_new_invitation_or_interest(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let me = expert("Tran Matched");
    let who = scientist(&app, me.clone()).await;
    let match_id: i64 = sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, engagement_kind, note, created_by,
                scientist_consent_by, scientist_consent_at)
         values ($1, $2, 'interest', 'joint_research', 'I can help.', $2, $2, now()) returning id",
    )
    .bind(id)
    .bind(who)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    let row = block(&page.text, &scientist_href(who));
    assert!(row.contains(&format!("href=\"/matches/{match_id}\"")));
    assert!(row.contains("Waiting for consent"));
    assert!(
        !row.contains("name=\"scientist_id\""),
        "no second invitation"
    );

    let mut client = sign_in_scientist(&app, &me).await;
    client.use_language("en").await;
    let page = client.get("/me/recommendations").await;
    let row = block(&page.text, &format!("/problems/{id}"));
    assert!(row.contains(&format!("href=\"/matches/{match_id}\"")));
    assert!(
        !row.contains("/interest\""),
        "no second expression of interest"
    );
}

#[sqlx::test]
async fn the_candidates_page_is_for_the_owning_organisation_and_staff_only(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut member, id) = chip_owner(&app).await;
    let (mut other_owner, other_org) = owner(&app, "lan@other.vn").await;
    let others_draft = problem(&app, other_org, chip_problem(other_org), true).await;
    scientist(&app, expert("Tran Candidate")).await;
    let path = format!("/problems/{id}/candidates");

    assert_eq!(member.get(&path).await.status, StatusCode::OK);
    for role in ["staff", "admin"] {
        let mut client = app.signed_in(role).await;
        assert_eq!(client.get(&path).await.status, StatusCode::OK, "{role}");
    }
    assert_eq!(other_owner.get(&path).await.status, StatusCode::FORBIDDEN);
    let mut scientist = app.signed_in("scientist").await;
    assert_eq!(scientist.get(&path).await.status, StatusCode::FORBIDDEN);
    let visitor = app.client().get(&path).await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(visitor.location().starts_with("/login?next="));
    // A problem they may not even see does not exist for them.
    let hidden = format!("/problems/{others_draft}/candidates");
    assert_eq!(member.get(&hidden).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        member.get("/problems/999999/candidates").await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test]
async fn a_problem_that_is_not_published_explains_that_candidates_come_later(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut member, org_id) = owner(&app, "minh@most.gov.vn").await;
    let draft = problem(&app, org_id, chip_problem(org_id), true).await;
    let page = member.get(&format!("/problems/{draft}/candidates")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains("Candidates are shown for published problems")
    );
    assert!(page.text.contains(&format!("href=\"/problems/{draft}\"")));
}

#[sqlx::test]
async fn recommendations_are_for_scientists_with_a_saved_profile(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let visitor = app.client().get("/me/recommendations").await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    for role in ["owner", "staff", "admin"] {
        let mut client = app.signed_in(role).await;
        let page = client.get("/me/recommendations").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{role}");
    }
    let mut newcomer = app.signed_in("scientist").await;
    newcomer.use_language("en").await;
    let page = newcomer.get("/me/recommendations").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Save your expertise profile first"));
    assert!(page.text.contains("href=\"/me/profile\""));
    let me = expert("Tran Ready");
    scientist(&app, me.clone()).await;
    let mut client = sign_in_scientist(&app, &me).await;
    let page = client.get("/me/recommendations").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text.contains("href=\"/me/recommendations\""),
        "in the menu"
    );
}

#[sqlx::test]
async fn a_possible_conflict_of_interest_is_flagged_but_not_excluded(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let insider = scientist(
        &app,
        Profile {
            affiliation: " ministry of science and technology".into(),
            ..expert("Bui Insider")
        },
    )
    .await;
    let outsider = scientist(&app, expert("Bui Outsider")).await;
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    assert!(block(&page.text, &scientist_href(insider)).contains("Possible conflict of interest"));
    assert!(!block(&page.text, &scientist_href(outsider)).contains("conflict of interest"));
}

#[sqlx::test]
async fn candidates_are_filtered_by_hub_engagement_and_position(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sqlx::query("insert into hubs (code, country_code, name_vi, name_ja, name_en) values ('kr', 'KR', 'Hàn Quốc', '韓国', 'South Korea')")
        .execute(&app.pool)
        .await
        .unwrap();
    let (mut owner, id) = chip_owner(&app).await;
    let base = scientist(&app, expert("Ha Base")).await;
    let korea = scientist(
        &app,
        Profile {
            hub_code: "kr".into(),
            ..expert("Ha Korea")
        },
    )
    .await;
    let adviser = scientist(
        &app,
        Profile {
            engagement_kinds: strings(&["advisory"]),
            ..expert("Ha Adviser")
        },
    )
    .await;
    let professor = scientist(
        &app,
        Profile {
            position: "professor".into(),
            ..expert("Ha Professor")
        },
    )
    .await;
    let all = [base, korea, adviser, professor];
    for (query, only) in [
        ("hub=kr", korea),
        ("engagement=advisory", adviser),
        ("position=professor", professor),
    ] {
        let page = owner
            .get(&format!("/problems/{id}/candidates?{query}"))
            .await;
        for who in all {
            let listed = rank_of(&page.text, &scientist_href(who)).is_some();
            assert_eq!(listed, who == only, "{query}: {who}");
        }
    }
    let page = owner.get(&format!("/problems/{id}/candidates")).await;
    assert!(page.text.contains("4 found"));
    assert!(
        !page.text.contains("<option value=\"short_teaching\""),
        "only the kinds the problem seeks"
    );
}

#[sqlx::test]
async fn more_than_twenty_candidates_are_paginated(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    for n in 0..23 {
        scientist(&app, expert(&format!("Mai Number{n}"))).await;
    }
    let path = format!("/problems/{id}/candidates");
    let first = owner.get(&path).await;
    assert_eq!(first.text.matches("<li class=\"result\">").count(), 20);
    assert!(first.text.contains(&format!("href=\"{path}?page=2\"")));
    assert!(first.text.contains("(page 1 of 2)"));
    let second = owner.get(&format!("{path}?page=2")).await;
    assert_eq!(second.text.matches("<li class=\"result\">").count(), 3);
    assert!(second.text.contains("<ol class=\"results\" start=\"21\">"));
    for bad in ["3", "0", "two"] {
        let response = owner.get(&format!("{path}?page={bad}")).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "page {bad}");
        assert_eq!(response.location(), path);
    }
}

#[sqlx::test]
async fn an_owner_and_the_scientist_see_the_same_score_for_the_same_pair(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, id) = chip_owner(&app).await;
    let me = Profile {
        summary_md: "Pin cho xe điện và thiết kế mạch.".into(),
        fields: strings(&["semi.materials", "oecd.2.2"]),
        ..expert("Tran Both")
    };
    let who = scientist(&app, me.clone()).await;
    let candidates = owner.get(&format!("/problems/{id}/candidates")).await;
    let mut client = sign_in_scientist(&app, &me).await;
    client.use_language("en").await;
    let recommended = client.get("/me/recommendations").await;
    assert_eq!(
        score_in(block(&candidates.text, &scientist_href(who))),
        score_in(block(&recommended.text, &format!("/problems/{id}")))
    );
}

#[sqlx::test]
async fn both_pages_render_in_three_languages_with_no_raw_keys(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let keys = knowbridge::i18n::all_catalogue_keys(knowbridge::i18n::Locale::Vi);
    let (mut owner, id) = chip_owner(&app).await;
    let me = Profile {
        affiliation: "Ministry of Science and Technology".into(),
        available_from: Some(time::macros::date!(2020 - 01 - 01)),
        ..expert("Tran Polyglot")
    };
    scientist(&app, me.clone()).await;
    let mut scientist_client = sign_in_scientist(&app, &me).await;
    let candidates = format!("/problems/{id}/candidates");
    for lang in ["vi", "ja", "en"] {
        owner.use_language(lang).await;
        scientist_client.use_language(lang).await;
        for (client, path) in [
            (&mut owner, candidates.as_str()),
            (&mut scientist_client, "/me/recommendations"),
        ] {
            let page = client.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{lang} {path}");
            assert!(page.text.contains(&format!("<html lang=\"{lang}\">")));
            assert!(
                page.text.contains("<li class=\"result\">"),
                "{lang} {path}: a result"
            );
            for key in &keys {
                assert!(
                    !page.text.contains(&format!(">{key}<"))
                        && !page.text.contains(&format!("> {key}")),
                    "{lang} {path} shows the raw key {key}"
                );
            }
            assert_eq!(page.text.matches("<h1").count(), 1, "{lang} {path}: one h1");
        }
    }
}
