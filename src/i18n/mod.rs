//! Three languages: Vietnamese (the default), Japanese and English.
//!
//! Message catalogues are Fluent files under `locales/{vi,ja,en}/main.ftl`, compiled into the
//! binary. Handlers and templates receive a [`Locale`] per request; nothing here is mutable.

mod dates;
mod negotiate;

pub use dates::{format_date, format_datetime};
pub use negotiate::negotiate;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static CATALOGUES = {
        locales: "./locales",
        fallback_language: "vi",
        // Without this Fluent wraps every argument in invisible U+2068/U+2069 marks.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    Vi,
    Ja,
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Vi, Locale::Ja, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Locale::Vi),
            "ja" => Some(Locale::Ja),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The language's name written in that language, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Vi => "Tiếng Việt",
            Locale::Ja => "日本語",
            Locale::En => "English",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        self.code().parse().expect("static language tags parse")
    }

    /// The message for `key`; a missing key shows the key itself (and a test fails first).
    pub fn t(self, key: &str) -> String {
        CATALOGUES
            .try_lookup(&self.langid(), key)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message for `key` with named arguments, e.g. `t_args("welcome", &[("name", n)])`.
    pub fn t_args(self, key: &str, args: &[(&str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.to_string()), FluentValue::from(*value)))
            .collect();
        CATALOGUES
            .try_lookup_with_args(&self.langid(), key, &args)
            .unwrap_or_else(|| key.to_string())
    }
}

impl Locale {
    /// The message for `key` with one numeric argument, so that the catalogue can choose the
    /// plural form (`{ $minutes -> [one] … *[other] … }`); string arguments cannot select one.
    pub fn t_count(self, key: &str, name: &str, count: u64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(
            Cow::Owned(name.to_string()),
            FluentValue::from(count as f64),
        );
        CATALOGUES
            .try_lookup_with_args(&self.langid(), key, &args)
            .unwrap_or_else(|| key.to_string())
    }
}

/// Every message key of one language: the keys of all `.ftl` files in `locales/<code>/`
/// (one file per feature), for the completeness tests.
pub fn all_catalogue_keys(locale: Locale) -> Vec<String> {
    let dir = format!("{}/locales/{}", env!("CARGO_MANIFEST_DIR"), locale.code());
    let mut keys = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
    {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        keys.extend(catalogue_keys(&source));
    }
    keys
}

/// The message keys defined in one catalogue file, for the completeness test.
pub fn catalogue_keys(ftl_source: &str) -> Vec<String> {
    ftl_source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('='))
        .map(|(key, _)| key.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn counts_choose_their_plural_form() {
        assert_eq!(
            Locale::En.t_count("error-retry-after", "minutes", 1),
            "You can try again in 1 minute."
        );
        assert_eq!(
            Locale::En.t_count("error-retry-after", "minutes", 5),
            "You can try again in 5 minutes."
        );
        assert!(
            Locale::Vi
                .t_count("error-retry-after", "minutes", 5)
                .contains('5')
        );
    }

    fn keys(locale: Locale) -> BTreeSet<String> {
        let keys = all_catalogue_keys(locale);
        let unique: BTreeSet<String> = keys.iter().cloned().collect();
        assert_eq!(
            unique.len(),
            keys.len(),
            "{}: a key is defined twice",
            locale.code()
        );
        unique
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let vi = keys(Locale::Vi);
        for locale in [Locale::Ja, Locale::En] {
            let other = keys(locale);
            let missing: Vec<_> = vi.difference(&other).collect();
            let extra: Vec<_> = other.difference(&vi).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code());
            assert!(
                extra.is_empty(),
                "{} has keys vi lacks: {extra:?}",
                locale.code()
            );
        }
    }

    fn variable_names(locale: Locale) -> BTreeSet<String> {
        let dir = format!("{}/locales/{}", env!("CARGO_MANIFEST_DIR"), locale.code());
        let mut names = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            let source = std::fs::read_to_string(entry.path()).unwrap();
            for piece in source.split('$').skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                names.insert(name);
            }
        }
        names
    }

    #[test]
    fn every_key_resolves_without_fallback_in_every_language() {
        for locale in Locale::ALL {
            for key in keys(locale) {
                // Every variable any message uses, so each message can be formatted.
                let names = variable_names(locale);
                let args: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "x")).collect();
                let text = locale.t_args(&key, &args);
                assert_ne!(text, key, "{} cannot render {key}", locale.code());
            }
        }
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let text = Locale::En.t_args("home-signed-in-as", &[("name", "Nguyễn Văn A")]);
        assert!(text.contains("Nguyễn Văn A"));
        assert!(!text.contains('\u{2068}'));
    }
}
