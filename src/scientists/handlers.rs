//! Profile form (`/me/profile`), profile page (`/scientists/{id}`), directory (`/scientists`).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, format_date};
use crate::matches::workflow::match_partner_may_see;
use crate::scientists::directory::{self, DirectoryQuery, Facet, PAGE_SIZE};
use crate::scientists::forms::{ProfileForm, month_text};
use crate::scientists::model::Profile;
use crate::scientists::queries::{self, StoredProfile};
use crate::scientists::views::{
    DirectoryPage, EditPage, FacetOption, FacetView, ResultRow, ShowPage,
};
use crate::state::AppState;
use crate::taxonomy::{Taxonomy, Term};
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::forms::RawForm;
use crate::web::guards::ScientistUser;
use crate::web::markdown::to_safe_html;
use crate::web::pagination::PageNav;
use crate::web::redirect::see_other;
use crate::web::render::{page, page_with_status};

pub async fn edit_form(
    ScientistUser(user): ScientistUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let stored = queries::load_profile(&mut conn, user.id).await?;
    let page_html = match &stored {
        Some(stored) => {
            let mut edit =
                EditPage::new(&ctx, &taxonomy, ProfileForm::from_profile(&stored.profile));
            edit.completeness = Some(stored.profile.completeness_percent());
            edit.missing = stored.profile.missing();
            edit.profile_id = Some(stored.user_id);
            page(&edit)
        }
        None => {
            let form = ProfileForm {
                full_name: user.display_name.clone(),
                ..Default::default()
            };
            page(&EditPage::new(&ctx, &taxonomy, form))
        }
    };
    Ok(page_html)
}

pub async fn save(
    ScientistUser(user): ScientistUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    raw: RawForm,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let taxonomy = Taxonomy::load(&mut conn).await?;
    drop(conn);
    let form = ProfileForm::from_raw(&raw);
    let profile = match form.validate(&taxonomy) {
        Ok(profile) => profile,
        Err(errors) => {
            let mut edit = EditPage::new(&ctx, &taxonomy, form);
            edit.errors = errors;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &edit));
        }
    };
    let mut tx = state.db.begin().await?;
    queries::save_profile(&mut tx, user.id, &profile).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user.id),
            action: "profile.saved",
            target_type: "scientist_profile",
            target_id: Some(user.id.to_string()),
            details: json!({ "visibility": profile.visibility.code(), "fields": profile.fields }),
        },
    )
    .await?;
    let mut response = see_other("/me/profile");
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, "flash-profile-saved"),
    );
    ctx.commit(tx, response).await
}

/// A profile, to those its visibility allows; everyone else gets 404, as if it did not exist.
pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let stored = queries::load_profile(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_owner = ctx.user.as_ref().is_some_and(|u| u.id == stored.user_id);
    let levels = directory::visible_levels(ctx.user.as_ref());
    let visible = is_owner
        || levels.iter().any(|l| l == stored.profile.visibility.code())
        || match_partner_may_see(&mut conn, ctx.user.as_ref(), id).await?;
    if !visible {
        return Err(AppError::NotFound);
    }
    let taxonomy = Taxonomy::load(&mut conn).await?;
    Ok(page(&show_page(&ctx, &taxonomy, &stored, is_owner)))
}

fn show_page<'a>(
    ctx: &'a RequestContext,
    taxonomy: &Taxonomy,
    stored: &'a StoredProfile,
    is_owner: bool,
) -> ShowPage<'a> {
    let locale = ctx.locale;
    let p = &stored.profile;
    ShowPage {
        ctx,
        p,
        position: Taxonomy::label_in(&taxonomy.positions, &p.position, locale).to_string(),
        hub: Taxonomy::label_in(&taxonomy.hubs, &p.hub_code, locale).to_string(),
        field_labels: p
            .fields
            .iter()
            .map(|f| taxonomy.field_label(f, locale).to_string())
            .collect(),
        engagement_labels: p
            .engagement_kinds
            .iter()
            .map(|k| Taxonomy::label_in(&taxonomy.engagement_kinds, k, locale).to_string())
            .collect(),
        language_labels: p
            .languages
            .iter()
            .map(|l| {
                let language = Taxonomy::label_in(&taxonomy.languages, &l.language, locale);
                let level = Taxonomy::label_in(&taxonomy.language_levels, &l.level, locale);
                format!("{language} ({level})")
            })
            .collect(),
        availability: availability_text(locale, p),
        summary_html: to_safe_html(&p.summary_md),
        is_owner,
        updated: format_date(locale, stored.updated_at),
    }
}

