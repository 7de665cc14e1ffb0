//! The scientist directory: full-text search through the shared analyser, five facets with
//! counts, and pagination, over only the profiles the viewer may see.
//!
//! Facet counts are "disjunctive": the counts of one facet apply every filter except that
//! facet's own, so choosing an option gives exactly the count shown beside it.

use serde::Deserialize;
use sqlx::{PgConnection, Postgres, QueryBuilder};

use crate::auth::model::SessionUser;
use crate::search::visitor_query;
use crate::web::pagination::list_href;

pub const PAGE_SIZE: i64 = 20;
/// Ranking a very common term over every match would cost time in proportion to the table;
/// we rank at most this many matches (the rest are still counted and filtered).
pub const RANK_CAP: i64 = 1000;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DirectoryQuery {
    pub q: String,
    pub field: String,
    pub hub: String,
    pub engagement: String,
    pub position: String,
    pub language: String,
    pub page: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Field,
    Hub,
    Engagement,
    Position,
    Language,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Field,
        Facet::Hub,
        Facet::Engagement,
        Facet::Position,
        Facet::Language,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Facet::Field => "field",
            Facet::Hub => "hub",
            Facet::Engagement => "engagement",
            Facet::Position => "position",
            Facet::Language => "language",
        }
    }

    /// The SQL that yields one row per (profile, value) for counting.
    fn value_source(self) -> &'static str {
        match self {
            // A profile counts for each of its fields and for their areas.
            Facet::Field => {
                "select pf.field_code as value, pf.user_id from profile_fields pf
                 union all
                 select f.parent_code, pf.user_id from profile_fields pf
                   join fields f on f.code = pf.field_code"
            }
            Facet::Hub => "select p2.hub_code as value, p2.user_id from scientist_profiles p2",
            Facet::Engagement => "select e.kind as value, e.user_id from profile_engagements e",
            Facet::Position => "select p2.position as value, p2.user_id from scientist_profiles p2",
            Facet::Language => {
                "select l.language_code as value, l.user_id from profile_languages l"
            }
        }
    }
}

impl DirectoryQuery {
    pub fn value(&self, facet: Facet) -> &str {
        match facet {
            Facet::Field => &self.field,
            Facet::Hub => &self.hub,
            Facet::Engagement => &self.engagement,
            Facet::Position => &self.position,
            Facet::Language => &self.language,
        }
    }

    /// The requested page, if it is a positive whole number.
    pub fn page_number(&self) -> Option<i64> {
        crate::web::pagination::parse_page(self.page.as_deref())
    }

