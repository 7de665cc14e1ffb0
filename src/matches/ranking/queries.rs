//! SQL for ranking. Each direction is one statement that first picks a bounded pool with the
//! indexes and a cheap pre-score, then returns that pool with everything the scorer needs as
//! arrays, so nothing is fetched row by row.
//!
//! Why it stays fast at 100,000 profiles: nothing is ever scored for the whole table, and every
//! step reads an index or a bounded number of rows.
//!
//! - `field_holders`, `exact`: profiles with one of the problem's fields, from
//!   `profile_fields_code_idx (field_code, user_id)` by an index-only scan, at most
//!   [`FIELD_WINDOW`] per field (the first by user id). A popular field has tens of thousands
//!   of holders at 100,000 profiles; counting and sorting them all cost 45 ms, and among them
//!   the pre-score below cannot tell most apart anyway. When the pool comes out short and a
//!   window was full (a rare engagement kind, filters that keep few profiles), the statement
//!   runs again over the holders offering a wanted kind, found with the GIN index on the
//!   rows' facet values (see [`Pass`]).
//! - `text_hits`: profiles whose `search_doc` contains one of the problem's distinctive terms,
//!   from the GIN index on `search_doc` (a bitmap of the matches, then the heap for at most
//!   `TEXT_POOL_CAP` rows, with their `ts_rank`). Common terms are not in the query, and the
//!   terms kept must together be in about `TEXT_POOL_CAP` documents by the statistics'
//!   estimate (`text::QUERY_DOCUMENT_BUDGET`): the bitmap stays small at any table size, and
//!   the cap rarely leaves a text match unread.
//! - `nearby`: profiles sharing only an area (the fields' neighbours, again index-only), at
//!   most `2 × POOL` in all, shared out among the neighbouring fields: they all have a
//!   pre-score of 0 and are taken by user id. An
//!   area holds a large part of all profiles, so it is read only when `exact` and `text_hits`
//!   together are small (under `3 × POOL`); in a large directory an area-only profile without
//!   a single distinctive word in common would not reach the top anyway. Unbounded, it read
//!   73,000 rows for a problem in the technology area with a rare engagement kind (110 ms).
//! - `ranked`: the pool ordered by the two heaviest terms of the real score (fields without the
//!   area credit, and text), computed as the scorer computes them, so the pool keeps the best.
//! - `chosen`: walks `ranked` in that order and keeps the first `POOL` that pass the checks that
//!   need a row lookup: an engagement kind in common (the row's `facet_values`, which hold
//!   `engagement:<kind>`), visibility, hub and position, all in one primary-key lookup, and an
//!   account not disabled (a hashed list of the few disabled accounts, from
//!   `users_disabled_idx`). The check is a scalar subquery with `limit 1`, not `exists`, on
//!   purpose: the planner cannot turn it into a (hash) semi-join that reads a whole table, so
//!   it runs per pool row, in `ranked` order, under the limit, and only a few hundred rows are
//!   looked up. Two lookups per row (the kinds from `profile_engagements_pkey`) cost 2.7 ms
//!   more.
//!   `profile_engagements_kind_idx` is deliberately not the starting point: each kind is
//!   offered by about a third of all profiles, so "shares a kind" selects most of the table;
//!   it is a check, not a filter to start from.
//! - The final select reads the chosen rows once: their facet values, from which the
//!   application takes the fields and engagement kinds (`fields_and_kinds`), the working
//!   languages (an index scan), and the text rank for the scorer (already known for the text
//!   matches; 0 for the others when every text match was read, else computed).
//!
//! Both statements run with sequential scans switched off (`with_index_scans`): the planner
//! took the OR-query of many rare terms for a sixth of the table and read it all. Measured at
//! 100,000 synthetic profiles and 20,000 problems (`bench/run.sh`; server log, warm cache):
//! about 9 ms (median) for the candidate statement and 11 ms for the recommendation one on
//! this two-core machine, against 17–20 and 23 ms before the document budget and the
//! one-lookup checks, and 430 ms for candidates before the windows and the index-only plan. Hub and position filters that keep few profiles make `chosen` look up most of the
//! pool, and may need the second run without windows.
//! Recommendations are the same statement the other way round over
//! `problem_fields_code_idx`, the facet and text indexes of published problems, over a table a
//! fifth the size, with one difference: a problem's
//! search document holds its whole description, long enough to be stored compressed, and
//! ranking one costs about 15 µs against 5 for a profile; so a text match counts half the
//! text weight in that pre-score, and the real text term is computed afterwards for the
//! chosen problems only (`text_ranks`), the same way as on the candidates page.

