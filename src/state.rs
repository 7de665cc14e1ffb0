//! What every handler can reach: the database pool, the configuration and the mailer.

use std::sync::Arc;

use axum::extract::FromRef;
use sqlx::PgPool;

use crate::auth::password::PasswordHasher;
use crate::config::Config;
use crate::matches::ranking::term_stats::TermStats;
use crate::notifications::mailer::Mailer;
use crate::web::limits::Limiter;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub config: Arc<Config>,
    pub mailer: Arc<Mailer>,
    pub passwords: Arc<PasswordHasher>,
    /// Hash of the stylesheet, put in asset URLs so browsers may cache them for a year.
    pub asset_version: Arc<str>,
    /// Turns for expensive requests (searches, rankings, CSV exports): `web::limits`.
    pub limiter: Arc<Limiter>,
    /// The common terms of profiles and problems, for ranking: `matches::ranking::term_stats`.
    pub term_stats: Arc<TermStats>,
}

impl AppState {
    pub fn new(db: PgPool, config: Config) -> anyhow::Result<Self> {
        let mailer = Mailer::from_config(&config)?;
        Ok(AppState {
            db,
            mailer: Arc::new(mailer),
            passwords: Arc::new(PasswordHasher::new()),
            asset_version: crate::web::assets::version_of(&config.static_dir).into(),
            limiter: Arc::new(Limiter::new(&config.limits)),
            term_stats: Arc::new(TermStats::default()),
            config: Arc::new(config),
        })
    }
}

impl FromRef<AppState> for PgPool {
    fn from_ref(state: &AppState) -> PgPool {
        state.db.clone()
    }
}

impl FromRef<AppState> for Arc<Config> {
    fn from_ref(state: &AppState) -> Arc<Config> {
        state.config.clone()
    }
}
