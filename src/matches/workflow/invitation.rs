//! `POST /problems/{id}/invitations` (`scientist_id`, `note`, optionally `engagement_kind`):
//! a member of the owning organisation invites a scientist whose profile they may see to a
//! published problem. The form usually sits on the candidates page; with a mistake it comes
//! back here, on its own page, with the error beside the field.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sqlx::PgConnection;

use crate::auth::model::SessionUser;
use crate::error::AppError;
use crate::matches::workflow::create::{self, Creation, kinds_in_common};
use crate::matches::workflow::forms::{InvitationForm, parse_id};
use crate::matches::workflow::queries::{self, ProblemFacts, ScientistFacts};
use crate::matches::workflow::rules::Origin;
use crate::matches::workflow::views::{InvitePage, ProblemHead, kind_options};
use crate::matches::workflow::{Handled, Stop, already_matched, hooks, refused};
use crate::orgs::queries::is_member;
use crate::problems::model::Status;
use crate::scientists::directory::visible_levels;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::OwnerUser;
use crate::web::render::page_with_status;

pub async fn create(
    OwnerUser(user): OwnerUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<InvitationForm>,
) -> Handled {
    let mut tx = state.db.begin().await?;
    let (problem, scientist) = target(&mut tx, &ctx, &user, id, &form.scientist_id).await?;
    let allowed = kinds_in_common(&problem, &scientist);
    let checked = if allowed.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("scientist", "match-error-scientist-no-kind-in-common");
        Err((StatusCode::CONFLICT, errors))
    } else {
        form.validate(&allowed)
            .map_err(|errors| (StatusCode::UNPROCESSABLE_ENTITY, errors))
    };
    let (kind, note) = match checked {
        Ok(valid) => valid,
        Err((status, errors)) => {
            let taxonomy = Taxonomy::load(&mut tx).await?;
            let view = InvitePage {
                ctx: &ctx,
                problem: ProblemHead::of(ctx.locale, &problem),
                scientist_id: scientist.user_id,
                scientist_name: scientist.full_name.clone(),
                kinds: kind_options(&taxonomy, &allowed, ctx.locale),
                form,
                errors,
            };
            return Ok(page_with_status(status, &view));
        }
    };
    let creation = Creation {
        problem: &problem,
        scientist: &scientist,
        origin: Origin::Invitation,
        engagement_kind: kind.as_deref(),
        note: &note,
        creator: &user,
    };
    create::create(&state, &ctx, tx, creation).await
}

/// The problem (of the user's organisation, published) and the scientist (a profile the user
/// may see, without a live match on it). Anything the user may not see is not found.
async fn target(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    user: &SessionUser,
    id: i64,
    scientist_id: &str,
) -> Result<(ProblemFacts, ScientistFacts), Stop> {
    let problem = queries::problem_facts(conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !is_member(conn, problem.org_id, user.id).await? {
        return Err(AppError::NotFound.into());
    }
    if Status::parse(&problem.status) != Some(Status::Published) {
        let back = (format!("/problems/{id}"), "match-back-to-problem");
        return Err(refused(
            ctx,
            "match-invite-unpublished-title",
            "match-invite-unpublished-body",
            back,
        ));
    }
    let scientist_id = parse_id(scientist_id).ok_or(AppError::NotFound)?;
    let scientist = queries::scientist_facts(conn, scientist_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let by_visibility = visible_levels(Some(user)).contains(&scientist.visibility);
    if !by_visibility && !hooks::match_partner_may_see(conn, Some(user), scientist_id).await? {
        return Err(AppError::NotFound.into());
    }
    if let Some(existing) = queries::live_match(conn, id, scientist_id).await? {
        return Err(already_matched(ctx, Some(existing)));
    }
    Ok((problem, scientist))
}
