//! `GET /problems/{id}/candidates` and `GET /me/recommendations`.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use time::{Date, OffsetDateTime};

use crate::auth::model::{Role, SessionUser};
use crate::error::{AppError, AppResult};
use crate::matches::ranking::engine::{self, Candidate, Recommendation};
use crate::matches::ranking::queries::{self, CandidateFilters, POOL};
use crate::matches::ranking::score::Areas;
use crate::matches::ranking::views::{
    CandidateView, CandidatesPage, FilterView, LiveView, Pager, RecommendationView,
    RecommendationsPage, WhyView, labels, lang_of,
};
use crate::matches::workflow::rules::is_conflict_of_interest;
use crate::orgs::model::name_for;
use crate::orgs::queries::is_member;
use crate::problems::model::{Reader, Status, may_view};
use crate::problems::queries::{StoredProblem, load_problem};
use crate::problems::views::{NoticePage, date_text};
use crate::scientists::directory::visible_levels;
use crate::scientists::queries::load_profile;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::guards::{CurrentUser, ScientistUser};
use crate::web::pagination::list_href;
use crate::web::redirect::see_other;
use crate::web::render::page;

fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CandidatesQuery {
    pub hub: String,
    pub engagement: String,
    pub position: String,
    pub page: Option<String>,
}

