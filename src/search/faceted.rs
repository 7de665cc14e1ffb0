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
//! - Text ranking is bounded: at most [`RANK_CAP`] matches are ranked (the rest are still
//!   counted), so a very common term costs no more to rank than a rarer one.

use sqlx::{PgConnection, Postgres, QueryBuilder};

/// Ranking a very common term over every match would cost time in proportion to the table;
/// we rank at most this many matches (the rest are still counted and filtered).
pub const RANK_CAP: i64 = 1000;

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
    /// The ids of the requested page, in page order.
    pub ids: Vec<i64>,
    /// For each facet (in the request's order), its (value, count) pairs.
    pub facets: Vec<(&'static str, Vec<(String, i64)>)>,
}

#[derive(sqlx::FromRow)]
struct Row {
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
    push_visibility: impl FnOnce(&mut QueryBuilder<'q, Postgres>),
) -> sqlx::Result<Found> {
    let mut sql = QueryBuilder::new("");
    push_matched(&mut sql, listing, request, push_visibility);
    push_counts(&mut sql, request);
    push_page(&mut sql, listing, request);
    sql.push(
        " select (select count(*) from matched where misses = 0) as total,
                 array(select m.id from page m order by ",
    );
    sql.push(request.order_by);
    sql.push(
        ") as ids,
                 array(select v from counts order by v) as facet_values,
                 array(select n from counts order by v) as facet_counts",
    );
    let row: Row = sql.build_query_as().fetch_one(conn).await?;
    Ok(Found {
        total: row.total,
        ids: row.ids,
        facets: split_counts(&request.facets, row.facet_values, row.facet_counts),
    })
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
/// keeping only rows that fail at most one.
fn push_matched<'q>(
    sql: &mut QueryBuilder<'q, Postgres>,
    listing: &Listing,
    request: &'q Request<'q>,
    push_visibility: impl FnOnce(&mut QueryBuilder<'q, Postgres>),
) {
    sql.push("with matched as materialized (select * from (select p.");
    sql.push(listing.id);
    sql.push(" as id, p.facet_values");
    if !listing.order_columns.is_empty() {
        sql.push(", ").push(listing.order_columns);
    }
    sql.push(", 0");
    for (bit, facet, value) in chosen(request) {
        sql.push(" + (case when p.facet_values @> array[")
            .push_bind(format!("{facet}:{value}"))
            .push(format!("::text] then 0 else {bit} end)"));
    }
    sql.push(" as misses from ").push(listing.table).push(" p");
    push_visibility(sql);
    if let Some(text) = request.text {
        sql.push(" and p.search_doc @@ to_tsquery('simple', ")
            .push_bind(text)
            .push(")");
    }
    // `misses & (misses - 1) = 0`: no bit, or exactly one.
    sql.push(") x where misses & (misses - 1) = 0)");
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
