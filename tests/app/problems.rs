//! Organisations and their technology problems: registration, drafts, submission, closing,
//! who may see what, and the board's search and facets.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestClient, TestResponse};

type Form = Vec<(&'static str, String)>;

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// `form` with every value of `name` replaced by `value` ("" removes it).
fn with(form: &[(&'static str, String)], name: &'static str, value: &str) -> Form {
    let mut changed: Form = form.iter().filter(|(k, _)| *k != name).cloned().collect();
    changed.push((name, value.to_string()));
    changed
}

fn org_form() -> Form {
    [
        ("name_vi", "Bộ Khoa học và Công nghệ"),
        ("name_en", "Ministry of Science and Technology"),
        ("name_ja", "科学技術省"),
        ("kind", "ministry"),
        ("country", "vn"),
        ("website", "https://most.gov.vn"),
    ]
    .iter()
    .map(|(k, v)| (*k, v.to_string()))
    .collect()
}

fn next_year() -> String {
    (time::OffsetDateTime::now_utc().year() + 1).to_string()
}

/// A complete, valid problem form for organisation `org_id`; tests change single fields.
fn problem_form(org_id: i64) -> Form {
    let mut form: Form = [
        ("title", "Thiết kế chip bán dẫn công suất cho xe điện"),
        (
            "summary",
            "Chúng tôi cần chuyên gia thiết kế chip bán dẫn công suất GaN.",
        ),
        (
            "description",
            "## Bối cảnh\n\nNhà máy mới cần **thiết kế chip**. <script>alert(1)</script>",
        ),
        ("fields", "semi.chip_design"),
        ("fields", "oecd.2.2"),
        ("keywords", "GaN, bán dẫn công suất"),
        ("engagement_kinds", "joint_research"),
        ("engagement_kinds", "advisory"),
        ("working_languages", "vi"),
        ("working_languages", "en"),
        ("mechanism", "joint_research_fund"),
        ("budget_min", "500.000.000"),
        ("budget_max", "2000000000"),
        ("currency", "VND"),
        ("duration_months", "18"),
        ("location", "Hà Nội"),
        ("deadline_day", "27"),
        ("deadline_month", "3"),
        ("target_hubs", "jp"),
        ("confidentiality", "public"),
    ]
    .iter()
    .map(|(k, v)| (*k, v.to_string()))
    .collect();
    form.push(("deadline_year", next_year()));
    form.push(("org_id", org_id.to_string()));
    form
}

fn id_in(location: &str, prefix: &str) -> i64 {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.parse().ok())
        .unwrap_or_else(|| panic!("{location} starts with {prefix} and an id"))
}

async fn register_org(client: &mut TestClient, form: &[(&'static str, String)]) -> i64 {
    client.get("/orgs/new").await;
    let response = client.post("/orgs/new", &pairs(form)).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    id_in(response.location(), "/orgs/")
}

/// A signed-in owner (email `email`) with one registered organisation.
async fn owner_with_org(app: &TestApp, email: &str) -> (TestClient, i64) {
    app.create_user(email, "owner", true).await;
    let mut client = app.client();
    client.sign_in(email, PASSWORD).await;
    let org_id = register_org(&mut client, &org_form()).await;
    (client, org_id)
}

async fn save_new(client: &mut TestClient, form: &[(&'static str, String)]) -> TestResponse {
    client.get("/problems/new").await;
    client.post("/problems/new", &pairs(form)).await
}

async fn create_problem(client: &mut TestClient, form: &[(&'static str, String)]) -> i64 {
    let response = save_new(client, form).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    id_in(response.location(), "/problems/")
}

/// Publication is the staff's decision (another feature): here it goes through the same
/// states directly, as the database's guard requires.
async fn publish(app: &TestApp, id: i64) {
    for status in ["submitted", "published"] {
        sqlx::query("update problems set status = $2, published_at = now() where id = $1")
            .bind(id)
            .bind(status)
            .execute(&app.pool)
            .await
            .unwrap();
    }
}

async fn status_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("select status from problems where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

fn lists(text: &str, id: i64) -> bool {
    text.contains(&format!("href=\"/problems/{id}\""))
}

#[sqlx::test]
async fn an_owner_registers_an_organisation_after_fixing_each_mistake(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("minh@most.gov.vn", "owner", true).await;
    let mut client = app.client();
    client.sign_in("minh@most.gov.vn", PASSWORD).await;
    client.use_language("en").await;
    let blank = client.get("/orgs/new").await;
    assert!(blank.text.contains("value=\"VN\""), "Vietnam by default");
    let cases: &[(&str, &str, &str)] = &[
        (
            "name_vi",
            "",
            "Enter the name of the organisation in Vietnamese",
        ),
        (
            "name_en",
            "",
            "Enter the name of the organisation in English",
        ),
        ("kind", "club", "Select the kind of organisation"),
        ("country", "Vietnam", "Enter the country as a 2-letter code"),
        (
            "website",
            "most.gov.vn",
            "starting with http:// or https://",
        ),
    ];
    for (name, value, message) in cases {
        let form = with(&org_form(), name, value);
        let response = client.post("/orgs/new", &pairs(&form)).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            response.text.contains("<title>Error: "),
            "{name}: title prefix"
        );
        assert!(response.text.contains(message), "{name}: {message}");
        assert!(
            response.text.contains(&format!("href=\"#{name}\"")),
            "{name}: summary link"
        );
        assert!(
            response.text.contains(&format!("id=\"{name}\"")),
            "{name}: field exists"
        );
        assert!(
            response.text.contains("科学技術省"),
            "{name}: other values kept"
        );
        if !value.is_empty() && *name != "kind" {
            assert!(
                response.text.contains(&format!("value=\"{value}\"")),
                "{name}: kept"
            );
        }
    }
    assert_eq!(app.count("select count(*) from organisations").await, 0);

    let org_id = register_org(&mut client, &org_form()).await;
    let page = client.get(&format!("/orgs/{org_id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    for expected in [
        "Ministry of Science and Technology",
        "Bộ Khoa học và Công nghệ",
        "Vietnam (VN)",
        "Not yet verified",
        "https://most.gov.vn",
        "Your organisation has been registered",
        "href=\"/problems/new\"",
    ] {
        assert!(
            page.text.contains(expected),
            "organisation page shows {expected}"
        );
    }
    let row: (String, String) =
        sqlx::query_as("select status, country_code from organisations where id = $1")
            .bind(org_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row, ("unverified".into(), "VN".into()));
    assert_eq!(app.count("select count(*) from org_members").await, 1);
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'org.registered'")
            .await,
        1
    );
    // An owner may belong to several organisations; an unverified one stays private.
    let second = register_org(&mut client, &with(&org_form(), "kind", "university")).await;
    assert_ne!(second, org_id);
    assert_eq!(
        app.client().get(&format!("/orgs/{org_id}")).await.status,
        StatusCode::NOT_FOUND
    );
    sqlx::query("update organisations set status = 'verified' where id = $1")
        .bind(org_id)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        app.client().get(&format!("/orgs/{org_id}")).await.status,
        StatusCode::OK
    );
}

#[sqlx::test]
async fn only_problem_owners_may_register_organisations_and_write_problems(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for role in ["scientist", "staff", "admin"] {
        let mut client = app.signed_in(role).await;
        for path in ["/orgs/new", "/problems/new"] {
            assert_eq!(
                client.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role} GET {path}"
            );
            let posted = client.post(path, &pairs(&org_form())).await;
            assert_eq!(posted.status, StatusCode::FORBIDDEN, "{role} POST {path}");
        }
    }
    let mut visitor = app.client();
    for path in ["/orgs/new", "/problems/new"] {
        let response = visitor.get(path).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER);
        assert!(response.location().starts_with("/login?next="));
    }
    assert_eq!(app.count("select count(*) from organisations").await, 0);
}

#[sqlx::test]
async fn an_owner_without_an_organisation_is_sent_to_register_one_first(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut owner = app.signed_in("owner").await;
    owner.use_language("en").await;
    let page = owner.get("/problems/new").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Register your organisation first"));
    assert!(page.text.contains("href=\"/orgs/new\""));
    let posted = owner.post("/problems/new", &pairs(&problem_form(1))).await;
    assert_eq!(posted.status, StatusCode::CONFLICT);
    assert_eq!(app.count("select count(*) from problems").await, 0);
}

#[sqlx::test]
async fn a_draft_is_written_edited_submitted_and_resubmitted_with_its_audit_trail(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "lan@most.gov.vn").await;
    owner.use_language("en").await;
    let id = create_problem(&mut owner, &problem_form(org_id)).await;

    let page = owner.get(&format!("/problems/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    for expected in [
        "Your draft has been saved",
        "Thiết kế chip bán dẫn công suất cho xe điện",
        "<strong>thiết kế chip</strong>",
        "Ministry of Science and Technology",
        "500,000,000 to 2,000,000,000 VND",
        "18 months",
        &format!("27 March {}", next_year()),
        "Hà Nội",
        "Draft",
        "Submit for review",
        "href=\"/problems/",
    ] {
        assert!(
            page.text.contains(expected),
            "problem page shows {expected}"
        );
    }
    assert!(
        !page.text.contains("<script>alert"),
        "the description is sanitised"
    );

    let edit = owner.get(&format!("/problems/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(
        edit.text
            .contains("value=\"Thiết kế chip bán dẫn công suất cho xe điện\"")
    );
    assert!(
        edit.text.contains("value=\"500000000\""),
        "amounts are shown plainly"
    );
    let changed = with(&problem_form(org_id), "title", "Chip GaN cho xe điện");
    let saved = owner
        .post(&format!("/problems/{id}/edit"), &pairs(&changed))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let title: String = sqlx::query_scalar("select title from problems where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(title, "Chip GaN cho xe điện");

    owner.get(&format!("/problems/{id}")).await;
    let submitted = owner.post(&format!("/problems/{id}/submit"), &[]).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id).await, "submitted");
    assert_eq!(
        app.count("select count(*) from problems where submitted_at is not null")
            .await,
        1
    );
    let again = owner.post(&format!("/problems/{id}/submit"), &[]).await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "submitting twice is refused"
    );
    assert!(again.text.contains("cannot be submitted now"));
    let locked = owner.get(&format!("/problems/{id}/edit")).await;
    assert_eq!(locked.status, StatusCode::CONFLICT, "no edits under review");
    assert!(locked.text.contains("cannot be changed now"));
    let refused = owner
        .post(&format!("/problems/{id}/edit"), &pairs(&changed))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);

    // The embassy asks for changes (another feature); the author edits and resubmits.
    sqlx::query("update problems set status = 'changes_requested' where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query(
        "insert into problem_events (problem_id, event, reason)
         values ($1, 'changes_requested', 'Bổ sung ngân sách chi tiết.')",
    )
    .bind(id)
    .execute(&app.pool)
    .await
    .unwrap();
    let edit = owner.get(&format!("/problems/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK, "editable again");
    assert!(
        edit.text.contains("Bổ sung ngân sách chi tiết."),
        "the request is shown"
    );
    let resaved = owner
        .post(&format!("/problems/{id}/edit"), &pairs(&changed))
        .await;
    assert_eq!(resaved.status, StatusCode::SEE_OTHER);
    owner.get(&format!("/problems/{id}")).await;
    let resubmitted = owner.post(&format!("/problems/{id}/submit"), &[]).await;
    assert_eq!(resubmitted.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id).await, "submitted");

    let history = owner.get(&format!("/problems/{id}")).await;
    assert!(history.text.contains("Review history"));
    assert_eq!(history.text.matches("Submitted for review</td>").count(), 2);
    for (action, expected) in [("problem.saved", 3), ("problem.submitted", 2)] {
        let count = app
            .count(&format!(
                "select count(*) from audit_events where action = '{action}'
                   and target_type = 'problem' and target_id = '{id}'"
            ))
            .await;
        assert_eq!(count, expected, "{action}");
    }
    assert_eq!(
        app.count("select count(*) from problem_events where event = 'submitted'")
            .await,
        2
    );
    assert_eq!(app.count("select count(*) from notifications").await, 0);
}

#[sqlx::test]
async fn each_kind_of_bad_problem_input_is_explained_beside_its_field_and_nothing_is_saved(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "bad@most.gov.vn").await;
    owner.use_language("en").await;
    let last_year = (time::OffsetDateTime::now_utc().year() - 1).to_string();
    let keywords: Vec<String> = (0..31).map(|n| format!("kw{n}")).collect();
    let keywords = keywords.join(", ");
    let long_title = "x".repeat(201);
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "org_id",
            "999999",
            "org_id",
            "Select the organisation the problem belongs to",
        ),
        ("title", "", "title", "Enter a title"),
        (
            "title",
            &long_title,
            "title",
            "The title must be 200 characters or fewer",
        ),
        ("summary", "", "summary", "Enter a summary"),
        ("fields", "", "fields", "Select at least one field"),
        (
            "fields",
            "tech.warp_drive",
            "fields",
            "Select fields from the list",
        ),
        (
            "keywords",
            &keywords,
            "keywords",
            "Enter 30 keywords or fewer",
        ),
        (
            "engagement_kinds",
            "",
            "engagement_kinds",
            "Select at least one kind of engagement",
        ),
        (
            "working_languages",
            "klingon",
            "working_languages",
            "Select working languages from the list",
        ),
        (
            "mechanism",
            "lottery",
            "mechanism",
            "Select a funding mechanism from the list",
        ),
        (
            "budget_min",
            "lots",
            "budget_min",
            "Enter the lowest budget as a whole number",
        ),
        (
            "budget_max",
            "100",
            "budget_max",
            "The highest budget must be the same as or more than",
        ),
        (
            "currency",
            "",
            "currency",
            "Select the currency of the budget",
        ),
        (
            "currency",
            "EUR",
            "currency",
            "Select a currency from the list",
        ),
        (
            "duration_months",
            "200",
            "duration_months",
            "Enter the duration as a whole number of months",
        ),
        (
            "location",
            &long_title,
            "location",
            "The location must be 200 characters or fewer",
        ),
        (
            "deadline_month",
            "",
            "deadline",
            "The deadline must include a month",
        ),
        (
            "deadline_day",
            "32",
            "deadline",
            "The deadline must be a real date",
        ),
        (
            "deadline_year",
            &last_year,
            "deadline",
            "The deadline must be in the future",
        ),
        (
            "target_hubs",
            "mars",
            "target_hubs",
            "Select country hubs from the list",
        ),
        (
            "confidentiality",
            "secret",
            "confidentiality",
            "Select who can see the problem",
        ),
    ];
    let lists = [
        "fields",
        "engagement_kinds",
        "working_languages",
        "target_hubs",
    ];
    let choices = [
        "org_id",
        "mechanism",
        "currency",
        "confidentiality",
        "keywords",
    ];
    for (name, value, field_id, message) in cases {
        let form = with(&problem_form(org_id), name, value);
        let response = save_new(&mut owner, &form).await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}={value}"
        );
        assert!(
            response.text.contains("<title>Error: "),
            "{name}: title prefix"
        );
        assert_eq!(
            response.text.matches(message).count(),
            2,
            "{name}: {message} in the summary and beside the field"
        );
        assert!(
            response.text.contains(&format!("href=\"#{field_id}\"")),
            "{name}: link"
        );
        assert!(
            response.text.contains(&format!("id=\"{field_id}\"")),
            "{name}: target"
        );
        if *name != "title" {
            assert!(
                response
                    .text
                    .contains("value=\"Thiết kế chip bán dẫn công suất cho xe điện\""),
                "{name}: other values kept"
            );
        }
        assert!(response.text.contains("value=\"Hà Nội\"") || *name == "location");
        assert!(
            response.text.contains("value=\"semi.chip_design\" checked") || *name == "fields",
            "{name}: ticked boxes stay ticked"
        );
        if !value.is_empty() && !lists.contains(name) && !choices.contains(name) {
            assert!(
                response.text.contains(&format!("value=\"{value}\"")),
                "{name}: the bad value is shown again"
            );
        }
    }
    assert_eq!(app.count("select count(*) from problems").await, 0);
    assert_eq!(
        app.count("select count(*) from audit_events where action like 'problem.%'")
            .await,
        0
    );
}

