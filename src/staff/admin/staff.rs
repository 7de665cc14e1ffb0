//! `GET /admin/staff` (every staff member and admin, with hubs, state and second factor) and
//! `GET|POST /admin/staff/new` (invite a new staff member by email).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::staff::admin::done;
use crate::staff::admin::forms::StaffForm;
use crate::staff::admin::invitation::{self, Invitee};
use crate::staff::admin::queries::{self, HubRow};
use crate::staff::admin::views::{StaffLine, StaffListPage, StaffNewPage, hub_choices};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::forms::{FieldErrors, RawForm};
use crate::web::guards::AdminUser;
use crate::web::render::{page, page_with_status};

pub async fn list(
    AdminUser(_): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let hubs = queries::list_hubs(&mut conn).await?;
    let staff = queries::list_staff(&mut conn).await?;
    Ok(page(&StaffListPage {
        ctx: &ctx,
        staff: staff
            .iter()
            .map(|s| StaffLine::of(ctx.locale, s, &hubs))
            .collect(),
    }))
}

pub async fn new_form(
    AdminUser(_): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let hubs = queries::list_hubs(&mut conn).await?;
    Ok(page(&StaffNewPage {
        ctx: &ctx,
        form: StaffForm::default(),
        errors: FieldErrors::new(),
        hubs: hub_choices(ctx.locale, &hubs),
    }))
}

/// Creates the account, its hubs and its invitation in one transaction.
pub async fn create(
    AdminUser(admin): AdminUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    raw: RawForm,
) -> AppResult<Response> {
    let form = StaffForm::from_raw(&raw);
    let mut tx = state.db.begin().await?;
    let hubs = queries::list_hubs(&mut tx).await?;
    let codes: Vec<String> = hubs.iter().map(|h| h.code.clone()).collect();
    let errors = form.validate(&codes);
    if !errors.is_empty() {
        return Ok(form_again(&ctx, form, errors, &hubs));
    }
    let Some(user_id) =
        queries::insert_staff_user(&mut tx, &form.email, &form.display_name, &form.locale).await?
    else {
        let mut errors = FieldErrors::new();
        errors.add("email", "admin-error-email-taken");
        return Ok(form_again(&ctx, form, errors, &hubs));
    };
    queries::set_hubs(&mut tx, user_id, &form.hubs).await?;
    let invitee = Invitee {
        user_id,
        email: &form.email,
        name: &form.display_name,
        locale: Locale::from_code(&form.locale).unwrap_or(ctx.locale),
        inviter: &admin.display_name,
    };
    invitation::send(&mut tx, &state, invitee).await?;
    audit::record(
        &mut tx,
        AuditEvent {
            actor_id: Some(admin.id),
            action: "staff.invited",
            target_type: "user",
            target_id: Some(user_id.to_string()),
            details: json!({ "email": form.email, "hubs": form.hubs, "locale": form.locale }),
        },
    )
    .await?;
    let response = done(
        &state,
        &format!("/admin/staff/{user_id}"),
        "flash-admin-staff-invited",
    );
    ctx.commit(tx, response).await
}

fn form_again(
    ctx: &RequestContext,
    form: StaffForm,
    errors: FieldErrors,
    hubs: &[HubRow],
) -> Response {
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &StaffNewPage {
            ctx,
            form,
            errors,
            hubs: hub_choices(ctx.locale, hubs),
        },
    )
}
