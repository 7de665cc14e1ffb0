//! The inputs of the user pages: the search form (a GET query) and the reason of a suspension
//! or restoration. Messages are i18n keys, keyed by the input's id.

use serde::Deserialize;

use crate::web::forms::{FieldErrors, clean_text};
use crate::web::pagination::list_href;

pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_REASON_CHARS: usize = 2000;

/// Roles in the order the role filter lists them.
pub const ROLES: [&str; 4] = ["scientist", "owner", "staff", "admin"];

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct UsersQuery {
    /// Part of a name or email address.
    pub q: String,
    pub role: String,
    /// `active` or `suspended` (anything else: both).
    pub account: String,
    pub page: Option<String>,
}

/// The search ready for SQL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserFilter {
    pub q: Option<String>,
    pub role: Option<String>,
    pub suspended: Option<bool>,
}

impl UsersQuery {
    /// Trimmed, NFC, and choices outside their lists dropped.
    pub fn cleaned(&self) -> UsersQuery {
        let role = clean_text(&self.role);
        let account = clean_text(&self.account);
        UsersQuery {
            q: clean_text(&self.q),
            role: if ROLES.contains(&role.as_str()) {
                role
            } else {
                String::new()
            },
            account: if matches!(account.as_str(), "active" | "suspended") {
                account
            } else {
                String::new()
            },
            page: self.page.clone(),
        }
    }

    /// The filter, or the error beside the search box. Call on a `cleaned()` query.
    pub fn validate(&self) -> Result<UserFilter, FieldErrors> {
        if self.q.chars().count() > MAX_QUERY_CHARS {
            let mut errors = FieldErrors::new();
            errors.add("q", "users-error-q-too-long");
            return Err(errors);
        }
        Ok(UserFilter {
            q: (!self.q.is_empty()).then(|| self.q.clone()),
            role: (!self.role.is_empty()).then(|| self.role.clone()),
            suspended: match self.account.as_str() {
                "active" => Some(false),
                "suspended" => Some(true),
                _ => None,
            },
        })
    }

    pub fn page_number(&self) -> Option<i64> {
        crate::web::pagination::parse_page(self.page.as_deref())
    }

    pub fn href(&self, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (name, value) in [
            ("q", &self.q),
            ("role", &self.role),
            ("account", &self.account),
        ] {
            if !value.is_empty() {
                pairs.push((name, value.clone()));
            }
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        list_href("/staff/users", &pairs)
    }
}

/// The body of a suspension or a restoration (the CSRF field is checked by the middleware).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

impl ReasonForm {
    /// The reason as it will be stored: trimmed, NFC, with browser line ends made `\n`.
    pub fn cleaned(&self) -> String {
        clean_text(&self.reason.replace("\r\n", "\n"))
    }

    /// The reason (always required), or the error to show beside the box.
    pub fn validate(&self, missing_key: &'static str) -> Result<String, FieldErrors> {
        let reason = self.cleaned();
        let mut errors = FieldErrors::new();
        if reason.is_empty() {
            errors.add("reason", missing_key);
        } else if reason.chars().count() > MAX_REASON_CHARS {
            errors.add("reason", "users-error-reason-too-long");
        }
        if errors.is_empty() {
            Ok(reason)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_outside_their_lists_are_dropped() {
        let q = UsersQuery {
            q: "  Lan ".into(),
            role: "superuser".into(),
            account: "suspended".into(),
            page: None,
        }
        .cleaned();
        let filter = q.validate().unwrap();
        assert_eq!(filter.q.as_deref(), Some("Lan"));
        assert_eq!(filter.role, None);
        assert_eq!(filter.suspended, Some(true));
        assert_eq!(q.href(2), "/staff/users?q=Lan&account=suspended&page=2");
    }

    #[test]
    fn a_very_long_search_is_refused_beside_the_box() {
        let q = UsersQuery {
            q: "a".repeat(MAX_QUERY_CHARS + 1),
            ..UsersQuery::default()
        };
        assert_eq!(
            q.validate().unwrap_err().get("q"),
            Some("users-error-q-too-long")
        );
    }

    #[test]
    fn a_reason_is_required_and_at_most_2000_characters() {
        let form = |r: &str| ReasonForm { reason: r.into() };
        assert_eq!(
            form(" \r\n ")
                .validate("missing")
                .unwrap_err()
                .get("reason"),
            Some("missing")
        );
        assert_eq!(
            form(" Gửi thư rác\r\nnhiều lần ")
                .validate("missing")
                .unwrap(),
            "Gửi thư rác\nnhiều lần"
        );
        assert!(form(&"ữ".repeat(MAX_REASON_CHARS)).validate("m").is_ok());
        assert_eq!(
            form(&"ữ".repeat(MAX_REASON_CHARS + 1))
                .validate("m")
                .unwrap_err()
                .get("reason"),
            Some("users-error-reason-too-long")
        );
    }
}
