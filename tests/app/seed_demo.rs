//! `knowbridge seed-demo`: idempotent demo data that the directory and the problem board can
//! search, and that the review queue and the owners' pages can show.

use knowbridge::cli::seed_demo::{self, SCIENTIST_COUNT};
use knowbridge::scientists::model::normalise_orcid;
use reqwest::StatusCode;
use sqlx::PgPool;

use crate::helpers::TestApp;

/// The row counts a second run must leave untouched.
async fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    let mut counts = Vec::new();
    for table in [
        "users",
        "scientist_profiles",
        "profile_fields",
        "profile_languages",
        "profile_engagements",
        "publications",
        "hubs",
        "organisations",
        "org_members",
        "problems",
        "problem_fields",
        "problem_engagements",
        "problem_languages",
        "problem_events",
        "matches",
        "match_events",
        "match_messages",
        "audit_events",
    ] {
        counts.push((
            table,
            app.count(&format!("select count(*) from {table}")).await,
        ));
    }
    counts
}

#[sqlx::test]
async fn seeding_twice_creates_everything_exactly_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let first = seed_demo::run(&app.pool).await.unwrap();
    assert!(first.hub_created);
    assert_eq!(first.users_created, SCIENTIST_COUNT + 4);
    assert_eq!(first.profiles_created, SCIENTIST_COUNT + 1);
    assert_eq!(
        first.credentials.len(),
        4,
        "one printed password per demo account"
    );
    assert!(first.orgs_created >= 8, "{first:?}");
    assert!(first.problems_created >= 60, "{first:?}");
    assert!(first.matches_created >= 25, "{first:?}");
    let printed = first.to_string();
    assert!(
        printed.contains(&format!("{} organisations", first.orgs_created))
            && printed.contains(&format!("{} problems", first.problems_created)),
        "{printed}"
    );
    let after_first = counts(&app).await;

    let second = seed_demo::run(&app.pool).await.unwrap();
    assert!(!second.hub_created);
    assert_eq!((second.users_created, second.profiles_created), (0, 0));
    assert_eq!((second.orgs_created, second.problems_created), (0, 0));
    assert_eq!(second.matches_created, 0);
    assert!(
        second.credentials.is_empty(),
        "passwords are never shown again"
    );
    assert_eq!(second.existing_demo_accounts, 4);
    assert_eq!(
        counts(&app).await,
        after_first,
        "a second run changes nothing"
    );

    assert!(app.count("select count(*) from scientist_profiles").await >= 200);
    assert_eq!(app.count("select count(*) from hubs").await, 2);
    assert_eq!(
        app.count("select count(*) from scientist_profiles where hub_code = 'kr'")
            .await,
        40
    );
    for role in ["scientist", "owner", "staff", "admin"] {
        let sql = format!(
            "select count(*) from users where email = 'demo-{role}@knowbridge.demo' and role = '{role}'"
        );
        assert_eq!(app.count(&sql).await, 1, "demo {role}");
    }
    assert_eq!(
        app.count("select count(*) from users where email_verified_at is null")
            .await,
        0
    );
    assert_eq!(
        app.count("select count(*) from audit_events where action = 'demo.seeded'")
            .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "select count(*) from audit_events where action = 'demo.seeded'
                and (details->>'problems_created')::int = {}
                and (details->>'organisations_created')::int = {}
                and (details->>'matches_created')::int = {}",
            first.problems_created, first.orgs_created, first.matches_created
        ))
        .await,
        1,
        "the audit event counts the organisations, problems and matches"
    );
}

