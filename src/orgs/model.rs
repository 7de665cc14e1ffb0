//! Organisations as the domain sees them: kinds, verification states, names in three
//! languages. No I/O.

use crate::i18n::Locale;

/// What an organisation is; the label comes from `problems.ftl` (`org-kind-…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgKind {
    Ministry,
    Agency,
    Locality,
    University,
    ResearchInstitute,
    Enterprise,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Ministry,
        OrgKind::Agency,
        OrgKind::Locality,
        OrgKind::University,
        OrgKind::ResearchInstitute,
        OrgKind::Enterprise,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Ministry => "ministry",
            OrgKind::Agency => "agency",
            OrgKind::Locality => "locality",
            OrgKind::University => "university",
            OrgKind::ResearchInstitute => "research_institute",
            OrgKind::Enterprise => "enterprise",
        }
    }

    pub fn parse(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            OrgKind::Ministry => "org-kind-ministry",
            OrgKind::Agency => "org-kind-agency",
            OrgKind::Locality => "org-kind-locality",
            OrgKind::University => "org-kind-university",
            OrgKind::ResearchInstitute => "org-kind-research-institute",
            OrgKind::Enterprise => "org-kind-enterprise",
        }
    }
}

/// Whether the embassy has checked that the organisation is who it says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgStatus {
    Unverified,
    Verified,
    Rejected,
}

impl OrgStatus {
    pub fn parse(code: &str) -> OrgStatus {
        match code {
            "verified" => OrgStatus::Verified,
            "rejected" => OrgStatus::Rejected,
            _ => OrgStatus::Unverified,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            OrgStatus::Unverified => "org-status-unverified",
            OrgStatus::Verified => "org-status-verified",
            OrgStatus::Rejected => "org-status-rejected",
        }
    }

    /// What the state means for the organisation's problems, when that needs saying.
    pub fn note_key(self) -> Option<&'static str> {
        match self {
            OrgStatus::Unverified => Some("org-unverified-note"),
            OrgStatus::Verified => None,
            OrgStatus::Rejected => Some("org-rejected-note"),
        }
    }

    pub fn tag_class(self) -> &'static str {
        match self {
            OrgStatus::Unverified => "tag--yellow",
            OrgStatus::Verified => "tag--green",
            OrgStatus::Rejected => "tag--red",
        }
    }
}

/// A validated registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOrg {
    pub name_vi: String,
    pub name_en: String,
    pub name_ja: Option<String>,
    pub kind: OrgKind,
    pub country_code: String,
    pub website: Option<String>,
}

/// The name to show a reader of `locale`, and the language it is written in (for `lang`):
/// Vietnamese and English names always exist, the Japanese one only sometimes.
pub fn name_for<'a>(
    locale: Locale,
    name_vi: &'a str,
    name_en: &'a str,
    name_ja: Option<&'a str>,
) -> (&'a str, &'static str) {
    match (locale, name_ja) {
        (Locale::Vi, _) => (name_vi, "vi"),
        (Locale::Ja, Some(ja)) if !ja.is_empty() => (ja, "ja"),
        _ => (name_en, "en"),
    }
}

/// An ISO 3166-1 alpha-2 code, upper-cased: "vn" and " VN " become "VN".
pub fn normalise_country(input: &str) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())).then_some(code)
}

/// A website address we can link to: http(s), with a host, no spaces.
pub fn is_website(input: &str) -> bool {
    let lower = input.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !input.chars().any(|c| c.is_whitespace() || c.is_control())
        && url::Url::parse(input)
            .ok()
            .and_then(|u| u.host_str().map(|h| h.contains('.')))
            .unwrap_or(false)
}

/// The message key of a country's name, for the few countries the pilot meets; others are
/// shown by their code.
pub fn country_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "VN" => "country-vn",
        "JP" => "country-jp",
        "KR" => "country-kr",
        "US" => "country-us",
        "DE" => "country-de",
        "FR" => "country-fr",
        "GB" => "country-gb",
        "AU" => "country-au",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.code()), Some(kind));
        }
        assert_eq!(OrgKind::parse("club"), None);
    }

    #[test]
    fn countries_are_two_letters() {
        assert_eq!(normalise_country(" vn ").as_deref(), Some("VN"));
        for bad in ["", "V", "VNM", "V1", "Việt"] {
            assert_eq!(normalise_country(bad), None, "{bad}");
        }
    }

    #[test]
    fn websites_need_a_scheme_and_a_host() {
        assert!(is_website("https://most.gov.vn"));
        assert!(is_website("http://www.example.com/path?q=1"));
        for bad in [
            "most.gov.vn",
            "ftp://most.gov.vn",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.com",
            "https://localhost",
        ] {
            assert!(!is_website(bad), "{bad}");
        }
    }

    #[test]
    fn names_follow_the_reader_and_fall_back_to_english() {
        let vi = "Bộ Khoa học và Công nghệ";
        let en = "Ministry of Science and Technology";
        assert_eq!(name_for(Locale::Vi, vi, en, None), (vi, "vi"));
        assert_eq!(name_for(Locale::Ja, vi, en, Some("科学技術省")).1, "ja");
        assert_eq!(name_for(Locale::Ja, vi, en, None), (en, "en"));
        assert_eq!(name_for(Locale::En, vi, en, Some("科学技術省")), (en, "en"));
    }
}
