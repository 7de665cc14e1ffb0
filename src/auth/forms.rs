//! The account forms and their validation. Errors are message keys, shown beside each field.

use serde::Deserialize;

use crate::auth::password::weakness;
use crate::web::forms::{FieldErrors, clean_text, is_plausible_email};

pub const MAX_DISPLAY_NAME_CHARS: usize = 100;
/// Longer than any passphrase a person types; stops megabyte "passwords" before hashing.
pub const MAX_PASSWORD_CHARS: usize = 1000;

#[derive(Clone, Debug, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub account_kind: String,
}

impl RegisterForm {
    /// Cleans the text fields in place, then checks every field.
    pub fn validate(&mut self) -> FieldErrors {
        self.email = self.email.trim().to_string();
        self.display_name = clean_text(&self.display_name);
        let mut errors = FieldErrors::new();
        if !matches!(self.account_kind.as_str(), "scientist" | "owner") {
            errors.add("account_kind", "error-account-kind-missing");
        }
        match self.display_name.chars().count() {
            0 => errors.add("display_name", "error-display-name-missing"),
            n if n > MAX_DISPLAY_NAME_CHARS => {
                errors.add("display_name", "error-display-name-too-long")
            }
            _ => {}
        }
        check_email(&self.email, &mut errors);
        check_new_password(&self.password, &self.password_confirm, &mut errors);
        errors
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub next: String,
}

impl LoginForm {
    pub fn validate(&mut self) -> FieldErrors {
        self.email = self.email.trim().to_string();
        let mut errors = FieldErrors::new();
        if self.email.is_empty() {
            errors.add("email", "error-email-missing");
        }
        if self.password.is_empty() {
            errors.add("password", "error-password-missing");
        }
        errors
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub email: String,
}

impl ForgotForm {
    pub fn validate(&mut self) -> FieldErrors {
        self.email = self.email.trim().to_string();
        let mut errors = FieldErrors::new();
        check_email(&self.email, &mut errors);
        errors
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
}

impl ResetForm {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        check_new_password(&self.password, &self.password_confirm, &mut errors);
        errors
    }
}

fn check_email(email: &str, errors: &mut FieldErrors) {
    if email.is_empty() {
        errors.add("email", "error-email-missing");
    } else if !is_plausible_email(email) {
        errors.add("email", "error-email-invalid");
    }
}

fn check_new_password(password: &str, confirm: &str, errors: &mut FieldErrors) {
    if password.is_empty() {
        errors.add("password", "error-password-missing");
    } else if password.chars().count() > MAX_PASSWORD_CHARS {
        errors.add("password", "limits-password-too-long");
    } else if let Some(key) = weakness(password) {
        errors.add("password", key);
    }
    if confirm.is_empty() {
        errors.add("password_confirm", "error-password-confirm-missing");
    } else if confirm != password {
        errors.add("password_confirm", "error-password-mismatch");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RegisterForm {
        RegisterForm {
            email: " an@example.jp ".into(),
            password: "a sturdy passphrase 2026".into(),
            password_confirm: "a sturdy passphrase 2026".into(),
            display_name: "Nguyễn Thị Ngọc Ánh".into(),
            account_kind: "scientist".into(),
        }
    }

    #[test]
    fn a_complete_registration_passes_and_is_cleaned() {
        let mut form = valid();
        assert!(form.validate().is_empty());
        assert_eq!(form.email, "an@example.jp");
    }

    #[test]
    fn every_field_reports_its_own_error() {
        let mut form = RegisterForm::default();
        let errors = form.validate();
        assert_eq!(
            errors.get("account_kind"),
            Some("error-account-kind-missing")
        );
        assert_eq!(
            errors.get("display_name"),
            Some("error-display-name-missing")
        );
        assert_eq!(errors.get("email"), Some("error-email-missing"));
        assert_eq!(errors.get("password"), Some("error-password-missing"));
        assert_eq!(
            errors.get("password_confirm"),
            Some("error-password-confirm-missing")
        );
    }

    #[test]
    fn mismatched_confirmation_is_refused() {
        let mut form = valid();
        form.password_confirm = "something else entirely".into();
        assert_eq!(
            form.validate().get("password_confirm"),
            Some("error-password-mismatch")
        );
    }
}
