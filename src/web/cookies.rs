//! The one place where cookies are read and written, so every cookie gets the same flags.

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};

use crate::config::Config;

pub const SESSION: &str = "kb_session";
pub const CSRF: &str = "kb_csrf";
pub const LANGUAGE: &str = "kb_lang";
pub const FLASH: &str = "kb_flash";

/// The value of cookie `name` in the request, if present.
pub fn read<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value. Every cookie is HttpOnly and SameSite=Lax, and Secure over https.
/// `max_age_secs: None` makes a browser-session cookie; `Some(0)` deletes the cookie.
pub fn build(config: &Config, name: &str, value: &str, max_age_secs: Option<u64>) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if config.secure_cookies() {
        cookie.push_str("; Secure");
    }
    if let Some(age) = max_age_secs {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&cookie).expect("cookie names and values are ASCII tokens")
}

pub fn append(headers: &mut HeaderMap, cookie: HeaderValue) {
    headers.append(SET_COOKIE, cookie);
}

/// True when the response already sets cookie `name` (so middleware must not overwrite it).
pub fn is_set_in(headers: &HeaderMap, name: &str) -> bool {
    let prefix = format!("{name}=");
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_cookie_among_many() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("a=1; kb_session=xyz; b=2"));
        assert_eq!(read(&headers, SESSION), Some("xyz"));
        assert_eq!(read(&headers, "missing"), None);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_over_https() {
        let config =
            Config::from_lookup(|n| (n == "BASE_URL").then(|| "https://example.org".to_string()))
                .unwrap();
        let cookie = build(&config, SESSION, "v", None);
        let text = cookie.to_str().unwrap();
        assert!(text.contains("HttpOnly") && text.contains("SameSite=Lax"));
        assert!(text.contains("Secure"));
    }
}
