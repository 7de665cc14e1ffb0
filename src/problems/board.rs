//! The problem board: full-text search through the shared analyser, five facets with counts,
//! three sort orders and pagination, over only the published problems the viewer may see.
//!
//! As in the scientist directory, facet counts are "disjunctive": the counts of one facet apply
//! every filter except that facet's own, so choosing an option gives exactly the count shown.
//! The total, the page and every facet come from one statement (`search::faceted`).

use serde::Deserialize;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use time::Date;

use crate::auth::model::{Role, SessionUser};
use crate::search::faceted::{self, Listing};
use crate::search::visitor_query;
use crate::web::pagination::list_href;

pub const PAGE_SIZE: i64 = 20;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BoardQuery {
    pub q: String,
    pub field: String,
    pub engagement: String,
    pub mechanism: String,
    pub org_kind: String,
    pub hub: String,
    pub sort: String,
    pub page: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Field,
    Engagement,
    Mechanism,
    OrgKind,
    Hub,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Field,
        Facet::Engagement,
        Facet::Mechanism,
        Facet::OrgKind,
        Facet::Hub,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Facet::Field => "field",
            Facet::Engagement => "engagement",
            Facet::Mechanism => "mechanism",
            Facet::OrgKind => "org_kind",
            Facet::Hub => "hub",
        }
    }
}

/// The order of the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (only with a search).
    Relevance,
    /// Closing soonest first.
    Deadline,
    /// Most recently published first.
    Newest,
}

impl Sort {
    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Deadline => "deadline",
            Sort::Newest => "newest",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Sort::Relevance => "board-sort-relevance",
            Sort::Deadline => "board-sort-deadline",
            Sort::Newest => "board-sort-newest",
        }
    }

    fn order_by(self) -> &'static str {
        match self {
            Sort::Relevance => "m.rank desc, m.deadline asc nulls last, m.id desc",
            Sort::Deadline => "m.deadline asc nulls last, m.id desc",
            Sort::Newest => "m.published_at desc nulls last, m.id desc",
        }
    }
}

impl BoardQuery {
    pub fn value(&self, facet: Facet) -> &str {
        match facet {
            Facet::Field => &self.field,
            Facet::Engagement => &self.engagement,
            Facet::Mechanism => &self.mechanism,
            Facet::OrgKind => &self.org_kind,
            Facet::Hub => &self.hub,
        }
    }

    pub fn has_text(&self) -> bool {
        !self.q.trim().is_empty()
    }

    /// The sort asked for; best match by default when searching, else closing soonest.
    pub fn sort(&self) -> Sort {
        match self.sort.as_str() {
            "deadline" => Sort::Deadline,
            "newest" => Sort::Newest,
            "relevance" if self.has_text() => Sort::Relevance,
            _ if self.has_text() => Sort::Relevance,
            _ => Sort::Deadline,
        }
    }

