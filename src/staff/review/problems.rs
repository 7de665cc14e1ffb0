//! `GET /staff/problems/{id}/decide` and `POST /staff/problems/{id}/approve|request-changes|reject`.
//! A staff member may see and decide only problems of their hubs; others answer 404, as if the
//! problem did not exist. Every decision goes through [`transition`].

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use sqlx::PgConnection;

use crate::audit::{self, AuditEvent};
use crate::error::{AppError, AppResult};
use crate::i18n::{format_date, format_datetime};
use crate::notifications::inbox::{Notice, notify};
use crate::problems::model::{Action, Status, transition};
use crate::staff::review::forms::{DecisionForm, field_error};
use crate::staff::review::queries::{self, LockedProblem, ProblemDetail, Reviewer};
use crate::staff::review::views::{
    DecideProblemPage, EventRow, OrgName, ProblemView, date_text, event_label, org_kind_label,
    org_state_tag,
};
use crate::staff::review::{done, stale};
use crate::state::AppState;
use crate::taxonomy::Taxonomy;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::guards::StaffUser;
use crate::web::markdown::to_safe_html;
use crate::web::render::{page, page_with_status};

/// The three things a reviewer can do with a submitted problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decision {
    Approve,
    RequestChanges,
    Reject,
}

impl Decision {
    fn action(self) -> Action {
        match self {
            Decision::Approve => Action::Approve,
            Decision::RequestChanges => Action::RequestChanges,
            Decision::Reject => Action::Reject,
        }
    }

    /// The `problem_events.event` code, also the last part of the audit action.
    fn event(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::RequestChanges => "changes_requested",
            Decision::Reject => "rejected",
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Decision::Approve => "problem.approved",
            Decision::RequestChanges => "problem.changes_requested",
            Decision::Reject => "problem.rejected",
        }
    }

    /// The author must learn what to change or why not: those two need a reason.
    fn missing_reason_key(self) -> Option<&'static str> {
        match self {
            Decision::Approve => None,
            Decision::RequestChanges => Some("review-error-reason-missing-changes"),
            Decision::Reject => Some("review-error-reason-missing-reject"),
        }
    }

    fn notice_key(self, has_reason: bool) -> &'static str {
        match (self, has_reason) {
            (Decision::Approve, false) => "notice-problem-approved",
            (Decision::Approve, true) => "notice-problem-approved-note",
            (Decision::RequestChanges, _) => "notice-problem-changes-requested",
            (Decision::Reject, _) => "notice-problem-rejected",
        }
    }

    fn flash_key(self) -> &'static str {
        match self {
            Decision::Approve => "flash-review-problem-approved",
            Decision::RequestChanges => "flash-review-problem-changes-requested",
            Decision::Reject => "flash-review-problem-rejected",
        }
    }
}

pub async fn show(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let reviewer = Reviewer::of(&user);
    let decide = decide_page(
        &state,
        &ctx,
        reviewer,
        id,
        FieldErrors::new(),
        String::new(),
    )
    .await?;
    Ok(page(&decide))
}

pub async fn approve(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    decide(
        &state,
        &ctx,
        user.id,
        Reviewer::of(&user),
        id,
        form,
        Decision::Approve,
    )
    .await
}

pub async fn request_changes(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let reviewer = Reviewer::of(&user);
    decide(
        &state,
        &ctx,
        user.id,
        reviewer,
        id,
        form,
        Decision::RequestChanges,
    )
    .await
}

pub async fn reject(
    StaffUser(user): StaffUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    decide(
        &state,
        &ctx,
        user.id,
        Reviewer::of(&user),
        id,
        form,
        Decision::Reject,
    )
    .await
}

/// One decision in one transaction: lock, re-check the status, validate, then change the
/// problem, its history, the audit log and the author's notifications together.
async fn decide(
    state: &AppState,
    ctx: &RequestContext,
    actor_id: i64,
    reviewer: Reviewer,
    id: i64,
    form: DecisionForm,
    decision: Decision,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let locked = queries::lock_problem(&mut tx, reviewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let current = Status::parse(&locked.status)
        .ok_or_else(|| anyhow::anyhow!("problem {id} has unknown status {}", locked.status))?;
    let Some(next) = transition(current, decision.action()) else {
        tx.rollback().await?;
        return Ok(stale(ctx));
    };
    let refusal = if decision == Decision::Approve && locked.org_status != "verified" {
        Err((
            StatusCode::CONFLICT,
            field_error("org", "review-error-org-unverified"),
        ))
    } else {
        form.validate(decision.missing_reason_key())
            .map_err(|errors| (StatusCode::UNPROCESSABLE_ENTITY, errors))
    };
    let reason = match refusal {
        Ok(reason) => reason,
        Err((status, errors)) => {
            tx.rollback().await?;
            let again = decide_page(state, ctx, reviewer, id, errors, form.cleaned()).await?;
            return Ok(page_with_status(status, &again));
        }
    };
    let change = Change {
        id,
        actor_id,
        decision,
        from: current,
        to: next,
        reason: reason.as_deref(),
    };
    record(&mut tx, state, &locked, change).await?;
    let response = done(state, "/staff/review", decision.flash_key());
    ctx.commit(tx, response).await
}

struct Change<'a> {
    id: i64,
    actor_id: i64,
    decision: Decision,
    from: Status,
    to: Status,
    reason: Option<&'a str>,
}

