//! Page structs for the user templates, and how an account's states read.

use askama::Template;

use crate::auth::model::Role;
use crate::i18n::{Locale, format_date, format_datetime};
use crate::orgs::model::name_for;
use crate::staff::audit_log::views::action_label;
use crate::staff::users::forms::UsersQuery;
use crate::staff::users::queries::{AccountEvent, ListedUser, MemberOf, UserDetail};
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::pagination::PageNav;

/// A status tag: its text in the reader's language and its colour class.
pub struct Tag {
    pub label: String,
    pub class: &'static str,
}

pub fn role_label(locale: Locale, role: &str) -> String {
    Role::parse(role)
        .map(|r| locale.t(r.label_key()))
        .unwrap_or_else(|| role.to_string())
}

pub fn verification_tag(locale: Locale, verified: bool) -> Tag {
    if verified {
        Tag {
            label: locale.t("users-verified"),
            class: "tag--green",
        }
    } else {
        Tag {
            label: locale.t("users-not-verified"),
            class: "tag--yellow",
        }
    }
}

pub fn account_tag(locale: Locale, suspended: bool) -> Tag {
    if suspended {
        Tag {
            label: locale.t("users-suspended"),
            class: "tag--red",
        }
    } else {
        Tag {
            label: locale.t("users-active"),
            class: "tag--green",
        }
    }
}

pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub hub: String,
    pub verification: Tag,
    pub account: Tag,
    pub registered: String,
}

impl UserRow {
    pub fn of(locale: Locale, u: ListedUser) -> UserRow {
        UserRow {
            id: u.id,
            role: role_label(locale, &u.role),
            hub: u.hub_name.unwrap_or_default(),
            verification: verification_tag(locale, u.email_verified_at.is_some()),
            account: account_tag(locale, u.disabled_at.is_some()),
            registered: format_date(locale, u.created_at),
            name: u.display_name,
            email: u.email,
        }
    }
}

/// An option of a filter list.
pub struct Choice {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "staff/users/list.html")]
pub struct UsersPage<'a> {
    pub ctx: &'a RequestContext,
    pub query: UsersQuery,
    pub errors: FieldErrors,
    pub roles: Vec<Choice>,
    pub accounts: Vec<Choice>,
    pub users: Vec<UserRow>,
    pub total: i64,
    pub nav: PageNav,
    pub scoped: bool,
}

pub struct Suspension {
    pub since: String,
    pub by: String,
    pub reason: String,
}

pub struct OrgLink {
    pub id: i64,
    pub name: String,
    pub lang: &'static str,
}

impl OrgLink {
    pub fn of(locale: Locale, o: &MemberOf) -> OrgLink {
        let (name, lang) = name_for(locale, &o.name_vi, &o.name_en, o.name_ja.as_deref());
        OrgLink {
            id: o.id,
            name: name.to_string(),
            lang,
        }
    }
}

pub struct HistoryRow {
    pub when: String,
    pub action: String,
    pub by: String,
    pub reason: String,
}

impl HistoryRow {
    pub fn of(locale: Locale, e: AccountEvent) -> HistoryRow {
        HistoryRow {
            when: format_datetime(locale, e.created_at),
            action: action_label(locale, &e.action),
            by: e.actor_name.unwrap_or_else(|| "—".into()),
            reason: e
                .details
                .get("reason")
                .and_then(|r| r.as_str())
                .unwrap_or_default()
                .to_string(),
        }
    }
}

/// One account as staff see it.
pub struct UserView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub language: String,
    /// The language tag of `language` (its name is written in that language).
    pub language_code: String,
    pub verification: Tag,
    pub verified_on: Option<String>,
    pub account: Tag,
    pub registered: String,
    pub last_sign_in: Option<String>,
    pub hub: Option<String>,
    pub has_profile: bool,
    pub is_owner: bool,
    /// A scientist or owner: staff may suspend and restore it here.
    pub manageable: bool,
    pub suspension: Option<Suspension>,
}

impl UserView {
    pub fn of(locale: Locale, d: UserDetail, last_sign_in: Option<time::OffsetDateTime>) -> Self {
        let language = Locale::from_code(&d.preferred_locale)
            .map(|l| l.native_name().to_string())
            .unwrap_or(d.preferred_locale.clone());
        UserView {
            id: d.id,
            role: role_label(locale, &d.role),
            language,
            language_code: d.preferred_locale.clone(),
            verification: verification_tag(locale, d.email_verified_at.is_some()),
            verified_on: d.email_verified_at.map(|at| format_date(locale, at)),
            account: account_tag(locale, d.disabled_at.is_some()),
            registered: format_date(locale, d.created_at),
            last_sign_in: last_sign_in.map(|at| format_datetime(locale, at)),
            hub: d.hub_name,
            has_profile: d.has_profile,
            is_owner: d.role == "owner",
            manageable: crate::staff::users::scope::is_manageable_role(&d.role),
            suspension: d.disabled_at.map(|at| Suspension {
                since: format_datetime(locale, at),
                by: d.disabled_by_name.unwrap_or_else(|| "—".into()),
                reason: d.disabled_reason.unwrap_or_default(),
            }),
            name: d.display_name,
            email: d.email,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/users/show.html")]
pub struct UserPage<'a> {
    pub ctx: &'a RequestContext,
    pub u: UserView,
    pub orgs: Vec<OrgLink>,
    pub history: Vec<HistoryRow>,
    pub errors: FieldErrors,
    /// The reason as typed, kept when the form comes back with an error.
    pub reason: String,
}