    /// The sorts a visitor can choose between now.
    pub fn sort_options(&self) -> Vec<Sort> {
        if self.has_text() {
            vec![Sort::Relevance, Sort::Deadline, Sort::Newest]
        } else {
            vec![Sort::Deadline, Sort::Newest]
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
        if !self.sort.is_empty() {
            pairs.push(("sort", self.sort.clone()));
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        list_href("/problems", &pairs)
    }
}

/// Which published problems a viewer may see on the board: the confidentiality levels open to
/// them, plus every problem of the organisations they belong to, plus (for a scientist) the
/// invite-only problems they have a match on.
#[derive(Clone, Debug, Default)]
pub struct BoardViewer {
    pub levels: Vec<String>,
    pub org_ids: Vec<i64>,
    pub scientist_id: Option<i64>,
}

impl BoardViewer {
    pub fn new(user: Option<&SessionUser>, org_ids: Vec<i64>) -> BoardViewer {
        let scientist_id = user.filter(|u| u.role == Role::Scientist).map(|u| u.id);
        let levels: &[&str] = match user {
            Some(u) if u.role.is_staff() => &["public", "members", "invite_only"],
            Some(_) => &["public", "members"],
            _ => &["public"],
        };
        BoardViewer {
            levels: levels.iter().map(|l| l.to_string()).collect(),
            org_ids,
            scientist_id,
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct Hit {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub deadline: Option<Date>,
    pub keywords: Vec<String>,
    pub org_name_vi: String,
    pub org_name_en: String,
    pub org_name_ja: Option<String>,
    pub org_kind: String,
    pub fields: Vec<String>,
    pub engagement_kinds: Vec<String>,
}

pub type Results = faceted::Results<Hit, Facet>;

/// The board's rows: problems, with what the sort orders need.
const LISTING: Listing = Listing {
    table: "problems",
    id: "id",
    order_columns: "p.deadline, p.published_at",
};

pub async fn search(
    conn: &mut PgConnection,
    viewer: &BoardViewer,
    query: &BoardQuery,
    page: i64,
) -> sqlx::Result<Results> {
    let ts = visitor_query(&query.q);
    if query.has_text() && ts.is_none() {
        // Only punctuation: nothing can match.
        return Ok(Results::default());
    }
    let sort = query.sort();
    let request = faceted::Request {
        facets: Facet::ALL
            .iter()
            .map(|facet| (facet.name(), query.value(*facet)))
            .collect(),
        text: ts.as_deref(),
        rank_by_text: sort == Sort::Relevance,
        order_by: sort.order_by(),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    };
    let found =
        faceted::search(conn, &LISTING, &request, |sql| push_visibility(sql, viewer)).await?;
    let hits = hits_in_order(conn, &found.ids).await?;
    Ok(found.into_results(hits, Facet::ALL))
}

/// The published problems the viewer may see.
fn push_visibility<'a>(sql: &mut QueryBuilder<'a, Postgres>, viewer: &'a BoardViewer) {
    sql.push(" where p.status = 'published' and (p.confidentiality = any(")
        .push_bind(&viewer.levels)
        .push(") or p.org_id = any(")
        .push_bind(&viewer.org_ids)
        // A scientist's matches open invite-only problems (as `matches::workflow::lists::is_invited`).
        .push(") or exists (select 1 from matches mt where mt.problem_id = p.id")
        .push(" and mt.scientist_id = ")
        .push_bind(viewer.scientist_id)
        .push(" and mt.state in ('pending', 'active', 'completed')))");
}

/// The rows shown for a page of ids, in the page's order.
async fn hits_in_order(conn: &mut PgConnection, ids: &[i64]) -> sqlx::Result<Vec<Hit>> {
    sqlx::query_as(
        "select p.id, p.title, p.summary, p.deadline, p.keywords,
                o.name_vi as org_name_vi, o.name_en as org_name_en, o.name_ja as org_name_ja,
                o.kind as org_kind,
                array(select f.field_code from problem_fields f join fields t on t.code = f.field_code
                       where f.problem_id = p.id order by t.sort_order, t.code) as fields,
                array(select e.kind from problem_engagements e join engagement_kinds k on k.code = e.kind
                       where e.problem_id = p.id order by k.sort_order) as engagement_kinds
           from unnest($1::bigint[]) with ordinality as page(id, ord)
           join problems p on p.id = page.id
           join organisations o on o.id = p.org_id
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
    fn hrefs_keep_the_filters_and_the_sort() {
        let query = BoardQuery {
            q: "bán dẫn".into(),
            org_kind: "ministry".into(),
            sort: "newest".into(),
            ..Default::default()
        };
        assert_eq!(
            query.href(2),
            "/problems?q=b%C3%A1n+d%E1%BA%ABn&org_kind=ministry&sort=newest&page=2"
        );
        assert_eq!(BoardQuery::default().href(1), "/problems");
    }

    #[test]
    fn the_default_sort_depends_on_whether_there_is_a_search() {
        assert_eq!(BoardQuery::default().sort(), Sort::Deadline);
        let searching = BoardQuery {
            q: "AI".into(),
            ..Default::default()
        };
        assert_eq!(searching.sort(), Sort::Relevance);
        let relevance_without_text = BoardQuery {
            sort: "relevance".into(),
            ..Default::default()
        };
        assert_eq!(relevance_without_text.sort(), Sort::Deadline);
    }
}