#[sqlx::test]
async fn demo_matches_cover_every_state_with_a_consistent_history(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let report = seed_demo::run(&app.pool).await.unwrap();
    assert!(app.count("select count(*) from matches").await >= 25);
    assert_eq!(
        app.count("select count(*) from matches").await,
        report.matches_created as i64
    );
    for state in ["pending", "active", "declined", "withdrawn", "completed"] {
        let sql = format!("select count(*) from matches where state = '{state}'");
        assert!(app.count(&sql).await > 0, "no {state} match");
    }
    for origin in ["interest", "invitation", "proposal"] {
        let sql = format!("select count(*) from matches where origin = '{origin}'");
        assert!(app.count(&sql).await > 0, "no match started by {origin}");
    }
    for (what, sql) in [
        (
            "pending matches waiting for the embassy with two consents",
            "select count(*) from matches where state = 'pending' and staff_consent_at is null
                and scientist_consent_at is not null and owner_consent_at is not null",
        ),
        (
            "an invitation waiting for the demo scientist",
            "select count(*) from matches m join users u on u.id = m.scientist_id
              where u.email = 'demo-scientist@knowbridge.demo' and m.state = 'pending'
                and m.origin = 'invitation' and m.scientist_consent_at is null",
        ),
        (
            "an active match of the demo scientist",
            "select count(*) from matches m join users u on u.id = m.scientist_id
              where u.email = 'demo-scientist@knowbridge.demo' and m.state = 'active'",
        ),
        (
            "active matches with messages",
            "select count(distinct m.id) from matches m join match_messages g on g.match_id = m.id
              where m.state = 'active'",
        ),
    ] {
        assert!(app.count(sql).await > 0, "{what}");
    }
    let owned = app
        .count(
            "select count(*) from matches m join problems p on p.id = m.problem_id
               join org_members o on o.org_id = p.org_id
               join users u on u.id = o.user_id and u.email = 'demo-owner@knowbridge.demo'",
        )
        .await;
    assert!(owned >= 5, "the demo owner is party to {owned} matches");
    for (rule, sql) in [
        (
            "a match's problem and scientist share its kind of engagement",
            "select count(*) from matches m where not exists (select 1 from problem_engagements p
                join profile_engagements s on s.kind = p.kind
               where p.problem_id = m.problem_id and s.user_id = m.scientist_id
                 and p.kind = m.engagement_kind)",
        ),
        (
            "every match has its creation in the history, by its creator, first",
            "select count(*) from matches m where not exists (select 1 from match_events e
                where e.match_id = m.id and e.event = 'created' and e.actor_id = m.created_by
                  and e.created_at = m.created_at)",
        ),
        (
            "active and completed matches were activated after their last consent",
            "select count(*) from matches m where state in ('active', 'completed') and not exists
               (select 1 from match_events e where e.match_id = m.id and e.event = 'activated'
                   and e.created_at >= greatest(m.scientist_consent_at, m.owner_consent_at,
                                                m.staff_consent_at))",
        ),
        (
            "consents follow the creation and precede the end",
            "select count(*) from matches where least(scientist_consent_at, owner_consent_at,
                staff_consent_at) < created_at or greatest(scientist_consent_at,
                owner_consent_at, staff_consent_at) > coalesce(ended_at, now())",
        ),
        (
            "ended matches say who ended them, when and why",
            "select count(*) from matches where state in ('declined', 'withdrawn', 'completed')
                and (ended_by is null or ended_at is null
                     or coalesce(end_reason, outcome_note) is null)",
        ),
        (
            "withdrawals are the scientist's",
            "select count(*) from matches where state = 'withdrawn' and ended_by <> scientist_id",
        ),
        (
            "everything happened in the past, after the problem was published",
            "select count(*) from matches m join problems p on p.id = m.problem_id
              where m.created_at <= p.published_at or m.updated_at >= now()
                 or m.updated_at > coalesce(p.closed_at, now())",
        ),
        (
            "history and messages lie within the match's life",
            "select count(*) from matches m join match_events e on e.match_id = m.id
              where e.created_at < m.created_at or e.created_at > m.updated_at",
        ),
        (
            "messages come after activation",
            "select count(*) from match_messages g join match_events e
                 on e.match_id = g.match_id and e.event = 'activated'
              where g.created_at < e.created_at",
        ),
    ] {
        assert_eq!(app.count(sql).await, 0, "{rule}");
    }
}

