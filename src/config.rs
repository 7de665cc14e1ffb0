//! Configuration from the environment, with defaults that work on a developer machine.
//!
//! | variable | default | meaning |
//! | --- | --- | --- |
//! | `DATABASE_URL` | `postgres://postgres@127.0.0.1:5432/knowbridge` | PostgreSQL; the database is created if missing |
//! | `BIND` | `127.0.0.1:8080` | address the HTTP server listens on |
//! | `BASE_URL` | `http://{BIND}` | public URL, used in emails; `https://` makes cookies `Secure` |
//! | `SMTP_URL` | unset | e.g. `smtp://user:pass@host:587`; unset = emails are written to the log |
//! | `MAIL_FROM` | `knowbridge <no-reply@knowbridge.invalid>` | sender of outgoing email |
//! | `LOG` | `info,knowbridge=debug` | tracing filter |
//! | `TRUST_PROXY_HEADERS` | `false` | take the client address from `X-Forwarded-For` (only behind our own proxy) |
//! | `SESSION_IDLE_MINUTES` | `30` | a session ends after this long without a request |
//! | `SESSION_ABSOLUTE_HOURS` | `12` | a session ends this long after sign-in, whatever happens |
//! | `STATIC_DIR` | `./static` (else the crate's `static/`) | stylesheet and images |
//! | `HEADER_TIMEOUT_SECS` | `10` | a client must send a request's headers within this time (from connecting, or from its first byte on a kept-alive connection); slow clients are disconnected |
//! | `IDLE_TIMEOUT_SECS` | `60` | a connection on which no byte moves either way for this long is closed |
//! | `BODY_TIMEOUT_SECS` | `20` | a form must be received within this time of its headers (answered 408) |
//! | `EXPENSIVE_CONCURRENCY` | twice the CPU cores, 2 to 8 | searches, candidate lists, recommendations and CSV exports served at once; more wait (see below), then get a 503 "busy" page |
//! | `EXPENSIVE_PER_CLIENT` | `2` | of those, at once for one client (a signed-in account, else an address), so one client cannot starve the rest |
//! | `EXPENSIVE_WAIT_MS` | `2000` | how long an expensive request waits for its turn before the "busy" page |

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use url::Url;

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/knowbridge";

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub base_url: Url,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub log: String,
    pub trust_proxy_headers: bool,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub static_dir: PathBuf,
    pub limits: RequestLimits,
}

/// Limits against slow or greedy clients (`web/limits.rs` enforces them).
#[derive(Clone, Debug)]
pub struct RequestLimits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub body_timeout: Duration,
    pub expensive_concurrency: usize,
    pub expensive_per_client: usize,
    pub expensive_wait: Duration,
}

impl RequestLimits {
    fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        // The expensive requests are CPU-bound in PostgreSQL on the same machine: more than
        // about two per core only queue inside the database while holding connections that
        // cheap pages need. Eight at most leaves half of the pool of 16 to everything else.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let concurrency = (2 * cores).clamp(2, 8);
        Ok(RequestLimits {
            header_timeout: seconds(get("HEADER_TIMEOUT_SECS"), 10)?,
            idle_timeout: seconds(get("IDLE_TIMEOUT_SECS"), 60)?,
            body_timeout: seconds(get("BODY_TIMEOUT_SECS"), 20)?,
            expensive_concurrency: count(get("EXPENSIVE_CONCURRENCY"), concurrency)?,
            expensive_per_client: count(get("EXPENSIVE_PER_CLIENT"), 2)?,
            expensive_wait: Duration::from_millis(number(get("EXPENSIVE_WAIT_MS"), 2000)?),
        })
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Builds a configuration from any lookup function, so tests need no environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let bind = get("BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        let base_url = get("BASE_URL").unwrap_or_else(|| format!("http://{bind}"));
        let base_url = Url::parse(&base_url).context("BASE_URL is not a URL")?;
        Ok(Config {
            database_url: get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            bind,
            base_url,
            smtp_url: get("SMTP_URL"),
            mail_from: get("MAIL_FROM")
                .unwrap_or_else(|| "knowbridge <no-reply@knowbridge.invalid>".into()),
            log: get("LOG").unwrap_or_else(|| "info,knowbridge=debug".into()),
            trust_proxy_headers: parse_bool(get("TRUST_PROXY_HEADERS").as_deref())?,
            session_idle: minutes(get("SESSION_IDLE_MINUTES"), 30)?,
            session_absolute: minutes(get("SESSION_ABSOLUTE_HOURS"), 12)? * 60,
            static_dir: get("STATIC_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(default_static_dir),
            limits: RequestLimits::from_lookup(&get)?,
        })
    }

    /// Cookies get the `Secure` flag (and the `__Host-` prefix) when we are served over https.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.scheme() == "https"
    }

