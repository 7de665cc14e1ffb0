//! Real-browser journeys: the whole app on a random local port, driven through headless
//! Chromium by chromedriver (Debian's `chromium` and `chromium-driver` packages).
//!
//! These tests catch what HTTP-level tests cannot: that the forms really submit from a browser
//! (Origin and `Sec-Fetch-Site` pass the CSRF layer), that cookies stick, and how the pages look.
//! Every test saves full-page screenshots in `target/screenshots/` for a person to look at.
//!
//! Without `/usr/bin/chromedriver` the tests print a loud "SKIPPED" line and pass, except when
//! the `CI` environment variable is set: there a missing browser is a failure.

use std::io::Write;
use std::net::{SocketAddr, TcpListener as StdTcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::http::Method;
use base64::Engine;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use knowbridge::i18n::Locale;
use serde_json::{Value, json};
use sqlx::PgPool;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// How long to wait for the browser to do something before the test fails.
const PATIENCE: Duration = Duration::from_secs(15);

/// A window size the screenshots are taken at.
#[derive(Clone, Copy)]
struct Viewport {
    name: &'static str,
    width: u32,
    height: u32,
    /// Emulate a phone's screen rather than a desktop window of that size.
    mobile: bool,
}

const DESKTOP: Viewport = Viewport {
    name: "desktop",
    width: 1280,
    height: 1000,
    mobile: false,
};
const PHONE: Viewport = Viewport {
    name: "phone",
    width: 375,
    height: 812,
    mobile: true,
};

// ---------------------------------------------------------------------------------------------
// The journeys
// ---------------------------------------------------------------------------------------------

#[sqlx::test]
async fn a_visitor_registers_verifies_signs_in_switches_language_and_signs_out(pool: PgPool) {
    let Some(harness) = Harness::start(pool.clone(), "vi").await else {
        return;
    };
    let page = &harness.page;
    let (vi, ja, en) = (Locale::Vi, Locale::Ja, Locale::En);
    let name = "Nguyễn Thị Ngọc Ánh";
    let email = "ngoc.anh@example.org";
    let password = "mưa phùn trên sông Hương 2026";

    // The browser asks for Vietnamese, so the site answers in Vietnamese without being told.
    page.open("/register").await;
    page.assert_lang(vi).await;
    page.click("#account_kind").await;
    page.fill("display_name", name).await;
    page.fill("email", email).await;
    page.fill("password", password).await;
    page.fill("password_confirm", password).await;
    page.screenshot("journey-01-register-vi").await;
    page.click_and_wait_for_page("form[action=\"/register\"] button[type=submit]")
        .await;
    assert_eq!(page.path().await, "/register/done");
    assert_eq!(page.text("h1").await, vi.t("register-done-title"));
    page.screenshot("journey-02-check-email-vi").await;

    // Nothing sends mail in tests, so take the link from the outbox as a person would from the log.
    let link = latest_verification_link(&pool).await;
    assert!(
        link.starts_with(&page.base_url),
        "the emailed link points at this server: {link}"
    );
    page.open(&link[page.base_url.len()..]).await;
    assert_eq!(page.text("h1").await, vi.t("verify-done-title"));
    page.screenshot("journey-03-email-confirmed-vi").await;

    page.open("/login").await;
    page.fill("email", email).await;
    page.fill("password", password).await;
    page.screenshot("journey-04-sign-in-vi").await;
    page.click_and_wait_for_page("form[action=\"/login\"] button[type=submit]")
        .await;
    assert_eq!(page.path().await, "/");
    assert_eq!(page.text(".site-nav__user").await, name);
    assert_eq!(page.text(".notification p").await, vi.t("flash-signed-in"));
    assert_eq!(page.text(SIGN_OUT_BUTTON).await, vi.t("nav-sign-out"));
    page.screenshot("journey-05-signed-in-vi").await;

    page.choose_language(ja).await;
    assert_eq!(
        page.path().await,
        "/",
        "the switch returns to the same page"
    );
    assert_eq!(page.text(".site-nav__user").await, name);
    assert_eq!(page.text(SIGN_OUT_BUTTON).await, ja.t("nav-sign-out"));
    page.screenshot("journey-06-signed-in-ja").await;

    page.choose_language(en).await;
    assert_eq!(page.text(SIGN_OUT_BUTTON).await, en.t("nav-sign-out"));
    page.screenshot("journey-07-signed-in-en").await;

    page.click_and_wait_for_page(SIGN_OUT_BUTTON).await;
    assert_eq!(page.path().await, "/");
    assert!(!page.exists(".site-nav__user").await, "the name is gone");
    assert_eq!(page.text(SIGN_IN_LINK).await, en.t("nav-sign-in"));
    assert_eq!(page.text(".notification p").await, en.t("flash-signed-out"));
    page.screenshot("journey-08-signed-out-en").await;

    harness.finish().await;
}

#[sqlx::test]
async fn every_public_page_is_screenshotted_in_three_languages_and_at_phone_width(pool: PgPool) {
    let Some(harness) = Harness::start(pool, "vi").await else {
        return;
    };
    let page = &harness.page;
    let keys = message_keys();

    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.open("/").await;
            page.choose_language(locale).await;
            for (slug, path) in PUBLIC_PAGES {
                page.open(path).await;
                check_and_screenshot(page, slug, locale, viewport, &keys).await;
            }
            // The error state: the register form sent empty.
            page.open("/register").await;
            page.click_and_wait_for_page("form[action=\"/register\"] button[type=submit]")
                .await;
            assert!(page.exists(".error-summary").await, "the form shows errors");
            check_and_screenshot(page, "register-errors", locale, viewport, &keys).await;
        }
    }

    harness.finish().await;
}

