//! `GET /staff/matches/new` and `POST /staff/matches` (`problem_id`, `scientist_id`, `note`):
//! embassy staff propose a scientist for a published problem of their hubs. Problems outside
//! their hubs are treated as unknown, as in the review queues.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use sqlx::PgConnection;

use crate::auth::model::SessionUser;
use crate::error::AppError;
use crate::matches::workflow::access::staff_covers;
use crate::matches::workflow::create::{self, Creation, kinds_in_common};
use crate::matches::workflow::forms::ProposalForm;
use crate::matches::workflow::queries::{self, ProblemFacts, ScientistFacts};
use crate::matches::workflow::rules::Origin;
use crate::matches::workflow::views::{ProblemHead, ProposePage, kind_options};
use crate::matches::workflow::{Handled, Stop, already_matched};
use crate::problems::model::Status;
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::StaffUser;
use crate::web::render::{page, page_with_status};

/// The form, filled in from the query (`?problem_id=…&scientist_id=…`) when it comes from a
/// problem's page.
pub async fn form(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(form): Query<ProposalForm>,
) -> Handled {
    let mut conn = state.db.acquire().await?;
    let (problem_id, _) = form.ids();
    let problem = match problem_id {
        Some(id) => open_problem(&mut conn, &user, id).await?,
        None => None,
    };
    let view = propose_page(&mut conn, &ctx, problem.as_ref(), form, FieldErrors::new()).await?;
    Ok(page(&view))
}

pub async fn create(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Form(form): Form<ProposalForm>,
) -> Handled {
    let mut tx = state.db.begin().await?;
    let (problem, scientist, mut errors) = targets(&mut tx, &user, &form).await?;
    let allowed = match (&problem, &scientist) {
        (Some(p), Some(s)) => kinds_in_common(p, s),
        _ => Vec::new(),
    };
    if problem.is_some() && scientist.is_some() && allowed.is_empty() {
        errors.add("scientist_id", "match-error-scientist-no-kind-in-common");
    }
    let (kind, note) = match (form.validate(&allowed), errors.is_empty()) {
        (Ok(valid), true) => valid,
        (result, _) => {
            if let Err(more) = result {
                for e in more.iter() {
                    errors.add(e.field.clone(), e.message_key);
                }
            }
            let view = propose_page(&mut tx, &ctx, problem.as_ref(), form, errors).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    // Without errors both were found.
    let (Some(problem), Some(scientist)) = (problem, scientist) else {
        return Err(AppError::NotFound.into());
    };
    if let Some(existing) = queries::live_match(&mut tx, problem.id, scientist.user_id).await? {
        return Err(already_matched(&ctx, Some(existing)));
    }
    let creation = Creation {
        problem: &problem,
        scientist: &scientist,
        origin: Origin::Proposal,
        engagement_kind: kind.as_deref(),
        note: &note,
        creator: &user,
    };
    create::create(&state, &ctx, tx, creation).await
}

/// The problem and the scientist the numbers name, with an error for each that does not.
async fn targets(
    conn: &mut PgConnection,
    user: &SessionUser,
    form: &ProposalForm,
) -> Result<(Option<ProblemFacts>, Option<ScientistFacts>, FieldErrors), Stop> {
    let mut errors = FieldErrors::new();
    let (problem_id, scientist_id) = form.ids();
    let problem = match problem_id {
        Some(id) => open_problem(conn, user, id).await?,
        None => None,
    };
    match (problem_id, &problem) {
        (None, _) => errors.add("problem_id", "match-error-problem-id-missing"),
        (Some(_), None) => errors.add("problem_id", "match-error-problem-unknown"),
        _ => {}
    }
    let scientist = match scientist_id {
        Some(id) => queries::scientist_facts(conn, id).await?,
        None => None,
    };
    match (scientist_id, &scientist) {
        (None, _) => errors.add("scientist_id", "match-error-scientist-id-missing"),
        (Some(_), None) => errors.add("scientist_id", "match-error-scientist-unknown"),
        _ => {}
    }
    Ok((problem, scientist, errors))
}

/// A published problem of the staff member's hubs.
async fn open_problem(
    conn: &mut PgConnection,
    user: &SessionUser,
    id: i64,
) -> sqlx::Result<Option<ProblemFacts>> {
    let Some(problem) = queries::problem_facts(conn, id).await? else {
        return Ok(None);
    };
    let published = Status::parse(&problem.status) == Some(Status::Published);
    let ours = staff_covers(conn, user, &problem.target_hubs).await?;
    Ok((published && ours).then_some(problem))
}

async fn propose_page<'a>(
    conn: &mut PgConnection,
    ctx: &'a RequestContext,
    problem: Option<&ProblemFacts>,
    form: ProposalForm,
    errors: FieldErrors,
) -> Result<ProposePage<'a>, Stop> {
    let taxonomy = Taxonomy::load(conn).await?;
    let codes = match problem {
        Some(p) => p.engagement_kinds.clone(),
        None => taxonomy
            .engagement_kinds
            .iter()
            .map(|k| k.code.clone())
            .collect(),
    };
    Ok(ProposePage {
        ctx,
        problem: problem.map(|p| ProblemHead::of(ctx.locale, p)),
        kinds: kind_options(&taxonomy, &codes, ctx.locale),
        form,
        errors,
    })
}