#[sqlx::test]
async fn the_demo_staff_sees_matches_waiting_for_approval(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let report = seed_demo::run(&app.pool).await.unwrap();
    let staff = report
        .credentials
        .iter()
        .find(|c| c.role == "staff")
        .unwrap();
    let waiting: Vec<i64> = sqlx::query_scalar(
        "select m.id from matches m join problems p on p.id = m.problem_id
          where m.state = 'pending' and m.staff_consent_at is null
            and m.scientist_consent_at is not null and m.owner_consent_at is not null
            and (cardinality(p.target_hubs) = 0 or 'jp' = any(p.target_hubs))",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(waiting.len() >= 3, "{waiting:?}");
    let mut client = app.client();
    client.sign_in(&staff.email, &staff.password).await;
    let response = client.get("/staff/review").await;
    assert_eq!(response.status, StatusCode::OK);
    for id in waiting {
        let link = format!("href=\"/matches/{id}\"");
        assert!(response.text.contains(&link), "{link} missing");
    }
}

#[sqlx::test]
async fn demo_problems_cover_every_status_field_area_and_kind_of_organisation(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed_demo::run(&app.pool).await.unwrap();
    assert!(app.count("select count(*) from problems").await >= 60);
    for status in [
        "draft",
        "submitted",
        "changes_requested",
        "published",
        "rejected",
        "closed",
        "expired",
    ] {
        let sql = format!("select count(*) from problems where status = '{status}'");
        assert!(app.count(&sql).await > 0, "no {status} problem");
    }
    let published = app
        .count("select count(*) from problems where status = 'published'")
        .await;
    assert!(2 * published > app.count("select count(*) from problems").await);
    for (what, sql) in [
        (
            "organisation kinds",
            "select count(distinct kind) from organisations",
        ),
        (
            "organisation states",
            "select count(distinct status) from organisations",
        ),
        (
            "field areas",
            "select count(distinct f.parent_code) from problem_fields p
               join fields f on f.code = p.field_code",
        ),
        (
            "mechanisms",
            "select count(distinct mechanism) from problems",
        ),
        (
            "confidentiality levels",
            "select count(distinct confidentiality) from problems",
        ),
        (
            "currencies",
            "select count(distinct currency) from problems",
        ),
    ] {
        assert!(app.count(sql).await >= 3, "too few {what}");
    }
    // Each state is consistent with its history and its dates, as the real flow leaves it.
    for (rule, sql) in [
        (
            "open problems have a deadline ahead",
            "select count(*) from problems where status in ('draft', 'submitted',
                'changes_requested', 'published') and deadline <= current_date",
        ),
        (
            "expired problems have a deadline behind",
            "select count(*) from problems where status = 'expired' and deadline >= current_date",
        ),
        (
            "closed problems say how they ended",
            "select count(*) from problems where status = 'closed'
                and (outcome_note is null or closed_at is null)",
        ),
        (
            "published problems were submitted first",
            "select count(*) from problems where published_at is not null
                and (submitted_at is null or submitted_at >= published_at)",
        ),
        (
            "every submitted problem has its submission in the history",
            "select count(*) from problems p where status <> 'draft' and not exists
                (select 1 from problem_events e where e.problem_id = p.id and e.event = 'submitted')",
        ),
        (
            "requests for changes and rejections give a reason",
            "select count(*) from problem_events
              where event in ('changes_requested', 'rejected', 'closed') and reason is null",
        ),
        (
            "nothing is published for an organisation that is not verified",
            "select count(*) from problems p join organisations o on o.id = p.org_id
              where o.status <> 'verified' and p.status not in ('draft', 'submitted')",
        ),
        (
            "decisions are the demo staff's",
            "select count(*) from problem_events e left join users u on u.id = e.actor_id
              where e.event in ('approved', 'changes_requested', 'rejected')
                and u.email is distinct from 'demo-staff@knowbridge.demo'",
        ),
    ] {
        assert_eq!(app.count(sql).await, 0, "{rule}");
    }
    let english = app
        .count("select count(*) from problems where description_md like '# Background%'")
        .await;
    assert!(
        (10..=20).contains(&english),
        "{english} problems in English"
    );
}

#[sqlx::test]
async fn visitors_find_demo_problems_on_the_board_without_diacritics(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed_demo::run(&app.pool).await.unwrap();
    let mut visitor = app.client();
    // "lua chiu man" is "lúa chịu mặn" (salt-tolerant rice) typed without diacritics.
    let response = visitor.get("/problems?q=lua+chiu+man").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(
        response
            .text
            .contains("Giống lúa chịu mặn cho Đồng bằng sông Cửu Long"),
        "{}",
        response.text
    );
    let response = visitor.get("/problems").await;
    assert!(response.text.matches("<a href=\"/problems/").count() >= 10);
}