#[sqlx::test]
async fn a_scientist_fills_the_profile_and_finds_it_in_the_directory(pool: PgPool) {
    let email = "quan.tran@example.org";
    let password = "hoa phượng đỏ mùa hè 2026";
    create_verified_scientist(&pool, email, password).await;
    let Some(harness) = Harness::start(pool.clone(), "vi").await else {
        return;
    };
    let page = &harness.page;
    let keys = message_keys();
    page.open("/login").await;
    page.fill("email", email).await;
    page.fill("password", password).await;
    page.click_and_wait_for_page("form[action=\"/login\"] button[type=submit]")
        .await;

    // Sent empty first: every required field explains itself, in each language and size.
    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.open("/me/profile").await;
            page.choose_language(locale).await;
            page.fill("full_name", "").await;
            page.click_and_wait_for_page(SAVE_PROFILE).await;
            assert!(page.exists(".error-summary").await, "the form shows errors");
            check_and_screenshot(page, "profile-errors", locale, viewport, &keys).await;
        }
    }
    page.set_viewport(DESKTOP).await;
    page.choose_language(Locale::Vi).await;

    page.open("/me/profile").await;
    page.fill("full_name", "Trần Minh Quân").await;
    page.select("position", "researcher").await;
    page.fill("affiliation", "Viện RIKEN").await;
    page.select("hub", "jp").await;
    // The semiconductor area is folded away until opened, as for a person.
    page.click("#area-semi summary").await;
    page.click_id("fields-semi.chip_design").await;
    page.fill("keywords", "thiết kế vi mạch, bán dẫn").await;
    page.fill(
        "summary",
        "Nghiên cứu **thiết kế chip bán dẫn** cho xe điện. 半導体の設計。",
    )
    .await;
    page.select("languages", "vi:native").await;
    page.select("languages-ja", "ja:fluent").await;
    page.click_id("engagement_kinds").await;
    page.fill("orcid", "0000-0002-1825-0097").await;
    page.click_id("visibility").await;
    page.screenshot("profile-filled-vi").await;
    page.click_and_wait_for_page(SAVE_PROFILE).await;
    assert_eq!(page.path().await, "/me/profile");
    assert_eq!(
        page.text(".notification--success p").await,
        Locale::Vi.t("flash-profile-saved")
    );
    page.screenshot("profile-saved-vi").await;

    // Anyone can now find it, with or without diacritics, or in Japanese.
    page.click_and_wait_for_page(SIGN_OUT_BUTTON).await;
    for query in [
        "ban+dan",
        "b%C3%A1n+d%E1%BA%ABn",
        "%E5%8D%8A%E5%B0%8E%E4%BD%93",
    ] {
        page.open(&format!("/scientists?q={query}")).await;
        assert_eq!(
            page.text(".result__title a").await,
            "Trần Minh Quân",
            "q={query}"
        );
    }
    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.open("/scientists?q=ban+dan").await;
            page.choose_language(locale).await;
            check_and_screenshot(page, "directory", locale, viewport, &keys).await;
            page.click_and_wait_for_page(".result__title a").await;
            check_and_screenshot(page, "profile-page", locale, viewport, &keys).await;
        }
    }
    harness.finish().await;
}

const SAVE_PROFILE: &str = "form[action=\"/me/profile\"] button[type=submit]";

