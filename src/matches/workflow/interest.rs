//! `GET|POST /problems/{id}/interest`: a scientist with a saved profile expresses interest in a
//! published problem they may see, before its deadline, with a kind of engagement the problem
//! seeks and they offer, and a note.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sqlx::PgConnection;

use crate::auth::model::SessionUser;
use crate::error::AppError;
use crate::matches::workflow::create::{self, Creation, kinds_in_common};
use crate::matches::workflow::forms::InterestForm;
use crate::matches::workflow::queries::{self, ProblemFacts, ScientistFacts};
use crate::matches::workflow::rules::Origin;
use crate::matches::workflow::views::{InterestPage, ProblemHead, kind_options};
use crate::matches::workflow::{Handled, Stop, already_matched, lists, refused, today};
use crate::problems::model::{Confidentiality, Reader, Status, may_view};
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::ScientistUser;
use crate::web::render::{page, page_with_status};

struct Target {
    problem: ProblemFacts,
    scientist: ScientistFacts,
}

pub async fn form(
    ScientistUser(user): ScientistUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> Handled {
    let mut conn = state.db.acquire().await?;
    let target = target(&mut conn, &ctx, &user, id).await?;
    let errors = FieldErrors::new();
    let form = InterestForm::default();
    let view = interest_page(&mut conn, &ctx, &target, form, errors).await?;
    Ok(page(&view))
}

pub async fn create(
    ScientistUser(user): ScientistUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<InterestForm>,
) -> Handled {
    let mut tx = state.db.begin().await?;
    let target = target(&mut tx, &ctx, &user, id).await?;
    let allowed = kinds_in_common(&target.problem, &target.scientist);
    let (kind, note) = match form.validate(&allowed) {
        Ok(valid) => valid,
        Err(errors) => {
            let view = interest_page(&mut tx, &ctx, &target, form, errors).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let creation = Creation {
        problem: &target.problem,
        scientist: &target.scientist,
        origin: Origin::Interest,
        engagement_kind: Some(&kind),
        note: &note,
        creator: &user,
    };
    create::create(&state, &ctx, tx, creation).await
}

/// The problem and the scientist, once everything that does not depend on the form allows
/// the interest. A problem the scientist may not see is not found; one that has ended, is past
/// its deadline or already has their match is explained (409).
async fn target(
    conn: &mut PgConnection,
    ctx: &RequestContext,
    user: &SessionUser,
    id: i64,
) -> Result<Target, Stop> {
    let problem = queries::problem_facts(conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let reader = Reader {
        member: true,
        invited: lists::is_invited(conn, user.id, id).await?,
        ..Reader::default()
    };
    let confidentiality =
        Confidentiality::parse(&problem.confidentiality).unwrap_or(Confidentiality::InviteOnly);
    if !may_view(Status::Published, confidentiality, reader) {
        return Err(AppError::NotFound.into());
    }
    let board = ("/problems".to_string(), "match-back-to-board");
    match Status::parse(&problem.status) {
        Some(Status::Published) => {}
        // It was open to them once; say it has ended rather than pretend it never existed.
        Some(Status::Closed | Status::Expired) => {
            return Err(refused(
                ctx,
                "match-problem-ended-title",
                "match-problem-ended-body",
                board,
            ));
        }
        _ => return Err(AppError::NotFound.into()),
    }
    if problem.deadline.is_some_and(|d| d < today()) {
        let back = (format!("/problems/{id}"), "match-back-to-problem");
        return Err(refused(
            ctx,
            "match-deadline-passed-title",
            "match-deadline-passed-body",
            back,
        ));
    }
    let Some(scientist) = queries::scientist_facts(conn, user.id).await? else {
        let profile = ("/me/profile".to_string(), "match-no-profile-link");
        return Err(refused(
            ctx,
            "match-no-profile-title",
            "match-no-profile-body",
            profile,
        ));
    };
    if let Some(existing) = queries::live_match(conn, id, user.id).await? {
        return Err(already_matched(ctx, Some(existing)));
    }
    Ok(Target { problem, scientist })
}

async fn interest_page<'a>(
    conn: &mut PgConnection,
    ctx: &'a RequestContext,
    target: &Target,
    form: InterestForm,
    errors: FieldErrors,
) -> Result<InterestPage<'a>, Stop> {
    let taxonomy = Taxonomy::load(conn).await?;
    let kinds = kinds_in_common(&target.problem, &target.scientist);
    Ok(InterestPage {
        ctx,
        problem: ProblemHead::of(ctx.locale, &target.problem),
        kinds: kind_options(&taxonomy, &kinds, ctx.locale),
        form,
        errors,
    })
}
