//! `knowbridge seed-bench`: bulk benchmark data that is deterministic, complete (every status
//! and state), consistent (constraints and indexes back in place) and searchable exactly as
//! data the application writes itself.

use knowbridge::cli::seed_bench::{self, BENCH_DOMAIN, BENCH_PASSWORD, Options};
use knowbridge::problems::queries::{load_problem, update_problem};
use knowbridge::scientists::queries::{load_profile, save_profile};
use reqwest::StatusCode;
use sqlx::postgres::PgPoolOptions;
use sqlx::{Connection, PgPool};

use crate::helpers::TestApp;

const SCIENTISTS: usize = 300;
const PROBLEMS: usize = 60;

fn options(seed: u64) -> Options {
    Options {
        scientists: SCIENTISTS,
        problems: PROBLEMS,
        seed,
        force: false,
    }
}

async fn scalar(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// One digest of everything a seed writes (ids, contents, times, search documents).
async fn content_hash(pool: &PgPool) -> String {
    let parts = [
        "select md5(string_agg(concat_ws('|', id, email, password_hash, display_name, role,
                preferred_locale, email_verified_at, created_at), ',' order by id)) from users",
        "select md5(string_agg(concat_ws('|', user_id, full_name, name_reading, position,
                affiliation, hub_code, city, highest_degree, years_abroad, keywords, summary_md,
                available_hours_per_month, available_from, available_until, willing_to_travel,
                orcid, researchmap_id, visibility, search_doc, created_at, updated_at),
                ',' order by user_id)) from scientist_profiles",
        "select md5(string_agg(concat_ws('|', user_id, field_code), ',' order by user_id, field_code))
           from profile_fields",
        "select md5(string_agg(concat_ws('|', user_id, language_code, level), ','
                order by user_id, language_code)) from profile_languages",
        "select md5(string_agg(concat_ws('|', id, user_id, title, doi), ',' order by id))
           from publications",
        "select md5(string_agg(concat_ws('|', id, name_vi, name_en, kind, status, created_by,
                decided_by), ',' order by id)) from organisations",
        "select md5(string_agg(concat_ws('|', id, org_id, author_id, title, summary,
                description_md, keywords, status, deadline, search_doc, published_at),
                ',' order by id)) from problems",
        "select md5(string_agg(concat_ws('|', id, problem_id, actor_id, event, reason, created_at),
                ',' order by id)) from problem_events",
        "select md5(string_agg(concat_ws('|', id, problem_id, scientist_id, origin, state,
                scientist_consent_at, owner_consent_by, staff_consent_by, ended_at, outcome_note),
                ',' order by id)) from matches",
        "select md5(string_agg(concat_ws('|', id, match_id, actor_id, event, created_at), ','
                order by id)) from match_events",
        "select md5(string_agg(concat_ws('|', id, match_id, author_id, body), ',' order by id))
           from match_messages",
    ];
    let mut digest = String::new();
    for sql in parts {
        let part: Option<String> = sqlx::query_scalar(sql).fetch_one(pool).await.unwrap();
        digest.push_str(&part.unwrap_or_default());
        digest.push(' ');
    }
    digest
}