async fn create_verified_scientist(pool: &PgPool, email: &str, password: &str) {
    let hash = knowbridge::auth::password::PasswordHasher::new()
        .hash(password)
        .await
        .unwrap();
    sqlx::query(
        "insert into users (email, password_hash, display_name, role, email_verified_at)
         values ($1, $2, 'Trần Minh Quân', 'scientist', now())",
    )
    .bind(email)
    .bind(hash)
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test]
async fn an_owner_writes_a_problem_staff_request_changes_then_approve_and_it_appears_on_the_board(
    pool: PgPool,
) {
    let owner_email = "binh.tran@sokhcn.bacninh.gov.vn";
    let owner_password = "cây đa đầu làng Kinh Bắc 2026";
    let staff_email = "lan.pham@embassy.example.org";
    let staff_password = "hoa anh đào nở ở Tokyo 2026";
    create_user(&pool, owner_email, owner_password, "Trần Văn Bình", "owner").await;
    let staff_id = create_user(&pool, staff_email, staff_password, "Phạm Thị Lan", "staff").await;
    sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, 'jp')")
        .bind(staff_id)
        .execute(&pool)
        .await
        .unwrap();
    let Some(harness) = Harness::start(pool.clone(), "vi").await else {
        return;
    };
    let page = &harness.page;
    let keys = message_keys();
    let vi = Locale::Vi;
    let org_name = "Sở Khoa học và Công nghệ tỉnh Bắc Ninh";
    let title = "Hệ thống cảnh báo sớm sạt lở đất cho vùng núi phía Bắc";
    let reason = "Vui lòng nêu rõ ngân sách dự kiến.";

    // The owner registers the organisation.
    sign_in(page, owner_email, owner_password).await;
    page.assert_lang(vi).await;
    page.open("/orgs/new").await;
    page.fill("name_vi", org_name).await;
    page.fill("name_en", "Bac Ninh Department of Science and Technology")
        .await;
    page.click_id("kind-locality").await;
    page.fill("website", "https://sokhcn.bacninh.gov.vn").await;
    page.screenshot("problem-journey-01-org-form").await;
    page.click_and_wait_for_page("form[action=\"/orgs/new\"] button[type=submit]")
        .await;
    let org_id = id_after(&page.path().await, "/orgs/");
    assert_eq!(page.text("h1").await, org_name);
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-org-registered")
    );
    page.screenshot("problem-journey-02-org-registered").await;

    // ... writes the problem in Vietnamese and saves the draft.
    page.open("/problems/new").await;
    assert_eq!(page.text("h1").await, vi.t("problem-new-title"));
    page.fill("title", title).await;
    page.fill(
        "summary",
        "Tỉnh cần một hệ thống dự báo sạt lở đất dựa trên dữ liệu mưa và ảnh vệ tinh, \
         cảnh báo cho người dân trước ít nhất 6 giờ.",
    )
    .await;
    page.fill(
        "description",
        "## Bối cảnh\n\nMỗi mùa mưa, các huyện miền núi phía Bắc chịu **sạt lở đất** nghiêm trọng.\n\n\
         ## Yêu cầu\n\n- Mô hình học máy dự báo nguy cơ theo từng xã\n- Tích hợp dữ liệu trạm đo mưa\n",
    )
    .await;
    // The strategic technologies area is folded away until opened, as for a person.
    page.click("#area-tech summary").await;
    page.click_id("fields-tech.ai").await;
    page.fill("keywords", "sạt lở đất, cảnh báo sớm, học máy")
        .await;
    page.click_id("engagement_kinds-advisory").await;
    page.click_id("working_languages").await; // Vietnamese, the first language
    page.click_id("working_languages-ja").await;
    page.fill("duration_months", "12").await;
    page.fill("location", "Bắc Ninh").await;
    let deadline = time::OffsetDateTime::now_utc().date() + time::Duration::days(60);
    page.fill_named("deadline_day", &deadline.day().to_string())
        .await;
    page.fill_named("deadline_month", &u8::from(deadline.month()).to_string())
        .await;
    page.fill_named("deadline_year", &deadline.year().to_string())
        .await;
    page.click_id("target_hubs").await; // Japan, the only hub
    page.click_id("confidentiality").await; // public, the first choice
    page.screenshot("problem-journey-03-problem-form").await;
    page.click_and_wait_for_page("form[action=\"/problems/new\"] button[type=submit]")
        .await;
    assert!(
        !page.exists(".error-summary").await,
        "the problem form was accepted"
    );
    let problem_id = id_after(&page.path().await, "/problems/");
    assert_eq!(page.text("h1").await, title);
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-problem-saved")
    );
    // Markdown became HTML, its headings moved below the page's own.
    assert_eq!(page.text(".prose h3").await, "Bối cảnh");
    assert_eq!(page.text(".prose strong").await, "sạt lở đất");
    page.screenshot("problem-journey-04-draft-saved").await;

    // ... and submits it from the problem page.
    let submit = format!("form[action=\"/problems/{problem_id}/submit\"] button[type=submit]");
    page.click_and_wait_for_page(&submit).await;
    assert_eq!(page.path().await, format!("/problems/{problem_id}"));
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-problem-submitted")
    );
    assert_eq!(page.text("main strong.tag").await, vi.t("status-submitted"));
    page.screenshot("problem-journey-05-submitted").await;
    sign_out(page).await;

    // The staff member verifies the organisation, then asks for changes: first without saying
    // which (refused, the error stands beside the reason box), then with the reason.
    sign_in(page, staff_email, staff_password).await;
    page.open("/staff/review").await;
    assert_eq!(page.text("h1").await, vi.t("review-title"));
    assert!(page.text("#orgs-queue").await.contains(org_name));
    assert!(page.text("#problems-queue").await.contains(title));
    page.screenshot("problem-journey-06-staff-queues").await;
    page.click_and_wait_for_page(&format!("#orgs-queue a[href=\"/staff/orgs/{org_id}\"]"))
        .await;
    assert_eq!(page.text("h1").await, org_name);
    page.screenshot("problem-journey-07-staff-org").await;
    page.click_and_wait_for_page(&format!(
        "button[formaction=\"/staff/orgs/{org_id}/verify\"]"
    ))
    .await;
    assert_eq!(page.path().await, "/staff/review");
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-review-org-verified")
    );
    page.click_and_wait_for_page(&format!(
        "#problems-queue a[href=\"/staff/problems/{problem_id}/decide\"]"
    ))
    .await;
    assert_eq!(page.text("h1").await, title);
    let request_changes =
        format!("button[formaction=\"/staff/problems/{problem_id}/request-changes\"]");
    page.click_and_wait_for_page(&request_changes).await;
    assert_eq!(
        page.path().await,
        format!("/staff/problems/{problem_id}/request-changes")
    );
    assert!(
        page.exists(".error-summary").await,
        "the decision is refused"
    );
    assert!(
        page.text("#reason-error")
            .await
            .contains(&vi.t("review-error-reason-missing-changes")),
        "the error is beside the reason box"
    );
    assert_eq!(
        page.script("return document.getElementById('reason').getAttribute('aria-invalid');")
            .await,
        json!("true")
    );
    page.screenshot("problem-journey-08-reason-missing").await;
    page.fill("reason", reason).await;
    page.click_and_wait_for_page(&request_changes).await;
    assert_eq!(page.path().await, "/staff/review");
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-review-problem-changes-requested")
    );
    assert!(
        !page.text("#problems-queue").await.contains(title),
        "the problem left the queue"
    );
    page.screenshot("problem-journey-09-changes-requested")
        .await;
    sign_out(page).await;

    // The owner reads the decision and its reason, adds a budget and resubmits.
    sign_in(page, owner_email, owner_password).await;
    page.open("/notifications").await;
    let notice = format!(".result a[href=\"/problems/{problem_id}\"]");
    let notice_text = page.text(&notice).await;
    assert!(
        notice_text.contains(title) && notice_text.contains(reason),
        "the notification names the problem and the reason: {notice_text}"
    );
    page.screenshot("problem-journey-10-notifications").await;
    page.click_and_wait_for_page(&notice).await;
    assert_eq!(page.path().await, format!("/problems/{problem_id}"));
    assert_eq!(
        page.text("main strong.tag").await,
        vi.t("status-changes-requested")
    );
    let history = page.text("table").await;
    assert!(
        history.contains(reason) && history.contains(&vi.t("event-changes-requested")),
        "the history shows the decision and its reason: {history}"
    );
    page.screenshot("problem-journey-11-changes-requested-owner")
        .await;
    page.click_and_wait_for_page(&format!("a[href=\"/problems/{problem_id}/edit\"]"))
        .await;
    assert!(
        page.text(".inset-text").await.contains(reason),
        "the edit form repeats what to change"
    );
    page.fill("budget_min", "1.500.000.000").await;
    page.fill("budget_max", "2.000.000.000").await;
    page.select("currency", "VND").await;
    page.screenshot("problem-journey-12-edit-budget").await;
    page.click_and_wait_for_page(&format!(
        "form[action=\"/problems/{problem_id}/edit\"] button[type=submit]"
    ))
    .await;
    assert_eq!(page.path().await, format!("/problems/{problem_id}"));
    assert!(
        page.text("dl.summary-list").await.contains("2.000.000.000"),
        "the budget is shown"
    );
    page.click_and_wait_for_page(&submit).await;
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-problem-submitted")
    );
    page.screenshot("problem-journey-13-resubmitted").await;
    sign_out(page).await;

    // The staff member looks at the queue and the decision page in each language, then
    // approves, leaving the optional note empty.
    sign_in(page, staff_email, staff_password).await;
    let decide = format!("/staff/problems/{problem_id}/decide");
    for locale in Locale::ALL {
        page.open("/staff/review").await;
        page.choose_language(locale).await;
        assert!(page.text("#problems-queue").await.contains(title));
        check_and_screenshot(page, "staff-review", locale, DESKTOP, &keys).await;
        page.open(&decide).await;
        assert!(
            page.text("table").await.contains(reason),
            "history in {}",
            locale.code()
        );
        check_and_screenshot(page, "staff-decide", locale, DESKTOP, &keys).await;
    }
    page.choose_language(vi).await;
    page.fill("reason", "").await;
    page.click_and_wait_for_page(&format!(
        "button[formaction=\"/staff/problems/{problem_id}/approve\"]"
    ))
    .await;
    assert_eq!(page.path().await, "/staff/review");
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-review-problem-approved")
    );
    page.screenshot("problem-journey-14-approved").await;
    sign_out(page).await;

    // A visitor finds it on the board without typing the diacritics, and sees no review.
    page.open("/problems?q=sat+lo+dat").await;
    assert_eq!(page.text(".result__title a").await, title);
    page.screenshot("problem-journey-15-board-visitor").await;
    page.click_and_wait_for_page(".result__title a").await;
    assert_eq!(page.path().await, format!("/problems/{problem_id}"));
    assert_eq!(page.text("h1").await, title);
    let body = page.text("body").await;
    assert!(!page.exists("main table").await, "no history for a visitor");
    assert!(
        !page.exists("main strong.tag").await,
        "no status for a visitor"
    );
    assert!(!body.contains(&vi.t("problem-history-title")));
    assert!(!body.contains(reason));
    page.screenshot("problem-journey-16-problem-visitor").await;

    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.open("/problems?q=sat+lo+dat").await;
            page.choose_language(locale).await;
            assert_eq!(page.text(".result__title a").await, title);
            check_and_screenshot(page, "board", locale, viewport, &keys).await;
            page.click_and_wait_for_page(".result__title a").await;
            check_and_screenshot(page, "problem-page", locale, viewport, &keys).await;
        }
    }
    harness.finish().await;
}

