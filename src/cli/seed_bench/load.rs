//! The database side of the bench seed: the safety check, removing an earlier bench load,
//! dropping and rebuilding secondary indexes, sending the batches, and the sequences.

use sqlx::PgConnection;

use super::BENCH_DOMAIN;
use super::copy::{CopyRows, SearchRows};

/// Every table the seed writes to, parents first.
pub const LOADED_TABLES: &[&str] = &[
    "users",
    "scientist_profiles",
    "profile_fields",
    "profile_engagements",
    "profile_languages",
    "publications",
    "organisations",
    "org_members",
    "staff_hubs",
    "problems",
    "problem_fields",
    "problem_engagements",
    "problem_languages",
    "problem_events",
    "matches",
    "match_events",
    "match_messages",
];

/// The tables whose `id` the seed assigns itself (then moves the sequence past).
pub const SERIAL_TABLES: &[&str] = &[
    "users",
    "organisations",
    "problems",
    "matches",
    "publications",
    "problem_events",
    "match_events",
    "match_messages",
];

/// The highest id in use in each serial table: the seed's ids follow them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Bases {
    pub user: i64,
    pub org: i64,
    pub problem: i64,
    pub matches: i64,
    pub publication: i64,
    pub problem_event: i64,
    pub match_event: i64,
    pub match_message: i64,
}

fn bench_email_pattern() -> String {
    format!("%@{BENCH_DOMAIN}")
}

/// (bench accounts, other accounts).
pub async fn account_counts(conn: &mut PgConnection) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "select count(*) filter (where lower(email) like $1),
                count(*) filter (where lower(email) not like $1)
           from users",
    )
    .bind(bench_email_pattern())
    .fetch_one(conn)
    .await
}

/// Removes an earlier bench load. With no other accounts in the database it is a bench
/// database: every table that depends on `users` is truncated (fast), then the accounts are
/// deleted. Otherwise (`--force`) only the bench rows are deleted, dependants first. The audit
/// log is append-only and keeps its rows (their actor becomes empty).
pub async fn wipe(conn: &mut PgConnection, others: i64) -> sqlx::Result<()> {
    // Deleting an account sets `users.disabled_by` to null wherever it points to it: without
    // an index that is a scan of `users` per deleted account.
    sqlx::query("create index bench_wipe_disabled_by on users (disabled_by)")
        .execute(&mut *conn)
        .await?;
    if others == 0 {
        let dependants: Vec<String> = sqlx::query_scalar(
            "with recursive dependants(oid) as (
                 select 'users'::regclass::oid
                 union
                 select c.conrelid from pg_constraint c join dependants d on c.confrelid = d.oid
                  where c.contype = 'f'
             )
             select quote_ident(n.nspname) || '.' || quote_ident(t.relname)
               from dependants d join pg_class t on t.oid = d.oid
               join pg_namespace n on n.oid = t.relnamespace
              where t.oid not in ('users'::regclass, 'audit_events'::regclass)
              order by 1",
        )
        .fetch_all(&mut *conn)
        .await?;
        if !dependants.is_empty() {
            sqlx::query(&format!("truncate {}", dependants.join(", ")))
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("delete from users where lower(email) like $1")
            .bind(bench_email_pattern())
            .execute(&mut *conn)
            .await?;
    } else {
        for statement in [
            "create temporary table bench_wipe_users on commit drop as
                 select id from users where lower(email) like $1",
            "create temporary table bench_wipe_orgs on commit drop as
                 select id from organisations
                  where created_by in (select id from bench_wipe_users)",
            "delete from matches
              where scientist_id in (select id from bench_wipe_users)
                 or problem_id in (select id from problems
                                    where org_id in (select id from bench_wipe_orgs))",
            "delete from problems where org_id in (select id from bench_wipe_orgs)",
            "delete from organisations where id in (select id from bench_wipe_orgs)",
            "delete from scientist_profiles where user_id in (select id from bench_wipe_users)",
            "delete from users where id in (select id from bench_wipe_users)",
        ] {
            let query = sqlx::query(statement);
            let query = match statement.contains("$1") {
                true => query.bind(bench_email_pattern()),
                false => query,
            };
            query.execute(&mut *conn).await?;
        }
    }
    sqlx::query("drop index bench_wipe_disabled_by")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn bases(conn: &mut PgConnection) -> sqlx::Result<Bases> {
    let mut values = Vec::new();
    for table in SERIAL_TABLES {
        let max: i64 = sqlx::query_scalar(&format!("select coalesce(max(id), 0) from {table}"))
            .fetch_one(&mut *conn)
            .await?;
        values.push(max);
    }
    Ok(Bases {
        user: values[0],
        org: values[1],
        problem: values[2],
        matches: values[3],
        publication: values[4],
        problem_event: values[5],
        match_event: values[6],
        match_message: values[7],
    })
}

/// What the load goes without and gets back at the end: the secondary indexes of the loaded
/// tables (not primary keys, unique constraints or anything a constraint uses) and their
/// foreign keys, as their definitions.
///
/// Building an index once over the loaded rows is several times cheaper than maintaining it
/// row by row, above all the GIN indexes (search documents, trigrams of names and emails); and
/// a foreign key checked once for the whole table (one join, when it is added back) costs a
/// fraction of the per-row lookups, which otherwise dominate a COPY. Both are put back in the
/// same transaction, so the database never commits without them, and adding a foreign key back
/// checks every row: a bug in the generator fails the load instead of leaving bad rows.
pub struct Deferred {
    indexes: Vec<String>,
    /// (table, constraint, definition).
    foreign_keys: Vec<(String, String, String)>,
}

impl Deferred {
    pub fn count(&self) -> (usize, usize) {
        (self.indexes.len(), self.foreign_keys.len())
    }
}

pub async fn drop_deferred(conn: &mut PgConnection) -> sqlx::Result<Deferred> {
    let foreign_keys: Vec<(String, String, String)> = sqlx::query_as(
        "select quote_ident(n.nspname) || '.' || quote_ident(t.relname), quote_ident(c.conname),
                pg_get_constraintdef(c.oid)
           from pg_constraint c
           join pg_class t on t.oid = c.conrelid
           join pg_namespace n on n.oid = t.relnamespace
          where c.contype = 'f' and n.nspname = current_schema() and t.relname = any($1)
          order by t.relname, c.conname",
    )
    .bind(LOADED_TABLES)
    .fetch_all(&mut *conn)
    .await?;
    for (table, name, _) in &foreign_keys {
        sqlx::query(&format!("alter table {table} drop constraint {name}"))
            .execute(&mut *conn)
            .await?;
    }
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "select quote_ident(n.nspname) || '.' || quote_ident(ic.relname),
                pg_get_indexdef(i.indexrelid)
           from pg_index i
           join pg_class ic on ic.oid = i.indexrelid
           join pg_class tc on tc.oid = i.indrelid
           join pg_namespace n on n.oid = tc.relnamespace
          where n.nspname = current_schema() and tc.relname = any($1)
            and not i.indisprimary
            and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
          order by tc.relname, ic.relname",
    )
    .bind(LOADED_TABLES)
    .fetch_all(&mut *conn)
    .await?;
    for (name, _) in &indexes {
        sqlx::query(&format!("drop index {name}"))
            .execute(&mut *conn)
            .await?;
    }
    Ok(Deferred {
        indexes: indexes
            .into_iter()
            .map(|(_, definition)| definition)
            .collect(),
        foreign_keys,
    })
}