use std::collections::HashMap;

use sqlx::{Connection, PgConnection, PgPool};
use time::Date;

use crate::matches::ranking::score::{Areas, TEXT_SATURATION, W_FIELDS, W_TEXT};
use crate::matches::ranking::text::{self, TermFrequencies};

/// Profiles (or problems) scored in full per request; pages show 20 at a time out of these.
pub const POOL: i64 = 300;
/// At most this many text matches are read from the table per request.
pub const TEXT_POOL_CAP: i64 = 500;
/// At most this many holders of each wanted field are read at first (see `field_holders`).
pub const FIELD_WINDOW: i64 = 1000;

/// Whose `search_doc` statistics to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Documents {
    Profiles,
    Problems,
}

impl Documents {
    fn table(self) -> &'static str {
        match self {
            Documents::Profiles => "scientist_profiles",
            Documents::Problems => "problems",
        }
    }
}

/// How often terms occur in `docs`, by the statistics ANALYZE keeps for the `search_doc`
/// column (the share of rows containing each listed term) and the table's row estimate (see
/// `text::TermFrequencies`). Nothing is known before the table has statistics. Read whole,
/// a few thousand rows; `TermStats` keeps the answer for a while.
pub async fn term_frequencies_of(
    conn: &mut PgConnection,
    docs: Documents,
    column: Counted,
) -> sqlx::Result<text::TermFrequencies> {
    let rows: Vec<(String, f64, f64)> = sqlx::query_as(
        "select t.term, t.share::float8, c.reltuples::float8
           from pg_stats s
           join pg_class c on c.relname = s.tablename
                          and c.relnamespace = to_regnamespace(s.schemaname)
           cross join lateral unnest(s.most_common_elems::text::text[],
                                     s.most_common_elem_freqs) as t(term, share)
          where s.schemaname = current_schema() and s.tablename = $1 and s.attname = $2
            -- The frequencies end with three statistics of their own (no term beside them).
            and t.term is not null",
    )
    .bind(docs.table())
    .bind(column.name())
    .fetch_all(conn)
    .await?;
    let documents = rows.first().map_or(0.0, |(_, _, n)| *n);
    let shares: HashMap<String, f64> = rows.into_iter().map(|(t, s, _)| (t, s)).collect();
    Ok(text::TermFrequencies::new(shares, documents))
}

/// Which column's elements `term_frequencies_of` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    /// The terms of the search documents.
    Terms,
    /// The facet values (`field:<code>`, `engagement:<kind>`, `hub:<code>`, …).
    Facets,
}

impl Counted {
    fn name(self) -> &'static str {
        match self {
            Counted::Terms => "search_doc",
            Counted::Facets => "facet_values",
        }
    }
}

/// What to look for, from either side.
#[derive(Clone, Debug, Default)]
pub struct PoolSearch {
    pub exact_fields: Vec<String>,
    /// The other fields of the same areas.
    pub nearby_fields: Vec<String>,
    pub kinds: Vec<String>,
    pub text_query: Option<String>,
    /// Divides the number of shared fields in the pre-score.
    pub field_count: usize,
}