    /// The origin browsers send in the `Origin` header, e.g. `https://knowbridge.example`.
    pub fn origin(&self) -> String {
        self.base_url.origin().ascii_serialization()
    }

    /// An absolute link for emails, e.g. `link("/verify-email?token=…")`.
    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.origin(), path_and_query)
    }
}

fn parse_bool(value: Option<&str>) -> anyhow::Result<bool> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no" | "off") => Ok(false),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some(other) => anyhow::bail!("expected true or false, got {other:?}"),
    }
}

fn minutes(value: Option<String>, default: u64) -> anyhow::Result<Duration> {
    let n = match value {
        Some(v) => v
            .parse::<u64>()
            .with_context(|| format!("not a number: {v}"))?,
        None => default,
    };
    Ok(Duration::from_secs(n * 60))
}

fn number(value: Option<String>, default: u64) -> anyhow::Result<u64> {
    match value {
        Some(v) => v
            .parse::<u64>()
            .with_context(|| format!("not a number: {v}")),
        None => Ok(default),
    }
}

fn seconds(value: Option<String>, default: u64) -> anyhow::Result<Duration> {
    let n = number(value, default)?;
    anyhow::ensure!(n > 0, "a timeout must be at least one second");
    Ok(Duration::from_secs(n))
}

/// A count of at least one.
fn count(value: Option<String>, default: usize) -> anyhow::Result<usize> {
    let n = number(value, default as u64)?;
    anyhow::ensure!(n > 0, "must be at least 1");
    Ok(usize::try_from(n)?)
}

fn default_static_dir() -> PathBuf {
    let local = PathBuf::from("static");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_environment() {
        let config = Config::from_lookup(|_| None).unwrap();
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert_eq!(config.origin(), "http://127.0.0.1:8080");
        assert_eq!(config.session_idle, Duration::from_secs(30 * 60));
        assert_eq!(config.session_absolute, Duration::from_secs(12 * 3600));
        assert!(!config.secure_cookies());
        assert_eq!(config.limits.header_timeout, Duration::from_secs(10));
        assert!((2..=8).contains(&config.limits.expensive_concurrency));
        assert_eq!(config.limits.expensive_per_client, 2);
    }

    #[test]
    fn limits_can_be_set_and_zero_is_refused() {
        let config =
            Config::from_lookup(|name| (name == "EXPENSIVE_CONCURRENCY").then(|| "3".to_string()))
                .unwrap();
        assert_eq!(config.limits.expensive_concurrency, 3);
        assert!(
            Config::from_lookup(|name| (name == "BODY_TIMEOUT_SECS").then(|| "0".into())).is_err()
        );
    }

    #[test]
    fn https_base_url_makes_cookies_secure() {
        let config = Config::from_lookup(|name| {
            (name == "BASE_URL").then(|| "https://knowbridge.example/".to_string())
        })
        .unwrap();
        assert!(config.secure_cookies());
        assert_eq!(config.link("/login"), "https://knowbridge.example/login");
    }
}
