//! The administration forms and their validation: a hub, a new staff account, a staff member's
//! hubs, and the reason for disabling an account. Texts are trimmed and NFC-normalised; errors
//! are message keys keyed by the input's id.

use serde::Deserialize;

use crate::auth::forms::MAX_DISPLAY_NAME_CHARS;
use crate::staff::admin::countries::is_country_code;
use crate::web::forms::{FieldErrors, RawForm, clean_text, is_plausible_email};

pub const MAX_HUB_NAME_CHARS: usize = 100;
pub const MAX_REASON_CHARS: usize = 2000;
/// The languages an invitation can be written in (and the account's preferred language).
pub const LOCALES: [&str; 3] = ["vi", "ja", "en"];

/// A hub as typed. On the edit page only the three names are read.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct HubForm {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub country_code: String,
    #[serde(default)]
    pub name_vi: String,
    #[serde(default)]
    pub name_ja: String,
    #[serde(default)]
    pub name_en: String,
}

impl HubForm {
    /// Cleans every field in place and checks it. Codes are forgiving about case and stray
    /// spaces ("KR " becomes "kr" and "KR"), as GOV.UK asks for codes.
    pub fn validate_new(&mut self) -> FieldErrors {
        self.code = self.code.trim().to_ascii_lowercase();
        self.country_code = self.country_code.trim().to_ascii_uppercase();
        let mut errors = FieldErrors::new();
        if self.code.is_empty() {
            errors.add("code", "admin-error-hub-code-missing");
        } else if !is_hub_code(&self.code) {
            errors.add("code", "admin-error-hub-code-format");
        }
        if self.country_code.is_empty() {
            errors.add("country_code", "admin-error-hub-country-missing");
        } else if !is_country_code(&self.country_code) {
            errors.add("country_code", "admin-error-hub-country-invalid");
        }
        self.check_names(&mut errors);
        errors
    }

    /// Cleans and checks the three names (the edit page).
    pub fn validate_names(&mut self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        self.check_names(&mut errors);
        errors
    }

    fn check_names(&mut self, errors: &mut FieldErrors) {
        self.name_vi = clean_text(&self.name_vi);
        self.name_ja = clean_text(&self.name_ja);
        self.name_en = clean_text(&self.name_en);
        let names = [
            ("name_vi", &self.name_vi, "admin-error-hub-name-vi-missing"),
            ("name_ja", &self.name_ja, "admin-error-hub-name-ja-missing"),
            ("name_en", &self.name_en, "admin-error-hub-name-en-missing"),
        ];
        for (field, value, missing) in names {
            match value.chars().count() {
                0 => errors.add(field, missing),
                n if n > MAX_HUB_NAME_CHARS => errors.add(field, "admin-error-hub-name-too-long"),
                _ => {}
            }
        }
    }
}