impl PoolSearch {
    /// Area-only rows read per neighbouring field: `2 × POOL` in all, shared out (`nearby`).
    fn nearby_per_field(&self) -> i64 {
        let fields = self.nearby_fields.len().max(1) as i64;
        (2 * POOL + fields - 1) / fields
    }
}

/// The candidates page's filters, already checked against the taxonomy.
#[derive(Clone, Debug, Default)]
pub struct CandidateFilters {
    pub hub: Option<String>,
    pub position: Option<String>,
    pub kind: Option<String>,
}

/// A profile of the pool with what the scorer needs.
#[derive(Debug, sqlx::FromRow)]
pub struct ProfileRow {
    pub user_id: i64,
    /// Some field had more holders than the window read (the same on every row).
    pub more_field_holders: bool,
    pub full_name: String,
    pub position: String,
    pub affiliation: String,
    pub hub_code: String,
    pub keywords: Vec<String>,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    pub text_rank: f32,
    /// The directory's facet values, where the fields and engagement kinds come from.
    facet_values: Vec<String>,
    #[sqlx(skip)]
    pub fields: Vec<String>,
    #[sqlx(skip)]
    pub engagement_kinds: Vec<String>,
    /// Languages at a working level or better.
    pub languages: Vec<String>,
}

impl ProfileRow {
    fn take_facets(&mut self, areas: &Areas) {
        let facets = std::mem::take(&mut self.facet_values);
        (self.fields, self.engagement_kinds) = fields_and_kinds(facets, areas);
    }
}

/// The fields and the engagement kinds among a row's facet values (`scientist_facet_values`,
/// `problem_facet_values`: sorted, `field:` holds each field's area as well). Reading them from
/// the row saves two index lookups per pool row.
fn fields_and_kinds(facets: Vec<String>, areas: &Areas) -> (Vec<String>, Vec<String>) {
    let mut fields = Vec::new();
    let mut kinds = Vec::new();
    for value in facets {
        if let Some(code) = value.strip_prefix("field:") {
            if areas.area_of(code).is_some() {
                fields.push(code.to_string());
            }
        } else if let Some(kind) = value.strip_prefix("engagement:") {
            kinds.push(kind.to_string());
        }
    }
    (fields, kinds)
}

const POOL_OF_PROFILES: &str = "
with wanted as materialized (
    select array_agg('engagement:' || k) as kinds from unnest($4::text[]) k
     where $10::text is null or k = $10
), field_holders as (
    select x.user_id
      from unnest($1::text[]) f(code)
     cross join lateral (select pf.user_id from profile_fields pf
                          where not $16 and pf.field_code = f.code
                          order by pf.user_id limit $15) x
    union all
    select x.user_id
      from unnest($1::text[]) f(code)
     cross join lateral (select p.user_id from scientist_profiles p
                          where $16 and p.facet_values @> array['field:' || f.code]
                            and p.facet_values && (select kinds from wanted)
                          limit $15) x
), exact as (
    select user_id, count(*)::float8 as shared from field_holders group by user_id
), text_hits as (
    select p.user_id, ts_rank('{1,1,1,1}', p.search_doc, q.query)::float8 as rank
      from (select to_tsquery('simple', $3) as query) q
      join scientist_profiles p on p.search_doc @@ q.query
     where not $16 or p.facet_values && (select kinds from wanted)
     limit $11
), core as (
    select coalesce(e.user_id, t.user_id) as user_id, coalesce(e.shared, 0) as shared,
           coalesce(t.rank, 0) as rank
      from exact e full join text_hits t on t.user_id = e.user_id
), nearby as (
    select distinct x.user_id
      from unnest($2::text[]) f(code)
     cross join lateral (select pf.user_id from profile_fields pf
                          where pf.field_code = f.code
                          order by pf.user_id limit $17) x
     where (select count(*) from core) < 3 * $5
       and not exists (select 1 from core c where c.user_id = x.user_id)
), ranked as (
    select user_id, rank, $12 * least(shared / $7, 1) + $13 * least(rank / $14, 1) as pre
      from core
    union all
    select user_id, 0, 0 from nearby
     order by pre desc, user_id
), chosen as materialized (
    select r.user_id, r.rank
      from ranked r
     where (select true from scientist_profiles p
             where p.user_id = r.user_id and p.visibility = any($6)
               and p.facet_values && (select kinds from wanted)
               and ($8::text is null or p.hub_code = $8) and ($9::text is null or p.position = $9)
             limit 1)
       and r.user_id not in (select u.id from users u where u.disabled_at is not null)
     order by r.pre desc, r.user_id
     limit $5
)
select p.user_id, p.full_name, p.position, p.affiliation, p.hub_code, p.keywords,
       p.available_from, p.available_until, p.facet_values,
       coalesce((select count(*) from field_holders) >= $15, false) as more_field_holders,
       case when c.rank > 0 then c.rank::real
            when $3::text is null then 0::real
            -- Every text match was read: the others have no word of the query.
            when (select count(*) from text_hits) < $11 then 0::real
            else ts_rank('{1,1,1,1}', p.search_doc, to_tsquery('simple', $3)) end as text_rank,
       array(select l.language_code from profile_languages l
              where l.user_id = p.user_id and l.level <> 'basic'
              order by l.language_code) as languages
  from chosen c join scientist_profiles p on p.user_id = c.user_id";