#[sqlx::test]
async fn the_demo_staff_sees_the_submitted_problems_oldest_first(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let report = seed_demo::run(&app.pool).await.unwrap();
    let staff = report
        .credentials
        .iter()
        .find(|c| c.role == "staff")
        .unwrap();
    let mut client = app.client();
    client.sign_in(&staff.email, &staff.password).await;
    let response = client.get("/staff/review").await;
    assert_eq!(response.status, StatusCode::OK);
    // The demo staff works for the Japan hub: problems for every hub or for Japan.
    let queued: Vec<i64> = sqlx::query_scalar(
        "select id from problems
          where status = 'submitted' and (cardinality(target_hubs) = 0 or 'jp' = any(target_hubs))
          order by submitted_at, id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(queued.len() >= 4, "{queued:?}");
    let positions: Vec<usize> = queued
        .iter()
        .map(|id| {
            let link = format!("href=\"/staff/problems/{id}/decide\"");
            response
                .text
                .find(&link)
                .unwrap_or_else(|| panic!("{link} missing"))
        })
        .collect();
    assert!(positions.is_sorted(), "oldest first");
    // The unverified demo enterprise waits for verification with its submitted problems.
    assert!(
        response
            .text
            .contains("Công ty TNHH Công nghệ Bán dẫn Sao Mai")
    );
}

#[sqlx::test]
async fn the_demo_owner_sees_the_drafts_of_their_organisations(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let report = seed_demo::run(&app.pool).await.unwrap();
    let owner = report
        .credentials
        .iter()
        .find(|c| c.role == "owner")
        .unwrap();
    let drafts: Vec<(i64, i64)> = sqlx::query_as(
        "select distinct on (p.org_id) p.org_id, p.id from problems p
           join org_members m on m.org_id = p.org_id
           join users u on u.id = m.user_id and u.email = $1
          where p.status = 'draft' order by p.org_id, p.id",
    )
    .bind(&owner.email)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(
        drafts.len() >= 2,
        "drafts in {} organisations",
        drafts.len()
    );
    let mut client = app.client();
    client.sign_in(&owner.email, &owner.password).await;
    let mut visitor = app.client();
    for (_, id) in drafts {
        let path = format!("/problems/{id}");
        assert_eq!(client.get(&path).await.status, StatusCode::OK, "{path}");
        assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    }
}

#[sqlx::test]
async fn printed_demo_passwords_sign_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let report = seed_demo::run(&app.pool).await.unwrap();
    let staff = report
        .credentials
        .iter()
        .find(|c| c.role == "staff")
        .unwrap();
    let mut client = app.client();
    let response = client.sign_in(&staff.email, &staff.password).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.text);
    assert_eq!(client.get("/staff/audit").await.status, StatusCode::OK);
}

#[sqlx::test]
async fn visitors_find_demo_profiles_without_diacritics_and_in_japanese(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed_demo::run(&app.pool).await.unwrap();
    let mut visitor = app.client();
    // "ban dan" is "bán dẫn" (semiconductor) typed without diacritics; %E5… is 半導体.
    for path in [
        "/scientists?q=ban+dan",
        "/scientists?q=%E5%8D%8A%E5%B0%8E%E4%BD%93",
    ] {
        let response = visitor.get(path).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert!(
            response.text.contains("<a href=\"/scientists/"),
            "{path} found no profile:\n{}",
            response.text
        );
    }
}

#[sqlx::test]
async fn every_generated_orcid_has_a_valid_check_digit(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    seed_demo::run(&app.pool).await.unwrap();
    let orcids: Vec<String> =
        sqlx::query_scalar("select orcid from scientist_profiles where orcid is not null")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(orcids.len() >= 40, "only {} ORCID iDs", orcids.len());
    for orcid in orcids {
        assert_eq!(normalise_orcid(&orcid).as_deref(), Some(orcid.as_str()));
    }
}