/// What the database accepts as a hub code: 2 to 8 lowercase ASCII letters.
fn is_hub_code(code: &str) -> bool {
    (2..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// A new staff account as typed; `hubs` repeats its name, one value per ticked box.
#[derive(Clone, Debug, Default)]
pub struct StaffForm {
    pub email: String,
    pub display_name: String,
    pub hubs: Vec<String>,
    pub locale: String,
}

impl StaffForm {
    pub fn from_raw(raw: &RawForm) -> StaffForm {
        StaffForm {
            email: raw.one("email").trim().to_string(),
            display_name: clean_text(raw.one("display_name")),
            hubs: hub_list(raw),
            locale: raw.one("locale").trim().to_string(),
        }
    }

    /// Checks every field; `known_hubs` are the codes the hub boxes offered.
    pub fn validate(&self, known_hubs: &[String]) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.email.is_empty() {
            errors.add("email", "admin-error-email-missing");
        } else if !is_plausible_email(&self.email) {
            errors.add("email", "admin-error-email-invalid");
        }
        match self.display_name.chars().count() {
            0 => errors.add("display_name", "admin-error-name-missing"),
            n if n > MAX_DISPLAY_NAME_CHARS => {
                errors.add("display_name", "admin-error-name-too-long")
            }
            _ => {}
        }
        check_hubs(&self.hubs, known_hubs, true, &mut errors);
        if !LOCALES.contains(&self.locale.as_str()) {
            errors.add("locale", "admin-error-locale-missing");
        }
        errors
    }
}

/// The hub boxes of a form, each code once, in the order sent.
pub fn hub_list(raw: &RawForm) -> Vec<String> {
    let mut hubs: Vec<String> = Vec::new();
    for code in raw.all("hubs").into_iter().map(str::trim) {
        if !code.is_empty() && !hubs.iter().any(|h| h == code) {
            hubs.push(code.to_string());
        }
    }
    hubs
}

/// At least one hub (when `required`), and only hubs that exist.
pub fn check_hubs(chosen: &[String], known: &[String], required: bool, errors: &mut FieldErrors) {
    if chosen.iter().any(|code| !known.contains(code)) {
        errors.add("hubs", "admin-error-hubs-unknown");
    } else if required && chosen.is_empty() {
        errors.add("hubs", "admin-error-hubs-missing");
    }
}

/// Why an account is being disabled: required, trimmed, NFC, at most 2,000 characters.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

impl ReasonForm {
    pub fn cleaned(&self) -> String {
        clean_text(&self.reason.replace("\r\n", "\n"))
    }

    pub fn validate(&self) -> Result<String, FieldErrors> {
        let reason = self.cleaned();
        let mut errors = FieldErrors::new();
        match reason.chars().count() {
            0 => errors.add("reason", "admin-error-reason-missing"),
            n if n > MAX_REASON_CHARS => errors.add("reason", "admin-error-reason-too-long"),
            _ => {}
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

    fn hub() -> HubForm {
        HubForm {
            code: " KR ".into(),
            country_code: "kr".into(),
            name_vi: " Ha\u{300}n Quô\u{301}c ".into(),
            name_ja: "韓国".into(),
            name_en: "Korea".into(),
        }
    }

    #[test]
    fn a_complete_hub_passes_and_is_cleaned() {
        let mut form = hub();
        assert!(form.validate_new().is_empty());
        assert_eq!(form.code, "kr");
        assert_eq!(form.country_code, "KR");
        assert_eq!(form.name_vi, "Hàn Quốc");
    }

    #[test]
    fn every_hub_field_reports_its_own_error() {
        let errors = HubForm::default().validate_new();
        assert_eq!(errors.get("code"), Some("admin-error-hub-code-missing"));
        assert_eq!(
            errors.get("country_code"),
            Some("admin-error-hub-country-missing")
        );
        assert_eq!(
            errors.get("name_vi"),
            Some("admin-error-hub-name-vi-missing")
        );
        assert_eq!(
            errors.get("name_ja"),
            Some("admin-error-hub-name-ja-missing")
        );
        assert_eq!(
            errors.get("name_en"),
            Some("admin-error-hub-name-en-missing")
        );
    }

    #[test]
    fn hub_codes_are_two_to_eight_letters_and_countries_must_exist() {
        for (code, ok) in [("k", false), ("kr", true), ("abcdefgh", true)] {
            let mut form = HubForm {
                code: code.into(),
                ..hub()
            };
            assert_eq!(form.validate_new().get("code").is_none(), ok, "{code}");
        }
        for code in ["abcdefghi", "k1", "k-r", "hàn"] {
            let mut form = HubForm {
                code: code.into(),
                ..hub()
            };
            assert_eq!(
                form.validate_new().get("code"),
                Some("admin-error-hub-code-format")
            );
        }
        let mut form = HubForm {
            country_code: "UK".into(),
            ..hub()
        };
        assert_eq!(
            form.validate_new().get("country_code"),
            Some("admin-error-hub-country-invalid")
        );
    }

    #[test]
    fn hub_names_may_have_100_characters_but_not_more() {
        let mut form = HubForm {
            name_ja: "国".repeat(MAX_HUB_NAME_CHARS),
            name_en: "a".repeat(MAX_HUB_NAME_CHARS + 1),
            ..hub()
        };
        let errors = form.validate_names();
        assert_eq!(errors.get("name_ja"), None);
        assert_eq!(errors.get("name_en"), Some("admin-error-hub-name-too-long"));
    }

    fn raw(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_staff_account_needs_every_field_and_a_known_hub() {
        let known = vec!["jp".to_string(), "kr".to_string()];
        let errors = StaffForm::from_raw(&raw(&[])).validate(&known);
        assert_eq!(errors.get("email"), Some("admin-error-email-missing"));
        assert_eq!(errors.get("display_name"), Some("admin-error-name-missing"));
        assert_eq!(errors.get("hubs"), Some("admin-error-hubs-missing"));
        assert_eq!(errors.get("locale"), Some("admin-error-locale-missing"));

        let form = StaffForm::from_raw(&raw(&[
            ("email", " lan@embassy.example "),
            ("display_name", "Trần Thị Lan"),
            ("hubs", "kr"),
            ("hubs", "kr"),
            ("hubs", "jp"),
            ("locale", "ja"),
        ]));
        assert!(form.validate(&known).is_empty());
        assert_eq!(form.email, "lan@embassy.example");
        assert_eq!(form.hubs, ["kr", "jp"]);

        let stranger = StaffForm {
            hubs: vec!["us".into()],
            ..form
        };
        assert_eq!(
            stranger.validate(&known).get("hubs"),
            Some("admin-error-hubs-unknown")
        );
    }

    #[test]
    fn a_reason_is_required_and_limited() {
        let blank = ReasonForm {
            reason: " \r\n ".into(),
        };
        assert_eq!(
            blank.validate().unwrap_err().get("reason"),
            Some("admin-error-reason-missing")
        );
        let long = ReasonForm {
            reason: "ữ".repeat(MAX_REASON_CHARS + 1),
        };
        assert_eq!(
            long.validate().unwrap_err().get("reason"),
            Some("admin-error-reason-too-long")
        );
        let ok = ReasonForm {
            reason: " Nghỉ việc\r\ntừ tháng 12 ".into(),
        };
        assert_eq!(ok.validate().unwrap(), "Nghỉ việc\ntừ tháng 12");
    }
}