/// The pool of candidate profiles for a problem that `levels` of visibility may see.
pub async fn profile_pool(
    conn: &mut PgConnection,
    search: &PoolSearch,
    levels: &[String],
    filters: &CandidateFilters,
    areas: &Areas,
    facets: &TermFrequencies,
) -> sqlx::Result<Vec<ProfileRow>> {
    let mut narrowing = Vec::new();
    narrowing.extend(filters.hub.as_ref().map(|h| format!("hub:{h}")));
    narrowing.extend(filters.position.as_ref().map(|p| format!("position:{p}")));
    let mut wanted = search.clone();
    if let Some(kind) = &filters.kind {
        wanted.kinds = vec![kind.clone()];
    }
    let first = first_pass(&wanted, &narrowing, facets);
    let mut rows = profile_pool_within(conn, search, levels, filters, first).await?;
    if first == Pass::Windows && needs_every_holder(&rows, |r| r.more_field_holders) {
        rows = profile_pool_within(conn, search, levels, filters, Pass::Eligible).await?;
    }
    for row in &mut rows {
        row.take_facets(areas);
    }
    Ok(rows)
}

/// How a pool statement reads the field holders and text matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pass {
    /// The first [`FIELD_WINDOW`] holders of each field and [`TEXT_POOL_CAP`] text matches,
    /// whatever their engagement kinds: cheap, and enough unless few rows share a kind.
    Windows,
    /// Up to [`FIELD_WINDOW`] holders of each field (and the text matches) that offer one of
    /// the wanted kinds, found together by the GIN index on the rows' facet values
    /// (`field:<code>` and `engagement:<kind>`): the second pass when the first came out short.
    /// The neighbouring fields are read as in the first pass: asking the index for each of
    /// them with several wanted kinds (a scientist offering four) built the kinds' bitmap of
    /// some 13,000 problems once per field, 20 times.
    Eligible,
}

impl Pass {
    fn by_kind(self) -> bool {
        self == Pass::Eligible
    }
}

