//! The common terms of each kind of document, read from PostgreSQL's statistics and kept for
//! a few minutes. Every ranking request asked for them (twice for the recommendations, about
//! thousands of terms), 2–5 ms a time at 100,000 profiles; the statistics themselves only
//! change when ANALYZE runs (autovacuum, or after a bulk load), so a short-lived copy is as
//! good. Kept per application state, so tests with their own databases never share one.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::PgConnection;

use crate::matches::ranking::queries::{self, Documents};

/// How long a copy of the statistics is used before it is read again.
pub const REFRESH_AFTER: Duration = Duration::from_secs(5 * 60);

/// When a copy was read, and the common terms it holds.
type Snapshot = (Instant, Arc<HashSet<String>>);

#[derive(Default)]
pub struct TermStats {
    copies: Mutex<HashMap<Documents, Snapshot>>,
}

impl TermStats {
    /// The terms among `terms` that are too common to look for in `docs`.
    pub async fn common_among(
        &self,
        conn: &mut PgConnection,
        docs: Documents,
        terms: &[&str],
    ) -> sqlx::Result<HashSet<String>> {
        let common = self.common_terms(conn, docs).await?;
        Ok(terms
            .iter()
            .filter(|t| common.contains(**t))
            .map(|t| t.to_string())
            .collect())
    }

    async fn common_terms(
        &self,
        conn: &mut PgConnection,
        docs: Documents,
    ) -> sqlx::Result<Arc<HashSet<String>>> {
        if let Some(fresh) = self.fresh_copy(docs) {
            return Ok(fresh);
        }
        // Two requests may both read them; the later copy simply replaces the earlier.
        let common = Arc::new(queries::common_terms_of(conn, docs).await?);
        self.lock().insert(docs, (Instant::now(), common.clone()));
        Ok(common)
    }

    fn fresh_copy(&self, docs: Documents) -> Option<Arc<HashSet<String>>> {
        self.lock()
            .get(&docs)
            .filter(|(read_at, _)| read_at.elapsed() < REFRESH_AFTER)
            .map(|(_, common)| common.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Documents, Snapshot>> {
        // A panic while holding the lock cannot leave the map half-written: recover it.
        self.copies.lock().unwrap_or_else(|e| e.into_inner())
    }
}
