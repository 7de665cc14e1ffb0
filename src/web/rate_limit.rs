//! Fixed-window attempt counters in PostgreSQL, shared by every server process.

use std::time::Duration;

use sqlx::PgConnection;

use crate::error::AppError;

/// At most `max` attempts per `window` for one key (an account or a client address).
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: i32,
    pub window: Duration,
}

pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    max: 10,
    window: Duration::from_secs(15 * 60),
};
pub const LOGIN_PER_ADDRESS: Limit = Limit {
    max: 50,
    window: Duration::from_secs(15 * 60),
};
pub const REGISTER_PER_ADDRESS: Limit = Limit {
    max: 20,
    window: Duration::from_secs(3600),
};
pub const PASSWORD_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window: Duration::from_secs(3600),
};
pub const PASSWORD_PER_ADDRESS: Limit = Limit {
    max: 30,
    window: Duration::from_secs(3600),
};
/// Six-digit codes are guessable in bulk: five tries per quarter hour per account makes a
/// guess succeed about once in 30,000 years of trying (recovery codes share the counter).
pub const SECOND_FACTOR_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window: Duration::from_secs(15 * 60),
};

/// Counts one attempt for `key`; `Err(RateLimited)` once the window's attempts exceed the limit.
pub async fn hit(conn: &mut PgConnection, key: &str, limit: Limit) -> Result<(), AppError> {
    let window_secs = limit.window.as_secs() as i64;
    let (hits, retry_after): (i32, i64) = sqlx::query_as(
        "with w as (
             select to_timestamp(floor(extract(epoch from now()) / $2) * $2) as start
         )
         insert into rate_limit_hits as r (key, window_start, hits)
         select $1, w.start, 1 from w
         on conflict (key, window_start) do update set hits = r.hits + 1
         returning r.hits,
                   ceil(extract(epoch from r.window_start) + $2 - extract(epoch from now()))::bigint",
    )
    .bind(key)
    .bind(window_secs)
    .fetch_one(conn)
    .await?;
    if hits > limit.max {
        Err(AppError::RateLimited {
            retry_after_secs: retry_after.max(1) as u64,
        })
    } else {
        Ok(())
    }
}

/// Forgets counters whose window ended more than a day ago (run periodically).
pub async fn delete_old(conn: &mut PgConnection) -> sqlx::Result<u64> {
    let done =
        sqlx::query("delete from rate_limit_hits where window_start < now() - interval '1 day'")
            .execute(conn)
            .await?;
    Ok(done.rows_affected())
}
