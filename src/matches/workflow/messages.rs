//! `POST /matches/{id}/messages` (`body`, 1–2,000 characters): a message in the match's
//! thread, by one of its three parties (anyone else: 404); the other parties are notified.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use crate::error::AppError;
use crate::matches::workflow::access::party_of;
use crate::matches::workflow::forms::MessageForm;
use crate::matches::workflow::notices::{About, announce};
use crate::matches::workflow::queries;
use crate::matches::workflow::rules::Happening;
use crate::matches::workflow::show::{Input, match_page};
use crate::matches::workflow::{Handled, done};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::guards::CurrentUser;
use crate::web::render::page_with_status;

pub async fn create(
    CurrentUser(user): CurrentUser,
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<MessageForm>,
) -> Handled {
    let mut tx = state.db.begin().await?;
    let m = queries::load_match(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = party_of(&mut tx, &user, &m)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = match form.validate() {
        Ok(body) => body,
        Err(errors) => {
            let input = Input {
                errors,
                message_body: form.body.trim().to_string(),
                ..Input::default()
            };
            let view = match_page(&mut tx, &ctx, &user, id, input).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    queries::add_message(&mut tx, id, user.id, &body).await?;
    let about = About::of(&m);
    let base_url = state.config.origin();
    announce(&mut tx, &base_url, &about, party, Happening::Message, None).await?;
    let response = done(
        &state,
        &format!("/matches/{id}#messages"),
        "flash-match-message-sent",
    );
    Ok(ctx.commit(tx, response).await?)
}
