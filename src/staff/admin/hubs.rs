//! `GET /admin/hubs`, `GET|POST /admin/hubs/new` and `GET|POST /admin/hubs/{code}/edit`.
//! Forms and lists read the hubs table on every request, so a new hub appears in profile and
//! problem forms at once.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::error::{AppError, AppResult};
use crate::staff::admin::forms::HubForm;
use crate::staff::admin::views::{HubFormPage, HubsPage};
use crate::staff::admin::{done, queries};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::AdminUser;
use crate::web::render::{page, page_with_status};

pub async fn list(
    AdminUser(_): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let hubs = queries::list_hubs(&mut conn).await?;
    Ok(page(&HubsPage {
        ctx: &ctx,
        hubs: hubs.into_iter().map(Into::into).collect(),
    }))
}

pub async fn new_form(AdminUser(_): AdminUser, ctx: RequestContext) -> Response {
    page(&HubFormPage {
        ctx: &ctx,
        form: HubForm::default(),
        errors: FieldErrors::new(),
        editing: false,
    })
}

pub async fn create(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(mut form): Form<HubForm>,
) -> AppResult<Response> {
    let errors = form.validate_new();
    if !errors.is_empty() {
        return Ok(form_again(&ctx, form, errors, false));
    }
    let mut tx = state.db.begin().await?;
    if !queries::insert_hub(&mut tx, &form).await? {
        let mut errors = FieldErrors::new();
        errors.add("code", "admin-error-hub-code-taken");
        return Ok(form_again(&ctx, form, errors, false));
    }
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(admin.id),
            action: "hub.created",
            target_type: "hub",
            target_id: Some(form.code.clone()),
            details: json!({
                "country_code": form.country_code,
                "name_vi": form.name_vi, "name_ja": form.name_ja, "name_en": form.name_en,
            }),
        },
    )
    .await?;
    let response = done(&state, "/admin/hubs", "flash-admin-hub-created");
    ctx.commit(tx, response).await
}

pub async fn edit_form(
    AdminUser(_): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let form = queries::find_hub(&mut conn, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(page(&HubFormPage {
        ctx: &ctx,
        form,
        errors: FieldErrors::new(),
        editing: true,
    }))
}

pub async fn update(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(code): Path<String>,
    Form(sent): Form<HubForm>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let before = queries::find_hub(&mut tx, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    // Only the names change; the code and country stay as stored.
    let mut form = HubForm {
        name_vi: sent.name_vi,
        name_ja: sent.name_ja,
        name_en: sent.name_en,
        ..before.clone()
    };
    let errors = form.validate_names();
    if !errors.is_empty() {
        return Ok(form_again(&ctx, form, errors, true));
    }
    queries::update_hub_names(&mut tx, &form).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(admin.id),
            action: "hub.updated",
            target_type: "hub",
            target_id: Some(code),
            details: json!({
                "before": { "name_vi": before.name_vi, "name_ja": before.name_ja, "name_en": before.name_en },
                "after": { "name_vi": form.name_vi, "name_ja": form.name_ja, "name_en": form.name_en },
            }),
        },
    )
    .await?;
    let response = done(&state, "/admin/hubs", "flash-admin-hub-updated");
    ctx.commit(tx, response).await
}

fn form_again(ctx: &RequestContext, form: HubForm, errors: FieldErrors, editing: bool) -> Response {
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &HubFormPage {
            ctx,
            form,
            errors,
            editing,
        },
    )
}