pub async fn restore_deferred(conn: &mut PgConnection, deferred: &Deferred) -> sqlx::Result<()> {
    for definition in &deferred.indexes {
        sqlx::query(definition).execute(&mut *conn).await?;
    }
    for (table, name, definition) in &deferred.foreign_keys {
        sqlx::query(&format!(
            "alter table {table} add constraint {name} {definition}"
        ))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Moves each serial sequence past the ids the seed assigned (never backwards).
pub async fn sync_sequences(conn: &mut PgConnection) -> sqlx::Result<()> {
    for table in SERIAL_TABLES {
        let sequence: String = sqlx::query_scalar("select pg_get_serial_sequence($1, 'id')")
            .bind(table)
            .fetch_one(&mut *conn)
            .await?;
        sqlx::query(&format!(
            "select setval($1, greatest((select coalesce(max(id), 0) from {table}),
                                        (select last_value from {sequence}), 1))"
        ))
        .bind(&sequence)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// One unit of loading.
pub enum Load {
    Copy(CopyRows),
    /// Rows still waiting for their search documents.
    Search(SearchRows),
}

impl Load {
    pub fn table(&self) -> &'static str {
        let target = match self {
            Load::Copy(rows) => rows.target,
            Load::Search(rows) => rows.rows.target,
        };
        target.split_whitespace().next().unwrap_or(target)
    }
}

/// Turns the texts to index into `tsvector`s with PostgreSQL's own `to_tsvector('simple', …)`
/// (as `save_profile` and `insert_problem` do), on a connection of its own so that it runs on
/// the other core while the loader writes, and appends them to the rows as text, which the
/// `tsvector` input function reads back to the same value.
pub async fn attach_search_docs(
    conn: &mut PgConnection,
    rows: SearchRows,
) -> sqlx::Result<CopyRows> {
    let tsvectors: Vec<String> = sqlx::query_scalar(
        "select to_tsvector('simple', t.doc)::text
           from unnest($1::text[]) with ordinality as t(doc, n)
          order by t.n",
    )
    .bind(&rows.docs)
    .fetch_all(conn)
    .await?;
    Ok(rows.complete(&tsvectors))
}

/// Sends rows with `COPY … FROM STDIN`; returns how many were written.
pub async fn copy(conn: &mut PgConnection, rows: CopyRows) -> sqlx::Result<u64> {
    if rows.rows == 0 {
        return Ok(0);
    }
    let mut copy = conn
        .copy_in_raw(&format!("copy {} from stdin", rows.target))
        .await?;
    copy.send(rows.data).await?;
    copy.finish().await
}