    /// This query's URL with another page number.
    pub fn href(&self, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        for facet in Facet::ALL {
            if !self.value(facet).is_empty() {
                pairs.push((facet.name(), self.value(facet).to_string()));
            }
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        list_href("/scientists", &pairs)
    }
}

/// Which visibility levels a viewer may see.
pub fn visible_levels(viewer: Option<&SessionUser>) -> Vec<String> {
    let levels: &[&str] = match viewer {
        Some(user) if user.role.is_staff() => &["public", "members", "staff"],
        Some(user) if user.email_verified => &["public", "members"],
        _ => &["public"],
    };
    levels.iter().map(|l| l.to_string()).collect()
}

#[derive(Debug, sqlx::FromRow)]
pub struct Hit {
    pub user_id: i64,
    pub full_name: String,
    pub position: String,
    pub affiliation: String,
    pub hub_code: String,
    pub keywords: Vec<String>,
    pub fields: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Results {
    pub total: i64,
    pub hits: Vec<Hit>,
    /// For each facet, the (value, count) pairs under the other filters.
    pub facets: Vec<(Facet, Vec<(String, i64)>)>,
}

pub async fn search(
    conn: &mut PgConnection,
    levels: &[String],
    query: &DirectoryQuery,
    page: i64,
) -> sqlx::Result<Results> {
    let ts = visitor_query(&query.q);
    if !query.q.trim().is_empty() && ts.is_none() {
        // Only punctuation: nothing can match.
        return Ok(Results::default());
    }
    let mut results = Results {
        total: count(conn, levels, query, ts.as_deref()).await?,
        hits: page_of_hits(conn, levels, query, ts.as_deref(), page).await?,
        facets: Vec::new(),
    };
    for facet in Facet::ALL {
        let counts = facet_counts(conn, levels, query, ts.as_deref(), facet).await?;
        results.facets.push((facet, counts));
    }
    Ok(results)
}

/// `where` conditions shared by every query; `skip` leaves out one facet's own filter.
fn push_filters<'a>(
    sql: &mut QueryBuilder<'a, Postgres>,
    levels: &'a [String],
    query: &'a DirectoryQuery,
    ts: Option<&'a str>,
    skip: Option<Facet>,
) {
    sql.push(" where p.visibility = any(")
        .push_bind(levels)
        .push(")");
    sql.push(
        " and exists (select 1 from users u where u.id = p.user_id and u.disabled_at is null)",
    );
    if let Some(ts) = ts {
        sql.push(" and p.search_doc @@ to_tsquery('simple', ")
            .push_bind(ts)
            .push(")");
    }
    for facet in Facet::ALL {
        let value = query.value(facet);
        if value.is_empty() || Some(facet) == skip {
            continue;
        }
        match facet {
            Facet::Field => sql
                .push(" and exists (select 1 from profile_fields pf join fields f on f.code = pf.field_code where pf.user_id = p.user_id and (f.code = ")
                .push_bind(value)
                .push(" or f.parent_code = ")
                .push_bind(value)
                .push("))"),
            Facet::Hub => sql.push(" and p.hub_code = ").push_bind(value),
            Facet::Engagement => sql
                .push(" and exists (select 1 from profile_engagements e where e.user_id = p.user_id and e.kind = ")
                .push_bind(value)
                .push(")"),
            Facet::Position => sql.push(" and p.position = ").push_bind(value),
            Facet::Language => sql
                .push(" and exists (select 1 from profile_languages l where l.user_id = p.user_id and l.language_code = ")
                .push_bind(value)
                .push(")"),
        };
    }
}

async fn count(
    conn: &mut PgConnection,
    levels: &[String],
    query: &DirectoryQuery,
    ts: Option<&str>,
) -> sqlx::Result<i64> {
    let mut sql = QueryBuilder::new("select count(*) from scientist_profiles p");
    push_filters(&mut sql, levels, query, ts, None);
    sql.build_query_scalar().fetch_one(conn).await
}

async fn page_of_hits(
    conn: &mut PgConnection,
    levels: &[String],
    query: &DirectoryQuery,
    ts: Option<&str>,
    page: i64,
) -> sqlx::Result<Vec<Hit>> {
    let mut sql = QueryBuilder::new("with matched as (select p.user_id, ");
    match ts {
        Some(ts) => sql
            .push("ts_rank(p.search_doc, to_tsquery('simple', ")
            .push_bind(ts)
            .push("))"),
        None => sql.push("0::real"),
    };
    sql.push(" as rank, p.updated_at from scientist_profiles p");
    push_filters(&mut sql, levels, query, ts, None);
    if ts.is_some() {
        sql.push(" limit ").push_bind(RANK_CAP);
    }
    sql.push(
        ") select p.user_id, p.full_name, p.position, p.affiliation, p.hub_code, p.keywords,
                  array(select field_code from profile_fields f where f.user_id = p.user_id
                         order by field_code) as fields
             from matched m join scientist_profiles p on p.user_id = m.user_id
            order by m.rank desc, m.updated_at desc, m.user_id desc
            limit ",
    );
    sql.push_bind(PAGE_SIZE)
        .push(" offset ")
        .push_bind((page - 1) * PAGE_SIZE);
    sql.build_query_as().fetch_all(conn).await
}

async fn facet_counts(
    conn: &mut PgConnection,
    levels: &[String],
    query: &DirectoryQuery,
    ts: Option<&str>,
    facet: Facet,
) -> sqlx::Result<Vec<(String, i64)>> {
    let mut sql = QueryBuilder::new("select v.value, count(distinct v.user_id) from (");
    sql.push(facet.value_source());
    sql.push(") v where v.user_id in (select p.user_id from scientist_profiles p");
    push_filters(&mut sql, levels, query, ts, Some(facet));
    sql.push(") group by v.value");
    sql.build_query_as().fetch_all(conn).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_keep_the_filters() {
        let query = DirectoryQuery {
            q: "bán dẫn".into(),
            hub: "jp".into(),
            ..Default::default()
        };
        assert_eq!(
            query.href(2),
            "/scientists?q=b%C3%A1n+d%E1%BA%ABn&hub=jp&page=2"
        );
        assert_eq!(DirectoryQuery::default().href(1), "/scientists");
    }
}