/// Whether the first pass would come out short anyway, by the share of rows with each facet
/// value (`facets`, from the statistics of `facet_values`): the windows of the wanted fields
/// would hold fewer than 1.5 × [`POOL`] rows offering a wanted kind (and in the wanted hub and
/// position). A problem seeking only a rare kind then goes straight to the second pass: the
/// first cost 8–19 ms for nothing on a fifth of the bench owners' problems.
///
/// A value the statistics do not list counts as rare (as an unlisted term does, see
/// `TermFrequencies`), which leads to the second pass: cheap when the value really is rare.
fn first_pass(search: &PoolSearch, filters: &[String], facets: &TermFrequencies) -> Pass {
    let kinds: f64 = search
        .kinds
        .iter()
        .map(|k| facets.share_of(&format!("engagement:{k}")))
        .sum::<f64>()
        .min(1.0);
    let filtered: f64 = filters.iter().map(|f| facets.share_of(f)).product();
    let windows: f64 = search
        .exact_fields
        .iter()
        .map(|f| {
            facets
                .documents_with(&format!("field:{f}"))
                .min(FIELD_WINDOW as f64)
        })
        .sum();
    if facets.documents() > 0.0 && windows * kinds * filtered < 1.5 * POOL as f64 {
        Pass::Eligible
    } else {
        Pass::Windows
    }
}

/// True when the pool came out short although some field holders were left unread: a rare
/// engagement kind (a few thousand profiles offer `science_council`) or filters that keep few
/// profiles (a small hub, one position). The second pass then reads only the rows with a
/// wanted kind: 130 ms walking every holder of three popular fields became about 20 ms at
/// 100,000 profiles with a hash of every profile offering the kind, and 8–20 ms with the
/// facet index, which does not read the kind's other profiles (16,000 for `partner_introduction`)
/// nor every holder of the neighbouring fields (73,000 in the technology area).
fn needs_every_holder<R>(rows: &[R], more: impl Fn(&R) -> bool) -> bool {
    (rows.len() as i64) < POOL && rows.first().is_none_or(more)
}

/// One pass of the pool statement.
async fn profile_pool_within(
    conn: &mut PgConnection,
    search: &PoolSearch,
    levels: &[String],
    filters: &CandidateFilters,
    pass: Pass,
) -> sqlx::Result<Vec<ProfileRow>> {
    let mut tx = with_index_scans(conn).await?;
    let rows = sqlx::query_as(POOL_OF_PROFILES)
        .bind(&search.exact_fields)
        .bind(&search.nearby_fields)
        .bind(&search.text_query)
        .bind(&search.kinds)
        .bind(POOL)
        .bind(levels)
        .bind(search.field_count.max(1) as f64)
        .bind(&filters.hub)
        .bind(&filters.position)
        .bind(&filters.kind)
        .bind(TEXT_POOL_CAP)
        .bind(W_FIELDS)
        .bind(W_TEXT)
        .bind(TEXT_SATURATION)
        .bind(FIELD_WINDOW)
        .bind(pass.by_kind())
        .bind(search.nearby_per_field())
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(rows)
}

/// A transaction in which the planner may not read a whole table. The text lookup is an
/// OR of up to 24 terms; a term missing from the column's statistics is assumed to be in a
/// fixed share of rows, so the OR looks like a sixth of the table and the planner chose a
/// sequential scan that stops after `TEXT_POOL_CAP` matches: 330 ms at 100,000 profiles,
/// testing every document against the query, where the GIN index answers in a few
/// milliseconds. Every step of the pool statements has an index to use.
async fn with_index_scans(
    conn: &mut PgConnection,
) -> sqlx::Result<sqlx::Transaction<'_, sqlx::Postgres>> {
    let mut tx = conn.begin().await?;
    sqlx::query("set local enable_seqscan = off")
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// A problem of the pool with what the scorer and the page need.
#[derive(Debug, sqlx::FromRow)]
pub struct ProblemRow {
    pub id: i64,
    /// Some field had more holders than the window read (the same on every row).
    pub more_field_holders: bool,
    pub title: String,
    pub summary: String,
    /// The problem's terms for matching as stored with it, joined by spaces (none is inside a
    /// term); `None`: written before they were. One string instead of an array of 72 spares
    /// thousands of small allocations per page.
    pub match_terms: Option<String>,
    /// Without `match_terms`, the first `text::DESCRIPTION_CHARS` characters (else empty).
    pub description_start: String,
    pub keywords: Vec<String>,
    pub deadline: Option<Date>,
    pub duration_months: Option<i32>,
    pub target_hubs: Vec<String>,
    pub org_name_vi: String,
    pub org_name_en: String,
    pub org_name_ja: Option<String>,
    /// The board's facet values, where the fields and engagement kinds come from.
    facet_values: Vec<String>,
    #[sqlx(skip)]
    pub fields: Vec<String>,
    #[sqlx(skip)]
    pub engagement_kinds: Vec<String>,
    pub languages: Vec<String>,
}