#[sqlx::test]
async fn a_scientist_expresses_interest_the_owner_accepts_staff_approve_and_all_three_see_it_active(
    pool: PgPool,
) {
    let scientist = ("hoa.nguyen@example.org", "trăng rằm tháng tám ở Kyoto 2026");
    let owner = (
        "minh.le@sokhcn.danang.gov.vn",
        "cầu Rồng phun lửa đêm thứ bảy 2026",
    );
    let staff = (
        "thu.vo@embassy.example.org",
        "núi Phú Sĩ mùa tuyết phủ 2026",
    );
    let title = "Trí tuệ nhân tạo dự báo ngập lụt đô thị cho Đà Nẵng";
    let note = "Tôi đã làm mô hình học sâu dự báo mưa lớn ở Kyushu trong năm năm, \
                rất mong được hợp tác với Sở.";
    let scientist_name = "Nguyễn Thị Hoa";
    let problem_id = seed_match_journey(&pool, scientist, owner, staff, title).await;
    let Some(harness) = Harness::start(pool.clone(), "vi").await else {
        return;
    };
    let page = &harness.page;
    let keys = message_keys();
    let vi = Locale::Vi;

    // The scientist finds the problem among the recommendations and expresses interest.
    sign_in(page, scientist.0, scientist.1).await;
    page.open("/me/recommendations").await;
    assert_eq!(page.text(".result__title a").await, title);
    let interest = format!("form[action=\"/problems/{problem_id}/interest\"]");
    page.click(&format!("details:has({interest}) > summary"))
        .await;
    page.select(&format!("engagement_kind-{problem_id}"), "joint_research")
        .await;
    page.fill(&format!("note-{problem_id}"), note).await;
    page.screenshot("match-journey-01-interest-form").await;
    page.click_and_wait_for_page(&format!("{interest} button[type=submit]"))
        .await;
    let match_id = id_after(&page.path().await, "/matches/");
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-match-interest-sent")
    );
    assert!(
        page.text("#consents")
            .await
            .contains(&vi.t("match-consent-waiting"))
    );
    assert!(page.text("main").await.contains(note), "the note is shown");
    page.screenshot("match-journey-02-interest-sent").await;
    sign_out(page).await;

    // The owner is told, opens the match from the notification and accepts.
    sign_in(page, owner.0, owner.1).await;
    page.open("/notifications").await;
    let notice = format!("a[href=\"/matches/{match_id}\"]");
    assert!(
        page.text(&notice).await.contains(title),
        "the notification names the problem"
    );
    page.screenshot("match-journey-03-owner-notifications")
        .await;
    page.click_and_wait_for_page(&notice).await;
    assert_eq!(page.path().await, format!("/matches/{match_id}"));
    assert!(
        page.text("main").await.contains(note),
        "the owner reads the note"
    );
    page.screenshot("match-journey-04-owner-match").await;
    page.click_and_wait_for_page(&format!(
        "form[action=\"/matches/{match_id}/accept\"] button[type=submit]"
    ))
    .await;
    assert_eq!(page.path().await, format!("/matches/{match_id}"));
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-match-accepted")
    );
    page.screenshot("match-journey-05-owner-accepted").await;
    sign_out(page).await;

    // The staff member finds the match waiting and approves it.
    sign_in(page, staff.0, staff.1).await;
    page.open("/staff/review").await;
    let queued = format!("#matches-queue a[href=\"/matches/{match_id}\"]");
    assert!(page.exists(&queued).await, "the match waits in the queue");
    assert!(page.text("#matches-queue").await.contains(title));
    page.screenshot("match-journey-06-staff-queue").await;
    page.click_and_wait_for_page(&queued).await;
    page.screenshot("match-journey-07-staff-match").await;
    page.click_and_wait_for_page(&format!(
        "form[action=\"/staff/matches/{match_id}/approve\"] button[type=submit]"
    ))
    .await;
    assert_eq!(page.path().await, format!("/matches/{match_id}"));
    assert_eq!(
        page.text(".notification--success p").await,
        vi.t("flash-match-activated")
    );
    page.screenshot("match-journey-08-staff-approved").await;

    // All three see it active, with the contact details.
    let match_page = format!("/matches/{match_id}");
    for (step, (email, password)) in [(9, staff), (10, owner), (11, scientist)] {
        if email != staff.0 {
            sign_out(page).await;
            sign_in(page, email, password).await;
        }
        page.open(&match_page).await;
        assert_eq!(
            page.text("main strong.tag").await,
            vi.t("match-state-active"),
            "{email} sees the match active"
        );
        let contacts = page.text("#contacts").await;
        for other in [scientist.0, owner.0] {
            assert!(
                contacts.contains(other),
                "{email} sees the address {other}: {contacts}"
            );
        }
        assert!(contacts.contains(scientist_name), "{contacts}");
        page.screenshot(&format!("match-journey-{step:02}-active"))
            .await;
    }

    // The scientist's pages in each language and size.
    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.open(&match_page).await;
            page.choose_language(locale).await;
            assert_eq!(
                page.text("main strong.tag").await,
                locale.t("match-state-active")
            );
            check_and_screenshot(page, "match-page", locale, viewport, &keys).await;
            page.open("/me/matches").await;
            assert!(page.text("#my-matches").await.contains(title));
            check_and_screenshot(page, "my-matches", locale, viewport, &keys).await;
            page.open("/me/recommendations").await;
            assert!(page.text(".results").await.contains(title));
            check_and_screenshot(page, "recommendations", locale, viewport, &keys).await;
        }
    }
    harness.finish().await;
}

