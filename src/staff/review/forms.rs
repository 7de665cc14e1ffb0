//! The two inputs of the review pages: a decision's reason and the email of an owner to add.
//! Messages are i18n keys; errors are keyed by the input's id (`reason`, `email`).

use serde::Deserialize;

use crate::web::forms::{FieldErrors, clean_text, is_plausible_email};

pub const MAX_REASON_CHARS: usize = 2000;

/// The body of every decision: the reason box (the CSRF field is checked by the middleware).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub reason: String,
}

impl DecisionForm {
    /// The reason as it will be stored: trimmed, NFC, with browser line ends made `\n`.
    pub fn cleaned(&self) -> String {
        clean_text(&self.reason.replace("\r\n", "\n"))
    }

    /// The reason to store (`None` when left empty), or the error to show beside the box.
    /// `missing_key` is the message when a reason is required and empty; `None` = optional.
    pub fn validate(
        &self,
        missing_key: Option<&'static str>,
    ) -> Result<Option<String>, FieldErrors> {
        let reason = self.cleaned();
        let mut errors = FieldErrors::new();
        match missing_key {
            Some(key) if reason.is_empty() => errors.add("reason", key),
            _ if reason.chars().count() > MAX_REASON_CHARS => {
                errors.add("reason", "review-error-reason-too-long")
            }
            _ => {}
        }
        if errors.is_empty() {
            Ok((!reason.is_empty()).then_some(reason))
        } else {
            Err(errors)
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    pub email: String,
}

impl MemberForm {
    pub fn cleaned(&self) -> String {
        clean_text(&self.email)
    }

    /// The email's shape only; whether an owner account has it is checked against the database.
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let email = self.cleaned();
        let mut errors = FieldErrors::new();
        if email.is_empty() {
            errors.add("email", "review-error-email-missing");
        } else if !is_plausible_email(&email) {
            errors.add("email", "review-error-email-invalid");
        }
        if errors.is_empty() {
            Ok(email)
        } else {
            Err(errors)
        }
    }
}

/// One error on one field, for the checks made against the database.
pub fn field_error(field: &str, key: &'static str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.add(field, key);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(reason: &str) -> DecisionForm {
        DecisionForm {
            reason: reason.into(),
        }
    }

    #[test]
    fn a_required_reason_must_not_be_blank() {
        let errors = form("  \r\n ").validate(Some("missing")).unwrap_err();
        assert_eq!(errors.get("reason"), Some("missing"));
    }

    #[test]
    fn an_optional_reason_may_be_left_empty() {
        assert_eq!(form("   ").validate(None).unwrap(), None);
        assert_eq!(
            form(" Rõ ràng\r\nvà đầy đủ ").validate(None).unwrap(),
            Some("Rõ ràng\nvà đầy đủ".to_string())
        );
    }

    #[test]
    fn a_reason_may_have_2000_characters_but_not_more() {
        let longest = "ữ".repeat(MAX_REASON_CHARS);
        assert!(form(&longest).validate(Some("missing")).is_ok());
        let errors = form(&format!("{longest}a")).validate(None).unwrap_err();
        assert_eq!(errors.get("reason"), Some("review-error-reason-too-long"));
    }

    #[test]
    fn an_owner_email_must_be_given_and_look_like_one() {
        let missing = MemberForm { email: " ".into() }.validate().unwrap_err();
        assert_eq!(missing.get("email"), Some("review-error-email-missing"));
        let invalid = MemberForm {
            email: "no-at".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(invalid.get("email"), Some("review-error-email-invalid"));
        let ok = MemberForm {
            email: " Owner@Example.vn ".into(),
        };
        assert_eq!(ok.validate().unwrap(), "Owner@Example.vn");
    }
}
