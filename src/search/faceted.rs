//! One statement for a faceted list page: the total, the ids of one page and every facet's
//! counts, from a single pass over the rows that match. Used by the scientist directory and
//! the problem board.
//!
//! Why it is shaped like this (issue 7): the pages used to send seven statements, each finding
//! the matching rows again, and five of them counted facets by joining a whole child table
//! (`profile_fields`, …) against the matches, so a page cost grew with the table rather than
//! with the matches. Now:
//!
//! - Each listed row carries its facet values in one array column, `facet_values`, as
//!   `facet:value` strings (`field:ai.ml`, `field:ai` for its area, `hub:jp`, …), written with
//!   the row (see the migration `…_000010_search_facets.sql`). Filtering by a facet is
//!   `facet_values @> '{facet:value}'`; counting is one `unnest` of the matched rows.
//! - Facet counts are "disjunctive" (a facet's counts apply every filter except its own, so
//!   choosing an option gives exactly the count shown). One pass serves all facets: each
//!   matched row gets a bit mask `misses` of the chosen filters it fails; a row that fails two
//!   or more counts nowhere and is dropped at once; a row that fails none counts in every
//!   facet and the total; a row that fails exactly one counts only in that facet.
//! - Text ranking is bounded: at most [`RANK_CAP`] matches are ranked, so a very common term
//!   costs no more to rank than a rarer one. `ts_rank` of a problem's long, compressed
//!   document takes about 15 µs: ranking 1,000 of them made a common word on the board cost
//!   22 ms of CPU, too much for 100 such searches a second on two cores.
//! - So is counting, for a search ranked by text: only the first [`SAMPLE_CAP`] matches are
//!   read. When there are more, the total is estimated and every facet count is scaled up
//!   from the sample by the same factor; the page says the figures are estimates. Two
//!   estimates, the larger kept: the sample's share of the table (the rows are read through
//!   the GIN bitmap in physical order from the first block, so a sample that ended in block
//!   `b` of `B` saw about `(b + 1) / B` of the matches), and the planner's row estimate for
//!   the whole condition (one `EXPLAIN`). Reading every match of a word in a fifth of all
//!   profiles took about 350 ms at 100,000 profiles (visiting 15,000 heap pages, then
//!   counting 220,000 facet values), and it would grow with the table.

use sqlx::{Connection, PgConnection, Postgres, QueryBuilder};

/// Ranking a very common term over every match would cost time in proportion to the table;
/// we rank at most this many matches (the rest are still counted and filtered).
pub const RANK_CAP: i64 = 500;

/// A search ranked by text reads at most this many matches; beyond, counts are estimated.
pub const SAMPLE_CAP: i64 = 1000;

/// What kind of list is searched, in SQL fragments fixed by the caller (never user input).
pub struct Listing {
    /// The table, e.g. `scientist_profiles`; its conditions call it `p`.
    pub table: &'static str,
    /// The key column of `p`, returned as the page's ids.
    pub id: &'static str,
    /// Further columns of `p` the page order needs (`p.updated_at`), or an empty string.
    pub order_columns: &'static str,
}

/// One search over a [`Listing`].
pub struct Request<'q> {
    /// Every facet of the page, with the value chosen for it ("" when none), in a fixed order.
    pub facets: Vec<(&'static str, &'q str)>,
    /// The tsquery of the search box, if any.
    pub text: Option<&'q str>,
    /// Order the page by text rank (only meaningful with `text`).
    pub rank_by_text: bool,
    /// The page order, over the listing's id and order columns (as `m.…`) and `m.rank`.
    pub order_by: &'static str,
    pub limit: i64,
    pub offset: i64,
}