/// Constraints and indexes of the tables the seed loads, by name.
async fn schema_objects(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "select c.conname::text || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c
           join pg_class t on t.oid = c.conrelid
          where t.relnamespace = 'public'::regnamespace
         union all
         select indexname::text || ' ' || indexdef from pg_indexes where schemaname = 'public'
         order by 1",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test]
async fn seeds_the_counts_asked_for_with_every_status_and_state(pool: PgPool) {
    let before = schema_objects(&pool).await;
    let report = seed_bench::run(&pool, &options(7)).await.unwrap();

    assert_eq!(report.rows_in("scientist_profiles"), SCIENTISTS as u64);
    assert_eq!(report.rows_in("problems"), PROBLEMS as u64);
    assert_eq!(
        scalar(&pool, "select count(*) from scientist_profiles").await,
        SCIENTISTS as i64
    );
    assert_eq!(
        scalar(&pool, "select count(*) from problems").await,
        PROBLEMS as i64
    );
    assert_eq!(
        scalar(&pool, "select count(*) from organisations").await,
        PROBLEMS.div_ceil(10) as i64
    );
    let bench_users =
        format!("select count(*) from users where email like '%@{BENCH_DOMAIN}' and role = '{{}}'");
    assert_eq!(
        scalar(&pool, &bench_users.replace("{}", "scientist")).await,
        SCIENTISTS as i64
    );
    assert_eq!(scalar(&pool, &bench_users.replace("{}", "staff")).await, 6);
    assert_eq!(
        scalar(&pool, &bench_users.replace("{}", "owner")).await,
        scalar(&pool, "select count(distinct user_id) from org_members").await
    );
    assert!(scalar(&pool, "select count(*) from staff_hubs").await >= 6);
    let printed = report.to_string();
    assert!(printed.contains(BENCH_PASSWORD), "{printed}");
    assert!(printed.contains("scientist_profiles"), "{printed}");

    // Every problem status and every match state, with histories.
    assert_eq!(
        scalar(&pool, "select count(distinct status) from problems").await,
        7
    );
    assert_eq!(
        scalar(&pool, "select count(distinct state) from matches").await,
        5
    );
    assert!(scalar(&pool, "select count(*) from match_events").await > 0);
    assert!(scalar(&pool, "select count(*) from match_messages").await > 0);
    assert_eq!(
        scalar(
            &pool,
            "select count(*) from problems p where status <> 'draft'
                and not exists (select 1 from problem_events e where e.problem_id = p.id)"
        )
        .await,
        0,
        "every reviewed problem has its history"
    );
    assert_eq!(
        scalar(
            &pool,
            "select count(*) from matches m
              where not exists (select 1 from match_events e
                                 where e.match_id = m.id and e.event = 'created')
                 or (state in ('active', 'completed') and not exists (
                        select 1 from match_events e where e.match_id = m.id
                           and e.event = 'activated'))"
        )
        .await,
        0,
        "every match was created, every active one activated"
    );
    assert_eq!(
        scalar(
            &pool,
            "select count(*) from matches m join problems p on p.id = m.problem_id
              where p.published_at is null or m.created_at < p.published_at"
        )
        .await,
        0,
        "matches only on problems that were published, after publication"
    );
    assert_eq!(
        scalar(
            &pool,
            "select count(*) from problems where status = 'published' and deadline <= current_date"
        )
        .await,
        0,
        "open problems are not past their deadline"
    );

    // The constraints and indexes dropped for the load are all back, and hold.
    assert_eq!(schema_objects(&pool).await, before);
    assert_eq!(
        scalar(
            &pool,
            "select count(*) from (select problem_id, scientist_id from matches
                                    where state in ('pending', 'active')
                                    group by 1, 2 having count(*) > 1) x"
        )
        .await,
        0
    );
    let fresh: i64 = sqlx::query_scalar(
        "insert into users (email, password_hash, display_name, role)
         values ('later@example.org', 'x', 'Later', 'scientist') returning id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        fresh
            > scalar(
                &pool,
                "select max(id) from users where email <> 'later@example.org'"
            )
            .await,
        "the id sequence was moved past the seeded ids"
    );
    assert_eq!(
        scalar(
            &pool,
            "select count(*) from audit_events where action = 'bench.seeded'"
        )
        .await,
        1
    );
}

#[sqlx::test]
async fn the_same_seed_gives_the_same_data_on_another_database_and_again(pool: PgPool) {
    seed_bench::run(&pool, &options(11)).await.unwrap();
    let first = content_hash(&pool).await;

    // A second, fresh database.
    let name: String = sqlx::query_scalar("select 'bench_twin_' || md5(current_database())")
        .fetch_one(&pool)
        .await
        .unwrap();
    sqlx::query(&format!("drop database if exists \"{name}\""))
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(&format!("create database \"{name}\""))
        .execute(&pool)
        .await
        .unwrap();
    let twin_options = (*pool.connect_options()).clone().database(&name);
    let twin = PgPoolOptions::new()
        .max_connections(4)
        .connect_with(twin_options)
        .await
        .unwrap();
    knowbridge::db::migrate(&twin).await.unwrap();
    seed_bench::run(&twin, &options(11)).await.unwrap();
    let on_twin = content_hash(&twin).await;
    twin.close().await;
    sqlx::query(&format!("drop database \"{name}\" with (force)"))
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(first, on_twin, "same seed, fresh database, same data");

    // Again on the first database: the earlier load is replaced by the same rows, same ids.
    let again = seed_bench::run(&pool, &options(11)).await.unwrap();
    assert_eq!(
        again.replaced_accounts,
        scalar(&pool, "select count(*) from users").await
    );
    assert_eq!(
        content_hash(&pool).await,
        first,
        "a second run is idempotent"
    );

    seed_bench::run(&pool, &options(12)).await.unwrap();
    assert_ne!(content_hash(&pool).await, first, "another seed, other data");
}

#[sqlx::test]
async fn refuses_a_database_with_other_accounts_unless_forced(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.create_user("real.person@example.org", "scientist", true)
        .await;
    let refused = seed_bench::run(&app.pool, &options(3)).await;
    assert!(refused.is_err());
    assert_eq!(
        app.count("select count(*) from scientist_profiles").await,
        0,
        "nothing was loaded"
    );
    let forced = Options {
        force: true,
        ..options(3)
    };
    seed_bench::run(&app.pool, &forced).await.unwrap();
    seed_bench::run(&app.pool, &forced).await.unwrap();
    assert_eq!(
        app.count("select count(*) from scientist_profiles").await,
        SCIENTISTS as i64,
        "the second forced run replaced the first"
    );
    assert_eq!(
        app.count("select count(*) from users where email = 'real.person@example.org'")
            .await,
        1,
        "the other account is untouched"
    );
}