async fn record(
    conn: &mut PgConnection,
    state: &AppState,
    locked: &LockedProblem,
    change: Change<'_>,
) -> AppResult<()> {
    let Change {
        id,
        actor_id,
        decision,
        from,
        to,
        reason,
    } = change;
    queries::set_problem_status(conn, id, to.code()).await?;
    queries::add_problem_event(conn, id, Some(actor_id), decision.event(), reason).await?;
    audit::record(
        conn,
        AuditEvent {
            actor_id: Some(actor_id),
            action: decision.audit_action(),
            target_type: "problem",
            target_id: Some(id.to_string()),
            details: json!({
                "reason": reason, "from": from.code(), "to": to.code(), "title": locked.title,
            }),
        },
    )
    .await?;
    if let Some(author_id) = locked.author_id {
        let link = format!("/problems/{id}");
        let args = [
            ("title", locked.title.as_str()),
            ("reason", reason.unwrap_or("")),
        ];
        let notice = Notice {
            user_id: author_id,
            message_key: decision.notice_key(reason.is_some()),
            args: &args,
            link: &link,
        };
        notify(conn, notice, &state.config.origin()).await?;
    }
    Ok(())
}

/// The decision page, with `errors` and the reason as typed when a decision came back.
async fn decide_page<'a>(
    state: &AppState,
    ctx: &'a RequestContext,
    reviewer: Reviewer,
    id: i64,
    errors: FieldErrors,
    reason: String,
) -> AppResult<DecideProblemPage<'a>> {
    let mut conn = state.db.acquire().await?;
    let detail = queries::problem_detail(&mut conn, reviewer, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let events = queries::problem_events(&mut conn, id).await?;
    let taxonomy = Taxonomy::load(&mut conn).await?;
    let locale = ctx.locale;
    let history = events
        .into_iter()
        .map(|e| EventRow {
            when: format_datetime(locale, e.created_at),
            event: event_label(locale, &e.event),
            actor: e.actor_name.unwrap_or_else(|| "—".into()),
            reason: e.reason.unwrap_or_default(),
        })
        .collect();
    Ok(DecideProblemPage {
        ctx,
        p: problem_view(ctx, &taxonomy, detail),
        history,
        errors,
        reason,
    })
}

fn problem_view(ctx: &RequestContext, taxonomy: &Taxonomy, d: ProblemDetail) -> ProblemView {
    let locale = ctx.locale;
    let hubs = if d.target_hubs.is_empty() {
        ctx.t("review-all-hubs")
    } else {
        d.target_hubs
            .iter()
            .map(|code| Taxonomy::label_in(&taxonomy.hubs, code, locale))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ProblemView {
        id: d.id,
        description_html: crate::problems::views::demote_headings(&to_safe_html(&d.description_md)),
        org_id: d.org_id,
        org: OrgName::of(&d.org, locale),
        org_tag: org_state_tag(locale, &d.org_status),
        org_verified: d.org_status == "verified",
        kind: org_kind_label(locale, &d.org_kind),
        submitted: format_date(locale, d.submitted_at),
        deadline: d.deadline.map(|date| date_text(locale, date)),
        hubs,
        author_name: d.author_name.unwrap_or_else(|| "—".into()),
        author_email: d.author_email.unwrap_or_default(),
        pending: d.status == Status::Submitted.code(),
        title: d.title,
        summary: d.summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Decision; 3] = [
        Decision::Approve,
        Decision::RequestChanges,
        Decision::Reject,
    ];

    #[test]
    fn every_decision_is_allowed_exactly_on_a_submitted_problem() {
        for decision in ALL {
            for status in Status::ALL {
                assert_eq!(
                    transition(status, decision.action()).is_some(),
                    status == Status::Submitted,
                    "{decision:?} from {status:?}"
                );
            }
        }
    }

    #[test]
    fn only_approval_may_go_without_a_reason() {
        let optional: Vec<_> = ALL
            .into_iter()
            .filter(|d| d.missing_reason_key().is_none())
            .collect();
        assert_eq!(optional, [Decision::Approve]);
    }

    #[test]
    fn the_history_and_the_audit_log_name_the_same_decision() {
        for decision in ALL {
            assert_eq!(
                decision.audit_action(),
                format!("problem.{}", decision.event())
            );
        }
    }
}
