//! The expertise profile, its visibility, the directory and its multilingual search, and the
//! user's data rights.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient};

/// A complete, valid profile form; tests change single fields.
fn profile_form() -> Vec<(&'static str, String)> {
    let pairs: &[(&str, &str)] = &[
        ("full_name", "Nguyễn Thị Ngọc Ánh"),
        ("name_reading", "グエン・ティ・ゴック・アイン"),
        ("position", "associate_professor"),
        ("affiliation", "Tohoku University"),
        ("hub", "jp"),
        ("city", "Sendai"),
        ("highest_degree", "PhD in Materials Science"),
        ("years_abroad", "12"),
        ("fields", "semi.chip_design"),
        ("fields", "oecd.2.2"),
        ("keywords", "bán dẫn công suất, GaN"),
        (
            "summary",
            "Tôi nghiên cứu **thiết kế chip bán dẫn**. 半導体の設計と製造を専門としています。 Power devices.",
        ),
        ("languages", "vi:native"),
        ("languages", "ja:fluent"),
        ("languages", "en:working"),
        ("engagement_kinds", "joint_research"),
        ("engagement_kinds", "advisory"),
        ("available_hours_per_month", "20"),
        ("available_from", "2027-01"),
        ("available_until", "2028-12"),
        ("willing_to_travel", "yes"),
        ("orcid", "0000-0002-1825-0097"),
        ("researchmap_id", "anh_nguyen"),
        ("publication_title", "GaN power devices for EV inverters"),
        ("publication_venue", "IEEE Transactions on Electron Devices"),
        ("publication_year", "2024"),
        ("publication_doi", "https://doi.org/10.1109/TED.2024.123"),
        ("visibility", "public"),
    ];
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

fn with(
    form: &[(&'static str, String)],
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    let mut changed: Vec<_> = form.iter().filter(|(k, _)| *k != name).cloned().collect();
    changed.push((name, value.to_string()));
    changed
}

async fn save(
    client: &mut TestClient,
    form: &[(&'static str, String)],
) -> crate::helpers::TestResponse {
    client.get("/me/profile").await;
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post("/me/profile", &pairs).await
}

/// A verified scientist with a saved profile of the given visibility; returns its user id.
async fn scientist_with_profile(
    app: &TestApp,
    email: &str,
    changes: &[(&'static str, &str)],
) -> i64 {
    let id = app.create_user(email, "scientist", true).await;
    let mut client = app.client();
    client.sign_in(email, PASSWORD).await;
    let mut form = profile_form();
    for (name, value) in changes {
        form = with(&form, name, value);
    }
    let response = save(&mut client, &form).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    id
}

#[sqlx::test]
async fn a_scientist_saves_a_complete_profile_and_everyone_allowed_sees_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let id = scientist_with_profile(&app, "anh@example.jp", &[]).await;
    let mut owner = app.client();
    owner.sign_in("anh@example.jp", PASSWORD).await;
    owner.use_language("en").await;
    let edit = owner.get("/me/profile").await;
    assert!(
        edit.text.contains("100% complete"),
        "completeness indicator"
    );
    assert!(edit.text.contains("value=\"Nguyễn Thị Ngọc Ánh\""));

    let mut visitor = app.client();
    visitor.set_cookie("kb_lang", "en");
    let page = visitor.get(&format!("/scientists/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    for expected in [
        "Nguyễn Thị Ngọc Ánh",
        "Tohoku University",
        "<strong>thiết kế chip bán dẫn</strong>",
        "0000-0002-1825-0097",
        "10.1109/TED.2024.123",
        "GaN power devices for EV inverters",
        "20 hours a month",
    ] {
        assert!(
            page.text.contains(expected),
            "profile page shows {expected}"
        );
    }
    assert!(
        !page.text.contains("Edit your profile"),
        "only the owner gets the edit link"
    );
    let audit = app
        .count("select count(*) from audit_events where action = 'profile.saved'")
        .await;
    assert_eq!(audit, 1);
}

#[sqlx::test]
async fn markdown_in_a_summary_cannot_inject_script(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let summary = "Hello <script>alert(1)</script><img src=x onerror=alert(2)>";
    let id = scientist_with_profile(&app, "xss@example.jp", &[("summary", summary)]).await;
    let page = app.client().get(&format!("/scientists/{id}")).await;
    assert!(!page.text.contains("<script>alert"));
    assert!(!page.text.contains("onerror"));
}

#[sqlx::test]
async fn each_kind_of_bad_input_is_explained_beside_its_field_and_nothing_is_saved(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("bad@example.jp", "scientist", true).await;
    let mut client = app.client();
    client.sign_in("bad@example.jp", PASSWORD).await;
    client.use_language("en").await;
    let cases: &[(&str, &str, &str, &str)] = &[
        ("full_name", "", "full_name", "Enter your full name"),
        (
            "orcid",
            "0000-0002-1825-0098",
            "orcid",
            "correct check digit",
        ),
        (
            "publication_year",
            "20x4",
            "publication_year-0",
            "Enter the year as 4 digits",
        ),
        (
            "publication_doi",
            "doi-nonsense",
            "publication_doi-0",
            "Enter a DOI that starts with 10.",
        ),
        (
            "fields",
            "tech.warp_drive",
            "fields",
            "Select fields from the list",
        ),
        ("hub", "mars", "hub", "Select the country where you live"),
        (
            "available_hours_per_month",
            "500",
            "available_hours_per_month",
            "from 1 to 300",
        ),
        ("years_abroad", "many", "years_abroad", "from 0 to 80"),
        (
            "available_from",
            "April",
            "available_from",
            "Enter a month as year and month",
        ),
        (
            "engagement_kinds",
            "time_travel",
            "engagement_kinds",
            "Select ways to contribute from the list",
        ),
        (
            "visibility",
            "everyone",
            "visibility",
            "Select who can see your profile",
        ),
        (
            "languages",
            "vi:perfect",
            "languages",
            "Select languages and levels",
        ),
    ];
    for (name, value, field_id, message) in cases {
        let form = with(&profile_form(), name, value);
        let response = save(&mut client, &form).await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}={value}"
        );
        assert!(response.text.contains(message), "{name}: message {message}");
        assert!(
            response.text.contains(&format!("href=\"#{field_id}\"")),
            "{name}: summary links to #{field_id}"
        );
        assert!(
            response.text.contains(&format!("id=\"{field_id}\"")),
            "{name}: the field #{field_id} exists"
        );
        assert!(
            response.text.contains("Tohoku University"),
            "{name}: other values kept"
        );
        if !value.is_empty()
            && *name != "fields"
            && *name != "languages"
            && *name != "engagement_kinds"
            && *name != "hub"
            && *name != "visibility"
        {
            assert!(
                response.text.contains(&format!("value=\"{value}\"")),
                "{name}: the bad value is shown again"
            );
        }
    }
    assert_eq!(
        app.count("select count(*) from scientist_profiles").await,
        0
    );
}

#[sqlx::test]
async fn a_profile_is_shown_only_to_the_viewers_its_visibility_allows(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let public = scientist_with_profile(&app, "pub@example.jp", &[("visibility", "public")]).await;
    let members =
        scientist_with_profile(&app, "mem@example.jp", &[("visibility", "members")]).await;
    let staff_only =
        scientist_with_profile(&app, "stf@example.jp", &[("visibility", "staff")]).await;

    app.create_user("unverified@example.jp", "owner", false)
        .await;
    let mut unverified = app.client();
    unverified.sign_in("unverified@example.jp", PASSWORD).await;
    let mut viewers: Vec<(&str, TestClient, [u16; 3])> = vec![
        ("visitor", app.client(), [200, 404, 404]),
        ("unverified member", unverified, [200, 404, 404]),
        (
            "scientist",
            app.signed_in("scientist").await,
            [200, 200, 404],
        ),
        ("owner", app.signed_in("owner").await, [200, 200, 404]),
        ("staff", app.signed_in("staff").await, [200, 200, 200]),
        ("admin", app.signed_in("admin").await, [200, 200, 200]),
    ];
    for (who, client, expected) in viewers.iter_mut() {
        for (id, want) in [public, members, staff_only].iter().zip(expected.iter()) {
            let status = client.get(&format!("/scientists/{id}")).await.status;
            assert_eq!(status.as_u16(), *want, "{who} viewing profile {id}");
        }
    }
    let mut own = app.client();
    own.sign_in("stf@example.jp", PASSWORD).await;
    assert_eq!(
        own.get(&format!("/scientists/{staff_only}")).await.status,
        StatusCode::OK,
        "owners see their own"
    );
    assert_eq!(
        app.client().get("/scientists/999999").await.status,
        StatusCode::NOT_FOUND
    );

    let listed = app.client().get("/scientists").await;
    assert!(listed.text.contains(&format!("/scientists/{public}\"")));
    assert!(
        !listed.text.contains(&format!("/scientists/{members}\"")),
        "the directory hides what the viewer may not see"
    );
}

#[sqlx::test]
async fn search_works_across_languages_diacritics_and_field_codes(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let chip = scientist_with_profile(&app, "chip@example.jp", &[]).await;
    let ai = scientist_with_profile(
        &app,
        "ai@example.jp",
        &[
            ("full_name", "Trần Minh Quân"),
            ("fields", "tech.ai"),
            ("keywords", "Machine Learning"),
            ("summary", "深層学習と自然言語処理の研究をしています。"),
            ("publication_title", ""),
            ("publication_venue", ""),
            ("publication_year", ""),
            ("publication_doi", ""),
        ],
    )
    .await;
    let mut client = app.client();
    let finds = |text: &str, id: i64| text.contains(&format!("/scientists/{id}\""));
    for (query, expect_chip, expect_ai) in [
        ("ban dan", true, false),
        ("bán dẫn", true, false),
        ("BAN DAN", true, false),
        ("半導体", true, false),
        ("設計", true, false),
        ("自然言語", false, true),
        ("machine learning", false, true),
        ("MACHINE", false, true),
        ("semi.chip_design", true, false),
        ("tech.ai", false, true),
        ("量子", false, false),
    ] {
        let url = format!("/scientists?q={}", urlencode(query));
        let page = client.get(&url).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            finds(&page.text, chip),
            expect_chip,
            "{query} → chip profile"
        );
        assert_eq!(finds(&page.text, ai), expect_ai, "{query} → AI profile");
    }
    let by_area = client.get("/scientists?field=semi").await;
    assert!(
        finds(&by_area.text, chip) && !finds(&by_area.text, ai),
        "an area finds its fields"
    );
}

#[sqlx::test]
async fn facet_counts_equal_the_results_when_the_facet_is_chosen(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    scientist_with_profile(&app, "a@example.jp", &[]).await;
    scientist_with_profile(&app, "b@example.jp", &[("position", "professor")]).await;
    scientist_with_profile(
        &app,
        "c@example.jp",
        &[
            ("position", "professor"),
            ("engagement_kinds", "short_teaching"),
        ],
    )
    .await;
    let mut client = app.client();
    client.set_cookie("kb_lang", "en");
    let page = client.get("/scientists").await;
    assert!(page.text.contains("3 found"));
    // Options read "Label (count)"; choosing one must give exactly that many results.
    for (facet, value) in [
        ("position", "professor"),
        ("position", "associate_professor"),
        ("engagement", "short_teaching"),
        ("engagement", "joint_research"),
        ("field", "semi.chip_design"),
        ("field", "semi"),
    ] {
        let option_start = page
            .text
            .find(&format!("<option value=\"{value}\""))
            .unwrap_or_else(|| panic!("{value} listed"));
        let option = &page.text[option_start..];
        let count: String =
            option[option.find('(').unwrap() + 1..option.find(')').unwrap()].to_string();
        let filtered = client.get(&format!("/scientists?{facet}={value}")).await;
        assert!(
            filtered.text.contains(&format!("{count} found")),
            "{facet}={value}: {count}"
        );
    }
}

#[sqlx::test]
async fn the_directory_paginates_and_sends_out_of_range_pages_to_page_one(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    scientist_with_profile(&app, "only@example.jp", &[]).await;
    let mut client = app.client();
    let response = client.get("/scientists?page=9").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), "/scientists");
    assert_eq!(
        client.get("/scientists?page=abc").await.status,
        StatusCode::SEE_OTHER
    );
}

#[sqlx::test]
async fn the_export_holds_every_attribute_and_delete_removes_the_profile(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let id = scientist_with_profile(&app, "leaving@example.jp", &[]).await;
    let mut client = app.client();
    client.sign_in("leaving@example.jp", PASSWORD).await;
    let export = client.get("/me/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&export.text).unwrap();
    let profile = &json["scientist_profile"];
    for key in [
        "full_name",
        "name_reading",
        "position",
        "affiliation",
        "hub",
        "city",
        "highest_degree",
        "years_abroad",
        "fields",
        "keywords",
        "summary",
        "languages",
        "engagement_kinds",
        "available_hours_per_month",
        "available_from",
        "available_until",
        "willing_to_travel",
        "orcid",
        "researchmap_id",
        "publications",
        "visibility",
    ] {
        assert!(!profile[key].is_null(), "export has {key}");
    }
    assert_eq!(json["account"]["email"], "leaving@example.jp");

    client.get("/me/delete").await;
    let wrong = client
        .post("/me/delete", &[("password", "not my password at all")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let deleted = client.post("/me/delete", &[("password", PASSWORD)]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().get(&format!("/scientists/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.count("select count(*) from users where email like '%leaving%'")
            .await,
        0
    );
    assert_eq!(app.count("select count(*) from sessions").await, 0);
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'user.deleted'")
            .await,
        1
    );
    assert_eq!(
        client.sign_in("leaving@example.jp", PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
