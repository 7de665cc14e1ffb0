//! Static files under `/static`, with long-lived cache headers and URLs that change whenever
//! the stylesheet changes (`/static/css/site.css?v=<hash>`).

use sha2::{Digest, Sha256};

/// A short hash of the stylesheet, computed once at start-up and put in every asset URL.
pub fn version_of(static_dir: &std::path::Path) -> String {
    let css = std::fs::read(static_dir.join("css/site.css")).unwrap_or_default();
    Sha256::digest(&css)
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}