impl CandidatesQuery {
    fn href(&self, id: i64, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> = [
            ("hub", &self.hub),
            ("engagement", &self.engagement),
            ("position", &self.position),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect();
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        list_href(&format!("/problems/{id}/candidates"), &pairs)
    }

    fn filters(&self) -> CandidateFilters {
        let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
        CandidateFilters {
            hub: some(&self.hub),
            position: some(&self.position),
            kind: some(&self.engagement),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub page: Option<String>,
}

/// A positive page number, `Some(1)` when none is given, `None` when it is not one.
fn page_number(page: Option<&str>) -> Option<usize> {
    match page {
        None | Some("") => Some(1),
        Some(text) => text.parse::<usize>().ok().filter(|p| *p >= 1),
    }
}

/// Members of the owning organisation and staff. Who may not see the problem at all gets 404
/// (its existence is private, as on the problem page); who may see it but is neither gets 403.
fn allow_candidates(
    user: &SessionUser,
    stored: &StoredProblem,
    in_owning_org: bool,
) -> AppResult<()> {
    let reader = Reader {
        member: true,
        staff: user.role.is_staff(),
        in_owning_org,
        ..Reader::default()
    };
    if !may_view(stored.status, stored.problem.confidentiality, reader) {
        return Err(AppError::NotFound);
    }
    if !(in_owning_org || reader.staff) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

pub async fn candidates(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Query(query): Query<CandidatesQuery>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let stored = load_problem(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let in_owning_org = is_member(&mut conn, stored.problem.org_id, user.id).await?;
    allow_candidates(&user, &stored, in_owning_org)?;
    if stored.status != Status::Published {
        return Ok(page(&NoticePage {
            ctx: &ctx,
            title_key: "ranking-not-published-title",
            body_key: "ranking-not-published-body",
            link: Some((format!("/problems/{id}"), "ranking-back-to-problem")),
        }));
    }
    let Some(page_number) = page_number(query.page.as_deref()) else {
        return Ok(see_other(&query.href(id, 1)));
    };
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let areas = Areas::from_taxonomy(&taxonomy);
    let levels = visible_levels(Some(&user));
    let filters = query.filters();
    let ranked = engine::candidates(
        &mut conn,
        &state.term_stats,
        &stored.problem,
        &areas,
        &levels,
        &filters,
        today(),
    )
    .await?;
    let Some(pager) = Pager::new(ranked.len(), page_number, |n| query.href(id, n)) else {
        return Ok(see_other(&query.href(id, 1)));
    };
    let shown = &ranked[pager.range(ranked.len())];
    let ids: Vec<i64> = shown.iter().map(|c| c.profile.user_id).collect();
    let live = queries::live_matches_on_problem(&mut conn, id, &ids).await?;
    let org_names = org_names(&stored);
    let rows = shown
        .iter()
        .map(|c| {
            let mut row = candidate_view(&ctx, &taxonomy, c, &org_names);
            row.live = live
                .iter()
                .find(|m| m.scientist_id == c.profile.user_id)
                .map(LiveView::of);
            row
        })
        .collect();
    let view = CandidatesPage {
        ctx: &ctx,
        problem_id: id,
        title_lang: lang_of(ctx.locale, &stored.problem.title),
        problem_title: stored.problem.title.clone(),
        filters: filter_views(&ctx, &taxonomy, &stored, &query),
        clear_href: query_free_href(id),
        total: ranked.len(),
        capped: ranked.len() as i64 >= POOL,
        rows,
        pager,
        can_invite: in_owning_org && user.role == Role::Owner,
        can_propose: user.role.is_staff(),
    };
    Ok(page(&view))
}

fn query_free_href(id: i64) -> String {
    format!("/problems/{id}/candidates")
}

fn org_names(stored: &StoredProblem) -> Vec<&str> {
    let org = &stored.org;
    let mut names = vec![org.org_name_vi.as_str(), org.org_name_en.as_str()];
    names.extend(org.org_name_ja.as_deref());
    names
}

fn candidate_view(
    ctx: &RequestContext,
    taxonomy: &Taxonomy,
    c: &Candidate,
    org_names: &[&str],
) -> CandidateView {
    let locale = ctx.locale;
    let p = &c.profile;
    CandidateView {
        id: p.user_id,
        name_lang: lang_of(locale, &p.full_name),
        full_name: p.full_name.clone(),
        position: Taxonomy::label_in(&taxonomy.positions, &p.position, locale).to_string(),
        affiliation_lang: lang_of(locale, &p.affiliation),
        affiliation: p.affiliation.clone(),
        hub: Taxonomy::label_in(&taxonomy.hubs, &p.hub_code, locale).to_string(),
        conflict: is_conflict_of_interest(&p.affiliation, org_names),
        why: WhyView::new(&c.scored, taxonomy, locale),
        live: None,
    }
}

/// Hub, engagement kind (only those the problem seeks) and position.
fn filter_views(
    ctx: &RequestContext,
    taxonomy: &Taxonomy,
    stored: &StoredProblem,
    query: &CandidatesQuery,
) -> Vec<FilterView> {
    let locale = ctx.locale;
    let options = |terms: &[crate::taxonomy::Term], codes: Option<&[String]>, chosen: &str| {
        terms
            .iter()
            .filter(|t| codes.is_none_or(|c| c.contains(&t.code)))
            .map(|t| {
                (
                    t.code.clone(),
                    t.label(locale).to_string(),
                    t.code == chosen,
                )
            })
            .collect()
    };
    vec![
        FilterView {
            name: "hub",
            label_key: "filter-hub",
            options: options(&taxonomy.hubs, None, &query.hub),
        },
        FilterView {
            name: "engagement",
            label_key: "ranking-filter-engagement",
            options: options(
                &taxonomy.engagement_kinds,
                Some(&stored.problem.engagement_kinds),
                &query.engagement,
            ),
        },
        FilterView {
            name: "position",
            label_key: "ranking-filter-position",
            options: options(&taxonomy.positions, None, &query.position),
        },
    ]
}

pub async fn recommendations(
    ScientistUser(user): ScientistUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<PageQuery>,
) -> AppResult<Response> {
    let href = |n: usize| list_href("/me/recommendations", &page_pairs(n));
    let Some(page_number) = page_number(query.page.as_deref()) else {
        return Ok(see_other(&href(1)));
    };
    let mut conn = state.db.acquire().await?;
    let Some(me) = load_profile(&mut conn, user.id).await? else {
        return Ok(page(&NoticePage {
            ctx: &ctx,
            title_key: "ranking-no-profile-title",
            body_key: "ranking-no-profile-body",
            link: Some(("/me/profile".into(), "ranking-no-profile-link")),
        }));
    };
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let areas = Areas::from_taxonomy(&taxonomy);
    let ranked = engine::recommendations(
        &mut conn,
        &state.term_stats,
        user.id,
        &me.profile,
        &areas,
        today(),
    )
    .await?;
    let Some(pager) = Pager::new(ranked.len(), page_number, href) else {
        return Ok(see_other(&href(1)));
    };
    let shown = &ranked[pager.range(ranked.len())];
    let ids: Vec<i64> = shown.iter().map(|r| r.problem.id).collect();
    let live = queries::live_matches_of_scientist(&mut conn, user.id, &ids).await?;
    let rows = shown
        .iter()
        .map(|r| {
            let mut row = recommendation_view(&ctx, &taxonomy, r);
            row.live = live
                .iter()
                .find(|m| m.problem_id == r.problem.id)
                .map(LiveView::of);
            row
        })
        .collect();
    let view = RecommendationsPage {
        ctx: &ctx,
        total: ranked.len(),
        capped: ranked.len() as i64 >= POOL,
        rows,
        pager,
    };
    Ok(page(&view))
}

fn page_pairs(page: usize) -> Vec<(&'static str, String)> {
    if page > 1 {
        vec![("page", page.to_string())]
    } else {
        Vec::new()
    }
}

fn recommendation_view(
    ctx: &RequestContext,
    taxonomy: &Taxonomy,
    r: &Recommendation,
) -> RecommendationView {
    let locale = ctx.locale;
    let p = &r.problem;
    let (org_name, org_lang) = name_for(
        locale,
        &p.org_name_vi,
        &p.org_name_en,
        p.org_name_ja.as_deref(),
    );
    let kinds = &r.scored.why.engagement_kinds;
    RecommendationView {
        id: p.id,
        title_lang: lang_of(locale, &p.title),
        title: p.title.clone(),
        summary_lang: lang_of(locale, &p.summary),
        summary: p.summary.clone(),
        org_name: org_name.to_string(),
        org_lang,
        deadline: p.deadline.map(|d| date_text(locale, d)),
        kinds: kinds
            .iter()
            .cloned()
            .zip(labels(&taxonomy.engagement_kinds, kinds, locale))
            .collect(),
        why: WhyView::new(&r.scored, taxonomy, locale),
        live: None,
    }
}