#[sqlx::test]
async fn a_staff_member_enrols_two_factor_signs_in_approves_a_problem_and_a_match_and_opens_the_dashboard(
    pool: PgPool,
) {
    let Some(harness) = Harness::start(pool.clone(), "vi").await else {
        return;
    };
    let page = &harness.page;
    let keys = message_keys();
    let scientist = (
        "hoang.nam@tohoku.example.jp",
        "bầu trời Sendai mùa thu 2026",
    );
    let owner = ("ngoc.tran@danang.example.vn", "sông Hàn về đêm lung linh");
    let staff = ("thu.vo@embassy.example.org", "hoa anh đào nở ở Tokyo 2026");
    let title = "Dự báo ngập lụt đô thị bằng học sâu";
    let published = seed_match_journey(&pool, scientist, owner, staff, title).await;
    let (match_id, submitted) = seed_console_week(&pool, published, scientist.0).await;

    // First sign-in: the password leads to setting up the authenticator, in every language.
    page.open("/login").await;
    page.fill("email", staff.0).await;
    page.fill("password", staff.1).await;
    page.click_and_wait_for_page("form[action=\"/login\"] button[type=submit]")
        .await;
    assert_eq!(page.path().await, "/login/two-factor/setup");
    assert!(!page.exists(".site-nav__user").await, "not signed in yet");
    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.choose_language(locale).await;
            assert!(page.exists("svg.qr-code").await, "the QR code is drawn");
            check_and_screenshot(page, "two-factor-setup", locale, viewport, &keys).await;
        }
    }
    page.set_viewport(DESKTOP).await;
    page.choose_language(Locale::Vi).await;
    enrol_authenticator(page, staff.0, Some("console-journey-01")).await;
    assert_eq!(page.count(".recovery-codes li").await, 10);
    page.click_and_wait_for_page(".recovery-continue").await;
    assert!(
        page.exists(".site-nav__user").await,
        "signed in after enrolling"
    );
    sign_out(page).await;

    // Every later sign-in asks for the code.
    page.open("/login").await;
    page.fill("email", staff.0).await;
    page.fill("password", staff.1).await;
    page.click_and_wait_for_page("form[action=\"/login\"] button[type=submit]")
        .await;
    assert_eq!(page.path().await, "/login/two-factor");
    page.set_viewport(PHONE).await;
    for locale in Locale::ALL {
        page.choose_language(locale).await;
        check_and_screenshot(page, "two-factor-code", locale, PHONE, &keys).await;
    }
    page.set_viewport(DESKTOP).await;
    page.choose_language(Locale::Vi).await;
    page.fill("code", "000000").await;
    page.click_and_wait_for_page("form[action=\"/login/two-factor\"] button[type=submit]")
        .await;
    assert!(
        page.exists("#code-error").await,
        "a wrong code is refused beside the field"
    );
    let code = authenticators().next_code(staff.0);
    page.fill("code", &code).await;
    page.click_and_wait_for_page("form[action=\"/login/two-factor\"] button[type=submit]")
        .await;
    assert_eq!(page.path().await, "/staff");
    page.screenshot("console-journey-02-dashboard-first").await;

    // The week's review: approve the submitted problem, then the match.
    page.open(&format!("/staff/problems/{submitted}/decide"))
        .await;
    page.click_and_wait_for_page(&format!(
        "button[formaction=\"/staff/problems/{submitted}/approve\"]"
    ))
    .await;
    assert_eq!(page.path().await, "/staff/review");
    page.open(&format!("/matches/{match_id}")).await;
    page.click_and_wait_for_page(&format!(
        "form[action=\"/staff/matches/{match_id}/approve\"] button[type=submit]"
    ))
    .await;
    let state: String = sqlx::query_scalar("select state from matches where id = $1")
        .bind(match_id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "active");

    // The dashboard shows the numbers, each chart with its table, in every language and size.
    for viewport in [DESKTOP, PHONE] {
        page.set_viewport(viewport).await;
        for locale in Locale::ALL {
            page.open("/staff").await;
            page.choose_language(locale).await;
            assert!(
                page.count("figure svg[role=\"img\"]").await >= 4,
                "charts drawn"
            );
            assert_eq!(
                page.count("figure svg[role=\"img\"]").await,
                page.count("figure details table").await,
                "every chart has its data table"
            );
            check_and_screenshot(page, "staff-dashboard", locale, viewport, &keys).await;
            for (slug, path) in [
                ("staff-users", "/staff/users"),
                ("staff-reports", "/staff/reports"),
                ("staff-audit", "/staff/audit"),
            ] {
                page.open(path).await;
                check_and_screenshot(page, slug, locale, viewport, &keys).await;
            }
        }
    }
    harness.finish().await;
}

/// A second problem waiting for review and a match waiting only for the embassy, beside the
/// match journey's cast. Returns (match id, submitted problem id).
async fn seed_console_week(pool: &PgPool, published: i64, scientist_email: &str) -> (i64, i64) {
    let submitted: i64 = sqlx::query_scalar(
        "insert into problems (org_id, author_id, title, summary, description_md, keywords,
                               duration_months, deadline, target_hubs, confidentiality)
         select org_id, author_id, 'Giám sát chất lượng nước sông Hàn bằng cảm biến IoT',
                'Thành phố cần mạng cảm biến đo chất lượng nước theo thời gian thực.',
                '## Bối cảnh\n\nNước sông bị ô nhiễm vào mùa khô.', array['IoT', 'chất lượng nước'],
                6, deadline, array['jp'], 'public'
           from problems where id = $1
         returning id",
    )
    .bind(published)
    .fetch_one(pool)
    .await
    .unwrap();
    for sql in [
        "insert into problem_fields (problem_id, field_code) values ($1, 'tech.ai')",
        "insert into problem_engagements (problem_id, kind) values ($1, 'advisory')",
        "insert into problem_languages (problem_id, language_code) values ($1, 'vi')",
        // As `insert_problem` does after the lists: the board and ranking read them.
        "update problems set facet_values = problem_facet_values(id) where id = $1",
        "update problems set status = 'submitted', submitted_at = now() where id = $1",
    ] {
        sqlx::query(sql)
            .bind(submitted)
            .execute(pool)
            .await
            .unwrap();
    }
    let match_id: i64 = sqlx::query_scalar(
        "insert into matches (problem_id, scientist_id, origin, engagement_kind, note, created_by,
                              scientist_consent_by, scientist_consent_at,
                              owner_consent_by, owner_consent_at)
         select p.id, s.id, 'interest', 'joint_research',
                'Tôi đã làm dự báo ngập cho Sendai và muốn giúp Đà Nẵng.', s.id,
                s.id, now(), p.author_id, now()
           from problems p, users s where p.id = $1 and s.email = $2
         returning id",
    )
    .bind(published)
    .bind(scientist_email)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query("insert into match_events (match_id, actor_id, event) select $1, created_by, 'created' from matches where id = $1")
        .bind(match_id)
        .execute(pool)
        .await
        .unwrap();
    (match_id, submitted)
}