impl ProblemRow {
    fn take_facets(&mut self, areas: &Areas) {
        let facets = std::mem::take(&mut self.facet_values);
        (self.fields, self.engagement_kinds) = fields_and_kinds(facets, areas);
    }
}

const POOL_OF_PROBLEMS: &str = "
with wanted as materialized (
    select array_agg('engagement:' || k) as kinds from unnest($4::text[]) k
), field_holders as (
    select x.id
      from unnest($1::text[]) f(code)
     cross join lateral (select pf.problem_id as id from problem_fields pf
                          where not $16 and pf.field_code = f.code
                          order by pf.problem_id desc limit $15) x
    union all
    select x.id
      from unnest($1::text[]) f(code)
     cross join lateral (select p.id from problems p
                          where $16 and p.status = 'published'
                            and p.facet_values @> array['field:' || f.code]
                            and p.facet_values && (select kinds from wanted)
                          limit $15) x
), exact as (
    select id, count(*)::float8 as shared from field_holders group by id
), text_hits as (
    select p.id, $13 / 2 as rank
      from (select to_tsquery('simple', $3) as query) q
      join problems p on p.search_doc @@ q.query and p.status = 'published'
     where not $16 or p.facet_values && (select kinds from wanted)
     limit $9
), core as (
    select coalesce(e.id, t.id) as id, coalesce(e.shared, 0) as shared, coalesce(t.rank, 0) as rank
      from exact e full join text_hits t on t.id = e.id
), nearby as (
    select distinct x.id
      from unnest($2::text[]) f(code)
     cross join lateral (select pf.problem_id as id from problem_fields pf
                          where pf.field_code = f.code
                          order by pf.problem_id desc limit $17) x
     where (select count(*) from core) < 3 * $5
       and not exists (select 1 from core c where c.id = x.id)
), ranked as (
    select id, $10 * least(shared / $11, 1) + $12 * least(rank / $13, 1) as pre from core
    union all
    select id, 0 from nearby
     order by pre desc, id
), chosen as materialized (
    select r.id
      from ranked r
     where (select true from problems p
             where p.id = r.id and p.status = 'published' and (p.deadline is null or p.deadline >= $8)
               and p.confidentiality = any($6)
               and (cardinality(p.target_hubs) = 0 or $7 = any(p.target_hubs))
               and p.facet_values && (select kinds from wanted)
             limit 1)
     order by r.pre desc, r.id
     limit $5
)
select p.id, p.title, p.summary, array_to_string(p.match_terms, ' ') as match_terms,
       case when p.match_terms is null then left(p.description_md, $14) else '' end
           as description_start,
       p.keywords, p.facet_values,
       coalesce((select count(*) from field_holders) >= $15, false) as more_field_holders,
       p.deadline, p.duration_months, p.target_hubs,
       o.name_vi as org_name_vi, o.name_en as org_name_en, o.name_ja as org_name_ja,
       array(select l.language_code from problem_languages l
              where l.problem_id = p.id order by l.language_code) as languages
  from chosen c join problems p on p.id = c.id join organisations o on o.id = p.org_id";

