//! Page structs for the two-factor templates.

use askama::Template;

use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

#[derive(Template)]
#[template(path = "auth/two_factor_code.html")]
pub struct CodePage<'a> {
    pub ctx: &'a RequestContext,
    pub next: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "auth/two_factor_setup.html")]
pub struct SetupPage<'a> {
    pub ctx: &'a RequestContext,
    /// Our own generated SVG (path data only), inserted unescaped.
    pub qr_svg: String,
    /// The secret in groups of four, for typing into an app by hand.
    pub key: String,
    pub next: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "auth/two_factor_recovery.html")]
pub struct RecoveryCodesPage<'a> {
    pub ctx: &'a RequestContext,
    pub codes: Vec<String>,
    pub next: String,
}
