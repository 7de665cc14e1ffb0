//! The scientist directory: full-text search through the shared analyser, five facets with
//! counts, and pagination, over only the profiles the viewer may see.
//!
//! Facet counts are "disjunctive": the counts of one facet apply every filter except that
//! facet's own, so choosing an option gives exactly the count shown beside it. The total, the
//! page and every facet come from one statement (`search::faceted`).

use serde::Deserialize;
use sqlx::PgConnection;

use crate::auth::model::SessionUser;
use crate::search::faceted::{self, Listing};
use crate::search::visitor_query;
use crate::web::pagination::list_href;

pub const PAGE_SIZE: i64 = 20;

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

pub type Results = faceted::Results<Hit, Facet>;

/// The directory's rows: profiles, by their owner's user id, listed newest change first.
const LISTING: Listing = Listing {
    table: "scientist_profiles",
    id: "user_id",
    order_columns: "p.updated_at",
};

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
    let request = faceted::Request {
        facets: Facet::ALL
            .iter()
            .map(|facet| (facet.name(), query.value(*facet)))
            .collect(),
        text: ts.as_deref(),
        rank_by_text: true,
        order_by: "m.rank desc, m.updated_at desc, m.id desc",
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    };
    let found = faceted::search(conn, &LISTING, &request, |sql| {
        sql.push(" where p.visibility = any(")
            .push_bind(levels)
            .push(")")
            // Disabled accounts are few (a partial index lists them): checking each match
            // against that short list is cheaper than joining every match to `users`.
            .push(
                " and p.user_id <> all(array(select id from users where disabled_at is not null))",
            );
    })
    .await?;
    let hits = hits_in_order(conn, &found.ids).await?;
    Ok(found.into_results(hits, Facet::ALL))
}

/// The rows shown for a page of ids, in the page's order.
async fn hits_in_order(conn: &mut PgConnection, ids: &[i64]) -> sqlx::Result<Vec<Hit>> {
    sqlx::query_as(
        "select p.user_id, p.full_name, p.position, p.affiliation, p.hub_code, p.keywords,
                array(select field_code from profile_fields f where f.user_id = p.user_id
                       order by field_code) as fields
           from unnest($1::bigint[]) with ordinality as page(id, ord)
           join scientist_profiles p on p.user_id = page.id
          order by page.ord",
    )
    .bind(ids)
    .fetch_all(conn)
    .await
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
