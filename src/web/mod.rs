//! HTTP plumbing shared by every feature: request context, sessions, cookies, CSRF, security
//! headers, role guards, rate limits, rendering, error pages and redirects.

pub mod assets;
pub mod client_ip;
pub mod context;
pub mod cookies;
pub mod csrf;
pub mod error_pages;
pub mod forms;
pub mod guards;
pub mod idempotency;
pub mod limits;
pub mod markdown;
pub mod pagination;
pub mod rate_limit;
pub mod redirect;
pub mod render;
pub mod security_headers;
pub mod session;
