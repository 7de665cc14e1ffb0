//! Page structs for the administration templates, and the labels they share.

use askama::Template;

use crate::i18n::{Locale, format_date, format_datetime};
use crate::staff::admin::forms::{HubForm, StaffForm};
use crate::staff::admin::queries::{HubRow, StaffRow};
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;

/// A status tag: its text in the reader's language and its colour class.
pub struct Tag {
    pub label: String,
    pub class: &'static str,
}

/// The name of a hub in the reader's language.
pub fn hub_name(locale: Locale, hub: &HubRow) -> String {
    match locale {
        Locale::Vi => hub.name_vi.clone(),
        Locale::Ja => hub.name_ja.clone(),
        Locale::En => hub.name_en.clone(),
    }
}

/// One box of a hub checkbox group.
pub struct HubChoice {
    pub code: String,
    pub label: String,
}

pub fn hub_choices(locale: Locale, hubs: &[HubRow]) -> Vec<HubChoice> {
    hubs.iter()
        .map(|h| HubChoice {
            code: h.code.clone(),
            label: hub_name(locale, h),
        })
        .collect()
}

impl HubChoice {
    /// True when this hub is among the ticked boxes.
    pub fn is_in(&self, chosen: &[String]) -> bool {
        chosen.iter().any(|c| c == &self.code)
    }
}

/// Invited (no password yet), active, or disabled, as a tag.
pub fn state_tag(locale: Locale, s: &StaffRow) -> Tag {
    let (key, class) = if s.disabled_at.is_some() {
        ("admin-state-disabled", "tag--red")
    } else if s.invited {
        ("admin-state-invited", "tag--yellow")
    } else {
        ("admin-state-active", "tag--green")
    };
    Tag {
        label: locale.t(key),
        class,
    }
}

/// The hubs of a staff member by name, or "every hub" for an admin.
pub fn hubs_text(locale: Locale, s: &StaffRow, hubs: &[HubRow]) -> String {
    if s.role == "admin" {
        return locale.t("admin-hubs-all");
    }
    if s.hubs.is_empty() {
        return locale.t("admin-hubs-none");
    }
    let names: Vec<String> = s
        .hubs
        .iter()
        .map(|code| {
            hubs.iter()
                .find(|h| &h.code == code)
                .map(|h| hub_name(locale, h))
                .unwrap_or_else(|| code.clone())
        })
        .collect();
    names.join(locale.t("admin-list-separator").as_str())
}

fn role_label(locale: Locale, role: &str) -> String {
    locale.t(if role == "admin" {
        "role-admin"
    } else {
        "role-staff"
    })
}

fn two_factor_label(locale: Locale, s: &StaffRow) -> String {
    locale.t(if s.two_factor {
        "admin-two-factor-on"
    } else {
        "admin-two-factor-off"
    })
}

#[derive(Template)]
#[template(path = "staff/admin/index.html")]
pub struct IndexPage<'a> {
    pub ctx: &'a RequestContext,
    pub hub_count: usize,
    pub staff_count: usize,
}

pub struct HubLine {
    pub code: String,
    pub country_code: String,
    pub name_vi: String,
    pub name_ja: String,
    pub name_en: String,
    pub staff_count: i64,
    pub scientist_count: i64,
}

impl From<HubRow> for HubLine {
    fn from(h: HubRow) -> HubLine {
        HubLine {
            code: h.code,
            country_code: h.country_code,
            name_vi: h.name_vi,
            name_ja: h.name_ja,
            name_en: h.name_en,
            staff_count: h.staff_count,
            scientist_count: h.scientist_count,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/admin/hubs.html")]
pub struct HubsPage<'a> {
    pub ctx: &'a RequestContext,
    pub hubs: Vec<HubLine>,
}

/// The form to create a hub, or (with `editing`) to rename one.
#[derive(Template)]
#[template(path = "staff/admin/hub_form.html")]
pub struct HubFormPage<'a> {
    pub ctx: &'a RequestContext,
    pub form: HubForm,
    pub errors: FieldErrors,
    pub editing: bool,
}

pub struct StaffLine {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub hubs: String,
    pub state: Tag,
    pub two_factor: String,
}

impl StaffLine {
    pub fn of(locale: Locale, s: &StaffRow, hubs: &[HubRow]) -> StaffLine {
        StaffLine {
            id: s.id,
            name: s.display_name.clone(),
            email: s.email.clone(),
            role: role_label(locale, &s.role),
            hubs: hubs_text(locale, s, hubs),
            state: state_tag(locale, s),
            two_factor: two_factor_label(locale, s),
        }
    }
}

#[derive(Template)]
#[template(path = "staff/admin/staff_list.html")]
pub struct StaffListPage<'a> {
    pub ctx: &'a RequestContext,
    pub staff: Vec<StaffLine>,
}

#[derive(Template)]
#[template(path = "staff/admin/staff_new.html")]
pub struct StaffNewPage<'a> {
    pub ctx: &'a RequestContext,
    pub form: StaffForm,
    pub errors: FieldErrors,
    pub hubs: Vec<HubChoice>,
}

/// A staff member as their administration page shows them.
pub struct StaffView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub is_admin: bool,
    pub language: String,
    pub language_code: String,
    pub hubs: String,
    pub state: Tag,
    pub invited: bool,
    pub disabled: bool,
    /// "date · by whom · reason" lines once disabled.
    pub disabled_when: String,
    pub disabled_by: String,
    pub disabled_reason: String,
    pub two_factor: String,
    pub has_totp: bool,
    pub created: String,
    /// When the pending invitation was sent, if one is still usable.
    pub invitation_sent: Option<String>,
}

impl StaffView {
    pub fn of(locale: Locale, s: &StaffRow, hubs: &[HubRow]) -> StaffView {
        let language = Locale::from_code(&s.preferred_locale)
            .map(|l| l.native_name().to_string())
            .unwrap_or_else(|| s.preferred_locale.clone());
        StaffView {
            id: s.id,
            name: s.display_name.clone(),
            email: s.email.clone(),
            role: role_label(locale, &s.role),
            is_admin: s.role == "admin",
            language,
            language_code: s.preferred_locale.clone(),
            hubs: hubs_text(locale, s, hubs),
            state: state_tag(locale, s),
            invited: s.invited,
            disabled: s.disabled_at.is_some(),
            disabled_when: s
                .disabled_at
                .map(|at| format_datetime(locale, at))
                .unwrap_or_default(),
            disabled_by: s.disabled_by_name.clone().unwrap_or_default(),
            disabled_reason: s.disabled_reason.clone().unwrap_or_default(),
            two_factor: two_factor_label(locale, s),
            has_totp: s.has_totp,
            created: format_date(locale, s.created_at),
            invitation_sent: None,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/admin/staff_show.html")]
pub struct StaffPage<'a> {
    pub ctx: &'a RequestContext,
    pub s: StaffView,
    pub hubs: Vec<HubChoice>,
    /// The ticked hub boxes: the stored hubs, or what was sent when the form comes back.
    pub chosen: Vec<String>,
    pub errors: FieldErrors,
    pub reason: String,
    /// The reader is looking at their own account (it cannot be disabled or reset here).
    pub is_self: bool,
}

/// The invitee chooses their password.
#[derive(Template)]
#[template(path = "staff/admin/invitation.html")]
pub struct InvitationPage<'a> {
    pub ctx: &'a RequestContext,
    pub token: String,
    pub name: String,
    pub email: String,
    pub errors: FieldErrors,
}
