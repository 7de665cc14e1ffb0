//! A scientist's expertise profile as the domain sees it: validated values, no I/O.

use time::Date;

/// Who may see a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Everyone, signed in or not.
    Public,
    /// Signed-in users whose email is verified.
    Members,
    /// Embassy staff and admins only.
    Staff,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Members, Visibility::Staff];

    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Members => "members",
            Visibility::Staff => "staff",
        }
    }

    pub fn parse(code: &str) -> Option<Visibility> {
        Visibility::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Visibility::Public => "visibility-public",
            Visibility::Members => "visibility-members",
            Visibility::Staff => "visibility-staff",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Publication {
    pub title: String,
    pub venue: Option<String>,
    pub year: Option<i32>,
    pub doi: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageSkill {
    pub language: String,
    pub level: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub full_name: String,
    pub name_reading: Option<String>,
    pub position: String,
    pub affiliation: String,
    pub hub_code: String,
    pub city: Option<String>,
    pub highest_degree: Option<String>,
    pub years_abroad: Option<i32>,
    pub fields: Vec<String>,
    pub keywords: Vec<String>,
    pub summary_md: String,
    pub languages: Vec<LanguageSkill>,
    pub engagement_kinds: Vec<String>,
    pub available_hours_per_month: Option<i32>,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    pub willing_to_travel: bool,
    pub orcid: Option<String>,
    pub researchmap_id: Option<String>,
    pub publications: Vec<Publication>,
    pub visibility: Visibility,
}

impl Profile {
    /// The message keys of what a complete profile has and this one lacks (for the
    /// completeness indicator); required fields are enforced by validation instead.
    pub fn missing(&self) -> Vec<&'static str> {
        let checks = [
            (self.summary_md.trim().is_empty(), "missing-summary"),
            (self.keywords.is_empty(), "missing-keywords"),
            (self.languages.is_empty(), "missing-languages"),
            (self.publications.is_empty(), "missing-publications"),
            (
                self.orcid.is_none() && self.researchmap_id.is_none(),
                "missing-identifiers",
            ),
            (
                self.available_hours_per_month.is_none(),
                "missing-availability",
            ),
        ];
        checks
            .into_iter()
            .filter(|(missing, _)| *missing)
            .map(|(_, key)| key)
            .collect()
    }

    /// Percentage of the recommended parts that are filled in.
    pub fn completeness_percent(&self) -> u8 {
        let total = 6;
        let done = total - self.missing().len();
        (done * 100 / total) as u8
    }
}

/// Normalises an ORCID iD ("https://orcid.org/0000-0002-1825-0097", spaces, lower-case x) to
/// `0000-0002-1825-0097` and checks its ISO 7064 MOD 11-2 check digit.
pub fn normalise_orcid(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let bare = trimmed
        .strip_prefix("https://orcid.org/")
        .or_else(|| trimmed.strip_prefix("http://orcid.org/"))
        .or_else(|| trimmed.strip_prefix("orcid.org/"))
        .unwrap_or(trimmed);
    let chars: Vec<char> = bare
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.len() != 16 || !chars[..15].iter().all(char::is_ascii_digit) {
        return None;
    }
    let check = chars[15];
    if check != orcid_check_digit(&chars[..15]) {
        return None;
    }
    let text: String = chars.iter().collect();
    Some(format!(
        "{}-{}-{}-{}",
        &text[0..4],
        &text[4..8],
        &text[8..12],
        &text[12..16]
    ))
}

/// ISO 7064 MOD 11-2 over the first 15 digits.
fn orcid_check_digit(digits: &[char]) -> char {
    let total = digits
        .iter()
        .fold(0u32, |total, d| (total + d.to_digit(10).unwrap_or(0)) * 2);
    match (12 - total % 11) % 11 {
        10 => 'X',
        n => char::from_digit(n, 10).unwrap_or('?'),
    }
}

/// Normalises a DOI ("https://doi.org/10.1000/xyz", "doi:10.1000/xyz") to `10.1000/xyz`, or
/// `None` if it does not look like one.
pub fn normalise_doi(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let lower = trimmed.to_ascii_lowercase();
    let start = [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "doi:",
    ]
    .iter()
    .find(|prefix| lower.starts_with(*prefix))
    .map(|prefix| prefix.len())
    .unwrap_or(0);
    let doi = trimmed[start..].trim();
    let (prefix, suffix) = doi.split_once('/')?;
    let registrant = prefix.strip_prefix("10.")?;
    let ok = (4..=9).contains(&registrant.len())
        && registrant.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !suffix.is_empty()
        && !doi.chars().any(char::is_whitespace);
    ok.then(|| doi.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_check_digits_are_verified() {
        // Examples from ORCID's own documentation.
        assert_eq!(
            normalise_orcid("0000-0002-1825-0097").as_deref(),
            Some("0000-0002-1825-0097")
        );
        assert_eq!(
            normalise_orcid("https://orcid.org/0000-0001-5109-3700").as_deref(),
            Some("0000-0001-5109-3700")
        );
        assert_eq!(
            normalise_orcid("0000 0002 1694 233x").as_deref(),
            Some("0000-0002-1694-233X")
        );
        assert_eq!(
            normalise_orcid("0000-0002-1825-0098"),
            None,
            "wrong check digit"
        );
        assert_eq!(normalise_orcid("0000-0002-1825"), None, "too short");
        assert_eq!(normalise_orcid("abcd-0002-1825-0097"), None);
    }

    #[test]
    fn dois_are_recognised_and_normalised() {
        assert_eq!(
            normalise_doi("10.1038/nphys1170").as_deref(),
            Some("10.1038/nphys1170")
        );
        assert_eq!(
            normalise_doi("https://doi.org/10.1109/5.771073").as_deref(),
            Some("10.1109/5.771073")
        );
        assert_eq!(
            normalise_doi("doi:10.1000/182").as_deref(),
            Some("10.1000/182")
        );
        assert_eq!(normalise_doi("11.1038/x"), None);
        assert_eq!(normalise_doi("10.1038/"), None);
        assert_eq!(normalise_doi("not a doi"), None);
    }
}
