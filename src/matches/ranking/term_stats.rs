//! How often each term (and each facet value) occurs in each kind of document
//! (`text::TermFrequencies`), read from PostgreSQL's statistics and kept for a few minutes.
//! Every ranking request asked for them (twice for the recommendations, about thousands of
//! terms), 2–5 ms a time at 100,000 profiles; the statistics themselves only
//! change when ANALYZE runs (autovacuum, or after a bulk load), so a short-lived copy is as
//! good. Kept per application state, so tests with their own databases never share one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::PgConnection;

use crate::matches::ranking::queries::{self, Counted, Documents};
use crate::matches::ranking::text::TermFrequencies;

/// How long a copy of the statistics is used before it is read again.
pub const REFRESH_AFTER: Duration = Duration::from_secs(5 * 60);

/// When a copy was read, and what it holds.
type Snapshot = (Instant, Arc<TermFrequencies>);

#[derive(Default)]
pub struct TermStats {
    copies: Mutex<HashMap<(Documents, Counted), Snapshot>>,
}

impl TermStats {
    /// The term frequencies of `docs`, from a copy at most [`REFRESH_AFTER`] old.
    pub async fn of(
        &self,
        conn: &mut PgConnection,
        docs: Documents,
    ) -> sqlx::Result<Arc<TermFrequencies>> {
        self.read(conn, (docs, Counted::Terms)).await
    }

    /// How often each facet value occurs in `docs` (same statistics, column `facet_values`).
    pub async fn facets_of(
        &self,
        conn: &mut PgConnection,
        docs: Documents,
    ) -> sqlx::Result<Arc<TermFrequencies>> {
        self.read(conn, (docs, Counted::Facets)).await
    }

    async fn read(
        &self,
        conn: &mut PgConnection,
        key: (Documents, Counted),
    ) -> sqlx::Result<Arc<TermFrequencies>> {
        if let Some(fresh) = self.fresh_copy(key) {
            return Ok(fresh);
        }
        // Two requests may both read them; the later copy simply replaces the earlier.
        let read = Arc::new(queries::term_frequencies_of(conn, key.0, key.1).await?);
        self.lock().insert(key, (Instant::now(), read.clone()));
        Ok(read)
    }

    fn fresh_copy(&self, key: (Documents, Counted)) -> Option<Arc<TermFrequencies>> {
        self.lock()
            .get(&key)
            .filter(|(read_at, _)| read_at.elapsed() < REFRESH_AFTER)
            .map(|(_, frequencies)| frequencies.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Documents, Counted), Snapshot>> {
        // A panic while holding the lock cannot leave the map half-written: recover it.
        self.copies.lock().unwrap_or_else(|e| e.into_inner())
    }
}