/// The pool of open problems for a scientist of hub `hub`, among those `confidentiality`
/// levels allow.
pub async fn problem_pool(
    conn: &mut PgConnection,
    search: &PoolSearch,
    confidentiality: &[String],
    hub: &str,
    today: Date,
    areas: &Areas,
    facets: &TermFrequencies,
) -> sqlx::Result<Vec<ProblemRow>> {
    let scope = ProblemScope {
        confidentiality,
        hub,
        today,
    };
    let first = first_pass(search, &[], facets);
    let mut rows = problem_pool_within(conn, search, &scope, first).await?;
    if first == Pass::Windows && needs_every_holder(&rows, |r| r.more_field_holders) {
        rows = problem_pool_within(conn, search, &scope, Pass::Eligible).await?;
    }
    for row in &mut rows {
        row.take_facets(areas);
    }
    Ok(rows)
}

/// Which problems a scientist may be recommended.
struct ProblemScope<'a> {
    confidentiality: &'a [String],
    hub: &'a str,
    today: Date,
}

async fn problem_pool_within(
    conn: &mut PgConnection,
    search: &PoolSearch,
    scope: &ProblemScope<'_>,
    pass: Pass,
) -> sqlx::Result<Vec<ProblemRow>> {
    let mut tx = with_index_scans(conn).await?;
    let rows = sqlx::query_as(POOL_OF_PROBLEMS)
        .bind(&search.exact_fields)
        .bind(&search.nearby_fields)
        .bind(&search.text_query)
        .bind(&search.kinds)
        .bind(POOL)
        .bind(scope.confidentiality)
        .bind(scope.hub)
        .bind(scope.today)
        .bind(TEXT_POOL_CAP)
        .bind(W_FIELDS)
        .bind(search.field_count.max(1) as f64)
        .bind(W_TEXT)
        .bind(TEXT_SATURATION)
        .bind(text::DESCRIPTION_CHARS as i32)
        .bind(FIELD_WINDOW)
        .bind(pass.by_kind())
        .bind(search.nearby_per_field())
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(rows)
}

/// Problems analysed per statement when filling in missing `match_terms`.
const FILL_BATCH: i64 = 200;

/// Stores `match_terms` for every problem that has none (written before the column existed, or
/// by hand), a batch at a time, analysing off the async threads; returns how many it filled.
/// The server runs it once in the background at start-up; until it is done, ranking analyses
/// those problems on the fly.
pub async fn fill_missing_match_terms(db: &PgPool) -> anyhow::Result<u64> {
    let mut filled = 0;
    loop {
        let rows: Vec<(i64, String, String, String, Vec<String>)> = sqlx::query_as(
            "select id, title, summary, left(description_md, $1), keywords from problems
              where match_terms is null order by id limit $2",
        )
        .bind(text::DESCRIPTION_CHARS as i32)
        .bind(FILL_BATCH)
        .fetch_all(db)
        .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        let (ids, terms) = tokio::task::spawn_blocking(move || {
            rows.into_iter()
                .map(|(id, title, summary, opening, keywords)| {
                    let terms = text::problem_terms(&title, &summary, &opening, &keywords);
                    // Terms never contain a space (see search::analyser).
                    (id, terms.join(" "))
                })
                .unzip::<_, _, Vec<i64>, Vec<String>>()
        })
        .await?;
        // `match_terms is null` again: a problem saved meanwhile already has its new terms.
        let done = sqlx::query(
            "update problems p set match_terms = string_to_array(t.terms, ' ')
               from unnest($1::bigint[], $2::text[]) as t(id, terms)
              where p.id = t.id and p.match_terms is null",
        )
        .bind(&ids)
        .bind(&terms)
        .execute(db)
        .await?;
        filled += done.rows_affected();
    }
}

