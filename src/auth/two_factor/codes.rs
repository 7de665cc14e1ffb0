//! The arithmetic of the second factor, without the database: TOTP secrets and codes
//! (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, as every authenticator app expects),
//! the enrolment QR code, and recovery codes.

use qrcode::QrCode;
use qrcode::render::svg;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;
const DIGITS: usize = 6;
/// A code from the step before or after is accepted too: phones' clocks drift.
const ALLOWED_DRIFT_STEPS: i64 = 1;
const ISSUER: &str = "knowbridge";
pub const RECOVERY_CODE_COUNT: usize = 10;

/// A new random 160-bit secret (RFC 4226's recommended length), base32 as apps show it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    base32_of(&bytes)
}

fn base32_of(bytes: &[u8]) -> String {
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => unreachable!("to_encoded returns the encoded form"),
    }
}

fn totp_for(secret_base32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, DIGITS, 0, STEP_SECS, bytes).ok()
}

/// The 30-second step a Unix time falls in.
pub fn step_at(unix_secs: u64) -> i64 {
    (unix_secs / STEP_SECS) as i64
}

/// The code an authenticator shows during `step`.
pub fn code_at_step(secret_base32: &str, step: i64) -> Option<String> {
    let totp = totp_for(secret_base32)?;
    Some(totp.generate(step.max(0) as u64 * STEP_SECS))
}

/// The step whose code `typed` is, if it is one of the steps around `now_step` and newer than
/// `last_used_step` (so a code cannot be used twice, even within its 30 seconds).
pub fn matching_step(
    secret_base32: &str,
    typed: &str,
    now_step: i64,
    last_used_step: Option<i64>,
) -> Option<i64> {
    let typed = normalise_totp(typed)?;
    let totp = totp_for(secret_base32)?;
    (now_step - ALLOWED_DRIFT_STEPS..=now_step + ALLOWED_DRIFT_STEPS)
        .filter(|step| last_used_step.is_none_or(|last| *step > last))
        .find(|step| {
            let expected = totp.generate(*step as u64 * STEP_SECS);
            bool::from(expected.as_bytes().ct_eq(typed.as_bytes()))
        })
}

/// Six digits, forgiving the spaces some apps show in the middle ("123 456").
pub fn normalise_totp(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == DIGITS && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn provisioning_uri(secret_base32: &str, account: &str) -> String {
    // Key URI format: the label is "issuer:account", percent-encoded (a space as %20, not +).
    let encode = |text: &str| {
        url::form_urlencoded::byte_serialize(text.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("secret", secret_base32)
        .append_pair("issuer", ISSUER)
        .append_pair("algorithm", "SHA1")
        .append_pair("digits", &DIGITS.to_string())
        .append_pair("period", &STEP_SECS.to_string())
        .finish();
    format!(
        "otpauth://totp/{}:{}?{query}",
        encode(ISSUER),
        encode(account)
    )
}

/// The QR code of `uri` as an inline SVG element (no XML declaration, scales with its box).
/// It holds only our own path data, so the template may insert it unescaped.
pub fn qr_svg(uri: &str) -> String {
    let code = QrCode::new(uri.as_bytes()).expect("an otpauth URI fits in a QR code");
    let image = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let start = image.find("<svg").unwrap_or(0);
    image[start..].replacen("<svg ", "<svg class=\"qr-code\" aria-hidden=\"true\" ", 1)
}

/// The secret in groups of four, as people copy it into an app by hand.
pub fn grouped(secret_base32: &str) -> String {
    secret_base32
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ten new recovery codes, e.g. `k7m2q-9xw4p`: 50 random bits each, from an alphabet without
/// look-alike characters (no 0/o, 1/l/i).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).expect("the operating system's random source");
            let chars: String = bytes
                .iter()
                .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// What is stored of a recovery code: the SHA-256 of its letters and digits, lower case, so
/// that dashes, spaces and capitals typed by the user do not matter.
pub fn recovery_code_hash(typed: &str) -> Vec<u8> {
    let normal: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(normal.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 vectors (secret "12345678901234567890"), last six digits.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = base32_of(b"12345678901234567890");
        for (time, code) in [
            (59, "287082"),
            (1111111109, "081804"),
            (1234567890, "005924"),
            (2000000000, "279037"),
        ] {
            assert_eq!(code_at_step(&secret, step_at(time)).unwrap(), code);
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_never_twice() {
        let secret = new_secret();
        let now = 1_000_000;
        let code = code_at_step(&secret, now - 1).unwrap();
        assert_eq!(matching_step(&secret, &code, now, None), Some(now - 1));
        assert_eq!(matching_step(&secret, &code, now, Some(now - 1)), None);
        let old = code_at_step(&secret, now - 2).unwrap();
        assert_eq!(matching_step(&secret, &old, now, None), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(matching_step(&secret, &spaced, now, None), Some(now - 1));
        assert_eq!(matching_step(&secret, "12345", now, None), None);
    }

    #[test]
    fn secrets_are_160_bits_of_base32() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        assert_ne!(secret, new_secret());
        assert_eq!(grouped("ABCDEFGH12"), "ABCD EFGH 12");
    }

    #[test]
    fn recovery_codes_are_distinct_and_forgiving_to_type() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());
        let code = &codes[0];
        assert_eq!(
            recovery_code_hash(code),
            recovery_code_hash(&format!(" {} ", code.to_uppercase().replace('-', " ")))
        );
    }

    #[test]
    fn the_uri_names_issuer_and_account_and_the_qr_is_inline_svg() {
        let uri = provisioning_uri("JBSWY3DPEHPK3PXP", "an@example.org");
        assert!(
            uri.starts_with("otpauth://totp/knowbridge:an%40example.org?secret=JBSWY3DPEHPK3PXP")
        );
        assert!(uri.contains("issuer=knowbridge"));
        let svg = qr_svg(&uri);
        assert!(svg.starts_with("<svg class=\"qr-code\""));
        assert!(!svg.contains("<?xml"));
    }
}
