//! The organisation registration form: what the browser sent, and its validation.

use crate::orgs::model::{NewOrg, OrgKind, is_website, normalise_country};
use crate::web::forms::{FieldErrors, RawForm, clean_text};

const MAX_NAME_CHARS: usize = 200;
const MAX_WEBSITE_CHARS: usize = 500;

/// The form as typed, kept for re-rendering.
#[derive(Clone, Debug)]
pub struct OrgForm {
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: String,
    pub kind: String,
    pub country: String,
    pub website: String,
}

impl Default for OrgForm {
    fn default() -> Self {
        OrgForm {
            name_vi: String::new(),
            name_en: String::new(),
            name_ja: String::new(),
            kind: String::new(),
            // The pilot's organisations are Vietnamese.
            country: "VN".into(),
            website: String::new(),
        }
    }
}

impl OrgForm {
    pub fn from_raw(raw: &RawForm) -> OrgForm {
        let text = |name: &str| clean_text(raw.one(name));
        OrgForm {
            name_vi: text("name_vi"),
            name_en: text("name_en"),
            name_ja: text("name_ja"),
            kind: text("kind"),
            country: text("country"),
            website: text("website"),
        }
    }

    pub fn validate(&self) -> Result<NewOrg, FieldErrors> {
        let mut errors = FieldErrors::new();
        name(
            &mut errors,
            "name_vi",
            &self.name_vi,
            Some("error-org-name-vi-missing"),
        );
        name(
            &mut errors,
            "name_en",
            &self.name_en,
            Some("error-org-name-en-missing"),
        );
        name(&mut errors, "name_ja", &self.name_ja, None);
        let kind = OrgKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "error-org-kind-missing");
        }
        let country = normalise_country(&self.country);
        if country.is_none() {
            errors.add("country", "error-org-country-invalid");
        }
        let website_ok = self.website.is_empty()
            || (self.website.chars().count() <= MAX_WEBSITE_CHARS && is_website(&self.website));
        if !website_ok {
            errors.add("website", "error-org-website-invalid");
        }
        match (kind, country) {
            (Some(kind), Some(country_code)) if errors.is_empty() => Ok(NewOrg {
                name_vi: self.name_vi.clone(),
                name_en: self.name_en.clone(),
                name_ja: (!self.name_ja.is_empty()).then(|| self.name_ja.clone()),
                kind,
                country_code,
                website: (!self.website.is_empty()).then(|| self.website.clone()),
            }),
            _ => Err(errors),
        }
    }
}

/// A name: required when `missing` is given, at most 200 characters.
fn name(errors: &mut FieldErrors, field: &'static str, value: &str, missing: Option<&'static str>) {
    match missing {
        Some(key) if value.is_empty() => errors.add(field, key),
        _ if value.chars().count() > MAX_NAME_CHARS => errors.add(field, "error-org-name-too-long"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> OrgForm {
        OrgForm {
            name_vi: "Bộ Khoa học và Công nghệ".into(),
            name_en: "Ministry of Science and Technology".into(),
            name_ja: String::new(),
            kind: "ministry".into(),
            country: "vn".into(),
            website: "https://most.gov.vn".into(),
        }
    }

    #[test]
    fn a_complete_form_becomes_an_organisation() {
        let org = valid().validate().unwrap();
        assert_eq!(org.country_code, "VN");
        assert_eq!(org.name_ja, None);
        assert_eq!(org.kind, OrgKind::Ministry);
    }

    #[test]
    fn each_rule_reports_on_its_own_field() {
        type Case = (fn(&mut OrgForm), &'static str, &'static str);
        let cases: [Case; 6] = [
            (
                |f| f.name_vi.clear(),
                "name_vi",
                "error-org-name-vi-missing",
            ),
            (
                |f| f.name_en.clear(),
                "name_en",
                "error-org-name-en-missing",
            ),
            (
                |f| f.name_ja = "x".repeat(201),
                "name_ja",
                "error-org-name-too-long",
            ),
            (|f| f.kind = "club".into(), "kind", "error-org-kind-missing"),
            (
                |f| f.country = "VNM".into(),
                "country",
                "error-org-country-invalid",
            ),
            (
                |f| f.website = "most.gov.vn".into(),
                "website",
                "error-org-website-invalid",
            ),
        ];
        for (change, field, key) in cases {
            let mut form = valid();
            change(&mut form);
            let errors = form.validate().unwrap_err();
            assert_eq!(errors.get(field), Some(key), "{field}");
        }
    }
}