/// `ts_rank` of each query (one per problem, `None` for a problem without distinctive terms)
/// in one scientist's search document, in the same order: the text term seen from the problem,
/// as on the candidates page.
pub async fn text_ranks(
    conn: &mut PgConnection,
    user_id: i64,
    queries: &[Option<String>],
) -> sqlx::Result<Vec<f32>> {
    let rows: Vec<(i64, f32)> = sqlx::query_as(
        "select t.ord, case when t.query is null then 0::real
                       else ts_rank('{1,1,1,1}', p.search_doc, to_tsquery('simple', t.query)) end
           from scientist_profiles p, unnest($2::text[]) with ordinality as t(query, ord)
          where p.user_id = $1",
    )
    .bind(user_id)
    .bind(queries)
    .fetch_all(conn)
    .await?;
    let mut ranks = vec![0.0; queries.len()];
    for (ord, rank) in rows {
        if let Some(slot) = ranks.get_mut((ord - 1) as usize) {
            *slot = rank;
        }
    }
    Ok(ranks)
}

/// A pending or active match, shown instead of the action that would start another.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LiveMatch {
    pub id: i64,
    pub problem_id: i64,
    pub scientist_id: i64,
    pub state: String,
}

/// The live matches of problem `problem_id` with any of `scientist_ids`.
pub async fn live_matches_on_problem(
    conn: &mut PgConnection,
    problem_id: i64,
    scientist_ids: &[i64],
) -> sqlx::Result<Vec<LiveMatch>> {
    sqlx::query_as(
        "select id, problem_id, scientist_id, state from matches
          where problem_id = $1 and scientist_id = any($2) and state in ('pending', 'active')",
    )
    .bind(problem_id)
    .bind(scientist_ids)
    .fetch_all(conn)
    .await
}

/// The live matches of scientist `scientist_id` on any of `problem_ids`.
pub async fn live_matches_of_scientist(
    conn: &mut PgConnection,
    scientist_id: i64,
    problem_ids: &[i64],
) -> sqlx::Result<Vec<LiveMatch>> {
    sqlx::query_as(
        "select id, problem_id, scientist_id, state from matches
          where scientist_id = $1 and problem_id = any($2) and state in ('pending', 'active')",
    )
    .bind(scientist_id)
    .bind(problem_ids)
    .fetch_all(conn)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Facet statistics of 100,000 profiles: `field:tech.ai` in 37 %, `field:rare` in 0.5 %.
    fn facets() -> TermFrequencies {
        let shares = [
            ("field:tech.ai", 0.37),
            ("field:rare", 0.005),
            ("engagement:joint_research", 0.54),
            ("engagement:science_council", 0.07),
            ("hub:jp", 0.4),
            ("hub:small", 0.01),
        ];
        let shares = shares.iter().map(|(v, s)| (v.to_string(), *s)).collect();
        TermFrequencies::new(shares, 100_000.0)
    }

    fn search(fields: &[&str], kinds: &[&str]) -> PoolSearch {
        PoolSearch {
            exact_fields: fields.iter().map(|f| f.to_string()).collect(),
            kinds: kinds.iter().map(|k| k.to_string()).collect(),
            ..PoolSearch::default()
        }
    }

    #[test]
    fn a_common_kind_in_a_popular_field_starts_with_the_windows() {
        let wanted = search(&["tech.ai"], &["joint_research"]);
        assert_eq!(first_pass(&wanted, &[], &facets()), Pass::Windows);
        // 1,000 holders read × 40 % in the hub × 54 % offering the kind: 216, under 450.
        let in_jp = ["hub:jp".to_string()];
        assert_eq!(first_pass(&wanted, &in_jp, &facets()), Pass::Eligible);
    }

    #[test]
    fn a_rare_kind_or_a_rare_field_goes_straight_to_the_holders_offering_it() {
        let rare_kind = search(&["tech.ai"], &["science_council"]);
        assert_eq!(first_pass(&rare_kind, &[], &facets()), Pass::Eligible);
        let rare_field = search(&["rare"], &["joint_research"]);
        assert_eq!(first_pass(&rare_field, &[], &facets()), Pass::Eligible);
    }

    #[test]
    fn without_statistics_the_windows_come_first() {
        let wanted = search(&["rare"], &["science_council"]);
        let none = TermFrequencies::default();
        assert_eq!(first_pass(&wanted, &[], &none), Pass::Windows);
    }
}
