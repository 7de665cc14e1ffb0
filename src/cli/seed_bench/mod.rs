//! `knowbridge seed-bench --scientists N --problems M [--seed S] [--force]`: synthetic data at
//! national scale for the benchmarks (issue 7), loaded in bulk.
//!
//! **What.** N scientists with full profiles (fields drawn with Zipf's law over the taxonomy,
//! the demo's popular fields first; keywords Zipf-distributed within a field plus a long tail of
//! technical terms; summaries in Vietnamese with diacritics, Japanese and English, a quarter of
//! them bilingual), M/10 organisations in Vietnam with one to three owners each, M problems in
//! every status with their review history, about two matches per problem (on those ever
//! published) in every state of the three-consent workflow with their events and messages, and six embassy staff.
//! Profiles and problems are built as the application's model types ([`Profile`],
//! [`Problem`]) and their search documents with the application's analyser, exactly as
//! `save_profile` and `insert_problem` compute them (see `people::search_document`).
//!
//! **Deterministic.** Everything comes from SplitMix64 streams of (seed, kind, number) and all
//! times from a fixed anchor ([`ANCHOR`], 1 November 2026), never from the clock: the same
//! seed on an empty database gives the same rows, ids included. Open problems' deadlines lie
//! between mid-2027 and late 2029, so the expiry task leaves them alone until then.
//!
//! **Accounts.** `bench.scientist.000001@bench.knowbridge.example` …, `bench.owner.000001@…`,
//! `bench.staff.01@…`, all with the password [`BENCH_PASSWORD`] through one precomputed argon2id
//! hash ([`BENCH_PASSWORD_HASH`], the application's parameters): hashing a million passwords
//! would take hours, and the sign-in benchmark needs a password it knows. Staff have no
//! authenticator yet (they enrol at their first sign-in, as new staff do).
//!
//! **Safety and re-runs.** The seed refuses a database that has accounts outside the bench
//! domain unless `--force`. An earlier bench load is removed first, so running it again gives
//! the same database: when every account is a bench account, every table that depends on
//! `users` is truncated (the append-only audit log keeps its rows); with `--force`, only the
//! bench rows are deleted, which is slower. The fastest path of all is a fresh database.
//!
//! **Fast.** One transaction. The secondary indexes and the foreign keys of the loaded tables
//! are dropped first and put back before the commit (each index built once with a large
//! `maintenance_work_mem`, each foreign key checked once for the whole table: so a generator
//! bug still fails the load). Rows go in with `COPY … FROM STDIN` (text format). Three stages
//! overlap on the two cores: a generator thread builds the next batch, a second connection turns
//! its search texts into `tsvector`s with PostgreSQL's own `to_tsvector('simple', …)` (as the
//! application does; the text form is copied in and read back to the same value), and the
//! loading connection copies the batch before. After the commit, `VACUUM (ANALYZE)` sets the
//! visibility map (index-only scans) and the statistics the ranking reads (`pg_stats` of
//! `search_doc`). Measured figures: `bench/README.md`.

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::json;
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool};
use time::OffsetDateTime;
use time::macros::datetime;
use tokio::sync::mpsc;

use crate::audit::{self, AuditEvent};
#[cfg(doc)]
use crate::problems::model::Problem;
#[cfg(doc)]
use crate::scientists::model::Profile;

mod copy;
mod load;
mod matches;
mod orgs;
mod people;
mod problems;
mod rng;
mod vocab;

use load::{Bases, Load};
use vocab::{Catalogue, FieldRow};

/// Every bench account's email ends with this domain (`.example`: reserved, never delivered).
pub const BENCH_DOMAIN: &str = "bench.knowbridge.example";
/// The password of every bench account, for the sign-in benchmark.
pub const BENCH_PASSWORD: &str = "knowbridge-bench-2026";
/// argon2id (m=19456, t=2, p=1, the application's parameters) of [`BENCH_PASSWORD`].
pub const BENCH_PASSWORD_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$h33N4RFSqZ11YZDjns8UMQ$z0Masx0JfhNmYb1ETxM2Hm1R1QmjxfdkQRmB8qqDlEw";
/// "Now" for the generated data: every time is before it, open deadlines well after it.
pub const ANCHOR: OffsetDateTime = datetime!(2026-11-01 0:00 UTC);
pub const DEFAULT_SEED: u64 = 42;

