//! Which language a request is answered in: the signed-in user's preference, then the
//! language-switch cookie, then the browser's `Accept-Language`, then Vietnamese.

use super::Locale;

pub fn negotiate(
    user_preference: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    user_preference
        .and_then(Locale::from_code)
        .or_else(|| cookie.and_then(Locale::from_code))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(Locale::Vi)
}

/// The supported language with the highest quality value in an `Accept-Language` header.
fn from_accept_language(header: &str) -> Option<Locale> {
    let mut best: Option<(f32, Locale)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let quality = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(locale) = Locale::from_code(primary) {
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, locale));
            }
        }
    }
    best.map(|(_, locale)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preference_beats_cookie_beats_header() {
        assert_eq!(negotiate(Some("ja"), Some("en"), Some("vi")), Locale::Ja);
        assert_eq!(negotiate(None, Some("en"), Some("ja")), Locale::En);
        assert_eq!(negotiate(None, None, Some("ja-JP,ja;q=0.9")), Locale::Ja);
    }

    #[test]
    fn vietnamese_when_nothing_is_known() {
        assert_eq!(negotiate(None, None, None), Locale::Vi);
        assert_eq!(
            negotiate(None, Some("fr"), Some("fr-FR,de;q=0.5")),
            Locale::Vi
        );
    }

    #[test]
    fn quality_values_order_the_header() {
        assert_eq!(
            negotiate(None, None, Some("fr;q=1, en;q=0.4, ja;q=0.8")),
            Locale::Ja
        );
        assert_eq!(negotiate(None, None, Some("ja;q=0, en")), Locale::En);
    }
}
