//! Page structs for the account templates.

use askama::Template;

use crate::auth::forms::{ForgotForm, LoginForm, RegisterForm};
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

#[derive(Template)]
#[template(path = "auth/register.html")]
pub struct RegisterPage<'a> {
    pub ctx: &'a RequestContext,
    pub form: RegisterForm,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "auth/login.html")]
pub struct LoginPage<'a> {
    pub ctx: &'a RequestContext,
    pub form: LoginForm,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "auth/forgot.html")]
pub struct ForgotPage<'a> {
    pub ctx: &'a RequestContext,
    pub form: ForgotForm,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "auth/reset.html")]
pub struct ResetPage<'a> {
    pub ctx: &'a RequestContext,
    pub token: String,
    pub errors: FieldErrors,
}

/// A page that only says something: a confirmation, or why a link did not work.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage<'a> {
    pub ctx: &'a RequestContext,
    pub title_key: &'static str,
    pub body_key: &'static str,
    pub link: Option<(&'static str, &'static str)>,
    /// Shows the title in a green confirmation panel.
    pub confirmation: bool,
}
