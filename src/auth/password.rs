//! Password hashing (argon2id, m=19 MiB, t=2, p=1) off the async threads, and the password policy.

use std::collections::HashSet;
use std::sync::OnceLock;

use anyhow::anyhow;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MIN_PASSWORD_CHARS: usize = 12;

/// Hashes and verifies passwords. Holds a hash of a random password so that checking an
/// unknown email costs the same as checking a wrong password.
pub struct PasswordHasher {
    dummy_hash: String,
    /// At most one hash per core at a time. Each takes 19 MiB and a core for about 0.1 s;
    /// more at once only queue for the cores, and every extra thread hashing leaves its own
    /// 19 MiB in the allocator (measured: 656 MiB resident after a burst of sign-ins without
    /// this bound; see bench/results).
    running: tokio::sync::Semaphore,
}

impl PasswordHasher {
    pub fn new() -> Self {
        let dummy = crate::auth::tokens::random_token();
        let dummy_hash = hash_blocking(&dummy).expect("hashing a fresh random password");
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        PasswordHasher {
            dummy_hash,
            running: tokio::sync::Semaphore::new(cores),
        }
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let password = password.to_string();
        let _turn = self.running.acquire().await?;
        tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
    }

    /// True when `password` matches `stored_hash`; with no stored hash it checks against the
    /// dummy hash and answers false, taking the same time.
    pub async fn verify(&self, password: &str, stored_hash: Option<&str>) -> bool {
        let (hash, known) = match stored_hash {
            Some(hash) => (hash.to_string(), true),
            None => (self.dummy_hash.clone(), false),
        };
        let password = password.to_string();
        let Ok(_turn) = self.running.acquire().await else {
            return false;
        };
        let matches = tokio::task::spawn_blocking(move || verify_blocking(&password, &hash))
            .await
            .unwrap_or(false);
        matches && known
    }
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

fn argon2() -> Argon2<'static> {
    // OWASP's minimum for argon2id; the crate's defaults today, pinned so an upgrade cannot
    // silently weaken them.
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    argon2()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow!("argon2 hashing failed: {e}"))
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Why a new password is refused, as a message key; `None` when it is acceptable.
pub fn weakness(password: &str) -> Option<&'static str> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Some("error-password-too-short")
    } else if is_common(password) {
        Some("error-password-common")
    } else {
        None
    }
}

/// The shipped list of common passwords (`data/common-passwords.txt`), compared case-insensitively.
fn is_common(password: &str) -> bool {
    static COMMON: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let list = COMMON.get_or_init(|| {
        include_str!("../../data/common-passwords.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    });
    list.contains(password.to_lowercase().trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_common_passwords_are_refused() {
        assert_eq!(weakness("short"), Some("error-password-too-short"));
        assert_eq!(weakness("password1234"), Some("error-password-common"));
        assert_eq!(weakness("PASSWORD1234"), Some("error-password-common"));
        assert_eq!(weakness("kiến thức cầu nối 2026"), None);
    }

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let hash = hash_blocking("a long enough passphrase").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking("a long enough passphrase", &hash));
        assert!(!verify_blocking("another passphrase here", &hash));
    }

    #[tokio::test]
    async fn unknown_users_never_verify() {
        let hasher = PasswordHasher::new();
        assert!(!hasher.verify("anything at all", None).await);
    }
}
