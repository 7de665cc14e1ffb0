//! The two directions of ranking: the pool from the database (`queries`), the score of each
//! pair (`score`), best first.

use sqlx::PgConnection;
use time::Date;

use crate::matches::ranking::queries::{
    self, CandidateFilters, Documents, PoolSearch, ProblemRow, ProfileRow,
};
use crate::matches::ranking::score::{
    Areas, Keywords, ProblemFacts, ScientistFacts, Scored, Window, keyword_terms, score_analysed,
};
use crate::matches::ranking::term_stats::TermStats;
use crate::matches::ranking::text::{or_query, problem_terms, terms_of_problem, terms_of_profile};
use crate::problems::model::{Confidentiality, Problem, Reader, Status, may_view};
use crate::scientists::model::Profile;

/// A scientist proposed for a problem, with the reasons.
pub struct Candidate {
    pub profile: ProfileRow,
    pub scored: Scored,
}

/// A problem recommended to a scientist, with the reasons.
pub struct Recommendation {
    pub problem: ProblemRow,
    pub scored: Scored,
}

/// The best candidates for problem `p` among the profiles of visibility `levels`, best first.
pub async fn candidates(
    conn: &mut PgConnection,
    stats: &TermStats,
    p: &Problem,
    areas: &Areas,
    levels: &[String],
    filters: &CandidateFilters,
    today: Date,
) -> sqlx::Result<Vec<Candidate>> {
    let terms = terms_of_problem(p);
    let frequencies = stats.of(conn, Documents::Profiles).await?;
    let search = PoolSearch {
        exact_fields: p.fields.clone(),
        nearby_fields: areas.neighbours(&p.fields),
        kinds: p.engagement_kinds.clone(),
        text_query: or_query(&terms, &frequencies),
        field_count: p.fields.len(),
    };
    let facets = stats.facets_of(conn, Documents::Profiles).await?;
    let rows = queries::profile_pool(conn, &search, levels, filters, areas, &facets).await?;
    let facts = ProblemFacts {
        fields: &p.fields,
        keywords: &p.keywords,
        engagement_kinds: &p.engagement_kinds,
        languages: &p.working_languages,
        target_hubs: &p.target_hubs,
        window: Window::for_problem(today, p.deadline, p.duration_months),
    };
    let wanted = keyword_terms(&p.keywords);
    let mut ranked: Vec<Candidate> = rows
        .into_iter()
        .filter_map(|row| {
            let keywords = Keywords {
                wanted: &wanted,
                offered: &keyword_terms(&row.keywords),
            };
            let facts_of_row = scientist_facts(&row);
            let scored = score_analysed(&facts, &facts_of_row, &keywords, row.text_rank, areas)?;
            Some(Candidate {
                profile: row,
                scored,
            })
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.scored
            .total
            .total_cmp(&a.scored.total)
            .then(a.profile.user_id.cmp(&b.profile.user_id))
    });
    Ok(ranked)
}

fn scientist_facts(row: &ProfileRow) -> ScientistFacts<'_> {
    ScientistFacts {
        fields: &row.fields,
        keywords: &row.keywords,
        engagement_kinds: &row.engagement_kinds,
        languages: &row.languages,
        hub: &row.hub_code,
        available_from: row.available_from,
        available_until: row.available_until,
    }
}

/// The confidentiality levels of published problems a signed-in scientist may see, by the
/// same rule as the problem page (`problems::model::may_view`).
pub fn scientist_levels() -> Vec<String> {
    let reader = Reader {
        member: true,
        staff: false,
        in_owning_org: false,
        invited: false,
    };
    Confidentiality::ALL
        .into_iter()
        .filter(|c| may_view(Status::Published, *c, reader))
        .map(|c| c.code().to_string())
        .collect()
}

/// The best open problems for scientist `user_id` with profile `me`, best first: published,
/// deadline today or later (or none), for their hub or every hub, and visible to them.
pub async fn recommendations(
    conn: &mut PgConnection,
    stats: &TermStats,
    user_id: i64,
    me: &Profile,
    areas: &Areas,
    today: Date,
) -> sqlx::Result<Vec<Recommendation>> {
    let terms = terms_of_profile(me);
    let frequencies = stats.of(conn, Documents::Problems).await?;
    let search = PoolSearch {
        exact_fields: me.fields.clone(),
        nearby_fields: areas.neighbours(&me.fields),
        kinds: me.engagement_kinds.clone(),
        text_query: or_query(&terms, &frequencies),
        field_count: me.fields.len(),
    };
    let levels = scientist_levels();
    let facets = stats.facets_of(conn, Documents::Problems).await?;
    let rows =
        queries::problem_pool(conn, &search, &levels, &me.hub_code, today, areas, &facets).await?;
    let ranks = problem_text_ranks(conn, stats, user_id, &rows).await?;
    let working: Vec<String> = me
        .languages
        .iter()
        .filter(|l| l.level != "basic")
        .map(|l| l.language.clone())
        .collect();
    let scientist = ScientistFacts {
        fields: &me.fields,
        keywords: &me.keywords,
        engagement_kinds: &me.engagement_kinds,
        languages: &working,
        hub: &me.hub_code,
        available_from: me.available_from,
        available_until: me.available_until,
    };
    let offered = keyword_terms(&me.keywords);
    let mut ranked: Vec<Recommendation> = rows
        .into_iter()
        .zip(ranks)
        .filter_map(|(row, rank)| {
            let facts = problem_facts(&row, today);
            let keywords = Keywords {
                wanted: &keyword_terms(&row.keywords),
                offered: &offered,
            };
            let scored = score_analysed(&facts, &scientist, &keywords, rank, areas)?;
            Some(Recommendation {
                problem: row,
                scored,
            })
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.scored
            .total
            .total_cmp(&a.scored.total)
            .then(a.problem.id.cmp(&b.problem.id))
    });
    Ok(ranked)
}

fn problem_facts(row: &ProblemRow, today: Date) -> ProblemFacts<'_> {
    ProblemFacts {
        fields: &row.fields,
        keywords: &row.keywords,
        engagement_kinds: &row.engagement_kinds,
        languages: &row.languages,
        target_hubs: &row.target_hubs,
        window: Window::for_problem(today, row.deadline, row.duration_months),
    }
}

/// The text term of each problem as the candidates page computes it: the problem's query
/// (common terms judged by the profiles' statistics) in this scientist's search document.
async fn problem_text_ranks(
    conn: &mut PgConnection,
    stats: &TermStats,
    user_id: i64,
    rows: &[ProblemRow],
) -> sqlx::Result<Vec<f32>> {
    let frequencies = stats.of(conn, Documents::Profiles).await?;
    let queries: Vec<Option<String>> = rows
        .iter()
        .map(|r| match &r.match_terms {
            Some(stored) => {
                let terms: Vec<&str> = stored.split(' ').filter(|t| !t.is_empty()).collect();
                or_query(&terms, &frequencies)
            }
            None => {
                let terms = problem_terms(&r.title, &r.summary, &r.description_start, &r.keywords);
                or_query(&terms, &frequencies)
            }
        })
        .collect();
    queries::text_ranks(conn, user_id, &queries).await
}