fn availability_text(locale: Locale, p: &Profile) -> String {
    let mut parts = Vec::new();
    if let Some(hours) = p.available_hours_per_month {
        parts.push(locale.t_args("availability-hours", &[("hours", &hours.to_string())]));
    }
    match (p.available_from, p.available_until) {
        (Some(from), Some(until)) => {
            parts.push(format!("{} – {}", month_text(from), month_text(until)))
        }
        (Some(from), None) => {
            parts.push(locale.t_args("availability-from", &[("month", &month_text(from))]))
        }
        (None, Some(until)) => {
            parts.push(locale.t_args("availability-until", &[("month", &month_text(until))]))
        }
        (None, None) => {}
    }
    if p.willing_to_travel {
        parts.push(locale.t("availability-travel"));
    }
    if parts.is_empty() {
        locale.t("availability-unknown")
    } else {
        parts.join(" · ")
    }
}

pub async fn directory(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<DirectoryQuery>,
) -> AppResult<Response> {
    let Some(page_number) = query.page_number() else {
        return Ok(see_other(&query.href(1)));
    };
    let mut conn = state.db.acquire().await?;
    let levels = directory::visible_levels(ctx.user.as_ref());
    let results = directory::search(&mut conn, &levels, &query, page_number).await?;
    let pages = (results.listed + PAGE_SIZE - 1) / PAGE_SIZE;
    if page_number > 1 && page_number > pages {
        return Ok(see_other(&query.href(1)));
    }
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let locale = ctx.locale;
    let page_view = DirectoryPage {
        ctx: &ctx,
        facets: facet_views(&taxonomy, &query, &results.facets, locale),
        results: results
            .hits
            .iter()
            .map(|hit| result_row(&taxonomy, hit, locale))
            .collect(),
        total: results.total,
        estimated: results.estimated,
        nav: PageNav::new(page_number, pages, |n| query.href(n)),
        query,
    };
    Ok(page(&page_view))
}

fn result_row(taxonomy: &Taxonomy, hit: &directory::Hit, locale: Locale) -> ResultRow {
    ResultRow {
        id: hit.user_id,
        full_name: hit.full_name.clone(),
        position: Taxonomy::label_in(&taxonomy.positions, &hit.position, locale).to_string(),
        affiliation: hit.affiliation.clone(),
        hub: Taxonomy::label_in(&taxonomy.hubs, &hit.hub_code, locale).to_string(),
        fields: hit
            .fields
            .iter()
            .map(|f| taxonomy.field_label(f, locale))
            .collect::<Vec<_>>()
            .join(", "),
        keywords: hit.keywords.join(", "),
    }
}

/// Each facet's options in taxonomy order, with counts; the chosen option stays listed even
/// when nothing matches it.
fn facet_views(
    taxonomy: &Taxonomy,
    query: &DirectoryQuery,
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
                    .map(|(_, c)| *c)
                    .unwrap_or(0)
            };
            let options = facet_terms(taxonomy, *facet)
                .into_iter()
                .map(|(t, is_field)| FacetOption {
                    code: t.code.clone(),
                    // Fields are listed under their area, marked so the nesting shows.
                    label: if is_field {
                        format!("— {}", t.label(locale))
                    } else {
                        t.label(locale).to_string()
                    },
                    count: count_of(&t.code),
                    selected: t.code == chosen,
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

/// The options of a facet in taxonomy order; for fields, each area then its fields (`true`).
fn facet_terms(taxonomy: &Taxonomy, facet: Facet) -> Vec<(&Term, bool)> {
    match facet {
        Facet::Field => taxonomy
            .areas
            .iter()
            .flat_map(|a| {
                std::iter::once((&a.area, false)).chain(a.fields.iter().map(|f| (f, true)))
            })
            .collect(),
        Facet::Hub => plain(&taxonomy.hubs),
        Facet::Engagement => plain(&taxonomy.engagement_kinds),
        Facet::Position => plain(&taxonomy.positions),
        Facet::Language => plain(&taxonomy.languages),
    }
}

fn plain(list: &[Term]) -> Vec<(&Term, bool)> {
    list.iter().map(|t| (t, false)).collect()
}

fn facet_label_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Field => "show-fields",
        Facet::Hub => "filter-hub",
        Facet::Engagement => "show-engagement-kinds",
        Facet::Position => "field-position",
        Facet::Language => "show-languages",
    }
}
