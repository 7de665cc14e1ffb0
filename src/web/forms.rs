//! Form helpers: errors keyed by field (messages are i18n keys), and text clean-up.

use unicode_normalization::UnicodeNormalization;

/// One problem with one field: the field's `name`/`id` and the message key to show beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The input's id: a field name, or `name-N` for the N-th of a repeated group.
    pub field: String,
    pub message_key: &'static str,
}

/// The errors of one form, in the order the fields appear.
#[derive(Clone, Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error; the first error recorded for a field wins.
    pub fn add(&mut self, field: impl Into<String>, message_key: &'static str) {
        let field = field.into();
        if self.get(&field).is_none() {
            self.0.push(FieldError { field, message_key });
        }
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message_key)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }
}

/// A form body as its list of (name, value) pairs, for forms with repeated names
/// (`fields=a&fields=b`), which `axum::Form` cannot collect into a `Vec`.
#[derive(Clone, Debug, Default)]
pub struct RawForm(pub Vec<(String, String)>);

impl RawForm {
    /// The first value of `name`, or "".
    pub fn one(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Reads the body; a form with more fields than `web::limits` allows (in all, or under one
/// name) is refused with a page that says so, before any handler loops over it.
impl<S: Send + Sync> axum::extract::FromRequest<S> for RawForm {
    type Rejection = axum::response::Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::http::StatusCode;
        use axum::response::IntoResponse;
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        if crate::web::limits::too_many_fields(&pairs) {
            tracing::info!(fields = pairs.len(), "form refused: too many fields");
            return Err(crate::web::limits::too_many_fields_response());
        }
        Ok(RawForm(pairs))
    }
}

/// Trims and normalises to NFC: some Vietnamese keyboards send combining marks, and we want
/// "Nguyễn" stored one way only.
pub fn clean_text(value: &str) -> String {
    value.trim().nfc().collect()
}

/// Lower-case-insensitive email check that matches what mail servers accept in practice:
/// one `@`, a non-empty local part, a dotted domain, no spaces, at most 254 characters.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_composed() {
        let decomposed = "  Nguye\u{0302}\u{0303}n ";
        assert_eq!(clean_text(decomposed), "Nguyễn");
    }

    #[test]
    fn emails_are_checked_for_shape() {
        assert!(is_plausible_email("an.nguyen@example.ac.jp"));
        for bad in [
            "",
            "no-at-sign",
            "@example.com",
            "a@b",
            "a b@example.com",
            "a@.com",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn first_error_per_field_wins() {
        let mut errors = FieldErrors::new();
        errors.add("email", "error-email-missing");
        errors.add("email", "error-email-invalid");
        assert_eq!(errors.get("email"), Some("error-email-missing"));
        assert_eq!(errors.iter().count(), 1);
    }
}
