//! The connection pool. The database is created when it is missing and migrated at start.
//!
//! The pool is tuned so that an outage of PostgreSQL shows as a quick "service unavailable"
//! page and heals by itself (issue 8):
//! - a request waits at most [`ACQUIRE_TIMEOUT`] for a connection, including opening a new one
//!   (a refused connection is retried with backoff until then; a server that accepts but never
//!   answers is cut at the same deadline), and is then answered 503;
//! - a connection idle for [`PING_WHEN_IDLE_FOR`] or more is pinged before use, at most for
//!   [`PING_TIMEOUT`]: one that died while idle (server restarted, connection cut) is
//!   discarded and a new one opened in the same acquire, so the first requests after the
//!   database comes back do not fail on stale connections. Connections used in the last
//!   second skip the round trip: sqlx already pings every connection as it is returned;
//! - a returned connection is pinged with the same bound before sqlx's own, unbounded ping, so
//!   a connection whose peer vanished without closing it (a request cut by the deadline in
//!   the middle of a query) is dropped instead of holding a pool slot until the kernel gives
//!   up on the socket (about 15 minutes). sqlx 0.8 exposes no TCP keepalive or user timeout.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::migrate::Migrator;
use sqlx::pool::PoolConnectionMetadata;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool};

pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The most connections one process opens.
pub const MAX_CONNECTIONS: u32 = 16;
/// How long a request waits for a connection before it is answered "service unavailable".
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_millis(2500);
/// A connection idle this long is checked before it is handed out.
pub const PING_WHEN_IDLE_FOR: Duration = Duration::from_secs(1);
/// A ping that has not answered by then means the connection is dead.
pub const PING_TIMEOUT: Duration = Duration::from_secs(1);

/// Connects, creating the database first if the server does not have it yet.
pub async fn connect(database_url: &str) -> anyhow::Result<PgPool> {
    let options = PgConnectOptions::from_str(database_url)
        .context("DATABASE_URL is invalid")?
        // sqlx prepares every statement once per connection, and after five runs PostgreSQL
        // may switch to a generic plan that ignores the values: for the ranking and search
        // statements (a text query, a list of fields) that plan reads far more rows. Under
        // load at 100,000 profiles the recommendations managed 15 requests/s with generic
        // plans and 50/s with custom ones (issue 7); planning costs about a millisecond.
        .options([("plan_cache_mode", "force_custom_plan")]);
    create_database_if_missing(&options).await?;
    let pool = pool_options()
        .connect_with(options)
        .await
        .context("cannot connect to PostgreSQL")?;
    Ok(pool)
}

/// The pool settings every server process uses (tests that put a proxy in front of
/// PostgreSQL build their pool with these too).
pub fn pool_options() -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .test_before_acquire(false)
        .before_acquire(|conn, meta| Box::pin(check_before_use(conn, meta)))
        .after_release(|conn, _| Box::pin(check_on_return(conn)))
        .idle_timeout(Duration::from_secs(5 * 60))
        .max_lifetime(Duration::from_secs(30 * 60))
}

async fn check_before_use(
    conn: &mut PgConnection,
    meta: PoolConnectionMetadata,
) -> sqlx::Result<bool> {
    if meta.idle_for < PING_WHEN_IDLE_FOR {
        return Ok(true);
    }
    bounded_ping(conn).await?;
    Ok(true)
}

async fn check_on_return(conn: &mut PgConnection) -> sqlx::Result<bool> {
    bounded_ping(conn).await?;
    Ok(true)
}

/// An error closes the connection without a goodbye (which could block on a dead socket).
async fn bounded_ping(conn: &mut PgConnection) -> sqlx::Result<()> {
    match tokio::time::timeout(PING_TIMEOUT, conn.ping()).await {
        Ok(result) => result,
        Err(_) => Err(sqlx::Error::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "PostgreSQL did not answer a ping",
        ))),
    }
}

pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    MIGRATOR.run(pool).await.context("migrations failed")
}
async fn create_database_if_missing(options: &PgConnectOptions) -> anyhow::Result<()> {
    let name = options.get_database().unwrap_or("postgres").to_string();
    let mut admin = options
        .clone()
        .database("postgres")
        .connect()
        .await
        .context("cannot connect to PostgreSQL (is it running?)")?;
    let exists: bool =
        sqlx::query_scalar("select exists (select 1 from pg_database where datname = $1)")
            .bind(&name)
            .fetch_one(&mut admin)
            .await?;
    if !exists {
        // Identifiers cannot be bound as parameters; quote the name as PostgreSQL does.
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        sqlx::query(&format!("create database {quoted}"))
            .execute(&mut admin)
            .await
            .with_context(|| format!("cannot create database {name}"))?;
        tracing::info!(database = %name, "created database");
    }
    admin.close().await.ok();
    Ok(())
}