#[sqlx::test]
async fn only_the_owning_organisations_members_may_edit_submit_or_close(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "a@most.gov.vn").await;
    let draft = create_problem(&mut owner, &problem_form(org_id)).await;
    let public = create_problem(&mut owner, &problem_form(org_id)).await;
    publish(&app, public).await;
    let (mut other, other_org) = owner_with_org(&app, "b@hanoi.gov.vn").await;

    // Another organisation's owner gets 404, whether or not the problem is public.
    for (id, status) in [
        (draft, StatusCode::NOT_FOUND),
        (public, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(
            other.get(&format!("/problems/{id}/edit")).await.status,
            status,
            "edit {id}"
        );
        let form = problem_form(other_org);
        let posted = other
            .post(&format!("/problems/{id}/edit"), &pairs(&form))
            .await;
        assert_eq!(posted.status, status, "save {id}");
        assert_eq!(
            other
                .post(&format!("/problems/{id}/submit"), &[])
                .await
                .status,
            status
        );
        assert_eq!(
            other.get(&format!("/problems/{id}/close")).await.status,
            status
        );
        let closed = other
            .post(
                &format!("/problems/{id}/close"),
                &[("outcome", "withdrawn"), ("outcome_note", "x")],
            )
            .await;
        assert_eq!(closed.status, status, "close {id}");
    }
    // Nor can a member move a problem into an organisation they do not belong to.
    let moved = owner
        .post(
            &format!("/problems/{draft}/edit"),
            &pairs(&problem_form(other_org)),
        )
        .await;
    assert_eq!(moved.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut scientist = app.signed_in("scientist").await;
    assert_eq!(
        scientist
            .get(&format!("/problems/{public}/edit"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        other.get("/problems/999999/edit").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(status_of(&app, draft).await, "draft");
    assert_eq!(status_of(&app, public).await, "published");
    let org: i64 = sqlx::query_scalar("select org_id from problems where id = $1")
        .bind(draft)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(org, org_id);
}

#[sqlx::test]
async fn each_problem_is_shown_only_to_the_viewers_its_state_and_confidentiality_allow(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "own@most.gov.vn").await;
    let mut ids = Vec::new();
    for confidentiality in ["public", "members", "invite_only"] {
        let form = with(&problem_form(org_id), "confidentiality", confidentiality);
        let id = create_problem(&mut owner, &form).await;
        publish(&app, id).await;
        ids.push(id);
    }
    let draft = create_problem(&mut owner, &problem_form(org_id)).await;
    let submitted = create_problem(&mut owner, &problem_form(org_id)).await;
    owner.get(&format!("/problems/{submitted}")).await;
    owner
        .post(&format!("/problems/{submitted}/submit"), &[])
        .await;
    ids.extend([draft, submitted]);

    app.create_user("unverified@example.jp", "scientist", false)
        .await;
    let mut unverified = app.client();
    unverified.sign_in("unverified@example.jp", PASSWORD).await;
    let (other_owner, _) = owner_with_org(&app, "other@hanoi.gov.vn").await;
    // (viewer, [public, members, invite_only, draft, submitted]) — true when visible.
    let mut viewers: Vec<(&str, TestClient, [bool; 5])> = vec![
        ("visitor", app.client(), [true, false, false, false, false]),
        ("unverified", unverified, [true, true, false, false, false]),
        (
            "scientist",
            app.signed_in("scientist").await,
            [true, true, false, false, false],
        ),
        (
            "other owner",
            other_owner,
            [true, true, false, false, false],
        ),
        (
            "staff",
            app.signed_in("staff").await,
            [true, true, true, false, true],
        ),
        (
            "admin",
            app.signed_in("admin").await,
            [true, true, true, false, true],
        ),
        ("member", owner, [true, true, true, true, true]),
    ];
    for (who, client, expected) in viewers.iter_mut() {
        let board = client.get("/problems").await;
        for (index, (id, visible)) in ids.iter().zip(expected.iter()).enumerate() {
            let status = client.get(&format!("/problems/{id}")).await.status;
            let want = if *visible {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(status, want, "{who} opening problem {index}");
            let on_board = *visible && index < 3;
            assert_eq!(
                lists(&board.text, *id),
                on_board,
                "{who}: board and problem {index}"
            );
        }
    }
    assert_eq!(
        app.client().get("/problems/999999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test]
async fn facet_counts_equal_the_results_when_the_facet_is_chosen(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sqlx::query(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ('kr', 'KR', 'Hàn Quốc', '韓国', 'Korea')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (mut owner, ministry) = owner_with_org(&app, "facets@most.gov.vn").await;
    let university = register_org(&mut owner, &with(&org_form(), "kind", "university")).await;
    let variants: Vec<Form> = vec![
        problem_form(ministry),
        with(&problem_form(ministry), "target_hubs", "kr"),
        with(
            &with(&problem_form(university), "target_hubs", ""),
            "mechanism",
            "selection_call",
        ),
        with(
            &with(
                &problem_form(university),
                "engagement_kinds",
                "short_teaching",
            ),
            "fields",
            "tech.ai",
        ),
    ];
    for form in &variants {
        let id = create_problem(&mut owner, form).await;
        publish(&app, id).await;
    }
    let mut client = app.client();
    client.set_cookie("kb_lang", "en");
    let page = client.get("/problems").await;
    assert!(page.text.contains("4 found"));
    for (facet, value, expected) in [
        ("hub", "jp", 3),
        ("hub", "kr", 2),
        ("org_kind", "ministry", 2),
        ("org_kind", "university", 2),
        ("mechanism", "selection_call", 1),
        ("mechanism", "joint_research_fund", 3),
        ("engagement", "short_teaching", 1),
        ("engagement", "joint_research", 3),
        ("field", "semi.chip_design", 3),
        ("field", "tech.ai", 1),
    ] {
        let select_start = page.text.find(&format!("<select id=\"{facet}\"")).unwrap();
        let select = &page.text[select_start..];
        let option_start = select
            .find(&format!("<option value=\"{value}\""))
            .unwrap_or_else(|| panic!("{facet}={value} listed"));
        let option = &select[option_start..];
        let count: i64 = option[option.find('(').unwrap() + 1..option.find(')').unwrap()]
            .parse()
            .unwrap();
        assert_eq!(count, expected, "{facet}={value}");
        let filtered = client.get(&format!("/problems?{facet}={value}")).await;
        assert!(
            filtered.text.contains(&format!("{count} found")),
            "{facet}={value}"
        );
    }
    let by_area = client.get("/problems?field=semi").await;
    assert!(by_area.text.contains("3 found"), "an area finds its fields");
    let out_of_range = client.get("/problems?page=9").await;
    assert_eq!(out_of_range.status, StatusCode::SEE_OTHER);
    assert_eq!(out_of_range.location(), "/problems");
}

#[sqlx::test]
async fn the_board_sorts_by_deadline_or_newest_and_shows_each_deadline(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "sort@most.gov.vn").await;
    let late = create_problem(
        &mut owner,
        &with(&problem_form(org_id), "deadline_month", "9"),
    )
    .await;
    publish(&app, late).await;
    let soon = create_problem(
        &mut owner,
        &with(&problem_form(org_id), "deadline_month", "2"),
    )
    .await;
    publish(&app, soon).await;
    sqlx::query("update problems set published_at = now() - interval '1 day' where id = $1")
        .bind(soon)
        .execute(&app.pool)
        .await
        .unwrap();
    let mut client = app.client();
    client.set_cookie("kb_lang", "en");
    let position = |text: &str, id: i64| text.find(&format!("href=\"/problems/{id}\"")).unwrap();
    let by_deadline = client.get("/problems").await;
    assert!(position(&by_deadline.text, soon) < position(&by_deadline.text, late));
    assert!(
        by_deadline
            .text
            .contains(&format!("Deadline 27 February {}", next_year()))
    );
    let newest = client.get("/problems?sort=newest").await;
    assert!(position(&newest.text, late) < position(&newest.text, soon));
}

#[sqlx::test]
async fn search_finds_vietnamese_without_diacritics_japanese_words_and_field_codes(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "search@most.gov.vn").await;
    let vietnamese = create_problem(&mut owner, &problem_form(org_id)).await;
    let japanese_form = [
        ("title", "量子コンピュータ向け半導体の設計"),
        ("summary", "半導体の微細加工に詳しい研究者を探しています。"),
        ("description", ""),
        ("keywords", "量子, 微細加工"),
        ("fields", "tech.ai"),
    ]
    .iter()
    .fold(problem_form(org_id), |form, (name, value)| {
        with(&form, name, value)
    });
    let japanese = create_problem(&mut owner, &japanese_form).await;
    publish(&app, vietnamese).await;
    publish(&app, japanese).await;
    let mut client = app.client();
    for (query, expect_vi, expect_ja) in [
        ("ban dan", true, false),
        ("bán dẫn", true, false),
        ("BAN DAN cong suat", true, false),
        ("半導体", false, true),
        ("微細加工", false, true),
        ("semi.chip_design", true, false),
        ("tech.ai", false, true),
        ("ロボット", false, false),
    ] {
        let page = client
            .get(&format!("/problems?q={}", urlencode(query)))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            lists(&page.text, vietnamese),
            expect_vi,
            "{query} → Vietnamese problem"
        );
        assert_eq!(
            lists(&page.text, japanese),
            expect_ja,
            "{query} → Japanese problem"
        );
    }
}

#[sqlx::test]
async fn an_owner_closes_a_published_problem_with_an_outcome(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (mut owner, org_id) = owner_with_org(&app, "close@most.gov.vn").await;
    owner.use_language("en").await;
    let id = create_problem(&mut owner, &problem_form(org_id)).await;
    assert_eq!(
        owner.get(&format!("/problems/{id}/close")).await.status,
        StatusCode::CONFLICT,
        "a draft cannot be closed"
    );
    publish(&app, id).await;
    let page = owner.get(&format!("/problems/{id}")).await;
    assert!(
        page.text
            .contains(&format!("href=\"/problems/{id}/close\""))
    );
    assert!(!page.text.contains("Submit for review"));
    let form = owner.get(&format!("/problems/{id}/close")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("button--warning"));

    let empty = owner.post(&format!("/problems/{id}/close"), &[]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text.contains("Select the outcome"));
    assert!(empty.text.contains("Enter what happened"));
    let long = "x".repeat(2001);
    let too_long = owner
        .post(
            &format!("/problems/{id}/close"),
            &[("outcome", "fulfilled"), ("outcome_note", &long)],
        )
        .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.text.contains("2,000 characters or fewer"));
    assert!(
        too_long.text.contains("value=\"fulfilled\" checked"),
        "choice kept"
    );
    assert_eq!(status_of(&app, id).await, "published");

    let note = "Hợp tác với PGS. Nguyễn Thị Ngọc Ánh (Đại học Tohoku).";
    let closed = owner
        .post(
            &format!("/problems/{id}/close"),
            &[("outcome", "fulfilled"), ("outcome_note", note)],
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let row: (String, Option<String>, Option<String>) =
        sqlx::query_as("select status, outcome, outcome_note from problems where id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        row,
        ("closed".into(), Some("fulfilled".into()), Some(note.into()))
    );
    let page = owner.get(&format!("/problems/{id}")).await;
    assert!(page.text.contains("The problem has been closed"));
    assert!(
        page.text
            .contains("Fulfilled: we found the expertise we needed")
    );
    assert!(page.text.contains("Nguyễn Thị Ngọc Ánh"));
    assert_eq!(
        app.count("select count(*) from problem_events where event = 'closed'")
            .await,
        1
    );
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'problem.closed'")
            .await,
        1
    );
    let again = owner
        .post(
            &format!("/problems/{id}/close"),
            &[("outcome", "withdrawn"), ("outcome_note", "again")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        app.client().get(&format!("/problems/{id}")).await.status,
        StatusCode::NOT_FOUND,
        "a closed problem leaves the public eye"
    );
}

#[sqlx::test]
async fn every_organisation_and_problem_page_renders_in_three_languages(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let keys = knowbridge::i18n::all_catalogue_keys(knowbridge::i18n::Locale::Vi);
    let (mut owner, org_id) = owner_with_org(&app, "i18n@most.gov.vn").await;
    sqlx::query("update organisations set status = 'verified' where id = $1")
        .bind(org_id)
        .execute(&app.pool)
        .await
        .unwrap();
    let draft = create_problem(&mut owner, &problem_form(org_id)).await;
    let published = create_problem(&mut owner, &problem_form(org_id)).await;
    publish(&app, published).await;
    let mut newcomer = app.signed_in("owner").await;
    let owner_pages = [
        "/orgs/new".to_string(),
        format!("/orgs/{org_id}"),
        "/problems/new".into(),
        format!("/problems/{draft}"),
        format!("/problems/{draft}/edit"),
        format!("/problems/{published}/close"),
        format!("/problems/{published}/edit"),
    ];
    let public_pages = [
        "/problems".to_string(),
        "/problems?q=ban+dan&sort=newest".into(),
        format!("/problems/{published}"),
        format!("/orgs/{org_id}"),
    ];
    for lang in ["vi", "ja", "en"] {
        owner
            .post("/language", &[("locale", lang), ("return_to", "/")])
            .await;
        newcomer
            .post("/language", &[("locale", lang), ("return_to", "/")])
            .await;
        let mut visitor = app.client();
        visitor.set_cookie("kb_lang", lang);
        let mut responses = Vec::new();
        for path in &owner_pages {
            responses.push((path.clone(), owner.get(path).await));
        }
        for path in &public_pages {
            responses.push((path.clone(), visitor.get(path).await));
        }
        responses.push((
            "/problems/new (no org)".into(),
            newcomer.get("/problems/new").await,
        ));
        let invalid = owner.post("/problems/new", &[("title", "")]).await;
        responses.push(("POST /problems/new".into(), invalid));
        let invalid_org = owner.post("/orgs/new", &[("name_vi", "")]).await;
        responses.push(("POST /orgs/new".into(), invalid_org));
        for (path, response) in responses {
            assert!(
                [200, 409, 422].contains(&response.status.as_u16()),
                "{lang} {path}: {}",
                response.status
            );
            assert!(
                response.text.contains(&format!("<html lang=\"{lang}\">")),
                "{lang} {path}"
            );
            for key in &keys {
                assert!(
                    !response.text.contains(&format!(">{key}<"))
                        && !response.text.contains(&format!("> {key}")),
                    "{lang} {path} shows the raw key {key}"
                );
            }
            assert_eq!(
                response.text.matches("<h1").count(),
                1,
                "{lang} {path}: one h1"
            );
        }
    }
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
