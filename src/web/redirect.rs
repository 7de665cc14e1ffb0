//! Redirects after a form post, and the check that keeps `next`/`return_to` on this site.

use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};

/// 303 See Other: the browser follows with a GET, so a reload never re-posts the form.
pub fn see_other(path: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, path.to_string())]).into_response()
}

/// `candidate` if it is a path on this site, else `fallback`. Refuses `//host`, `/\host`,
/// absolute URLs and anything with control characters, which browsers may treat as off-site.
pub fn safe_local_path<'a>(candidate: Option<&'a str>, fallback: &'a str) -> &'a str {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control() || c == '\\') =>
        {
            path
        }
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_local_path(Some("/problems?page=2"), "/"),
            "/problems?page=2"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "evil",
            "/a\nb",
        ] {
            assert_eq!(safe_local_path(Some(bad), "/"), "/", "{bad}");
        }
        assert_eq!(safe_local_path(None, "/home"), "/home");
    }
}
