//! The pages anyone may read, as far as visibility allows: the board (`/problems`) and a
//! problem (`/problems/{id}`).

use axum::extract::{Path, Query, State};
use axum::response::Response;

use crate::auth::model::Role;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, format_datetime};
use crate::matches::workflow;
use crate::orgs::model::{OrgKind, name_for};
use crate::orgs::queries::{is_member, member_org_ids};
use crate::problems::board::{self, BoardQuery, BoardViewer, Facet, PAGE_SIZE};
use crate::problems::model::{Action, Problem, Reader, event_label_key, may_view, transition};
use crate::problems::queries::{self, StoredProblem};
use crate::problems::views::{
    BoardPage, BoardRow, FacetOption, FacetView, HistoryLine, MemberActions, ShowPage, date_text,
    demote_headings, format_amount, join_list, other_lang, paragraphs,
};
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::markdown::to_safe_html;
use crate::web::pagination::PageNav;
use crate::web::redirect::see_other;
use crate::web::render::page;

/// A problem, to those allowed to see it; everyone else gets 404, as if it did not exist.
pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let stored = queries::load_problem(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let in_owning_org = match &ctx.user {
        Some(user) => is_member(&mut conn, stored.problem.org_id, user.id).await?,
        None => false,
    };
    let reader = Reader {
        member: ctx.user.is_some(),
        staff: ctx.is_staff(),
        in_owning_org,
        invited: workflow::scientist_is_invited(&mut conn, ctx.user.as_ref(), id).await?,
    };
    if !may_view(stored.status, stored.problem.confidentiality, reader) {
        return Err(AppError::NotFound);
    }
    let show_review = reader.in_owning_org || reader.staff;
    let history = if show_review {
        queries::events(&mut conn, id).await?
    } else {
        Vec::new()
    };
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let mut show = show_page(&ctx, &taxonomy, &stored);
    show.show_review = show_review;
    show.history = history
        .into_iter()
        .map(|e| HistoryLine {
            when: format_datetime(ctx.locale, e.created_at),
            event_key: event_label_key(&e.event),
            actor: e.actor_name.unwrap_or_else(|| "—".into()),
            reason: e.reason.unwrap_or_default(),
        })
        .collect();
    show.matches = workflow::problem_section(&mut conn, &ctx, &stored, in_owning_org).await?;
    if in_owning_org && ctx.user.as_ref().is_some_and(|u| u.role == Role::Owner) {
        show.actions = MemberActions {
            edit: stored.status.is_editable(),
            submit: transition(stored.status, Action::Submit).is_some(),
            close: transition(stored.status, Action::Close).is_some(),
        };
    }
    Ok(page(&show))
}

fn show_page<'a>(
    ctx: &'a RequestContext,
    taxonomy: &Taxonomy,
    stored: &'a StoredProblem,
) -> ShowPage<'a> {
    let locale = ctx.locale;
    let p = &stored.problem;
    let org = &stored.org;
    let (org_name, org_lang) = name_for(
        locale,
        &org.org_name_vi,
        &org.org_name_en,
        org.org_name_ja.as_deref(),
    );
    ShowPage {
        ctx,
        id: stored.id,
        p,
        status: stored.status,
        org_id: p.org_id,
        org_name: org_name.to_string(),
        org_lang,
        org_kind_key: org_kind_key(&org.org_kind),
        description_html: demote_headings(&to_safe_html(&p.description_md)),
        fields: join_list(locale, &field_labels(taxonomy, &p.fields, locale)),
        keywords: join_list(locale, &p.keywords),
        engagement_labels: labels(&taxonomy.engagement_kinds, &p.engagement_kinds, locale),
        mechanism: p
            .mechanism
            .as_deref()
            .map(|m| Taxonomy::label_in(&taxonomy.mechanisms, m, locale).to_string()),
        budget: budget_text(locale, p),
        duration: p.duration_months.map(|months| match months {
            1 => locale.t("problem-duration-one-month"),
            n => locale.t_args("problem-duration-months", &[("months", &n.to_string())]),
        }),
        deadline: p.deadline.map(|d| date_text(locale, d)),
        hubs: if p.target_hubs.is_empty() {
            locale.t("problem-all-hubs")
        } else {
            join_list(locale, &labels(&taxonomy.hubs, &p.target_hubs, locale))
        },
        languages: join_list(
            locale,
            &labels(&taxonomy.languages, &p.working_languages, locale),
        ),
        show_review: false,
        history: Vec::new(),
        actions: MemberActions::default(),
        matches: None,
        outcome: stored
            .outcome
            .map(|o| (o, outcome_paragraphs(stored.outcome_note.as_deref()))),
    }
}

fn outcome_paragraphs(note: Option<&str>) -> Vec<String> {
    paragraphs(note.unwrap_or_default())
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn field_labels(taxonomy: &Taxonomy, codes: &[String], locale: Locale) -> Vec<String> {
    codes
        .iter()
        .map(|f| taxonomy.field_label(f, locale).to_string())
        .collect()
}

fn labels(terms: &[crate::taxonomy::Term], codes: &[String], locale: Locale) -> Vec<String> {
    codes
        .iter()
        .map(|c| Taxonomy::label_in(terms, c, locale).to_string())
        .collect()
}

fn org_kind_key(code: &str) -> &'static str {
    OrgKind::parse(code).map_or("org-kind-agency", OrgKind::label_key)
}