#[sqlx::test]
async fn search_documents_are_exactly_what_the_application_writes(pool: PgPool) {
    seed_bench::run(&pool, &options(5)).await.unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let mut tx = conn.begin().await.unwrap();

    // Save every seeded profile again through the application and compare the documents.
    sqlx::query(
        "create temporary table seeded as select user_id, search_doc from scientist_profiles",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("select user_id from scientist_profiles order by 1")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    for id in &ids {
        let stored = load_profile(&mut tx, *id).await.unwrap().unwrap();
        save_profile(&mut tx, *id, &stored.profile).await.unwrap();
    }
    let differing: i64 = sqlx::query_scalar(
        "select count(*) from scientist_profiles p join seeded s using (user_id)
          where p.search_doc::text <> s.search_doc::text",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(differing, 0, "of {} profiles", ids.len());

    sqlx::query("create temporary table seeded_problems as select id, search_doc from problems")
        .execute(&mut *tx)
        .await
        .unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("select id from problems order by 1")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    for id in &ids {
        let stored = load_problem(&mut tx, *id).await.unwrap().unwrap();
        update_problem(&mut tx, *id, &stored.problem).await.unwrap();
    }
    let differing: i64 = sqlx::query_scalar(
        "select count(*) from problems p join seeded_problems s using (id)
          where p.search_doc::text <> s.search_doc::text",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(differing, 0, "of {} problems", ids.len());
    tx.rollback().await.unwrap();
}

#[sqlx::test]
async fn facet_values_are_exactly_what_the_database_computes(pool: PgPool) {
    seed_bench::run(&pool, &options(5)).await.unwrap();
    // Compared as sets: the order inside the array means nothing to the pages.
    let differing_profiles = scalar(
        &pool,
        "select count(*) from scientist_profiles
          where array(select unnest(facet_values) order by 1)
             <> array(select unnest(scientist_facet_values(user_id)) order by 1)",
    )
    .await;
    assert_eq!(differing_profiles, 0);
    let differing_problems = scalar(
        &pool,
        "select count(*) from problems
          where array(select unnest(facet_values) order by 1)
             <> array(select unnest(problem_facet_values(id)) order by 1)",
    )
    .await;
    assert_eq!(differing_problems, 0);
    assert!(
        scalar(
            &pool,
            "select count(*) from problems where facet_values = '{}'"
        )
        .await
            == 0
    );
}

#[sqlx::test]
async fn the_application_finds_seeded_profiles_and_ranks_candidates(pool: PgPool) {
    seed_bench::run(&pool, &options(9)).await.unwrap();
    let app = TestApp::spawn(pool).await;
    let mut visitor = app.client();

    // The rarest keyword of a public profile finds that profile.
    let (keyword, id): (String, i64) = sqlx::query_as(
        "select k, min(p.user_id) from scientist_profiles p, unnest(p.keywords) k
          where p.visibility = 'public'
          group by k order by count(*), k limit 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let found = visitor
        .get(&format!("/scientists?q={}", url_encode(&keyword)))
        .await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(
        found.text.contains(&format!("href=\"/scientists/{id}\"")),
        "{keyword} should find scientist {id}"
    );

    // Vietnamese without diacritics and Japanese without spaces find the seeded summaries.
    for query in ["hoc may", "ban dan", "機械学習", "半導体"] {
        let response = visitor
            .get(&format!("/scientists?q={}", url_encode(query)))
            .await;
        assert_eq!(response.status, StatusCode::OK);
        assert!(
            response.text.contains("href=\"/scientists/"),
            "{query} finds profiles"
        );
    }
    let profile = visitor.get(&format!("/scientists/{id}")).await;
    assert_eq!(profile.status, StatusCode::OK);

    // An owner of a published problem signs in with the bench password and sees candidates.
    let (problem, owner): (i64, String) = sqlx::query_as(
        "select p.id, u.email from problems p join users u on u.id = p.author_id
          where p.status = 'published'
          order by (select count(*) from problem_fields f
                      join profile_fields pf on pf.field_code = f.field_code
                     where f.problem_id = p.id) desc, p.id
          limit 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut client = app.client();
    let signed_in = client.sign_in(&owner, BENCH_PASSWORD).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.text
    );
    let candidates = client.get(&format!("/problems/{problem}/candidates")).await;
    assert_eq!(candidates.status, StatusCode::OK);
    assert!(candidates.text.contains("href=\"/scientists/"));
    let board = client.get("/problems?q=tri+tue+nhan+tao").await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.text.contains("href=\"/problems/"));
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(b).to_string()
            }
            b' ' => "+".to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}
