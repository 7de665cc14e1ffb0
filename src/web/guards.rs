//! Extractors that handlers put in their signature to say who may call them.
//! `CurrentUser`: anyone signed in. `StaffUser`: staff or admin. `AdminUser`: admin only.
//! Signed-out visitors are sent to sign in; a signed-in user of the wrong role gets 403. Staff and
//! admins count as signed in only once they have passed the second factor (see `session`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::auth::model::{Role, SessionUser};
use crate::error::AppError;
use crate::web::context::RequestContext;

pub struct CurrentUser(pub SessionUser);
pub struct StaffUser(pub SessionUser);
pub struct AdminUser(pub SessionUser);
pub struct ScientistUser(pub SessionUser);
pub struct OwnerUser(pub SessionUser);

fn signed_in(parts: &Parts) -> Result<SessionUser, AppError> {
    let ctx = parts.extensions.get::<RequestContext>();
    let next = || ctx.map(|c| c.path.clone()).unwrap_or_else(|| "/".into());
    if let Some(user) = ctx.and_then(|c| c.user.clone()) {
        return Ok(user);
    }
    // Staff and admins who have only given their password are sent on to the code step.
    match ctx.and_then(|c| c.awaiting_second_factor.as_ref()) {
        Some(awaiting) => Err(AppError::SecondFactorRequired {
            step: awaiting.step_path(),
            next: next(),
        }),
        None => Err(AppError::SignInRequired { next: next() }),
    }
}

fn with_role(parts: &Parts, allowed: impl Fn(Role) -> bool) -> Result<SessionUser, AppError> {
    let user = signed_in(parts)?;
    if allowed(user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        signed_in(parts).map(CurrentUser)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for StaffUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        with_role(parts, Role::is_staff).map(StaffUser)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AdminUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        with_role(parts, |r| r == Role::Admin).map(AdminUser)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ScientistUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        with_role(parts, |r| r == Role::Scientist).map(ScientistUser)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for OwnerUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        with_role(parts, |r| r == Role::Owner).map(OwnerUser)
    }
}
