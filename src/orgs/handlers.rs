//! Registering an organisation (`/orgs/new`) and its page (`/orgs/{id}`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::orgs::forms::OrgForm;
use crate::orgs::model::{OrgKind, OrgStatus, country_key, name_for};
use crate::orgs::queries::{self, OrgRow};
use crate::orgs::views::{NewPage, OtherName, ProblemLine, ShowPage};
use crate::problems::model::{Confidentiality, Reader, Status, may_view};
use crate::problems::queries::org_problems;
use crate::problems::views::{date_text, other_lang};
use crate::state::AppState;
use crate::web::context::{RequestContext, flash_cookie};
use crate::web::cookies;
use crate::web::forms::{FieldErrors, RawForm};
use crate::web::guards::OwnerUser;
use crate::web::redirect::see_other;
use crate::web::render::{page, page_with_status};

pub async fn new_form(OwnerUser(_user): OwnerUser, ctx: RequestContext) -> AppResult<Response> {
    Ok(page(&NewPage::new(
        &ctx,
        OrgForm::default(),
        FieldErrors::new(),
    )))
}

pub async fn create(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    raw: RawForm,
) -> AppResult<Response> {
    let form = OrgForm::from_raw(&raw);
    let org = match form.validate() {
        Ok(org) => org,
        Err(errors) => {
            let new = NewPage::new(&ctx, form, errors);
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &new));
        }
    };
    let mut tx = state.db.begin().await?;
    let id = queries::insert_org(&mut tx, user.id, &org).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(user.id),
            action: "org.registered",
            target_type: "organisation",
            target_id: Some(id.to_string()),
            details: json!({ "kind": org.kind.code(), "country": org.country_code }),
        },
    )
    .await?;
    let mut response = see_other(&format!("/orgs/{id}"));
    cookies::append(
        response.headers_mut(),
        flash_cookie(&state.config, "flash-org-registered"),
    );
    ctx.commit(tx, response).await
}

/// A verified organisation is public; one not (yet) verified is shown only to its members and
/// to staff, so that nobody can use the platform to lend an invented body credibility.
pub async fn show(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let org = queries::load_org(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_member = match &ctx.user {
        Some(user) => queries::is_member(&mut conn, id, user.id).await?,
        None => false,
    };
    let status = OrgStatus::parse(&org.status);
    if status != OrgStatus::Verified && !is_member && !ctx.is_staff() {
        return Err(AppError::NotFound);
    }
    let reader = Reader {
        member: ctx.user.is_some(),
        staff: ctx.is_staff(),
        in_owning_org: is_member,
        invited: false,
    };
    let problems = org_problems(&mut conn, id)
        .await?
        .into_iter()
        .filter_map(|row| {
            let status = Status::parse(&row.status)?;
            let confidentiality = Confidentiality::parse(&row.confidentiality)?;
            may_view(status, confidentiality, reader).then(|| ProblemLine {
                id: row.id,
                title_lang: other_lang(ctx.locale, &row.title),
                title: row.title,
                status,
                deadline: row.deadline.map(|d| date_text(ctx.locale, d)),
            })
        })
        .collect();
    let mut show = show_page(&ctx, &org, status, problems);
    show.is_member = is_member;
    show.show_status = is_member || ctx.is_staff();
    Ok(page(&show))
}

fn show_page<'a>(
    ctx: &'a RequestContext,
    org: &OrgRow,
    status: OrgStatus,
    problems: Vec<ProblemLine>,
) -> ShowPage<'a> {
    let locale = ctx.locale;
    let (name, name_lang) = name_for(locale, &org.name_vi, &org.name_en, org.name_ja.as_deref());
    let all_names = [
        ("org-field-name-vi", Some(org.name_vi.as_str()), "vi"),
        ("org-field-name-en", Some(org.name_en.as_str()), "en"),
        ("org-show-name-ja", org.name_ja.as_deref(), "ja"),
    ];
    let other_names = all_names
        .into_iter()
        .filter(|(_, value, lang)| value.is_some_and(|v| !v.is_empty()) && *lang != name_lang)
        .map(|(label_key, value, lang)| OtherName {
            label_key,
            name: value.unwrap_or_default().to_string(),
            lang,
        })
        .collect();
    ShowPage {
        ctx,
        name: name.to_string(),
        name_lang,
        other_names,
        kind_key: OrgKind::parse(&org.kind).map_or("org-kind-agency", OrgKind::label_key),
        country: country_text(locale, &org.country_code),
        website: org.website.clone(),
        status,
        is_member: false,
        show_status: false,
        problems,
    }
}

fn country_text(locale: Locale, code: &str) -> String {
    match country_key(code) {
        Some(key) => format!("{} ({code})", locale.t(key)),
        None => code.to_string(),
    }
}
