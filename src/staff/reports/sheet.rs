//! What each report is: its SQL, its columns, and how one row becomes one CSV record.

use sqlx::PgConnection;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::query::Query;

use crate::staff::reports::labels::Labels;
use crate::staff::reports::params::Filter;

/// One report. Its `FROM` part binds `$1` (every hub, bool), `$2` (hub codes), `$3` (first
/// instant included or null) and `$4` (first instant after the range or null).
pub trait Sheet: for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin + 'static {
    /// Message keys of the column headings, in the order `cells` writes them.
    const COLUMNS: &'static [&'static str];
    const SELECT: &'static str;
    const FROM: &'static str;
    const ORDER: &'static str;

    /// The record of this row, one string per column.
    fn cells(&self, labels: &Labels) -> Vec<String>;
}

pub fn select_sql<S: Sheet>() -> String {
    format!("select {} {} order by {}", S::SELECT, S::FROM, S::ORDER)
}

pub fn count_sql<S: Sheet>() -> String {
    format!("select count(*) {}", S::FROM)
}

pub fn bind_filter<'q>(
    query: Query<'q, sqlx::Postgres, PgArguments>,
    filter: &Filter,
) -> Query<'q, sqlx::Postgres, PgArguments> {
    query
        .bind(filter.all_hubs)
        .bind(filter.hubs.clone())
        .bind(filter.starts_at)
        .bind(filter.ends_before)
}

/// How many rows the report would have.
pub async fn count<S: Sheet>(conn: &mut PgConnection, filter: &Filter) -> sqlx::Result<i64> {
    sqlx::query_scalar(&count_sql::<S>())
        .bind(filter.all_hubs)
        .bind(filter.hubs.clone())
        .bind(filter.starts_at)
        .bind(filter.ends_before)
        .fetch_one(conn)
        .await
}