/// Scientists per batch (one `COPY` per table and one profile insert each).
const SCIENTIST_BATCH: usize = 2_000;
const PROBLEM_BATCH: usize = 1_000;
/// Problems whose matches go in one batch.
const MATCH_BATCH: usize = 4_000;

#[derive(Clone, Debug)]
pub struct Options {
    pub scientists: usize,
    pub problems: usize,
    pub seed: u64,
    /// Load even though the database has accounts outside the bench domain.
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Scientists,
    Organisations,
    Problems,
    Matches,
}

impl Phase {
    fn name(self) -> &'static str {
        match self {
            Phase::Scientists => "scientists (users, profiles, lists, publications)",
            Phase::Organisations => "staff, organisations, owners",
            Phase::Problems => "problems (lists, history)",
            Phase::Matches => "matches (events, messages)",
        }
    }
}

struct Batch {
    phase: Phase,
    loads: Vec<Load>,
}

/// What a run did, for the command line to print.
#[derive(Debug, Default)]
pub struct Report {
    pub seed: u64,
    /// Bench accounts of an earlier run that were removed first.
    pub replaced_accounts: i64,
    /// Rows written per table, in loading order, and the time spent writing them.
    pub rows: Vec<(&'static str, u64, Duration)>,
    /// Wall-clock time per phase.
    pub phases: Vec<(&'static str, Duration)>,
    /// Time the generator thread spent building rows (overlapping the loading).
    pub generating: Duration,
    /// Time the second connection spent in `to_tsvector` (overlapping the loading).
    pub indexing: Duration,
    /// Secondary indexes rebuilt and foreign keys checked after the load.
    pub deferred: (usize, usize),
    pub total: Duration,
}

impl Report {
    pub fn rows_in(&self, table: &str) -> u64 {
        self.rows
            .iter()
            .find(|(t, _, _)| *t == table)
            .map_or(0, |(_, n, _)| *n)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "bench data (seed {}):", self.seed)?;
        if self.replaced_accounts > 0 {
            writeln!(
                f,
                "  replaced an earlier bench load ({} accounts)",
                self.replaced_accounts
            )?;
        }
        for (table, rows, time) in &self.rows {
            writeln!(
                f,
                "  {table:<22} {rows:>10} rows {:>8.2} s",
                time.as_secs_f64()
            )?;
        }
        writeln!(f, "time:")?;
        for (phase, time) in &self.phases {
            writeln!(f, "  {phase:<52} {:>8.2} s", time.as_secs_f64())?;
        }
        writeln!(
            f,
            "  {:<52} {:>8.2} s",
            "(alongside: generating rows)",
            self.generating.as_secs_f64()
        )?;
        writeln!(
            f,
            "  {:<52} {:>8.2} s",
            "(alongside: to_tsvector on a second connection)",
            self.indexing.as_secs_f64()
        )?;
        writeln!(f, "  {:<52} {:>8.2} s", "total", self.total.as_secs_f64())?;
        writeln!(
            f,
            "accounts: bench.scientist.000001@{BENCH_DOMAIN} …, bench.owner.000001@{BENCH_DOMAIN} …, \
             bench.staff.01@{BENCH_DOMAIN} … (staff enrol their authenticator at first sign-in)"
        )?;
        writeln!(f, "password of every bench account: {BENCH_PASSWORD}")?;
        writeln!(f, "  (one shared argon2id hash: {BENCH_PASSWORD_HASH})")
    }
}

/// Loads the bench data; see the module comment.
pub async fn run(pool: &PgPool, options: &Options) -> anyhow::Result<Report> {
    let started = Instant::now();
    let mut report = Report {
        seed: options.seed,
        ..Report::default()
    };
    // Connections of its own (not the pool's): the load is one long transaction, and its
    // statements are long by design, so the slow-statement log would only be noise.
    let connect_options = (*pool.connect_options())
        .clone()
        .disable_statement_logging();
    let mut conn = PgConnection::connect_with(&connect_options).await?;
    let mut tx = conn.begin().await?;

    let phase_started = Instant::now();
    let (bench_accounts, other_accounts) = load::account_counts(&mut tx).await?;
    if other_accounts > 0 && !options.force {
        bail!(
            "the database has {other_accounts} accounts that are not bench accounts \
             (@{BENCH_DOMAIN}); seed-bench loads only into a bench database. Use a fresh \
             database, or --force to add the bench data next to them"
        );
    }
    if bench_accounts > 0 {
        load::wipe(&mut tx, other_accounts)
            .await
            .context("removing the earlier bench load")?;
        report.replaced_accounts = bench_accounts;
    }
    prepare(&mut tx).await?;
    // The second hub of the data, the same row as the demo seed's (reference data: it stays).
    sqlx::query(
        "insert into hubs (code, country_code, name_vi, name_ja, name_en)
         values ('kr', 'KR', 'Hàn Quốc', '韓国', 'South Korea')
         on conflict (code) do nothing",
    )
    .execute(&mut *tx)
    .await?;
    let fields: Vec<FieldRow> = sqlx::query_as(
        "select code, parent_code, sort_order, label_vi, label_ja, label_en from fields
          order by sort_order, code",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut catalogue = Catalogue::new(&fields)?;
    catalogue.hubs = sqlx::query_scalar("select code from hubs order by code")
        .fetch_all(&mut *tx)
        .await?;
    let bases = load::bases(&mut tx).await?;
    let deferred = load::drop_deferred(&mut tx).await?;
    report.phases.push((
        "check, clear, drop secondary indexes and foreign keys",
        phase_started.elapsed(),
    ));

    // Three stages, each on its own core as far as two allow: the generator thread builds rows,
    // the indexer turns their texts into tsvectors on a second connection, the loader copies.
    let (sender, raw) = mpsc::channel::<Batch>(2);
    let (ready_sender, mut ready) = mpsc::channel::<Batch>(2);
    let plan = Plan {
        seed: options.seed,
        scientists: options.scientists,
        problems: options.problems,
        bases,
    };
    let generator = tokio::task::spawn_blocking(move || generate(&plan, &catalogue, &sender));
    let mut indexer_conn = PgConnection::connect_with(&connect_options).await?;
    let indexer = tokio::spawn(async move {
        let indexed = index_documents(&mut indexer_conn, raw, ready_sender).await;
        let _ = indexer_conn.close().await;
        indexed
    });
    let mut rows: BTreeMap<usize, (&'static str, u64, Duration)> = BTreeMap::new();
    let mut current: Option<(Phase, Instant)> = None;
    let loading = async {
        while let Some(batch) = ready.recv().await {
            match current {
                Some((phase, _)) if phase == batch.phase => {}
                Some((phase, since)) => {
                    report.phases.push((phase.name(), since.elapsed()));
                    current = Some((batch.phase, Instant::now()));
                }
                None => current = Some((batch.phase, Instant::now())),
            }
            for load in batch.loads {
                let table = load.table();
                let Load::Copy(copy_rows) = load else {
                    bail!("{table}: rows reached the loader without their search documents");
                };
                let order = load::LOADED_TABLES
                    .iter()
                    .position(|t| *t == table)
                    .unwrap_or(usize::MAX);
                let load_started = Instant::now();
                let written = load::copy(&mut tx, copy_rows)
                    .await
                    .with_context(|| format!("loading {table}"))?;
                let entry = rows.entry(order).or_insert((table, 0, Duration::ZERO));
                entry.1 += written;
                entry.2 += load_started.elapsed();
            }
        }
        anyhow::Ok(())
    };
    let loaded = loading.await;
    // Closing the channel stops the other stages if the loading failed; its error comes first.
    drop(ready);
    let indexed = indexer.await.context("the indexer task")?;
    let generated = generator.await.context("the generator thread")?;
    loaded?;
    report.indexing = indexed?;
    report.generating = generated?;
    if let Some((phase, since)) = current {
        report.phases.push((phase.name(), since.elapsed()));
    }
    report.rows = rows.into_values().collect();

    let phase_started = Instant::now();
    load::restore_deferred(&mut tx, &deferred).await?;
    report.deferred = deferred.count();
    load::sync_sequences(&mut tx).await?;
    record_audit(&mut tx, &report, options).await?;
    tx.commit().await?;
    report.phases.push((
        "build indexes, check foreign keys, commit",
        phase_started.elapsed(),
    ));

    let phase_started = Instant::now();
    sqlx::query(&format!(
        "vacuum (analyze) {}",
        load::LOADED_TABLES.join(", ")
    ))
    .execute(&mut conn)
    .await?;
    report.phases.push((
        "vacuum (analyze) the loaded tables",
        phase_started.elapsed(),
    ));
    conn.close().await?;
    report.total = started.elapsed();
    Ok(report)
}

/// Settings for this transaction only: building the GIN indexes in memory is what makes them
/// fast; nothing here outlives the load.
async fn prepare(conn: &mut PgConnection) -> sqlx::Result<()> {
    for setting in [
        "set local maintenance_work_mem = '1GB'",
        "set local max_parallel_maintenance_workers = 2",
        "set local synchronous_commit = off",
    ] {
        sqlx::query(setting).execute(&mut *conn).await?;
    }
    Ok(())
}

async fn record_audit(
    conn: &mut PgConnection,
    report: &Report,
    options: &Options,
) -> sqlx::Result<()> {
    audit::record(
        conn,
        AuditEvent {
            actor_id: None,
            action: "bench.seeded",
            target_type: "bench_data",
            target_id: None,
            details: json!({
                "via": "command line",
                "seed": options.seed,
                "scientists": options.scientists,
                "problems": options.problems,
                "forced": options.force,
                "replaced_accounts": report.replaced_accounts,
                "rows": report.rows.iter().map(|(t, n, _)| (t.to_string(), json!(n)))
                    .collect::<serde_json::Map<_, _>>(),
            }),
        },
    )
    .await
}

// --- generation (on its own thread) -------------------------------------------------------------

struct Plan {
    seed: u64,
    scientists: usize,
    problems: usize,
    bases: Bases,
}

/// The loader has gone (it failed); stop quietly, its error is the one to report.
#[derive(Debug)]
struct LoaderGone;

impl fmt::Display for LoaderGone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the loader stopped")
    }
}

impl std::error::Error for LoaderGone {}

/// The channel to the loader, and the time spent waiting for it (not generating).
struct Out<'a> {
    sender: &'a mpsc::Sender<Batch>,
    waiting: Duration,
}