/// The cast of the match journey, straight into the database: a verified scientist with a
/// saved profile in AI, an owner of a verified organisation with a published public AI
/// problem seeking joint research, and a staff member of the Japan hub. Returns the problem id.
async fn seed_match_journey(
    pool: &PgPool,
    scientist: (&str, &str),
    owner: (&str, &str),
    staff: (&str, &str),
    title: &str,
) -> i64 {
    use knowbridge::scientists::model::{LanguageSkill, Profile, Visibility};

    let scientist_id = create_user(
        pool,
        scientist.0,
        scientist.1,
        "Nguyễn Thị Hoa",
        "scientist",
    )
    .await;
    let owner_id = create_user(pool, owner.0, owner.1, "Lê Văn Minh", "owner").await;
    let staff_id = create_user(pool, staff.0, staff.1, "Võ Thị Thu", "staff").await;
    sqlx::query("insert into staff_hubs (user_id, hub_code) values ($1, 'jp')")
        .bind(staff_id)
        .execute(pool)
        .await
        .unwrap();

    let profile = Profile {
        full_name: "Nguyễn Thị Hoa".into(),
        name_reading: None,
        position: "researcher".into(),
        affiliation: "Đại học Kyushu".into(),
        hub_code: "jp".into(),
        city: Some("Fukuoka".into()),
        highest_degree: None,
        years_abroad: Some(6),
        fields: vec!["tech.ai".into()],
        keywords: vec!["học sâu".into(), "dự báo mưa".into()],
        summary_md: "Nghiên cứu **học sâu** cho dự báo thời tiết.".into(),
        languages: vec![
            LanguageSkill {
                language: "vi".into(),
                level: "native".into(),
            },
            LanguageSkill {
                language: "ja".into(),
                level: "fluent".into(),
            },
        ],
        engagement_kinds: vec!["joint_research".into()],
        available_hours_per_month: Some(20),
        available_from: None,
        available_until: None,
        willing_to_travel: true,
        orcid: None,
        researchmap_id: None,
        publications: Vec::new(),
        visibility: Visibility::Public,
    };
    let mut conn = pool.acquire().await.unwrap();
    knowbridge::scientists::queries::save_profile(&mut conn, scientist_id, &profile)
        .await
        .unwrap();

    let org_id: i64 = sqlx::query_scalar(
        "insert into organisations (name_vi, name_en, kind, country_code, status, created_by)
         values ('Sở Khoa học và Công nghệ thành phố Đà Nẵng',
                 'Da Nang Department of Science and Technology', 'locality', 'VN', 'verified', $1)
         returning id",
    )
    .bind(owner_id)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    sqlx::query("insert into org_members (org_id, user_id) values ($1, $2)")
        .bind(org_id)
        .bind(owner_id)
        .execute(&mut *conn)
        .await
        .unwrap();
    let deadline = time::OffsetDateTime::now_utc().date() + time::Duration::days(60);
    let problem_id: i64 = sqlx::query_scalar(
        "insert into problems (org_id, author_id, title, summary, description_md, keywords,
                               duration_months, deadline, target_hubs, confidentiality)
         values ($1, $2, $3,
                 'Thành phố cần dự báo ngập lụt theo từng phường trước ba giờ.',
                 '## Bối cảnh\n\nMưa lớn gây ngập nhiều tuyến phố.',
                 array['học sâu', 'ngập lụt'], 12, $4, array['jp'], 'public')
         returning id",
    )
    .bind(org_id)
    .bind(owner_id)
    .bind(title)
    .bind(deadline)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    for sql in [
        "insert into problem_fields (problem_id, field_code) values ($1, 'tech.ai')",
        "insert into problem_engagements (problem_id, kind) values ($1, 'joint_research')",
        "insert into problem_languages (problem_id, language_code) values ($1, 'vi')",
        // As `insert_problem` does after the lists: the board and ranking read them.
        "update problems set facet_values = problem_facet_values(id) where id = $1",
        "update problems set status = 'submitted', submitted_at = now() where id = $1",
        "update problems set status = 'published', published_at = now() where id = $1",
    ] {
        sqlx::query(sql)
            .bind(problem_id)
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    problem_id
}

/// A user with a confirmed email, straight into the database; returns the id.
async fn create_user(pool: &PgPool, email: &str, password: &str, name: &str, role: &str) -> i64 {
    let hash = knowbridge::auth::password::PasswordHasher::new()
        .hash(password)
        .await
        .unwrap();
    sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, role, email_verified_at)
         values ($1, $2, $3, $4, now()) returning id",
    )
    .bind(email)
    .bind(hash)
    .bind(name)
    .bind(role)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn sign_in(page: &Page, email: &str, password: &str) {
    page.open("/login").await;
    page.fill("email", email).await;
    page.fill("password", password).await;
    page.click_and_wait_for_page("form[action=\"/login\"] button[type=submit]")
        .await;
    // Staff and admins continue with their authenticator, set up on the spot the first time.
    if page.path().await == "/login/two-factor/setup" {
        enrol_authenticator(page, email, None).await;
        page.click_and_wait_for_page(".recovery-continue").await;
    } else if page.path().await == "/login/two-factor" {
        let code = authenticators().next_code(email);
        page.fill("code", &code).await;
        page.click_and_wait_for_page("form[action=\"/login/two-factor\"] button[type=submit]")
            .await;
    }
    assert!(page.exists(".site-nav__user").await, "{email} is signed in");
}

/// On the setup page: reads the key as a person would type it into their app, and confirms
/// with the app's code (screenshots of each step if `screenshot` names them).
async fn enrol_authenticator(page: &Page, email: &str, screenshot: Option<&str>) {
    if let Some(name) = screenshot {
        page.screenshot(&format!("{name}-setup")).await;
    }
    let key = page.text("#totp-key").await.replace(' ', "");
    authenticators().add(email, &key);
    let code = authenticators().next_code(email);
    page.fill("code", &code).await;
    page.click_and_wait_for_page("form[action=\"/login/two-factor/setup\"] button[type=submit]")
        .await;
    assert!(page.exists(".recovery-codes").await, "recovery codes shown");
    if let Some(name) = screenshot {
        page.screenshot(&format!("{name}-recovery-codes")).await;
    }
}

/// The authenticator app of every staff member in these tests: their keys and the last step
/// whose code was used (the server accepts each code once, and journeys sign in quickly).
#[derive(Default)]
struct Authenticators {
    keys: std::collections::HashMap<String, (String, Option<i64>)>,
}

impl Authenticators {
    fn add(&mut self, email: &str, key: &str) {
        self.keys.insert(email.to_string(), (key.to_string(), None));
    }

    fn next_code(&mut self, email: &str) -> String {
        use knowbridge::auth::two_factor::codes::{code_at_step, step_at};
        let now = || {
            step_at(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs(),
            )
        };
        let (key, last) = self.keys.get_mut(email).expect("enrolled in this test");
        let mut step = last.map_or(now(), |l| (l + 1).max(now()));
        while step > now() + 1 {
            std::thread::sleep(Duration::from_secs(1));
            step = last.map_or(now(), |l| (l + 1).max(now()));
        }
        *last = Some(step);
        code_at_step(key, step).unwrap()
    }
}