/// "500.000.000 – 1.000.000.000 VND" in the reader's words, or `None` without a budget.
fn budget_text(locale: Locale, p: &Problem) -> Option<String> {
    let currency = p.currency.as_deref().unwrap_or("");
    let amount = |n: i64| format_amount(locale, n);
    let text = match (p.budget_min, p.budget_max) {
        (Some(min), Some(max)) if min == max => format!("{} {currency}", amount(min)),
        (Some(min), Some(max)) => locale.t_args(
            "problem-budget-range",
            &[
                ("min", &amount(min)),
                ("max", &amount(max)),
                ("currency", currency),
            ],
        ),
        (Some(min), None) => locale.t_args(
            "problem-budget-from",
            &[("min", &amount(min)), ("currency", currency)],
        ),
        (None, Some(max)) => locale.t_args(
            "problem-budget-up-to",
            &[("max", &amount(max)), ("currency", currency)],
        ),
        (None, None) => return None,
    };
    Some(text.trim().to_string())
}

pub async fn board(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<BoardQuery>,
) -> AppResult<Response> {
    let Some(page_number) = query.page_number() else {
        return Ok(see_other(&query.href(1)));
    };
    let mut conn = state.db.acquire().await?;
    let org_ids = member_org_ids(&mut conn, ctx.user.as_ref().map(|u| u.id)).await?;
    let viewer = BoardViewer::new(ctx.user.as_ref(), org_ids);
    let results = board::search(&mut conn, &viewer, &query, page_number).await?;
    let pages = (results.listed + PAGE_SIZE - 1) / PAGE_SIZE;
    if page_number > 1 && page_number > pages {
        return Ok(see_other(&query.href(1)));
    }
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let locale = ctx.locale;
    let board_page = BoardPage {
        ctx: &ctx,
        facets: facet_views(&taxonomy, &query, &results.facets, locale),
        results: results
            .hits
            .iter()
            .map(|hit| board_row(&taxonomy, hit, locale))
            .collect(),
        total: results.total,
        estimated: results.estimated,
        nav: PageNav::new(page_number, pages, |n| query.href(n)),
        sort: query.sort(),
        sorts: query.sort_options(),
        can_write: ctx.user.as_ref().is_some_and(|u| u.role == Role::Owner),
        query,
    };
    Ok(page(&board_page))
}

fn board_row(taxonomy: &Taxonomy, hit: &board::Hit, locale: Locale) -> BoardRow {
    let (org_name, org_lang) = name_for(
        locale,
        &hit.org_name_vi,
        &hit.org_name_en,
        hit.org_name_ja.as_deref(),
    );
    BoardRow {
        id: hit.id,
        title: hit.title.clone(),
        title_lang: other_lang(locale, &hit.title),
        summary: hit.summary.clone(),
        summary_lang: other_lang(locale, &hit.summary),
        org_name: org_name.to_string(),
        org_lang,
        org_kind_key: org_kind_key(&hit.org_kind),
        fields: join_list(locale, &field_labels(taxonomy, &hit.fields, locale)),
        engagements: join_list(
            locale,
            &labels(&taxonomy.engagement_kinds, &hit.engagement_kinds, locale),
        ),
        deadline: hit.deadline.map(|d| date_text(locale, d)),
    }
}

/// Each facet's options in taxonomy order, with counts; the chosen option stays listed even
/// when nothing matches it.
fn facet_views(
    taxonomy: &Taxonomy,
    query: &BoardQuery,
    counts: &[(Facet, Vec<(String, i64)>)],
    locale: Locale,
) -> Vec<FacetView> {
    counts
        .iter()
        .map(|(facet, values)| {
            let chosen = query.value(*facet);
            let count_of = |code: &str| {
                values
                    .iter()
                    .find(|(v, _)| v == code)
                    .map_or(0, |(_, c)| *c)
            };
            let terms: Vec<(String, String)> = match facet {
                Facet::Field => taxonomy
                    .areas
                    .iter()
                    .flat_map(|a| a.fields.iter())
                    .map(|t| (t.code.clone(), t.label(locale).to_string()))
                    .collect(),
                Facet::Engagement => term_pairs(&taxonomy.engagement_kinds, locale),
                Facet::Mechanism => term_pairs(&taxonomy.mechanisms, locale),
                Facet::Hub => term_pairs(&taxonomy.hubs, locale),
                Facet::OrgKind => OrgKind::ALL
                    .iter()
                    .map(|k| (k.code().to_string(), locale.t(k.label_key())))
                    .collect(),
            };
            let options = terms
                .into_iter()
                .map(|(code, label)| FacetOption {
                    count: count_of(&code),
                    selected: code == chosen,
                    code,
                    label,
                })
                .filter(|o| o.count > 0 || o.selected)
                .collect();
            FacetView {
                name: facet.name(),
                label_key: facet_label_key(*facet),
                options,
            }
        })
        .collect()
}

fn term_pairs(terms: &[crate::taxonomy::Term], locale: Locale) -> Vec<(String, String)> {
    terms
        .iter()
        .map(|t| (t.code.clone(), t.label(locale).to_string()))
        .collect()
}

fn facet_label_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Field => "board-facet-field",
        Facet::Engagement => "board-facet-engagement",
        Facet::Mechanism => "board-facet-mechanism",
        Facet::OrgKind => "board-facet-org-kind",
        Facet::Hub => "board-facet-hub",
    }
}
