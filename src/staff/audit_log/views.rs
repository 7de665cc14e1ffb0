//! The audit page and how an event reads on it: the action and target in the reader's language
//! (the code itself for actions without a label yet), links to the target's page, details as
//! compact JSON (escaped by the template like any text).

use askama::Template;
use serde_json::Value;

use crate::i18n::{Locale, format_datetime};
use crate::staff::audit_log::filters::AuditQuery;
use crate::staff::audit_log::queries::AuditRow;
use crate::web::context::RequestContext;
use crate::web::forms::FieldErrors;
use crate::web::pagination::PageNav;

/// Details longer than this are cut in the table, with the whole text one click away.
pub const DETAILS_SHOWN_CHARS: usize = 150;

/// An action's label, e.g. `problem.approved` → "Problem approved"; unknown actions show
/// their code, so a new action is readable before it has a label.
pub fn action_label(locale: Locale, action: &str) -> String {
    label_or_code(locale, "audit-action-", action)
}

/// What kind of thing an event is about: "Problem", "Organisation", …
pub fn target_type_label(locale: Locale, target_type: &str) -> String {
    label_or_code(locale, "audit-target-", target_type)
}

fn label_or_code(locale: Locale, prefix: &str, code: &str) -> String {
    let key = format!("{prefix}{}", code.replace('.', "-"));
    let valid_key = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    let label = if valid_key && !code.is_empty() {
        locale.t(&key)
    } else {
        key.clone()
    };
    if label == key {
        code.to_string()
    } else {
        label
    }
}

/// The staff page of an event's target, where there is one.
pub fn target_href(target_type: &str, target_id: Option<&str>) -> Option<String> {
    let id: i64 = target_id?.parse().ok()?;
    match target_type {
        "problem" => Some(format!("/staff/problems/{id}/decide")),
        "organisation" => Some(format!("/staff/orgs/{id}")),
        "match" => Some(format!("/matches/{id}")),
        "user" => Some(format!("/staff/users/{id}")),
        "scientist_profile" => Some(format!("/scientists/{id}")),
        _ => None,
    }
}

/// Details as one line of JSON ("" when there are none), and a shortened form if it is long.
pub fn details_text(details: &Value) -> (String, Option<String>) {
    let full = match details {
        Value::Null => String::new(),
        Value::Object(map) if map.is_empty() => String::new(),
        other => serde_json::to_string(other).unwrap_or_default(),
    };
    if full.chars().count() > DETAILS_SHOWN_CHARS {
        let short: String = full.chars().take(DETAILS_SHOWN_CHARS).collect();
        (full, Some(format!("{short}…")))
    } else {
        (full, None)
    }
}

pub struct EventLine {
    pub when: String,
    /// `None` for events without a person (the system, or an account deleted since).
    pub actor: Option<Actor>,
    pub action: String,
    pub action_code: String,
    pub target: String,
    pub target_href: Option<String>,
    pub details: String,
    pub details_short: Option<String>,
}

pub struct Actor {
    pub id: i64,
    pub name: String,
    pub email: String,
}

impl EventLine {
    pub fn of(locale: Locale, row: AuditRow) -> EventLine {
        let (details, details_short) = details_text(&row.details);
        let kind = target_type_label(locale, &row.target_type);
        EventLine {
            when: format_datetime(locale, row.created_at),
            actor: row.actor_id.map(|id| Actor {
                id,
                name: row.actor_name.unwrap_or_default(),
                email: row.actor_email.unwrap_or_default(),
            }),
            action: action_label(locale, &row.action),
            target_href: target_href(&row.target_type, row.target_id.as_deref()),
            target: match &row.target_id {
                Some(id) => format!("{kind} #{id}"),
                None => kind,
            },
            action_code: row.action,
            details,
            details_short,
        }
    }
}

/// An option of a filter list.
pub struct Choice {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

/// The options for `codes` with the reader's labels, in code order (which keeps the actions
/// on one kind of thing together: `match.*`, `org.*`, `problem.*`, `user.*`); `chosen` stays
/// listed even if no event has it (yet).
pub fn choices(codes: Vec<String>, chosen: &str, label: impl Fn(&str) -> String) -> Vec<Choice> {
    let mut codes = codes;
    if !chosen.is_empty() && !codes.iter().any(|c| c == chosen) {
        codes.push(chosen.to_string());
    }
    let mut list: Vec<Choice> = codes
        .into_iter()
        .map(|code| Choice {
            label: label(&code),
            selected: code == chosen,
            code,
        })
        .collect();
    list.sort_by(|a, b| a.code.cmp(&b.code));
    list
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
pub struct AuditPage<'a> {
    pub ctx: &'a RequestContext,
    pub query: AuditQuery,
    pub errors: FieldErrors,
    pub actions: Vec<Choice>,
    pub target_types: Vec<Choice>,
    pub events: Vec<EventLine>,
    /// Matching events, counted up to the cap.
    pub total: i64,
    /// More events match than can be paged through.
    pub capped: bool,
    pub nav: PageNav,
    /// Staff (not admins) see only their hubs' part of the log; the page says so.
    pub scoped: bool,
}

impl AuditPage<'_> {
    pub fn total_text(&self) -> String {
        let count = self.total.to_string();
        let key = if self.capped {
            "audit-count-capped"
        } else {
            "audit-count"
        };
        self.ctx.t_args(key, &[("count", count.as_str())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_actions_read_in_each_language_and_unknown_ones_show_their_code() {
        assert_eq!(
            action_label(Locale::En, "problem.approved"),
            "Problem approved"
        );
        assert_ne!(
            action_label(Locale::Vi, "problem.approved"),
            "problem.approved"
        );
        assert_ne!(action_label(Locale::Ja, "user.suspended"), "user.suspended");
        assert_eq!(action_label(Locale::En, "hub.renamed_x"), "hub.renamed_x");
        assert_eq!(action_label(Locale::En, "bad key!"), "bad key!");
        assert_eq!(target_type_label(Locale::En, "widget"), "widget");
    }

    #[test]
    fn targets_link_to_their_staff_pages() {
        assert_eq!(
            target_href("problem", Some("7")).as_deref(),
            Some("/staff/problems/7/decide")
        );
        assert_eq!(
            target_href("user", Some("3")).as_deref(),
            Some("/staff/users/3")
        );
        assert_eq!(target_href("user", Some("x")), None);
        assert_eq!(target_href("demo_data", None), None);
    }

    #[test]
    fn details_are_one_line_of_json_and_long_ones_are_cut() {
        assert_eq!(details_text(&json!({})), (String::new(), None));
        let (full, short) = details_text(&json!({ "reason": "<b>Rõ</b>" }));
        assert_eq!(full, r#"{"reason":"<b>Rõ</b>"}"#);
        assert_eq!(short, None);
        let (full, short) = details_text(&json!({ "reason": "ữ".repeat(400) }));
        assert!(full.chars().count() > DETAILS_SHOWN_CHARS);
        assert_eq!(short.unwrap().chars().count(), DETAILS_SHOWN_CHARS + 1);
    }
}