fn authenticators() -> std::sync::MutexGuard<'static, Authenticators> {
    static APPS: std::sync::OnceLock<std::sync::Mutex<Authenticators>> = std::sync::OnceLock::new();
    APPS.get_or_init(Default::default).lock().unwrap()
}

async fn sign_out(page: &Page) {
    page.click_and_wait_for_page(SIGN_OUT_BUTTON).await;
    assert!(!page.exists(".site-nav__user").await, "signed out");
}

/// The number after `prefix` in a path such as `/problems/12`.
fn id_after(path: &str, prefix: &str) -> i64 {
    path.strip_prefix(prefix)
        .and_then(|rest| rest.parse().ok())
        .unwrap_or_else(|| panic!("expected {prefix}{{id}}, got {path}"))
}

/// Screenshot name and path of every page a signed-out visitor can reach by a GET.
const PUBLIC_PAGES: [(&str, &str); 7] = [
    ("home", "/"),
    ("register", "/register"),
    ("login", "/login"),
    ("password-forgot", "/password/forgot"),
    ("register-done", "/register/done"),
    ("password-forgot-sent", "/password/forgot/sent"),
    ("not-found", "/nonexistent"),
];

const SIGN_OUT_BUTTON: &str = "nav.site-nav form[action=\"/logout\"] button";
const SIGN_IN_LINK: &str = "nav.site-nav a[href=\"/login\"]";

/// The checks every page must pass in every language and size (language, one `h1`, no raw
/// message keys, nothing wider than the screen), then its screenshot.
async fn check_and_screenshot(
    page: &Page,
    slug: &str,
    locale: Locale,
    viewport: Viewport,
    message_keys: &[String],
) {
    let name = format!("{slug}-{}-{}", locale.code(), viewport.name);
    page.assert_lang(locale).await;
    assert_eq!(page.count("h1").await, 1, "{name}: exactly one h1");
    let text = page.text("body").await;
    let raw: Vec<&String> = message_keys
        .iter()
        .filter(|key| text.contains(key.as_str()))
        .collect();
    assert!(raw.is_empty(), "{name} shows untranslated keys {raw:?}");
    let overflow = page
        .script("const d = document.documentElement; return d.scrollWidth - d.clientWidth;")
        .await;
    assert_eq!(
        overflow.as_i64(),
        Some(0),
        "{name}: content sticks out sideways"
    );
    page.screenshot(&name).await;
}

/// The message keys of the catalogue; one showing on a page means a missing translation.
fn message_keys() -> Vec<String> {
    knowbridge::i18n::all_catalogue_keys(Locale::Vi)
}

/// The verification link in the newest email of the outbox.
async fn latest_verification_link(pool: &PgPool) -> String {
    let body: String = sqlx::query_scalar("select body_text from emails order by id desc limit 1")
        .fetch_one(pool)
        .await
        .expect("registration queued an email");
    body.split_whitespace()
        .find(|word| word.contains("/verify-email?token="))
        .unwrap_or_else(|| panic!("no verification link in the email:\n{body}"))
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// The harness: app + chromedriver + one browser session
// ---------------------------------------------------------------------------------------------

/// The app serving on its own port and a browser session pointed at it. Dropping it (also
/// while a failed assertion unwinds) stops chromedriver and the browser.
struct Harness {
    page: Page,
    stop_app: oneshot::Sender<()>,
    app: JoinHandle<anyhow::Result<()>>,
    // Declared last so it is dropped after everything that talks to it.
    _driver: ChromeDriver,
}

impl Harness {
    /// Starts everything, or returns `None` (after saying so) when there is no chromedriver.
    /// `accept_language` is the browser's language preference, as a visitor would have set it.
    async fn start(pool: PgPool, accept_language: &str) -> Option<Harness> {
        if !chromedriver_installed() {
            return None;
        }
        let (base_url, stop_app, app) = start_app(pool).await;
        let driver = ChromeDriver::start();
        let client = driver.connect(accept_language).await;
        let page = Page { client, base_url };
        page.set_viewport(DESKTOP).await;
        Some(Harness {
            page,
            stop_app,
            app,
            _driver: driver,
        })
    }

    /// Closes the browser politely and waits for the app to shut down.
    async fn finish(self) {
        self.page
            .client
            .clone()
            .close()
            .await
            .expect("the browser session closes");
        let _ = self.stop_app.send(());
        tokio::time::timeout(Duration::from_secs(20), self.app)
            .await
            .expect("the app stops within 20 s")
            .expect("the app task did not panic")
            .expect("the app served without error");
    }
}

/// The real app (router, layers, outbox worker) on 127.0.0.1 and a free port.
async fn start_app(pool: PgPool) -> (String, oneshot::Sender<()>, JoinHandle<anyhow::Result<()>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free local port");
    let addr = listener.local_addr().unwrap();
    // BASE_URL must be exactly the origin the browser uses: the CSRF layer compares Origin with it.
    let base_url = format!("http://{addr}");
    let config = knowbridge::Config::from_lookup(|name| match name {
        "BASE_URL" => Some(base_url.clone()),
        _ => None,
    })
    .expect("test configuration");
    let state = knowbridge::AppState::new(pool, config).expect("app state");
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let app = tokio::spawn(knowbridge::app::serve(listener, state, async move {
        let _ = stop_rx.await;
    }));
    (base_url, stop_tx, app)
}

/// True when the browser tests can run; otherwise says so loudly (or fails, on CI).
fn chromedriver_installed() -> bool {
    if Path::new(CHROMEDRIVER).exists() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{CHROMEDRIVER} is missing; CI must run the browser tests \
             (apt-get install chromium chromium-driver)"
        );
    }
    // Straight to stderr: the test harness swallows `eprintln!` output of passing tests.
    let _ = writeln!(
        std::io::stderr(),
        "\n*** SKIPPED: chromedriver not installed ({CHROMEDRIVER}); the browser tests did \
         not run (apt-get install chromium chromium-driver) ***\n"
    );
    false
}