impl Out<'_> {
    fn send(&mut self, phase: Phase, loads: Vec<Load>) -> anyhow::Result<()> {
        let started = Instant::now();
        let sent = self.sender.blocking_send(Batch { phase, loads });
        self.waiting += started.elapsed();
        sent.map_err(|_| anyhow::Error::new(LoaderGone))
    }
}

/// The indexer stage: completes the rows that need search documents, passes the rest on.
/// Returns the time spent in the database.
async fn index_documents(
    conn: &mut PgConnection,
    mut input: mpsc::Receiver<Batch>,
    output: mpsc::Sender<Batch>,
) -> anyhow::Result<Duration> {
    let mut busy = Duration::ZERO;
    while let Some(batch) = input.recv().await {
        let mut loads = Vec::with_capacity(batch.loads.len());
        for load in batch.loads {
            loads.push(match load {
                Load::Search(rows) => {
                    let started = Instant::now();
                    let table = rows.rows.target;
                    let done = load::attach_search_docs(conn, rows)
                        .await
                        .with_context(|| format!("indexing {table}"))?;
                    busy += started.elapsed();
                    Load::Copy(done)
                }
                other => other,
            });
        }
        let batch = Batch {
            phase: batch.phase,
            loads,
        };
        output
            .send(batch)
            .await
            .map_err(|_| anyhow::Error::new(LoaderGone))?;
    }
    Ok(busy)
}

