//! Every page in Vietnamese, Japanese and English; the language switch; negotiation.

use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::TestApp;

fn all_keys() -> Vec<String> {
    knowbridge::i18n::all_catalogue_keys(knowbridge::i18n::Locale::Vi)
}

#[sqlx::test]
async fn every_page_renders_in_all_three_languages_with_no_raw_keys(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let keys = all_keys();
    // An admin sees every console page (staff pages and the administration).
    let mut staff = app.signed_in("admin").await;
    let pages = [
        ("/", 200),
        ("/register", 200),
        ("/register/done", 200),
        ("/login", 200),
        ("/password/forgot", 200),
        ("/password/forgot/sent", 200),
        ("/password/reset?token=nope", 400),
        ("/verify-email?token=nope", 400),
        ("/staff/audit", 200),
        ("/scientists", 200),
        ("/problems", 200),
        ("/staff/review", 200),
        ("/notifications", 200),
        ("/missing", 404),
        ("/staff", 200),
        ("/staff/users", 200),
        ("/staff/reports", 200),
        ("/staff/reports?from=nope", 422),
        ("/staff/audit?from=nope", 422),
        ("/admin", 200),
        ("/admin/hubs", 200),
        ("/admin/hubs/new", 200),
        ("/admin/staff", 200),
        ("/admin/staff/new", 200),
        ("/invitation?token=nope", 400),
    ];
    for lang in ["vi", "ja", "en"] {
        let mut visitor = app.client();
        visitor.set_cookie("kb_lang", lang);
        staff.get("/").await;
        staff
            .post("/language", &[("locale", lang), ("return_to", "/")])
            .await;
        for (path, status) in pages {
            let client = if path.starts_with("/staff")
                || path.starts_with("/admin")
                || path == "/notifications"
            {
                &mut staff
            } else {
                &mut visitor
            };
            let response = client.get(path).await;
            assert_eq!(response.status.as_u16(), status, "{lang} {path}");
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

#[sqlx::test]
async fn the_language_switch_remembers_the_choice_and_returns_to_the_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    client.get("/login").await;
    let response = client
        .post("/language", &[("locale", "ja"), ("return_to", "/login")])
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), "/login");
    let page = client.get("/login").await;
    assert!(page.text.contains("<html lang=\"ja\">"));
    assert!(page.text.contains("aria-current=\"true\">日本語"));

    let off_site = client
        .post(
            "/language",
            &[("locale", "en"), ("return_to", "https://evil.example/")],
        )
        .await;
    assert_eq!(off_site.location(), "/");
}

#[sqlx::test]
async fn the_browser_language_is_used_until_the_visitor_chooses(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.client();
    assert!(
        client.get("/").await.text.contains("<html lang=\"vi\">"),
        "Vietnamese by default"
    );
    client.with_header("accept-language", "ja-JP,ja;q=0.9,en;q=0.5");
    assert!(client.get("/").await.text.contains("<html lang=\"ja\">"));
    client.set_cookie("kb_lang", "en");
    assert!(client.get("/").await.text.contains("<html lang=\"en\">"));
}

#[sqlx::test]
async fn a_signed_in_users_preference_follows_them_and_the_switch_updates_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut client = app.signed_in("scientist").await;
    client
        .post("/language", &[("locale", "en"), ("return_to", "/")])
        .await;
    let preference: String = sqlx::query_scalar("select preferred_locale from users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(preference, "en");
    // Another browser, with another cookie, still gets the account's language.
    client.set_cookie("kb_lang", "ja");
    assert!(client.get("/").await.text.contains("<html lang=\"en\">"));
}

#[sqlx::test]
async fn dates_on_pages_follow_the_language(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut staff = app.signed_in("staff").await;
    sqlx::query("update audit_events set actor_id = actor_id")
        .execute(&app.pool)
        .await
        .ok();
    staff
        .post("/language", &[("locale", "ja"), ("return_to", "/")])
        .await;
    let page = staff.get("/staff/audit").await;
    let year = time::OffsetDateTime::now_utc().year();
    assert!(page.text.contains(&format!("{year}年")), "Japanese date");
    staff
        .post("/language", &[("locale", "vi"), ("return_to", "/")])
        .await;
    let page = staff.get("/staff/audit").await;
    assert!(page.text.contains(&format!("/{year} ")), "Vietnamese date");
}