/// A chromedriver child process with its own port and a fresh Chromium profile directory.
struct ChromeDriver {
    process: Child,
    port: u16,
    profile: PathBuf,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        let port = free_port();
        let profile =
            std::env::temp_dir().join(format!("knowbridge-browser-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile).expect("a temporary profile directory");
        let process = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = ChromeDriver {
            process,
            port,
            profile,
        };
        driver.wait_until_listening();
        driver
    }

    fn wait_until_listening(&self) {
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                started.elapsed() < PATIENCE,
                "chromedriver did not listen on port {} within {PATIENCE:?}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Opens a browser session. Chromium gets the flags of ECOSYSTEM.md: headless, no sandbox
    /// (we may run as root in a container), nothing that phones home, and a fresh profile.
    async fn connect(&self, accept_language: &str) -> Client {
        let options = json!({
            "binary": CHROMIUM,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                format!("--user-data-dir={}", self.profile.display()),
                "--window-size=1280,1000",
            ],
            "prefs": { "intl.accept_languages": accept_language },
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        // Two rustls crypto providers are compiled in (ring from lettre, aws-lc-rs from
        // fantoccini), so one must be named; the other test may have done it already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        ClientBuilder::rustls()
            .expect("rustls initialises")
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("chromedriver opens a Chromium session")
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        // Chromium outlives a killed chromedriver; after a failed test its processes are found
        // by our unique profile directory and ended one by one.
        for pid in processes_mentioning(&self.profile) {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Ids of the processes whose command line contains `needle`.
fn processes_mentioning(needle: &Path) -> Vec<u32> {
    let needle = needle.to_string_lossy();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmdline| String::from_utf8_lossy(&cmdline).contains(needle.as_ref()))
        })
        .collect()
}

fn free_port() -> u16 {
    let listener = StdTcpListener::bind("127.0.0.1:0").expect("a free local port");
    let addr: SocketAddr = listener.local_addr().unwrap();
    addr.port()
}

// ---------------------------------------------------------------------------------------------
// What a person does in the browser, one helper each
// ---------------------------------------------------------------------------------------------

/// The browser session, with the app's base URL (`http://127.0.0.1:PORT`).
struct Page {
    client: Client,
    base_url: String,
}

impl Page {
    /// Loads `path` of the app (WebDriver waits for the load event).
    async fn open(&self, path: &str) {
        let url = format!("{}{path}", self.base_url);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_string()
    }

    /// Fills the input named `name` (for inputs whose id depends on the language).
    async fn fill_named(&self, name: &str, value: &str) {
        let css = format!("[name=\"{name}\"]");
        let input = self
            .client
            .find(Locator::Css(&css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        input.clear().await.unwrap();
        input.send_keys(value).await.unwrap();
    }

    async fn fill(&self, field_id: &str, value: &str) {
        let input = self.client.find(Locator::Id(field_id)).await.unwrap();
        input.clear().await.unwrap();
        input.send_keys(value).await.unwrap();
    }

    /// Clicks the element with this id (ids may hold dots, which CSS would need escaped).
    async fn click_id(&self, id: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no #{id}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Chooses the option with `value` in the `<select>` with this id.
    async fn select(&self, id: &str, value: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no #{id}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("#{id} has no option {value}: {e}"));
    }

    async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Clicks something that submits a form, then waits until the next document has loaded.
    /// The URL cannot tell us (a form with errors comes back at the same URL), so the old
    /// document is marked and we wait for a document without the mark.
    async fn click_and_wait_for_page(&self, css: &str) {
        self.script("window.kbOldPage = true; return null;").await;
        self.click(css).await;
        let new_page_loaded =
            "return window.kbOldPage === undefined && document.readyState === 'complete';";
        let started = Instant::now();
        loop {
            // While the browser navigates, scripts may fail; that only means "not yet".
            let loaded = self.client.execute(new_page_loaded, vec![]).await;
            if matches!(loaded, Ok(Value::Bool(true))) {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no new page after clicking {css}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Switches language with the buttons in the header, as a visitor would.
    async fn choose_language(&self, locale: Locale) {
        if self.lang().await != locale.code() {
            let button = format!("nav.lang-switch button[value={}]", locale.code());
            self.click_and_wait_for_page(&button).await;
        }
        self.assert_lang(locale).await;
    }

    async fn lang(&self) -> String {
        let lang = self.script("return document.documentElement.lang;").await;
        lang.as_str().unwrap_or_default().to_string()
    }

    async fn assert_lang(&self, locale: Locale) {
        let path = self.path().await;
        assert_eq!(self.lang().await, locale.code(), "<html lang> on {path}");
    }

    /// The visible text of the first element matching `css`.
    async fn text(&self, css: &str) -> String {
        let element = match self.client.find(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("no {css} on {}: {e}", self.path().await),
        };
        element.text().await.unwrap().trim().to_string()
    }

    async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    async fn exists(&self, css: &str) -> bool {
        self.count(css).await > 0
    }

    async fn script(&self, source: &str) -> Value {
        self.client
            .execute(source, vec![])
            .await
            .unwrap_or_else(|e| panic!("script {source:?} failed: {e}"))
    }

    /// Sizes the window. At phone width a desktop window would still lay the page out beside
    /// a 15 px scrollbar (360 px of room, not 375), so a phone's screen is emulated through
    /// DevTools on top: overlay scrollbars and the mobile `<meta name=viewport>` rules.
    async fn set_viewport(&self, viewport: Viewport) {
        self.client
            .set_window_size(viewport.width, viewport.height)
            .await
            .unwrap();
        if viewport.mobile {
            let metrics = json!({
                "width": viewport.width,
                "height": viewport.height,
                "deviceScaleFactor": 1,
                "mobile": true,
            });
            self.devtools("Emulation.setDeviceMetricsOverride", metrics)
                .await;
        } else {
            self.devtools("Emulation.clearDeviceMetricsOverride", json!({}))
                .await;
        }
        let hidden = json!({ "hidden": viewport.mobile });
        self.devtools("Emulation.setScrollbarsHidden", hidden).await;
        let width = self.script("return window.innerWidth;").await;
        assert_eq!(
            width.as_u64(),
            Some(u64::from(viewport.width)),
            "window width"
        );
    }

    /// Saves a screenshot of the whole page, not only the part in the window, as
    /// `target/screenshots/{name}.png`. WebDriver's own screenshot stops at the window edge.
    async fn screenshot(&self, name: &str) {
        let metrics = self.devtools("Page.getLayoutMetrics", json!({})).await;
        let size = &metrics["cssContentSize"];
        let shot = self
            .devtools(
                "Page.captureScreenshot",
                json!({
                    "format": "png",
                    "captureBeyondViewport": true,
                    "clip": {
                        "x": 0, "y": 0,
                        "width": size["width"], "height": size["height"],
                        "scale": 1,
                    },
                }),
            )
            .await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("screenshot is base64");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("target/screenshots can be created");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("screenshot is written");
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    async fn devtools(&self, cmd: &'static str, params: Value) -> Value {
        self.client
            .issue_cmd(DevTools { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("DevTools {cmd} failed: {e}"))
    }
}

fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

/// chromedriver's extension endpoint for raw DevTools commands, which fantoccini does not wrap.
#[derive(Debug)]
struct DevTools {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session.expect("a DevTools command needs a session");
        base.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (Method::POST, Some(body.to_string()))
    }
}