/// Builds every batch in order; returns the time spent building (not waiting).
fn generate(
    plan: &Plan,
    cat: &Catalogue,
    sender: &mpsc::Sender<Batch>,
) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let mut out = Out {
        sender,
        waiting: Duration::ZERO,
    };
    let seed = plan.seed;
    let bases = plan.bases;
    let hash = BENCH_PASSWORD_HASH;

    // Scientists, with what the matches need to know about each.
    let mut scientists: Vec<people::ScientistFacts> = Vec::with_capacity(plan.scientists);
    let mut by_field: Vec<Vec<u32>> = vec![Vec::new(); cat.fields.len()];
    let mut next_publication = bases.publication;
    for start in (1..=plan.scientists).step_by(SCIENTIST_BATCH) {
        let end = (start + SCIENTIST_BATCH - 1).min(plan.scientists);
        let mut rows = people::ScientistRows::new();
        for number in start..=end {
            let (scientist, facts) =
                people::generate(cat, seed, number, bases.user + number as i64);
            rows.push(&scientist, hash, &mut next_publication);
            for &field in &facts.fields {
                by_field[field as usize].push(scientists.len() as u32);
            }
            scientists.push(facts);
        }
        let loads = vec![
            Load::Copy(rows.users),
            Load::Search(rows.profiles),
            Load::Copy(rows.fields),
            Load::Copy(rows.engagements),
            Load::Copy(rows.languages),
            Load::Copy(rows.publications),
        ];
        out.send(Phase::Scientists, loads)?;
    }

    // Staff, organisations and their owners.
    let first_staff = bases.user + plan.scientists as i64;
    let staff: Vec<i64> = (1..=orgs::STAFF_COUNT as i64)
        .map(|n| first_staff + n)
        .collect();
    let staff_for = |hub: &str| -> Vec<i64> {
        (1..=orgs::STAFF_COUNT)
            .filter(|&n| orgs::staff_hubs(n).contains(&hub))
            .map(|n| first_staff + n as i64)
            .collect()
    };
    let (staff_jp, staff_kr) = (staff_for("jp"), staff_for("kr"));
    let mut org_rows = orgs::OrgRows::new();
    orgs::staff_rows(
        seed,
        first_staff,
        hash,
        &mut org_rows.users,
        &mut org_rows.staff_hubs,
    );
    let owner_base = first_staff + orgs::STAFF_COUNT as i64;
    let mut next_user = owner_base;
    let org_count = plan.problems.div_ceil(10);
    let organisations: Vec<orgs::OrgFacts> = (1..=org_count)
        .map(|number| {
            orgs::generate(
                seed,
                number,
                bases.org + number as i64,
                &mut next_user,
                owner_base,
                &staff,
                hash,
                &mut org_rows,
            )
        })
        .collect();
    let loads = vec![
        Load::Copy(org_rows.users),
        Load::Copy(org_rows.staff_hubs),
        Load::Copy(org_rows.organisations),
        Load::Copy(org_rows.members),
    ];
    out.send(Phase::Organisations, loads)?;

    // Problems.
    let mut problems: Vec<problems::ProblemFacts> = Vec::with_capacity(plan.problems);
    if !organisations.is_empty() {
        let law = problems::org_law(organisations.len());
        let mut next_event = bases.problem_event;
        for start in (1..=plan.problems).step_by(PROBLEM_BATCH) {
            let end = (start + PROBLEM_BATCH - 1).min(plan.problems);
            let mut rows = problems::ProblemRows::new();
            for number in start..=end {
                let id = bases.problem + number as i64;
                let (problem, facts) =
                    problems::generate(cat, seed, number, id, &organisations, &law, &staff);
                rows.push(&problem, &mut next_event);
                problems.push(facts);
            }
            let loads = vec![
                Load::Search(rows.problems),
                Load::Copy(rows.fields),
                Load::Copy(rows.engagements),
                Load::Copy(rows.languages),
                Load::Copy(rows.events),
            ];
            out.send(Phase::Problems, loads)?;
        }
    }

    // Matches.
    let pools = matches::Pools {
        scientists: &scientists,
        by_field: &by_field,
        staff: [&staff_jp, &staff_kr],
    };
    let mut cursor = matches::MatchCursor {
        next_match: bases.matches,
        next_event: bases.match_event,
        next_message: bases.match_message,
        missing: crate::matches::model::State::ALL.to_vec(),
    };
    for (chunk_index, chunk) in problems.chunks(MATCH_BATCH).enumerate() {
        let mut rows = matches::MatchRows::new();
        for (offset, problem) in chunk.iter().enumerate() {
            let number = chunk_index * MATCH_BATCH + offset + 1;
            matches::generate(seed, number, problem, &pools, &mut cursor, &mut rows)?;
        }
        let loads = vec![
            Load::Copy(rows.matches),
            Load::Copy(rows.events),
            Load::Copy(rows.messages),
        ];
        out.send(Phase::Matches, loads)?;
    }
    Ok(started.elapsed().saturating_sub(out.waiting))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::auth::password::PasswordHasher;

    const REFERENCE_DATA: &str =
        include_str!("../../../migrations/20261122000002_reference_data.sql");

    /// The taxonomy as the migration seeds it, without a database.
    pub(crate) fn catalogue() -> Catalogue {
        let mut rows = Vec::new();
        for line in REFERENCE_DATA.lines() {
            let line = line.trim();
            if !line.starts_with("('oecd")
                && !line.starts_with("('tech")
                && !line.starts_with("('semi")
            {
                continue;
            }
            let quoted: Vec<&str> = line.split('\'').collect();
            // ('code', 'parent' | null, n, 'vi', 'ja', 'en')
            let code = quoted[1].to_string();
            let is_area = quoted[2].trim_start_matches(',').trim().starts_with("null");
            let (parent, order, rest) = match is_area {
                true => (None, quoted[2], &quoted[3..]),
                false => (Some(quoted[3].to_string()), quoted[4], &quoted[5..]),
            };
            let sort_order = order
                .split(',')
                .filter_map(|part| part.trim().parse().ok())
                .next()
                .unwrap();
            rows.push(FieldRow {
                code,
                parent_code: parent,
                sort_order,
                label_vi: rest[0].to_string(),
                label_ja: rest[2].to_string(),
                label_en: rest[4].to_string(),
            });
        }
        Catalogue::new(&rows).unwrap()
    }

    #[test]
    fn the_catalogue_has_every_leaf_field_with_words() {
        let cat = catalogue();
        assert!(cat.fields.len() >= 50, "{}", cat.fields.len());
        assert_eq!(
            cat.fields[0].code, "tech.ai",
            "the most popular field first"
        );
        for field in &cat.fields {
            assert!(
                !field.keywords(vocab::Lang::En).is_empty(),
                "{}",
                field.code
            );
            assert!(!field.titles.is_empty() && !field.venues.is_empty());
            assert!(!field.topic.en.is_empty() && !field.topic.vi.is_empty());
        }
    }

    #[tokio::test]
    async fn the_shared_hash_is_the_bench_password() {
        let hasher = PasswordHasher::new();
        assert!(
            hasher
                .verify(BENCH_PASSWORD, Some(BENCH_PASSWORD_HASH))
                .await
        );
        assert!(
            !hasher
                .verify("another password", Some(BENCH_PASSWORD_HASH))
                .await
        );
        assert!(crate::auth::password::weakness(BENCH_PASSWORD).is_none());
    }
}
