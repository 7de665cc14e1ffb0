//! Page structs for registering an organisation and for its page.

use askama::Template;

use crate::orgs::forms::OrgForm;
use crate::orgs::model::{OrgKind, OrgStatus};
use crate::problems::model::Status;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

#[derive(Template)]
#[template(path = "orgs/new.html")]
pub struct NewPage<'a> {
    pub ctx: &'a RequestContext,
    pub form: OrgForm,
    pub errors: FieldErrors,
    pub kinds: [OrgKind; 6],
}

impl<'a> NewPage<'a> {
    pub fn new(ctx: &'a RequestContext, form: OrgForm, errors: FieldErrors) -> Self {
        NewPage {
            ctx,
            form,
            errors,
            kinds: OrgKind::ALL,
        }
    }
}

/// A name of the organisation in a language other than the heading's.
pub struct OtherName {
    pub label_key: &'static str,
    pub name: String,
    pub lang: &'static str,
}

/// A problem listed on its organisation's page.
pub struct ProblemLine {
    pub id: i64,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub status: Status,
    pub deadline: Option<String>,
}

#[derive(Template)]
#[template(path = "orgs/show.html")]
pub struct ShowPage<'a> {
    pub ctx: &'a RequestContext,
    pub name: String,
    pub name_lang: &'static str,
    pub other_names: Vec<OtherName>,
    pub kind_key: &'static str,
    pub country: String,
    pub website: Option<String>,
    pub status: OrgStatus,
    pub is_member: bool,
    /// Members and staff see each problem's status.
    pub show_status: bool,
    pub problems: Vec<ProblemLine>,
}