/// What the statement returns.
#[derive(Debug, Default)]
pub struct Found {
    pub total: i64,
    /// The total and the facet counts are estimates (more than [`SAMPLE_CAP`] matches).
    pub estimated: bool,
    /// How many matches the pages can show: the total, or with estimates the ranked sample.
    pub listed: i64,
    /// The ids of the requested page, in page order.
    pub ids: Vec<i64>,
    /// For each facet (in the request's order), its (value, count) pairs.
    pub facets: Vec<(&'static str, Vec<(String, i64)>)>,
}

/// A list page's results: the rows shown (`H`) and each facet (`F`) with its counts.
#[derive(Debug)]
pub struct Results<H, F> {
    pub total: i64,
    /// The total and the facet counts are estimates.
    pub estimated: bool,
    /// How many matches the pages can show.
    pub listed: i64,
    pub hits: Vec<H>,
    /// For each facet, the (value, count) pairs under the other filters.
    pub facets: Vec<(F, Vec<(String, i64)>)>,
}

impl<H, F> Default for Results<H, F> {
    fn default() -> Self {
        Results {
            total: 0,
            estimated: false,
            listed: 0,
            hits: Vec::new(),
            facets: Vec::new(),
        }
    }
}

impl Found {
    /// The page's results with its `hits`, naming the facets by `facets` (in the request's
    /// facet order).
    pub fn into_results<H, F>(
        self,
        hits: Vec<H>,
        facets: impl IntoIterator<Item = F>,
    ) -> Results<H, F> {
        Results {
            total: self.total,
            estimated: self.estimated,
            listed: self.listed,
            hits,
            facets: facets
                .into_iter()
                .zip(self.facets.into_iter().map(|(_, counts)| counts))
                .collect(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    /// Rows read into `matched`: more than `SAMPLE_CAP` means the sample was cut.
    read: i64,
    /// The block of the table the last of them was in, and the table's size in blocks.
    last_block: i64,
    blocks: i64,
    total: i64,
    ids: Vec<i64>,
    facet_values: Vec<String>,
    facet_counts: Vec<i64>,
}

/// Runs the search. `push_visibility` appends the listing's own ` where …` conditions (who may
/// see which rows); the text and facet conditions are added here.
pub async fn search<'q>(
    conn: &mut PgConnection,
    listing: &Listing,
    request: &'q Request<'q>,
    push_visibility: impl Fn(&mut QueryBuilder<'q, Postgres>),
) -> sqlx::Result<Found> {
    let sample = sampled(request).then_some(SAMPLE_CAP);
    let mut sql = QueryBuilder::new("");
    push_matched(&mut sql, listing, request, &push_visibility, sample);
    push_counts(&mut sql, request);
    push_page(&mut sql, listing, request);
    sql.push(
        " select (select count(*) from matched) as read,
                 coalesce((select max(block) from matched), 0) as last_block,
                 pg_relation_size(",
    );
    sql.push_bind(listing.table);
    sql.push(
        "::regclass) / current_setting('block_size')::bigint as blocks,
                 (select count(*) from matched where misses = 0) as total,
                 array(select m.id from page m order by ",
    );
    sql.push(request.order_by);
    sql.push(
        ") as ids,
                 array(select v from counts order by v) as facet_values,
                 array(select n from counts order by v) as facet_counts",
    );
    let row: Row = match sample {
        // A sample must be read in physical order from the first block, which a bitmap heap
        // scan does; a sequential scan may start anywhere (`synchronize_seqscans`).
        Some(_) => {
            let mut tx = conn.begin().await?;
            sqlx::query("set local enable_seqscan = off")
                .execute(&mut *tx)
                .await?;
            let row = sql.build_query_as().fetch_one(&mut *tx).await?;
            tx.commit().await?;
            row
        }
        None => sql.build_query_as().fetch_one(&mut *conn).await?,
    };
    let facets = split_counts(&request.facets, row.facet_values, row.facet_counts);
    if sample.is_none_or(|cap| row.read <= cap) {
        return Ok(Found {
            total: row.total,
            estimated: false,
            listed: if sampled(request) {
                row.total.min(RANK_CAP)
            } else {
                row.total
            },
            ids: row.ids,
            facets,
        });
    }
    // Two estimates, each low in its own way; the larger is kept. The sample's share of the
    // table is low when the rows that count sit mostly at the end of it (old problems are
    // closed, so published ones are the newer rows); the planner's is low when the words
    // tend to come together ("bán" and "dẫn"), since it takes them as independent.
    let by_sample = row.total as f64 * row.blocks.max(1) as f64 / (row.last_block + 1) as f64;
    let by_planner = planner_estimate(conn, listing, request, push_visibility).await?;
    let estimate = by_sample.max(by_planner).max(row.total as f64);
    let factor = estimate / row.total.max(1) as f64;
    Ok(Found {
        total: round_estimate(estimate.round() as i64),
        estimated: true,
        listed: row.total.min(RANK_CAP),
        ids: row.ids,
        facets: scaled(facets, factor),
    })
}

/// The planner's estimate of the rows that match the text and every chosen filter.
async fn planner_estimate<'q>(
    conn: &mut PgConnection,
    listing: &Listing,
    request: &'q Request<'q>,
    push_visibility: impl Fn(&mut QueryBuilder<'q, Postgres>),
) -> sqlx::Result<f64> {
    let mut sql = QueryBuilder::new("explain (format json) select 1 from ");
    sql.push(listing.table).push(" p");
    push_visibility(&mut sql);
    push_text(&mut sql, request);
    for (_, facet, value) in chosen(request) {
        sql.push(" and p.facet_values @> array[")
            .push_bind(format!("{facet}:{value}"))
            .push("::text]");
    }
    // Not prepared: a generic plan would estimate from default selectivities, not the values.
    let (plan,): (serde_json::Value,) = sql
        .build_query_as()
        .persistent(false)
        .fetch_one(conn)
        .await?;
    Ok(plan[0]["Plan"]["Plan Rows"].as_f64().unwrap_or(0.0))
}

/// Only a search ranked by text can stop at a sample: any other order needs every match.
fn sampled(request: &Request) -> bool {
    request.text.is_some() && request.rank_by_text
}

/// The sample's facet counts multiplied by `factor`, rounded to two significant figures (an
/// estimate should not look exact); a value seen is never shown as 0.
fn scaled(
    facets: Vec<(&'static str, Vec<(String, i64)>)>,
    factor: f64,
) -> Vec<(&'static str, Vec<(String, i64)>)> {
    facets
        .into_iter()
        .map(|(facet, counts)| {
            let counts = counts
                .into_iter()
                .map(|(value, n)| {
                    (
                        value,
                        round_estimate((n as f64 * factor).round() as i64).max(1),
                    )
                })
                .collect();
            (facet, counts)
        })
        .collect()
}

/// Two significant figures: 27,673 → 28,000; 123 → 120; small numbers stay as they are.
pub fn round_estimate(n: i64) -> i64 {
    if n < 100 {
        return n;
    }
    let unit = 10_i64.pow(n.ilog10() - 1);
    (n + unit / 2) / unit * unit
}

/// The chosen filters, each with its bit in `misses`.
fn chosen<'a, 'q>(
    request: &'a Request<'q>,
) -> impl Iterator<Item = (i32, &'static str, &'q str)> + 'a {
    request
        .facets
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .enumerate()
        .map(|(n, (facet, value))| (1 << n, *facet, *value))
}

/// `matched`: the visible rows matching the text, with the mask of chosen filters each fails,
/// keeping only rows that fail at most one; with a `sample` size, one row more than that at
/// most (so that a cut sample shows).
fn push_matched<'q>(
    sql: &mut QueryBuilder<'q, Postgres>,
    listing: &Listing,
    request: &'q Request<'q>,
    push_visibility: &impl Fn(&mut QueryBuilder<'q, Postgres>),
    sample: Option<i64>,
) {
    sql.push("with matched as materialized (select * from (select p.");
    sql.push(listing.id);
    sql.push(" as id, p.facet_values");
    if !listing.order_columns.is_empty() {
        sql.push(", ").push(listing.order_columns);
    }
    // The block the row is in, for the estimate of how much of the table a sample covered.
    sql.push(", (p.ctid::text::point)[0]::bigint as block, 0");
    for (bit, facet, value) in chosen(request) {
        sql.push(" + (case when p.facet_values @> array[")
            .push_bind(format!("{facet}:{value}"))
            .push(format!("::text] then 0 else {bit} end)"));
    }
    sql.push(" as misses from ").push(listing.table).push(" p");
    push_visibility(sql);
    push_text(sql, request);
    // `misses & (misses - 1) = 0`: no bit, or exactly one.
    sql.push(") x where misses & (misses - 1) = 0");
    if let Some(cap) = sample {
        sql.push(" limit ").push_bind(cap + 1);
    }
    sql.push(")");
}

fn push_text<'q>(sql: &mut QueryBuilder<'q, Postgres>, request: &'q Request<'q>) {
    if let Some(text) = request.text {
        sql.push(" and p.search_doc @@ to_tsquery('simple', ")
            .push_bind(text)
            .push(")");
    }
}

/// `counts`: each facet value with the number of rows it counts for.
fn push_counts<'q>(sql: &mut QueryBuilder<'q, Postgres>, request: &'q Request<'q>) {
    sql.push(
        ", counts as (select v, count(*) as n from matched m, unnest(m.facet_values) v
            where m.misses = 0",
    );
    for (bit, facet, _) in chosen(request) {
        sql.push(format!(" or (m.misses = {bit} and v like '{facet}:%')"));
    }
    sql.push(" group by v)");
}

/// `page`: the rows of the requested page, ranked by text among at most [`RANK_CAP`].
fn push_page<'q>(
    sql: &mut QueryBuilder<'q, Postgres>,
    listing: &Listing,
    request: &'q Request<'q>,
) {
    // The rank is computed in an inner select so the order can name it as `m.rank`.
    sql.push(", page as (select * from (select m.*, ");
    match request.text.filter(|_| request.rank_by_text) {
        Some(text) => {
            sql.push("ts_rank(r.search_doc, to_tsquery('simple', ")
                .push_bind(text)
                .push(")) as rank from (select * from matched where misses = 0 limit ")
                .push_bind(RANK_CAP)
                .push(") m join ")
                .push(listing.table)
                .push(" r")
                .push(" on r.")
                .push(listing.id)
                .push(" = m.id");
        }
        None => {
            sql.push("0::real as rank from matched m where m.misses = 0");
        }
    }
    sql.push(") m order by ").push(request.order_by);
    sql.push(" limit ")
        .push_bind(request.limit)
        .push(" offset ")
        .push_bind(request.offset);
    sql.push(")");
}

/// Sorts the `facet:value` counts into their facets, in the request's facet order.
fn split_counts(
    facets: &[(&'static str, &str)],
    values: Vec<String>,
    counts: Vec<i64>,
) -> Vec<(&'static str, Vec<(String, i64)>)> {
    let mut split: Vec<(&'static str, Vec<(String, i64)>)> = facets
        .iter()
        .map(|(facet, _)| (*facet, Vec::new()))
        .collect();
    for (value, count) in values.into_iter().zip(counts) {
        let Some((facet, code)) = value.split_once(':') else {
            continue;
        };
        if let Some((_, list)) = split.iter_mut().find(|(f, _)| *f == facet) {
            list.push((code.to_string(), count));
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_sorted_into_their_facets() {
        let facets = [("field", ""), ("hub", "jp")];
        let split = split_counts(
            &facets,
            vec![
                "field:ai".into(),
                "field:ai.ml".into(),
                "hub:jp".into(),
                "other:x".into(),
            ],
            vec![3, 2, 5, 9],
        );
        assert_eq!(
            split,
            vec![
                (
                    "field",
                    vec![("ai".to_string(), 3), ("ai.ml".to_string(), 2)]
                ),
                ("hub", vec![("jp".to_string(), 5)]),
            ]
        );
    }

    #[test]
    fn estimates_keep_two_significant_figures() {
        assert_eq!(round_estimate(7), 7);
        assert_eq!(round_estimate(99), 99);
        assert_eq!(round_estimate(123), 120);
        assert_eq!(round_estimate(27_673), 28_000);
        assert_eq!(round_estimate(1_950), 2_000);
    }

    #[test]
    fn sample_counts_are_scaled_to_the_estimate() {
        let facets = vec![("hub", vec![("jp".to_string(), 600), ("kr".to_string(), 1)])];
        let scaled = scaled(facets, 20.0);
        assert_eq!(
            scaled,
            vec![(
                "hub",
                vec![("jp".to_string(), 12_000), ("kr".to_string(), 20)]
            )]
        );
    }

    #[test]
    fn each_chosen_filter_gets_its_own_bit() {
        let request = Request {
            facets: vec![("field", "ai"), ("hub", ""), ("position", "professor")],
            text: None,
            rank_by_text: false,
            order_by: "m.id",
            limit: 20,
            offset: 0,
        };
        let bits: Vec<_> = chosen(&request).collect();
        assert_eq!(bits, vec![(1, "field", "ai"), (2, "position", "professor")]);
    }
}
